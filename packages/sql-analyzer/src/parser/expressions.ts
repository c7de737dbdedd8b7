import { SyntaxCode } from "../diagnostic.js";
import { FUNCTION_NAME_CLASS, POSTGRES_COL_NAME_OTHERS_CLASS, POSTGRES_COL_NAME_TYPES, POSTGRES_TYPE_FUNC_NAME_CLASS } from "../lexer/keywords.js";
import { wordClass } from "../syntax/token-cache.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { atIdent, atKeywordFunctionName, atLabel, atPlainIdent, atTypeFunctionName, atLabelThatEndsItem, atNameAfterDot, atPostgresLookaheadToken, atSubstitutedName, expectCharsetName, expectIdent, expectLabel, isReservedAt, parseOperatorName } from "./names.js";
import type { Checkpoint, Parser } from "./parser.js";
import { parenGroupContinues, parseOrderByClause, parseSelectStmt, parseWindowSpec } from "./select.js";
import { POSTGRES_EXPR_MODIFIER_KEYWORDS, atMultiWordType, parseIntervalFields, parseTypeName } from "./types.js";
import { SQL_JSON_XML_CLASS, parseJsonUniqueKeys, parseSqlJsonXmlArgsGuarded, parseSqlJsonXmlCall, sqlTableFunctionBefore } from "./sql-json-xml.js";

// Binding powers, loosest first (PostgreSQL's operator precedence table).
const BP_OR = 1;
const BP_AND = 2;
const BP_NOT = 3;
const BP_IS = 4;
export const BP_COMPARE = 5;
const BP_LIKE = 6;
const BP_OTHER = 7;
const BP_ADD = 8;
const BP_MUL = 9;
const BP_EXP = 10;
const BP_AT = 11;
const BP_COLLATE = 12;
const BP_UNARY = 13;

const COMPARISON = new Set(["=", "<", ">", "<=", ">=", "<>", "!=", "<=>", "=="]);
const SPECIAL_ARG_FUNCTIONS = new Set(["extract", "position", "substring", "substr", "trim", "overlay", "normalize", "treat"]);
/** The special functions called without parentheses (`CURRENT_DATE`, `USER`, …): values, in PostgreSQL also FROM and index items. */
export const VALUE_KEYWORDS: ReadonlySet<string> = new Set([
  "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user",
  "user", "current_role", "current_catalog", "current_schema", "system_user",
]);
/** PostgreSQL's value keywords that may take a precision, `CURRENT_TIMESTAMP(3)`. */
const POSTGRES_PRECISION_VALUES = new Set(["current_time", "current_timestamp", "localtime", "localtimestamp"]);
/** Word-class bit of `VALUE_KEYWORDS` (a mask test per token instead of a set lookup). */
const VALUE_CLASS = wordClass(VALUE_KEYWORDS);
/** MySQL functions that take an `INTERVAL n unit` argument. */
const DATE_INTERVAL_FUNCTIONS = new Set(["date_add", "date_sub", "adddate", "subdate"]);
/**
 * MySQL type keywords that its grammar has no call for (DATE(…), TIME(…), TIMESTAMP(…), YEAR(…)
 * and CHAR(…) are functions too): SQLite's datetime('now') is an error there.
 */
const MYSQL_UNCALLABLE_TYPE_WORDS: ReadonlySet<string> = new Set(["datetime", "text", "bool", "boolean", "enum"]);

/**
 * MySQL 8 keywords that name no function: MySQL's lexer makes every keyword a token of its own,
 * and its grammar takes a bare word before `(` as a function's name only when the word is no
 * keyword (or one of the keywords its rules list: CHAR, IF, LEFT, REPLACE, …), so `repair(1)`
 * and `unicode(x)` are syntax errors there. Kept to the keywords MariaDB's parser refuses in
 * every call shape too (checked against a server: `scripts/corpus/mysql-reference.mjs` reads
 * MySQL 8's verdicts off it); MySQL 8 refuses more (`account(1)`), which MariaDB calls.
 * Quoting the name (`` `repair`(1) ``) or qualifying it (`db.repair(1)`) calls a function.
 */
const MYSQL_KEYWORDS_NOT_FUNCTIONS: ReadonlySet<string> = new Set(`
  asensitive backup begin binlog bit byte cache checksum close code comment commit compressed day_hour
  day_microsecond day_minute day_second deallocate deterministic do end exclude execute fixed flush following
  follows function get global handler help host hour_microsecond hour_minute hour_second insensitive install
  json language like local master_ssl_verify_server_cert maxvalue medium minute_microsecond minute_second names
  national nchar no no_write_to_binlog nvarchar offset open options others owner parser port precedes preceding
  prepare read_write remove repair replica replicas reset resignal restore role rollback rows savepoint
  second_microsecond security sensitive serial server session shutdown signal signed slave socket soname sounds
  specific start stats_auto_recalc stats_persistent stats_sample_pages stop ties unbounded unicode uninstall
  upgrade wrapper xa year_month
`.split(/\s+/).filter(Boolean));

/**
 * The number of arguments (least, most) of MySQL's functions that its grammar names with a
 * keyword, each by a rule of its own (`function_call_keyword`, `function_call_conflict`, …):
 * no other count parses. Those with keyword-separated arguments (CHAR, TRIM, SUBSTRING, …) are
 * checked by their forms instead.
 */
const MYSQL_KEYWORD_CALL_ARITY: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["user", [0, 0]], ["current_user", [0, 0]], ["database", [0, 0]], ["schema", [0, 0]], ["row_count", [0, 0]],
  ["curdate", [0, 0]], ["utc_date", [0, 0]], ["ascii", [1, 1]], ["charset", [1, 1]], ["collation", [1, 1]],
  ["microsecond", [1, 1]], ["quarter", [1, 1]], ["reverse", [1, 1]], ["date", [1, 1]], ["day", [1, 1]], ["hour", [1, 1]],
  ["minute", [1, 1]], ["month", [1, 1]], ["second", [1, 1]], ["time", [1, 1]], ["year", [1, 1]], ["week", [1, 2]],
  ["timestamp", [1, 2]], ["left", [2, 2]], ["right", [2, 2]], ["mod", [2, 2]], ["repeat", [2, 2]], ["truncate", [2, 2]],
  ["format", [2, 3]], ["if", [3, 3]], ["replace", [3, 3]], ["insert", [4, 4]], ["coalesce", [1, Infinity]],
  ["interval", [2, Infinity]], ["default", [1, 1]], ["password", [1, 1]],
]);

/** MySQL's aggregates that take DISTINCT. */
const MYSQL_DISTINCT_AGGREGATES: ReadonlySet<string> = new Set(["count", "sum", "avg", "min", "max", "group_concat"]);

/** MySQL's aggregate functions whose grammar takes one argument. */
const MYSQL_ONE_ARGUMENT_AGGREGATES: ReadonlySet<string> = new Set(["avg", "max", "min", "sum", "std", "stddev", "stddev_pop", "stddev_samp", "var_pop", "var_samp", "variance", "bit_and", "bit_or", "bit_xor"]);

/** The types MySQL's CAST takes (its `cast_type` rule). */
const MYSQL_CAST_TYPES: ReadonlySet<string> = new Set([
  "binary", "char", "character", "nchar", "national", "signed", "unsigned", "date", "year", "time", "datetime", "decimal",
  "double", "float", "real", "json", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
  "geometrycollection",
]);

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
  if (p.postgres) return parseTargetExpr(p);
  // MySQL and SQLite take `t.*` as a whole item only, never inside an expression (see parseNameOrCall).
  const parts = qualifiedStarItemParts(p);
  if (parts > 0) {
    const cp = p.checkpoint();
    p.start(SyntaxKind.QualifiedName);
    p.bumpIdent();
    for (let i = 1; i < parts; i++) {
      p.bump();
      p.bumpIdent();
    }
    p.bump();
    p.bump();
    p.finish();
    p.startAt(cp, SyntaxKind.StarExpr);
    p.finish();
    return true;
  }
  return parseExpr(p);
}

/**
 * MySQL and SQLite: how many name parts a select-list item `t.*` (MySQL also `db.t.*`) at
 * the cursor has before its `.*`; 0 when the item is not one. A reserved word is no name
 * here (the general path reports it).
 */
function qualifiedStarItemParts(p: Parser): number {
  const k = p.kind;
  if (k !== SyntaxKind.QuotedIdent && (k !== SyntaxKind.Word || (p.wordClassesAt(0) & p.reservedClass) !== 0)) return 0;
  // SQLite reads RAISE and CURRENT_TIME/DATE/TIMESTAMP where an expression starts as its own
  // expressions, never as names: `raise.*` and `current_time.*` are errors.
  if (p.sqlite && (p.word === "raise" || p.word === "current_time" || p.word === "current_date" || p.word === "current_timestamp")) return 0;
  const maxParts = p.mysql ? 2 : 1;
  for (let parts = 1; parts <= maxParts; parts++) {
    const dot = 2 * parts - 1;
    if (p.nth(dot) !== SyntaxKind.Dot) return 0;
    if (p.nth(dot + 1) === SyntaxKind.Operator && p.wordAt(dot + 1) === "*") return parts;
    if (!atNameAfterDot(p, dot + 1)) return 0;
  }
  return 0;
}

/**
 * A PostgreSQL select-list or RETURNING item's expression: `parseExprBp(p, 0)`, except that its
 * outermost operator loop stops before an operator word that ends the item, which PostgreSQL
 * reads as the item's bare label (`SELECT a and FROM t`). Nested expressions do not stop there.
 */
function parseTargetExpr(p: Parser): boolean {
  if (!p.enter()) return true;
  const cp = p.checkpoint();
  const ok = parsePrefix(p);
  if (ok) parseInfixChain(p, cp, 0, true);
  p.leave();
  return ok;
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
  switch (w) {
    case "not":
    case "case":
    case "convert":
      return p.mysql && p.nth(1) === SyntaxKind.LParen;
    case "cast":
    case "exists":
    case "array":
    case "true":
    case "false":
    case "null":
    case "default":
    case "interval":
    case "row":
    case "any":
    case "some":
    case "all":
    case "binary":
    case "distinct":
      return true;
    default:
      return (p.wordClassesAt(0) & VALUE_CLASS) !== 0 || ((p.wordClassesAt(0) & FUNCTION_NAME_CLASS) !== 0 && p.nth(1) === SyntaxKind.LParen) || atKeywordFunctionName(p);
  }
}

/** The binary operators SQLite has (its lexer reads `===` or `=<` as two, which no rule takes). */
const SQLITE_BINARY_OPERATORS = new Set(["||", "->", "->>", "*", "/", "%", "+", "-", "&", "|", "<<", ">>", "<", "<=", ">", ">=", "=", "==", "!=", "<>"]);
/** The binary operators MySQL 8 has (`->` and `->>` take a column on the left, JSON paths). */
const MYSQL_BINARY_OPERATORS = new Set(["||", "&&", "->", "->>", "*", "/", "%", "+", "-", "&", "|", "^", "<<", ">>", "<", "<=", ">", ">=", "=", "<=>", "!=", "<>", ":="]);

/** Expression with binding power at least `minBp` (a Pratt loop). */
export function parseExprBp(p: Parser, minBp: number): boolean {
  if (!p.enter()) return true;
  const cp = p.checkpoint();
  const ok = parsePrefix(p);
  if (ok) parseInfixChain(p, cp, minBp, false);
  p.leave();
  return ok;
}

/**
 * The infix and postfix operators binding at least `minBp` after the operand that starts
 * at `cp` (the loop of the Pratt parser; also continues an operand that `parseOperand`
 * parsed alone, when what follows shows it began a larger expression). `labelMayFollow`: the
 * outermost loop of a PostgreSQL select-list item, which stops before an operator word that
 * ends the item (PostgreSQL reads it as the item's bare label).
 */
export function parseInfixChain(p: Parser, cp: Checkpoint, minBp: number, labelMayFollow = false): void {
  let lastCompare = false;
  let lastLike = false;
  /** MySQL: the operator before was an IS test (IS [NOT] NULL, TRUE, FALSE, UNKNOWN). */
  let lastIs = false;
  for (;;) {
    const progress = p.position;
    const op = infixOp(p);
    if (op === 0 && minBp > 0 && minBp <= BP_AT && p.postgres && p.atKw("at")) {
      // Inside an operand of an operator looser than AT, PostgreSQL reads AT as AT TIME ZONE /
      // AT LOCAL, never as the item's label: `SELECT a + b at FROM t` is an error, `a at` is not.
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.ExpectedToken, "expected TIME ZONE or LOCAL after AT (as a label after an operator, write AS at)", start, end);
      break;
    }
    if (op === 0 || op < minBp || op <= 0) break;
    // An operator word with the item's end after it is the item's label (PostgreSQL).
    if (labelMayFollow && p.kind === SyntaxKind.Word && atLabelThatEndsItem(p)) break;
    if (op === BP_COMPARE && lastCompare && p.postgres) {
      // PostgreSQL's comparison operators do not associate: `a < b < c` is an
      // error. Report it and parse on as if they did, so nothing cascades.
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "comparison operators cannot be chained", start, end);
    }
    if (op === BP_LIKE && lastLike && p.postgres) {
      // After LIKE, ILIKE, SIMILAR TO or BETWEEN (whose right side is an expression, unlike IN's
      // list) none of these nor IN may follow: `a LIKE b LIKE c` is an error in PostgreSQL.
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, `${p.word!.toUpperCase()} cannot follow LIKE, ILIKE, SIMILAR TO or BETWEEN directly: add parentheses`, start, end);
    }
    if (lastIs && op === BP_LIKE) {
      // MySQL's grammar applies IS to a comparison or a whole condition, and IN, BETWEEN, LIKE
      // and REGEXP to an operand of arithmetic only: none of them takes an IS test as its left
      // side. (`a IS NULL = 1` compares the test, and is taken.)
      const [start, end] = p.currentRange();
      const what = p.word === "not" ? `NOT ${p.wordAt(1)!.toUpperCase()}` : p.word!.toUpperCase();
      p.report(SyntaxCode.UnexpectedToken, `${what} cannot follow an IS test in MySQL: add parentheses`, start, end);
    }
    lastIs = p.mysql && op === BP_IS;
    lastCompare = op === BP_COMPARE;
    lastLike = op === BP_LIKE && p.word !== "in" && !(p.word === "not" && p.wordAt(1) === "in");
    if (!parseInfix(p, cp, op)) break;
    if (p.position === progress) break;
  }
}

/** The words `infixOp`'s switch can give a binding power (any other word gives 0). */
const INFIX_WORDS = new Set([
  "or", "xor", "and", "is", "isnull", "notnull", "in", "between", "like", "ilike", "similar", "glob", "regexp", "rlike", "match",
  "not", "div", "mod", "overlaps", "at", "collate", "sounds", "member", "operator",
]);
const INFIX_WORD_CLASS = wordClass(INFIX_WORDS);

/**
 * PostgreSQL's `OPERATOR(schema.op)`: an operator named with its schema (the cursor at
 * OPERATOR). Used infix and in `ORDER BY … USING`.
 */
export function parseOperatorReference(p: Parser): void {
  p.bump();
  p.expect(SyntaxKind.LParen, "'('");
  parseOperatorName(p);
  p.expect(SyntaxKind.RParen, "')'");
}

/** The binding power of the infix/postfix operator at the current token (0 if none). */
export function infixOp(p: Parser): number {
  switch (p.kind) {
    case SyntaxKind.Operator: {
      const w = p.word!;
      if (COMPARISON.has(w)) return BP_COMPARE;
      if (w === "+" || w === "-") return BP_ADD;
      if (w === "*" || w === "/" || w === "%") return BP_MUL;
      if (w === "^") return BP_EXP;
      if (p.mysql) {
        if (w === "||") return BP_OR;
        if (w === "&&") return BP_AND;
        if (w === ":=") return 0;
      }
      // `=>` names an argument (`f(a => 1)`) and is no operator anywhere (PostgreSQL forbids one of that name).
      if (w === ":=" || w === "=>") return 0;
      return BP_OTHER;
    }
    case SyntaxKind.DoubleColon:
    case SyntaxKind.LBracket:
      return p.postgres || p.kind === SyntaxKind.DoubleColon ? 20 : 0;
    case SyntaxKind.Word: {
      // Most words after an expression (FROM, AS, an alias, WHERE, …) are no operator: one mask test.
      if ((p.wordClassesAt(0) & INFIX_WORD_CLASS) === 0) return 0;
      switch (p.word) {
        case "or":
          return BP_OR;
        case "xor":
          return p.mysql ? BP_OR : 0;
        case "and":
          return BP_AND;
        case "is":
        case "isnull":
        case "notnull":
          return BP_IS;
        case "in":
          return p.noIn ? 0 : BP_LIKE;
        case "similar":
          // SIMILAR TO; a bare SIMILAR separates SUBSTRING(x SIMILAR p ESCAPE e)'s arguments.
          return p.nthKw(1, "to") ? BP_LIKE : 0;
        case "between":
        case "like":
        case "ilike":
        case "glob":
        case "regexp":
        case "rlike":
          return BP_LIKE;
        case "match":
          // SQLite's `a MATCH b` (full-text search); MySQL's MATCH (…) AGAINST is a prefix form.
          return p.sqlite ? BP_LIKE : 0;
        case "not": {
          const n = p.wordAt(1);
          if (n === "null" && p.sqlite) return BP_IS;
          if (n === "similar") return p.nthKw(2, "to") ? BP_LIKE : 0;
          return n === "between" || n === "in" || n === "like" || n === "ilike" || n === "glob" || n === "regexp" || n === "rlike" || (n === "match" && p.sqlite)
            ? BP_LIKE
            : 0;
        }
        case "div":
        case "mod":
          return p.mysql ? BP_MUL : 0;
        case "sounds":
          return p.mysql && p.nthKw(1, "like") ? BP_LIKE : 0;
        case "operator":
          // PostgreSQL's explicit operator: a OPERATOR(pg_catalog.+) b
          return p.postgres && p.nth(1) === SyntaxKind.LParen ? BP_OTHER : 0;
        case "member":
          return p.mysql && (p.nthKw(1, "of") || p.nth(1) === SyntaxKind.LParen) ? BP_LIKE : 0;
        case "overlaps":
          return p.postgres ? BP_OTHER : 0;
        case "at":
          return p.postgres && (p.nthKw(1, "time") || p.nthKw(1, "local")) ? BP_AT : 0;
        case "collate":
          return BP_COLLATE;
        case "escape":
          return 0;
        default:
          return 0;
      }
    }
    default:
      return 0;
  }
}

export function parseInfix(p: Parser, cp: number, bp: number): boolean {
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
    // PostgreSQL's indirection goes on after a subscript: `a.b[1].c`.
    if (p.postgres) parseFieldSelection(p, cp);
    return true;
  }
  if (p.at(SyntaxKind.Operator)) {
    if ((p.sqlite && !SQLITE_BINARY_OPERATORS.has(p.word!)) || (p.mysql && !MYSQL_BINARY_OPERATORS.has(p.word!))) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, `\`${p.word}\` is no ${p.sqlite ? "SQLite" : "MySQL"} operator`, start, end);
    } else if (p.mysql && (p.word === "->" || p.word === "->>") && (p.nth(1) !== SyntaxKind.String || !p.pastKindIsName(p.position - 1))) {
      // MySQL's JSON shorthands take a column on the left and a path string on the right: `doc->'$.a'`.
      p.wrongDialect(`\`${p.word}\` here`, "MySQL writes column->'$.path' (a column, then a JSON path string), or JSON_EXTRACT(value, path)");
    }
    p.startAt(cp, SyntaxKind.BinaryExpr);
    const additive = p.mysql && (p.word === "+" || p.word === "-");
    const jsonPath = p.mysql && (p.word === "->" || p.word === "->>") && p.nth(1) === SyntaxKind.String;
    p.bump();
    if (jsonPath) {
      // The path is one string literal (MySQL continues no other string there).
      p.start(SyntaxKind.Literal);
      p.bump();
      p.finish();
      p.finish();
      return true;
    }
    if (additive && p.atKw("interval")) p.intervalAt = p.position;
    // `x = ANY (…)`, `x > ALL (…)` (in SQLite any(…) and some(…) are calls, and ALL is an error)
    if ((p.atKw("all") || ((p.atKw("any") || p.atKw("some")) && !p.sqlite)) && p.nth(1) === SyntaxKind.LParen) parseQuantified(p);
    else if (p.mysql && bp >= BP_NOT && p.atKw("not")) notAsOperand(p, p.wordAt(-1)!, bp);
    else if (!parseExprBp(p, bp + 1)) {
      /* reported */
    }
    p.finish();
    return true;
  }
  const w = p.word!;
  switch (w) {
    case "or":
    case "and":
    case "xor":
    case "div":
    case "mod":
    case "overlaps":
      p.startAt(cp, SyntaxKind.BinaryExpr);
      if (w === "overlaps" && p.postgres && !(rowEndsBefore(p) && rowStartsAt(p, 1))) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "OVERLAPS compares two periods: write (start, end) OVERLAPS (start, end)", start, end);
      }
      p.bump();
      if (p.mysql && bp >= BP_NOT && p.atKw("not")) notAsOperand(p, w.toUpperCase(), bp);
      else parseExprBp(p, bp + 1);
      p.finish();
      return true;
    case "isnull":
    case "notnull":
      if (p.mysql) p.wrongDialect(w.toUpperCase(), w === "isnull" ? "write IS NULL" : "write IS NOT NULL");
      p.startAt(cp, SyntaxKind.IsExpr);
      p.bump();
      p.finish();
      return true;

    case "is":
      p.startAt(cp, SyntaxKind.IsExpr);
      p.bump();
      p.eatKw("not");
      if (p.mysql && !(p.atKw("null") || p.atKw("true") || p.atKw("false") || p.atKw("unknown"))) p.expected("NULL, TRUE, FALSE or UNKNOWN");
      else if (p.atKw("distinct")) {
        p.bump();
        p.expectKw("from");
        parseExprBp(p, BP_IS + 1);
      } else if (p.sqlite) parseExprBp(p, BP_IS + 1); // SQLite: `a IS b` compares with any value
      else if (p.atKw("null") || p.atKw("true") || p.atKw("false") || p.atKw("unknown") || p.atKw("document")) p.bump();
      else if (p.atKw("json")) {
        p.bump();
        if (p.atKw("value") || p.atKw("array") || p.atKw("object") || p.atKw("scalar")) p.bump();
        parseJsonUniqueKeys(p);
      } else if (p.atKw("normalized") || (p.at(SyntaxKind.Word) && p.nthKw(1, "normalized"))) {
        // IS [NOT] [NFC | NFD | NFKC | NFKD] NORMALIZED
        if (!p.atKw("normalized")) {
          if (!UNICODE_NORMAL_FORMS.has(p.word!)) p.expected("NFC, NFD, NFKC or NFKD");
          p.bump();
        }
        p.bump();
      } else p.expected("NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM");
      p.finish();
      return true;
    case "not":
    case "between":
    case "in":
    case "like":
    case "ilike":
    case "similar":
    case "glob":
    case "regexp":
    case "rlike":
    case "match": {
      if (w === "not" && p.sqlite && p.nthKw(1, "null")) {
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
      else if (op === "rlike" && p.sqlite) p.wrongDialect("RLIKE", "SQLite writes REGEXP");
      else if (op === "glob" && !p.sqlite) p.wrongDialect("GLOB", p.postgres ? "use LIKE (with % and _) or SIMILAR TO" : "use LIKE (with % and _) or REGEXP");
      const kind = op === "between" ? SyntaxKind.BetweenExpr : op === "in" ? SyntaxKind.InExpr : SyntaxKind.LikeExpr;
      p.startAt(cp, kind);
      if (negated) p.bump();
      p.bump();
      if (op === "between") {
        if (p.postgres) p.eatKw("symmetric") || p.eatKw("asymmetric"); // PostgreSQL's alone
        else if (p.mysql && (p.atKw("symmetric") || p.atKw("asymmetric"))) {
          // MySQL has no such word: before an operator it is a column's name (`BETWEEN SYMMETRIC - 1
          // AND 2` subtracts from it), a trap rather than an error; before a value, an error.
          const [start, end] = p.currentRange();
          const hint = "MySQL's BETWEEN takes its bounds in order: use LEAST(…) and GREATEST(…)";
          if (p.nth(1) === SyntaxKind.Operator) p.report(SyntaxCode.WrongDialect, `MySQL reads ${p.word!.toUpperCase()} here as a column's name: ${hint}`, start, end, "warning");
          else {
            p.wrongDialect(`BETWEEN ${p.word!.toUpperCase()}`, hint);
            p.bump();
          }
        }
        notBeforeBound(p);
        parseExprBp(p, BP_LIKE + 1);
        p.expectKw("and");
        // (PostgreSQL's upper bound is any expression: `a BETWEEN b AND NOT c` parses.)
        if (p.mysql) notBeforeBound(p);
        parseExprBp(p, BP_LIKE + 1);
      } else if (op === "in") {
        parseInList(p);
      } else {
        if (op === "similar") p.expectKw("to");
        if ((p.atKw("all") || ((p.atKw("any") || p.atKw("some")) && !p.sqlite)) && p.nth(1) === SyntaxKind.LParen) parseQuantified(p);
        else parseExprBp(p, BP_LIKE + 1);
        if (p.eatKw("escape")) parseExprBp(p, BP_LIKE + 1);
      }
      p.finish();
      return true;
    }
    case "operator":
      p.startAt(cp, SyntaxKind.BinaryExpr);
      parseOperatorReference(p);
      parseExprBp(p, BP_OTHER + 1);
      p.finish();
      return true;
    case "sounds":
      // MySQL: `a SOUNDS LIKE b`, i.e. SOUNDEX(a) = SOUNDEX(b).
      p.startAt(cp, SyntaxKind.LikeExpr);
      p.bump();
      p.bump();
      parseExprBp(p, BP_LIKE + 1);
      p.finish();
      return true;
    case "member":
      // MySQL: `value MEMBER [OF] (json_array)`, whether the array holds the value.
      p.startAt(cp, SyntaxKind.BinaryExpr);
      p.bump();
      p.eatKw("of");
      p.start(SyntaxKind.ParenExpr);
      if (p.expect(SyntaxKind.LParen, "'('")) {
        parseExpr(p);
        p.expect(SyntaxKind.RParen, "')'");
      }
      p.finish();
      p.finish();
      return true;
    case "at":
      p.startAt(cp, SyntaxKind.AtTimeZoneExpr);
      p.bump();
      if (p.eatKw("local")) {
        p.finish();
        return true;
      }
      p.expectKw("time");
      p.expectKw("zone");
      parseExprBp(p, BP_AT + 1);
      p.finish();
      return true;
    case "collate":
      p.startAt(cp, SyntaxKind.CollateExpr);
      p.bump();
      if (p.at(SyntaxKind.String) && !p.postgres) p.bump();
      else {
        p.start(SyntaxKind.QualifiedName);
        // (A name that is no reserved word: MySQL's expressions take no BINARY here, its
        // column definitions do.)
        expectIdent(p, "collation name");
        while (p.at(SyntaxKind.Dot) && atLabel(p, 1) && !p.sqlite) {
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
      const cp = p.checkpoint();
      p.start(SyntaxKind.QualifiedName);
      p.bumpIdent();
      if (p.at(SyntaxKind.Dot)) {
        p.bump();
        expectLabel(p);
      }
      p.finish();
      if (p.at(SyntaxKind.LParen)) {
        // A table-valued function: `x IN json_each(…)`.
        p.startAt(cp, SyntaxKind.FunctionCall);
        parseArgList(p, cp);
        p.finish();
      }
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
/** Comma-separated expressions up to a `)` (not consumed); returns how many there are. */
export function parseExprListItems(p: Parser, defaultValues = false): number {
  if (parseSqlTableFunctionArgs(p) || p.at(SyntaxKind.RParen)) return 0;
  let count = 0;
  do {
    count++;
    if (defaultValues) p.defaultAt = p.position;
    if (!parseExpr(p)) {
      p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
    }
  } while (p.eat(SyntaxKind.Comma));
  return count;
}

/**
 * The arguments of a table function in FROM (`generate_series(1, 3)`, `f(a := 1)`): each is
 * a call argument as in an expression's function call (named with `=>` or `:=`, VARIADIC).
 */
export function parseCallArgItems(p: Parser): void {
  if (parseSqlTableFunctionArgs(p) || p.at(SyntaxKind.RParen)) return;
  do parseArg(p);
  while (p.eat(SyntaxKind.Comma));
}

/**
 * JSON_TABLE / XMLTABLE in FROM: the table-reference grammar opened their argument list as any
 * table function's, so the list parsers hand it to the SQL/JSON-XML grammar here (returns whether
 * it did); one mask test leaves every other list alone.
 */
function parseSqlTableFunctionArgs(p: Parser): boolean {
  if ((p.wordClassesAt(-2) & SQL_JSON_XML_CLASS) === 0) return false;
  const name = sqlTableFunctionBefore(p);
  if (name === undefined) return false;
  parseSqlJsonXmlArgsGuarded(p, name);
  return true;
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
export function parseParenExprList(p: Parser, kind: SyntaxKind, nonEmpty = false): void {
  p.start(kind);
  if (p.expect(SyntaxKind.LParen, "'('")) {
    if (nonEmpty && p.at(SyntaxKind.RParen)) p.expected("expression");
    else parseExprListItems(p);
    p.expect(SyntaxKind.RParen, "')'");
  }
  p.finish();
}

function parseQuantified(p: Parser): void {
  if (p.sqlite) p.wrongDialect(`${p.word!.toUpperCase()} (…)`, "compare with IN (…) or EXISTS (…)");
  // PostgreSQL takes ANY/SOME/ALL (…) only as the right side of an operator or [I]LIKE: `x = ANY(a)`.
  if (p.postgres && !(p.nth(-1) === SyntaxKind.Operator || p.nth(-1) === SyntaxKind.RParen || p.wordAt(-1) === "like" || p.wordAt(-1) === "ilike")) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, `${p.word!.toUpperCase()} (…) compares with the value before an operator: write x = ${p.word!.toUpperCase()}(…)`, start, end);
  }
  p.start(SyntaxKind.QuantifiedExpr);
  p.bump();
  if (isSubqueryAhead(p)) parseSubquery(p, SyntaxKind.SubqueryExpr);
  else {
    // MySQL compares with ANY/ALL only against a subquery (PostgreSQL also against an array).
    if (p.mysql) p.expected("subquery");
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
  // (`(values)` may be a column named values: a VALUES list starts with `(`, or MySQL's ROW.)
  // (`(with)` may be a column named with: a WITH clause has a name after WITH.)
  return w === "select" || (w === "with" && p.nth(n + 1) !== SyntaxKind.RParen && p.nth(n + 1) !== SyntaxKind.Comma) || (w === "values" && (p.nth(n + 1) === SyntaxKind.LParen || p.nthKw(n + 1, "row"))) || (w === "table" && (p.postgres || (p.mysql && atLabel(p, n + 1))));
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

export function parsePrefix(p: Parser): boolean {
  const k = p.kind;
  switch (k) {
    case SyntaxKind.Number:
      p.leaf(SyntaxKind.Literal, SyntaxKind.Number);
      return true;
    case SyntaxKind.String: {
      p.start(SyntaxKind.Literal);
      const firstAt = p.position;
      p.bump();
      // Adjacent string constants continue each other: in MySQL always, in
      // PostgreSQL only across a line break (`'a'\n'b'`), in SQLite never.
      if (p.mysql) {
        // MySQL continues a text string (N'…' too) with plain quoted ones; X'…' and B'…' stand alone.
        const first = p.tokenText(firstAt - p.position).charCodeAt(0);
        if (first === 39 || first === 34 || first === 78 || first === 110) while (p.at(SyntaxKind.String) && (p.tokenText().charCodeAt(0) === 39 || p.tokenText().charCodeAt(0) === 34)) p.bump();
      } else while (p.at(SyntaxKind.String) && p.postgres && p.stringContinues()) p.bump();
      // U&'d!0061t' UESCAPE '!': the escape character of a Unicode string. (PostgreSQL's lexer
      // wants the string after a Unicode string's UESCAPE; after another string it is a label.)
      if (p.postgres && p.atKw("uescape") && (p.nth(1) === SyntaxKind.String || isUnicodeString(p.tokenText(firstAt - p.position)))) {
        p.bump();
        if (p.at(SyntaxKind.String)) {
          checkUnicodeEscapeCharacter(p);
          p.bump();
        } else p.expected("escape character string after UESCAPE");
      }
      p.finish();
      return true;
    }
    case SyntaxKind.Param:
    case SyntaxKind.Variable:
      // `@extschema@.f(x)`, `:schema.t.col`: a name whose schema the script's runner puts in.
      if (p.postgres && p.nth(1) === SyntaxKind.Dot && atSubstitutedName(p)) return parseNameOrCall(p);
      if (p.postgres && p.nth(1) === SyntaxKind.Dot) {
        // A composite parameter's field, `$1.typtype` (a routine body's own SQL). Only here
        // a checkpoint, whose event every other parameter would pay for.
        const cp = p.checkpoint();
        p.start(SyntaxKind.ParamExpr);
        p.bump();
        p.finish();
        parseFieldSelection(p, cp);
        return true;
      }
      if (p.mysql && p.kind === SyntaxKind.Variable) checkMysqlSystemVariable(p);
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
    case SyntaxKind.LBrace:
      if (p.mysql && atIdent(p, 1)) return parseOdbcEscape(p);
      p.expected("expression");
      return false;
    case SyntaxKind.QuotedIdent:
      return parseNameOrCall(p);
    case SyntaxKind.Operator:
      return parsePrefixOperator(p);
    case SyntaxKind.Word: {
      // A plain column name followed by no word, string, `.` or `(`: nothing in
      // parseWordPrefix applies but its last case, so go straight to its result.
      const next = p.nth(1);
      if (
        next !== SyntaxKind.Word &&
        next !== SyntaxKind.Dot &&
        next !== SyntaxKind.LParen &&
        next !== SyntaxKind.String &&
        !(next === SyntaxKind.Number && p.mysql) &&
        (p.wordClassesAt(0) & (PREFIX_SWITCH_CLASS | VALUE_CLASS | p.reservedClass)) === 0
      ) {
        p.nameRef(1, SyntaxKind.Ident);
        return true;
      }
      return parseWordPrefix(p);
    }
    default:
      p.expected("expression");
      return false;
  }
}

/**
 * MySQL's ODBC escape in an expression, `{name expr}`: `{d '2020-01-01'}`, `{ts '…'}`,
 * `{fn length(s)}`. MySQL takes any identifier there (no reserved word) and reads the
 * expression's value (as a date, time or timestamp for `d`, `t`, `ts`).
 */
function parseOdbcEscape(p: Parser): boolean {
  p.start(SyntaxKind.OdbcEscape);
  p.bump();
  p.bumpIdent();
  if (p.enter()) {
    parseExpr(p);
    p.leave();
  }
  p.expect(SyntaxKind.RBrace, "'}'");
  p.finish();
  return true;
}

/**
 * MySQL: whether `w` is a character set introducer, `_` and a character set's name (`_utf8mb4`):
 * the reserved words that start with `_` (src/lexer/keywords.ts). Another `_word` is a name.
 */
function isMysqlIntroducer(p: Parser, w: string): boolean {
  return w.charCodeAt(0) === 95 && p.reserved.has(w);
}

/** The scopes a MySQL system variable's name may start with (`@@session.sql_mode`). */
const MYSQL_VARIABLE_SCOPES: ReadonlySet<string> = new Set(["global", "session", "local", "persist", "persist_only"]);

/**
 * MySQL: the name in `@@[scope.]name` is an identifier, so no reserved word unless quoted
 * (`@@order` is a syntax error, `` @@`order` `` is not).
 */
export function checkMysqlSystemVariable(p: Parser): void {
  const parts = p.tokenText().slice(2).split(".");
  const name = parts.length > 1 && MYSQL_VARIABLE_SCOPES.has(parts[0]!.toLowerCase()) ? parts[1]! : parts[0]!;
  if (!p.reserved.has(name.toLowerCase())) return;
  const [start, end] = p.currentRange();
  p.report(SyntaxCode.UnexpectedToken, `${name.toUpperCase()} is a reserved word: quote the variable's name (\`${name}\`)`, start, end);
}

function parsePrefixOperator(p: Parser): boolean {
  const w = p.word!;
  // `?` is a placeholder (SQL in application code) unless, in PostgreSQL, an operand follows that
  // no placeholder could take: `? 'key'`, `? 1`, `? (…)`, `? t 'x'` (a typed literal) apply
  // PostgreSQL's prefix operator `?`.
  const next = p.nth(1);
  if (w === "?" && !(p.postgres && (next === SyntaxKind.String || next === SyntaxKind.Number || next === SyntaxKind.LParen || (next === SyntaxKind.Word && p.nth(2) === SyntaxKind.String)))) {
    p.start(SyntaxKind.ParamExpr);
    p.bump(SyntaxKind.Param);
    p.finish();
    return true;
  }
  // `@name` is a placeholder (application code), except where PostgreSQL's prefix `@` (absolute
  // value) must be meant: before a qualified name or a call, `@t.x` and `@f(x)`.
  if (w === "@" && p.adjacentToNext() && atLabel(p, 1) && !(p.postgres && (p.nth(2) === SyntaxKind.Dot || p.nth(2) === SyntaxKind.LParen))) {
    p.start(SyntaxKind.ParamExpr);
    p.bump();
    p.bumpIdent();
    p.finish();
    return true;
  }
  if (COMPARISON.has(w) || w === "*" || w === "/" || w === "%" || w === "^" || w === ":=" || w === "=>") {
    p.expected("expression");
    return false;
  }
  if ((p.sqlite && w !== "-" && w !== "+" && w !== "~") || (p.mysql && w !== "-" && w !== "+" && w !== "~" && w !== "!")) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, `\`${w}\` is no ${p.sqlite ? "SQLite" : "MySQL"} prefix operator`, start, end);
  }
  p.start(SyntaxKind.PrefixExpr);
  p.bump();
  parseExprBp(p, w === "+" || w === "-" ? BP_UNARY : BP_OTHER);
  p.finish();
  return true;
}

function parseParenthesized(p: Parser): boolean {
  // `((SELECT …) <> x)` is a parenthesized expression that starts with a subquery. (SQLite reads
  // WITH right after an expression's `(` as a subquery's, never as a name: `(with)` is an error.)
  if ((isSubqueryAhead(p) || (p.sqlite && p.nthKw(1, "with"))) && !(p.nth(1) === SyntaxKind.LParen && parenGroupContinues(p))) {
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
  // (MySQL and SQLite select no field of a value: `(a).b` is an error there.)
  while (p.postgres && p.at(SyntaxKind.Dot) && (atLabel(p, 1) || (p.nth(1) === SyntaxKind.Operator && p.wordAt(1) === "*"))) {
    p.startAt(cp, SyntaxKind.FieldAccess);
    p.bump();
    p.bump(p.nth(0) === SyntaxKind.Word ? SyntaxKind.Ident : undefined);
    p.finish();
  }
}

/**
 * MySQL: `NOT …` as the operand of an operator that binds more tightly than NOT (`a = NOT b`),
 * which MySQL's grammar has no place for (PostgreSQL's has). Reported, then parsed as if
 * parenthesized, so nothing else cascades.
 */
function notAsOperand(p: Parser, operator: string, bp: number): void {
  const [start, end] = p.currentRange();
  p.report(SyntaxCode.UnexpectedToken, `NOT cannot stand right after \`${operator}\` in MySQL, where it binds more loosely: write \`(NOT …)\``, start, end);
  parseExprBp(p, bp + 1);
}

/** The words `parseWordPrefix`'s switch handles (one set lookup skips its chain of compares for plain names). */
const PREFIX_SWITCH_WORDS = new Set([
  "not", "true", "false", "null", "default", "case", "cast", "try_cast", "exists", "array", "row", "interval",
  "any", "some", "all", "match", "binary", "convert", "collation", "operator", "raise", "nulls", "without", "format",
]);
const PREFIX_SWITCH_CLASS = wordClass(PREFIX_SWITCH_WORDS);

/**
 * PostgreSQL and MySQL read BETWEEN's lower bound (MySQL its upper one too) as a simple
 * expression, which no NOT starts (`a BETWEEN NOT x AND y` is a syntax error there; SQLite takes
 * any expression).
 */
function notBeforeBound(p: Parser): void {
  if (!p.sqlite && p.atKw("not")) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, "a BETWEEN bound cannot start with NOT: write NOT (…) in parentheses", start, end);
  }
}

/**
 * Whether a row of two values ends right before the cursor, `(a, b)` or `ROW(a, b)`: what
 * PostgreSQL's OVERLAPS compares (its grammar refuses a row of another length; `(a)` is one
 * value, and `(SELECT a, b)` a subquery).
 */
function rowEndsBefore(p: Parser): boolean {
  if (p.behind(1) !== SyntaxKind.RParen) return false;
  let depth = 0;
  let commas = 0;
  for (let n = 1; ; n++) {
    const k = p.behind(n);
    if (k === SyntaxKind.Eof) return false;
    // (Brackets count as nesting too: `(ARRAY[1, 2], b)` is a row of two.)
    if (k === SyntaxKind.RParen || k === SyntaxKind.RBracket) depth++;
    else if (k === SyntaxKind.LBracket) depth--;
    else if (k === SyntaxKind.LParen && --depth === 0) {
      // (`(SELECT a, b)` is a subquery, not a row; `f(a, b)` a call: a name that is no keyword
      // before the parentheses, as `RETURN (a, b) OVERLAPS …` has a keyword.)
      const first = p.wordAt(-n + 1);
      if (p.behind(n - 1) === SyntaxKind.Word && (first === "select" || first === "values" || first === "with" || first === "table")) return false;
      if (p.behind(n + 1) !== SyntaxKind.Eof && atPlainIdent(p, -n - 1)) return false;
      return commas === 1;
    } else if (k === SyntaxKind.Comma && depth === 1) commas++;
  }
}

/** Whether a row constructor of two values (see `rowEndsBefore`) starts at the n-th token. */
function rowStartsAt(p: Parser, n: number): boolean {
  if (p.nthKw(n, "row") && p.nth(n + 1) === SyntaxKind.LParen) n++;
  else if (p.nth(n) !== SyntaxKind.LParen) return false;
  // (`(SELECT a, b)` is a subquery, not a row.)
  else if (p.nthKw(n + 1, "select") || p.nthKw(n + 1, "values") || p.nthKw(n + 1, "with") || p.nthKw(n + 1, "table")) return false;
  return commasInParentheses(p, n) === 1;
}

/**
 * How many commas stand at the top level of the parentheses that open at the n-th token (inner
 * parentheses and brackets skipped: `(ARRAY[1, 2], b)` has one); -1 when they do not close.
 */
export function commasInParentheses(p: Parser, n: number): number {
  let depth = 0;
  let commas = 0;
  for (let i = n; ; i++) {
    const k = p.nth(i);
    if (k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return -1;
    if (k === SyntaxKind.LParen || k === SyntaxKind.LBracket) depth++;
    else if ((k === SyntaxKind.RParen || k === SyntaxKind.RBracket) && --depth === 0) return commas;
    else if (k === SyntaxKind.Comma && depth === 1) commas++;
  }
}

function parseWordPrefix(p: Parser): boolean {
  const w = p.word!;
  const classes = p.wordClassesAt(0);
  if ((classes & PREFIX_SWITCH_CLASS) !== 0) switch (w) {
    case "not":
      p.start(SyntaxKind.PrefixExpr);
      p.bump();
      parseExprBp(p, BP_NOT);
      p.finish();
      return true;
    case "true":
    case "false":
    case "null":
      // (UNKNOWN is a truth value only after IS; alone it is a name, as in PostgreSQL and MySQL.)
      p.start(SyntaxKind.Literal);
      p.bump();
      p.finish();
      return true;
    case "default":
      // MySQL's DEFAULT(col): the column's default value.
      if (p.mysql && p.nth(1) === SyntaxKind.LParen) return parseNameOrCall(p, true);
      if (p.sqlite) break; // SQLite has no DEFAULT expression (only DEFAULT VALUES and the column constraint)
      // MySQL takes a bare DEFAULT only as a whole value of VALUES or SET (PostgreSQL's raw grammar anywhere).
      if (p.mysql && (p.position !== p.defaultAt || p.nth(1) === SyntaxKind.Operator)) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "in MySQL DEFAULT stands only as a whole value of VALUES or of an assignment (DEFAULT(col) gives a column's default anywhere)", start, end);
      }
      p.start(SyntaxKind.DefaultExpr);
      p.bump();
      p.finish();
      // (PostgreSQL's DEFAULT is a whole expression, no column: it takes no subscript.)
      if (p.postgres && p.at(SyntaxKind.LBracket)) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "DEFAULT takes no subscript", start, end);
      }
      return true;
    case "case":
      parseCase(p);
      return true;
    case "operator":
      // PostgreSQL's prefix operator named with its schema: `OPERATOR(pg_catalog.-) x`.
      if (!p.postgres || p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.PrefixExpr);
      parseOperatorReference(p);
      parseExprBp(p, BP_OTHER);
      p.finish();
      return true;
    case "convert":
      // MySQL: CONVERT(expr USING charset) converts between character sets, CONVERT(expr, type) casts.
      if (!p.mysql || p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.CastExpr);
      p.bump();
      p.bump();
      parseExpr(p);
      if (p.eatKw("using")) expectCharsetName(p, "character set");
      else if (p.expect(SyntaxKind.Comma, "',' or USING")) parseTypeName(p);
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
      return true;
    case "cast":
    case "try_cast":
      if (p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.CastExpr);
      p.bump();
      p.bump();
      parseExpr(p);
      p.expectKw("as");
      if (p.mysql && p.at(SyntaxKind.Word) && !MYSQL_CAST_TYPES.has(p.word!)) p.wrongDialect(`CAST to ${p.word!.toUpperCase()}`, "MySQL casts to SIGNED, UNSIGNED, DECIMAL, DOUBLE, CHAR, BINARY, DATE, DATETIME, TIME, YEAR or JSON");
      // (SQLite's type may be empty: `CAST(x AS)` converts to no affinity.)
      if (!(p.sqlite && p.at(SyntaxKind.RParen))) parseTypeName(p);
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
      noSubscriptAfterCall(p);
      return true;
    case "exists":
      if (p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.ExistsExpr);
      p.bump();
      parseSubquery(p, SyntaxKind.SubqueryExpr);
      p.finish();
      return true;
    case "array":
      if (p.mysql) break;
      if (p.nth(1) === SyntaxKind.LBracket) {
        p.start(SyntaxKind.ArrayExpr);
        p.bump();
        parseArrayBrackets(p);
        p.finish();
        noSubscriptAfterCall(p);
        return true;
      }
      if (p.nth(1) === SyntaxKind.LParen && !p.sqlite) {
        p.start(SyntaxKind.ArrayExpr);
        p.bump();
        parseSubquery(p, SyntaxKind.SubqueryExpr);
        p.finish();
        noSubscriptAfterCall(p);
        return true;
      }
      break;
    case "row":
      if (p.nth(1) !== SyntaxKind.LParen) break;
      p.start(SyntaxKind.RowExpr);
      p.bump();
      p.bump();
      const values = p.at(SyntaxKind.RParen) ? 0 : parseExprListItems(p);
      // MySQL's ROW(…) holds two values at least (one is no row there, none no value).
      if (p.mysql && values < 2) p.expected("',' and a second value");
      p.expect(SyntaxKind.RParen, "')'");
      p.finish();
      noSubscriptAfterCall(p);
      return true;
    case "interval":
      if ((p.postgres && p.nth(1) !== SyntaxKind.String) || p.sqlite) break; // a column named interval, or interval(…); SQLite has no INTERVAL
      p.start(SyntaxKind.IntervalExpr);
      if (p.mysql && p.position !== p.intervalAt) {
        // MySQL takes `INTERVAL n unit` only in date arithmetic: `d + INTERVAL 1 DAY`,
        // `INTERVAL 1 DAY + d`, `d - INTERVAL …`, DATE_ADD(d, INTERVAL …) and its kin.
        const [start] = p.currentRange();
        const call = p.nth(1) === SyntaxKind.LParen;
        p.bump();
        parseExprBp(p, BP_ADD);
        // Without a unit it is the INTERVAL(n, n1, …) function, which goes anywhere.
        const unit = atMysqlIntervalUnit(p);
        if (unit) p.bump();
        else if (!call) p.expected("interval unit (DAY, HOUR, MINUTE_SECOND, …)");
        if (unit && !p.atOp("+")) p.report(SyntaxCode.UnexpectedToken, "in MySQL an INTERVAL stands only in date arithmetic (`d + INTERVAL 1 DAY`, DATE_ADD(d, INTERVAL 1 DAY))", start, p.prevEnd());
        p.finish();
        return true;
      }
      p.bump();
      if (p.mysql || p.sqlite) {
        const call = p.at(SyntaxKind.LParen);
        // MySQL reads the amount as a whole expression up to the unit (`INTERVAL 1<<37 SECOND`).
        if (p.mysql && !call) parseExpr(p);
        else parseExprBp(p, BP_ADD);
        if (p.mysql ? atMysqlIntervalUnit(p) : p.at(SyntaxKind.Word)) p.bump();
        // In date arithmetic MySQL needs the unit (`d + INTERVAL 1 DAY`); INTERVAL(n, …) is a function.
        else if (p.mysql && !call) p.expected("interval unit (DAY, HOUR, MINUTE_SECOND, …)");
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
    case "any":
    case "some":
    case "all":
      if (p.nth(1) === SyntaxKind.LParen && !(p.sqlite && w !== "all")) {
        parseQuantified(p);
        return true;
      }
      break;
    case "match":
      if (p.mysql && (p.nth(1) === SyntaxKind.LParen || matchColumnsAhead(p))) {
        // MATCH (cols) AGAINST ('text' [IN BOOLEAN MODE | IN NATURAL LANGUAGE MODE] [WITH QUERY EXPANSION]);
        // the parentheses around the columns may be left out (`MATCH a, b AGAINST (…)`).
        p.start(SyntaxKind.FunctionCall);
        p.bump();
        p.start(SyntaxKind.ArgList);
        if (p.eat(SyntaxKind.LParen)) {
          if (p.at(SyntaxKind.RParen)) p.expected("column name");
          parseExprListItems(p);
          p.expect(SyntaxKind.RParen, "')'");
        } else parseExprListItems(p);
        p.finish();
        p.expectKw("against");
        p.start(SyntaxKind.ArgList);
        p.expect(SyntaxKind.LParen, "'('");
        parseExprBp(p, BP_LIKE + 1);
        if (p.eatKw("in")) {
          if (p.eatKw("natural")) {
            p.expectKw("language");
          } else p.expectKw("boolean");
          p.expectKw("mode");
        }
        if (p.eatKw("with")) {
          p.expectKw("query");
          p.expectKw("expansion");
        }
        p.expect(SyntaxKind.RParen, "')'");
        p.finish();
        p.finish();
        return true;
      }
      break;
    case "nulls":
    case "without":
    case "format":
      // PostgreSQL's look-ahead tokens (`NULLS FIRST`, `WITHOUT TIME`, `FORMAT JSON`) start no
      // expression; the word is taken as a name after the report.
      if (p.postgres && atPostgresLookaheadToken(p, 0)) p.expected("expression");
      break;
    case "binary":
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
    // (SQLite's CURRENT_DATE and kin take no parentheses: `current_date(1)` is an error there.)
    if (p.nth(1) === SyntaxKind.LParen && !(p.sqlite && w.startsWith("current_"))) {
      // PostgreSQL: CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME and LOCALTIMESTAMP take one integer, their precision.
      if (p.postgres && POSTGRES_PRECISION_VALUES.has(w) && !(p.atInteger(2) && p.nth(3) === SyntaxKind.RParen)) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, `${w.toUpperCase()} takes its precision in parentheses, an integer (${w.toUpperCase()}(3)), and nothing else`, start, end);
      }
      return parseNameOrCall(p, true);
    }
    p.start(SyntaxKind.Literal);
    p.bump();
    p.finish();
    // (PostgreSQL subscripts no SQL value function: `(CURRENT_USER)[1]` would be needed.)
    if (p.postgres && p.at(SyntaxKind.LBracket)) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, `a subscript cannot follow ${w.toUpperCase()} directly: write (${w.toUpperCase()})[…]`, start, end);
    }
    return true;
  }
  if (p.postgres && p.nth(1) === SyntaxKind.LParen && typedLiteralWithModifiersAhead(p)) {
    // bit(3) '101', numeric(10, 2) '1.5', interval(3) '1 second', timestamp(3) with time zone '…'
    p.start(SyntaxKind.TypedLiteral);
    parseTypeName(p);
    p.bump();
    p.finish();
    return true;
  }
  if (w === "collation" && p.postgres && p.nthKw(1, "for") && p.nth(2) === SyntaxKind.LParen) {
    // COLLATION FOR (expr): the collation of a value, as a string.
    p.start(SyntaxKind.FunctionCall);
    p.bump();
    p.bump();
    expectParenthesizedExpr(p);
    p.finish();
    return true;
  }
  // Typed literals: DATE '2024-01-01', timestamp with time zone '…', int4 '1'. SQLite has none:
  // there `date '2020-01-01'` is the column `date` with a string alias. MySQL's character set
  // introducers take a hexadecimal or bit literal too (`_utf8mb4 0xC3A9`, `_binary 0b101`).
  if (
    (p.nth(1) === SyntaxKind.String && !p.sqlite && (p.mysql ? w === "date" || w === "time" || w === "timestamp" || isMysqlIntroducer(p, w) : atTypedLiteralString(p, 1) && postgresTypedLiteralWord(p, w, classes))) ||
    (p.mysql && isMysqlIntroducer(p, w) && p.nth(1) === SyntaxKind.Number && /^0[xXbB]/.test(p.tokenText(1)))
  ) {
    p.start(SyntaxKind.TypedLiteral);
    p.start(SyntaxKind.TypeName);
    p.bumpIdent();
    p.finish();
    p.bump();
    p.finish();
    return true;
  }
  if ((w === "timestamp" || w === "time") && p.postgres && (p.nthKw(1, "with") || p.nthKw(1, "without")) && p.nthKw(2, "time") && p.nthKw(3, "zone") && p.nth(4) === SyntaxKind.String) {
    p.start(SyntaxKind.TypedLiteral);
    parseTypeName(p);
    p.bump();
    p.finish();
    return true;
  }
  if (p.postgres && p.nth(1) === SyntaxKind.Word && atMultiWordType(p) && multiWordTypedLiteralAhead(p)) {
    // character varying(10) 'x', national char '1', bit varying '101'
    p.start(SyntaxKind.TypedLiteral);
    parseTypeName(p);
    p.bump();
    p.finish();
    return true;
  }
  if (w === "double" && p.postgres && p.nthKw(1, "precision") && p.nth(2) === SyntaxKind.String) {
    p.start(SyntaxKind.TypedLiteral);
    parseTypeName(p);
    p.bump();
    p.finish();
    return true;
  }
  if (p.sqlite && (w === "raise" || w === "cast")) return parseSqliteRaise(p);
  if (p.mysql && p.nth(1) === SyntaxKind.LParen && p.kind === SyntaxKind.Word && MYSQL_KEYWORDS_NOT_FUNCTIONS.has(w)) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, `${w.toUpperCase()} is a MySQL keyword and names no function: quote it (\`${w}\`(…)) to call a function of that name`, start, end);
  }
  if (p.mysql && MYSQL_UNCALLABLE_TYPE_WORDS.has(w) && p.nth(1) === SyntaxKind.LParen) p.wrongDialect(`${w.toUpperCase()}(…)`, `${w.toUpperCase()} is a type in MySQL, no function: CAST(x AS …) or a date function`);
  if (atIdent(p) || ((classes & FUNCTION_NAME_CLASS) !== 0 && p.nth(1) === SyntaxKind.LParen && !p.sqlite) || atKeywordFunctionName(p)) return parseNameOrCall(p, isReservedAt(p));
  p.expected("expression");
  return false;
}

/**
 * Whether the current word (`w`, with its word-class bits) may be the type of a one-word
 * PostgreSQL typed literal before a string: the grammar's `func_name Sconst` takes a name that is
 * no keyword, an unreserved keyword or a "type or function name" keyword (`like 'x'`, `natural
 * '…'`), and its `ConstTypename` the column-name keywords that are types (`int '1'`, `nchar
 * 'x'`) — not the other column-name keywords (`values 'x'`, `between '…'`) and not `national`
 * alone (it needs CHARACTER or CHAR after it).
 */
function postgresTypedLiteralWord(p: Parser, w: string, classes: number): boolean {
  if (TYPED_LITERAL_WORDS.has(w) || (classes & POSTGRES_TYPE_FUNC_NAME_CLASS) !== 0) return true;
  if ((classes & POSTGRES_COL_NAME_OTHERS_CLASS) !== 0 || w === "national") return false;
  return atIdent(p);
}

/**
 * SQLite's `RAISE(IGNORE)` / `RAISE(ROLLBACK | ABORT | FAIL, message)` (a trigger's way to stop),
 * as a call (the cursor at RAISE, or at a CAST that no `(` follows: neither is a name in an
 * expression there).
 */
function parseSqliteRaise(p: Parser): boolean {
  if (p.word !== "raise" || p.nth(1) !== SyntaxKind.LParen) {
    p.expected("expression");
    return false;
  }
  p.start(SyntaxKind.FunctionCall);
  p.leaf(SyntaxKind.QualifiedName, SyntaxKind.Ident);
  p.start(SyntaxKind.ArgList);
  p.bump();
  if (!p.eatKw("ignore")) {
    if (p.atKw("rollback") || p.atKw("abort") || p.atKw("fail")) p.bump(SyntaxKind.Keyword);
    else p.expected("IGNORE, ROLLBACK, ABORT or FAIL");
    if (p.expect(SyntaxKind.Comma, "','")) parseExpr(p);
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
  p.finish();
  return true;
}

/**
 * Whether the n-th token is a string a PostgreSQL typed literal may take: a plain, E'…', U&'…' or
 * dollar-quoted string, not a bit, hexadecimal or national one (`t N'x'` is no typed literal).
 */
function atTypedLiteralString(p: Parser, n: number): boolean {
  if (p.nth(n) !== SyntaxKind.String) return false;
  const c = p.tokenText(n).charCodeAt(0) | 0x20;
  return c !== 98 && c !== 120 && c !== 110; /* b x n */
}

/**
 * Whether a string follows the multi-word PostgreSQL type at the cursor (`character varying`,
 * `national char varying`, `bit varying`; with a length or not): a typed literal.
 */
function multiWordTypedLiteralAhead(p: Parser): boolean {
  let n = 1;
  if (p.word === "national" && (p.nthKw(1, "character") || p.nthKw(1, "char"))) n = 2;
  if (p.nthKw(n, "varying")) n++;
  if (p.nth(n) === SyntaxKind.LParen && p.nth(n + 1) === SyntaxKind.Number && p.nth(n + 2) === SyntaxKind.RParen) n += 3;
  return n > 1 && atTypedLiteralString(p, n);
}

/**
 * Whether a type with modifiers and then a string follows: `name(N) '…'`, `name(N, M) '…'`,
 * or `time[stamp](N) with[out] time zone '…'` — PostgreSQL's typed literals whose type has
 * a precision or length (the cursor at the name, the next token `(`).
 */
function typedLiteralWithModifiersAhead(p: Parser): boolean {
  if (p.nth(2) !== SyntaxKind.Number) return false;
  let close = 3;
  if (p.nth(3) === SyntaxKind.Comma) {
    if (p.nth(4) !== SyntaxKind.Number) return false;
    close = 5;
  }
  if (p.nth(close) !== SyntaxKind.RParen) return false;
  if (p.nth(close + 1) === SyntaxKind.String) return true;
  const w = p.word;
  return (w === "timestamp" || w === "time") && (p.nthKw(close + 1, "with") || p.nthKw(close + 1, "without")) && p.nthKw(close + 2, "time") && p.nthKw(close + 3, "zone") && p.nth(close + 4) === SyntaxKind.String;
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
  if (!p.atKw("when")) parseExpr(p);
  if (!p.atKw("when")) p.expected("WHEN");
  while (p.atKw("when")) {
    p.start(SyntaxKind.WhenClause);
    p.bump();
    parseExpr(p);
    p.expectKw("then");
    parseExpr(p);
    p.finish();
  }
  if (p.atKw("else")) {
    p.start(SyntaxKind.ElseClause);
    p.bump();
    parseExpr(p);
    p.finish();
  }
  p.expectKw("end");
  p.finish();
}

/**
 * A column reference `a`, `t.a`, `s.t.a`, `t.*`, or a function call `f(…)`,
 * `s.f(…)` with its FILTER / WITHIN GROUP / OVER clauses.
 */
function parseNameOrCall(p: Parser, keywordName = false): boolean {
  // The commonest shapes, `a` and `a.b` not followed by `.` or `(`, write their
  // events in one call (the same events as the general path below).
  const next = p.nth(1);
  if (next !== SyntaxKind.Dot) {
    if (next !== SyntaxKind.LParen && !(next === SyntaxKind.String && p.postgres && atTypedLiteralString(p, 1) && (p.kind !== SyntaxKind.Word || postgresTypedLiteralWord(p, p.word!, p.wordClassesAt(0))))) {
      p.nameRef(1, keywordName || p.kind === SyntaxKind.Word ? SyntaxKind.Ident : p.kind);
      return true;
    }
  } else if (atNameAfterDot(p, 2)) {
    const after = p.nth(3);
    if (after !== SyntaxKind.Dot && after !== SyntaxKind.LParen && !(after === SyntaxKind.String && p.postgres && atTypedLiteralString(p, 3))) {
      p.nameRef(2, keywordName || p.kind === SyntaxKind.Word ? SyntaxKind.Ident : p.kind);
      return true;
    }
  }
  const cp = p.checkpoint();
  const first = p.word;
  const nameAt = p.position;
  p.start(SyntaxKind.QualifiedName);
  if (keywordName) p.bump(SyntaxKind.Ident);
  else p.bumpIdent();
  let star = false;
  let parts = 1;
  while (p.at(SyntaxKind.Dot)) {
    if (atNameAfterDot(p, 1) && !(p.sqlite && parts === 3)) {
      if (p.mysql && parts === 3) {
        // MySQL's grammar names a column with at most three parts (db.table.column), a
        // function with two.
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "MySQL names a column with at most three parts (`db.table.column`)", start, end);
      }
      p.bump();
      p.bumpIdent();
      parts++;
    } else if (p.nth(1) === SyntaxKind.Operator && p.wordAt(1) === "*") {
      p.bump();
      p.bump();
      star = true;
      break;
    } else {
      if (p.postgres && atPostgresLookaheadToken(p, 1)) {
        // `t.not between …`: the word is PostgreSQL's look-ahead token, which the expression goes
        // on with; say the name is missing rather than that the dot is unexpected.
        p.bump();
        p.expected("column name");
      }
      break;
    }
  }
  p.finish();
  if (star) {
    // A whole select-list item `t.*` took the path in parseExprOrStar: here it is inside an
    // expression (`count(t.*)`, `t.* + 1`, `(t.*)`), which only PostgreSQL's grammar takes.
    if (!p.postgres) {
      const [start, end] = p.rangeAt(p.position - 1);
      const message =
        p.sqlite && parts > 1
          ? "SQLite takes `table.*` with the table's name alone (no schema name before it)"
          : `\`${p.tokenText(-3)}.*\` stands only as a whole item of a select list in ${p.mysql ? "MySQL" : "SQLite"}, not inside an expression`;
      p.report(SyntaxCode.UnexpectedToken, message, start, end);
    }
    p.startAt(cp, SyntaxKind.StarExpr);
    p.finish();
    return true;
  }
  if (p.at(SyntaxKind.LParen)) {
    p.startAt(cp, SyntaxKind.FunctionCall);
    if (p.sqlite && parts > 1) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "SQLite names a function with its name alone: `schema.f(…)` and `t.f(…)` are no calls there", start, end);
    }
    if (parts === 1 && (p.wordClassesAt(-1) & SQL_JSON_XML_CLASS) !== 0 && p.postgres) {
      parseSqlJsonXmlCall(p, first!);
      p.finish();
      return true;
    }
    // POSITION(a IN b): inside, IN separates arguments instead of testing membership.
    const saved = p.noIn;
    p.noIn = first === "position" && !p.sqlite;
    const checked = p.postgres && parts === 1 && (p.wordClassesAt(nameAt - p.position) & POSTGRES_CALL_CHECK_CLASS) !== 0;
    const exprListOnly = checked && POSTGRES_EXPR_LIST_CALLS.has(first!);
    const args = parseArgList(p, cp, parts === 1 && first !== undefined && (SPECIAL_ARG_FUNCTIONS.has(first) || (p.mysql && (first === "char" || first === "mid"))) ? first : undefined, exprListOnly);
    p.noIn = saved;
    if (checked) checkPostgresCall(p, first!, args, nameAt);
    if (p.postgres && atTypedLiteralString(p, 0)) {
      // A typed literal whose type takes modifiers of its own: `my_type(1, 'a') '…'`.
      if (args === 0) {
        const [start, end] = p.rangeAt(p.position - 1);
        p.report(SyntaxCode.ExpectedToken, "expected type modifier, found ')'", start, end);
      } else if (parts === 1 && !atTypeFunctionName(p, nameAt - p.position) && !POSTGRES_EXPR_MODIFIER_KEYWORDS.has(first!)) {
        // The type is a `type_function_name` (`coalesce(x) '…'` is a syntax error) or a type
        // keyword whose modifiers are expressions (`numeric(10, 2, 3) '1'`).
        const [start, end] = p.rangeAt(nameAt);
        const message = POSTGRES_TYPED_LITERAL_ONLY.has(first!)
          ? `\`${first}(…) '…'\` takes a number as its modifier in PostgreSQL`
          : `\`${first}\` is a keyword that cannot be the type of a typed literal with modifiers in PostgreSQL`;
        p.report(SyntaxCode.UnexpectedToken, message, start, end);
      }
      p.finish();
      p.startAt(cp, SyntaxKind.TypedLiteral);
      p.bump();
      p.finish();
      return true;
    }
    if (atCallSuffix(p) && (exprListOnly || (p.postgres && parts === 1 && (POSTGRES_SPECIAL_FORM_CALLS.has(first!) || POSTGRES_PRECISION_VALUES.has(first!))))) {
      const [start, end] = p.currentRange();
      const clause = p.atKw("within") ? "WITHIN GROUP" : p.word!.toUpperCase();
      p.report(SyntaxCode.UnexpectedToken, `${first!.toUpperCase()}(…) is no aggregate or window function: it takes no ${clause} clause`, start, end);
    }
    parseCallSuffixes(p);
    p.finish();
    noSubscriptAfterCall(p);
    return true;
  }
  if (p.postgres && atTypedLiteralString(p, 0)) {
    // A typed literal whose type is qualified or quoted: `pg_catalog.int4 '1'`, `"MyType" '…'`.
    p.startAt(cp, SyntaxKind.TypeName);
    p.finish();
    p.startAt(cp, SyntaxKind.TypedLiteral);
    p.bump();
    p.finish();
    return true;
  }
  p.startAt(cp, SyntaxKind.NameRef);
  p.finish();
  return true;
}

/** PostgreSQL keywords that a call cannot name: types without modifiers, words of other syntax, SQL value functions without a precision. */
const POSTGRES_NOT_CALLABLE = new Set([
  "int", "integer", "smallint", "bigint", "real", "boolean", "national", "between", "inout", "none", "out", "precision", "setof",
  "current_date", "current_role", "current_user", "session_user", "user", "current_catalog", "system_user", "any", "some",
  "values",
]);

/**
 * PostgreSQL: whether a one-word name is a keyword that names no function, so that `name(…)` is
 * no call (`int(x)`, `values(1)`, `varchar(1)` outside a typed literal).
 */
export function postgresKeywordIsNoFunction(name: string): boolean {
  return POSTGRES_NOT_CALLABLE.has(name) || POSTGRES_TYPED_LITERAL_ONLY.has(name);
}
/** PostgreSQL type keywords whose modifiers a typed literal may give: `varchar(10) 'x'`, `timestamp(3) '…'`. */
const POSTGRES_TYPED_LITERAL_ONLY = new Set(["dec", "decimal", "float", "numeric", "bit", "char", "character", "varchar", "nchar", "timestamp", "time", "interval"]);

/** How many arguments PostgreSQL's grammar gives a function it reads specially: [least, most]. */
const POSTGRES_ARITY = new Map<string, readonly [number, number]>([
  ["nullif", [2, 2]],
  ["merge_action", [0, 0]],
  ["coalesce", [1, Infinity]],
  ["greatest", [1, Infinity]],
  ["least", [1, Infinity]],
  ["grouping", [1, Infinity]],
  ["normalize", [1, 2]],
]);

/**
 * PostgreSQL's calls whose parentheses hold a plain expression list (its grammar reads them as
 * syntax of their own, not as function calls): no `*`, DISTINCT, named argument, ORDER BY,
 * FILTER, WITHIN GROUP or OVER (`COALESCE(*)` is a syntax error there).
 */
const POSTGRES_EXPR_LIST_CALLS = new Set(["nullif", "coalesce", "greatest", "least", "grouping"]);

/**
 * PostgreSQL's keyword calls with arguments of their own syntax (`EXTRACT(year FROM a)`): its
 * grammar reads them apart from function calls, so they take no FILTER, WITHIN GROUP or OVER.
 */
const POSTGRES_SPECIAL_FORM_CALLS = new Set(["extract", "position", "substring", "trim", "overlay", "normalize", "treat"]);

/** Whether a FILTER, WITHIN GROUP or OVER clause follows the call just parsed. */
function atCallSuffix(p: Parser): boolean {
  if (p.atKw("filter")) return p.nth(1) === SyntaxKind.LParen;
  if (p.atKw("within")) return p.nthKw(1, "group");
  // (`coalesce(a) over FROM t` labels the item "over".)
  return p.atKw("over") && (p.nth(1) === SyntaxKind.LParen || (atIdent(p, 1) && p.nth(1) === SyntaxKind.Word));
}

/** Unicode's normal forms, which NORMALIZE(x, form) and `x IS form NORMALIZED` name. */
const UNICODE_NORMAL_FORMS = new Set(["nfc", "nfd", "nfkc", "nfkd"]);

/** The names `checkPostgresCall` has something to say of (one mask test for every other call). */
const POSTGRES_CALL_CHECK_CLASS = wordClass(new Set([...POSTGRES_NOT_CALLABLE, ...POSTGRES_TYPED_LITERAL_ONLY, ...POSTGRES_ARITY.keys()]));

/**
 * What PostgreSQL's grammar says of the call of a one-word name just parsed (with `args`
 * arguments), reported at the name: a keyword that names no function (`int(x)`, `user()`), or
 * a specially read function with too few or too many arguments (`nullif(a)`, `coalesce()`).
 */
function checkPostgresCall(p: Parser, name: string, args: number, nameAt: number): void {
  // A type's modifiers before a typed literal's string are no call: `varchar(10) 'x'`.
  if (POSTGRES_NOT_CALLABLE.has(name) || (POSTGRES_TYPED_LITERAL_ONLY.has(name) && !p.at(SyntaxKind.String))) {
    const hint = POSTGRES_COL_NAME_TYPES.has(name) ? `: convert with CAST(… AS ${name}) or ::${name}` : "";
    const [start, end] = p.rangeAt(nameAt);
    p.report(SyntaxCode.UnexpectedToken, `\`${name}\` is a keyword, not a function, in PostgreSQL${hint}`, start, end);
    return;
  }
  const arity = POSTGRES_ARITY.get(name);
  if (arity !== undefined && (args < arity[0] || args > arity[1])) {
    const expected = arity[0] === arity[1] ? `exactly ${arity[0]}` : `at least ${arity[0]}`;
    const [start, end] = p.rangeAt(nameAt);
    p.report(SyntaxCode.UnexpectedToken, `${name.toUpperCase()}(…) takes ${expected} argument${arity[0] === 1 ? "" : "s"}, not ${args}`, start, end);
  }
}

/**
 * PostgreSQL subscripts a name, a parameter or a parenthesized expression, never a call, a
 * CAST, a ROW or an ARRAY constructor: after one of those (just parsed), `[` is reported.
 */
function noSubscriptAfterCall(p: Parser): void {
  if (p.postgres && p.at(SyntaxKind.LBracket)) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, "a subscript cannot follow a function call or constructor directly: write (f(…))[…]", start, end);
  }
}

/** The keywords PostgreSQL takes as EXTRACT's field (any other field is a plain name or a string). */
const EXTRACT_FIELD_KEYWORDS = new Set(["year", "month", "day", "hour", "minute", "second"]);

/** Whether EXTRACT's field stands here (PostgreSQL): a plain or quoted name, YEAR … SECOND, or a string, then FROM or the end of the call. */
function atPostgresExtractField(p: Parser): boolean {
  const k = p.kind;
  const shape = k === SyntaxKind.String || atPlainIdent(p) || (k === SyntaxKind.Word && EXTRACT_FIELD_KEYWORDS.has(p.word!));
  return shape && (p.nthKw(1, "from") || p.nth(1) === SyntaxKind.RParen);
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
  treat: [],
};

/** The keyword separators a PostgreSQL special-form function cannot do without: `EXTRACT(f FROM x)`, `POSITION(a IN b)`, `TREAT(x AS t)`. */
const REQUIRED_FORMS: Record<string, string> = { extract: "from", position: "in", treat: "as" };

/**
 * MySQL's functions with keyword-separated arguments and the separator sequences each takes
 * (MID and SUBSTR are SUBSTRING to MySQL's lexer); any other call takes none (`LEFT(a FROM 2)`
 * is an error). SUBSTRING also takes commas, but not both; TRIM, EXTRACT and POSITION no commas.
 */
const MYSQL_SPECIAL_FORMS: Record<string, readonly string[]> = {
  extract: ["from"],
  position: ["in"],
  substring: ["from", "from for"],
  substr: ["from", "from for"],
  mid: ["from", "from for"],
  trim: ["from"],
};
const MYSQL_REQUIRED_FORMS: Record<string, string> = { extract: "from", position: "in" };
/** The special-form functions that take no comma-separated arguments in MySQL. */
const MYSQL_NO_COMMA = new Set(["extract", "position", "trim"]);
const NO_FORMS: readonly string[] = [];


/** The argument list of a call (at its `(`); returns how many arguments it has. */
function parseArgList(p: Parser, nameCp: number, special?: string, exprListOnly = false): number {
  void nameCp;
  let count = 0;
  // Keyword-separated arguments (EXTRACT(x FROM y), TRIM(BOTH …)) are PostgreSQL's and MySQL's.
  const specialSyntax = !p.sqlite && (special !== undefined || !p.postgres);
  const separators: string[] = [];
  /** MySQL: a comma was reported where the function takes none (the missing separator is then not reported too). */
  let misplacedComma = false;
  let misplacedSeparator = false;
  const callee = p.wordAt(-1);
  /** MySQL: the name is one word (`f(`, not `db.f(`), so its grammar's rules for that word apply. */
  const unqualified = p.mysql && p.behind(2) !== SyntaxKind.Dot;
  const oneArgumentAggregate = unqualified && MYSQL_ONE_ARGUMENT_AGGREGATES.has(callee ?? "");
  // (MySQL's aggregates take their argument: COUNT() and SUM() are syntax errors there.)
  const argumentNeeded = oneArgumentAggregate || (unqualified && callee === "count");
  const intervalArgs = p.mysql && DATE_INTERVAL_FUNCTIONS.has(callee ?? "");
  p.start(SyntaxKind.ArgList);
  p.bump();
  if (!p.enter()) {
    p.finish();
    return 0;
  }
  if (p.at(SyntaxKind.Operator) && p.word === "*") {
    // (MySQL takes `*` as an argument of COUNT alone.)
    if ((p.mysql && callee !== "count") || exprListOnly) p.expected("expression");
    p.start(SyntaxKind.StarExpr);
    p.bump();
    p.finish();
    count = 1;
  } else if (p.at(SyntaxKind.RParen) && argumentNeeded) {
    p.expected("expression");
  } else if (!p.at(SyntaxKind.RParen)) {
    if (p.atKw("distinct") || p.atKw("all")) {
      if (exprListOnly) p.errorBump(`unexpected ${p.word!.toUpperCase()}: ${callee!.toUpperCase()}(…) takes a list of expressions`);
      else if (p.mysql && !(unqualified && (p.atKw("distinct") ? MYSQL_DISTINCT_AGGREGATES.has(callee ?? "") : callee === "count" || MYSQL_ONE_ARGUMENT_AGGREGATES.has(callee ?? "")))) {
        p.errorBump(`unexpected ${p.word!.toUpperCase()}: MySQL takes it in ${p.atKw("distinct") ? "COUNT, SUM, AVG, MIN, MAX and GROUP_CONCAT" : "its aggregates"} only`);
      } else p.bump();
    }
    do {
      if (intervalArgs && p.atKw("interval")) p.intervalAt = p.position;
      count++;
      // MySQL's grammar gives its aggregates one argument (COUNT(DISTINCT a, b) and GROUP_CONCAT apart).
      if (count === 2 && oneArgumentAggregate) p.wrongDialectAt(p.position - 1, `${callee!.toUpperCase()}(…) of several values`, `MySQL's ${callee!.toUpperCase()} aggregates one expression (GREATEST / LEAST compare values)`);
      // MySQL's EXTRACT takes a unit keyword (`EXTRACT(DAY_MINUTE FROM d)`), no expression.
      if (special === "extract" && p.mysql && count === 1 && !atMysqlIntervalUnit(p)) p.expected("a unit (YEAR, MONTH, DAY, HOUR_MINUTE, …)");
      // PostgreSQL's EXTRACT field is one name that is no keyword but YEAR … SECOND, or a string.
      if (special === "extract" && p.postgres && count === 1 && !atPostgresExtractField(p)) p.expected("a field (a name such as epoch, YEAR … SECOND, or a string)");
      // NORMALIZE(text, form): the form is one of the four keywords.
      if (special === "normalize" && p.postgres && count === 2 && !(p.at(SyntaxKind.Word) && UNICODE_NORMAL_FORMS.has(p.word!) && p.nth(1) === SyntaxKind.RParen)) p.expected("NFC, NFD, NFKC or NFKD");
      if (exprListOnly && p.nth(1) === SyntaxKind.Operator && (p.wordAt(1) === "=>" || p.wordAt(1) === ":=")) {
        const [start, end] = p.rangeAt(p.position + 1);
        p.report(SyntaxCode.UnexpectedToken, `${callee!.toUpperCase()}(…) takes no named arguments`, start, end);
      }
      // (MySQL reserves the two-part units, DAY_MINUTE and its kin: a keyword there, no expression.)
      if (special === "extract" && p.mysql && count === 1 && atMysqlIntervalUnit(p) && isReservedAt(p)) p.bump(SyntaxKind.Keyword);
      else parseArg(p, special === "trim" && count === 1);
      // Special argument syntax: EXTRACT(x FROM y), POSITION(a IN b), SUBSTRING(x FROM 1 FOR 2), TRIM(BOTH x FROM y)
      // Only EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY, NORMALIZE take keyword-separated arguments.
      while (specialSyntax && (p.atKw("from") || p.atKw("for") || p.atKw("in") || p.atKw("placing") || p.atKw("similar") || p.atKw("escape"))) {
        separators.push(p.word!);
        const sequence = separators.join(" ");
        const forms = special !== undefined && p.postgres ? SPECIAL_FORMS[special] : p.mysql ? (special !== undefined ? MYSQL_SPECIAL_FORMS[special] : undefined) ?? NO_FORMS : undefined;
        if (forms && (count > 1 || !forms.some((form) => form === sequence || form.startsWith(sequence + " ")))) {
          // One error per call: the separators after a wrong one follow from it.
          if (misplacedSeparator) p.bump();
          else p.errorBump(`unexpected ${p.word!.toUpperCase()} in ${(special ?? callee ?? "the call").toUpperCase()}(…)`);
          misplacedSeparator = true;
          parseArg(p);
          continue;
        }
        p.bump();
        // MySQL: POSITION(a IN expr) takes a whole expression after IN, `IN (…)` tests included.
        if (p.mysql && special === "position") p.noIn = false;
        parseArg(p);
      }
      // MySQL's WEIGHT_STRING(x AS CHAR(n)), PostgreSQL's TREAT(x AS type); in another MySQL call
      // `x AS type` is CAST's spelling (reported, then read the same way).
      if (p.atKw("as") && (p.mysql || (special === "treat" && p.postgres))) {
        if (p.mysql && callee !== "weight_string") {
          const [start, end] = p.currentRange();
          p.report(SyntaxCode.UnexpectedToken, "in MySQL `x AS type` stands in CAST(…) and WEIGHT_STRING(…) only: write CAST(x AS type)", start, end);
        }
        separators.push("as");
        p.bump();
        parseTypeName(p);
      }
      if (p.mysql && special !== undefined && p.at(SyntaxKind.Comma) && (MYSQL_NO_COMMA.has(special) || separators.length > 0)) {
        misplacedComma = true;
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, `${special.toUpperCase()}(…) takes ${MYSQL_NO_COMMA.has(special) ? "no comma-separated arguments" : "commas or FROM / FOR, not both"} in MySQL`, start, end);
      }
    } while (p.eat(SyntaxKind.Comma));
    if (special === "char" && p.atKw("using")) {
      // MySQL: CHAR(n, … USING charset)
      p.bump();
      expectCharsetName(p, "character set");
    }
    if (p.at(SyntaxKind.Word) && p.word === "order" && p.nthKw(1, "by")) {
      // (MySQL orders the arguments of GROUP_CONCAT alone; MariaDB those of JSON_ARRAYAGG too.)
      if (p.mysql && callee !== "group_concat" && callee !== "json_arrayagg") p.wrongDialect("ORDER BY in this call", "only GROUP_CONCAT takes one in MySQL");
      else if (exprListOnly) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, `${callee!.toUpperCase()}(…) takes no ORDER BY`, start, end);
      }
      parseOrderByClause(p);
    }
    if (p.atKw("separator")) {
      if (!p.mysql) p.wrongDialect("SEPARATOR", p.postgres ? "string_agg(value, separator) takes it as an argument" : "group_concat(value, separator) takes it as an argument");
      p.bump();
      p.expect(SyntaxKind.String, "string literal");
    }
    if (p.atKw("on") && p.nthKw(2, "null")) {
      // JSON_ARRAYAGG(x ABSENT ON NULL) and friends
      p.bump();
      p.bump();
    }
  }
  if (p.postgres && special !== undefined && separators.length > 0 && !misplacedSeparator) {
    // A form cut short: `SUBSTRING(a SIMILAR b)` wants its ESCAPE, `OVERLAY(a PLACING b)` its FROM.
    const sequence = separators.join(" ");
    const forms = SPECIAL_FORMS[special];
    const longer = forms?.find((form) => form.startsWith(sequence + " "));
    if (forms !== undefined && !forms.includes(sequence) && longer !== undefined) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.ExpectedToken, `${special.toUpperCase()}(… ${sequence.toUpperCase()} …) needs ${longer.slice(sequence.length + 1).split(" ")[0]!.toUpperCase()} next`, start, end);
    }
  }
  if (unqualified && callee !== undefined && separators.length === 0) {
    // MySQL's functions named with a keyword take as many arguments as their grammar rule gives.
    const arity = MYSQL_KEYWORD_CALL_ARITY.get(callee);
    if (arity !== undefined && (count < arity[0] || count > arity[1]) && p.at(SyntaxKind.RParen)) {
      const [start, end] = p.currentRange();
      const [min, max] = arity;
      const wanted = max === 0 ? "no argument" : min === max ? `${min} argument${min === 1 ? "" : "s"}` : max === Infinity ? `${min} argument${min === 1 ? "" : "s"} or more` : `${min} to ${max} arguments`;
      p.report(SyntaxCode.UnexpectedToken, `${callee.toUpperCase()}(…) takes ${wanted} in MySQL`, start, end);
    }
  }
  const required = special === undefined ? undefined : p.postgres ? REQUIRED_FORMS[special] : p.mysql ? MYSQL_REQUIRED_FORMS[special] : undefined;
  if (required !== undefined && !misplacedComma && separators.join(" ") !== required) {
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.ExpectedToken, `${special!.toUpperCase()}(…) needs ${required.toUpperCase()} between its two parts`, start, end);
  }
  p.leave();
  if (!p.at(SyntaxKind.RParen)) p.recoverUntil(() => p.at(SyntaxKind.RParen));
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
  return count;
}

export function parseArg(p: Parser, trimFirst = false): void {
  if (p.sqlite) {
    parseExpr(p);
    return;
  }
  // TRIM(LEADING 'x' FROM y), TRIM(BOTH FROM y): the words start TRIM's first argument alone.
  if (trimFirst && (p.atKw("leading") || p.atKw("trailing") || p.atKw("both"))) {
    p.bump();
    if (p.atKw("from")) return;
  }
  // A named argument's name is a `type_function_name` (`f(group => 1)` is a syntax error).
  if (p.postgres && p.nth(1) === SyntaxKind.Operator && (p.wordAt(1) === "=>" || p.wordAt(1) === ":=") && atTypeFunctionName(p)) {
    p.start(SyntaxKind.NamedArg);
    p.bumpIdent();
    p.bump();
    parseExpr(p);
    p.finish();
    return;
  }
  const variadic = p.atKw("variadic") && !p.sqlite;
  if (variadic) p.bump();
  if (!parseExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
  if (variadic && p.postgres && p.at(SyntaxKind.Comma)) {
    // The array passed for a VARIADIC parameter is the last argument (PostgreSQL's grammar).
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, "a VARIADIC argument must be the last one", start, end);
  }
}

export function parseCallSuffixes(p: Parser): void {
  if (p.atKw("within") && p.nthKw(1, "group")) {
    if (p.sqlite) p.wrongDialect("WITHIN GROUP", "SQLite's ordered aggregates take ORDER BY inside the call");
    else if (p.mysql) p.wrongDialect("WITHIN GROUP", "MySQL has no ordered-set aggregates");
    p.start(SyntaxKind.WithinGroupClause);
    p.bump();
    p.bump();
    p.expect(SyntaxKind.LParen, "'('");
    if (p.atKw("order")) parseOrderByClause(p);
    else p.expected("ORDER BY");
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  if (p.atKw("filter") && p.nth(1) === SyntaxKind.LParen) {
    if (p.mysql) p.wrongDialect("FILTER (WHERE …)", "use SUM(CASE WHEN … THEN … END) or similar");
    p.start(SyntaxKind.FilterClause);
    p.bump();
    p.bump();
    p.expectKw("where");
    parseExpr(p);
    p.expect(SyntaxKind.RParen, "')'");
    p.finish();
  }
  if ((p.atKw("respect") || p.atKw("ignore")) && p.nthKw(1, "nulls")) {
    p.bump();
    p.bump();
  }
  // (SQLite's OVER is a keyword only before `(` or a window name; else a name: `count(*) over`.)
  if (p.atKw("over") && !(p.sqlite && p.nth(1) !== SyntaxKind.LParen && !atIdent(p, 1))) {
    p.start(SyntaxKind.OverClause);
    p.bump();
    if (p.at(SyntaxKind.LParen)) parseWindowSpec(p);
    else expectIdent(p, "window name");
    p.finish();
  }
}

/** MySQL's INTERVAL units (`DAY`, `HOUR_MINUTE`, …). */
const MYSQL_INTERVAL_UNITS = new Set([
  "microsecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year", "second_microsecond",
  "minute_microsecond", "minute_second", "hour_microsecond", "hour_second", "hour_minute", "day_microsecond",
  "day_second", "day_minute", "day_hour", "year_month",
]);

/** Whether an INTERVAL unit is the current token (MySQL); another word ends the INTERVAL(n, …) function's call. */
function atMysqlIntervalUnit(p: Parser): boolean {
  return p.at(SyntaxKind.Word) && MYSQL_INTERVAL_UNITS.has(p.word!);
}

/** MySQL: whether `MATCH col [, col …] AGAINST` follows, with the columns unparenthesized. */
function matchColumnsAhead(p: Parser): boolean {
  for (let n = 1; n < 64; n += 2) {
    if (!atLabel(p, n)) return false;
    let m = n + 1;
    while (p.nth(m) === SyntaxKind.Dot && atLabel(p, m + 1)) m += 2;
    if (p.nthKw(m, "against")) return true;
    if (p.nth(m) !== SyntaxKind.Comma) return false;
    n = m - 1;
  }
  return false;
}

/** Whether a string token is a Unicode escape string, `U&'…'`. */
function isUnicodeString(text: string): boolean {
  return (text.charCodeAt(0) | 0x20) === 117 && text.charCodeAt(1) === 38;
}

/**
 * The string after UESCAPE (at the cursor): PostgreSQL takes one character that is no hex
 * digit, `+`, quote or blank ("invalid Unicode escape character").
 */
function checkUnicodeEscapeCharacter(p: Parser): void {
  const text = p.literalText();
  const inner = text.length === 3 && text.charCodeAt(0) === 39 && text.charCodeAt(2) === 39 ? text.charCodeAt(1) : -1;
  const bad = inner < 0 || /[0-9A-Fa-f+'"\s]/.test(String.fromCharCode(inner));
  if (!bad) return;
  const [start, end] = p.currentRange();
  p.report(SyntaxCode.UnexpectedToken, "invalid Unicode escape character: UESCAPE takes one character that is no hex digit, '+', quote or blank", start, end);
}
