import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseGenericOptions } from "./ddl-shared-clauses.js";
import { parseRoleList } from "./ddl-objects.js";
import { parseExpr } from "./expressions.js";
import { expectIdent, expectLabel, parseParenNameList, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";

/**
 * Administration statements that fit no other group: PostgreSQL's IMPORT FOREIGN SCHEMA,
 * REASSIGN OWNED and LOAD (ALTER SYSTEM is with the other ALTERs), MySQL's KILL, FLUSH
 * and DO.
 */

/**
 * `IMPORT FOREIGN SCHEMA remote [{LIMIT TO | EXCEPT} (table, …)] FROM SERVER s INTO local
 * [OPTIONS (…)]`
 */
export function parseImportForeignSchema(p: Parser): void {
  p.start(SyntaxKind.ImportForeignSchemaStmt);
  p.bump();
  p.expectKw("foreign");
  p.expectKw("schema");
  expectIdent(p, "remote schema name");
  if (p.eatKw("limit")) {
    p.expectKw("to");
    parseParenNameList(p);
  } else if (p.eatKw("except")) parseParenNameList(p);
  p.expectKw("from");
  p.expectKw("server");
  expectIdent(p, "server name");
  p.expectKw("into");
  expectIdent(p, "local schema name");
  if (p.atKw("options")) parseGenericOptions(p, false);
  p.finish();
}

/** `REASSIGN OWNED BY role [, …] TO role` */
export function parseReassignOwned(p: Parser): void {
  p.start(SyntaxKind.ReassignOwnedStmt);
  p.bump();
  p.expectKw("owned");
  p.expectKw("by");
  parseRoleList(p);
  p.expectKw("to");
  parseRoleList(p);
  p.finish();
}

/** A statement of one keyword and one string literal, as node `kind`: LOAD 'lib', HELP 'topic', BINLOG 'event'. */
export function parseKeywordAndString(p: Parser, kind: SyntaxKind, what: string): void {
  p.start(kind);
  p.bump();
  p.expect(SyntaxKind.String, what);
  p.finish();
}

/** `LOAD 'library'` */
export function parseLoad(p: Parser): void {
  parseKeywordAndString(p, SyntaxKind.LoadStmt, "library file name (a string literal)");
}

/** MySQL `KILL [CONNECTION | QUERY] id` */
export function parseKill(p: Parser): void {
  p.start(SyntaxKind.KillStmt);
  p.bump();
  if (p.atKw("connection") || p.atKw("query")) p.bump();
  parseExpr(p);
  p.finish();
}

/**
 * MySQL `FLUSH [NO_WRITE_TO_BINLOG | LOCAL] option, …`: PRIVILEGES, LOGS, STATUS, HOSTS, …
 * (one or two words), or `TABLES [t, …] [WITH READ LOCK | FOR EXPORT]`.
 */
/**
 * The options of FLUSH (besides TABLES), MySQL 8's and those MariaDB adds, with the second word
 * of the two-word ones.
 */
const FLUSH_OPTIONS: ReadonlyMap<string, string | undefined> = new Map([
  ["hosts", undefined], ["logs", undefined], ["privileges", undefined], ["optimizer_costs", undefined], ["status", undefined],
  ["user_resources", undefined], ["binary", "logs"], ["engine", "logs"], ["error", "logs"], ["general", "logs"],
  ["relay", "logs"], ["slow", "logs"], ["query", "cache"], ["des_key_file", undefined], ["client_statistics", undefined],
  ["index_statistics", undefined], ["table_statistics", undefined], ["user_statistics", undefined],
  ["user_variables", undefined], ["ssl", undefined], ["master", undefined], ["slave", undefined],
]);

export function parseFlush(p: Parser): void {
  p.start(SyntaxKind.FlushStmt);
  p.bump();
  if (p.atKw("no_write_to_binlog") || p.atKw("local")) p.bump();
  do {
    p.start(SyntaxKind.Option);
    if (p.atKw("tables") || p.atKw("table")) {
      p.bump();
      if (p.at(SyntaxKind.Word) && !p.atKw("with") && !p.atKw("for")) {
        do parseQualifiedName(p, "table name");
        while (p.eat(SyntaxKind.Comma));
      }
      if (p.eatKw("with")) {
        p.expectKw("read");
        p.expectKw("lock");
      } else if (p.eatKw("for")) p.expectKw("export");
    } else if (p.at(SyntaxKind.Word) && FLUSH_OPTIONS.has(p.word!)) {
      // PRIVILEGES, STATUS, … or two words: BINARY LOGS, ENGINE LOGS, RELAY LOGS [FOR CHANNEL c], QUERY CACHE.
      const second = FLUSH_OPTIONS.get(p.word!);
      p.bump();
      if (second !== undefined) p.expectKw(second);
      if (second === "logs" && p.atKw("for") && p.nthKw(1, "channel")) {
        p.bump();
        p.bump();
        expectLabel(p, "channel name");
      }
    } else p.expected("a flush option (PRIVILEGES, TABLES, LOGS, BINARY LOGS, STATUS, …)");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** MySQL `DO expr [, expr …]`: evaluates the expressions, returns nothing. */
export function parseMysqlDo(p: Parser): void {
  p.start(SyntaxKind.DoStmt);
  p.bump();
  p.start(SyntaxKind.ExprList);
  do parseExpr(p);
  while (p.eat(SyntaxKind.Comma));
  p.finish();
  p.finish();
}
