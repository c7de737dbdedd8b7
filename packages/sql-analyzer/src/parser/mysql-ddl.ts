import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseAccountName } from "./ddl-create.js";
import { parseIfExists, parseIfNotExists } from "./ddl-table.js";
import { parseExpr } from "./expressions.js";
import { parseAlterUser } from "./mysql-accounts.js";
import { parseAlterInstance } from "./mysql-admin.js";
import { atResourceGroup, parseAlterResourceGroup, parseCreateResourceGroupRest, parseDropResourceGroup } from "./mysql-resource-groups.js";
import { parseMysqlProgramBody } from "./mysql-routines.js";
import { atIdent, expectIdent, expectLabel, parseParenNameList, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";
import { atSelectStart, parseSelectStmt } from "./select.js";

/**
 * MySQL's own object DDL: events (CREATE / ALTER EVENT), ALTER VIEW, ALTER DATABASE,
 * tablespaces (CREATE / ALTER / DROP [UNDO] TABLESPACE), servers of the FEDERATED engine
 * (CREATE / ALTER / DROP SERVER) and spatial reference systems, with the `ALGORITHM = …`,
 * `DEFINER = …`, `SQL SECURITY …` clauses that may come between ALTER and the object kind.
 */

/**
 * MySQL's ALTER of a view, event, database / schema, user, instance, server, tablespace or
 * resource group (the caller is at ALTER); returns false, consuming nothing, for the other
 * kinds (tables and the rest stay with the shared ALTER grammar).
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
  switch (object) {
    case "database":
    case "schema":
      parseAlterDatabase(p);
      return true;
    case "user":
      parseAlterUser(p);
      return true;
    case "instance":
      parseAlterInstance(p);
      return true;
    case "server":
      parseAlterServer(p);
      return true;
    case "tablespace":
      parseAlterTablespace(p, false);
      return true;
    case "undo":
      if (!p.nthKw(2, "tablespace")) return false;
      parseAlterTablespace(p, true);
      return true;
    case "resource":
      if (!atResourceGroup(p, 1)) return false;
      parseAlterResourceGroup(p);
      return true;
    default:
      return false;
  }
}

/**
 * MySQL's DROP of a server, [undo] tablespace, resource group or spatial reference system
 * (the caller is at DROP); returns false, consuming nothing, for the other kinds.
 */
export function parseMysqlDrop(p: Parser): boolean {
  switch (p.nth(1) === SyntaxKind.Word ? p.wordAt(1) : undefined) {
    case "server":
      // DROP SERVER [IF EXISTS] name
      p.start(SyntaxKind.DropStmt);
      p.bump();
      p.leaf(SyntaxKind.ObjectKind, SyntaxKind.Keyword);
      if (p.atKw("if")) parseIfExists(p);
      parseServerName(p);
      p.finish();
      return true;
    case "tablespace":
    case "undo": {
      // DROP [UNDO] TABLESPACE name [[STORAGE] ENGINE [=] engine] (and NDB's WAIT)
      const undo = p.nthKw(1, "undo");
      if (undo && !p.nthKw(2, "tablespace")) return false;
      p.start(SyntaxKind.DropStmt);
      p.bump();
      parseTablespaceKind(p, undo);
      expectIdent(p, "tablespace name");
      parseTablespaceOptions(p, undo ? DROP_UNDO_TABLESPACE_OPTIONS : DROP_TABLESPACE_OPTIONS);
      p.finish();
      return true;
    }
    case "resource":
      if (!atResourceGroup(p, 1)) return false;
      parseDropResourceGroup(p);
      return true;
    case "spatial":
      // DROP SPATIAL REFERENCE SYSTEM [IF EXISTS] srid
      if (!atSpatialReferenceSystem(p, 1)) return false;
      p.start(SyntaxKind.DropStmt);
      p.bump();
      parseSpatialReferenceSystemKind(p);
      if (p.atKw("if")) parseIfExists(p);
      p.expect(SyntaxKind.Number, "spatial reference system id (a number)");
      p.finish();
      return true;
    default:
      return false;
  }
}

/**
 * MySQL's CREATE of a server, resource group or spatial reference system, whose object kind
 * starts at the n-th token (past the modifiers); returns false, consuming nothing, when the
 * words there are none of these or the modifiers do not fit (only a spatial reference system
 * takes one: OR REPLACE).
 */
export function parseMysqlCreateObject(p: Parser, n: number): boolean {
  if (p.nthKw(n, "server") && n === 1) {
    p.start(SyntaxKind.CreateObjectStmt);
    p.bump();
    p.leaf(SyntaxKind.ObjectKind, SyntaxKind.Keyword);
    parseCreateServerRest(p);
    p.finish();
    return true;
  }
  if (atResourceGroup(p, n) && n === 1) {
    p.start(SyntaxKind.CreateObjectStmt);
    p.bump();
    parseCreateResourceGroupRest(p);
    p.finish();
    return true;
  }
  // CREATE [OR REPLACE] SPATIAL REFERENCE SYSTEM: the modifier scan took SPATIAL (as of SPATIAL INDEX).
  const orReplace = n === 4 && p.nthKw(1, "or") && p.nthKw(2, "replace");
  if (p.nthKw(n - 1, "spatial") && atSpatialReferenceSystem(p, n - 1) && (n === 2 || orReplace)) {
    p.start(SyntaxKind.CreateObjectStmt);
    p.bump();
    if (orReplace) {
      p.bump();
      p.bump();
    }
    parseSpatialReferenceSystemKind(p);
    if (p.atKw("if")) {
      if (orReplace) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "OR REPLACE and IF NOT EXISTS cannot be combined", start, end);
      }
      parseIfNotExists(p);
    }
    parseSpatialReferenceSystemAttributes(p);
    p.finish();
    return true;
  }
  return false;
}

/** A server name: an identifier or a string. */
function parseServerName(p: Parser): void {
  if (p.at(SyntaxKind.String)) p.bump();
  else expectIdent(p, "server name");
}

/**
 * CREATE SERVER after the SERVER keyword: `name FOREIGN DATA WRAPPER wrapper OPTIONS
 * (option, …)` (the wrapper name may be a string, like the server's).
 */
function parseCreateServerRest(p: Parser): void {
  parseServerName(p);
  if (p.expectKw("foreign") && p.expectKw("data") && p.expectKw("wrapper")) parseServerName(p);
  parseServerOptions(p);
}

/** `ALTER SERVER name OPTIONS (option, …)` (the caller is at ALTER); the options are an AlterAction. */
function parseAlterServer(p: Parser): void {
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  p.leaf(SyntaxKind.ObjectKind, SyntaxKind.Keyword);
  parseServerName(p);
  p.start(SyntaxKind.AlterAction);
  parseServerOptions(p);
  p.finish();
  p.finish();
}

/** The options of a server, each with whether its value is a string (PORT's is a number). */
const SERVER_OPTIONS = new Map([
  ["host", true], ["database", true], ["user", true], ["password", true], ["socket", true], ["owner", true], ["port", false],
]);

/** `OPTIONS (option value, …)` of CREATE / ALTER SERVER as an OptionList, each option an Option. */
function parseServerOptions(p: Parser): void {
  if (!p.atKw("options")) {
    p.expected("OPTIONS");
    return;
  }
  p.start(SyntaxKind.OptionList);
  p.bump();
  if (p.expect(SyntaxKind.LParen, "'('")) {
    do {
      const isString = p.at(SyntaxKind.Word) ? SERVER_OPTIONS.get(p.word!) : undefined;
      if (isString === undefined) {
        p.expected("HOST, DATABASE, USER, PASSWORD, SOCKET, OWNER or PORT");
        break;
      }
      p.start(SyntaxKind.Option);
      p.bump();
      if (isString) p.expect(SyntaxKind.String, "string literal");
      else p.expect(SyntaxKind.Number, "port (a number)");
      p.finish();
    } while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

/** `[UNDO] TABLESPACE` as an ObjectKind. */
function parseTablespaceKind(p: Parser, undo: boolean): void {
  p.start(SyntaxKind.ObjectKind);
  if (undo) p.bump();
  p.bump();
  p.finish();
}

/**
 * `ALTER TABLESPACE name action` (the caller is at ALTER), the action an AlterAction: `RENAME
 * TO name`, `{ADD | DROP} DATAFILE 'file' [option …]` or `option …` (AUTOEXTEND_SIZE,
 * ENCRYPTION, ENGINE, ENGINE_ATTRIBUTE, INITIAL_SIZE, MAX_SIZE, WAIT); `ALTER UNDO TABLESPACE
 * name SET {ACTIVE | INACTIVE} [ENGINE [=] engine]`.
 */
function parseAlterTablespace(p: Parser, undo: boolean): void {
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  parseTablespaceKind(p, undo);
  expectIdent(p, "tablespace name");
  p.start(SyntaxKind.AlterAction);
  if (undo) {
    if (p.expectKw("set")) {
      if (p.atKw("active") || p.atKw("inactive")) p.bump();
      else p.expected("ACTIVE or INACTIVE");
    } else p.recoverUntil(() => false); // the rest, reported once, is no statement of its own
    p.finish();
    parseTablespaceOptions(p, DROP_UNDO_TABLESPACE_OPTIONS);
  } else if (p.eatKw("rename")) {
    p.expectKw("to");
    expectIdent(p, "new tablespace name");
    p.finish();
  } else if (p.atKw("add") || p.atKw("drop")) {
    p.bump();
    p.expectKw("datafile");
    p.expect(SyntaxKind.String, "file name (a string literal)");
    p.finish();
    parseTablespaceOptions(p, ALTER_TABLESPACE_OPTIONS);
  } else {
    p.finish();
    if (!atTablespaceOption(p, ALTER_TABLESPACE_OPTIONS)) {
      p.expected("RENAME TO, ADD DATAFILE, DROP DATAFILE or a tablespace option");
      p.recoverUntil(() => false);
    }
    parseTablespaceOptions(p, ALTER_TABLESPACE_OPTIONS);
  }
  p.finish();
}

/** What ALTER TABLESPACE may set (an action of its own, or after ADD / DROP DATAFILE). */
const ALTER_TABLESPACE_OPTIONS = new Set([
  "autoextend_size", "encryption", "engine", "engine_attribute", "initial_size", "max_size", "wait", "no_wait", "storage",
]);
/** What DROP TABLESPACE takes after the name. */
const DROP_TABLESPACE_OPTIONS = new Set(["engine", "wait", "no_wait", "storage"]);
/** What DROP and ALTER … SET of an undo tablespace take after the name. */
const DROP_UNDO_TABLESPACE_OPTIONS = new Set(["engine", "storage"]);

/** Whether a tablespace option of `allowed` starts here (`STORAGE` only before ENGINE). */
function atTablespaceOption(p: Parser, allowed: ReadonlySet<string>): boolean {
  if (!p.at(SyntaxKind.Word) || !allowed.has(p.word!)) return false;
  return !p.atKw("storage") || p.nthKw(1, "engine");
}

/** Tablespace options of `allowed`, each an Option, the commas between them optional. */
function parseTablespaceOptions(p: Parser, allowed: ReadonlySet<string>): void {
  while (atTablespaceOption(p, allowed)) {
    p.start(SyntaxKind.Option);
    p.eatKw("storage");
    if (p.atKw("wait") || p.atKw("no_wait")) p.bump();
    else parseTablespaceOption(p);
    p.finish();
    if (p.at(SyntaxKind.Comma) && p.nth(1) === SyntaxKind.Word && allowed.has(p.wordAt(1)!)) p.bump();
  }
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

/** The values of a view's `ALGORITHM =` (CREATE and ALTER). */
export const MYSQL_VIEW_ALGORITHMS: readonly string[] = ["undefined", "merge", "temptable"];
/** The values of a view's or a routine's `SQL SECURITY`. */
export const MYSQL_SQL_SECURITY: readonly string[] = ["definer", "invoker"];

/** `ALGORITHM = {UNDEFINED | MERGE | TEMPTABLE}`, `DEFINER = account`, `SQL SECURITY {DEFINER | INVOKER}`, each an Option. */
function parseAlterModifiers(p: Parser): void {
  for (let guard = 0; guard < 3; guard++) {
    if (p.atKw("algorithm") && p.nthOp(1, "=")) {
      p.start(SyntaxKind.Option);
      p.bump();
      p.bump();
      if (p.at(SyntaxKind.Word) && MYSQL_VIEW_ALGORITHMS.includes(p.word!)) p.bump();
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
      if (p.at(SyntaxKind.Word) && MYSQL_SQL_SECURITY.includes(p.word!)) p.bump();
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
  parseMysqlDatabaseOptions(p);
  p.finish();
}

/**
 * CREATE and ALTER DATABASE's options, each `[DEFAULT] CHARACTER SET [=] cs`, `[DEFAULT] COLLATE
 * [=] c`, `[DEFAULT] ENCRYPTION [=] 'Y' | 'N'` or `READ ONLY [=] DEFAULT | 0 | 1`; a character set
 * or collation is a name that is no reserved word, DEFAULT or BINARY.
 */
export function parseMysqlDatabaseOptions(p: Parser): void {
  while (atDatabaseOption(p, 0)) {
    p.start(SyntaxKind.TableOption);
    p.eatKw("default");
    const w = p.word;
    p.bump();
    if (w === "character") p.expectKw("set");
    else if (w === "read") p.expectKw("only");
    p.eatOp("=");
    if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || p.at(SyntaxKind.QuotedIdent) || p.atKw("default") || p.atKw("binary")) p.bump();
    else if (atIdent(p)) p.bumpIdent();
    else p.expected("option value");
    p.finish();
  }
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
    } else if (p.at(SyntaxKind.Word) && TABLESPACE_OPTIONS.has(p.word!)) parseTablespaceOption(p);
    else p.expected("tablespace option");
    p.finish();
    if (p.position === progress) break;
  }
}

const TABLESPACE_OPTIONS = new Set([
  "autoextend_size", "file_block_size", "encryption", "extent_size", "initial_size", "max_size", "nodegroup", "comment",
  "engine", "engine_attribute",
]);

/**
 * A tablespace option at its name: `name [=] value`, the value a string, a size (a number,
 * perhaps with a unit: 16M) or a name (an engine).
 */
function parseTablespaceOption(p: Parser): void {
  p.bump();
  p.eatOp("=");
  if (p.at(SyntaxKind.String)) p.bump();
  else if (p.at(SyntaxKind.Number)) {
    p.bump();
    // A size with a unit suffix (16M, 1G), which lexes as a number and a word.
    if (p.atKw("k") || p.atKw("m") || p.atKw("g") || p.atKw("t")) p.bump();
  } else expectLabel(p, "option value");
}

/** Whether the tokens from the n-th on are `SPATIAL REFERENCE SYSTEM`. */
function atSpatialReferenceSystem(p: Parser, n: number): boolean {
  return p.nthKw(n, "spatial") && p.nthKw(n + 1, "reference") && p.nthKw(n + 2, "system");
}

/** `SPATIAL REFERENCE SYSTEM` as an ObjectKind. */
function parseSpatialReferenceSystemKind(p: Parser): void {
  p.start(SyntaxKind.ObjectKind);
  p.bump();
  p.bump();
  p.bump();
  p.finish();
}

/** The attributes of a spatial reference system, each with its bit in the set of those seen. */
const SRS_ATTRIBUTES = new Map([["name", 1], ["definition", 2], ["organization", 4], ["description", 8]]);

/**
 * `srid attribute …` of CREATE SPATIAL REFERENCE SYSTEM: `NAME 'n'`, `DEFINITION 'wkt'`,
 * `ORGANIZATION 'org' IDENTIFIED BY id`, `DESCRIPTION 'd'`, in any order, each at most once;
 * NAME and DEFINITION are required.
 */
function parseSpatialReferenceSystemAttributes(p: Parser): void {
  if (!p.expect(SyntaxKind.Number, "spatial reference system id (a number)")) return;
  let seen = 0;
  for (;;) {
    const attribute = p.at(SyntaxKind.Word) ? p.word! : "";
    const bit = SRS_ATTRIBUTES.get(attribute);
    if (bit === undefined) break;
    const [start, end] = p.currentRange();
    if ((seen & bit) !== 0) p.report(SyntaxCode.UnexpectedToken, `${attribute.toUpperCase()} is given twice`, start, end);
    seen |= bit;
    p.start(SyntaxKind.Option);
    p.bump();
    p.expect(SyntaxKind.String, "string literal");
    if (attribute === "organization" && p.expectKw("identified") && p.expectKw("by")) p.expect(SyntaxKind.Number, "organization's id (a number)");
    p.finish();
  }
  if ((seen & 1) === 0) p.expected("NAME");
  else if ((seen & 2) === 0) p.expected("DEFINITION");
}
