#!/usr/bin/env node
// Generates the committed SQL corpora in corpus/ from seeded template grammars:
//   corpus/postgres.json  (valid statements of every kind + invalid mutants, checked by libpg-query)
//   corpus/sqlite.json    (the same, checked by SQLite through better-sqlite3)
//   corpus/mysql.json     (valid by construction; no MySQL oracle here)
// Usage: node scripts/generate-corpus.mjs [--check]   (--check: regenerate in memory and
// fail if the committed files differ, so the corpus and the generator stay in step).

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRandom } from "./corpus/random.mjs";
import { restyle, mutate } from "./corpus/mutate.mjs";
import { postgresGrammar } from "./corpus/postgres-grammar.mjs";
import { sqliteGrammar } from "./corpus/sqlite-grammar.mjs";
import { mysqlGrammar } from "./corpus/mysql-grammar.mjs";
import { createPostgresOracle, createSqliteOracle } from "./oracles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const checkOnly = process.argv.includes("--check");

// Hand-written invalid statements: classic mistakes a user makes, one per line.
const HANDWRITTEN_INVALID = [
  "SELECT FROM WHERE", "SELECT * FROM", "SELECT a, FROM t", "SELECT a,, b FROM t", "SELECT * FROM t WHERE", "SELECT * FROM t WHERE a =",
  "SELECT (1 + 2", "SELECT 1 + 2)", "SELECT * FROM t ORDER", "SELECT * FROM t GROUP a", "INSERT INTO t VALUES (1,", "INSERT INTO t (a, b VALUES (1, 2)",
  "INSERT t VALUES (1)", "UPDATE t SET WHERE a = 1", "UPDATE SET a = 1", "DELETE t WHERE a = 1", "CREATE TABLE t (a int,)", "CREATE TABLE (a int)",
  "CREATE TABLE t a int", "DROP TABLE", "ALTER TABLE t ADD", "SELECT * FROM t LIMIT", "SELECT CASE WHEN a THEN b FROM t", "SELECT 'unterminated",
  "SELECT \"unterminated", "SELECT /* never closed", "SELECT * FROM t t2 t3", "SELECT * FROM t JOIN u", "WITH x AS SELECT 1 SELECT * FROM x",
  "SELECT * FROM t UNION", "CREATE INDEX ON", "GRANT SELECT TO bob", "SELECT 1 2", "BEGIN TRANSACTION ISOLATION", "SELECT a FROM t WHERE a IN ()",
];

function writeOrCheck(file, entries, header) {
  const lines = entries.map((e) => "  " + JSON.stringify(e));
  const text = `{\n  "about": ${JSON.stringify(header)},\n  "statements": [\n${lines.join(",\n").replace(/^ {2}/gm, "    ")}\n  ]\n}\n`;
  const path = join(root, "corpus", file);
  if (checkOnly) {
    const old = readFileSync(path, "utf8");
    if (old !== text) throw new Error(`${file} is out of date: run node scripts/generate-corpus.mjs`);
    console.log(`${file}: up to date (${entries.length} statements)`);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${file}: ${entries.length} statements, ${(text.length / 1024).toFixed(0)} KiB`);
}

/**
 * Builds one dialect's corpus: `perKind` valid statements of every kind (restyled), then
 * invalid ones (hand-written + mutants of valid ones) that the oracle rejects.
 */
function buildCorpus({ name, grammar, seed, perKind, invalidCount, oracle, styleOptions, weights = {} }) {
  const rnd = createRandom(seed);
  const g = grammar(rnd);
  const entries = [];
  const seen = new Set();
  const oracleMisses = [];
  for (const [kind, make] of Object.entries(g.kinds)) {
    const target = Math.round(perKind * (weights[kind] ?? 1));
    let made = 0;
    for (let attempt = 0; made < target && attempt < target * 6; attempt++) {
      const sql = restyle(make(), rnd, styleOptions);
      if (seen.has(sql)) continue;
      seen.add(sql);
      if (oracle) {
        const verdict = oracle(sql);
        if (!verdict.ok) {
          oracleMisses.push({ kind, sql, message: verdict.message });
          continue;
        }
      }
      entries.push({ id: `${name}-${String(entries.length + 1).padStart(5, "0")}`, kind, expect: "accept", sql });
      made++;
    }
  }
  const valid = entries.slice();
  let invalid = 0;
  const addInvalid = (kind, sql) => {
    if (seen.has(sql) || sql.trim() === "" || /;\s*\S/.test(sql.replace(/'[^']*'|\$\$[\s\S]*?\$\$|\$\w+\$[\s\S]*?\$\w+\$/g, ""))) return;
    seen.add(sql);
    if (oracle && oracle(sql).ok) return;
    entries.push({ id: `${name}-${String(entries.length + 1).padStart(5, "0")}`, kind, expect: "reject", sql });
    invalid++;
  };
  if (oracle) for (const sql of HANDWRITTEN_INVALID) addInvalid("invalid.handwritten", sql);
  for (let attempt = 0; oracle && invalid < invalidCount && attempt < invalidCount * 20; attempt++) {
    const base = rnd.pick(valid);
    const { sql, mutation } = mutate(base.sql, rnd, styleOptions);
    addInvalid(`invalid.${mutation}`, sql);
  }
  if (oracleMisses.length) {
    console.warn(`${name}: ${oracleMisses.length} generated statements rejected by the oracle (dropped); first ones:`);
    const byKind = {};
    for (const m of oracleMisses) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
    console.warn("  by kind:", JSON.stringify(byKind));
    for (const m of oracleMisses.slice(0, Number(process.env.SHOW_MISSES ?? 3))) console.warn(`  [${m.kind}] ${m.message}\n    ${m.sql.replace(/\n/g, "\\n")}`);
  }
  return entries;
}

/**
 * Appends the hand-written statements of `file` (one per line, `--` lines skipped) after
 * the generated ones, each with the oracle's verdict (accept when there is no oracle): the long tail of the grammar that
 * the templates do not reach. Appended last so the generated entries keep their ids.
 */
function appendHandwritten(entries, name, file, oracle) {
  const seen = new Set(entries.map((e) => e.sql));
  for (const line of readFileSync(join(root, file), "utf8").split("\n")) {
    const sql = line.trim();
    if (sql === "" || sql.startsWith("--") || seen.has(sql)) continue;
    seen.add(sql);
    const ok = oracle ? oracle(sql).ok : true; // no oracle: valid by the dialect's manual
    entries.push({ id: `${name}-${String(entries.length + 1).padStart(5, "0")}`, kind: ok ? "longtail.valid" : "invalid.longtail", expect: ok ? "accept" : "reject", sql });
  }
}

const pgOracle = await createPostgresOracle();
const sqliteOracle = createSqliteOracle();

const PG_WEIGHTS = { "select.basic": 3, "select.join": 2, "select.subquery": 1.5, "select.expressions": 2, insert: 2.5, update: 2, delete: 1.5, "ddl.create-table": 2.5, "ddl.alter-table": 1.5, utility: 2, "select.table": 0.3, "select.into": 0.5 };
const SQLITE_WEIGHTS = { "select.basic": 2, ddl: 2.5, other: 1.5, insert: 1.5 };

const postgres = buildCorpus({ name: "pg", grammar: postgresGrammar, seed: 20261123, perKind: 135, invalidCount: 1250, oracle: pgOracle, weights: PG_WEIGHTS });
appendHandwritten(postgres, "pg", "scripts/corpus/postgres-long-tail.sql", pgOracle);
writeOrCheck("postgres.json", postgres, "Generated by scripts/generate-corpus.mjs (seeded). expect = libpg-query (PostgreSQL 18 raw parser) verdict at generation time.");

const sqlite = buildCorpus({ name: "sqlite", grammar: sqliteGrammar, seed: 3530, perKind: 180, invalidCount: 500, oracle: sqliteOracle, styleOptions: { backticks: true, nestedComments: false }, weights: SQLITE_WEIGHTS });
appendHandwritten(sqlite, "sqlite", "scripts/corpus/sqlite-long-tail.sql", sqliteOracle);
writeOrCheck("sqlite.json", sqlite, "Generated by scripts/generate-corpus.mjs (seeded). expect = SQLite (better-sqlite3) prepare() verdict, syntax errors only.");

const mysql = buildCorpus({ name: "mysql", grammar: mysqlGrammar, seed: 8040, perKind: 150, invalidCount: 0, oracle: null, styleOptions: { backticks: true, hashComments: true, nestedComments: false } });
appendHandwritten(mysql, "mysql", "scripts/corpus/mysql-long-tail.sql", null);
writeOrCheck("mysql.json", mysql, "Generated by scripts/generate-corpus.mjs (seeded). Valid by construction; no MySQL oracle is available here.");

// Hold-out sets: the same grammars with other seeds, minus every statement of the main
// corpora. The parser is tuned against the main corpora's disagreement lists; agreement on
// these shows whether the fixes generalise beyond the listed statements.
const holdout = (entries, main, prefix) => {
  const known = new Set(main.map((e) => e.sql));
  return entries.filter((e) => !known.has(e.sql)).map((e, i) => ({ ...e, id: `${prefix}-${String(i + 1).padStart(5, "0")}` }));
};
const postgresHoldout = holdout(buildCorpus({ name: "pgh", grammar: postgresGrammar, seed: 777001, perKind: 45, invalidCount: 400, oracle: pgOracle, weights: PG_WEIGHTS }), postgres, "pgh");
writeOrCheck("postgres.holdout.json", postgresHoldout, "Hold-out set generated by scripts/generate-corpus.mjs with another seed; no statement of postgres.json. expect = libpg-query verdict.");
const sqliteHoldout = holdout(buildCorpus({ name: "sqliteh", grammar: sqliteGrammar, seed: 777002, perKind: 60, invalidCount: 170, oracle: sqliteOracle, styleOptions: { backticks: true, nestedComments: false }, weights: SQLITE_WEIGHTS }), sqlite, "sqliteh");
writeOrCheck("sqlite.holdout.json", sqliteHoldout, "Hold-out set generated by scripts/generate-corpus.mjs with another seed; no statement of sqlite.json. expect = SQLite (better-sqlite3) prepare() verdict, syntax errors only.");
sqliteOracle.close();
