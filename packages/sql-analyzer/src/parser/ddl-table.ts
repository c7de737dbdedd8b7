import { SyntaxCode } from "../diagnostic.js";
import { POSTGRES_COL_NAME_OTHERS_CLASS, SQLITE_JOIN_KEYWORDS } from "../lexer/keywords.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { wordClass } from "../syntax/token-cache.js";
import { VALUE_KEYWORDS, commasInParentheses, expectParenthesizedExpr, parseExpr, parseExprBp, parseExprListItems, parseParenExprList, parsePrefix } from "./expressions.js";
import { atFullyReservedWord, atIdent, atLabel, atPlainIdent, atPostgresLookaheadToken, isReservedAt, expectCharsetName, expectIdent, expectLabel, parseParenNameList, parseQualifiedName } from "./names.js";
import { parseGenericOptions } from "./ddl-shared-clauses.js";
import { parseMysqlTableOption } from "./mysql-alter-table.js";
import { parseKeyAlgorithm, parseMysqlPartitionByTail } from "./mysql-partitions.js";
import { describeToken, type Parser } from "./parser.js";
import { atCallAhead, atSelectStart, parseSelectStmt, parseWhereClause } from "./select.js";
import { atMultiWordType, parseTypeName } from "./types.js";

/**
 * CREATE TABLE after `CREATE [OR REPLACE] [TEMP|UNLOGGED|…]`: the current token
 * is after TABLE. Columns, constraints, LIKE, INHERITS, PARTITION BY/OF, AS query, and
 * MySQL/SQLite table options.
 */
export function parseCreateTableRest(p: Parser): void {
  /** Where a column-definition list starts (PostgreSQL's AS then takes none: `t () AS …`). */
  let elementsAt = -1;
  if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
  parseQualifiedName(p, "table name");
  if (p.atKw("partition") && p.nthKw(1, "of")) {
    if (!p.postgres) p.wrongDialect("PARTITION OF", "only PostgreSQL declares a table a partition of another");
    p.start(SyntaxKind.PartitionOf);
    p.bump();
    p.bump();
    parseQualifiedName(p, "parent table");
    if (p.at(SyntaxKind.LParen)) parseTableElements(p, true);
    if (p.atKw("default")) p.bump();
    else parsePartitionBound(p);
    p.finish();
  } else if (p.atKw("of") && p.postgres) {
    p.bump();
    parseQualifiedName(p, "type name");
    if (p.at(SyntaxKind.LParen)) parseTableElements(p, true);
  } else if (p.at(SyntaxKind.LParen) && isCtasColumnList(p)) {
    if (p.mysql) p.wrongDialect("a list of column names before AS", "MySQL's CREATE TABLE … AS takes the query's column names, or column definitions");
    parseParenNameList(p);
  } else if (p.mysql && atSelectStart(p)) {
    // MySQL: CREATE TABLE t (SELECT …), the table made from a parenthesized query.
    parseSelectStmt(p);
    return;
  } else if (p.at(SyntaxKind.LParen)) {
    elementsAt = p.position;
    parseTableElements(p);
  } else if (p.atKw("like") && p.mysql) {
    p.bump();
    parseQualifiedName(p, "table name");
  } else if (!p.atKw("as") && !(p.mysql && (atSelectStart(p) || p.atKw("ignore") || p.atKw("replace"))) && !(p.postgres && ctasOptionsThenAs(p, 0)) && !(p.mysql && mysqlOptionsThenQuery(p))) p.expected("'(' or AS");
  if (p.atKw("inherits")) {
    if (!p.postgres) p.wrongDialect("INHERITS", "only PostgreSQL's tables inherit columns");
    p.bump();
    p.start(SyntaxKind.NameList);
    p.expect(SyntaxKind.LParen, "'('");
    do parseQualifiedName(p, "table name");
    while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  if (p.atKw("partition") && p.nthKw(1, "by")) parsePartitionBy(p);
  if (p.atKw("using") && p.postgres) {
    p.bump();
    expectIdent(p, "access method");
  }
  // WITH (…) and WITHOUT OIDS exclude each other.
  if (!p.postgres && p.atKw("with") && p.nth(1) === SyntaxKind.LParen) p.wrongDialect("WITH (storage parameters)", p.sqlite ? "SQLite's tables take WITHOUT ROWID and STRICT" : "MySQL's tables take table options (ENGINE = …, ROW_FORMAT = …)");
  if (!parseWithOptionList(p) && p.atKw("without") && p.nthKw(1, "oids")) {
    if (!p.postgres) p.wrongDialect("WITHOUT OIDS", p.sqlite ? "SQLite's tables take WITHOUT ROWID and STRICT" : "MySQL's rows have no OIDs");
    p.bump();
    p.bump();
  }
  if (p.atKw("on") && p.nthKw(1, "commit")) {
    if (!p.postgres) p.wrongDialect("ON COMMIT", `a ${p.sqlite ? "SQLite" : "MySQL"} temporary table lasts as long as its connection`);
    p.bump();
    p.bump();
    if (p.eatKw("preserve") || p.eatKw("delete")) p.expectKw("rows");
    else p.expectKw("drop");
  }
  if (p.atKw("tablespace")) {
    p.bump();
    expectIdent(p, "tablespace");
  }
  if (p.sqlite) parseSqliteTableOptions(p);
  if (p.mysql) parseMysqlTableOptions(p);
  // MySQL: how a CREATE TABLE … SELECT treats rows that break a unique key.
  if (p.mysql && (p.atKw("ignore") || p.atKw("replace")) && (p.nthKw(1, "as") || p.nthKw(1, "select") || p.nth(1) === SyntaxKind.LParen)) p.bump();
  if (p.atKw("as")) {
    if (p.postgres && elementsAt >= 0) {
      const [start, end] = p.rangeAt(elementsAt);
      p.report(SyntaxCode.UnexpectedToken, "CREATE TABLE … AS names its columns, if at all, in a list of names (no types, not empty)", start, end);
    }
    p.bump();
    if (atSelectStart(p)) parseSelectStmt(p);
    else if (p.atKw("execute")) {
      if (!p.postgres) p.wrongDialect("CREATE TABLE … AS EXECUTE", "write the query itself");
      p.bump();
      expectIdent(p);
      if (p.at(SyntaxKind.LParen)) {
        p.bump();
        // (PostgreSQL's EXECUTE takes its parameters' values, none of them left out: `q ()` is an error.)
        if (p.postgres && p.at(SyntaxKind.RParen)) p.expected("expression");
        else parseExprListItems(p);
        p.expect(SyntaxKind.RParen, "')'");
      }
    } else p.expected("query");
    if (p.atKw("with")) {
      if (p.mysql) p.wrongDialect("WITH [NO] DATA", "MySQL's CREATE TABLE … AS always copies the rows");
      p.bump();
      p.eatKw("no");
      p.expectKw("data");
    }
  } else if (p.mysql && atSelectStart(p)) parseSelectStmt(p);
}

/** `IF NOT EXISTS` */
export function parseIfNotExists(p: Parser): void {
  p.bump();
  p.expectKw("not");
  p.expectKw("exists");
}

/** `IF EXISTS` */
export function parseIfExists(p: Parser): void {
  p.bump();
  p.expectKw("exists");
}

function parseSqliteTableOptions(p: Parser): void {
  // (SQLite's option list may start with a comma: its grammar lets an empty list go on with `, option`.)
  const leadingComma = p.at(SyntaxKind.Comma) && (p.nthKw(1, "without") || p.nthKw(1, "strict"));
  if (!p.atKw("without") && !p.atKw("strict") && !leadingComma) return;
  p.start(SyntaxKind.TableOptions);
  if (leadingComma) p.bump();
  do {
    p.start(SyntaxKind.TableOption);
    if (p.eatKw("without")) {
      if (p.at(SyntaxKind.Word) && p.word === "rowid") p.bump();
      else p.expected("ROWID");
    } else p.expectKw("strict");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** MySQL's table options after CREATE TABLE's definition: ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=… AUTO_INCREMENT=5 COMMENT='…' */
function parseMysqlTableOptions(p: Parser): void {
  if (!p.at(SyntaxKind.Word) || p.atKw("as") || p.atKw("select") || p.atKw("partition")) {
    if (p.atKw("partition") && p.nthKw(1, "by")) parsePartitionBy(p);
    return;
  }
  p.start(SyntaxKind.TableOptions);
  let unknownReported = false;
  while (p.at(SyntaxKind.Word) && !p.atKw("as") && !p.atKw("select") && !(p.atKw("partition") && p.nthKw(1, "by")) && !((p.atKw("ignore") || p.atKw("replace")) && (p.nthKw(1, "as") || p.nthKw(1, "select") || p.nth(1) === SyntaxKind.LParen))) {
    const progress = p.position;
    p.start(SyntaxKind.TableOption);
    if (parseMysqlTableOption(p, !unknownReported)) unknownReported = true;
    p.finish();
    p.eat(SyntaxKind.Comma);
    if (p.position === progress) break;
  }
  p.finish();
  if (p.atKw("partition") && p.nthKw(1, "by")) parsePartitionBy(p);
}

/** `PARTITION BY RANGE|LIST|HASH (cols)` (+ MySQL's KEY, PARTITIONS n, subpartitions and partition definitions). */
export function parsePartitionBy(p: Parser): void {
  if (p.sqlite) p.wrongDialect("PARTITION BY", "SQLite has no partitioned tables");
  p.start(SyntaxKind.PartitionBy);
  p.bump();
  p.bump();
  if (p.atKw("linear")) p.bump();
  const key = p.atKw("key");
  if (p.atKw("range") || p.atKw("list") || p.atKw("hash") || key) p.bump();
  else p.expected("RANGE, LIST or HASH");
  if (key && p.mysql) parseKeyAlgorithm(p);
  if (p.atKw("columns")) p.bump();
  p.start(SyntaxKind.IndexElemList);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    // (MySQL's KEY () means the primary key; PostgreSQL wants a key.)
    if (p.at(SyntaxKind.RParen) && p.postgres) p.expected("a partition key (a column or an expression)");
    if (!p.at(SyntaxKind.RParen)) {
      do parseIndexElem(p);
      while (p.eat(SyntaxKind.Comma));
    }
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
  if (p.mysql) parseMysqlPartitionByTail(p);
  p.finish();
}

/** `FOR VALUES FROM (…) TO (…)` / `IN (…)` / `WITH (MODULUS n, REMAINDER m)` */
export function parsePartitionBound(p: Parser): void {
  p.start(SyntaxKind.PartitionBound);
  p.expectKw("for");
  p.expectKw("values");
  if (p.eatKw("from")) {
    parseBoundList(p);
    p.expectKw("to");
    parseBoundList(p);
  } else if (p.eatKw("in")) parseBoundList(p);
  else if (p.eatKw("with")) {
    p.expect(SyntaxKind.LParen, "'('");
    do {
      if (p.atKw("modulus") || p.atKw("remainder")) p.bump();
      else p.expected("MODULUS or REMAINDER");
      p.expect(SyntaxKind.Number, "number");
    } while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
  } else p.expected("FROM, IN or WITH");
  p.finish();
}

/** A partition bound list: `FROM (…) TO (…)`, `IN (…)`. */
function parseBoundList(p: Parser): void {
  parseParenExprList(p, SyntaxKind.ExprList, true);
}

/** `( column_def | table_constraint | LIKE t [options], … )` */
export function parseTableElements(p: Parser, typed = false): void {
  p.start(SyntaxKind.TableElementList);
  p.bump();
  if (!p.at(SyntaxKind.RParen) || !p.postgres) {
    do {
      const progress = p.position;
      parseTableElement(p, typed);
      if (!p.at(SyntaxKind.Comma) && !p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
      if (p.position === progress) break;
    } while (p.eat(SyntaxKind.Comma));
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

function atTableConstraint(p: Parser): boolean {
  if (!p.at(SyntaxKind.Word)) return false;
  switch (p.word) {
    case "constraint":
    case "primary":
    case "unique":
    case "check":
    case "foreign":
      return true;
    case "exclude":
      return atExcludeConstraint(p);
    case "key":
    case "index":
    case "fulltext":
    case "spatial":
      return p.mysql;
    default:
      return false;
  }
}

/**
 * One element of a table's parenthesized list. In a `typed` list (PARTITION OF, OF type:
 * the columns come from the parent or the type) a column element only adds options:
 * `name [WITH OPTIONS] [constraints]`, no type.
 */
/** What `LIKE t INCLUDING …` copies (PostgreSQL). */
const LIKE_OPTIONS = new Set(["comments", "compression", "constraints", "defaults", "generated", "identity", "indexes", "statistics", "storage", "all"]);

function parseTableElement(p: Parser, typed: boolean): void {
  if (p.atKw("like") && p.postgres) {
    p.start(SyntaxKind.LikeClause);
    p.bump();
    parseQualifiedName(p, "table name");
    while ((p.atKw("including") || p.atKw("excluding")) && p.nth(1) === SyntaxKind.Word) {
      p.bump();
      if (!LIKE_OPTIONS.has(p.word!)) p.expected("COMMENTS, COMPRESSION, CONSTRAINTS, DEFAULTS, GENERATED, IDENTITY, INDEXES, STATISTICS, STORAGE or ALL");
      p.bump();
    }
    p.finish();
    return;
  }
  if (atTableConstraint(p)) {
    parseTableConstraint(p);
    return;
  }
  if (typed && p.postgres) {
    p.start(SyntaxKind.ColumnDef);
    expectIdent(p, "column name");
    if (p.atKw("with") && p.nthKw(1, "options")) {
      p.bump();
      p.bump();
    }
    for (let guard = 0; guard < 64 && atColumnConstraint(p); guard++) parseColumnConstraint(p);
    p.finish();
    return;
  }
  parseColumnDef(p);
}

/**
 * SQLite's `DEFAULT` without parentheses: a literal (signed if a number), a CURRENT_* keyword or
 * a name, never a larger expression (`DEFAULT 1 + 1` needs parentheses there).
 */
function parseSqliteDefault(p: Parser): void {
  if (p.at(SyntaxKind.Operator) && (p.word === "+" || p.word === "-")) {
    p.start(SyntaxKind.PrefixExpr);
    p.bump();
    if (p.at(SyntaxKind.Number)) p.leaf(SyntaxKind.Literal, SyntaxKind.Number);
    else p.expected("number");
    p.finish();
    return;
  }
  if (p.at(SyntaxKind.Word) && SQLITE_JOIN_KEYWORDS.has(p.word!)) {
    p.expected("literal, name or parenthesized expression");
    return;
  }
  // (CAST and RAISE are names here, as any keyword SQLite falls back to a name for.)
  if ((p.atKw("cast") || p.atKw("raise")) && p.nth(1) !== SyntaxKind.LParen) {
    p.nameRef(1, SyntaxKind.Ident);
    return;
  }
  const start = p.position;
  if (parsePrefix(p) && p.position !== start + 1) {
    const [from] = p.rangeAt(start);
    p.report(SyntaxCode.UnexpectedToken, "in SQLite a DEFAULT that is not a literal or a name needs parentheses: DEFAULT (…)", from, p.prevEnd());
  }
}

/** `name type [constraints…]` (the type is optional in SQLite). */
export function parseColumnDef(p: Parser): void {
  p.start(SyntaxKind.ColumnDef);
  expectIdent(p, "column name");
  // (A type may be named `generated`: GENERATED starts a constraint only before ALWAYS, BY or AS;
  // in SQLite one named `initially`, which starts one only before DEFERRED or IMMEDIATE.)
  const generatedType =
    (p.atKw("generated") && !p.nthKw(1, "always") && !p.nthKw(1, "by") && !p.nthKw(1, "as")) ||
    (p.sqlite && p.atKw("initially") && !p.nthKw(1, "deferred") && !p.nthKw(1, "immediate"));
  if ((generatedType || !atColumnConstraint(p)) && !p.at(SyntaxKind.Comma) && !p.at(SyntaxKind.RParen) && !p.atStatementEnd) {
    // (SIGNED and UNSIGNED alone are CAST's types; a column is `INT UNSIGNED`.)
    if (p.mysql && (p.atKw("signed") || p.atKw("unsigned"))) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, `${p.word!.toUpperCase()} alone is no column type in MySQL: write INT ${p.word!.toUpperCase()} (or another integer type)`, start, end);
    }
    parseTypeName(p);
  }
  else if (!p.sqlite) p.expected("column type");
  // PostgreSQL's STORAGE and COMPRESSION come right after the type, before any constraint.
  if (p.postgres && p.atKw("storage") && p.nth(1) === SyntaxKind.Word) {
    p.bump();
    p.bump();
  }
  if (p.postgres && p.atKw("compression")) {
    p.bump();
    expectLabel(p, "compression method");
  }
  // A foreign table's column options (SQL/MED): `a int OPTIONS (column_name 'b')`.
  if (p.postgres && p.atKw("options") && p.nth(1) === SyntaxKind.LParen) parseGenericOptions(p, false);
  if (p.atKw("collate") && !p.sqlite) {
    p.bump();
    if (p.mysql && p.at(SyntaxKind.String)) p.bump(); // MySQL: COLLATE 'utf8_bin'
    // MySQL: COLLATE binary, a reserved word that is a collation's name.
    else if (p.mysql && p.atKw("binary")) p.leaf(SyntaxKind.QualifiedName, SyntaxKind.Ident);
    else parseQualifiedName(p, "collation");
  }
  let generated = false;
  for (let guard = 0; guard < 64 && atColumnConstraint(p); guard++) {
    if (p.mysql && generated && p.atKw("default")) p.wrongDialect("DEFAULT on a generated column", "MySQL computes a generated column's value: drop the DEFAULT");
    if (p.atKw("generated") || p.atKw("as")) generated = true;
    parseColumnConstraint(p);
  }
  p.finish();
}

function atColumnConstraint(p: Parser): boolean {
  if (!p.at(SyntaxKind.Word)) return false;
  switch (p.word) {
    case "constraint":
    case "not":
    case "null":
    case "default":
    case "primary":
    case "unique":
    case "check":
    case "references":
    case "generated":
    case "collate":
    case "deferrable":
    case "initially":
      return true;
    case "as":
      return p.sqlite || p.mysql;
    case "auto_increment":
    case "comment":
    case "on":
    case "key":
    case "invisible":
    case "visible":
    case "unsigned":
    case "charset":
    case "srid":
    case "column_format":
    case "storage":
      return p.mysql;
    case "character":
      // CHARACTER SET, not the type CHARACTER [VARYING] (a column may be both: `a CHARACTER VARYING(9) CHARACTER SET latin1`).
      return p.mysql && p.nthKw(1, "set");
    case "autoincrement":
      return p.sqlite;
    default:
      return false;
  }
}

function parseColumnConstraint(p: Parser): void {
  p.start(SyntaxKind.ColumnConstraint);
  if (p.eatKw("constraint")) {
    expectIdent(p, "constraint name");
    // MySQL names a column's CHECK, PRIMARY KEY, UNIQUE and REFERENCES only.
    if (p.mysql && (p.atKw("not") || p.atKw("null") || p.atKw("default"))) p.wrongDialect(`CONSTRAINT name before ${p.word!.toUpperCase()}`, "MySQL names only a CHECK or key constraint: drop the name");
    if (p.atKw("constraint") || !atColumnConstraint(p)) {
      // SQLite takes a name that no constraint follows (`a INT CONSTRAINT c, …`); the others want one.
      if (!(p.sqlite && (p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen) || p.atStatementEnd || p.atKw("constraint")))) p.expected("constraint");
      p.finish();
      return;
    }
  }
  const w = p.word;
  switch (w) {
    case "not":
      p.bump();
      p.expectKw("null");
      parseConflictClause(p);
      // (PostgreSQL takes NO INHERIT after NOT NULL and CHECK only, among column constraints.)
      if (p.postgres && p.atKw("no") && p.nthKw(1, "inherit")) {
        p.bump();
        p.bump();
      }
      break;
    case "autoincrement":
      // SQLite's AUTOINCREMENT belongs to PRIMARY KEY (parsed there); alone it is an error.
      if (p.sqlite) p.expected("PRIMARY KEY before AUTOINCREMENT");
      p.bump();
      break;
    case "null":
    case "auto_increment":
    case "invisible":
    case "visible":
    case "unsigned":
      p.bump();
      if (w === "null") parseConflictClause(p); // SQLite: `NULL ON CONFLICT IGNORE`
      break;
    case "default":
      p.bump();
      if (p.at(SyntaxKind.LParen)) {
        p.bump();
        parseExpr(p);
        p.expect(SyntaxKind.RParen, "')'");
      } else if (p.sqlite) parseSqliteDefault(p);
      // No default value starts with NOT (PostgreSQL's is a `b_expr`, MySQL's a literal or
      // a call): `DEFAULT NOT NULL` lacks its value, and NOT NULL stays the constraint it is.
      else if (p.atKw("not")) p.expected("default value");
      else parseExpr(p);
      break;
    case "primary":
      p.bump();
      p.expectKw("key");
      if (p.atKw("asc") || p.atKw("desc")) {
        if (!p.sqlite) p.wrongDialect(`PRIMARY KEY ${p.word!.toUpperCase()}`, "a column's PRIMARY KEY takes no sort order here");
        p.bump();
      }
      parseConflictClause(p);
      if (p.atKw("autoincrement") && !p.sqlite) p.wrongDialect("AUTOINCREMENT", p.postgres ? "use GENERATED ALWAYS AS IDENTITY (or serial)" : "use AUTO_INCREMENT");
      p.eatKw("autoincrement");
      parseIndexParameters(p);
      break;
    case "unique":
      p.bump();
      if (p.mysql) p.eatKw("key");
      parseNullsDistinct(p);
      parseConflictClause(p);
      parseIndexParameters(p);
      break;
    case "key":
      p.bump();
      break;
    case "check":
      p.bump();
      expectParenthesizedExpr(p);
      if (p.atKw("no") && p.nthKw(1, "inherit")) {
        p.bump();
        p.bump();
      }
      break;
    case "references":
      parseReferences(p);
      break;
    case "generated": {
      p.bump();
      // GENERATED ALWAYS or (PostgreSQL's identity columns) GENERATED BY DEFAULT; a bare
      // GENERATED AS is no form (SQLite reads `int GENERATED` as a type name before it gets here).
      let byDefault = false;
      if (p.eatKw("always")) {
        /* ok */
      } else if (p.postgres && p.atKw("by")) {
        p.bump();
        p.expectKw("default");
        byDefault = true;
      } else if (!p.sqlite) p.expected(p.postgres ? "ALWAYS or BY DEFAULT" : "ALWAYS");
      p.expectKw("as");
      if (byDefault && !p.atKw("identity")) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "a generated column needs GENERATED ALWAYS (BY DEFAULT is for identity columns)", start, end);
      }
      if (p.atKw("identity") && !p.postgres) p.wrongDialect("GENERATED … AS IDENTITY", p.sqlite ? "an INTEGER PRIMARY KEY column numbers rows by itself" : "use AUTO_INCREMENT");
      if (p.eatKw("identity")) {
        if (p.at(SyntaxKind.LParen)) {
          p.bump();
          while (!p.atStatementEnd && !p.at(SyntaxKind.RParen)) {
            const progress = p.position;
            parseSequenceOption(p);
            if (p.position === progress) p.errorBump();
          }
          p.expect(SyntaxKind.RParen, "')'");
        }
      } else {
        expectParenthesizedExpr(p);
        // (PostgreSQL 18 makes VIRTUAL the default, so neither word is needed.)
        if (p.atKw("stored") || p.atKw("virtual")) p.bump();
      }
      break;
    }
    case "as":
      p.bump();
      expectParenthesizedExpr(p);
      if (p.atKw("stored") || p.atKw("virtual")) p.bump();
      break;
    case "collate":
      p.bump();
      expectCharsetName(p, "collation");
      break;
    case "comment":
      p.bump();
      p.expect(SyntaxKind.String, "string literal");
      break;
    case "on":
      p.bump();
      p.expectKw("update");
      parseExpr(p);
      break;
    case "character":
    case "charset":
      if (p.eatKw("character")) p.expectKw("set");
      else p.bump();
      expectCharsetName(p, "character set");
      break;
    case "deferrable":
    case "initially":
      parseDeferrable(p, true);
      break;
    default:
      p.bump();
      if (p.at(SyntaxKind.Word) || p.at(SyntaxKind.Number)) p.bump();
  }
  parseDeferrable(p, true);
  p.finish();
}

/**
 * The optional `NULLS [NOT] DISTINCT` of a unique constraint or unique index (PostgreSQL 15+):
 * whether NULLs count as equal to each other.
 */
export function parseNullsDistinct(p: Parser): void {
  if (p.atKw("nulls")) {
    if (!p.postgres) p.wrongDialect("NULLS [NOT] DISTINCT", "only PostgreSQL says whether nulls count as equal here");
    p.bump();
    p.eatKw("not");
    p.expectKw("distinct");
  }
}

/** What SQLite does on a constraint's conflict. */
const SQLITE_CONFLICT_RESOLUTIONS = new Set(["rollback", "abort", "fail", "ignore", "replace"]);

/** SQLite's `ON CONFLICT resolution` after a constraint, when there is one. */
export function parseConflictClause(p: Parser): void {
  // SQLite: ON CONFLICT ROLLBACK|ABORT|FAIL|IGNORE|REPLACE on constraints.
  if (p.sqlite && p.atKw("on") && p.nthKw(1, "conflict")) {
    p.bump();
    p.bump();
    if (p.at(SyntaxKind.Word) && SQLITE_CONFLICT_RESOLUTIONS.has(p.word!)) p.bump();
    else p.expected("ROLLBACK, ABORT, FAIL, IGNORE or REPLACE");
  }
}

/**
 * The attributes after a constraint: [NOT] DEFERRABLE, INITIALLY …, NO INHERIT, NOT VALID
 * (PostgreSQL takes NOT VALID on table constraints only, not on a `column` constraint),
 * MySQL's [NOT] ENFORCED.
 */
function parseDeferrable(p: Parser, column = false): void {
  for (let guard = 0; guard < 4; guard++) {
    if (p.mysql && (p.atKw("deferrable") || p.atKw("initially") || (p.atKw("not") && p.nthKw(1, "deferrable")))) p.wrongDialect(p.atKw("initially") ? "INITIALLY …" : "DEFERRABLE", "MySQL checks a constraint at once");
    if (p.atKw("deferrable")) p.bump();
    else if (p.atKw("not") && p.nthKw(1, "deferrable")) {
      p.bump();
      p.bump();
    } else if (p.atKw("initially")) {
      p.bump();
      if (!p.eatKw("deferred")) p.expectKw("immediate");
    } else if (p.atKw("not") && p.nthKw(1, "valid") && !(column && p.postgres)) {
      if (!p.postgres) p.wrongDialect("NOT VALID", `${p.sqlite ? "SQLite" : "MySQL"} checks a constraint on every row at once`);
      p.bump();
      p.bump();
    } else if (p.atKw("no") && p.nthKw(1, "inherit") && !(column && p.postgres)) {
      if (!p.postgres) p.wrongDialect("NO INHERIT", "only PostgreSQL's tables inherit constraints");
      p.bump();
      p.bump();
    } else if ((p.mysql || p.postgres) && (p.atKw("enforced") || (p.atKw("not") && p.nthKw(1, "enforced")))) {
      // MySQL's CHECK and PostgreSQL 18's constraints: [NOT] ENFORCED
      if (p.eatKw("not")) p.bump();
      else p.bump();
    } else break;
  }
}

function parseIndexParameters(p: Parser): void {
  if (!p.postgres) return;
  if (p.atKw("include")) {
    p.bump();
    parseParenNameList(p);
  }
  parseWithOptionList(p);
  if (p.atKw("using") && p.nthKw(1, "index")) {
    p.bump();
    p.bump();
    p.expectKw("tablespace");
    expectIdent(p, "tablespace");
  }
}

/** `REFERENCES t [(cols)] [MATCH …] [ON DELETE|UPDATE action]…` */
function parseReferences(p: Parser): void {
  p.start(SyntaxKind.ReferencesClause);
  p.bump();
  parseQualifiedName(p, "table name");
  if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
  for (let guard = 0; guard < 4; guard++) {
    if (p.atKw("match")) {
      p.bump();
      if (p.atKw("full") || p.atKw("partial") || p.atKw("simple")) p.bump();
      else p.expected("FULL, PARTIAL or SIMPLE");
    } else if (p.atKw("on") && (p.nthKw(1, "delete") || p.nthKw(1, "update"))) {
      p.bump();
      p.bump();
      if (p.eatKw("cascade") || p.eatKw("restrict")) {
        /* done */
      } else if (p.eatKw("no")) p.expectKw("action");
      else if (p.eatKw("set")) {
        if (!p.eatKw("null")) p.expectKw("default");
        if (p.at(SyntaxKind.LParen)) {
          if (!p.postgres) p.wrongDialect("SET NULL / SET DEFAULT (columns)", "the action sets every referencing column");
          parseParenNameList(p);
        }
      } else p.expected("CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT");
    } else break;
  }
  parseDeferrable(p);
  p.finish();
}

/** `[CONSTRAINT name] PRIMARY KEY (…) | UNIQUE (…) | CHECK (…) | FOREIGN KEY (…) REFERENCES … | EXCLUDE …` */
/**
 * PostgreSQL's `[CONSTRAINT c] {UNIQUE | PRIMARY KEY} USING INDEX i` (a constraint over an
 * index that already exists; its grammar takes it in CREATE TABLE too, though only ALTER
 * TABLE … ADD can run it): consumes `USING INDEX i` when present; returns whether it did.
 */
function parseUsingIndex(p: Parser): boolean {
  if (!p.postgres || !p.atKw("using") || !p.nthKw(1, "index")) return false;
  p.bump();
  p.bump();
  expectIdent(p, "index name");
  parseDeferrable(p);
  return true;
}

export function parseTableConstraint(p: Parser): void {
  p.start(SyntaxKind.TableConstraint);
  if (p.eatKw("constraint")) {
    if (atIdent(p) && !atTableConstraintWord(p)) p.bumpIdent();
    else if (!p.mysql) expectIdent(p, "constraint name");
  }
  const w = p.word;
  switch (w) {
    case "primary":
      p.bump();
      p.expectKw("key");
      // MySQL takes (and ignores) an index name: `PRIMARY KEY pk (a)`.
      if (p.mysql && atIdent(p)) p.bumpIdent();
      if (p.mysql && p.atKw("using")) parseMysqlIndexType(p);
      if (parseUsingIndex(p)) break;
      parseIndexElemList(p, true);
      parseConflictClause(p);
      parseIndexParameters(p);
      break;
    case "unique":
      p.bump();
      if (p.mysql && (p.atKw("key") || p.atKw("index"))) p.bump();
      if (p.mysql && atIdent(p)) p.bumpIdent();
      if (p.mysql && p.atKw("using")) parseMysqlIndexType(p);
      if (parseUsingIndex(p)) break;
      parseNullsDistinct(p);
      parseIndexElemList(p, true);
      parseConflictClause(p);
      parseIndexParameters(p);
      break;
    case "check":
      p.bump();
      expectParenthesizedExpr(p);
      break;
    case "foreign":
      p.bump();
      p.expectKw("key");
      if (p.mysql && atIdent(p)) p.bumpIdent();
      parseParenNameList(p);
      if (p.atKw("references")) parseReferences(p);
      else p.expectKw("references");
      break;
    case "exclude":
      if (!p.postgres) p.wrongDialect("EXCLUDE", "only PostgreSQL has exclusion constraints: use UNIQUE or a trigger");
      p.bump();
      if (p.eatKw("using")) expectIdent(p, "index method");
      p.expect(SyntaxKind.LParen, "'('");
      do {
        parseIndexElem(p);
        p.expectKw("with");
        if (p.at(SyntaxKind.Operator)) p.bump();
        else p.expected("operator");
      } while (p.eat(SyntaxKind.Comma));
      p.expect(SyntaxKind.RParen, "')'");
      parseIndexParameters(p);
      if (p.atKw("where")) {
        p.bump();
        expectParenthesizedExpr(p);
      }
      break;
    case "key":
    case "index":
    case "fulltext":
    case "spatial":
      // (MySQL's index definitions; `CONSTRAINT c KEY (a)` reaches here in the other dialects.)
      if (!p.mysql) p.expected("constraint");
      // {INDEX | KEY} [name], {FULLTEXT | SPATIAL} [INDEX | KEY] [name]
      if ((p.atKw("fulltext") || p.atKw("spatial")) && (p.nthKw(1, "key") || p.nthKw(1, "index"))) p.bump();
      p.bump();
      if (atIdent(p)) p.bumpIdent();
      // The index type may come before the columns: INDEX i USING BTREE (a)
      if (p.mysql && p.atKw("using")) parseMysqlIndexType(p);
      parseIndexElemList(p);
      break;
    default:
      p.expected("constraint");
  }
  parseDeferrable(p);
  if (p.mysql) parseMysqlIndexOptions(p);
  p.finish();
}

/**
 * Reports an empty item in the parenthesized list at the cursor (`(a, , b)`, `()`): COPY's
 * option lists (`FORCE_NOT_NULL (a, b)`) hold one value or more.
 */
function checkNoEmptyListItem(p: Parser): void {
  let depth = 0;
  for (let n = 0; n < 4096; n++) {
    const kind = p.nth(n);
    if (kind === SyntaxKind.Eof || kind === SyntaxKind.Semicolon) return;
    if (depth === 1 && (kind === SyntaxKind.Comma || kind === SyntaxKind.RParen) && (p.nth(n - 1) === SyntaxKind.Comma || (n === 1 && kind === SyntaxKind.RParen))) {
      const [start, end] = p.rangeAt(p.position + n);
      p.report(SyntaxCode.ExpectedToken, "expected a value: the list holds one or more, separated by commas", start, end);
      return;
    }
    if (kind === SyntaxKind.LParen) depth++;
    else if (kind === SyntaxKind.RParen && --depth === 0) return;
  }
}

/** MySQL: `USING {BTREE | HASH}`, an index's type (the cursor at USING). */
export function parseMysqlIndexType(p: Parser): void {
  p.bump();
  if (p.atKw("btree") || p.atKw("hash")) p.bump();
  else p.expected("BTREE or HASH");
}

/**
 * MySQL's index options after a key's columns: `USING {BTREE | HASH}`, `COMMENT 'x'`,
 * `WITH PARSER p`, `VISIBLE`, `INVISIBLE`, `KEY_BLOCK_SIZE [=] n`, `[SECONDARY_]ENGINE_ATTRIBUTE [=] 's'`.
 */
function parseMysqlIndexOptions(p: Parser): void {
  for (let guard = 0; guard < 16 && p.at(SyntaxKind.Word); guard++) {
    if (p.atKw("using")) parseMysqlIndexType(p);
    else if (p.atKw("comment")) {
      p.bump();
      if (p.at(SyntaxKind.String)) p.bump();
      else p.expected("the comment's string");
    } else if (p.atKw("with") && p.nthKw(1, "parser")) {
      p.bump();
      p.bump();
      expectIdent(p, "parser name");
    } else if (p.atKw("visible") || p.atKw("invisible")) p.bump();
    else if (p.atKw("key_block_size") || p.atKw("engine_attribute") || p.atKw("secondary_engine_attribute")) {
      p.bump();
      p.eatOp("=");
      if (p.at(SyntaxKind.Number) || p.at(SyntaxKind.String)) p.bump();
      else p.expected("option value");
    } else break;
  }
}

function atTableConstraintWord(p: Parser): boolean {
  return ["primary", "unique", "check", "foreign"].includes(p.word ?? "") || atExcludeConstraint(p);
}

/**
 * Whether an EXCLUDE constraint starts here (PostgreSQL: `EXCLUDE [USING method] (…)`). EXCLUDE
 * is not reserved, so a column may be named `exclude` (Zabbix's schema has one).
 */
export function atExcludeConstraint(p: Parser): boolean {
  return p.postgres && p.atKw("exclude") && (p.nth(1) === SyntaxKind.LParen || p.nthKw(1, "using"));
}

/** `(elem [ASC|DESC] [NULLS …], …)` */
export function parseIndexElemList(p: Parser, constraint = false): void {
  p.start(SyntaxKind.IndexElemList);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    // A PostgreSQL constraint's list holds column names, the last one possibly WITHOUT OVERLAPS
    // (PostgreSQL 18); expressions, orderings and operator classes are an index's.
    const columnsOnly = constraint && p.postgres;
    do {
      // No dialect takes an empty list or a trailing comma: `UNIQUE ()`, `PRIMARY KEY (a,)`.
      if (p.at(SyntaxKind.RParen)) {
        p.expected("column");
        break;
      }
      if (columnsOnly && !(atIdent(p) && (p.nth(1) === SyntaxKind.Comma || p.nth(1) === SyntaxKind.RParen || (p.nthKw(1, "without") && p.nthKw(2, "overlaps"))))) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "a constraint's column list takes column names only (expressions, orderings and operator classes belong to CREATE INDEX)", start, end);
      }
      parseIndexElem(p, true);
    } while (p.eat(SyntaxKind.Comma));
    if (columnsOnly && p.atKw("without") && p.nthKw(1, "overlaps")) {
      p.bump();
      p.bump();
    }
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

/** PostgreSQL: whether an index element starts here — a column (no reserved word), a call or `(`. */
function atPostgresIndexElemStart(p: Parser): boolean {
  if (p.at(SyntaxKind.LParen)) return true;
  // (NOT, EXISTS, ROW and ARRAY before `(` are no calls: `(NOT (a))` needs its own parentheses.)
  if (p.at(SyntaxKind.Word) && NO_INDEX_CALL_WORDS.has(p.word!)) return false;
  if (atCallAhead(p)) return true;
  if (p.nth(1) === SyntaxKind.Dot) return false; // a qualified name that no call follows
  if (p.at(SyntaxKind.QuotedIdent)) return true;
  return p.at(SyntaxKind.Word) && (!isReservedAt(p) || VALUE_KEYWORDS.has(p.word!));
}

/**
 * MySQL: whether a key part starts here that MySQL's grammar takes — a column, a column's
 * prefix `c(10)` or a parenthesized expression (MySQL 8.0.13) — and nothing more follows it
 * than ASC / DESC.
 */
function atMysqlKeyPart(p: Parser): boolean {
  let n: number;
  if (p.at(SyntaxKind.LParen)) n = closingParenAhead(p, 0) + 1;
  else if (!p.at(SyntaxKind.Word) && !p.at(SyntaxKind.QuotedIdent)) return false;
  else if (p.nth(1) === SyntaxKind.LParen) {
    if (p.nth(2) !== SyntaxKind.Number || p.nth(3) !== SyntaxKind.RParen) return false;
    n = 4;
  } else n = 1;
  if (p.nthKw(n, "asc") || p.nthKw(n, "desc")) n++;
  return p.nth(n) === SyntaxKind.Comma || p.nth(n) === SyntaxKind.RParen || p.nthKw(n, "nulls");
}

/** Words that look like a call before `(` but are expression syntax an index element cannot start with. */
const NO_INDEX_CALL_WORDS = new Set(["not", "exists", "row", "array"]);

/** One index element: a column or `(expression)` with collation, opclass, order and nulls order; `keyPart`: an index's or a key constraint's (in MySQL a column, a prefix or a parenthesized expression). */
export function parseIndexElem(p: Parser, keyPart = false): void {
  p.start(SyntaxKind.IndexElem);
  // PostgreSQL: a column, a function call or a parenthesized expression — no bare operators,
  // no literal (`(32)`, `(TRUE)` index nothing).
  if (p.postgres && !atPostgresIndexElemStart(p)) p.expected("a column, a function call or a parenthesized expression");
  else if (p.postgres && p.at(SyntaxKind.LParen) && commasInParentheses(p, 0) > 0) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, "an index expression in parentheses is one expression, not a list", start, end);
  }
  if (keyPart && p.mysql && !atMysqlKeyPart(p)) p.wrongDialect("an expression as a key part", "MySQL indexes a column, a column's prefix `c(10)`, or an expression in its own parentheses: ((lower(c)))");
  if (!(p.postgres ? parseExprBp(p, 21) : parseExpr(p))) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
  if (p.atKw("collate")) {
    if (p.mysql) p.wrongDialect("COLLATE in a key part", "MySQL's key parts take the column's collation");
    p.bump();
    parseQualifiedName(p, "collation");
  }
  // `NULLS` not followed by FIRST or LAST is an operator class's name (`(a nulls)`).
  if (p.postgres && atIdent(p) && !p.atKw("asc") && !p.atKw("desc") && !atPostgresLookaheadToken(p, 0) && !(p.atKw("without") && p.nthKw(1, "overlaps"))) {
    parseQualifiedName(p, "operator class");
    if (p.at(SyntaxKind.LParen)) parseOptionList(p, DEF_ELEMS);
  }
  if (p.atKw("asc") || p.atKw("desc")) p.bump();
  if (p.atKw("nulls")) {
    // (SQLite reads NULLS FIRST / LAST here, then refuses it: "unsupported use of NULLS".)
    if (!p.postgres) p.wrongDialect(`NULLS ${p.nthKw(1, "first") ? "FIRST" : "LAST"} in an index`, `${p.sqlite ? "SQLite" : "MySQL"}'s indexes sort nulls first, ascending`);
    p.bump();
    if (!p.eatKw("first")) p.expectKw("last");
  }
  p.finish();
}

/**
 * An optional `WITH (name = value, …)` storage-parameter list, as tables, views,
 * materialized views, indexes and index-backed constraints take it. Returns whether one
 * was there (a bare `WITH` not followed by `(` is left alone: it may start another clause).
 */
export function parseWithOptionList(p: Parser): boolean {
  if (!p.atKw("with") || p.nth(1) !== SyntaxKind.LParen) return false;
  p.bump();
  parseOptionList(p, DEF_ELEMS);
  return true;
}

/**
 * How an option list is written: PostgreSQL's definition lists (storage parameters `WITH
 * (fillfactor = 70)`, CREATE TYPE / AGGREGATE / OPERATOR / TEXT SEARCH …) put `=` between a name
 * and its value and hold one item at least; utility option lists (COPY, EXPLAIN, VACUUM:
 * `(FORMAT csv)`) need no `=`.
 */
export interface OptionListForm {
  /** PostgreSQL: a value needs `=` before it, and `=` a value after it. */
  readonly equals?: boolean;
  /** PostgreSQL: `()` is an error. */
  readonly nonEmpty?: boolean;
  /**
   * PostgreSQL's utility options (EXPLAIN, VACUUM, ANALYZE, CLUSTER, REINDEX): a one-word name
   * and at most one word, string or number after it, no `=`.
   */
  readonly utility?: boolean;
  /** PostgreSQL's COPY options: as `utility`, but any word names one, and a value may be DEFAULT, `*` or a list. */
  readonly copy?: boolean;
  /** PostgreSQL: each option is a name that is no keyword (`IDENT`), with `=` and a value. */
  readonly plainNames?: boolean;
}

/** The form of PostgreSQL's definition lists (see `OptionListForm`). */
export const DEF_ELEMS: OptionListForm = { equals: true, nonEmpty: true };
/** The form of the old CREATE AGGREGATE's options, `(BASETYPE = int, SFUNC = f, …)` (see `OptionListForm`). */
export const OLD_AGGREGATE_ELEMS: OptionListForm = { equals: true, nonEmpty: true, plainNames: true };
/** The form of PostgreSQL's COPY options (see `OptionListForm`). */
export const COPY_OPTIONS: OptionListForm = { copy: true, nonEmpty: true };

/** The form of PostgreSQL's utility option lists (see `OptionListForm`). */
export const UTILITY_OPTIONS: OptionListForm = { nonEmpty: true, utility: true };

/**
 * One PostgreSQL utility option inside its Option node (`VERBOSE`, `FORMAT json`, `BUFFER_USAGE_LIMIT
 * '1MB'`, `PARALLEL 4`): the name, then a word, a string or a signed number if any.
 */
function parseUtilityOption(p: Parser, copy: boolean): void {
  // The name is no reserved word but ANALYZE (COPY's: any word); the value none but TRUE, FALSE
  // and ON (COPY's: DEFAULT too, and `*` or a parenthesized list: `FORCE_QUOTE *`, `FORCE_NULL (a, b)`).
  if (atLabel(p)) {
    if (!copy && atFullyReservedWord(p) && !p.atKw("analyze") && !p.atKw("analyse")) p.expected("option name");
    p.bumpIdent();
  } else p.expected("option name");
  if (p.atOp("=")) p.errorBump("unexpected '=': these options are written `name value`, without '='");
  if (p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen) || p.atStatementEnd) return;
  if (copy && p.at(SyntaxKind.LParen)) {
    checkNoEmptyListItem(p);
    p.bumpBalanced(true, SyntaxKind.Ident);
  } else if (copy && p.atOp("*")) p.bump();
  else if (p.at(SyntaxKind.Word) || p.at(SyntaxKind.QuotedIdent)) {
    if (atFullyReservedWord(p) && !p.atKw("true") && !p.atKw("false") && !p.atKw("on") && !(copy && p.atKw("default"))) p.expected("option value");
    p.bump(p.at(SyntaxKind.Word) && (p.wordClassesAt(0) & OPTION_KEYWORD_VALUE_CLASS) === 0 ? SyntaxKind.Ident : undefined);
  } else if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number)) p.bump();
  else if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+") && p.nth(1) === SyntaxKind.Number) {
    p.bump();
    p.bump();
  } else p.errorBump(`unexpected ${describeToken(p.kind, p.tokenText())}: an option takes a word, a string or a number`);
}

/**
 * Words that are keywords when they are an option's value (`WITH (security_barrier = true)`,
 * `(FORMAT csv)`, `PARALLEL = SAFE`): any other word there names something (a function,
 * type, dictionary, …) and is an identifier.
 */
const OPTION_KEYWORD_VALUE_CLASS = wordClass(new Set([
  "true", "false", "on", "off", "none", "default", "null", "safe", "unsafe", "restricted", "csv", "text", "binary",
  "json", "xml", "yaml", "all", "local", "cascaded", "immediate", "deferred", "read", "write", "auto", "force",
  "always", "never", "plain", "external", "extended", "main", "index", "table",
]));

/** `(name [=] value, …)` generic options (`WITH (fillfactor = 70)`, COPY options, EXPLAIN options). */
export function parseOptionList(p: Parser, form: OptionListForm = {}): void {
  p.start(SyntaxKind.OptionList);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    if (p.at(SyntaxKind.RParen) && form.nonEmpty && p.postgres) p.expected("option name");
    if (!p.at(SyntaxKind.RParen)) {
      do {
        p.start(SyntaxKind.Option);
        if ((form.utility || form.copy) && p.postgres) {
          parseUtilityOption(p, form.copy === true);
          p.finish();
          continue;
        }
        if (form.plainNames && p.postgres && !atPlainIdent(p)) p.expected("an option name that is no keyword (BASETYPE, SFUNC, STYPE, …)");
        if (atLabel(p)) {
          p.bumpIdent();
          while (p.at(SyntaxKind.Dot) && atLabel(p, 1)) {
            p.bump();
            p.bumpIdent();
          }
        } else p.expected("option name");
        const equals = p.eatOp("=");
        if (form.plainNames && p.postgres && !equals) p.expected("'='");
        else if (form.equals && p.postgres) {
          const valueAhead = !p.at(SyntaxKind.Comma) && !p.at(SyntaxKind.RParen) && !p.atStatementEnd;
          if (equals && !valueAhead) p.expected("option value");
          else if (!equals && valueAhead) p.expected("'=' or ','");
        }
        // A parenthesized value holds names (COPY's `FORCE_NOT_NULL (col, …)`), kept as written.
        if (p.at(SyntaxKind.LParen)) p.bumpBalanced(true, SyntaxKind.Ident);
        else if (!p.at(SyntaxKind.Comma) && !p.at(SyntaxKind.RParen) && !p.atEnd) {
          // A type of several words (`LEFTARG = double precision`: CREATE OPERATOR / AGGREGATE / TYPE).
          if (p.postgres && atMultiWordType(p)) parseTypeName(p);
          else if (p.at(SyntaxKind.Word) || p.at(SyntaxKind.QuotedIdent)) {
            // A word, or a qualified name or type (`FUNCTION = s.f`, `STYPE = int[]`: CREATE AGGREGATE / OPERATOR):
            // a keyword value (true, off, none, safe, …) or else a name, kept as written by the formatter.
            const qualified = p.nth(1) === SyntaxKind.Dot;
            // PostgreSQL's value (`def_arg`) is a type, a reserved word, an operator, a number, a
            // string or NONE: a column-name keyword that is no type (`= extract`) is none of them.
            if (p.postgres && !qualified && p.at(SyntaxKind.Word) && (p.wordClassesAt(0) & POSTGRES_COL_NAME_OTHERS_CLASS) !== 0 && !p.atKw("none")) p.expected("an option value (a name, a type, a number or a string)");
            const reserved = !qualified && atFullyReservedWord(p);
            p.bump(p.at(SyntaxKind.Word) && (qualified || (p.postgres && (p.wordClassesAt(0) & OPTION_KEYWORD_VALUE_CLASS) === 0)) ? SyntaxKind.Ident : undefined);
            while (p.at(SyntaxKind.Dot) && atLabel(p, 1)) {
              p.bump();
              p.bumpIdent();
            }
            // (A reserved word stands alone there: `STYPE = ARRAY[]` is an error, `int[]` a type.)
            if (reserved && (p.at(SyntaxKind.LBracket) || p.at(SyntaxKind.LParen))) p.expected("',' or ')'");
            else if (p.at(SyntaxKind.LBracket) || (p.at(SyntaxKind.LParen) && p.postgres)) p.bumpBalanced(true);
          } else if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number)) p.bump();
          else if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+") && p.nth(1) === SyntaxKind.Number) {
            p.bump();
            p.bump();
          } else if (p.at(SyntaxKind.Operator) && p.postgres) p.bump(); // COMMUTATOR = ===
          else p.errorBump();
        }
        p.finish();
      } while (p.eat(SyntaxKind.Comma));
    }
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

/**
 * Zero or more sequence options, as CREATE SEQUENCE and ALTER SEQUENCE take them after the
 * name: stops at the first token that is not a word or that no option consumes.
 */
export function parseSequenceOptions(p: Parser): void {
  // CREATE SCHEMA s CREATE SEQUENCE q GRANT …: the next schema element ends the options.
  while (p.at(SyntaxKind.Word) && !p.atKw("create") && !p.atKw("grant")) {
    const progress = p.position;
    parseSequenceOption(p);
    if (p.position === progress) break;
  }
}

/** One sequence option (CREATE/ALTER SEQUENCE, identity columns). */
export function parseSequenceOption(p: Parser): void {
  p.start(SyntaxKind.SequenceOption);
  const w = p.word;
  switch (w) {
    case "as":
      p.bump();
      parseTypeName(p);
      break;
    case "increment":
      p.bump();
      p.eatKw("by");
      parseSignedNumber(p);
      break;
    case "minvalue":
    case "maxvalue":
    case "cache":
      p.bump();
      parseSignedNumber(p);
      break;
    case "no":
      p.bump();
      if (p.atKw("minvalue") || p.atKw("maxvalue") || p.atKw("cycle")) p.bump();
      else p.expected("MINVALUE, MAXVALUE or CYCLE");
      break;
    case "start":
    case "restart":
      p.bump();
      // RESTART alone goes back to the start value; RESTART WITH needs one.
      if (p.eatKw("with") || w === "start" || p.at(SyntaxKind.Number) || p.at(SyntaxKind.Operator)) parseSignedNumber(p);
      break;
    case "cycle":
      p.bump();
      break;
    case "logged":
    case "unlogged":
      // (PostgreSQL's grammar takes them among the options; ALTER SEQUENCE SET LOGGED is the command.)
      if (!p.postgres) p.expected("sequence option");
      p.bump();
      break;
    case "owned":
      p.bump();
      p.expectKw("by");
      if (!p.eatKw("none")) parseQualifiedName(p, "column");
      break;
    case "sequence":
      p.bump();
      p.expectKw("name");
      parseQualifiedName(p, "sequence name");
      break;
    default:
      p.expected("sequence option");
  }
  p.finish();
}

function parseSignedNumber(p: Parser): void {
  if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+")) p.bump();
  p.expect(SyntaxKind.Number, "number");
}

export { parseWhereClause };

/** At `(`: whether it is `(a, b) AS query` (a CREATE TABLE AS column list of bare names). */
function isCtasColumnList(p: Parser): boolean {
  let n = 1;
  for (;;) {
    if (!atLabel(p, n)) return false;
    const next = p.nth(n + 1);
    if (next === SyntaxKind.RParen) break;
    if (next !== SyntaxKind.Comma) return false;
    n += 2;
  }
  return ctasOptionsThenAs(p, n + 2);
}

/**
 * MySQL: whether table options follow, alone or before a query (`CREATE TABLE t ENGINE=heap
 * SELECT …`, `… UNION = (a, b)`): `name [=] value` pairs up to the end, SELECT, AS, `(`, IGNORE or REPLACE.
 */
function mysqlOptionsThenQuery(p: Parser): boolean {
  for (let m = 0; ; m++) {
    const k = p.nth(m);
    if (k === SyntaxKind.Word) {
      const w = p.wordAt(m);
      if (w === "select" || w === "as" || ((w === "ignore" || w === "replace") && m > 0)) return m > 0;
      continue;
    }
    if (k === SyntaxKind.LParen) {
      if (m > 0 && p.nth(m - 1) !== SyntaxKind.Operator) return true; // `(SELECT …)` after the options
      m = closingParenAhead(p, m);
      if (m < 0) return false;
      continue;
    }
    // Options alone are MySQL syntax too (`CREATE TABLE t ENGINE=MERGE UNION=(a, b)`: the engine supplies the columns).
    if (k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return m > 0;
    if (k !== SyntaxKind.String && k !== SyntaxKind.Number && k !== SyntaxKind.Comma && k !== SyntaxKind.QuotedIdent && !(k === SyntaxKind.Operator && p.wordAt(m) === "=")) return false;
  }
}

/**
 * Whether the tokens from the n-th on are CREATE TABLE … AS's options and then AS: `[USING am]
 * [WITH (…) | WITHOUT OIDS] [ON COMMIT …] [TABLESPACE t] AS` — words and `(…)` groups up to AS.
 */
function ctasOptionsThenAs(p: Parser, n: number): boolean {
  for (let m = n; ; m++) {
    const k = p.nth(m);
    if (k === SyntaxKind.LParen) {
      m = closingParenAhead(p, m); // skip a WITH (…) option list
      if (m < 0) return false;
      continue;
    }
    if (k !== SyntaxKind.Word && !(k === SyntaxKind.Operator && p.wordAt(m) === "=")) return false;
    if (p.wordAt(m) === "as") return true;
  }
}

/** The index of the `)` that closes the `(` at the n-th token ahead, or -1 when the statement ends first. */
function closingParenAhead(p: Parser, n: number): number {
  let depth = 0;
  for (let m = n; ; m++) {
    const t = p.nth(m);
    if (t === SyntaxKind.Eof || t === SyntaxKind.Semicolon) return -1;
    if (t === SyntaxKind.LParen) depth++;
    else if (t === SyntaxKind.RParen && --depth === 0) return m;
  }
}
