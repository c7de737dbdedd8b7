import { checkClientToken } from "./client-commands.js";
import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseAlter, parseDrop, parseRename, parseTruncate } from "./ddl-alter.js";
import { parseComment, parseCreate, parseGrantOrRevoke, parseSecurityLabel } from "./ddl-create.js";
import { describeToken, type Checkpoint, type Parser } from "./parser.js";
import { atSelectStart, dmlKindAfterWith, parseDmlBody, parseQueryBody, parseWithClause } from "./select.js";
import {
  parseAnalyze,
  parseAttach,
  parseCall,
  parseCopy,
  parseDetach,
  parseDo,
  parseExplain,
  parsePragma,
  parseRefresh,
  parseReset,
  parseSet,
  parseShow,
  parseTransaction,
  parseUse,
  parseVacuum,
} from "./utility.js";
import { parseFlush, parseImportForeignSchema, parseKill, parseLoad, parseMysqlDo, parseReassignOwned } from "./utility-admin.js";
import {
  parseBinlog,
  parseCacheIndex,
  parseChangeReplication,
  parseClone,
  parseHandler,
  parseHelp,
  parseImportTable,
  parsePlugin,
  parsePurgeLogs,
  parseRestart,
  parseShutdown,
  parseXa,
} from "./mysql-admin.js";
import { atReplicaControl, parseMysqlReset, parseReplicaControl } from "./mysql-replication.js";
import { atResourceGroup, parseSetResourceGroup } from "./mysql-resource-groups.js";
import { parseLoadData } from "./mysql-load.js";
import { parseGetDiagnostics, parseMariadbAnonymousBlock } from "./mysql-routines.js";
import {
  parseMysqlTableCommand,
  parseCheckpoint,
  parseClose,
  parseCluster,
  parseDeallocate,
  parseDeclareCursor,
  parseDiscard,
  parseExecute,
  parseFetch,
  parseListenNotify,
  parseLock,
  parsePrepare,
  parseReindex,
} from "./utility-more.js";

const STATEMENT_KEYWORDS = new Set([
  "select", "with", "values", "insert", "update", "delete", "merge", "replace", "create", "alter", "drop", "truncate",
  "comment", "grant", "revoke", "rename", "begin", "start", "commit", "end", "rollback", "abort", "savepoint",
  "release", "set", "show", "reset", "explain", "analyze", "analyse", "vacuum", "copy", "pragma", "attach", "detach",
  "call", "do", "use", "refresh", "table", "lock", "declare", "fetch", "move", "close", "prepare", "execute", "deallocate",
  "listen", "notify", "unlisten", "discard", "checkpoint", "reindex", "cluster", "security", "import", "load",
  "describe", "desc", "handler", "reassign", "flush", "kill", "optimize", "repair", "check", "checksum", "install", "uninstall",
]);

/** Whether the current token starts a statement (used to detect a missing `;`). */
export function atStatementStart(p: Parser): boolean {
  return p.at(SyntaxKind.Word) && STATEMENT_KEYWORDS.has(p.word!) ? true : p.at(SyntaxKind.LParen) && atSelectStart(p);
}

/**
 * Parses every statement of the token range into the current node, with `;`
 * separators as siblings. A missing `;` between two statements is reported
 * and parsing continues with the next statement; junk is wrapped in `Error`.
 */
export function parseStatements(p: Parser): void {
  if (p.clientTokens) parseClientScript(p);
  else parseStatementRange(p);
  p.finishTrivia();
}

/**
 * A client script (psql, mysql, sqlite3): its commands, custom delimiters and COPY data
 * are top-level tokens; the statements between them are parsed as a range each.
 */
function parseClientScript(p: Parser): void {
  while (!p.atEnd) {
    if (p.atClientToken) {
      checkClientToken(p);
      p.bump();
      continue;
    }
    const end = p.limitToStatement();
    parseStatementRange(p);
    p.unlimit(end);
  }
}

/** The statements of the range (see `parseStatements`). */
function parseStatementRange(p: Parser): void {
  while (!p.atEnd) {
    const progress = p.position;
    if (p.eat(SyntaxKind.Semicolon)) continue;
    parseStatement(p);
    p.bailed = false;
    if (p.atEnd || p.at(SyntaxKind.Semicolon)) continue;
    if (atStatementStart(p)) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.MissingSemicolon, "expected ';' before the next statement", start, end);
    } else {
      p.recoverUntil(() => p.at(SyntaxKind.Semicolon));
    }
    if (p.position === progress) p.errorBump();
  }
}

/** Statements SQLite has; the others are `unsupported-statement` there. */
const SQLITE_STATEMENTS = new Set([
  "select", "with", "values", "insert", "replace", "update", "delete", "create", "alter", "drop", "begin", "commit",
  "end", "rollback", "savepoint", "release", "pragma", "attach", "detach", "vacuum", "analyze", "reindex", "explain",
]);

/**
 * Statements of the other dialects that the shared grammar reads but MySQL does not have, with
 * MySQL's own way: reported (`wrong-dialect`) at the first word, then parsed as written.
 */
const NOT_MYSQL_STATEMENTS = new Map([
  ["comment", "MySQL sets a comment with a COMMENT clause of CREATE or ALTER"],
  ["merge", "use INSERT … ON DUPLICATE KEY UPDATE"],
  ["vacuum", "use OPTIMIZE TABLE"],
  ["copy", "use LOAD DATA or SELECT … INTO OUTFILE"],
  ["refresh", "MySQL has no materialized views"],
]);

/** Parses one statement at the current token (nesting-guarded: EXPLAIN and trigger bodies nest statements). */
export function parseStatement(p: Parser): void {
  if (!p.enter()) return;
  if (p.sqlite && p.at(SyntaxKind.Word) && !SQLITE_STATEMENTS.has(p.word!)) {
    parseUnsupported(p, p.checkpoint());
    p.leave();
    return;
  }
  if (p.mysql && p.at(SyntaxKind.Word)) {
    const hint = NOT_MYSQL_STATEMENTS.get(p.word!);
    if (hint !== undefined) p.wrongDialect(p.word!.toUpperCase(), hint);
  }
  parseStatementInner(p);
  p.leave();
}

function parseStatementInner(p: Parser): void {
  const w = p.at(SyntaxKind.Word) ? p.word! : "";
  const cp = p.checkpoint();
  if (p.at(SyntaxKind.LParen) && atSelectStart(p)) {
    if (p.sqlite) p.wrongDialect("a statement in parentheses", "drop the parentheses");
    p.start(SyntaxKind.SelectStmt);
    parseQueryBody(p);
    p.finish();
    return;
  }
  switch (w) {
    case "with": {
      const withAt = p.position;
      parseWithClause(p);
      const kind = dmlKindAfterWith(p);
      // MySQL's WITH goes before SELECT, UPDATE and DELETE (INSERT … SELECT takes it before its SELECT).
      if (p.mysql && (kind === SyntaxKind.InsertStmt || kind === SyntaxKind.ReplaceStmt || kind === SyntaxKind.MergeStmt)) p.wrongDialect(`WITH before ${p.word!.toUpperCase()}`, "MySQL writes INSERT INTO t WITH … SELECT …");
      if (kind !== undefined) {
        if (p.sqliteTriggerBody) {
          // SQLite's trigger statements take a WITH clause before SELECT alone.
          const [start, end] = p.rangeAt(withAt);
          p.report(SyntaxCode.UnexpectedToken, `SQLite takes no WITH clause before ${p.word!.toUpperCase()} in a trigger's statements`, start, end);
        }
        p.startAt(cp, kind);
        parseDmlBody(p, kind);
      } else {
        p.startAt(cp, SyntaxKind.SelectStmt);
        if (atSelectStart(p)) parseQueryBody(p);
        else p.expected("SELECT, INSERT, UPDATE, DELETE or MERGE");
      }
      p.finish();
      return;
    }
    case "select":
    case "values":
      p.start(SyntaxKind.SelectStmt);
      parseQueryBody(p);
      p.finish();
      return;
    case "table":
      if (p.sqlite) break;
      p.start(SyntaxKind.SelectStmt);
      parseQueryBody(p);
      p.finish();
      return;
    case "insert":
      p.start(SyntaxKind.InsertStmt);
      parseDmlBody(p, SyntaxKind.InsertStmt);
      p.finish();
      return;
    case "replace":
      if (p.postgres) break;
      // SQLite's REPLACE is INSERT OR REPLACE, and needs its INTO (MySQL's may go without).
      if (p.sqlite && !p.nthKw(1, "into") && !p.atStatementEndAt(1)) {
        const [start, end] = p.rangeAt(p.position + 1);
        p.report(SyntaxCode.ExpectedToken, "expected INTO: SQLite writes REPLACE INTO table", start, end);
      }
      p.start(SyntaxKind.ReplaceStmt);
      parseDmlBody(p, SyntaxKind.InsertStmt);
      p.finish();
      return;
    case "update":
    case "delete":
    case "merge": {
      const kind = w === "update" ? SyntaxKind.UpdateStmt : w === "delete" ? SyntaxKind.DeleteStmt : SyntaxKind.MergeStmt;
      p.start(kind);
      parseDmlBody(p, kind);
      p.finish();
      return;
    }
    case "create":
      if (parseCreate(p, cp)) return;
      break;
    case "alter":
      if (parseAlter(p, cp)) return;
      break;
    case "drop":
      // MySQL's DROP PREPARE is DEALLOCATE PREPARE.
      if (p.mysql && p.nthKw(1, "prepare")) {
        parseDeallocate(p);
        return;
      }
      if (parseDrop(p, cp)) return;
      break;
    case "truncate":
      parseTruncate(p);
      return;
    case "rename":
      if (parseRename(p, cp)) return;
      break;
    case "comment":
      if (p.nthKw(1, "on")) {
        parseComment(p);
        return;
      }
      break;
    case "import":
      if (p.mysql && p.nthKw(1, "table")) {
        parseImportTable(p);
        return;
      }
      if (!p.postgres || !p.nthKw(1, "foreign")) break;
      parseImportForeignSchema(p);
      return;
    case "reassign":
      if (!p.postgres) break;
      parseReassignOwned(p);
      return;
    case "load":
      if (p.mysql) {
        if (p.nthKw(1, "data") || p.nthKw(1, "xml")) parseLoadData(p);
        else if (p.nthKw(1, "index")) parseCacheIndex(p);
        else break;
        return;
      }
      if (!p.postgres) break;
      parseLoad(p);
      return;
    case "handler":
      if (!p.mysql) break;
      parseHandler(p);
      return;
    case "xa":
      if (!p.mysql) break;
      parseXa(p);
      return;
    case "install":
    case "uninstall":
      if (!p.mysql) break;
      parsePlugin(p);
      return;
    case "cache":
      if (!p.mysql || !p.nthKw(1, "index")) break;
      parseCacheIndex(p);
      return;
    case "purge":
      if (!p.mysql) break;
      parsePurgeLogs(p);
      return;
    case "shutdown":
      if (!p.mysql) break;
      parseShutdown(p);
      return;
    case "restart":
      if (!p.mysql) break;
      parseRestart(p);
      return;
    case "clone":
      if (!p.mysql) break;
      parseClone(p);
      return;
    case "stop":
      if (!p.mysql || !atReplicaControl(p)) break;
      parseReplicaControl(p);
      return;
    case "help":
      if (!p.mysql) break;
      parseHelp(p);
      return;
    case "binlog":
      if (!p.mysql) break;
      parseBinlog(p);
      return;
    case "change":
      if (!p.mysql || !(p.nthKw(1, "replication") || p.nthKw(1, "master"))) break;
      parseChangeReplication(p);
      return;
    case "get":
      if (!p.mysql) break;
      parseGetDiagnostics(p);
      return;
    case "security":
      if (!p.postgres || !p.nthKw(1, "label")) break;
      parseSecurityLabel(p);
      return;
    case "grant":
    case "revoke":
      parseGrantOrRevoke(p);
      return;
    case "start":
      if (p.mysql && atReplicaControl(p)) parseReplicaControl(p);
      else if (!parseTransaction(p, cp)) break;
      return;
    case "begin":
      if (p.mysql && p.nthKw(1, "not") && p.nthKw(2, "atomic")) {
        parseMariadbAnonymousBlock(p);
        return;
      }
      if (parseTransaction(p, cp)) return;
      break;
    case "commit":
    case "end":
    case "rollback":
    case "abort":
    case "savepoint":
    case "release":
      if (parseTransaction(p, cp)) return;
      break;
    case "set":
      if (p.mysql && atResourceGroup(p, 1)) parseSetResourceGroup(p);
      else parseSet(p);
      return;
    case "show":
      parseShow(p);
      return;
    case "reset":
      if (p.mysql) parseMysqlReset(p);
      else parseReset(p);
      return;
    case "explain":
      parseExplain(p);
      return;
    case "analyze":
    case "analyse":
      parseAnalyze(p);
      return;
    case "vacuum":
      parseVacuum(p);
      return;
    case "copy":
      parseCopy(p);
      return;
    case "pragma":
      if (!p.sqlite) break;
      parsePragma(p);
      return;
    case "attach":
      if (!p.sqlite) break;
      parseAttach(p);
      return;
    case "detach":
      if (!p.sqlite) break;
      parseDetach(p);
      return;
    case "call":
      parseCall(p);
      return;
    case "do":
      if (p.mysql) {
        parseMysqlDo(p);
        return;
      }
      if (!p.postgres) break;
      parseDo(p);
      return;
    case "kill":
    case "flush":
      if (!p.mysql) break;
      if (w === "kill") parseKill(p);
      else parseFlush(p);
      return;
    case "use":
      if (!p.mysql) break;
      parseUse(p);
      return;
    case "refresh":
      if (parseRefresh(p, cp)) return;
      break;
    case "prepare":
      parsePrepare(p);
      return;
    case "execute":
      parseExecute(p);
      return;
    case "deallocate":
      parseDeallocate(p);
      return;
    case "declare":
      if (!p.postgres) break;
      parseDeclareCursor(p);
      return;
    case "fetch":
    case "move":
      if (!p.postgres) break;
      parseFetch(p);
      return;
    case "close":
      if (!p.postgres) break;
      parseClose(p);
      return;
    case "listen":
    case "notify":
    case "unlisten":
      if (!p.postgres) break;
      parseListenNotify(p);
      return;
    case "checkpoint":
      if (!p.postgres) break;
      parseCheckpoint(p);
      return;
    case "cluster":
      if (!p.postgres) break;
      parseCluster(p);
      return;
    case "reindex":
      if (p.mysql) break;
      parseReindex(p);
      return;
    case "discard":
      if (!p.postgres) break;
      parseDiscard(p);
      return;
    case "lock":
      if (p.sqlite) break;
      parseLock(p);
      return;
    case "unlock":
      if (!p.mysql) break;
      parseMysqlTableCommand(p);
      return;
    case "describe":
    case "desc":
    case "check":
    case "optimize":
    case "repair":
    case "checksum":
      if (!p.mysql) break;
      parseMysqlTableCommand(p);
      return;
  }
  if (!p.at(SyntaxKind.Word)) {
    // Not a statement at all (a stray `)`, a number, …): an error, not "unsupported".
    p.recoverUntil(() => false, `expected a statement, found ${describeToken(p.kind, p.tokenText())}`);
    return;
  }
  parseUnsupported(p, cp);
}

/**
 * Wraps the rest of the statement (up to `;`) in an `UnsupportedStmt` node with
 * an info diagnostic — the tree stays lossless and nothing is guessed.
 */
export function parseUnsupported(p: Parser, cp: Checkpoint): void {
  const [start] = p.currentRange();
  p.startAt(cp, SyntaxKind.UnsupportedStmt);
  while (!p.atEnd && !p.at(SyntaxKind.Semicolon)) p.bumpBalancedKeyword();
  p.finish();
  p.report(SyntaxCode.UnsupportedStatement, "this statement is not supported by the parser yet", start, p.prevEnd(), "info");
}
