import { binaryPrecedence, type ParseResult } from "../syntax/parser.js";
import { SyntaxKind as K, isKeyword } from "../syntax/syntax-kind.js";
import { firstToken, lastToken, type SyntaxNode } from "../syntax/syntax-tree.js";

/** Formatting options. */
export interface FormatOptions {
  /** Spaces per indentation level, clamped to 0–16. Defaults to `4`. */
  readonly indent?: number;
  /** Line width beyond which bracketed lists (arguments, parameters, arrays, tuples, struct literals, use lists) and operator chains break (at least 1). Defaults to `100`. */
  readonly width?: number;
}

/**
 * Formats a parsed file: 4-space indentation, one statement per line, one field per line
 * in struct definitions, single spaces around binary operators, comments kept where they
 * were (trailing or on their own line) and at most one blank line kept between lines.
 * Argument, parameter, array, tuple, struct-literal and use lists that would pass the
 * width (or hold a comment) break into one element per line with a trailing comma; flat
 * lists drop it (a one-element tuple keeps it). An
 * expression whose operator chain would pass the width (or holds a comment) breaks before
 * each operator of its loosest level, continuation lines indented one level deeper. A
 * comment that breaks a construct in two (`return a[ // c`) makes the line going on with
 * it a continuation, one level deeper.
 * Returns `undefined` when the file has syntax errors (its structure is not reliable).
 */
export function formatParsed(parsed: ParseResult, options: FormatOptions = {}): string | undefined {
  return layout(parsed, options)?.text;
}

/** @internal The printed text, and where each token landed in it (`-1` for tokens not printed). */
export interface Layout {
  readonly text: string;
  readonly outStart: Int32Array;
  readonly outEnd: Int32Array;
}

/**
 * The indentation unit and width from `options`: numbers are clamped (an indent of 0–16
 * spaces, a width of at least 1), a non-number is a RangeError, and null means no options.
 * Unchecked, a negative or huge indent made `" ".repeat` throw inside the request (which
 * then answered nothing), and `"tab"` quietly meant no indentation at all.
 */
function resolveLayoutOptions(options: FormatOptions | null | undefined): { unit: string; width: number } {
  const indent = options?.indent ?? 4;
  const width = options?.width ?? 100;
  if (typeof indent !== "number" || Number.isNaN(indent)) throw new RangeError(`the format option indent must be a number of spaces, got ${JSON.stringify(indent)}`);
  if (typeof width !== "number" || Number.isNaN(width)) throw new RangeError(`the format option width must be a number, got ${JSON.stringify(width)}`);
  return { unit: " ".repeat(Math.max(0, Math.min(16, Math.floor(indent)))), width: Math.max(1, Math.floor(width)) };
}

/** @internal The whole-file layout behind {@link formatParsed} and range formatting; `undefined` on syntax errors. */
export function layout(parsed: ParseResult, options: FormatOptions): Layout | undefined {
  if (parsed.diagnostics.some((d) => d.code === "syntax-error" || d.code === "invalid-character")) return undefined;
  const { unit, width } = resolveLayoutOptions(options);
  const { tokens, text } = parsed;
  // Parent kind and parent node id of every token; opener/closer of wrappable lists.
  const parentKind = new Int32Array(tokens.count).fill(-1);
  const parentId = new Int32Array(tokens.count).fill(-1);
  // The per-token tables below are typed arrays indexed by token, -1 for none: maps keyed by
  // token index made formatting a large file slow (a million entries, hashed and cache-missed).
  const closerOf = new Int32Array(tokens.count).fill(-1);
  // Operator chains: the outermost binary expression of each expression, by its first
  // token (its id and last token); and the chain each loosest-level operator token belongs to.
  const chainIdAt = new Int32Array(tokens.count).fill(-1);
  const chainLastAt = new Int32Array(tokens.count).fill(-1);
  const chainOfOperator = new Int32Array(tokens.count).fill(-1);
  let nextId = 0;
  const stack: [SyntaxNode, number][] = [[parsed.root, -1]];
  while (stack.length > 0) {
    const [n, parent] = stack.pop()!;
    const id = nextId++;
    for (const c of n.children) {
      if (typeof c === "number") {
        parentKind[c] = n.kind;
        parentId[c] = id;
      } else stack.push([c, n.kind]);
    }
    if (n.kind === K.BinExpr && parent !== K.BinExpr) {
      const first = firstToken(n);
      const level = binaryPrecedence(tokens.kinds[operatorToken(n, tokens.kinds)]!);
      chainIdAt[first] = id;
      chainLastAt[first] = lastToken(n);
      // Down the left spine while the operators are of the same (loosest) level.
      let m: SyntaxNode | number | undefined = n;
      while (typeof m === "object" && m.kind === K.BinExpr) {
        const op = operatorToken(m, tokens.kinds);
        if (op < 0 || binaryPrecedence(tokens.kinds[op]!) !== level) break;
        chainOfOperator[op] = id;
        m = m.children[0];
      }
    }
    if (WRAPPABLE.has(n.kind)) {
      const first = n.children[0];
      const last = n.children[n.children.length - 1];
      if (typeof first === "number" && typeof last === "number" && first !== last) closerOf[first] = last;
    }
  }
  const tokText = (i: number) => text.slice(tokens.starts[i], tokens.starts[i + 1]);
  // Lengths without slicing: width measurements run over every token of every list and chain.
  const tokLen = (i: number) => tokens.starts[i + 1]! - tokens.starts[i]!;
  const kindOf = (i: number) => tokens.kinds[i]!;
  // Significant tokens and comments, with the whitespace seen before each.
  const seq: { i: number; newlinesBefore: number }[] = [];
  const seqIndex = new Int32Array(tokens.count).fill(-1);
  let pendingNewlines = 0;
  for (let i = 0; i < tokens.count; i++) {
    const k = tokens.kinds[i]!;
    if (k === K.Whitespace) {
      for (let at = tokens.starts[i]!, end = tokens.starts[i + 1]!; at < end; at++) if (text.charCodeAt(at) === 10) pendingNewlines++;
      continue;
    }
    if (k === K.EndOfFile) break;
    seqIndex[i] = seq.length;
    seq.push({ i, newlinesBefore: pendingNewlines });
    pendingNewlines = 0;
  }
  const isTrailingComma = (n: number): boolean => {
    const { i } = seq[n]!;
    const after = seq[n + 1];
    return kindOf(i) === K.Comma && after !== undefined && isCloserOf(after.i, parentId[i]!);
  };
  // The list (its node id) each closer token closes; NOT_A_CLOSER elsewhere (not -1, which a
  // token without a parent would have as its group).
  const NOT_A_CLOSER = -2;
  const closerIds = new Int32Array(tokens.count).fill(NOT_A_CLOSER);
  for (let open = 0; open < tokens.count; open++) if (closerOf[open]! >= 0) closerIds[closerOf[open]!] = parentId[open]!;
  const isCloserOf = (tok: number, group: number) => closerIds[tok] === group;
  const broken = new Set<number>();
  /** Width of seq[from..to] printed flat (without a trailing comma), plus the rest of its line. */
  const flatWidth = (from: number, to: number): number => {
    let w = 0;
    for (let n = from; n <= to; n++) {
      if (isTrailingComma(n)) continue;
      if (n > from && needsSpace(seq[n - 1]!.i, seq[n]!.i, kindOf, parentKind)) w++;
      w += tokLen(seq[n]!.i);
    }
    for (let n = to + 1; n < seq.length && n <= to + 24; n++) {
      const k = kindOf(seq[n]!.i);
      if (k === K.Comment) break;
      // The closer of an enclosing broken list goes on its own line: the element ends
      // here, followed by the comma that breaking adds.
      const encl = closerIds[seq[n]!.i]!;
      if (encl !== NOT_A_CLOSER && broken.has(encl)) {
        w += 1;
        break;
      }
      if (needsSpace(seq[n - 1]!.i, seq[n]!.i, kindOf, parentKind)) w++;
      w += tokLen(seq[n]!.i);
      if (k === K.LBrace || k === K.Semi || k === K.Comma) break;
    }
    return w;
  };
  const brokenChains = new Set<number>();
  const chainEnds = new Map<number, number>();
  let braceOnOwnLine = false;
  // Where each token was printed: its line and column, turned into offsets at the end.
  const tokLine = new Int32Array(tokens.count).fill(-1);
  const tokCol = new Int32Array(tokens.count);
  const lines: string[] = [];
  let line = "";
  let depth = 0;
  let parens = 0;
  let atLineStart = true;
  let prev = -1;
  // Whether the last token other than a comment ends its line (a statement's `;`, a block
  // brace, a broken list's opener or comma) or its next line is indented already (a broken
  // chain's operator); when not, a comment that breaks the line breaks a construct in two,
  // and the line going on with it is a continuation, one level deeper.
  let lineEndWanted = true;
  let continuation = false;
  const newline = (blank: boolean) => {
    lines.push(line.trimEnd());
    if (blank) lines.push("");
    line = "";
    atLineStart = true;
  };
  const afterOpenBrace = () => atLineStart && lines.length > 0 && lines[lines.length - 1]!.endsWith("{");
  const lastIsBlank = () => atLineStart && lines.length > 0 && lines[lines.length - 1] === "";
  const empty = () => lines.length === 0 && line === "";
  for (let n = 0; n < seq.length; n++) {
    const { i, newlinesBefore } = seq[n]!;
    const k = kindOf(i);
    const pk = parentKind[i]!;
    const isBlockBrace = pk === K.Block || pk === K.FieldList;
    const group = parentId[i]!;
    if (k === K.RBrace && isBlockBrace) {
      depth = Math.max(0, depth - 1);
      if (!atLineStart && prev >= 0 && kindOf(prev) !== K.LBrace) newline(false);
    }
    // The closer of a broken list: trailing comma, then its own line.
    if (broken.has(group) && isCloserOf(i, group)) {
      if (!atLineStart && prev >= 0 && kindOf(prev) !== K.Comma && kindOf(prev) !== K.Comment) line += ",";
      if (!atLineStart) newline(false);
      depth = Math.max(0, depth - 1);
    }
    if (k === K.Comma && !broken.has(group) && isTrailingComma(n) && pk !== K.TupleExpr && pk !== K.TupleType) {
      prev = i;
      continue; // a flat list drops its trailing comma
    }
    if (braceOnOwnLine) {
      braceOnOwnLine = false;
      if (k === K.LBrace && !atLineStart) newline(false);
    }
    // An operator of a broken chain starts a continuation line.
    const chainOfOp = chainOfOperator[i]!;
    if (chainOfOp >= 0 && brokenChains.has(chainOfOp) && !atLineStart) newline(false);
    // The last element of a broken list gets its comma before the comments that follow it
    // (at the closer, after a comment, it would land inside the comment).
    if (k === K.Comment && prev >= 0 && kindOf(prev) !== K.Comma && kindOf(prev) !== K.Comment && closerOf[prev]! < 0) {
      let j = n + 1;
      while (j < seq.length && kindOf(seq[j]!.i) === K.Comment) j++;
      const list = j < seq.length ? closerIds[seq[j]!.i]! : NOT_A_CLOSER;
      if (list !== NOT_A_CLOSER && broken.has(list)) {
        if (!atLineStart) line += ",";
        else if (lines.length > 0) lines[lines.length - 1] += ",";
        lineEndWanted = true; // as after the comma of any element of a broken list
      }
    }
    if (k === K.Comment) {
      if (atLineStart || newlinesBefore > 0) {
        if (!atLineStart && !lineEndWanted) continuation = true;
        if (!atLineStart) newline(newlinesBefore > 1);
        else if (newlinesBefore > 1 && !empty() && !afterOpenBrace()) newline(false);
      }
    } else if (!atLineStart && newlinesBefore > 0 && prev >= 0 && kindOf(prev) === K.Comment) {
      newline(false);
    }
    if (atLineStart) {
      if (!empty() && newlinesBefore > 1 && !lastIsBlank() && !afterOpenBrace() && !(k === K.RBrace && isBlockBrace)) lines.push("");
      // A continuation line is one level deeper, unless its token starts a line of its own
      // anyway (block braces, `else`, a broken list's closer, a broken chain's operator).
      const ownLine =
        (k === K.RBrace && isBlockBrace) ||
        (k === K.LBrace && pk === K.Block) ||
        k === K.ElseKw ||
        (broken.has(group) && isCloserOf(i, group)) ||
        (chainOfOp >= 0 && brokenChains.has(chainOfOp));
      line += unit.repeat(continuation && !ownLine ? depth + 1 : depth);
      atLineStart = false;
    } else if (prev >= 0 && needsSpace(prev, i, kindOf, parentKind)) {
      line += " ";
    }
    tokLine[i] = lines.length;
    tokCol[i] = line.length;
    line += tokText(i);
    if (k !== K.Comment) continuation = false;
    // An expression whose operator chain does not fit (or holds a comment) breaks before
    // each operator of its loosest level; the continuation lines are one level deeper.
    const chainId = chainIdAt[i]!;
    if (chainId >= 0) {
      const chainLast = chainLastAt[i]!;
      const to = seqIndex[chainLast]!;
      let hasComment = false;
      for (let m = n + 1; m < to; m++) if (kindOf(seq[m]!.i) === K.Comment) hasComment = true;
      const column = line.length - tokLen(i);
      if (hasComment || column + flatWidth(n, to) > width) {
        brokenChains.add(chainId);
        chainEnds.set(chainLast, (chainEnds.get(chainLast) ?? 0) + 1);
        depth++;
      }
    }
    const chainsEnding = chainEnds.get(i);
    if (chainsEnding !== undefined) {
      depth = Math.max(0, depth - chainsEnding);
      chainEnds.delete(i);
      // A block after a broken condition opens on its own line, so the condition's
      // continuation lines do not run into the body.
      const after = seq[n + 1];
      if (after && kindOf(after.i) === K.LBrace && parentKind[after.i] === K.Block) braceOnOwnLine = true;
    }
    // One field per line in struct definitions, each ending with a comma.
    if (k !== K.Comment && k !== K.Comma && !(k === K.LBrace && pk === K.FieldList)) {
      let j = n + 1;
      while (j < seq.length && kindOf(seq[j]!.i) === K.Comment) j++;
      const after = seq[j];
      if (after && kindOf(after.i) === K.RBrace && parentKind[after.i] === K.FieldList) line += ",";
    }
    if (k === K.LParen || k === K.LBracket) parens++;
    if (k === K.RParen || k === K.RBracket) parens = Math.max(0, parens - 1);
    const next = seq[n + 1];
    const nk = next ? kindOf(next.i) : -1;
    const trailingComment = nk === K.Comment && next!.newlinesBefore === 0;
    // An opener whose list does not fit (or holds a comment) breaks: one element per line.
    let opensBrokenList = false;
    const closer = closerOf[i]!;
    if (closer >= 0) {
      const to = seqIndex[closer]!;
      let hasComment = false;
      for (let m = n + 1; m < to; m++) if (kindOf(seq[m]!.i) === K.Comment) hasComment = true;
      const column = line.length - tokLen(i);
      if (to > n + 1 && (hasComment || column + flatWidth(n, to) > width)) {
        broken.add(group);
        depth++;
        opensBrokenList = true;
        if (!trailingComment) newline(false);
      }
    }
    if (k === K.Comment) {
      if (!lineEndWanted) continuation = true;
      newline(false);
    } else if (k === K.LBrace && isBlockBrace) {
      depth++;
      lineEndWanted = !(nk === K.RBrace && next && parentKind[next.i] === pk);
      // A comment after the brace stays on its line (`if n { // why`).
      if (lineEndWanted && !trailingComment) newline(false);
    } else if (k === K.RBrace && isBlockBrace) {
      const stays = nk === K.ElseKw || nk === K.Semi || nk === K.RParen || nk === K.Comma || nk === K.Dot || nk === K.RBracket;
      lineEndWanted = !stays;
      if (!stays && !trailingComment) newline(false);
    } else if (k === K.Semi && parens === 0) {
      lineEndWanted = nk !== K.ElseKw;
      if (nk !== K.ElseKw && !trailingComment) newline(false);
    } else if (k === K.Comma && (pk === K.FieldList || broken.has(group))) {
      lineEndWanted = !(next && isCloserOf(next.i, group));
      if (!trailingComment && !(next && isCloserOf(next.i, group))) newline(false);
    } else lineEndWanted = opensBrokenList || (chainOfOp >= 0 && brokenChains.has(chainOfOp)); // a broken chain's operand lines are indented already
    prev = i;
  }
  if (line !== "") lines.push(line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const out = lines.length === 0 ? "" : lines.join("\n") + "\n";
  const lineStart = new Int32Array(lines.length + 1);
  for (let l = 0; l < lines.length; l++) lineStart[l + 1] = lineStart[l]! + lines[l]!.length + 1;
  const outStart = new Int32Array(tokens.count).fill(-1);
  const outEnd = new Int32Array(tokens.count).fill(-1);
  for (let i = 0; i < tokens.count; i++) {
    const l = tokLine[i]!;
    if (l < 0 || l >= lines.length) continue;
    const width = tokens.starts[i + 1]! - tokens.starts[i]!;
    // A comment's trailing spaces were trimmed with its line.
    outStart[i] = lineStart[l]! + tokCol[i]!;
    outEnd[i] = lineStart[l]! + Math.min(tokCol[i]! + width, lines[l]!.length);
  }
  return { text: out, outStart, outEnd };
}

/** The direct operator token of a binary expression node, or -1. */
function operatorToken(n: SyntaxNode, kinds: Uint8Array): number {
  for (const c of n.children) if (typeof c === "number" && binaryPrecedence(kinds[c]!) > 0) return c;
  return -1;
}

/** Lists that break one element per line when they do not fit (or hold a comment, after which the rest of a flat list lost its indentation). */
const WRAPPABLE = new Set<number>([K.ArgList, K.ParamList, K.ArrayExpr, K.TupleExpr, K.TupleType, K.FieldInitList, K.UseList]);

const NO_SPACE_AFTER = new Set<number>([K.LParen, K.LBracket, K.Dot, K.ColonColon]);
const NO_SPACE_BEFORE = new Set<number>([K.RParen, K.RBracket, K.Comma, K.Semi, K.Dot, K.ColonColon, K.Colon]);

function needsSpace(prev: number, next: number, kindOf: (i: number) => number, parentKind: Int32Array): boolean {
  const pk = kindOf(prev);
  const nk = kindOf(next);
  if (nk === K.Comment) return true;
  if (NO_SPACE_AFTER.has(pk)) return false;
  if ((pk === K.Bang || pk === K.Minus) && parentKind[prev] === K.PrefixExpr) return false;
  if (NO_SPACE_BEFORE.has(nk)) return false;
  if (nk === K.Star && parentKind[next] === K.PointerType) return false;
  if (nk === K.LParen) {
    const p = parentKind[next];
    if (p === K.ArgList || p === K.ParamList) return false;
    return isKeyword(pk) || pk === K.Eq || pk === K.Comma || (pk >= K.Plus && pk <= K.Arrow) || pk === K.LBrace || pk === K.Colon || pk === K.RParen;
  }
  if (nk === K.LBracket) {
    const p = parentKind[next];
    if (p === K.IndexExpr || p === K.NewExpr) return false;
    return true;
  }
  if (pk === K.LBrace && nk === K.RBrace) return false;
  if ((pk === K.LBrace && parentKind[prev] === K.UseList) || (nk === K.RBrace && parentKind[next] === K.UseList)) return false;
  return true;
}
