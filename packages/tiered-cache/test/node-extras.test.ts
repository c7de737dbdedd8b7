import { describe, expect, it } from "vitest";
import { createTieredCache } from "@sextant/tiered-cache";
import { createNodeCache, watchMemoryPressure } from "@sextant/tiered-cache/node";

describe("memory pressure", () => {
  it("sheds the coldest L1 entries while over budget, and stops when under", async () => {
    const cache = createTieredCache();
    for (let i = 0; i < 100; i++) await cache.set(`k${i}`, i);
    const reasons: string[] = [];
    cache.on("evict", (e) => reasons.push(e.reason));
    let heapUsed = 2_000;
    const watcher = watchMemoryPressure(cache, { maxHeapBytes: 1_000, shedFraction: 0.5, intervalMs: 60_000, read: () => ({ heapUsed, rss: 0 }) });
    try {
      expect(watcher.check()).toBe(50);
      expect(cache.l1Stats().entries).toBe(50);
      expect(cache.peek("k0")).toBeUndefined();
      expect(cache.peek("k99")).toBe(99);
      heapUsed = 500;
      expect(watcher.check()).toBe(0);
      expect(cache.l1Stats().entries).toBe(50);
      expect(reasons[0]).toMatch(/memory pressure \(heap 2000 > 1000\)/);
    } finally {
      watcher.stop();
    }
  });

  it("watches the real process memory when wired through createNodeCache", async () => {
    const cache = createNodeCache({ memoryPressure: { maxRssBytes: 1, intervalMs: 20 } });
    for (let i = 0; i < 100; i++) await cache.set(`k${i}`, i);
    await new Promise((r) => setTimeout(r, 100));
    expect(cache.l1Stats().entries).toBeLessThan(100);
    await cache.close();
  });
});

describe("node options", () => {
  it("names the wrong option", () => {
    expect(() => createNodeCache({ redis: { url: "http://x" } })).toThrow(/"redis\.url"/);
    expect(() => createNodeCache({ disk: { dir: "" } })).toThrow(/"disk\.dir"/);
    expect(() => createNodeCache({ disk: { dir: "/tmp/x", maxbytes: 1 } as never })).toThrow(/"disk\.maxbytes": unknown option/);
    expect(() => createNodeCache({ memoryPressure: { shedFraction: 2 } })).toThrow(/"memoryPressure\.shedFraction"/);
    expect(() => createNodeCache({ ttl: -1 })).toThrow(/"ttl"/);
  });

  it("no options at all give a memory-only cache", async () => {
    const cache = createNodeCache(undefined as unknown as Parameters<typeof createNodeCache>[0]);
    await cache.set("k", { v: 1 });
    expect(await cache.get("k")).toEqual({ v: 1 });
    await cache.close();
  });
});
