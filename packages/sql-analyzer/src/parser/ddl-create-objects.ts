import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseGenericOptions, parseOperatorClassItems, parsePublicationObjects, parseWrapperFunctions } from "./ddl-shared-clauses.js";
import { AGGREGATE_SIGNATURE, objectKindAt, parseCastTypes, parseMappedRole, parseRoleSpec, parseTransformTarget } from "./ddl-objects.js";
import { parseRoutineParams } from "./ddl-routine.js";
import { DEF_ELEMS, OLD_AGGREGATE_ELEMS, parseCreateTableRest, parseIfNotExists, parseOptionList, parseWithOptionList } from "./ddl-table.js";
import { parseExpr } from "./expressions.js";
import { expectIdent, expectLabel, parseOperatorName, parseQualifiedName, parseRoutineName } from "./names.js";
import type { Parser } from "./parser.js";
import { parseFromClause, parseWhereClause } from "./select.js";
import { parseStatement } from "./statement.js";
import { parseTypeName } from "./types.js";

/**
 * PostgreSQL's CREATE for the object kinds beyond tables, views, routines and the other
 * common ones: foreign tables and the rest of SQL/MED (servers, wrappers, user mappings),
 * logical replication (publications, subscriptions), casts, extended statistics,
 * collations, aggregates, operators and their classes and families, rules, languages,
 * tablespaces, access methods, conversions, transforms and text search objects.
 */

/** The kinds {@link parseCreateObjectRest} takes. */
export const CREATE_OBJECT_KINDS: ReadonlySet<string> = new Set([
  "foreign table", "server", "foreign data wrapper", "user mapping", "publication", "subscription", "cast",
  "statistics", "collation", "aggregate", "operator", "operator class", "operator family", "rule", "language",
  "procedural language", "tablespace", "access method", "conversion", "transform", "text search configuration",
  "text search dictionary", "text search parser", "text search template",
]);

/** The long-tail kind named `n` tokens ahead (after CREATE and its modifiers), if any. */
export function createObjectKindAt(p: Parser, n: number): string | undefined {
  return p.postgres ? objectKindAt(p, CREATE_OBJECT_KINDS, n) : undefined;
}

/**
 * Everything after `CREATE [modifiers] <kind>` (the kind's words already consumed) for a
 * kind of {@link CREATE_OBJECT_KINDS}.
 */
export function parseCreateObjectRest(p: Parser, kind: string): void {
  switch (kind) {
    case "foreign table":
      parseCreateTableRest(p);
      p.expectKw("server");
      expectIdent(p, "server name");
      if (p.atKw("options")) parseGenericOptions(p, false);
      return;
    case "server":
      optionalIfNotExists(p);
      expectIdent(p, "server name");
      if (p.eatKw("type")) p.expect(SyntaxKind.String, "server type (a string literal)");
      if (p.eatKw("version")) p.expect(SyntaxKind.String, "server version (a string literal)");
      p.expectKw("foreign");
      p.expectKw("data");
      p.expectKw("wrapper");
      expectIdent(p, "foreign-data wrapper name");
      if (p.atKw("options")) parseGenericOptions(p, false);
      return;
    case "foreign data wrapper":
      expectIdent(p, "foreign-data wrapper name");
      parseWrapperFunctions(p, false);
      return;
    case "user mapping":
      optionalIfNotExists(p);
      p.expectKw("for");
      parseMappedRole(p);
      p.expectKw("server");
      expectIdent(p, "server name");
      if (p.atKw("options")) parseGenericOptions(p, false);
      return;
    case "publication":
      optionalIfNotExists(p);
      expectIdent(p, "publication name");
      if (p.eatKw("for")) {
        if (p.atKw("all") && p.nthKw(1, "tables")) {
          p.bump();
          p.bump();
        } else parsePublicationObjects(p);
      }
      parseWithOptionList(p);
      return;
    case "subscription":
      expectIdent(p, "subscription name");
      p.expectKw("connection");
      p.expect(SyntaxKind.String, "connection string");
      p.expectKw("publication");
      do expectIdent(p, "publication name");
      while (p.eat(SyntaxKind.Comma));
      parseWithOptionList(p);
      return;
    case "cast":
      parseCreateCastRest(p);
      return;
    case "statistics":
      parseCreateStatisticsRest(p);
      return;
    case "collation":
      optionalIfNotExists(p);
      parseQualifiedName(p, "collation name");
      if (p.eatKw("from")) parseQualifiedName(p, "collation");
      else parseOptionList(p, DEF_ELEMS);
      return;
    case "aggregate":
      // (Named as a function is: `left`, not `nullif`.)
      parseRoutineName(p, "aggregate name");
      // The argument list, then the options; the old form has the options only, each a name
      // that is no keyword with a value (PostgreSQL's `old_aggr_elem`).
      if (p.at(SyntaxKind.LParen) && !isOptionListAhead(p)) {
        parseRoutineParams(p, AGGREGATE_SIGNATURE);
        parseOptionList(p, DEF_ELEMS);
      } else parseOptionList(p, OLD_AGGREGATE_ELEMS);
      return;
    case "operator":
      parseOperatorName(p);
      parseOptionList(p, DEF_ELEMS);
      return;
    case "operator class":
      parseCreateOperatorClassRest(p);
      return;
    case "operator family":
      parseQualifiedName(p, "operator family name");
      p.expectKw("using");
      expectLabel(p, "index method");
      return;
    case "rule":
      parseCreateRuleRest(p);
      return;
    case "language":
    case "procedural language":
      expectIdent(p, "language name");
      if (p.eatKw("handler")) {
        parseQualifiedName(p, "handler function");
        if (p.eatKw("inline")) parseQualifiedName(p, "inline handler");
        if (p.eatKw("validator")) parseQualifiedName(p, "validator function");
      }
      return;
    case "tablespace":
      expectIdent(p, "tablespace name");
      if (p.eatKw("owner")) parseRoleSpec(p);
      p.expectKw("location");
      p.expect(SyntaxKind.String, "directory (a string literal)");
      parseWithOptionList(p);
      return;
    case "access method":
      expectIdent(p, "access method name");
      p.expectKw("type");
      if (p.atKw("table") || p.atKw("index")) p.bump();
      else {
        p.expected("TABLE or INDEX");
        if (p.at(SyntaxKind.Word) && p.nthKw(1, "handler")) p.bump();
      }
      p.expectKw("handler");
      parseQualifiedName(p, "handler function");
      return;
    case "conversion":
      parseQualifiedName(p, "conversion name");
      p.expectKw("for");
      p.expect(SyntaxKind.String, "source encoding");
      p.expectKw("to");
      p.expect(SyntaxKind.String, "destination encoding");
      p.expectKw("from");
      parseQualifiedName(p, "conversion function");
      return;
    case "transform":
      parseCreateTransformRest(p);
      return;
    default:
      // The text search objects: a name and an option list.
      parseQualifiedName(p, "object name");
      parseOptionList(p, DEF_ELEMS);
  }
}

function optionalIfNotExists(p: Parser): void {
  if (p.atKw("if") && p.nthKw(1, "not")) parseIfNotExists(p);
}

/**
 * Whether the `(` at the cursor opens an option list (`name = value, …`) rather than an
 * argument list: the old CREATE AGGREGATE form has only the options.
 */
function isOptionListAhead(p: Parser): boolean {
  return p.at(SyntaxKind.LParen) && p.nth(1) === SyntaxKind.Word && p.nthOp(2, "=");
}

/** `(source AS target) {WITH FUNCTION f[(args)] | WITHOUT FUNCTION | WITH INOUT} [AS ASSIGNMENT | AS IMPLICIT]` */
function parseCreateCastRest(p: Parser): void {
  parseCastTypes(p);
  if (p.eatKw("without")) p.expectKw("function");
  else {
    p.expectKw("with");
    if (p.eatKw("function")) {
      parseRoutineName(p, "function name");
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p);
    } else p.expectKw("inout");
  }
  if (p.eatKw("as")) {
    if (!p.eatKw("assignment")) p.expectKw("implicit");
  }
}

/** `[[IF NOT EXISTS] name] [(kinds)] ON column | (expr), … FROM table` */
function parseCreateStatisticsRest(p: Parser): void {
  const ifNotExists = p.atKw("if");
  optionalIfNotExists(p);
  // (The name may be left out, but not after IF NOT EXISTS: there is nothing to test then.)
  if (ifNotExists || (!p.atKw("on") && !p.at(SyntaxKind.LParen))) parseQualifiedName(p, "statistics name");
  if (p.at(SyntaxKind.LParen)) {
    p.start(SyntaxKind.NameList);
    p.bump();
    do expectLabel(p, "statistics kind");
    while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  p.expectKw("on");
  p.start(SyntaxKind.ExprList);
  do parseExpr(p);
  while (p.eat(SyntaxKind.Comma));
  p.finish();
  // PostgreSQL's grammar takes a whole FROM list here (aliases, joins); the server takes one table.
  if (p.atKw("from")) parseFromClause(p);
  else p.expectKw("from");
}

/**
 * `name [DEFAULT] FOR TYPE t USING method [FAMILY f] AS item, …` (see
 * `parseOperatorClassItems`).
 */
function parseCreateOperatorClassRest(p: Parser): void {
  parseQualifiedName(p, "operator class name");
  p.eatKw("default");
  p.expectKw("for");
  p.expectKw("type");
  parseTypeName(p);
  p.expectKw("using");
  expectLabel(p, "index method");
  if (p.eatKw("family")) parseQualifiedName(p, "operator family");
  p.expectKw("as");
  parseOperatorClassItems(p);
}

/**
 * `name AS ON {SELECT | INSERT | UPDATE | DELETE} TO table [WHERE condition]
 * DO [ALSO | INSTEAD] {NOTHING | command | (command; …)}`
 */
function parseCreateRuleRest(p: Parser): void {
  expectIdent(p, "rule name");
  p.expectKw("as");
  p.expectKw("on");
  if (p.atKw("select") || p.atKw("insert") || p.atKw("update") || p.atKw("delete")) p.bump();
  else {
    p.expected("SELECT, INSERT, UPDATE or DELETE");
    // Step over a wrong event word (`ON TRUNCATE TO t`) so the rest still parses.
    if (p.at(SyntaxKind.Word) && p.nthKw(1, "to")) p.bump();
  }
  p.expectKw("to");
  parseQualifiedName(p, "table name");
  if (p.atKw("where")) parseWhereClause(p);
  p.expectKw("do");
  if (!p.eatKw("also")) p.eatKw("instead");
  if (p.eatKw("nothing")) return;
  if (p.atStatementEnd) {
    p.expected("NOTHING, a command or commands in parentheses");
    return;
  }
  if (p.at(SyntaxKind.LParen)) {
    // The actions, `;`-separated (the splitter keeps a rule's parenthesized `;` in its segment).
    p.start(SyntaxKind.TriggerBody);
    p.bump();
    while (!p.atEnd && !p.at(SyntaxKind.RParen)) {
      const progress = p.position;
      if (!p.eat(SyntaxKind.Semicolon)) parseStatement(p);
      if (p.position === progress) break;
    }
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  } else parseStatement(p);
}

/** `FOR type LANGUAGE lang (FROM SQL WITH FUNCTION f(args) [, TO SQL WITH FUNCTION g(args)])` (either order). */
function parseCreateTransformRest(p: Parser): void {
  parseTransformTarget(p);
  p.start(SyntaxKind.OptionList);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    do {
      p.start(SyntaxKind.Option);
      if (!p.eatKw("from")) p.expectKw("to");
      p.expectKw("sql");
      p.expectKw("with");
      p.expectKw("function");
      parseRoutineName(p, "function name");
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p);
      p.finish();
    } while (p.eat(SyntaxKind.Comma));
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

