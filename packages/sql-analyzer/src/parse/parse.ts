import type { Diagnostic } from "../diagnostic.js";
import { isDialect, type Dialect } from "../dialect.js";
import { GreenNode, type GreenElement } from "../syntax/green.js";
import { NO_DIAGNOSTICS } from "../parser/parser.js";
import { SyntaxNode } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { commonPrefixLength, commonSuffixLength } from "./common-affix.js";
import { parseSegment, type SegmentParse } from "./segment.js";
import { recycleSplit, splitSegments, type Split } from "./split.js";

/** Options of `parse`. */
export interface ParseOptions {
  /** The SQL dialect. Defaults to `"postgres"`. */
  readonly dialect?: Dialect;
  /**
   * The result of parsing an earlier version of the same file. Statements whose
   * text is unchanged are reused instead of reparsed (statement-level
   * incrementality); the result is identical to a fresh parse.
   */
  readonly previous?: ParseResult;
  /**
   * Called for every statement-sized segment that must be parsed, letting a cache
   * (e.g. a query-engine query keyed by the segment text) supply the result. It
   * must return what `compute()` returns (or `parseSegmentText(text, dialect)`,
   * which is equal). Defaults to calling `compute()`.
   */
  readonly parseSegment?: (text: string, compute: () => SegmentParse) => SegmentParse;
}

/** SQL found inside a host statement (a routine body), parsed with ranges into the host text. */
export interface EmbeddedSql {
  /** `sql` for a `LANGUAGE sql` body; `plpgsql` for one SQL statement inside a PL/pgSQL block. */
  readonly language: "sql" | "plpgsql";
  /** A `SourceFile` node whose offsets are offsets into the host text. */
  readonly root: SyntaxNode;
}

/** One statement-sized segment of a parse, with its absolute range. */
export interface ParsedSegment {
  /** Absolute offset of the segment start (its leading trivia included). */
  readonly start: number;
  /** Absolute offset after the segment (after its `;`). */
  readonly end: number;
  /** Whether it ends with a top-level `;`. */
  readonly closed: boolean;
  /** The position-independent parse of the segment text. */
  readonly parse: SegmentParse;
}

/**
 * What `parse` returns: a lossless tree plus diagnostics. Never thrown at. The
 * tree is built the first time `root` is read; `diagnostics` do not need it.
 */
export interface ParseResult {
  /** The parsed text. `root.text() === text`. */
  readonly text: string;
  readonly dialect: Dialect;
  /** The `SourceFile` node: statements, `;` separators and trivia as children. */
  readonly root: SyntaxNode;
  /** Syntax diagnostics, sorted by start offset. */
  readonly diagnostics: readonly Diagnostic[];
  /** SQL embedded in routine bodies, parsed with ranges into `text`. */
  readonly embedded: readonly EmbeddedSql[];
  /** The statement-sized segments the text was cut into (for incremental reuse). */
  readonly segments: readonly ParsedSegment[];
  /** How many segments were parsed (not reused) to produce this result. */
  readonly reparsedSegments: number;
}

/**
 * The result object. Segments are kept position-free (their parses plus one
 * typed array of start offsets, made when first needed), so a reparse reuses
 * them without allocating per unchanged statement; diagnostics and embedded
 * roots are built on demand.
 */
class Result implements ParseResult {
  private diagnosticsCache: readonly Diagnostic[] | undefined;
  private embeddedCache: EmbeddedSql[] | undefined;
  private segmentsCache: ParsedSegment[] | undefined;
  private rootCache: SyntaxNode | undefined;
  private startsCache: Uint32Array | undefined;

  constructor(
    readonly text: string,
    readonly dialect: Dialect,
    /** @internal Position-free segment parses, in order. */
    readonly parts: readonly SegmentParse[],
    readonly reparsedSegments: number,
  ) {}

  /** @internal Start offset of each part (plus the text length at the end). */
  get starts(): Uint32Array {
    if (this.startsCache === undefined) this.startsCache = startsOf(this.parts);
    return this.startsCache;
  }

  /** Built on first read from the segments' event logs: `parse()` itself builds no tree. */
  get root(): SyntaxNode {
    if (this.rootCache === undefined) {
      const parts = this.parts;
      let count = 0;
      for (const part of parts) count += part.elements.length;
      const children: GreenElement[] = new Array<GreenElement>(count);
      let i = 0;
      for (const part of parts) for (const el of part.elements) children[i++] = el;
      this.rootCache = SyntaxNode.root(new GreenNode(SyntaxKind.SourceFile, this.text.length, children), this.text);
    }
    return this.rootCache;
  }

  get diagnostics(): readonly Diagnostic[] {
    if (!this.diagnosticsCache) {
      const parts = this.parts;
      // Most texts are one statement (its diagnostics need no shift) or have no diagnostics at all.
      if (parts.length === 1) return (this.diagnosticsCache = sortedCopy(parts[0]!.diagnostics));
      let any = false;
      for (let i = 0; i < parts.length; i++) if (parts[i]!.diagnostics.length !== 0) any = true;
      if (!any) return (this.diagnosticsCache = NO_DIAGNOSTICS);
      const out: Diagnostic[] = [];
      let base = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        if (i > 0) base += parts[i - 1]!.width;
        if (part.diagnostics.length === 0) continue;
        for (const d of part.diagnostics) out.push(base === 0 ? d : { ...d, range: { start: d.range.start + base, end: d.range.end + base } });
      }
      out.sort(byRange);
      this.diagnosticsCache = out;
    }
    return this.diagnosticsCache;
  }

  get embedded(): readonly EmbeddedSql[] {
    if (!this.embeddedCache) {
      const out: EmbeddedSql[] = [];
      for (let i = 0; i < this.parts.length; i++) {
        const part = this.parts[i]!;
        for (const fragment of part.embedded)
          out.push({ language: fragment.language, root: SyntaxNode.root(fragment.green, this.text, this.starts[i]! + fragment.start) });
      }
      this.embeddedCache = out;
    }
    return this.embeddedCache;
  }

  get segments(): readonly ParsedSegment[] {
    if (!this.segmentsCache)
      this.segmentsCache = this.parts.map((part, i) => ({ start: this.starts[i]!, end: this.starts[i + 1]!, closed: part.closed, parse: part }));
    return this.segmentsCache;
  }
}

/**
 * Parses SQL text into a lossless concrete syntax tree. Never throws; problems
 * are diagnostics. `parse(t).root.text() === t` for every string `t`.
 *
 * @example
 * const { root, diagnostics } = parse("select 1;", { dialect: "postgres" });
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  // Wrong argument types are programming errors: a clear error, not a diagnostic.
  if (typeof text !== "string") throw new TypeError(`parse: text must be a string, got ${text === null ? "null" : typeof text}`);
  // `?? {}`: a JavaScript caller's `null` means no options, as it does for `format`.
  options ??= {};
  const dialect = options.dialect ?? "postgres";
  if (!isDialect(dialect)) throw new RangeError(`parse: unknown dialect ${JSON.stringify(dialect)} (expected "postgres", "mysql" or "sqlite")`);
  const previous = options.previous instanceof Result && options.previous.dialect === dialect ? options.previous : undefined;
  const hook = options.parseSegment;
  if (!previous && !hook) {
    // The common case, without closures: split, parse every segment, recycle the split.
    const split = splitSegments(text, dialect, 0, undefined, true);
    const count = split.count;
    let parts: SegmentParse[];
    if (count === 1) parts = [parseSplitSegment(split, 0, dialect)];
    else {
      parts = new Array<SegmentParse>(count);
      for (let i = 0; i < count; i++) parts[i] = parseSplitSegment(split, i, dialect);
    }
    recycleSplit(split);
    return new Result(text, dialect, parts, count);
  }
  let reparsed = 0;
  const parseOne = (split: Split, i: number): SegmentParse => {
    const compute = (): SegmentParse => {
      reparsed++;
      return parseSplitSegment(split, i, dialect);
    };
    return hook ? hook(text.slice(split.startOf(i), split.endOf(i)), compute) : compute();
  };

  if (!previous) {
    // A hook may keep `compute` (and so the split) for later: recycle only without one.
    const split = splitSegments(text, dialect, 0, undefined, !hook);
    const parts = new Array<SegmentParse>(split.count);
    for (let i = 0; i < split.count; i++) parts[i] = parseOne(split, i);
    if (!hook) recycleSplit(split);
    return new Result(text, dialect, parts, reparsed);
  }

  const old = previous.parts;
  const oldStarts = previous.starts;
  const oldText = previous.text;
  const same = commonPrefixLength(oldText, text);
  if (same === text.length && same === oldText.length) return new Result(text, dialect, old, 0);
  // Reuse the closed segments wholly inside the common prefix (a command line or COPY data
  // too, when the line break after it is inside the prefix)…
  let prefix = upperBound(oldStarts, 1, old.length + 1, same) - 1; // parts ending at or before `same`
  while (prefix > 0 && !reusableBefore(old[prefix - 1]!, oldStarts[prefix]!, same, oldText)) prefix--;
  const prefixEnd = oldStarts[prefix]!;
  // …and, at the back, those inside the common suffix whose shifted start is
  // reached exactly at a boundary when the middle is relexed.
  const tail = commonSuffixLength(oldText, text, prefixEnd);
  const delta = text.length - oldText.length;
  const suffixStart = oldText.length - tail;
  let reuseFrom = old.length;
  const split = splitSegments(
    text,
    dialect,
    prefixEnd,
    (offset) => {
      const oldOffset = offset - delta;
      if (oldOffset < suffixStart || oldOffset >= oldText.length) return false;
      const index = upperBound(oldStarts, 0, old.length, oldOffset) - 1;
      if (index < 0 || oldStarts[index] !== oldOffset) return false;
      reuseFrom = index;
      return true;
    },
    !hook,
  );
  const parts: SegmentParse[] = old.slice(0, prefix);
  for (let i = 0; i < split.count; i++) parts.push(parseOne(split, i));
  if (!hook) recycleSplit(split);
  for (let i = reuseFrom; i < old.length; i++) parts.push(old[i]!);
  return new Result(text, dialect, parts, reparsed);
}

/** Whether a segment ending at `end` can be kept when the texts agree up to `same`. */
function reusableBefore(part: SegmentParse, end: number, same: number, text: string): boolean {
  if (part.closed) return true;
  if (part.endsLine !== true || same <= end) return false;
  const c = text.charCodeAt(end);
  return c === 10 || c === 13;
}

/** Parses segment `i` of `split`. */
function parseSplitSegment(split: Split, i: number, dialect: Dialect): SegmentParse {
  return parseSegment(split.tokens, dialect, split.tokenFrom(i), split.tokenTo(i), split.commentFrom(i), split.commentTo(i), split.startOf(i), split.endOf(i), split.closed(i), split.hasClientTokens(i));
}

/** Orders diagnostics by start, then end offset. */
function byRange(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

/** A sorted copy of `diagnostics` (the shared frozen `NO_DIAGNOSTICS` for none: nothing to copy). */
function sortedCopy(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (diagnostics.length === 0) return NO_DIAGNOSTICS;
  const out = diagnostics.slice();
  if (out.length > 1) out.sort(byRange);
  return out;
}

function startsOf(parts: readonly SegmentParse[]): Uint32Array {
  const starts = new Uint32Array(parts.length + 1);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    starts[i] = at;
    at += parts[i]!.width;
  }
  starts[parts.length] = at;
  return starts;
}

/** First index in `[lo, hi)` whose value is greater than `value` (values sorted), or `hi`. */
function upperBound(values: Uint32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
