// Benchmarks @sextant/tiered-cache (built dist/) against bentocache, cache-manager (+keyv)
// and raw lru-cache, same process, same shapes, same keys and values. Starts a private
// redis-server on a free port for the Redis shapes. Prints a markdown table.
//
// Disk peers of cache-manager: keyv-file keeps the whole cache in a Map and writes one JSON
// file behind it (so its "disk" read is a memory read); cache-manager-fs-hash stores one file
// per key and reads it on every lookup, like our L2 and bentocache's file driver.
//
//   npx turbo run build --filter=@sextant/tiered-cache && npm run bench -w @sextant/tiered-cache
import "./peer-ioredis-hook.mjs";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LRUCache } from "lru-cache";
const { BentoCache, bentostore } = await import("bentocache");
const { memoryDriver } = await import("bentocache/drivers/memory");
const { fileDriver } = await import("bentocache/drivers/file");
const { redisDriver } = await import("bentocache/drivers/redis");
import { createCache } from "cache-manager";
import { Keyv } from "keyv";
import KeyvRedis from "@keyv/redis";
import { KeyvFile } from "keyv-file";
import { DiskStore } from "cache-manager-fs-hash";
import { KeyvCacheableMemory } from "@cacheable/memory";
import { createTieredCache } from "../dist/index.js";
import { createNodeCache } from "../dist/node/index.js";

const QUICK = process.argv.includes("--quick");
/** `--only=disk` (or l1, redis, stampede; comma-separated) runs those shape groups alone. */
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const wanted = (group) => ONLY === undefined || ONLY.includes(group);
/**
 * cache-manager's in-memory layer. Where it must hold every key (`max` ≥ the key count) it is
 * cache-manager's default, a Keyv over a plain `Map` (the fastest we found: about 1 µs per
 * hit against 6–10 µs for CacheableMemory); where it must evict (the L1-miss shapes) it is
 * Keyv over CacheableMemory, the LRU store cache-manager's README recommends. (Keyv over
 * lru-cache 11, which this bench used before, stores nothing once a TTL is given: lru-cache
 * reads Keyv's numeric ttl argument as an options object. Every cache-manager "L1 hit" was
 * then a miss.)
 */
const cmMemory = (max) => (max >= KEYS ? new Keyv() : new Keyv({ store: new KeyvCacheableMemory({ ttl: TTL, lruSize: max }) }));
const KEYS = 1_000;
const TTL = 600_000;
const keys = Array.from({ length: KEYS }, (_, i) => `key:${i}`);
const valueOf = (i) => ({ id: i, name: `value ${i}`, tags: ["a", "b"], score: i / 7 });
const rounds = QUICK ? 1 : 3;
/** More, shorter rounds for the shapes that wait on a disk or a socket: their spread between runs is widest. */
const missRounds = QUICK ? 1 : 11;

// ---------- helpers ----------
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}
async function startRedis() {
  const port = await freePort();
  const child = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 400; i++) {
    const ok = await new Promise((r) => { const s = connect({ port, host: "127.0.0.1" }); s.once("connect", () => { s.destroy(); r(true); }); s.once("error", () => r(false)); });
    if (ok) return { port, url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGKILL") };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("redis-server did not start");
}
/**
 * Measures several libraries on one shape, interleaving their runs (A B C, A B C, …) so
 * that load from other processes on a shared machine hits all of them alike; reports each
 * one's best run, and its median run in the note (with many short rounds, the median is the
 * steadier figure on a shared machine). `fns` maps a library name to [calls, fn, sync?, concurrency?]: with a
 * concurrency, calls go out in groups of that many at once (Promise.all), as a server's
 * concurrent requests would.
 */
async function compare(shape, fns, note = () => "", times = rounds) {
  const runs = new Map();
  // One untimed pass each first, so no library is measured before the JIT has seen its code.
  for (const [, [n, fn, sync, concurrency]] of Object.entries(fns)) {
    const warm = Math.min(n, 2_000);
    if (sync) for (let i = 0; i < warm; i++) fn(i);
    else if (concurrency) for (let i = 0; i < warm; i += concurrency) await Promise.all(Array.from({ length: concurrency }, (_, j) => fn(i + j)));
    else for (let i = 0; i < warm; i++) await fn(i);
  }
  for (let r = 0; r < times; r++) {
    for (const [lib, [n, fn, sync, concurrency]] of Object.entries(fns)) {
      const start = performance.now();
      if (sync) for (let i = 0; i < n; i++) fn(i);
      else if (concurrency) for (let i = 0; i < n; i += concurrency) await Promise.all(Array.from({ length: concurrency }, (_, j) => fn(i + j)));
      else for (let i = 0; i < n; i++) await fn(i);
      const ops = n / ((performance.now() - start) / 1000);
      if (!runs.has(lib)) runs.set(lib, []);
      runs.get(lib).push(ops);
    }
  }
  const medianOf = (xs) => { const sorted = [...xs].sort((x, y) => x - y); return sorted[Math.floor(sorted.length / 2)]; };
  const oursMedian = medianOf(runs.get(Object.keys(fns).find((lib) => lib.startsWith("tiered-cache"))) ?? [0]);
  for (const [lib, ops] of runs) {
    const median = medianOf(ops);
    const medianNote = times > 1 ? `median ${Math.round(median).toLocaleString("en-US")}${lib.startsWith("tiered-cache") ? "" : ` (ratio ${(oursMedian / median).toFixed(2)}×)`}` : "";
    record(shape, lib, Math.max(...ops), [note(lib), medianNote].filter(Boolean).join("; "));
  }
}

/** Every library must answer a lookup with the stored value before it is timed (a silent miss would flatter it). */
async function expectValue(lib, get) {
  const v = await get(keys[3]);
  if (v?.id !== 3) throw new Error(`${lib}: expected the value of ${keys[3]}, got ${JSON.stringify(v)}`);
}

const results = []; // { shape, lib, ops, note }
const record = (shape, lib, ops, note = "") => {
  results.push({ shape, lib, ops, note });
  console.error(`${shape.padEnd(34)} ${lib.padEnd(22)} ${Math.round(ops).toLocaleString("en-US").padStart(12)} ops/s ${note}`);
};

// ---------- shapes ----------
async function l1Shapes() {
  const n = QUICK ? 100_000 : 1_000_000;
  const raw = new LRUCache({ max: 10_000 });
  const ours = createTieredCache({ l1: { maxEntries: 10_000 }, ttl: TTL });
  const bento = new BentoCache({ default: "m", stores: { m: bentostore().useL1Layer(memoryDriver({ maxItems: 10_000 })) } });
  const cm = createCache({ stores: [cmMemory(10_000)], ttl: TTL });
  for (let i = 0; i < KEYS; i++) {
    raw.set(keys[i], valueOf(i));
    await ours.set(keys[i], valueOf(i));
    await bento.set({ key: keys[i], value: valueOf(i), ttl: TTL });
    await cm.set(keys[i], valueOf(i));
  }
  const k = (i) => keys[i % KEYS];
  await expectValue("lru-cache", (key) => raw.get(key));
  await expectValue("tiered-cache getSync", (key) => ours.getSync(key));
  await expectValue("tiered-cache", (key) => ours.get(key));
  await expectValue("bentocache", (key) => bento.get({ key }));
  await expectValue("cache-manager", (key) => cm.get(key));
  await compare("L1 get (hit), sync API", {
    "lru-cache get (raw)": [n, (i) => raw.get(k(i)), true],
    "tiered-cache getSync": [n, (i) => ours.getSync(k(i)), true],
  });
  await compare("L1 get (hit), async API", {
    "lru-cache get (raw, awaited)": [n, async (i) => raw.get(k(i))],
    "tiered-cache get": [n, (i) => ours.get(k(i))],
    bentocache: [n / 10, (i) => bento.get({ key: k(i) })],
    "cache-manager+keyv": [n / 10, (i) => cm.get(k(i))],
  });
  const m = QUICK ? 50_000 : 300_000;
  await compare("L1 set", {
    "lru-cache set (raw, awaited)": [m, async (i) => raw.set(k(i), valueOf(i))],
    "tiered-cache set": [m, (i) => ours.set(k(i), valueOf(i))],
    bentocache: [m / 10, (i) => bento.set({ key: k(i), value: valueOf(i), ttl: TTL })],
    "cache-manager+keyv": [m / 10, (i) => cm.set(k(i), valueOf(i))],
  });
  await bento.disconnectAll?.();
}

/** Builds the three two-tier caches over one lower tier kind ("disk" or "redis"). */
async function twoTier(kind, redisUrl, l1Max) {
  const dir = mkdtempSync(join(tmpdir(), "sextant-bench-"));
  const prefix = `bench:${kind}:${l1Max}:${Date.now()}:`;
  const ours = kind === "disk"
    ? createNodeCache({ l1: { maxEntries: l1Max }, ttl: TTL, disk: { dir: join(dir, "ours") } })
    : createNodeCache({ l1: { maxEntries: l1Max }, ttl: TTL, redis: { url: redisUrl, prefix, bus: false } });
  const lower = kind === "disk"
    ? fileDriver({ directory: join(dir, "bento"), pruneInterval: false })
    : redisDriver({ connection: { host: "127.0.0.1", port: Number(new URL(redisUrl).port), keyPrefix: `${prefix}bento:` } });
  const bento = new BentoCache({ default: "s", stores: { s: bentostore().useL1Layer(memoryDriver({ maxItems: l1Max })).useL2Layer(lower) } });
  const lowerKeyv = kind === "disk"
    ? new Keyv({ store: new KeyvFile({ filename: join(dir, "cm", "cache.json"), writeDelay: 100 }) })
    : new Keyv({ store: new KeyvRedis(redisUrl), namespace: `${prefix}cm` });
  const cm = createCache({ stores: [cmMemory(l1Max), lowerKeyv], ttl: TTL });
  // The per-key file store for cache-manager (disk only); cache-manager 7 takes it as a store as is.
  const cmFiles = kind === "disk"
    ? createCache({ stores: [cmMemory(l1Max), new DiskStore({ path: join(dir, "cm-files") })], ttl: TTL })
    : undefined;
  for (let i = 0; i < KEYS; i++) await ours.set(keys[i], valueOf(i));
  for (let i = 0; i < KEYS; i++) await bento.set({ key: keys[i], value: valueOf(i), ttl: TTL });
  // keyv-file resolves a set only after its batched write (writeDelay), so fill it concurrently.
  await Promise.all(keys.map((k, i) => cm.set(k, valueOf(i))));
  if (cmFiles) for (let i = 0; i < KEYS; i++) await cmFiles.set(keys[i], valueOf(i));
  const close = async () => {
    await ours.close();
    await bento.disconnectAll?.();
    await cm.disconnect?.().catch?.(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  return { ours, bento, cm, cmFiles, close };
}

/** Library name → lookup function, for the caches `twoTier` built. */
function peersOf(kind, { ours, bento, cm, cmFiles }) {
  const lookups = {
    "tiered-cache": (k) => ours.get(k),
    bentocache: (k) => bento.get({ key: k }),
    [kind === "disk" ? "cache-manager+keyv-file (Map in memory)" : "cache-manager+@keyv/redis"]: (k) => cm.get(k),
  };
  if (cmFiles) lookups["cache-manager+fs-hash (file per key)"] = (k) => cmFiles.get(k);
  return lookups;
}

async function tierShapes(kind, redisUrl) {
  const label = kind === "disk" ? "L2 (disk)" : "L3 (Redis)";
  {
    const caches = await twoTier(kind, redisUrl, 10_000);
    for (const [lib, get] of Object.entries(peersOf(kind, caches))) await expectValue(lib, get);
    const n = QUICK ? 50_000 : 300_000;
    const fns = {};
    for (const [lib, get] of Object.entries(peersOf(kind, caches))) fns[lib] = [lib === "tiered-cache" ? n : n / 10, (i) => get(keys[i % KEYS])];
    await compare(`L1+${label} get, L1 hit`, fns);
    await caches.close();
  }
  {
    // An L1 of one entry: every get walks past L1 to the lower tier (and backfills L1).
    const caches = await twoTier(kind, redisUrl, 1);
    const peers = peersOf(kind, caches);
    for (const [lib, get] of Object.entries(peers)) await expectValue(lib, get);
    const n = QUICK ? 2_000 : 4_000;
    const sequential = {};
    const concurrent = {};
    for (const [lib, get] of Object.entries(peers)) {
      sequential[lib] = [n, (i) => get(keys[(i * 7) % KEYS])];
      concurrent[lib] = [n * 2, (i) => get(keys[(i * 7) % KEYS]), false, 32];
    }
    await compare(`${label} get, L1 miss`, sequential, undefined, missRounds);
    await compare(`${label} get, L1 miss, 32 concurrent`, concurrent, undefined, missRounds);
    await caches.close();
  }
}

async function stampedeShape() {
  const CONCURRENT = 1_000;
  const R = QUICK ? 5 : 20;
  const factoryMs = 2;
  const shape = "stampede: 1,000 concurrent gets, 1 key";
  const libs = {
    "lru-cache fetch (raw)": () => {
      let calls = 0;
      const lru = new LRUCache({ max: 10_000, fetchMethod: async (k) => { calls++; await sleep(factoryMs); return valueOf(k.length); } });
      return { get: (k) => lru.fetch(k), calls: () => calls };
    },
    "tiered-cache": () => {
      let calls = 0;
      const c = createTieredCache({ ttl: TTL });
      return { get: (k) => c.getOrSet(k, async () => { calls++; await sleep(factoryMs); return valueOf(k.length); }), calls: () => calls };
    },
    bentocache: () => {
      let calls = 0;
      const b = new BentoCache({ default: "m", stores: { m: bentostore().useL1Layer(memoryDriver({ maxItems: 10_000 })) } });
      return { get: (k) => b.getOrSet({ key: k, ttl: TTL, factory: async () => { calls++; await sleep(factoryMs); return valueOf(k.length); } }), calls: () => calls };
    },
    "cache-manager+keyv": () => {
      let calls = 0;
      const c = createCache({ stores: [cmMemory(10_000)], ttl: TTL });
      return { get: (k) => c.wrap(k, async () => { calls++; await sleep(factoryMs); return valueOf(k.length); }), calls: () => calls };
    },
  };
  const made = Object.entries(libs).map(([name, make]) => [name, make()]);
  const best = new Map();
  for (let r = 0; r < rounds; r++) {
    for (const [name, lib] of made) {
      const start = performance.now();
      for (let round = 0; round < R; round++) {
        const key = `stampede:${r}:${round}`;
        await Promise.all(Array.from({ length: CONCURRENT }, () => lib.get(key)));
      }
      best.set(name, Math.max(best.get(name) ?? 0, (R * CONCURRENT) / ((performance.now() - start) / 1000)));
    }
  }
  for (const [name, lib] of made) record(shape, name, best.get(name), `factory calls per key: ${(lib.calls() / (R * rounds)).toFixed(2)}`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------- run ----------
const redis = await startRedis();
try {
  if (wanted("l1")) await l1Shapes();
  if (wanted("disk")) await tierShapes("disk");
  if (wanted("redis")) await tierShapes("redis", redis.url);
  if (wanted("stampede")) await stampedeShape();
} finally {
  redis.stop();
}

// ---------- table ----------
const byShape = new Map();
for (const r of results) { if (!byShape.has(r.shape)) byShape.set(r.shape, []); byShape.get(r.shape).push(r); }
const lines = ["| shape | library | ops/s | tiered-cache ÷ this | note |", "|---|---|---:|---:|---|"];
for (const [shape, rows] of byShape) {
  const ours = rows.find((r) => r.lib.startsWith("tiered-cache"));
  for (const r of rows) {
    const ratio = ours && r !== ours ? (ours.ops / r.ops).toFixed(2) + "×" : "";
    lines.push(`| ${shape} | ${r.lib} | ${Math.round(r.ops).toLocaleString("en-US")} | ${ratio} | ${r.note} |`);
  }
}
console.log(`\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}, best of ${rounds} runs (L1-miss shapes: best of ${missRounds}, median in the note)${QUICK ? " (quick)" : ""}\n`);
console.log(lines.join("\n"));
process.exit(0);
