import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { unsupportedTail } from "./ddl-objects.js";
import { bodyContent, parseLanguageName } from "./ddl-routine.js";
import { COPY_OPTIONS, parseOptionList, UTILITY_OPTIONS } from "./ddl-table.js";
import { checkMysqlSystemVariable, parseArg, parseExpr } from "./expressions.js";
import { SQLITE_JOIN_KEYWORDS } from "../lexer/keywords.js";
import { atFullyReservedWord, atIdent, atLabel, atPlainIdent, reservedAsName, atSubstitutedName, expectCharsetName, expectIdent, expectLabel, expectRoleName, parseParenNameList, parseQualifiedName, parseRoutineName } from "./names.js";
import type { Checkpoint, Parser } from "./parser.js";
import { atSelectStart, parseSelectStmt } from "./select.js";
import { parseSetAccount } from "./mysql-accounts.js";
import { parseMysqlShow } from "./mysql-show.js";
import { parseStatement } from "./statement.js";

function parseTransactionModes(p: Parser, required = false): void {
  // A comma promises another mode; SET TRANSACTION needs one at least (BEGIN may have none).
  let needed = required;
  for (let guard = 0; guard < 8; guard++) {
    if (needed && !atTransactionMode(p)) {
      p.expected(p.mysql ? "a transaction mode (ISOLATION LEVEL …, READ WRITE, READ ONLY)" : "a transaction mode (ISOLATION LEVEL …, READ WRITE, READ ONLY, [NOT] DEFERRABLE)");
      return;
    }
    p.start(SyntaxKind.TransactionMode);
    if (p.eatKw("isolation")) {
      p.expectKw("level");
      if (p.eatKw("serializable")) {
        /* ok */
      } else if (p.eatKw("repeatable")) p.expectKw("read");
      else if (p.eatKw("read")) {
        if (!p.eatKw("committed")) p.expectKw("uncommitted");
      } else p.expected("isolation level");
    } else if (p.eatKw("read")) {
      if (!p.eatKw("write")) p.expectKw("only");
    } else if (p.atKw("not") && p.nthKw(1, "deferrable")) {
      p.bump();
      p.bump();
    } else if (p.eatKw("deferrable")) {
      /* ok */
    } else if (p.mysql && p.atKw("with") && p.nthKw(1, "consistent")) {
      p.bump();
      p.bump();
      p.expectKw("snapshot");
    } else {
      p.finish();
      return;
    }
    p.finish();
    needed = p.eat(SyntaxKind.Comma);
  }
}

/** Whether a transaction mode starts here. */
function atTransactionMode(p: Parser): boolean {
  return p.atKw("isolation") || p.atKw("read") || p.atKw("deferrable") || (p.atKw("not") && p.nthKw(1, "deferrable")) || (p.mysql && p.atKw("with") && p.nthKw(1, "consistent"));
}

/**
 * The optional TRANSACTION or WORK after BEGIN, COMMIT / END and ROLLBACK; SQLite also takes a
 * transaction name after TRANSACTION (`ROLLBACK TRANSACTION t`), which it ignores.
 */
function eatTransactionWord(p: Parser): void {
  if (p.mysql && p.atKw("transaction")) p.wrongDialect("TRANSACTION here", "MySQL writes WORK or nothing (START TRANSACTION begins one)");
  if (p.eatKw("transaction")) {
    if (p.sqlite && atIdent(p) && !p.atKw("to") && !p.atKw("transaction")) p.bumpIdent();
  } else {
    if (p.sqlite && p.atKw("work")) p.wrongDialect("WORK", "SQLite writes TRANSACTION or nothing");
    p.eatKw("work");
  }
}

/** `AND [NO] CHAIN` after COMMIT or ROLLBACK (not SQLite's). */
function parseChain(p: Parser): void {
  if (p.sqlite) p.wrongDialect("AND [NO] CHAIN", "SQLite's transactions end without one");
  p.bump();
  p.eatKw("no");
  p.expectKw("chain");
}

/** BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK [TO SAVEPOINT] / SAVEPOINT / RELEASE. */
export function parseTransaction(p: Parser, cp: Checkpoint): boolean {
  void cp;
  const w = p.word;
  if (w === "start" && !p.nthKw(1, "transaction")) return false;
  p.start(SyntaxKind.TransactionStmt);
  p.bump();
  switch (w) {
    case "begin":
      if (p.sqlite && (p.atKw("deferred") || p.atKw("immediate") || p.atKw("exclusive"))) p.bump();
      eatTransactionWord(p);
      if (p.postgres) parseTransactionModes(p);
      break;
    case "start":
      p.bump();
      if (p.mysql) {
        // MySQL's START TRANSACTION takes READ WRITE / READ ONLY / WITH CONSISTENT SNAPSHOT; the
        // isolation level is SET TRANSACTION's.
        for (let n = 0; !p.atStatementEndAt(n) && n < 32; n++) {
          if (p.nthKw(n, "isolation") || p.nthKw(n, "deferrable")) {
            p.wrongDialectAt(p.position + n, `${p.wordAt(n)!.toUpperCase()} in START TRANSACTION`, "MySQL sets the isolation level with SET TRANSACTION ISOLATION LEVEL … before it");
            break;
          }
        }
      }
      parseTransactionModes(p);
      break;
    case "commit":
    case "end":
    case "abort":
      if (w !== "commit" && p.mysql) p.wrongDialectAt(p.position - 1, `${w.toUpperCase()} as a statement`, w === "end" ? "MySQL ends a transaction with COMMIT" : "MySQL writes ROLLBACK");
      if (w === "commit" && p.postgres && p.atKw("prepared")) {
        p.bump();
        p.expect(SyntaxKind.String, "transaction id");
        break;
      }
      eatTransactionWord(p);
      if (p.atKw("and")) parseChain(p);
      if (p.mysql) parseMysqlRelease(p);
      break;
    case "rollback":
      eatTransactionWord(p);
      if (p.eatKw("to")) {
        // (In PostgreSQL and MySQL `ROLLBACK TO SAVEPOINT` rolls back to a savepoint named savepoint.)
        if (p.atKw("savepoint") && (atLabel(p, 1) || p.sqlite)) p.bump();
        expectIdent(p, "savepoint name");
      } else if (p.atKw("and")) {
        parseChain(p);
        if (p.mysql) parseMysqlRelease(p);
      } else if (p.mysql && (p.atKw("release") || p.atKw("no"))) {
        parseMysqlRelease(p);
      } else if (p.atKw("prepared")) {
        if (!p.postgres) p.wrongDialect("ROLLBACK PREPARED", "only PostgreSQL has prepared (two-phase) transactions");
        p.bump();
        p.expect(SyntaxKind.String, "transaction id");
      }
      break;
    case "savepoint":
      expectIdent(p, "savepoint name");
      break;
    case "release":
      if (p.mysql && !p.atKw("savepoint")) p.wrongDialect("RELEASE without SAVEPOINT", "MySQL writes RELEASE SAVEPOINT name");
      if (p.atKw("savepoint") && (atLabel(p, 1) || !p.postgres)) p.bump();
      expectIdent(p, "savepoint name");
      break;
  }
  p.finish();
  return true;
}

/**
 * SET [SESSION|LOCAL] name {TO|=} value, … — plus SET TIME ZONE, SET ROLE,
 * SET TRANSACTION, MySQL `SET @x = 1, NAMES utf8mb4, GLOBAL x = 1`.
 */
export function parseSet(p: Parser): void {
  p.start(SyntaxKind.SetStmt);
  p.bump();
  if (p.mysql && ((p.atKw("global") || p.atKw("session")) && p.nthKw(1, "transaction"))) {
    // MySQL: SET {GLOBAL | SESSION} TRANSACTION modes (the scope of the characteristics).
    p.bump();
    p.bump();
    parseTransactionModes(p, true);
    p.finish();
    return;
  }
  if (p.mysql && parseSetAccount(p)) {
    p.finish();
    return;
  }
  // PostgreSQL: SET [SESSION | LOCAL] TRANSACTION …, the scope word changing nothing of the syntax.
  const scoped = p.postgres && (p.atKw("session") || p.atKw("local")) && p.nthKw(1, "transaction");
  if (p.atKw("transaction") || scoped || (p.atKw("session") && p.nthKw(1, "characteristics"))) {
    if (p.mysql && p.atKw("session")) p.wrongDialect("SET SESSION CHARACTERISTICS AS TRANSACTION", "MySQL writes SET SESSION TRANSACTION …");
    if (scoped) p.bump();
    const session = p.atKw("session");
    if (p.eatKw("session")) {
      p.bump();
      p.expectKw("as");
      p.expectKw("transaction");
    } else p.bump();
    // PostgreSQL: SET TRANSACTION SNAPSHOT 'id' (run with another transaction's snapshot).
    if (p.postgres && !session && p.atKw("snapshot") && p.nth(1) === SyntaxKind.String) {
      p.bump();
      p.bump();
    } else parseTransactionModes(p, p.postgres);
    p.finish();
    return;
  }
  if (p.atKw("constraints") && p.postgres) {
    p.bump();
    if (!p.eatKw("all")) {
      do parseQualifiedName(p);
      while (p.eat(SyntaxKind.Comma));
    }
    if (!p.eatKw("deferred")) p.expectKw("immediate");
    p.finish();
    return;
  }
  if (p.postgres && p.atKw("session") && p.nthKw(1, "authorization")) {
    p.bump();
    p.bump();
    if (p.at(SyntaxKind.String) || p.atKw("default")) p.bump();
    else expectRoleName(p);
    p.finish();
    return;
  }
  do {
    p.start(SyntaxKind.Assignment);
    // (A scope word before TO or `=` is the parameter's name: `SET local TO 1`.)
    if ((p.atKw("session") || p.atKw("local") || p.atKw("global") || p.atKw("persist") || p.atKw("persist_only")) && !p.nthKw(1, "to") && !p.nthOp(1, "=")) {
      if (p.postgres && !p.atKw("session") && !p.atKw("local")) p.wrongDialect(`SET ${p.word!.toUpperCase()}`, "PostgreSQL sets a server-wide value with ALTER SYSTEM SET");
      p.bump();
    }
    if (p.atKw("time") && p.nthKw(1, "zone")) {
      if (p.mysql) p.wrongDialect("SET TIME ZONE", "MySQL writes SET time_zone = '+00:00'");
      p.bump();
      p.bump();
      // PostgreSQL: a zone is a string, a number, an interval, LOCAL, DEFAULT or a name that is no keyword.
      if (p.eatKw("local") || p.eatKw("default")) {
        /* done */
      } else if (p.postgres && p.at(SyntaxKind.Word) && !p.atKw("interval") && !atPlainIdent(p)) p.expected("a time zone (a string, a number, an interval, LOCAL or DEFAULT)");
      else if (p.postgres && p.atKw("interval") && p.nth(1) !== SyntaxKind.String && p.nth(1) !== SyntaxKind.LParen) {
        p.bump();
        p.expected("the interval's string ('+02:00')");
      } else parseExpr(p);
    } else if ((p.atKw("names") || (p.atKw("character") && p.nthKw(1, "set")) || p.atKw("charset")) && p.mysql) {
      if (p.eatKw("character")) p.bump();
      else p.bump();
      if (!p.eatKw("default")) expectCharsetName(p, "character set");
      if (p.eatKw("collate")) expectCharsetName(p, "collation");
    } else if (p.postgres && ((p.atKw("schema") && p.nth(1) === SyntaxKind.String) || (p.atKw("names") && !p.nthKw(1, "to") && !p.nthOp(1, "=")))) {
      // SET SCHEMA 'name' (= SET search_path), SET NAMES ['encoding' | DEFAULT] (= SET client_encoding)
      p.bump();
      if (p.at(SyntaxKind.String) || p.atKw("default")) p.bump();
    } else if (p.postgres && p.atKw("xml") && p.nthKw(1, "option")) {
      p.bump();
      p.bump();
      if (!p.eatKw("document")) p.expectKw("content");
    } else if ((p.atKw("role") || p.atKw("session")) && p.postgres && !p.nthOp(1, "=") && !p.nthKw(1, "to")) {
      p.bump();
      const authorization = p.eatKw("authorization");
      // SET SESSION AUTHORIZATION DEFAULT goes back to the session's first user.
      if (p.at(SyntaxKind.String) || (authorization && p.atKw("default"))) p.bump();
      else expectRoleName(p);
    } else {
      if (p.at(SyntaxKind.Variable) && p.mysql) checkMysqlSystemVariable(p);
      if (p.at(SyntaxKind.Param) || p.at(SyntaxKind.Variable)) p.bump();
      else parseQualifiedName(p, "parameter name");
      if (p.mysql && p.atKw("to")) p.wrongDialect("SET … TO", "MySQL writes SET name = value");
      if (!p.eatKw("to") && !p.eatOp("=") && !p.eatOp(":=")) p.expected("TO or '='");
      // MySQL also takes these keywords as a variable's value: `SET GLOBAL general_log = ON`.
      if (p.mysql && (p.atKw("on") || p.atKw("all") || p.atKw("binary") || p.atKw("row") || p.atKw("system")) && (p.nth(1) === SyntaxKind.Comma || p.atStatementEndAt(1))) p.bump();
      else if (p.mysql || p.sqlite) {
        p.defaultAt = p.position; // `SET GLOBAL x = DEFAULT`
        parseExpr(p);
      }
      else {
        do {
          // A value is a string, a number, TRUE, FALSE, ON, DEFAULT or a word PostgreSQL does not
          // reserve (`TO check` is an error). DEFAULT is a whole value, never one of a list.
          if (p.atKw("default") && (p.behind(1) === SyntaxKind.Comma || p.nth(1) === SyntaxKind.Comma)) {
            const [start, end] = p.currentRange();
            p.report(SyntaxCode.UnexpectedToken, "DEFAULT stands alone as a setting's value, not in a list", start, end);
          }
          if (atFullyReservedWord(p) && !POSTGRES_RESERVED_SET_VALUES.has(p.word!)) reservedAsName(p, "a setting's value");
          else if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || atLabel(p) || atSubstitutedName(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
          else if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+") && p.nth(1) === SyntaxKind.Number) {
            p.bump();
            p.bump();
          } else p.expected("value");
        } while (p.eat(SyntaxKind.Comma));
        p.finish();
        break;
      }
    }
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** SHOW name | SHOW ALL | MySQL SHOW TABLES/COLUMNS/… */
export function parseShow(p: Parser): void {
  p.start(SyntaxKind.ShowStmt);
  p.bump();
  if (p.mysql) {
    if (!parseMysqlShow(p)) {
      p.wrongDialect(`SHOW ${p.tokenText()}`, "MySQL's SHOW lists its objects and settings (a setting: SHOW VARIABLES LIKE 'name', or SELECT @@name)");
      p.bumpRest();
    }
  } else if (!p.eatKw("all")) {
    if (p.atKw("time") && p.nthKw(1, "zone")) {
      p.bump();
      p.bump();
    } else if (p.atKw("transaction") && p.nthKw(1, "isolation")) {
      p.bump();
      p.bump();
      p.expectKw("level");
    } else parseQualifiedName(p, "parameter name");
  }
  p.finish();
}

/** RESET name | RESET ALL */
export function parseReset(p: Parser): void {
  p.start(SyntaxKind.ResetStmt);
  p.bump();
  if (p.postgres && p.atKw("session") && p.nthKw(1, "authorization")) {
    p.bump();
    p.bump();
  } else if (p.postgres && p.atKw("time") && p.nthKw(1, "zone")) {
    p.bump();
    p.bump();
  } else if (!p.eatKw("all")) parseQualifiedName(p, "parameter name");
  p.finish();
}

/** PostgreSQL COPY's legacy flag options, and those that take a string. */
const COPY_FLAGS = new Set(["binary", "freeze", "csv", "header"]);
const COPY_STRING_OPTIONS = new Set(["delimiter", "null", "quote", "escape", "encoding"]);

/** PostgreSQL's unparenthesized EXPLAIN options, in their order: [ANALYZE] [VERBOSE]. */
const EXPLAIN_WORDS: readonly (readonly string[])[] = [["analyze", "analyse"], ["verbose"]];
/** PostgreSQL's unparenthesized VACUUM options, in their order: [FULL] [FREEZE] [VERBOSE] [ANALYZE]. */
const VACUUM_WORDS: readonly (readonly string[])[] = [["full"], ["freeze"], ["verbose"], ["analyze", "analyse"]];

/**
 * The old, unparenthesized option words of a PostgreSQL statement: each group at most once, in
 * the groups' order; a word out of order or given twice is reported (once) and read.
 */
function bumpOrderedWords(p: Parser, groups: readonly (readonly string[])[]): void {
  const inGroup = (g: readonly string[]) => p.at(SyntaxKind.Word) && g.includes(p.word!);
  for (const group of groups) if (inGroup(group)) p.bump();
  let reported = false;
  while (groups.some(inGroup)) {
    if (!reported) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, `${p.word!.toUpperCase()} is out of place: the options go once each, in the order ${groups.map((g) => g[0]!.toUpperCase()).join(", ")}`, start, end);
      reported = true;
    }
    p.bump();
  }
}

/** EXPLAIN [ANALYZE] [VERBOSE] [(options)] statement; MySQL EXPLAIN FORMAT=…; SQLite EXPLAIN QUERY PLAN. */
export function parseExplain(p: Parser): void {
  p.start(SyntaxKind.ExplainStmt);
  // (An EXPLAIN inside an EXPLAIN, already reported, reports no more of the chain.)
  const nested = p.wordAt(-1) === "explain";
  p.bump();
  // (`EXPLAIN (SELECT 1)` explains a parenthesized query.)
  if (p.at(SyntaxKind.LParen) && p.postgres && !atSelectStart(p)) parseOptionList(p, UTILITY_OPTIONS);
  else {
    if (p.sqlite && p.atKw("query")) {
      p.bump();
      p.expectKw("plan");
    }
    if (p.postgres) bumpOrderedWords(p, EXPLAIN_WORDS);
    else {
      for (let first = true; p.atKw("analyze") || p.atKw("analyse") || p.atKw("verbose") || p.atKw("extended"); first = false) {
        if (first && p.sqlite) p.wrongDialect(`EXPLAIN ${p.word!.toUpperCase()}`, "SQLite writes EXPLAIN or EXPLAIN QUERY PLAN");
        if (p.mysql && !(first && p.atKw("analyze"))) p.wrongDialect(`EXPLAIN … ${p.word!.toUpperCase()}`, "MySQL 8 writes EXPLAIN [ANALYZE] [FORMAT = TREE | JSON | TRADITIONAL]");
        p.bump();
      }
    }
    if (p.mysql && p.atKw("format")) {
      p.bump();
      p.expectOp("=");
      expectLabel(p, "format");
    }
  }
  if (p.atStatementEnd) p.expected("statement");
  else if (p.mysql && p.atKw("for") && p.nthKw(1, "connection")) {
    // MySQL: EXPLAIN FOR CONNECTION id (the statement another connection is running)
    p.bump();
    p.bump();
    parseExpr(p);
  } else if (p.enter()) {
    if (p.mysql && atLabel(p) && !atSelectStart(p) && !["insert", "update", "delete", "replace", "with", "table"].includes(p.word ?? "")) {
      // MySQL EXPLAIN t [column | 'wildcard'] == DESCRIBE t
      parseQualifiedName(p, "table name");
      if (atLabel(p) || p.at(SyntaxKind.String)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
    } else {
      if (p.postgres && !nested && !atPostgresExplainable(p)) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "EXPLAIN takes a query, INSERT, UPDATE, DELETE, MERGE, EXECUTE, DECLARE, CREATE TABLE … AS, CREATE MATERIALIZED VIEW or REFRESH", start, end);
      }
      if (p.sqlite && !nested && p.atKw("explain")) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "SQLite explains a statement once: EXPLAIN EXPLAIN is an error", start, end);
      }
      parseStatement(p);
    }
    p.leave();
  }
  p.finish();
}

/** The statements PostgreSQL's EXPLAIN takes at their first word (its `ExplainableStmt`). */
const POSTGRES_EXPLAINABLE = new Set(["insert", "update", "delete", "merge", "declare", "refresh", "execute"]);

/** PostgreSQL: whether an explainable statement starts here (see `POSTGRES_EXPLAINABLE`; CREATE only with AS). */
function atPostgresExplainable(p: Parser): boolean {
  if (atSelectStart(p) || (p.at(SyntaxKind.Word) && POSTGRES_EXPLAINABLE.has(p.word!))) return true;
  if (!p.atKw("create")) return false;
  // CREATE [TEMP …] TABLE name [(columns)] AS …, CREATE MATERIALIZED VIEW: an AS outside parentheses.
  let depth = 0;
  for (let n = 1; ; n++) {
    const k = p.nth(n);
    if (k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return false;
    if (k === SyntaxKind.LParen) depth++;
    else if (k === SyntaxKind.RParen) depth--;
    else if (depth === 0 && (p.nthKw(n, "as") || p.nthKw(n, "materialized"))) return true;
  }
}

/** ANALYZE [VERBOSE] [(options)] [table [(cols)], …] */
export function parseAnalyze(p: Parser): void {
  p.start(SyntaxKind.AnalyzeStmt);
  p.bump();
  if (p.mysql) {
    parseMysqlAnalyzeRest(p);
    p.finish();
    return;
  }
  if (p.sqlite && (p.at(SyntaxKind.LParen) || p.atKw("verbose"))) p.wrongDialect(p.at(SyntaxKind.LParen) ? "ANALYZE (options)" : "ANALYZE VERBOSE", "SQLite's ANALYZE takes a schema, table or index name");
  if (p.at(SyntaxKind.LParen)) parseOptionList(p, UTILITY_OPTIONS);
  p.eatKw("verbose");
  parseTableList(p);
  p.finish();
}

/**
 * MySQL `ANALYZE [NO_WRITE_TO_BINLOG | LOCAL] TABLE t, … [UPDATE HISTOGRAM ON c, … [WITH n
 * BUCKETS] [{MANUAL | AUTO} UPDATE] | UPDATE HISTOGRAM ON c USING DATA 'json' | DROP
 * HISTOGRAM ON c, …]` after ANALYZE.
 */
function parseMysqlAnalyzeRest(p: Parser): void {
  if (p.atKw("no_write_to_binlog") || p.atKw("local")) p.bump();
  if (!p.eatKw("table")) p.expectKw("tables");
  p.start(SyntaxKind.NameList);
  do parseQualifiedName(p, "table name");
  while (p.eat(SyntaxKind.Comma));
  p.finish();
  if (!(p.atKw("update") || p.atKw("drop")) || !p.nthKw(1, "histogram")) return;
  p.start(SyntaxKind.Option);
  const update = p.atKw("update");
  p.bump();
  p.bump();
  p.expectKw("on");
  p.start(SyntaxKind.NameList);
  do expectIdent(p, "column name");
  while (p.eat(SyntaxKind.Comma));
  p.finish();
  if (update && p.atKw("using")) {
    p.bump();
    p.expectKw("data");
    p.expect(SyntaxKind.String, "histogram (a JSON string literal)");
  } else if (update) {
    if (p.eatKw("with")) {
      p.expect(SyntaxKind.Number, "number of buckets");
      p.expectKw("buckets");
    }
    if (p.atKw("manual") || p.atKw("auto")) {
      p.bump();
      p.expectKw("update");
    }
  }
  p.finish();
}

function parseTableList(p: Parser): void {
  if (!atLabel(p)) return;
  p.start(SyntaxKind.NameList);
  do {
    // PostgreSQL 18 takes `ONLY t` (not its partitions or children) and `t *` (with them).
    const only = p.postgres && p.atKw("only") && atLabel(p, 1);
    if (only) p.bump();
    parseQualifiedName(p, "table name");
    if (p.postgres && !only && p.atOp("*")) p.bump();
    if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [(options)] [tables]; SQLite VACUUM [schema] [INTO file]. */
export function parseVacuum(p: Parser): void {
  p.start(SyntaxKind.VacuumStmt);
  p.bump();
  // (In SQLite such a word alone is the name of the schema to vacuum: `VACUUM freeze`.)
  if (p.sqlite && (p.at(SyntaxKind.LParen) || ((p.atKw("full") || p.atKw("freeze") || p.atKw("verbose") || p.atKw("analyze") || p.atKw("analyse")) && !p.atStatementEndAt(1) && !p.nthKw(1, "into")))) {
    p.wrongDialect(p.at(SyntaxKind.LParen) ? "VACUUM (options)" : `VACUUM ${p.word!.toUpperCase()}`, "SQLite's VACUUM takes a schema name and INTO 'file'");
  }
  if (p.at(SyntaxKind.LParen)) parseOptionList(p, UTILITY_OPTIONS);
  if (p.postgres) bumpOrderedWords(p, VACUUM_WORDS);
  else while (p.atKw("full") || p.atKw("freeze") || p.atKw("verbose") || p.atKw("analyze") || p.atKw("analyse")) p.bump();
  if (p.sqlite) {
    if (p.at(SyntaxKind.String)) p.bump();
    else if (atLabel(p) && !p.atKw("into")) {
      if (atSqliteName(p)) p.bumpIdent();
      else reservedAsName(p, "a schema name");
    }
    if (p.eatKw("into")) parseExpr(p);
  } else parseTableList(p);
  p.finish();
}

/** COPY table [(cols)] | (query) FROM|TO 'file' | STDIN | STDOUT | PROGRAM 'cmd' [WITH] [(options) | legacy options] [WHERE …] */
export function parseCopy(p: Parser): void {
  p.start(SyntaxKind.CopyStmt);
  p.bump();
  if (p.at(SyntaxKind.LParen)) {
    p.start(SyntaxKind.SubqueryExpr);
    p.bump();
    if (p.enter()) {
      if (atSelectStart(p) || ["insert", "update", "delete", "merge"].includes(p.word ?? "")) parseStatement(p);
      else p.expected("query");
      p.leave();
    }
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  } else {
    parseQualifiedName(p, "table name");
    if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
  }
  if (!p.eatKw("from")) p.expectKw("to");
  p.start(SyntaxKind.CopyTarget);
  if (p.eatKw("program")) p.expect(SyntaxKind.String, "command string");
  else if (p.atKw("stdin") || p.atKw("stdout")) p.bump();
  else p.expect(SyntaxKind.String, "file name, STDIN or STDOUT");
  p.finish();
  p.eatKw("with");
  if (p.at(SyntaxKind.LParen)) parseOptionList(p, COPY_OPTIONS);
  else {
    // Legacy options: BINARY, CSV HEADER, DELIMITER ',', NULL '', …, and FORCE QUOTE / [NOT]
    // NULL with a list of column names (names, not keywords: the formatter keeps their case).
    while (p.at(SyntaxKind.Word) && !p.atKw("where")) {
      if (p.atKw("force")) {
        p.bump();
        if (p.eatKw("quote")) {
          if (p.eatOp("*")) continue;
        } else {
          p.eatKw("not");
          p.expectKw("null");
        }
        do expectIdent(p, "column name");
        while (p.eat(SyntaxKind.Comma));
        continue;
      }
      if (!p.postgres) {
        p.bump();
        if (p.atKw("as")) p.bump();
        if (p.at(SyntaxKind.String)) p.bump();
        continue;
      }
      // PostgreSQL's legacy options: flags, or DELIMITER / NULL / QUOTE / ESCAPE [AS] 'x', ENCODING 'x'.
      const w = p.word!;
      if (COPY_FLAGS.has(w)) p.bump();
      else if (COPY_STRING_OPTIONS.has(w)) {
        p.bump();
        if (w !== "encoding") p.eatKw("as");
        p.expect(SyntaxKind.String, `a string for ${w.toUpperCase()}`);
      } else {
        p.errorBump(`expected a COPY option (BINARY, CSV, HEADER, FREEZE, DELIMITER, NULL, QUOTE, ESCAPE, FORCE, ENCODING), found '${p.tokenText()}'`);
      }
    }
  }
  if (p.atKw("where")) {
    p.bump();
    parseExpr(p);
  }
  p.finish();
}

/** SQLite `PRAGMA [schema.]name [= value | (value)]` */
export function parsePragma(p: Parser): void {
  p.start(SyntaxKind.PragmaStmt);
  p.bump();
  parseQualifiedName(p, "pragma name");
  if (p.eatOp("=")) parsePragmaValue(p);
  else if (p.eat(SyntaxKind.LParen)) {
    parsePragmaValue(p);
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

function parsePragmaValue(p: Parser): void {
  if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+")) p.bump();
  // A name, a string or a number; of SQLite's reserved words, ON, DELETE and DEFAULT (`PRAGMA x = using` is an error).
  if (atLabel(p) && !atSqliteName(p) && !p.atKw("on") && !p.atKw("delete") && !p.atKw("default")) reservedAsName(p, "a pragma value");
  else if (p.at(SyntaxKind.Number) || p.at(SyntaxKind.String) || atLabel(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  else p.expected("pragma value");
}

/** The reserved words PostgreSQL takes as a setting's value. */
const POSTGRES_RESERVED_SET_VALUES = new Set(["true", "false", "on", "default"]);

/** SQLite's `nm`: a name, which a join keyword (`left`, `natural`) may be too, unlike its other reserved words. */
function atSqliteName(p: Parser): boolean {
  return atIdent(p) || (p.at(SyntaxKind.Word) && SQLITE_JOIN_KEYWORDS.has(p.word!));
}

/** SQLite `ATTACH [DATABASE] expr AS name` */
export function parseAttach(p: Parser): void {
  p.start(SyntaxKind.AttachStmt);
  p.bump();
  p.eatKw("database");
  parseExpr(p);
  p.expectKw("as");
  parseSqliteSchemaOperand(p);
  p.finish();
}

/**
 * The schema ATTACH … AS and DETACH name: SQLite reads an expression there (`AS 'aux'`, even
 * `AS NULL`; `DETACH raise` starts a RAISE(…)), of which a schema's name is the usual form.
 */
function parseSqliteSchemaOperand(p: Parser): void {
  if (atIdent(p) && p.nth(1) !== SyntaxKind.LParen && !p.atKw("cast") && !p.atKw("raise")) expectIdent(p, "schema name");
  else parseExpr(p);
}

/** SQLite `DETACH [DATABASE] name` */
export function parseDetach(p: Parser): void {
  p.start(SyntaxKind.DetachStmt);
  p.bump();
  p.eatKw("database");
  parseSqliteSchemaOperand(p);
  p.finish();
}

/** CALL proc(args) */
export function parseCall(p: Parser): void {
  p.start(SyntaxKind.CallStmt);
  p.bump();
  // (PostgreSQL names a procedure as it names a function: `CALL left(1)` yes, `CALL grouping()` no.)
  if (p.postgres) parseRoutineName(p, "procedure name");
  else parseQualifiedName(p, "procedure name");
  p.start(SyntaxKind.ArgList);
  if (p.eat(SyntaxKind.LParen)) {
    // A call's arguments: named ones (`b => 2`) and VARIADIC too. (PostgreSQL's CALL takes any
    // function call's form, `p(*)` included, and leaves the rest to the procedure's lookup.)
    if (p.postgres && p.atOp("*") && p.nth(1) === SyntaxKind.RParen) {
      p.start(SyntaxKind.StarExpr);
      p.bump();
      p.finish();
    } else if (!p.at(SyntaxKind.RParen)) {
      do parseArg(p);
      while (p.eat(SyntaxKind.Comma));
    }
    p.expect(SyntaxKind.RParen, "')'");
  } else if (!p.mysql) p.expected("'('");
  p.finish();
  p.finish();
}

/**
 * PostgreSQL `DO [LANGUAGE x] $$ body $$ [LANGUAGE x]` — a plpgsql body (dollar-quoted or `'…'`) is parsed as embedded SQL.
 * The grammar takes a list of strings and LANGUAGE clauses in any order (at least one item); the
 * server then wants one body and at most one language, so the first of each stands.
 */
export function parseDo(p: Parser): void {
  p.start(SyntaxKind.DoStmt);
  p.bump();
  let language: string | undefined;
  let body: { start: number; text: string } | undefined;
  /** The code continued on the next line: one string whose text is not the host's, so not read. */
  let continued = false;
  let items = 0;
  for (;;) {
    if (p.at(SyntaxKind.String)) {
      const first = body === undefined;
      if (first) body = { start: p.relativeStart(), text: p.tokenText() };
      else p.report(SyntaxCode.UnexpectedToken, "DO takes one code block: a second string is a conflicting option", ...p.currentRange());
      p.start(SyntaxKind.RoutineBody);
      p.bump();
      if (p.bumpStringContinuations() && first) continued = true;
      p.finish();
    } else if (p.atKw("language")) {
      const at = p.currentRange();
      p.bump();
      const named = parseLanguageName(p);
      if (language !== undefined) p.report(SyntaxCode.UnexpectedToken, "DO takes one LANGUAGE: a second one is a conflicting option", ...at);
      language ??= named;
    } else break;
    items++;
  }
  if (items === 0) p.expected("code block string");
  // (The server refuses a DO without code: the grammar takes LANGUAGE alone.)
  else if (body === undefined) p.expected("the code block string DO runs");
  language ??= "plpgsql";
  const code = body === undefined || continued ? undefined : bodyContent(body.text, body.start);
  if (code !== undefined && (language === "plpgsql" || language === "sql"))
    p.addEmbedded({ start: code.start, text: code.text, language, names: [], returns: { procedure: false, set: false, void: true, outParameters: false, trigger: undefined }, doubledQuotes: code.doubledQuotes });
  p.finish();
}

/** MySQL `USE db` */
export function parseUse(p: Parser): void {
  p.start(SyntaxKind.UseStmt);
  p.bump();
  expectIdent(p, "database name");
  p.finish();
}

/** `REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]` */
export function parseRefresh(p: Parser, cp: Checkpoint): boolean {
  void cp;
  if (!p.nthKw(1, "materialized")) return false;
  p.start(SyntaxKind.RefreshMaterializedViewStmt);
  p.bump();
  p.bump();
  p.expectKw("view");
  p.eatKw("concurrently");
  parseQualifiedName(p, "view name");
  if (p.eatKw("with")) {
    p.eatKw("no");
    p.expectKw("data");
  }
  unsupportedTail(p);
  p.finish();
  return true;
}

export { parseSelectStmt };

/** MySQL's `[NO] RELEASE` at the end of COMMIT and ROLLBACK (disconnect, or not, afterwards). */
function parseMysqlRelease(p: Parser): void {
  if (p.atKw("no") && p.nthKw(1, "release")) {
    p.bump();
    p.bump();
  } else p.eatKw("release");
}
