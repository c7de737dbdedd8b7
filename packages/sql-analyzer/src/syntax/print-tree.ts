import type { SyntaxElement, SyntaxNode } from "./red.js";
import { syntaxKindName } from "./syntax-kind.js";

/** Options of `printTree`. */
export interface PrintTreeOptions {
  /** Print whitespace tokens. Defaults to `true` (the tree is lossless; the printout shows it). */
  readonly whitespace?: boolean;
}

/**
 * Deepest level printed as indentation. Deeper lines are indented as this level and
 * prefixed with their depth in brackets: a chain of thousands of operators nests one level
 * per operator, and full indentation would make the printout grow with the square of the
 * depth (20,000 levels exceeded V8's longest string).
 */
export const MAX_PRINT_INDENT = 128;
const DEEP_PAD = "  ".repeat(MAX_PRINT_INDENT);

/**
 * A stable, readable dump of a tree: one element per line, two-space indent,
 * `Kind@start..end` and, for tokens, the JSON-quoted text. Used for snapshots.
 * Lines deeper than {@link MAX_PRINT_INDENT} levels read `[depth] Kind@…`.
 */
export function printTree(root: SyntaxNode, options: PrintTreeOptions = {}): string {
  const showWhitespace = options.whitespace ?? true;
  const lines: string[] = [];
  const stack: [SyntaxElement, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    const pad = depth <= MAX_PRINT_INDENT ? "  ".repeat(depth) : `${DEEP_PAD}[${depth}] `;
    const { start, end } = element.range;
    if (element.isToken) {
      if (!showWhitespace && syntaxKindName(element.kind) === "Whitespace") continue;
      lines.push(`${pad}${syntaxKindName(element.kind)}@${start}..${end} ${JSON.stringify(element.text())}`);
      continue;
    }
    lines.push(`${pad}${syntaxKindName(element.kind)}@${start}..${end}`);
    const kids = element.children();
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
  }
  return lines.join("\n") + "\n";
}
