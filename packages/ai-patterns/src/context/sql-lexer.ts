/**
 * A small, forgiving SQL lexer for the context analysis (not for parsing): it cuts
 * normalized text into coarse lexemes — literals, words, operators, comments — and never
 * fails: an unterminated literal or block comment is a lexeme of its own kind.
 */

/** Coarse kind of a lexeme. */
export type LexemeKind =
  | "string" // '…' literal (with '' or \' escapes)
  | "quoted" // "…" or `…` identifier/literal
  | "unterminated" // a quote or block comment that never closes
  | "number"
  | "word"
  | "operator"
  | "open" // (
  | "close" // )
  | "comma"
  | "semicolon"
  | "line-comment" // -- or # up to the end of the line
  | "block-comment" // /* … */, or /* to the end when it never closes
  | "other";

/** One lexeme: kind, text and UTF-16 span in the lexed text. */
export interface Lexeme {
  /** What it is. */
  readonly kind: LexemeKind;
  /** Its text (for comments: the whole comment). */
  readonly text: string;
  /** Start offset. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
}

const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f" || c === "\u00a0";
const WORD_CHAR = /[\p{L}\p{M}\p{N}_$@]/u;
// ASCII first: the Unicode regex is the slow path for the rare non-ASCII character.
const isWordChar = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code === 64;
  return WORD_CHAR.test(c);
};
const isDigit = (c: string) => c >= "0" && c <= "9";
const OPERATOR_CHARS = "=<>!+-*/%^~|&:";

/**
 * Lexes `text` (already normalized: lowercase, NFKC). Inline block comments are kept as
 * lexemes so callers can decide whether they matter; MySQL's `/*!` opener counts as
 * whitespace, because MySQL runs what follows it.
 */
export function lexSql(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: LexemeKind, start: number, end: number) => out.push({ kind, text: text.slice(start, end), start, end });
  while (i < n) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    const next = text[i + 1] ?? "";
    if (c === "/" && next === "*") {
      if (text[i + 2] === "!") {
        i += 3;
        while (i < n && isDigit(text[i]!)) i++;
        continue;
      }
      const close = text.indexOf("*/", i + 2);
      if (close < 0) {
        push("block-comment", start, n);
        break;
      }
      i = close + 2;
      push("block-comment", start, i);
      continue;
    }
    if (c === "*" && next === "/") {
      // The closer of a versioned comment (or a stray one): whitespace to MySQL.
      i += 2;
      continue;
    }
    if ((c === "-" && next === "-") || c === "#") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
      push("line-comment", start, i);
      continue;
    }
    if (c === "'" || c === '"' || c === "`") {
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i]!;
        if (d === "\\" && c === "'") {
          i += 2;
          continue;
        }
        if (d === c) {
          if (text[i + 1] === c) {
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        i++;
      }
      if (!closed) {
        push("unterminated", start, Math.min(i, n));
        break;
      }
      push(c === "'" ? "string" : "quoted", start, i);
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(next))) {
      while (i < n && (isWordChar(text[i]!) || text[i] === ".")) i++;
      push("number", start, i);
      continue;
    }
    if (isWordChar(c)) {
      while (i < n && (isWordChar(text[i]!) || (text[i] === "." && i + 1 < n && isWordChar(text[i + 1]!)))) i++;
      push("word", start, i);
      continue;
    }
    if (c === "(") push("open", start, ++i);
    else if (c === ")") push("close", start, ++i);
    else if (c === ",") push("comma", start, ++i);
    else if (c === ";") push("semicolon", start, ++i);
    else if (OPERATOR_CHARS.includes(c)) {
      while (i < n && OPERATOR_CHARS.includes(text[i]!) && !(text[i] === "-" && text[i + 1] === "-") && !(text[i] === "/" && text[i + 1] === "*")) i++;
      push("operator", start, i);
    } else push("other", start, ++i);
  }
  return out;
}
