import { SyntaxKind } from "../syntax/syntax-kind.js";
import { OPERATOR_CLASS_ITEM_TYPES } from "./ddl-objects.js";
import { parseRoutineParams } from "./ddl-routine.js";
import { atLabel, expectIdent, expectLabel, parseOperatorName, parseParenNameList, parseQualifiedName, parseRoutineName } from "./names.js";
import type { Parser } from "./parser.js";
import { parseWhereClause } from "./select.js";
import { parseTypeName } from "./types.js";

/**
 * Clauses that CREATE and ALTER of the same object kinds share: SQL/MED options and wrapper
 * functions, publication objects, operator class items.
 */

/**
 * `OPTIONS (name 'value', …)`: the options of foreign-data wrappers, servers, user
 * mappings and foreign tables (SQL/MED). In ALTER each may start with ADD, SET or DROP
 * (DROP takes no value). The cursor is at OPTIONS.
 */
export function parseGenericOptions(p: Parser, alter: boolean): void {
  p.start(SyntaxKind.OptionList);
  p.bump();
  if (p.expect(SyntaxKind.LParen, "'('")) {
    do {
      p.start(SyntaxKind.Option);
      let drop = false;
      // `ADD`, `SET` and `DROP` are also valid option names: they are the action only when a name follows.
      if (alter && (p.atKw("add") || p.atKw("set") || p.atKw("drop")) && atLabel(p, 1)) {
        drop = p.atKw("drop");
        p.bump();
      }
      expectLabel(p, "option name");
      if (!drop) p.expect(SyntaxKind.String, "option value (a string literal)");
      p.finish();
    } while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

/** `HANDLER f | NO HANDLER`, `VALIDATOR f | NO VALIDATOR`, then `OPTIONS (…)` (foreign-data wrappers). */
export function parseWrapperFunctions(p: Parser, alter: boolean): void {
  for (let guard = 0; guard < 4; guard++) {
    if (p.atKw("no") && (p.nthKw(1, "handler") || p.nthKw(1, "validator"))) {
      p.bump();
      p.bump();
    } else if (p.atKw("handler") || p.atKw("validator")) {
      p.bump();
      parseQualifiedName(p, "function name");
    } else break;
  }
  if (p.atKw("options")) parseGenericOptions(p, alter);
}

/**
 * The published objects of CREATE/ALTER PUBLICATION: `TABLE [ONLY] t [*] [(columns)]
 * [WHERE (condition)], …` and `TABLES IN SCHEMA s | CURRENT_SCHEMA, …`; a name after a
 * comma continues the list of the kind before it.
 */
export function parsePublicationObjects(p: Parser): void {
  p.start(SyntaxKind.NameList);
  let tables = true;
  // The first object says its kind (a later one may go without: `TABLE a, b`).
  if (!p.atKw("table") && !(p.atKw("tables") && p.nthKw(1, "in"))) p.expected("TABLE or TABLES IN SCHEMA");
  do {
    if (p.atKw("table")) {
      p.bump();
      tables = true;
    } else if (p.atKw("tables") && p.nthKw(1, "in")) {
      p.bump();
      p.bump();
      p.expectKw("schema");
      tables = false;
    }
    if (tables) {
      p.eatKw("only");
      parseQualifiedName(p, "table name");
      p.eatOp("*");
      if (p.at(SyntaxKind.LParen)) parseParenNameList(p);
      if (p.atKw("where")) parseWhereClause(p);
    } else if (!p.eatKw("current_schema")) expectIdent(p, "schema name");
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/**
 * The items of CREATE OPERATOR CLASS and ALTER OPERATOR FAMILY … ADD, as an `OptionList`:
 * `OPERATOR n op [(types)] [FOR SEARCH | FOR ORDER BY f]`, `FUNCTION n [(types)] f(args)`,
 * `STORAGE type`; with `drop`, ALTER OPERATOR FAMILY … DROP's `OPERATOR n (types)` and
 * `FUNCTION n (types)`.
 */
export function parseOperatorClassItems(p: Parser, drop = false): void {
  p.start(SyntaxKind.OptionList);
  do {
    p.start(SyntaxKind.Option);
    if (drop && (p.atKw("operator") || p.atKw("function"))) {
      p.bump();
      p.expect(SyntaxKind.Number, "strategy or support number");
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p, OPERATOR_CLASS_ITEM_TYPES);
      else p.expected("'(' and argument types");
    } else if (p.eatKw("operator")) {
      p.expect(SyntaxKind.Number, "strategy number");
      parseOperatorName(p);
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p, OPERATOR_CLASS_ITEM_TYPES);
      if (p.eatKw("for")) {
        if (!p.eatKw("search")) {
          p.expectKw("order");
          p.expectKw("by");
          parseQualifiedName(p, "operator family");
        }
      }
    } else if (p.eatKw("function")) {
      p.expect(SyntaxKind.Number, "support number");
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p, OPERATOR_CLASS_ITEM_TYPES);
      parseRoutineName(p, "function name");
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p);
    } else if (p.eatKw("storage")) parseTypeName(p);
    else p.expected("OPERATOR, FUNCTION or STORAGE");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

