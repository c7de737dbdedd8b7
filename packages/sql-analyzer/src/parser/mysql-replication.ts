import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseIfExists } from "./ddl-table.js";
import { atLabel, expectLabel, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";

/**
 * MySQL's replication control: START / STOP REPLICA (and its older spelling SLAVE),
 * START / STOP GROUP_REPLICATION, and RESET of the replica, the source's binary logs
 * (RESET MASTER, RESET BINARY LOGS AND GTIDS) and persisted variables (RESET PERSIST).
 * CHANGE REPLICATION SOURCE / FILTER and PURGE BINARY LOGS live in `mysql-admin.ts`.
 */

/** The replication threads START / STOP REPLICA may name (RELAY_THREAD is IO_THREAD's synonym). */
const THREAD_TYPES = new Set(["io_thread", "sql_thread", "relay_thread"]);

/**
 * The conditions of `START REPLICA … UNTIL`, each with whether its value is a string
 * (a file name or a GTID set) rather than a position.
 */
const UNTIL_CONDITIONS = new Map([
  ["source_log_file", true], ["master_log_file", true], ["relay_log_file", true], ["sql_before_gtids", true],
  ["sql_after_gtids", true], ["source_log_pos", false], ["master_log_pos", false], ["relay_log_pos", false],
]);

/**
 * The credentials START REPLICA may give for its connection, in the only order MySQL
 * takes them.
 */
const CONNECTION_OPTIONS = ["user", "password", "default_auth", "plugin_dir"];

/** The credentials of START GROUP_REPLICATION (comma-separated, in any order). */
const GROUP_REPLICATION_OPTIONS = new Set(["user", "password", "default_auth"]);

/** Whether START / STOP at the current token controls replication (the word after it says so). */
export function atReplicaControl(p: Parser): boolean {
  return p.nthKw(1, "replica") || p.nthKw(1, "slave") || p.nthKw(1, "group_replication");
}

/**
 * `START {REPLICA | SLAVE} [thread, …] [UNTIL condition] [USER = 'u'] [PASSWORD = 'p']
 * [DEFAULT_AUTH = 'x'] [PLUGIN_DIR = 'd'] [FOR CHANNEL ch]`, `STOP {REPLICA | SLAVE}
 * [thread, …] [FOR CHANNEL ch]`, `START GROUP_REPLICATION [option = 'v', …]` and `STOP
 * GROUP_REPLICATION`.
 */
export function parseReplicaControl(p: Parser): void {
  p.start(SyntaxKind.ReplicaControlStmt);
  const start = p.atKw("start");
  p.bump();
  if (p.eatKw("group_replication")) {
    if (start && p.at(SyntaxKind.Word)) {
      do parseStringOption(p, GROUP_REPLICATION_OPTIONS.has(p.word ?? ""), "USER, PASSWORD or DEFAULT_AUTH");
      while (p.eat(SyntaxKind.Comma));
    }
    p.finish();
    return;
  }
  p.bump(); // REPLICA or SLAVE (the dispatch checked)
  if (p.at(SyntaxKind.Word) && THREAD_TYPES.has(p.word!)) {
    p.start(SyntaxKind.Option);
    do {
      if (p.at(SyntaxKind.Word) && THREAD_TYPES.has(p.word!)) p.bump();
      else p.expected("IO_THREAD or SQL_THREAD");
    } while (p.eat(SyntaxKind.Comma));
    p.finish();
  }
  if (start) {
    if (p.atKw("until")) parseUntil(p);
    for (const option of CONNECTION_OPTIONS) if (p.atKw(option)) parseStringOption(p, true, "");
  }
  if (p.atKw("for")) parseChannelClause(p);
  p.finish();
}

/**
 * `UNTIL {SQL_BEFORE_GTIDS | SQL_AFTER_GTIDS} = 'gtids'`, `UNTIL {SOURCE | RELAY}_LOG_FILE =
 * 'file', {SOURCE | RELAY}_LOG_POS = n` or `UNTIL SQL_AFTER_MTS_GAPS`, as one Option.
 */
function parseUntil(p: Parser): void {
  p.start(SyntaxKind.Option);
  p.bump();
  if (!p.eatKw("sql_after_mts_gaps")) {
    do {
      const isString = p.at(SyntaxKind.Word) ? UNTIL_CONDITIONS.get(p.word!) : undefined;
      p.start(SyntaxKind.Option);
      if (isString === undefined) p.expected("SQL_BEFORE_GTIDS, SQL_AFTER_GTIDS, SOURCE_LOG_FILE, RELAY_LOG_FILE or SQL_AFTER_MTS_GAPS");
      else {
        p.bump();
        p.expectOp("=");
        if (isString) p.expect(SyntaxKind.String, "string literal");
        else p.expect(SyntaxKind.Number, "log position (a number)");
      }
      p.finish();
      if (isString === undefined) break;
    } while (p.eat(SyntaxKind.Comma));
  }
  p.finish();
}

/** `name = 'value'` as an Option, where `known` says whether the current word is an option here. */
function parseStringOption(p: Parser, known: boolean, expected: string): void {
  p.start(SyntaxKind.Option);
  if (known) {
    p.bump();
    p.expectOp("=");
    p.expect(SyntaxKind.String, "string literal");
  } else p.expected(expected);
  p.finish();
}

/** `FOR CHANNEL name` (the name may be a string); no node of its own. */
export function parseChannelClause(p: Parser): void {
  p.bump();
  p.expectKw("channel");
  if (p.at(SyntaxKind.String)) p.bump();
  else expectLabel(p, "channel name");
}

/**
 * MySQL's RESET: `RESET option, …` where an option is `{REPLICA | SLAVE} [ALL] [FOR CHANNEL
 * ch]`, `MASTER [TO n]` or `BINARY LOGS AND GTIDS [TO n]` (each an Option), or `RESET
 * PERSIST [[IF EXISTS] variable]`.
 */
export function parseMysqlReset(p: Parser): void {
  p.start(SyntaxKind.ResetStmt);
  p.bump();
  if (p.eatKw("persist")) {
    if (p.atKw("if")) {
      parseIfExists(p);
      parseQualifiedName(p, "variable name");
    } else if (atLabel(p)) parseQualifiedName(p, "variable name");
    p.finish();
    return;
  }
  do {
    p.start(SyntaxKind.Option);
    if (p.eatKw("replica") || p.eatKw("slave")) {
      p.eatKw("all");
      if (p.atKw("for")) parseChannelClause(p);
    } else if (p.eatKw("master") || p.atKw("binary")) {
      if (p.eatKw("binary")) {
        p.expectKw("logs");
        p.expectKw("and");
        p.expectKw("gtids");
      }
      if (p.eatKw("to")) p.expect(SyntaxKind.Number, "binary log file index (a number)");
    } else p.expected("REPLICA, SLAVE, MASTER, BINARY LOGS AND GTIDS or PERSIST");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}
