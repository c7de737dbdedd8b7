import type { Dialect } from "../dialect.js";
import { tokenize } from "../lexer/lexer.js";
import type { GreenNode } from "../syntax/green.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

// What the formatter's routine-body passes and its safety net share: a dollar-quoted string's
// tag, a body string's quotes, the tokens of a text compared without its layout, and how deep a
// tree goes.

/** The opening `$tag$` of a dollar-quoted string that ends with the same tag, else `undefined`. */
export function dollarTag(text: string): string | undefined {
  const match = /^\$[A-Za-z_\u0080-\uffff]?[A-Za-z0-9_\u0080-\uffff]*\$/.exec(text);
  if (match === null || text.length < match[0].length * 2 || !text.endsWith(match[0])) return undefined;
  return match[0];
}

/** A routine body string taken apart: its quotes, the code it holds, and how to write code back. */
export interface BodyQuotes {
  /** `$tag$` or `'`. */
  readonly open: string;
  /** The same as `open`. */
  readonly close: string;
  /** The code between the quotes, as the routine reads it (a `'…'` body's doubled quotes single). */
  readonly code: string;
  /** `code` as it is written between these quotes (a `'…'` body's quotes doubled). */
  escape(code: string): string;
}

/**
 * The quotes and code of a `$tag$…$tag$` or `'…'` body string; `undefined` for other strings
 * (`E'…'`, whose backslashes would need escaping too, `U&'…'`, …).
 */
export function bodyQuotes(text: string): BodyQuotes | undefined {
  const tag = dollarTag(text);
  if (tag !== undefined) return { open: tag, close: tag, code: text.slice(tag.length, text.length - tag.length), escape: (code) => code };
  if (text.length < 2 || text.charCodeAt(0) !== 39 || text.charCodeAt(text.length - 1) !== 39) return undefined;
  return { open: "'", close: "'", code: text.slice(1, -1).replaceAll("''", "'"), escape: (code) => code.replaceAll("'", "''") };
}

/** The tokens of `sql` other than whitespace, each with its text (a body's content, checked or compared). */
export function significantTokens(sql: string, dialect: Dialect): { readonly kind: SyntaxKind; readonly text: string }[] {
  const stream = tokenize(sql, dialect);
  const tokens: { kind: SyntaxKind; text: string }[] = [];
  for (let i = 0; i < stream.count; i++) {
    const kind = stream.kinds[i]! as SyntaxKind;
    if (kind === SyntaxKind.Whitespace) continue;
    const end = i + 1 < stream.count ? stream.starts[i + 1]! : sql.length;
    tokens.push({ kind, text: sql.slice(stream.starts[i]!, end) });
  }
  return tokens;
}

/**
 * Whether `a` and `b` have the same tokens and comments, in order, whatever the blanks between
 * them; words compared case-insensitively when `foldWords` (the case options may change them).
 */
export function sameSignificantTokens(a: string, b: string, dialect: Dialect, foldWords: boolean): boolean {
  const texts = (text: string): string[] => significantTokens(text, dialect).map((t) => (foldWords && t.kind === SyntaxKind.Word ? asciiLower(t.text) : t.text));
  const x = texts(a);
  const y = texts(b);
  return x.length === y.length && x.every((token, i) => token === y[i]);
}

/** `text` with its ASCII letters lower-cased (the only case the formatter may change). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Whether the tree below `root` has more than `limit` levels of nodes (iterative: deep trees are the point). */
export function deeperThan(root: GreenNode, limit: number): boolean {
  const nodes: GreenNode[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const child of node.children) {
      if (child.isToken) continue;
      nodes.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}
