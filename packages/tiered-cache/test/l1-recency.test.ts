import { describe, expect, it } from "vitest";
import { createTieredCache, type BusHandlers, type CacheNamespace, type InvalidationBus } from "../src/index.js";

// L1 hits read a per-namespace key index and only stamp the entry with a logical clock; a set
// that needs room evicts the entry least recently set or hit, found through a set-order queue
// and a heap of the entries hit since they were set (see L1Memory). These tests pin down what
// users can observe: LRU eviction order (against a plain model), peek leaving recency alone,
// and the index in step with lru-cache through replacements, deletes, clears, evictions and
// shedding.

/** A small seeded generator (LCG), so failures reproduce. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (n: number) => Math.floor(((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32) * n);
}

/**
 * The behaviour L1 must show, kept the plain way: a `Map` in recency order (a set or a hit
 * moves the key to the end), and a set that does not fit evicts from the front. Sizes are
 * what L1 estimates for a string value (16 bytes plus two per character).
 */
class LruModel {
  readonly entries = new Map<string, { value: string; size: number }>();
  bytes = 0;
  constructor(readonly maxEntries: number, readonly maxBytes: number) {}
  set(key: string, value: string): void {
    const size = 16 + 2 * value.length;
    this.delete(key);
    if (size > this.maxBytes) return;
    for (const [oldest] of this.entries) {
      if (this.entries.size + 1 <= this.maxEntries && this.bytes + size <= this.maxBytes) break;
      this.delete(oldest);
    }
    this.entries.set(key, { value, size });
    this.bytes += size;
  }
  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }
  peek(key: string): string | undefined {
    return this.entries.get(key)?.value;
  }
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

describe("L1 recency and key index", () => {
  it("evicts exactly as an LRU by last set or hit (seeded operations against a model)", async () => {
    const bounds = [
      { maxEntries: 8, maxBytes: 64 * 1024 * 1024 },
      { maxEntries: 64, maxBytes: 64 * 1024 * 1024 },
      { maxEntries: 1_000, maxBytes: 1_500 }, // the byte budget binds first
      { maxEntries: 24, maxBytes: 1_200 }, // either
    ];
    let evicted = 0;
    for (const [b, bound] of bounds.entries()) {
      for (const seed of [1, 2, 3]) {
        const next = seeded(seed * 100 + b);
        const cache = createTieredCache({ l1: bound });
        cache.on("evict", (e) => (evicted += e.count));
        const spaces: [CacheNamespace, string][] = [[cache.namespace("default"), "d"], [cache.namespace("other"), "o"]];
        const model = new LruModel(bound.maxEntries, bound.maxBytes);
        // Keys drawn from a hot few and a long tail, so entries are hit, evicted and set again.
        const keyOf = () => `k${next(4) === 0 ? next(400) : next(12)}`;
        for (let step = 0; step < 3_000; step++) {
          const [ns, tag] = spaces[next(2)]!;
          const key = keyOf();
          const id = `${tag}:${key}`;
          const op = next(10);
          if (op < 4) {
            const value = "v".repeat(next(40));
            await ns.set(key, value);
            model.set(id, value);
          } else if (op < 6) {
            expect(ns.getSync(key), `step ${step}: getSync ${id}`).toBe(model.get(id));
          } else if (op < 8) {
            expect(await ns.get(key), `step ${step}: get ${id}`).toBe(model.get(id));
          } else if (op < 9) {
            expect(ns.peek(key), `step ${step}: peek ${id}`).toBe(model.peek(id));
          } else {
            await ns.delete(key);
            model.delete(id);
          }
          if (step % 97 === 0) {
            const held = [...model.entries.keys()].sort();
            const ours = spaces.flatMap(([n, t]) => [...new Set([...model.entries.keys()].concat(Array.from({ length: 400 }, (_, i) => `${t}:k${i}`)))]
              .filter((id) => id.startsWith(`${t}:`) && n.peek(id.slice(2)) !== undefined)).sort();
            expect(ours, `step ${step}`).toEqual(held);
          }
        }
        expect(cache.l1Stats()).toEqual({ entries: model.entries.size, bytes: model.bytes });
        await cache.close();
      }
    }
    expect(evicted).toBeGreaterThan(1_000);
  });

  it("keeps every entry of a batch of sets into a full L1, whatever was hit before it", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 100 } });
    for (let i = 0; i < 100; i++) await cache.set(`old${i}`, i);
    for (let round = 0; round < 3; round++) for (let i = 0; i < 100; i++) cache.getSync(`old${i}`);
    for (let i = 0; i < 100; i++) await cache.set(`new${i}`, i);
    for (let i = 0; i < 100; i++) expect(cache.peek(`new${i}`)).toBe(i);
    for (let i = 0; i < 100; i++) expect(cache.peek(`old${i}`)).toBeUndefined();
  });

  it("evicts the entry hit longest ago among entries hit since they were set, re-hits counted", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 4 } });
    for (const k of ["a", "b", "c", "d"]) await cache.set(k, k);
    for (const k of ["d", "c", "b", "a"]) cache.getSync(k); // hit order: d oldest
    await cache.set("e", "e"); // takes all four into the heap: d goes
    expect(cache.peek("d")).toBeUndefined();
    cache.getSync("c"); // c hit again while in the heap: now b is the least recently used
    await cache.set("f", "f");
    expect(cache.peek("b")).toBeUndefined();
    await cache.set("g", "g"); // then a, hit before c's second hit and before e was set
    expect(cache.peek("a")).toBeUndefined();
    for (const k of ["c", "e", "f", "g"]) expect(cache.peek(k)).toBe(k);
  });

  it("keeps tags, sizes and values right when a set of a key or of a new key reuses an entry", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 3 } });
    const ns = cache.namespace("n");
    const tags = ["t1"];
    await cache.set("a", "x1", { tags }); // then the same size and the same tags: updated in place
    await cache.set("a", "x2", { tags });
    expect(cache.getSync("a")).toBe("x2");
    await cache.set("a", "x3", { tags: ["t2"] }); // other tags: a new entry
    await cache.invalidateTags(["t1"]);
    expect(cache.peek("a")).toBe("x3");
    await cache.invalidateTags(["t2"]);
    expect(cache.peek("a")).toBeUndefined();
    for (const k of ["b", "c", "d"]) await cache.set(k, k, { tags: ["old"] });
    await ns.set("e", "e", { tags: ["new"] }); // evicts b and takes over its object, in another namespace
    expect(cache.peek("b")).toBeUndefined();
    expect(ns.peek("e")).toBe("e");
    expect(cache.peek("e")).toBeUndefined();
    await cache.invalidateTags(["old"]);
    expect(ns.peek("e")).toBe("e");
    expect(cache.l1Stats().entries).toBe(1);
    await cache.invalidateTags(["new"]);
    expect(cache.l1Stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it("does not count a peek as a use", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 3 } });
    for (const k of ["a", "b", "c"]) await cache.set(k, k);
    expect(cache.peek("a")).toBe("a");
    await cache.set("d", "d");
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("b")).toBe("b");
  });

  it("keeps an entry hit since it was set over entries not used since", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 4 } });
    for (const k of ["a", "b", "c", "d"]) await cache.set(k, k);
    expect(cache.getSync("a")).toBe("a"); // the oldest set, but hit since
    await cache.set("e", "e"); // evicts the least recently used: b
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

describe("L1 eviction counting", () => {
  it("counts and reports each entry evicted to make room, never one it kept", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 3 } });
    const evicted: number[] = [];
    cache.on("evict", (e) => evicted.push(e.count));
    for (const k of ["a", "b", "c"]) await cache.set(k, k);
    cache.getSync("a");
    cache.getSync("b");
    await cache.set("d", "d"); // a and b were hit: kept; c is evicted
    expect(cache.peek("c")).toBeUndefined();
    for (const k of ["a", "b", "d"]) expect(cache.peek(k)).toBe(k);
    await cache.set("e", "e"); // a is now the least recently used
    expect(cache.peek("a")).toBeUndefined();
    expect(evicted).toEqual([1, 1]);
    const m = cache.metrics().tiers.find((t) => t.tier === "l1" && t.namespace === "default")!;
    expect(m.evictions).toBe(2);
    expect(cache.l1Stats().entries).toBe(3);
  });
});

describe("L1 hits made while L1 was far from full", () => {
  it("count when L1 fills", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 16 } });
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, i);
    expect(cache.getSync("k0")).toBe(0);
    expect(await cache.get("k2")).toBe(2);
    for (let i = 10; i < 16; i++) await cache.set(`k${i}`, i);
    await cache.set("n1", 1); // k0 is the oldest set but was hit: k1 goes
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

describe("L1 entries found by the caller's key (lru-cache holds them under reused numbers)", () => {
  it("stays whole when an evict listener sets, deletes or clears during a set", async () => {
    const cache = createTieredCache({ l1: { maxEntries: 3 } });
    const keys = new Set<string>();
    const set = async (key: string, value: string) => {
      keys.add(key);
      await cache.set(key, value);
    };
    const held = () => [...keys].filter((k) => cache.peek(k) !== undefined).length;
    let onEvict: (() => void) | undefined;
    cache.on("evict", () => {
      const run = onEvict;
      onEvict = undefined;
      run?.();
    });
    for (const k of ["a", "b", "c"]) await set(k, k);
    // The listener stores the very key being set: the outer set's value is the one kept.
    onEvict = () => void set("n", "inner");
    await set("n", "outer");
    expect(cache.peek("n")).toBe("outer");
    expect(cache.l1Stats().entries).toBe(held());
    expect(cache.l1Stats().entries).toBeLessThanOrEqual(3);
    // The listener stores other keys.
    onEvict = () => { void set("x", "x"); void set("y", "y"); };
    await set("m", "m");
    expect(cache.peek("m")).toBe("m");
    expect(cache.l1Stats().entries).toBe(held());
    expect(cache.l1Stats().entries).toBeLessThanOrEqual(3);
    // The listener deletes the entry just set, then clears everything.
    onEvict = () => void cache.delete("m");
    await set("p", "p");
    expect(cache.peek("m")).toBeUndefined();
    expect(cache.l1Stats().entries).toBe(held());
    await set("o", "o"); // full again
    onEvict = () => void cache.clear();
    await set("q", "q");
    expect(cache.peek("q")).toBe("q");
    expect(cache.l1Stats().entries).toBe(1);
    expect(cache.l1Stats().bytes).toBe(16 + 2);
    // Afterwards L1 still fills to its bound and evicts by LRU.
    for (const k of ["r", "s", "t", "u"]) await set(k, k);
    expect(cache.l1Stats().entries).toBe(3);
    expect(held()).toBe(3);
    for (const k of ["s", "t", "u"]) expect(cache.peek(k)).toBe(k);
    expect(cache.l1Stats().bytes).toBe(3 * (16 + 2));
  });

  it("drops the entry a bus set or delete names, in its own namespace only", async () => {
    let handlers: BusHandlers | undefined;
    const bus: InvalidationBus = { start: (h) => void (handlers = h), publish: async () => {}, close: async () => {} };
    const cache = createTieredCache({ l1: { maxEntries: 4 }, bus });
    await cache.set("k", "default");
    await cache.namespace("n").set("k", "n");
    await cache.namespace("n").set("j", "n");
    // Sets after the message are newer than it: a stale message leaves them.
    handlers!.message({ type: "set", namespace: "n", keys: ["k"], at: 0 });
    expect(cache.namespace("n").peek("k")).toBe("n");
    handlers!.message({ type: "set", namespace: "n", keys: ["k"], at: Date.now() + 1_000 });
    expect(cache.namespace("n").peek("k")).toBeUndefined();
    expect(cache.peek("k")).toBe("default");
    handlers!.message({ type: "delete", namespace: "default", keys: ["k"], at: Date.now() + 1_000 });
    expect(cache.peek("k")).toBeUndefined();
    handlers!.message({ type: "delete", namespace: "unknown", keys: ["j"], at: Date.now() + 1_000 });
    expect(cache.namespace("n").peek("j")).toBe("n");
    expect(cache.l1Stats().entries).toBe(1);
    await cache.close();
  });
});
