import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseSetClause } from "./dml.js";
import { expectCharsetName, expectIdent, parseParenNameList, parseQualifiedName } from "./names.js";
import type { Parser } from "./parser.js";

/**
 * MySQL's text import and export: `LOAD DATA` / `LOAD XML`, and the FIELDS / LINES
 * clauses they share with `SELECT … INTO OUTFILE`.
 */

/**
 * `LOAD {DATA | XML} [LOW_PRIORITY | CONCURRENT] [LOCAL] INFILE 'file' [REPLACE | IGNORE]
 * INTO TABLE t [PARTITION (p, …)] [CHARACTER SET cs] [FIELDS …] [LINES …] (DATA) |
 * [ROWS IDENTIFIED BY '<tag>'] (XML) [IGNORE n {LINES | ROWS}] [(column | @var, …)]
 * [SET column = expr, …]`
 */
export function parseLoadData(p: Parser): void {
  p.start(SyntaxKind.LoadDataStmt);
  p.bump();
  const xml = p.atKw("xml");
  p.bump();
  if (p.atKw("low_priority") || p.atKw("concurrent")) p.bump();
  p.eatKw("local");
  p.expectKw("infile");
  p.expect(SyntaxKind.String, "file name (a string literal)");
  if (p.atKw("replace") || p.atKw("ignore")) p.bump();
  p.expectKw("into");
  p.expectKw("table");
  parseQualifiedName(p, "table name");
  if (!xml && p.atKw("partition")) {
    p.bump();
    parseParenNameList(p);
  }
  parseCharacterSet(p);
  if (xml) {
    if (p.atKw("rows")) {
      p.start(SyntaxKind.Option);
      p.bump();
      p.expectKw("identified");
      p.expectKw("by");
      p.expect(SyntaxKind.String, "row tag (a string literal)");
      p.finish();
    }
  } else parseExportOptions(p);
  if (p.atKw("ignore")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.expect(SyntaxKind.Number, "number of lines");
    if (!p.eatKw("lines")) p.expectKw("rows");
    p.finish();
  }
  if (p.at(SyntaxKind.LParen)) {
    p.start(SyntaxKind.InsertColumns);
    p.bump();
    do {
      if (p.at(SyntaxKind.Param)) p.bump();
      else if (!expectIdent(p, "column name or @variable")) break;
    } while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  if (p.atKw("set")) parseSetClause(p);
  p.finish();
}

/** `CHARACTER SET cs` / `CHARSET cs`, if present (an Option). */
export function parseCharacterSet(p: Parser): void {
  if (!(p.atKw("character") && p.nthKw(1, "set")) && !p.atKw("charset")) return;
  p.start(SyntaxKind.Option);
  if (p.eatKw("character")) p.bump();
  else p.bump();
  expectCharsetName(p, "character set");
  p.finish();
}

/**
 * `[{FIELDS | COLUMNS} [TERMINATED BY 's'] [[OPTIONALLY] ENCLOSED BY 'c'] [ESCAPED BY 'c']]
 * [LINES [STARTING BY 's'] [TERMINATED BY 's']]`: each part optional, FIELDS before LINES, and
 * within each the subclauses in any order (the manual lists one order; MySQL's grammar takes any).
 */
export function parseExportOptions(p: Parser): void {
  if (p.atKw("fields") || p.atKw("columns")) {
    p.start(SyntaxKind.FieldsClause);
    p.bump();
    let any = 0;
    for (let found = 1; found !== 0; any |= found) found = parseByOption(p, "terminated") | parseEnclosedBy(p) | parseByOption(p, "escaped");
    if (!any) p.expected("TERMINATED BY, ENCLOSED BY or ESCAPED BY");
    p.finish();
  }
  if (p.atKw("lines")) {
    p.start(SyntaxKind.LinesClause);
    p.bump();
    let any = 0;
    for (let found = 1; found !== 0; any |= found) found = parseByOption(p, "starting") | parseByOption(p, "terminated");
    if (!any) p.expected("STARTING BY or TERMINATED BY");
    p.finish();
  }
}

/** `[OPTIONALLY] ENCLOSED BY 'c'` as an Option (1 when present). */
function parseEnclosedBy(p: Parser): number {
  if (!p.atKw("enclosed") && !(p.atKw("optionally") && p.nthKw(1, "enclosed"))) return 0;
  p.start(SyntaxKind.Option);
  p.eatKw("optionally");
  p.bump();
  p.expectKw("by");
  p.expect(SyntaxKind.String, "string literal");
  p.finish();
  return 1;
}

/** `word BY 'string'` as an Option (1 when present). */
function parseByOption(p: Parser, word: string): number {
  if (!p.atKw(word)) return 0;
  p.start(SyntaxKind.Option);
  p.bump();
  p.expectKw("by");
  p.expect(SyntaxKind.String, "string literal");
  p.finish();
  return 1;
}
