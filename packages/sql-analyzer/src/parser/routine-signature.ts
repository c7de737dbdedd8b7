import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import type { Parser } from "./parser.js";

/**
 * What a CREATE FUNCTION's parameter list holds, for the signature checks: filled while the
 * list is parsed (`SignatureForms.params`), with no object per parameter.
 */
export class ParamSummary {
  /** Parameters a caller passes: IN (also when no mode is written), INOUT, VARIADIC. */
  inputs = 0;
  /** OUT and INOUT parameters. */
  outs = 0;
  /** The type of the first OUT or INOUT parameter, `[outFrom, outTo)` in past cursor positions. */
  outFrom = -1;
  outTo = -1;

  /** Counts a parameter of `mode` whose type is `[typeFrom, typeTo)`. */
  add(mode: ParamMode, typeFrom: number, typeTo: number): void {
    if (mode !== "out") this.inputs++;
    if (mode === "out" || mode === "inout") {
      if (this.outs === 0) {
        this.outFrom = typeFrom;
        this.outTo = typeTo;
      }
      this.outs++;
    }
  }
}

/** A parameter's mode: `in` also when no mode is written. */
export type ParamMode = "in" | "out" | "inout" | "variadic";

/** What CREATE FUNCTION said about its result, for `checkRoutineSignature`. */
export interface RoutineResultInfo {
  /** The RETURNS type (SETOF included), `[from, to)` in past cursor positions; absent without one. */
  readonly returnsFrom: number | undefined;
  readonly returnsTo: number | undefined;
  /** RETURNS TABLE (…). */
  readonly table: boolean;
  /** RETURNS trigger / event_trigger. */
  readonly trigger: "trigger" | "event_trigger" | undefined;
  /** The parameter list, `[from, to)` in past cursor positions (where its errors are shown). */
  readonly paramsFrom: number;
  readonly paramsTo: number;
  readonly language: string | undefined;
}

/**
 * The checks PostgreSQL's CREATE FUNCTION makes of a signature before it looks at the body, which
 * its raw grammar does not: OUT and INOUT parameters in a RETURNS TABLE function; a RETURNS type
 * other than `record` with several OUT parameters, or other than the one OUT parameter's type;
 * a trigger or event trigger function in SQL; and (PL/pgSQL's compiler) one with declared
 * arguments. Types are compared only when both are PostgreSQL's own (`int` and `integer` are one,
 * `varchar` and `text` two): a type of the database's own is never taken for another one, as only
 * the catalog knows what it is. Only worth calling with OUT parameters or a trigger result.
 */
export function checkRoutineSignature(p: Parser, params: ParamSummary, result: RoutineResultInfo): void {
  const paramsRange = (): [number, number] => [p.rangeAt(result.paramsFrom)[0], p.rangeAt(result.paramsTo - 1)[1]];
  if (result.table) {
    if (params.outs > 0) report(p, "OUT and INOUT parameters are not allowed in a function that RETURNS TABLE (its columns are the OUT parameters)", ...paramsRange());
    return;
  }
  const { returnsFrom, returnsTo } = result;
  if (returnsFrom !== undefined && returnsTo !== undefined && params.outs > 0) {
    const returns = typeBetween(p, returnsFrom, returnsTo);
    const range: [number, number] = [p.rangeAt(returnsFrom)[0], p.rangeAt(returnsTo - 1)[1]];
    if (params.outs > 1) {
      if (returns !== undefined && returns !== "record") report(p, "the result type must be record because of the OUT parameters", ...range);
    } else {
      // One OUT parameter: the result is its type. Two built-in types are compared; a built-in
      // type is never a type of the database's own (a named one: `t.c%TYPE` may be any), but
      // whether `record` is one is the catalog's to say.
      const out = typeBetween(p, params.outFrom, params.outTo);
      const mismatch =
        out !== undefined && returns !== undefined
          ? out !== returns
          : out !== undefined
            ? isNamedType(p, returnsFrom, returnsTo)
            : returns !== undefined && returns !== "record" && isNamedType(p, params.outFrom, params.outTo);
      if (mismatch) report(p, `the result type must be ${out ?? "the OUT parameter's type"} because of the OUT parameter`, ...range);
    }
  }
  const trigger = result.trigger;
  if (trigger === undefined || returnsFrom === undefined || returnsTo === undefined) return;
  const what = trigger === "trigger" ? "a trigger function" : "an event trigger function";
  // A trigger runs a function in a language with a trigger handler, which SQL has not.
  if (result.language === "sql") report(p, `${what} cannot be written in SQL (SQL functions cannot return type ${trigger})`, p.rangeAt(returnsFrom)[0], p.rangeAt(returnsTo - 1)[1]);
  // PL/pgSQL passes a trigger's arguments in TG_ARGV: its trigger functions declare none.
  else if (result.language === "plpgsql" && params.inputs > 0) {
    report(p, `${what} cannot have declared arguments (a trigger passes its arguments in TG_ARGV)`, ...paramsRange());
  }
}

function report(p: Parser, message: string, start: number, end: number): void {
  p.report(SyntaxCode.RoutineSignature, message, start, end);
}

/** Whether the type at `[from, to)` is a plain (possibly qualified) name: no `%TYPE`, no substituted name. */
function isNamedType(p: Parser, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const kind = p.pastKind(i);
    if (kind !== SyntaxKind.Word && kind !== SyntaxKind.QuotedIdent && kind !== SyntaxKind.Dot && kind !== SyntaxKind.LBracket && kind !== SyntaxKind.RBracket && kind !== SyntaxKind.LParen && kind !== SyntaxKind.RParen && kind !== SyntaxKind.Number && kind !== SyntaxKind.Comma) return false;
  }
  return true;
}

/**
 * PostgreSQL's own name of the built-in type written at `[from, to)` (SETOF aside; `int4`,
 * `integer[]`, `timestamptz`, `record`), or `undefined` for a type it does not know without the
 * catalog (a type of the database's own, `t%TYPE`, a schema other than pg_catalog).
 */
export function typeBetween(p: Parser, from: number, to: number): string | undefined {
  let i = from;
  if (p.pastKind(i) === SyntaxKind.Word && p.pastWord(i) === "setof") i++;
  if (p.pastKind(i) === SyntaxKind.Word && p.pastWord(i) === "pg_catalog" && p.pastKind(i + 1) === SyntaxKind.Dot) i += 2;
  const words: string[] = [];
  let precision: number | undefined;
  let arrays = 0;
  for (; i < to; i++) {
    const kind = p.pastKind(i);
    if (kind === SyntaxKind.Word) {
      if (arrays > 0) return undefined;
      const word = p.pastWord(i)!;
      if (word === "array") arrays++;
      else words.push(word);
    } else if (kind === SyntaxKind.QuotedIdent) {
      // `"char"` is a type of its own; any other quoted name is the name as written.
      if (words.length > 0 || arrays > 0) return undefined;
      const [start, end] = p.rangeAt(i);
      const name = p.text.slice(start + 1, end - 1);
      words.push(name === "char" ? '"char"' : name);
    } else if (kind === SyntaxKind.LParen) {
      // A type modifier: only float's precision changes the type.
      const first = i + 1;
      let depth = 0;
      for (; i < to; i++) {
        const k = p.pastKind(i);
        if (k === SyntaxKind.LParen) depth++;
        else if (k === SyntaxKind.RParen && --depth === 0) break;
      }
      if (p.pastKind(first) === SyntaxKind.Number) precision = Number(p.text.slice(...p.rangeAt(first)));
    } else if (kind === SyntaxKind.LBracket) {
      arrays++;
      while (i < to && p.pastKind(i) !== SyntaxKind.RBracket) i++;
    } else return undefined; // `.` of another schema, `%TYPE`, a substituted name
  }
  let name = words.join(" ");
  // `_int4`: the array type's internal name.
  if (name.startsWith("_") && arrays === 0 && (BUILTIN.has(name.slice(1)) || ALIASES.has(name.slice(1)))) {
    name = name.slice(1);
    arrays = 1;
  }
  if (name === "float") name = precision !== undefined && precision <= 24 ? "real" : "double precision";
  const canonical = ALIASES.get(name) ?? (BUILTIN.has(name) ? name : undefined);
  if (canonical === undefined) return undefined;
  return arrays > 0 ? `${canonical}[]` : canonical;
}

/** PostgreSQL's built-in types by the name it prints them with (`format_type`), pseudo-types included. */
const BUILTIN = new Set([
  ...["smallint", "integer", "bigint", "real", "double precision", "numeric", "boolean", "text", "character varying", "character", '"char"', "name", "bytea"],
  ...["date", "time without time zone", "time with time zone", "timestamp without time zone", "timestamp with time zone", "interval"],
  ...["json", "jsonb", "jsonpath", "xml", "uuid", "money", "inet", "cidr", "macaddr", "macaddr8", "bit", "bit varying", "tsvector", "tsquery", "oid", "xid", "cid", "tid"],
  ...["regclass", "regproc", "regprocedure", "regtype", "regoper", "regoperator", "regnamespace", "regrole", "regconfig", "regdictionary", "regcollation"],
  ...["point", "line", "lseg", "box", "path", "polygon", "circle", "pg_lsn", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange"],
  ...["record", "void", "trigger", "event_trigger", "anyelement", "anyarray", "anynonarray", "anyenum", "anyrange", "anymultirange", "anycompatible", "anycompatiblearray"],
  ...["anycompatiblenonarray", "anycompatiblerange", "anycompatiblemultirange", "cstring", "internal", "language_handler", "fdw_handler", "index_am_handler", "tsm_handler", "table_am_handler", "refcursor"],
]);

/** Other spellings of the built-in types (keywords and internal names). */
const ALIASES = new Map<string, string>([
  ["int", "integer"], ["int4", "integer"], ["int2", "smallint"], ["int8", "bigint"], ["float4", "real"], ["float8", "double precision"],
  ["decimal", "numeric"], ["dec", "numeric"], ["bool", "boolean"], ["varchar", "character varying"], ["char", "character"], ["bpchar", "character"],
  ["char varying", "character varying"], ["national character", "character"], ["national character varying", "character varying"], ["nchar", "character"],
  ["timestamp", "timestamp without time zone"], ["timestamptz", "timestamp with time zone"], ["time", "time without time zone"], ["timetz", "time with time zone"],
  ["varbit", "bit varying"],
]);
