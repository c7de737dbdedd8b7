// Same-process before/after of the L2 (disk) get with an L1 miss: two builds of the package
// (esbuild bundles of src/node/index.ts, e.g. one of an earlier commit and one of the
// current tree), each over its own cache directory with a one-entry L1, run in alternating
// rounds so machine load hits both alike. Prints medians and the ratio of medians.
//
//   npx esbuild src/node/index.ts --bundle --platform=node --format=esm --outfile=/tmp/after/node.js \
//     "--banner:js=import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"
//   (same from a checkout of the earlier commit into /tmp/before/node.js)
//   node bench/ab-l2-miss.mjs /tmp/before/node.js /tmp/after/node.js [lookups per round] [rounds] [concurrency]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const [a, b] = [process.argv[2], process.argv[3]];
const N = Number(process.argv[4] ?? 4000), R = Number(process.argv[5] ?? 21), C = Number(process.argv[6] ?? 1);
const KEYS = 1000;
const keys = Array.from({ length: KEYS }, (_, i) => `key:${i}`);
const valueOf = (i) => ({ id: i, name: `value ${i}`, tags: ["a", "b"], score: i / 7 });
const libs = [];
for (const m of [a, b]) {
  const mod = await import(m);
  const dir = mkdtempSync(join(tmpdir(), "tc6-"));
  const c = mod.createNodeCache({ l1: { maxEntries: 1 }, ttl: 600000, disk: { dir } });
  for (let i = 0; i < KEYS; i++) await c.set(keys[i], valueOf(i));
  libs.push({ m, c, dir, runs: [] });
}
const run = async (c, n) => {
  if (C === 1) { for (let i = 0; i < n; i++) { const v = await c.get(keys[(i * 7) % KEYS]); if (v?.id !== (i * 7) % KEYS) throw new Error("bad"); } }
  else for (let i = 0; i < n; i += C) await Promise.all(Array.from({ length: C }, (_, j) => c.get(keys[((i + j) * 7) % KEYS])));
};
for (const l of libs) await run(l.c, 2000);
for (let r = 0; r < R; r++) for (const l of (r & 1 ? [...libs].reverse() : libs)) { const t = performance.now(); await run(l.c, N); l.runs.push(N / ((performance.now() - t) / 1000)); }
const med = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const l of libs) console.log(l.m.padEnd(24), "median", Math.round(med(l.runs)), "best", Math.round(Math.max(...l.runs)));
console.log("B/A median ratio", (med(libs[1].runs) / med(libs[0].runs)).toFixed(2));
for (const l of libs) { await l.c.close(); rmSync(l.dir, { recursive: true, force: true }); }
