import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseExpr } from "./expressions.js";
import { atIdent, expectIdent, expectLabel } from "./names.js";
import type { Parser } from "./parser.js";
import { parseJsonTableColumns } from "./sql-json-xml.js";
import { parseTypeName } from "./types.js";

/**
 * MySQL's JSON_TABLE in FROM: `JSON_TABLE(expr, 'path' COLUMNS (column, …)) [AS] alias`.
 * Unlike PostgreSQL's (sql-json-xml.ts) it has no PASSING, FORMAT JSON, wrapper or
 * quotes clauses, no path names, a column's PATH is required, a DEFAULT is a string, and
 * the alias is required. The COLUMNS list itself is shared with PostgreSQL's.
 */

/** JSON_TABLE at its name (the caller checked `json_table (`), as a FunctionTable. */
export function parseMysqlJsonTable(p: Parser): void {
  p.start(SyntaxKind.FunctionTable);
  p.leaf(SyntaxKind.QualifiedName, SyntaxKind.Ident);
  p.start(SyntaxKind.ArgList);
  p.bump();
  if (p.enter()) {
    parseExpr(p);
    if (p.expect(SyntaxKind.Comma, "','")) {
      p.expect(SyntaxKind.String, "row path (a string literal)");
      parseJsonTableColumns(p, parseColumn);
    }
    p.leave();
  }
  if (!p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.RParen));
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
  // Every table function needs an alias in MySQL.
  if (p.atKw("as")) {
    p.start(SyntaxKind.Alias);
    p.bump();
    expectLabel(p, "alias");
    p.finish();
  } else if (atIdent(p)) p.leaf(SyntaxKind.Alias, p.kind === SyntaxKind.Word ? SyntaxKind.Ident : p.kind);
  else p.expected("alias (MySQL requires one for JSON_TABLE)");
  p.finish();
}

/**
 * One column (a ColumnDef): `name FOR ORDINALITY`, `name type [EXISTS] PATH 'p'` (a value
 * column with `[behavior ON EMPTY] [behavior ON ERROR]`), `NESTED [PATH] 'p' COLUMNS (…)`.
 */
function parseColumn(p: Parser): void {
  p.start(SyntaxKind.ColumnDef);
  if (p.atKw("nested") && (p.nth(1) === SyntaxKind.String || p.nthKw(1, "path"))) {
    p.bump();
    p.start(SyntaxKind.Option);
    p.eatKw("path");
    p.expect(SyntaxKind.String, "path (a string literal)");
    p.finish();
    parseJsonTableColumns(p, parseColumn);
    p.finish();
    return;
  }
  expectIdent(p, "column name");
  if (p.atKw("for")) {
    p.bump();
    p.expectKw("ordinality");
  } else if (parseTypeName(p)) {
    if (p.atKw("collate")) {
      p.bump();
      expectLabel(p, "collation");
    }
    const exists = p.eatKw("exists");
    p.start(SyntaxKind.Option);
    p.expectKw("path");
    p.expect(SyntaxKind.String, "path (a string literal)");
    p.finish();
    if (!exists) parseBehaviors(p);
  }
  p.finish();
}

/** `[behavior ON EMPTY] [behavior ON ERROR]` (MySQL also takes them the other way round). */
function parseBehaviors(p: Parser): void {
  let seen = "";
  for (let guard = 0; guard < 2 && (p.atKw("null") || p.atKw("error") || p.atKw("default")); guard++) {
    p.start(SyntaxKind.Option);
    if (p.eatKw("default")) p.expect(SyntaxKind.String, "default value (a JSON string literal)");
    else p.bump();
    p.expectKw("on");
    if ((p.atKw("empty") || p.atKw("error")) && p.word !== seen) {
      seen = p.word!;
      p.bump();
    } else p.expected(seen === "" ? "EMPTY or ERROR" : seen === "empty" ? "ERROR" : "EMPTY");
    p.finish();
  }
}
