import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseAccountName } from "./ddl-create.js";
import { parseExpr } from "./expressions.js";
import { atLabel, expectLabel, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";

/** The words MySQL's SHOW statements start with (after SHOW). */
const MYSQL_SHOW_WORDS: ReadonlySet<string> = new Set([
  "binary", "master", "binlog", "character", "charset", "collation", "columns", "fields", "full", "extended", "create",
  "databases", "schemas", "engine", "storage", "engines", "errors", "events", "function", "grants", "index", "indexes",
  "keys", "open", "plugins", "privileges", "procedure", "processlist", "profile", "profiles", "relaylog", "replicas",
  "slave", "replica", "global", "session", "local", "status", "table", "tables", "triggers", "variables", "warnings", "count",
]);

/**
 * MySQL 8's SHOW statements, each by its own grammar (after SHOW; the caller opened the
 * statement node). Keywords are bumped as keywords and the names in them (tables, databases,
 * routines, engines, channels) as names, so that formatting never changes a name's case;
 * anything the form does not take is left for the statement's end, which reports it. Returns
 * false, consuming nothing, when the word after SHOW starts none of MySQL's forms.
 */
export function parseMysqlShow(p: Parser): boolean {
  const first = p.word;
  if (!p.at(SyntaxKind.Word) || !MYSQL_SHOW_WORDS.has(first!)) return false;
  parseMysqlShowForm(p, first!);
  return true;
}

/** The SHOW statement whose first word (after SHOW), `first`, is at the cursor. */
function parseMysqlShowForm(p: Parser, first: string): void {
  switch (first) {
    case "binary":
      // SHOW BINARY LOGS | SHOW BINARY LOG STATUS (8.2's name for SHOW MASTER STATUS)
      p.bump();
      if (p.atKw("log")) {
        p.bump();
        p.expectKw("status");
      } else p.expectKw("logs");
      return;
    case "master":
      p.bump();
      if (!p.eatKw("logs")) p.expectKw("status");
      return;
    case "binlog":
    case "relaylog":
      // SHOW {BINLOG | RELAYLOG} EVENTS [IN 'log'] [FROM position] [LIMIT [offset,] count] [FOR CHANNEL ch]
      p.bump();
      p.expectKw("events");
      if (p.eatKw("in")) expectString(p, "log file name");
      if (p.eatKw("from")) expectNumber(p, "log position");
      parseShowLimit(p);
      if (first === "relaylog") parseChannel(p);
      return;
    case "character":
      p.bump();
      p.expectKw("set");
      parseLikeOrWhere(p);
      return;
    case "charset":
    case "collation":
    case "databases":
    case "schemas":
    case "status":
    case "variables":
      p.bump();
      parseLikeOrWhere(p);
      return;
    case "global":
    case "session":
    case "local":
      // SHOW [GLOBAL | SESSION] {STATUS | VARIABLES}
      p.bump();
      if (p.atKw("status") || p.atKw("variables")) p.bump();
      else p.expected("STATUS or VARIABLES");
      parseLikeOrWhere(p);
      return;
    case "create":
      parseShowCreate(p);
      return;
    case "engine":
      // SHOW ENGINE name {STATUS | MUTEX | LOGS}
      p.bump();
      if (p.atKw("all")) p.bump();
      else if (p.at(SyntaxKind.String)) p.bump();
      else if (atLabel(p)) p.bumpIdent();
      else p.expected("storage engine name");
      if (p.atKw("status") || p.atKw("mutex") || p.atKw("logs")) p.bump();
      else p.expected("STATUS or MUTEX");
      return;
    case "storage":
      p.bump();
      p.expectKw("engines");
      return;
    case "errors":
    case "warnings":
      p.bump();
      parseShowLimit(p);
      return;
    case "count":
      // SHOW COUNT(*) {ERRORS | WARNINGS}
      p.bump();
      p.expect(SyntaxKind.LParen, "'('");
      p.expectOp("*");
      p.expect(SyntaxKind.RParen, "')'");
      if (p.atKw("errors") || p.atKw("warnings")) p.bump();
      else p.expected("ERRORS or WARNINGS");
      return;
    case "events":
    case "triggers":
      p.bump();
      parseFromIn(p, "database name");
      parseLikeOrWhere(p);
      return;
    case "function":
    case "procedure":
      // SHOW {FUNCTION | PROCEDURE} {CODE name | STATUS [LIKE … | WHERE …]}
      p.bump();
      if (p.eatKw("code")) parseQualifiedName(p, `${first} name`);
      else if (p.eatKw("status")) parseLikeOrWhere(p);
      else p.expected("CODE or STATUS");
      return;
    case "grants":
      // SHOW GRANTS [FOR account [USING role [, role] …]]
      p.bump();
      if (p.eatKw("for")) {
        parseAccountName(p);
        if (p.eatKw("using")) {
          do parseAccountName(p);
          while (p.eat(SyntaxKind.Comma));
        }
      }
      return;
    case "open":
      p.bump();
      p.expectKw("tables");
      parseFromIn(p, "database name");
      parseLikeOrWhere(p);
      return;
    case "plugins":
    case "privileges":
    case "profiles":
    case "replicas":
    case "engines":
      p.bump();
      return;
    case "profile":
      parseShowProfile(p);
      return;
    case "slave":
    case "replica":
      // SHOW {REPLICA | SLAVE} STATUS [FOR CHANNEL ch], SHOW SLAVE HOSTS
      p.bump();
      if (first === "slave" && p.eatKw("hosts")) return;
      p.expectKw("status");
      parseChannel(p);
      return;
    case "table":
      p.bump();
      p.expectKw("status");
      parseFromIn(p, "database name");
      parseLikeOrWhere(p);
      return;
    default:
      parseShowListing(p);
  }
}

/**
 * SHOW [EXTENDED] [FULL] {COLUMNS | FIELDS} {FROM | IN} t [{FROM | IN} db] [LIKE … | WHERE …],
 * SHOW [EXTENDED] {INDEX | INDEXES | KEYS} {FROM | IN} t [{FROM | IN} db] [WHERE …],
 * SHOW [EXTENDED] [FULL] TABLES [{FROM | IN} db] [LIKE … | WHERE …], SHOW [FULL] PROCESSLIST.
 */
function parseShowListing(p: Parser): void {
  const extended = p.eatKw("extended");
  const full = p.eatKw("full");
  const what = p.word;
  if (p.at(SyntaxKind.Word) && (what === "columns" || what === "fields")) {
    p.bump();
    expectFromIn(p, "table name");
    parseFromIn(p, "database name");
    parseLikeOrWhere(p);
  } else if (p.at(SyntaxKind.Word) && !full && (what === "index" || what === "indexes" || what === "keys")) {
    p.bump();
    expectFromIn(p, "table name");
    parseFromIn(p, "database name");
    if (p.eatKw("where")) parseExpr(p);
  } else if (p.atKw("tables")) {
    p.bump();
    parseFromIn(p, "database name");
    parseLikeOrWhere(p);
  } else if (p.atKw("processlist") && !extended) p.bump();
  else p.expected(full ? "COLUMNS, TABLES or PROCESSLIST" : "COLUMNS, INDEX or TABLES");
}

/** What SHOW CREATE names after its kind. */
const SHOW_CREATE_KINDS: ReadonlySet<string> = new Set(["table", "view", "procedure", "function", "trigger", "event"]);

/** SHOW CREATE {DATABASE | SCHEMA} [IF NOT EXISTS] db | SHOW CREATE kind name | SHOW CREATE USER account. */
function parseShowCreate(p: Parser): void {
  p.bump();
  if (p.atKw("database") || p.atKw("schema")) {
    p.bump();
    if (p.atKw("if") && p.nthKw(1, "not") && p.nthKw(2, "exists")) {
      p.bump();
      p.bump();
      p.bump();
    }
    expectLabel(p, "database name");
  } else if (p.atKw("user")) {
    p.bump();
    parseAccountName(p);
  } else if (p.at(SyntaxKind.Word) && SHOW_CREATE_KINDS.has(p.word!)) {
    const kind = p.word!;
    p.bump();
    parseQualifiedName(p, `${kind} name`);
  } else p.expected("DATABASE, TABLE, VIEW, FUNCTION, PROCEDURE, TRIGGER, EVENT or USER");
}

/** The kinds of figures SHOW PROFILE lists (two-word ones by their first word). */
const PROFILE_TYPES: ReadonlyMap<string, string | undefined> = new Map([
  ["all", undefined], ["block", "io"], ["context", "switches"], ["cpu", undefined], ["ipc", undefined],
  ["memory", undefined], ["page", "faults"], ["source", undefined], ["swaps", undefined],
]);

/** SHOW PROFILE [type [, type] …] [FOR QUERY n] [LIMIT count [OFFSET offset]] */
function parseShowProfile(p: Parser): void {
  p.bump();
  if (p.at(SyntaxKind.Word) && PROFILE_TYPES.has(p.word!)) {
    do {
      if (!p.at(SyntaxKind.Word) || !PROFILE_TYPES.has(p.word!)) {
        p.expected("profile type (ALL, BLOCK IO, CONTEXT SWITCHES, CPU, IPC, MEMORY, PAGE FAULTS, SOURCE, SWAPS)");
        break;
      }
      const second = PROFILE_TYPES.get(p.word!);
      p.bump();
      if (second !== undefined) p.expectKw(second);
    } while (p.eat(SyntaxKind.Comma));
  }
  if (p.eatKw("for")) {
    p.expectKw("query");
    expectNumber(p, "query number");
  }
  if (p.eatKw("limit")) {
    expectNumber(p, "row count");
    if (p.eatKw("offset")) expectNumber(p, "offset");
  }
}

/** `[LIKE 'pattern' | WHERE expr]`: MySQL's LIKE here takes a string literal only. */
function parseLikeOrWhere(p: Parser): void {
  if (p.eatKw("like")) expectString(p, "pattern string");
  else if (p.eatKw("where")) parseExpr(p);
}

/** `[{FROM | IN} name]` */
function parseFromIn(p: Parser, what: string): void {
  if (p.atKw("from") || p.atKw("in")) expectFromIn(p, what);
}

/** `{FROM | IN} name` */
function expectFromIn(p: Parser, what: string): void {
  if (p.atKw("from") || p.atKw("in")) {
    p.bump();
    parseQualifiedName(p, what);
  } else p.expected("FROM or IN");
}

/** `[LIMIT [offset,] count]` of SHOW WARNINGS / ERRORS / BINLOG EVENTS. */
function parseShowLimit(p: Parser): void {
  if (!p.eatKw("limit")) return;
  expectNumber(p, "row count");
  if (p.eat(SyntaxKind.Comma)) expectNumber(p, "row count");
}

/** `[FOR CHANNEL name]` */
function parseChannel(p: Parser): void {
  if (!p.atKw("for") || !p.nthKw(1, "channel")) return;
  p.bump();
  p.bump();
  if (p.at(SyntaxKind.String)) p.bump();
  else expectLabel(p, "channel name");
}

function expectString(p: Parser, what: string): void {
  if (p.at(SyntaxKind.String)) p.bump();
  else p.expected(what);
}

/** A number, or a `?` placeholder (SHOW runs as a prepared statement too). */
function expectNumber(p: Parser, what: string): void {
  if (p.at(SyntaxKind.Number)) p.bump();
  else if (p.atOp("?")) p.bump(SyntaxKind.Param);
  else p.expected(what);
}
