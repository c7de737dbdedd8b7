import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { TierUnavailableError, type TieredCache } from "@sextant/tiered-cache";
import { createNodeCache } from "@sextant/tiered-cache/node";
import { freePort, startRedis, type RedisServer } from "../../../tests/support/servers.js";
import { rawClient, redisUrl, uniquePrefix } from "./support/redis.js";

const open: TieredCache[] = [];
const servers: RedisServer[] = [];
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.stop(true)));
});

function track(cache: TieredCache) {
  open.push(cache);
  const warnings: { tier: string | undefined; message: string }[] = [];
  const infos: string[] = [];
  cache.on("warning", (w) => warnings.push({ tier: w.tier, message: w.message }));
  cache.on("info", (i) => infos.push(i.message));
  return { cache, warnings, infos };
}

describe.skipIf(!redisUrl)("Redis faults (private redis-server)", () => {
  it("works without Redis at start, warns once, then reconnects and uses it", async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const dir = mkdtempSync(join(tmpdir(), "sextant-down-"));
    const { cache, warnings } = track(createNodeCache({ disk: { dir }, redis: { url, prefix: "p:" } }));
    await cache.set("a", 1);
    expect(await cache.get("a")).toBe(1);
    expect(await cache.getOrSet("b", () => 2)).toBe(2);
    await cache.delete("a");
    expect(await cache.get("a")).toBeUndefined();
    for (let i = 0; i < 50; i++) await cache.getOrSet(`k${i}`, () => i);
    const byTier = new Map<string, number>();
    for (const w of warnings) byTier.set(w.tier ?? "", (byTier.get(w.tier ?? "") ?? 0) + 1);
    expect(byTier.get("l3")).toBe(1);
    expect([...byTier.values()].every((n) => n === 1)).toBe(true);
    // L2 carried on: a fresh instance (no L1) finds the value on disk.
    const disk = track(createNodeCache({ disk: { dir } })).cache;
    expect(await disk.get("k7")).toBe(7);

    const strict = track(createNodeCache({ redis: { url, prefix: "p:", bus: false }, strict: true })).cache;
    await expect(strict.set("x", 1)).rejects.toBeInstanceOf(TierUnavailableError);

    const server = await startRedis(port);
    servers.push(server);
    const raw = rawClient(url);
    try {
      await vi.waitFor(async () => {
        await cache.set("after", "up");
        expect(await raw.exists("p:default:after")).toBe(1);
      }, { timeout: 5_000, interval: 100 });
    } finally {
      raw.disconnect();
    }
  });

  it("treats a Redis that stops answering (SIGSTOP) as down within the command timeout, then uses it again", async () => {
    const server = await startRedis();
    servers.push(server);
    const prefix = uniquePrefix("hang");
    const { cache, warnings, infos } = track(createNodeCache({ l1: { maxEntries: 1 }, redis: { url: server.url, prefix, bus: false, commandTimeout: 100 } }));
    await cache.set("k", "v");
    await cache.set("other", 1); // pushes k out of the one-entry L1
    expect(await cache.get("k")).toBe("v");
    await cache.set("other", 2);
    server.process.kill("SIGSTOP");
    try {
      const started = Date.now();
      // Unanswered: the watchdog drops the connection after 100–200 ms and the lookup is a miss.
      expect(await cache.get("k")).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(5_000); // no hang (ioredis alone would wait for its 2 s disconnect timeout)
      expect(warnings.filter((w) => w.tier === "l3").map((w) => w.message).join("\n")).toMatch(/did not answer within the command timeout/);
    } finally {
      server.process.kill("SIGCONT");
    }
    await vi.waitFor(async () => expect(await cache.get("k")).toBe("v"), { timeout: 5_000, interval: 50 });
    expect(infos.join("\n")).toMatch(/l3|Redis/);
    expect(warnings.filter((w) => w.tier === "l3")).toHaveLength(1);
  });

  it("survives Redis killed mid-load and serves nothing stale after it returns", async () => {
    const server = await startRedis();
    servers.push(server);
    const prefix = uniquePrefix("kill");
    const a = track(createNodeCache({ disk: { dir: mkdtempSync(join(tmpdir(), "sextant-a-")) }, redis: { url: server.url, prefix } }));
    const b = track(createNodeCache({ disk: { dir: mkdtempSync(join(tmpdir(), "sextant-b-")) }, redis: { url: server.url, prefix } }));
    await Promise.all([a.cache.ready(), b.cache.ready()]);
    await a.cache.set("doc", "old");
    expect(await b.cache.get("doc")).toBe("old"); // now in b's L1 and L2

    let stop = false;
    let errors = 0;
    let ops = 0;
    const load = (async () => {
      while (!stop) {
        const i = ops++ % 200;
        await Promise.all([a.cache.getOrSet(`load${i}`, () => i), b.cache.get(`load${i}`)]).catch(() => errors++);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await new Promise((r) => setTimeout(r, 150));
    await server.stop(true); // SIGKILL mid-load
    await vi.waitFor(() => expect(a.warnings.some((w) => w.tier === "l3")).toBe(true), { timeout: 5_000, interval: 20 });
    const opsAtKill = ops;
    await a.cache.set("doc", "new"); // b cannot hear this: the bus is down
    expect(b.cache.peek("doc")).toBe("old");
    await new Promise((r) => setTimeout(r, 200));
    expect(ops).toBeGreaterThan(opsAtKill); // L1/L2 carried on while Redis was gone

    const again = await startRedis(server.port);
    servers.push(again);
    await vi.waitFor(() => expect(b.infos.join("\n")).toMatch(/local tiers reset/), { timeout: 5_000, interval: 50 });
    stop = true;
    await load;
    expect(errors).toBe(0);
    const value = await b.cache.get("doc");
    expect(value).not.toBe("old");
    expect(await b.cache.getOrSet("doc", () => "recomputed")).not.toBe("old");
    for (const t of [a, b]) {
      const l3Warnings = t.warnings.filter((w) => w.tier === "l3");
      expect(l3Warnings.length).toBe(1);
    }
  });
});
