import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { POSTGRES_COL_NAME_OTHERS_CLASS, POSTGRES_COL_NAME_TYPES_CLASS, POSTGRES_TYPE_FUNC_NAME_CLASS } from "../lexer/keywords.js";
import { parseDeleteBody, parseInsertBody, parseMergeBody, parsePartitionSelection, parseUpdateBody } from "./dml.js";
import { VALUE_KEYWORDS, atExprStart, expectParenthesizedExpr, isSubqueryAhead, parseCallArgItems, parseExpr, parseExprListItems, parseExprOrStar, parseOperatorReference, parseParenExprList, parsePrefix, parseSubquery, postgresKeywordIsNoFunction } from "./expressions.js";
import { atBareAlias, atBareColumnLabel, atFullyReservedWord, atIdent, atLabel, atPostgresLookaheadToken, atSubstitutedName, expectIdent, expectLabel, isReservedAt, parseParenNameList, parseQualifiedName, parseRoutineName, reservedAsName } from "./names.js";
import { parseMysqlJsonTable } from "./mysql-json-table.js";
import { parseCharacterSet, parseExportOptions } from "./mysql-load.js";
import { SQL_JSON_XML_CLASS, atSqlTableFunctionArgs, parseSqlJsonXmlCall, parseSqlTableFunctionAlias } from "./sql-json-xml.js";
import type { Parser } from "./parser.js";
import { parseTypeName } from "./types.js";

/** The words that start a join in MySQL (after a table). */
const MYSQL_JOIN_STARTS: ReadonlySet<string> = new Set(["join", "inner", "cross", "left", "right", "natural", "straight_join", "full"]);

/** Whether a query expression (SELECT, VALUES, TABLE, WITH, or a parenthesized one) starts here. */
export function atSelectStart(p: Parser): boolean {
  if (p.at(SyntaxKind.LParen)) return isSubqueryAhead(p);
  return p.atKw("select") || p.atKw("values") || p.atKw("with") || (p.atKw("table") && !p.sqlite);
}

/** Words that end the current clause, for recovery inside a SELECT. */
export function atClauseBoundary(p: Parser): boolean {
  if (p.atEnd || p.at(SyntaxKind.RParen) || p.at(SyntaxKind.Semicolon)) return true;
  if (!p.at(SyntaxKind.Word)) return false;
  switch (p.word) {
    case "from":
    case "where":
    case "group":
    case "having":
    case "window":
    case "order":
    case "limit":
    case "offset":
    case "fetch":
    case "union":
    case "intersect":
    case "except":
    case "returning":
    case "on":
    case "set":
    case "values":
    case "select":
    case "into":
    case "using":
    case "when":
      return true;
    default:
      return false;
  }
}

/**
 * A query: `[WITH …] body [ORDER BY …] [LIMIT …] [OFFSET …] [FETCH …] [FOR UPDATE …]`,
 * as a `SelectStmt` node. A WITH that turns out to prefix INSERT/UPDATE/DELETE/MERGE
 * (data-modifying CTE inside a CTE list) produces that statement instead.
 */
export function parseSelectStmt(p: Parser): void {
  const cp = p.checkpoint();
  if (p.atKw("with")) {
    parseWithClause(p);
    const kind = dmlKindAfterWith(p);
    if (kind !== undefined) {
      p.startAt(cp, kind);
      parseDmlBody(p, kind);
      p.finish();
      return;
    }
  }
  p.startAt(cp, SyntaxKind.SelectStmt);
  parseQueryBody(p);
  p.finish();
}

/** The statement kind of INSERT/UPDATE/DELETE/MERGE at the current token, if any. */
export function dmlKindAfterWith(p: Parser): SyntaxKind | undefined {
  if (p.atKw("insert")) return SyntaxKind.InsertStmt;
  if (p.atKw("replace") && !p.postgres) return SyntaxKind.ReplaceStmt;
  if (p.atKw("update")) return SyntaxKind.UpdateStmt;
  if (p.atKw("delete")) return SyntaxKind.DeleteStmt;
  if (p.atKw("merge")) return SyntaxKind.MergeStmt;
  return undefined;
}

/** Parses the body of a DML statement whose WITH clause is already consumed. */
export function parseDmlBody(p: Parser, kind: SyntaxKind): void {
  if (kind === SyntaxKind.InsertStmt || kind === SyntaxKind.ReplaceStmt) parseInsertBody(p);
  else if (kind === SyntaxKind.UpdateStmt) parseUpdateBody(p);
  else if (kind === SyntaxKind.DeleteStmt) parseDeleteBody(p);
  else parseMergeBody(p);
}

/** Set operations plus the trailing ORDER BY / LIMIT / locking clauses. */
export function parseQueryBody(p: Parser): void {
  const endsWithValues = parseSetExpr(p, 0);
  if (p.sqlite && endsWithValues && (p.atKw("limit") || (p.atKw("order") && p.nthKw(1, "by")))) {
    p.wrongDialect(`${p.word === "limit" ? "LIMIT" : "ORDER BY"} after VALUES`, "SQLite takes none after a VALUES list: select from it, SELECT * FROM (VALUES …) LIMIT n");
  }
  parseQueryTail(p);
}


/** ORDER BY, LIMIT, OFFSET, FETCH and locking clauses after a query body. */
export function parseQueryTail(p: Parser): void {
  // Each clause at most once, in order: ORDER BY, then LIMIT/OFFSET/FETCH, then locking.
  const ordered = p.atKw("order") && p.nthKw(1, "by");
  if (ordered) parseOrderByClause(p);
  if (p.plpgsql) parsePlpgsqlInto(p);
  let limit = false;
  let offset = false;
  // PostgreSQL also takes the locking clauses before LIMIT/OFFSET: `FOR UPDATE LIMIT 1`.
  let locked = false;
  for (let guard = 0; guard < 8; guard++) {
    if (p.atKw("limit") && !limit) {
      parseLimitClause(p);
      limit = true;
    } else if (p.atKw("offset") && !offset) {
      if (!p.postgres && !limit) {
        // MySQL and SQLite take OFFSET only after a LIMIT.
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "OFFSET needs a LIMIT before it here: LIMIT n OFFSET m", start, end);
      }
      parseOffsetClause(p);
      offset = true;
    } else if (p.atKw("fetch") && !limit) {
      if (!p.postgres) p.wrongDialect("FETCH FIRST … ROWS", "use LIMIT n");
      parseFetchClause(p, ordered);
      limit = true;
    } else if (p.postgres && !limit && !offset && !locked && p.atKw("for") && (p.nthKw(1, "update") || p.nthKw(1, "share") || p.nthKw(1, "no") || p.nthKw(1, "key"))) {
      while (p.atKw("for") && (p.nthKw(1, "update") || p.nthKw(1, "share") || p.nthKw(1, "no") || p.nthKw(1, "key"))) parseLockingClause(p);
      locked = true;
    } else if (p.plpgsql && p.atKw("into")) parseIntoClause(p); // `LIMIT 1 INTO x OFFSET 2`
    else break;
  }
  for (let guard = 0; guard < 4; guard++) {
    if (p.atKw("for") && !p.sqlite) parseLockingClause(p);
    else if (p.atKw("lock") && p.mysql) parseLockingClause(p);
    else if (p.atKw("into") && (p.mysql || p.plpgsql)) parseIntoClause(p); // PL/pgSQL takes INTO at the end too
    else break;
  }
}

function setOpPrecedence(p: Parser): number {
  if (p.atKw("union") || p.atKw("except") || (p.atKw("minus") && p.mysql)) return 1;
  if (p.atKw("intersect")) return 2;
  return 0;
}

/** A query body with its set operations; returns whether its last select primary is a VALUES list. */
function parseSetExpr(p: Parser, minPrec: number): boolean {
  const cp = p.checkpoint();
  let parenthesized = p.at(SyntaxKind.LParen);
  let endsWithValues = parseSelectPrimary(p);
  for (;;) {
    const prec = setOpPrecedence(p);
    if (prec === 0 || prec <= minPrec - 1 || prec < minPrec) break;
    p.startAt(cp, SyntaxKind.SetOperation);
    const operator = p.word;
    if (p.sqlite && parenthesized) {
      // SQLite's compound queries join plain SELECT and VALUES cores, never parenthesized queries.
      p.wrongDialect(`a parenthesized query before ${operator!.toUpperCase()}`, "drop the parentheses, or select from it as a subquery");
      parenthesized = false;
    }
    p.bump();
    if (p.sqlite && (p.at(SyntaxKind.LParen) || ((p.atKw("all") || p.atKw("distinct")) && p.nth(1) === SyntaxKind.LParen))) {
      p.wrongDialect(`a parenthesized query after ${operator!.toUpperCase()}`, "drop the parentheses, or select from it as a subquery");
    }
    if (p.sqlite && (p.atKw("distinct") || (p.atKw("all") && operator !== "union"))) p.wrongDialect(`${operator!.toUpperCase()} ${p.word!.toUpperCase()}`, "SQLite has UNION, UNION ALL, INTERSECT and EXCEPT");
    if (!p.eatKw("all")) p.eatKw("distinct");
    if (!p.enter()) {
      p.finish();
      break;
    }
    endsWithValues = parseSetExpr(p, prec + 1);
    p.leave();
    p.finish();
  }
  return endsWithValues;
}

/** One SELECT, VALUES, TABLE or parenthesized query; returns whether it is a VALUES list. */
function parseSelectPrimary(p: Parser): boolean {
  if (p.atKw("select")) parseSelectCore(p);
  else if (p.atKw("values")) {
    parseValuesClause(p);
    return true;
  } else if (p.atKw("table") && !p.sqlite) {
    p.start(SyntaxKind.TableCommand);
    p.bump();
    const only = p.eatKw("only");
    parseQualifiedName(p, "table name");
    if (!only && p.postgres) p.eatOp("*"); // PostgreSQL's inheritance star; `ONLY t *` is not valid: ONLY and * say opposite things
    p.finish();
  } else if (p.at(SyntaxKind.LParen)) {
    p.start(SyntaxKind.ParenSelect);
    p.bump();
    if (p.enter()) {
      parseSelectStmt(p);
      p.leave();
    }
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  } else {
    p.expected("SELECT, VALUES or '('");
  }
  return false;
}

/** `VALUES (…), (…)` */
export function parseValuesClause(p: Parser): void {
  // MySQL's VALUES as a query (not INSERT's rows) writes each row as ROW(…).
  let mysqlQueryRows = p.mysql && atQueryValues(p);
  p.start(SyntaxKind.ValuesClause);
  p.bump();
  do {
    p.start(SyntaxKind.ValuesRow);
    if (mysqlQueryRows && !p.atKw("row")) {
      p.wrongDialect("a VALUES row without ROW", "MySQL's VALUES query writes VALUES ROW(…), ROW(…)");
      mysqlQueryRows = false;
    }
    if (p.mysql && p.atKw("row")) p.bump();
    if (p.expect(SyntaxKind.LParen, "'('")) {
      // An empty row is MySQL's alone (`INSERT INTO t VALUES ()` fills every column's default).
      if (!p.at(SyntaxKind.RParen)) parseExprListItems(p, true);
      else if (!p.mysql) p.expected("expression");
      p.expect(SyntaxKind.RParen, "')'");
    }
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/**
 * Whether the VALUES at the cursor starts a query (a statement, a derived table, a set
 * operation's operand) rather than INSERT's rows, which follow a table name or a column list.
 * (After a WITH clause's `)` it is taken for INSERT's: the one case this cannot tell.)
 */
function atQueryValues(p: Parser): boolean {
  const before = p.behind(1);
  if (before === SyntaxKind.Eof || before === SyntaxKind.LParen || before === SyntaxKind.Semicolon) return true;
  if (before !== SyntaxKind.Word) return false;
  const word = p.wordAt(-1);
  return word === "union" || word === "except" || word === "intersect" || word === "minus" || word === "all" || word === "distinct";
}

/** MySQL's select options (besides DISTINCT / ALL). */
const MYSQL_SELECT_OPTIONS = new Set(["high_priority", "straight_join", "sql_small_result", "sql_big_result", "sql_buffer_result", "sql_no_cache", "sql_calc_found_rows", "sql_cache"]);

function parseSelectCore(p: Parser): void {
  p.start(SyntaxKind.SelectCore);
  p.start(SyntaxKind.SelectClause);
  p.bump();
  let distinctSeen = p.atKw("distinct") || p.atKw("distinctrow");
  if (distinctSeen || p.atKw("all")) {
    p.start(SyntaxKind.DistinctClause);
    const distinct = !p.atKw("all");
    p.bump();
    if (distinct && p.atKw("on") && p.postgres) {
      p.bump();
      parseParenExprList(p, SyntaxKind.ExprList, true);
    }
    p.finish();
  }
  if (p.mysql) {
    // MySQL takes its select options, DISTINCT among them, in any order and any number of times:
    // `SELECT STRAIGHT_JOIN DISTINCT …`, `SELECT DISTINCT DISTINCT …`.
    for (;;) {
      if (p.at(SyntaxKind.Word) && MYSQL_SELECT_OPTIONS.has(p.word!)) p.bump();
      else if (p.atKw("distinct") || p.atKw("distinctrow")) {
        distinctSeen = true;
        p.start(SyntaxKind.DistinctClause);
        p.bump();
        p.finish();
      } else break;
    }
  }
  // PL/pgSQL: `SELECT INTO x a FROM t` (the INTO stays inside the SelectClause, before the list).
  if (p.plpgsql) parsePlpgsqlInto(p);
  parseSelectList(p, distinctSeen);
  p.finish();
  if (p.atKw("into") && !p.sqlite) parseIntoClause(p);
  if (p.atKw("from")) parseFromClause(p);
  // The `p.plpgsql` tests keep plain SQL (where INTO stands only after the list) as fast as before.
  if (p.plpgsql) parsePlpgsqlInto(p);
  if (p.atKw("where")) parseWhereClause(p);
  if (p.plpgsql) parsePlpgsqlInto(p);
  if (p.atKw("group") && p.nthKw(1, "by")) parseGroupByClause(p);
  if (p.plpgsql) parsePlpgsqlInto(p);
  if (p.atKw("having")) {
    p.start(SyntaxKind.HavingClause);
    p.bump();
    parseExpr(p);
    p.finish();
  }
  if (p.plpgsql) parsePlpgsqlInto(p);
  if (p.atKw("window")) parseWindowClause(p);
  if (p.plpgsql) parsePlpgsqlInto(p);
  p.finish();
}

/**
 * A PL/pgSQL expression (a `PlpgsqlExpr` node): PostgreSQL parses one as a query after an
 * implicit SELECT, so it is a select list with a query's clauses — `[DISTINCT] list [FROM …]
 * [WHERE …] [GROUP BY …] [HAVING …] [WINDOW …] [ORDER BY …] [LIMIT …] [FOR UPDATE …]` — and
 * neither set operations nor INTO (`p.plpgsql` is off for it).
 */
export function parsePlpgsqlExpression(p: Parser): void {
  p.start(SyntaxKind.PlpgsqlExpr);
  const distinct = p.atKw("distinct");
  if (distinct || p.atKw("all")) {
    p.start(SyntaxKind.DistinctClause);
    p.bump();
    if (distinct && p.atKw("on")) {
      p.bump();
      parseParenExprList(p, SyntaxKind.ExprList, true);
    }
    p.finish();
  }
  parseSelectList(p, distinct);
  if (p.atKw("from")) parseFromClause(p);
  if (p.atKw("where")) parseWhereClause(p);
  if (p.atKw("group") && p.nthKw(1, "by")) parseGroupByClause(p);
  if (p.atKw("having")) {
    p.start(SyntaxKind.HavingClause);
    p.bump();
    parseExpr(p);
    p.finish();
  }
  if (p.atKw("window")) parseWindowClause(p);
  parseQueryTail(p);
  p.finish();
}

function parseSelectList(p: Parser, afterDistinct: boolean): void {
  // PostgreSQL allows an empty target list (`SELECT FROM t`, `SELECT;`), but not after DISTINCT.
  if (p.postgres && !afterDistinct && ((atClauseBoundary(p) && !atColumnNamedLikeStatement(p)) || p.atKw("for") || p.atKw("into"))) return;
  let first = true;
  do {
    if (p.postgres && p.at(SyntaxKind.Comma)) {
      p.expected("expression");
      continue;
    }
    p.start(SyntaxKind.SelectItem);
    const star = p.atOp("*");
    // MySQL takes a bare `*` only as the first item (`SELECT a, *` is an error there; `t.*` is not).
    if (star && !first && p.mysql) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "in MySQL a bare `*` must be the first item of the select list: qualify it (`t.*`) or move it first", start, end);
    }
    first = false;
    if (!parseExprOrStar(p)) {
      p.recoverUntil(() => p.at(SyntaxKind.Comma) || atClauseBoundary(p));
    } else if (!star && !(!p.postgres && atAfterQualifiedStar(p))) parseOptionalAlias(p, false);
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
}

/**
 * PostgreSQL: whether a `set` or `values` right after SELECT is a column of that name
 * (`SELECT set FROM t`, `SELECT values.x`) rather than the next statement after a missing
 * `;` (`SELECT\nSET x = 1`, `SELECT\nVALUES (1)`): what follows it cannot go on with that statement.
 */
function atColumnNamedLikeStatement(p: Parser): boolean {
  if (!p.atKw("set") && !p.atKw("values")) return false;
  const next = p.nth(1);
  // VALUES starts a statement only with its `(`: `SELECT values id` labels a column.
  if (p.atKw("values")) return next !== SyntaxKind.LParen;
  if (next === SyntaxKind.Word) return isReservedAt(p, 1);
  // (`set(x)` is a call; `VALUES (…)` a statement.)
  return (next !== SyntaxKind.LParen || p.atKw("set")) && next !== SyntaxKind.QuotedIdent;
}

/** What follows a table function in FROM: `[WITH ORDINALITY] [[AS] alias [(columns)]]`. */
function parseFunctionTableTail(p: Parser): void {
  if (p.atKw("with") && p.nthKw(1, "ordinality")) {
    p.bump();
    p.bump();
  }
  parseOptionalAlias(p, true, true);
}

/** PostgreSQL's SQL value functions: keywords that read like values but are calls, in FROM too. */
const SQL_VALUE_FUNCTIONS = new Set([
  "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
  "localtime", "localtimestamp", "session_user", "user", "system_user",
]);

/**
 * PostgreSQL: whether a reserved word starts a function table (`FROM current_date`,
 * `FROM cast(… AS …)`, `LATERAL collation for (…)`): the SQL value functions and the two
 * reserved-word calls its grammar takes where a function goes.
 */
function atPostgresKeywordFunctionTable(p: Parser): boolean {
  if (!p.postgres || !p.at(SyntaxKind.Word)) return false;
  const w = p.word!;
  if (SQL_VALUE_FUNCTIONS.has(w)) return true;
  return (w === "cast" && p.nth(1) === SyntaxKind.LParen) || (w === "collation" && p.nthKw(1, "for"));
}

/** Whether the item just parsed ends in `.*` (`t.*`): MySQL and SQLite give it no alias, PostgreSQL does. */
function atAfterQualifiedStar(p: Parser): boolean {
  return p.nth(-1) === SyntaxKind.Operator && p.wordAt(-1) === "*" && p.nth(-2) === SyntaxKind.Dot;
}

/** `[AS] alias` — for select items (no column list) or table refs (`withColumns`). */
export function parseOptionalAlias(p: Parser, withColumns: boolean, columnTypes = false): void {
  // SQLite's table aliases take no column list: `FROM t AS x(a)` is an error there.
  const columnList = withColumns && !p.sqlite;
  if (p.atKw("as")) {
    p.start(SyntaxKind.Alias);
    p.bump();
    if (!p.postgres && p.atPlainString()) p.bump();
    else if (withColumns && columnTypes && p.at(SyntaxKind.LParen)) {
      if (!p.postgres) p.wrongDialect("a column definition list", "name the function's result columns in the select list");
      /* `AS (a int, b text)`: a column definition list without alias */
      parseColumnAliasList(p, true, true);
    } else if (withColumns && p.postgres && isReservedAt(p)) {
      // A table alias is an identifier; only a select-list label may be any keyword after AS.
      reservedAsName(p, "a table alias");
    } else if (!p.postgres && isReservedAt(p)) {
      // MySQL and SQLite take no reserved word after AS, for a column or a table.
      reservedAsName(p, "an alias");
    } else if (p.postgres && atPostgresLookaheadToken(p, 0)) {
      // `AS nulls first`: PostgreSQL's lexer has made the word a token no label can be.
      p.expected("alias");
    } else expectLabel(p, "alias");
    if (columnList && p.at(SyntaxKind.LParen)) parseColumnAliasList(p, columnTypes);
    p.finish();
  } else if (withColumns ? atBareAlias(p) : atBareColumnLabel(p)) {
    if (!columnList || p.nth(1) !== SyntaxKind.LParen) {
      p.leaf(SyntaxKind.Alias, p.kind === SyntaxKind.Word ? SyntaxKind.Ident : p.kind);
      return;
    }
    p.start(SyntaxKind.Alias);
    p.bumpIdent();
    if (p.at(SyntaxKind.LParen)) parseColumnAliasList(p, columnTypes);
    p.finish();
  }
}

function parseColumnAliasList(p: Parser, columnTypes: boolean, typesRequired = false): void {
  // `(a, b)` or, after a function, a column definition list `(a int, b text)`:
  // either every column has a type or none has.
  p.start(SyntaxKind.ColumnAliasList);
  p.bump();
  let typed: boolean | undefined = typesRequired ? true : undefined;
  do {
    if (!expectIdent(p, "column alias")) break;
    const hasType = columnTypes && atLabel(p);
    if (typed === undefined) typed = hasType;
    if (hasType !== typed) p.expected(typed ? "column type" : "',' or ')'");
    if (hasType) parseTypeName(p);
  } while (p.eat(SyntaxKind.Comma));
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

/**
 * PL/pgSQL: an `INTO [STRICT] target, …` between two clauses of a query, besides the places
 * plain SQL has (after the select list, at the end). PL/pgSQL's own reader takes the first INTO
 * out of a statement wherever it stands (`SELECT INTO x a FROM t`, `SELECT a FROM t INTO x WHERE …`)
 * and hands the rest to the SQL parser; INTO is reserved, so it can only be that clause here.
 */
function parsePlpgsqlInto(p: Parser): void {
  if (p.atKw("into")) parseIntoClause(p);
}

/**
 * `INTO [TEMP] table` (PostgreSQL), `INTO [STRICT] variable, …` (PL/pgSQL) or
 * `INTO @var, …` / `INTO OUTFILE '…'` (MySQL).
 */
function parseIntoClause(p: Parser): void {
  if (p.plpgsql) {
    // PL/pgSQL reads one INTO per statement, at any depth, and rejects a second with this message.
    if (p.plpgsqlInto) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "INTO specified more than once", start, end);
    }
    p.plpgsqlInto = true;
  }
  p.start(SyntaxKind.IntoClause);
  p.bump();
  if (p.mysql) {
    if (p.atKw("outfile")) {
      // INTO OUTFILE 'file' [CHARACTER SET cs] [FIELDS …] [LINES …]
      p.bump();
      p.expect(SyntaxKind.String, "file name");
      parseCharacterSet(p);
      parseExportOptions(p);
    } else if (p.atKw("dumpfile")) {
      p.bump();
      p.expect(SyntaxKind.String, "file name");
    } else {
      do {
        if (p.at(SyntaxKind.Param)) p.bump();
        else expectIdent(p, "variable");
      } while (p.eat(SyntaxKind.Comma));
    }
  } else if (p.plpgsql) {
    // PL/pgSQL: INTO [STRICT] variable, record.field, …
    if (p.atKw("strict") && atLabel(p, 1)) p.bump();
    do parseQualifiedName(p, "variable");
    while (p.eat(SyntaxKind.Comma));
  } else {
    // [LOCAL | GLOBAL] TEMP[ORARY] / UNLOGGED [TABLE] name — the words are modifiers only
    // before TABLE or a name: `INTO temp FROM t` creates a table called temp.
    if ((p.atKw("local") || p.atKw("global")) && (p.nthKw(1, "temp") || p.nthKw(1, "temporary")) && (p.nthKw(2, "table") || atIdent(p, 2))) p.bump();
    if ((p.atKw("temporary") || p.atKw("temp") || p.atKw("unlogged")) && (p.nthKw(1, "table") || atIdent(p, 1))) p.bump();
    if (p.atKw("table") && atLabel(p, 1)) p.bump();
    parseQualifiedName(p, "table name");
  }
  p.finish();
}

/** `FROM item, item JOIN …` */
export function parseFromClause(p: Parser): void {
  p.start(SyntaxKind.FromClause);
  p.bump();
  parseFromList(p);
  p.finish();
}

/** Comma-separated table references with joins. */
export function parseFromList(p: Parser): void {
  do {
    const itemAt = p.position;
    if (!parseJoinedTable(p)) {
      p.recoverUntil(() => p.at(SyntaxKind.Comma) || atClauseBoundary(p));
    } else if (p.sqlite && p.atKw("on")) {
      // SQLite: `FROM a, b ON …` (a comma is a join operator there); a table takes one ON or USING.
      if (lastJoinHasCondition(p, itemAt)) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "the join already has its ON or USING: combine the conditions with AND", start, end);
      }
      p.start(SyntaxKind.OnClause);
      p.bump();
      parseExpr(p);
      p.finish();
    }
  } while (p.eat(SyntaxKind.Comma));
}

/**
 * Whether the from-list item that started `itemAt` tokens back ends in a join with its own ON or
 * USING (outside parentheses): the last JOIN at the item's top level has one after it.
 */
function lastJoinHasCondition(p: Parser, itemAt: number): boolean {
  let depth = 0;
  let condition = false;
  for (let n = itemAt - p.position; n < 0; n++) {
    const k = p.nth(n);
    if (k === SyntaxKind.LParen) depth++;
    else if (k === SyntaxKind.RParen) depth--;
    else if (depth === 0 && k === SyntaxKind.Word) {
      const w = p.wordAt(n);
      if (w === "join") condition = false;
      else if (w === "on" || w === "using") condition = true;
    }
  }
  return condition;
}

function atJoin(p: Parser): boolean {
  if (!p.at(SyntaxKind.Word)) return false;
  if (p.sqlite) return p.word === "join" || sqliteJoinKeywords(p) > 0;
  switch (p.word) {
    case "join":
    case "inner":
    case "cross":
    case "natural":
    case "straight_join":
      return true;
    case "left":
    case "right":
    case "full":
      return p.nthKw(1, "join") || p.nthKw(1, "outer") || (p.mysql && false);
    case "outer":
      return p.nthKw(1, "join") || p.nthKw(1, "apply");
    default:
      return false;
  }
}

// SQLite's join keywords, and what each says (the bits SQLite's own join-type check uses).
const JT_NATURAL = 1;
const JT_LEFT = 2;
const JT_OUTER = 4;
const JT_RIGHT = 8;
const JT_INNER = 16;
const JT_CROSS = 32;
const SQLITE_JOIN_BITS = new Map<string, number>([
  ["natural", JT_NATURAL],
  ["left", JT_LEFT | JT_OUTER],
  ["outer", JT_OUTER],
  ["right", JT_RIGHT | JT_OUTER],
  ["full", JT_LEFT | JT_RIGHT | JT_OUTER],
  ["inner", JT_INNER],
  ["cross", JT_INNER | JT_CROSS],
]);

/** SQLite: how many join keywords (one to three, in any order) stand before a JOIN at the cursor; 0 for none. */
function sqliteJoinKeywords(p: Parser): number {
  for (let n = 0; n < 3; n++) {
    if (p.nth(n) !== SyntaxKind.Word || !SQLITE_JOIN_BITS.has(p.wordAt(n)!)) return 0;
    if (p.nthKw(n + 1, "join")) return n + 1;
  }
  return 0;
}

/**
 * SQLite's join operator before its JOIN: up to three join keywords in any order (`LEFT OUTER`,
 * `OUTER LEFT`, `LEFT NATURAL`), whose combination SQLite checks while it parses: OUTER needs
 * LEFT, RIGHT or FULL, and INNER or CROSS goes with no outer join ("unknown join type").
 * Returns the combined bits.
 */
function parseSqliteJoinKeywords(p: Parser): number {
  const count = sqliteJoinKeywords(p);
  const [start] = p.currentRange();
  let bits = 0;
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    bits |= SQLITE_JOIN_BITS.get(p.word!)!;
    words.push(p.word!.toUpperCase());
    p.bump();
  }
  if ((bits & (JT_INNER | JT_OUTER)) === (JT_INNER | JT_OUTER) || (bits & (JT_OUTER | JT_LEFT | JT_RIGHT)) === JT_OUTER) {
    p.report(SyntaxCode.UnexpectedToken, `unknown join type: ${words.join(" ")} (SQLite joins are [NATURAL] [LEFT | RIGHT | FULL] [OUTER] JOIN, [INNER] JOIN and CROSS JOIN)`, start, p.prevEnd());
  }
  return bits;
}

/** A table reference followed by any number of joins (left-associative `JoinExpr`s). */
export function parseJoinedTable(p: Parser): boolean {
  const cp = p.checkpoint();
  if (!parseTableRef(p)) return false;
  parseJoins(p, cp);
  return true;
}

/**
 * Joins after the table at `cp`. When a qualified join's right side is followed
 * by another join instead of ON/USING, that join belongs to the right side
 * (`a JOIN b CROSS JOIN c ON …` is `a JOIN (b CROSS JOIN c) ON …`, as in
 * PostgreSQL's grammar).
 */
function parseJoins(p: Parser, cp: number): void {
  while (atJoin(p)) {
    const progress = p.position;
    p.startAt(cp, SyntaxKind.JoinExpr);
    let natural = false;
    let cross = false;
    /** LEFT or RIGHT: MySQL's outer joins need ON or USING (its inner ones do not). */
    let outer = false;
    if (p.sqlite) {
      const bits = parseSqliteJoinKeywords(p);
      natural = (bits & JT_NATURAL) !== 0;
      cross = (bits & JT_CROSS) !== 0;
    } else {
      natural = p.eatKw("natural");
      if (p.atKw("cross")) {
        p.bump();
        cross = true;
      } else if (p.atKw("inner")) p.bump();
      else if (p.atKw("left") || p.atKw("right") || p.atKw("full")) {
        // (MySQL reads FULL as an alias: its join is inner, see below.)
        outer = !p.atKw("full");
        if (p.mysql && p.atKw("full")) {
          // MySQL does not reserve FULL: `t FULL JOIN u` reads FULL as t's alias and joins
          // inner, a trap rather than an error; after an alias, or before OUTER, it is an error.
          let n = -1;
          while (atIdent(p, n) && p.behind(-n + 1) === SyntaxKind.Dot) n -= 2;
          const bareTable = atIdent(p, n) && (p.behind(-n + 1) === SyntaxKind.Comma || p.nthKw(n - 1, "from") || p.nthKw(n - 1, "join"));
          const [start, end] = p.currentRange();
          if (p.nthKw(1, "outer") || !bareTable) p.wrongDialect("FULL JOIN", "MySQL has no full outer join: UNION a LEFT JOIN and a RIGHT JOIN");
          else p.report(SyntaxCode.WrongDialect, "MySQL reads FULL here as the table's alias and joins inner: it has no full outer join (UNION a LEFT JOIN and a RIGHT JOIN)", start, end, "warning");
        }
        p.bump();
        p.eatKw("outer");
      }
    }
    if (p.atKw("straight_join")) {
      if (!p.mysql) p.wrongDialect("STRAIGHT_JOIN", "write JOIN");
      p.bump();
    } else p.expectKw("join");
    const right = p.checkpoint();
    if (!parseTableRef(p)) p.expected("table");
    if (!natural && !cross && atJoin(p) && p.enter()) {
      parseJoins(p, right);
      p.leave();
    }
    // SQLite and MySQL take ON/USING after any join operator (even CROSS JOIN).
    if (!natural && (!cross || (!p.postgres && (p.atKw("on") || p.atKw("using"))))) {
      if (p.atKw("on")) {
        p.start(SyntaxKind.OnClause);
        p.bump();
        parseExpr(p);
        p.finish();
      } else if (p.atKw("using")) {
        p.start(SyntaxKind.UsingClause);
        p.bump();
        parseParenNameList(p);
        if (p.atKw("as")) {
          if (!p.postgres) p.wrongDialect("USING (…) AS alias", "name the joined columns through the tables' aliases");
          p.start(SyntaxKind.Alias);
          p.bump();
          expectIdent(p, "alias");
          p.finish();
        }
        p.finish();
      } else if ((!p.mysql && !p.sqlite) || (p.mysql && outer)) p.expected("ON or USING");
    }
    p.finish();
    if (p.position === progress) break;
  }
}

function parseTableRef(p: Parser): boolean {
  // MySQL's ODBC outer-join escape, `{OJ a LEFT JOIN b ON …}`: any table reference or join inside.
  if (p.mysql && p.at(SyntaxKind.LBrace) && p.nthKw(1, "oj")) {
    p.start(SyntaxKind.OdbcEscape);
    p.bump();
    p.bump(SyntaxKind.Keyword);
    if (p.enter()) {
      if (!parseJoinedTable(p)) p.expected("table");
      p.leave();
    }
    p.expect(SyntaxKind.RBrace, "'}'");
    p.finish();
    return true;
  }
  if (p.at(SyntaxKind.LParen)) {
    // `(SELECT …) alias` is a derived table; `((SELECT …) AS v JOIN …)` a parenthesized join.
    if (isSubqueryAhead(p) && !(p.nth(1) === SyntaxKind.LParen && parenGroupContinues(p))) {
      p.start(SyntaxKind.DerivedTable);
      parseSubquery(p, SyntaxKind.SubqueryExpr);
      if (p.mysql && !p.atKw("as") && !atBareAlias(p)) p.wrongDialectAt(p.position - 1, "a derived table without an alias", "MySQL names every derived table: (SELECT …) AS d");
      parseOptionalAlias(p, true);
      p.finish();
      return true;
    }
    // A parenthesized join: `(a JOIN b ON …) [AS x]`
    p.start(SyntaxKind.TableRef);
    p.bump();
    if (p.enter()) {
      const inner = p.checkpoint();
      // A parenthesized join inside (not a subquery) is checked at its own level.
      const nested = p.at(SyntaxKind.LParen) && !(isSubqueryAhead(p) && !(p.nth(1) === SyntaxKind.LParen && parenGroupContinues(p)));
      const [start] = p.currentRange();
      if (!parseTableRef(p)) p.expected("table");
      else {
        const joined = atJoin(p);
        parseJoins(p, inner);
        // PostgreSQL takes parentheses around a join only: `FROM (t)` is an error there, not in MySQL or SQLite.
        if (p.postgres && !joined && !nested) p.report(SyntaxCode.UnexpectedToken, "in PostgreSQL only a join may stand in parentheses here (write the table without them)", start, p.prevEnd());
        // MySQL: a parenthesized list of table references, `(u, v)`
        if (p.mysql) while (p.eat(SyntaxKind.Comma)) if (!parseJoinedTable(p)) break;
      }
      p.leave();
    }
    p.expect(SyntaxKind.RParen, "')'");
    if (p.mysql && (p.atKw("as") || atBareAlias(p))) p.wrongDialect("an alias after a parenthesized join", "MySQL names the tables inside the parentheses");
    parseOptionalAlias(p, true);
    p.finish();
    return true;
  }
  if (p.atKw("lateral")) {
    if (p.sqlite) p.wrongDialect("LATERAL", "SQLite has no lateral joins: use a correlated subquery, or a table-valued function such as json_each(…) without LATERAL");
    const cp = p.checkpoint();
    p.bump();
    if (p.at(SyntaxKind.LParen) && isSubqueryAhead(p)) {
      p.startAt(cp, SyntaxKind.DerivedTable);
      parseSubquery(p, SyntaxKind.SubqueryExpr);
      parseOptionalAlias(p, true);
      p.finish();
      return true;
    }
    if (p.mysql) p.wrongDialect("LATERAL before a function call", "MySQL's LATERAL takes a subquery (JSON_TABLE needs none)");
    // LATERAL takes a subquery or a function call, never a plain table name.
    if (atPostgresKeywordFunctionTable(p)) {
      p.startAt(cp, SyntaxKind.FunctionTable);
      parsePrefix(p);
      parseFunctionTableTail(p);
      p.finish();
      return true;
    }
    // (In PostgreSQL the function's name is no reserved word: `LATERAL not(…)` is an error.)
    if (!atFunctionCall(p) || atFullyReservedWord(p)) p.expected("subquery or function call after LATERAL");
    p.startAt(cp, SyntaxKind.FunctionTable);
    const sqlTable = p.postgres && (p.atKw("json_table") || p.atKw("xmltable")) && p.nth(1) === SyntaxKind.LParen ? p.tokenText() : undefined;
    // The call alone (`LATERAL f(x) AND y` is no function table).
    parsePrefix(p);
    if (sqlTable !== undefined) parseSqlTableFunctionAlias(p, sqlTable);
    else {
      if (p.eatKw("with")) p.expectKw("ordinality");
      parseOptionalAlias(p, true, true);
    }
    p.finish();
    return true;
  }
  if (p.atKw("rows") && p.nthKw(1, "from")) {
    if (p.mysql) p.wrongDialect("ROWS FROM", MYSQL_TABLE_FUNCTIONS);
    p.start(SyntaxKind.FunctionTable);
    p.bump();
    p.bump();
    p.expect(SyntaxKind.LParen, "'('");
    if (p.postgres) parseRowsFromItems(p);
    else parseExprListItems(p);
    p.expect(SyntaxKind.RParen, "')'");
    if (p.eatKw("with")) p.expectKw("ordinality");
    parseOptionalAlias(p, true, true);
    p.finish();
    return true;
  }
  if (p.atKw("values") && !p.postgres) {
    // MySQL and SQLite, as PostgreSQL, take VALUES in FROM only in parentheses: `FROM (VALUES …) AS v`.
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, "VALUES in FROM needs parentheses: FROM (VALUES …) AS alias", start, end);
    p.start(SyntaxKind.DerivedTable);
    parseValuesClause(p);
    parseOptionalAlias(p, true);
    p.finish();
    return true;
  }
  if (p.postgres && (p.atKw("values") || p.atKw("grouping")) && p.nth(1) === SyntaxKind.LParen) {
    // PostgreSQL wants `(VALUES …) alias` in FROM; GROUPING(…) is an expression, no table function.
    p.expected("table name or '('");
    return false;
  }
  if (p.mysql && p.atKw("json_table") && p.nth(1) === SyntaxKind.LParen) {
    parseMysqlJsonTable(p);
    return true;
  }
  if (p.mysql && p.atKw("dual")) {
    // DUAL is a whole FROM clause of its own: no table to join, update or delete.
    if (p.wordAt(-1) !== "from" || p.nth(1) === SyntaxKind.Comma || (p.nth(1) === SyntaxKind.Word && MYSQL_JOIN_STARTS.has(p.wordAt(1)!))) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "DUAL stands alone after FROM (`SELECT 1 FROM DUAL`): it is no table", start, end);
    }
    p.start(SyntaxKind.TableRef);
    p.bump();
    p.finish();
    return true;
  }
  if (atPostgresKeywordFunctionTable(p)) {
    // PostgreSQL: a SQL value function as a table function, `FROM current_date`, `FROM localtime(0) AS t`.
    p.start(SyntaxKind.FunctionTable);
    parsePrefix(p);
    parseFunctionTableTail(p);
    p.finish();
    return true;
  }
  // (A psql variable may name the table or its schema: `FROM :schema.t`; SQLite takes `FROM 'tbl'`.)
  if (!atIdent(p) && !p.atKw("only") && !atSubstitutedName(p) && !(p.at(SyntaxKind.Word) && p.nth(1) === SyntaxKind.LParen && !p.atKw("values") && !p.atKw("select"))) {
    p.expected("table name");
    return false;
  }
  const cp = p.checkpoint();
  const only = p.atKw("only") && p.postgres;
  if (only) p.bump();
  if (only && p.at(SyntaxKind.LParen)) {
    p.bump();
    parseQualifiedName(p, "table name");
    p.expect(SyntaxKind.RParen, "')'");
  } else parseRoutineName(p, "table name"); // a table, or a table function (which may be named `join(…)`)
  if (p.at(SyntaxKind.LParen) && !only) {
    if (p.mysql) p.wrongDialectAt(p.position - 1, "a function call in FROM", MYSQL_TABLE_FUNCTIONS);
    // A table function: generate_series(1, 3) AS g(n) [WITH ORDINALITY]
    if (p.postgres && p.behind(2) !== SyntaxKind.Dot && p.behind(1) === SyntaxKind.Word && postgresKeywordIsNoFunction(p.wordAt(-1)!)) {
      const [start, end] = p.rangeAt(p.position - 1);
      p.report(SyntaxCode.UnexpectedToken, `\`${p.wordAt(-1)}\` is a keyword, not a function, in PostgreSQL`, start, end);
    }
    p.startAt(cp, SyntaxKind.FunctionTable);
    const sqlTable = atSqlTableFunctionArgs(p) ? p.tokenText(-1) : undefined;
    if (sqlTable === undefined && p.postgres && p.behind(2) !== SyntaxKind.Dot && (p.wordClassesAt(-1) & SQL_JSON_XML_CLASS) !== 0) {
      // JSON_QUERY(…), XMLELEMENT(…), …: their arguments in their own grammar, as in an expression.
      parseSqlJsonXmlCall(p, p.wordAt(-1)!);
    } else {
      p.start(SyntaxKind.ArgList);
      p.bump();
      parseCallArgItems(p);
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
    }
    if (sqlTable !== undefined) parseSqlTableFunctionAlias(p, sqlTable);
    else parseFunctionTableTail(p);
    p.finish();
    return true;
  }
  p.startAt(cp, SyntaxKind.TableRef);
  // PostgreSQL's inheritance star; `ONLY t *` is not valid: ONLY and * say opposite things.
  if (p.postgres && !only && p.atOp("*")) p.bump();
  if (p.mysql && p.atKw("partition")) parsePartitionSelection(p);
  if (p.mysql) {
    // MySQL names a derived table's columns after its alias, never a table's.
    const n = p.atKw("as") ? 1 : 0;
    if (atIdent(p, n) && p.nth(n + 1) === SyntaxKind.LParen && !(n === 0 && atIndexHintAhead(p))) p.wrongDialectAt(p.position + n + 1, "a column list after a table's alias", "MySQL names columns so only after a derived table's alias");
  }
  parseOptionalAlias(p, true);
  if (p.atKw("tablesample")) {
    if (!p.postgres) p.wrongDialect("TABLESAMPLE", p.mysql ? "sample with ORDER BY RAND() LIMIT n" : "sample with ORDER BY random() LIMIT n");
    p.start(SyntaxKind.TablesampleClause);
    p.bump();
    // The method is a function's name: a "type or function name" keyword too (`TABLESAMPLE like (10)`).
    if (p.postgres && p.at(SyntaxKind.Word) && (p.wordClassesAt(0) & POSTGRES_TYPE_FUNC_NAME_CLASS) !== 0) p.bumpIdent();
    else if (p.postgres && p.at(SyntaxKind.Word) && p.nth(1) !== SyntaxKind.Dot && (p.wordClassesAt(0) & (POSTGRES_COL_NAME_OTHERS_CLASS | POSTGRES_COL_NAME_TYPES_CLASS)) !== 0) {
      // (Nor a column-name keyword: `TABLESAMPLE merge_action (10)` is an error.)
      reservedAsName(p, "a sampling method");
    } else expectIdent(p, "sampling method");
    parseParenExprList(p, SyntaxKind.ArgList, true);
    if (p.eatKw("repeatable")) {
      expectParenthesizedExpr(p);
    }
    p.finish();
  }
  if (p.mysql) {
    // {USE | FORCE | IGNORE} {INDEX | KEY} [FOR {JOIN | ORDER BY | GROUP BY}] (index, …): the
    // names are identifiers or PRIMARY, and only USE takes an empty list (no index at all).
    while ((p.atKw("use") || p.atKw("force") || p.atKw("ignore")) && (p.nthKw(1, "index") || p.nthKw(1, "key"))) {
      const use = p.atKw("use");
      p.bump();
      p.bump();
      if (p.eatKw("for")) {
        if (p.atKw("join")) p.bump();
        else if (p.eatKw("order") || p.eatKw("group")) p.expectKw("by");
        else p.expected("JOIN, ORDER BY or GROUP BY");
      }
      p.start(SyntaxKind.NameList);
      p.expect(SyntaxKind.LParen, "'('");
      if (p.at(SyntaxKind.RParen)) {
        if (!use) p.expected("index name");
      } else {
        do {
          if (p.atKw("primary")) p.bump();
          else if (!expectIdent(p, "index name")) break;
        } while (p.eat(SyntaxKind.Comma));
      }
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
      // (Hints follow each other without commas: a comma separates tables.)
    }
  }
  parseIndexHint(p);
  p.finish();
  return true;
}

/** `WHERE expr` */
/** SQLite's `INDEXED BY index` / `NOT INDEXED` after a table (in FROM, UPDATE and DELETE). */
export function parseIndexHint(p: Parser): void {
  if (!p.sqlite) return;
  if (p.atKw("indexed") && p.nthKw(1, "by")) {
    p.bump();
    p.bump();
    expectIdent(p, "index name");
  } else if (p.atKw("not") && p.nthKw(1, "indexed")) {
    p.bump();
    p.bump();
  }
}

/** The calls of `ROWS FROM (f(…) [AS (column type, …)], …)`: a record-returning one names its columns. */
function parseRowsFromItems(p: Parser): void {
  do {
    // Each item is a function call (PostgreSQL's func_expr_windowless), no other expression.
    if (!atCallAhead(p) && !(p.at(SyntaxKind.Word) && VALUE_KEYWORDS.has(p.word!))) p.expected("a function call");
    parseExpr(p);
    if (p.atKw("as") && p.nth(1) === SyntaxKind.LParen) {
      p.bump();
      parseColumnAliasList(p, true, true);
    }
  } while (p.eat(SyntaxKind.Comma));
}

/** Whether a (possibly qualified) name and its `(` start here: `f(`, `s.f(`, `"F"(`. */
export function atCallAhead(p: Parser): boolean {
  let n = 0;
  while (atLabel(p, n) && p.nth(n + 1) === SyntaxKind.Dot) n += 2;
  return atLabel(p, n) && p.nth(n + 1) === SyntaxKind.LParen;
}

export function parseWhereClause(p: Parser): void {
  p.start(SyntaxKind.WhereClause);
  p.bump();
  if (p.atKw("current") && p.nthKw(1, "of")) {
    if (!p.postgres) p.wrongDialect("WHERE CURRENT OF", p.sqlite ? "SQLite has no cursors" : "MySQL's cursors are read-only: change the row by its key");
    p.bump();
    p.bump();
    expectIdent(p, "cursor name");
  } else parseExpr(p);
  p.finish();
}

function parseGroupByClause(p: Parser): void {
  p.start(SyntaxKind.GroupByClause);
  p.bump();
  p.bump();
  if (p.atKw("all") || p.atKw("distinct")) {
    if (!p.postgres) p.wrongDialect(`GROUP BY ${p.word!.toUpperCase()}`, `${p.sqlite ? "SQLite" : "MySQL"} writes GROUP BY and the expressions`);
    p.bump();
  }
  do {
    parseGroupingElement(p);
    if (p.mysql && (p.atKw("asc") || p.atKw("desc"))) p.errorBump("ASC and DESC after GROUP BY were removed in MySQL 8.0.13; sort with ORDER BY");
  } while (p.eat(SyntaxKind.Comma));
  if (p.mysql && p.atKw("with") && p.nthKw(1, "rollup")) {
    p.bump();
    p.bump();
  }
  p.finish();
}

function parseGroupingElement(p: Parser): void {
  // (In SQLite ROLLUP(…) and CUBE(…) are calls of functions it does not have: an expression.)
  if ((p.atKw("rollup") || p.atKw("cube")) && p.nth(1) === SyntaxKind.LParen && !p.sqlite) {
    if (p.mysql) p.wrongDialect(`${p.word!.toUpperCase()} (…)`, "MySQL writes GROUP BY a, b WITH ROLLUP");
    p.start(SyntaxKind.GroupingSet);
    p.bump();
    p.bump();
    // (An empty grouping set is `()` inside GROUPING SETS or alone; ROLLUP () and CUBE () are errors.)
    if (p.at(SyntaxKind.RParen)) p.expected("expression");
    else parseExprListItems(p);
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
    return;
  }
  if (p.atKw("grouping") && p.nthKw(1, "sets")) {
    if (!p.postgres) p.wrongDialect("GROUPING SETS", `${p.sqlite ? "SQLite" : "MySQL"} groups by a list of expressions: write a query per grouping and UNION ALL them`);
    p.start(SyntaxKind.GroupingSet);
    p.bump();
    p.bump();
    p.expect(SyntaxKind.LParen, "'('");
    if (p.enter()) {
      do {
        parseGroupingElement(p);
      } while (p.eat(SyntaxKind.Comma));
      p.leave();
    }
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
    return;
  }
  if (p.at(SyntaxKind.LParen) && p.nth(1) === SyntaxKind.RParen) {
    if (!p.postgres) p.wrongDialect("an empty grouping set `()`", "leave the GROUP BY out to aggregate all rows");
    p.start(SyntaxKind.GroupingSet);
    p.bump();
    p.bump();
    p.finish();
    return;
  }
  if (!parseExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || atClauseBoundary(p));
}

function parseWindowClause(p: Parser): void {
  p.start(SyntaxKind.WindowClause);
  p.bump();
  do {
    p.start(SyntaxKind.WindowDef);
    expectIdent(p, "window name");
    p.expectKw("as");
    if (p.at(SyntaxKind.LParen)) parseWindowSpec(p);
    else p.expected("'('");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** `( [base] [PARTITION BY …] [ORDER BY …] [frame] )` */
export function parseWindowSpec(p: Parser): void {
  p.start(SyntaxKind.WindowSpec);
  p.bump();
  if (atIdent(p) && !p.atKw("partition") && !p.atKw("order") && !p.atKw("rows") && !p.atKw("range") && !p.atKw("groups")) p.bumpIdent();
  if (p.atKw("partition") && p.nthKw(1, "by")) {
    p.start(SyntaxKind.PartitionByClause);
    p.bump();
    p.bump();
    if (p.at(SyntaxKind.RParen)) p.expected("expression"); // `PARTITION BY)`: no dialect takes an empty list
    else parseExprListItems(p);
    p.finish();
  }
  if (p.atKw("order") && p.nthKw(1, "by")) parseOrderByClause(p);
  if (p.atKw("rows") || p.atKw("range") || p.atKw("groups")) parseFrameClause(p);
  if (!p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.RParen));
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

function parseFrameClause(p: Parser): void {
  p.start(SyntaxKind.FrameClause);
  if (p.mysql && p.atKw("groups")) p.wrongDialect("GROUPS", "MySQL frames are ROWS or RANGE");
  p.bump();
  if (p.eatKw("between")) {
    parseFrameBound(p);
    p.expectKw("and");
    parseFrameBound(p);
  } else parseFrameBound(p);
  if (p.eatKw("exclude")) {
    if (p.eatKw("current")) p.expectKw("row");
    else if (p.eatKw("no")) p.expectKw("others");
    else if (!p.eatKw("group")) p.expectKw("ties");
  }
  p.finish();
}

function parseFrameBound(p: Parser): void {
  p.start(SyntaxKind.FrameBound);
  if (p.eatKw("unbounded")) {
    if (!p.eatKw("preceding")) p.expectKw("following");
  } else if (p.eatKw("current")) p.expectKw("row");
  else {
    parseExpr(p);
    if (!p.eatKw("preceding")) p.expectKw("following");
  }
  p.finish();
}

/** `ORDER BY item [ASC|DESC] [NULLS FIRST|LAST], …` */
export function parseOrderByClause(p: Parser): void {
  p.start(SyntaxKind.OrderByClause);
  p.bump();
  p.expectKw("by");
  do {
    p.start(SyntaxKind.OrderItem);
    if (!parseExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || atClauseBoundary(p));
    if (p.atKw("asc") || p.atKw("desc")) p.bump();
    else if (p.atKw("using") && p.postgres) {
      p.bump();
      if (p.at(SyntaxKind.Operator)) p.bump();
      else if (p.atKw("operator") && p.nth(1) === SyntaxKind.LParen) parseOperatorReference(p);
      else p.expected("operator");
    }
    if (p.atKw("nulls")) {
      if (p.mysql) p.wrongDialect(`NULLS ${p.nthKw(1, "first") ? "FIRST" : "LAST"}`, "MySQL sorts nulls first ascending, last descending: order by `x IS NULL` first to change that");
      p.bump();
      if (!p.eatKw("first")) p.expectKw("last");
    }
    if (p.sqlite && p.atKw("collate")) {
      p.bump();
      expectLabel(p);
    }
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** `LIMIT count [OFFSET n]` / `LIMIT offset, count` / `LIMIT ALL`. */
export function parseLimitClause(p: Parser): void {
  p.start(SyntaxKind.LimitClause);
  p.bump();
  if (p.atKw("all") && !p.postgres) p.wrongDialect("LIMIT ALL", "leave the LIMIT out");
  if (!p.eatKw("all")) parseLimitValue(p);
  if (p.at(SyntaxKind.Comma)) {
    if (p.postgres) p.wrongDialect("LIMIT offset, count", "use LIMIT count OFFSET offset");
    p.bump();
    parseLimitValue(p);
  }
  else if (p.atKw("offset")) {
    p.bump();
    parseLimitValue(p);
    if (p.postgres && (p.atKw("row") || p.atKw("rows"))) p.bump();
  }
  p.finish();
}

/** A LIMIT or OFFSET value: any expression, but in MySQL one integer, `?` or a routine's variable. */
export function parseLimitValue(p: Parser): void {
  const from = p.position;
  const [start] = p.currentRange();
  parseExpr(p);
  if (p.mysql && p.position - from > 1 && !(p.position - from === 2 && p.pastKind(from) === SyntaxKind.Operator && p.pastWord(from) === "@")) {
    p.wrongDialectIn(start, p.prevEnd(), "an expression in LIMIT", "MySQL's LIMIT takes an integer, a `?` placeholder or a routine's variable");
  }
}

function parseOffsetClause(p: Parser): void {
  p.start(SyntaxKind.OffsetClause);
  p.bump();
  parseExpr(p);
  if (p.atKw("row") || p.atKw("rows")) {
    if (!p.postgres) p.wrongDialect(`OFFSET n ${p.word!.toUpperCase()}`, `${p.sqlite ? "SQLite" : "MySQL"} writes OFFSET n`);
    p.bump();
  }
  p.finish();
}

function parseFetchClause(p: Parser, ordered: boolean): void {
  p.start(SyntaxKind.FetchClause);
  p.bump();
  if (!p.eatKw("first")) p.expectKw("next");
  // (PostgreSQL's count is a value or a signed number, no operator expression: `NEXT NOT 5`.)
  if (p.postgres && (p.atKw("not") || (p.at(SyntaxKind.Operator) && p.word !== "+" && p.word !== "-"))) p.expected("a number, a parameter or an expression in parentheses");
  if (!p.atKw("row") && !p.atKw("rows")) parseExpr(p);
  if (!p.eatKw("row")) p.expectKw("rows");
  if (p.atKw("with")) {
    // WITH TIES keeps the rows that tie with the last one: ties need an order to be ties of.
    if (!ordered && p.postgres) {
      const [start] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "WITH TIES needs an ORDER BY", start, start + 4);
    }
    p.bump();
    p.expectKw("ties");
  } else p.expectKw("only");
  p.finish();
}

function parseLockingClause(p: Parser): void {
  p.start(SyntaxKind.LockingClause);
  if (p.atKw("lock")) {
    p.bump();
    p.expectKw("in");
    p.expectKw("share");
    p.expectKw("mode");
    p.finish();
    return;
  }
  while (p.atKw("for")) {
    p.bump();
    if (p.eatKw("update")) {
      /* FOR UPDATE */
    } else if (p.eatKw("share")) {
      /* FOR SHARE */
    } else if (p.atKw("no") || p.atKw("key")) {
      if (p.mysql) p.wrongDialect(p.atKw("no") ? "FOR NO KEY UPDATE" : "FOR KEY SHARE", "MySQL locks with FOR UPDATE or FOR SHARE");
      if (p.eatKw("no")) {
        p.expectKw("key");
        p.expectKw("update");
      } else {
        p.bump();
        p.expectKw("share");
      }
    }
    else p.expected("UPDATE or SHARE");
    if (p.eatKw("of")) {
      do {
        parseQualifiedName(p, "table name");
      } while (p.eat(SyntaxKind.Comma));
    }
    if (p.eatKw("nowait")) {
      /* done */
    } else if (p.eatKw("skip")) p.expectKw("locked");
  }
  p.finish();
}

/** `WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] ( statement ), …` */
export function parseWithClause(p: Parser): void {
  p.start(SyntaxKind.WithClause);
  p.bump();
  // (PostgreSQL: `WITH recursive AS (…)` names its CTE recursive; the keyword has a name after it.)
  if (p.atKw("recursive") && !(p.postgres && (p.nthKw(1, "as") || p.nth(1) === SyntaxKind.LParen))) p.bump();
  do {
    p.start(SyntaxKind.Cte);
    expectIdent(p, "CTE name");
    if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
    p.expectKw("as");
    if (p.mysql && (p.atKw("materialized") || (p.atKw("not") && p.nthKw(1, "materialized")))) p.wrongDialect("[NOT] MATERIALIZED", "MySQL decides itself whether to materialize a CTE");
    if (p.atKw("not") && p.nthKw(1, "materialized")) {
      p.bump();
      p.bump();
    } else p.eatKw("materialized");
    if (p.expect(SyntaxKind.LParen, "'('")) {
      if (p.enter()) {
        const kind = dmlKindAfterWith(p);
        if (kind !== undefined) {
          if (!p.postgres) p.wrongDialect(`${p.word!.toUpperCase()} in a WITH query`, "only PostgreSQL's WITH queries change data: run the statement on its own");
          p.start(kind);
          parseDmlBody(p, kind);
          p.finish();
        } else if (atSelectStart(p)) parseSelectStmt(p);
        else p.expected("SELECT, INSERT, UPDATE, DELETE or MERGE");
        p.leave();
      }
      if (!p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.RParen));
      p.expect(SyntaxKind.RParen, "')'");
    }
    if (p.atKw("search")) {
      if (!p.postgres) p.wrongDialect("SEARCH … FIRST BY", "order the recursive query's rows with ORDER BY");
      p.start(SyntaxKind.CteSearchClause);
      p.bump();
      if (!p.eatKw("depth")) p.expectKw("breadth");
      p.expectKw("first");
      p.expectKw("by");
      do expectIdent(p, "column");
      while (p.eat(SyntaxKind.Comma));
      p.expectKw("set");
      expectIdent(p, "column");
      p.finish();
    }
    if (p.atKw("cycle")) {
      if (!p.postgres) p.wrongDialect("CYCLE", "stop the recursion with a condition of the recursive query (UNION also drops repeated rows)");
      p.start(SyntaxKind.CteCycleClause);
      p.bump();
      do expectIdent(p, "column");
      while (p.eat(SyntaxKind.Comma));
      p.expectKw("set");
      expectIdent(p, "column");
      if (p.eatKw("to")) {
        parseExpr(p);
        p.expectKw("default");
        parseExpr(p);
      }
      p.expectKw("using");
      expectIdent(p, "column");
      p.finish();
    }
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** MySQL: whether an index hint (`USE INDEX (…)`, `FORCE KEY (…)`, …) starts at the cursor. */
function atIndexHintAhead(p: Parser): boolean {
  return (p.atKw("use") || p.atKw("force") || p.atKw("ignore")) && (p.nthKw(1, "index") || p.nthKw(1, "key"));
}

/** The hint for another dialect's table function in a MySQL file. */
const MYSQL_TABLE_FUNCTIONS = "MySQL's only table function is JSON_TABLE";

/** `RETURNING expr [AS alias], …` */
export function parseReturningClause(p: Parser): void {
  if (p.mysql) p.wrongDialect("RETURNING", "MySQL returns no rows from a change: read them with a SELECT");
  p.start(SyntaxKind.ReturningClause);
  p.bump();
  do {
    p.start(SyntaxKind.SelectItem);
    // (A bare `*` takes no alias: `RETURNING * kind` is an error.)
    const star = p.atOp("*");
    if (parseExprOrStar(p)) {
      if (!star) parseOptionalAlias(p, false);
    } else p.recoverUntil(() => p.at(SyntaxKind.Comma) || atClauseBoundary(p));
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
  // PL/pgSQL: `… RETURNING id INTO v_id` (the statement's INTO, after the list).
  if (p.plpgsql) parsePlpgsqlInto(p);
}

export { atExprStart };

/**
 * At `( (`: whether something other than `)` follows the inner group — then the
 * outer parentheses hold a join or an aliased table, not a subquery.
 */
export function parenGroupContinues(p: Parser): boolean {
  let depth = 0;
  for (let n = 1; ; n++) {
    const k = p.nth(n);
    if (k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return false;
    if (k === SyntaxKind.LParen) depth++;
    else if (k === SyntaxKind.RParen && --depth === 0) return p.nth(n + 1) !== SyntaxKind.RParen && !isSetOpWord(p, n + 1);
  }
}

function isSetOpWord(p: Parser, n: number): boolean {
  return p.nthKw(n, "union") || p.nthKw(n, "intersect") || p.nthKw(n, "except") || p.nthKw(n, "order") || p.nthKw(n, "limit") || p.nthKw(n, "offset") || p.nthKw(n, "fetch");
}

/** Whether a (possibly qualified) name followed by `(` starts here. */
function atFunctionCall(p: Parser): boolean {
  let n = 0;
  if (!atLabel(p, n)) return false;
  while (p.nth(n + 1) === SyntaxKind.Dot && atLabel(p, n + 2)) n += 2;
  return p.nth(n + 1) === SyntaxKind.LParen;
}
