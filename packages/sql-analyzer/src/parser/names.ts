import { SyntaxCode } from "../diagnostic.js";
import { ALIAS_STOP_CLASS, POSTGRES_AS_LABEL_CLASS, POSTGRES_COL_NAME_OTHERS, POSTGRES_COL_NAME_OTHERS_CLASS, POSTGRES_COL_NAME_TYPES, POSTGRES_COL_NAME_TYPES_CLASS, POSTGRES_KEYWORD_CLASS, POSTGRES_TYPE_FUNC_NAME_CLASS, SQLITE_ALIAS_WORDS } from "../lexer/keywords.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { wordClass } from "../syntax/token-cache.js";
import type { Parser } from "./parser.js";

/** Whether the n-th token is a word the dialect reserves. */
export function isReservedAt(p: Parser, n = 0): boolean {
  return p.nth(n) === SyntaxKind.Word && (p.wordClassesAt(n) & p.reservedClass) !== 0;
}

/** Whether the n-th token can be an identifier (a quoted one, or a non-reserved word). */
export function atIdent(p: Parser, n = 0): boolean {
  const k = p.nth(n);
  if (k === SyntaxKind.QuotedIdent) return true;
  if (k !== SyntaxKind.Word) return false;
  if ((p.wordClassesAt(n) & p.reservedClass) === 0) return true;
  // MySQL's lexer looks up no keyword right before `.` and a name (`key.id`, `order.total`):
  // there even a reserved word is a name.
  return p.mysql && p.nth(n + 1) === SyntaxKind.Dot && p.nth(n + 2) === SyntaxKind.Word && p.touchesNextAt(n) && p.touchesNextAt(n + 1);
}

/**
 * Whether the n-th token is what PostgreSQL's grammar calls a `type_function_name`: a quoted
 * identifier, a word that is no keyword or an unreserved one, or a "type or function name"
 * keyword (`left`, `like`, …) — not a reserved keyword and not a column-name keyword (`values`,
 * `int`). Parameter names (`f(a => 1)`, `CREATE FUNCTION f(a int)`) are such names.
 */
export function atTypeFunctionName(p: Parser, n = 0): boolean {
  const k = p.nth(n);
  if (k === SyntaxKind.QuotedIdent) return true;
  if (k !== SyntaxKind.Word) return false;
  const classes = p.wordClassesAt(n);
  if ((classes & POSTGRES_TYPE_FUNC_NAME_CLASS) !== 0) return true;
  return (classes & (p.reservedClass | POSTGRES_COL_NAME_OTHERS_CLASS | POSTGRES_COL_NAME_TYPES_CLASS)) === 0;
}

/**
 * Whether the n-th token is what PostgreSQL's grammar calls an `IDENT`: a quoted identifier or a
 * word that is no keyword at all (of any class). A few positions take only such names.
 */
export function atPlainIdent(p: Parser, n = 0): boolean {
  const k = p.nth(n);
  return k === SyntaxKind.QuotedIdent || (k === SyntaxKind.Word && (p.wordClassesAt(n) & POSTGRES_KEYWORD_CLASS) === 0);
}

/** The reserved words PostgreSQL takes as a role (`RoleSpec`). */
const POSTGRES_ROLE_KEYWORDS = new Set(["current_role", "current_user", "session_user"]);

/**
 * PostgreSQL: whether the current word is a reserved keyword that cannot name a role (a
 * `RoleSpec` is any word but those, plus CURRENT_ROLE, CURRENT_USER and SESSION_USER). The
 * "type or function name" keywords may (`DROP ROLE overlaps`).
 */
export function atReservedRoleWord(p: Parser): boolean {
  return atFullyReservedWord(p) && !POSTGRES_ROLE_KEYWORDS.has(p.word!);
}

/**
 * PostgreSQL: whether the current token is a reserved keyword proper — not one of the "type or
 * function name" keywords, which its `NonReservedWord` positions (role and language names, …) take.
 */
export function atFullyReservedWord(p: Parser): boolean {
  if (!p.postgres || p.kind !== SyntaxKind.Word) return false;
  const classes = p.wordClassesAt(0);
  return (classes & p.reservedClass) !== 0 && (classes & POSTGRES_TYPE_FUNC_NAME_CLASS) === 0;
}

/** A role name (a PostgreSQL `RoleSpec`: no reserved word but CURRENT_ROLE and kin). */
export function expectRoleName(p: Parser): boolean {
  if (atReservedRoleWord(p)) {
    reservedAsName(p, "a role name");
    return true;
  }
  return expectLabel(p, "role");
}

/** Whether the n-th token can be a name after `AS` or `.` (any word, quoted identifiers). */
export function atLabel(p: Parser, n = 0): boolean {
  const k = p.nth(n);
  return k === SyntaxKind.Word || k === SyntaxKind.QuotedIdent;
}

/**
 * Whether the current token can be an AS-less select-list alias: in PostgreSQL
 * any word but a few (bare column labels), elsewhere like a table alias.
 */
export function atBareColumnLabel(p: Parser): boolean {
  if (p.postgres && p.at(SyntaxKind.Word)) {
    const classes = p.wordClassesAt(0);
    if ((classes & POSTGRES_AS_LABEL_CLASS) !== 0) return false;
    // A word that could also go on with the statement (`rows`, `set`, even `and`) is a label
    // where the item ends, as PostgreSQL decides it one token later: `SELECT a rows FROM t`.
    return (classes & ALIAS_STOP_CLASS) === 0 || atTargetEnd(p, 1);
  }
  if (p.sqlite && p.at(SyntaxKind.Word) && (p.wordClassesAt(0) & ALIAS_STOP_CLASS) !== 0) return !isReservedAt(p) && atSqliteAliasWord(p, false);
  return atBareAlias(p);
}

/** The clauses that may follow a select list or RETURNING list (each reserved in PostgreSQL). */
const TARGET_END_CLASS = wordClass(
  new Set(["from", "into", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union", "intersect", "except"]),
);

/**
 * Whether the n-th token ends a PostgreSQL select-list item: `,`, `)`, the end of the
 * statement, or a clause that may follow a select list. There a keyword after the item is
 * its bare label, even an operator word (`SELECT a and FROM t` labels `a` "and").
 */
function atTargetEnd(p: Parser, n: number): boolean {
  const k = p.nth(n);
  if (k === SyntaxKind.Comma || k === SyntaxKind.RParen || k === SyntaxKind.Semicolon || k >= SyntaxKind.ClientCommand) return true;
  return k === SyntaxKind.Word && (p.wordClassesAt(n) & TARGET_END_CLASS) !== 0;
}

/**
 * Whether the current word is a PostgreSQL bare label that ends a select-list item: one that
 * may stand without AS (not `isnull`, `from`, …) with the item's end after it.
 */
export function atLabelThatEndsItem(p: Parser): boolean {
  return (p.wordClassesAt(0) & POSTGRES_AS_LABEL_CLASS) === 0 && atTargetEnd(p, 1);
}

/**
 * Whether the n-th token ends a PostgreSQL table reference: `,`, `(` (a column alias list),
 * `)`, the end, a reserved word (a join, a clause) or UPDATE's SET. There a non-reserved word
 * that other dialects stop at is an alias (`FROM t rows`, `UPDATE t range SET …`).
 */
function atTableRefEnd(p: Parser, n: number): boolean {
  const k = p.nth(n);
  if (k === SyntaxKind.Word) return (p.wordClassesAt(n) & p.reservedClass) !== 0 || p.wordAt(n) === "set";
  return k === SyntaxKind.Comma || k === SyntaxKind.LParen || k === SyntaxKind.RParen || k === SyntaxKind.Semicolon || k >= SyntaxKind.ClientCommand;
}

/**
 * Whether the current token can be the AS-less alias of a table that UPDATE or DELETE
 * changes: an identifier, but not SET (PostgreSQL reads `UPDATE t set …` as its SET clause) nor,
 * outside PostgreSQL, a word that other dialects stop at.
 */
export function atTargetTableAlias(p: Parser): boolean {
  if (!atIdent(p) || p.atKw("default")) return false;
  if (!p.at(SyntaxKind.Word) || (p.wordClassesAt(0) & ALIAS_STOP_CLASS) === 0) return true;
  return p.postgres && p.word !== "set" && atTableRefEnd(p, 1);
}

/**
 * A keyword where the dialect wants a name it cannot be (`FROM users AS user`, `x::coalesce`):
 * reported, and kept in the tree as the name it was meant to be.
 */
export function reservedAsName(p: Parser, what: string): void {
  const [start, end] = p.currentRange();
  const word = p.word;
  const dialect = p.postgres ? "PostgreSQL" : p.sqlite ? "SQLite" : "MySQL";
  const quoted = p.mysql ? `in backticks (\`${word}\`)` : `in double quotes ("${word}")`;
  p.report(SyntaxCode.UnexpectedToken, `\`${word}\` is a keyword ${dialect} does not take as ${what}: write it ${quoted}`, start, end);
  p.bumpIdent();
}

/** Whether the current token can be an AS-less alias. */
export function atBareAlias(p: Parser): boolean {
  const k = p.kind;
  if (k === SyntaxKind.QuotedIdent) return true;
  // MySQL and SQLite take a plain string as an alias, not a blob or bit string (`SELECT 1 X'0A'`).
  if (k === SyntaxKind.String) return !p.postgres && p.atPlainString();
  if (k !== SyntaxKind.Word) return false;
  const classes = p.wordClassesAt(0);
  if ((classes & p.reservedClass) !== 0) return false;
  if ((classes & ALIAS_STOP_CLASS) === 0) return true;
  // PostgreSQL takes any non-reserved word as a table alias (`FROM t rows`) where the table
  // reference ends; SQLite the keywords it falls back to a name for (`FROM t desc`).
  if (p.postgres) return atTableRefEnd(p, 1);
  return p.sqlite && atSqliteAliasWord(p, true);
}

/**
 * SQLite: whether the word at the cursor, one other dialects stop at, is an AS-less alias
 * there (`SELECT a rows`, `FROM t like`): a keyword SQLite falls back to a name for, unless the
 * tokens after it make it the keyword (`WINDOW w AS`, `OVER (`/`OVER w`, `FILTER (`).
 */
function atSqliteAliasWord(p: Parser, afterTable: boolean): boolean {
  if ((p.wordClassesAt(0) & SQLITE_ALIAS_CLASS) === 0) return false;
  switch (p.word) {
    case "like":
    case "glob":
    case "match":
    case "regexp":
      return afterTable;
    case "window":
      return !(atIdent(p, 1) && p.nthKw(2, "as"));
    case "over":
      return p.nth(1) !== SyntaxKind.LParen && !atIdent(p, 1);
    case "filter":
      return p.nth(1) !== SyntaxKind.LParen;
    default:
      return true;
  }
}

/** Word-class bit of `SQLITE_ALIAS_WORDS`. */
const SQLITE_ALIAS_CLASS = wordClass(SQLITE_ALIAS_WORDS);

/**
 * Whether the n-th token can be a name after a dot (`t.col`, `s.t`): any word, but in SQLite
 * no word it reserves (`t.select` is a syntax error there, not in PostgreSQL or MySQL), and in
 * PostgreSQL no word its lexer turns into a look-ahead token (`t.not between …`).
 */
export function atNameAfterDot(p: Parser, n: number): boolean {
  const k = p.nth(n);
  if (k === SyntaxKind.QuotedIdent) return true;
  if (k !== SyntaxKind.Word) return false;
  // (One mask test for the common case; the look-ahead check reads the next word only for NOT, NULLS, …)
  const classes = p.wordClassesAt(n);
  if (p.sqlite) return (classes & p.reservedClass) === 0;
  // MySQL's lexer reads a word right after a dot as a name, reserved or not (`t.from`); after
  // a dot and a space it reads a keyword again (`t. FROM` ends the name at the dot).
  if (p.mysql) return (classes & p.reservedClass) === 0 || p.touchesNextAt(n - 1);
  return (classes & POSTGRES_LOOKAHEAD_FIRST_CLASS) === 0 || !p.postgres || !atPostgresLookaheadToken(p, n);
}

/** The words PostgreSQL's lexer may turn into a look-ahead token (see `atPostgresLookaheadToken`). */
const POSTGRES_LOOKAHEAD_FIRST_CLASS = wordClass(new Set(["not", "nulls", "with", "without", "format"]));

/**
 * PostgreSQL: whether the n-th token is a word that PostgreSQL's lexer, looking one token ahead,
 * turns into a token of its own (`NOT_LA` before BETWEEN, IN, LIKE, ILIKE and SIMILAR; `NULLS_LA`
 * before FIRST and LAST; `WITH_LA` before TIME and ORDINALITY; `WITHOUT_LA` before TIME;
 * `FORMAT_LA` before JSON). Such a token is no name, not even where any keyword is
 * (`t.nulls first`, `AS not between` are syntax errors there).
 */
export function atPostgresLookaheadToken(p: Parser, n: number): boolean {
  if (p.nth(n) !== SyntaxKind.Word || (p.wordClassesAt(n) & POSTGRES_LOOKAHEAD_FIRST_CLASS) === 0) return false;
  if (p.nth(n + 1) !== SyntaxKind.Word) return false;
  const next = p.wordAt(n + 1);
  switch (p.wordAt(n)) {
    case "not":
      return next === "between" || next === "in" || next === "like" || next === "ilike" || next === "similar";
    case "nulls":
      return next === "first" || next === "last";
    case "with":
      return next === "time" || next === "ordinality";
    case "without":
      return next === "time";
    default:
      return next === "json";
  }
}

/**
 * Whether the n-th token stands where a name is required although it is no word: a psql
 * variable (`CREATE ROLE :owner`, psql puts the name in), an extension script's placeholder
 * (`@extschema@.f`, CREATE EXTENSION puts the schema in) or, in SQLite, a string (its
 * grammar takes `'name'` wherever a name goes: `CREATE TABLE 'docs_data'(…)`, as `.dump` writes).
 */
export function atSubstitutedName(p: Parser, n = 0): boolean {
  const k = p.nth(n);
  if (k === SyntaxKind.String) return p.sqlite;
  if (k !== SyntaxKind.Param || !p.postgres) return false;
  const first = p.tokenText(n).charCodeAt(0);
  return first === 58 /* :psql_variable */ || first === 64; /* @extschema@ */
}

/** Consumes an identifier, or reports one missing. Returns whether one was consumed. */
export function expectIdent(p: Parser, what = "identifier"): boolean {
  if (atIdent(p)) {
    p.bumpIdent();
    return true;
  }
  if (atSubstitutedName(p)) {
    p.bump();
    return true;
  }
  // A reserved word used as a name: keep it as an identifier token but report it.
  if (p.at(SyntaxKind.Word) && atLabelContext(p)) {
    p.expected(what);
    p.bumpIdent();
    return true;
  }
  p.expected(what);
  return false;
}

function atLabelContext(p: Parser): boolean {
  // Only swallow a reserved word when what follows looks like the name went on.
  const next = p.nth(1);
  return next === SyntaxKind.Dot || next === SyntaxKind.LParen;
}

/**
 * A character set or collation name (after CHARACTER SET, CHARSET, COLLATE): a name, or in MySQL
 * also a string (`CHARACTER SET 'utf8'`, as schema scripts often write it).
 */
export function expectCharsetName(p: Parser, what: "character set" | "collation"): boolean {
  if (p.mysql && (p.at(SyntaxKind.String) || p.atKw("binary"))) {
    p.bump();
    return true;
  }
  // (MySQL's names of character sets and collations are identifiers: no reserved word but BINARY.)
  if (p.mysql && p.at(SyntaxKind.Word) && isReservedAt(p)) {
    reservedAsName(p, `a ${what}'s name`);
    return true;
  }
  return expectLabel(p, what);
}

/** Consumes any word or quoted identifier as a name (after `AS`, `.`, in option lists). */
export function expectLabel(p: Parser, what = "name"): boolean {
  if (atLabel(p)) {
    p.bumpIdent();
    return true;
  }
  if (atSubstitutedName(p)) {
    p.bump();
    return true;
  }
  p.expected(what);
  return false;
}

/**
 * A possibly qualified object name `a.b.c` as a `QualifiedName` node (a single
 * part is still wrapped, so consumers see one shape).
 */
export function parseQualifiedName(p: Parser, what = "name"): boolean {
  if (p.nth(1) !== SyntaxKind.Dot && atIdent(p)) {
    // One part: the same events in one call.
    p.leaf(SyntaxKind.QualifiedName, p.kind === SyntaxKind.Word ? SyntaxKind.Ident : p.kind);
    return true;
  }
  p.start(SyntaxKind.QualifiedName);
  const ok = expectIdent(p, what);
  while (ok && p.at(SyntaxKind.Dot) && atNameAfterDot(p, 1)) {
    p.bump();
    p.bumpIdent();
  }
  p.finish();
  return ok;
}

/**
 * Whether the n-th token is a PostgreSQL "type or function name" keyword followed by `(`: a
 * reserved word that a function may still be called (`is(…)`, `join(…)`), never a table.
 */
export function atKeywordFunctionName(p: Parser, n = 0): boolean {
  return p.postgres && p.nth(n) === SyntaxKind.Word && (p.wordClassesAt(n) & POSTGRES_TYPE_FUNC_NAME_CLASS) !== 0 && p.nth(n + 1) === SyntaxKind.LParen;
}

/**
 * A routine's name where its argument list follows (CREATE / ALTER / DROP / COMMENT ON
 * FUNCTION, ALTER EXTENSION … ADD FUNCTION): a qualified name, or in PostgreSQL one of the
 * keywords a function may be named by (`CREATE FUNCTION is(anyelement, anyelement)`).
 */
export function parseRoutineName(p: Parser, what: string): boolean {
  // PostgreSQL names a function by an identifier or a non-reserved or "type or function name"
  // keyword, not by a column-name keyword (`CREATE FUNCTION coalesce()` is a syntax error).
  if (p.postgres && what !== "table name" && p.at(SyntaxKind.Word) && p.nth(1) !== SyntaxKind.Dot && (POSTGRES_COL_NAME_TYPES.has(p.word!) || POSTGRES_COL_NAME_OTHERS.has(p.word!))) {
    p.start(SyntaxKind.QualifiedName);
    reservedAsName(p, "a function name");
    p.finish();
    return true;
  }
  // A "type or function name" keyword names a routine, with its arguments or alone
  // (`COMMENT ON ROUTINE concurrently IS …`), but no table (`FROM left` is an error).
  if (atKeywordFunctionName(p) || (p.postgres && what !== "table name" && p.at(SyntaxKind.Word) && p.nth(1) !== SyntaxKind.Dot && (p.wordClassesAt(0) & POSTGRES_TYPE_FUNC_NAME_CLASS) !== 0)) {
    p.leaf(SyntaxKind.QualifiedName, SyntaxKind.Ident);
    return true;
  }
  return parseQualifiedName(p, what);
}

/** A comma-separated list of names in parentheses: `(a, b, c)`. */
export function parseParenNameList(p: Parser, kind: SyntaxKind = SyntaxKind.NameList, allowEmpty = false): void {
  p.start(kind);
  p.expect(SyntaxKind.LParen, "'('");
  if (p.at(SyntaxKind.RParen) && !allowEmpty) p.expected("column name");
  if (!p.at(SyntaxKind.RParen)) {
    do {
      if (!expectIdent(p, "column name")) break;
    } while (p.eat(SyntaxKind.Comma));
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

/**
 * `[ONLY] table [*], …` (no parentheses, no wrapping node), as TRUNCATE and LOCK name their
 * tables: ONLY leaves out inheritance children, `*` spells out that they are included.
 */
export function parseTableNameList(p: Parser): void {
  do {
    const only = p.eatKw("only");
    parseQualifiedName(p, "table name");
    if (!only && p.postgres) p.eatOp("*"); // PostgreSQL's inheritance star; `ONLY t *` is not valid: ONLY and * say opposite things
  } while (p.eat(SyntaxKind.Comma));
}

/** A comma-separated list of qualified names (no parentheses). */
export function parseQualifiedNameList(p: Parser): void {
  p.start(SyntaxKind.NameList);
  do {
    if (!parseQualifiedName(p)) break;
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** An operator name: a symbol, optionally schema-qualified (`myschema.+`), as a `QualifiedName`. */
export function parseOperatorName(p: Parser): void {
  p.start(SyntaxKind.QualifiedName);
  while ((atLabel(p) || atSubstitutedName(p)) && p.nth(1) === SyntaxKind.Dot) {
    // (PostgreSQL's schema there is a ColId: `OPERATOR(or.<)` is an error.)
    if (p.postgres && !atIdent(p) && !atSubstitutedName(p)) reservedAsName(p, "a schema name");
    else p.bumpIdent();
    p.bump();
  }
  // `*` and `=` scan as operators like the others; a lone `<` or `>` too.
  if (p.at(SyntaxKind.Operator)) p.bump();
  else p.expected("operator");
  p.finish();
}
