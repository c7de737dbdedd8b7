// Long seeded fuzzing of the built scanner (the test suite runs a short version):
// mutated, truncated and spliced fixtures plus random text in every language. Every scan
// must resolve, keep ranges and mappings inside the text, and never hit an internal error.
//
// Usage: node bench/scanner-fuzz.mjs [count=20000] [seed=1]   (build first)
import { readFile } from "node:fs/promises";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createScanner } from "../dist/index.js";
import { prng } from "./scanner-corpus.mjs";

const count = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? 1);
const require = createRequire(import.meta.url);
const loadGrammar = async (_language, fileName) =>
  new Uint8Array(await readFile(require.resolve(`@vscode/tree-sitter-wasm/wasm/${fileName}`)));
const dir = new URL("../test/scanner/fixtures/", import.meta.url).pathname;
const fixtures = readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
const PATHS = ["a.js", "a.ts", "a.tsx", "a.py", "A.java", "a.go", "a.php", "a.rb"];
const PIECES = ['"', "'", "`", "${", "#{", "}", "{", "(", ")", "+", " + x", "\\", "\n", "%s", 'f"', '"""', "req.params.id", "$_GET['a']", "params[:a]", "db.query(", "cursor.execute(", "\uD800", "🎉", "\u0000", "\n\n    ", "function f() {\n", "def f():\n", "class A {\n"];

const r = prng(seed);
const pick = (xs) => xs[Math.floor(r() * xs.length)];
function mutate(text) {
  let out = text;
  for (let i = 0, n = 1 + Math.floor(r() * 8); i < n; i++) {
    const at = Math.floor(r() * (out.length + 1));
    const kind = r();
    if (kind < 0.4) out = out.slice(0, at) + pick(PIECES) + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 60));
    else out = out.slice(0, at) + out.slice(Math.floor(r() * out.length)).slice(0, 400) + out.slice(at);
  }
  return out;
}
function randomText() {
  const alphabet = r() < 0.5 ? 0x80 : 0xffff;
  let text = "";
  for (let k = 0, n = Math.floor(r() * 600); k < n; k++) text += String.fromCharCode(Math.floor(r() * alphabet));
  return `db.query(${text}) cursor.execute(${text.slice(0, 80)}`;
}

const scanner = createScanner({ loadGrammar });
const problems = [];
const start = performance.now();
let diagnostics = 0;
for (let i = 0; i < count; i++) {
  const fixture = pick(fixtures);
  const shape = r();
  const path = shape < 0.1 ? pick(PATHS) : fixture.name;
  const text =
    shape < 0.1 ? randomText() : shape < 0.25 ? fixture.text.slice(0, Math.floor(r() * fixture.text.length)) : shape < 0.4 ? mutate(fixture.text.repeat(4)) : mutate(fixture.text);
  let result;
  try {
    result = await scanner.scan({ path, text });
  } catch (error) {
    problems.push(`#${i} ${path}: rejected: ${error}`);
    continue;
  }
  for (const d of result.diagnostics) {
    diagnostics++;
    if (d.code === "scan-failed") problems.push(`#${i} ${path}: ${d.message}`);
    if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length)) problems.push(`#${i} ${path}: range ${JSON.stringify(d.range)}`);
  }
  for (const e of result.extractions) {
    for (const at of [0, e.sql.length >> 1, e.sql.length]) {
      const host = e.mapping(at);
      if (!(host >= 0 && host <= text.length)) problems.push(`#${i} ${path}: mapping(${at}) = ${host}`);
    }
  }
  if (problems.length > 20) break;
}
const seconds = (performance.now() - start) / 1000;
console.log(`${count} inputs (seed ${seed}) in ${seconds.toFixed(1)} s, ${diagnostics} diagnostics, ${problems.length} problems`);
for (const p of problems) console.log(p);
await scanner.dispose();
process.exitCode = problems.length > 0 ? 1 : 0;
