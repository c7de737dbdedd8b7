import type { Range } from "web-tree-sitter";
import type { LanguageId } from "./types.js";

/** How one language's top-level units and class members look at the start of a line. */
interface UnitPatterns {
  /** Top-level (column 0) declarations that can be left out when they hold no sink name. */
  topLevel: RegExp;
  /** Top-level declarations whose members are split further when the class holds a sink. */
  container: RegExp | null;
  /** Member declarations (after the indentation) that can be left out when they hold no sink name. */
  member: RegExp | null;
}

const TS_TOP = /^(?:export\s+(?:default\s+)?)?(?:declare\s+)?(?:async\s+function|function|abstract\s+class|class|interface|type\s+\w+|enum)\b/;
const JS_CLASS = /^(?:export\s+(?:default\s+)?)?(?:declare\s+)?(?:abstract\s+)?class\b/;
// A method head: modifiers, a name, optional type parameters, then `(` — never a field (`x = (…) =>`).
const JS_MEMBER = /^(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set)\s+)*\*?[#\w$]+\s*(?:<[^>=]*>)?\s*\(/;

/**
 * Declarations that can be left out of the parse when they contain no sink name:
 * top-level functions, classes and types, and — inside a class that does hold a sink —
 * its methods. Everything else (module constants, fields, imports) is always parsed.
 */
const PATTERNS: Readonly<Record<LanguageId, UnitPatterns>> = {
  javascript: {
    topLevel: /^(?:export\s+(?:default\s+)?)?(?:async\s+)?function\b|^(?:export\s+(?:default\s+)?)?class\b/,
    container: JS_CLASS,
    member: JS_MEMBER,
  },
  typescript: { topLevel: TS_TOP, container: JS_CLASS, member: JS_MEMBER },
  tsx: { topLevel: TS_TOP, container: JS_CLASS, member: JS_MEMBER },
  python: { topLevel: /^(?:async\s+def|def|class)\b/, container: /^class\b/, member: /^(?:async\s+)?def\b/ },
  go: { topLevel: /^(?:func|type)\b/, container: null, member: null },
  php: {
    topLevel: /^(?:function|(?:abstract\s+|final\s+)?class|interface|trait)\b/,
    container: /^(?:(?:abstract|final)\s+)?class\b|^trait\b/,
    member: /^(?:(?:public|private|protected|static|final|abstract)\s+)*function\b/,
  },
  ruby: { topLevel: /^(?:def|class|module)\b/, container: /^(?:class|module)\b/, member: /^def\b/ },
  java: {
    topLevel: /^(?:(?:public|private|protected|abstract|final|static|sealed)\s+)*(?:class|interface|enum|record)\b/,
    container: /^(?:(?:public|private|protected|abstract|final|static|sealed)\s+)*(?:class|interface|enum|record)\b/,
    // Modifiers, a return type, a name and `(`; no `=` before it (that is a field initializer).
    member: /^(?:(?:public|private|protected|static|final|abstract|synchronized|native|default|strictfp)\s+)*(?:<[^>]*>\s*)?[\w$.<>[\],?]+(?:\s*<[^=]*>)?\s+[\w$]+\s*\([^=]*$/,
  },
};

/** Lines that continue the unit above: closers, `else`, comments, blank lines. */
const CONTINUATION = /^(?:[})\]]|(?:end|else|elsif|elif|except|finally|rescue|ensure|when|catch)\b|#|\/\/|\/\*|\*|$)/;
/** Annotations and decorators belong to the declaration below them. */
const ANNOTATION = /^@/;

/** Below this size the whole file is parsed: selecting ranges would not pay. */
const MIN_SELECTIVE_LENGTH = 4096;

interface Line {
  offset: number;
  row: number;
  indent: number;
  /** The line after its indentation (first 120 code units). */
  head: string;
}

interface Segment {
  offset: number;
  row: number;
  skip: boolean;
  /** The declared name of a skippable declaration (kept after all when something calls it). */
  name?: string;
}

/** A helper worth keeping for a sink builds SQL: it holds some SQL text. */
const SQL_HINT = /\b(?:select\b[\s\S]{0,300}?\bfrom|insert\s+into|update\s+[\w".`]+\s+set|delete\s+from|where\s+[\w".`]+\s*(?:=|<|>|like\b|in\b)|order\s+by|group\s+by)\b/i;

/** Names followed by `(` — what a unit calls (`helper(`, `this.helper(`, `self._where(`). */
const CALLED = /([A-Za-z_$][\w$]*)\s*\(/g;

/** The name a declaration line declares: the identifier before its `(`, else its last word. */
function declaredName(head: string): string | undefined {
  return (/([A-Za-z_$][\w$]*)\s*(?:<[^>()]*>)?\s*\(/.exec(head) ?? /([A-Za-z_$][\w$]*)\s*:?\s*$/.exec(head))?.[1];
}

/**
 * Chooses the parts of a file worth parsing: every top-level unit except skippable
 * declarations without a sink name in them, and inside a class with a sink, every member
 * except methods without one. Returns null when the whole file should be parsed. The
 * caller must parse the whole file after all if the partial tree has errors (a boundary
 * guessed inside a multi-line string shows up as a syntax error).
 */
export function selectParseRanges(text: string, language: LanguageId, hits: readonly number[]): Range[] | null {
  if (text.length < MIN_SELECTIVE_LENGTH) return null;
  const patterns = PATTERNS[language];
  const lines = splitLines(text);
  const segments: Segment[] = [];
  const hitIn = (start: number, end: number) => {
    // hits are sorted: binary search for the first hit at or after start.
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length && hits[lo]! < end;
  };

  const topStarts = unitStarts(lines, 0, lines.length, 0);
  for (let u = 0; u < topStarts.length; u++) {
    const first = topStarts[u]!;
    const last = u + 1 < topStarts.length ? topStarts[u + 1]! : lines.length;
    const line = lines[first]!;
    const end = last < lines.length ? lines[last]!.offset : text.length;
    const skippable = patterns.topLevel.test(declarationHead(lines, first, last));
    const hasSink = hitIn(line.offset, end);
    if (!hasSink) {
      const head = declarationHead(lines, first, last);
      segments.push({ offset: line.offset, row: line.row, skip: skippable, ...(skippable ? { name: declaredName(head.replace(/^(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:function\*?|def|func|class)\s+/, "")) } : {}) });
      continue;
    }
    if (!patterns.container || !patterns.member || !patterns.container.test(declarationHead(lines, first, last))) {
      segments.push({ offset: line.offset, row: line.row, skip: false });
      continue;
    }
    // A class with a sink somewhere: keep its header, fields and closer; drop idle methods.
    segments.push({ offset: line.offset, row: line.row, skip: false });
    const memberIndent = lines.slice(first + 1, last).find((l) => l.head !== "" && l.indent > 0)?.indent ?? 0;
    if (memberIndent === 0) continue;
    const memberStarts = unitStarts(lines, first + 1, last, memberIndent);
    for (let m = 0; m < memberStarts.length; m++) {
      const mFirst = memberStarts[m]!;
      const mLast = m + 1 < memberStarts.length ? memberStarts[m + 1]! : last;
      const mLine = lines[mFirst]!;
      const mEnd = mLast < lines.length ? lines[mLast]!.offset : text.length;
      const head = declarationHead(lines, mFirst, mLast);
      const isMember = mLine.indent === memberIndent && patterns.member.test(head);
      const skip = isMember && !hitIn(mLine.offset, mEnd);
      segments.push({ offset: mLine.offset, row: mLine.row, skip, ...(skip ? { name: declaredName(head) } : {}) });
    }
  }
  keepCalledHelpers(text, segments);
  if (!segments.some((s) => s.skip)) return null;

  const ranges: Range[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.skip) continue;
    const following = segments[i + 1];
    const end = following ? following.offset : text.length;
    const endPosition = following ? { row: following.row, column: 0 } : endPoint(text, lines);
    const last = ranges[ranges.length - 1];
    if (last && last.endIndex === segment.offset) {
      last.endIndex = end;
      last.endPosition = endPosition;
    } else {
      ranges.push({ startIndex: segment.offset, endIndex: end, startPosition: { row: segment.row, column: 0 }, endPosition });
    }
  }
  return ranges.length > 0 ? ranges : null;
}

/**
 * Keeps skippable declarations that hold SQL text and that kept code calls (a helper that
 * builds SQL for a sink must be parsed to be followed), and such helpers of helpers.
 */
function keepCalledHelpers(text: string, segments: Segment[]): void {
  const end = (i: number) => segments[i + 1]?.offset ?? text.length;
  // Only declarations that hold SQL text can matter; most files have none.
  const candidates = new Set(segments.flatMap((s, i) => (s.skip && s.name !== undefined && SQL_HINT.test(text.slice(s.offset, end(i))) ? [i] : [])));
  if (candidates.size === 0) return;
  let pending = segments.map((s, i) => (s.skip ? -1 : i)).filter((i) => i >= 0);
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const called = new Set<string>();
    for (const i of pending) for (const m of text.slice(segments[i]!.offset, end(i)).matchAll(CALLED)) called.add(m[1]!);
    pending = [];
    segments.forEach((segment, i) => {
      if (segment.skip && candidates.has(i) && called.has(segment.name!)) {
        segment.skip = false;
        pending.push(i);
      }
    });
  }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let row = 0;
  for (let at = 0; at <= text.length; ) {
    const next = text.indexOf("\n", at);
    const end = next < 0 ? text.length : next;
    let indent = at;
    while (indent < end && (text.charCodeAt(indent) === 32 || text.charCodeAt(indent) === 9)) indent++;
    lines.push({ offset: at, row, indent: indent - at, head: text.slice(indent, Math.min(end, indent + 120)).replace(/\r$/, "") });
    if (next < 0) break;
    at = next + 1;
    row++;
  }
  return lines;
}

/**
 * Indexes of the lines in [from, to) that start a unit at `indent`: lines at that
 * indentation that do not continue the unit above, and never the line right after an
 * annotation (which belongs with it). Lines indented less than `indent` (a class's own
 * closer) start a unit of their own. The first line always starts one.
 */
function unitStarts(lines: readonly Line[], from: number, to: number, indent: number): number[] {
  const starts: number[] = [];
  let afterAnnotation = false;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.head === "") continue;
    const level = line.indent === indent;
    const outdented = line.indent < indent;
    if (i === from || ((level || outdented) && !afterAnnotation && !CONTINUATION.test(line.head)) || (outdented && i !== from)) {
      if (starts[starts.length - 1] !== i) starts.push(i);
    }
    if (level || outdented) afterAnnotation = ANNOTATION.test(line.head);
  }
  return starts;
}

/** The declaration line of a unit: its first line that is not an annotation. */
function declarationHead(lines: readonly Line[], first: number, last: number): string {
  for (let i = first; i < last; i++) {
    const head = lines[i]!.head;
    if (head !== "" && !ANNOTATION.test(head)) return head;
  }
  return lines[first]!.head;
}

function endPoint(text: string, lines: readonly Line[]): { row: number; column: number } {
  const last = lines[lines.length - 1]!;
  return { row: last.row, column: text.length - last.offset };
}
