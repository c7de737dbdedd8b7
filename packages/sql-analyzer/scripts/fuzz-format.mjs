#!/usr/bin/env node
// Long formatter fuzzing run against the BUILT package (build first):
//   node scripts/fuzz-format.mjs [count=1000000] [seed=1]
// Prints failures (at most 20) and a summary; exits 1 on any failure. Besides the formatter's
// own checks, a PostgreSQL input that libpg-query parses must parse to the same tree once
// formatted, and an SQLite query that SQLite prepares must compile to the same program.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModule, parseSync } from "libpg-query";
import { CORPUS_DIALECTS, checkFormatter, fuzzInput, seeded } from "./fuzz-inputs.mjs";
import { createSqliteCompiler } from "./oracles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const api = await import(join(root, "dist/index.js"));
const count = Number(process.argv[2] ?? 1_000_000);
const next = seeded(Number(process.argv[3] ?? 1));
const samples = CORPUS_DIALECTS.map(([corpus, dialect]) => [dialect, JSON.parse(readFileSync(join(root, "corpus", `${corpus}.json`), "utf8")).statements.map((s) => s.sql)]);
const SLOW_MS = Number(process.env.SLOW_MS ?? 1000);
await loadModule();
const sqlite = createSqliteCompiler();
const pgTree = (sql) => JSON.stringify(parseSync(sql), (key, value) => (/location$|^stmt_len$|list_start$|list_end$/.test(key) ? undefined : value));
let engineChecked = 0;
/** A failure message when the engine reads the input and its formatting differently (else undefined). */
function sameToTheEngine(input, dialect) {
  if (dialect === "mysql") return undefined; // no MySQL engine here
  const read = dialect === "postgres" ? pgTree : (sql) => (/^\s*(select|with|insert|update|delete|replace|values)\b/i.test(sql) ? sqlite(sql) : undefined);
  let before;
  try {
    before = read(input);
  } catch {
    return undefined; // the engine rejects the input itself
  }
  if (before === undefined) return undefined;
  engineChecked++;
  const formatted = api.format(input, { dialect });
  if (formatted.trim() === "") return undefined; // libpg-query takes " " but not "" (nothing either way)
  try {
    if (read(formatted) !== before) return `the ${dialect} engine reads the formatted text differently: ${JSON.stringify(input)} => ${JSON.stringify(formatted)}`;
  } catch (error) {
    return `the ${dialect} engine rejects the formatted text (${String(error).slice(0, 80)}): ${JSON.stringify(input)} => ${JSON.stringify(formatted)}`;
  }
  return undefined;
}
let failures = 0;
let slowest = 0;
const started = performance.now();
for (let i = 0; i < count; i++) {
  const [dialect, list] = samples[i % samples.length];
  const input = fuzzInput(list, next);
  const t = performance.now();
  let { failure } = checkFormatter(api, input, dialect);
  // Where the real engine takes the input, it must take the formatted text as the same
  // statement: PostgreSQL's parse tree (positions aside), SQLite's compiled program.
  if (!failure) failure = sameToTheEngine(input, dialect);
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
console.log(`done: ${count} inputs (${engineChecked} also read by the real engine), ${failures} failures, slowest input ${slowest.toFixed(1)} ms, ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures > 0 ? 1 : 0);
