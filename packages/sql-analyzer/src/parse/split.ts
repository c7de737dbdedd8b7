import type { Dialect } from "../dialect.js";
import { Lexer } from "../lexer/lexer.js";
import { SignificantTokens } from "../lexer/significant-tokens.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/**
 * One statement-sized slice of a text: leading trivia, the statement tokens and
 * its terminating `;`. Segments tile the text. A segment that ends with a
 * top-level `;` is `closed`: whatever follows cannot change how it lexes or
 * splits, which is what makes statement-level reuse sound.
 */
export interface Segment {
  /** Absolute offset of the segment's first character. */
  readonly start: number;
  /** Absolute offset after the segment's last character. */
  readonly end: number;
  /** First significant-token index (into the split's token buffer). */
  readonly tokenFrom: number;
  /** Significant-token index after the segment's last token. */
  readonly tokenTo: number;
  /** First comment index (into the buffer's comment list). */
  readonly commentFrom: number;
  /** Comment index after the segment's last comment. */
  readonly commentTo: number;
  /** Whether the segment ends with a statement-terminating `;`. */
  readonly closed: boolean;
}

/** The tokens and segments of a region of text. */
export interface Split {
  readonly tokens: SignificantTokens;
  readonly segments: Segment[];
  /** Absolute offset where splitting stopped (the text end, or a reuse boundary). */
  readonly end: number;
}

/**
 * Lexes from `from` and cuts the tokens into segments at top-level `;`. Inside
 * CREATE statements, `BEGIN … END` and `CASE … END` blocks (trigger and
 * routine bodies, `BEGIN ATOMIC`) hold their inner `;`. Stops early at the first
 * closed boundary for which `stopAt(offset)` is true.
 */
export function splitSegments(
  text: string,
  dialect: Dialect,
  from = 0,
  stopAt?: (offset: number) => boolean,
  /** A buffer no one else uses any more, to fill instead of allocating one. */
  recycled?: SignificantTokens,
): Split {
  const lexer = new Lexer(text, dialect, from);
  let tokens: SignificantTokens;
  if (recycled) {
    tokens = recycled;
    tokens.reset(text);
  } else {
    // Start small when a reuse boundary may stop us early; the buffer grows by doubling.
    tokens = new SignificantTokens(text, stopAt ? 256 : Math.max(16, (text.length - from) >> 2));
  }
  const segments: Segment[] = [];
  const postgres = dialect === "postgres";
  let segStart = from;
  let segTok = 0;
  let segComment = 0;
  let firstWord: string | undefined;
  let sawSignificant = false;
  let depth = 0;
  let pendingEnd = false;
  let prevWord: string | undefined;
  for (;;) {
    const kind = tokens.scanNext(lexer);
    if (kind === SyntaxKind.Eof) break;
    if (kind <= SyntaxKind.BlockComment) continue;
    const word = kind === SyntaxKind.Word ? tokens.words[tokens.count - 1] : undefined;
    if (!sawSignificant) {
      sawSignificant = true;
      firstWord = word;
    }
    if (firstWord === "create") {
      if (pendingEnd) {
        pendingEnd = false;
        if (word !== "if" && word !== "loop" && word !== "while" && word !== "repeat" && word !== "for") {
          if (depth > 0) depth--;
          if (word === "case") {
            prevWord = word;
            continue;
          }
        }
      }
      if (word === "end" && depth > 0) pendingEnd = true;
      else if (word === "case") depth++;
      else if (postgres ? word === "atomic" && prevWord === "begin" : word === "begin") depth++;
      prevWord = word;
    }
    if (kind === SyntaxKind.Semicolon) {
      if (pendingEnd) {
        pendingEnd = false;
        if (depth > 0) depth--;
      }
      if (depth > 0) continue;
      const end = lexer.pos;
      segments.push({ start: segStart, end, tokenFrom: segTok, tokenTo: tokens.count, commentFrom: segComment, commentTo: tokens.commentCount, closed: true });
      segStart = end;
      segTok = tokens.count;
      segComment = tokens.commentCount;
      sawSignificant = false;
      firstWord = undefined;
      prevWord = undefined;
      if (stopAt?.(end)) return { tokens, segments, end };
    }
  }
  if (segStart < text.length || segments.length === 0 || segTok < tokens.count || segComment < tokens.commentCount) {
    segments.push({ start: segStart, end: text.length, tokenFrom: segTok, tokenTo: tokens.count, commentFrom: segComment, commentTo: tokens.commentCount, closed: false });
  }
  return { tokens, segments, end: text.length };
}
