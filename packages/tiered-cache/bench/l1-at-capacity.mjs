// L1 at its bounds: every cache is filled to its entry limit (10,000) before anything is
// timed, so sets evict and hits land on a full recency list. Same process, same keys, same
// values; rounds alternate between the libraries (and reverse order every other round) after
// an untimed warm-up pass each; prints each library's best and median round and the ratios.
//
//   node bench/l1-at-capacity.mjs [--quick] [--dist=/path/to/other/dist] [--peers]
//
// Shapes:
//   hits, round-robin   gets of all 10,000 keys in order (each hit is on the least recently
//                       used entry: the worst case for recency bookkeeping)
//   hits, random        gets of a pseudo-random sequence over all 10,000 keys
//   churn 1:10 / 1:100  a hot set of 9,000 keys hit at random, and one in 10 (100) lookups of a
//                       key never seen before: a miss followed by a set, which evicts
//   set at capacity     sets of keys never seen before, each evicting one entry
// Sync shapes compare getSync with lru-cache get (and lru-cache set on a churn miss against our
// set, not awaited); async shapes await every call, lru-cache's inside an async function.
// `--dist=` adds a second build of this package (e.g. a copy of the previous dist) as
// "tiered-cache (other)", for same-process before/after; `--peers` adds bentocache and
// cache-manager (Keyv over CacheableMemory, the LRU store its README recommends) to the
// async shapes at a tenth of the calls.
import { LRUCache } from "lru-cache";
import { createTieredCache } from "../dist/index.js";

const QUICK = process.argv.includes("--quick");
const PEERS = process.argv.includes("--peers");
const OTHER = process.argv.find((a) => a.startsWith("--dist="))?.slice("--dist=".length);
const ROUNDS = QUICK ? 3 : 5;
const CAP = 10_000;
const TTL = 600_000;
const SEQ = 1 << 16;

const keys = Array.from({ length: CAP }, (_, i) => `key:${i}`);
const values = Array.from({ length: CAP }, (_, i) => ({ id: i, name: `value ${i}`, tags: ["a", "b"], score: i / 7 }));
/** A deterministic pseudo-random sequence (xorshift), the same for every library. */
function sequence(length, pick) {
  let x = 0x9e3779b9;
  return Array.from({ length }, () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return pick(x >>> 0); });
}
const randomHits = sequence(SEQ, (r) => keys[r % CAP]);
/**
 * A churn lookup sequence: hot keys (the first 9,000) and, one in `every`, a key not seen
 * before. As long as a round (2^20 lookups), so a round's new keys are long evicted when the
 * sequence comes round again. With the lookups in full rounds, LRU misses 16% of lookups at
 * 1:10 (each a miss and a set that evicts) and 1% at 1:100.
 */
function churn(every, tag) {
  let fresh = 0;
  return sequence(1 << 20, (r) => (r % every === 0 ? `${tag}:${fresh++}` : keys[r % 9_000]));
}
const churn10 = churn(10, "c10");
const churn100 = churn(100, "c100");
let setCounter = 0;

const libs = [];
{
  const raw = new LRUCache({ max: CAP });
  libs.push({ name: "lru-cache (raw)", raw: true, get: (k) => raw.get(k), set: (k, v) => raw.set(k, v), fill: (k, v) => raw.set(k, v) });
}
async function addOurs(name, create) {
  const c = create({ l1: { maxEntries: CAP }, ttl: TTL });
  libs.push({ name, ours: true, getSync: (k) => c.getSync(k), get: (k) => c.get(k), set: (k, v) => c.set(k, v), fill: (k, v) => c.set(k, v), size: () => c.l1Stats().entries });
}
await addOurs("tiered-cache", createTieredCache);
if (OTHER) await addOurs("tiered-cache (other)", (await import(`${OTHER}/index.js`)).createTieredCache);
if (PEERS) {
  const { BentoCache, bentostore } = await import("bentocache");
  const { memoryDriver } = await import("bentocache/drivers/memory");
  const { createCache } = await import("cache-manager");
  const { Keyv } = await import("keyv");
  const { KeyvCacheableMemory } = await import("@cacheable/memory");
  const bento = new BentoCache({ default: "m", stores: { m: bentostore().useL1Layer(memoryDriver({ maxItems: CAP })) } });
  libs.push({ name: "bentocache", peer: true, get: (k) => bento.get({ key: k }), set: (k, v) => bento.set({ key: k, value: v, ttl: TTL }), fill: (k, v) => bento.set({ key: k, value: v, ttl: TTL }) });
  const cm = createCache({ stores: [new Keyv({ store: new KeyvCacheableMemory({ ttl: TTL, lruSize: CAP }) })], ttl: TTL });
  libs.push({ name: "cache-manager+keyv", peer: true, get: (k) => cm.get(k), set: (k, v) => cm.set(k, v), fill: (k, v) => cm.set(k, v) });
}
for (const lib of libs) {
  for (let i = 0; i < CAP; i++) await lib.fill(keys[i], values[i]);
  const v = await lib.get(keys[3]);
  if (v?.id !== 3) throw new Error(`${lib.name}: expected the value of ${keys[3]}, got ${JSON.stringify(v)}`);
  if (lib.size && lib.size() !== CAP) throw new Error(`${lib.name}: holds ${lib.size()} entries, not ${CAP}`);
}

/** One timed loop of a shape for one library: returns ops/s. */
const shapes = {
  "hits, round-robin, sync": { n: 2_000_000, sync: true, seq: keys },
  "hits, random, sync": { n: 2_000_000, sync: true, seq: randomHits },
  "churn 1:10, sync": { n: 1 << 20, sync: true, seq: churn10, churn: true },
  "churn 1:100, sync": { n: 1 << 20, sync: true, seq: churn100, churn: true },
  "hits, round-robin, async": { n: 1_000_000, seq: keys },
  "hits, random, async": { n: 1_000_000, seq: randomHits },
  "churn 1:10, async": { n: 1 << 19, seq: churn10, churn: true },
  "churn 1:100, async": { n: 1 << 19, seq: churn100, churn: true },
  "set at capacity, async": { n: 300_000, set: true },
};

/**
 * A sync shape. Churn loops let pending microtasks run every 1,024 lookups (as an event loop
 * would between requests): our set returns a promise, and a million of them left pending
 * would measure the garbage collector instead.
 */
async function runSync(lib, shape, n) {
  const seq = shape.seq;
  const len = seq.length;
  const value = values[7];
  if (lib.raw) {
    const { get, set } = lib;
    if (shape.churn) for (let i = 0; i < n; i++) { if ((i & 1023) === 0) await undefined; const k = seq[i % len]; if (get(k) === undefined) set(k, value); }
    else for (let i = 0; i < n; i++) if (get(seq[i % len]) === undefined) throw new Error(`${lib.name}: miss on ${seq[i % len]}`);
  } else {
    const { getSync, set } = lib;
    if (shape.churn) for (let i = 0; i < n; i++) { if ((i & 1023) === 0) await undefined; const k = seq[i % len]; if (getSync(k) === undefined) set(k, value); }
    else for (let i = 0; i < n; i++) if (getSync(seq[i % len]) === undefined) throw new Error(`${lib.name}: miss on ${seq[i % len]}`);
  }
}
async function runAsync(lib, shape, n) {
  const value = values[7];
  const { get, set } = lib;
  const rawGet = async (k) => get(k);
  const rawSet = async (k, v) => set(k, v);
  const g = lib.raw ? rawGet : get;
  const s = lib.raw ? rawSet : set;
  if (shape.set) {
    for (let i = 0; i < n; i++) await s(`set:${setCounter++}`, value);
    return;
  }
  const seq = shape.seq;
  const len = seq.length;
  if (shape.churn) for (let i = 0; i < n; i++) { const k = seq[i % len]; if ((await g(k)) === undefined) await s(k, value); }
  else for (let i = 0; i < n; i++) if ((await g(seq[i % len])) === undefined) throw new Error(`${lib.name}: miss on ${seq[i % len]}`);
}

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const lines = [];
for (const [shapeName, shape] of Object.entries(shapes)) {
  if (only && !shapeName.includes(only)) continue;
  const n = QUICK ? shape.n / 4 : shape.n;
  const taking = libs.filter((lib) => (shape.sync ? !lib.peer : true));
  const runs = new Map(taking.map((lib) => [lib, []]));
  const calls = (lib) => (lib.peer ? n / 10 : n);
  // Every shape starts from the same full cache (a churn shape leaves other keys behind).
  for (const lib of taking) for (let i = 0; i < CAP; i++) await lib.fill(keys[i], values[i]);
  for (const lib of taking) await (shape.sync ? runSync : runAsync)(lib, shape, 20_000);
  for (let r = 0; r < ROUNDS; r++) {
    for (const lib of r & 1 ? [...taking].reverse() : taking) {
      const start = performance.now();
      await (shape.sync ? runSync : runAsync)(lib, shape, calls(lib));
      runs.get(lib).push(calls(lib) / ((performance.now() - start) / 1000));
    }
  }
  for (const lib of taking) if (lib.size && lib.size() !== CAP) throw new Error(`${lib.name}: holds ${lib.size()} entries after ${shapeName}, not ${CAP}`);
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const ours = libs.find((l) => l.name === "tiered-cache");
  const best = (lib) => Math.max(...runs.get(lib));
  for (const lib of taking) {
    const ratio = lib === ours ? "" : `${(best(ours) / best(lib)).toFixed(2)}× / ${(median(runs.get(ours)) / median(runs.get(lib))).toFixed(2)}×`;
    const line = `| ${shapeName} | ${lib.name} | ${Math.round(best(lib)).toLocaleString("en-US")} | ${Math.round(median(runs.get(lib))).toLocaleString("en-US")} | ${ratio} |`;
    lines.push(line);
    console.error(line);
  }
}
console.log(`\nNode ${process.version}, L1 full at ${CAP.toLocaleString("en-US")} entries, ${ROUNDS} alternated rounds${QUICK ? " (quick)" : ""}\n`);
console.log("| shape | library | best ops/s | median ops/s | tiered-cache ÷ this (best / median) |\n|---|---|---:|---:|---:|");
console.log(lines.join("\n"));
process.exit(0);
