import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { TieredCache } from "@sextant/tiered-cache";
import { createNodeCache, type NodeCacheOptions } from "@sextant/tiered-cache/node";
import { rawClient, redisUrl, uniquePrefix, waitFor } from "./support/redis.js";

const open: TieredCache[] = [];
const make = (options: Omit<NodeCacheOptions, "redis"> & { redis?: Partial<NonNullable<NodeCacheOptions["redis"]>> }, prefix: string) => {
  const cache = createNodeCache({ ...options, redis: { url: redisUrl, prefix, ...options.redis } });
  open.push(cache);
  return cache;
};
afterAll(async () => { await Promise.all(open.map((c) => c.close())); });
const raw = redisUrl ? rawClient(redisUrl) : undefined;
afterAll(() => raw?.disconnect());

describe.skipIf(!redisUrl)("Redis tier (L3)", () => {
  it("shares values between caches through Redis with prefixed keys and TTLs", async () => {
    const prefix = uniquePrefix("l3");
    const a = make({ redis: { bus: false } }, prefix);
    const b = make({ redis: { bus: false } }, prefix);
    await a.namespace("schema").set("users", { columns: ["id"] }, { ttl: 60_000 });
    expect(await b.namespace("schema").get("users")).toEqual({ columns: ["id"] });
    const keys = await raw!.keys(`${prefix}*`);
    expect(keys).toContain(`${prefix}schema:users`);
    const pttl = await raw!.pttl(`${prefix}schema:users`);
    expect(pttl).toBeGreaterThan(50_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await a.namespace("schema").clear();
    expect(await raw!.exists(`${prefix}schema:users`)).toBe(0);
    const l3 = b.metrics().tiers.find((t) => t.tier === "l3" && t.namespace === "schema")!;
    expect(l3.hits).toBe(1);
  });

  it("stores only ciphertext and hashed keys when encryption is on", async () => {
    const prefix = uniquePrefix("enc");
    const secret = "an example secret of 32+ characters!";
    const a = make({ redis: { bus: false }, encryption: { secret } }, prefix);
    await a.set("SELECT * FROM payroll", "confidential text");
    const keys = await raw!.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain("payroll");
    const stored = await raw!.getBuffer(keys[0]!);
    expect(stored!.toString("latin1")).not.toContain("confidential");
    const b = make({ redis: { bus: false }, encryption: { secret } }, prefix);
    expect(await b.get("SELECT * FROM payroll")).toBe("confidential text");
  });

  it("keeps L1 of other processes coherent over the bus (set, delete, tags, clear)", async () => {
    const prefix = uniquePrefix("bus");
    const a = make({}, prefix);
    const b = make({}, prefix);
    await Promise.all([waitBus(a), waitBus(b)]);
    await a.set("k", "v1", { tags: ["file:a.sql"] });
    expect(await b.get("k")).toBe("v1");
    expect(b.peek("k")).toBe("v1");
    await a.set("k", "v2", { tags: ["file:a.sql"] });
    await waitFor(() => expect(b.peek("k")).toBeUndefined());
    expect(await b.get("k")).toBe("v2");
    await a.invalidateTags(["file:a.sql"]);
    await waitFor(() => expect(b.peek("k")).toBeUndefined());
    expect(await b.get("k")).toBeUndefined();
    await b.set("d", 1);
    expect(await a.get("d")).toBe(1);
    await b.delete("d");
    await waitFor(() => expect(a.peek("d")).toBeUndefined());
    await a.namespace("n").set("x", 1);
    expect(await b.namespace("n").get("x")).toBe(1);
    await a.namespace("n").clear();
    await waitFor(() => expect(b.namespace("n").peek("x")).toBeUndefined());
  });

  it("answers many concurrent lookups (written to the socket together) each with its own value", async () => {
    const prefix = uniquePrefix("concurrent");
    const writer = make({ redis: { bus: false } }, prefix);
    await Promise.all(Array.from({ length: 200 }, (_, i) => writer.set(`c${i}`, { i })));
    const reader = make({ redis: { bus: false }, l1: { maxEntries: 1 } }, prefix);
    for (let round = 0; round < 3; round++) {
      const values = await Promise.all(Array.from({ length: 200 }, (_, i) => reader.get(`c${(i * 7 + round) % 200}`)));
      values.forEach((v, i) => expect(v).toEqual({ i: (i * 7 + round) % 200 }));
    }
    expect(await reader.get("absent")).toBeUndefined();
  });

  it("learns tag invalidations made before it started (tag times kept in Redis)", async () => {
    const prefix = uniquePrefix("tags");
    const a = make({ redis: { bus: false } }, prefix);
    await a.set("k", 1, { tags: ["t"] });
    await a.invalidateTags(["t"]);
    const b = make({ redis: { bus: false } }, prefix);
    await waitFor(async () => expect(await b.get("k")).toBeUndefined());
  });

  it("resets local tiers when a bus generation is skipped (a missed invalidation)", async () => {
    const prefix = uniquePrefix("gen");
    const dir = mkdtempSync(join(tmpdir(), "sextant-gen-"));
    const a = make({}, prefix);
    const b = make({ disk: { dir } }, prefix);
    await Promise.all([waitBus(a), waitBus(b)]);
    await b.set("k", "held locally");
    await a.set("other", 1); // b now knows the current generation
    await waitFor(() => expect(b.peek("other")).toBeUndefined());
    const infos: string[] = [];
    b.on("info", (i) => infos.push(i.message));
    await raw!.incr(`${prefix}\u0000generation`); // a message that never arrived
    await raw!.del(`${prefix}default:k`); // ...which had invalidated k elsewhere
    await a.set("other", 2);
    await waitFor(() => expect(infos.join("\n")).toMatch(/generation gap/));
    expect(b.peek("k")).toBeUndefined();
    expect(await b.get("k")).toBeUndefined(); // the L2 copy predates the reset and is not trusted
  });

  it("computes anyway when a lock holder died (waits at most lockWait)", async () => {
    const prefix = uniquePrefix("deadlock");
    const cache = createNodeCache({ redis: { url: redisUrl, prefix, lock: true }, lockWait: 200 });
    open.push(cache);
    await raw!.set(`${prefix}\u0000lock:default:k`, "a crashed process", "PX", 60_000);
    expect(await cache.getOrSet("k", () => "computed")).toBe("computed");
    // The other process's lock was waited out, not stolen or deleted.
    expect(await raw!.get(`${prefix}\u0000lock:default:k`)).toBe("a crashed process");
  });

  it("computes once across caches with the Redis lock", async () => {
    const prefix = uniquePrefix("lock");
    const caches = [0, 1, 2].map(() => make({ redis: { lock: true } }, prefix));
    let calls = 0;
    const factory = async () => { calls++; await new Promise((r) => setTimeout(r, 100)); return "computed"; };
    const results = await Promise.all(caches.flatMap((c) => Array.from({ length: 20 }, () => c.getOrSet("hot", factory))));
    expect(new Set(results)).toEqual(new Set(["computed"]));
    expect(calls).toBe(1);
  });
});

/** Waits until a cache's bus subscription is live. */
async function waitBus(cache: TieredCache): Promise<void> {
  await cache.ready();
}
