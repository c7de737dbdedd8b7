// Long fuzz campaign over the BUILT parser (and, when present, the whole analysis):
//   npm run build -w @sextant/cairom-analyzer && node packages/cairom-analyzer/fuzz/run.mjs [count] [seed]
// Checks for every input: no throw, the tree spells the input exactly, diagnostics in range.
import { nthInput, prng } from "./generate.mjs";
import { parse, nodeText } from "../dist/index.js";

const count = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 20261123);
const rand = prng(seed);
const started = performance.now();
let failures = 0;
let slowest = 0;
for (let i = 0; i < count; i++) {
  const input = nthInput(rand);
  const t0 = performance.now();
  try {
    const r = parse(input);
    if (nodeText(r.root, r.tokens, input) !== input) throw new Error("not lossless");
    for (const d of r.diagnostics) if (d.range.end > input.length) throw new Error("diagnostic out of range");
  } catch (e) {
    failures++;
    if (failures <= 5) console.error(`input ${i}: ${e}\n${JSON.stringify(input)}`);
  }
  slowest = Math.max(slowest, performance.now() - t0);
  if ((i + 1) % 200_000 === 0) console.log(`${i + 1} inputs, ${failures} failures`);
}
const secs = (performance.now() - started) / 1000;
console.log(`${count} inputs (seed ${seed}) in ${secs.toFixed(1)} s, ${failures} failures, slowest ${slowest.toFixed(2)} ms`);
process.exit(failures === 0 ? 0 : 1);
