import type { Dialect } from "../dialect.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { MAX_PACKED16_LENGTH, MAX_PACKED_LENGTH, MAX_SHARED_LENGTH, foldHash, internFoldedWord, internPackedWord, internPackedWord16, internWord, lastWordClasses, wordClassesOf } from "../syntax/token-cache.js";
import { CHAR_CLASS, DIGIT, IDENT_PART, IDENT_START, ONE_CHAR_OPERATOR, OP_CHAR, SPACE, WORD_PART_FOLDED, isIdentPart } from "./char-class.js";
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
  /** Whether the text was scanned with doubled quotes (a `'…'` routine body: see `Lexer.doubledQuotes`). */
  doubledQuotes = false;
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
    this.doubledQuotes = false;
  }

  /** Number of tokens the buffer holds without growing. */
  get capacity(): number {
    return this.kinds.length;
  }

  /**
   * Token `i`'s text as the code has it: its source text, except in a `'…'` routine body
   * (`doubledQuotes`), whose doubled quotes stand for single ones.
   */
  literal(i: number): string {
    const text = this.text.slice(this.starts[i], this.ends[i]);
    return this.doubledQuotes ? text.replaceAll("''", "'") : text;
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
              ? internPackedWord(this.text, start, end, lexer.wordPackHi, lexer.wordPackLo)
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

  /**
   * Scans the next token from `lexer.pos` (skipping whitespace) and appends it
   * (a comment to the comment list); returns its kind, `Eof` at the end. Plain
   * ASCII words and `( ) , ;` — most tokens — are scanned here, without the
   * lexer's per-token state; everything else is the lexer's `next()`. Afterwards
   * only `lexer.pos` is meaningful (the end of the token).
   */
  scanNext(lexer: Lexer): SyntaxKind {
    const text = lexer.text;
    const end = lexer.end;
    let p = lexer.pos;
    let c = 0;
    while (p < end) {
      c = text.charCodeAt(p);
      if (c < 128 && (CHAR_CLASS[c]! & SPACE) !== 0) p++;
      else break;
    }
    if (p >= end) {
      lexer.pos = p;
      return SyntaxKind.Eof;
    }
    if (c < 128) {
      if ((CHAR_CLASS[c]! & IDENT_START) !== 0) {
        const start = p;
        let lo = WORD_PART_FOLDED[c]!;
        let hi = 0;
        let lo2 = 0;
        let hi2 = 0;
        let ascii = true;
        p++;
        // The pack (see `internPackedWord`): a byte per character, the first eight in
        // hi/lo, the next eight in hi2/lo2 (`internPackedWord16`); longer words are hashed.
        scan: {
          const cut = start + MAX_PACKED_LENGTH < end ? start + MAX_PACKED_LENGTH : end;
          while (p < cut) {
            const d = text.charCodeAt(p);
            if (d >= 128) {
              ascii = !isIdentPart(d);
              break scan;
            }
            const folded = WORD_PART_FOLDED[d]!;
            if (folded === 0) break scan;
            hi = (hi << 8) | (lo >>> 24);
            lo = (lo << 8) | folded;
            p++;
          }
          const cut2 = start + MAX_PACKED16_LENGTH < end ? start + MAX_PACKED16_LENGTH : end;
          while (p < cut2) {
            const d = text.charCodeAt(p);
            if (d >= 128) {
              ascii = !isIdentPart(d);
              break scan;
            }
            const folded = WORD_PART_FOLDED[d]!;
            if (folded === 0) break scan;
            hi2 = (hi2 << 8) | (lo2 >>> 24);
            lo2 = (lo2 << 8) | folded;
            p++;
          }
          while (p < end) {
            const d = text.charCodeAt(p);
            if (d >= 128) {
              ascii = !isIdentPart(d);
              break scan;
            }
            if (WORD_PART_FOLDED[d]! === 0) break scan;
            p++;
          }
        }
        // A one-letter word followed by a quote or `&` may be a prefix (E'…', U&'…'): the lexer's
        // cases (tested here, after the word, so longer words skip the test).
        const prefix = p === start + 1 && p < end && (text.charCodeAt(p) === 39 || text.charCodeAt(p) === 38);
        if (ascii && !prefix) {
          lexer.pos = p;
          this.pushWord(start, p, hi, lo, hi2, lo2);
          return SyntaxKind.Word;
        }
        p = start; // a non-ASCII word or a prefix: the lexer's
      } else if (c === 40 || c === 41 || c === 44 || c === 59) {
        const kind = c === 40 ? SyntaxKind.LParen : c === 41 ? SyntaxKind.RParen : c === 44 ? SyntaxKind.Comma : SyntaxKind.Semicolon;
        lexer.pos = p + 1;
        this.pushPlain(kind, p, p + 1);
        return kind;
      } else {
        // Other frequent tokens whose end is plain to see; their corner cases are the lexer's.
        const second = p + 1 < end ? text.charCodeAt(p + 1) : 0;
        const secondClass = second < 128 ? CHAR_CLASS[second]! : 0;
        if (c === 46) {
          // `.` (not `.5`, a number)
          if ((secondClass & DIGIT) === 0) {
            lexer.pos = p + 1;
            this.pushPlain(SyntaxKind.Dot, p, p + 1);
            return SyntaxKind.Dot;
          }
        } else if (c === 39) {
          // A '…' string without doubled quotes (MySQL's have backslash escapes: the lexer's).
          if (!lexer.mysql && !lexer.doubledQuotes) {
            const close = text.indexOf("'", p + 1);
            if (close >= 0 && close < end && (close + 1 >= end || text.charCodeAt(close + 1) !== 39)) {
              lexer.pos = close + 1;
              this.pushPlain(SyntaxKind.String, p, close + 1);
              return SyntaxKind.String;
            }
          }
        } else if ((CHAR_CLASS[c]! & DIGIT) !== 0) {
          // Digits not followed by `.`, `_`, `e`, `x`, … (decimals, exponents, 0x1F: the lexer's; so are
          // MySQL's names that start with digits, `2fa`, `12é`).
          let q = p + 1;
          let d = second;
          while (d >= 48 && d <= 57) {
            q++;
            d = q < end ? text.charCodeAt(q) : 0;
          }
          // (MySQL reads digits right after a name and a dot, `t.5`, as a name: the lexer's.)
          if (d !== 46 && d < 128 && (CHAR_CLASS[d]! & IDENT_PART) === 0 && !(lexer.mysql && p > lexer.floor && text.charCodeAt(p - 1) === 46)) {
            lexer.pos = q;
            this.pushPlain(SyntaxKind.Number, p, q);
            return SyntaxKind.Number;
          }
        } else if ((CHAR_CLASS[c]! & ONE_CHAR_OPERATOR) !== 0 && (secondClass & OP_CHAR) === 0) {
          // `*`, `=`, `<`, `>`, `+`, `-`, `/`, `%` alone (no operator character follows).
          lexer.pos = p + 1;
          this.pushOperator1(c, p);
          return SyntaxKind.Operator;
        }
      }
    }
    lexer.pos = p;
    const kind = lexer.next();
    if (kind === SyntaxKind.Eof) return kind;
    if (kind <= SyntaxKind.BlockComment) this.pushComment(lexer, kind);
    else this.push(lexer, kind);
    return kind;
  }

  /** Appends an ASCII word scanned by `scanNext` (with its pack: see `scanNext`). */
  private pushWord(start: number, end: number, packHi: number, packLo: number, packHi2: number, packLo2: number): void {
    const i = this.count;
    if (i >= this.kinds.length) this.grow();
    this.kinds[i] = SyntaxKind.Word;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = 0;
    const length = end - start;
    let word: string;
    let classes: number;
    if (length <= MAX_PACKED_LENGTH) {
      word = internPackedWord(this.text, start, end, packHi, packLo);
      classes = lastWordClasses;
    } else if (length <= MAX_PACKED16_LENGTH) {
      word = internPackedWord16(this.text, start, end, packHi, packLo, packHi2, packLo2);
      classes = lastWordClasses;
    } else if (length <= MAX_SHARED_LENGTH) {
      word = internFoldedWord(this.text, start, end, foldHash(this.text, start, end));
      classes = lastWordClasses;
    } else {
      word = this.text.slice(start, end).toLowerCase();
      classes = wordClassesOf(word);
    }
    this.words[i] = word;
    this.classes[i] = classes;
    this.count = i + 1;
  }

  /** Turns the last token into a `kind` token (no word) ending at `end` (the splitter's client commands). */
  replaceLast(kind: SyntaxKind, end: number): void {
    const i = this.count - 1;
    this.kinds[i] = kind;
    this.ends[i] = end;
    this.flags[i] = 0;
    this.words[i] = undefined;
    this.classes[i] = 0;
  }

  /** Appends a client-program token the splitter found (`Delimiter`, `CopyData`). */
  pushClientToken(kind: SyntaxKind, start: number, end: number): void {
    this.pushPlain(kind, start, end);
  }

  /** Appends a token without a word scanned by `scanNext`. */
  private pushPlain(kind: SyntaxKind, start: number, end: number): void {
    const i = this.count;
    if (i >= this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = 0;
    this.words[i] = undefined;
    this.classes[i] = 0;
    this.count = i + 1;
  }

  /** Appends the one-character operator `c` scanned by `scanNext` (its interned text kept per character). */
  private pushOperator1(c: number, start: number): void {
    const i = this.count;
    if (i >= this.kinds.length) this.grow();
    this.kinds[i] = SyntaxKind.Operator;
    this.starts[i] = start;
    this.ends[i] = start + 1;
    this.flags[i] = 0;
    let word = oneCharOperators[c];
    if (word === undefined) {
      word = internWord(this.text, start, start + 1);
      oneCharOperators[c] = word;
      oneCharOperatorClasses[c] = lastWordClasses;
    }
    this.words[i] = word;
    this.classes[i] = oneCharOperatorClasses[c]!;
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

/**
 * The interned text and word-class bits of each one-character operator, filled
 * on first use (after every word class is registered: classes are registered
 * when modules load). The strings are V8-internalized, so they are the very
 * strings the word table gives for these texts, however often it is emptied.
 */
const oneCharOperators: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
const oneCharOperatorClasses = new Int32Array(128);

/**
 * Scans `text[from, to)` into significant tokens and comments (whitespace skipped), into
 * `into` (emptied first, its arrays kept) when given, else into a new buffer. With
 * `doubledQuotes` the range is the inside of a `'…'` string, whose quotes are written twice
 * (see `Lexer.doubledQuotes`).
 */
export function scanSignificant(text: string, dialect: Dialect, from: number, to: number, into?: SignificantTokens, doubledQuotes = false): SignificantTokens {
  const lexer = new Lexer(text, dialect, from, to);
  let tokens: SignificantTokens;
  if (into) {
    into.reset(text);
    tokens = into;
  } else tokens = new SignificantTokens(text, Math.max(16, (to - from) >> 2));
  if (doubledQuotes) lexer.doubledQuotes = tokens.doubledQuotes = true;
  while (tokens.scanNext(lexer) !== SyntaxKind.Eof);
  return tokens;
}
