import { FLAG_UNTERMINATED, SyntaxKind, syntaxKindName, tokenize, type Dialect } from "../../src/index.js";

/**
 * The significant tokens of `text` as `Kind:text` (`Kind!:text` when unterminated), what lexer
 * tests compare: whitespace left out, every other token (comments included) in order.
 */
export function tokenKinds(text: string, dialect: Dialect = "postgres"): string[] {
  const s = tokenize(text, dialect);
  const out: string[] = [];
  for (let i = 0; i < s.count; i++) {
    if (s.kinds[i] === SyntaxKind.Whitespace) continue;
    const flag = s.flags[i]! & FLAG_UNTERMINATED ? "!" : "";
    out.push(`${syntaxKindName(s.kinds[i]!)}${flag}:${text.slice(s.starts[i], s.starts[i + 1])}`);
  }
  return out;
}
