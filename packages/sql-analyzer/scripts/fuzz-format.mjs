#!/usr/bin/env node
// Long formatter fuzzing run against the BUILT package (build first):
//   node scripts/fuzz-format.mjs [count=1000000] [seed=1]
// Prints failures (at most 20) and a summary; exits 1 on any failure.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS_DIALECTS, checkFormatter, fuzzInput, seeded } from "./fuzz-inputs.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const api = await import(join(root, "dist/index.js"));
const count = Number(process.argv[2] ?? 1_000_000);
const next = seeded(Number(process.argv[3] ?? 1));
const samples = CORPUS_DIALECTS.map(([corpus, dialect]) => [dialect, JSON.parse(readFileSync(join(root, "corpus", `${corpus}.json`), "utf8")).statements.map((s) => s.sql)]);
const SLOW_MS = Number(process.env.SLOW_MS ?? 1000);
let failures = 0;
let slowest = 0;
const started = performance.now();
for (let i = 0; i < count; i++) {
  const [dialect, list] = samples[i % samples.length];
  const input = fuzzInput(list, next);
  const t = performance.now();
  const { failure } = checkFormatter(api, input, dialect);
  const took = performance.now() - t;
  slowest = Math.max(slowest, took);
  // A slow input is worth a look (quadratic behaviour); the threshold is generous for loaded machines.
  if (took > SLOW_MS) console.log(`slow (${took.toFixed(0)} ms, ${dialect}, ${input.length} chars): ${JSON.stringify(input.slice(0, 300))}`);
  if (failure) {
    failures++;
    if (failures <= 20) console.log(failure);
  }
  if ((i + 1) % Math.max(1, Math.floor(count / 10)) === 0) console.log(`${i + 1} inputs, ${failures} failures, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`done: ${count} inputs, ${failures} failures, slowest input ${slowest.toFixed(1)} ms, ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures > 0 ? 1 : 0);
