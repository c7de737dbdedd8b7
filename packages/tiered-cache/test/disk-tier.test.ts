import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createTieredCache } from "@sextant/tiered-cache";
import { createDiskTier, createNodeCache, type DiskFs } from "@sextant/tiered-cache/node";
import { memoryTier } from "./support/memory-tier.js";

const freshDir = () => mkdtempSync(join(tmpdir(), "sextant-l2-"));

function entryFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) { if (name !== "tmp") walk(p); } else if (name !== "tags.json") out.push(p);
    }
  };
  walk(join(dir, "v2"));
  return out;
}

describe("disk tier (L2)", () => {
  it("persists across cache instances and namespaces, with fsync", async () => {
    const dir = freshDir();
    const a = createNodeCache({ disk: { dir, fsync: true } });
    await a.set("k", { v: 1 });
    await a.namespace("schema").set("k", "S");
    const b = createNodeCache({ disk: { dir, syncReads: false } });
    expect(await b.get("k")).toEqual({ v: 1 });
    expect(await b.namespace("schema").get("k")).toBe("S");
    await b.namespace("schema").clear();
    const c = createNodeCache({ disk: { dir } });
    expect(await c.namespace("schema").get("k")).toBeUndefined();
    expect(await c.get("k")).toEqual({ v: 1 });
  });

  // The third case reads synchronously into a buffer too small for the entries, so each read
  // falls back to the promise API after the synchronous attempt.
  for (const reads of [{ syncReads: true }, { syncReads: false }, { syncReads: true, syncReadMaxBytes: 64 }]) it(`treats a corrupt or torn file as a miss and removes it (${JSON.stringify(reads)})`, async () => {
    const dir = freshDir();
    const writer = createNodeCache({ disk: { dir } });
    await writer.set("flip", "x".repeat(100));
    await writer.set("torn", "y".repeat(100));
    await writer.set("good", "z".repeat(100));
    const files = entryFiles(dir);
    const goodFile = files.find((f) => readFileSync(f).includes("zzz"))!;
    const [one, two] = files.filter((f) => f !== goodFile);
    const bytes = readFileSync(one!);
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(one!, bytes);
    writeFileSync(two!, readFileSync(two!).subarray(0, 70));
    const reader = createNodeCache({ disk: { dir, ...reads } });
    expect(await reader.get("good")).toBe("z".repeat(100));
    unlinkSync(goodFile);
    const corrupt: string[] = [];
    reader.on("corrupt", (c) => corrupt.push(c.reason));
    expect(await reader.get("flip")).toBeUndefined();
    expect(await reader.get("torn")).toBeUndefined();
    expect(corrupt.sort()).toEqual(expect.arrayContaining([expect.stringMatching(/checksum mismatch|length mismatch/)]));
    expect(corrupt).toHaveLength(2);
    expect(entryFiles(dir)).toHaveLength(0);
  });

  it("reads entries on both sides of the synchronous read limit, and a file of the first layout is a miss that is removed", async () => {
    const dir = freshDir();
    const writer = createNodeCache({ disk: { dir } });
    const small = "s".repeat(10);
    const large = "L".repeat(5_000);
    await writer.set("small", small);
    await writer.set("large", large);
    await writer.set("old", "o");
    const old = entryFiles(dir).find((f) => readFileSync(f).includes("\"o\""))!;
    const stc1 = readFileSync(old);
    stc1.write("STC1", 0, "latin1");
    writeFileSync(old, stc1);
    for (const syncReadMaxBytes of [0, 100, 5_000, 64 * 1024]) {
      const reader = createNodeCache({ disk: { dir, syncReadMaxBytes } });
      expect(await reader.get("small")).toBe(small);
      expect(await reader.get("large")).toBe(large);
    }
    const reader = createNodeCache({ disk: { dir } });
    const corrupt: string[] = [];
    reader.on("corrupt", (c) => corrupt.push(c.reason));
    expect(await reader.get("old")).toBeUndefined();
    expect(corrupt).toEqual(["older file format"]);
    expect(entryFiles(dir)).toHaveLength(2);
  });

  it("hands out copies of what it read synchronously, so a later read cannot change bytes a faster tier is still writing", async () => {
    const dir = freshDir();
    const writer = createNodeCache({ disk: { dir } });
    for (let i = 0; i < 20; i++) await writer.set(`k${i}`, { i, text: String(i).repeat(20) });
    const upper = memoryTier("upper");
    const cache = createTieredCache({ tiers: [upper, createDiskTier({ dir })], l1: { maxEntries: 1 } });
    // Twenty disk hits back to back: each backfills the upper tier with the bytes it read.
    await Promise.all(Array.from({ length: 20 }, (_, i) => cache.get(`k${i}`)));
    expect(upper.data.size).toBe(20);
    const check = createTieredCache({ tiers: [upper], l1: { maxEntries: 1 } });
    for (let i = 0; i < 20; i++) expect(await check.get(`k${i}`)).toEqual({ i, text: String(i).repeat(20) });
  });

  it("answers a small entry synchronously through readNow, and declines what needs the slow path", async () => {
    const dir = freshDir();
    const tier = createDiskTier({ dir, syncReadMaxBytes: 256 });
    const use = (bytes: Uint8Array) => Array.from(bytes);
    // Not open yet: the caller must go through get().
    expect(tier.readNow("default", "k", use)).toBeNull();
    await tier.set("default", "k", new Uint8Array([1, 2, 3]), 60_000, Date.now());
    await tier.set("default", "big", new Uint8Array(300), 60_000, Date.now());
    await tier.set("default", "old", new Uint8Array([4]), 1, Date.now());
    expect(tier.readNow("default", "k", use)).toEqual([1, 2, 3]);
    expect(tier.readNow("default", "absent", use)).toBeUndefined();
    expect(tier.readNow("default", "big", use)).toBeNull();
    expect((await tier.get("default", "big"))?.length).toBe(300);
    await new Promise((r) => setTimeout(r, 5));
    expect(tier.readNow("default", "old", use)).toBeNull();
    expect(await tier.get("default", "old")).toBeUndefined();
    expect(createDiskTier({ dir, syncReads: false }).readNow("default", "k", use)).toBeNull();
  });

  it("removes an entry whose checksum holds but whose envelope does not decode, read synchronously", async () => {
    const dir = freshDir();
    const tier = createDiskTier({ dir });
    await tier.set("default", "k", new Uint8Array([9, 9, 9]), 60_000, Date.now());
    const cache = createTieredCache({ tiers: [tier] });
    const corrupt: string[] = [];
    cache.on("corrupt", (c) => corrupt.push(c.reason));
    expect(await cache.get("k")).toBeUndefined();
    expect(corrupt).toEqual([expect.stringMatching(/envelope/)]);
    await vi.waitFor(() => expect(entryFiles(dir)).toHaveLength(0));
  });

  it("turns a failing synchronous read into a miss with one warning, or a rejection (never a throw) when strict", async () => {
    const dir = freshDir();
    await createNodeCache({ disk: { dir } }).set("k", 1);
    const failing: DiskFs = {
      ...fsPromises,
      readIntoSync: () => { throw Object.assign(new Error("EIO: simulated"), { code: "EIO" }); },
    };
    const lenient = createTieredCache({ tiers: [createDiskTier({ dir, fs: failing })] });
    await lenient.ready();
    const warnings: string[] = [];
    lenient.on("warning", (w) => warnings.push(w.message));
    await new Promise((r) => setTimeout(r, 20));
    expect(await lenient.get("k")).toBeUndefined();
    expect(await lenient.get("k")).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/EIO/)]);
    const strict = createTieredCache({ tiers: [createDiskTier({ dir, fs: failing })], strict: true });
    await new Promise((r) => setTimeout(r, 20));
    let pending: Promise<unknown> | undefined;
    expect(() => { pending = strict.get("k"); }).not.toThrow();
    await expect(pending).rejects.toThrow(/tier l2 is unavailable/);
  });

  it("expires entries on disk after ttl + grace and removes the file", async () => {
    const dir = freshDir();
    const writer = createNodeCache({ disk: { dir }, ttl: 20, grace: 20 });
    await writer.set("k", 1);
    expect(entryFiles(dir)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 60));
    const later = createNodeCache({ disk: { dir } });
    expect(await later.get("k")).toBeUndefined();
    expect(entryFiles(dir)).toHaveLength(0);
  });

  it("clearAll empties every namespace on disk", async () => {
    const dir = freshDir();
    const cache = createNodeCache({ disk: { dir } });
    await cache.set("a", 1);
    await cache.namespace("x").set("b", 2);
    await cache.clearAll();
    expect(entryFiles(dir)).toHaveLength(0);
    expect(await cache.get("a")).toBeUndefined();
    expect(await cache.namespace("x").get("b")).toBeUndefined();
  });

  it("keeps to its size budget by evicting the least recently used files", async () => {
    const dir = freshDir();
    const tier = createDiskTier({ dir, maxBytes: 20_000 });
    const cache = createTieredCache({ tiers: [tier], l1: { maxEntries: 1 } });
    const evicted: number[] = [];
    cache.on("evict", (e) => { if (e.tier === "l2") evicted.push(e.count); });
    for (let i = 0; i < 40; i++) await cache.set(`k${i}`, "z".repeat(1000));
    expect(tier.bytes()).toBeLessThanOrEqual(20_000);
    const total = entryFiles(dir).reduce((sum, f) => sum + statSync(f).size, 0);
    expect(total).toBeLessThanOrEqual(20_000);
    expect(evicted.length).toBeGreaterThan(0);
    expect(await cache.get("k39")).toBe("z".repeat(1000));
    expect(await cache.get("k0")).toBeUndefined();
  });

  it("counts a read as a use: a file read since it was written outlives files written after it", async () => {
    const dir = freshDir();
    const tier = createDiskTier({ dir, maxBytes: 12_000 });
    // L1 keeps nothing, so every get below reads the disk tier.
    const cache = createTieredCache({ tiers: [tier], l1: { maxBytes: 1 } });
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, "z".repeat(1000));
    expect(await cache.get("k0")).toBe("z".repeat(1000));
    expect(await cache.get("k1")).toBe("z".repeat(1000));
    for (let i = 10; i < 14; i++) await cache.set(`k${i}`, "z".repeat(1000));
    expect(tier.bytes()).toBeLessThanOrEqual(12_000);
    expect(await cache.get("k0")).toBe("z".repeat(1000));
    expect(await cache.get("k1")).toBe("z".repeat(1000));
    expect(await cache.get("k13")).toBe("z".repeat(1000));
    expect(await cache.get("k2")).toBeUndefined();
    expect(await cache.get("k3")).toBeUndefined();
  });

  it("counts files left by earlier processes against the budget", async () => {
    const dir = freshDir();
    const first = createDiskTier({ dir, maxBytes: 1_000_000 });
    const writer = createTieredCache({ tiers: [first] });
    for (let i = 0; i < 10; i++) await writer.namespace("n").set(`old${i}`, "o".repeat(1000));
    const second = createDiskTier({ dir, maxBytes: 15_000 });
    const cache = createTieredCache({ tiers: [second], l1: { maxEntries: 1 } });
    expect(await cache.namespace("n").get("old0")).toBe("o".repeat(1000)); // also waits for the start-up scan
    expect(second.bytes()).toBeGreaterThan(10_000);
    for (let i = 0; i < 10; i++) await cache.namespace("n").set(`new${i}`, "n".repeat(1000));
    const total = entryFiles(dir).reduce((sum, f) => sum + statSync(f).size, 0);
    expect(total).toBeLessThanOrEqual(15_000);
    expect(await cache.namespace("n").get("new9")).toBe("n".repeat(1000));
  });

  for (const code of ["ENOSPC", "EACCES"]) {
    it(`disables itself with one warning when writes fail with ${code} (injected fs)`, async () => {
      const failing: DiskFs = {
        ...fsPromises,
        open: (async (path: string, flags?: string) => {
          if (flags === "wx") throw Object.assign(new Error(`${code}: simulated`), { code });
          return fsPromises.open(path, flags);
        }) as DiskFs["open"],
      };
      const tier = createDiskTier({ dir: freshDir(), fs: failing });
      const cache = createTieredCache({ tiers: [tier] });
      const warnings: string[] = [];
      cache.on("warning", (w) => warnings.push(w.message));
      await cache.set("a", 1);
      await cache.set("b", 2);
      expect(await cache.get("a")).toBe(1);
      expect(tier.disabled).toBe(true);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`disk tier l2 disabled.*${code}`));
    });
  }

  it("disables itself when the cache dir sits under a regular file (real ENOTDIR)", async () => {
    const file = join(freshDir(), "not-a-dir");
    writeFileSync(file, "x");
    const tier = createDiskTier({ dir: join(file, "cache") });
    const cache = createTieredCache({ tiers: [tier] });
    const warnings: string[] = [];
    cache.on("warning", (w) => warnings.push(w.message));
    await cache.set("a", 1);
    expect(await cache.getOrSet("b", () => 2)).toBe(2);
    expect(tier.disabled).toBe(true);
    expect(warnings.join("\n")).toMatch(/ENOTDIR/);
  });

  it("disables itself on a real read-only file system (/proc)", async () => {
    const tier = createDiskTier({ dir: "/proc/sextant-cache" });
    const cache = createTieredCache({ tiers: [tier] });
    await cache.set("a", 1);
    expect(await cache.get("a")).toBe(1);
    expect(tier.disabled).toBe(true);
  });

  it("never shows a reader a torn entry while a writer is SIGKILLed mid-write", async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, [join(import.meta.dirname, "children", "disk-writer.mjs"), dir], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
    const reader = createNodeCache({ disk: { dir }, l1: { maxEntries: 1 } });
    const corrupt: string[] = [];
    reader.on("corrupt", (c) => corrupt.push(c.reason));
    let seen = 0;
    const started = Date.now();
    let killed = false;
    while (Date.now() - started < 1_500) {
      for (let k = 0; k < 4; k++) {
        const value = await reader.get<{ n: number; body: string; sum: number }>(`big${k}`);
        if (value === undefined) continue;
        // Every value a reader sees is whole: its body matches the number it was made from.
        expect(value.body).toBe(String(value.n).repeat(50_000));
        expect(value.sum).toBe(value.n * 7);
        seen++;
      }
      await reader.delete("noise"); // drops L1 entries too
      await new Promise((r) => setTimeout(r, 1));
      if (!killed && Date.now() - started > 700) { child.kill("SIGKILL"); killed = true; }
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
    expect(child.signalCode).toBe("SIGKILL");
    expect(seen).toBeGreaterThan(10);
    expect(corrupt).toEqual([]);
    // A fresh reader after the kill also sees only whole entries (temp files are not entries).
    const after = createNodeCache({ disk: { dir } });
    for (let k = 0; k < 4; k++) {
      const value = await after.get<{ n: number; body: string }>(`big${k}`);
      if (value) expect(value.body).toBe(String(value.n).repeat(50_000));
    }
  });
});

describe("namespace names on disk", () => {
  it("a tier used on its own refuses '.' and '..', which would name other namespaces' directories", async () => {
    const dir = freshDir();
    const tier = createDiskTier({ dir });
    const cache = createTieredCache({ tiers: [tier] });
    await cache.namespace("users").set("u1", { name: "ada" });
    // Clearing '.' renamed the directory of every namespace away: all their entries were lost.
    for (const name of [".", ".."]) await expect(tier.clear(name)).rejects.toThrow(/not a valid namespace name/);
    const later = createNodeCache({ disk: { dir } });
    expect(await later.namespace("users").get("u1")).toEqual({ name: "ada" });
  });
});
