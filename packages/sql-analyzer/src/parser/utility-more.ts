import { Kw } from "../lexer/keyword-ids.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseGrantOrRevoke } from "./ddl-create.js";
import { parseSetParameterValue } from "./ddl-routine.js";
import { parseOptionList } from "./ddl-table.js";
import { expectParenthesizedExpr, parseExpr, parseExprListItems } from "./expressions.js";
import { atIdent, atLabel, expectIdent, expectLabel, parseQualifiedName, parseTableNameList } from "./names.js";
import type { Parser } from "./parser.js";
import { atSelectStart, parseSelectStmt } from "./select.js";
import { parseStatement } from "./statement.js";
import { parseTypeName } from "./types.js";

/** PREPARE TRANSACTION 'id' | PREPARE name [(types)] AS statement */
export function parsePrepare(p: Parser): void {
  p.start(SyntaxKind.PrepareStmt);
  p.bump();
  if (p.atK(Kw.transaction) && p.nth(1) === SyntaxKind.String) {
    p.bump();
    p.bump();
  } else {
    expectIdent(p, "statement name");
    if (p.eat(SyntaxKind.LParen)) {
      do parseTypeName(p);
      while (p.eat(SyntaxKind.Comma));
      p.expect(SyntaxKind.RParen, "')'");
    }
    if (p.expectK(Kw.as) || p.mysql) {
      if (p.mysql && p.atK(Kw.from)) {
        p.bump();
        parseExpr(p);
      } else parseStatement(p);
    }
  }
  p.finish();
}

/** EXECUTE name [(args)] (MySQL: EXECUTE name [USING @a, …]) */
export function parseExecute(p: Parser): void {
  p.start(SyntaxKind.ExecuteStmt);
  p.bump();
  expectIdent(p, "statement name");
  if (p.eat(SyntaxKind.LParen)) {
    parseExprListItems(p);
    p.expect(SyntaxKind.RParen, "')'");
  }
  if (p.mysql && p.eatK(Kw.using)) {
    do parseExpr(p);
    while (p.eat(SyntaxKind.Comma));
  }
  p.finish();
}

/** DEALLOCATE [PREPARE] name | ALL */
export function parseDeallocate(p: Parser): void {
  p.start(SyntaxKind.DeallocateStmt);
  p.bump();
  p.eatK(Kw.prepare);
  if (!p.eatK(Kw.all)) expectIdent(p, "statement name");
  p.finish();
}

/** DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [WITH|WITHOUT HOLD] FOR query */
export function parseDeclareCursor(p: Parser): void {
  p.start(SyntaxKind.DeclareCursorStmt);
  p.bump();
  expectIdent(p, "cursor name");
  for (let guard = 0; guard < 6; guard++) {
    if (p.atK(Kw.binary) || p.atK(Kw.asensitive) || p.atK(Kw.insensitive) || p.atK(Kw.scroll)) p.bump();
    else if (p.atK(Kw.no) && p.nthK(1, Kw.scroll)) {
      p.bump();
      p.bump();
    } else break;
  }
  p.expectK(Kw.cursor);
  if (p.eatK(Kw.with) || p.eatK(Kw.without)) p.expectK(Kw.hold);
  p.expectK(Kw.for);
  if (atSelectStart(p)) parseSelectStmt(p);
  else p.expected("query");
  p.finish();
}

const FETCH_DIRECTIONS = new Set(["next", "prior", "first", "last", "absolute", "relative", "all", "forward", "backward"]);

/** FETCH / MOVE [direction] [FROM|IN] cursor */
export function parseFetch(p: Parser): void {
  p.start(SyntaxKind.FetchStmt);
  p.bump();
  if (p.at(SyntaxKind.Word) && FETCH_DIRECTIONS.has(p.word!) && !p.atStatementEndAt(1)) {
    const w = p.word;
    p.bump();
    if ((w === "absolute" || w === "relative") || ((w === "forward" || w === "backward") && !p.atK(Kw.from) && !p.atK(Kw.in) && !p.atK(Kw.all))) {
      if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+")) p.bump();
      if (p.at(SyntaxKind.Number)) p.bump();
    }
    if ((w === "forward" || w === "backward") && p.atK(Kw.all)) p.bump();
  } else if (p.at(SyntaxKind.Number) || (p.at(SyntaxKind.Operator) && p.word === "-")) {
    if (!p.at(SyntaxKind.Number)) p.bump();
    p.bump();
  }
  if (!p.eatK(Kw.from)) p.eatK(Kw.in);
  expectIdent(p, "cursor name");
  p.finish();
}

/** CLOSE cursor | ALL */
export function parseClose(p: Parser): void {
  p.start(SyntaxKind.CloseStmt);
  p.bump();
  if (!p.eatK(Kw.all)) expectIdent(p, "cursor name");
  p.finish();
}

/** LISTEN channel / UNLISTEN channel | * / NOTIFY channel [, 'payload'] */
export function parseListenNotify(p: Parser): void {
  const w = p.word;
  p.start(w === "listen" ? SyntaxKind.ListenStmt : w === "notify" ? SyntaxKind.NotifyStmt : SyntaxKind.UnlistenStmt);
  p.bump();
  if (w === "unlisten" && p.atOp("*")) p.bump();
  else expectIdent(p, "channel name");
  if (w === "notify" && p.eat(SyntaxKind.Comma)) p.expect(SyntaxKind.String, "payload string");
  p.finish();
}

/** CHECKPOINT */
export function parseCheckpoint(p: Parser): void {
  p.start(SyntaxKind.CheckpointStmt);
  p.bump();
  p.finish();
}

/** CLUSTER [VERBOSE] [table [USING index]] */
export function parseCluster(p: Parser): void {
  p.start(SyntaxKind.ClusterStmt);
  p.bump();
  if (p.at(SyntaxKind.LParen)) parseOptionList(p);
  p.eatK(Kw.verbose);
  if (atIdent(p)) {
    parseQualifiedName(p, "table name");
    if (p.eatK(Kw.using)) expectIdent(p, "index name");
  }
  p.finish();
}

/** REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name (SQLite: REINDEX [name]) */
export function parseReindex(p: Parser): void {
  p.start(SyntaxKind.ReindexStmt);
  p.bump();
  if (p.sqlite) {
    if (atLabel(p)) parseQualifiedName(p);
    p.finish();
    return;
  }
  if (p.at(SyntaxKind.LParen)) parseOptionList(p);
  if (p.atK(Kw.index) || p.atK(Kw.table) || p.atK(Kw.schema) || p.atK(Kw.database) || p.atK(Kw.system)) p.bump();
  else p.expected("INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
  p.eatK(Kw.concurrently);
  if (atLabel(p)) parseQualifiedName(p);
  p.finish();
}

/** DISCARD ALL | PLANS | SEQUENCES | TEMP | TEMPORARY */
export function parseDiscard(p: Parser): void {
  p.start(SyntaxKind.DiscardStmt);
  p.bump();
  if (p.atK(Kw.all) || p.atK(Kw.plans) || p.atK(Kw.sequences) || p.atK(Kw.temp) || p.atK(Kw.temporary)) p.bump();
  else p.expected("ALL, PLANS, SEQUENCES or TEMP");
  p.finish();
}

const LOCK_MODES = new Set([
  "access share", "row share", "row exclusive", "share update exclusive", "share", "share row exclusive", "exclusive", "access exclusive",
]);

/** LOCK [TABLE] [ONLY] names [IN mode MODE] [NOWAIT] (MySQL: LOCK TABLES t READ|WRITE, …) */
export function parseLock(p: Parser): void {
  p.start(SyntaxKind.LockStmt);
  p.bump();
  if (p.mysql) {
    if (!p.eatK(Kw.tables)) p.expectK(Kw.table);
    do {
      parseQualifiedName(p, "table name");
      if (p.eatK(Kw.as)) expectIdent(p);
      if (p.eatK(Kw.read)) p.eatK(Kw.local);
      else if (!p.eatK(Kw.write)) p.expected("READ or WRITE");
    } while (p.eat(SyntaxKind.Comma));
    p.finish();
    return;
  }
  p.eatK(Kw.table);
  parseTableNameList(p);
  if (p.eatK(Kw.in)) {
    const words: string[] = [];
    for (let guard = 0; guard < 4 && p.at(SyntaxKind.Word) && !p.atK(Kw.mode); guard++) {
      words.push(p.word!);
      p.bump();
    }
    if (!LOCK_MODES.has(words.join(" "))) p.expected("lock mode");
    p.expectK(Kw.mode);
  }
  p.eatK(Kw.nowait);
  p.finish();
}

/** CREATE DATABASE name [[WITH] option [=] value …] */
export function parseCreateDatabaseRest(p: Parser): void {
  if (p.atK(Kw.if) && (p.nthK(1, Kw.not) || !p.postgres)) {
    p.bump();
    p.expectK(Kw.not);
    p.expectK(Kw.exists);
  }
  expectIdent(p, "database name");
  p.eatK(Kw.with);
  parseLooseOptions(p);
}

const ROLE_OPTIONS = new Set([
  "superuser", "nosuperuser", "createdb", "nocreatedb", "createrole", "nocreaterole", "inherit", "noinherit", "login",
  "nologin", "replication", "noreplication", "bypassrls", "nobypassrls", "connection", "password", "encrypted",
  "unencrypted", "valid", "in", "role", "admin", "user", "sysid",
]);

/** `name [=] value` options (CREATE DATABASE, CREATE/ALTER ROLE) up to the end of the statement. */
function parseLooseOptions(p: Parser, roleOptions = false): void {
  while (p.at(SyntaxKind.Word)) {
    const progress = p.position;
    if (roleOptions && !ROLE_OPTIONS.has(p.word!)) {
      p.errorBump(`expected a role option, found '${p.tokenText()}'`);
      continue;
    }
    p.start(SyntaxKind.Option);
    const w = p.word;
    p.bump();
    if ((w === "connection" && p.atK(Kw.limit)) || (w === "valid" && p.atK(Kw.until)) || (w === "in" && (p.atK(Kw.role) || p.atK(Kw.group)))) p.bump();
    p.eatOp("=");
    if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || p.at(SyntaxKind.QuotedIdent)) p.bump();
    else if (w === "password" && p.atK(Kw.null)) p.bump();
    else if (!roleOptions && !(p.at(SyntaxKind.Word) || p.at(SyntaxKind.Operator))) p.expected(`a value for ${w?.toUpperCase() ?? "the option"}`);
    else if (p.at(SyntaxKind.Operator) && p.word === "-" && p.nth(1) === SyntaxKind.Number) {
      p.bump();
      p.bump();
    } else if (p.at(SyntaxKind.Word) && (w === "owner" || w === "template" || w === "encoding" || w === "tablespace" || w === "strategy" || w === "locale_provider" || w === "role" || w === "admin" || w === "user" || w === "group" || w === "sysid")) {
      do p.bumpIdent();
      while (p.eat(SyntaxKind.Comma) && atLabel(p));
    }
    p.finish();
    if (p.position === progress) break;
  }
}

/** CREATE ROLE|USER|GROUP name [[WITH] options] */
export function parseCreateRoleRest(p: Parser): void {
  if (p.atK(Kw.if) && (p.nthK(1, Kw.not) || !p.postgres)) {
    p.bump();
    p.expectK(Kw.not);
    p.expectK(Kw.exists);
  }
  if (p.at(SyntaxKind.String) || atLabel(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  else p.expected("role name");
  if (p.mysql) {
    // 'user'@'host' IDENTIFIED BY 'pw'
    if (p.at(SyntaxKind.Param)) p.bump();
    while (p.at(SyntaxKind.Word) || p.at(SyntaxKind.String)) p.bump();
    return;
  }
  p.eatK(Kw.with);
  parseLooseOptions(p, true);
}

/** ALTER ROLE|USER name [WITH] options | RENAME TO | SET/RESET … */
export function parseAlterRole(p: Parser): void {
  p.start(SyntaxKind.AlterRoleStmt);
  p.bump();
  p.bump();
  if (p.at(SyntaxKind.String) || atLabel(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  else p.expected("role name");
  if (p.atK(Kw.rename)) {
    p.bump();
    p.expectK(Kw.to);
    expectIdent(p, "new name");
  } else if (p.atK(Kw.set) || p.atK(Kw.reset) || p.atK(Kw.in)) {
    if (p.eatK(Kw.in)) {
      p.expectK(Kw.database);
      expectIdent(p);
    }
    const set = p.atK(Kw.set);
    p.bump();
    parseQualifiedName(p, "parameter");
    if (set) parseSetParameterValue(p);
  } else {
    p.eatK(Kw.with);
    parseLooseOptions(p, true);
  }
  p.finish();
}

/** ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT|REVOKE … */
export function parseAlterDefaultPrivileges(p: Parser): void {
  p.start(SyntaxKind.AlterDefaultPrivilegesStmt);
  p.bump();
  p.bump();
  p.bump();
  for (let guard = 0; guard < 2; guard++) {
    if (p.atK(Kw.for)) {
      p.bump();
      if (!p.eatK(Kw.role)) p.expectK(Kw.user);
      do expectLabel(p, "role");
      while (p.eat(SyntaxKind.Comma));
    } else if (p.atK(Kw.in)) {
      p.bump();
      p.expectK(Kw.schema);
      do expectIdent(p, "schema name");
      while (p.eat(SyntaxKind.Comma));
    }
  }
  if (p.atK(Kw.grant) || p.atK(Kw.revoke)) parseGrantOrRevoke(p);
  else p.expected("GRANT or REVOKE");
  p.finish();
}

/** CREATE POLICY name ON table [AS PERMISSIVE|RESTRICTIVE] [FOR cmd] [TO roles] [USING (expr)] [WITH CHECK (expr)] */
export function parseCreatePolicyRest(p: Parser): void {
  expectIdent(p, "policy name");
  p.expectK(Kw.on);
  parseQualifiedName(p, "table name");
  if (p.eatK(Kw.as)) {
    if (!p.eatK(Kw.permissive)) p.expectK(Kw.restrictive);
  }
  if (p.eatK(Kw.for)) {
    if (p.atK(Kw.all) || p.atK(Kw.select) || p.atK(Kw.insert) || p.atK(Kw.update) || p.atK(Kw.delete)) p.bump();
    else p.expected("ALL, SELECT, INSERT, UPDATE or DELETE");
  }
  if (p.eatK(Kw.to)) {
    do expectLabel(p, "role");
    while (p.eat(SyntaxKind.Comma));
  }
  if (p.eatK(Kw.using)) {
    expectParenthesizedExpr(p);
  }
  if (p.atK(Kw.with) && p.nthK(1, Kw.check)) {
    p.bump();
    p.bump();
    expectParenthesizedExpr(p);
  }
}

/** CREATE EVENT TRIGGER name ON event [WHEN TAG IN ('…') [AND …]] EXECUTE FUNCTION|PROCEDURE f() */
export function parseCreateEventTriggerRest(p: Parser): void {
  expectIdent(p, "trigger name");
  p.expectK(Kw.on);
  expectIdent(p, "event name");
  if (p.eatK(Kw.when)) {
    do {
      expectIdent(p, "filter variable");
      p.expectK(Kw.in);
      p.expect(SyntaxKind.LParen, "'('");
      do p.expect(SyntaxKind.String, "string literal");
      while (p.eat(SyntaxKind.Comma));
      p.expect(SyntaxKind.RParen, "')'");
    } while (p.eatK(Kw.and));
  }
  p.expectK(Kw.execute);
  if (!p.eatK(Kw.function)) p.expectK(Kw.procedure);
  parseQualifiedName(p, "function name");
  p.expect(SyntaxKind.LParen, "'('");
  p.expect(SyntaxKind.RParen, "')'");
}

/** MySQL table commands: DESCRIBE t [col], OPTIMIZE|REPAIR|CHECKSUM TABLE t, …, UNLOCK TABLES. */
export function parseMysqlTableCommand(p: Parser): void {
  const w = p.word;
  p.start(w === "unlock" ? SyntaxKind.LockStmt : SyntaxKind.ShowStmt);
  p.bump();
  if (w === "unlock") {
    if (!p.eatK(Kw.tables)) p.expectK(Kw.table);
  } else if (w === "describe" || w === "desc") {
    parseQualifiedName(p, "table name");
    if (atLabel(p) || p.at(SyntaxKind.String)) p.bump();
  } else {
    if (p.atK(Kw.no_write_to_binlog) || p.atK(Kw.local)) p.bump();
    if (!p.eatK(Kw.table)) p.expectK(Kw.tables);
    do parseQualifiedName(p, "table name");
    while (p.eat(SyntaxKind.Comma));
    while (p.at(SyntaxKind.Word)) p.bump();
  }
  p.finish();
}
