import { SyntaxCode } from "../diagnostic.js";
import { wordClass } from "../syntax/token-cache.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { atIdent, atLabel, expectIdent, expectLabel } from "./names.js";
import type { Checkpoint, Parser } from "./parser.js";
import { atSelectStart, parseOptionalAlias, parseOrderByClause, parseSelectStmt } from "./select.js";
import { parseTypeName } from "./types.js";
import { BP_COMPARE, infixOp, isSubqueryAhead, parseArg, parseCallSuffixes, parseExpr, parseExprBp, parseInfix, parseInfixChain, parsePrefix } from "./expressions.js";

/**
 * PostgreSQL's SQL/JSON and SQL/XML functions. Its grammar makes these names keywords
 * (col_name_keyword) whose argument lists have a syntax of their own — `JSON_OBJECT('a'
 * VALUE 1)`, `XMLELEMENT(NAME x, …)`, `JSON_TABLE(… COLUMNS (…))` — so an unqualified,
 * unquoted call of one is always that form, never a user function (a quoted or qualified
 * name is an ordinary call, and a bare one without `(` an ordinary column).
 */
const SQL_JSON_XML_FUNCTIONS = new Set([
  "json", "json_array", "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
  "json_serialize", "json_table", "json_value", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
  "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
]);
/** Word-class bit of `SQL_JSON_XML_FUNCTIONS`: the one mask test an ordinary call pays. */
export const SQL_JSON_XML_CLASS = wordClass(SQL_JSON_XML_FUNCTIONS);

/** The binding power of `::` and `[`, the tightest infix operators (a subscript is part of a c_expr operand). */
const BP_POSTFIX = 20;
/**
 * The loosest operator of PostgreSQL's b_expr (XMLTABLE's PATH and DEFAULT values,
 * XMLNAMESPACES URIs): arithmetic and comparisons, but no AND / OR / NOT / IS, whose
 * words would otherwise swallow the next column option.
 */
const BP_B_EXPR = BP_COMPARE;

/**
 * A call of one of `SQL_JSON_XML_FUNCTIONS` (PostgreSQL), at its `(`: the argument list
 * in the function's own grammar, then FILTER / OVER for the two aggregates.
 */
export function parseSqlJsonXmlCall(p: Parser, name: string): void {
  if (name === "json_table" || name === "xmltable") {
    // Table functions: FROM takes them (see parseExprListItems), and LATERAL parses its
    // function as an expression; anywhere else PostgreSQL's grammar has no place for them.
    if (p.wordAt(-2) !== "lateral") reportName(p, name, `${name.toUpperCase()} is a table function: it can only be used in FROM`);
  } else if (name === "xmlattributes") reportName(p, name, "XMLATTRIBUTES can only be the second argument of XMLELEMENT");
  else if (name === "xmlnamespaces") reportName(p, name, "XMLNAMESPACES can only be the first argument of XMLTABLE");
  parseSqlJsonXmlArgList(p, name);
  // FILTER and OVER; not WITHIN GROUP (their ORDER BY is inside).
  if ((name === "json_arrayagg" || name === "json_objectagg") && !p.atKw("within")) parseCallSuffixes(p);
  // PostgreSQL subscripts a column, a parameter or a parenthesized expression, never a call
  // of these (its func_expr takes no indirection): the subscript is parsed, and reported.
  if (p.at(SyntaxKind.LBracket)) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, `a subscript cannot follow ${name.toUpperCase()}(…) directly: write (${name.toUpperCase()}(…))[…]`, start, end);
  }
}

/**
 * Whether the current `(` opens the arguments of JSON_TABLE or XMLTABLE as a table
 * function in FROM (PostgreSQL; unqualified and unquoted, like every call of these).
 */
export function atSqlTableFunctionArgs(p: Parser): boolean {
  if (!p.postgres || p.nth(-1) !== SyntaxKind.Word || p.nth(-2) === SyntaxKind.Dot) return false;
  const name = p.wordAt(-1);
  return name === "json_table" || name === "xmltable";
}

/**
 * What follows JSON_TABLE(…) or XMLTABLE(…) in FROM: PostgreSQL gives them a plain alias
 * only, `[AS] name [(column, …)]` — no WITH ORDINALITY (an ordinality column is declared
 * inside: `n FOR ORDINALITY`) and no column definition list (the types are in COLUMNS).
 * WITH ORDINALITY is parsed as after other table functions, and reported; a type in the
 * alias's column list is an error at the type, where PostgreSQL reports it too.
 */
export function parseSqlTableFunctionAlias(p: Parser, name: string): void {
  if (p.atKw("with") && p.nthKw(1, "ordinality")) {
    const [start] = p.currentRange();
    p.bump();
    p.bump();
    p.report(SyntaxCode.UnexpectedToken, `WITH ORDINALITY cannot follow ${name.toUpperCase()}: declare an ordinality column in its COLUMNS (name FOR ORDINALITY)`, start, p.prevEnd());
  }
  parseOptionalAlias(p, true, false);
}

/** Reports the function name just before the current `(`. */
function reportName(p: Parser, name: string, message: string): void {
  const end = p.prevEnd();
  p.report(SyntaxCode.UnexpectedToken, message, end - name.length, end);
}

/** `( arguments )` of SQL/JSON or SQL/XML function `name` as an ArgList (at the `(`). */
function parseSqlJsonXmlArgList(p: Parser, name: string): void {
  p.start(SyntaxKind.ArgList);
  p.bump();
  parseSqlJsonXmlArgsGuarded(p, name);
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

/**
 * The arguments of `name` after its `(`, within a nesting level and with IN an operator
 * again (the call may sit inside POSITION(… IN …)); whatever the grammar did not take is
 * skipped, reported, up to the `)` (which the caller takes).
 */
export function parseSqlJsonXmlArgsGuarded(p: Parser, name: string): void {
  const saved = p.noIn;
  p.noIn = false;
  if (p.enter()) {
    parseSqlJsonXmlArgs(p, name);
    p.leave();
  }
  p.noIn = saved;
  if (!p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.RParen));
}

/**
 * The name of JSON_TABLE or XMLTABLE when the current token follows `json_table (` or
 * `xmltable (` (unqualified): a list the table-reference grammar opened for them.
 */
export function sqlTableFunctionBefore(p: Parser): string | undefined {
  if (!p.postgres || p.nth(-1) !== SyntaxKind.LParen || p.nth(-2) !== SyntaxKind.Word || p.nth(-3) === SyntaxKind.Dot) return undefined;
  const name = p.wordAt(-2);
  return name === "json_table" || name === "xmltable" ? name : undefined;
}

/** The arguments of SQL/JSON or SQL/XML function `name`, after its `(` (the `)` is the caller's). */
function parseSqlJsonXmlArgs(p: Parser, name: string): void {
  switch (name) {
    case "json_object":
    case "json_objectagg":
      parseJsonObjectArgs(p, name === "json_objectagg");
      return;
    case "json_array":
      parseJsonArrayArgs(p);
      return;
    case "json_arrayagg":
      parseJsonValueExpr(p);
      if (p.atKw("order") && p.nthKw(1, "by")) parseOrderByClause(p);
      parseJsonNullClause(p);
      parseJsonReturning(p);
      return;
    case "json":
      parseJsonValueExpr(p);
      parseJsonUniqueKeys(p);
      return;
    case "json_scalar":
      parseExpr(p);
      return;
    case "json_serialize":
      parseJsonValueExpr(p);
      parseJsonReturning(p);
      return;
    case "json_exists":
    case "json_value":
    case "json_query":
      parseJsonQueryArgs(p, name);
      return;
    case "json_table":
      parseJsonTableArgs(p);
      return;
    case "xmlelement":
      parseXmlElementArgs(p);
      return;
    case "xmlattributes":
    case "xmlforest":
      parseXmlAttributeList(p);
      return;
    case "xmlconcat":
      parseRequiredExprList(p);
      return;
    case "xmlparse":
      parseXmlParseArgs(p);
      return;
    case "xmlpi":
      if (parseXmlName(p) && p.eat(SyntaxKind.Comma)) parseExpr(p);
      return;
    case "xmlroot":
      parseXmlRootArgs(p);
      return;
    case "xmlserialize":
      parseXmlSerializeArgs(p);
      return;
    case "xmlexists":
      parseCExpr(p);
      parseXmlPassing(p);
      return;
    case "xmltable":
      parseXmlTableArgs(p);
      return;
    case "xmlnamespaces":
      parseXmlNamespaceList(p);
      return;
  }
}

/**
 * An operand without infix operators after it, PostgreSQL's c_expr (where its grammar
 * takes one: an XMLEXISTS / XMLTABLE argument, a JSON_OBJECT key before VALUE): a prefix
 * expression and its subscripts. `cp` is a checkpoint taken just before, so that
 * `parseInfixChain(p, cp, …)` can continue it into a larger expression.
 */
function parseOperand(p: Parser, cp: Checkpoint): boolean {
  if (!p.enter()) return true;
  const ok = parsePrefix(p);
  while (ok && p.at(SyntaxKind.LBracket)) parseInfix(p, cp, BP_POSTFIX);
  p.leave();
  return ok;
}

/** A c_expr operand (see `parseOperand`). */
function parseCExpr(p: Parser): boolean {
  return parseOperand(p, p.checkpoint());
}

/** One or more comma-separated expressions (an empty list is reported, unlike `parseExprListItems`). */
function parseRequiredExprList(p: Parser): void {
  do {
    if (!parseExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
  } while (p.eat(SyntaxKind.Comma));
}

// --- SQL/JSON clauses

/** `expr [FORMAT JSON [ENCODING name]]`: PostgreSQL's json_value_expr. */
function parseJsonValueExpr(p: Parser): boolean {
  const ok = parseExpr(p);
  parseJsonFormat(p);
  return ok;
}

/** `FORMAT JSON [ENCODING name]` as an Option, if present. */
function parseJsonFormat(p: Parser): void {
  if (!p.atKw("format")) return;
  p.start(SyntaxKind.Option);
  bumpJsonFormat(p);
  p.finish();
}

/** The words of `FORMAT JSON [ENCODING name]`, at FORMAT (JSON is the only format there is). */
function bumpJsonFormat(p: Parser): void {
  p.bump();
  p.expectKw("json");
  if (p.eatKw("encoding")) expectIdent(p, "encoding name");
}

/** `RETURNING type [FORMAT JSON [ENCODING name]]` as an Option, if present. */
function parseJsonReturning(p: Parser): void {
  if (!p.atKw("returning")) return;
  p.start(SyntaxKind.Option);
  p.bump();
  parseTypeName(p);
  if (p.atKw("format")) bumpJsonFormat(p);
  p.finish();
}

/** `{NULL | ABSENT} ON NULL` (the constructors' treatment of SQL nulls) as an Option, if present. */
function parseJsonNullClause(p: Parser): void {
  if (!((p.atKw("null") || p.atKw("absent")) && p.nthKw(1, "on"))) return;
  p.start(SyntaxKind.Option);
  p.bump();
  p.bump();
  p.expectKw("null");
  p.finish();
}

/** `{WITH | WITHOUT} UNIQUE [KEYS]` as an Option, if present (also after `IS JSON`). */
export function parseJsonUniqueKeys(p: Parser): void {
  if (!((p.atKw("with") || p.atKw("without")) && p.nthKw(1, "unique"))) return;
  p.start(SyntaxKind.Option);
  p.bump();
  p.bump();
  p.eatKw("keys");
  p.finish();
}

/**
 * JSON_OBJECT / JSON_OBJECTAGG: `key VALUE value` or `key : value` members (exactly one
 * for the aggregate) and the ON NULL, UNIQUE KEYS and RETURNING clauses;
 * `JSON_OBJECT([RETURNING …])`; and JSON_OBJECT's older form, an ordinary argument list
 * (`json_object('{a,1}')`: the text[] functions), which takes none of the clauses.
 */
function parseJsonObjectArgs(p: Parser, aggregate: boolean): void {
  if (!aggregate && (p.at(SyntaxKind.RParen) || p.atKw("returning"))) {
    parseJsonReturning(p);
    return;
  }
  const pairs = parseJsonObjectMember(p, aggregate ? true : undefined);
  if (!aggregate) while (p.eat(SyntaxKind.Comma)) parseJsonObjectMember(p, pairs);
  if (!pairs) return;
  parseJsonNullClause(p);
  parseJsonUniqueKeys(p);
  parseJsonReturning(p);
}

/**
 * One JSON_OBJECT argument; returns whether it is a `key VALUE value` / `key : value`
 * member (a NamedArg). `pairs` is what the first argument was (undefined for the first
 * itself): the two forms do not mix. The key before VALUE is a c_expr in PostgreSQL's
 * grammar (`(a || b) VALUE …`), the key before `:` any expression.
 */
function parseJsonObjectMember(p: Parser, pairs: boolean | undefined): boolean {
  if (pairs !== true && atLabel(p) && p.nth(1) === SyntaxKind.Operator && (p.wordAt(1) === "=>" || p.wordAt(1) === ":=")) {
    parseArg(p);
    return false;
  }
  // A c_expr never starts with an operator (`-1`, `NOT x`): such a key is a whole expression.
  const operandKey = !p.at(SyntaxKind.Operator) && !p.atKw("not");
  const cp = p.checkpoint();
  if (!parseOperand(p, cp)) {
    p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
    return pairs ?? false;
  }
  const simple = operandKey && p.atKw("value");
  if (!simple) parseInfixChain(p, cp, 0);
  if (!p.atKw("value") && !p.at(SyntaxKind.Colon)) {
    if (pairs === true) p.expected("VALUE or ':'");
    return false;
  }
  if (pairs === false) p.expected("',' or ')'");
  else if (!simple && p.atKw("value")) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, "a key with operators needs parentheses before VALUE (or use ':')", start, end);
  }
  p.startAt(cp, SyntaxKind.NamedArg);
  p.bump();
  parseJsonValueExpr(p);
  p.finish();
  return true;
}

/**
 * JSON_ARRAY: `value [FORMAT JSON], … [ON NULL] [RETURNING …]`, `query [FORMAT JSON]
 * [RETURNING …]` (the array of a query's one column), or just `[RETURNING …]`.
 */
function parseJsonArrayArgs(p: Parser): void {
  if (p.at(SyntaxKind.RParen) || p.atKw("returning")) {
    parseJsonReturning(p);
    return;
  }
  if (p.atKw("select") || p.atKw("values") || p.atKw("with") || p.atKw("table") || (isSubqueryAhead(p) && parenQueryContinues(p))) {
    parseSelectStmt(p);
    if (p.atKw("json") && p.wordAt(-1) === "format") {
      // `SELECT x FORMAT JSON`: the query's grammar took FORMAT for an alias (PostgreSQL's
      // lexer pairs FORMAT with a following JSON before its grammar sees either), so the
      // JSON left over finishes the format clause.
      p.start(SyntaxKind.Option);
      p.bump();
      if (p.eatKw("encoding")) expectIdent(p, "encoding name");
      p.finish();
    } else parseJsonFormat(p);
    parseJsonReturning(p);
    return;
  }
  do {
    if (!parseJsonValueExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
  } while (p.eat(SyntaxKind.Comma));
  parseJsonNullClause(p);
  parseJsonReturning(p);
}

/**
 * At a `(` that opens a subquery: whether a set operation or ORDER BY / LIMIT / OFFSET /
 * FETCH follows its `)`, so the parenthesized query only begins a larger one
 * (`JSON_ARRAY((SELECT 1) UNION (SELECT 2))`) instead of being a value.
 */
function parenQueryContinues(p: Parser): boolean {
  let depth = 0;
  for (let n = 0; ; n++) {
    const k = p.nth(n);
    if (k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return false;
    if (k === SyntaxKind.LParen) depth++;
    else if (k === SyntaxKind.RParen && --depth === 0) {
      if (p.nth(n + 1) !== SyntaxKind.Word) return false;
      const w = p.wordAt(n + 1);
      return w === "union" || w === "intersect" || w === "except" || w === "order" || w === "limit" || w === "offset" || w === "fetch";
    }
  }
}

/**
 * JSON_EXISTS / JSON_VALUE / JSON_QUERY: `context [FORMAT JSON], path [PASSING …]`, then
 * in PostgreSQL's order the clauses each one takes: RETURNING (not JSON_EXISTS), the
 * wrapper and quotes clauses (JSON_QUERY), ON EMPTY (not JSON_EXISTS) and ON ERROR.
 */
function parseJsonQueryArgs(p: Parser, name: string): void {
  parseJsonValueExpr(p);
  if (!p.expect(SyntaxKind.Comma, "','")) return;
  parseExpr(p);
  parseJsonPassing(p);
  const exists = name === "json_exists";
  if (!exists) parseJsonReturning(p);
  if (name === "json_query") {
    parseJsonWrapper(p);
    parseJsonQuotes(p);
  }
  parseJsonBehaviors(p, !exists);
}

/** `PASSING value [FORMAT JSON] AS name, …` (the path's variables) as an Option, if present. */
/**
 * The `AS name` after a value parsed from checkpoint `cp` (PASSING's variables,
 * XMLNAMESPACES' prefixes): wraps value and name in a `NamedArg`, or reports the missing AS.
 */
function finishNamedValue(p: Parser, cp: Checkpoint, what: string): void {
  if (!p.atKw("as")) {
    p.expected("AS");
    return;
  }
  p.startAt(cp, SyntaxKind.NamedArg);
  p.bump();
  expectLabel(p, what);
  p.finish();
}

function parseJsonPassing(p: Parser): void {
  if (!p.atKw("passing")) return;
  p.start(SyntaxKind.Option);
  p.bump();
  do {
    const cp = p.checkpoint();
    if (!parseJsonValueExpr(p)) {
      p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen) || p.atKw("columns"));
      continue;
    }
    finishNamedValue(p, cp, "variable name");
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** `WITH [CONDITIONAL | UNCONDITIONAL] [ARRAY] WRAPPER` / `WITHOUT [ARRAY] WRAPPER` as an Option, if present. */
function parseJsonWrapper(p: Parser): void {
  const without = p.atKw("without");
  if (!without && !p.atKw("with")) return;
  const next = p.nth(1) === SyntaxKind.Word ? p.wordAt(1) : undefined;
  if (next !== "wrapper" && next !== "array" && next !== "conditional" && next !== "unconditional") return;
  p.start(SyntaxKind.Option);
  p.bump();
  if (p.atKw("conditional") || p.atKw("unconditional")) {
    if (without) p.errorBump(`unexpected ${p.word!.toUpperCase()} after WITHOUT`);
    else p.bump();
  }
  p.eatKw("array");
  p.expectKw("wrapper");
  p.finish();
}

/** `{KEEP | OMIT} QUOTES [ON SCALAR STRING]` as an Option, if present. */
function parseJsonQuotes(p: Parser): void {
  if (!((p.atKw("keep") || p.atKw("omit")) && p.nthKw(1, "quotes"))) return;
  p.start(SyntaxKind.Option);
  p.bump();
  p.bump();
  if (p.eatKw("on")) {
    p.expectKw("scalar");
    p.expectKw("string");
  }
  p.finish();
}

/** Whether a JSON behavior (`ERROR`, `NULL`, `EMPTY ARRAY`, `DEFAULT expr`, …) starts here. */
function atJsonBehavior(p: Parser): boolean {
  if (!p.at(SyntaxKind.Word)) return false;
  switch (p.word) {
    case "error":
    case "null":
    case "true":
    case "false":
    case "unknown":
    case "empty":
    case "default":
      return true;
    default:
      return false;
  }
}

/**
 * `behavior ON EMPTY` then `behavior ON ERROR`, each optional (one Option each). Without
 * `onEmpty` (JSON_EXISTS, EXISTS columns, JSON_TABLE itself) only ON ERROR may follow.
 */
function parseJsonBehaviors(p: Parser, onEmpty: boolean): void {
  if (!atJsonBehavior(p)) return;
  if (parseJsonBehavior(p, onEmpty) === "empty" && atJsonBehavior(p)) parseJsonBehavior(p, false);
}

/** One `behavior ON {EMPTY | ERROR}` (an Option); returns the event it handles, if well formed. */
function parseJsonBehavior(p: Parser, emptyAllowed: boolean): "empty" | "error" | undefined {
  p.start(SyntaxKind.Option);
  if (p.atKw("default")) {
    p.bump();
    parseExpr(p);
  } else if (p.atKw("empty")) {
    p.bump();
    if (p.atKw("array") || p.atKw("object")) p.bump();
  } else p.bump();
  let event: "empty" | "error" | undefined;
  if (p.expectKw("on")) {
    if (p.atKw("error")) event = "error";
    else if (p.atKw("empty") && emptyAllowed) event = "empty";
    if (event !== undefined) p.bump();
    else p.expected(emptyAllowed ? "EMPTY or ERROR" : "ERROR");
  }
  p.finish();
  return event;
}

/**
 * JSON_TABLE: `context [FORMAT JSON], 'path' [AS name] [PASSING …] COLUMNS (…)
 * [behavior ON ERROR]`.
 */
function parseJsonTableArgs(p: Parser): void {
  parseJsonValueExpr(p);
  if (!p.expect(SyntaxKind.Comma, "','")) return;
  parseJsonTablePath(p);
  if (p.atKw("as")) {
    p.start(SyntaxKind.Alias);
    p.bump();
    expectIdent(p, "path name");
    p.finish();
  }
  parseJsonPassing(p);
  parseJsonTableColumns(p);
  parseJsonBehaviors(p, false);
}

/**
 * JSON_TABLE's row path: PostgreSQL takes a string constant only, in any number of
 * parentheses (`'$'`, `(('$'))`, not `('$' || x)`, `(1)` or a bit string).
 */
function parseJsonTablePath(p: Parser): void {
  // Where the operand ends when it is such a constant (a subscript `('$')[1]` goes on past it).
  const constantEnd = p.position + stringConstantTokens(p);
  const [start] = p.currentRange();
  const cp = p.checkpoint();
  if (!parseOperand(p, cp)) return;
  if (p.position === constantEnd && infixOp(p) === 0) return;
  parseInfixChain(p, cp, 0);
  p.report(SyntaxCode.UnexpectedToken, "the path of JSON_TABLE must be a string literal", start, p.prevEnd());
}

/**
 * The number of tokens of a plain string constant in zero or more parentheses here (0 when
 * there is none): a `'…'`, `E'…'`, `U&'…'` [UESCAPE '…'] or dollar-quoted string (with the
 * strings that continue it), not a bit string (`B'…'`, `X'…'`) nor `N'…'` (a typed constant).
 * What follows it, and whether the parsed operand ended where it does, is the caller's to check.
 */
function stringConstantTokens(p: Parser): number {
  let n = 0;
  while (p.nth(n) === SyntaxKind.LParen) n++;
  if (p.nth(n) !== SyntaxKind.String) return 0;
  const first = p.tokenText(n).charCodeAt(0);
  // b B n N x X: the prefixes of bit strings and of national-character constants.
  if (first === 98 || first === 66 || first === 110 || first === 78 || first === 120 || first === 88) return 0;
  // U&'…' UESCAPE '!' is one constant of three tokens; '…' on the next line continues a string.
  let length = (first === 117 || first === 85) && p.nthKw(n + 1, "uescape") && p.nth(n + 2) === SyntaxKind.String ? 3 : 1;
  while (p.nth(n + length) === SyntaxKind.String) length++;
  for (let i = 0; i < n; i++) if (p.nth(n + length + i) !== SyntaxKind.RParen) return 0;
  return 2 * n + length;
}

/**
 * `COLUMNS ( column, … )` of JSON_TABLE or of a NESTED column, as a TableElementList;
 * `parseColumn` parses one column (MySQL's JSON_TABLE has columns of its own).
 */
export function parseJsonTableColumns(p: Parser, parseColumn: (p: Parser) => void = parseJsonTableColumn): void {
  if (!p.atKw("columns")) {
    p.expected("COLUMNS");
    return;
  }
  p.start(SyntaxKind.TableElementList);
  p.bump();
  if (p.expect(SyntaxKind.LParen, "'('") && p.enter()) {
    do {
      parseColumn(p);
      if (!p.at(SyntaxKind.Comma) && !p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
    } while (p.eat(SyntaxKind.Comma));
    p.leave();
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

/**
 * One JSON_TABLE column (a ColumnDef): `name FOR ORDINALITY`; `name type EXISTS [PATH 'p']
 * [ON ERROR]`; `name type [FORMAT JSON] [PATH 'p'] [wrapper] [quotes] [ON EMPTY] [ON
 * ERROR]`; or `NESTED [PATH] 'p' [AS name] COLUMNS (…)`.
 */
function parseJsonTableColumn(p: Parser): void {
  // `NESTED PATH …` is always the nested form in PostgreSQL's grammar, never a column
  // `nested` of type `path`.
  if (p.atKw("nested") && (p.nth(1) === SyntaxKind.String || p.nthKw(1, "path"))) {
    p.start(SyntaxKind.ColumnDef);
    p.bump();
    p.start(SyntaxKind.Option);
    p.eatKw("path");
    p.expect(SyntaxKind.String, "path string");
    p.finish();
    if (p.atKw("as")) {
      p.start(SyntaxKind.Alias);
      p.bump();
      expectIdent(p, "path name");
      p.finish();
    }
    parseJsonTableColumns(p);
    p.finish();
    return;
  }
  if (!atIdent(p)) {
    p.expected("column name");
    return;
  }
  p.start(SyntaxKind.ColumnDef);
  p.bumpIdent();
  if (p.atKw("for")) {
    p.bump();
    p.expectKw("ordinality");
  } else if (parseTypeName(p)) {
    if (p.atKw("exists")) {
      p.bump();
      parseJsonTableColumnPath(p);
      parseJsonBehaviors(p, false);
    } else {
      parseJsonFormat(p);
      parseJsonTableColumnPath(p);
      parseJsonWrapper(p);
      parseJsonQuotes(p);
      parseJsonBehaviors(p, true);
    }
  }
  p.finish();
}

/** A JSON_TABLE column's `PATH 'p'` (a string constant) as an Option, if present. */
function parseJsonTableColumnPath(p: Parser): void {
  if (!p.atKw("path")) return;
  p.start(SyntaxKind.Option);
  p.bump();
  p.expect(SyntaxKind.String, "path string");
  p.finish();
}

// --- SQL/XML

/** `NAME label` (XMLELEMENT, XMLPI) as an Option; false (reported) when missing. */
function parseXmlName(p: Parser): boolean {
  if (!p.atKw("name")) {
    p.expected("NAME");
    return false;
  }
  p.start(SyntaxKind.Option);
  p.bump();
  const ok = expectLabel(p, "name");
  p.finish();
  return ok;
}

/** XMLELEMENT: `NAME name [, XMLATTRIBUTES(…)] [, content, …]`. */
function parseXmlElementArgs(p: Parser): void {
  if (!parseXmlName(p) || !p.eat(SyntaxKind.Comma)) return;
  if (p.atKw("xmlattributes") && p.nth(1) === SyntaxKind.LParen) {
    p.start(SyntaxKind.FunctionCall);
    p.leaf(SyntaxKind.QualifiedName, SyntaxKind.Ident);
    parseSqlJsonXmlArgList(p, "xmlattributes");
    p.finish();
    if (!p.eat(SyntaxKind.Comma)) return;
  }
  parseRequiredExprList(p);
}

/** XMLATTRIBUTES / XMLFOREST: `value [AS name], …` (a named one is a NamedArg). */
function parseXmlAttributeList(p: Parser): void {
  do {
    const cp = p.checkpoint();
    if (!parseExpr(p)) {
      p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
      continue;
    }
    if (p.atKw("as")) {
      p.startAt(cp, SyntaxKind.NamedArg);
      p.bump();
      expectLabel(p, "name");
      p.finish();
    }
  } while (p.eat(SyntaxKind.Comma));
}

/** The DOCUMENT or CONTENT word of XMLPARSE / XMLSERIALIZE (reported when missing). */
function parseXmlDocumentOrContent(p: Parser): void {
  if (p.atKw("document") || p.atKw("content")) p.bump();
  else p.expected("DOCUMENT or CONTENT");
}

/** XMLPARSE: `{DOCUMENT | CONTENT} text [{PRESERVE | STRIP} WHITESPACE]`. */
function parseXmlParseArgs(p: Parser): void {
  parseXmlDocumentOrContent(p);
  parseExpr(p);
  if (p.atKw("preserve") || p.atKw("strip")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.expectKw("whitespace");
    p.finish();
  }
}

/** XMLROOT: `xml, VERSION {expr | NO VALUE} [, STANDALONE {YES | NO | NO VALUE}]`. */
function parseXmlRootArgs(p: Parser): void {
  parseExpr(p);
  if (!p.expect(SyntaxKind.Comma, "','")) return;
  if (!p.atKw("version")) {
    p.expected("VERSION");
    return;
  }
  p.start(SyntaxKind.Option);
  p.bump();
  if (p.atKw("no") && p.nthKw(1, "value")) {
    p.bump();
    p.bump();
  } else parseExpr(p);
  p.finish();
  if (!p.eat(SyntaxKind.Comma)) return;
  if (!p.atKw("standalone")) {
    p.expected("STANDALONE");
    return;
  }
  p.start(SyntaxKind.Option);
  p.bump();
  if (p.atKw("yes")) p.bump();
  else if (p.eatKw("no")) p.eatKw("value");
  else p.expected("YES, NO or NO VALUE");
  p.finish();
}

/** XMLSERIALIZE: `{DOCUMENT | CONTENT} xml AS type [[NO] INDENT]`. */
function parseXmlSerializeArgs(p: Parser): void {
  parseXmlDocumentOrContent(p);
  parseExpr(p);
  if (!p.expectKw("as")) return;
  if (parseTypeName(p) && (p.nth(-1) === SyntaxKind.RBracket || p.wordAt(-1) === "array")) {
    // PostgreSQL's SimpleTypename: no array bounds.
    p.report(SyntaxCode.UnexpectedToken, "XMLSERIALIZE cannot produce an array type", p.prevEnd() - 1, p.prevEnd());
  }
  if (p.atKw("indent") || (p.atKw("no") && p.nthKw(1, "indent"))) {
    p.start(SyntaxKind.Option);
    if (p.atKw("no")) p.bump();
    p.bump();
    p.finish();
  }
}

/** `PASSING [BY {REF | VALUE}] xml [BY {REF | VALUE}]` (XMLEXISTS, XMLTABLE) as an Option; reported when missing. */
function parseXmlPassing(p: Parser): void {
  if (!p.atKw("passing")) {
    p.expected("PASSING");
    return;
  }
  p.start(SyntaxKind.Option);
  p.bump();
  parseXmlPassingMechanism(p);
  parseCExpr(p);
  parseXmlPassingMechanism(p);
  p.finish();
}

/** `BY REF` / `BY VALUE`, if present. */
function parseXmlPassingMechanism(p: Parser): void {
  if (!p.eatKw("by")) return;
  if (p.atKw("ref") || p.atKw("value")) p.bump();
  else p.expected("REF or VALUE");
}

/**
 * XMLTABLE: `[XMLNAMESPACES(…),] row_path PASSING [BY …] xml [BY …] COLUMNS column, …`
 * (the columns, without parentheses, as a TableElementList led by COLUMNS).
 */
function parseXmlTableArgs(p: Parser): void {
  if (p.atKw("xmlnamespaces") && p.nth(1) === SyntaxKind.LParen) {
    p.start(SyntaxKind.FunctionCall);
    p.leaf(SyntaxKind.QualifiedName, SyntaxKind.Ident);
    parseSqlJsonXmlArgList(p, "xmlnamespaces");
    p.finish();
    p.expect(SyntaxKind.Comma, "','");
  }
  parseCExpr(p);
  parseXmlPassing(p);
  if (!p.atKw("columns")) {
    p.expected("COLUMNS");
    return;
  }
  p.start(SyntaxKind.TableElementList);
  p.bump();
  do {
    parseXmlTableColumn(p);
    if (!p.at(SyntaxKind.Comma) && !p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/**
 * One XMLTABLE column (a ColumnDef): `name FOR ORDINALITY` or `name type` with PATH
 * (an Option), DEFAULT and [NOT] NULL (ColumnConstraints) in any order, each at most once.
 */
function parseXmlTableColumn(p: Parser): void {
  if (!atIdent(p)) {
    p.expected("column name");
    return;
  }
  p.start(SyntaxKind.ColumnDef);
  p.bumpIdent();
  if (p.atKw("for")) {
    p.bump();
    p.expectKw("ordinality");
    p.finish();
    return;
  }
  parseTypeName(p);
  let path = false;
  let fallback = false;
  let nullability = false;
  for (;;) {
    const [start, end] = p.currentRange();
    let repeated: string | undefined;
    if (p.atKw("path")) {
      if (path) repeated = "only one PATH per column is allowed";
      path = true;
      p.start(SyntaxKind.Option);
      p.bump();
      parseExprBp(p, BP_B_EXPR);
      p.finish();
    } else if (p.atKw("default")) {
      if (fallback) repeated = "only one DEFAULT per column is allowed";
      fallback = true;
      p.start(SyntaxKind.ColumnConstraint);
      p.bump();
      parseExprBp(p, BP_B_EXPR);
      p.finish();
    } else if (p.atKw("null") || (p.atKw("not") && p.nthKw(1, "null"))) {
      if (nullability) repeated = "conflicting or redundant NULL / NOT NULL declarations";
      nullability = true;
      p.start(SyntaxKind.ColumnConstraint);
      if (p.atKw("not")) p.bump();
      p.bump();
      p.finish();
    } else break;
    if (repeated !== undefined) p.report(SyntaxCode.UnexpectedToken, repeated, start, end);
  }
  p.finish();
}

/** XMLNAMESPACES: `uri AS prefix, …` and at most one `DEFAULT uri` (an Option). */
function parseXmlNamespaceList(p: Parser): void {
  do {
    if (p.atKw("default")) {
      p.start(SyntaxKind.Option);
      p.bump();
      parseExprBp(p, BP_B_EXPR);
      p.finish();
      continue;
    }
    const cp = p.checkpoint();
    if (!parseExprBp(p, BP_B_EXPR)) {
      p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
      continue;
    }
    finishNamedValue(p, cp, "namespace prefix");
  } while (p.eat(SyntaxKind.Comma));
}

export { atSelectStart };
