import type { TextEdit, TextRange } from "../diagnostic.js";
import type { ParseResult } from "../syntax/parser.js";
import { SyntaxKind as K } from "../syntax/syntax-kind.js";
import { firstToken, lastToken, type SyntaxNode } from "../syntax/syntax-tree.js";
import { layout, type FormatOptions } from "./format.js";

/**
 * Formats only the top-level items, or the statements of the innermost block, that
 * overlap `range` (a cursor formats the one it is in): edits replace each such unit and
 * the whitespace before it with what {@link formatParsed} prints for it, and touch no
 * other text. Returns `undefined` when the file has syntax errors, `[]` when nothing changes.
 */
export function formatParsedRange(parsed: ParseResult, range: TextRange, options: FormatOptions = {}): TextEdit[] | undefined {
  const laid = layout(parsed, options);
  if (!laid) return undefined;
  const { tokens, text } = parsed;
  const edits: TextEdit[] = [];
  for (const unit of unitsOverlapping(parsed.root, range)) {
    const first = firstToken(unit);
    let last = lastToken(unit);
    if (first < 0 || last < 0) continue;
    // A comment after the unit on its last line belongs to it.
    for (let j = last + 1; j < tokens.count; j++) {
      const k = tokens.kinds[j]!;
      if (k === K.Comment) last = j;
      else if (k !== K.Whitespace || text.slice(tokens.starts[j], tokens.starts[j + 1]).includes("\n")) break;
    }
    let before = first - 1;
    while (before >= 0 && tokens.kinds[before] === K.Whitespace) before--;
    // From the end of the previous token (so indentation and line breaks are included),
    // unless that token is a comma the layout dropped.
    const fromPrev = before < 0 || laid.outEnd[before]! >= 0;
    const origFrom = fromPrev ? (before < 0 ? 0 : tokens.starts[before + 1]!) : tokens.starts[first]!;
    const outFrom = fromPrev ? (before < 0 ? 0 : laid.outEnd[before]!) : laid.outStart[first]!;
    const origTo = tokens.starts[last + 1]!;
    const outTo = laid.outEnd[last]!;
    if (outTo < 0 || outFrom < 0) continue;
    const edit = minimalEdit(text, origFrom, origTo, laid.text.slice(outFrom, outTo));
    if (edit) edits.push(edit);
  }
  return edits;
}

/**
 * The nodes range formatting works on: the statements of the innermost block that holds
 * the whole range, else the top-level items; those overlapping the range (or holding it,
 * for an empty range).
 */
function unitsOverlapping(root: SyntaxNode, range: TextRange): SyntaxNode[] {
  let container = root;
  for (;;) {
    let inner: SyntaxNode | undefined;
    for (const c of container.children) {
      if (typeof c === "number" || c.start > range.start || c.end < range.end) continue;
      inner = c;
      break;
    }
    if (!inner) break;
    // Strictly inside the braces of a block: its statements are the units.
    if (inner.kind === K.Block && range.start > inner.start && range.end < inner.end) {
      container = inner;
      continue;
    }
    // Otherwise descend (towards a block), stopping at nodes with no children nodes.
    if (!inner.children.some((c) => typeof c !== "number")) break;
    const blockBelow = findBlockHolding(inner, range);
    if (!blockBelow) break;
    container = blockBelow;
  }
  const units: SyntaxNode[] = [];
  for (const c of container.children) {
    if (typeof c === "number") continue;
    const overlaps = range.start === range.end ? c.start <= range.start && range.start <= c.end : c.start < range.end && range.start < c.end;
    if (overlaps) units.push(c);
  }
  return units;
}

/** The innermost block under `n` whose braces strictly hold `range`. */
function findBlockHolding(n: SyntaxNode, range: TextRange): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  const stack: SyntaxNode[] = [n];
  while (stack.length > 0) {
    const m = stack.pop()!;
    if (m.start > range.start || m.end < range.end) continue;
    if (m.kind === K.Block && range.start > m.start && range.end < m.end) found = m;
    for (const c of m.children) if (typeof c !== "number") stack.push(c);
  }
  return found;
}

/** Replacing `text[from, to)` by `replacement`, trimmed to the part that differs; `undefined` when equal. */
function minimalEdit(text: string, from: number, to: number, replacement: string): TextEdit | undefined {
  const original = text.slice(from, to);
  if (original === replacement) return undefined;
  let head = 0;
  while (head < original.length && head < replacement.length && original[head] === replacement[head]) head++;
  let tail = 0;
  while (
    tail < original.length - head &&
    tail < replacement.length - head &&
    original[original.length - 1 - tail] === replacement[replacement.length - 1 - tail]
  ) tail++;
  return { range: { start: from + head, end: to - tail }, newText: replacement.slice(head, replacement.length - tail) };
}

