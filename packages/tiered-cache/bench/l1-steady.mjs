// The L1 goal in isolation: tiered-cache getSync against raw lru-cache get, alternating
// 10 rounds of 2M lookups and printing the ratio of each round after two warm-up rounds,
// because single runs on a shared machine swing widely.  node bench/l1-steady.mjs
import { LRUCache } from "lru-cache";
import { createTieredCache } from "../dist/index.js";
const keys = Array.from({ length: 1000 }, (_, i) => `key:${i}`);
const raw = new LRUCache({ max: 10000 });
const ours = createTieredCache();
for (const k of keys) { raw.set(k, { k }); await ours.set(k, { k }); }
const N = 2_000_000; const ratios = [];
for (let r = 0; r < 10; r++) {
  let t = performance.now(); for (let i = 0; i < N; i++) raw.get(keys[i % 1000]); const a = N / ((performance.now() - t) / 1000);
  t = performance.now(); for (let i = 0; i < N; i++) ours.getSync(keys[i % 1000]); const b = N / ((performance.now() - t) / 1000);
  if (r >= 2) ratios.push(b / a);
}
ratios.sort((x, y) => x - y);
console.log("getSync ÷ raw get, rounds 3–10 sorted:", ratios.map((x) => x.toFixed(2)).join(" "), "median", ratios[4].toFixed(2));
process.exit(0);
