import type { Dialect } from "../dialect.js";
import { tokenize } from "../lexer/lexer.js";
import type { SyntaxNode } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/**
 * Whether `printed` has the same significant tokens and the same comments, in order, as
 * the statement `node`. Words are compared case-insensitively when `foldWords` (keyword
 * and identifier case options may change them); strings, quoted names, operators and
 * comments must be identical. This is the formatter's safety net: output that fails it
 * is discarded and the statement is kept as written.
 */
export function sameTokens(node: SyntaxNode, printed: string, dialect: Dialect, foldWords: boolean): boolean {
  const stream = tokenize(printed, dialect);
  let j = 0;
  const nextPrinted = (): [SyntaxKind, string] | undefined => {
    while (j < stream.count && stream.kinds[j] === SyntaxKind.Whitespace) j++;
    if (j >= stream.count) return undefined;
    const kind = stream.kinds[j]! as SyntaxKind;
    const text = printed.slice(stream.starts[j]!, stream.starts[j + 1]!);
    j++;
    return [kind, text];
  };
  for (const token of node.tokens()) {
    const kind = token.kind;
    if (kind === SyntaxKind.Whitespace) continue;
    const other = nextPrinted();
    if (other === undefined) return false;
    const [otherKind, otherText] = other;
    const text = token.text();
    if (isWord(kind)) {
      if (otherKind !== SyntaxKind.Word) return false;
      if (foldWords ? asciiLower(text) !== asciiLower(otherText) : text !== otherText) return false;
    } else if (text !== otherText || isWord(otherKind)) {
      // Kinds are not compared: the parser re-kinds some tokens (a lexed `?` operator
      // becomes a placeholder), but equal texts from the same lexer are the same token.
      return false;
    }
  }
  return nextPrinted() === undefined;
}

function isWord(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.Word || kind === SyntaxKind.Keyword || kind === SyntaxKind.Ident;
}

/** `text` with its ASCII letters lower-cased (the only case the formatter may change). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
