import { describe, expect, it } from "vitest";
import { createTieredCache } from "../src/index.js";

// L1 hits read a per-namespace key index and only stamp the entry; the hits reach lru-cache's
// recency list when a set would evict ("second chance", see L1Memory). These tests pin down
// what that must keep: LRU eviction order, and the index in step with lru-cache through
// replacements, deletes, clears, evictions and shedding.
describe("L1 recency and key index", () => {
  it("keeps an entry hit since it last moved over entries not hit since", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 4 } });
    for (const k of ["a", "b", "c", "d"]) await cache.set(k, k);
    expect(cache.getSync("a")).toBe("a"); // the oldest, but hit: moved when e needs room
    await cache.set("e", "e"); // evicts the oldest not hit since: b
    expect(cache.peek("a")).toBe("a");
    expect(cache.peek("b")).toBeUndefined();
    expect(await cache.get("c")).toBe("c"); // now the oldest, hit (async path)
    await cache.set("f", "f");
    expect(cache.peek("c")).toBe("c");
    expect(cache.peek("d")).toBeUndefined();
    expect(cache.l1Stats().entries).toBe(4);
  });

  it("behaves as an LRU for a cyclic scan at capacity (every hit is on the oldest entry)", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 8 } });
    for (let i = 0; i < 8; i++) await cache.set(`k${i}`, i);
    for (let round = 0; round < 3; round++) for (let i = 0; i < 8; i++) expect(cache.getSync(`k${i}`)).toBe(i);
    // k0 was hit longest ago: a new entry evicts it and nothing else.
    await cache.set("new", "x");
    expect(cache.peek("k0")).toBeUndefined();
    for (let i = 1; i < 8; i++) expect(cache.peek(`k${i}`)).toBe(i);
  });

  it("applies hits when the byte budget, not the entry count, makes room", async () => {
    // Entries of 1-2 KB fill a 20 KB budget long before 10,000 entries.
    const cache = createTieredCache({ l1: { maxBytes: 20_000 } });
    const big = (i: number) => `${i}`.padEnd(900, "x");
    for (let i = 0; i < 30; i++) await cache.set(`k${i}`, big(i));
    const held = cache.l1Stats().entries;
    expect(held).toBeGreaterThanOrEqual(8);
    expect(held).toBeLessThan(30);
    const oldest = Array.from({ length: 30 }, (_, i) => `k${i}`).find((k) => cache.peek(k) !== undefined)!;
    expect(cache.getSync(oldest)).toBe(big(Number(oldest.slice(1))));
    await cache.set("new", big(99));
    expect(cache.peek(oldest)).toBe(big(Number(oldest.slice(1))));
  });

  it("keeps the index in step through replace, delete, clear, eviction and shedding", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 3 } });
    const ns = cache.namespace("n");
    await cache.set("k", 1);
    await cache.set("k", 2);
    expect(cache.getSync("k")).toBe(2);
    await ns.set("k", "n");
    expect(ns.getSync("k")).toBe("n");
    await cache.delete("k");
    expect(cache.getSync("k")).toBeUndefined();
    expect(ns.getSync("k")).toBe("n");
    await ns.clear();
    expect(ns.getSync("k")).toBeUndefined();
    for (const k of ["a", "b", "c", "d"]) await cache.set(k, k);
    expect(cache.getSync("a")).toBeUndefined(); // evicted by the entry count
    expect(cache.shed(1).count).toBe(3);
    for (const k of ["b", "c", "d"]) expect(cache.getSync(k)).toBeUndefined();
    const m = cache.metrics().tiers.find((t) => t.tier === "l1" && t.namespace === "default")!;
    expect(m.hits).toBe(1);
    expect(m.misses).toBe(5);
  });

  it("never serves another namespace's entry for a default key that spells its L1 key", async () => {
    const cache = createTieredCache();
    await cache.namespace("schema").set("k", "secret");
    expect(cache.getSync("\u0000schema\u0000k")).toBeUndefined();
    expect(cache.peek("\u0000schema\u0000k")).toBeUndefined();
    await expect(cache.get("\u0000schema\u0000k")).rejects.toThrow(/NUL/);
  });

  it("sheds the entries least recently set or hit, hits included", async () => {
    const cache = createTieredCache();
    for (let i = 0; i < 8; i++) await cache.set(`k${i}`, i);
    expect(cache.getSync("k0")).toBe(0);
    expect(await cache.get("k1")).toBe(1);
    expect(cache.shed(0.5).count).toBe(4);
    for (const k of ["k0", "k1", "k6", "k7"]) expect(cache.peek(k)).not.toBeUndefined();
    for (const k of ["k2", "k3", "k4", "k5"]) expect(cache.peek(k)).toBeUndefined();
  });
});

describe("L1 eviction counting with second chance", () => {
  it("counts and reports each entry evicted to make room, never a moved one", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 3 } });
    const evicted: number[] = [];
    cache.on("evict", (e) => evicted.push(e.count));
    for (const k of ["a", "b", "c"]) await cache.set(k, k);
    cache.getSync("a");
    cache.getSync("b");
    await cache.set("d", "d"); // a and b were hit: moved; c is evicted
    expect(cache.peek("c")).toBeUndefined();
    for (const k of ["a", "b", "d"]) expect(cache.peek(k)).toBe(k);
    await cache.set("e", "e"); // a is oldest again and not hit since it moved
    expect(cache.peek("a")).toBeUndefined();
    expect(evicted).toEqual([1, 1]);
    const m = cache.metrics().tiers.find((t) => t.tier === "l1" && t.namespace === "default")!;
    expect(m.evictions).toBe(2);
    expect(cache.l1Stats().entries).toBe(3);
  });
});

describe("L1 hits made below the bounds", () => {
  it("reach the eviction order when L1 fills (second chance)", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 16 } });
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, i); // below 7/8 of 16: hits only stamp
    expect(cache.getSync("k0")).toBe(0);
    expect(await cache.get("k2")).toBe(2);
    for (let i = 10; i < 16; i++) await cache.set(`k${i}`, i);
    await cache.set("n1", 1); // k0 is oldest but was hit: moved; k1 goes
    await cache.set("n2", 2); // k2 likewise: k3 goes
    expect(cache.peek("k0")).toBe(0);
    expect(cache.peek("k2")).toBe(2);
    expect(cache.peek("k1")).toBeUndefined();
    expect(cache.peek("k3")).toBeUndefined();
    expect(cache.l1Stats().entries).toBe(16);
    const m = cache.metrics().tiers.find((t) => t.tier === "l1" && t.namespace === "default")!;
    expect(m.evictions).toBe(2);
  });
});
