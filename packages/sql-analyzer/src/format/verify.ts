import type { Dialect } from "../dialect.js";
import { tokenize } from "../lexer/lexer.js";
import type { SyntaxNode } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { asciiLower, bodyQuotes, sameSignificantTokens } from "./body-text.js";

/**
 * Where a statement stands, for lexing its printed form in place: `text[start, end)` is
 * the statement's segment (the lexer starts afresh at each segment, so lexing it alone
 * gives the tokens the whole file gives). Needed where a token's meaning depends on
 * what came before it in the statement: a MySQL executable comment opened before the
 * statement's first token (`/*!50001 CREATE …`) or closed after its last one.
 */
export interface StatementContext {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Whether `printed` has the same significant tokens and the same comments, in order, as
 * the statement `node`. Words are compared case-insensitively when `foldWords` (keyword
 * and identifier case options may change them); strings, quoted names, operators and
 * comments must be identical. This is the formatter's safety net: output that fails it
 * is discarded and the statement is kept as written. With a `context`, `printed` is lexed
 * in place of the statement inside its segment. With `bodies` (`routineBodies: "format"`), a
 * dollar-quoted string may differ in its content's layout: same tag, and the same tokens and
 * comments inside by this same comparison.
 */
export function sameTokens(node: SyntaxNode, printed: string, dialect: Dialect, foldWords: boolean, context?: StatementContext, bodies = false): boolean {
  let source = printed;
  let from = 0;
  if (context !== undefined) {
    const { start, end } = node.range;
    source = context.text.slice(context.start, start) + printed + context.text.slice(end, context.end);
    from = start - context.start;
  }
  const to = from + printed.length;
  const stream = tokenize(source, dialect);
  let j = 0;
  while (j < stream.count && stream.starts[j]! < from) j++;
  const nextPrinted = (): [SyntaxKind, string] | undefined => {
    while (j < stream.count && stream.kinds[j] === SyntaxKind.Whitespace) j++;
    if (j >= stream.count || stream.starts[j]! >= to) return undefined;
    const kind = stream.kinds[j]! as SyntaxKind;
    const text = source.slice(stream.starts[j]!, Math.min(stream.starts[j + 1]!, to));
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
    } else if (isWord(otherKind)) {
      return false;
    } else if (text !== otherText && !(bodies && kind === SyntaxKind.String && sameBodyContent(text, otherText, dialect, foldWords))) {
      // Kinds are not compared: the parser re-kinds some tokens (a lexed `?` operator
      // becomes a placeholder), but equal texts from the same lexer are the same token.
      return false;
    }
  }
  return nextPrinted() === undefined;
}

/** Whether two body strings have the same quotes (the same tag) and the same tokens and comments inside. */
function sameBodyContent(a: string, b: string, dialect: Dialect, foldWords: boolean): boolean {
  const x = bodyQuotes(a);
  const y = bodyQuotes(b);
  if (x === undefined || y === undefined || x.open !== y.open) return false;
  return sameSignificantTokens(x.code, y.code, dialect, foldWords);
}

function isWord(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.Word || kind === SyntaxKind.Keyword || kind === SyntaxKind.Ident;
}

