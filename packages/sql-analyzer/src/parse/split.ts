import type { Dialect } from "../dialect.js";
import { Lexer, lineEnd } from "../lexer/lexer.js";
import { SignificantTokens } from "../lexer/significant-tokens.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/**
 * The tokens of a region of text and the statement-sized segments they were cut
 * into. A segment is one slice of the text: leading trivia, the statement tokens
 * and its terminating `;`; segments tile the region. A segment that ends with a
 * top-level `;` is `closed`: whatever follows cannot change how it lexes or
 * splits, which is what makes statement-level reuse sound.
 *
 * Client-program syntax is found here too, since only a reader of the whole script
 * knows it: a psql / mysql / sqlite3 command line is a segment of its own (or ends
 * the statement before it, `\g`); COPY … FROM STDIN data joins its COPY's segment;
 * a mysql `DELIMITER x … DELIMITER ;` region is one segment. Such segments are
 * flagged (`hasClientTokens`) and never closed where an edit at their end could
 * change them.
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
  /** Whether segment `i` ends at a boundary that nothing after it can move (a top-level `;`, mysql's `\g` / `\G`). */
  closed(i: number): boolean {
    return (this.bounds[4 * i + 3]! & SEGMENT_CLOSED) !== 0;
  }
  /** Whether segment `i` holds client-program tokens (`ClientCommand`, `Delimiter`, `CopyData`). */
  hasClientTokens(i: number): boolean {
    return (this.bounds[4 * i + 3]! & SEGMENT_CLIENT) !== 0;
  }

  /** Appends an open segment ending at the text's end (after the buffer's tokens and comments so far). */
  private addLast(end: number): void {
    this.addAt(end, this.tokens.count, this.tokens.commentCount, 0);
  }

  /** Appends a segment ending at `end`, before token `tokenEnd` and comment `commentEnd`. */
  private addAt(end: number, tokenEnd: number, commentEnd: number, flags: number): void {
    const bounds = this.bounds;
    const j = 4 * this.count++;
    if (j < bounds.length) {
      bounds[j] = end;
      bounds[j + 1] = tokenEnd;
      bounds[j + 2] = commentEnd;
      bounds[j + 3] = flags;
    } else {
      bounds.push(end, tokenEnd, commentEnd, flags);
    }
  }

  /**
   * Lexes `text` from `from` into `tokens` (emptied first) and cuts them into
   * segments at top-level `;` (and at client commands). Inside CREATE statements,
   * `BEGIN … END` and `CASE … END` blocks (trigger and routine bodies, `BEGIN
   * ATOMIC`) hold their inner `;`. Stops early at the first closed boundary for
   * which `stopAt(offset)` is true.
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
    while (kind !== SyntaxKind.Eof) {
      if (kind <= SyntaxKind.BlockComment) {
        kind = tokens.scanNext(lexer);
        continue;
      }
      // The segment's first significant token decides how its `;` are read: only
      // CREATE statements have blocks that hold theirs; the rest end at the first.
      // MySQL's ALTER EVENT (`ALTER [DEFINER = …] EVENT e DO BEGIN … END`) is read as a CREATE.
      const first = kind === SyntaxKind.Word ? tokens.words[tokens.count - 1] : undefined;
      // Client-program syntax (psql, mysql and sqlite3 commands): rare, kept out of this loop.
      let flags = kind === SyntaxKind.ClientCommand || kind === SyntaxKind.Dot || first === "delimiter" ? this.clientSegment(kind, first, segStart, dialect) : -1;
      if (flags < 0) {
        let blocks = first === "create";
        if (first === "alter" && mysql) {
          do kind = tokens.scanNext(lexer);
          while (kind !== SyntaxKind.Eof && kind <= SyntaxKind.BlockComment);
          if (kind === SyntaxKind.Eof) break;
          const second = kind === SyntaxKind.Word ? tokens.words[tokens.count - 1] : undefined;
          blocks = second === "event" || second === "definer";
        }
        if (blocks) kind = this.scanCreate(postgres);
        else {
          while (kind !== SyntaxKind.Semicolon) {
            kind = tokens.scanNext(lexer);
            if (kind >= SyntaxKind.ClientCommand) break; // a client command or the end
          }
        }
        if (kind === SyntaxKind.Eof) break;
        flags = kind === SyntaxKind.ClientCommand ? this.commandInStatement(postgres) : first === "copy" && postgres && this.copiesFromStdin(segTok) ? this.copyData() : SEGMENT_CLOSED;
      }
      const end = lexer.pos;
      const closed = (flags & SEGMENT_CLOSED) !== 0;
      this.addAt(end, tokens.count, tokens.commentCount, flags);
      lexer.floor = end;
      lexer.executableComment = false; // a statement boundary closes it, as the mysql client cuts there
      segStart = end;
      segTok = tokens.count;
      segComment = tokens.commentCount;
      if (closed && stopAt?.(end)) {
        this.end = end;
        return;
      }
      kind = tokens.scanNext(lexer);
    }
    if (segStart < text.length || this.count === 0 || segTok < tokens.count || segComment < tokens.commentCount) this.addLast(text.length);
    this.end = text.length;
  }

  /**
   * Scans the rest of a CREATE statement (its `create` just scanned) through its
   * top-level `;`, a client command (`\g`) or the end of the text; returns which. `BEGIN … END`
   * (`BEGIN ATOMIC … END` in PostgreSQL) and `CASE … END` blocks hold their `;`;
   * `END IF`, `END LOOP`, … close no block; so do the parentheses of a PostgreSQL
   * `CREATE RULE`.
   */
  private scanCreate(postgres: boolean): SyntaxKind {
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
      if (kind >= SyntaxKind.ClientCommand) return kind; // a client command or the end
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
        if (depth === 0) return kind;
      }
    }
  }

  /**
   * A segment that starts with client-program syntax, its first token just scanned:
   * a command line (psql `\connect db`, mysql `\u db`, sqlite3 `.mode csv`), or mysql's
   * `DELIMITER` region. Returns the segment's flags (see `addAt`), or −1 when it is a
   * statement after all (a `.` that is no dot-command). A mysql `DELIMITER` without an
   * argument is a command line of its own, which the parser reports (the mysql client
   * refuses it and goes on with the next line).
   */
  private clientSegment(kind: SyntaxKind, first: string | undefined, segStart: number, dialect: Dialect): number {
    if (kind === SyntaxKind.ClientCommand || (kind === SyntaxKind.Dot && dialect === "sqlite" && this.atDotCommand(segStart))) {
      return SEGMENT_CLIENT | (this.commandSegment(dialect === "postgres") ? SEGMENT_CLOSED : 0);
    }
    if (first === "delimiter" && dialect === "mysql") {
      if (this.delimiterArgument() !== "") this.scanDelimiterRegion();
      else this.commandLine();
      return SEGMENT_CLIENT;
    }
    return -1;
  }

  /**
   * A client command met inside a statement (just scanned). One that ends the statement
   * (`\g`, `\G`) joins its segment; any other (psql `\echo`) cuts the statement before
   * it, open (deleting the backslash would join them), and is a segment of its own.
   * Returns the flags of the segment that the command ends.
   */
  private commandInStatement(postgres: boolean): number {
    const tokens = this.tokens;
    const command = tokens.count - 1;
    if (!this.endsStatement(command)) this.addAt(tokens.starts[command]!, command, tokens.commentCount, 0);
    return SEGMENT_CLIENT | (this.commandSegment(postgres) ? SEGMENT_CLOSED : 0);
  }

  /**
   * Whether the `.` just scanned starts an sqlite3 dot-command: at the very start of a
   * line (or of the segment, which is how it looks parsed alone), a letter after it.
   */
  private atDotCommand(segStart: number): boolean {
    const tokens = this.tokens;
    const text = tokens.text;
    const at = tokens.starts[tokens.count - 1]!;
    if (at > segStart && text.charCodeAt(at - 1) !== 10) return false;
    const c = at + 1 < text.length ? text.charCodeAt(at + 1) | 32 : 0;
    return c >= 97 && c <= 122;
  }

  /**
   * Makes the token just scanned a `ClientCommand` running to the end of its line (the
   * line break not included) and moves past it. Returns whether its segment may be
   * closed there: only the two-character ones (mysql's `\g` / `\G`, psql's `\;`), which
   * nothing after them can change; an edit at the end of any other command's line would
   * lengthen it.
   */
  private commandLine(): boolean {
    const tokens = this.tokens;
    const lexer = this.lexer;
    const text = tokens.text;
    const i = tokens.count - 1;
    const start = tokens.starts[i]!;
    if (tokens.kinds[i] === SyntaxKind.ClientCommand && tokens.ends[i]! - start === 2 && (lexer.mysql ? (text.charCodeAt(start + 1) | 32) === 103 : text.charCodeAt(start + 1) === 59)) {
      lexer.pos = start + 2; // mysql's `\g` / `\G`, psql's `\;`: two characters, the line goes on
      return true;
    }
    const end = lineEnd(text, tokens.ends[i]!);
    tokens.replaceLast(SyntaxKind.ClientCommand, end);
    lexer.pos = end;
    return false;
  }

  /** `commandLine`, then the data of a psql `\copy … from stdin` when it is one. */
  private commandSegment(postgres: boolean): boolean {
    const closed = this.commandLine();
    if (!postgres || !this.copyCommandFromStdin()) return closed;
    this.copyDataFrom(afterLineBreak(this.tokens.text, this.lexer.pos));
    return false;
  }

  /** Whether the `ClientCommand` token `i` ends the statement before it (psql `\g…`, `\;`, `\watch`, `\crosstabview`; mysql `\g`, `\G`). */
  private endsStatement(i: number): boolean {
    const tokens = this.tokens;
    const text = tokens.text;
    const at = tokens.starts[i]! + 1;
    const c = text.charCodeAt(at);
    if (this.lexer.mysql) return c === 103 || c === 71;
    return c === 103 || c === 59 || text.startsWith("watch", at) || text.startsWith("crosstabview", at);
  }

  /** The argument of the `delimiter` word just scanned: the first run of non-blank characters after it on its line ("" if none). */
  private delimiterArgument(): string {
    const tokens = this.tokens;
    const text = tokens.text;
    const end = lineEnd(text, tokens.ends[tokens.count - 1]!);
    let p = tokens.ends[tokens.count - 1]!;
    if (p >= end || (text.charCodeAt(p) !== 32 && text.charCodeAt(p) !== 9)) return "";
    while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    let q = p;
    while (q < end && text.charCodeAt(q) !== 32 && text.charCodeAt(q) !== 9) q++;
    return text.slice(p, q);
  }

  /**
   * Scans a mysql `DELIMITER x` command (its `delimiter` word just scanned) and the
   * statements after it, each ended by `x` (a `Delimiter` token; `;` are then
   * ordinary tokens, as in routine bodies), through the `DELIMITER ;` line that
   * restores `;`. The whole region is one segment: a statement of it, parsed alone,
   * would not know its delimiter. Without `DELIMITER ;` it runs to the end of the text.
   * Never closed: an edit at the end of its last line would change that line.
   */
  private scanDelimiterRegion(): void {
    const tokens = this.tokens;
    const lexer = this.lexer;
    const text = tokens.text;
    const length = text.length;
    let delimiter = this.delimiterArgument();
    this.commandLine();
    for (;;) {
      if (delimiter === ";") return;
      const stop = findDelimiter(text, lexer.pos, delimiter);
      lexer.end = stop < 0 ? length : stop;
      let kind = tokens.scanNext(lexer);
      while (kind !== SyntaxKind.Eof && kind <= SyntaxKind.BlockComment) kind = tokens.scanNext(lexer);
      if (kind === SyntaxKind.Word && tokens.words[tokens.count - 1] === "delimiter") {
        lexer.end = length;
        const next = this.delimiterArgument();
        // A `DELIMITER` line changes the delimiter; without an argument it is a command line
        // the client refuses (the parser reports it), and the delimiter stays.
        this.commandLine();
        if (next !== "") delimiter = next;
        continue;
      }
      while (kind !== SyntaxKind.Eof) kind = tokens.scanNext(lexer);
      lexer.end = length;
      if (stop < 0) return;
      tokens.pushClientToken(SyntaxKind.Delimiter, stop, stop + delimiter.length);
      lexer.pos = stop + delimiter.length;
    }
  }

  /** Whether the COPY statement whose tokens start at `from` (through its `;`) reads `FROM STDIN`. */
  private copiesFromStdin(from: number): boolean {
    const tokens = this.tokens;
    const last = tokens.count - 1;
    let depth = 0;
    for (let i = from; i < last; i++) {
      const kind = tokens.kinds[i]!;
      if (kind === SyntaxKind.LParen) depth++;
      else if (kind === SyntaxKind.RParen) depth--;
      else if (depth === 0 && kind === SyntaxKind.Word && tokens.words[i] === "from") {
        return tokens.kinds[i + 1] === SyntaxKind.Word && tokens.words[i + 1] === "stdin";
      }
    }
    return false;
  }

  /**
   * After a `COPY … FROM STDIN;` (its `;` just scanned): its data, from the next line
   * through a line that is `\.`, as one `CopyData` token (psql reads it so, as do the
   * files pg_dump writes); without one it runs to the end of the text, as psql
   * allows. Returns the segment's flags: never closed, as an edit after the `\.` could
   * join its line.
   */
  private copyData(): number {
    const text = this.tokens.text;
    const semicolonEnd = this.lexer.pos;
    const restOfLine = lineEnd(text, semicolonEnd);
    let first = semicolonEnd;
    while (first < restOfLine && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    // The data starts on the next line (anything else on the `;`'s line is kept in it).
    this.copyDataFrom(first === restOfLine ? afterLineBreak(text, restOfLine) : first);
    return SEGMENT_CLIENT;
  }

  /** Whether the client command just scanned is psql's `\copy … from stdin` (its data follows it, as a COPY's does). */
  private copyCommandFromStdin(): boolean {
    const tokens = this.tokens;
    const i = tokens.count - 1;
    const command = tokens.text.slice(tokens.starts[i]!, tokens.ends[i]!);
    return /^\\copy\s.*\sfrom\s+stdin\b/i.test(command);
  }

  /** The COPY data from `start` (see `copyData`). */
  private copyDataFrom(start: number): void {
    const tokens = this.tokens;
    const lexer = this.lexer;
    const text = tokens.text;
    const length = text.length;
    let at = start;
    let end = length;
    while (at < length) {
      if (text.charCodeAt(at) === 92 && text.charCodeAt(at + 1) === 46 && lineEnd(text, at) === at + 2) {
        end = at + 2;
        break;
      }
      const next = text.indexOf("\n", at);
      if (next < 0) break;
      at = next + 1;
    }
    if (end > start) tokens.pushClientToken(SyntaxKind.CopyData, start, end);
    lexer.pos = end;
  }
}

/** Flag bits of a segment (the fourth number in `Split.bounds`). */
const SEGMENT_CLOSED = 1;
const SEGMENT_CLIENT = 2;


/** `p` moved past a line break (`\n`, `\r\n` or `\r`) found there, else `p`. */
function afterLineBreak(text: string, p: number): number {
  if (text.charCodeAt(p) === 13) p++;
  if (text.charCodeAt(p) === 10) p++;
  return p;
}

/**
 * Where the mysql client would find `delimiter` from `p` on: the first occurrence
 * outside quoted strings, quoted names and comments (−1 if none). The client reads
 * text this way, so `END$$` ends at `END` even though `$` may be part of a name.
 */
export function findDelimiter(text: string, p: number, delimiter: string): number {
  const length = text.length;
  const first = delimiter.charCodeAt(0);
  while (p < length) {
    const c = text.charCodeAt(p);
    if (c === first && text.startsWith(delimiter, p)) return p;
    if (c === 39 || c === 34 || c === 96) {
      // '…', "…" (backslash escapes, doubled quotes) and `…`
      p++;
      while (p < length) {
        const d = text.charCodeAt(p);
        if (d === 92 && c !== 96) p += 2;
        else if (d === c) {
          if (text.charCodeAt(p + 1) === c) p += 2;
          else break;
        } else p++;
      }
      p++;
    } else if (c === 35 || (c === 45 && text.charCodeAt(p + 1) === 45 && (p + 2 >= length || text.charCodeAt(p + 2) <= 32))) {
      p = lineEnd(text, p);
    } else if (c === 47 && text.charCodeAt(p + 1) === 42) {
      const close = text.indexOf("*/", p + 2);
      p = close < 0 ? length : close + 2;
    } else p++;
  }
  return -1;
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
