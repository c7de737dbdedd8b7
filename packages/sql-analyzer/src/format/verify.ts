import type { Dialect } from "../dialect.js";
import { tokenize } from "../lexer/lexer.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/**
 * Whether two texts have the same significant tokens and the same comments, in order.
 * Words are compared case-insensitively when `foldWords` (keyword/identifier case
 * changes are allowed to differ); strings, quoted names and comments must be identical.
 * This is the formatter's safety net: output that fails it is discarded.
 */
export function sameTokens(a: string, b: string, dialect: Dialect, foldWords: boolean): boolean {
  const x = significant(a, dialect, foldWords);
  const y = significant(b, dialect, foldWords);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function significant(text: string, dialect: Dialect, foldWords: boolean): string[] {
  const stream = tokenize(text, dialect);
  const out: string[] = [];
  for (let i = 0; i < stream.count; i++) {
    const kind = stream.kinds[i]! as SyntaxKind;
    if (kind === SyntaxKind.Whitespace) continue;
    const raw = text.slice(stream.starts[i]!, stream.starts[i + 1]!);
    const value = kind === SyntaxKind.Word && foldWords ? raw.toLowerCase() : raw;
    out.push(`${kind}:${value}`);
  }
  return out;
}
