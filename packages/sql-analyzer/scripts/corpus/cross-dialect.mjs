// Statements written for one dialect, judged by another dialect's real parser: generated
// statements for the fidelity test (test/fidelity/fidelity.test.ts). A file checked as SQLite
// that holds PostgreSQL's or MySQL's syntax (a migration ported by hand, a snippet pasted from
// another project) must get a diagnostic where SQLite would refuse it, and none where SQLite
// takes it; the same for PostgreSQL. The dialect's own corpora never write the other dialects'
// forms, so they cannot show this.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tokenize } from "./tokenize.mjs";
import { createSqliteOracle } from "../oracles.mjs";

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "../../corpus");

/** Every statement of a corpus file, valid and invalid alike: `{ id, kind, sql }`. */
function corpusStatements(corpus) {
  const statements = JSON.parse(readFileSync(join(corpusDir, `${corpus}.json`), "utf8")).statements;
  return statements.map((s) => ({ id: `${corpus}:${s.id}`, kind: s.kind, sql: s.sql }));
}

/**
 * The PostgreSQL and MySQL corpora's statements that SQLite's parser decides (as for the SQLite
 * mutants, a statement that fails on a missing table or function may hold a syntax error further
 * on that SQLite never reaches: those are left out).
 */
export function sqliteCrossDialectStatements() {
  const oracle = createSqliteOracle();
  try {
    return [...corpusStatements("postgres"), ...corpusStatements("mysql")].filter((s) => !oracle(s.sql).semantic);
  } finally {
    oracle.close();
  }
}

/**
 * The SQLite and MySQL corpora's statements for PostgreSQL's parser, except those with a `?`
 * placeholder: an application's driver puts a value there before the server reads the text, and
 * in PostgreSQL files it is taken as such (as `$1` is), so the server's verdict on the raw text
 * says nothing about ours.
 */
export function postgresCrossDialectStatements() {
  // (The corpus tokenizer reads `?` as an operator, as PostgreSQL would; neither of these corpora
  // writes PostgreSQL's `?` operators, so every `?` in them is a placeholder.)
  const placeholder = (sql) => tokenize(sql).some((t) => (t.kind === "param" || t.kind === "op") && t.text.includes("?"));
  return [...corpusStatements("sqlite"), ...corpusStatements("mysql")].filter((s) => !placeholder(s.sql));
}

/**
 * The PostgreSQL and SQLite corpora's statements for MySQL's parser, except those with a named
 * (`:name`) or numbered (`?1`) placeholder: an application's driver (PDO, for one) puts a value
 * there before the server reads the text, and in MySQL files they are taken as such. Judged by
 * `scripts/corpus/mysql-reference.mjs` against a MariaDB server (test/real-dumps.test.ts).
 */
export function mysqlCrossDialectStatements() {
  const placeholder = (sql) => {
    const tokens = tokenize(sql, { backticks: true, hashComments: true }).filter((t) => t.kind !== "ws" && t.kind !== "comment");
    return tokens.some((t, i) => t.kind === "op" && ((t.text.endsWith(":") && !t.text.endsWith("::") && tokens[i + 1]?.kind === "word") || (t.text.endsWith("?") && tokens[i + 1]?.kind === "number")));
  };
  return [...corpusStatements("postgres"), ...corpusStatements("sqlite")].filter((s) => !placeholder(s.sql));
}
