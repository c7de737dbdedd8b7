import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { POSTGRES_COL_NAME_OTHERS_CLASS } from "../lexer/keywords.js";
import { parseIfExists } from "./ddl-table.js";
import { atLabel, atReservedRoleWord, atSubstitutedName, expectIdent, expectLabel, expectRoleName, parseOperatorName, parseQualifiedName, parseRoutineName, reservedAsName } from "./names.js";
import type { Parser } from "./parser.js";
import { parseRoutineParams, type SignatureForms } from "./ddl-routine.js";
import { parseTypeName } from "./types.js";

/**
 * PostgreSQL names most objects the same way in DROP, COMMENT ON, SECURITY LABEL, ALTER …
 * OWNER TO / RENAME TO / SET SCHEMA and ALTER EXTENSION ADD: an object kind of one to
 * three words, then a designator whose shape depends on the kind (a qualified name, a
 * routine signature, `op (left, right)`, `(source AS target)`, `name ON table`, …). This
 * module reads both, so each statement only says which kinds it takes.
 */

/** A kind written as more than one word: the words after the first, and the kind's spelling. */
interface MultiWordKind {
  readonly rest: readonly string[];
  readonly kind: string;
}

/**
 * Object kinds written as more than one word, by first word (longest first). The
 * spellings are built once here: DROP and ALTER run through this for every statement, so
 * finding a kind allocates nothing.
 */
const MULTI_WORD_KINDS: ReadonlyMap<string, readonly MultiWordKind[]> = new Map(
  Object.entries({
    materialized: [["view"]],
    foreign: [["data", "wrapper"], ["table"]],
    event: [["trigger"]],
    access: [["method"]],
    large: [["object"]],
    text: [["search", "configuration"], ["search", "dictionary"], ["search", "parser"], ["search", "template"]],
    operator: [["class"], ["family"]],
    user: [["mapping"]],
    procedural: [["language"]],
  }).map(([first, forms]) => [first, forms.map((rest) => ({ rest, kind: `${first} ${rest.join(" ")}` }))]),
);

/** The number of words of each multi-word kind (a one-word kind is not listed). */
const KIND_WORD_COUNT: ReadonlyMap<string, number> = new Map(
  [...MULTI_WORD_KINDS.values()].flat().map((form) => [form.kind, form.rest.length + 1]),
);

/** Kinds whose objects are named by a possibly schema-qualified name (and nothing else). */
const PLAIN_NAME_KINDS = new Set([
  "table", "sequence", "view", "materialized view", "index", "foreign table", "type", "domain", "collation",
  "conversion", "statistics", "text search configuration", "text search dictionary", "text search parser",
  "text search template", "schema", "extension", "server", "foreign data wrapper", "publication", "subscription",
  "tablespace", "database", "event trigger", "language", "procedural language", "access method", "column",
]);

/** Every kind {@link parseObjectName} knows, for statements that take them all. */
export const ALL_OBJECT_KINDS: ReadonlySet<string> = new Set([
  ...PLAIN_NAME_KINDS, "function", "procedure", "routine", "aggregate", "operator", "operator class",
  "operator family", "cast", "transform", "trigger", "policy", "rule", "constraint", "large object", "role",
  "user", "group", "user mapping",
]);

/**
 * The object kind at the cursor (one to three words), when it is one of `allowed`: wraps
 * its words in an `ObjectKind` node and returns its canonical spelling (`"operator class"`),
 * else consumes nothing and returns `undefined`.
 */
export function parseObjectKind(p: Parser, allowed: ReadonlySet<string>): string | undefined {
  const kind = objectKindAt(p, allowed, 0);
  if (kind === undefined) return undefined;
  p.start(SyntaxKind.ObjectKind);
  for (let words = KIND_WORD_COUNT.get(kind) ?? 1; words > 0; words--) p.bump(SyntaxKind.Keyword);
  p.finish();
  return kind;
}

/** The object kind starting `n` tokens ahead when it is one of `allowed` (nothing consumed). */
export function objectKindAt(p: Parser, allowed: ReadonlySet<string>, n: number): string | undefined {
  if (p.nth(n) !== SyntaxKind.Word) return undefined;
  const first = p.wordAt(n)!;
  const forms = MULTI_WORD_KINDS.get(first);
  if (forms !== undefined) {
    for (const { rest, kind } of forms) {
      let i = 0;
      while (i < rest.length && p.nthKw(n + i + 1, rest[i]!)) i++;
      if (i < rest.length) continue;
      // `USER mapping` could be a role named "mapping": only the mapping form goes on with FOR / IF.
      if (kind === "user mapping" && !(p.nthKw(n + 2, "for") || p.nthKw(n + 2, "if"))) break;
      if (allowed.has(kind)) return kind;
    }
  }
  return allowed.has(first) ? first : undefined;
}

/**
 * The designator of one object of `kind` (after the kind and any IF [NOT] EXISTS):
 * `name`, `name (args)`, `op (left, right)`, `(source AS target)`, `name USING method`,
 * `name ON table`, `FOR type LANGUAGE lang`, `FOR role SERVER server`, or a number.
 */
export function parseObjectName(p: Parser, kind: string, typeNames = false): void {
  if (typeNames && p.postgres && (kind === "type" || kind === "domain")) {
    // COMMENT ON, SECURITY LABEL ON and ALTER EXTENSION name a type as a type is written
    // (`double precision`, `left`), never by a column-name keyword that is no type (`coalesce`).
    if (p.at(SyntaxKind.Word) && p.nth(1) !== SyntaxKind.Dot && (p.wordClassesAt(0) & POSTGRES_COL_NAME_OTHERS_CLASS) !== 0) {
      p.start(SyntaxKind.QualifiedName);
      reservedAsName(p, "a type name");
      p.finish();
    } else parseTypeName(p);
    return;
  }
  switch (kind) {
    case "function":
    case "procedure":
    case "routine":
    case "aggregate":
      parseRoutineName(p, nameOf(kind));
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p, kind === "aggregate" ? AGGREGATE_SIGNATURE : {});
      else if (kind === "aggregate") p.expected("'(' and the aggregate's argument types");
      return;
    case "operator":
      parseOperatorName(p);
      if (p.at(SyntaxKind.LParen)) parseRoutineParams(p, OPERATOR_SIGNATURE);
      else p.expected("'(' and the operator's argument types");
      return;
    case "operator class":
    case "operator family":
      parseQualifiedName(p, nameOf(kind));
      p.expectKw("using");
      expectIdent(p, "index method");
      return;
    case "cast":
      parseCastTypes(p);
      return;
    case "transform":
      parseTransformTarget(p);
      return;
    case "trigger":
    case "policy":
    case "rule":
    case "constraint":
      expectIdent(p, nameOf(kind));
      p.expectKw("on");
      // ON DOMAIN d, or ON a table named domain (`ON domain IS 'x'`: DOMAIN is unreserved).
      if (kind === "constraint" && p.atKw("domain") && (atLabel(p, 1) || p.nth(1) === SyntaxKind.QuotedIdent) && !p.nthKw(1, "is")) p.bump();
      parseQualifiedName(p, "table name");
      return;
    case "large object":
      if (p.atOp("-") && p.nth(1) === SyntaxKind.Number) p.bump();
      p.expect(SyntaxKind.Number, "large object number");
      return;
    case "user mapping":
      p.expectKw("for");
      parseMappedRole(p);
      p.expectKw("server");
      expectIdent(p, "server name");
      return;
    case "role":
    case "user":
    case "group":
      parseRoleSpec(p);
      return;
    default:
      parseQualifiedName(p, nameOf(kind));
  }
}

/** "table name", "operator class name", …: what an error says is missing (made once per kind, not per call). */
const NAME_OF_KIND = new Map<string, string>();
function nameOf(kind: string): string {
  let what = NAME_OF_KIND.get(kind);
  if (what === undefined) NAME_OF_KIND.set(kind, (what = `${kind} name`));
  return what;
}

/** An aggregate's argument types: `(*)`, `(int, text)`, `(int ORDER BY text)`. */
export const AGGREGATE_SIGNATURE: SignatureForms = { star: true, orderBy: true };
/** An operator's operand types, `NONE` for a prefix operator's left one: `(NONE, int)`. */
export const OPERATOR_SIGNATURE: SignatureForms = { none: true, operator: true };
/** An operator class's or family's item types, `FUNCTION 1 (int)` / `OPERATOR 1 < (int, int)`: one or two, NONE for a missing one. */
export const OPERATOR_CLASS_ITEM_TYPES: SignatureForms = { none: true };

/** `(source AS target)`: what names a cast. */
export function parseCastTypes(p: Parser): void {
  if (p.expect(SyntaxKind.LParen, "'('")) {
    parseTypeName(p);
    p.expectKw("as");
    parseTypeName(p);
    p.expect(SyntaxKind.RParen, "')'");
  }
}

/** `FOR type LANGUAGE lang`: what names a transform. */
export function parseTransformTarget(p: Parser): void {
  p.expectKw("for");
  parseTypeName(p);
  p.expectKw("language");
  expectIdent(p, "language name");
}


/** A role: a name, a string (MySQL), or CURRENT_USER / SESSION_USER / CURRENT_ROLE / PUBLIC / USER. */
export function parseRoleSpec(p: Parser): void {
  if (atReservedRoleWord(p)) reservedAsName(p, "a role name");
  else if (atLabel(p) || atSubstitutedName(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
  else p.expected("role name");
}

/** The role of a user mapping: a role, or USER (the current user; reserved elsewhere). */
export function parseMappedRole(p: Parser): void {
  if (p.atKw("user")) p.bump(SyntaxKind.Keyword);
  else parseRoleSpec(p);
}

/** A comma-separated list of roles (`REASSIGN OWNED BY a, b`, `DROP OWNED BY …`). */
export function parseRoleList(p: Parser): void {
  p.start(SyntaxKind.RoleList);
  do parseRoleSpec(p);
  while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** `IF EXISTS` when present (PostgreSQL spells it out; a bare IF is not it). */
export function parseOptionalIfExists(p: Parser): void {
  if (p.atKw("if") && p.nthKw(1, "exists")) parseIfExists(p);
}

/** Consumes the rest of a statement whose remaining form is not modelled, with an info diagnostic. */
export function unsupportedTail(p: Parser): void {
  if (p.atEnd || p.at(SyntaxKind.Semicolon)) return;
  const [start] = p.currentRange();
  p.start(SyntaxKind.Error);
  while (!p.atEnd && !p.at(SyntaxKind.Semicolon)) p.bumpBalancedKeyword();
  p.finish();
  p.report(SyntaxCode.UnsupportedStatement, "this form of the statement is not supported by the parser yet", start, p.prevEnd(), "info");
}

/** RENAME TO x / OWNER TO r / SET SCHEMA s — shared by most ALTER forms. */
export function parseCommonAlterTail(p: Parser): boolean {
  if (p.atKw("rename") && p.nthKw(1, "to")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    expectIdent(p, "new name");
    p.finish();
    return true;
  }
  if (p.atKw("owner") && p.nthKw(1, "to")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    expectRoleName(p);
    p.finish();
    return true;
  }
  if (p.atKw("set") && p.nthKw(1, "schema")) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    expectIdent(p, "schema name");
    p.finish();
    return true;
  }
  return false;
}
