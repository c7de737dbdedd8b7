// Every PostgreSQL keyword in every position a name or a label can take: generated statements
// for the fidelity test (test/fidelity/fidelity.test.ts), each judged by libpg-query when the
// test runs. PostgreSQL sorts its keywords into four classes (unreserved, column name, type or
// function name, reserved), and which class a word is in decides where it may stand: as a
// column, a table alias with or without AS, a select-list label with or without AS, a type or
// a function name. A template corpus never reaches most of these corners; this sweep does.

import { POSTGRES_KEYWORDS as PARSER_KEYWORDS } from "../../src/lexer/keywords.ts";
import { expand } from "./sweep.mjs";

/**
 * PostgreSQL 18's keywords (the words its lexer reads as keywords, as libpg-query's scanner
 * reports them), lower-cased and sorted: the parser's own list (src/lexer/keywords.ts), so the
 * sweep and the parser's IDENT-only positions read one list. (This script is imported by the
 * tests, which run TypeScript; it is not run by plain Node.)
 */
export const POSTGRES_KEYWORDS = [...PARSER_KEYWORDS].sort();

/** Statements with `{}` where the keyword goes: each position a name or a label may take. */
export const KEYWORD_TEMPLATES = [
  // select-list labels and column references
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
  "SELECT x::{}",
  "CREATE TABLE t (a {})",
  "CREATE FUNCTION {}() RETURNS int LANGUAGE sql AS 'select 1'",
  // tables and their aliases
  "SELECT * FROM {}",
  "SELECT * FROM t {}",
  "SELECT * FROM t AS {}",
  "SELECT * FROM t AS x ({})",
  "SELECT * FROM t {} JOIN u ON true",
  "WITH {} AS (SELECT 1) SELECT * FROM {}",
  "UPDATE t {} SET a = 1",
  "DELETE FROM t {} WHERE true",
  // clauses
  "SELECT * FROM t WHERE {} = 1",
  "SELECT a FROM t ORDER BY {}",
  "SELECT a FROM t GROUP BY {}",
  "UPDATE t SET {} = 1",
  "INSERT INTO t ({}) VALUES (1)",
  // definitions
  "CREATE TABLE {} (a int)",
  "CREATE TABLE t ({} int)",
  "CREATE INDEX {} ON t (a)",
  "CREATE TABLE t (a int CONSTRAINT {} CHECK (a > 0))",
  "DROP TABLE {}",
  "ALTER TABLE t RENAME COLUMN a TO {}",
];

/** The sweep as corpus entries (without `expect`: the test asks the reference parser). */
export function keywordStatements() {
  return expand("kw", KEYWORD_TEMPLATES, POSTGRES_KEYWORDS, (word) => word);
}
