import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { POSTGRES_COL_NAME_OTHERS_CLASS, POSTGRES_TYPE_FUNC_NAME_CLASS } from "../lexer/keywords.js";
import { DEF_ELEMS, atExcludeConstraint, parseColumnDef, parseConflictClause, parseIfExists, parseIfNotExists, parseOptionList, parsePartitionBound, parsePartitionBy, parseSequenceOption, parseSequenceOptions, parseTableConstraint } from "./ddl-table.js";
import { expectParenthesizedExpr, parseExpr } from "./expressions.js";
import { atIdent, expectCharsetName, expectIdent, expectLabel, expectRoleName, parseQualifiedName, parseRoutineName, parseTableNameList, reservedAsName } from "./names.js";
import { parseAlterDefaultPrivileges, parseAlterRole } from "./utility-more.js";
import type { Checkpoint, Parser } from "./parser.js";
import { parseMysqlAlterCharacteristics, parseRoutineParams, parseSharedRoutineOption } from "./ddl-routine.js";
import { parseTypeName } from "./types.js";
import { parseAccountName } from "./ddl-create.js";
import { parseRenameUser } from "./mysql-accounts.js";
import { parseMysqlAlter, parseMysqlDrop } from "./mysql-ddl.js";
import { atMysqlTableOption, atMysqlTableOptionName, parseMysqlAlterAlgorithmOrLock, parseMysqlAlterTableAction, parseMysqlTableOption } from "./mysql-alter-table.js";
import { parseGenericOptions } from "./ddl-shared-clauses.js";
import { parseAlterSystem, parsePostgresAlterObject } from "./ddl-alter-objects.js";
import { AGGREGATE_SIGNATURE, ALL_OBJECT_KINDS, objectKindAt, parseCommonAlterTail, parseObjectKind, parseObjectName, parseOptionalIfExists, parseRoleList, parseRoleSpec, unsupportedTail } from "./ddl-objects.js";

const DROP_OBJECTS = new Set([
  "table", "index", "view", "schema", "sequence", "type", "domain", "function", "procedure", "trigger", "extension",
  "database", "materialized", "role", "user", "aggregate", "operator", "policy", "rule", "collation", "server",
  "publication", "subscription", "tablespace", "event", "routine", "cast", "owned", "statistics", "foreign", "language",
  "temporary",
]);

/**
 * What PostgreSQL's DROP takes (`DROP OWNED` apart). Kinds whose designator is more than a
 * name (operators, casts, operator classes, transforms, user mappings) go through
 * `parseObjectName`; the others keep the name-list shape below.
 */
const POSTGRES_DROP_KINDS: ReadonlySet<string> = new Set([...ALL_OBJECT_KINDS].filter((k) => k !== "column" && k !== "constraint" && k !== "large object"));

/** Kinds dropped by name alone, or by name and an argument list (routines), in a `NameList`. */
const DROP_BY_NAME = new Set([
  "table", "index", "view", "schema", "sequence", "type", "domain", "function", "procedure", "trigger", "extension",
  "database", "materialized view", "role", "user", "group", "aggregate", "policy", "rule", "collation", "server",
  "publication", "subscription", "tablespace", "event trigger", "routine", "statistics", "foreign table",
  "foreign data wrapper", "language", "procedural language", "access method", "conversion", "text search configuration",
  "text search dictionary", "text search parser", "text search template",
]);

/** DROP <object> [CONCURRENTLY] [IF EXISTS] names [(args)] [ON table] [CASCADE|RESTRICT] */
export function parseDrop(p: Parser, cp: Checkpoint): boolean {
  void cp;
  if (p.postgres) return parsePostgresDrop(p);
  if (p.mysql && parseMysqlDrop(p)) return true;
  // MySQL also spells it DROP [TEMPORARY] TABLES.
  const mysqlTables = p.mysql && (p.nthKw(1, "tables") || (p.nthKw(1, "temporary") && p.nthKw(2, "tables")));
  if (!(p.nth(1) === SyntaxKind.Word && DROP_OBJECTS.has(p.wordAt(1)!)) && !mysqlTables) return false;
  p.start(SyntaxKind.DropStmt);
  p.bump();
  p.start(SyntaxKind.ObjectKind);
  const object = p.word === "tables" ? "table" : p.word;
  // SQLite drops one table, index, view or trigger at a time, with no CASCADE or RESTRICT.
  let sqliteProblem = p.sqlite && !SQLITE_DROP_KINDS.has(object!);
  const kindName = `DROP ${object === "materialized" ? "MATERIALIZED VIEW" : object!.toUpperCase()}`;
  if (sqliteProblem) p.wrongDialect(kindName, "SQLite drops tables, indexes, views and triggers");
  // MySQL: the same flag, for the other dialects' forms of its DROP.
  let mysqlProblem = p.mysql && !MYSQL_DROP_KINDS.has(object!);
  // MySQL drops several tables or views at once (and takes CASCADE there), everything else one at a time.
  const mysqlDropsTables = object === "table" || object === "tables" || object === "view" || object === "temporary";
  if (mysqlProblem) p.wrongDialect(kindName, "MySQL has no such object");
  p.bump();
  if (object === "materialized") p.expectKw("view");
  if (object === "foreign") {
    if (!p.eatKw("table")) {
      p.expectKw("data");
      p.expectKw("wrapper");
    }
  }
  if (object === "temporary" && !(mysqlTables && p.eatKw("tables"))) p.expectKw("table"); // MySQL: DROP TEMPORARY TABLE
  p.finish();
  if (p.sqlite && !sqliteProblem && p.atKw("concurrently")) {
    p.wrongDialect("DROP INDEX CONCURRENTLY", "SQLite drops an index at once");
    sqliteProblem = true;
  }
  if (p.mysql && !mysqlProblem && p.atKw("concurrently")) {
    p.wrongDialect("DROP INDEX CONCURRENTLY", "MySQL drops an index with DROP INDEX name ON table");
    mysqlProblem = true;
  }
  p.eatKw("concurrently");
  if (p.mysql && !mysqlProblem && object === "index" && p.atKw("if")) {
    p.wrongDialect("DROP INDEX IF EXISTS", "MySQL's DROP INDEX takes no IF EXISTS");
    mysqlProblem = true;
  }
  if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
  if (p.mysql && (object === "user" || object === "role")) {
    // MySQL accounts: 'user'@'host', …
    p.start(SyntaxKind.RoleList);
    do parseAccountName(p);
    while (p.eat(SyntaxKind.Comma));
    p.finish();
  } else parseDropNameList(p, object ?? "", (p.sqlite && !sqliteProblem) || (p.mysql && !mysqlProblem && !mysqlDropsTables));
  if (p.atKw("on") && (object === "trigger" || object === "policy" || object === "rule" || object === "index")) {
    if (p.sqlite && !sqliteProblem) p.wrongDialect(`DROP ${object.toUpperCase()} … ON table`, "SQLite names the object alone");
    if (p.mysql && !mysqlProblem && object !== "index") p.wrongDialect(`DROP ${object.toUpperCase()} … ON table`, "MySQL names the trigger alone");
    p.bump();
    parseQualifiedName(p, "table name");
    // MySQL: DROP INDEX i ON t [ALGORITHM [=] …] [LOCK [=] …], as ALTER TABLE takes them.
    if (p.mysql && object === "index") while (parseMysqlAlterAlgorithmOrLock(p));
  } else if (p.mysql && !mysqlProblem && object === "index") p.wrongDialect("DROP INDEX without ON table", "MySQL writes DROP INDEX name ON table");
  if (p.atKw("cascade") || p.atKw("restrict")) {
    if (p.sqlite && !sqliteProblem) p.wrongDialect(p.word!.toUpperCase(), "SQLite's DROP takes no CASCADE or RESTRICT");
    if (p.mysql && !mysqlProblem && !mysqlDropsTables) p.wrongDialect(p.word!.toUpperCase(), "MySQL takes CASCADE or RESTRICT (and ignores it) only after DROP TABLE and DROP VIEW");
    p.bump();
  }
  p.finish();
  return true;
}

/** PostgreSQL's DROP: every object kind of its grammar, `DROP OWNED BY` and `DROP DATABASE … WITH (FORCE)`. */
function parsePostgresDrop(p: Parser): boolean {
  if (p.nthKw(1, "owned") && p.nthKw(2, "by")) {
    // DROP OWNED BY role [, …] [CASCADE | RESTRICT]
    p.start(SyntaxKind.DropStmt);
    p.bump();
    p.start(SyntaxKind.ObjectKind);
    p.bump();
    p.finish();
    p.bump();
    parseRoleList(p);
    if (p.atKw("cascade") || p.atKw("restrict")) p.bump();
    p.finish();
    return true;
  }
  const kind = objectKindAt(p, POSTGRES_DROP_KINDS, 1);
  if (kind === undefined) return false;
  p.start(SyntaxKind.DropStmt);
  p.bump();
  parseObjectKind(p, POSTGRES_DROP_KINDS);
  if (kind === "index") p.eatKw("concurrently");
  parseOptionalIfExists(p);
  if (DROP_BY_NAME.has(kind)) {
    parseDropNameList(p, kind);
    if (p.atKw("on") && (kind === "trigger" || kind === "policy" || kind === "rule")) {
      p.bump();
      parseQualifiedName(p, "table name");
    } else if (kind === "trigger" || kind === "policy" || kind === "rule") p.expectKw("on");
  } else {
    p.start(SyntaxKind.NameList);
    do parseObjectName(p, kind);
    while (p.eat(SyntaxKind.Comma));
    p.finish();
  }
  if (kind === "database" && (p.atKw("with") || p.at(SyntaxKind.LParen))) {
    // DROP DATABASE name [WITH] (FORCE [, …]): FORCE is the one option.
    p.eatKw("with");
    parseDropDatabaseOptions(p);
  }
  if (p.atKw("cascade") || p.atKw("restrict")) p.bump();
  p.finish();
  return true;
}

/** The dropped names, each with its argument list when the object is a routine. */
/** The object kinds SQLite's DROP takes. */
const SQLITE_DROP_KINDS = new Set(["table", "index", "view", "trigger"]);

/** The object kinds MySQL's DROP takes in the shared DROP (its own kinds are `parseMysqlDrop`'s). */
const MYSQL_DROP_KINDS = new Set(["table", "tables", "temporary", "index", "view", "database", "schema", "function", "procedure", "trigger", "event", "user", "role"]);

/** The names a DROP drops; `oneName`: SQLite's, which drops one (a second is a wrong-dialect error). */
function parseDropNameList(p: Parser, object: string, oneName = false): void {
  p.start(SyntaxKind.NameList);
  do {
    const routine = object === "function" || object === "procedure" || object === "aggregate" || object === "routine";
    if (routine) parseRoutineName(p, "object name");
    else if (p.postgres && (object === "role" || object === "user" || object === "group")) parseRoleSpec(p);
    // PostgreSQL drops types and domains by type name, which a "type or function name" keyword may be.
    else if (p.postgres && (object === "type" || object === "domain") && p.at(SyntaxKind.Word) && (p.wordClassesAt(0) & POSTGRES_TYPE_FUNC_NAME_CLASS) !== 0) p.leaf(SyntaxKind.QualifiedName, SyntaxKind.Ident);
    // … and not by a column-name keyword that is no type (`DROP TYPE coalesce`).
    else if (p.postgres && (object === "type" || object === "domain") && p.at(SyntaxKind.Word) && p.nth(1) !== SyntaxKind.Dot && (p.wordClassesAt(0) & POSTGRES_COL_NAME_OTHERS_CLASS) !== 0) {
      p.start(SyntaxKind.QualifiedName);
      reservedAsName(p, "a type name");
      p.finish();
    } else parseQualifiedName(p, "object name");
    if (p.mysql && routine && p.at(SyntaxKind.LParen)) p.wrongDialect("an argument list after the name", "MySQL names the routine alone");
    if (p.at(SyntaxKind.LParen) && routine) {
      if (p.postgres) parseRoutineParams(p, object === "aggregate" ? AGGREGATE_SIGNATURE : {});
      else p.bumpBalanced(true);
    } else if (object === "aggregate" && p.postgres) p.expected("'(' and the aggregate's argument types");
    if (oneName && p.at(SyntaxKind.Comma)) {
      p.wrongDialect("a list of names", `${p.sqlite ? "SQLite" : "MySQL"}'s DROP ${object.toUpperCase()} takes one name: write a DROP for each`);
      oneName = false;
    }
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** TRUNCATE [TABLE] [ONLY] names [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT] */
export function parseTruncate(p: Parser): void {
  p.start(SyntaxKind.TruncateStmt);
  p.bump();
  p.eatKw("table");
  p.start(SyntaxKind.NameList);
  const from = p.position;
  parseTableNameList(p);
  if (p.mysql) {
    for (let i = from; i < p.position; i++) {
      if (p.pastKind(i) === SyntaxKind.Comma) {
        p.wrongDialectAt(i, "TRUNCATE of several tables", "MySQL truncates one table a statement");
        break;
      }
    }
  }
  p.finish();
  if (p.atKw("restart") || p.atKw("continue")) {
    if (p.mysql) p.wrongDialect(`${p.word!.toUpperCase()} IDENTITY`, "MySQL's TRUNCATE always restarts AUTO_INCREMENT");
    p.bump();
    p.expectKw("identity");
  }
  if (p.atKw("cascade") || p.atKw("restrict")) {
    if (p.mysql) p.wrongDialect(p.word!.toUpperCase(), "MySQL's TRUNCATE takes no option");
    p.bump();
  }
  p.finish();
}

/** MySQL `RENAME TABLE a TO b, c TO d` and `RENAME USER a TO b, …` */
export function parseRename(p: Parser, cp: Checkpoint): boolean {
  if (!p.mysql || !(p.nthKw(1, "table") || p.nthKw(1, "user"))) return false;
  void cp;
  if (p.nthKw(1, "user")) {
    parseRenameUser(p);
    return true;
  }
  p.start(SyntaxKind.RenameStmt);
  p.bump();
  p.bump();
  do {
    p.start(SyntaxKind.RenamePair);
    parseQualifiedName(p, "table name");
    p.expectKw("to");
    parseQualifiedName(p, "new name");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
  return true;
}

/** ALTER TABLE with its actions, ALTER SEQUENCE, and the common ALTER forms of other objects. */
export function parseAlter(p: Parser, cp: Checkpoint): boolean {
  if (p.mysql && parseMysqlAlter(p)) return true;
  const object = p.wordAt(1);
  if (p.sqlite && object !== "table" && p.nth(1) === SyntaxKind.Word) {
    // SQLite alters tables alone; the shared grammar still reads the statement, for its tree.
    const [start, end] = p.rangeAt(p.position + 1);
    p.report(SyntaxCode.WrongDialect, `ALTER ${object === "materialized" ? "MATERIALIZED VIEW" : object!.toUpperCase()} is not SQLite syntax; SQLite alters tables only`, start, end);
  }
  if (p.mysql && p.nth(1) === SyntaxKind.Word && object !== "table" && object !== "function" && object !== "procedure" && object !== "logfile") {
    // MySQL's own ALTER kinds are `parseMysqlAlter`'s; the shared grammar still reads the others.
    p.wrongDialectAt(p.position + 1, `ALTER ${object === "materialized" ? "MATERIALIZED VIEW" : object!.toUpperCase()}`, "MySQL has no such object");
  }
  if ((object === "role" || object === "user" || object === "group") && !p.sqlite && !(object === "user" && p.nthKw(2, "mapping") && p.nthKw(3, "for"))) {
    parseAlterRole(p);
    return true;
  }
  if (object === "default" && p.nthKw(2, "privileges") && p.postgres) {
    parseAlterDefaultPrivileges(p);
    return true;
  }
  const allIn = object === "materialized" ? 3 : 2;
  if ((object === "table" || object === "index" || (object === "materialized" && p.nthKw(2, "view"))) && p.nthKw(allIn, "all") && p.nthKw(allIn + 1, "in") && p.postgres) {
    // ALTER {TABLE | INDEX | MATERIALIZED VIEW} ALL IN TABLESPACE a [OWNED BY r] SET TABLESPACE b [NOWAIT]
    p.start(object === "table" ? SyntaxKind.AlterTableStmt : SyntaxKind.AlterStmt);
    p.bump();
    if (object !== "table") p.start(SyntaxKind.ObjectKind);
    for (let i = allIn - 1; i > 0; i--) p.bump();
    if (object !== "table") p.finish();
    p.bump();
    p.bump();
    p.expectKw("tablespace");
    expectIdent(p, "tablespace");
    if (p.eatKw("owned")) {
      p.expectKw("by");
      do expectRoleName(p);
      while (p.eat(SyntaxKind.Comma));
    }
    p.start(SyntaxKind.AlterAction);
    p.expectKw("set");
    p.expectKw("tablespace");
    expectIdent(p, "tablespace");
    p.eatKw("nowait");
    p.finish();
    p.finish();
    return true;
  }
  if (object === "table" || (object === "foreign" && p.nthKw(2, "table"))) {
    p.start(SyntaxKind.AlterTableStmt);
    p.bump();
    if (p.eatKw("foreign")) p.bump();
    else p.bump();
    const sqliteHead = p.sqlite && (p.atKw("if") || p.atKw("only")) && sqliteAlterTableProblem(p);
    if (p.mysql && p.atKw("if")) p.wrongDialect("ALTER TABLE IF EXISTS", "MySQL's ALTER TABLE takes none");
    if (p.mysql && p.atKw("only") && atIdent(p, 1)) p.wrongDialect("ALTER TABLE ONLY", "MySQL's tables have no children: name the table");
    if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
    const only = p.eatKw("only");
    parseQualifiedName(p, "table name");
    if (!only && p.postgres) p.eatOp("*"); // PostgreSQL's inheritance star; `ONLY t *` is not valid: ONLY and * say opposite things
    // MySQL: the actions may be left out (`ALTER TABLE t PARTITION BY …`, or nothing at all: a
    // no-op that rebuilds nothing), and partitioning ends the list.
    if (!(p.mysql && ((p.atKw("partition") && p.nthKw(1, "by")) || p.atStatementEnd))) {
      // MySQL's table options need no comma between them: ENGINE = InnoDB AUTO_INCREMENT = 5.
      // Only while an action consumed something: a word that looks like an option (`X =`) but
      // that no action takes in this dialect (`OPTIONS = …` in MySQL) must not loop forever.
      let sqliteProblem = p.sqlite && (sqliteHead || sqliteAlterTableProblem(p));
      for (;;) {
        const progress = p.position;
        parseAlterTableAction(p);
        if (p.sqlite && !sqliteProblem && p.at(SyntaxKind.Comma)) {
          p.wrongDialect("a list of actions", "SQLite's ALTER TABLE takes one action: write an ALTER TABLE for each");
          sqliteProblem = true;
        }
        if (p.eat(SyntaxKind.Comma)) continue;
        if (!(p.mysql && p.position !== progress && atMysqlTableOption(p))) break;
      }
    }
    if (p.mysql && p.atKw("partition") && p.nthKw(1, "by")) parsePartitionBy(p);
    p.finish();
    return true;
  }
  if (object === "sequence") {
    p.start(SyntaxKind.AlterSequenceStmt);
    p.bump();
    p.bump();
    if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
    parseQualifiedName(p, "sequence name");
    if (p.postgres && p.atKw("set") && (p.nthKw(1, "logged") || p.nthKw(1, "unlogged"))) {
      p.start(SyntaxKind.AlterAction);
      p.bump();
      p.bump();
      p.finish();
    } else if (!parseCommonAlterTail(p)) {
      if (!p.at(SyntaxKind.Word)) p.expected("sequence option");
      parseSequenceOptions(p);
    }
    p.finish();
    return true;
  }
  if (object === "system" && p.postgres) {
    parseAlterSystem(p);
    return true;
  }
  if (p.postgres) return parsePostgresAlterObject(p, parseBuiltinKindAction);
  const supported = ["index", "view", "schema", "type", "domain", "function", "procedure", "materialized", "extension", "trigger", "database", "routine"];
  if (object === undefined || !supported.includes(object)) return false;
  void cp;
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  p.start(SyntaxKind.ObjectKind);
  p.bump();
  if (object === "materialized") p.expectKw("view");
  p.finish();
  if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
  parseQualifiedName(p, "object name");
  const mysqlRoutine = p.mysql && (object === "function" || object === "procedure");
  if (mysqlRoutine && p.at(SyntaxKind.LParen)) p.wrongDialect("an argument list after the name", "MySQL names the routine alone");
  if (p.at(SyntaxKind.LParen) && (object === "function" || object === "procedure" || object === "routine")) p.bumpBalanced(true);
  // MySQL's ALTER FUNCTION / PROCEDURE changes characteristics only (COMMENT, SQL SECURITY, …).
  if (mysqlRoutine && (p.atKw("rename") || p.atKw("owner") || p.atKw("set") || p.atKw("depends") || (p.atKw("no") && p.nthKw(1, "depends")))) p.wrongDialect(`${p.word!.toUpperCase()} here`, "MySQL's ALTER FUNCTION and ALTER PROCEDURE change characteristics only (COMMENT, SQL SECURITY, …)");
  if (object === "trigger") {
    p.expectKw("on");
    parseQualifiedName(p, "table name");
  }
  if (p.atEnd || p.at(SyntaxKind.Semicolon)) p.expected("ALTER action");
  else if (!parseCommonAlterTail(p) && !parseBuiltinKindAction(p, object === "materialized" ? "materialized view" : object)) unsupportedTail(p);
  p.finish();
  return true;
}

/**
 * The actions of ALTER TYPE, EXTENSION, DOMAIN, VIEW, MATERIALIZED VIEW, FUNCTION,
 * PROCEDURE, ROUTINE and INDEX beyond RENAME / OWNER / SET SCHEMA; returns whether one
 * was parsed (the kind is spelled out: `materialized view`).
 */
function parseBuiltinKindAction(p: Parser, object: string): boolean {
  if (object === "materialized view" && p.postgres && (p.atKw("alter") || p.atKw("cluster") || p.atKw("set") || p.atKw("reset"))) {
    // A materialized view takes ALTER TABLE's column, storage and clustering actions.
    do parseAlterTableAction(p);
    while (p.eat(SyntaxKind.Comma));
    return true;
  }
  if (object === "type" && p.postgres && parseAlterTypeAttributes(p)) return true;
  if (object === "domain" && p.postgres && (p.atKw("validate") || (p.atKw("rename") && p.nthKw(1, "constraint")))) {
    // VALIDATE CONSTRAINT c / RENAME CONSTRAINT c TO d
    p.start(SyntaxKind.AlterAction);
    const rename = p.atKw("rename");
    p.bump();
    p.expectKw("constraint");
    expectIdent(p, "constraint name");
    if (rename) {
      p.expectKw("to");
      expectIdent(p, "new name");
    }
    p.finish();
    return true;
  }
  if (object === "type" && p.atKw("add")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    if (p.eatKw("value")) {
      if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
      p.expect(SyntaxKind.String, "string literal");
      if (p.atKw("before") || p.atKw("after")) {
        p.bump();
        p.expect(SyntaxKind.String, "string literal");
      }
    } else {
      p.expectKw("attribute");
      parseColumnDef(p);
    }
    p.finish();
  } else if (object === "type" && p.atKw("rename") && p.nthKw(1, "value")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    p.expect(SyntaxKind.String, "string literal");
    p.expectKw("to");
    p.expect(SyntaxKind.String, "string literal");
    p.finish();
  } else if (object === "extension" && p.atKw("update")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    if (p.eatKw("to")) {
      if (p.at(SyntaxKind.String)) p.bump();
      else expectLabel(p, "version");
    }
    p.finish();
  } else if (object === "domain" && (p.atKw("set") || p.atKw("drop") || p.atKw("add"))) {
    p.start(SyntaxKind.AlterAction);
    if (p.eatKw("add")) parseTableConstraint(p);
    else if (p.eatKw("set")) {
      if (p.eatKw("default")) parseExpr(p);
      else {
        p.expectKw("not");
        p.expectKw("null");
      }
    } else {
      p.bump();
      if (p.eatKw("default")) {
        /* ok */
      } else if (p.eatKw("not")) p.expectKw("null");
      else {
        p.expectKw("constraint");
        if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
        expectIdent(p);
        if (p.atKw("cascade") || p.atKw("restrict")) p.bump();
      }
    }
    p.finish();
  } else if ((object === "view" || object === "materialized view") && p.atKw("alter")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.eatKw("column");
    expectIdent(p, "column name");
    if (p.eatKw("set")) {
      p.expectKw("default");
      parseExpr(p);
    } else {
      p.expectKw("drop");
      p.expectKw("default");
    }
    p.finish();
  } else if (p.mysql && (object === "function" || object === "procedure") && parseMysqlAlterCharacteristics(p)) {
    /* MySQL: ALTER PROCEDURE p SQL SECURITY INVOKER COMMENT '…' */
  } else if ((object === "function" || object === "procedure" || object === "routine") && p.at(SyntaxKind.Word)) {
    while (p.at(SyntaxKind.Word) && !p.atKw("restrict")) {
      const progress = p.position;
      p.start(SyntaxKind.RoutineOption);
      parseAlterRoutineOption(p);
      p.finish();
      if (p.position === progress) break;
    }
    p.eatKw("restrict");
    unsupportedTail(p);
  } else if ((object === "index" || object === "view" || object === "materialized view") && p.atKw("set") && p.nth(1) === SyntaxKind.LParen) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    parseOptionList(p, DEF_ELEMS);
    p.finish();
  } else return false;
  return true;
}


/**
 * SQLite: reports (wrong-dialect) and returns true when the ALTER TABLE action at the cursor is
 * none of SQLite's: RENAME TO name, RENAME [COLUMN] a TO b, ADD [COLUMN] column definition,
 * DROP [COLUMN] name and (since SQLite 3.53) ADD [CONSTRAINT name] CHECK (…), DROP CONSTRAINT
 * name, ALTER [COLUMN] c SET NOT NULL / DROP NOT NULL. Consumes nothing: the shared grammar
 * parses the action after it.
 */
function sqliteAlterTableProblem(p: Parser): boolean {
  const w = p.at(SyntaxKind.Word) ? p.word : undefined;
  const column = p.nthKw(1, "column") ? 1 : 0;
  let at = 0;
  let what: string | undefined;
  if (w === "rename") {
    if (p.nthKw(1, "constraint")) [at, what] = [1, "RENAME CONSTRAINT"];
  } else if (w === "add") {
    const next = p.wordAt(1);
    if (next === "constraint") {
      if (!p.nthKw(3, "check")) [at, what] = [3, "ADD CONSTRAINT … other than CHECK"];
    } else if (next === "primary" || next === "unique" || next === "foreign" || next === "exclude") [at, what] = [1, `ADD ${next.toUpperCase()}`];
    else if (p.nthKw(column + 1, "if")) [at, what] = [column + 1, "ADD COLUMN IF NOT EXISTS"];
  } else if (w === "drop") {
    const constraint = p.nthKw(1, "constraint");
    if (p.nthKw(constraint ? 2 : column + 1, "if")) [at, what] = [constraint ? 2 : column + 1, `DROP ${constraint ? "CONSTRAINT" : "COLUMN"} IF EXISTS`];
    else if (p.nthKw(column + 2, "cascade") || p.nthKw(column + 2, "restrict")) [at, what] = [column + 2, p.wordAt(column + 2)!.toUpperCase()];
  } else if (w === "alter") {
    // ALTER [COLUMN] c SET NOT NULL / DROP NOT NULL
    const verb = p.wordAt(column + 2);
    if (!((verb === "set" || verb === "drop") && p.nthKw(column + 3, "not") && p.nthKw(column + 4, "null"))) [at, what] = [column + 2, "ALTER COLUMN … other than SET NOT NULL or DROP NOT NULL"];
  } else if (w === "if" || w === "only") {
    what = `ALTER TABLE ${w === "if" ? "IF EXISTS" : "ONLY"}`;
  } else if (!p.atStatementEnd) what = `ALTER TABLE … ${w === undefined ? p.tokenText() : w.toUpperCase()}`;
  if (what === undefined) return false;
  const [start, end] = p.rangeAt(Math.min(p.position + at, p.position + lastTokenOfStatement(p)));
  p.report(SyntaxCode.WrongDialect, `${what} is not SQLite syntax; SQLite's ALTER TABLE renames, adds or drops a column or a CHECK constraint, sets or drops a NOT NULL, or renames the table`, start, end);
  return true;
}

/** The other dialects' ALTER TABLE actions that MySQL's grammar lacks (the word after the action's verb). */
const NOT_MYSQL_ALTER_ACTIONS = new Set(["set", "owner", "detach", "attach", "validate", "inherit", "no", "replica", "cluster", "reset", "of", "not", "security"]);

/**
 * MySQL: reports (wrong-dialect) an ALTER TABLE action at the cursor that is another dialect's:
 * SET SCHEMA / (options) / TABLESPACE, OWNER TO, partitions attached or detached, NOT VALID,
 * VALIDATE CONSTRAINT, a column's TYPE or NOT NULL changed with ALTER COLUMN (MySQL changes a
 * column with MODIFY or CHANGE), ENABLE / DISABLE other than KEYS, IF [NOT] EXISTS (MariaDB's).
 * Consumes nothing: the shared grammar parses the action after it.
 */
function mysqlAlterTableProblem(p: Parser): void {
  const w = p.at(SyntaxKind.Word) ? p.word! : undefined;
  if (w === undefined) return;
  const column = p.nthKw(1, "column") ? 1 : 0;
  let at = 0;
  let what: string | undefined;
  let hint = "MySQL's ALTER TABLE has no such action";
  if (NOT_MYSQL_ALTER_ACTIONS.has(w)) what = `ALTER TABLE … ${w.toUpperCase()}`;
  else if ((w === "enable" || w === "disable") && !p.nthKw(1, "keys")) what = `${w.toUpperCase()} ${(p.wordAt(1) ?? "").toUpperCase()}`;
  else if (w === "add" || w === "drop") {
    const constraint = p.nthKw(1, "constraint");
    if (p.nthKw(constraint ? 2 : column + 1, "if")) [at, what, hint] = [constraint ? 2 : column + 1, `${w.toUpperCase()} … IF ${w === "add" ? "NOT " : ""}EXISTS`, "MySQL's ALTER TABLE takes none"];
    // (MySQL takes RESTRICT / CASCADE, and ignores them, after DROP [COLUMN] c only.)
    else if (w === "drop" && (constraint || p.nthKw(1, "check")) && (p.nthKw(3, "cascade") || p.nthKw(3, "restrict"))) [at, what, hint] = [3, p.wordAt(3)!.toUpperCase(), "MySQL's DROP CONSTRAINT takes no CASCADE or RESTRICT"];
  } else if (w === "alter" && !p.nthKw(1, "index") && !p.nthKw(1, "key") && !p.nthKw(1, "check") && !p.nthKw(1, "constraint")) {
    // ALTER [COLUMN] c {SET DEFAULT … | DROP DEFAULT | SET VISIBLE | SET INVISIBLE}
    const verb = p.wordAt(column + 2);
    const object = p.wordAt(column + 3);
    const fits = (verb === "set" && (object === "default" || object === "visible" || object === "invisible")) || (verb === "drop" && object === "default");
    if (!fits) [at, what, hint] = [column + 2, `ALTER COLUMN … ${(verb ?? "").toUpperCase()}`, "MySQL changes a column's type or NOT NULL with MODIFY [COLUMN] c definition"];
  } else if (w === "rename" && p.nthKw(1, "constraint")) what = "RENAME CONSTRAINT";
  if (what === undefined) return;
  p.wrongDialectAt(Math.min(p.position + at, p.position + lastTokenOfStatement(p)), what, hint);
}

/** How many tokens ahead the statement's last token is (0 at its end). */
function lastTokenOfStatement(p: Parser): number {
  let n = 0;
  while (!p.atStatementEndAt(n + 1)) n++;
  return n;
}

function parseAlterTableAction(p: Parser): void {
  p.start(SyntaxKind.AlterAction);
  if (p.mysql && parseMysqlAlterTableAction(p)) {
    p.finish();
    return;
  }
  if (p.mysql) mysqlAlterTableProblem(p);
  const w = p.word;
  switch (w) {
    case "add":
      p.bump();
      if (p.atKw("constraint") || p.atKw("primary") || p.atKw("unique") || p.atKw("check") || p.atKw("foreign") || atExcludeConstraint(p) || (p.mysql && (p.atKw("index") || p.atKw("key") || p.atKw("fulltext")))) {
        parseTableConstraint(p);
        if (p.atKw("not") && p.nthKw(1, "valid")) {
          if (!p.postgres) p.wrongDialect("NOT VALID", `${p.sqlite ? "SQLite" : "MySQL"} checks a constraint on every row at once`);
          p.bump();
          p.bump();
        }
      } else {
        p.eatKw("column");
        if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
        parseColumnDef(p);
        if (p.mysql && (p.atKw("first") || p.atKw("after"))) {
          if (p.eatKw("after")) expectIdent(p);
          else p.bump();
        }
      }
      break;
    case "drop":
      p.bump();
      if (p.eatKw("constraint")) {
        if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
        expectIdent(p, "constraint name");
      } else if (p.mysql && (p.atKw("index") || p.atKw("key") || p.atKw("foreign") || p.atKw("primary") || p.atKw("check"))) {
        const kw = p.word;
        p.bump();
        if (kw === "foreign" || kw === "primary") p.expectKw("key");
        if (kw !== "primary") expectIdent(p);
      } else {
        p.eatKw("column");
        if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
        expectIdent(p, "column name");
      }
      if (p.atKw("cascade") || p.atKw("restrict")) p.bump();
      break;
    case "alter":
      p.bump();
      if (p.postgres && p.atKw("constraint")) {
        // ALTER CONSTRAINT c [NOT] DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE]
        p.bump();
        expectIdent(p, "constraint name");
        parseConstraintTiming(p);
        break;
      }
      p.eatKw("column");
      expectIdent(p, "column name");
      if (p.postgres && parseIdentityColumnChanges(p)) break;
      if (p.atKw("type") || (p.atKw("set") && p.nthKw(1, "data"))) {
        if (p.eatKw("set")) p.bump();
        p.expectKw("type");
        parseTypeName(p);
        if (p.atKw("collate")) {
          p.bump();
          parseQualifiedName(p);
        }
        if (p.eatKw("using")) parseExpr(p);
      } else if (p.postgres && p.atKw("options")) parseGenericOptions(p, true);
      else if (p.postgres && p.atKw("reset") && p.nth(1) === SyntaxKind.LParen) {
        p.bump();
        parseOptionList(p, DEF_ELEMS);
      } else if (p.eatKw("set")) {
        if (p.eatKw("default")) parseExpr(p);
        else if (p.eatKw("not")) {
          p.expectKw("null");
          parseConflictClause(p); // SQLite: SET NOT NULL ON CONFLICT IGNORE
        }
        else if (p.eatKw("statistics")) {
          if (p.atOp("-") && p.nth(1) === SyntaxKind.Number) p.bump();
          p.expect(SyntaxKind.Number, "number");
        } else if (p.postgres && p.atKw("storage")) {
          // PLAIN, EXTERNAL, EXTENDED, MAIN or DEFAULT: a name (ColId) or DEFAULT.
          p.bump();
          if (!p.eatKw("default")) expectIdent(p, "storage mode");
        } else if (p.eatKw("storage") || (p.postgres && p.eatKw("compression"))) expectLabel(p);
        else if (p.postgres && p.eatKw("expression")) {
          // SET EXPRESSION AS (expr): a new generation expression
          p.expectKw("as");
          expectParenthesizedExpr(p);
        } else if (p.at(SyntaxKind.LParen)) parseOptionList(p, DEF_ELEMS);
        else if (p.eatKw("visible") || p.eatKw("invisible")) {
          /* mysql */
        } else p.expected("DEFAULT, NOT NULL, STATISTICS or STORAGE");
      } else if (p.eatKw("drop")) {
        if (p.eatKw("default")) {
          /* ok */
        } else if (p.eatKw("not")) p.expectKw("null");
        else if (p.eatKw("identity")) {
          if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
        } else if (p.eatKw("expression")) {
          if (p.atKw("if") && (p.nthKw(1, "exists") || !p.postgres)) parseIfExists(p);
        } else p.expected("DEFAULT or NOT NULL");
      } else if (p.eatKw("add")) {
        p.expectKw("generated");
        if (!p.eatKw("always")) {
          p.expectKw("by");
          p.expectKw("default");
        }
        p.expectKw("as");
        p.expectKw("identity");
        if (p.at(SyntaxKind.LParen)) p.bumpBalanced(true);
      } else p.expected("TYPE, SET, DROP or ADD");
      break;
    case "rename":
      p.bump();
      // MySQL: RENAME [TO | AS] new_table (a column or index is renamed only with COLUMN / INDEX / KEY).
      if (p.atKw("as") && !p.mysql) p.wrongDialect("RENAME AS", "write RENAME TO");
      if (p.eatKw("to") || p.eatKw("as") || (p.mysql && !p.atKw("column") && !p.atKw("index") && !p.atKw("key"))) parseQualifiedName(p, "new name");
      else {
        if (p.eatKw("constraint")) {
          /* ok */
        } else if (p.mysql && (p.atKw("index") || p.atKw("key"))) p.bump();
        else p.eatKw("column");
        expectIdent(p, "name");
        p.expectKw("to");
        expectIdent(p, "new name");
      }
      break;
    case "owner":
      p.bump();
      p.expectKw("to");
      expectRoleName(p);
      break;
    case "set":
      p.bump();
      if (p.eatKw("schema") || p.eatKw("tablespace")) expectIdent(p);
      else if (p.postgres && p.eatKw("access")) {
        p.expectKw("method");
        expectIdent(p, "access method");
      } else if (p.eatKw("logged") || p.eatKw("unlogged")) {
        /* ok */
      } else if (p.eatKw("without")) {
        // SET WITHOUT CLUSTER / OIDS (PostgreSQL); other dialects' forms stay loose.
        if (!p.postgres) expectLabel(p);
        else if (!p.eatKw("cluster") && !p.eatKw("oids")) p.expected("CLUSTER or OIDS");
      } else if (p.at(SyntaxKind.LParen)) parseOptionList(p, DEF_ELEMS);
      else p.expected("SCHEMA, TABLESPACE, LOGGED or '('");
      break;
    case "reset":
      p.bump();
      parseOptionList(p, DEF_ELEMS);
      break;
    case "attach":
      p.bump();
      p.expectKw("partition");
      parseQualifiedName(p, "partition name");
      if (p.atKw("default")) p.bump();
      else parsePartitionBound(p);
      break;
    case "detach":
      p.bump();
      p.expectKw("partition");
      parseQualifiedName(p, "partition name");
      if (p.atKw("concurrently") || p.atKw("finalize")) p.bump();
      break;
    case "enable":
    case "disable":
      p.bump();
      if (p.atKw("replica") || p.atKw("always")) p.bump();
      if (p.eatKw("trigger") || p.eatKw("rule")) {
        if (!p.eatKw("all") && !p.eatKw("user")) expectIdent(p);
      } else if (p.eatKw("row")) {
        p.expectKw("level");
        p.expectKw("security");
      } else if (p.mysql && p.eatKw("keys")) {
        /* ok */
      } else p.expected("TRIGGER, RULE or ROW LEVEL SECURITY");
      break;
    case "validate":
      p.bump();
      p.expectKw("constraint");
      expectIdent(p);
      break;
    case "no":
      if (p.nthKw(1, "force")) {
        p.bump();
        parseForceRowLevelSecurity(p);
        break;
      }
      p.bump();
      p.expectKw("inherit");
      parseQualifiedName(p);
      break;
    case "inherit":
      p.bump();
      parseQualifiedName(p);
      break;
    case "of":
      if (!p.postgres) {
        p.expected("ALTER TABLE action");
        break;
      }
      // OF type: make a typed table
      p.bump();
      parseQualifiedName(p, "type name");
      break;
    case "not":
      if (!p.postgres || !p.nthKw(1, "of")) {
        p.expected("ALTER TABLE action");
        break;
      }
      p.bump();
      p.bump();
      break;
    case "force":
      if (!p.postgres) {
        p.expected("ALTER TABLE action");
        break;
      }
      parseForceRowLevelSecurity(p);
      break;
    case "options":
      if (!p.postgres) {
        p.expected("ALTER TABLE action");
        break;
      }
      // ALTER FOREIGN TABLE f OPTIONS (ADD x 'y', DROP z)
      parseGenericOptions(p, true);
      break;
    case "replica":
      if (!p.postgres) {
        p.expected("ALTER TABLE action");
        break;
      }
      // REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX name}
      p.bump();
      p.expectKw("identity");
      if (p.eatKw("using")) {
        p.expectKw("index");
        expectIdent(p, "index name");
      } else if (p.atKw("default") || p.atKw("full") || p.atKw("nothing")) p.bump();
      else p.expected("DEFAULT, FULL, NOTHING or USING INDEX");
      break;
    case "cluster":
      p.bump();
      p.expectKw("on");
      expectIdent(p);
      break;
    case "convert":
      if (!p.mysql) {
        p.expected("ALTER TABLE action");
        break;
      }
      // CONVERT TO {CHARACTER SET | CHARSET} name [COLLATE name]
      p.bump();
      p.expectKw("to");
      if (p.eatKw("character")) p.expectKw("set");
      else p.expectKw("charset");
      expectCharsetName(p, "character set");
      if (p.eatKw("collate")) expectCharsetName(p, "collation");
      break;
    case "modify":
    case "change":
      if (!p.mysql) {
        p.expected("ALTER TABLE action");
        break;
      }
      p.bump();
      p.eatKw("column");
      if (w === "change") expectIdent(p, "column name");
      parseColumnDef(p);
      if (p.atKw("first") || p.atKw("after")) {
        if (p.eatKw("after")) expectIdent(p);
        else p.bump();
      }
      break;
    default:
      if (p.mysql && atMysqlTableOptionName(p)) {
        // ALTER TABLE's own ALGORITHM and LOCK, SECONDARY_LOAD / SECONDARY_UNLOAD (into the table's
        // secondary engine), or a table option: ENGINE = InnoDB, AUTO_INCREMENT = 10, …
        if (p.atKw("secondary_load") || p.atKw("secondary_unload")) p.bump();
        else if (!parseMysqlAlterAlgorithmOrLock(p)) parseMysqlTableOption(p);
        break;
      }
      p.expected("ALTER TABLE action");
      if (!p.atEnd && !p.at(SyntaxKind.Semicolon)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.Semicolon));
  }
  p.finish();
}

/**
 * ALTER TYPE of a composite type: `RENAME ATTRIBUTE a TO b`, or a comma-separated list of
 * `ADD ATTRIBUTE a t`, `DROP ATTRIBUTE [IF EXISTS] a`, `ALTER ATTRIBUTE a [SET DATA] TYPE t
 * [COLLATE c]` (each with CASCADE / RESTRICT); and a base type's `SET (property = value, …)`.
 * Returns false, consuming nothing, for the other forms (ADD VALUE, RENAME VALUE, …).
 */
function parseAlterTypeAttributes(p: Parser): boolean {
  if (p.atKw("set") && p.nth(1) === SyntaxKind.LParen) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    parseOptionList(p, DEF_ELEMS);
    p.finish();
    return true;
  }
  if (p.atKw("rename") && p.nthKw(1, "attribute")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    expectIdent(p, "attribute name");
    p.expectKw("to");
    expectIdent(p, "new name");
    if (p.atKw("cascade") || p.atKw("restrict")) p.bump();
    p.finish();
    return true;
  }
  const atAttributeAction = (): boolean => (p.atKw("add") || p.atKw("drop") || p.atKw("alter")) && p.nthKw(1, "attribute");
  if (!atAttributeAction()) return false;
  do {
    p.start(SyntaxKind.AlterAction);
    const verb = p.word;
    p.bump();
    p.expectKw("attribute");
    if (verb === "add") parseColumnDef(p);
    else if (verb === "drop") {
      if (p.atKw("if") && p.nthKw(1, "exists")) parseIfExists(p);
      expectIdent(p, "attribute name");
    } else {
      expectIdent(p, "attribute name");
      if (p.eatKw("set")) p.expectKw("data");
      p.expectKw("type");
      parseTypeName(p);
      if (p.eatKw("collate")) parseQualifiedName(p, "collation");
    }
    if (p.atKw("cascade") || p.atKw("restrict")) p.bump();
    p.finish();
  } while (p.eat(SyntaxKind.Comma) && atAttributeAction());
  return true;
}

/**
 * The changes of an identity column, one or more: `SET GENERATED {ALWAYS | BY DEFAULT}`,
 * `SET` a sequence option, `RESTART [[WITH] n]` (the cursor after the column name);
 * returns false, consuming nothing, when none follows.
 */
function parseIdentityColumnChanges(p: Parser): boolean {
  const atChange = (): boolean =>
    p.atKw("restart") || (p.atKw("set") && (p.nthKw(1, "generated") || ["increment", "minvalue", "maxvalue", "start", "cache", "cycle", "no", "sequence"].includes(p.wordAt(1) ?? "")));
  if (!atChange()) return false;
  while (atChange()) {
    if (p.eatKw("restart")) {
      p.eatKw("with");
      if (p.at(SyntaxKind.Number) || p.atOp("-")) {
        p.eatOp("-");
        p.bump();
      }
    } else {
      p.bump();
      if (p.eatKw("generated")) {
        if (!p.eatKw("always")) {
          p.expectKw("by");
          p.expectKw("default");
        }
      } else parseSequenceOption(p);
    }
  }
  return true;
}

/** `[NOT] DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE]` (ALTER CONSTRAINT). */
function parseConstraintTiming(p: Parser): void {
  let any = false;
  for (let guard = 0; guard < 5; guard++) {
    if (p.atKw("deferrable")) p.bump();
    else if (p.atKw("not") && p.nthKw(1, "deferrable")) {
      p.bump();
      p.bump();
    } else if (p.eatKw("initially")) {
      if (!p.eatKw("deferred")) p.expectKw("immediate");
    } else if (p.postgres && (p.atKw("enforced") || p.atKw("inherit") || ((p.atKw("not") && p.nthKw(1, "enforced")) || (p.atKw("no") && p.nthKw(1, "inherit"))))) {
      // PostgreSQL 18: [NOT] ENFORCED, [NO] INHERIT
      if (p.atKw("not") || p.atKw("no")) p.bump();
      p.bump();
    } else break;
    any = true;
  }
  if (!any) p.expected(p.postgres ? "DEFERRABLE, INITIALLY, ENFORCED or INHERIT" : "DEFERRABLE, NOT DEFERRABLE or INITIALLY");
}

/** `FORCE ROW LEVEL SECURITY` / `NO FORCE ROW LEVEL SECURITY` (the cursor at FORCE). */
function parseForceRowLevelSecurity(p: Parser): void {
  p.bump();
  p.expectKw("row");
  p.expectKw("level");
  p.expectKw("security");
}

/** One action of ALTER FUNCTION/PROCEDURE (volatility, strictness, security, cost, SET …). */
function parseAlterRoutineOption(p: Parser): void {
  const w = p.word;
  switch (w) {
    case "immutable":
    case "stable":
    case "volatile":
    case "strict":
    case "leakproof":
      p.bump();
      return;
    case "not":
      p.bump();
      p.expectKw("leakproof");
      return;
    case "returns":
      p.bump();
      p.expectKw("null");
      p.expectKw("on");
      p.expectKw("null");
      p.expectKw("input");
      return;
    case "reset":
      p.bump();
      if (!p.eatKw("all")) parseQualifiedName(p, "parameter");
      return;
    default:
      parseSharedRoutineOption(p, w);
      return;
  }
}

/** DROP DATABASE's `(FORCE [, …])` at `(` (PostgreSQL has no other option there). */
function parseDropDatabaseOptions(p: Parser): void {
  p.start(SyntaxKind.OptionList);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    do {
      p.start(SyntaxKind.Option);
      if (p.atKw("force")) p.bumpIdent();
      else p.expected("FORCE");
      p.finish();
    } while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}
