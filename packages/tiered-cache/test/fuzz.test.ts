import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createKeyring, type TieredCache } from "@sextant/tiered-cache";
import { createNodeCache } from "@sextant/tiered-cache/node";
import { frameEntry, parseEntry } from "../src/node/disk-entry-format.js";
import { rawClient, redisUrl, uniquePrefix, waitFor } from "./support/redis.js";

/** A small seeded generator (LCG), so failures reproduce. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return { next, int: (n: number) => Math.floor(next() * n), bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)) };
}

/** Random mutations of a valid input: truncation, bit flips, random bytes, splices. */
function mutate(rng: ReturnType<typeof seeded>, good: Uint8Array): Uint8Array {
  switch (rng.int(4)) {
    case 0: return good.slice(0, rng.int(good.length));
    case 1: { const b = good.slice(); for (let i = 0; i <= rng.int(4); i++) b[rng.int(b.length)]! ^= 1 << rng.int(8); return b; }
    case 2: return rng.bytes(rng.int(200));
    default: { const b = new Uint8Array(good.length + 10); b.set(good); b.set(rng.bytes(10), good.length); return b; }
  }
}

const open: TieredCache[] = [];
afterAll(async () => { await Promise.all(open.map((c) => c.close())); });

describe("fuzz (seeded)", () => {
  it("the L2 file parser rejects every mutated entry without throwing", () => {
    const rng = seeded(7);
    const good = frameEntry(new TextEncoder().encode(JSON.stringify({ hello: "world" })), 1, 2);
    expect(parseEntry(good).ok).toBe(true);
    let accepted = 0;
    for (let i = 0; i < 5_000; i++) {
      const input = mutate(rng, good);
      const parsed = parseEntry(input);
      if (parsed.ok) { accepted++; expect(Buffer.from(input).equals(Buffer.from(good))).toBe(true); }
    }
    expect(accepted).toBeLessThan(50);
  });

  it("a reader over randomly damaged L2 files gets the value or a miss, never an error or garbage", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sextant-fuzz-"));
    const writer = createNodeCache({ disk: { dir } });
    await writer.set("k", { n: 42, text: "é".repeat(100) });
    const find = (d: string): string => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) { if (name !== "tmp") { const f = find(p); if (f) return f; } } else if (name !== "tags.json") return p;
      }
      return "";
    };
    const file = find(join(dir, "v2"));
    const good = new Uint8Array(readFileSync(file));
    const rng = seeded(11);
    for (let i = 0; i < 150; i++) {
      writeFileSync(file, mutate(rng, good));
      const reader = createNodeCache({ disk: { dir } });
      const value = await reader.get("k");
      if (value !== undefined) expect(value).toEqual({ n: 42, text: "é".repeat(100) });
    }
  });

  it("decryption refuses random and mutated ciphertexts", async () => {
    const ring = await createKeyring("a fuzzing secret of enough length!!");
    const good = await ring.encrypt(new Uint8Array([1, 2, 3, 4]), "ctx");
    const rng = seeded(3);
    for (let i = 0; i < 300; i++) {
      const input = mutate(rng, good);
      if (Buffer.from(input).equals(Buffer.from(good))) continue;
      await expect(ring.decrypt(input, "ctx")).rejects.toThrow();
    }
  });

  it.skipIf(!redisUrl)("the bus ignores junk published on its channel and keeps working", async () => {
    const prefix = uniquePrefix("fuzzbus");
    const a = createNodeCache({ redis: { url: redisUrl, prefix } });
    const b = createNodeCache({ redis: { url: redisUrl, prefix } });
    open.push(a, b);
    await Promise.all([a.ready(), b.ready()]);
    const raw = rawClient(redisUrl);
    const rng = seeded(5);
    for (let i = 0; i < 200; i++) {
      const junk = i % 2 === 0 ? Buffer.from(rng.bytes(rng.int(80))) : `${rng.int(1000)} {"src":"x","m":${JSON.stringify({ type: ["set", "tags", "clear", "reset", "??"][rng.int(5)], keys: rng.int(2) ? ["k"] : 5, tags: null })}}`;
      await raw.publish(`${prefix}\u0000bus`, junk);
    }
    raw.disconnect();
    await b.set("k", 1);
    expect(await a.get("k")).toBe(1);
    await b.set("k", 2);
    await waitFor(() => expect(a.peek("k")).toBeUndefined());
    expect(await a.get("k")).toBe(2);
  });
});
