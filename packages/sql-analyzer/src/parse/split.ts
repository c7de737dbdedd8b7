import type { Dialect } from "../dialect.js";
import { Lexer } from "../lexer/lexer.js";
import { SignificantTokens } from "../lexer/significant-tokens.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/**
 * The tokens of a region of text and the statement-sized segments they were cut
 * into. A segment is one slice of the text: leading trivia, the statement tokens
 * and its terminating `;`; segments tile the region. A segment that ends with a
 * top-level `;` is `closed`: whatever follows cannot change how it lexes or
 * splits, which is what makes statement-level reuse sound.
 *
 * Segments are not objects: segment `i` is four numbers in `bounds` (see the
 * accessors), and a segment starts where the one before it ends. With the
 * lexer and the token buffer, the whole split is recycled from one `parse()`
 * call to the next (`takeSplit` / `recycleSplit`), so a call that parses one
 * short statement allocates nothing here.
 */
export class Split {
  /** Number of segments. */
  count = 0;
  /** Absolute offset where the first segment starts. */
  from = 0;
  /** Absolute offset where splitting stopped (the text end, or a reuse boundary). */
  end = 0;
  /**
   * Per segment, four entries: its end offset (after its last character), the
   * significant-token index after its last token, the comment index after its
   * last comment, and 1 when it ends with a statement-terminating `;` (else 0).
   */
  readonly bounds: number[] = [];

  constructor(
    readonly tokens: SignificantTokens,
    readonly lexer: Lexer,
  ) {}

  /** Absolute offset of segment `i`'s first character. */
  startOf(i: number): number {
    return i === 0 ? this.from : this.bounds[4 * i - 4]!;
  }
  /** Absolute offset after segment `i`'s last character. */
  endOf(i: number): number {
    return this.bounds[4 * i]!;
  }
  /** First significant-token index of segment `i` (into `tokens`). */
  tokenFrom(i: number): number {
    return i === 0 ? 0 : this.bounds[4 * i - 3]!;
  }
  /** Significant-token index after segment `i`'s last token. */
  tokenTo(i: number): number {
    return this.bounds[4 * i + 1]!;
  }
  /** First comment index of segment `i` (into the buffer's comment list). */
  commentFrom(i: number): number {
    return i === 0 ? 0 : this.bounds[4 * i - 2]!;
  }
  /** Comment index after segment `i`'s last comment. */
  commentTo(i: number): number {
    return this.bounds[4 * i + 2]!;
  }
  /** Whether segment `i` ends with a statement-terminating `;`. */
  closed(i: number): boolean {
    return this.bounds[4 * i + 3] === 1;
  }

  /** Appends a segment ending at `end` (and after the buffer's tokens and comments so far). */
  private add(end: number, closed: boolean): void {
    const bounds = this.bounds;
    const j = 4 * this.count++;
    if (j < bounds.length) {
      bounds[j] = end;
      bounds[j + 1] = this.tokens.count;
      bounds[j + 2] = this.tokens.commentCount;
      bounds[j + 3] = closed ? 1 : 0;
    } else {
      bounds.push(end, this.tokens.count, this.tokens.commentCount, closed ? 1 : 0);
    }
  }

  /**
   * Lexes `text` from `from` into `tokens` (emptied first) and cuts them into
   * segments at top-level `;`. Inside CREATE statements, `BEGIN … END` and
   * `CASE … END` blocks (trigger and routine bodies, `BEGIN ATOMIC`) hold their
   * inner `;`. Stops early at the first closed boundary for which `stopAt(offset)`
   * is true.
   */
  run(text: string, dialect: Dialect, from: number, stopAt: ((offset: number) => boolean) | undefined): void {
    const tokens = this.tokens;
    const lexer = this.lexer;
    tokens.reset(text);
    lexer.reset(text, dialect, from, text.length);
    this.count = 0;
    this.from = from;
    const postgres = dialect === "postgres";
    const mysql = dialect === "mysql";
    let segStart = from;
    let segTok = 0;
    let segComment = 0;
    let kind = tokens.scanNext(lexer);
    segments: while (kind !== SyntaxKind.Eof) {
      if (kind <= SyntaxKind.BlockComment) {
        kind = tokens.scanNext(lexer);
        continue;
      }
      // The segment's first significant token decides how its `;` are read: only
      // CREATE statements have blocks that hold theirs; the rest end at the first.
      // MySQL's ALTER EVENT (`ALTER [DEFINER = …] EVENT e DO BEGIN … END`) is read as a CREATE.
      const first = kind === SyntaxKind.Word ? tokens.words[tokens.count - 1] : undefined;
      let blocks = first === "create";
      if (first === "alter" && mysql) {
        do kind = tokens.scanNext(lexer);
        while (kind !== SyntaxKind.Eof && kind <= SyntaxKind.BlockComment);
        if (kind === SyntaxKind.Eof) break;
        const second = kind === SyntaxKind.Word ? tokens.words[tokens.count - 1] : undefined;
        blocks = second === "event" || second === "definer";
      }
      if (blocks) {
        if (!this.scanCreate(postgres)) break;
      } else {
        while (kind !== SyntaxKind.Semicolon) {
          kind = tokens.scanNext(lexer);
          if (kind === SyntaxKind.Eof) break segments;
        }
      }
      const end = lexer.pos;
      this.add(end, true);
      segStart = end;
      segTok = tokens.count;
      segComment = tokens.commentCount;
      if (stopAt?.(end)) {
        this.end = end;
        return;
      }
      kind = tokens.scanNext(lexer);
    }
    if (segStart < text.length || this.count === 0 || segTok < tokens.count || segComment < tokens.commentCount) this.add(text.length, false);
    this.end = text.length;
  }

  /**
   * Scans the rest of a CREATE statement (its `create` just scanned) through its
   * top-level `;` (returns true) or to the end of the text (false). `BEGIN … END`
   * (`BEGIN ATOMIC … END` in PostgreSQL) and `CASE … END` blocks hold their `;`;
   * `END IF`, `END LOOP`, … close no block; so do the parentheses of a PostgreSQL
   * `CREATE RULE`.
   */
  private scanCreate(postgres: boolean): boolean {
    const tokens = this.tokens;
    const lexer = this.lexer;
    let depth = 0;
    let pendingEnd = false;
    let prevWord: string | undefined = "create";
    // CREATE RULE … DO (a; b): the actions' `;` are inside parentheses (PostgreSQL), so a
    // rule's `;` counts only outside them. Only rules: elsewhere an unclosed `(` would
    // swallow every statement after it.
    let rule: boolean | undefined;
    let parens = 0;
    for (;;) {
      const kind = tokens.scanNext(lexer);
      if (kind === SyntaxKind.Eof) return false;
      if (kind <= SyntaxKind.BlockComment) continue;
      const word = kind === SyntaxKind.Word ? tokens.words[tokens.count - 1] : undefined;
      if (rule === undefined && word !== "or" && word !== "replace") rule = postgres && word === "rule";
      if (rule) {
        if (kind === SyntaxKind.LParen) parens++;
        else if (kind === SyntaxKind.RParen && parens > 0) parens--;
        else if (kind === SyntaxKind.Semicolon && parens > 0) continue;
      }
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
      if (kind === SyntaxKind.Semicolon) {
        if (pendingEnd) {
          pendingEnd = false;
          if (depth > 0) depth--;
        }
        if (depth === 0) return true;
      }
    }
  }
}

/**
 * A split left by the last parse, recycled by the next one (taken out while in
 * use, so a nested parse makes its own). Parsing many short texts would
 * otherwise allocate a lexer and five typed arrays per call. A split whose
 * token buffer grew above `MAX_RECYCLED_TOKENS` is dropped so a huge file's
 * buffer is not kept alive.
 */
let spareSplit: Split | undefined;
const MAX_RECYCLED_TOKENS = 1 << 16;

/**
 * Lexes `text` from `from` and cuts it into segments (see `Split.run`), into the
 * recycled split when `recycle` is true and none is in use; give it back with
 * `recycleSplit` when nothing reads it any more.
 */
export function splitSegments(text: string, dialect: Dialect, from = 0, stopAt?: (offset: number) => boolean, recycle = false): Split {
  let split = recycle ? spareSplit : undefined;
  if (split !== undefined) spareSplit = undefined;
  else {
    // Start small when a reuse boundary may stop us early; the buffer grows by doubling.
    const tokens = new SignificantTokens(text, stopAt ? 256 : Math.max(16, (text.length - from) >> 2));
    split = new Split(tokens, new Lexer(text, dialect, from));
  }
  split.run(text, dialect, from, stopAt);
  return split;
}

/** Offers a split that nothing reads any more (nor its tokens) for reuse. */
export function recycleSplit(split: Split): void {
  if (split.tokens.capacity <= MAX_RECYCLED_TOKENS) spareSplit = split;
}
