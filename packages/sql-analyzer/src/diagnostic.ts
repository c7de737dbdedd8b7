/** A half-open range of UTF-16 offsets into a text: `start <= i < end`. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info" | "hint";

/** One replacement of a range of text. */
export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** A fix a tool may apply for a diagnostic. */
export interface DiagnosticFix {
  readonly title: string;
  readonly safety: "safe" | "unsafe";
  readonly edits: readonly TextEdit[];
}

/** A location related to a diagnostic (e.g. the opening paren of an unclosed one). */
export interface RelatedInformation {
  readonly message: string;
  readonly range: TextRange;
}

/**
 * A problem found in a text — the same object in the library, the CLI and the LSP.
 * Ranges are UTF-16 offsets into the text that was analyzed.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  readonly source: "sql";
  readonly fixes?: readonly DiagnosticFix[];
  readonly related?: readonly RelatedInformation[];
}

/**
 * The stable codes of syntax diagnostics. Tests and users match on these, so a
 * code is never renamed; new codes are added.
 */
export const SyntaxCode = {
  /** A token the grammar does not allow at this place. */
  UnexpectedToken: "unexpected-token",
  /** A token the grammar requires is missing (reported at the gap). */
  ExpectedToken: "expected-token",
  /** A `'…'` (or E/B/X/N/U&) string literal without its closing quote. */
  UnterminatedString: "unterminated-string",
  /** A `"…"`, `` `…` `` or `[…]` quoted identifier without its closing quote. */
  UnterminatedQuotedIdentifier: "unterminated-quoted-identifier",
  /** A `/* … *\/` comment without its end. */
  UnterminatedBlockComment: "unterminated-block-comment",
  /** A `$tag$ … $tag$` string without its closing tag. */
  UnterminatedDollarQuote: "unterminated-dollar-quote",
  /** A `)` with no matching `(`. */
  UnmatchedParen: "unmatched-paren",
  /** A character no dialect allows at this place. */
  InvalidCharacter: "invalid-character",
  /** Nesting deeper than the parser's limit (guards the stack). */
  NestingTooDeep: "nesting-too-deep",
  /** Two statements with no `;` between them. */
  MissingSemicolon: "missing-semicolon",
  /** A statement the parser does not understand yet (info, not an error). */
  UnsupportedStatement: "unsupported-statement",
  /**
   * PL/pgSQL: an assignment, INTO, loop or cursor target that no declaration, parameter or label
   * names (PostgreSQL rejects the routine when it creates it).
   */
  UnknownVariable: "unknown-variable",
  /**
   * CREATE FUNCTION: a signature PostgreSQL refuses before it reads the body — OUT parameters in a
   * RETURNS TABLE function, a RETURNS type other than the OUT parameters give, a trigger function
   * in SQL, a PL/pgSQL trigger function with declared arguments.
   */
  RoutineSignature: "routine-signature",
  /** Syntax that belongs to another dialect than the one selected. */
  WrongDialect: "wrong-dialect",
  /** A psql meta-command (`\foo`) that psql does not have. */
  UnknownClientCommand: "unknown-client-command",
  /** The data of a psql `COPY … FROM STDIN` has no `\.` line: it runs to the end of the text (a warning). */
  UnterminatedCopyData: "unterminated-copy-data",
  /** A number with letters stuck to it (`123abc`): PostgreSQL 15+ rejects the "trailing junk". */
  InvalidNumber: "invalid-number",
} as const;

/** One of the stable syntax diagnostic codes. */
export type SyntaxCode = (typeof SyntaxCode)[keyof typeof SyntaxCode];
