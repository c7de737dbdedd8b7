import type { Diagnostic } from "../diagnostic.js";
import type { Dialect } from "../dialect.js";
import { GreenNode, type GreenElement } from "../syntax/green.js";
import { SyntaxNode } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseSegment, type SegmentParse } from "./segment.js";
import { splitSegments, type Segment } from "./split.js";

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
   * Called to parse a statement-sized segment, letting a cache (e.g. a
   * query-engine query keyed by the segment text) supply it. Must return what
   * `compute()` returns. Defaults to calling `compute()`.
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

/** What `parse` returns: a lossless tree plus diagnostics. Never thrown at. */
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
 * Parses SQL text into a lossless concrete syntax tree. Never throws; problems
 * are diagnostics. `parse(t).root.text() === t` for every string `t`.
 *
 * @example
 * const { root, diagnostics } = parse("select 1;", { dialect: "postgres" });
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const dialect = options.dialect ?? "postgres";
  const previous = options.previous && options.previous.dialect === dialect ? options.previous : undefined;
  const hook = options.parseSegment;
  let reparsed = 0;
  const parseOne = (stream: Parameters<typeof parseSegment>[0], seg: Segment): SegmentParse => {
    const compute = (): SegmentParse => {
      reparsed++;
      return parseSegment(stream, dialect, seg.tokenFrom, seg.tokenTo, seg.start, seg.end);
    };
    return hook ? hook(text.slice(seg.start, seg.end), compute) : compute();
  };

  if (!previous) {
    const split = splitSegments(text, dialect, 0);
    const segments = split.segments.map((seg) => ({ start: seg.start, end: seg.end, closed: seg.closed, parse: parseOne(split.tokens, seg) }));
    return assemble(text, dialect, segments, reparsed);
  }

  // Reuse the longest run of unchanged closed segments at the front…
  const old = previous.segments;
  const oldText = previous.text;
  let prefix = 0;
  while (prefix < old.length) {
    const seg = old[prefix]!;
    if (!seg.closed || seg.end > text.length || !startsWithSlice(text, oldText, seg.start, seg.end, seg.start)) break;
    prefix++;
  }
  const prefixEnd = prefix > 0 ? old[prefix - 1]!.end : 0;
  // …and at the back (shifted by the length change), which must start at a boundary.
  const delta = text.length - oldText.length;
  let suffix = old.length;
  while (suffix > prefix) {
    const seg = old[suffix - 1]!;
    const newStart = seg.start + delta;
    if (newStart < prefixEnd || !startsWithSlice(text, oldText, seg.start, seg.end, newStart)) break;
    suffix--;
  }
  // Segments old[suffix..] are candidates; a candidate is usable only if
  // relexing the middle reaches its (shifted) start exactly at a boundary.
  const candidateStarts = new Map<number, number>();
  for (let i = suffix; i < old.length; i++) candidateStarts.set(old[i]!.start + delta, i);
  let reuseFrom = old.length;
  const split = splitSegments(text, dialect, prefixEnd, (offset) => {
    const index = candidateStarts.get(offset);
    if (index === undefined) return false;
    reuseFrom = index;
    return true;
  });
  const segments: ParsedSegment[] = old.slice(0, prefix);
  for (const seg of split.segments) {
    if (seg.start === seg.end && reuseFrom < old.length) continue;
    segments.push({ start: seg.start, end: seg.end, closed: seg.closed, parse: parseOne(split.tokens, seg) });
  }
  if (split.end < text.length || (reuseFrom < old.length && split.end === old[reuseFrom]!.start + delta)) {
    for (let i = reuseFrom; i < old.length; i++) {
      const seg = old[i]!;
      segments.push({ start: seg.start + delta, end: seg.end + delta, closed: seg.closed, parse: seg.parse });
    }
  }
  return assemble(text, dialect, segments, reparsed);
}

function startsWithSlice(text: string, oldText: string, oldStart: number, oldEnd: number, at: number): boolean {
  if (at + (oldEnd - oldStart) > text.length) return false;
  return text.startsWith(oldText.slice(oldStart, oldEnd), at);
}

function assemble(text: string, dialect: Dialect, segments: ParsedSegment[], reparsed: number): ParseResult {
  const children: GreenElement[] = [];
  const diagnostics: Diagnostic[] = [];
  const embedded: EmbeddedSql[] = [];
  for (const seg of segments) {
    const parsed = seg.parse;
    for (const el of parsed.elements) children.push(el);
    for (const d of parsed.diagnostics)
      diagnostics.push(seg.start === 0 ? d : { ...d, range: { start: d.range.start + seg.start, end: d.range.end + seg.start } });
    for (const fragment of parsed.embedded)
      embedded.push({ language: fragment.language, root: SyntaxNode.root(fragment.green, text, seg.start + fragment.start) });
  }
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const green = new GreenNode(SyntaxKind.SourceFile, text.length, children);
  return { text, dialect, root: SyntaxNode.root(green, text), diagnostics, embedded, segments, reparsedSegments: reparsed };
}
