import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseIndexElem } from "./ddl-table.js";
import { parseExpr, parseExprListItems, parseParenExprList } from "./expressions.js";
import { atIdent, atTargetTableAlias, expectIdent, parseParenNameList, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";
import {
  atClauseBoundary,
  atSelectStart,
  parseFromList,
  parseIndexHint,
  parseJoinedTable,
  parseOptionalAlias,
  parseLimitValue,
  parseOrderByClause,
  parseReturningClause,
  parseSelectStmt,
  parseWhereClause,
} from "./select.js";

function parseTableAlias(p: Parser): void {
  // Target-table aliases never take a column list; SQLite requires AS.
  if (p.atKw("as") || (!p.sqlite && atTargetTableAlias(p))) {
    p.start(SyntaxKind.Alias);
    p.eatKw("as");
    expectIdent(p, "alias");
    p.finish();
  }
}

/**
 * INSERT (and MySQL/SQLite REPLACE) after any WITH clause: `INSERT [OR …] [IGNORE] INTO t [AS a] [(cols)]
 * {VALUES … | SELECT … | DEFAULT VALUES | SET a = 1} [ON CONFLICT …] [ON DUPLICATE KEY UPDATE …] [RETURNING …]`.
 */
/**
 * SQLite: reports `what` at the current token (through `length` tokens) when the statement is
 * one of a trigger's body, which does not take it (see `Parser.sqliteTriggerBody`).
 */
export function refuseInTriggerBody(p: Parser, what: string, length = 1): void {
  if (!p.sqliteTriggerBody) return;
  const [start] = p.currentRange();
  const [, end] = p.rangeAt(p.position + length - 1);
  p.report(SyntaxCode.UnexpectedToken, `SQLite takes no ${what} in a trigger's statements`, start, end);
}

/** A table name UPDATE, DELETE or INSERT changes, reporting a schema in a SQLite trigger's statement. */
function parseChangedTableName(p: Parser): void {
  if (p.nth(1) === SyntaxKind.Dot) refuseInTriggerBody(p, "schema-qualified table name", 3);
  parseQualifiedName(p, "table name");
}

export function parseInsertBody(p: Parser): void {
  const replace = p.atKw("replace");
  p.bump();
  if (p.sqlite && p.atKw("or")) {
    p.bump();
    if (["rollback", "abort", "replace", "fail", "ignore"].includes(p.word ?? "")) p.bump();
    else p.errorBump("expected ROLLBACK, ABORT, REPLACE, FAIL or IGNORE");
  }
  // MySQL: INSERT [LOW_PRIORITY | DELAYED | HIGH_PRIORITY] [IGNORE], REPLACE [LOW_PRIORITY | DELAYED].
  if (p.mysql) {
    if (p.atKw("low_priority") || p.atKw("delayed") || (p.atKw("high_priority") && !replace)) p.bump();
    if (!replace) p.eatKw("ignore");
  }
  if (p.mysql || (replace && p.sqlite)) p.eatKw("into");
  else p.expectKw("into");
  parseChangedTableName(p);
  if (p.mysql && p.atKw("partition")) parsePartitionSelection(p);
  if (p.atKw("as") && !p.mysql) {
    p.start(SyntaxKind.Alias);
    p.bump();
    expectIdent(p, "alias");
    p.finish();
  }
  const columns = p.at(SyntaxKind.LParen) && !atSelectStart(p);
  if (columns) parseInsertColumns(p);
  if (p.atKw("overriding")) {
    if (!p.postgres) p.wrongDialect("OVERRIDING … VALUE", "only PostgreSQL's identity columns take it");
    p.bump();
    if (!p.eatKw("system")) p.expectKw("user");
    p.expectKw("value");
  }
  const defaultValues = p.atKw("default") && p.nthKw(1, "values");
  if (defaultValues) {
    refuseInTriggerBody(p, "DEFAULT VALUES", 2);
    if (columns && p.postgres) {
      // (SQLite parses it and then finds no value for the listed columns.)
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "DEFAULT VALUES takes no column list in PostgreSQL: INSERT INTO t DEFAULT VALUES", start, end);
    }
    if (p.mysql) p.wrongDialect("DEFAULT VALUES", "MySQL writes VALUES ()");
    p.start(SyntaxKind.DefaultValues);
    p.bump();
    p.bump();
    p.finish();
  } else if (p.atKw("set") && p.mysql) {
    parseSetClause(p);
  } else if (p.atKw("value") && p.mysql) {
    p.start(SyntaxKind.ValuesClause);
    p.bump();
    do {
      p.start(SyntaxKind.ValuesRow);
      p.expect(SyntaxKind.LParen, "'('");
      parseExprListItems(p);
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
    } while (p.eat(SyntaxKind.Comma));
    p.finish();
  } else if (atSelectStart(p)) {
    parseSelectStmt(p);
  } else p.expected("VALUES, SELECT or DEFAULT VALUES");
  if (p.mysql && p.atKw("as")) {
    p.start(SyntaxKind.Alias);
    p.bump();
    expectIdent(p, "alias");
    if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
    p.finish();
  }
  for (let clauses = 0; p.atKw("on") && p.nthKw(1, "conflict"); clauses++) {
    if (p.mysql) p.wrongDialect("ON CONFLICT", "use ON DUPLICATE KEY UPDATE");
    else if (clauses === 0 && defaultValues && p.sqlite) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "SQLite takes no ON CONFLICT clause after DEFAULT VALUES: list the columns and their values", start, end);
    } else if (clauses === 1 && p.postgres) p.wrongDialect("a second ON CONFLICT clause", "PostgreSQL takes one per INSERT (SQLite takes several)");
    parseOnConflict(p);
  }
  if (p.atKw("on") && p.nthKw(1, "duplicate")) {
    if (!p.mysql) p.wrongDialect("ON DUPLICATE KEY UPDATE", "use ON CONFLICT (…) DO UPDATE");
    p.start(SyntaxKind.OnDuplicateKeyUpdate);
    p.bump();
    p.bump();
    p.expectKw("key");
    p.expectKw("update");
    parseAssignments(p);
    p.finish();
  }
  if (p.atKw("returning")) {
    refuseInTriggerBody(p, "RETURNING");
    parseReturningClause(p);
  }
}

function parseOnConflict(p: Parser): void {
  p.start(SyntaxKind.OnConflictClause);
  p.bump();
  p.bump();
  if (p.at(SyntaxKind.LParen) || (p.atKw("on") && p.nthKw(1, "constraint"))) {
    p.start(SyntaxKind.ConflictTarget);
    if (p.atKw("on") && p.sqlite) p.wrongDialect("ON CONFLICT ON CONSTRAINT", "name the conflicting columns: ON CONFLICT (a, b)");
    if (p.eatKw("on")) {
      p.bump();
      expectIdent(p, "constraint name");
    } else {
      p.bump();
      do parseIndexElem(p);
      while (p.eat(SyntaxKind.Comma));
      p.expect(SyntaxKind.RParen, "')'");
      if (p.atKw("where")) parseWhereClause(p);
    }
    p.finish();
  }
  p.start(SyntaxKind.ConflictAction);
  p.expectKw("do");
  if (p.eatKw("nothing")) {
    /* done */
  } else if (p.eatKw("update")) {
    parseSetClause(p);
    if (p.atKw("where")) parseWhereClause(p);
  } else p.expected("NOTHING or UPDATE");
  p.finish();
  p.finish();
}

/** `SET a = 1, (b, c) = (2, 3)` as a `SetClause`. */
export function parseSetClause(p: Parser): void {
  p.start(SyntaxKind.SetClause);
  p.expectKw("set");
  parseAssignments(p);
  p.finish();
}

function parseAssignments(p: Parser): void {
  do {
    p.start(SyntaxKind.Assignment);
    if (p.at(SyntaxKind.LParen)) {
      if (p.mysql) p.wrongDialect("SET (a, b) = …", "MySQL assigns one column at a time: SET a = …, b = …");
      if (p.postgres) parseTargetList(p);
      else parseParenNameList(p);
      p.expectOp("=");
      if (p.atKw("row")) {
        p.bump();
        if (!p.at(SyntaxKind.LParen)) p.expected("'(' after ROW");
      }
      parseExpr(p);
    } else {
      parseColumnTarget(p);
      if (!p.eatOp("=")) p.expectOp("=");
      p.defaultAt = p.position;
      if (!parseExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || atClauseBoundary(p));
    }
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
}

/**
 * The column an assignment or an INSERT column list names: `col`, `tbl.col`, and in PostgreSQL a
 * field or element of it (`complex_col.r`, `arr[2]`, `arr[1:2]`, `jsonb_col['a']['b']`).
 */
function parseColumnTarget(p: Parser): void {
  parseQualifiedName(p, "column name");
  if (!p.at(SyntaxKind.LBracket)) return;
  if (!p.postgres) {
    // SQLite / MySQL have no element assignment; kept readable for one diagnostic.
    p.wrongDialect("an array element's assignment", p.mysql ? "MySQL has no arrays: JSON_SET(col, '$[0]', value) changes a JSON array" : "SQLite has no arrays: json_set(col, '$[0]', value) changes a JSON array");
    p.bump();
    parseExpr(p);
    p.expect(SyntaxKind.RBracket, "']'");
    return;
  }
  while (p.at(SyntaxKind.LBracket)) {
    p.bump();
    if (!p.at(SyntaxKind.Colon)) parseExpr(p);
    if (p.eat(SyntaxKind.Colon) && !p.at(SyntaxKind.RBracket)) parseExpr(p);
    p.expect(SyntaxKind.RBracket, "']'");
  }
}

/**
 * An INSERT (or MERGE … INSERT) column list: names, in PostgreSQL also fields and elements of a
 * column (`(c.r, board[1:3])`); MySQL takes an empty list.
 */
function parseInsertColumns(p: Parser): void {
  if (p.postgres) parseTargetList(p, SyntaxKind.InsertColumns);
  else if (p.mysql && qualifiedColumnAhead(p)) {
    // MySQL names a column with its table too: INSERT INTO t (t.a, db.t.b) ….
    p.start(SyntaxKind.InsertColumns);
    p.bump();
    do parseQualifiedName(p, "column name");
    while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  } else parseParenNameList(p, SyntaxKind.InsertColumns, p.mysql);
}

/** Whether a `.` stands in the parenthesized list at the cursor before its `)` (a flat list of names). */
function qualifiedColumnAhead(p: Parser): boolean {
  for (let n = 1; n < 256; n++) {
    const k = p.nth(n);
    if (k === SyntaxKind.Dot) return true;
    if (k === SyntaxKind.RParen || k === SyntaxKind.LParen || k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return false;
  }
  return false;
}

/**
 * PostgreSQL: `(target, …)` of column targets as one `kind` node: a plain name is an identifier
 * token, as in a name list; a field or element (`c.r`, `board[1:3]`) a `parseColumnTarget`.
 */
function parseTargetList(p: Parser, kind: SyntaxKind = SyntaxKind.NameList): void {
  p.start(kind);
  p.expect(SyntaxKind.LParen, "'('");
  if (p.at(SyntaxKind.RParen)) p.expected("column name");
  else {
    do {
      if (p.nth(1) === SyntaxKind.Comma || p.nth(1) === SyntaxKind.RParen) expectIdent(p, "column name");
      else parseColumnTarget(p);
    } while (p.eat(SyntaxKind.Comma));
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

/** UPDATE after any WITH clause. */
export function parseUpdateBody(p: Parser): void {
  p.bump();
  if (p.sqlite && p.atKw("or")) {
    p.bump();
    if (["rollback", "abort", "replace", "fail", "ignore"].includes(p.word ?? "")) p.bump();
    else p.errorBump("expected ROLLBACK, ABORT, REPLACE, FAIL or IGNORE");
  }
  if (p.mysql) {
    // UPDATE [LOW_PRIORITY] [IGNORE]
    p.eatKw("low_priority");
    p.eatKw("ignore");
    // MySQL multi-table UPDATE: UPDATE t1 JOIN t2 ON … SET …
    parseFromList(p);
  } else parseTargetTable(p);
  parseSetClause(p);
  if (p.atKw("from")) {
    if (p.mysql) p.wrongDialect("UPDATE … FROM", "MySQL joins the tables in UPDATE itself: UPDATE t JOIN u ON … SET …");
    p.start(SyntaxKind.FromClause);
    p.bump();
    parseFromList(p);
    p.finish();
  }
  parseUpdateOrDeleteTail(p);
}

/**
 * The table UPDATE and DELETE change: `[ONLY] name [*] [[AS] alias]` as one TableRef
 * (MERGE's target takes no `*`, so it does not use this).
 */
function parseTargetTable(p: Parser): void {
  p.start(SyntaxKind.TableRef);
  // (ONLY is no SQLite keyword: there it is a table's name.)
  const only = p.postgres && p.eatKw("only");
  parseChangedTableName(p);
  if (!only && p.postgres) p.eatOp("*"); // PostgreSQL's inheritance star; `ONLY t *` is not valid: ONLY and * say opposite things
  parseTableAlias(p);
  if (p.mysql && p.atKw("partition")) parsePartitionSelection(p);
  if (p.atKw("indexed")) refuseInTriggerBody(p, "INDEXED BY", 2);
  else if (p.atKw("not") && p.nthKw(1, "indexed")) refuseInTriggerBody(p, "NOT INDEXED", 2);
  parseIndexHint(p);
  p.finish();
}

/** MySQL's `PARTITION (p, …)`: the partitions a statement reads or changes (at PARTITION). */
export function parsePartitionSelection(p: Parser): void {
  p.bump();
  if (p.at(SyntaxKind.LParen) || !atIdent(p)) {
    parseParenNameList(p);
    return;
  }
  // `PARTITION p0`: report the missing parentheses and take the names as if they were there.
  p.expected("'('");
  p.start(SyntaxKind.NameList);
  do expectIdent(p, "partition name");
  while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/**
 * The clauses UPDATE and DELETE end with alike: WHERE, then MySQL's ORDER BY and LIMIT,
 * then PostgreSQL's RETURNING.
 */
function parseUpdateOrDeleteTail(p: Parser): void {
  if (p.atKw("where")) parseWhereClause(p);
  // SQLite's RETURNING comes before its ORDER BY and LIMIT (builds with UPDATE / DELETE LIMIT).
  if (p.sqlite) parseUpdateOrDeleteReturning(p);
  if (p.postgres && (p.atKw("limit") || (p.atKw("order") && p.nthKw(1, "by")))) p.wrongDialect(`${p.word === "limit" ? "LIMIT" : "ORDER BY"} in UPDATE or DELETE`, "choose the rows in a subquery: WHERE id IN (SELECT id FROM … ORDER BY … LIMIT n)");
  if (p.atKw("order") && p.nthKw(1, "by")) parseOrderByClause(p);
  if (p.atKw("limit")) {
    p.start(SyntaxKind.LimitClause);
    p.bump();
    // (MySQL's is one row count, as SELECT's; SQLite's an expression.)
    if (p.mysql) parseLimitValue(p);
    else parseExpr(p);
    p.finish();
  }
  if (!p.sqlite) parseUpdateOrDeleteReturning(p);
}

function parseUpdateOrDeleteReturning(p: Parser): void {
  if (p.atKw("returning")) {
    refuseInTriggerBody(p, "RETURNING");
    parseReturningClause(p);
  }
}

/** DELETE after any WITH clause. */
export function parseDeleteBody(p: Parser): void {
  p.bump();
  if (p.mysql) while (p.atKw("low_priority") || p.atKw("quick") || p.atKw("ignore")) p.bump();
  const multiTable = p.mysql && !p.atKw("from");
  if (multiTable) {
    // DELETE t1, t2 FROM t1 JOIN t2 ON …: the rows of t1 and t2 that the joined tables select.
    do {
      parseQualifiedName(p, "table name");
      if (p.at(SyntaxKind.Dot) && p.nthOp(1, "*")) {
        p.bump();
        p.bump();
      }
    } while (p.eat(SyntaxKind.Comma));
  }
  p.expectKw("from");
  const targetFrom = p.position;
  if (multiTable) {
    p.start(SyntaxKind.FromClause);
    parseFromList(p);
    p.finish();
  } else parseTargetTable(p);
  if (p.mysql && p.atKw("using")) {
    // MySQL's DELETE FROM t1, t2 USING … names the tables to delete from; aliases go in USING.
    for (let i = targetFrom; i + 1 < p.position; i++) {
      if (p.pastWord(i) === "as" || (p.pastKindIsName(i) && p.pastKindIsName(i + 1))) {
        p.wrongDialectAt(i + 1, "an alias before USING", "MySQL's DELETE FROM t USING t AS x … gives aliases in USING");
        break;
      }
    }
  }
  if (p.mysql && (p.at(SyntaxKind.Comma) || p.atKw("join") || p.atKw("inner") || p.atKw("left"))) {
    while (p.eat(SyntaxKind.Comma)) parseJoinedTable(p);
  }
  if (p.atKw("using")) {
    if (p.sqlite) p.wrongDialect("DELETE … USING", "name the other tables in a subquery of the WHERE clause");
    p.start(SyntaxKind.UsingClause);
    p.bump();
    parseFromList(p);
    p.finish();
  }
  parseUpdateOrDeleteTail(p);
}

/** MERGE after any WITH clause (PostgreSQL 15+). */
export function parseMergeBody(p: Parser): void {
  p.bump();
  p.expectKw("into");
  p.start(SyntaxKind.TableRef);
  p.eatKw("only");
  parseQualifiedName(p, "table name");
  parseTableAlias(p);
  p.finish();
  p.expectKw("using");
  parseJoinedTable(p);
  p.start(SyntaxKind.OnClause);
  p.expectKw("on");
  parseExpr(p);
  p.finish();
  if (!p.atKw("when")) p.expected("WHEN");
  while (p.atKw("when")) {
    p.start(SyntaxKind.MergeWhenClause);
    p.bump();
    const not = p.eatKw("not");
    p.expectKw("matched");
    let bySource = false;
    if (not && p.eatKw("by")) {
      bySource = p.eatKw("source");
      if (!bySource) p.expectKw("target");
    }
    if (p.eatKw("and")) parseExpr(p);
    p.expectKw("then");
    // A target row (MATCHED, NOT MATCHED BY SOURCE) is updated or deleted; a source row without
    // one (NOT MATCHED [BY TARGET]) is inserted.
    const inserts = not && !bySource;
    if (inserts ? p.atKw("update") || p.atKw("delete") : p.atKw("insert")) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, inserts ? "WHEN NOT MATCHED inserts (or does nothing): UPDATE and DELETE go under WHEN MATCHED" : "only WHEN NOT MATCHED inserts: a matched row is updated or deleted", start, end);
    }
    p.start(SyntaxKind.MergeAction);
    if (p.eatKw("update")) parseSetClause(p);
    else if (p.eatKw("delete")) {
      /* done */
    } else if (p.eatKw("insert")) {
      if (p.at(SyntaxKind.LParen)) parseInsertColumns(p);
      if (p.atKw("overriding")) {
        p.bump();
        if (!p.eatKw("system")) p.expectKw("user");
        p.expectKw("value");
      }
      if (p.atKw("default")) {
        p.bump();
        p.expectKw("values");
      } else {
        p.start(SyntaxKind.ValuesClause);
        p.expectKw("values");
        parseParenExprList(p, SyntaxKind.ValuesRow);
        p.finish();
      }
    } else if (p.eatKw("do")) p.expectKw("nothing");
    else p.expected("UPDATE, DELETE, INSERT or DO NOTHING");
    p.finish();
    p.finish();
  }
  if (p.atKw("returning")) {
    refuseInTriggerBody(p, "RETURNING");
    parseReturningClause(p);
  }
}

export { parseOptionalAlias };
