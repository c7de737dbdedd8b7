#!/usr/bin/env node
// Parses every SQL file under a directory (what fetch-debian.sh unpacked, or any tree) with the
// built package and reports, per dialect, the files with errors and what the real parser of
// that dialect says of them: libpg-query for PostgreSQL (the whole file, psql lines blanked,
// extension placeholders replaced), SQLite (the statement around each error) and, with
// --mariadb <socket>, MariaDB (PREPARE of that statement; error 1064 is a syntax error). A
// file we fault and the real parser takes is a false error: those are the ones to fix.
// With --format it also formats every clean file with two option sets and checks that the
// result is a fixed point, keeps every token and (PostgreSQL) gives libpg-query the same tree;
// a PostgreSQL file is formatted a third time with `routineBodies: "format"`, checked to be a
// fixed point with no statement unverified and to give libpg-query the same statements and
// PL/pgSQL blocks (strings compared by their tokens: the bodies' layout changes).
//
//   node scripts/real-world/probe-files.mjs <dir> [--format] [--mariadb /path/to/socket]
//
// The dialect comes from the path (…sqlite…, …mysql…, …pgsql…/postgres…/extension…); files
// for other databases (mssql, oracle) are skipped. Build the package first.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { loadModule, parsePlPgSQLSync, parseSync } from "libpg-query";
import { sameDocumentTokens } from "../fuzz-inputs.mjs";
import { createSqliteOracle, plpgsqlAccepts, serverSql } from "../oracles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--mariadb");
if (!dir) throw new Error("usage: probe-files.mjs <dir> [--format] [--mariadb socket]");
const withFormat = args.includes("--format");
const socket = args.includes("--mariadb") ? args[args.indexOf("--mariadb") + 1] : undefined;
const api = await import(join(root, "dist/index.js"));
await loadModule();
const sqlite = createSqliteOracle();

/** The dialect a file's path says, or undefined for files of other databases. */
function dialectOf(path) {
  if (/mssql|oracle/i.test(path)) return undefined;
  if (/sqlite/i.test(path)) return "sqlite";
  if (/mysql|phpmyadmin|mediawiki\/maintenance\/archives|db_patches\/mysql/i.test(path)) return "mysql";
  if (/pgsql|postgres|\.Pg$|ledgersmb|slony|bucardo|pgpool|\/extension\//i.test(path)) return "postgres";
  return undefined;
}

function postgresTakes(text) {
  try {
    parseSync(serverSql(text));
    return true;
  } catch {
    return false;
  }
}

function mariadbTakes(sql) {
  const quoted = sql.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  const run = spawnSync("mariadb", ["--no-defaults", "-S", socket, "-u", "root", "--force"], { input: `CREATE DATABASE IF NOT EXISTS probe; USE probe; SET @q = '${quoted}'; PREPARE s FROM @q;\n`, encoding: "utf8" });
  return !/ERROR 1064/.test(run.stderr);
}

const treeOf = (sql) => JSON.stringify(parseSync(sql), (key, value) => (/location$|^stmt_len$|list_start$|list_end$/.test(key) ? undefined : value));
const OPTION_SETS = [{ keywordCase: "upper" }, { keywordCase: "lower", indent: 4, lineWidth: 40, commaPosition: "leading" }];
/** `text`'s tokens without the blanks, words folded: a string or SQL text compared by what it says. */
function foldedTokens(text) {
  const stream = api.tokenize(text, "postgres");
  const out = [];
  for (let i = 0; i < stream.count; i++) {
    const t = text.slice(stream.starts[i], i + 1 < stream.count ? stream.starts[i + 1] : text.length);
    if (t.trim() !== "") out.push(/^[A-Za-z_]/.test(t) ? t.toLowerCase() : t);
  }
  return out.join(" ");
}
/**
 * libpg-query's statements and the PL/pgSQL blocks of the file's PL/pgSQL routines (each asked
 * alone: its PL/pgSQL entry point aborts on a routine without a string body), with every
 * string, SQL text and type name as its tokens.
 */
function bodyBlindTrees(sql) {
  const fold = (key, value) => (/location$|^stmt_len$|list_start$|list_end$|^lineno$/.test(key) ? undefined : typeof value === "string" && /^(sval|query|typname)$/.test(key) ? foldedTokens(value) : value);
  const blocks = [];
  for (const segment of api.parse(sql, { dialect: "postgres" }).segments) {
    const statement = sql.slice(segment.start, segment.end);
    if (!/^\s*create\b[\s\S]*\b(function|procedure)\b[\s\S]*language\s+'?plpgsql/i.test(statement) || !statement.includes("$")) continue;
    try {
      blocks.push(JSON.stringify(parsePlPgSQLSync(statement), fold));
    } catch {
      blocks.push("refused");
    }
  }
  return JSON.stringify(parseSync(sql), fold) + blocks.join("\n");
}
/** What is wrong with formatting a PostgreSQL file's routine bodies too (see the header). */
function routineBodyProblems(text, takes) {
  const options = { dialect: "postgres", routineBodies: "format" };
  const result = api.formatDocument(text, options);
  const problems = [];
  if (result.statements.some((st) => st.status === "unverified")) problems.push("unverified");
  if (api.format(result.text, options) !== result.text) problems.push("not a fixed point");
  if (takes) {
    let same;
    try {
      same = bodyBlindTrees(serverSql(result.text)) === bodyBlindTrees(serverSql(text));
    } catch {
      same = false;
    }
    if (!same) problems.push("other statements or blocks for libpg-query");
  }
  return { problems, changed: result.text !== api.format(text, { dialect: "postgres" }) };
}

const files = [];
const seen = new Set();
(function walk(d) {
  for (const entry of readdirSync(d)) {
    const path = join(d, entry);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue; // a dangling link
    }
    if (stat.isDirectory()) walk(path);
    else if (/\.(sql|sql\.gz|Pg|mysql|SQLite)$/.test(path) && dialectOf(path)) {
      const real = realpathSync(path);
      if (!seen.has(real)) {
        seen.add(real);
        files.push(real);
      }
    }
  }
})(dir);

const stats = {};
const contents = new Set();
const report = [];
for (const path of files.sort()) {
  const dialect = dialectOf(path);
  const text = path.endsWith(".gz") ? gunzipSync(readFileSync(path)).toString("utf8") : readFileSync(path, "utf8");
  const hash = createHash("sha1").update(text).digest("hex");
  if (contents.has(hash)) continue;
  contents.add(hash);
  const s = (stats[dialect] ??= { files: 0, lines: 0, faulted: 0, falseErrors: 0, formatted: 0, formatProblems: 0, ...(dialect === "postgres" ? { bodiesChanged: 0, bodyProblems: 0 } : {}) });
  s.files++;
  s.lines += text.split("\n").length;
  const result = api.parse(text, { dialect });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    s.faulted++;
    for (const error of errors.slice(0, 3)) {
      const segment = result.segments.find((g) => g.start <= error.range.start && error.range.start < g.end);
      const statement = segment ? text.slice(segment.start, segment.end).trim() : "";
      const real = dialect === "postgres" ? postgresTakes(text) && plpgsqlAccepts(statement) : dialect === "sqlite" ? sqlite(statement).ok : socket ? mariadbTakes(statement.replace(/;\s*$/, "")) : undefined;
      if (real === true) s.falseErrors++;
      const at = text.slice(Math.max(0, error.range.start - 60), error.range.start) + "⟪" + text.slice(error.range.start, error.range.end) + "⟫";
      report.push(`${real === true ? "FALSE ERROR" : real === false ? "both reject" : "unjudged"} ${dialect} ${path}: ${error.message} — ${JSON.stringify(at)}`);
      if (dialect === "postgres") break; // one verdict per file
    }
    continue;
  }
  if (!withFormat) continue;
  for (const options of OPTION_SETS) {
    s.formatted++;
    const formatted = api.format(text, { dialect, ...options });
    const problems = [];
    if (api.format(formatted, { dialect, ...options }) !== formatted) problems.push("not a fixed point");
    if (!sameDocumentTokens(api, text, formatted, dialect)) problems.push("tokens changed");
    if (dialect === "postgres" && postgresTakes(text)) {
      let same;
      try {
        same = treeOf(serverSql(formatted)) === treeOf(serverSql(text));
      } catch {
        same = false;
      }
      if (!same) problems.push("another tree for libpg-query");
    }
    if (problems.length > 0) {
      s.formatProblems++;
      report.push(`FORMAT ${dialect} ${path} ${JSON.stringify(options)}: ${problems.join(", ")}`);
    }
  }
  if (dialect === "postgres" && text.includes("$")) {
    const { problems, changed } = routineBodyProblems(text, postgresTakes(text));
    if (changed) s.bodiesChanged++;
    if (problems.length > 0) {
      s.bodyProblems++;
      report.push(`FORMAT BODIES ${path}: ${problems.join(", ")}`);
    }
  }
}
for (const line of report) console.log(line);
console.log(JSON.stringify(stats, null, 1));
