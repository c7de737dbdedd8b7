import { SyntaxKind } from "../syntax/syntax-kind.js";
import { SyntaxCode } from "../diagnostic.js";
import { parseGrantOrRevoke } from "./ddl-create.js";
import { parseSetParameterValue } from "./ddl-routine.js";
import { parseOptionList, UTILITY_OPTIONS } from "./ddl-table.js";
import { expectParenthesizedExpr, parseExpr, parseExprListItems } from "./expressions.js";
import { atFullyReservedWord, atIdent, atLabel, atPlainIdent, atSubstitutedName, expectIdent, expectLabel, expectRoleName, parseQualifiedName, parseRoutineName, parseTableNameList, reservedAsName } from "./names.js";
import { parseRoleList, parseRoleSpec } from "./ddl-objects.js";
import { describeToken, type Parser } from "./parser.js";
import { atSelectStart, parseSelectStmt } from "./select.js";
import { parseStatement } from "./statement.js";
import { parseExplain } from "./utility.js";
import { parseTypeName } from "./types.js";

/** PREPARE TRANSACTION 'id' | PREPARE name [(types)] AS statement */
export function parsePrepare(p: Parser): void {
  p.start(SyntaxKind.PrepareStmt);
  p.bump();
  if (p.atKw("transaction") && p.nth(1) === SyntaxKind.String) {
    if (p.mysql) p.wrongDialect("PREPARE TRANSACTION", "MySQL's two-phase transactions are XA PREPARE");
    p.bump();
    p.bump();
  } else {
    expectIdent(p, "statement name");
    if (p.mysql && (p.at(SyntaxKind.LParen) || p.atKw("as"))) p.wrongDialect("PREPARE name AS statement", "MySQL writes PREPARE name FROM 'statement text'");
    if (p.eat(SyntaxKind.LParen)) {
      do parseTypeName(p);
      while (p.eat(SyntaxKind.Comma));
      p.expect(SyntaxKind.RParen, "')'");
    }
    if (p.mysql && p.atKw("from")) {
      // MySQL: PREPARE s FROM 'text' | @variable
      p.bump();
      parseExpr(p);
    } else if (p.expectKw("as")) {
      if (p.atStatementEnd) p.expected("statement");
      else {
        // PostgreSQL's PreparableStmt: a query, INSERT, UPDATE, DELETE or MERGE.
        if (p.postgres && !atSelectStart(p) && !(p.atKw("insert") || p.atKw("update") || p.atKw("delete") || p.atKw("merge"))) {
          const [start, end] = p.currentRange();
          p.report(SyntaxCode.UnexpectedToken, "PREPARE takes a query, INSERT, UPDATE, DELETE or MERGE", start, end);
        }
        parseStatement(p);
      }
    }
  }
  p.finish();
}

/** EXECUTE name [(args)] (MySQL: EXECUTE name [USING @a, …]) */
export function parseExecute(p: Parser): void {
  p.start(SyntaxKind.ExecuteStmt);
  p.bump();
  expectIdent(p, "statement name");
  if (p.mysql && p.at(SyntaxKind.LParen)) p.wrongDialect("EXECUTE name (…)", "MySQL passes values with EXECUTE name USING @a, …");
  if (p.eat(SyntaxKind.LParen)) {
    // (A statement without parameters is executed without parentheses.)
    if (p.at(SyntaxKind.RParen) && !p.mysql) p.expected("expression");
    else parseExprListItems(p);
    p.expect(SyntaxKind.RParen, "')'");
  }
  if (p.mysql && p.eatKw("using")) {
    do parseExpr(p);
    while (p.eat(SyntaxKind.Comma));
  }
  p.finish();
}

/** DEALLOCATE [PREPARE] name | ALL */
export function parseDeallocate(p: Parser): void {
  p.start(SyntaxKind.DeallocateStmt);
  p.bump();
  // PREPARE is optional: `DEALLOCATE prepare` deallocates a statement called prepare.
  if (p.atKw("prepare") && !p.atStatementEndAt(1)) p.bump();
  else if (p.mysql) p.wrongDialect("DEALLOCATE without PREPARE", "MySQL writes DEALLOCATE PREPARE name");
  if (p.mysql && p.atKw("all")) p.wrongDialect("DEALLOCATE ALL", "MySQL deallocates one statement at a time");
  if (!p.eatKw("all")) expectIdent(p, "statement name");
  p.finish();
}

/** DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [WITH|WITHOUT HOLD] FOR query */
export function parseDeclareCursor(p: Parser): void {
  p.start(SyntaxKind.DeclareCursorStmt);
  p.bump();
  expectIdent(p, "cursor name");
  for (let guard = 0; guard < 6; guard++) {
    if (p.atKw("binary") || p.atKw("asensitive") || p.atKw("insensitive") || p.atKw("scroll")) p.bump();
    else if (p.atKw("no") && p.nthKw(1, "scroll")) {
      p.bump();
      p.bump();
    } else break;
  }
  p.expectKw("cursor");
  if (p.eatKw("with") || p.eatKw("without")) p.expectKw("hold");
  p.expectKw("for");
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
    if ((w === "absolute" || w === "relative") || ((w === "forward" || w === "backward") && !p.atKw("from") && !p.atKw("in") && !p.atKw("all"))) {
      if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+")) p.bump();
      if (p.at(SyntaxKind.Number)) p.bump();
      // (ABSOLUTE and RELATIVE need their count; FORWARD and BACKWARD go one row without one.)
      else if (w === "absolute" || w === "relative") p.expected("a row count");
    }
    if ((w === "forward" || w === "backward") && p.atKw("all")) p.bump();
  } else if (p.at(SyntaxKind.Number) || (p.at(SyntaxKind.Operator) && p.word === "-")) {
    if (!p.at(SyntaxKind.Number)) p.bump();
    if (p.at(SyntaxKind.Number)) p.bump();
    else p.expected("a row count");
  }
  if (!p.eatKw("from")) p.eatKw("in");
  expectIdent(p, "cursor name");
  p.finish();
}

/** CLOSE cursor | ALL */
export function parseClose(p: Parser): void {
  p.start(SyntaxKind.CloseStmt);
  p.bump();
  if (!p.eatKw("all")) expectIdent(p, "cursor name");
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
  if (p.at(SyntaxKind.LParen)) parseOptionList(p, UTILITY_OPTIONS);
  p.eatKw("verbose");
  if (atIdent(p)) {
    parseQualifiedName(p, "table name");
    if (p.eatKw("using")) expectIdent(p, "index name");
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
  if (p.at(SyntaxKind.LParen)) parseOptionList(p, UTILITY_OPTIONS);
  // INDEX, TABLE and SCHEMA name what they rebuild; DATABASE and SYSTEM may (the current one).
  const named = p.atKw("index") || p.atKw("table") || p.atKw("schema");
  if (named || p.atKw("database") || p.atKw("system")) p.bump();
  else p.expected("INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
  p.eatKw("concurrently");
  if (atLabel(p) || named) parseQualifiedName(p, "name");
  p.finish();
}

/** DISCARD ALL | PLANS | SEQUENCES | TEMP | TEMPORARY */
export function parseDiscard(p: Parser): void {
  p.start(SyntaxKind.DiscardStmt);
  p.bump();
  if (p.atKw("all") || p.atKw("plans") || p.atKw("sequences") || p.atKw("temp") || p.atKw("temporary")) p.bump();
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
    if (!p.eatKw("tables")) p.expectKw("table");
    do {
      parseQualifiedName(p, "table name");
      if (p.eatKw("as")) expectIdent(p);
      else if (atIdent(p) && !p.atKw("read") && !p.atKw("write") && !p.atKw("low_priority")) p.bumpIdent();
      if (p.eatKw("read")) p.eatKw("local");
      else if (p.eatKw("low_priority")) p.expectKw("write");
      else if (!p.eatKw("write")) p.expected("READ or WRITE");
    } while (p.eat(SyntaxKind.Comma));
    p.finish();
    return;
  }
  p.eatKw("table");
  parseTableNameList(p);
  if (p.eatKw("in")) {
    const words: string[] = [];
    for (let guard = 0; guard < 4 && p.at(SyntaxKind.Word) && !p.atKw("mode"); guard++) {
      words.push(p.word!);
      p.bump();
    }
    if (!LOCK_MODES.has(words.join(" "))) p.expected("lock mode");
    p.expectKw("mode");
  }
  p.eatKw("nowait");
  p.finish();
}

/** CREATE DATABASE name [[WITH] option [=] value …] */
export function parseCreateDatabaseRest(p: Parser): void {
  if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) {
    p.bump();
    p.expectKw("not");
    p.expectKw("exists");
  }
  expectIdent(p, "database name");
  p.eatKw("with");
  if (p.postgres) parsePostgresDatabaseOptions(p);
  else parseLooseOptions(p);
}

/** The keywords PostgreSQL takes as a database option's name (any other name is a plain identifier). */
const DATABASE_OPTION_KEYWORDS = new Set(["encoding", "location", "owner", "tablespace", "template"]);

/**
 * PostgreSQL's database options (CREATE DATABASE, ALTER DATABASE): `name [=] value` up to the end
 * of the statement, the name a plain identifier (`allow_connections`, `icu_locale`, …), CONNECTION
 * LIMIT or one of ENCODING, LOCATION, OWNER, TABLESPACE, TEMPLATE; the value a number, a string,
 * TRUE / FALSE / ON, DEFAULT or a name that is no reserved word.
 */
export function parsePostgresDatabaseOptions(p: Parser): void {
  while (!p.atStatementEnd) {
    const progress = p.position;
    p.start(SyntaxKind.Option);
    if (p.atKw("connection") && p.nthKw(1, "limit")) {
      p.bump();
      p.bump();
    } else if (atPlainIdent(p) || (p.at(SyntaxKind.Word) && DATABASE_OPTION_KEYWORDS.has(p.word!))) p.bump(p.at(SyntaxKind.Word) && !DATABASE_OPTION_KEYWORDS.has(p.word!) ? SyntaxKind.Ident : undefined);
    else p.expected("a database option (a name, CONNECTION LIMIT, ENCODING, OWNER, …)");
    p.eatOp("=");
    if (p.atOp("-") && p.nth(1) === SyntaxKind.Number) p.bump();
    // (A psql `:variable` stands for a value too: `OWNER :owner`.)
    if (p.at(SyntaxKind.Number) || p.at(SyntaxKind.String) || p.atKw("true") || p.atKw("false") || p.atKw("on") || p.atKw("default") || atSubstitutedName(p)) p.bump();
    else if (atFullyReservedWord(p) || !atLabel(p)) p.expected("an option value");
    else p.bumpIdent();
    p.finish();
    if (p.position === progress) break;
  }
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
    if (roleOptions && p.postgres) {
      parsePostgresRoleOption(p);
      if (p.position === progress) break;
      continue;
    }
    p.start(SyntaxKind.Option);
    const w = p.word;
    p.bump();
    if ((w === "connection" && p.atKw("limit")) || (w === "valid" && p.atKw("until")) || (w === "in" && (p.atKw("role") || p.atKw("group")))) p.bump();
    p.eatOp("=");
    if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || p.at(SyntaxKind.QuotedIdent) || atSubstitutedName(p)) p.bump();
    else if (w === "password" && p.atKw("null")) p.bump();
    else if (!roleOptions && !(p.at(SyntaxKind.Word) || p.at(SyntaxKind.Operator))) p.expected(`a value for ${w?.toUpperCase() ?? "the option"}`);
    else if (p.at(SyntaxKind.Operator) && p.word === "-" && p.nth(1) === SyntaxKind.Number) {
      p.bump();
      p.bump();
    } else if (p.at(SyntaxKind.Word) && (w === "owner" || w === "template" || w === "encoding" || w === "tablespace" || w === "strategy" || w === "locale_provider" || w === "role" || w === "admin" || w === "user" || w === "group" || w === "sysid" || w === "in")) {
      do p.bumpIdent();
      while (p.eat(SyntaxKind.Comma) && atLabel(p));
    } else if (roleOptions && (w === "in" || w === "role" || w === "admin" || w === "user")) p.expected("role name");
    p.finish();
    if (p.position === progress) break;
  }
}

/**
 * One PostgreSQL role option, with the value its grammar requires: `PASSWORD 'x' | NULL`,
 * `[ENCRYPTED] PASSWORD 'x'`, `CONNECTION LIMIT n`, `VALID UNTIL 'time'`, `SYSID n`, `IN ROLE`,
 * `ROLE`, `ADMIN`, `USER` with roles; the flags (LOGIN, NOSUPERUSER, …) alone.
 */
function parsePostgresRoleOption(p: Parser): void {
  p.start(SyntaxKind.Option);
  const w = p.word!;
  p.bump();
  switch (w) {
    case "encrypted":
    case "unencrypted":
      p.expectKw("password");
      p.expect(SyntaxKind.String, "password string");
      break;
    case "password":
      if (!p.eatKw("null")) p.expect(SyntaxKind.String, "password string or NULL");
      break;
    case "connection":
      p.expectKw("limit");
      if (p.atOp("-")) p.bump();
      p.expect(SyntaxKind.Number, "connection limit");
      break;
    case "valid":
      p.expectKw("until");
      p.expect(SyntaxKind.String, "timestamp string");
      break;
    case "sysid":
      p.expect(SyntaxKind.Number, "system id");
      break;
    case "in":
      if (!p.eatKw("role")) p.expectKw("group");
      parseRoleList(p);
      break;
    case "role":
    case "admin":
    case "user":
      parseRoleList(p);
      break;
  }
  p.finish();
}

/** CREATE ROLE|USER|GROUP name [[WITH] options] */
export function parseCreateRoleRest(p: Parser): void {
  if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) {
    p.bump();
    p.expectKw("not");
    p.expectKw("exists");
  }
  if (atFullyReservedWord(p)) reservedAsName(p, "a role name");
  else if (p.at(SyntaxKind.String) || atLabel(p) || atSubstitutedName(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  else p.expected("role name");
  if (p.mysql) {
    // 'user'@'host' IDENTIFIED BY 'pw'
    if (p.at(SyntaxKind.Param)) p.bump();
    while (p.at(SyntaxKind.Word) || p.at(SyntaxKind.String)) p.bump();
    return;
  }
  p.eatKw("with");
  parseLooseOptions(p, true);
}

/** ALTER ROLE|USER name [WITH] options | RENAME TO | SET/RESET … */
export function parseAlterRole(p: Parser): void {
  p.start(SyntaxKind.AlterRoleStmt);
  p.bump();
  const group = p.atKw("group");
  p.bump();
  // (ALTER ROLE ALL SET … sets a parameter for every role.)
  const allRoles = p.postgres && !group && p.atKw("all");
  if (p.postgres && !p.at(SyntaxKind.String) && !(p.atKw("all") && !group)) {
    if (p.atKw("with")) p.expected("role name");
    else parseRoleSpec(p);
  } else if (p.at(SyntaxKind.String) || atLabel(p) || atSubstitutedName(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  else p.expected("role name");
  // (ALTER ROLE r alone is an empty option list; ALTER GROUP g needs its action, ALTER ROLE ALL a setting.)
  if (group && p.postgres && p.atStatementEnd) p.expected("ADD USER, DROP USER or RENAME TO");
  else if (allRoles && !(p.atKw("set") || p.atKw("reset") || p.atKw("in"))) p.expected("SET, RESET or IN DATABASE");
  else if (group && p.postgres && (p.atKw("add") || p.atKw("drop"))) {
    // ALTER GROUP g {ADD | DROP} USER u [, …]
    p.bump();
    p.expectKw("user");
    parseRoleList(p);
  } else if (p.atKw("rename")) {
    p.bump();
    p.expectKw("to");
    expectIdent(p, "new name");
  } else if (group && p.postgres) {
    // ALTER GROUP takes no role options or settings (`ALTER GROUP add USER u` names a group "add").
    p.recoverUntil(() => false, `unexpected ${describeToken(p.kind, p.tokenText())}: ALTER GROUP takes ADD USER, DROP USER or RENAME TO`);
  } else if (p.atKw("set") || p.atKw("reset") || p.atKw("in")) {
    if (p.eatKw("in")) {
      p.expectKw("database");
      expectIdent(p);
    }
    const set = p.atKw("set");
    p.bump();
    parseQualifiedName(p, "parameter");
    if (set) parseSetParameterValue(p);
  } else {
    p.eatKw("with");
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
    if (p.atKw("for")) {
      p.bump();
      if (!p.eatKw("role")) p.expectKw("user");
      do expectRoleName(p);
      while (p.eat(SyntaxKind.Comma));
    } else if (p.atKw("in")) {
      p.bump();
      p.expectKw("schema");
      do expectIdent(p, "schema name");
      while (p.eat(SyntaxKind.Comma));
    }
  }
  if (p.atKw("grant") || p.atKw("revoke")) parseGrantOrRevoke(p, true);
  else p.expected("GRANT or REVOKE");
  p.finish();
}

/** CREATE POLICY name ON table [AS PERMISSIVE|RESTRICTIVE] [FOR cmd] [TO roles] [USING (expr)] [WITH CHECK (expr)] */
export function parseCreatePolicyRest(p: Parser): void {
  expectIdent(p, "policy name");
  p.expectKw("on");
  parseQualifiedName(p, "table name");
  if (p.eatKw("as")) {
    if (!p.eatKw("permissive")) p.expectKw("restrictive");
  }
  if (p.eatKw("for")) {
    if (p.atKw("all") || p.atKw("select") || p.atKw("insert") || p.atKw("update") || p.atKw("delete")) p.bump();
    else p.expected("ALL, SELECT, INSERT, UPDATE or DELETE");
  }
  if (p.eatKw("to")) {
    do expectRoleName(p);
    while (p.eat(SyntaxKind.Comma));
  }
  if (p.eatKw("using")) {
    expectParenthesizedExpr(p);
  }
  if (p.atKw("with") && p.nthKw(1, "check")) {
    p.bump();
    p.bump();
    expectParenthesizedExpr(p);
  }
}

/** CREATE EVENT TRIGGER name ON event [WHEN TAG IN ('…') [AND …]] EXECUTE FUNCTION|PROCEDURE f() */
export function parseCreateEventTriggerRest(p: Parser): void {
  expectIdent(p, "trigger name");
  p.expectKw("on");
  // (Any word: the server, not the grammar, knows the events.)
  expectLabel(p, "event name");
  if (p.eatKw("when")) {
    do {
      expectIdent(p, "filter variable");
      p.expectKw("in");
      p.expect(SyntaxKind.LParen, "'('");
      do p.expect(SyntaxKind.String, "string literal");
      while (p.eat(SyntaxKind.Comma));
      p.expect(SyntaxKind.RParen, "')'");
    } while (p.eatKw("and"));
  }
  p.expectKw("execute");
  if (!p.eatKw("function")) p.expectKw("procedure");
  parseRoutineName(p, "function name");
  p.expect(SyntaxKind.LParen, "'('");
  p.expect(SyntaxKind.RParen, "')'");
}

/** Whether the n-th token starts what EXPLAIN takes beyond a table name (a statement, ANALYZE, FORMAT =, FOR CONNECTION). */
function atExplainableAt(p: Parser, n: number): boolean {
  if (p.nth(n) === SyntaxKind.LParen) return true;
  if (p.nth(n) !== SyntaxKind.Word) return false;
  switch (p.wordAt(n)) {
    case "select":
    case "with":
    case "insert":
    case "update":
    case "delete":
    case "replace":
    case "table":
    case "values":
    case "analyze":
    case "extended":
      return true;
    case "format":
      return p.nthOp(n + 1, "=");
    case "for":
      return p.nthKw(n + 1, "connection");
    default:
      return false;
  }
}

/** MySQL table commands: DESCRIBE t [col], OPTIMIZE|REPAIR|CHECKSUM TABLE t, …, UNLOCK TABLES. */
export function parseMysqlTableCommand(p: Parser): void {
  const w = p.word;
  if ((w === "describe" || w === "desc") && atExplainableAt(p, 1)) {
    // DESCRIBE and DESC are EXPLAIN's synonyms: DESCRIBE SELECT …, DESC FORMAT=TREE …
    parseExplain(p);
    return;
  }
  p.start(w === "unlock" ? SyntaxKind.LockStmt : SyntaxKind.ShowStmt);
  p.bump();
  if (w === "unlock") {
    if (!p.eatKw("tables")) p.expectKw("table");
  } else if (w === "describe" || w === "desc") {
    parseQualifiedName(p, "table name");
    // A column name (or a wildcard pattern string)
    if (atLabel(p) || p.at(SyntaxKind.String)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  } else {
    if (p.atKw("no_write_to_binlog") || p.atKw("local")) p.bump();
    if (!p.eatKw("table")) p.expectKw("tables");
    do parseQualifiedName(p, "table name");
    while (p.eat(SyntaxKind.Comma));
    // The command's options: CHECK's FOR UPGRADE, QUICK, FAST, MEDIUM, EXTENDED, CHANGED; REPAIR's
    // QUICK, EXTENDED, USE_FRM; CHECKSUM's QUICK or EXTENDED (the statement's end reports others).
    const options = TABLE_COMMAND_OPTIONS.get(w!);
    while (options !== undefined && p.at(SyntaxKind.Word) && options.has(p.word!)) {
      const upgrade = p.atKw("for");
      p.bump();
      if (upgrade) p.expectKw("upgrade");
    }
  }
  p.finish();
}

/** The options MySQL's table maintenance commands take after their tables. */
const TABLE_COMMAND_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["check", new Set(["for", "quick", "fast", "medium", "extended", "changed"])],
  ["repair", new Set(["quick", "extended", "use_frm"])],
  ["checksum", new Set(["quick", "extended"])],
]);
