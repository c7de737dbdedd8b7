#!/usr/bin/env node
/**
 * Long fuzz run on the BUILT package (build first): `npm run fuzz -w @sextant/sql-analyzer`.
 * Options: --inputs N (default 1,000,000), --seed S (default 1). Exits 1 on the
 * first failures and prints them with the input, so they can become fixtures.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as api from "../dist/index.js";
import { corpusFrom, createRandom, nthInput } from "./generators.mjs";
import { checkInvariants } from "./invariants.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const inputs = option("--inputs", 1_000_000);
const seed = option("--seed", 1);

const fixtures = join(import.meta.dirname, "../test/parser/fixtures");
const texts = [];
for (const dialect of readdirSync(fixtures)) for (const name of readdirSync(join(fixtures, dialect))) if (name.endsWith(".sql")) texts.push(readFileSync(join(fixtures, dialect, name), "utf8"));
const corpus = corpusFrom(texts);

const rng = createRandom(seed);
const started = performance.now();
let slowest = 0;
let failures = 0;
let previousText = "";
for (let i = 0; i < inputs; i++) {
  const { text, dialect } = nthInput(rng, corpus);
  const t = performance.now();
  const problems = checkInvariants(api, text, dialect, i % 25 === 0 ? { previousText } : {});
  slowest = Math.max(slowest, performance.now() - t);
  previousText = text;
  if (problems.length > 0) {
    failures++;
    console.error(`input #${i} (${dialect}) ${JSON.stringify(text)}\n  ${problems.join("\n  ")}`);
    if (failures >= 10) break;
  }
  if ((i + 1) % 100_000 === 0) console.log(`${i + 1} inputs, ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(1)} ms`);
}
console.log(`${failures === 0 ? "OK" : "FAILED"}: ${inputs} inputs, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s, slowest input ${slowest.toFixed(1)} ms`);
process.exit(failures === 0 ? 0 : 1);
