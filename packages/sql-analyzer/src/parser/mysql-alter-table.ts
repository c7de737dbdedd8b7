import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseColumnDef, parseTableConstraint } from "./ddl-table.js";
import { parsePartitionAction } from "./mysql-partitions.js";
import { expectIdent, isReservedAt, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";

/**
 * MySQL's ALTER TABLE actions that the shared ALTER TABLE grammar (ddl-alter.ts) does not
 * have: partition maintenance (mysql-partitions.ts), `ADD [COLUMN] (a INT, …)`, `ADD
 * {FULLTEXT | SPATIAL} …`, `ORDER BY`, `ALTER INDEX i {VISIBLE | INVISIBLE}`, `ALTER {CHECK
 * | CONSTRAINT} c [NOT] ENFORCED`, `FORCE`, `{WITH | WITHOUT} VALIDATION`, `{DISCARD |
 * IMPORT} TABLESPACE`.
 */

/** One such action into the open AlterAction; returns false, consuming nothing, for the others. */
export function parseMysqlAlterTableAction(p: Parser): boolean {
  if (parsePartitionAction(p)) return true;
  switch (p.word) {
    case "add":
      if (p.nth(1) === SyntaxKind.LParen || (p.nthKw(1, "column") && p.nth(2) === SyntaxKind.LParen)) {
        // ADD [COLUMN] (definition, …): several columns at once
        p.bump();
        p.eatKw("column");
        p.start(SyntaxKind.TableElementList);
        p.bump();
        do parseColumnDef(p);
        while (p.eat(SyntaxKind.Comma));
        p.expect(SyntaxKind.RParen, "')'");
        p.finish();
        return true;
      }
      if (p.nthKw(1, "spatial") || p.nthKw(1, "fulltext")) {
        p.bump();
        parseTableConstraint(p);
        return true;
      }
      return false;
    case "order":
      if (!p.nthKw(1, "by")) return false;
      // ORDER BY column [ASC | DESC], … (the rows' order after the copy)
      p.bump();
      p.bump();
      do {
        parseQualifiedName(p, "column name");
        if (p.atKw("asc") || p.atKw("desc")) p.bump();
      } while (p.eat(SyntaxKind.Comma));
      return true;
    case "alter":
      if (p.nthKw(1, "index") || p.nthKw(1, "key")) {
        p.bump();
        p.bump();
        expectIdent(p, "index name");
        if (p.atKw("visible") || p.atKw("invisible")) p.bump();
        else p.expected("VISIBLE or INVISIBLE");
        return true;
      }
      if (p.nthKw(1, "check") || p.nthKw(1, "constraint")) {
        p.bump();
        p.bump();
        expectIdent(p, "constraint name");
        p.eatKw("not");
        p.expectKw("enforced");
        return true;
      }
      return false;
    case "force":
      p.bump();
      return true;
    case "with":
    case "without":
      if (!p.nthKw(1, "validation")) return false;
      p.bump();
      p.bump();
      return true;
    case "discard":
    case "import":
      if (!p.nthKw(1, "tablespace")) return false;
      p.bump();
      p.bump();
      return true;
    default:
      return false;
  }
}

/**
 * The first words of MySQL's table options (CREATE TABLE's `create_table_option`), and of the
 * storage-engine options MariaDB adds (Aria's TRANSACTIONAL and PAGE_CHECKSUM, InnoDB's page
 * compression and encryption keys), which MariaDB's own scripts and dumps write.
 */
const MYSQL_TABLE_OPTIONS: ReadonlySet<string> = new Set([
  "autoextend_size", "auto_increment", "avg_row_length", "character", "charset", "checksum", "collate", "comment",
  "compression", "connection", "data", "index", "delay_key_write", "encryption", "engine", "engine_attribute",
  "secondary_engine", "secondary_engine_attribute", "insert_method", "key_block_size", "max_rows", "min_rows",
  "pack_keys", "password", "row_format", "start", "stats_auto_recalc", "stats_persistent", "stats_sample_pages",
  "tablespace", "storage", "union",
  "transactional", "page_checksum", "table_checksum", "page_compressed", "page_compression_level", "encrypted", "encryption_key_id", "ietf_quotes",
]);

/** The values of ALTER TABLE's ALGORITHM and LOCK. */
const ALTER_MODIFIER_VALUES: ReadonlyMap<string, readonly string[]> = new Map([
  ["algorithm", ["default", "instant", "inplace", "copy"]],
  ["lock", ["default", "none", "shared", "exclusive"]],
]);

/**
 * `ALGORITHM [=] {DEFAULT | INSTANT | INPLACE | COPY}` and `LOCK [=] {DEFAULT | NONE | SHARED |
 * EXCLUSIVE}` of ALTER TABLE and DROP INDEX (how the server carries the change out; no table
 * options): returns false, consuming nothing, at anything else.
 */
export function parseMysqlAlterAlgorithmOrLock(p: Parser): boolean {
  const values = p.at(SyntaxKind.Word) ? ALTER_MODIFIER_VALUES.get(p.word!) : undefined;
  if (values === undefined) return false;
  p.bump();
  p.eatOp("=");
  if (p.at(SyntaxKind.Word) && values.includes(p.word!)) p.bump();
  else p.expected(values.map((v) => v.toUpperCase()).join(", "));
  return true;
}

/** The table options whose value is a string (the first word of DATA / INDEX DIRECTORY). */
const MYSQL_STRING_TABLE_OPTIONS: ReadonlySet<string> = new Set([
  "comment", "connection", "password", "data", "index", "engine_attribute", "secondary_engine_attribute", "compression", "encryption",
]);

/** ROW_FORMAT's values (PAGE is MariaDB's Aria format). */
const MYSQL_ROW_FORMATS: ReadonlySet<string> = new Set(["default", "dynamic", "fixed", "compressed", "redundant", "compact", "page"]);

/**
 * A MySQL table option, in CREATE TABLE or ALTER TABLE: `[DEFAULT] {CHARACTER SET | CHARSET |
 * COLLATE} [=] name`, `name [=] value` (ENGINE, AUTO_INCREMENT, COMMENT, ROW_FORMAT, …),
 * `UNION [=] (t, …)`. With `checkName`, a name that is none of MySQL's is reported (wrong
 * dialect); returns whether it was.
 */
export function parseMysqlTableOption(p: Parser, checkName = true): boolean {
  p.eatKw("default");
  const name = p.word ?? "";
  const unknown = checkName && !MYSQL_TABLE_OPTIONS.has(name);
  if (unknown) p.wrongDialect(`${p.tokenText()} as a table option`, "MySQL has no such table option");
  // Two-word option names: CHARACTER SET, DATA DIRECTORY, INDEX DIRECTORY.
  if ((p.atKw("character") && p.nthKw(1, "set")) || ((p.atKw("data") || p.atKw("index")) && p.nthKw(1, "directory"))) p.bump();
  p.bump();
  p.eatOp("=");
  parseMysqlTableOptionValue(p, name);
  return unknown;
}

/**
 * A table option's value: a string, a number, or a name (an identifier, kept as written:
 * ENGINE = InnoDB, CHARSET = utf8mb4) that is no reserved word but DEFAULT, BINARY (a character
 * set and a collation) and SECONDARY_ENGINE's NULL; MERGE's `UNION = (t, …)` lists tables and
 * `INSERT_METHOD` is NO, FIRST or LAST.
 */
function parseMysqlTableOptionValue(p: Parser, name: string): void {
  if (name === "union") {
    p.start(SyntaxKind.NameList);
    if (p.expect(SyntaxKind.LParen, "'('")) {
      if (!p.at(SyntaxKind.RParen)) {
        do parseQualifiedName(p, "table name");
        while (p.eat(SyntaxKind.Comma));
      }
      p.recoverUntil(() => p.at(SyntaxKind.RParen));
      p.expect(SyntaxKind.RParen, "')'");
    }
    p.finish();
    return;
  }
  if (MYSQL_STRING_TABLE_OPTIONS.has(name) && !p.at(SyntaxKind.String)) {
    if (p.at(SyntaxKind.Word) || p.at(SyntaxKind.Number)) p.errorBump(`expected a string, found '${p.tokenText()}'`);
    else p.expected("a string");
    return;
  }
  if (name === "row_format" && !(p.at(SyntaxKind.Word) && MYSQL_ROW_FORMATS.has(p.word!))) {
    if (p.at(SyntaxKind.Word)) p.errorBump(`expected DEFAULT, DYNAMIC, FIXED, COMPRESSED, REDUNDANT or COMPACT, found '${p.tokenText()}'`);
    else p.expected("DEFAULT, DYNAMIC, FIXED, COMPRESSED, REDUNDANT or COMPACT");
    return;
  }
  if (name === "insert_method" && !(p.atKw("no") || p.atKw("first") || p.atKw("last"))) {
    if (p.at(SyntaxKind.Word)) p.errorBump(`expected NO, FIRST or LAST, found '${p.tokenText()}'`);
    else p.expected("NO, FIRST or LAST");
    return;
  }
  // (A character set or collation is a name or a string, no number.)
  if (p.at(SyntaxKind.Number) && (name === "charset" || name === "character" || name === "collate")) p.errorBump(`expected a ${name === "collate" ? "collation" : "character set"}'s name, found ${p.tokenText()}`);
  else if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || p.at(SyntaxKind.QuotedIdent)) p.bump();
  else if (p.at(SyntaxKind.Word) && (!isReservedAt(p) || p.atKw("default") || p.atKw("binary") || (p.atKw("null") && name === "secondary_engine"))) p.bump(SyntaxKind.Ident);
  // (A reserved word is reported, and read as the value, so the next option is read as one.)
  else if (p.at(SyntaxKind.Word)) p.errorBump(`expected option value, found '${p.tokenText()}' (a reserved word: quote it)`);
  else p.expected("option value");
}

/**
 * Whether a table option's name starts here: any word MySQL does not reserve, and the
 * reserved DEFAULT, COLLATE, LOCK, UNION and INDEX DIRECTORY.
 */
export function atMysqlTableOptionName(p: Parser): boolean {
  if (p.at(SyntaxKind.QuotedIdent)) return false;
  if (!isReservedAt(p)) return p.at(SyntaxKind.Word);
  return p.atKw("default") || p.atKw("collate") || p.atKw("lock") || p.atKw("union") || (p.atKw("index") && p.nthKw(1, "directory")) || (p.atKw("character") && p.nthKw(1, "set"));
}

/** Whether another table option follows without a comma (`name =`, or a character set or collation). */
export function atMysqlTableOption(p: Parser): boolean {
  if (!p.at(SyntaxKind.Word)) return false;
  if (p.nthOp(1, "=")) return true;
  const n = p.atKw("default") ? 1 : 0;
  return p.nthKw(n, "charset") || p.nthKw(n, "collate") || (p.nthKw(n, "character") && p.nthKw(n + 1, "set"));
}
