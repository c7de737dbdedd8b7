import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseColumnDef, parseTableConstraint } from "./ddl-table.js";
import { parsePartitionAction } from "./mysql-partitions.js";
import { atLabel, expectIdent, isReservedAt, parseParenNameList, parseQualifiedName } from "./names.js";
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
 * A table option in ALTER TABLE: `[DEFAULT] {CHARACTER SET | CHARSET | COLLATE} [=] name`,
 * `name [=] value` (ENGINE, AUTO_INCREMENT, COMMENT, ROW_FORMAT, …), `UNION [=] (t, …)`.
 */
export function parseMysqlTableOption(p: Parser): void {
  p.eatKw("default");
  if ((p.atKw("character") && p.nthKw(1, "set")) || ((p.atKw("data") || p.atKw("index")) && p.nthKw(1, "directory"))) p.bump();
  p.bump();
  p.eatOp("=");
  // A value word names something (ENGINE = InnoDB, CHARSET = utf8mb4): an identifier, kept as written.
  if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || atLabel(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  else if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
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
