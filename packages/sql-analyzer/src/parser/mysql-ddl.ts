import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseAccountName } from "./ddl-create.js";
import { parseIfNotExists } from "./ddl-table.js";
import { parseExpr } from "./expressions.js";
import { parseAlterUser } from "./mysql-accounts.js";
import { parseMysqlProgramBody } from "./mysql-routines.js";
import { atIdent, expectIdent, expectLabel, parseParenNameList, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";
import { atSelectStart, parseSelectStmt } from "./select.js";

/**
 * MySQL's own object DDL: events (CREATE / ALTER EVENT), ALTER VIEW, ALTER DATABASE and
 * CREATE TABLESPACE, with the `ALGORITHM = …`, `DEFINER = …`, `SQL SECURITY …` clauses
 * that may come between ALTER and the object kind.
 */

/**
 * MySQL's ALTER of a view, event, database / schema or user (the caller is at ALTER);
 * returns false, consuming nothing, for the other kinds (tables and the rest stay with
 * the shared ALTER grammar).
 */
export function parseMysqlAlter(p: Parser): boolean {
  const n = objectAfterModifiers(p);
  const object = p.nth(n) === SyntaxKind.Word ? p.wordAt(n) : undefined;
  if (object === "view") {
    parseAlterView(p);
    return true;
  }
  if (object === "event") {
    parseAlterEvent(p);
    return true;
  }
  if (n !== 1) return false;
  if (object === "database" || object === "schema") {
    parseAlterDatabase(p);
    return true;
  }
  if (object === "user") {
    parseAlterUser(p);
    return true;
  }
  return false;
}

/**
 * Index of the object kind after ALTER, past `ALGORITHM = x`, `DEFINER = account` and
 * `SQL SECURITY x` (1 when there are none).
 */
function objectAfterModifiers(p: Parser): number {
  let n = 1;
  for (let guard = 0; guard < 3; guard++) {
    if ((p.nthKw(n, "algorithm") || p.nthKw(n, "definer")) && p.nthOp(n + 1, "=")) {
      const definer = p.nthKw(n, "definer");
      n += 3;
      if (definer) {
        // 'user'@'host' (the host lexes as a Param) or CURRENT_USER[()]
        if (p.nth(n) === SyntaxKind.Param) n++;
        else if (p.nthOp(n, "@")) n += 2;
        if (p.nth(n) === SyntaxKind.LParen && p.nth(n + 1) === SyntaxKind.RParen) n += 2;
      }
    } else if (p.nthKw(n, "sql") && p.nthKw(n + 1, "security")) n += 3;
    else break;
  }
  return n;
}

/** `ALGORITHM = {UNDEFINED | MERGE | TEMPTABLE}`, `DEFINER = account`, `SQL SECURITY {DEFINER | INVOKER}`, each an Option. */
function parseAlterModifiers(p: Parser): void {
  for (let guard = 0; guard < 3; guard++) {
    if (p.atKw("algorithm") && p.nthOp(1, "=")) {
      p.start(SyntaxKind.Option);
      p.bump();
      p.bump();
      if (p.atKw("undefined") || p.atKw("merge") || p.atKw("temptable")) p.bump();
      else p.expected("UNDEFINED, MERGE or TEMPTABLE");
      p.finish();
    } else if (p.atKw("definer") && p.nthOp(1, "=")) {
      p.start(SyntaxKind.Option);
      p.bump();
      p.bump();
      parseDefiner(p);
      p.finish();
    } else if (p.atKw("sql") && p.nthKw(1, "security")) {
      p.start(SyntaxKind.Option);
      p.bump();
      p.bump();
      if (p.atKw("definer") || p.atKw("invoker")) p.bump();
      else p.expected("DEFINER or INVOKER");
      p.finish();
    } else return;
  }
}

/** A definer: an account or `CURRENT_USER[()]`. */
function parseDefiner(p: Parser): void {
  if (p.atKw("current_user")) {
    p.bump();
    if (p.at(SyntaxKind.LParen) && p.nth(1) === SyntaxKind.RParen) {
      p.bump();
      p.bump();
    }
  } else parseAccountName(p);
}

/** `ALTER [modifiers] VIEW v [(columns)] AS query [WITH [CASCADED | LOCAL] CHECK OPTION]` */
function parseAlterView(p: Parser): void {
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  parseAlterModifiers(p);
  p.start(SyntaxKind.ObjectKind);
  p.bump();
  p.finish();
  parseQualifiedName(p, "view name");
  if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
  p.expectKw("as");
  if (atSelectStart(p)) parseSelectStmt(p);
  else p.expected("query");
  if (p.eatKw("with")) {
    if (p.atKw("cascaded") || p.atKw("local")) p.bump();
    p.expectKw("check");
    p.expectKw("option");
  }
  p.finish();
}

/**
 * `ALTER {DATABASE | SCHEMA} [name] option …`: `[DEFAULT] CHARACTER SET [=] cs`,
 * `[DEFAULT] COLLATE [=] c`, `[DEFAULT] ENCRYPTION [=] 'Y' | 'N'`, `READ ONLY [=] DEFAULT | 0 | 1`.
 */
function parseAlterDatabase(p: Parser): void {
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  p.start(SyntaxKind.ObjectKind);
  p.bump();
  p.finish();
  // The name is optional (the default database): a reserved option word, or an option word
  // whose value follows, starts the options.
  if (atIdent(p) && !(atDatabaseOption(p, 0) && !atDatabaseOption(p, 1))) parseQualifiedName(p, "database name");
  if (!atDatabaseOption(p, 0)) p.expected("CHARACTER SET, COLLATE, ENCRYPTION or READ ONLY");
  while (atDatabaseOption(p, 0)) {
    p.start(SyntaxKind.TableOption);
    p.eatKw("default");
    const w = p.word;
    p.bump();
    if (w === "character") p.expectKw("set");
    else if (w === "read") p.expectKw("only");
    p.eatOp("=");
    if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number)) p.bump();
    else expectLabel(p, "option value");
    p.finish();
  }
  p.finish();
}

/** Whether an ALTER DATABASE option starts at the n-th token. */
function atDatabaseOption(p: Parser, n: number): boolean {
  if (p.nth(n) !== SyntaxKind.Word) return false;
  switch (p.wordAt(n)) {
    case "default":
      return p.nthKw(n + 1, "character") || p.nthKw(n + 1, "charset") || p.nthKw(n + 1, "collate") || p.nthKw(n + 1, "encryption");
    case "character":
      return p.nthKw(n + 1, "set");
    case "read":
      return p.nthKw(n + 1, "only");
    case "charset":
    case "collate":
    case "encryption":
      return true;
    default:
      return false;
  }
}

/** Units of `EVERY n unit` in an event schedule. */
const INTERVAL_UNITS = new Set([
  "year", "quarter", "month", "day", "hour", "minute", "week", "second", "year_month", "day_hour", "day_minute",
  "day_second", "hour_minute", "hour_second", "minute_second",
]);

/**
 * CREATE EVENT after the EVENT keyword: `[IF NOT EXISTS] name ON SCHEDULE … [ON COMPLETION
 * [NOT] PRESERVE] [ENABLE | DISABLE [ON REPLICA]] [COMMENT '…'] DO body`.
 */
export function parseCreateEventRest(p: Parser): void {
  if (p.atKw("if")) parseIfNotExists(p);
  parseQualifiedName(p, "event name");
  if (p.atKw("on") && p.nthKw(1, "schedule")) parseSchedule(p);
  else p.expectKw("on");
  parseEventClauses(p, false);
  if (p.atKw("do")) parseEventBody(p);
  else p.expectKw("do");
}

/**
 * `ALTER [DEFINER = account] EVENT name [ON SCHEDULE …] [ON COMPLETION [NOT] PRESERVE]
 * [RENAME TO name] [ENABLE | DISABLE [ON REPLICA]] [COMMENT '…'] [DO body]` (at least one clause).
 */
function parseAlterEvent(p: Parser): void {
  p.start(SyntaxKind.AlterEventStmt);
  p.bump();
  parseAlterModifiers(p);
  p.bump();
  parseQualifiedName(p, "event name");
  const progress = p.position;
  if (p.atKw("on") && p.nthKw(1, "schedule")) parseSchedule(p);
  parseEventClauses(p, true);
  if (p.atKw("do")) parseEventBody(p);
  if (p.position === progress) p.expected("ON SCHEDULE, ON COMPLETION, RENAME TO, ENABLE, DISABLE, COMMENT or DO");
  p.finish();
}

/** `ON SCHEDULE {AT timestamp | EVERY n unit [STARTS timestamp] [ENDS timestamp]}` */
function parseSchedule(p: Parser): void {
  p.start(SyntaxKind.EventSchedule);
  p.bump();
  p.bump();
  if (p.eatKw("at")) parseExpr(p);
  else if (p.eatKw("every")) {
    parseExpr(p);
    if (p.at(SyntaxKind.Word) && INTERVAL_UNITS.has(p.word!)) p.bump();
    else p.expected("interval unit (DAY, HOUR, …)");
    if (p.eatKw("starts")) parseExpr(p);
    if (p.eatKw("ends")) parseExpr(p);
  } else p.expected("AT or EVERY");
  p.finish();
}

/** The clauses between the schedule and DO, in MySQL's order, each an Option. */
function parseEventClauses(p: Parser, alter: boolean): void {
  if (p.atKw("on") && p.nthKw(1, "completion")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.bump();
    p.eatKw("not");
    p.expectKw("preserve");
    p.finish();
  }
  if (alter && p.atKw("rename")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.expectKw("to");
    parseQualifiedName(p, "new event name");
    p.finish();
  }
  if (p.atKw("enable") || p.atKw("disable")) {
    p.start(SyntaxKind.Option);
    const disable = p.atKw("disable");
    p.bump();
    if (disable && p.eatKw("on")) {
      if (!p.eatKw("replica")) p.expectKw("slave");
    }
    p.finish();
  }
  if (p.atKw("comment")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.expect(SyntaxKind.String, "comment (a string literal)");
    p.finish();
  }
}

/** `DO body`: one stored-program statement (often BEGIN … END). */
function parseEventBody(p: Parser): void {
  p.bump();
  p.start(SyntaxKind.RoutineBody);
  if (p.atStatementEnd) p.expected("statement");
  else parseMysqlProgramBody(p);
  p.finish();
}

/**
 * CREATE [UNDO] TABLESPACE after the TABLESPACE keyword: `name [ADD DATAFILE 'file'] [USE
 * LOGFILE GROUP g] [WAIT] [option [=] value …]` (AUTOEXTEND_SIZE, FILE_BLOCK_SIZE,
 * ENCRYPTION, EXTENT_SIZE, INITIAL_SIZE, MAX_SIZE, NODEGROUP, COMMENT, ENGINE, ENGINE_ATTRIBUTE).
 */
export function parseCreateTablespaceRest(p: Parser): void {
  expectIdent(p, "tablespace name");
  while (p.at(SyntaxKind.Word)) {
    const progress = p.position;
    p.start(SyntaxKind.Option);
    if (p.eatKw("add")) {
      p.expectKw("datafile");
      p.expect(SyntaxKind.String, "file name (a string literal)");
    } else if (p.eatKw("use")) {
      p.expectKw("logfile");
      p.expectKw("group");
      expectIdent(p, "logfile group");
    } else if (p.eatKw("wait")) {
      /* NDB: wait for the operation */
    } else if (p.at(SyntaxKind.Word) && TABLESPACE_OPTIONS.has(p.word!)) {
      p.bump();
      p.eatOp("=");
      if (p.at(SyntaxKind.String)) p.bump();
      else if (p.at(SyntaxKind.Number)) {
        p.bump();
        // A size with a unit suffix (16M, 1G), which lexes as a number and a word.
        if (p.atKw("k") || p.atKw("m") || p.atKw("g") || p.atKw("t")) p.bump();
      } else expectLabel(p, "option value");
    } else p.expected("tablespace option");
    p.finish();
    if (p.position === progress) break;
  }
}

const TABLESPACE_OPTIONS = new Set([
  "autoextend_size", "file_block_size", "encryption", "extent_size", "initial_size", "max_size", "nodegroup", "comment",
  "engine", "engine_attribute",
]);
