import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseAccountName } from "./ddl-create.js";
import { parseIfExists, parseIfNotExists } from "./ddl-table.js";
import { expectLabel } from "./names.js";
import type { Parser } from "./parser.js";

/**
 * MySQL account management: CREATE USER / ROLE, ALTER USER, RENAME USER, SET PASSWORD,
 * SET ROLE and SET DEFAULT ROLE. Accounts are `'user'@'host'` (see `parseAccountName`).
 */

/**
 * CREATE USER / ROLE after the USER or ROLE keyword: `[IF NOT EXISTS] role, …` (ROLE) or
 * `[IF NOT EXISTS] account [auth], … [DEFAULT ROLE role, …] [REQUIRE …] [WITH limits]
 * [password and lock options] [COMMENT '…' | ATTRIBUTE '…']` (USER).
 */
export function parseMysqlCreateUserRest(p: Parser, role: boolean): void {
  if (p.atKw("if")) parseIfNotExists(p);
  if (role) {
    parseAccountList(p);
    return;
  }
  parseAccountSpecs(p, false);
  if (p.atKw("default") && p.nthKw(1, "role")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.bump();
    parseAccountList(p);
    p.finish();
  }
  parseAccountOptions(p);
}

/**
 * `ALTER USER [IF EXISTS] account [auth], … [options]`, `ALTER USER [IF EXISTS] USER()
 * auth`, `ALTER USER [IF EXISTS] account DEFAULT ROLE {NONE | ALL | role, …}` (at ALTER).
 */
export function parseAlterUser(p: Parser): void {
  p.start(SyntaxKind.AlterRoleStmt);
  p.bump();
  p.bump();
  if (p.atKw("if")) parseIfExists(p);
  if (p.atKw("user") && p.nth(1) === SyntaxKind.LParen && p.nth(2) === SyntaxKind.RParen) {
    // USER(): the current account.
    p.start(SyntaxKind.AccountSpec);
    p.bump();
    p.bump();
    p.bump();
    parseAuthOption(p, true);
    p.finish();
  } else if (p.nthKw(1, "default") || (p.nth(1) === SyntaxKind.Param && p.nthKw(2, "default"))) {
    p.start(SyntaxKind.AccountSpec);
    parseAccountName(p);
    p.start(SyntaxKind.Option);
    p.bump();
    p.expectKw("role");
    parseRoleChoice(p, false);
    p.finish();
    p.finish();
    p.finish();
    return;
  } else parseAccountSpecs(p, true);
  parseAccountOptions(p);
  p.finish();
}

/** `RENAME USER old TO new, …` (at RENAME). */
export function parseRenameUser(p: Parser): void {
  p.start(SyntaxKind.RenameStmt);
  p.bump();
  p.bump();
  do {
    p.start(SyntaxKind.RenamePair);
    parseAccountName(p);
    p.expectKw("to");
    parseAccountName(p);
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/**
 * The account forms of SET (the caller has consumed SET, at the next word): `PASSWORD [FOR
 * account] {= 'pw' | TO RANDOM} [REPLACE 'old'] [RETAIN CURRENT PASSWORD]`, `ROLE {DEFAULT |
 * NONE | ALL [EXCEPT role, …] | role, …}`, `DEFAULT ROLE {NONE | ALL | role, …} TO account, …`.
 * Returns false, consuming nothing, for any other SET.
 */
export function parseSetAccount(p: Parser): boolean {
  if (p.atKw("password") && (p.nthKw(1, "for") || p.nthOp(1, "=") || p.nthKw(1, "to"))) {
    p.bump();
    if (p.eatKw("for")) parseAccountName(p);
    if (p.eatKw("to")) p.expectKw("random");
    else if (p.expectOp("=")) p.expect(SyntaxKind.String, "password (a string literal)");
    parseReplaceRetain(p);
    return true;
  }
  if (p.atKw("role") && !p.nthOp(1, "=")) {
    p.bump();
    parseRoleChoice(p, true);
    return true;
  }
  if (p.atKw("default") && p.nthKw(1, "role")) {
    p.bump();
    p.bump();
    parseRoleChoice(p, false);
    p.expectKw("to");
    parseAccountList(p);
    return true;
  }
  return false;
}

/** GRANT's `AS account [WITH ROLE {DEFAULT | NONE | ALL [EXCEPT role, …] | role, …}]` (an Option, at AS). */
export function parseGrantAs(p: Parser): void {
  p.start(SyntaxKind.Option);
  p.bump();
  parseAccountName(p);
  if (p.eatKw("with")) {
    p.expectKw("role");
    parseRoleChoice(p, true);
  }
  p.finish();
}

/** `NONE | ALL | role, …`, and for SET ROLE also `DEFAULT` and `ALL EXCEPT role, …`. */
function parseRoleChoice(p: Parser, setRole: boolean): void {
  if (p.eatKw("none") || (setRole && p.eatKw("default"))) return;
  if (p.eatKw("all")) {
    if (setRole && p.eatKw("except")) parseAccountList(p);
    return;
  }
  parseAccountList(p);
}

/** `account, …` as a RoleList. */
function parseAccountList(p: Parser): void {
  p.start(SyntaxKind.RoleList);
  do parseAccountName(p);
  while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** `account [auth option], …`, each an AccountSpec. */
function parseAccountSpecs(p: Parser, alter: boolean): void {
  do {
    p.start(SyntaxKind.AccountSpec);
    parseAccountName(p);
    parseAuthOption(p, alter);
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
}

/**
 * How an account authenticates, as an Option: `IDENTIFIED BY {'pw' | RANDOM PASSWORD}`,
 * `IDENTIFIED WITH plugin [BY {'pw' | RANDOM PASSWORD} | AS 'hash']`, and for ALTER USER
 * also `[REPLACE 'old'] [RETAIN CURRENT PASSWORD]` and `DISCARD OLD PASSWORD`.
 */
function parseAuthOption(p: Parser, alter: boolean): void {
  if (alter && p.atKw("discard")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.expectKw("old");
    p.expectKw("password");
    p.finish();
    return;
  }
  if (!p.atKw("identified")) return;
  p.start(SyntaxKind.Option);
  p.bump();
  if (p.eatKw("with")) {
    if (p.at(SyntaxKind.String)) p.bump();
    else expectLabel(p, "authentication plugin");
    if (p.eatKw("by")) parsePasswordValue(p);
    else if (p.eatKw("as")) p.expect(SyntaxKind.String, "authentication string (a string literal)");
  } else if (p.expectKw("by")) parsePasswordValue(p);
  if (alter) parseReplaceRetain(p);
  p.finish();
}

/** `'password'` or `RANDOM PASSWORD`. */
function parsePasswordValue(p: Parser): void {
  if (p.eatKw("random")) p.expectKw("password");
  else p.expect(SyntaxKind.String, "password (a string literal) or RANDOM PASSWORD");
}

/** `[REPLACE 'current'] [RETAIN CURRENT PASSWORD]` */
function parseReplaceRetain(p: Parser): void {
  if (p.eatKw("replace")) p.expect(SyntaxKind.String, "current password (a string literal)");
  if (p.eatKw("retain")) {
    p.expectKw("current");
    p.expectKw("password");
  }
}

const TLS_OPTIONS = new Set(["ssl", "x509", "cipher", "issuer", "subject"]);
const RESOURCE_OPTIONS = new Set(["max_queries_per_hour", "max_updates_per_hour", "max_connections_per_hour", "max_user_connections"]);

/**
 * The account options of CREATE / ALTER USER, each an Option: `REQUIRE {NONE | tls [[AND]
 * tls] …}`, `WITH limit n …`, `PASSWORD EXPIRE | HISTORY | REUSE INTERVAL | REQUIRE
 * CURRENT …`, `FAILED_LOGIN_ATTEMPTS n`, `PASSWORD_LOCK_TIME {n | UNBOUNDED}`, `ACCOUNT
 * {LOCK | UNLOCK}`, `COMMENT '…'`, `ATTRIBUTE '…'`.
 */
function parseAccountOptions(p: Parser): void {
  for (let guard = 0; guard < 32 && p.at(SyntaxKind.Word); guard++) {
    const w = p.word!;
    if (w === "require") {
      p.start(SyntaxKind.Option);
      p.bump();
      if (!p.eatKw("none")) {
        do {
          if (p.at(SyntaxKind.Word) && TLS_OPTIONS.has(p.word!)) {
            const tls = p.word;
            p.bump();
            if (tls !== "ssl" && tls !== "x509") p.expect(SyntaxKind.String, "string literal");
          } else p.expected("NONE, SSL, X509, CIPHER, ISSUER or SUBJECT");
        } while (p.eatKw("and") || (p.at(SyntaxKind.Word) && TLS_OPTIONS.has(p.word!)));
      }
      p.finish();
    } else if (w === "with") {
      p.start(SyntaxKind.Option);
      p.bump();
      do {
        if (p.at(SyntaxKind.Word) && RESOURCE_OPTIONS.has(p.word!)) p.bump();
        else p.expected("MAX_QUERIES_PER_HOUR, MAX_UPDATES_PER_HOUR, MAX_CONNECTIONS_PER_HOUR or MAX_USER_CONNECTIONS");
        p.expect(SyntaxKind.Number, "number");
      } while (p.at(SyntaxKind.Word) && RESOURCE_OPTIONS.has(p.word!));
      p.finish();
    } else if (w === "password") {
      p.start(SyntaxKind.Option);
      p.bump();
      parsePasswordOption(p);
      p.finish();
    } else if (w === "failed_login_attempts" || w === "password_lock_time") {
      p.start(SyntaxKind.Option);
      p.bump();
      if (!(w === "password_lock_time" && p.eatKw("unbounded"))) p.expect(SyntaxKind.Number, "number");
      p.finish();
    } else if (w === "account") {
      p.start(SyntaxKind.Option);
      p.bump();
      if (!p.eatKw("lock")) p.expectKw("unlock");
      p.finish();
    } else if (w === "comment" || w === "attribute") {
      p.start(SyntaxKind.Option);
      p.bump();
      p.expect(SyntaxKind.String, "string literal");
      p.finish();
    } else break;
  }
}

/** After PASSWORD: `EXPIRE [DEFAULT | NEVER | INTERVAL n DAY]`, `HISTORY {DEFAULT | n}`, `REUSE INTERVAL {DEFAULT | n DAY}`, `REQUIRE CURRENT [DEFAULT | OPTIONAL]`. */
function parsePasswordOption(p: Parser): void {
  if (p.eatKw("expire")) {
    if (p.eatKw("interval")) {
      p.expect(SyntaxKind.Number, "number of days");
      p.expectKw("day");
    } else if (p.atKw("default") || p.atKw("never")) p.bump();
  } else if (p.eatKw("history")) {
    if (!p.eatKw("default")) p.expect(SyntaxKind.Number, "number");
  } else if (p.eatKw("reuse")) {
    p.expectKw("interval");
    if (!p.eatKw("default")) {
      p.expect(SyntaxKind.Number, "number of days");
      p.expectKw("day");
    }
  } else if (p.eatKw("require")) {
    p.expectKw("current");
    if (p.atKw("default") || p.atKw("optional")) p.bump();
  } else p.expected("EXPIRE, HISTORY, REUSE INTERVAL or REQUIRE CURRENT");
}
