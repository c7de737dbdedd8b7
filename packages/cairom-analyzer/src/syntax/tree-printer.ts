import type { TokenStream } from "./lexer.js";
import { syntaxKindName } from "./syntax-kind.js";
import type { SyntaxNode } from "./syntax-tree.js";

/**
 * Deepest level printed as indentation. Deeper lines are indented as this level and
 * prefixed with their depth in brackets: an `else if` chain nests one level per branch, and
 * full indentation would make the printout grow with the square of the depth.
 */
export const MAX_PRINT_INDENT = 128;
const DEEP_PAD = "  ".repeat(MAX_PRINT_INDENT);

/**
 * Prints a syntax tree one element per line, indented by depth: `Kind@start..end` for
 * nodes and `Kind@start..end "text"` for tokens. Stable and readable, for snapshots.
 * Lines deeper than {@link MAX_PRINT_INDENT} levels read `[depth] Kind@…`.
 */
export function printTree(root: SyntaxNode, tokens: TokenStream, text: string): string {
  const lines: string[] = [];
  const stack: [SyntaxNode | number, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    const indent = depth <= MAX_PRINT_INDENT ? "  ".repeat(depth) : `${DEEP_PAD}[${depth}] `;
    if (typeof el === "number") {
      const s = tokens.starts[el]!;
      const e = tokens.starts[el + 1]!;
      lines.push(`${indent}${syntaxKindName(tokens.kinds[el]!)}@${s}..${e} ${JSON.stringify(text.slice(s, e))}`);
    } else {
      lines.push(`${indent}${syntaxKindName(el.kind)}@${el.start}..${el.end}`);
      for (let i = el.children.length - 1; i >= 0; i--) stack.push([el.children[i]!, depth + 1]);
    }
  }
  return lines.join("\n") + "\n";
}
