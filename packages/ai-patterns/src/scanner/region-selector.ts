import type { Range } from "web-tree-sitter";
import type { LanguageId } from "./types.js";

/**
 * Top-level declarations (at column 0) that can be left out of the parse when they
 * contain no sink name: functions, classes, types. Everything else is always parsed,
 * so module-level constants stay resolvable. Java keeps methods inside a class, so
 * nothing is skipped there.
 */
const SKIPPABLE: Readonly<Record<LanguageId, RegExp | null>> = {
  javascript: /^(?:export\s+(?:default\s+)?)?(?:async\s+)?function\b|^(?:export\s+(?:default\s+)?)?class\b/,
  typescript: /^(?:export\s+(?:default\s+)?)?(?:declare\s+)?(?:async\s+function|function|abstract\s+class|class|interface|type\s+\w+|enum)\b/,
  tsx: /^(?:export\s+(?:default\s+)?)?(?:declare\s+)?(?:async\s+function|function|abstract\s+class|class|interface|type\s+\w+|enum)\b/,
  python: /^(?:async\s+def|def|class)\b/,
  go: /^(?:func|type)\b/,
  php: /^(?:function|(?:abstract\s+|final\s+)?class|interface|trait)\b/,
  ruby: /^(?:def|class|module)\b/,
  java: null,
};

/** Column-0 lines that continue the unit above (closers, `else`, comments, decorators' targets). */
const CONTINUATION = /^(?:[})\]]|(?:end|else|elsif|elif|except|finally|rescue|ensure|when|catch)\b|#|\/\/|\/\*|\*|$)/;

/** Below this size the whole file is parsed: selecting ranges would not pay. */
const MIN_SELECTIVE_LENGTH = 4096;

/**
 * Chooses the parts of a file worth parsing: every top-level unit except skippable
 * declarations without a sink name in them. Returns null when the whole file should be
 * parsed. The caller must parse the whole file after all if the partial tree has errors
 * (a unit boundary guessed inside a multi-line string shows up as a syntax error).
 */
export function selectParseRanges(text: string, language: LanguageId, hits: readonly number[]): Range[] | null {
  const skippable = SKIPPABLE[language];
  if (!skippable || text.length < MIN_SELECTIVE_LENGTH) return null;
  // Units: [start offset, skippable?] at each column-0 line that is not a continuation.
  const starts: { offset: number; row: number; skip: boolean }[] = [{ offset: 0, row: 0, skip: skippable.test(text.slice(0, 80)) }];
  let row = 0;
  for (let at = 0; at < text.length; ) {
    const next = text.indexOf("\n", at);
    const end = next < 0 ? text.length : next;
    const first = text.charCodeAt(at);
    if (at > 0 && first !== 32 && first !== 9 && first !== 13) {
      const line = text.slice(at, Math.min(end, at + 80));
      if (!CONTINUATION.test(line)) starts.push({ offset: at, row, skip: skippable.test(line) });
    }
    if (next < 0) break;
    at = next + 1;
    row++;
  }
  const ranges: Range[] = [];
  let skipped = false;
  let hit = 0;
  for (let i = 0; i < starts.length; i++) {
    const unit = starts[i]!;
    const following = starts[i + 1];
    const end = following ? following.offset : text.length;
    while (hit < hits.length && hits[hit]! < unit.offset) hit++;
    const hasSink = hit < hits.length && hits[hit]! < end;
    if (unit.skip && !hasSink) {
      skipped = true;
      continue;
    }
    const last = ranges[ranges.length - 1];
    const endPosition = following ? { row: following.row, column: 0 } : endPoint(text, unit.row, unit.offset);
    if (last && last.endIndex === unit.offset) {
      last.endIndex = end;
      last.endPosition = endPosition;
    } else {
      ranges.push({ startIndex: unit.offset, endIndex: end, startPosition: { row: unit.row, column: 0 }, endPosition });
    }
  }
  return skipped && ranges.length > 0 ? ranges : null;
}

function endPoint(text: string, row: number, from: number): { row: number; column: number } {
  let r = row;
  let lineStart = from;
  for (let i = text.indexOf("\n", from); i >= 0; i = text.indexOf("\n", i + 1)) {
    r++;
    lineStart = i + 1;
  }
  return { row: r, column: text.length - lineStart };
}
