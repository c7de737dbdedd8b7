/**
 * Public data types of the application-code scanner. Everything here is plain data
 * (except `ExtractedSql.mapping`) so results can be cached, serialised and compared.
 */

/** Host languages the scanner understands. */
export type LanguageId = "javascript" | "typescript" | "tsx" | "python" | "java" | "go" | "php" | "ruby";

/** A half-open range of UTF-16 offsets into the scanned text. */
export interface TextRange {
  /** Offset of the first code unit. */
  start: number;
  /** Offset just past the last code unit. */
  end: number;
}

/** One text edit of a fix. */
export interface ScanEdit {
  /** Range of the host text to replace. */
  range: TextRange;
  /** Replacement text. */
  newText: string;
}

/** A suggested fix (the Sextant diagnostic contract). */
export interface ScanFix {
  /** What the fix does, for a menu. */
  title: string;
  /** "unsafe" when applying it changes behaviour that a human should review. */
  safety: "safe" | "unsafe";
  /** Edits to apply together. */
  edits: ScanEdit[];
}

/** Extra location attached to a diagnostic (e.g. where an untrusted value enters the SQL). */
export interface ScanRelated {
  /** Where. */
  range: TextRange;
  /** Why it matters. */
  message: string;
}

/** Codes the scanner reports. */
export type ScanDiagnosticCode =
  | "sql-injection"
  | "sensitive-literal"
  | "input-too-large"
  | "binary-input"
  | "minified-input"
  | "scan-failed";

/** A diagnostic in the shared Sextant contract, with `source: "patterns"`. */
export interface ScanDiagnostic {
  /** Stable rule code. */
  code: ScanDiagnosticCode;
  /** Severity from the evidence (see README). */
  severity: "error" | "warning" | "info" | "hint";
  /** One sentence for a human. */
  message: string;
  /** Precise range in the host text. */
  range: TextRange;
  /** Always "patterns". */
  source: "patterns";
  /** Suggested fixes, when the shape of the code is clear. */
  fixes?: ScanFix[];
  /** Supporting locations. */
  related?: ScanRelated[];
}

/** SQL dialect a sink suggests (from the driver or the placeholder style). */
export type SqlDialectHint = "postgres" | "mysql" | "sqlite";

/** Placeholder style a driver accepts for bound values. */
export type PlaceholderStyle = "?" | "$n" | "%s";

/**
 * A database API that takes SQL text. The catalogue in `default-sinks.ts` is the default;
 * callers can add or replace entries through `ScannerOptions.sinks`.
 */
export interface SinkSpec {
  /** Languages in which this sink exists. */
  languages: readonly LanguageId[];
  /** Name of the called method or function, e.g. `query`, `executeQuery`, `mysqli_query`. */
  method: string;
  /**
   * When set, the call's receiver text (e.g. `this.db`, `cursor`) must match, or else the
   * SQL argument must start like SQL. Generic names such as `query` use this to avoid
   * `url.query(...)`. Defaults to no constraint.
   */
  receiver?: RegExp;
  /** When true, literal text in the argument must read like SQL (a statement or a condition). Defaults to `false`. */
  requireSqlText?: boolean;
  /**
   * Whether an untrusted value passed as the whole argument (no literal text at all, e.g.
   * Rails `order(params[:sort])`) is reported. Defaults to `true`, or `false` with `requireSqlText`.
   */
  reportOpaqueUntrusted?: boolean;
  /** Index of the SQL argument; negative counts from the end. Defaults to `0`. */
  argument?: number;
  /**
   * "tagged-template" marks a JavaScript tag (e.g. `sql`, `Prisma.sql`, `$queryRaw`) whose
   * template substitutions become bound parameters. Defaults to `"raw"` (SQL text in an argument).
   */
  kind?: "raw" | "tagged-template";
  /** Placeholder style used by fixes. Defaults to `"?"`. */
  placeholder?: PlaceholderStyle;
  /** Dialect of the driver when known. */
  dialect?: SqlDialectHint;
}

/** How the SQL that reaches a sink is built. */
export type SqlBuildKind =
  | "constant"
  | "parameterized"
  | "tagged-template"
  | "interpolation"
  | "concatenation"
  | "format"
  | "opaque";

/** Where a value spliced into SQL text comes from, as far as the scanner can tell. */
export type HoleTaint = "untrusted" | "unknown" | "safe";

/** A value spliced into the SQL text (or bound by a parameterizing tag). */
export interface SqlHole {
  /** Range of the expression in the host text where it enters the SQL. */
  range: TextRange;
  /** Source text of that expression (trimmed to 80 characters). */
  text: string;
  /** How it is spliced in. "bound" means a parameterizing tag binds it (safe). */
  how: "interpolation" | "concatenation" | "format" | "bound" | "opaque";
  /** What is known about its origin. */
  taint: HoleTaint;
  /** Why the taint was chosen, e.g. "request input `req.params.id`". */
  reason: string;
  /** Where the untrusted value was read, when it was followed through an assignment. */
  originRange?: TextRange;
}

/** A run of the extracted SQL that maps linearly onto the host text. */
export interface SqlMappingRun {
  /** Offset in the SQL string. */
  sqlStart: number;
  /** Offset in the host text of the same character. */
  hostStart: number;
  /** Number of characters mapped one to one. */
  length: number;
  /** True for a placeholder standing for a hole (all its characters map to the hole's start). */
  placeholder?: boolean;
}

/** Identity of the call that consumes the SQL. */
export interface SinkCall {
  /** Called method or function name. */
  method: string;
  /** Receiver text when present (e.g. `this.db`). */
  receiver?: string;
  /** Range of the whole call. */
  callRange: TextRange;
  /** Range of the SQL argument (or the template of a tagged template). */
  argumentRange: TextRange;
}

/** SQL found in application code, ready for the SQL analyzer. */
export interface ExtractedSql {
  /** The SQL text, with placeholders (`?` or `$1`…) where values were spliced in. */
  sql: string;
  /** Dialect suggested by the driver or placeholders, when known. */
  dialectHint?: SqlDialectHint;
  /** The consuming call. */
  sink: SinkCall;
  /** How the SQL is built. */
  build: SqlBuildKind;
  /** Values spliced in or bound. */
  holes: SqlHole[];
  /** Maps an offset in `sql` (0…sql.length) to an offset in the host text. */
  mapping: (sqlOffset: number) => number;
  /** The runs behind `mapping` (serialisable). */
  runs: SqlMappingRun[];
}

/** Result of scanning one file. */
export interface ScanResult {
  /** Language the file was parsed as, or null when it was not parsed. */
  language: LanguageId | null;
  /** Findings, sorted by range. */
  diagnostics: ScanDiagnostic[];
  /** SQL extracted at each sink, in source order. */
  extractions: ExtractedSql[];
}

/** A file to scan. */
export interface SourceFile {
  /** Used to pick the language from the extension when `language` is absent. */
  path?: string;
  /** The file's text. */
  text: string;
  /** Overrides detection from `path`. */
  language?: LanguageId;
}

/**
 * The caching interface the scanner needs, structurally compatible with the tiered cache.
 * The factory's value is plain JSON data.
 */
export interface ScanCache {
  /** Returns the cached value for `key`, or computes, stores and returns it. */
  getOrSet<T>(key: string, factory: () => Promise<T>): Promise<T>;
}
