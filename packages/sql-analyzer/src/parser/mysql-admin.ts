import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseAccountName } from "./ddl-create.js";
import { parseChannelClause } from "./mysql-replication.js";
import { parseExpr, parseExprListItems } from "./expressions.js";
import { atIdent, expectIdent, expectLabel, parseParenNameList, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";
import { parseKeywordAndString } from "./utility-admin.js";
import { parseLimitClause, parseWhereClause } from "./select.js";

/**
 * MySQL server administration statements without a PostgreSQL counterpart: HANDLER,
 * XA, INSTALL / UNINSTALL, CACHE INDEX and LOAD INDEX INTO CACHE, PURGE BINARY LOGS,
 * SHUTDOWN, RESTART, HELP, BINLOG, CHANGE REPLICATION SOURCE / FILTER (CHANGE MASTER),
 * ALTER INSTANCE, CLONE and IMPORT TABLE.
 */

/** The directions of `HANDLER h READ [index] direction`. */
const HANDLER_DIRECTIONS = new Set(["first", "next", "prev", "last"]);
/** The comparisons of `HANDLER h READ index op (values)`. */
const HANDLER_COMPARISONS = new Set(["=", "<=", ">=", "<", ">"]);

/**
 * `HANDLER t OPEN [[AS] alias]`, `HANDLER h READ {FIRST | NEXT}`, `HANDLER h READ index
 * {FIRST | NEXT | PREV | LAST}`, `HANDLER h READ index {= | <= | >= | < | >} (values)`
 * (the READ forms with `[WHERE …] [LIMIT …]`), `HANDLER h CLOSE`.
 */
export function parseHandler(p: Parser): void {
  p.start(SyntaxKind.HandlerStmt);
  p.bump();
  parseQualifiedName(p, "table name");
  if (p.eatKw("open")) {
    if (p.eatKw("as")) expectIdent(p, "alias");
    else if (atIdent(p)) p.bumpIdent();
  } else if (p.eatKw("read")) {
    if ((p.atKw("first") || p.atKw("next")) && !atHandlerIndexRead(p, 1)) p.bump();
    else {
      expectIdent(p, "index name");
      if (p.at(SyntaxKind.Operator) && HANDLER_COMPARISONS.has(p.word!)) {
        p.bump();
        p.start(SyntaxKind.ExprList);
        if (p.expect(SyntaxKind.LParen, "'('")) {
          parseExprListItems(p);
          p.expect(SyntaxKind.RParen, "')'");
        }
        p.finish();
      } else if (p.at(SyntaxKind.Word) && HANDLER_DIRECTIONS.has(p.word!)) p.bump();
      else p.expected("FIRST, NEXT, PREV, LAST or a comparison");
    }
    if (p.atKw("where")) parseWhereClause(p);
    if (p.atKw("limit")) parseLimitClause(p);
  } else if (!p.eatKw("close")) p.expected("OPEN, READ or CLOSE");
  p.finish();
}

/** Whether the n-th token continues `READ index …` (a direction or a comparison follows it). */
function atHandlerIndexRead(p: Parser, n: number): boolean {
  if (p.nth(n) === SyntaxKind.Word) return HANDLER_DIRECTIONS.has(p.wordAt(n)!);
  return p.nth(n) === SyntaxKind.Operator && HANDLER_COMPARISONS.has(p.wordAt(n)!);
}

/**
 * `XA {START | BEGIN} xid [JOIN | RESUME]`, `XA END xid [SUSPEND [FOR MIGRATE]]`,
 * `XA PREPARE xid`, `XA COMMIT xid [ONE PHASE]`, `XA ROLLBACK xid`, `XA RECOVER [CONVERT XID]`.
 */
export function parseXa(p: Parser): void {
  p.start(SyntaxKind.XaStmt);
  p.bump();
  const w = p.at(SyntaxKind.Word) ? p.word : undefined;
  switch (w) {
    case "start":
    case "begin":
      p.bump();
      parseXid(p);
      if (p.atKw("join") || p.atKw("resume")) p.bump();
      break;
    case "end":
      p.bump();
      parseXid(p);
      if (p.eatKw("suspend") && p.eatKw("for")) p.expectKw("migrate");
      break;
    case "prepare":
    case "rollback":
      p.bump();
      parseXid(p);
      break;
    case "commit":
      p.bump();
      parseXid(p);
      if (p.eatKw("one")) p.expectKw("phase");
      break;
    case "recover":
      p.bump();
      if (p.eatKw("convert")) p.expectKw("xid");
      break;
    default:
      p.expected("START, END, PREPARE, COMMIT, ROLLBACK or RECOVER");
  }
  p.finish();
}

/** An XA transaction id: `gtrid [, bqual [, formatID]]` (strings, then a number). */
function parseXid(p: Parser): void {
  p.start(SyntaxKind.Xid);
  p.expect(SyntaxKind.String, "transaction id (a string literal)");
  if (p.eat(SyntaxKind.Comma)) {
    p.expect(SyntaxKind.String, "branch qualifier (a string literal)");
    if (p.eat(SyntaxKind.Comma)) p.expect(SyntaxKind.Number, "format id (a number)");
  }
  p.finish();
}

/**
 * `INSTALL PLUGIN name SONAME 'library'`, `UNINSTALL PLUGIN name`, `INSTALL COMPONENT
 * 'urn', … [SET [GLOBAL | PERSIST] variable = expr, …]`, `UNINSTALL COMPONENT 'urn', …`.
 */
export function parsePlugin(p: Parser): void {
  p.start(SyntaxKind.PluginStmt);
  const install = p.atKw("install");
  p.bump();
  if (p.eatKw("plugin")) {
    expectIdent(p, "plugin name");
    if (install) {
      p.expectKw("soname");
      p.expect(SyntaxKind.String, "library file name (a string literal)");
    }
  } else if (p.eatKw("component")) {
    do p.expect(SyntaxKind.String, "component name (a string literal)");
    while (p.eat(SyntaxKind.Comma));
    if (install && p.eatKw("set")) {
      do {
        p.start(SyntaxKind.Assignment);
        if (p.atKw("global") || p.atKw("persist")) p.bump();
        parseQualifiedName(p, "variable name");
        p.expectOp("=");
        parseExpr(p);
        p.finish();
      } while (p.eat(SyntaxKind.Comma));
    }
  } else p.expected("PLUGIN or COMPONENT");
  p.finish();
}

/**
 * `CACHE INDEX t [PARTITION (p, … | ALL)] [{INDEX | KEY} (i, …)], … IN cache` and
 * `LOAD INDEX INTO CACHE t [PARTITION (…)] [{INDEX | KEY} (i, …)] [IGNORE LEAVES], …`.
 */
export function parseCacheIndex(p: Parser): void {
  p.start(SyntaxKind.CacheIndexStmt);
  const load = p.atKw("load");
  p.bump();
  if (load) {
    p.expectKw("index");
    p.expectKw("into");
    p.expectKw("cache");
  } else p.expectKw("index");
  do {
    p.start(SyntaxKind.TableRef);
    parseQualifiedName(p, "table name");
    if (p.atKw("partition")) {
      p.bump();
      parsePartitionNames(p);
    }
    if (p.atKw("index") || p.atKw("key")) {
      p.bump();
      parseParenNameList(p);
    }
    if (load && p.eatKw("ignore")) p.expectKw("leaves");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  if (!load) {
    p.expectKw("in");
    if (!p.eatKw("default")) expectIdent(p, "key cache name");
  }
  p.finish();
}

/** `(p, …)` or `(ALL)`: the partitions a statement acts on. */
function parsePartitionNames(p: Parser): void {
  if (p.at(SyntaxKind.LParen) && p.nthKw(1, "all") && p.nth(2) === SyntaxKind.RParen) {
    p.start(SyntaxKind.NameList);
    p.bump();
    p.bump();
    p.bump();
    p.finish();
  } else parseParenNameList(p);
}

/** `PURGE {BINARY | MASTER} LOGS {TO 'log' | BEFORE datetime}` */
export function parsePurgeLogs(p: Parser): void {
  p.start(SyntaxKind.PurgeLogsStmt);
  p.bump();
  if (!p.eatKw("binary")) p.expectKw("master");
  p.expectKw("logs");
  if (p.eatKw("to")) p.expect(SyntaxKind.String, "log file name (a string literal)");
  else if (p.eatKw("before")) parseExpr(p);
  else p.expected("TO or BEFORE");
  p.finish();
}

/** `SHUTDOWN` */
export function parseShutdown(p: Parser): void {
  p.start(SyntaxKind.ShutdownStmt);
  p.bump();
  p.finish();
}

/** `RESTART` */
export function parseRestart(p: Parser): void {
  p.start(SyntaxKind.RestartStmt);
  p.bump();
  p.finish();
}

/** `IMPORT TABLE FROM 'file.sdi', …` (the caller checked TABLE). */
export function parseImportTable(p: Parser): void {
  p.start(SyntaxKind.ImportTableStmt);
  p.bump();
  p.bump();
  p.expectKw("from");
  do p.expect(SyntaxKind.String, "SDI file name (a string literal)");
  while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/**
 * `ALTER INSTANCE action` (the caller checked INSTANCE), the action an AlterAction: `ROTATE
 * {INNODB | BINLOG} MASTER KEY`, `RELOAD TLS [FOR CHANNEL ch] [NO ROLLBACK ON ERROR]`,
 * `RELOAD KEYRING`, `{ENABLE | DISABLE} INNODB REDO_LOG`.
 */
export function parseAlterInstance(p: Parser): void {
  p.start(SyntaxKind.AlterInstanceStmt);
  p.bump();
  p.bump();
  p.start(SyntaxKind.AlterAction);
  if (p.eatKw("rotate")) {
    if (p.atKw("innodb") || p.atKw("binlog")) p.bump();
    else p.expected("INNODB or BINLOG");
    p.expectKw("master");
    p.expectKw("key");
  } else if (p.eatKw("reload")) {
    if (p.eatKw("tls")) {
      if (p.atKw("for")) parseChannelClause(p);
      if (p.eatKw("no")) {
        p.expectKw("rollback");
        p.expectKw("on");
        p.expectKw("error");
      }
    } else if (!p.eatKw("keyring")) p.expected("TLS or KEYRING");
  } else if (p.eatKw("enable") || p.eatKw("disable")) {
    p.expectKw("innodb");
    p.expectKw("redo_log");
  } else p.expected("ROTATE, RELOAD, ENABLE or DISABLE");
  p.finish();
  p.finish();
}

/**
 * `CLONE LOCAL DATA DIRECTORY [=] 'dir'` and `CLONE INSTANCE FROM 'user'@'host':port
 * IDENTIFIED BY 'password' [DATA DIRECTORY [=] 'dir'] [REQUIRE [NO] SSL]` (the donor, its
 * port and password an AccountSpec; the other clauses Options).
 */
export function parseClone(p: Parser): void {
  p.start(SyntaxKind.CloneStmt);
  p.bump();
  if (p.eatKw("local")) parseCloneDirectory(p, true);
  else if (p.eatKw("instance")) {
    p.expectKw("from");
    p.start(SyntaxKind.AccountSpec);
    parseAccountName(p);
    if (p.expect(SyntaxKind.Colon, "':' and the donor's port")) p.expect(SyntaxKind.Number, "port (a number)");
    if (p.expectKw("identified") && p.expectKw("by")) p.expect(SyntaxKind.String, "password (a string literal)");
    p.finish();
    if (p.atKw("data")) parseCloneDirectory(p, false);
    if (p.atKw("require")) {
      p.start(SyntaxKind.Option);
      p.bump();
      p.eatKw("no");
      p.expectKw("ssl");
      p.finish();
    }
  } else p.expected("LOCAL or INSTANCE");
  p.finish();
}

/** `DATA DIRECTORY [=] 'dir'` as an Option (`required`: CLONE LOCAL has nothing else). */
function parseCloneDirectory(p: Parser, required: boolean): void {
  p.start(SyntaxKind.Option);
  if (required) p.expectKw("data");
  else p.bump();
  p.expectKw("directory");
  p.eatOp("=");
  p.expect(SyntaxKind.String, "directory (a string literal)");
  p.finish();
}

/** `HELP 'topic'` */
export function parseHelp(p: Parser): void {
  parseKeywordAndString(p, SyntaxKind.HelpStmt, "help topic (a string literal)");
}

/** `BINLOG 'base64 event'` */
export function parseBinlog(p: Parser): void {
  parseKeywordAndString(p, SyntaxKind.BinlogStmt, "binary log event (a string literal)");
}

/**
 * `CHANGE REPLICATION SOURCE TO option = value, … [FOR CHANNEL ch]` (and its older spelling
 * `CHANGE MASTER TO`), `CHANGE REPLICATION FILTER filter = (…), … [FOR CHANNEL ch]`.
 */
export function parseChangeReplication(p: Parser): void {
  p.start(SyntaxKind.ChangeReplicationStmt);
  p.bump();
  let filter = false;
  if (p.eatKw("master")) p.expectKw("to");
  else {
    p.expectKw("replication");
    filter = p.eatKw("filter");
    if (!filter) {
      p.expectKw("source");
      p.expectKw("to");
    }
  }
  do {
    p.start(SyntaxKind.Option);
    expectLabel(p, filter ? "replication filter" : "replication option");
    p.expectOp("=");
    if (p.at(SyntaxKind.LParen)) {
      // A list: IGNORE_SERVER_IDS = (1, 2), REPLICATE_DO_DB = (d1, d2), REPLICATE_REWRITE_DB = ((a, b)), …
      p.start(SyntaxKind.ExprList);
      p.bump();
      parseExprListItems(p);
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
    } else if (p.at(SyntaxKind.String)) parseAccountName(p); // a string, or an account ('u'@'h') for PRIVILEGE_CHECKS_USER
    else if (p.at(SyntaxKind.Number) || p.atKw("null")) p.bump();
    else if (p.atOp("-") && p.nth(1) === SyntaxKind.Number) {
      p.bump();
      p.bump();
    } else expectLabel(p, "option value");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  if (p.atKw("for")) parseChannelClause(p);
  p.finish();
}
