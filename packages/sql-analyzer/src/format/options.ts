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
}

/** Applies the defaults; out-of-range numbers are clamped rather than rejected. */
export function resolveFormatOptions(options: FormatOptions = {}): ResolvedFormatOptions {
  const indent = options.indent ?? 2;
  const width = options.lineWidth ?? 80;
  return {
    dialect: options.dialect ?? "postgres",
    keywordCase: options.keywordCase ?? "upper",
    identifierCase: options.identifierCase ?? "preserve",
    indentUnit: indent === "tab" ? "\t" : " ".repeat(Math.max(0, Math.min(16, Math.floor(indent)))),
    lineWidth: Number.isFinite(width) ? Math.max(20, Math.floor(width)) : 80,
    commaPosition: options.commaPosition === "leading" ? "leading" : "trailing",
    lineEnding: options.lineEnding === "lf" || options.lineEnding === "crlf" ? options.lineEnding : "auto",
  };
}
