// Every PostgreSQL keyword in every position a name or a label can take: generated statements
// for the fidelity test (test/fidelity/fidelity.test.ts), each judged by libpg-query when the
// test runs. PostgreSQL sorts its keywords into four classes (unreserved, column name, type or
// function name, reserved), and which class a word is in decides where it may stand: as a
// column, a table alias with or without AS, a select-list label with or without AS, a type or
// a function name. A template corpus never reaches most of these corners; this sweep does.

import { expand } from "./sweep.mjs";

/**
 * PostgreSQL 18's keywords (the words its lexer reads as keywords, as libpg-query's scanner
 * reports them), lower-cased and sorted.
 */

export const POSTGRES_KEYWORDS = `
  abort absent absolute access action add admin after aggregate all also alter always analyse analyze and any
  array as asc asensitive assertion assignment asymmetric at atomic attach attribute authorization backward
  before begin between bigint binary bit boolean both breadth by cache call called cascade cascaded case cast
  catalog chain char character characteristics check checkpoint class close cluster coalesce collate collation
  column columns comment comments commit committed compression concurrently conditional configuration conflict
  connection constraint constraints content continue conversion copy cost create cross csv cube current
  current_catalog current_date current_role current_schema current_time current_timestamp current_user cursor
  cycle data database day deallocate dec decimal declare default defaults deferrable deferred definer delete
  delimiter delimiters depends depth desc detach dictionary disable discard distinct do document domain double
  drop each else empty enable encoding encrypted end enforced enum error escape event except exclude excluding
  exclusive execute exists explain expression extension external extract false family fetch filter finalize
  first float following for force foreign format forward freeze from full function functions generated global
  grant granted greatest group grouping groups handler having header hold hour identity if ilike immediate
  immutable implicit import in include including increment indent index indexes inherit inherits initially
  inline inner inout input insensitive insert instead int integer intersect interval into invoker is isnull
  isolation join json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar
  json_serialize json_table json_value keep key keys label language large last lateral leading leakproof least
  left level like limit listen load local localtime localtimestamp location lock locked logged mapping match
  matched materialized maxvalue merge merge_action method minute minvalue mode month move name names national
  natural nchar nested new next nfc nfd nfkc nfkd no none normalize normalized not nothing notify notnull
  nowait null nullif nulls numeric object of off offset oids old omit on only operator option options or order
  ordinality others out outer over overlaps overlay overriding owned owner parallel parameter parser partial
  partition passing password path period placing plan plans policy position preceding precision prepare
  prepared preserve primary prior privileges procedural procedure procedures program publication quote quotes
  range read real reassign recursive ref references referencing refresh reindex relative release rename
  repeatable replace replica reset restart restrict return returning returns revoke right role rollback rollup
  routine routines row rows rule savepoint scalar schema schemas scroll search second security select sequence
  sequences serializable server session session_user set setof sets share show similar simple skip smallint
  snapshot some source sql stable standalone start statement statistics stdin stdout storage stored strict
  string strip subscription substring support symmetric sysid system system_user table tables tablesample
  tablespace temp template temporary text then ties time timestamp to trailing transaction transform treat
  trigger trim true truncate trusted type types uescape unbounded uncommitted unconditional unencrypted union
  unique unknown unlisten unlogged until update user using vacuum valid validate validator value values varchar
  variadic varying verbose version view views volatile when where whitespace window with within without work
  wrapper write xml xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot
  xmlserialize xmltable year yes zone
`
  .split(/\s+/)
  .filter(Boolean);

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
