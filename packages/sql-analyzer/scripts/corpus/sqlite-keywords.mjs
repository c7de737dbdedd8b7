// Every SQLite keyword in every position a name or an alias can take: generated statements for
// the fidelity test (test/fidelity/fidelity.test.ts), each judged by SQLite (better-sqlite3)
// when the test runs. SQLite reserves few of its keywords outright: most fall back to being a
// name wherever its grammar has no use for them as keywords (`SELECT a rows`, `CREATE TABLE
// cast (…)`), its join keywords are names only where it asks for a name, and a few words are
// keywords only before certain tokens (WINDOW, OVER, FILTER). This sweep checks those corners.

import { expand } from "./sweep.mjs";

/** SQLite's keywords (its documented list of 147), lower-cased. */

export const SQLITE_KEYWORDS = `
  abort action add after all alter always analyze and as asc attach autoincrement before begin between by cascade
  case cast check collate column commit conflict constraint create cross current current_date current_time
  current_timestamp database default deferrable deferred delete desc detach distinct do drop each else end escape
  except exclude exclusive exists explain fail filter first following for foreign from full generated glob group
  groups having if ignore immediate in index indexed initially inner insert instead intersect into is isnull join key
  last left like limit match materialized natural no not nothing notnull null nulls of offset on or order others
  outer over partition plan pragma preceding primary query raise range recursive references regexp reindex release
  rename replace restrict returning right rollback row rows savepoint select set table temp temporary then ties to
  transaction trigger unbounded union unique update using vacuum values view virtual when where window with without
`
  .split(/\s+/)
  .filter(Boolean);

/** Statements with `{}` where the keyword goes: each position a name or an alias may take. */
export const SQLITE_KEYWORD_TEMPLATES = [
  // select-list aliases and column references
  "SELECT a {}",
  "SELECT a {} FROM t",
  "SELECT 1 {}, 2",
  "SELECT count(*) {} FROM t",
  "SELECT a AS {} FROM t",
  "SELECT {} FROM t",
  "SELECT {}.x FROM t",
  "SELECT t.{} FROM t",
  "SELECT {}.{} FROM {}",
  // calls and types
  "SELECT {}(1)",
  "SELECT CAST(x AS {})",
  "CREATE TABLE t (a {})",
  // tables and their aliases
  "SELECT * FROM {}",
  "SELECT * FROM t {}",
  "SELECT * FROM t AS {}",
  "SELECT * FROM t {} JOIN u ON 1",
  "WITH {} AS (SELECT 1) SELECT * FROM {}",
  "UPDATE t AS {} SET a = 1",
  "DELETE FROM t AS {} WHERE 1",
  // clauses
  "SELECT * FROM t WHERE {} = 1",
  "SELECT a FROM t ORDER BY {}",
  "SELECT a FROM t GROUP BY {}",
  "UPDATE t SET {} = 1",
  "INSERT INTO t ({}) VALUES (1)",
  "DELETE FROM t WHERE {}",
  // definitions and the rest
  "CREATE TABLE {} (a)",
  "CREATE TABLE t ({})",
  "CREATE TABLE t ({} INT)",
  "CREATE TABLE t (a INT DEFAULT {})",
  "CREATE TABLE t (a INT CONSTRAINT {} CHECK (a > 0))",
  "CREATE INDEX {} ON t (a)",
  "CREATE VIEW {} AS SELECT 1",
  "CREATE TRIGGER {} AFTER INSERT ON t BEGIN SELECT 1; END",
  "DROP TABLE {}",
  "ALTER TABLE t RENAME COLUMN a TO {}",
  "PRAGMA {}",
  "ATTACH 'x' AS {}",
];

/** The sweep as corpus entries (without `expect`: the test asks SQLite). */
export function sqliteKeywordStatements() {
  return expand("sqlite-kw", SQLITE_KEYWORD_TEMPLATES, SQLITE_KEYWORDS, (word) => word);
}
