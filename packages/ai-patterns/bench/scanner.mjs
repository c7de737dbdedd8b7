// Application-code scanner bench: lines/s of the tree-sitter scanner on a generated
// 100,000-line mixed-language codebase, against a plain regex scanner in the same process,
// plus how well each finds the generator's known-unsafe sinks.
//
// Usage: npm run build -w @sextant/ai-patterns && npm run bench:scanner -w @sextant/ai-patterns
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { generateCodebase } from "./scanner-corpus.mjs";
import { regexScan } from "./scanner-regex-baseline.mjs";

const moduleUrl = process.env.SEXTANT_SCANNER_MODULE ?? new URL("../dist/index.js", import.meta.url).href;
const { createScanner } = await import(moduleUrl);
const require = createRequire(import.meta.url);
const loadGrammar = async (_language, fileName) =>
  new Uint8Array(await readFile(require.resolve(`@vscode/tree-sitter-wasm/wasm/${fileName}`)));

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const { files, lines } = generateCodebase({ totalLines: 100_000, seed: 7 });
const chars = files.reduce((n, f) => n + f.text.length, 0);

function lineOf(text, offset) {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Precision/recall against the generator's labels, matching on the sink's line. */
function score(flaggedByFile) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  files.forEach((file, i) => {
    const flagged = new Set(flaggedByFile[i]);
    const unsafe = new Set(file.unsafeLines);
    for (const line of flagged) (unsafe.has(line) ? tp++ : fp++);
    for (const line of unsafe) if (!flagged.has(line)) fn++;
  });
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

/** Median wall time and median CPU time (user + system) of ROUNDS runs. CPU time is
 *  reported too because the bench machine is shared: it is what other processes cannot inflate. */
async function timeIt(run) {
  const walls = [];
  const cpus = [];
  let result;
  for (let r = 0; r < ROUNDS; r++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    result = await run();
    walls.push(performance.now() - start);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(walls), cpuMs: median(cpus), result };
}

const scanner = createScanner({ loadGrammar });
// Warm-up: load every grammar and let the JIT settle.
for (const file of files.slice(0, 40)) await scanner.scan(file);

const treeSitter = await timeIt(async () => {
  const results = [];
  for (const file of files) results.push(await scanner.scan(file));
  return results;
});
// Scoring happens outside the timed region.
const treeSitterFlagged = treeSitter.result.map((result, i) =>
  result.diagnostics.filter((d) => d.code === "sql-injection").map((d) => lineOf(files[i].text, d.range.start)),
);
const extracted = treeSitter.result.reduce((n, r) => n + r.extractions.length, 0);

const regex = await timeIt(async () => files.map((file) => regexScan(file.text)));

const cacheStore = new Map();
const cache = {
  async getOrSet(key, factory) {
    if (!cacheStore.has(key)) cacheStore.set(key, await factory());
    return cacheStore.get(key);
  },
};
const cached = createScanner({ loadGrammar, cache });
for (const file of files) await cached.scan(file);
const warmCache = await timeIt(async () => {
  for (const file of files) await cached.scan(file);
});

const rows = [
  ["tree-sitter scanner (this package)", treeSitter, score(treeSitterFlagged)],
  ["plain regex scanner (bench baseline)", regex, score(regex.result)],
  ["tree-sitter scanner, warm content-hash cache", warmCache, null],
];
const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(`Codebase: ${files.length} files, ${fmt(lines)} lines, ${fmt(chars)} characters; ` +
  `${files.reduce((n, f) => n + f.unsafeLines.length, 0)} unsafe and ${files.reduce((n, f) => n + f.safeLines.length, 0)} safe sinks; ` +
  `${extracted} SQL strings extracted. Median of ${ROUNDS} rounds, Node ${process.version}.\n`);
console.log("| scanner | wall ms | lines/s (wall) | lines/s (CPU time) | vs regex (wall) | precision | recall | TP / FP / FN |");
console.log("|---|---:|---:|---:|---:|---:|---:|---|");
for (const [name, t, s] of rows) {
  console.log(
    `| ${name} | ${t.ms.toFixed(0)} | ${fmt((lines / t.ms) * 1000)} | ${fmt((lines / Math.max(t.cpuMs, 0.001)) * 1000)} | ${(regex.ms / t.ms).toFixed(3)}× | ` +
      (s ? `${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.tp} / ${s.fp} / ${s.fn} |` : "– | – | – |"),
  );
}
await scanner.dispose();
await cached.dispose();
