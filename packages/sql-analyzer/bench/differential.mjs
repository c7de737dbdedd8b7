#!/usr/bin/env node
// Differential check between two builds of @sextant/sql-analyzer: every input is parsed by
// both, and the printed trees, diagnostics, segments, embedded SQL, `tokenize()` output,
// incremental reparses and (for the corpus) formatter output must be identical. Used before
// each performance change: internal representations may change, results may not.
//
// Run:  node bench/differential.mjs <new dist/index.js> <old dist/index.js> [fuzzed inputs]
//       (defaults: this package's dist, /tmp/sql-base-dist/index.js, 30000 fuzzed inputs)
// Copy the old build first, e.g. `cp -r dist /tmp/sql-base-dist` (with a node_modules link
// next to it so its imports resolve: `ln -s $PWD/../../node_modules /tmp/sql-base-dist/`).
// Exits 1 on any difference, printing the first few.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fuzzInput, seeded } from "../scripts/fuzz-inputs.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [newPath = join(root, "dist/index.js"), oldPath = "/tmp/sql-base-dist/index.js", fuzzCount = "30000"] = process.argv.slice(2);
const A = await import(resolve(newPath));
const B = await import(resolve(oldPath));
const DIALECTS = ["postgres", "mysql", "sqlite"];

/** Everything observable about one parse, as one string. */
function describe(api, text, dialect, previous) {
  const result = api.parse(text, previous === undefined ? { dialect } : { dialect, previous: api.parse(previous, { dialect }) });
  const out = [];
  out.push(JSON.stringify(result.diagnostics));
  out.push(JSON.stringify(result.segments.map((s) => [s.start, s.end, s.closed, s.parse.width, s.parse.diagnostics.length])));
  out.push(api.printTree(result.root));
  if (result.root.text() !== text) out.push("NOT LOSSLESS");
  for (const e of result.embedded) out.push(`embedded ${e.language} ${e.root.range.start}..${e.root.range.end}\n${api.printTree(e.root)}`);
  return out.join("\n");
}

function describeTokens(api, text, dialect) {
  const s = api.tokenize(text, dialect);
  const rows = [];
  for (let i = 0; i < s.count; i++) rows.push(`${s.kinds[i]} ${s.starts[i]} ${s.flags[i]} ${s.words[i]} ${s.texts[i]}`);
  rows.push(`end ${s.starts[s.count]}`);
  return rows.join("\n");
}

const inputs = []; // [text, dialect, previous?, format?]
const corpusDir = join(root, "corpus");
const samplesByDialect = { postgres: [], mysql: [], sqlite: [] };
for (const name of readdirSync(corpusDir)) {
  const dialect = DIALECTS.find((d) => name.startsWith(d));
  const statements = JSON.parse(readFileSync(join(corpusDir, name), "utf8")).statements.map((s) => s.sql);
  samplesByDialect[dialect].push(...statements);
  for (const sql of statements) inputs.push([sql, dialect, undefined, true]);
  inputs.push([statements.join("\n"), dialect]); // the whole corpus file as one text
}
const fixtureDirs = ["test/parser/fixtures", "test/parser/diagnostics"];
const fixtures = [];
for (const dir of fixtureDirs) {
  for (const dialect of DIALECTS) {
    const folder = join(root, dir, dialect);
    for (const name of readdirSync(folder)) if (name.endsWith(".sql")) fixtures.push([readFileSync(join(folder, name), "utf8"), dialect]);
  }
}
for (const name of readdirSync(join(root, "test/format/fixtures"))) {
  if (!name.endsWith(".sql")) continue;
  fixtures.push([readFileSync(join(root, "test/format/fixtures", name), "utf8"), DIALECTS.find((d) => name.startsWith(d)) ?? "postgres"]);
}
for (const [text, dialect] of fixtures) {
  inputs.push([text, dialect, undefined, true]);
  samplesByDialect[dialect].push(text);
}
// Seeded fuzzed inputs, each parsed in every dialect; every tenth also as an incremental
// reparse from its unfuzzed neighbour (statement reuse at both ends).
const next = seeded(20261123);
const allSamples = [...samplesByDialect.postgres, ...samplesByDialect.mysql, ...samplesByDialect.sqlite];
for (let i = 0; i < Number(fuzzCount); i++) {
  const text = fuzzInput(allSamples, next);
  for (const dialect of DIALECTS) inputs.push([text, dialect]);
  if (i % 10 === 0) {
    const base = allSamples[Math.floor(next() * allSamples.length)];
    const at = Math.floor(next() * (base.length + 1));
    const file = fixtures[i % fixtures.length][0];
    inputs.push([file.slice(0, at % (file.length + 1)) + text + file.slice(at % (file.length + 1)), "postgres", file]);
  }
}

let differences = 0;
let checked = 0;
for (const [text, dialect, previous, format] of inputs) {
  checked++;
  const a = describe(A, text, dialect, previous);
  const b = describe(B, text, dialect, previous);
  let same = a === b;
  let what = "parse";
  if (same && describeTokens(A, text, dialect) !== describeTokens(B, text, dialect)) {
    same = false;
    what = "tokenize";
  }
  if (same && format) {
    const fa = tryFormat(A, text, dialect);
    const fb = tryFormat(B, text, dialect);
    if (fa !== fb) {
      same = false;
      what = "format";
    }
  }
  if (!same) {
    differences++;
    if (differences <= 5) {
      console.log(`DIFFERENT (${what}, ${dialect}${previous !== undefined ? ", incremental" : ""}): ${JSON.stringify(text.slice(0, 300))}`);
      if (what === "parse") printFirstDifference(a, b);
    }
  }
}

function tryFormat(api, text, dialect) {
  try {
    return api.format(text, { dialect });
  } catch (error) {
    return `threw ${error}`;
  }
}

function printFirstDifference(a, b) {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      console.log(`  line ${i}:\n    new: ${la[i]}\n    old: ${lb[i]}`);
      return;
    }
  }
}

console.log(`differential check: ${checked} inputs (${inputs.filter((i) => i[2] !== undefined).length} incremental, ${inputs.filter((i) => i[3]).length} also formatted), ${differences} differences`);
process.exit(differences === 0 ? 0 : 1);
