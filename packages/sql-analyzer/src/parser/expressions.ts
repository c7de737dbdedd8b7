import { Kw } from "../lexer/keyword-ids.js";
import { SyntaxCode } from "../diagnostic.js";
import { FUNCTION_NAME_CLASS } from "../lexer/keywords.js";
import { wordClass } from "../syntax/token-cache.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { atIdent, atLabel, expectIdent, expectLabel, isReservedAt } from "./names.js";
import type { Parser } from "./parser.js";
import { atSelectStart, parenGroupContinues, parseOrderByClause, parseSelectStmt, parseWindowSpec } from "./select.js";
import { parseIntervalFields, parseTypeName } from "./types.js";

// Binding powers, loosest first (PostgreSQL's operator precedence table).
const BP_OR = 1;
const BP_AND = 2;
const BP_NOT = 3;
const BP_IS = 4;
const BP_COMPARE = 5;
const BP_LIKE = 6;
const BP_OTHER = 7;
const BP_ADD = 8;
const BP_MUL = 9;
const BP_EXP = 10;
const BP_AT = 11;
const BP_COLLATE = 12;
const BP_UNARY = 13;

const COMPARISON = new Set(["=", "<", ">", "<=", ">=", "<>", "!=", "<=>", "=="]);
/** Word-class bit of `COMPARISON` (operators are interned with class bits too: a mask test per operator). */
const COMPARISON_CLASS = wordClass(COMPARISON);
const SPECIAL_ARG_FUNCTIONS = new Set(["extract", "position", "substring", "substr", "trim", "overlay", "normalize"]);
const VALUE_KEYWORDS = new Set([
  "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user",
  "user", "current_role", "current_catalog", "current_schema", "system_user",
]);
/** Word-class bit of `VALUE_KEYWORDS` (a mask test per token instead of a set lookup). */
const VALUE_CLASS = wordClass(VALUE_KEYWORDS);
const TYPED_LITERAL_WORDS = new Set(["date", "time", "timestamp", "timestamptz", "interval", "json", "jsonb", "uuid", "inet"]);

/** Parses an expression; returns false (after reporting) when none starts here. */
export function parseExpr(p: Parser): boolean {
  return parseExprBp(p, 0);
}

/** A select-list or RETURNING item: `*` or an expression. */
export function parseExprOrStar(p: Parser): boolean {
  if (p.atOp("*")) {
    p.start(SyntaxKind.StarExpr);
    p.bump();
    p.finish();
    return true;
  }
  return parseExpr(p);
}

/** Whether an expression can start at the current token. */
export function atExprStart(p: Parser): boolean {
  switch (p.kind) {
    case SyntaxKind.Number:
    case SyntaxKind.String:
    case SyntaxKind.Param:
    case SyntaxKind.Variable:
    case SyntaxKind.QuotedIdent:
    case SyntaxKind.LParen:
    case SyntaxKind.Colon:
      return true;
    case SyntaxKind.Operator:
      return p.word !== "=" && p.word !== "<" && p.word !== ">" && p.word !== "*" && p.word !== "/";
    case SyntaxKind.Word:
      return !isReservedAt(p) || isExprKeyword(p);
    default:
      return false;
  }
}

function isExprKeyword(p: Parser): boolean {
  const w = p.word!;
  switch (p.kw) {
    case Kw.not:
    case Kw.case:
    case Kw.cast:
    case Kw.exists:
    case Kw.array:
    case Kw.true:
    case Kw.false:
    case Kw.null:
    case Kw.default:
    case Kw.interval:
    case Kw.row:
    case Kw.any:
    case Kw.some:
    case Kw.all:
    case Kw.binary:
    case Kw.distinct:
      return true;
    default:
      return (p.wordClassesAt(0) & VALUE_CLASS) !== 0 || ((p.wordClassesAt(0) & FUNCTION_NAME_CLASS) !== 0 && p.nth(1) === SyntaxKind.LParen);
  }
}

/** Expression with binding power at least `minBp` (a Pratt loop). */
export function parseExprBp(p: Parser, minBp: number): boolean {
  if (!p.enter()) return true;
  const cp = p.checkpoint();
  const ok = parsePrefix(p);
  if (!ok) {
    p.leave();
    return false;
  }
  let lastCompare = false;
  for (;;) {
    const progress = p.position;
    const op = infixOp(p);
    if (op === 0 || op < minBp || op <= 0) break;
    if (op === BP_COMPARE && lastCompare && p.postgres) {
      // PostgreSQL's comparison operators do not associate: `a < b < c` is an
      // error. Report it and parse on as if they did, so nothing cascades.
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "comparison operators cannot be chained", start, end);
    }
    lastCompare = op === BP_COMPARE;
    if (!parseInfix(p, cp, op)) break;
    if (p.position === progress) break;
  }
  p.leave();
  return true;
}

/** The binding power of the infix/postfix operator at the current token (0 if none). */
function infixOp(p: Parser): number {
  switch (p.kind) {
    case SyntaxKind.Operator: {
      const w = p.word!;
      if ((p.wordClassesAt(0) & COMPARISON_CLASS) !== 0) return BP_COMPARE;
      if (w === "+" || w === "-") return BP_ADD;
      if (w === "*" || w === "/" || w === "%") return BP_MUL;
      if (w === "^") return BP_EXP;
      if (p.mysql) {
        if (w === "||") return BP_OR;
        if (w === "&&") return BP_AND;
        if (w === ":=") return 0;
      }
      if (w === ":=") return 0;
      return BP_OTHER;
    }
    case SyntaxKind.DoubleColon:
    case SyntaxKind.LBracket:
      return p.postgres || p.kind === SyntaxKind.DoubleColon ? 20 : 0;
    case SyntaxKind.Word: {
      switch (p.kw) {
        case Kw.or:
          return BP_OR;
        case Kw.xor:
          return p.mysql ? BP_OR : 0;
        case Kw.and:
          return BP_AND;
        case Kw.is:
        case Kw.isnull:
        case Kw.notnull:
          return BP_IS;
        case Kw.in:
          return p.noIn ? 0 : BP_LIKE;
        case Kw.between:
        case Kw.like:
        case Kw.ilike:
        case Kw.similar:
        case Kw.glob:
        case Kw.regexp:
        case Kw.rlike:
        case Kw.match:
          return BP_LIKE;
        case Kw.not: {
          const n = p.kwAt(1);
          if (n === Kw.null && p.sqlite) return BP_IS;
          return n === Kw.between || n === Kw.in || n === Kw.like || n === Kw.ilike || n === Kw.similar || n === Kw.glob || n === Kw.regexp || n === Kw.rlike || n === Kw.match
            ? BP_LIKE
            : 0;
        }
        case Kw.div:
        case Kw.mod:
          return p.mysql ? BP_MUL : 0;
        case Kw.overlaps:
          return p.postgres ? BP_OTHER : 0;
        case Kw.at:
          return p.nthK(1, Kw.time) || p.nthK(1, Kw.local) ? BP_AT : 0;
        case Kw.collate:
          return BP_COLLATE;
        case Kw.escape:
          return 0;
        default:
          return 0;
      }
    }
    default:
      return 0;
  }
}

function parseInfix(p: Parser, cp: number, bp: number): boolean {
  if (p.at(SyntaxKind.DoubleColon)) {
    p.startAt(cp, SyntaxKind.CastExpr);
    if (!p.postgres) p.wrongDialect("'::'", "use CAST(… AS …)");
    p.bump();
    parseTypeName(p);
    p.finish();
    return true;
  }
  if (p.at(SyntaxKind.LBracket)) {
    p.startAt(cp, SyntaxKind.SubscriptExpr);
    p.bump();
    if (!p.at(SyntaxKind.Colon)) parseExpr(p);
    if (p.eat(SyntaxKind.Colon) && !p.at(SyntaxKind.RBracket)) parseExpr(p);
    p.expect(SyntaxKind.RBracket, "']'");
    p.finish();
    return true;
  }
  if (p.at(SyntaxKind.Operator)) {
    p.startAt(cp, SyntaxKind.BinaryExpr);
    p.bump();
    // `x = ANY (…)`, `x > ALL (…)`
    if ((p.atK(Kw.any) || p.atK(Kw.some) || p.atK(Kw.all)) && p.nth(1) === SyntaxKind.LParen) parseQuantified(p);
    else if (!parseExprBp(p, bp + 1)) {
      /* reported */
    }
    p.finish();
    return true;
  }
  const w = p.word!;
  switch (p.kw) {
    case Kw.or:
    case Kw.and:
    case Kw.xor:
    case Kw.div:
    case Kw.mod:
    case Kw.overlaps:
      p.startAt(cp, SyntaxKind.BinaryExpr);
      p.bump();
      parseExprBp(p, bp + 1);
      p.finish();
      return true;
    case Kw.isnull:
    case Kw.notnull:
      p.startAt(cp, SyntaxKind.IsExpr);
      p.bump();
      p.finish();
      return true;

    case Kw.is:
      p.startAt(cp, SyntaxKind.IsExpr);
      p.bump();
      p.eatK(Kw.not);
      if (p.atK(Kw.distinct)) {
        p.bump();
        p.expectK(Kw.from);
        parseExprBp(p, BP_IS + 1);
      } else if (p.atK(Kw.null) || p.atK(Kw.true) || p.atK(Kw.false) || p.atK(Kw.unknown) || p.atK(Kw.document)) p.bump();
      else if (p.atK(Kw.json)) {
        p.bump();
        if (p.atK(Kw.value) || p.atK(Kw.array) || p.atK(Kw.object) || p.atK(Kw.scalar)) p.bump();
      } else if (p.atK(Kw.normalized) || (p.at(SyntaxKind.Word) && p.nthK(1, Kw.normalized))) {
        if (!p.atK(Kw.normalized)) p.bump();
        p.bump();
      } else if (p.sqlite) parseExprBp(p, BP_IS + 1);
      else p.expected("NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM");
      p.finish();
      return true;
    case Kw.not:
    case Kw.between:
    case Kw.in:
    case Kw.like:
    case Kw.ilike:
    case Kw.similar:
    case Kw.glob:
    case Kw.regexp:
    case Kw.rlike:
    case Kw.match: {
      if (w === "not" && p.sqlite && p.nthK(1, Kw.null)) {
        // SQLite's postfix `x NOT NULL`
        p.startAt(cp, SyntaxKind.IsExpr);
        p.bump();
        p.bump();
        p.finish();
        return true;
      }
      const negated = w === "not";
      const op = negated ? p.wordAt(1)! : w;
      if ((op === "ilike" || op === "similar") && !p.postgres) p.wrongDialect(op.toUpperCase(), op === "ilike" ? "use LOWER(a) LIKE LOWER(b)" : "use a regular-expression operator");
      if ((op === "regexp" || op === "rlike") && p.postgres) p.wrongDialect(op.toUpperCase(), "use the ~ operator");
      const kind = op === "between" ? SyntaxKind.BetweenExpr : op === "in" ? SyntaxKind.InExpr : SyntaxKind.LikeExpr;
      p.startAt(cp, kind);
      if (negated) p.bump();
      p.bump();
      if (op === "between") {
        p.eatK(Kw.symmetric) || p.eatK(Kw.asymmetric);
        parseExprBp(p, BP_LIKE + 1);
        p.expectK(Kw.and);
        parseExprBp(p, BP_LIKE + 1);
      } else if (op === "in") {
        parseInList(p);
      } else {
        if (op === "similar") p.expectK(Kw.to);
        if ((p.atK(Kw.any) || p.atK(Kw.all) || p.atK(Kw.some)) && p.nth(1) === SyntaxKind.LParen) parseQuantified(p);
        else parseExprBp(p, BP_LIKE + 1);
        if (p.eatK(Kw.escape)) parseExprBp(p, BP_LIKE + 1);
      }
      p.finish();
      return true;
    }
    case Kw.at:
      p.startAt(cp, SyntaxKind.AtTimeZoneExpr);
      p.bump();
      if (p.eatK(Kw.local)) {
        p.finish();
        return true;
      }
      p.expectK(Kw.time);
      p.expectK(Kw.zone);
      parseExprBp(p, BP_AT + 1);
      p.finish();
      return true;
    case Kw.collate:
      p.startAt(cp, SyntaxKind.CollateExpr);
      p.bump();
      if (p.at(SyntaxKind.String) && !p.postgres) p.bump();
      else {
        p.start(SyntaxKind.QualifiedName);
        if (p.postgres) expectIdent(p, "collation name");
        else expectLabel(p, "collation name");
        while (p.at(SyntaxKind.Dot) && atLabel(p, 1)) {
          p.bump();
          p.bumpIdent();
        }
        p.finish();
      }
      p.finish();
      return true;
    default:
      return false;
  }
}

function parseInList(p: Parser): void {
  if (!p.at(SyntaxKind.LParen)) {
    // SQLite allows `x IN table_name`.
    if (p.sqlite && atIdent(p)) {
      p.start(SyntaxKind.QualifiedName);
      p.bumpIdent();
      if (p.at(SyntaxKind.Dot)) {
        p.bump();
        expectLabel(p);
      }
      p.finish();
      return;
    }
    p.expected("'('");
    return;
  }
  if (isSubqueryAhead(p)) {
    parseSubquery(p, SyntaxKind.SubqueryExpr);
    return;
  }
  p.start(SyntaxKind.ExprList);
  p.bump();
  // `IN ()` is SQLite-only.
  if (p.at(SyntaxKind.RParen) && !p.sqlite) p.expected("expression");
  parseExprListItems(p);
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

/** Comma-separated expressions (without the surrounding parentheses). */
export function parseExprListItems(p: Parser): void {
  if (p.at(SyntaxKind.RParen)) return;
  do {
    if (!parseExpr(p)) {
      p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
    }
  } while (p.eat(SyntaxKind.Comma));
}

/**
 * A required `( expr )` whose parentheses belong to the enclosing node (no ParenExpr of its
 * own): CHECK constraints, generated columns, trigger WHEN, policy USING / WITH CHECK,
 * EXCLUDE … WHERE, TABLESAMPLE REPEATABLE. A missing parenthesis is reported and the
 * expression is still parsed.
 */
export function expectParenthesizedExpr(p: Parser): void {
  p.expect(SyntaxKind.LParen, "'('");
  parseExpr(p);
  p.expect(SyntaxKind.RParen, "')'");
}

/**
 * A `kind` node holding `( expr, … )` whose opening parenthesis is required (reported when
 * missing, and then nothing more is taken): a trigger's or TABLESAMPLE method's arguments
 * (ArgList), DISTINCT ON and partition bound lists (ExprList), the VALUES row of a MERGE INSERT.
 */
export function parseParenExprList(p: Parser, kind: SyntaxKind): void {
  p.start(kind);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    parseExprListItems(p);
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

function parseQuantified(p: Parser): void {
  p.start(SyntaxKind.QuantifiedExpr);
  p.bump();
  if (isSubqueryAhead(p)) parseSubquery(p, SyntaxKind.SubqueryExpr);
  else {
    p.start(SyntaxKind.ParenExpr);
    p.bump();
    parseExpr(p);
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  p.finish();
}

/** Whether `(` at the current token opens a subquery. */
export function isSubqueryAhead(p: Parser): boolean {
  if (!p.at(SyntaxKind.LParen)) return false;
  let n = 1;
  while (p.nth(n) === SyntaxKind.LParen) n++;
  const w = p.nth(n) === SyntaxKind.Word ? p.wordAt(n) : undefined;
  return w === "select" || w === "with" || w === "values" || (w === "table" && p.postgres);
}

/** `( SELECT … )` as a node of `kind`. */
export function parseSubquery(p: Parser, kind: SyntaxKind): void {
  p.start(kind);
  p.bump();
  const saved = p.noIn;
  p.noIn = false;
  if (p.enter()) {
    parseSelectStmt(p);
    p.leave();
  }
  p.noIn = saved;
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

function parsePrefix(p: Parser): boolean {
  const k = p.kind;
  switch (k) {
    case SyntaxKind.Number:
      p.start(SyntaxKind.Literal);
      p.bump();
      p.finish();
      return true;
    case SyntaxKind.String:
      p.start(SyntaxKind.Literal);
      p.bump();
      // Adjacent string constants continue each other: in MySQL always, in
      // PostgreSQL only across a line break (`'a'\n'b'`), in SQLite never.
      while (p.at(SyntaxKind.String) && (p.mysql || (p.postgres && p.newlineBefore()))) p.bump();
      p.finish();
      return true;
    case SyntaxKind.Param:
    case SyntaxKind.Variable:
      p.start(SyntaxKind.ParamExpr);
      p.bump();
      if (p.mysql && p.atOp(":=")) {
        p.bump();
        parseExpr(p);
      }
      p.finish();
      return true;
    case SyntaxKind.Colon:
      if (p.adjacentToNext() && atLabel(p, 1)) {
        p.start(SyntaxKind.ParamExpr);
        p.bump();
        p.bumpIdent();
        p.finish();
        return true;
      }
      p.expected("expression");
      return false;
    case SyntaxKind.LParen:
      return parseParenthesized(p);
    case SyntaxKind.QuotedIdent:
      return parseNameOrCall(p);
    case SyntaxKind.Operator:
      return parsePrefixOperator(p);
    case SyntaxKind.Word:
      return parseWordPrefix(p);
    default:
      p.expected("expression");
      return false;
  }
}

function parsePrefixOperator(p: Parser): boolean {
  const w = p.word!;
  if (w === "?") {
    p.start(SyntaxKind.ParamExpr);
    p.bump(SyntaxKind.Param);
    p.finish();
    return true;
  }
  if (w === "@" && p.adjacentToNext() && atLabel(p, 1)) {
    p.start(SyntaxKind.ParamExpr);
    p.bump();
    p.bumpIdent();
    p.finish();
    return true;
  }
  if ((p.wordClassesAt(0) & COMPARISON_CLASS) !== 0 || w === "*" || w === "/" || w === "%" || w === "^" || w === ":=") {
    p.expected("expression");
    return false;
  }
  p.start(SyntaxKind.PrefixExpr);
  p.bump();
  parseExprBp(p, w === "+" || w === "-" ? BP_UNARY : BP_OTHER);
  p.finish();
  return true;
}

function parseParenthesized(p: Parser): boolean {
  // `((SELECT …) <> x)` is a parenthesized expression that starts with a subquery.
  if (isSubqueryAhead(p) && !(p.nth(1) === SyntaxKind.LParen && parenGroupContinues(p))) {
    const cp = p.checkpoint();
    parseSubquery(p, SyntaxKind.SubqueryExpr);
    parseFieldSelection(p, cp);
    return true;
  }
  const cp = p.checkpoint();
  p.start(SyntaxKind.ParenExpr);
  p.bump();
  if (!p.enter()) {
    p.finish();
    return true;
  }
  const saved = p.noIn;
  p.noIn = false;
  parseExpr(p);
  let row = false;
  while (p.eat(SyntaxKind.Comma)) {
    row = true;
    if (!parseExpr(p)) break;
  }
  p.noIn = saved;
  p.leave();
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
  // `(a, b)` is a row constructor; the kind is known only after the first comma.
  if (row) p.relabelLast(SyntaxKind.RowExpr);
  parseFieldSelection(p, cp);
  return true;
}

/** `(expr).field`, `(expr).*` */
function parseFieldSelection(p: Parser, cp: number): void {
  while (p.at(SyntaxKind.Dot) && (atLabel(p, 1) || (p.nth(1) === SyntaxKind.Operator && p.wordAt(1) === "*"))) {
    p.startAt(cp, SyntaxKind.FieldAccess);
    p.bump();
    p.bump(p.nth(0) === SyntaxKind.Word ? SyntaxKind.Ident : undefined);
    p.finish();
  }
}

/** The words `parseWordPrefix`'s switch handles (one set lookup skips its chain of compares for plain names). */
const PREFIX_SWITCH_WORDS = new Set([
  "not", "true", "false", "null", "unknown", "default", "case", "cast", "try_cast", "exists", "array", "row", "interval",
  "any", "some", "all", "match", "binary",
]);
const PREFIX_SWITCH_CLASS = wordClass(PREFIX_SWITCH_WORDS);

function parseWordPrefix(p: Parser): boolean {
  const w = p.word!;
  const classes = p.wordClassesAt(0);
  if ((classes & PREFIX_SWITCH_CLASS) !== 0) switch (p.kw) {
    case Kw.not:
      p.start(SyntaxKind.PrefixExpr);
      p.bump();
      parseExprBp(p, BP_NOT);
      p.finish();
      return true;
    case Kw.true:
    case Kw.false:
    case Kw.null:
    case Kw.unknown:
      if (w === "unknown" && !p.postgres) break;
      p.start(SyntaxKind.Literal);
      p.bump();
      p.finish();
      return true;
    case Kw.default:
      p.start(SyntaxKind.DefaultExpr);
      p.bump();
      p.finish();
      return true;
    case Kw.case:
      parseCase(p);
      return true;
    case Kw.cast:
    case Kw.try_cast:
      if (p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.CastExpr);
      p.bump();
      p.bump();
      parseExpr(p);
      p.expectK(Kw.as);
      parseTypeName(p);
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
      return true;
    case Kw.exists:
      if (p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.ExistsExpr);
      p.bump();
      parseSubquery(p, SyntaxKind.SubqueryExpr);
      p.finish();
      return true;
    case Kw.array:
      if (p.nth(1) === SyntaxKind.LBracket) {
        p.start(SyntaxKind.ArrayExpr);
        p.bump();
        parseArrayBrackets(p);
        p.finish();
        return true;
      }
      if (p.nth(1) === SyntaxKind.LParen) {
        p.start(SyntaxKind.ArrayExpr);
        p.bump();
        parseSubquery(p, SyntaxKind.SubqueryExpr);
        p.finish();
        return true;
      }
      break;
    case Kw.row:
      if (p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.RowExpr);
      p.bump();
      p.bump();
      if (!p.at(SyntaxKind.RParen)) parseExprListItems(p);
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
      return true;
    case Kw.interval:
      if (p.postgres && p.nth(1) !== SyntaxKind.String) break; // a column named interval, or interval(…)
      p.start(SyntaxKind.IntervalExpr);
      p.bump();
      if (p.mysql || p.sqlite) {
        parseExprBp(p, BP_ADD);
        if (p.at(SyntaxKind.Word)) p.bump();
      } else {
        if (p.at(SyntaxKind.LParen)) {
          p.bump();
          p.expect(SyntaxKind.Number, "precision");
          p.expect(SyntaxKind.RParen, "')'");
        }
        if (p.at(SyntaxKind.String)) p.bump();
        else p.expected("string literal");
        parseIntervalFields(p);
      }
      p.finish();
      return true;
    case Kw.any:
    case Kw.some:
    case Kw.all:
      if (p.nth(1) === SyntaxKind.LParen) {
        parseQuantified(p);
        return true;
      }
      break;
    case Kw.match:
      if (p.mysql && p.nth(1) === SyntaxKind.LParen) {
        // MATCH (cols) AGAINST ('text' [IN BOOLEAN MODE | IN NATURAL LANGUAGE MODE] [WITH QUERY EXPANSION])
        p.start(SyntaxKind.FunctionCall);
        p.bump();
        p.start(SyntaxKind.ArgList);
        p.bump();
        parseExprListItems(p);
        p.expect(SyntaxKind.RParen, "')'");
        p.finish();
        p.expectK(Kw.against);
        p.start(SyntaxKind.ArgList);
        p.expect(SyntaxKind.LParen, "'('");
        parseExprBp(p, BP_LIKE + 1);
        if (p.eatK(Kw.in)) {
          if (p.eatK(Kw.natural)) {
            p.expectK(Kw.language);
          } else p.expectK(Kw.boolean);
          p.expectK(Kw.mode);
        }
        if (p.eatK(Kw.with)) {
          p.expectK(Kw.query);
          p.expectK(Kw.expansion);
        }
        p.expect(SyntaxKind.RParen, "')'");
        p.finish();
        p.finish();
        return true;
      }
      break;
    case Kw.binary:
      if (p.mysql) {
        p.start(SyntaxKind.PrefixExpr);
        p.bump();
        parseExprBp(p, BP_UNARY);
        p.finish();
        return true;
      }
      break;
  }
  if ((classes & VALUE_CLASS) !== 0) {
    if (p.nth(1) === SyntaxKind.LParen) return parseNameOrCall(p, true);
    p.start(SyntaxKind.Literal);
    p.bump();
    p.finish();
    return true;
  }
  // Typed literals: DATE '2024-01-01', timestamp with time zone '…', int4 '1'
  if (p.nth(1) === SyntaxKind.String && (TYPED_LITERAL_WORDS.has(w) || atIdent(p))) {
    p.start(SyntaxKind.TypedLiteral);
    p.start(SyntaxKind.TypeName);
    p.bumpIdent();
    p.finish();
    p.bump();
    p.finish();
    return true;
  }
  if ((w === "timestamp" || w === "time") && (p.nthK(1, Kw.with) || p.nthK(1, Kw.without)) && p.nth(4) === SyntaxKind.String) {
    p.start(SyntaxKind.TypedLiteral);
    parseTypeName(p);
    p.bump();
    p.finish();
    return true;
  }
  if (w === "double" && p.nthK(1, Kw.precision) && p.nth(2) === SyntaxKind.String) {
    p.start(SyntaxKind.TypedLiteral);
    parseTypeName(p);
    p.bump();
    p.finish();
    return true;
  }
  if (atIdent(p) || ((classes & FUNCTION_NAME_CLASS) !== 0 && p.nth(1) === SyntaxKind.LParen)) return parseNameOrCall(p, isReservedAt(p));
  p.expected("expression");
  return false;
}

function parseArrayBrackets(p: Parser): void {
  // `[a, b]` or nested `[[1,2],[3,4]]`; iterative depth guard via enter().
  p.start(SyntaxKind.ExprList);
  p.bump();
  if (!p.enter()) {
    p.finish();
    return;
  }
  if (!p.at(SyntaxKind.RBracket)) {
    do {
      if (p.at(SyntaxKind.LBracket)) parseArrayBrackets(p);
      else if (!parseExpr(p)) {
        p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RBracket) || p.at(SyntaxKind.RParen));
      }
    } while (p.eat(SyntaxKind.Comma));
  }
  p.leave();
  p.expect(SyntaxKind.RBracket, "']'");
  p.finish();
}

function parseCase(p: Parser): void {
  p.start(SyntaxKind.CaseExpr);
  p.bump();
  if (!p.atK(Kw.when)) parseExpr(p);
  if (!p.atK(Kw.when)) p.expected("WHEN");
  while (p.atK(Kw.when)) {
    p.start(SyntaxKind.WhenClause);
    p.bump();
    parseExpr(p);
    p.expectK(Kw.then);
    parseExpr(p);
    p.finish();
  }
  if (p.atK(Kw.else)) {
    p.start(SyntaxKind.ElseClause);
    p.bump();
    parseExpr(p);
    p.finish();
  }
  p.expectK(Kw.end);
  p.finish();
}

/**
 * A column reference `a`, `t.a`, `s.t.a`, `t.*`, or a function call `f(…)`,
 * `s.f(…)` with its FILTER / WITHIN GROUP / OVER clauses.
 */
function parseNameOrCall(p: Parser, keywordName = false): boolean {
  const next = p.nth(1);
  if (next !== SyntaxKind.Dot && next !== SyntaxKind.LParen) {
    // A bare column reference (most names): the same NameRef > QualifiedName nodes
    // as below, opened directly — no checkpoint to write and fill in afterwards.
    p.start(SyntaxKind.NameRef);
    p.start(SyntaxKind.QualifiedName);
    if (keywordName) p.bump(SyntaxKind.Ident);
    else p.bumpIdent();
    p.finish();
    p.finish();
    return true;
  }
  const cp = p.checkpoint();
  const first = p.word;
  p.start(SyntaxKind.QualifiedName);
  if (keywordName) p.bump(SyntaxKind.Ident);
  else p.bumpIdent();
  let star = false;
  let parts = 1;
  while (p.at(SyntaxKind.Dot)) {
    if (atLabel(p, 1)) {
      p.bump();
      p.bumpIdent();
      parts++;
    } else if (p.nth(1) === SyntaxKind.Operator && p.wordAt(1) === "*") {
      p.bump();
      p.bump();
      star = true;
      break;
    } else break;
  }
  p.finish();
  if (star) {
    p.startAt(cp, SyntaxKind.StarExpr);
    p.finish();
    return true;
  }
  if (p.at(SyntaxKind.LParen)) {
    p.startAt(cp, SyntaxKind.FunctionCall);
    // POSITION(a IN b): inside, IN separates arguments instead of testing membership.
    const saved = p.noIn;
    p.noIn = first === "position";
    parseArgList(p, cp, first !== undefined && SPECIAL_ARG_FUNCTIONS.has(first) && parts === 1 ? first : undefined);
    p.noIn = saved;
    parseCallSuffixes(p);
    p.finish();
    return true;
  }
  p.startAt(cp, SyntaxKind.NameRef);
  p.finish();
  return true;
}

/** The keyword sequences each special-form function accepts between its arguments (PostgreSQL). */
const SPECIAL_FORMS: Record<string, readonly string[]> = {
  extract: ["from"],
  position: ["in"],
  substring: ["from", "for", "from for", "for from", "similar escape"],
  substr: ["from", "for", "from for"],
  trim: ["from"],
  overlay: ["placing from", "placing from for"],
  normalize: [],
};

function parseArgList(p: Parser, nameCp: number, special?: string): void {
  void nameCp;
  const specialSyntax = special !== undefined || !p.postgres;
  const separators: string[] = [];
  p.start(SyntaxKind.ArgList);
  p.bump();
  if (!p.enter()) {
    p.finish();
    return;
  }
  if (p.at(SyntaxKind.Operator) && p.word === "*") {
    p.start(SyntaxKind.StarExpr);
    p.bump();
    p.finish();
  } else if (!p.at(SyntaxKind.RParen)) {
    if (p.atK(Kw.distinct) || p.atK(Kw.all)) p.bump();
    do {
      parseArg(p);
      // Special argument syntax: EXTRACT(x FROM y), POSITION(a IN b), SUBSTRING(x FROM 1 FOR 2), TRIM(BOTH x FROM y)
      // Only EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY, NORMALIZE take keyword-separated arguments.
      while (specialSyntax && (p.atK(Kw.from) || p.atK(Kw.for) || p.atK(Kw.in) || p.atK(Kw.placing) || p.atK(Kw.similar) || p.atK(Kw.escape))) {
        separators.push(p.word!);
        const sequence = separators.join(" ");
        const forms = special !== undefined && p.postgres ? SPECIAL_FORMS[special] : undefined;
        if (forms && !forms.some((form) => form === sequence || form.startsWith(sequence + " "))) {
          p.errorBump(`unexpected ${p.word!.toUpperCase()} in ${special!.toUpperCase()}(…)`);
          parseArg(p);
          continue;
        }
        p.bump();
        parseArg(p);
      }
      if (p.atK(Kw.as) && p.mysql) {
        p.bump();
        parseTypeName(p);
      }
    } while (p.eat(SyntaxKind.Comma));
    if (p.at(SyntaxKind.Word) && p.word === "order" && p.nthK(1, Kw.by)) parseOrderByClause(p);
    if (p.atK(Kw.separator)) {
      p.bump();
      p.expect(SyntaxKind.String, "string literal");
    }
    if (p.atK(Kw.on) && p.nthK(2, Kw.null)) {
      // JSON_ARRAYAGG(x ABSENT ON NULL) and friends
      p.bump();
      p.bump();
    }
  }
  p.leave();
  if (!p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.RParen));
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

function parseArg(p: Parser): void {
  // TRIM(LEADING 'x' FROM y), TRIM(BOTH FROM y)
  if ((p.atK(Kw.leading) || p.atK(Kw.trailing) || p.atK(Kw.both)) && !p.nthK(1, Kw.from)) p.bump();
  else if ((p.atK(Kw.leading) || p.atK(Kw.trailing) || p.atK(Kw.both)) && p.nthK(1, Kw.from)) {
    p.bump();
    return;
  }
  if (atLabel(p) && p.nth(1) === SyntaxKind.Operator && (p.wordAt(1) === "=>" || p.wordAt(1) === ":=") && !p.mysql) {
    p.start(SyntaxKind.NamedArg);
    p.bumpIdent();
    p.bump();
    parseExpr(p);
    p.finish();
    return;
  }
  if (p.atK(Kw.variadic)) p.bump();
  if (!parseExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
}

function parseCallSuffixes(p: Parser): void {
  if (p.atK(Kw.within) && p.nthK(1, Kw.group)) {
    p.start(SyntaxKind.WithinGroupClause);
    p.bump();
    p.bump();
    p.expect(SyntaxKind.LParen, "'('");
    if (p.atK(Kw.order)) parseOrderByClause(p);
    else p.expected("ORDER BY");
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  if (p.atK(Kw.filter) && p.nth(1) === SyntaxKind.LParen) {
    p.start(SyntaxKind.FilterClause);
    p.bump();
    p.bump();
    p.expectK(Kw.where);
    parseExpr(p);
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  if ((p.atK(Kw.respect) || p.atK(Kw.ignore)) && p.nthK(1, Kw.nulls)) {
    p.bump();
    p.bump();
  }
  if (p.atK(Kw.over)) {
    p.start(SyntaxKind.OverClause);
    p.bump();
    if (p.at(SyntaxKind.LParen)) parseWindowSpec(p);
    else expectIdent(p, "window name");
    p.finish();
  }
}

export { atSelectStart };
