import { describe, expect, it, vi } from "vitest";
import {
  binarySerializer, createKeyring, createTieredCache, decodeEnvelope, encodeEnvelope, FactoryTimeoutError,
  jsonSerializer, renderPrometheus, TieredCacheOptionsError, type StorageTier,
} from "@sextant/tiered-cache";
import { memoryTier } from "./support/memory-tier.js";

describe("options", () => {
  it("names the wrong option", () => {
    expect(() => createTieredCache({ l1: { maxBytes: -1 } })).toThrow(/"l1\.maxBytes"/);
    expect(() => createTieredCache({ ttl: "5m" as unknown as number })).toThrow(/"ttl"/);
    expect(() => createTieredCache({ encryption: { secret: "short" } })).toThrow(/"encryption\.secret".*32/);
    expect(() => createTieredCache({ tiers: [{} as StorageTier] })).toThrow(/"tiers\.0".*storage tier/);
    expect(() => createTieredCache({ nope: 1 } as never)).toThrow(/"nope": unknown option/);
    try { createTieredCache({ l1: { maxEntries: 0 } }); } catch (error) {
      expect(error).toBeInstanceOf(TieredCacheOptionsError);
      expect((error as TieredCacheOptionsError).option).toBe("l1.maxEntries");
    }
  });

  it("validates per-call options and namespace names", async () => {
    const cache = createTieredCache();
    await expect(cache.set("k", 1, { ttl: -5 })).rejects.toThrow(/"ttl"/);
    await expect(cache.getOrSet("k", () => 1, { tagz: [] } as never)).rejects.toThrow(/"tagz": unknown option/);
    expect(() => cache.namespace("a/b")).toThrow(/namespace/);
    // Names of dots only would be `.` and `..` as the disk tier's directories.
    for (const name of [".", "..", "..."]) expect(() => cache.namespace(name)).toThrow(/not a valid namespace name/);
    expect(cache.namespace("v1.2-beta_x").name).toBe("v1.2-beta_x");
    await expect(cache.set("", 1)).rejects.toThrow(/non-empty/);
    await expect(cache.set("k", undefined)).rejects.toThrow(/undefined/);
  });
});

describe("L1", () => {
  it("gets, sets, deletes, has, peek", async () => {
    const cache = createTieredCache();
    expect(await cache.get("a")).toBeUndefined();
    await cache.set("a", { n: 1 });
    expect(await cache.get("a")).toEqual({ n: 1 });
    expect(cache.peek("a")).toEqual({ n: 1 });
    expect(cache.getSync("a")).toEqual({ n: 1 });
    expect(cache.getSync("nope")).toBeUndefined();
    expect(await cache.has("a")).toBe(true);
    await cache.delete("a");
    expect(await cache.has("a")).toBe(false);
    expect(cache.peek("a")).toBeUndefined();
  });

  it("getSync counts hits and misses and keeps namespaces apart, on the default namespace and others", async () => {
    const cache = createTieredCache();
    const other = cache.namespace("other");
    await cache.set("k", "default value");
    await other.set("k", "other value");
    expect(cache.getSync("k")).toBe("default value");
    expect(cache.namespace("default").getSync("k")).toBe("default value");
    expect(other.getSync("k")).toBe("other value");
    // A default-namespace key that spells another namespace's L1 key never reads its entry.
    expect(cache.getSync("\u0000other\u0000k")).toBeUndefined();
    expect(cache.peek("\u0000other\u0000k")).toBeUndefined();
    expect(other.getSync("nope")).toBeUndefined();
    const l1 = (ns: string) => cache.metrics().tiers.find((t) => t.tier === "l1" && t.namespace === ns)!;
    expect([l1("default").hits, l1("default").misses]).toEqual([2, 1]);
    expect([l1("other").hits, l1("other").misses]).toEqual([1, 1]);
    await expect(cache.get("\u0000other\u0000k")).rejects.toThrow(/NUL/);
    await expect(cache.getOrSet("\u0000other\u0000k", () => "x")).rejects.toThrow(/NUL/);
  });

  it("expires entries after their ttl", async () => {
    const cache = createTieredCache({ ttl: 30 });
    await cache.set("a", 1);
    expect(await cache.get("a")).toBe(1);
    expect(cache.getSync("a")).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(cache.getSync("a")).toBeUndefined();
    expect(await cache.get("a")).toBeUndefined();
    expect(cache.l1Stats().entries).toBe(0);
  });

  it("bounds entries by count and by bytes, counting evictions", async () => {
    const byCount = createTieredCache({ l1: { maxEntries: 3 } });
    for (let i = 0; i < 5; i++) await byCount.set(`k${i}`, i);
    expect(byCount.l1Stats().entries).toBe(3);
    expect(await byCount.get("k0")).toBeUndefined();
    expect(await byCount.get("k4")).toBe(4);
    const byBytes = createTieredCache({ l1: { maxBytes: 10_000 } });
    for (let i = 0; i < 20; i++) await byBytes.set(`k${i}`, "x".repeat(1000));
    expect(byBytes.l1Stats().bytes).toBeLessThanOrEqual(10_000);
    expect(byBytes.l1Stats().entries).toBeLessThan(20);
    const row = byBytes.metrics().tiers.find((t) => t.tier === "l1")!;
    expect(row.evictions).toBeGreaterThan(0);
    // An entry over the whole byte budget is refused, and replaces (drops) the key's old entry.
    const before = byBytes.l1Stats();
    await byBytes.set("huge", "y".repeat(20_000), { tags: ["t"] });
    expect(byBytes.peek("huge")).toBeUndefined();
    expect(byBytes.l1Stats()).toEqual(before);
    await byBytes.set("k19", "y".repeat(20_000));
    expect(byBytes.peek("k19")).toBeUndefined();
    expect(byBytes.l1Stats().entries).toBe(before.entries - 1);
    expect(byBytes.l1Stats().bytes).toBeLessThan(before.bytes);
  });

  it("keeps namespaces apart and clears one", async () => {
    const cache = createTieredCache();
    const a = cache.namespace("schema");
    const b = cache.namespace("diagnostics");
    await a.set("k", "A");
    await b.set("k", "B");
    await cache.set("k", "D");
    expect(await a.get("k")).toBe("A");
    expect(await b.get("k")).toBe("B");
    await a.clear();
    expect(await a.get("k")).toBeUndefined();
    expect(await b.get("k")).toBe("B");
    expect(await cache.get("k")).toBe("D");
    await expect(cache.get("\u0000schema\u0000k")).rejects.toThrow(/NUL/);
  });

  it("invalidates by tag across namespaces", async () => {
    const cache = createTieredCache();
    await cache.set("a", 1, { tags: ["file:x"] });
    await cache.namespace("n").set("b", 2, { tags: ["file:x", "other"] });
    await cache.set("c", 3, { tags: ["other"] });
    await cache.invalidateTags(["file:x"]);
    expect(await cache.get("a")).toBeUndefined();
    expect(await cache.namespace("n").get("b")).toBeUndefined();
    expect(await cache.get("c")).toBe(3);
    await cache.set("a", 4, { tags: ["file:x"] });
    expect(await cache.get("a")).toBe(4);
  });

  it("sheds the coldest entries", async () => {
    const cache = createTieredCache();
    const evictions: number[] = [];
    cache.on("evict", (e) => evictions.push(e.count));
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, i);
    await cache.get("k0");
    const shed = cache.shed(0.5);
    expect(shed.count).toBe(5);
    expect(evictions).toEqual([5]);
    expect(cache.peek("k0")).toBe(0);
    expect(cache.peek("k1")).toBeUndefined();
  });
});

describe("getOrSet", () => {
  it("coalesces concurrent callers into one factory call", async () => {
    const cache = createTieredCache();
    let calls = 0;
    const factory = async () => { calls++; await new Promise((r) => setTimeout(r, 20)); return "v"; };
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.getOrSet("k", factory)));
    expect(results.every((r) => r === "v")).toBe(true);
    expect(calls).toBe(1);
    expect(cache.metrics().factoryCalls.default).toBe(1);
  });

  it("propagates a factory error when nothing stale exists, and does not cache it", async () => {
    const cache = createTieredCache();
    await expect(cache.getOrSet("k", () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await cache.getOrSet("k", () => 2)).toBe(2);
  });

  it("serves the stale value within grace when the factory fails", async () => {
    const cache = createTieredCache({ ttl: 20, grace: 10_000 });
    const stale: string[] = [];
    cache.on("stale", (e) => stale.push(e.reason));
    expect(await cache.getOrSet("k", () => "old")).toBe("old");
    await new Promise((r) => setTimeout(r, 40));
    expect(await cache.get("k")).toBeUndefined();
    expect(await cache.getOrSet("k", () => { throw new Error("down"); })).toBe("old");
    expect(stale).toEqual(["factory-error"]);
    expect(await cache.getOrSet("k", (ctx) => `new after ${String(ctx.stale)}`)).toBe("new after old");
  });

  it("soft timeout serves stale and stores the late result; hard timeout aborts", async () => {
    const cache = createTieredCache({ ttl: 20, grace: 10_000 });
    await cache.set("k", "old");
    await new Promise((r) => setTimeout(r, 40));
    const slow = () => new Promise<string>((r) => setTimeout(() => r("late"), 60));
    expect(await cache.getOrSet("k", slow, { softTimeout: 10, ttl: 10_000 })).toBe("old");
    await vi.waitFor(() => expect(cache.peek("k")).toBe("late"));

    let aborted = false;
    const hanging = (ctx: { signal: AbortSignal }) => new Promise<string>((_, reject) => {
      ctx.signal.addEventListener("abort", () => { aborted = true; reject(ctx.signal.reason); });
    });
    await expect(cache.getOrSet("fresh-key", hanging, { hardTimeout: 20 })).rejects.toBeInstanceOf(FactoryTimeoutError);
    expect(aborted).toBe(true);
  });

  it("does not cache undefined from a factory", async () => {
    const cache = createTieredCache();
    expect(await cache.getOrSet("k", () => undefined)).toBeUndefined();
    expect(await cache.has("k")).toBe(false);
  });
});

describe("storage tiers", () => {
  it("reads through, backfills upper tiers and L1", async () => {
    const upper = memoryTier("l2");
    const lower = memoryTier("l3");
    const writer = createTieredCache({ tiers: [upper, lower] });
    await writer.set("k", { deep: [1, 2] });
    upper.data.clear();
    const reader = createTieredCache({ tiers: [upper, lower] });
    expect(await reader.get("k")).toEqual({ deep: [1, 2] });
    expect(upper.data.size).toBe(1);
    expect(reader.peek("k")).toEqual({ deep: [1, 2] });
    const rows = reader.metrics().tiers;
    expect(rows.find((r) => r.tier === "l2")!.misses).toBe(1);
    expect(rows.find((r) => r.tier === "l3")!.hits).toBe(1);
  });

  it("treats a failing tier as a miss, warns once, and throws only when strict", async () => {
    const broken = memoryTier("l3");
    broken.fail = new Error("ECONNREFUSED");
    const cache = createTieredCache({ tiers: [broken] });
    const warnings: string[] = [];
    cache.on("warning", (w) => warnings.push(w.message));
    await cache.set("a", 1);
    expect(await cache.get("a")).toBe(1);
    expect(await cache.getOrSet("b", () => 2)).toBe(2);
    expect(warnings).toHaveLength(1);
    const strict = createTieredCache({ tiers: [broken], strict: true });
    await expect(strict.set("a", 1)).rejects.toThrow(/tier l3 is unavailable/);
  });

  it("removes an entry it cannot decode and counts it as a miss", async () => {
    const tier = memoryTier("l2");
    const cache = createTieredCache({ tiers: [tier] });
    await cache.set("k", 1);
    for (const [id] of tier.data) tier.data.set(id, new Uint8Array([0, 0, 0, 99, 1, 2]));
    const corrupt: string[] = [];
    const reader = createTieredCache({ tiers: [tier] });
    reader.on("corrupt", (c) => corrupt.push(c.key));
    expect(await reader.get("k")).toBeUndefined();
    expect(corrupt).toEqual(["k"]);
    await vi.waitFor(() => expect(tier.data.size).toBe(0));
  });

  it("encrypts values and hashes keys in storage tiers", async () => {
    const tier = memoryTier("l3");
    const secret = "0123456789abcdef0123456789abcdef";
    const cache = createTieredCache({ tiers: [tier], encryption: { secret } });
    await cache.set("SELECT secret FROM users", { text: "private source text" });
    const entries = [...tier.data];
    expect(entries).toHaveLength(1);
    const [storedKey, bytes] = entries[0]!;
    expect(storedKey).not.toContain("SELECT");
    expect(new TextDecoder().decode(bytes)).not.toContain("private");
    const other = createTieredCache({ tiers: [tier], encryption: { secret } });
    expect(await other.get("SELECT secret FROM users")).toEqual({ text: "private source text" });
    const wrongKey = createTieredCache({ tiers: [tier], encryption: { secret: "x".repeat(32), hashKeys: false } });
    expect(await wrongKey.get("SELECT secret FROM users")).toBeUndefined();
  });

  it("drops tier entries invalidated by tag", async () => {
    const tier = memoryTier("l2");
    const cache = createTieredCache({ tiers: [tier] });
    await cache.set("k", 1, { tags: ["t"] });
    await cache.invalidateTags(["t"]);
    const reader = createTieredCache({ tiers: [tier] });
    await reader.invalidateTags(["t"]); // a process learns tag times through the bus or loadTagTimes
    expect(await reader.get("k")).toBeUndefined();
  });
});

describe("keyring and envelope", () => {
  it("rejects tampered ciphertext and wrong contexts", async () => {
    const ring = await createKeyring(new Uint8Array(32).fill(7));
    const sealed = await ring.encrypt(new Uint8Array([1, 2, 3]), "ctx");
    expect([...await ring.decrypt(sealed, "ctx")]).toEqual([1, 2, 3]);
    await expect(ring.decrypt(sealed, "other")).rejects.toThrow();
    const tampered = sealed.slice();
    tampered[tampered.length - 1]! ^= 1;
    await expect(ring.decrypt(tampered, "ctx")).rejects.toThrow();
    expect(await ring.hashKey("a")).toBe(await ring.hashKey("a"));
    expect(await ring.hashKey("a")).not.toBe(await ring.hashKey("b"));
  });

  it("never crashes on random or truncated envelopes (seeded fuzz)", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const good = encodeEnvelope({ createdAt: 1, freshUntil: 2, staleUntil: 3, tags: ["a"] }, new Uint8Array([9, 9]));
    for (let i = 0; i < 2000; i++) {
      const bytes = i % 2 === 0
        ? good.slice(0, Math.floor(random() * good.length))
        : Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256));
      try { decodeEnvelope(bytes); } catch (error) { expect(error).toBeInstanceOf(Error); }
      for (const s of [jsonSerializer, binarySerializer]) {
        try { s.deserialize(bytes); } catch (error) { expect(error).toBeInstanceOf(Error); }
      }
    }
  });
});

describe("serializers", () => {
  it("binary serializer round-trips bytes, dates, maps, sets and bigints", () => {
    const value = { b: new Uint8Array([0, 255]), d: new Date(5), m: new Map([["k", new Set([1n])]]), $x: 1, o: { $b: "not bytes" } };
    expect(binarySerializer.deserialize(binarySerializer.serialize(value))).toEqual(value);
    const raw = new Uint8Array([1, 2, 3]);
    expect(binarySerializer.deserialize(binarySerializer.serialize(raw))).toEqual(raw);
    expect(() => jsonSerializer.serialize(() => 1)).toThrow(/not JSON-serializable/);
  });
});

describe("metrics", () => {
  it("counts per tier and namespace and renders Prometheus text", async () => {
    const cache = createTieredCache({ tiers: [memoryTier("l2")] });
    const ns = cache.namespace("schema");
    await ns.set("a", 1);
    await ns.get("a");
    await ns.get("missing");
    const snap = cache.metrics();
    const l1 = snap.tiers.find((t) => t.tier === "l1" && t.namespace === "schema")!;
    expect(l1.hits).toBe(1);
    expect(l1.misses).toBe(1);
    expect(l1.hitRate).toBe(0.5);
    const text = renderPrometheus(snap);
    expect(text).toContain('sextant_cache_hits_total{tier="l1",namespace="schema"} 1');
    expect(text).toContain('sextant_cache_lookup_seconds_bucket{tier="l2",namespace="schema",le="+Inf"} 1');
    expect(text).toMatch(/sextant_cache_bytes\{tier="l1"\} \d+/);
    for (const line of text.trim().split("\n")) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [\d.e+-]+)$/);
  });
});
