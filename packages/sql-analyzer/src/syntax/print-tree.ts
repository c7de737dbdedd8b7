import type { SyntaxElement, SyntaxNode } from "./red.js";
import { syntaxKindName } from "./syntax-kind.js";

/** Options of `printTree`. */
export interface PrintTreeOptions {
  /** Print whitespace tokens. Defaults to `true` (the tree is lossless; the printout shows it). */
  readonly whitespace?: boolean;
}

/**
 * A stable, readable dump of a tree: one element per line, two-space indent,
 * `Kind@start..end` and, for tokens, the JSON-quoted text. Used for snapshots.
 */
export function printTree(root: SyntaxNode, options: PrintTreeOptions = {}): string {
  const showWhitespace = options.whitespace ?? true;
  const lines: string[] = [];
  const stack: [SyntaxElement, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    const pad = "  ".repeat(depth);
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
