import type { Diagnostic } from "../diagnostic.js";
import type { Dialect } from "../dialect.js";
import type { SignificantTokens } from "../lexer/significant-tokens.js";
import { buildGreen, type EventLog } from "../parser/events.js";
import { Parser } from "../parser/parser.js";
import { parseStatements } from "../parser/statement.js";
import type { GreenElement, GreenNode } from "../syntax/green.js";
import { parseEmbedded, type ParsedFragment } from "./embedded.js";
import { recycleSplit, splitSegments } from "./split.js";

/** An embedded SQL fragment found in a segment, with offsets relative to the segment start. */
export interface EmbeddedFragment {
  readonly language: "sql" | "plpgsql";
  /** Offset of the fragment relative to its segment. */
  readonly start: number;
  /** A `SourceFile` green node covering exactly the fragment's text. */
  readonly green: GreenNode;
}

/**
 * The position-independent parse of one segment: its green elements, and its
 * diagnostics and embedded fragments relative to the segment start. A pure
 * function of (dialect, segment text), so it can be reused whenever the same
 * text reappears at any offset. `elements` is built from the parser's event log
 * the first time it is read; diagnostics never need it.
 */
export interface SegmentParse {
  readonly elements: readonly GreenElement[];
  readonly diagnostics: readonly Diagnostic[];
  readonly embedded: readonly EmbeddedFragment[];
  /** Width of the segment text. */
  readonly width: number;
  /** Whether the segment ends with a statement-terminating `;` (what follows cannot change it). */
  readonly closed: boolean;
  /**
   * Whether the segment ends with a client command line or COPY data, whose end is the end
   * of its line: what follows cannot change it as long as the line break after it stays.
   */
  readonly endsLine?: boolean;
}

/**
 * A segment parse whose green elements are built on first read from the
 * recorded events, which it holds itself (it is the event log: one object per
 * segment, not two); once built, the log is dropped.
 */
class LazySegmentParse implements SegmentParse, EventLog {
  /** The event log (see `EventLog`) until the elements are built, then an empty array. */
  events: Int32Array;
  readonly from: number;
  readonly to: number;
  /** The text the log was recorded from until the elements are built, then "" (not kept alive by reused segments). */
  text: string;
  readonly origin: number;
  readonly end: number;
  private built: readonly GreenElement[] | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly embedded: readonly EmbeddedFragment[];
  readonly width: number;
  readonly closed: boolean;
  readonly endsLine: boolean;

  constructor(parser: Parser, diagnostics: readonly Diagnostic[], embedded: readonly EmbeddedFragment[], width: number, closed: boolean) {
    this.events = parser.logEvents;
    this.from = parser.logFrom;
    this.to = parser.logTo;
    this.text = parser.text;
    this.origin = parser.origin;
    this.end = parser.rangeEnd;
    this.built = undefined;
    this.diagnostics = diagnostics;
    this.embedded = embedded;
    this.width = width;
    this.closed = closed;
    // An open segment with client tokens ends with a line-running one (a command line,
    // COPY data, a DELIMITER region's last command) or at the end of the text.
    this.endsLine = !closed && parser.clientTokens;
  }

  get elements(): readonly GreenElement[] {
    if (this.built === undefined) {
      this.built = buildGreen(this);
      // The log's arena chunk and text are not kept alive for nothing.
      this.events = NO_EVENTS;
      this.text = "";
    }
    return this.built;
  }
}

/** What a built segment keeps of its event log. */
const NO_EVENTS = new Int32Array(0);

/** The (frozen, shared) fragment list of the segments that hold none. */
const NO_FRAGMENTS: EmbeddedFragment[] = Object.freeze([]) as unknown as EmbeddedFragment[];

/**
 * Parses the significant tokens `[tokenFrom, tokenTo)` and comments
 * `[commentFrom, commentTo)` of `stream`: the segment `[base, end)` of its text.
 */
export function parseSegment(
  stream: SignificantTokens,
  dialect: Dialect,
  tokenFrom: number,
  tokenTo: number,
  commentFrom: number,
  commentTo: number,
  base: number,
  end: number,
  closed: boolean,
  /** Whether the segment holds client-program tokens (see `Split.hasClientTokens`). */
  clientTokens = false,
): SegmentParse {
  const parser = new Parser(stream, dialect, tokenFrom, tokenTo, commentFrom, commentTo, base, base, end);
  parser.clientTokens = clientTokens;
  parseStatements(parser);
  parser.endEvents();
  if (parser.embedded.length === 0) return new LazySegmentParse(parser, parser.diagnostics, NO_FRAGMENTS, end - base, closed);
  const diagnostics = parser.diagnostics.slice();
  const embedded: EmbeddedFragment[] = [];
  for (const request of parser.embedded) {
    const parsed = parseEmbedded(stream.text, base + request.start, request.text.length, request.language, dialect, request.names, request.returns, request.routine, request.doubledQuotes === true);
    for (const fragment of parsed.fragments) {
      embedded.push(relativeFragment(fragment, base));
      for (const d of fragment.diagnostics) diagnostics.push({ ...d, range: { start: d.range.start - base, end: d.range.end - base } });
    }
    for (const d of parsed.diagnostics) diagnostics.push({ ...d, range: { start: d.range.start - base, end: d.range.end - base } });
  }
  return new LazySegmentParse(parser, diagnostics, embedded, end - base, closed);
}

/** `fragment` with its start made relative to `base`; its tree still built when first read. */
function relativeFragment(fragment: ParsedFragment, base: number): EmbeddedFragment {
  return new RelativeFragment(fragment, fragment.start - base);
}

/** A class, not a literal with a getter: V8 makes each such literal a dictionary-mode object. */
class RelativeFragment implements EmbeddedFragment {
  readonly language: "sql" | "plpgsql";
  constructor(
    private readonly fragment: ParsedFragment,
    readonly start: number,
  ) {
    this.language = fragment.language;
  }
  get green(): GreenNode {
    return this.fragment.green;
  }
}

/** Parses a standalone segment text (offset 0) — the same result `parseSegment` gives for that text inside a file. */
export function parseSegmentText(text: string, dialect: Dialect): SegmentParse {
  const split = splitSegments(text, dialect, 0, undefined, true);
  const closed = split.count === 1 && split.closed(0);
  let clientTokens = false;
  for (let i = 0; i < split.count; i++) if (split.hasClientTokens(i)) clientTokens = true;
  const result = parseSegment(split.tokens, dialect, 0, split.tokens.count, 0, split.tokens.commentCount, 0, text.length, closed, clientTokens);
  recycleSplit(split);
  return result;
}
