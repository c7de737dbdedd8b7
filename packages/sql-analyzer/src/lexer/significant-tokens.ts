import type { Dialect } from "../dialect.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { MAX_PACKED_LENGTH, MAX_SHARED_LENGTH, internFoldedWord, internPackedWord, internWord, lastWordClasses, wordClassesOf } from "../syntax/token-cache.js";
import { Lexer } from "./lexer.js";

/**
 * What the parser reads: the significant tokens of a text in parallel typed
 * arrays (kind, start, end, flags, lower-cased word), and its comments apart.
 * Whitespace is not stored at all: it is exactly the gaps between the tokens
 * and comments (a maximal run of ASCII blanks, which no other token starts
 * with), so the tree builder rebuilds it from offsets (`buildGreen`). About a
 * third of all tokens are whitespace, and the lexer, the splitter and the
 * parser's cursor skip them for free this way. `tokenize()` still returns every
 * token, whitespace included (its own `TokenBuffer`).
 */
export class SignificantTokens {
  /** Number of significant tokens. */
  count = 0;
  kinds: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** `FLAG_UNTERMINATED` / `FLAG_OTHER_DIALECT` of each token. */
  flags: Uint8Array;
  /** For words: the lower-cased text (interned); for operators: the text; else `undefined`. */
  words: (string | undefined)[] = [];
  /** The word-class bits of each token's word (see `wordClass`); 0 for tokens without one. */
  classes: Int32Array;
  /** Number of comments (line and block comments, in text order). */
  commentCount = 0;
  commentKinds: Uint8Array;
  commentStarts: Uint32Array;
  commentEnds: Uint32Array;
  commentFlags: Uint8Array;

  constructor(
    /** The scanned text (replaced by `reset`). */
    public text: string,
    capacity = 64,
  ) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.classes = new Int32Array(capacity);
    const comments = 8;
    this.commentKinds = new Uint8Array(comments);
    this.commentStarts = new Uint32Array(comments);
    this.commentEnds = new Uint32Array(comments);
    this.commentFlags = new Uint8Array(comments);
  }

  /**
   * Empties the buffer for a new text, keeping its arrays: a parse that recycles
   * one buffer allocates no typed arrays, whose off-heap backing stores are
   * costly to create and to collect.
   */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.commentCount = 0;
  }

  /** Number of tokens the buffer holds without growing. */
  get capacity(): number {
    return this.kinds.length;
  }

  /** Appends the significant (non-trivia) token the lexer just scanned. */
  push(lexer: Lexer, kind: SyntaxKind): void {
    const i = this.count;
    if (i >= this.kinds.length) this.grow();
    const start = lexer.start;
    const end = lexer.pos;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = lexer.flags;
    if (kind === SyntaxKind.Word || kind === SyntaxKind.Operator) {
      let word: string;
      let classes: number;
      if (end - start > MAX_SHARED_LENGTH) {
        // Long words are not interned (rarely repeated): classes looked up directly.
        word = kind === SyntaxKind.Word ? this.text.slice(start, end).toLowerCase() : this.text.slice(start, end);
        classes = wordClassesOf(word);
      } else {
        word =
          kind === SyntaxKind.Operator
            ? internWord(this.text, start, end)
            : end - start <= MAX_PACKED_LENGTH && lexer.wordAscii
              ? internPackedWord(this.text, start, end, lexer.wordHash, lexer.wordPackHi, lexer.wordPackLo)
              : internFoldedWord(this.text, start, end, lexer.wordHash);
        classes = lastWordClasses;
      }
      this.words[i] = word;
      this.classes[i] = classes;
    } else {
      this.words[i] = undefined;
      this.classes[i] = 0;
    }
    this.count = i + 1;
  }

  /** Appends the comment the lexer just scanned. */
  pushComment(lexer: Lexer, kind: SyntaxKind): void {
    const i = this.commentCount;
    if (i >= this.commentKinds.length) this.growComments();
    this.commentKinds[i] = kind;
    this.commentStarts[i] = lexer.start;
    this.commentEnds[i] = lexer.pos;
    this.commentFlags[i] = lexer.flags;
    this.commentCount = i + 1;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds);
    const starts = new Uint32Array(capacity);
    starts.set(this.starts);
    const ends = new Uint32Array(capacity);
    ends.set(this.ends);
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    const classes = new Int32Array(capacity);
    classes.set(this.classes);
    this.classes = classes;
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }

  private growComments(): void {
    const capacity = this.commentKinds.length * 2;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.commentKinds);
    const starts = new Uint32Array(capacity);
    starts.set(this.commentStarts);
    const ends = new Uint32Array(capacity);
    ends.set(this.commentEnds);
    const flags = new Uint8Array(capacity);
    flags.set(this.commentFlags);
    this.commentKinds = kinds;
    this.commentStarts = starts;
    this.commentEnds = ends;
    this.commentFlags = flags;
  }
}

/** Scans `text[from, to)` into significant tokens and comments (whitespace skipped). */
export function scanSignificant(text: string, dialect: Dialect, from: number, to: number): SignificantTokens {
  const lexer = new Lexer(text, dialect, from, to);
  const tokens = new SignificantTokens(text, Math.max(16, (to - from) >> 2));
  for (;;) {
    const kind = lexer.nextSignificant();
    if (kind === SyntaxKind.Eof) break;
    if (kind <= SyntaxKind.BlockComment) tokens.pushComment(lexer, kind);
    else tokens.push(lexer, kind);
  }
  return tokens;
}
