/**
 * The closed vocabulary of the SQL-aware tokenizer. Every word that is not listed
 * becomes `[UNK]`, which is deliberate: identifiers, names and most prose collapse
 * into one "word" class, so the model learns the shape of a query (quotes, operators,
 * keywords, comments) rather than the names that happened to be in the corpus.
 */

import { CONTEXT_TOKENS } from "../context/sql-context.js";

/** Special tokens, in id order: `[PAD]` = 0, `[UNK]` = 1, `[CLS]` = 2, `[SEP]` = 3. */
export const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"] as const;

/** Multi-character operators and comment markers the pre-tokenizer keeps whole. */
export const OPERATOR_TOKENS = [
  "--", "/*!", "/*", "/**/", "*/", "||", "&&", "<=>", "<>", "!=", "<=", ">=", "::", ":=", "==", "@@",
] as const;

/** Character-class tokens produced by normalization: any number, a hex literal, `$n`. */
export const CLASS_TOKENS = ["0", "0x", "$0"] as const;

// SQL keywords, functions and catalog names of PostgreSQL, MySQL and SQLite (plus the
// SQL Server / Oracle names that appear in attacks against them). Written by hand.
const SQL_WORDS = `
select from where and or not null is in like ilike between exists union all distinct as
on join inner left right full outer cross natural using group by order having limit offset
asc desc nulls first last with recursive case when then else end cast convert collate escape
insert into values default update set delete returning truncate drop table view index
create alter add column rename to primary key foreign references unique check constraint
cascade restrict if replace temporary temp database schema begin commit rollback savepoint
transaction grant revoke exec execute declare procedure function trigger call do
true false unknown any some fetch next rows only over partition window range preceding
following current row filter within lateral returning conflict nothing ignore upsert
explain analyze vacuum pragma attach detach load copy program stdin stdout
int integer bigint smallint varchar char character text boolean bool numeric decimal
real float double precision date time timestamp timestamptz interval json jsonb uuid blob
serial bytea array binary varbinary nchar nvarchar
count sum avg min max coalesce nullif greatest least length len lower upper trim ltrim
rtrim substr substring mid left right ascii ord chr concat concat_ws group_concat
string_agg array_agg json_agg jsonb_build_object json_extract md5 sha1 sha2 hex unhex
rand random floor ceil round abs mod now current_date current_timestamp current_user
session_user system_user user version database schema_name sleep pg_sleep benchmark
waitfor delay randomblob dbms_lock dbms_pipe receive_message extractvalue updatexml
exp xmltype ctxsys drithsx sn geometrycollection polygon multipoint linestring
load_file outfile dumpfile xp_cmdshell xp_dirtree xp_fileexist sp_executesql master dbo
utl_http utl_inaddr get_host_name request dbms_ldap init httpuritype getclob
lo_import lo_export pg_read_file pg_ls_dir information_schema tables columns schemata
table_name column_name table_schema sqlite_master sqlite_version pg_catalog pg_tables
pg_user pg_shadow mysql sys dual rownum banner v$version all_tables user_tables
sysobjects syscolumns name password passwd username users admin root shutdown
nslookup whoami cmd sh bin bash char_length octet_length instr locate position strpos
regexp rlike glob match against soundex elt field make_set load data infile local
`;

// Frequent English function words and a few common verbs: they let the model tell prose
// (many of these) from SQL (few of these) without learning names.
const ENGLISH_WORDS = `
the a an of to is are was were be been it its this that these those i you he she we they
me my your our their his her them us for at about after before but so because than
can could would should will shall may might must have has had not no yes please thanks
thank hi hello dear there here what who how why which where when just also very more
most much many some any each every other such only own same too again once up down out
off over under then now new old good great best bad big small get got make made go went
see saw know need want like love use used find found give take come came look think
say said tell told work call try ask feel leave put mean keep let begin seem help show
hear play run move live believe bring happen write provide sit stand lose pay meet include
continue learn change lead understand watch follow stop speak read spend grow open walk
win offer remember consider appear buy wait serve die send expect build stay fall cut reach
kill remain suggest raise pass sell require report decide pull
`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

/** The SQL words of the vocabulary (keywords, functions, catalog names), in vocabulary order. */
export const SQL_VOCABULARY_WORDS: readonly string[] = words(SQL_WORDS);

/** ASCII punctuation characters, each a token of its own. */
export const PUNCTUATION_TOKENS = [..."!\"#%&'()*+,-./:;<=>?@[\\]^`{|}~"];

/**
 * The full vocabulary in id order (special tokens first). Duplicates are removed
 * keeping the first occurrence, so ids are stable as long as the lists are.
 */
export function buildVocabulary(): string[] {
  const all = [
    ...SPECIAL_TOKENS,
    ...PUNCTUATION_TOKENS,
    ...OPERATOR_TOKENS,
    ...CLASS_TOKENS,
    ...words(SQL_WORDS),
    ...words(ENGLISH_WORDS),
    ...CONTEXT_TOKENS,
  ];
  return [...new Set(all)];
}
