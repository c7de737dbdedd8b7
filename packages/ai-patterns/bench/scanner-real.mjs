// Scans real directories (e.g. a node_modules tree, a Python installation) with the built
// scanner and prints throughput and every finding, for review of false positives.
//
// Usage: node bench/scanner-real.mjs <dir> [<dir>…]   (build first; SHOW=n limits the listing)
import { readFile } from "node:fs/promises";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createScanner } from "../dist/index.js";

const require = createRequire(import.meta.url);
const loadGrammar = async (_language, fileName) =>
  new Uint8Array(await readFile(require.resolve(`@vscode/tree-sitter-wasm/wasm/${fileName}`)));
const EXTENSIONS = /\.(?:js|mjs|cjs|ts|tsx|py|rb|go|php|java)$/;

const files = [];
function walk(dir, depth = 0) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < 12) walk(path, depth + 1);
    } else if (EXTENSIONS.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      files.push(path);
    }
  }
}
for (const dir of process.argv.slice(2)) walk(dir);
files.sort();

const scanner = createScanner({ loadGrammar });
const texts = files.map((f) => readFileSync(f, "utf8"));
const lineCount = (text) => {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
};
const counts = {};
const skipped = new Set();
const findings = [];
const cpu0 = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < files.length; i++) {
  const result = await scanner.scan({ path: files[i], text: texts[i] });
  for (const d of result.diagnostics) {
    const key = `${d.code}/${d.severity}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (d.code === "sql-injection" || d.code === "sensitive-literal") findings.push([files[i], texts[i], d]);
    if (d.code === "minified-input" || d.code === "input-too-large" || d.code === "binary-input") skipped.add(i);
  }
}
const wall = performance.now() - start;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const fmt = (n) => Math.round(n).toLocaleString("en-US");
// Throughput counts only the files that were scanned (skipped bundles would flatter it).
let lines = 0;
let chars = 0;
texts.forEach((text, i) => {
  if (skipped.has(i)) return;
  lines += lineCount(text);
  chars += text.length;
});
console.log(
  `${fmt(files.length - skipped.size)} files scanned (${skipped.size} skipped as minified, too large or binary), ` +
    `${fmt(lines)} lines, ${fmt(chars)} characters: ${(wall / 1000).toFixed(1)} s wall ` +
    `(${fmt((lines / wall) * 1000)} lines/s), ${(cpuMs / 1000).toFixed(1)} s CPU (${fmt((lines / cpuMs) * 1000)} lines per CPU-second)`,
);
console.log(JSON.stringify(counts));
for (const [file, text, d] of findings.slice(0, Number(process.env.SHOW ?? 100))) {
  const line = text.slice(0, d.range.start).split("\n").length;
  const lineStart = text.lastIndexOf("\n", d.range.start - 1) + 1;
  const lineEnd = text.indexOf("\n", d.range.start);
  console.log(`${file}:${line} ${d.severity}[${d.code}] ${text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim().slice(0, 140)}`);
}
await scanner.dispose();
