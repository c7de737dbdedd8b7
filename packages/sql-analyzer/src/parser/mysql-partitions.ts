import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseExpr } from "./expressions.js";
import { expectIdent, expectLabel, parseParenNameList, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";

/**
 * MySQL's partitioning grammar: what follows `PARTITION BY … (columns)` (PARTITIONS n,
 * SUBPARTITION BY, the partition definitions), and ALTER TABLE's partition maintenance
 * actions (ADD / DROP / TRUNCATE / COALESCE / REORGANIZE / EXCHANGE / ANALYZE / CHECK /
 * OPTIMIZE / REBUILD / REPAIR / DISCARD / IMPORT PARTITION, REMOVE PARTITIONING).
 */

/**
 * After `PARTITION BY {RANGE | LIST | HASH | KEY} (…)`: `[PARTITIONS n] [SUBPARTITION BY
 * [LINEAR] {HASH (expr) | KEY [ALGORITHM = n] (columns)} [SUBPARTITIONS n]] [(definition, …)]`.
 */
export function parseMysqlPartitionByTail(p: Parser): void {
  if (p.eatKw("partitions")) p.expect(SyntaxKind.Number, "number of partitions");
  if (p.atKw("subpartition") && p.nthKw(1, "by")) {
    p.start(SyntaxKind.PartitionBy);
    p.bump();
    p.bump();
    p.eatKw("linear");
    if (p.eatKw("hash")) {
      p.start(SyntaxKind.ExprList);
      if (p.expect(SyntaxKind.LParen, "'('")) {
        parseExpr(p);
        p.expect(SyntaxKind.RParen, "')'");
      }
      p.finish();
    } else if (p.eatKw("key")) {
      parseKeyAlgorithm(p);
      parseParenNameList(p, SyntaxKind.NameList, true);
    } else p.expected("HASH or KEY");
    if (p.eatKw("subpartitions")) p.expect(SyntaxKind.Number, "number of subpartitions");
    p.finish();
  }
  if (p.at(SyntaxKind.LParen)) parsePartitionDefinitions(p, false);
}

/** KEY partitioning's `ALGORITHM = {1 | 2}`, if present. */
export function parseKeyAlgorithm(p: Parser): void {
  if (!p.atKw("algorithm")) return;
  p.start(SyntaxKind.Option);
  p.bump();
  p.expectOp("=");
  p.expect(SyntaxKind.Number, "1 or 2");
  p.finish();
}

/** `(definition, …)` of partitions (or of subpartitions: `sub`), at the `(`. */
function parsePartitionDefinitions(p: Parser, sub: boolean): void {
  p.bump();
  if (p.enter()) {
    do parsePartitionDefinition(p, sub);
    while (p.eat(SyntaxKind.Comma));
    p.leave();
  }
  if (!p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.RParen));
  p.expect(SyntaxKind.RParen, "')'");
}

/** Options a partition or subpartition definition may end with (`[=] value` each). */
const PARTITION_OPTIONS = new Set(["engine", "comment", "max_rows", "min_rows", "tablespace", "nodegroup"]);

/**
 * `PARTITION name [VALUES {LESS THAN {(values) | MAXVALUE} | IN (values)}] [options]
 * [(subpartitions)]` (or `SUBPARTITION name [options]`) as a PartitionDef. Options:
 * `[STORAGE] ENGINE`, `COMMENT`, `DATA DIRECTORY`, `INDEX DIRECTORY`, `MAX_ROWS`,
 * `MIN_ROWS`, `TABLESPACE`, `NODEGROUP`, each `[=] value`.
 */
function parsePartitionDefinition(p: Parser, sub: boolean): void {
  p.start(SyntaxKind.PartitionDef);
  p.expectKw(sub ? "subpartition" : "partition");
  expectIdent(p, sub ? "subpartition name" : "partition name");
  if (!sub && p.atKw("values")) {
    p.start(SyntaxKind.PartitionBound);
    p.bump();
    if (p.eatKw("less")) {
      p.expectKw("than");
      if (!p.eatKw("maxvalue")) parseBoundValues(p);
    } else if (p.eatKw("in")) parseBoundValues(p);
    else p.expected("LESS THAN or IN");
    p.finish();
  }
  for (let guard = 0; guard < 16 && p.at(SyntaxKind.Word); guard++) {
    const w = p.word!;
    const directory = (w === "data" || w === "index") && p.nthKw(1, "directory");
    if (!directory && !PARTITION_OPTIONS.has(w) && !(w === "storage" && p.nthKw(1, "engine"))) break;
    p.start(SyntaxKind.Option);
    p.bump();
    if (directory || w === "storage") p.bump();
    p.eatOp("=");
    if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number)) p.bump();
    else expectLabel(p, "option value");
    p.finish();
  }
  if (!sub && p.at(SyntaxKind.LParen)) parsePartitionDefinitions(p, true);
  p.finish();
}

/** `(value, …)` of a partition bound, where MAXVALUE may stand for a value (RANGE COLUMNS). */
function parseBoundValues(p: Parser): void {
  p.start(SyntaxKind.ExprList);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    do {
      if (!p.eatKw("maxvalue")) parseExpr(p);
    } while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

/**
 * A partition maintenance action of ALTER TABLE, into the open AlterAction; returns false,
 * consuming nothing, when none starts here.
 */
export function parsePartitionAction(p: Parser): boolean {
  const w = p.word;
  switch (w) {
    case "add":
      if (!p.nthKw(1, "partition")) return false;
      // ADD PARTITION (definition, …) | ADD PARTITION PARTITIONS n (HASH / KEY)
      p.bump();
      p.bump();
      if (p.eatKw("partitions")) p.expect(SyntaxKind.Number, "number of partitions");
      else if (p.at(SyntaxKind.LParen)) parsePartitionDefinitions(p, false);
      else p.expected("'(' or PARTITIONS");
      return true;
    case "drop":
      if (!p.nthKw(1, "partition")) return false;
      p.bump();
      p.bump();
      parseNameList(p, "partition name");
      return true;
    case "truncate":
    case "analyze":
    case "check":
    case "optimize":
    case "rebuild":
    case "repair":
    case "discard":
    case "import":
      if (!p.nthKw(1, "partition")) return false;
      // {… | DISCARD | IMPORT} PARTITION {name, … | ALL} [TABLESPACE]
      p.bump();
      p.bump();
      if (!p.eatKw("all")) parseNameList(p, "partition name");
      if (w === "discard" || w === "import") p.expectKw("tablespace");
      return true;
    case "coalesce":
      if (!p.nthKw(1, "partition")) return false;
      p.bump();
      p.bump();
      p.expect(SyntaxKind.Number, "number of partitions");
      return true;
    case "reorganize":
      if (!p.nthKw(1, "partition")) return false;
      // REORGANIZE PARTITION [name, … INTO (definition, …)]
      p.bump();
      p.bump();
      if (p.at(SyntaxKind.Word) && !p.atKw("into")) {
        parseNameList(p, "partition name");
        p.expectKw("into");
        if (p.at(SyntaxKind.LParen)) parsePartitionDefinitions(p, false);
        else p.expected("'('");
      }
      return true;
    case "exchange":
      if (!p.nthKw(1, "partition")) return false;
      // EXCHANGE PARTITION p WITH TABLE t [{WITH | WITHOUT} VALIDATION]
      p.bump();
      p.bump();
      expectIdent(p, "partition name");
      p.expectKw("with");
      p.expectKw("table");
      parseQualifiedName(p, "table name");
      if ((p.atKw("with") || p.atKw("without")) && p.nthKw(1, "validation")) {
        p.bump();
        p.bump();
      }
      return true;
    case "remove":
      if (!p.nthKw(1, "partitioning")) return false;
      p.bump();
      p.bump();
      return true;
    default:
      return false;
  }
}

/** `name, …` (no parentheses) as a NameList. */
function parseNameList(p: Parser, what: string): void {
  p.start(SyntaxKind.NameList);
  do expectIdent(p, what);
  while (p.eat(SyntaxKind.Comma));
  p.finish();
}
