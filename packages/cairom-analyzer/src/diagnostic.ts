/** A half-open range of UTF-16 offsets into a file's text. */
export interface TextRange {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** Severity of a diagnostic, as in the Sextant diagnostic contract. */
export type Severity = "error" | "warning" | "info" | "hint";

/** One text replacement. */
export interface TextEdit {
  /** The range to replace (offsets into the file that the diagnostic belongs to). */
  readonly range: TextRange;
  /** The replacement text. */
  readonly newText: string;
}

/** A fix that a diagnostic offers (becomes a code action). */
export interface Fix {
  /** Short imperative title, e.g. "Remove unused import". */
  readonly title: string;
  /** `safe` fixes keep the program's meaning and may be applied without review. */
  readonly safety: "safe" | "unsafe";
  /** Edits in the diagnostic's file. */
  readonly edits: readonly TextEdit[];
}

/** A secondary location that explains a diagnostic. */
export interface RelatedInformation {
  /** File of the location (absolute path as given to the service). */
  readonly file: string;
  /** Range in that file. */
  readonly range: TextRange;
  /** What is there, e.g. "parameter declared here". */
  readonly message: string;
}

/** The Sextant diagnostic contract (same object in library, CLI and LSP). */
export interface Diagnostic {
  /** Stable kebab-case code from LANGUAGE.md §5, e.g. `undeclared-variable`. */
  readonly code: string;
  /** Severity. */
  readonly severity: Severity;
  /** Human-readable message. */
  readonly message: string;
  /** Primary range (UTF-16 offsets into the file). */
  readonly range: TextRange;
  /** Always `cairom`. */
  readonly source: "cairom";
  /** Fixes, when one is obvious. */
  readonly fixes?: readonly Fix[];
  /** Secondary locations. */
  readonly related?: readonly RelatedInformation[];
}

/** Builds a diagnostic with source `cairom`. */
export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  start: number,
  end: number,
  extra?: { fixes?: readonly Fix[]; related?: readonly RelatedInformation[] },
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity,
    message,
    range: { start, end },
    source: "cairom",
  };
  if (extra?.fixes && extra.fixes.length > 0) d.fixes = extra.fixes;
  if (extra?.related && extra.related.length > 0) d.related = extra.related;
  return d;
}

/** Sorts like the reference (start, end, message) and drops exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...list].sort(
    (a, b) =>
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.code === d.code &&
      prev.message === d.message &&
      prev.range.start === d.range.start &&
      prev.range.end === d.range.end
    )
      continue;
    out.push(d);
  }
  return out;
}

/**
 * A token's text in backquotes for a message, shortened in the middle when it is long:
 * messages quote what the user wrote, and a megabyte-long token made a megabyte-long
 * diagnostic.
 */
export function quoteToken(text: string): string {
  return text.length <= 48 ? `\`${text}\`` : `\`${text.slice(0, 32)}…${text.slice(-8)}\` (${text.length} characters)`;
}
