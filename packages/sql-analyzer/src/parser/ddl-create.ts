import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { DEF_ELEMS, parseMysqlIndexType, parseIfExists, parseIfNotExists, parseCreateTableRest, parseIndexElem, parseIndexElemList, parseOptionList, parseNullsDistinct, parseSequenceOptions, parseTableConstraint, parseWithOptionList } from "./ddl-table.js";
import { parseCreateRoutineRest, parseCreateTriggerRest, parseRoutineParams } from "./ddl-routine.js";
import { parseCreateDatabaseRest, parseCreateEventTriggerRest, parseCreatePolicyRest, parseCreateRoleRest } from "./utility-more.js";
import { expectParenthesizedExpr, parseExpr } from "./expressions.js";
import { atIdent, atLabel, atReservedRoleWord, isReservedAt, atSubstitutedName, expectIdent, expectLabel, expectRoleName, parseParenNameList, parseQualifiedName, parseRoutineName, reservedAsName } from "./names.js";
import type { Checkpoint, Parser } from "./parser.js";
import { atSelectStart, parseSelectStmt, parseWhereClause } from "./select.js";
import { parseStatement, parseUnsupported } from "./statement.js";
import { parseTypeName } from "./types.js";
import { ALL_OBJECT_KINDS, parseObjectKind, parseObjectName } from "./ddl-objects.js";
import { CREATE_OBJECT_KINDS, createObjectKindAt, parseCreateObjectRest } from "./ddl-create-objects.js";
import { parseGrantAs, parseMysqlCreateUserRest } from "./mysql-accounts.js";
import { MYSQL_SQL_SECURITY, MYSQL_VIEW_ALGORITHMS, parseCreateEventRest, parseCreateTablespaceRest, parseMysqlCreateObject, parseMysqlDatabaseOptions } from "./mysql-ddl.js";

/**
 * CREATE …: dispatches on the object kind after the modifiers
 * (`OR REPLACE`, `TEMP`, `UNIQUE`, …). Returns false when the object kind is
 * not supported (the caller makes an `UnsupportedStmt`).
 */
export function parseCreate(p: Parser, cp: Checkpoint): boolean {
  // Look past modifiers without consuming them to find the object kind.
  let n = 1;
  for (;;) {
    const w = p.wordAt(n);
    if (w === "or" && p.nthKw(n + 1, "replace")) n += 2;
    else if (
      w === "temp" || w === "temporary" || w === "unlogged" || w === "global" || w === "local" || w === "unique" ||
      w === "recursive" || w === "constraint" || w === "virtual" || w === "trusted" || w === "procedural" ||
      (w === "default" && p.nthKw(n + 1, "conversion")) ||
      (p.mysql && (w === "definer" || w === "algorithm" || w === "sql" || w === "fulltext" || w === "spatial"))
    ) {
      if (p.mysql && (w === "definer" || w === "algorithm")) {
        // DEFINER = user@host / ALGORITHM = MERGE: skip `= value`
        n += 1;
        if (p.nth(n) === SyntaxKind.Operator) n += 1;
        n += 1;
        while (p.nth(n) === SyntaxKind.Param || (p.nth(n) === SyntaxKind.Operator && p.wordAt(n) === "@")) n += 1;
        if (p.nth(n) === SyntaxKind.String || p.nth(n) === SyntaxKind.Word) {
          if (p.nth(n - 1) === SyntaxKind.Operator) n += 1;
        }
      } else if (p.mysql && w === "sql") n += 3;
      else n += 1;
    } else break;
    if (n > 12) break;
  }
  checkCreateModifiers(p, n);
  const kind = p.wordAt(n);
  const objectKind = createObjectKindAt(p, n);
  if (objectKind !== undefined) {
    // CREATE FOREIGN TABLE is a table (a CreateTableStmt); the other long-tail kinds share one statement kind.
    p.start(objectKind === "foreign table" ? SyntaxKind.CreateTableStmt : SyntaxKind.CreateObjectStmt);
    bumpModifiers(p, n - 1);
    parseObjectKind(p, CREATE_OBJECT_KINDS);
    parseCreateObjectRest(p, objectKind);
    p.finish();
    return true;
  }
  switch (kind) {
    case "table":
      p.start(SyntaxKind.CreateTableStmt);
      bumpModifiers(p, n);
      if (p.sqlite && p.wordAt(-1) === "table" && isVirtual(p, n)) parseVirtualTableRest(p);
      else parseCreateTableRest(p);
      p.finish();
      return true;
    case "index":
      p.start(SyntaxKind.CreateIndexStmt);
      bumpModifiers(p, n);
      parseCreateIndexRest(p);
      p.finish();
      return true;
    case "view":
      p.start(SyntaxKind.CreateViewStmt);
      bumpModifiers(p, n);
      parseCreateViewRest(p);
      p.finish();
      return true;
    case "materialized":
      p.start(SyntaxKind.CreateMaterializedViewStmt);
      bumpModifiers(p, n);
      p.expectKw("view");
      if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
      parseQualifiedName(p, "view name");
      if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
      if (p.atKw("using")) {
        p.bump();
        expectIdent(p);
      }
      parseWithOptionList(p);
      if (p.atKw("tablespace")) {
        p.bump();
        expectIdent(p, "tablespace");
      }
      p.expectKw("as");
      parseSelectStmt(p);
      if (p.atKw("with")) {
        p.bump();
        p.eatKw("no");
        p.expectKw("data");
      }
      p.finish();
      return true;
    case "database":
    case "schema":
      if (kind === "database" && !p.mysql) {
        p.start(SyntaxKind.CreateDatabaseStmt);
        bumpModifiers(p, n);
        parseCreateDatabaseRest(p);
        p.finish();
        return true;
      }
      p.start(SyntaxKind.CreateSchemaStmt);
      bumpModifiers(p, n);
      if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
      if (p.mysql && p.atKw("authorization")) p.wrongDialect("CREATE SCHEMA AUTHORIZATION", "MySQL's schemas have no owner: grant privileges on them");
      if (p.atKw("authorization")) {
        p.bump();
        expectRoleName(p);
      } else {
        parseQualifiedName(p, "schema name");
        if (p.atKw("authorization")) {
          if (p.mysql) p.wrongDialect("AUTHORIZATION", "MySQL's schemas have no owner: grant privileges on them");
          p.bump();
          expectRoleName(p);
        }
      }
      // PostgreSQL: the schema's first objects, created in it (CREATE TABLE/VIEW/INDEX/SEQUENCE/TRIGGER, GRANT).
      while (p.postgres && (atSchemaElementCreate(p) || p.atKw("grant"))) {
        const progress = p.position;
        parseStatement(p);
        if (p.position === progress) break;
      }
      // MySQL: CHARACTER SET / COLLATE / ENCRYPTION (the rest of the statement reports anything else).
      if (p.mysql) parseMysqlDatabaseOptions(p);
      p.finish();
      return true;
    case "sequence":
      p.start(SyntaxKind.CreateSequenceStmt);
      bumpModifiers(p, n);
      if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
      parseQualifiedName(p, "sequence name");
      parseSequenceOptions(p);
      p.finish();
      return true;
    case "type":
      if (!p.postgres) return false;
      p.start(SyntaxKind.CreateTypeStmt);
      bumpModifiers(p, n);
      parseCreateTypeRest(p);
      p.finish();
      return true;
    case "domain":
      if (!p.postgres) return false;
      p.start(SyntaxKind.CreateDomainStmt);
      bumpModifiers(p, n);
      parseQualifiedName(p, "domain name");
      p.eatKw("as");
      parseTypeName(p);
      for (let guard = 0; guard < 32 && p.at(SyntaxKind.Word); guard++) {
        const progress = p.position;
        p.start(SyntaxKind.ColumnConstraint);
        if (p.eatKw("constraint")) expectIdent(p, "constraint name");
        if (p.eatKw("default")) {
          // A `b_expr`, which no NOT starts: `DEFAULT NOT NULL` lacks its value.
          if (p.atKw("not")) p.expected("default value");
          else parseExpr(p);
        } else if (p.eatKw("not")) p.expectKw("null");
        else if (p.eatKw("null")) {
          /* ok */
        } else if (p.eatKw("collate")) parseQualifiedName(p, "collation");
        else if (p.eatKw("check")) {
          expectParenthesizedExpr(p);
        } else p.expected("domain constraint");
        p.finish();
        if (p.position === progress) break;
      }
      p.finish();
      return true;
    case "function":
    case "procedure":
      p.start(kind === "function" ? SyntaxKind.CreateFunctionStmt : SyntaxKind.CreateProcedureStmt);
      bumpModifiers(p, n);
      parseCreateRoutineRest(p, kind === "procedure");
      p.finish();
      return true;
    case "trigger": {
      // Only a CONSTRAINT trigger takes FROM / DEFERRABLE (PostgreSQL).
      let constraint = false;
      for (let i = 1; i < n; i++) if (p.wordAt(i) === "constraint") constraint = true;
      p.start(SyntaxKind.CreateTriggerStmt);
      bumpModifiers(p, n);
      parseCreateTriggerRest(p, constraint);
      p.finish();
      return true;
    }
    case "extension":
      if (!p.postgres) return false;
      p.start(SyntaxKind.CreateExtensionStmt);
      bumpModifiers(p, n);
      if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
      expectIdent(p, "extension name");
      p.eatKw("with");
      for (let guard = 0; guard < 8; guard++) {
        if (p.eatKw("schema")) expectIdent(p, "schema name");
        else if (p.eatKw("version")) {
          if (p.at(SyntaxKind.String)) p.bump();
          else expectLabel(p, "version");
        } else if (p.eatKw("cascade")) {
          /* ok */
        } else break;
      }
      p.finish();
      return true;
    case "policy":
      if (!p.postgres) return false;
      p.start(SyntaxKind.CreatePolicyStmt);
      bumpModifiers(p, n);
      parseCreatePolicyRest(p);
      p.finish();
      return true;
    case "event":
      if (p.mysql) {
        p.start(SyntaxKind.CreateEventStmt);
        bumpModifiers(p, n);
        parseCreateEventRest(p);
        p.finish();
        return true;
      }
      if (!p.postgres || !p.nthKw(n + 1, "trigger")) return false;
      p.start(SyntaxKind.CreateEventTriggerStmt);
      bumpModifiers(p, n + 1);
      parseCreateEventTriggerRest(p);
      p.finish();
      return true;
    case "role":
    case "user":
    case "group":
      p.start(SyntaxKind.CreateRoleStmt);
      bumpModifiers(p, n);
      if (p.mysql && kind !== "group") parseMysqlCreateUserRest(p, kind === "role");
      else parseCreateRoleRest(p);
      p.finish();
      return true;
    case "server":
    case "resource":
    case "reference":
      // MySQL: CREATE SERVER, CREATE RESOURCE GROUP, CREATE [OR REPLACE] SPATIAL REFERENCE SYSTEM.
      return p.mysql && parseMysqlCreateObject(p, n);
    case "tablespace":
    case "undo":
      if (!p.mysql || (kind === "undo" && !p.nthKw(n + 1, "tablespace"))) return false;
      p.start(SyntaxKind.CreateTablespaceStmt);
      bumpModifiers(p, kind === "undo" ? n + 1 : n);
      parseCreateTablespaceRest(p);
      p.finish();
      return true;
    default:
      void cp;
      return false;
  }
}

/** The words of CREATE's persistence modifier (one of them at most, GLOBAL and LOCAL only before TEMP[ORARY]). */
const PERSISTENCE_WORDS = new Set(["temp", "temporary", "unlogged"]);

/**
 * Reports what the modifiers between CREATE and the object kind (tokens 1 … n-1) get wrong:
 * a word twice (`CREATE UNIQUE UNIQUE INDEX`), two persistences (`TEMP UNLOGGED`, `TEMP
 * TEMPORARY`), PostgreSQL's GLOBAL or LOCAL without TEMP[ORARY] after it, a persistence the
 * object cannot have (`CREATE TEMP INDEX`), and in SQLite any modifier or object kind it lacks.
 */
function checkCreateModifiers(p: Parser, n: number): void {
  let persistence = false;
  const seen = new Set<string>();
  const kind = p.wordAt(n);
  for (let i = 1; i < n; i++) {
    const w = p.wordAt(i);
    if (w === undefined || (p.mysql && (w === "definer" || w === "algorithm" || w === "sql"))) return; // MySQL's `= value` modifiers: not checked
    let problem: string | undefined;
    if (p.sqlite && !sqliteCreateModifierFits(w, kind, p.wordAt(i + 1))) {
      const [start, end] = p.rangeAt(p.position + i);
      p.report(SyntaxCode.WrongDialect, sqliteCreateProblem(w, kind), start, end);
      return;
    }
    if (p.mysql && !mysqlCreateModifierFits(w, kind)) {
      p.wrongDialectAt(p.position + i, w === "or" ? "CREATE OR REPLACE" : `${w.toUpperCase()} here`, w === "or" ? "MySQL replaces views only: drop the object first (DROP … IF EXISTS)" : w === "temp" ? "MySQL writes TEMPORARY" : "MySQL has no such modifier here");
      return;
    }
    if (seen.has(w)) problem = `${w.toUpperCase()} is given twice`;
    else if (PERSISTENCE_WORDS.has(w)) {
      if (persistence) problem = "a table is one of TEMPORARY or UNLOGGED, given once";
      else if (p.postgres && !persistenceFits(w, kind)) problem = `${kind === undefined ? "this object" : withArticle(createdKindName(kind))} cannot be ${w === "unlogged" ? "UNLOGGED" : "TEMPORARY"}`;
      persistence = true;
    } else if ((w === "global" || w === "local") && p.postgres && !p.nthKw(i + 1, "temp") && !p.nthKw(i + 1, "temporary")) problem = `${w.toUpperCase()} goes with TEMPORARY: ${w.toUpperCase()} TEMPORARY`;
    else if ((w === "trusted" || w === "procedural") && p.postgres && p.wordAt(n) !== "language") problem = `${w.toUpperCase()} goes with LANGUAGE: CREATE ${w.toUpperCase()} LANGUAGE`;
    seen.add(w);
    if (problem !== undefined) {
      const [start, end] = p.rangeAt(p.position + i);
      p.report(SyntaxCode.UnexpectedToken, problem, start, end);
      return;
    }
  }
  if (p.sqlite && kind !== undefined && !SQLITE_CREATE_KINDS.has(kind) && p.nth(n) === SyntaxKind.Word) {
    const [start, end] = p.rangeAt(p.position + n);
    p.report(SyntaxCode.WrongDialect, sqliteCreateProblem(kind, kind), start, end);
  }
  if (p.mysql && kind !== undefined && !MYSQL_CREATE_KINDS.has(kind) && p.nth(n) === SyntaxKind.Word) {
    p.wrongDialectAt(p.position + n, `CREATE ${createdKindName(kind).toUpperCase()}`, kind === "sequence" ? "MySQL numbers rows with an AUTO_INCREMENT column" : "MySQL has no such object");
  }
}

/** The object kinds MySQL creates (the word after CREATE and its modifiers). */
const MYSQL_CREATE_KINDS = new Set([
  "table", "index", "view", "database", "schema", "function", "procedure", "trigger", "event", "user", "role", "server",
  "tablespace", "logfile", "resource", "spatial", "reference", "undo", "aggregate",
]);

/**
 * MySQL: whether the modifier `w` goes with the object `kind`: OR REPLACE before a view (or a
 * spatial reference system), TEMPORARY before a table, UNIQUE, FULLTEXT or SPATIAL before an index.
 */
function mysqlCreateModifierFits(w: string, kind: string | undefined): boolean {
  if (w === "or" || w === "replace") return kind === "view" || kind === "reference";
  if (w === "temporary") return kind === "table";
  if (w === "unique" || w === "fulltext") return kind === "index";
  if (w === "spatial") return kind === "index" || kind === "reference";
  return false;
}

/**
 * Whether PostgreSQL lets the object `kind` have the persistence `w`: its grammar's OptTemp
 * (TEMP, TEMPORARY, [GLOBAL | LOCAL] TEMP, UNLOGGED) goes with a table, a sequence and a view,
 * its OptNoLog (UNLOGGED) with a materialized view. (SQLite's are `sqliteCreateModifierFits`.)
 */
function persistenceFits(w: string, kind: string | undefined): boolean {
  if (kind === "table" || kind === "sequence" || kind === "view") return true;
  return kind === "materialized" && w === "unlogged";
}

/** The object kinds SQLite creates (`CREATE VIRTUAL TABLE` is a table with the VIRTUAL modifier). */
const SQLITE_CREATE_KINDS = new Set(["table", "index", "view", "trigger"]);

/**
 * SQLite: whether the modifier `w` goes with the object `kind`: TEMP or TEMPORARY before a
 * table, view or trigger, UNIQUE before an index, VIRTUAL before a table (not after TEMP).
 */
function sqliteCreateModifierFits(w: string, kind: string | undefined, next: string | undefined): boolean {
  if (w === "temp" || w === "temporary") return (kind === "table" || kind === "view" || kind === "trigger") && next !== "virtual";
  if (w === "unique") return kind === "index";
  return w === "virtual" && kind === "table";
}

/** The wrong-dialect message for SQLite's CREATE at the word `w` (a modifier, or the object kind itself). */
function sqliteCreateProblem(w: string, kind: string | undefined): string {
  if (w === "or") return "CREATE OR REPLACE is not SQLite syntax; drop the object first (DROP … IF EXISTS) or use CREATE … IF NOT EXISTS";
  if (w === kind || !SQLITE_CREATE_KINDS.has(kind ?? "")) {
    const what = `CREATE ${createdKindName(kind ?? w).toUpperCase()}`;
    return `${what} is not SQLite syntax; SQLite creates tables, virtual tables, indexes, views and triggers`;
  }
  return `${w.toUpperCase()} before ${kind!.toUpperCase()} is not SQLite syntax`;
}

/** The object a CREATE whose kind word is `kind` makes, as prose (`materialized` → "materialized view"). */
function createdKindName(kind: string): string {
  return kind === "materialized" ? "materialized view" : kind;
}

/** `a table`, `an index`. */
function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** Whether a CREATE that CREATE SCHEMA takes as one of its elements starts here (table, view, index, sequence, trigger). */
function atSchemaElementCreate(p: Parser): boolean {
  if (!p.atKw("create")) return false;
  let n = 1;
  while (n < 6 && ["or", "replace", "temp", "temporary", "unlogged", "unique", "recursive", "constraint", "global", "local"].includes(p.wordAt(n) ?? "")) n++;
  const kind = p.wordAt(n);
  return kind === "table" || kind === "view" || kind === "index" || kind === "sequence" || kind === "trigger";
}

function bumpModifiers(p: Parser, n: number): void {
  // CREATE + modifiers + the object keyword.
  for (let i = 0; i <= n; i++) {
    if (p.mysql) checkMysqlModifierValue(p);
    p.bump();
  }
}

/** MySQL: the value of `ALGORITHM = x` or `SQL SECURITY x` at the cursor, one of its grammar's words. */
function checkMysqlModifierValue(p: Parser): void {
  let at = -1;
  let words: readonly string[] = [];
  if (p.atKw("algorithm") && p.nthOp(1, "=")) [at, words] = [2, MYSQL_VIEW_ALGORITHMS];
  else if (p.atKw("sql") && p.nthKw(1, "security")) [at, words] = [2, MYSQL_SQL_SECURITY];
  if (at < 0 || (p.nth(at) === SyntaxKind.Word && words.includes(p.wordAt(at)!))) return;
  const [start, end] = p.rangeAt(p.position + at);
  p.report(SyntaxCode.ExpectedToken, `expected ${words.map((w) => w.toUpperCase()).join(", ").replace(/, (\w+)$/, " or $1")}`, start, end);
}

function parseCreateIndexRest(p: Parser): void {
  // SQLite's and MySQL's CREATE INDEX have none of PostgreSQL's options: the first one found is reported.
  let reported = false;
  const refuse = (what: string, inSqlite = true, inMysql = true): void => {
    if (reported || !((p.sqlite && inSqlite) || (p.mysql && inMysql))) return;
    p.wrongDialect(what, p.sqlite ? "SQLite's CREATE INDEX takes a name, ON table (columns or expressions) and a WHERE clause" : "MySQL's CREATE INDEX takes a name, [USING method], ON table (key parts) and index options");
    reported = true;
  };
  if (p.atKw("concurrently")) refuse("CONCURRENTLY");
  p.eatKw("concurrently");
  if (p.atKw("if")) refuse("IF NOT EXISTS", false);
  const ifNotExists = p.atKw("if") && (p.nthKw(1, "not") || !p.postgres);
  if (ifNotExists) parseIfNotExists(p);
  // (PostgreSQL names the index it may skip: IF NOT EXISTS needs a name; MySQL and SQLite name every index.)
  if (!p.atKw("on") || (ifNotExists && p.postgres) || !p.postgres) parseQualifiedName(p, "index name");
  if (p.mysql && p.atKw("using")) parseMysqlIndexType(p);
  p.expectKw("on");
  p.start(SyntaxKind.TableRef);
  if (p.atKw("only") && atIdent(p, 1)) refuse("ON ONLY");
  // (SQLite puts the schema on the index's name: CREATE INDEX main.i ON t.)
  if (p.sqlite && p.nth(1) === SyntaxKind.Dot) refuse("a schema-qualified table name", true, false);
  const only = p.eatKw("only");
  parseQualifiedName(p, "table name");
  if (p.postgres && !only) p.eatOp("*"); // the inheritance star, as in FROM
  p.finish();
  if (p.atKw("using")) {
    refuse("USING method");
    p.bump();
    // (PostgreSQL: a name that is no reserved or type-or-function keyword, `USING freeze` is an error.)
    if (p.postgres) expectIdent(p, "index method");
    else expectLabel(p, "index method");
  }
  p.start(SyntaxKind.IndexElemList);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    do parseIndexElem(p, true);
    while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
  if (p.atKw("include")) {
    refuse("INCLUDE");
    p.bump();
    // PostgreSQL's grammar takes index elements here (the server then refuses all but plain columns).
    if (p.postgres) parseIndexElemList(p);
    else parseParenNameList(p);
  }
  parseNullsDistinct(p);
  if (p.atKw("with")) refuse("WITH (storage parameters)");
  parseWithOptionList(p);
  if (p.atKw("tablespace")) {
    refuse("TABLESPACE");
    p.bump();
    expectIdent(p);
  }
  if (p.atKw("where")) {
    refuse("WHERE (a partial index)", false);
    parseWhereClause(p);
  }
  if (p.mysql) while (p.at(SyntaxKind.Word) && (p.atKw("using") || p.atKw("comment") || p.atKw("algorithm") || p.atKw("lock"))) {
    p.bump();
    p.eatOp("=");
    p.bump();
  }
}

function parseCreateViewRest(p: Parser): void {
  if (p.atKw("if") && p.postgres) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, "PostgreSQL's CREATE VIEW takes no IF NOT EXISTS: write CREATE OR REPLACE VIEW", start, end);
  }
  if (p.mysql && p.atKw("if")) p.wrongDialect("CREATE VIEW IF NOT EXISTS", "MySQL writes CREATE OR REPLACE VIEW");
  if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
  parseQualifiedName(p, "view name");
  if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
  if (!p.postgres && p.atKw("with")) p.wrongDialect("WITH (options)", p.sqlite ? "SQLite's views take a name, columns and AS query" : "MySQL's views take ALGORITHM, DEFINER and SQL SECURITY before VIEW");
  parseWithOptionList(p);
  p.expectKw("as");
  if (atSelectStart(p)) parseSelectStmt(p);
  else p.expected("query");
  if (p.atKw("with")) {
    if (p.sqlite) p.wrongDialect("WITH CHECK OPTION", "SQLite's views are read-only unless a trigger writes through them");
    p.bump();
    if (p.atKw("cascaded") || p.atKw("local")) p.bump();
    p.expectKw("check");
    p.expectKw("option");
  }
}

function parseCreateTypeRest(p: Parser): void {
  parseQualifiedName(p, "type name");
  if (!p.atKw("as")) {
    // Base type: CREATE TYPE t (INPUT = …, OUTPUT = …) or a shell type.
    if (p.at(SyntaxKind.LParen)) parseOptionList(p, DEF_ELEMS);
    return;
  }
  p.bump();
  if (p.atKw("enum")) {
    p.bump();
    p.start(SyntaxKind.EnumValues);
    if (p.expect(SyntaxKind.LParen, "'('")) {
      if (!p.at(SyntaxKind.RParen)) {
        do p.expect(SyntaxKind.String, "string literal");
        while (p.eat(SyntaxKind.Comma));
      }
      p.expect(SyntaxKind.RParen, "')'");
    }
    p.finish();
  } else if (p.atKw("range")) {
    p.bump();
    parseOptionList(p, DEF_ELEMS);
  } else if (p.at(SyntaxKind.LParen)) {
    p.start(SyntaxKind.CompositeTypeBody);
    p.bump();
    if (!p.at(SyntaxKind.RParen)) {
      do {
        p.start(SyntaxKind.ColumnDef);
        expectIdent(p, "attribute name");
        parseTypeName(p);
        if (p.atKw("collate")) {
          p.bump();
          parseQualifiedName(p, "collation");
        }
        p.finish();
      } while (p.eat(SyntaxKind.Comma));
    }
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  } else p.expected("ENUM, RANGE or '('");
}

const COMMENT_OBJECTS = new Set([
  "table", "column", "index", "view", "schema", "sequence", "type", "domain", "function", "procedure", "trigger",
  "extension", "constraint", "database", "role", "materialized", "aggregate", "policy", "rule", "collation",
  "conversion", "operator", "routine", "server", "tablespace", "foreign", "event", "publication", "subscription",
  "statistics", "language", "cast", "access", "large", "text", "transform",
]);

/** What PostgreSQL's COMMENT ON takes. */
const POSTGRES_COMMENT_KINDS: ReadonlySet<string> = new Set([...ALL_OBJECT_KINDS].filter((k) => k !== "user mapping" && k !== "user" && k !== "group"));

/** `COMMENT ON <object> name IS 'text' | NULL` */
export function parseComment(p: Parser): void {
  p.start(SyntaxKind.CommentStmt);
  p.bump();
  p.bump();
  if (p.postgres) {
    const kind = parseObjectKind(p, POSTGRES_COMMENT_KINDS);
    // A role is named here, not CURRENT_USER & co.
    if (kind === "role") expectIdent(p, "role name");
    else if (kind !== undefined) parseObjectName(p, kind, true);
    else p.expected("object kind");
    parseIsLabel(p);
    p.finish();
    return;
  }
  p.start(SyntaxKind.ObjectKind);
  if (p.at(SyntaxKind.Word) && COMMENT_OBJECTS.has(p.word!)) {
    const w = p.word;
    p.bump();
    if ((w === "materialized" && p.atKw("view")) || (w === "foreign" && (p.atKw("table") || p.atKw("data"))) || w === "text" || w === "access" || w === "large" || w === "event")
      p.bump();
    if (w === "foreign" && p.atKw("wrapper")) p.bump();
  } else p.expected("object kind");
  p.finish();
  parseQualifiedName(p, "object name");
  if (p.at(SyntaxKind.LParen)) p.bumpBalanced(true);
  if (p.atKw("on")) {
    p.bump();
    if (p.atKw("domain")) p.bump();
    parseQualifiedName(p, "table name");
  }
  parseIsLabel(p);
  p.finish();
}

/** `IS 'text' | NULL`, the end of COMMENT ON and SECURITY LABEL. */
function parseIsLabel(p: Parser): void {
  p.expectKw("is");
  if (!p.eatKw("null")) p.expect(SyntaxKind.String, "string literal or NULL");
}

/** What SECURITY LABEL takes. */
const SECURITY_LABEL_KINDS = new Set([
  "table", "column", "aggregate", "database", "domain", "event trigger", "foreign table", "function", "large object",
  "materialized view", "language", "procedural language", "procedure", "publication", "role", "routine", "schema",
  "sequence", "subscription", "tablespace", "type", "view",
]);

/** `SECURITY LABEL [FOR provider] ON <object> name IS 'label' | NULL` (PostgreSQL). */
export function parseSecurityLabel(p: Parser): void {
  p.start(SyntaxKind.SecurityLabelStmt);
  p.bump();
  p.expectKw("label");
  if (p.eatKw("for")) {
    if (p.at(SyntaxKind.String)) p.bump();
    else expectLabel(p, "label provider");
  }
  p.expectKw("on");
  const kind = parseObjectKind(p, SECURITY_LABEL_KINDS);
  if (kind !== undefined) parseObjectName(p, kind, true);
  else p.expected("object kind");
  parseIsLabel(p);
  p.finish();
}

/** The reserved words PostgreSQL takes as privileges (ALTER as ALTER SYSTEM). */
const RESERVED_PRIVILEGES = new Set(["select", "references", "create", "alter"]);
/** What `GRANT … ON ALL x IN SCHEMA s` grants on (PostgreSQL). */
const ALL_IN_SCHEMA_KINDS = new Set(["tables", "sequences", "functions", "procedures", "routines"]);

/** GRANT … ON … TO … / REVOKE … ON … FROM …, and role grants `GRANT r TO u`. */
/** What ALTER DEFAULT PRIVILEGES grants on (PostgreSQL): kinds of objects, not objects. */
const DEFAULT_PRIVILEGE_TARGETS = new Set(["tables", "sequences", "functions", "routines", "types", "schemas", "large"]);

/**
 * GRANT or REVOKE of privileges or roles; `defaultPrivileges` for the action of ALTER DEFAULT
 * PRIVILEGES, which grants on a kind of object (`ON TABLES`) and never grants roles.
 */
/** PostgreSQL's privileges that MySQL has under another name or not at all (TEMPORARY TABLES aside). */
const POSTGRES_ONLY_PRIVILEGES = new Set(["truncate", "maintain", "connect", "temporary", "temp"]);

export function parseGrantOrRevoke(p: Parser, defaultPrivileges = false): void {
  const grant = p.atKw("grant");
  p.start(grant ? SyntaxKind.GrantStmt : SyntaxKind.RevokeStmt);
  p.bump();
  if (!grant && p.mysql && p.atKw("if") && p.nthKw(1, "exists")) parseIfExists(p);
  // REVOKE GRANT OPTION FOR …, and for roles REVOKE ADMIN / INHERIT / SET (any name) OPTION FOR ….
  if (!grant && (p.atKw("grant") || atIdent(p)) && p.nthKw(1, "option") && p.nthKw(2, "for")) {
    if (p.mysql) p.wrongDialect("REVOKE … OPTION FOR", "MySQL revokes the grant option as a privilege: REVOKE GRANT OPTION ON … FROM …");
    else if (!p.atKw("grant") && p.postgres && onBeforeGrantee(p)) {
      // (Only a role revoke names its option: ADMIN, INHERIT, SET; a privilege revoke's is GRANT.)
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "a privilege is revoked with GRANT OPTION FOR; other options are a role's (REVOKE ADMIN OPTION FOR role FROM …)", start, end);
    }
    p.bump();
    p.bump();
    p.expectKw("for");
  }
  // MySQL's GRANT PROXY ON account: the target is an account, not an object.
  const proxy = p.mysql && p.atKw("proxy") && p.nthKw(1, "on");
  // Without ON the grant is of roles (`GRANT admins TO alice`): its words are role names.
  const roles = !p.mysql && !onBeforeGrantee(p);
  // MySQL: without ON the words are roles too, and a reserved word (SELECT, USAGE, …) is no
  // role's name; REVOKE's one exception is `REVOKE ALL [PRIVILEGES], GRANT OPTION FROM …`.
  const mysqlRoles = p.mysql && !proxy && !defaultPrivileges && !onBeforeGrantee(p) && !(!grant && atMysqlRevokeAll(p));
  p.start(SyntaxKind.PrivilegeList);
  do {
    if (p.mysql && !mysqlRoles && !proxy && p.at(SyntaxKind.Word) && p.reserved.has(p.word!) && !MYSQL_RESERVED_PRIVILEGES.has(p.word!)) {
      // With ON, a reserved word is one of MySQL's privileges or nothing (a dynamic privilege is a name).
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, `${p.word!.toUpperCase()} is no MySQL privilege`, start, end);
    }
    if (mysqlRoles && p.at(SyntaxKind.Word) && p.reserved.has(p.word!)) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, `${p.word!.toUpperCase()} is a privilege, granted ON an object; without ON, MySQL's ${grant ? "GRANT grants" : "REVOKE revokes"} roles`, start, end);
    }
    p.start(SyntaxKind.Privilege);
    if (p.atKw("all")) {
      p.bump();
      p.eatKw("privileges");
    } else if (p.mysql && (p.at(SyntaxKind.String) || p.nth(1) === SyntaxKind.Param)) {
      // A MySQL role granted to accounts: 'r', 'r'@'h', r@h.
      parseAccountName(p);
    } else if (p.postgres && isReservedAt(p) && !RESERVED_PRIVILEGES.has(p.word!)) {
      // PostgreSQL: a privilege or a granted role is SELECT, REFERENCES, CREATE, ALTER SYSTEM
      // or a name that is no reserved word.
      reservedAsName(p, "a privilege or role name");
    } else if (atLabel(p)) {
      // One word (SELECT, USAGE, a role name, …); ALTER SYSTEM is the one two-word privilege.
      const w = p.word;
      if (p.mysql && !mysqlRoles && w !== undefined && POSTGRES_ONLY_PRIVILEGES.has(w) && !p.nthKw(1, "tables")) p.wrongDialect(`the ${w.toUpperCase()} privilege`, "MySQL's privileges are SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, TRIGGER, EXECUTE, CREATE TEMPORARY TABLES, …");
      p.bump(p.at(SyntaxKind.QuotedIdent) ? undefined : roles ? SyntaxKind.Ident : SyntaxKind.Keyword);
      if (w === "alter" && p.atKw("system")) p.bump();
      // MySQL's privileges of several words: CREATE TEMPORARY TABLES, REPLICATION SLAVE, SHOW VIEW, GRANT OPTION, …
      else if (p.mysql && w !== undefined) bumpMysqlPrivilegeWords(p, w);
    } else p.expected("privilege");
    if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
  if (proxy && p.eatKw("on")) {
    p.start(SyntaxKind.GrantTarget);
    parseAccountName(p);
    p.finish();
  } else if (defaultPrivileges) {
    if (p.eatKw("on")) {
      p.start(SyntaxKind.GrantTarget);
      if (p.at(SyntaxKind.Word) && DEFAULT_PRIVILEGE_TARGETS.has(p.word!)) {
        const large = p.atKw("large");
        p.bump();
        if (large) p.expectKw("objects");
      } else p.expected("TABLES, SEQUENCES, FUNCTIONS, ROUTINES, TYPES, SCHEMAS or LARGE OBJECTS");
      p.finish();
    } else p.expected("ON");
  } else if (p.eatKw("on")) {
    p.start(SyntaxKind.GrantTarget);
    let kind: string | undefined;
    // MySQL grants on one object: [TABLE | FUNCTION | PROCEDURE] *, *.*, db.*, db.name or name.
    let mysqlProblem = false;
    const notMysql = (what: string): void => {
      if (!p.mysql || mysqlProblem) return;
      p.wrongDialect(what, "MySQL grants on one object: [TABLE | FUNCTION | PROCEDURE] *.*, db.*, db.name or name");
      mysqlProblem = true;
    };
    if (p.atKw("all") && p.nth(2) === SyntaxKind.Word && p.nthKw(2, "in")) {
      notMysql("ON ALL … IN SCHEMA");
      p.bump();
      if (p.postgres && !ALL_IN_SCHEMA_KINDS.has(p.word!)) p.expected("TABLES, SEQUENCES, FUNCTIONS, PROCEDURES or ROUTINES");
      p.bump();
      p.bump();
      p.expectKw("schema");
    } else if (
      p.at(SyntaxKind.Word) &&
      ["table", "sequence", "function", "procedure", "routine", "schema", "database", "type", "domain", "language", "tablespace", "foreign", "large", "parameter"].includes(p.word!) &&
      ((atLabel(p, 1) && !p.nthKw(1, "to") && !p.nthKw(1, "from")) || atSubstitutedName(p, 1) || (p.postgres && p.nth(1) === SyntaxKind.LParen && ["function", "procedure", "routine"].includes(p.word!)))
    ) {
      kind = p.word!;
      if (kind !== "table" && kind !== "function" && kind !== "procedure") notMysql(`ON ${kind.toUpperCase()}`);
      p.bump();
      // FOREIGN DATA WRAPPER, FOREIGN SERVER, LARGE OBJECT (`ON FUNCTION server(int)` names a function).
      if ((kind === "foreign" && (p.atKw("data") || p.atKw("server"))) || (kind === "large" && p.atKw("object"))) {
        const data = p.atKw("data");
        p.bump();
        if (data) p.expectKw("wrapper");
      } else if (p.postgres && kind === "foreign") p.expected("DATA WRAPPER or SERVER");
      else if (p.postgres && kind === "large") p.expected("OBJECT");
    }
    // (PostgreSQL: a routine's name, not an object's, may take its argument types.)
    const routine = kind === "function" || kind === "procedure" || kind === "routine";
    do {
      if (p.postgres && (p.atOp("*") || p.atOp("*.*") || (p.at(SyntaxKind.Dot) && p.nthOp(1, "*")) || (p.nth(1) === SyntaxKind.Dot && p.nthOp(2, "*")))) {
        p.wrongDialect("`*` and `db.*` as the object", "grant on ALL TABLES IN SCHEMA s, or name the objects");
      }
      if (p.atOp("*") || p.atOp("*.*")) {
        p.bump();
        if (p.at(SyntaxKind.Dot)) {
          p.bump();
          p.eatOp("*");
        }
        continue;
      }
      if (p.at(SyntaxKind.Number) && p.postgres) {
        // GRANT … ON LARGE OBJECT 16384
        p.bump();
        continue;
      }
      // (A routine is named as CREATE FUNCTION names it: `left(int)`, never `coalesce(int)`.)
      if (routine) parseRoutineName(p, "object name");
      else parseQualifiedName(p, "object name");
      if (p.at(SyntaxKind.Dot) && p.nth(1) === SyntaxKind.Operator) {
        p.bump();
        p.bump();
      }
      if (p.at(SyntaxKind.LParen)) {
        notMysql("an argument list after the name");
        if (p.postgres && !routine) {
          const [start, end] = p.currentRange();
          p.report(SyntaxCode.UnexpectedToken, "only a FUNCTION, PROCEDURE or ROUTINE is named with its argument types here", start, end);
        }
        if (p.postgres) parseRoutineParams(p);
        else p.bumpBalanced(true);
      }
      if (p.at(SyntaxKind.Comma)) notMysql("a list of objects");
    } while (p.eat(SyntaxKind.Comma));
    p.finish();
  }
  if (grant) p.expectKw("to");
  else p.expectKw("from");
  p.start(SyntaxKind.RoleList);
  do {
    // (PostgreSQL's `TO GROUP r` is for privileges: a granted role goes to roles alone.)
    if (p.atKw("group") && roles && p.postgres) p.expected("role name");
    if (p.postgres && p.at(SyntaxKind.String)) p.wrongDialect("an account 'user'@'host'", "PostgreSQL grants to roles, by name");
    p.eatKw("group");
    parseAccountName(p);
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
  let dropBehavior = false; // CASCADE or RESTRICT, once
  for (let guard = 0; guard < 4; guard++) {
    if (p.postgres && grant && p.atKw("with")) {
      // WITH GRANT OPTION; a role grant's options instead: `WITH ADMIN OPTION, INHERIT TRUE, SET
      // FALSE` (any name: the server checks it), each with its value.
      p.bump();
      if (roles) {
        do {
          if (atLabel(p)) p.bump(SyntaxKind.Keyword);
          else p.expected("a role grant option (ADMIN, INHERIT, SET)");
          if (!p.eatKw("option") && !p.eatKw("true") && !p.eatKw("false")) p.expected("OPTION, TRUE or FALSE");
        } while (p.eat(SyntaxKind.Comma));
      } else {
        p.expectKw("grant");
        p.expectKw("option");
      }
    } else if (p.atKw("with") && (p.nthKw(1, "grant") || p.nthKw(1, "admin") || p.nthKw(1, "inherit") || p.nthKw(1, "set"))) {
      // WITH GRANT OPTION, or role-grant options: WITH ADMIN OPTION, WITH INHERIT TRUE, SET FALSE, …
      p.bump();
      do {
        p.bump();
        if (!p.eatKw("option")) {
          if (!p.eatKw("true")) p.eatKw("false");
        }
      } while (p.postgres && p.at(SyntaxKind.Comma) && (p.nthKw(1, "admin") || p.nthKw(1, "inherit") || p.nthKw(1, "set")) && p.eat(SyntaxKind.Comma));
    } else if (p.atKw("granted") && p.nthKw(1, "by")) {
      if (p.mysql) p.wrongDialect("GRANTED BY", "MySQL's grants are made by the current user (GRANT … AS user for MySQL 8's role checks)");
      p.bump();
      p.bump();
      expectRoleName(p);
    } else if ((p.atKw("cascade") || p.atKw("restrict")) && !dropBehavior) {
      if (p.mysql) p.wrongDialect(p.word!.toUpperCase(), "MySQL's REVOKE takes no CASCADE or RESTRICT");
      dropBehavior = true;
      p.bump();
    } else if (p.mysql && !grant && p.atKw("ignore") && p.nthKw(1, "unknown")) {
      p.bump();
      p.bump();
      p.expectKw("user");
    } else if (p.mysql && grant && p.atKw("as")) parseGrantAs(p);
    else break;
  }
  p.finish();
}

/**
 * MySQL's privileges of several words, by their first word: CREATE TEMPORARY TABLES, SHOW VIEW,
 * REPLICATION SLAVE, GRANT OPTION, … and MariaDB's (DELETE HISTORY, BINLOG ADMIN, SET USER, …),
 * which its scripts write.
 */
const MYSQL_PRIVILEGE_WORDS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ["create", [["temporary", "tables"], ["view"], ["routine"], ["user"], ["tablespace"], ["role"]]],
  ["alter", [["routine"]]],
  ["drop", [["role"]]],
  ["show", [["databases"], ["view"], ["create", "routine"]]],
  ["lock", [["tables"]]],
  ["replication", [["slave", "admin"], ["slave"], ["client"], ["master", "admin"], ["replica", "admin"], ["replica"]]],
  ["grant", [["option"]]],
  ["delete", [["history"]]],
  ["binlog", [["admin"], ["monitor"], ["replay"]]],
  ["connection", [["admin"]]],
  ["federated", [["admin"]]],
  ["read_only", [["admin"]]],
  ["set", [["user"]]],
  ["slave", [["monitor"]]],
  ["replica", [["monitor"]]],
]);

/** MySQL: the rest of a privilege of several words whose first word, `first`, was read. */
function bumpMysqlPrivilegeWords(p: Parser, first: string): void {
  for (const rest of MYSQL_PRIVILEGE_WORDS.get(first) ?? []) {
    if (rest.every((word, i) => p.nthKw(i, word))) {
      for (let i = 0; i < rest.length; i++) p.bump();
      return;
    }
  }
}

/** The words MySQL reserves that name privileges (the first word of a privilege of several). */
const MYSQL_RESERVED_PRIVILEGES: ReadonlySet<string> = new Set([
  "all", "alter", "create", "delete", "drop", "grant", "index", "insert", "lock", "references", "select", "show", "trigger",
  "update", "usage", "set",
]);

/** MySQL: at `ALL [PRIVILEGES], GRANT OPTION` (REVOKE's form that takes no ON). */
function atMysqlRevokeAll(p: Parser): boolean {
  if (!p.atKw("all")) return false;
  const n = p.nthKw(1, "privileges") ? 2 : 1;
  return p.nth(n) === SyntaxKind.Comma && p.nthKw(n + 1, "grant") && p.nthKw(n + 2, "option");
}

/** Whether an ON comes before the TO / FROM of a GRANT or REVOKE (outside parentheses): a privilege grant. */
function onBeforeGrantee(p: Parser): boolean {
  let depth = 0;
  for (let n = 0; n < 256; n++) {
    const k = p.nth(n);
    if (k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return false;
    if (k === SyntaxKind.LParen) depth++;
    else if (k === SyntaxKind.RParen) depth--;
    else if (depth === 0 && k === SyntaxKind.Word) {
      const w = p.wordAt(n);
      if (w === "on") return true;
      if (w === "to" || w === "from") return false;
    }
  }
  return true;
}

/** A role, or MySQL's `'user'@'host'` account (GRANT, REVOKE, DROP USER). */
export function parseAccountName(p: Parser): void {
  if (atReservedRoleWord(p)) reservedAsName(p, "a role name");
  // MySQL: an account's unquoted name is an identifier, no reserved word (CURRENT_USER names the current account).
  else if (p.mysql && p.at(SyntaxKind.Word) && p.reserved.has(p.word!) && !p.atKw("current_user")) reservedAsName(p, "an account name");
  else if (p.at(SyntaxKind.String) || atLabel(p) || atSubstitutedName(p)) {
    p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
    if (p.at(SyntaxKind.Param) || p.atOp("@")) {
      // The host is its own token only after a bare `@` (`@'%'` lexes as one token).
      const bareAt = p.atOp("@") || p.tokenText() === "@";
      p.bump();
      if (bareAt && (p.at(SyntaxKind.String) || atLabel(p))) p.bump();
    }
  } else p.expected("role name");
}

export { atIdent, parseTableConstraint, parseUnsupported };

function isVirtual(p: Parser, n: number): boolean {
  for (let i = -n; i < 0; i++) if (p.wordAt(i) === "virtual") return true;
  return false;
}

/** SQLite `CREATE VIRTUAL TABLE [IF NOT EXISTS] name USING module [(arguments)]` — module arguments are free-form. */
function parseVirtualTableRest(p: Parser): void {
  if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
  parseQualifiedName(p, "table name");
  p.expectKw("using");
  expectIdent(p, "module name");
  if (p.at(SyntaxKind.LParen)) {
    // The module reads its arguments itself, some of them case-sensitively (declared column
    // names, tokenizer options): words stay identifiers, so formatting never changes them.
    p.start(SyntaxKind.OptionList);
    let depth = 0;
    do {
      if (p.at(SyntaxKind.LParen)) depth++;
      else if (p.at(SyntaxKind.RParen)) depth--;
      p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
    } while (depth > 0 && !p.atEnd && !p.at(SyntaxKind.Semicolon));
    if (depth > 0) p.expected("')'");
    p.finish();
  }
}
