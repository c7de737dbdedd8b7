#!/usr/bin/env node
// Parse and format throughput of @sextant/sql-analyzer against its peers, in one process
// on the same input (the generated PostgreSQL corpus), plus the incremental reparse after
// a one-character edit in a 10,000-line file. Prints Markdown tables.
//
// Build first:  npx turbo run build --filter=@sextant/sql-analyzer
// The "real SQL files" section reads the SQL files the installed PostgreSQL ships (Debian's
// `postgresql` package, /usr/share/postgresql/<version>/); without them it says so and skips.
// Run:          npm run bench -w @sextant/sql-analyzer      (BENCH_MS=500 for a quicker run;
//               BENCH_BASELINE=<older build>/dist/index.js adds that build's rows)

import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModule, parseSync as pgParse } from "libpg-query";
import * as pgsqlAst from "pgsql-ast-parser";
import nodeSqlParser from "node-sql-parser";
import { parse as cstParse } from "sql-parser-cst";
import { format as sqlFormatterFormat } from "sql-formatter";
import * as prettier from "prettier";
import * as prettierSql from "prettier-plugin-sql";
import { accepts, cpuRate } from "./helpers.mjs";
import { serverSql } from "../scripts/oracles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MIN_MS = Number(process.env.BENCH_MS ?? 3000);
const ROUNDS = 3;

let sextant = null;
try {
  sextant = await import(join(root, "dist/index.js"));
} catch (error) {
  console.error(`note: dist/ not importable (${error.message.split("\n")[0]}); build first. Peers only.`);
}
// BENCH_BASELINE=/path/to/an/older/build/dist/index.js adds rows for that build, measured in
// the same process and rounds (before/after comparisons on a noisy machine).
const baseline = process.env.BENCH_BASELINE ? await import(process.env.BENCH_BASELINE) : null;

await loadModule();
const NodeSqlParser = nodeSqlParser.Parser ?? nodeSqlParser.default?.Parser;
const nsp = new NodeSqlParser();
const prettierPlugin = prettierSql.default ?? prettierSql;

const corpus = JSON.parse(readFileSync(join(root, "corpus/postgres.json"), "utf8")).statements;
// `replace()` returns V8 *sliced* strings (views into the corpus JSON's strings), which cost a
// char-by-char scanner ~12 % more to read than the flat strings a file read from disk gives.
// Each statement is flattened once, before any timing, by a UTF-8 round trip; every parser,
// ours and the peers, gets the same flat strings.
const flat = (s) => Buffer.from(s, "utf8").toString("utf8");
const valid = corpus.filter((s) => s.expect === "accept").map((s) => flat(s.sql.replace(/;\s*$/, "")));

const peers = {
  "libpg-query": (sql) => pgParse(sql),
  "pgsql-ast-parser": (sql) => pgsqlAst.parse(sql),
  "node-sql-parser": (sql) => nsp.astify(sql, { database: "postgresql" }),
  "sql-parser-cst": (sql) => cstParse(sql, { dialect: "postgresql", includeSpaces: true, includeComments: true, includeNewlines: true, includeRange: true, paramTypes: ["$nr"] }),
};
// parse() builds no tree: it records the parser's events, and the green tree is built
// the first time `root` is read. So sextant gets two rows: parse alone (diagnostics
// read, which never need the tree) and parse + build tree (`root` read), the fair row
// for comparing with parsers that always build their tree.
const ours = sextant?.parse ? (sql) => sextant.parse(sql, { dialect: "postgres" }) : null;
const oursLazy = ours ? (sql) => ours(sql).diagnostics : null;
const OURS = "@sextant/sql-analyzer (parse, tree built lazily)";
const oursTree = ours ? (sql) => ours(sql).root : null;


// The common subset: statements every peer parses, so each parser does the same work.
const acceptance = {};
for (const [name, fn] of Object.entries(peers)) acceptance[name] = valid.filter((sql) => accepts(fn, sql)).length;
const common = valid.filter((sql) => Object.values(peers).every((fn) => accepts(fn, sql)));
const file = common.join(";\n") + ";\n";
// Peers are fed one statement at a time (some of them fail on a long multi-statement
// file even when they accept each statement), and so is sextant, for the same work.
const eachStatement = (fn) => () => {
  for (const sql of common) fn(sql);
};
const lines = file.split("\n").length - 1;
const bytes = Buffer.byteLength(file);


/**
 * Runs/s of each subject, measured in ROUNDS interleaved rounds and keeping each subject's
 * best round: on a shared, noisy machine this compares the subjects under the same load.
 */
function measureAll(subjects) {
  for (const fn of Object.values(subjects)) fn();
  const best = Object.fromEntries(Object.keys(subjects).map((k) => [k, 0]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(subjects)) best[name] = Math.max(best[name], cpuRate(fn, MIN_MS / ROUNDS));
  }
  return best;
}

function measure(fn) {
  return measureAll({ only: fn }).only;
}

async function measureAsync(fn) {
  await fn();
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let runs = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() - start < MIN_MS / ROUNDS) {
      await fn();
      runs++;
    }
    const used = process.cpuUsage(cpu);
    best = Math.max(best, (runs * 1e6) / (used.user + used.system));
  }
  return best;
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(`# @sextant/sql-analyzer benchmark\n`);
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Input: the ${common.length} statements of corpus/postgres.json that every peer parser accepts, as one file of ${fmt(lines)} lines (${fmt(bytes / 1024, 0)} KiB). Each row parses every statement of that file, one parse call per statement; best of ${ROUNDS} interleaved rounds of ${MIN_MS / ROUNDS} ms; rates are per second of this process's CPU time.\n`);
console.log(`Peer acceptance of the ${valid.length} valid corpus statements: ${Object.entries(acceptance).map(([n, c]) => `${n} ${((c / valid.length) * 100).toFixed(1)} %`).join(", ")}${ours ? `, sextant ${((valid.filter((sql) => !ours(sql).diagnostics.some((d) => d.severity === "error")).length / valid.length) * 100).toFixed(1)} %` : ""}.\n`);

// ---- parse ---------------------------------------------------------------
const parseSubjects = {};
if (ours) {
  const tree = ours(file);
  if (tree.root.text() !== file) throw new Error("sextant parse is not lossless on the bench file");
  parseSubjects[OURS] = eachStatement(oursLazy);
  parseSubjects["@sextant/sql-analyzer (parse + build tree)"] = eachStatement(oursTree);
  parseSubjects["@sextant/sql-analyzer (whole file, one call)"] = () => oursLazy(file);
  parseSubjects["@sextant/sql-analyzer (whole file, one call, + build tree)"] = () => oursTree(file);
  if (baseline) {
    parseSubjects["baseline build (parse, tree built lazily)"] = eachStatement((sql) => baseline.parse(sql, { dialect: "postgres" }).diagnostics);
    parseSubjects["baseline build (parse + build tree)"] = eachStatement((sql) => baseline.parse(sql, { dialect: "postgres" }).root);
  }
}
for (const [name, fn] of Object.entries(peers)) parseSubjects[name] = eachStatement(fn);
const parseRows = Object.entries(measureAll(parseSubjects));
const oursParse = parseRows.find(([n]) => n === OURS)?.[1];
console.log("## Parse throughput\n");
console.log("The lazy sextant rows are `parse()` with its diagnostics read (the tree is built on first read of `root`); the \"+ build tree\" rows also read `root`.\n");
console.log("| parser | files/s | lines/s | MB/s | sextant is × faster |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, ops] of parseRows) {
  console.log(`| ${name} | ${fmt(ops, 1)} | ${fmt(ops * lines)} | ${fmt((ops * bytes) / 1e6, 2)} | ${oursParse ? fmt(oursParse / ops, 2) : "n/a"} |`);
}

if (ours) {
  // Every valid statement of the corpus, where libpg-query accepts all of them.
  const all = valid;
  const allLines = all.reduce((n, sql) => n + sql.split("\n").length, 0);
  const allBytes = all.reduce((n, sql) => n + Buffer.byteLength(sql), 0);
  const { a, t, b, oldLazy, old } = measureAll({
    a: () => { for (const sql of all) oursLazy(sql); },
    t: () => { for (const sql of all) oursTree(sql); },
    b: () => { for (const sql of all) pgParse(sql); },
    ...(baseline
      ? {
          oldLazy: () => { for (const sql of all) baseline.parse(sql, { dialect: "postgres" }).diagnostics; },
          old: () => { for (const sql of all) baseline.parse(sql, { dialect: "postgres" }).root; },
        }
      : {}),
  });
  console.log(`\nAll ${all.length} valid statements (${fmt(allLines)} lines, ${fmt(allBytes / 1024)} KiB), one call per statement:\n`);
  console.log("| parser | lines/s | MB/s | sextant is × faster |");
  console.log("|---|---:|---:|---:|");
  console.log(`| ${OURS} | ${fmt(a * allLines)} | ${fmt((a * allBytes) / 1e6, 2)} | 1.00 |`);
  console.log(`| @sextant/sql-analyzer (parse + build tree) | ${fmt(t * allLines)} | ${fmt((t * allBytes) / 1e6, 2)} | ${fmt(a / t, 2)} |`);
  console.log(`| libpg-query | ${fmt(b * allLines)} | ${fmt((b * allBytes) / 1e6, 2)} | ${fmt(a / b, 2)} |`);
  if (oldLazy) console.log(`| baseline build (parse, tree built lazily) | ${fmt(oldLazy * allLines)} | ${fmt((oldLazy * allBytes) / 1e6, 2)} | ${fmt(a / oldLazy, 2)} |`);
  if (old) console.log(`| baseline build (parse + build tree) | ${fmt(old * allLines)} | ${fmt((old * allBytes) / 1e6, 2)} | ${fmt(a / old, 2)} |`);
}

// ---- real SQL files ------------------------------------------------------------
// The corpus is written densely (most statements on one or two lines, 53-69 characters a line),
// which is not how SQL files are written; lines/s there is the strictest figure. These are files as people write them:
// the SQL the installed PostgreSQL ships (its initdb scripts and every extension script), read
// from the system, never copied into this repository. Each file is one parse call.
const shipped = shippedPostgresFiles();
console.log("\n## Real SQL files: what PostgreSQL and its extensions ship\n");
if (!shipped) console.log("PostgreSQL's share directory (/usr/share/postgresql/<version>/) not found: not measured (Debian: `apt-get install postgresql`).");
else if (ours) {
  console.log("| files | parser | lines/s | code lines/s | MB/s | sextant is × faster |");
  console.log("|---|---|---:|---:|---:|---:|");
  const notes = [];
  for (const [label, files] of [["PostgreSQL's own", shipped.own], ["third-party extensions", shipped.thirdParty]]) {
    if (files.length === 0) continue;
    // libpg-query reads server SQL only: the psql lines (the `\echo … \quit` guard of extension
    // scripts) become blanks, and `@extschema@` / `@extowner@` are replaced as CREATE EXTENSION
    // does. Both parsers get the same texts, and only the files libpg-query accepts.
    const texts = files
      .map((f) => serverSql(readFileSync(f, "utf8")))
      .filter((text) => accepts(pgParse, text));
    const realLines = texts.reduce((n, text) => n + text.split("\n").length - (text.endsWith("\n") ? 1 : 0), 0);
    const realBytes = texts.reduce((n, text) => n + Buffer.byteLength(text), 0);
    const codeLines = texts.reduce((n, text) => n + text.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--")).length, 0);
    const { lazy, tree, pg } = measureAll({
      lazy: () => { for (const text of texts) oursLazy(text); },
      tree: () => { for (const text of texts) oursTree(text); },
      pg: () => { for (const text of texts) pgParse(text); },
    });
    notes.push(`${label}: ${texts.length} of ${files.length} files (those libpg-query accepts), ${fmt(realLines)} lines (${fmt(codeLines)} neither blank nor only a comment), ${fmt(realBytes / 1024)} KiB, ${fmt(realBytes / realLines, 1)} characters a line`);
    console.log(`| ${label} | ${OURS} | ${fmt(lazy * realLines)} | ${fmt(lazy * codeLines)} | ${fmt((lazy * realBytes) / 1e6, 2)} | 1.00 |`);
    console.log(`| ${label} | @sextant/sql-analyzer (parse + build tree) | ${fmt(tree * realLines)} | ${fmt(tree * codeLines)} | ${fmt((tree * realBytes) / 1e6, 2)} | ${fmt(lazy / tree, 2)} |`);
    console.log(`| ${label} | libpg-query | ${fmt(pg * realLines)} | ${fmt(pg * codeLines)} | ${fmt((pg * realBytes) / 1e6, 2)} | ${fmt(lazy / pg, 2)} |`);
  }
  console.log(`\nPostgreSQL ${shipped.version}. ${notes.join("; ")}. One parse call per file.`);
}

// ---- format --------------------------------------------------------------
const formatSubjects = {};
if (sextant?.format) formatSubjects["@sextant/sql-analyzer"] = () => sextant.format(file, { dialect: "postgres" });
formatSubjects["sql-formatter"] = () => sqlFormatterFormat(file, { language: "postgresql" });
const formatRows = Object.entries(measureAll(formatSubjects));
formatRows.push(["prettier-plugin-sql", await measureAsync(() => prettier.format(file, { parser: "sql", plugins: [prettierPlugin], language: "postgresql" }))]);
// (Formatters are given the whole file: sql-formatter and prettier-plugin-sql format it as one text.)
const oursFormat = formatRows.find(([n]) => n === "@sextant/sql-analyzer")?.[1];
console.log("\n## Format throughput\n");
console.log("| formatter | files/s | lines/s | MB/s | sextant is × faster |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, ops] of formatRows) {
  console.log(`| ${name} | ${fmt(ops, 2)} | ${fmt(ops * lines)} | ${fmt((ops * bytes) / 1e6, 2)} | ${oursFormat ? fmt(oursFormat / ops, 2) : "n/a"} |`);
}

// ---- incremental reparse -----------------------------------------------------
console.log("\n## Reparse after a one-character edit (10,000-line file)\n");
const bigStatements = [];
let bigLines = 0;
for (let i = 0; bigLines < 10_000; i++) {
  const sql = valid[i % valid.length] + ";\n";
  bigStatements.push(sql);
  bigLines += sql.split("\n").length - 1;
}
const big = bigStatements.join("");
if (ours) {
  // Change one character inside the middle statement (an identifier letter), alternating
  // between the two texts so every run is a real edit; `previous` enables statement reuse.
  const middle = big.indexOf(";\n", Math.floor(big.length / 2)) + 2;
  let at = middle;
  while (!/[a-z]/.test(big[at])) at++;
  const edited = big.slice(0, at) + (big[at] === "x" ? "y" : "x") + big.slice(at + 1);
  const dialect = { dialect: "postgres" };
  let previous = sextant.parse(big, dialect);
  let flip = false;
  let maxReparsed = 0;
  const { full, fullTree } = measureAll({ full: () => sextant.parse(big, dialect).diagnostics, fullTree: () => sextant.parse(big, dialect).root });
  const incremental = measure(() => {
    previous = sextant.parse(flip ? big : edited, { ...dialect, previous });
    previous.diagnostics;
    maxReparsed = Math.max(maxReparsed, previous.reparsedSegments);
    flip = !flip;
  });
  // The same edits with the tree read after each one (reused statements keep their built subtrees).
  previous.root;
  const incrementalTree = measure(() => {
    previous = sextant.parse(flip ? big : edited, { ...dialect, previous });
    previous.root;
    maxReparsed = Math.max(maxReparsed, previous.reparsedSegments);
    flip = !flip;
  });
  if (previous.root.text() !== (flip ? edited : big)) throw new Error("incremental parse is not lossless");
  console.log(`| operation | CPU time per run |\n|---|---:|`);
  console.log(`| full parse (${fmt(bigLines)} lines, ${fmt(Buffer.byteLength(big) / 1024)} KiB, ${fmt(bigStatements.length)} statements) | ${fmt(1000 / full, 3)} ms |`);
  console.log(`| full parse + build tree (\`root\` read) | ${fmt(1000 / fullTree, 3)} ms |`);
  console.log(`| reparse after a 1-character edit, \`parse(text, { previous })\` (segments reparsed: ${maxReparsed}) | ${fmt(1000 / incremental, 4)} ms |`);
  console.log(`| reparse after a 1-character edit + build tree (\`root\` read) | ${fmt(1000 / incrementalTree, 4)} ms |`);
} else {
  console.log("Not built: not measured.");
}

/**
 * The SQL files of the newest installed PostgreSQL, or `undefined`: its own (the scripts initdb
 * runs and its contrib extension scripts) and those of third-party extension packages (on
 * Debian, the extension scripts the server package's file list does not hold; elsewhere all
 * extension scripts count as its own).
 */
function shippedPostgresFiles() {
  const share = "/usr/share/postgresql";
  if (!existsSync(share)) return undefined;
  const version = readdirSync(share).filter((v) => /^\d+$/.test(v) && existsSync(join(share, v, "extension"))).sort((a, b) => Number(b) - Number(a))[0];
  if (version === undefined) return undefined;
  const dir = join(share, version);
  const initdb = ["information_schema.sql", "system_views.sql", "system_functions.sql", "snowball_create.sql", "system_constraints.sql"].map((f) => join(dir, f)).filter((f) => existsSync(f));
  const packageList = `/var/lib/dpkg/info/postgresql-${version}.list`;
  const serverFiles = existsSync(packageList) ? new Set(readFileSync(packageList, "utf8").split("\n")) : undefined;
  const own = [...initdb];
  const thirdParty = [];
  // Debian links most upgrade scripts of a package to one file (PostGIS: ~100 names for one
  // 8 MB script): each file is read once.
  const seen = new Set();
  for (const name of readdirSync(join(dir, "extension")).filter((f) => f.endsWith(".sql")).sort()) {
    const path = join(dir, "extension", name);
    const real = realpathSync(path);
    if (seen.has(real)) continue;
    seen.add(real);
    (serverFiles === undefined || serverFiles.has(path) ? own : thirdParty).push(real);
  }
  return { version, own, thirdParty };
}
