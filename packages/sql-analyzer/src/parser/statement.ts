import { Kw } from "../lexer/keyword-ids.js";
import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseAlter, parseDrop, parseRename, parseTruncate } from "./ddl-alter.js";
import { parseComment, parseCreate, parseGrantOrRevoke } from "./ddl-create.js";
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
  "describe", "desc", "handler", "flush", "kill", "optimize", "repair", "check", "checksum", "install", "uninstall",
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
  p.finishTrivia();
}

/** Statements SQLite has; the others are `unsupported-statement` there. */
const SQLITE_STATEMENTS = new Set([
  "select", "with", "values", "insert", "replace", "update", "delete", "create", "alter", "drop", "begin", "commit",
  "end", "rollback", "savepoint", "release", "pragma", "attach", "detach", "vacuum", "analyze", "reindex", "explain",
]);

/** Parses one statement at the current token (nesting-guarded: EXPLAIN and trigger bodies nest statements). */
export function parseStatement(p: Parser): void {
  if (!p.enter()) return;
  if (p.sqlite && p.at(SyntaxKind.Word) && !SQLITE_STATEMENTS.has(p.word!)) {
    parseUnsupported(p, p.checkpoint());
    p.leave();
    return;
  }
  parseStatementInner(p);
  p.leave();
}

function parseStatementInner(p: Parser): void {
  const w = p.at(SyntaxKind.Word) ? p.word! : "";
  const cp = p.checkpoint();
  if (p.at(SyntaxKind.LParen) && atSelectStart(p)) {
    p.start(SyntaxKind.SelectStmt);
    parseQueryBody(p);
    p.finish();
    return;
  }
  switch (p.kw) {
    case Kw.with: {
      parseWithClause(p);
      const kind = dmlKindAfterWith(p);
      if (kind !== undefined) {
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
    case Kw.select:
    case Kw.values:
      p.start(SyntaxKind.SelectStmt);
      parseQueryBody(p);
      p.finish();
      return;
    case Kw.table:
      if (!p.postgres) break;
      p.start(SyntaxKind.SelectStmt);
      parseQueryBody(p);
      p.finish();
      return;
    case Kw.insert:
      p.start(SyntaxKind.InsertStmt);
      parseDmlBody(p, SyntaxKind.InsertStmt);
      p.finish();
      return;
    case Kw.replace:
      if (p.postgres) break;
      p.start(SyntaxKind.ReplaceStmt);
      parseDmlBody(p, SyntaxKind.InsertStmt);
      p.finish();
      return;
    case Kw.update:
    case Kw.delete:
    case Kw.merge: {
      const kind = w === "update" ? SyntaxKind.UpdateStmt : w === "delete" ? SyntaxKind.DeleteStmt : SyntaxKind.MergeStmt;
      p.start(kind);
      parseDmlBody(p, kind);
      p.finish();
      return;
    }
    case Kw.create:
      if (parseCreate(p, cp)) return;
      break;
    case Kw.alter:
      if (parseAlter(p, cp)) return;
      break;
    case Kw.drop:
      if (parseDrop(p, cp)) return;
      break;
    case Kw.truncate:
      parseTruncate(p);
      return;
    case Kw.rename:
      if (parseRename(p, cp)) return;
      break;
    case Kw.comment:
      if (p.nthK(1, Kw.on)) {
        parseComment(p);
        return;
      }
      break;
    case Kw.grant:
    case Kw.revoke:
      parseGrantOrRevoke(p);
      return;
    case Kw.begin:
    case Kw.start:
    case Kw.commit:
    case Kw.end:
    case Kw.rollback:
    case Kw.abort:
    case Kw.savepoint:
    case Kw.release:
      if (parseTransaction(p, cp)) return;
      break;
    case Kw.set:
      parseSet(p);
      return;
    case Kw.show:
      parseShow(p);
      return;
    case Kw.reset:
      parseReset(p);
      return;
    case Kw.explain:
      parseExplain(p);
      return;
    case Kw.analyze:
    case Kw.analyse:
      parseAnalyze(p);
      return;
    case Kw.vacuum:
      parseVacuum(p);
      return;
    case Kw.copy:
      parseCopy(p);
      return;
    case Kw.pragma:
      if (!p.sqlite) break;
      parsePragma(p);
      return;
    case Kw.attach:
      if (!p.sqlite) break;
      parseAttach(p);
      return;
    case Kw.detach:
      if (!p.sqlite) break;
      parseDetach(p);
      return;
    case Kw.call:
      parseCall(p);
      return;
    case Kw.do:
      if (!p.postgres) break;
      parseDo(p);
      return;
    case Kw.use:
      if (!p.mysql) break;
      parseUse(p);
      return;
    case Kw.refresh:
      if (parseRefresh(p, cp)) return;
      break;
    case Kw.prepare:
      parsePrepare(p);
      return;
    case Kw.execute:
      parseExecute(p);
      return;
    case Kw.deallocate:
      parseDeallocate(p);
      return;
    case Kw.declare:
      if (!p.postgres) break;
      parseDeclareCursor(p);
      return;
    case Kw.fetch:
    case Kw.move:
      if (!p.postgres) break;
      parseFetch(p);
      return;
    case Kw.close:
      if (!p.postgres) break;
      parseClose(p);
      return;
    case Kw.listen:
    case Kw.notify:
    case Kw.unlisten:
      if (!p.postgres) break;
      parseListenNotify(p);
      return;
    case Kw.checkpoint:
      if (!p.postgres) break;
      parseCheckpoint(p);
      return;
    case Kw.cluster:
      if (!p.postgres) break;
      parseCluster(p);
      return;
    case Kw.reindex:
      if (p.mysql) break;
      parseReindex(p);
      return;
    case Kw.discard:
      if (!p.postgres) break;
      parseDiscard(p);
      return;
    case Kw.lock:
      if (p.sqlite) break;
      parseLock(p);
      return;
    case Kw.unlock:
      if (!p.mysql) break;
      parseMysqlTableCommand(p);
      return;
    case Kw.describe:
    case Kw.desc:
    case Kw.optimize:
    case Kw.repair:
    case Kw.checksum:
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
  const end = p.prevEnd();
  if (end > start) p.report(SyntaxCode.UnsupportedStatement, "this statement is not supported by the parser yet", start, end, "info");
  else p.report(SyntaxCode.UnsupportedStatement, "this statement is not supported by the parser yet", start, end, "info");
}
