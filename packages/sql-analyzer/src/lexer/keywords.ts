import type { Dialect } from "../dialect.js";
import { wordClass } from "../syntax/token-cache.js";

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/**
 * PostgreSQL's reserved keywords plus its "type or function name" keywords:
 * neither may be a bare column reference or a bare alias (from the keyword
 * appendix of the PostgreSQL manual, in our own list).
 */
const POSTGRES_RESERVED = words(`
  all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
  current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc
  distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral
  leading limit localtime localtimestamp not null offset on only or order placing primary references returning
  select session_user some symmetric system_user table then to trailing true union unique user using variadic when
  where window with
  authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like
  natural notnull outer overlaps right similar tablesample verbose
`);

/**
 * MySQL 8's reserved words that MariaDB reserves too (checked against a MariaDB server: neither
 * a table nor a column may be named with them), so that a MySQL file gets one verdict from both
 * servers. MySQL 8 reserves a few more that MariaDB takes as names: window functions' names
 * (RANK, LEAD, …), SYSTEM, EMPTY, GROUPS, FUNCTION, GET, OF, ROW, LATERAL, … (LATERAL, OF,
 * DATABASE, SCHEMA, GROUPING, CUBE, GENERATED, STORED, VIRTUAL, OPTION and WINDOW are here:
 * MySQL's grammar needs them reserved). And the character set introducers (`_utf8mb4`, …):
 * MySQL's lexer makes `_` and a character set's name a token of its own, which only a string
 * (or a hexadecimal or bit literal) may follow.
 */
const MYSQL_RESERVED = words(`
  accessible add all alter analyze and as asc before between both by call cascade case change check collate column
  condition constraint continue convert create cross cube current_date current_time current_timestamp current_user
  cursor database databases declare default delayed delete desc describe distinct distinctrow div drop dual each
  else elseif enclosed escaped except exists exit explain false fetch for force foreign from fulltext generated grant group
  grouping having high_priority if ignore in index infile inner inout insert intersect interval into is iterate join key keys kill
  lateral leading leave left like limit linear lines load localtime localtimestamp lock loop low_priority match
  mod modifies natural not null of on optimize option optionally or order out outer outfile over partition primary procedure
  purge range read reads recursive references regexp release rename repeat replace require restrict return revoke right
  rlike schema schemas select separator set show spatial sql sqlexception sqlstate sqlwarning ssl starting
  stored straight_join table terminated then to trailing trigger true undo union unique unlock unsigned update usage
  use using utc_date utc_time utc_timestamp values varying virtual when where while window with write xor zerofill
  bigint binary blob char character dec decimal double float float4 float8 int int1 int2 int3 int4 int8 integer long
  longblob longtext mediumblob mediumint mediumtext middleint numeric precision real smallint tinyblob tinyint tinytext
  varbinary varchar varcharacter
  asensitive day_hour day_microsecond day_minute day_second deterministic hour_microsecond hour_minute hour_second
  insensitive master_ssl_verify_server_cert maxvalue minute_microsecond minute_second no_write_to_binlog read_write
  resignal rows row_number second_microsecond sensitive signal specific sql_big_result sql_calc_found_rows
  sql_small_result year_month
  _armscii8 _ascii _big5 _binary _cp1250 _cp1251 _cp1256 _cp1257 _cp850 _cp852 _cp866 _cp932 _dec8 _eucjpms _euckr
  _gb18030 _gb2312 _gbk _geostd8 _greek _hebrew _hp8 _keybcs2 _koi8r _koi8u _latin1 _latin2 _latin5 _latin7 _macce
  _macroman _sjis _swe7 _tis620 _ucs2 _ujis _utf16 _utf16le _utf32 _utf8 _utf8mb3 _utf8mb4
`);

/**
 * SQLite's keywords that are never names (the ones without a fallback to an identifier in its
 * grammar). The others (`abort`, `cast`, `initially`, `rows`, …) are names wherever the grammar
 * has no use for them as keywords.
 */
const SQLITE_RESERVED = words(`
  add all alter and as autoincrement between case check collate commit constraint create default deferrable delete
  distinct drop else escape except exists foreign from group having in index insert intersect into is isnull
  join limit not nothing notnull null on or order primary references returning select set table then to transaction
  union unique update using values when where
`);

/**
 * SQLite's join keywords: names where SQLite wants a name (`CREATE TABLE left …`, after AS or
 * a dot), but no column, alias or type.
 */
export const SQLITE_JOIN_KEYWORDS = words(`cross full inner left natural outer right`);

/**
 * Words that end an expression or a table in other dialects but that SQLite takes as an AS-less
 * alias, being keywords it falls back to a name for (`SELECT a rows`, `FROM t desc`); `like`,
 * `glob`, `match` and `regexp` only after a table (after an expression they are operators).
 */
export const SQLITE_ALIAS_WORDS = words(`
  asc cast desc do end exclude filter for groups initially nulls offset over partition range rows window with
  glob like match regexp
`);

/**
 * Words that end an expression or table reference in every dialect, so a bare
 * alias can never be one of them even where the dialect does not reserve it.
 */
const ALIAS_STOP = words(`
  from where group having order limit offset union intersect except minus join inner left right full cross natural
  outer on using window returning fetch for into lateral set values when then else end and or not is isnull notnull
  in like ilike between similar glob regexp rlike match escape collate over filter within as asc desc nulls with
  partition straight_join indexed tablesample do limit option select qualify lock procedure range rows groups
  union except exclude
`);

/**
 * PostgreSQL keywords that may not be a select-list alias without AS (every
 * other word may: PostgreSQL 16+ "bare column labels"). From the keyword
 * list's label column, in our own list.
 */
export const POSTGRES_AS_LABEL_WORDS = words(`
  array as char character create day except fetch filter for from grant group having hour ignore intersect into
  isnull limit minute month notnull offset on order over overlaps precision respect returning second to union varying
  where window with within without year
`);

/** The reserved-word set of a dialect (bare words that are never identifiers). */
export function reservedWords(dialect: Dialect): ReadonlySet<string> {
  return dialect === "postgres" ? POSTGRES_RESERVED : dialect === "mysql" ? MYSQL_RESERVED : SQLITE_RESERVED;
}

/** Words that cannot be a bare (AS-less) alias in any dialect. */
export const ALIAS_STOP_WORDS = ALIAS_STOP;

// Word-class bits (see `wordClass`): each token carries the classes of its word,
// so the parser tests these sets with a mask.
const POSTGRES_RESERVED_CLASS = wordClass(POSTGRES_RESERVED);
const MYSQL_RESERVED_CLASS = wordClass(MYSQL_RESERVED);
const SQLITE_RESERVED_CLASS = wordClass(SQLITE_RESERVED);
/** Word-class bit of `ALIAS_STOP_WORDS`. */
export const ALIAS_STOP_CLASS = wordClass(ALIAS_STOP);
/** Word-class bit of `POSTGRES_AS_LABEL_WORDS`. */
export const POSTGRES_AS_LABEL_CLASS = wordClass(POSTGRES_AS_LABEL_WORDS);

/** The word-class bit of the dialect's reserved words (`reservedWords(dialect)`). */
export function reservedClass(dialect: Dialect): number {
  return dialect === "postgres" ? POSTGRES_RESERVED_CLASS : dialect === "mysql" ? MYSQL_RESERVED_CLASS : SQLITE_RESERVED_CLASS;
}

/**
 * PostgreSQL's "type or function name" keywords: reserved as column and table names, but a
 * function may have one as its name (pgTAP's `is(…)`, PostGIS's `overlaps(…)`).
 */
export const POSTGRES_TYPE_FUNC_NAME_KEYWORDS = words(`
  authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like
  natural notnull outer overlaps right similar tablesample verbose
`);
/** Word-class bit of `POSTGRES_TYPE_FUNC_NAME_KEYWORDS`. */
export const POSTGRES_TYPE_FUNC_NAME_CLASS = wordClass(POSTGRES_TYPE_FUNC_NAME_KEYWORDS);

/**
 * PostgreSQL's "column name" keywords that are type names (`int`, `varchar`, `timestamp`, …): they
 * may start a type, and some take a typed literal's modifiers (`varchar(10) 'x'`).
 */
export const POSTGRES_COL_NAME_TYPES = words(`
  bigint bit boolean char character dec decimal float int integer interval json national nchar numeric real smallint
  time timestamp varchar
`);

/** Word-class bit of `POSTGRES_COL_NAME_TYPES`. */
export const POSTGRES_COL_NAME_TYPES_CLASS = wordClass(POSTGRES_COL_NAME_TYPES);

/**
 * PostgreSQL's other "column name" keywords: names of columns, but neither of types nor, in
 * PostgreSQL's grammar, of functions one may create (`coalesce`, `extract`, `values`, …).
 */
export const POSTGRES_COL_NAME_OTHERS = words(`
  between coalesce exists extract greatest grouping inout json_array json_arrayagg json_exists json_object
  json_objectagg json_query json_scalar json_serialize json_table json_value least merge_action none normalize nullif
  out overlay position precision row setof substring treat trim values xmlattributes xmlconcat xmlelement xmlexists
  xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable
`);

/** Word-class bit of `POSTGRES_COL_NAME_OTHERS`. */
export const POSTGRES_COL_NAME_OTHERS_CLASS = wordClass(POSTGRES_COL_NAME_OTHERS);

/**
 * Every word PostgreSQL 18's lexer reads as a keyword, of all four classes (unreserved, column
 * name, type or function name, reserved). The few places where its grammar takes a plain
 * identifier only (`IDENT`: EXTRACT's field, CREATE DATABASE's option names, a time zone name)
 * test against it, and the keyword sweep (scripts/corpus/postgres-keywords.mjs) puts each in
 * every name position, judged by libpg-query.
 */
export const POSTGRES_KEYWORDS = words(`
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
  unique unknown unlisten unlogged until update user using vacuum valid validate validator value values
  varchar variadic varying verbose version view views volatile when where whitespace window with within
  without work wrapper write xml xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse
  xmlpi xmlroot xmlserialize xmltable year yes zone
`);
/** Word-class bit of `POSTGRES_KEYWORDS`. */
export const POSTGRES_KEYWORD_CLASS = wordClass(POSTGRES_KEYWORDS);

/** Keywords that may name a function even though they are reserved as column names (PostgreSQL; MySQL's UTC_DATE/TIME/TIMESTAMP). */
export const FUNCTION_NAME_KEYWORDS = words(`
  left right collation current_schema ilike like similar overlaps binary values replace insert if char
  format mod repeat schema database user grouping truncate interval utc_date utc_time utc_timestamp row_number
`);
/** Word-class bit of `FUNCTION_NAME_KEYWORDS`. */
export const FUNCTION_NAME_CLASS = wordClass(FUNCTION_NAME_KEYWORDS);
