import type { ParseResult } from "../syntax/parser.js";
import { SyntaxKind as K, isKeyword } from "../syntax/syntax-kind.js";
import type { SyntaxNode } from "../syntax/syntax-tree.js";

/** Formatting options. */
export interface FormatOptions {
  /** Spaces per indentation level. Defaults to `4`. */
  readonly indent?: number;
}

/**
 * Formats a parsed file: 4-space indentation, one statement per line, one field per line
 * in struct definitions, single spaces around binary operators, comments kept where they
 * were (trailing or on their own line) and at most one blank line kept between lines.
 * Returns `undefined` when the file has syntax errors (its structure is not reliable).
 * Lines are not wrapped at any width.
 */
export function formatParsed(parsed: ParseResult, options: FormatOptions = {}): string | undefined {
  if (parsed.diagnostics.some((d) => d.code === "syntax-error" || d.code === "invalid-character")) return undefined;
  const unit = " ".repeat(options.indent ?? 4);
  const { tokens, text } = parsed;
  const parentKind = new Int32Array(tokens.count).fill(-1);
  const stack: SyntaxNode[] = [parsed.root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (const c of n.children) {
      if (typeof c === "number") parentKind[c] = n.kind;
      else stack.push(c);
    }
  }
  const tokText = (i: number) => text.slice(tokens.starts[i], tokens.starts[i + 1]);
  // Significant tokens and comments, with the whitespace seen before each.
  const seq: { i: number; newlinesBefore: number }[] = [];
  let pendingNewlines = 0;
  for (let i = 0; i < tokens.count; i++) {
    const k = tokens.kinds[i]!;
    if (k === K.Whitespace) {
      pendingNewlines += (tokText(i).match(/\n/g) ?? []).length;
      continue;
    }
    if (k === K.EndOfFile) break;
    seq.push({ i, newlinesBefore: pendingNewlines });
    pendingNewlines = 0;
  }
  let out = "";
  let depth = 0;
  let parens = 0;
  let atLineStart = true;
  let prev = -1;
  const newline = (blank: boolean) => {
    out = out.replace(/[ \t]+$/, "");
    out += blank ? "\n\n" : "\n";
    atLineStart = true;
  };
  const kindOf = (i: number) => tokens.kinds[i]!;
  for (let n = 0; n < seq.length; n++) {
    const { i, newlinesBefore } = seq[n]!;
    const k = kindOf(i);
    const pk = parentKind[i]!;
    const isBlockBrace = pk === K.Block || pk === K.FieldList;
    if (k === K.RBrace && isBlockBrace) {
      depth = Math.max(0, depth - 1);
      if (!atLineStart && prev >= 0 && kindOf(prev) !== K.LBrace) newline(false);
    }
    if (k === K.Comment) {
      if (atLineStart || newlinesBefore > 0) {
        if (!atLineStart) newline(newlinesBefore > 1);
        else if (newlinesBefore > 1 && out !== "" && !out.endsWith("{\n")) newline(false);
      }
    } else if (!atLineStart && newlinesBefore > 0 && prev >= 0 && kindOf(prev) === K.Comment) {
      newline(false);
    }
    if (atLineStart) {
      if (out !== "" && newlinesBefore > 1 && !out.endsWith("\n\n") && !out.endsWith("{\n") && !(k === K.RBrace && isBlockBrace)) out += "\n";
      out += unit.repeat(depth);
      atLineStart = false;
    } else if (prev >= 0 && needsSpace(prev, i, kindOf, parentKind)) {
      out += " ";
    }
    out += tokText(i);
    // One field per line in struct definitions, each ending with a comma.
    if (k !== K.Comment && k !== K.Comma && !(k === K.LBrace && pk === K.FieldList)) {
      let j = n + 1;
      while (j < seq.length && kindOf(seq[j]!.i) === K.Comment) j++;
      const after = seq[j];
      if (after && kindOf(after.i) === K.RBrace && parentKind[after.i] === K.FieldList) out += ",";
    }
    if (k === K.LParen || k === K.LBracket) parens++;
    if (k === K.RParen || k === K.RBracket) parens = Math.max(0, parens - 1);
    const next = seq[n + 1];
    const nk = next ? kindOf(next.i) : -1;
    if (k === K.Comment) {
      newline(false);
    } else if (k === K.LBrace && isBlockBrace) {
      depth++;
      if (!(nk === K.RBrace && next && parentKind[next.i] === pk)) newline(false);
    } else if (k === K.RBrace && isBlockBrace) {
      const stays = nk === K.ElseKw || nk === K.Semi || nk === K.RParen || nk === K.Comma || nk === K.Dot;
      const trailingComment = nk === K.Comment && next!.newlinesBefore === 0;
      if (!stays && !trailingComment) newline(false);
    } else if (k === K.Semi && parens === 0) {
      const trailingComment = nk === K.Comment && next!.newlinesBefore === 0;
      if (nk !== K.ElseKw && !trailingComment) newline(false);
    } else if (k === K.Comma && pk === K.FieldList) {
      const trailingComment = nk === K.Comment && next!.newlinesBefore === 0;
      if (!trailingComment) newline(false);
    }
    prev = i;
  }
  out = out.replace(/[ \t]+$/, "").replace(/\n+$/, "");
  return out === "" ? "" : out + "\n";
}

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
