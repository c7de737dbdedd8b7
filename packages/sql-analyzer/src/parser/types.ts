import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { POSTGRES_COL_NAME_OTHERS_CLASS, POSTGRES_COL_NAME_TYPES, POSTGRES_TYPE_FUNC_NAME_CLASS, SQLITE_JOIN_KEYWORDS } from "../lexer/keywords.js";
import { parseExpr } from "./expressions.js";
import { atIdent, atLabel, atSubstitutedName, expectCharsetName, reservedAsName } from "./names.js";
import type { Parser } from "./parser.js";

/** Words that may follow the first word of a multi-word PostgreSQL/SQL type. */
function continuesType(first: string, next: string | undefined): boolean {
  switch (first) {
    case "double":
      return next === "precision";
    case "character":
    case "char":
    case "nchar":
    case "bit":
    case "varchar":
      return next === "varying";
    case "national":
      return next === "character" || next === "char" || next === "varchar";
    case "long":
      return next === "varchar" || next === "varbinary" || next === "raw";
    default:
      return false;
  }
}

/**
 * Whether a type name of more than one word starts at the current token (`double precision`,
 * `character varying`, `timestamp with time zone`): where a single word is usually read as a
 * name (an option value), such a type is read with `parseTypeName` instead.
 */
export function atMultiWordType(p: Parser): boolean {
  const first = p.word;
  if (first === undefined || !p.at(SyntaxKind.Word)) return false;
  if (continuesType(first, p.wordAt(1))) return true;
  return (first === "timestamp" || first === "time") && (p.nthKw(1, "with") || p.nthKw(1, "without"));
}

/** MySQL's types (by their last word) that need a length: VARCHAR(n), VARBINARY(n), CHAR VARYING(n), … (LONG VARCHAR, a MEDIUMTEXT, takes none). */
const MYSQL_LENGTH_NEEDED: ReadonlySet<string> = new Set(["varchar", "varbinary", "nvarchar", "varcharacter", "varying"]);

/** The words that start a data type in MySQL's grammar (its `type` rule), and CAST's SIGNED / UNSIGNED. */
const MYSQL_TYPE_WORDS: ReadonlySet<string> = new Set([
  "bit", "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "int1", "int2", "int3", "int4", "int8", "middleint",
  "serial", "real", "double", "float", "float4", "float8", "decimal", "dec", "numeric", "fixed", "bool", "boolean", "date",
  "datetime", "timestamp", "time", "year", "char", "character", "nchar", "national", "varchar", "nvarchar", "varcharacter",
  "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "long", "tinytext", "text", "mediumtext", "longtext",
  "enum", "set", "json", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
  "geometrycollection", "geomcollection", "signed", "unsigned",
]);

/** MySQL's character types: the only ones its grammar gives a CHARACTER SET. */
const MYSQL_CHARACTER_TYPES = new Set([
  "char", "character", "varchar", "nchar", "nvarchar", "national", "text", "tinytext", "mediumtext", "longtext", "enum", "set", "long",
]);

/** SQLite: whether the token at the cursor may be (part of) a type name: a name, but no reserved word, join keyword or INDEXED. */
function atSqliteTypeWord(p: Parser): boolean {
  return atIdent(p) && !(p.at(SyntaxKind.Word) && (SQLITE_JOIN_KEYWORDS.has(p.word!) || p.word === "indexed"));
}

/**
 * SQLite: the rest of a type name, any sequence of names and strings (`UNSIGNED BIG INT`,
 * `INT "x"`, `text []`: a bracketed name). Its reserved words end the name, and GENERATED
 * before `ALWAYS AS` or `AS` (a generated column: SQLite itself reads GENERATED ALWAYS into the
 * type and drops it from there, so `INT GENERATED ALWAYS ALWAYS AS (1)` is a type and `AS (1)`).
 */
function parseSqliteTypeWords(p: Parser): void {
  for (;;) {
    const k = p.kind;
    if (k === SyntaxKind.String || k === SyntaxKind.QuotedIdent) p.bump();
    else if (k === SyntaxKind.Word && atSqliteTypeWord(p) && !(p.atKw("generated") && ((p.nthKw(1, "always") && p.nthKw(2, "as")) || p.nthKw(1, "as")))) p.bumpIdent();
    else return;
  }
}

/**
 * PostgreSQL: whether the word at the cursor cannot start a type name. A type is named by an
 * identifier, a non-reserved keyword, a "type or function name" keyword or one of the
 * keywords that are types (`int`, `varchar`, …), not by another reserved word or column-name
 * keyword (`x::user`, `x::coalesce` are syntax errors there).
 */
function notATypeName(p: Parser): boolean {
  if (!p.at(SyntaxKind.Word)) return false;
  const classes = p.wordClassesAt(0);
  if ((classes & p.reservedClass) !== 0) return (classes & POSTGRES_TYPE_FUNC_NAME_CLASS) === 0;
  return (classes & POSTGRES_COL_NAME_OTHERS_CLASS) !== 0;
}

/** PostgreSQL's type keywords that take no modifiers (`int(11)` is a syntax error there). */
const POSTGRES_TYPES_WITHOUT_MODIFIERS = new Set(["int", "integer", "smallint", "bigint", "real", "boolean", "double", "json"]);

/**
 * A data type: `int`, `numeric(10, 2)`, `double precision`, `character varying(20)`,
 * `timestamp(3) with time zone`, `interval day to second`, `text[]`, `int array[3]`,
 * `schema.type`, `tbl.col%TYPE`, MySQL `int(11) unsigned zerofill`, `enum('a','b')`,
 * `varchar(10) character set utf8mb4`, and SQLite's free-form multi-word names.
 */
export function parseTypeName(p: Parser): boolean {
  if (atSubstitutedName(p) && p.nth(1) === SyntaxKind.Dot && atLabel(p, 2)) {
    // `@extschema@.my_type`, `:schema.my_type`: a schema that the script's runner puts in.
    p.start(SyntaxKind.TypeName);
    p.bump();
    while (p.at(SyntaxKind.Dot) && atLabel(p, 1)) {
      p.bump();
      p.bumpIdent();
    }
    if (p.at(SyntaxKind.LParen)) parseTypeArgs(p, p.postgres);
    parseArrayBounds(p);
    p.finish();
    return true;
  }
  if (p.sqlite && (p.at(SyntaxKind.String) || p.at(SyntaxKind.QuotedIdent))) {
    // SQLite spells a type with any names and strings: `'x' INT`, `"my type"`, `[t]`.
    p.start(SyntaxKind.TypeName);
    parseSqliteTypeWords(p);
    if (p.at(SyntaxKind.LParen)) parseTypeArgs(p);
    p.finish();
    return true;
  }
  if (!atLabel(p) || (p.sqlite && !atSqliteTypeWord(p))) {
    p.expected("type name");
    return false;
  }
  p.start(SyntaxKind.TypeName);
  if (p.atKw("setof")) {
    p.bump();
    if (!atLabel(p) && !atSubstitutedName(p)) {
      p.expected("type name");
      p.finish();
      return true;
    }
  }
  const first = p.word;
  // MySQL's types are words of its grammar: a name it does not know, or a qualified one, is no type there.
  if (p.mysql && (first === undefined || !MYSQL_TYPE_WORDS.has(first) || p.nth(1) === SyntaxKind.Dot)) p.wrongDialect(`${p.tokenText()} as a type`, "MySQL has no such type");
  if (p.postgres && p.nth(1) !== SyntaxKind.Dot && notATypeName(p)) reservedAsName(p, "a type name");
  else p.bumpIdent();
  if (first !== undefined && (continuesType(first, p.word) || (p.mysql && first === "nchar" && p.atKw("varchar")))) {
    // (MySQL's NCHAR VARCHAR is its NVARCHAR.)
    if (p.postgres && first === "national" && p.word === "varchar") p.expected("CHARACTER or CHAR after NATIONAL");
    p.bumpIdent();
    if (p.atKw("varying")) p.bumpIdent();
  } else if (p.postgres && first === "national") {
    p.expected("CHARACTER or CHAR after NATIONAL");
  } else if (!p.sqlite) {
    while (p.at(SyntaxKind.Dot) && atLabel(p, 1)) {
      p.bump();
      p.bumpIdent();
    }
  }
  if (p.sqlite) {
    // SQLite type names are any sequence of identifiers: `UNSIGNED BIG INT`, `NATIVE CHARACTER(70)`,
    // `BIGINT UNSIGNED`, `DOUBLE PRECISION OID`, even `INT AUTO_INCREMENT` (a word SQLite does not
    // reserve is a name to it). Its reserved words end the name, and GENERATED when a generated
    // column follows.
    parseSqliteTypeWords(p);
  }
  if (p.at(SyntaxKind.Operator) && p.word === "%" && (p.nthKw(1, "type") || p.nthKw(1, "rowtype"))) {
    p.bump();
    p.bump();
  }
  const modifiers = p.at(SyntaxKind.LParen);
  if (modifiers && p.postgres && first !== undefined && POSTGRES_TYPES_WITHOUT_MODIFIERS.has(first) && p.behind(2) !== SyntaxKind.Dot && (p.wordAt(-1) === first || (first === "double" && p.wordAt(-1) === "precision"))) {
    // `int(11)`, a MySQL habit: PostgreSQL's integer, floating-point, boolean and json types take no modifier.
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.UnexpectedToken, `${first === "double" ? "DOUBLE PRECISION" : first.toUpperCase()} takes no length or precision in PostgreSQL`, start, end);
  }
  if (p.mysql && !modifiers && first !== "long" && MYSQL_LENGTH_NEEDED.has(p.wordAt(-1) ?? "")) p.expected("a length, `(n)`: MySQL's variable-length types need one");
  if (modifiers) parseTypeArgs(p, takesExpressionModifiers(p, first));
  if ((first === "timestamp" || first === "time") && !p.sqlite) {
    if ((p.atKw("with") || p.atKw("without")) && p.nthKw(1, "time") && p.nthKw(2, "zone")) {
      if (p.mysql) p.wrongDialect(`${p.word!.toUpperCase()} TIME ZONE`, "MySQL's TIMESTAMP is stored in UTC and shown in the session's zone; DATETIME keeps no zone");
      p.bump();
      p.bump();
      p.bump();
    }
  } else if (first === "interval" && p.postgres) {
    if (modifiers && p.at(SyntaxKind.Word) && ["year", "month", "day", "hour", "minute", "second"].includes(p.word!)) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "INTERVAL(p) takes no fields: write the precision after SECOND (INTERVAL DAY TO SECOND(3))", start, end);
    }
    parseIntervalFields(p);
  }
  if (p.mysql) {
    // CAST(x AS SIGNED INTEGER) / UNSIGNED INT
    const castSign = first === "signed" || first === "unsigned";
    if (castSign && (p.atKw("integer") || p.atKw("int"))) p.bumpIdent();
    // A numeric column type's options (INT UNSIGNED ZEROFILL); CAST's SIGNED / UNSIGNED take none.
    else if (!castSign) while (p.atKw("unsigned") || p.atKw("signed") || p.atKw("zerofill")) p.bump();
    if ((p.atKw("character") && p.nthKw(1, "set")) || p.atKw("charset")) {
      const [start] = p.currentRange();
      if (p.atKw("character")) p.bump();
      p.bump();
      expectCharsetName(p, "character set");
      if (first !== undefined && !MYSQL_CHARACTER_TYPES.has(first))
        p.report(SyntaxCode.UnexpectedToken, "in MySQL only character types (CHAR, VARCHAR, TEXT, ENUM, SET) take a CHARACTER SET", start, p.prevEnd());
    }
    if (p.atKw("binary")) p.bump();
  }
  parseArrayBounds(p);
  p.finish();
  return true;
}

/** `YEAR`, `DAY TO SECOND`, … after INTERVAL (PostgreSQL). */
export function parseIntervalFields(p: Parser): void {
  const fields = ["year", "month", "day", "hour", "minute", "second"];
  if (p.at(SyntaxKind.Word) && fields.includes(p.word!)) {
    const from = p.word!;
    p.bump();
    if (p.atKw("to") && fields.includes(p.wordAt(1) ?? "")) {
      p.bump();
      const to = p.word!;
      // A range runs from a larger field to a smaller one within YEAR–MONTH or DAY–SECOND.
      if (!INTERVAL_RANGES.has(`${from} ${to}`)) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, `INTERVAL ${from.toUpperCase()} TO ${to.toUpperCase()} is no interval range (YEAR TO MONTH, DAY TO HOUR/MINUTE/SECOND, HOUR TO MINUTE/SECOND or MINUTE TO SECOND)`, start, end);
      }
      p.bump();
    }
    // Only SECOND takes a precision: `INTERVAL SECOND(3)`, `INTERVAL DAY TO SECOND(3)`.
    if (p.at(SyntaxKind.LParen)) parseTypeArgs(p);
  }
}

/** PostgreSQL's interval field ranges, as `from to`. */
const INTERVAL_RANGES = new Set(["year month", "day hour", "day minute", "day second", "hour minute", "hour second", "minute second"]);

/**
 * PostgreSQL type keywords whose modifiers are an expression list, as a generic type's are (the
 * other type keywords take numbers): also the type keywords a typed literal with expression
 * modifiers may name (`numeric(10, 2, 3) '1'`).
 */
export const POSTGRES_EXPR_MODIFIER_KEYWORDS = new Set(["numeric", "decimal", "dec", "bit"]);

/**
 * Whether a PostgreSQL type named by `first` takes expressions as its modifiers (its grammar's
 * `opt_type_modifiers`: a generic type such as `text(a >= 6)` or `my_type(1 + 1)`, NUMERIC, BIT);
 * the other type keywords take numbers.
 */
function takesExpressionModifiers(p: Parser, first: string | undefined): boolean {
  return p.postgres && first !== undefined && (!POSTGRES_COL_NAME_TYPES.has(first) || POSTGRES_EXPR_MODIFIER_KEYWORDS.has(first));
}

/** Whether the type modifier here is one token (a signed one too) that `,` or `)` ends. */
function atPlainTypeArg(p: Parser): boolean {
  const signed = p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+") ? 1 : 0;
  const k = p.nth(signed);
  if (k !== SyntaxKind.Number && k !== SyntaxKind.String && !(signed === 0 && atLabel(p))) return false;
  const after = p.nth(signed + 1);
  return after === SyntaxKind.Comma || after === SyntaxKind.RParen;
}

function parseTypeArgs(p: Parser, expressions = false): void {
  p.start(SyntaxKind.TypeArgs);
  p.bump();
  if (p.at(SyntaxKind.RParen)) p.expected("type modifier"); // `decimal()`: no dialect takes empty modifiers
  while (!p.atStatementEnd && !p.at(SyntaxKind.RParen)) {
    if (expressions && !atPlainTypeArg(p)) {
      // (A plain number or name stays a token, as in every other type's modifiers.)
      if (!parseExpr(p)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.RParen));
      if (!p.eat(SyntaxKind.Comma)) break;
      if (p.at(SyntaxKind.RParen)) p.expected("type modifier");
      continue;
    }
    // PostgreSQL's type keywords (CHAR, VARCHAR, FLOAT, TIME, TIMESTAMP, INTERVAL) take plain integers,
    // SQLite's types one or two numbers with an optional sign.
    if (p.postgres && !expressions && !p.atInteger()) p.expected("an integer");
    else if (p.sqlite && !(p.at(SyntaxKind.Number) || (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+") && p.nth(1) === SyntaxKind.Number))) p.expected("a number");
    else if (p.sqlite && p.behind(1) === SyntaxKind.Comma && p.behind(3) === SyntaxKind.Comma) p.expected("')': a SQLite type takes two numbers at most");
    // MySQL: numbers (a length, a precision), or ENUM's and SET's strings.
    else if (p.mysql && !p.at(SyntaxKind.Number) && !p.at(SyntaxKind.String)) p.expected("a number");
    if (p.at(SyntaxKind.Operator) && (p.word === "-" || p.word === "+")) p.bump();
    if (p.at(SyntaxKind.Number) || p.at(SyntaxKind.String) || atLabel(p)) p.bump();
    else {
      p.errorBump("expected a type argument");
      continue;
    }
    if (!p.eat(SyntaxKind.Comma)) break;
    if (p.at(SyntaxKind.RParen)) p.expected("type modifier"); // `numeric(10,)`
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

function parseArrayBounds(p: Parser): void {
  if (p.mysql && p.at(SyntaxKind.LBracket)) p.wrongDialect("an array type", "MySQL keeps a list in a JSON column");
  while (p.at(SyntaxKind.LBracket) || (p.atKw("array") && p.postgres)) {
    p.start(SyntaxKind.ArrayBounds);
    // The SQL-standard spelling, `int ARRAY` or `int ARRAY[3]`, has one bound at most, given.
    const standard = p.atKw("array");
    if (standard) p.bump();
    if (p.at(SyntaxKind.LBracket)) {
      p.bump();
      // (PostgreSQL: an integer; `[1e3]`, `[-1]` are errors.)
      if (p.at(SyntaxKind.Number) && p.postgres && !p.atInteger()) p.expected("an integer array size");
      if (p.at(SyntaxKind.Number)) p.bump();
      else if (standard) p.expected("array size");
      p.expect(SyntaxKind.RBracket, "']'");
    }
    p.finish();
    if (standard || !p.at(SyntaxKind.LBracket)) break;
  }
}
