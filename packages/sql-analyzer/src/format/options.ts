import type { Dialect } from "../dialect.js";
import type { ParseResult } from "../parse/parse.js";

/** How the formatter writes keywords and unquoted identifiers. */
export type CaseStyle = "upper" | "lower" | "preserve";

/** Options of {@link format}, {@link formatDocument} and {@link formatRange}. Every field is optional. */
export interface FormatOptions {
  /** SQL dialect of the text. Defaults to `"postgres"`. */
  readonly dialect?: Dialect;
  /** Case of keywords. Defaults to `"upper"`. */
  readonly keywordCase?: CaseStyle;
  /**
   * Case of unquoted identifiers. Defaults to `"preserve"`. PostgreSQL folds unquoted
   * names to lower case, so `"lower"` never changes meaning there; in MySQL table names
   * may be case-sensitive, which is why this is not changed by default.
   */
  readonly identifierCase?: CaseStyle;
  /** Spaces per indentation level, or `"tab"`. Defaults to `2`. */
  readonly indent?: number | "tab";
  /** Preferred maximum line width; groups that do not fit are broken. Defaults to `80`. */
  readonly lineWidth?: number;
  /** Where list commas go when a list is broken over lines. Defaults to `"trailing"`. */
  readonly commaPosition?: "trailing" | "leading";
  /**
   * Line breaks the formatter writes: `"lf"`, `"crlf"`, or `"auto"` (CRLF when every line
   * break between tokens is CRLF, else LF). Strings, comments and statements kept as written
   * keep their own. Defaults to `"auto"`.
   */
  readonly lineEnding?: "lf" | "crlf" | "auto";
  /**
   * What happens to the dollar-quoted body (`AS $$ … $$`) of a PostgreSQL routine in `LANGUAGE
   * sql` or `plpgsql`, and of a DO block: `"keep"` leaves it as written; `"format"` formats it
   * too. A `LANGUAGE sql` body's statements go one level in between the quotes (or on the quotes'
   * line when they print on one); a PL/pgSQL body is laid out by its blocks (DECLARE, BEGIN,
   * EXCEPTION and END at the block's depth, a declaration or statement a line one level in, IF /
   * CASE / loop bodies one more), its SQL formatted, its comments kept where they stand. A body
   * with an error is kept as written either way, and so are bodies in other languages (and a
   * `LANGUAGE sql` body with a string, quoted name or comment over several lines). PostgreSQL
   * stores a body's text as written (`pg_proc.prosrc`, what pg_dump writes back), so `"format"`
   * changes that stored text, never what it does (a PL/pgSQL error message's line number may).
   * Defaults to `"keep"`.
   */
  readonly routineBodies?: "keep" | "format";
  /**
   * An existing parse of the same text in the same dialect (an editor or service usually has
   * one), so the formatter does not parse again. Ignored when its text or dialect differ.
   * Defaults to parsing the text.
   */
  readonly parsed?: ParseResult;
}

/** {@link FormatOptions} with every default applied. */
export interface ResolvedFormatOptions {
  readonly dialect: Dialect;
  readonly keywordCase: CaseStyle;
  readonly identifierCase: CaseStyle;
  readonly indentUnit: string;
  readonly lineWidth: number;
  readonly commaPosition: "trailing" | "leading";
  /** `"auto"` is resolved per document by the formatter. */
  readonly lineEnding: "lf" | "crlf" | "auto";
  readonly routineBodies: "keep" | "format";
}

/**
 * Applies the defaults. Out-of-range numbers are clamped rather than rejected; a value
 * outside a named option's choices (a misspelt `keywordCase`, say) is a `RangeError`
 * naming the option and its choices, where it used to fall back silently to some style.
 */
export function resolveFormatOptions(options: FormatOptions = {}): ResolvedFormatOptions {
  const given = options ?? {};
  const indent = given.indent ?? 2;
  const width = given.lineWidth ?? 80;
  if (indent !== "tab" && typeof indent !== "number") throw new RangeError(`format: indent must be a number of spaces or "tab", got ${JSON.stringify(indent)}`);
  return {
    dialect: given.dialect ?? "postgres",
    keywordCase: choice("keywordCase", given.keywordCase, CASE_STYLES, "upper"),
    identifierCase: choice("identifierCase", given.identifierCase, CASE_STYLES, "preserve"),
    indentUnit: indent === "tab" ? "\t" : " ".repeat(Math.max(0, Math.min(16, Math.floor(indent) || 0))),
    lineWidth: typeof width === "number" && Number.isFinite(width) ? Math.max(20, Math.floor(width)) : 80,
    commaPosition: choice("commaPosition", given.commaPosition, ["trailing", "leading"] as const, "trailing"),
    lineEnding: choice("lineEnding", given.lineEnding, ["lf", "crlf", "auto"] as const, "auto"),
    routineBodies: choice("routineBodies", given.routineBodies, ["keep", "format"] as const, "keep"),
  };
}

const CASE_STYLES = ["upper", "lower", "preserve"] as const;

/** `value` when it is one of `choices`, `fallback` when it is absent, else a RangeError. */
function choice<T extends string>(option: string, value: T | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (choices.includes(value)) return value;
  const expected = choices.map((c) => JSON.stringify(c));
  throw new RangeError(`format: unknown ${option} ${JSON.stringify(value)} (expected ${expected.slice(0, -1).join(", ")} or ${expected.at(-1)})`);
}
