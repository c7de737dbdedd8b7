import type { Diagnostic, Severity } from "../diagnostic.js";
import { SyntaxCode } from "../diagnostic.js";
import type { Dialect } from "../dialect.js";
import { reservedClass, reservedWords } from "../lexer/keywords.js";
import { FLAG_BAD_HEX_STRING, FLAG_EMPTY_IDENTIFIER, FLAG_OTHER_DIALECT, FLAG_TRAILING_JUNK, FLAG_UNTERMINATED } from "../lexer/lexer.js";
import type { SignificantTokens } from "../lexer/significant-tokens.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { FINISH, FORWARDED, LONG_TOKEN, MAX_SHORT_END, PLACEHOLDER, RELABEL, arenaUsed, claimArena, growArena, plainStartCode, releaseArena, startCode, type EventLog } from "./events.js";

/**
 * How deep expressions, subqueries and parentheses may nest before the parser
 * stops descending. Each level costs a handful of stack frames; this limit keeps
 * far below any JS engine's stack in Node and browsers.
 */
export const MAX_NESTING_DEPTH = 1000;

/** A position in the event log (a placeholder), to wrap already-parsed children later. */
export type Checkpoint = number;

/** An embedded SQL text found inside a string token (a routine body). */
export interface EmbeddedRequest {
  /** Offset of the embedded text, relative to the parse base. */
  readonly start: number;
  /** The embedded text. */
  readonly text: string;
  /** `sql` parses statements, `plpgsql` extracts the SQL statements of a PL/pgSQL block. */
  readonly language: "sql" | "plpgsql";
  /**
   * PL/pgSQL: the names the routine's signature brings into the body (its parameters and RETURNS
   * TABLE columns, as a superset: every name in those lists), for the check that assignment and
   * INTO targets are declared; absent when they are not known (no check then).
   */
  readonly names?: readonly string[];
  /** PL/pgSQL: the routine's name, which labels its parameters' scope (`f.a := …`); absent for a DO block. */
  readonly routine?: string;
  /** PL/pgSQL: what the routine returns, for the checks of RETURN; absent when not known. */
  readonly returns?: RoutineReturns;
  /** The text is the inside of a `'…'` string, every quote of its code written twice (`''`). */
  readonly doubledQuotes?: boolean;
}

/** What a routine returns, as PL/pgSQL's checks of RETURN need it. */
export interface RoutineReturns {
  /** A procedure (RETURN takes no value). */
  readonly procedure: boolean;
  /** RETURNS SETOF … or RETURNS TABLE (…): rows come from RETURN NEXT and RETURN QUERY. */
  readonly set: boolean;
  /** RETURNS void or event_trigger, or a DO block. */
  readonly void: boolean;
  /** OUT or INOUT parameters, or RETURNS TABLE: their values are what is returned. */
  readonly outParameters: boolean;
  /** RETURNS trigger (NEW, OLD, TG_OP, … are declared) or event_trigger (TG_EVENT, TG_TAG). */
  readonly trigger: "trigger" | "event_trigger" | undefined;
}

/**
 * The recursive-descent parser's state: a cursor over the significant tokens of
 * one token range, an event log that records the tree (built later, on demand,
 * by `buildGreen`: trivia attach exactly as a tree builder would attach them),
 * and diagnostics.
 * Grammar functions (in the other files of this folder) drive it.
 *
 * It never throws on any input: every loop in the grammar either consumes a
 * token or exits, and nesting is bounded by `MAX_NESTING_DEPTH`.
 */
export class Parser {
  /**
   * Diagnostics with ranges relative to `base`: the shared frozen `NO_DIAGNOSTICS`
   * until the first one (most parses report none, and need no array of their own).
   */
  diagnostics: readonly Diagnostic[] = NO_DIAGNOSTICS;
  /** Bodies to parse as embedded SQL after this parse (the shared frozen `NO_EMBEDDED` until the first). */
  embedded: readonly EmbeddedRequest[] = NO_EMBEDDED;
  private lastErrorStart = -1;
  /** Set when the nesting limit was hit: the statement's remaining diagnostics are suppressed. */
  bailed = false;
  /**
   * Whether this parses a SQL statement found inside a PL/pgSQL block: there `SELECT … INTO
   * [STRICT] target, …` assigns to variables instead of creating a table.
   */
  plpgsql = false;
  /**
   * PL/pgSQL: whether the statement's `INTO target` was read. PL/pgSQL takes one INTO out of a
   * statement wherever it stands, and a second is its error "INTO specified more than once".
   * (A PL/pgSQL parser parses one statement, so this is never reset.)
   */
  plpgsqlInto = false;
  /** While true, `IN` is not an infix operator (inside `POSITION(a IN b)`). */
  noIn = false;
  /**
   * SQLite: whether the statement being parsed is one of a trigger's body, where SQLite takes no
   * qualified table name, INDEXED BY, DEFAULT VALUES, RETURNING or WITH before INSERT / UPDATE / DELETE.
   */
  sqliteTriggerBody = false;
  /**
   * MySQL: the token index where a bare `DEFAULT` may stand (the start of a value of VALUES or
   * of an assignment); MySQL's grammar takes it nowhere else. -1 for none.
   */
  defaultAt = -1;
  /** Current nesting depth (see `MAX_NESTING_DEPTH`). */
  depth = 0;
  readonly postgres: boolean;
  readonly mysql: boolean;
  readonly sqlite: boolean;
  /** The dialect's reserved words. */
  readonly reserved: ReadonlySet<string>;
  /** The word-class bit of the dialect's reserved words (see `wordClassesAt`). */
  readonly reservedClass: number;

  /** The range's significant tokens: indexes `[sigStart, sigEnd)` of the token buffer. */
  private readonly sigStart: number;
  /** (Moved back by `limitToStatement` while one statement of a client script is parsed.) */
  private sigEnd: number;
  /** The range's real end in the token buffer (`sigEnd` unlimited): trivia is placed by it. */
  private readonly tokensEnd: number;
  /**
   * Whether the range holds client-program tokens (`ClientCommand`, `Delimiter`,
   * `CopyData`: see the splitter). Only then does `parseStatements` look for them.
   */
  clientTokens = false;
  /**
   * MySQL: the token index of an `INTERVAL` that stands where MySQL takes one (after a
   * binary `+` / `-`, or as an argument of DATE_ADD and its kin); -1 for none.
   */
  intervalAt = -1;
  /** Token index of the current significant token. */
  private pos = 0;
  /** Kind and word of the current token, cached (read far more often than the cursor moves). */
  private curKind: SyntaxKind = SyntaxKind.Eof;
  private curWord: string | undefined = undefined;
  /** Next comment index not yet given to the builder, and the range's end in the comment list. */
  private comment: number;
  private readonly commentEnd: number;
  /**
   * The event log (see events.ts for the encoding): slots `[evBase, nEvents)` of
   * `events`, the shared arena's chunk when this parser owns it. Checkpoints and
   * forward-parent links are relative to `evBase`, so the log can move.
   */
  private events: Int32Array;
  private evBase: number;
  private nEvents: number;
  /** Whether `events` is the shared arena's chunk (given back in `endEvents`). */
  private ownsArena: boolean;
  /** Event index of each open node's first start event (the chain head for `startAt`). */
  private frames: Int32Array;
  /** Number of open nodes: `frames[0, nFrames)`. */
  private nFrames = 0;
  /** The recycled work arrays this parser holds until `endEvents` (or none). */
  private scratch: Scratch | undefined;
  /** The parsed text. */
  readonly text: string;
  private readonly kinds: Uint8Array;
  private readonly ends: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly words: (string | undefined)[];
  private readonly classes: Int32Array;
  private readonly flags: Uint8Array;
  /** Text offset where the range starts (its leading whitespace included): token events record ends relative to it. */
  readonly origin: number;
  /** Text offset where the range ends (its trailing whitespace included). */
  readonly rangeEnd: number;

  constructor(
    readonly stream: SignificantTokens,
    readonly dialect: Dialect,
    /** First significant-token index of the range. */
    from: number,
    /** Significant-token index after the range. */
    to: number,
    /** First comment index of the range. */
    commentFrom: number,
    /** Comment index after the range. */
    commentTo: number,
    /** Text offset that diagnostics are made relative to. */
    readonly base: number,
    /** Text offset of the range's start (before any leading whitespace). */
    rangeStart: number,
    /** Text offset of the range's end (after any trailing whitespace). */
    rangeEnd: number,
  ) {
    this.postgres = dialect === "postgres";
    this.mysql = dialect === "mysql";
    this.sqlite = dialect === "sqlite";
    this.text = stream.text;
    this.kinds = stream.kinds;
    this.starts = stream.starts;
    this.ends = stream.ends;
    this.words = stream.words;
    this.classes = stream.classes;
    this.flags = stream.flags;
    this.reserved = reservedWords(dialect);
    this.reservedClass = reservedClass(dialect);
    const scratch = spareScratch;
    spareScratch = undefined;
    this.scratch = scratch;
    this.sigStart = from;
    this.sigEnd = to;
    this.tokensEnd = to;
    this.pos = from;
    this.comment = commentFrom;
    this.commentEnd = commentTo;
    const arena = claimArena();
    this.ownsArena = arena !== undefined;
    this.events = arena !== undefined ? arena : new Int32Array(256);
    this.evBase = this.nEvents = arena !== undefined ? arenaUsed() : 0;
    this.frames = scratch !== undefined ? scratch.frames : new Int32Array(64);
    this.origin = rangeStart;
    this.rangeEnd = rangeEnd;
    this.syncCurrent();
  }

  // ---------------------------------------------------------------- lookahead

  /** Kind of the n-th significant token ahead (`Eof` past the end). */
  nth(n: number): SyntaxKind {
    const i = this.pos + n;
    return i < this.sigEnd ? (this.kinds[i]! as SyntaxKind) : SyntaxKind.Eof;
  }
  /** Kind of the token `n` places back (`n` ≥ 1) in the range; `Eof` before its start. */
  behind(n: number): SyntaxKind {
    const i = this.pos - n;
    return i >= this.sigStart ? (this.kinds[i]! as SyntaxKind) : SyntaxKind.Eof;
  }
  /** Kind of the current token. */
  get kind(): SyntaxKind {
    return this.curKind;
  }
  /** Lower-cased word (or operator text) of the n-th token ahead. */
  wordAt(n: number): string | undefined {
    const i = this.pos + n;
    return i >= this.sigStart && i < this.sigEnd ? this.words[i] : undefined;
  }
  /**
   * Word-class bits (`wordClass`) of the n-th token's word: a mask test that
   * answers "is `wordAt(n)` in this set" for registered sets; 0 without a word.
   */
  wordClassesAt(n: number): number {
    const i = this.pos + n;
    return i >= this.sigStart && i < this.sigEnd ? this.classes[i]! : 0;
  }
  /** Lower-cased word (or operator text) of the current token. */
  get word(): string | undefined {
    return this.curWord;
  }
  /** Whether the current token is `kind`. */
  at(kind: SyntaxKind): boolean {
    return this.curKind === kind;
  }
  /** Whether the current token is the bare word `w` (lower case). */
  atKw(w: string): boolean {
    return this.curKind === SyntaxKind.Word && this.curWord === w;
  }
  /** Whether the n-th token ahead is the bare word `w`. */
  nthKw(n: number, w: string): boolean {
    return this.nth(n) === SyntaxKind.Word && this.wordAt(n) === w;
  }
  /** Whether the current token is the operator `op`. */
  atOp(op: string): boolean {
    return this.curKind === SyntaxKind.Operator && this.curWord === op;
  }
  /** Whether the n-th token ahead is the operator `op`. */
  nthOp(n: number, op: string): boolean {
    return this.nth(n) === SyntaxKind.Operator && this.wordAt(n) === op;
  }
  /** Whether the current token is at the end of the range. */
  get atEnd(): boolean {
    return this.pos >= this.sigEnd;
  }
  /**
   * At the end of the range or at a `;` — which the grammar never consumes inside
   * a statement. Loops whose progress relies on `errorBump` must test this, not
   * `atEnd`: `errorBump` cannot consume a `;`.
   */
  get atStatementEnd(): boolean {
    return this.curKind === SyntaxKind.Eof || this.curKind === SyntaxKind.Semicolon;
  }
  /** Whether the n-th token ahead is past the end or a `;`. */
  atStatementEndAt(n: number): boolean {
    const i = this.pos + n;
    return i >= this.sigEnd || this.kinds[i] === SyntaxKind.Semicolon;
  }
  /** Whether the current token is a client-program token (a top-level token between statements). */
  get atClientToken(): boolean {
    const k = this.curKind;
    return k === SyntaxKind.ClientCommand || k === SyntaxKind.Delimiter || k === SyntaxKind.CopyData;
  }
  /**
   * Ends the range before the next client-program token, so the grammar sees the
   * statement(s) before it as the whole range; returns the real end for `unlimit`.
   */
  limitToStatement(): number {
    const end = this.sigEnd;
    const kinds = this.kinds;
    let i = this.pos;
    while (i < end) {
      const k = kinds[i]!;
      if (k === SyntaxKind.ClientCommand || k === SyntaxKind.Delimiter || k === SyntaxKind.CopyData) break;
      i++;
    }
    this.sigEnd = i;
    this.syncCurrent();
    return end;
  }
  /** Restores the range end that `limitToStatement` returned. */
  unlimit(end: number): void {
    this.sigEnd = end;
    this.syncCurrent();
  }
  /** Whether the n-th token ahead ends where the next one starts (nothing between them). */
  touchesNextAt(n: number): boolean {
    const i = this.pos + n;
    return i >= this.sigStart && i + 1 < this.sigEnd && this.ends[i] === this.starts[i + 1];
  }
  /** Whether nothing (no trivia) separates the current token from the next one. */
  adjacentToNext(): boolean {
    if (this.pos + 1 >= this.sigEnd) return false;
    // Trivia between them would leave a gap (whitespace) or a comment, which starts at the token's end.
    const end = this.ends[this.pos]!;
    if (this.starts[this.pos + 1] !== end) return false;
    return this.comment >= this.commentEnd || this.stream.commentStarts[this.comment] !== end;
  }
  /**
   * Whether the string constant at the cursor continues the one before it, as PostgreSQL's
   * lexer decides: only blanks between them (space, tab, form feed, vertical tab, line
   * breaks), at least one of them a line break. Any comment between them separates them (two
   * constants in a row are then a syntax error), as libpg-query's PostgreSQL has it. Only a
   * quoted constant continues (`'…'`, `E'…'`, `B'…'`, `U&'…'`, …, not `$$…$$`), and only with a
   * plain `'…'` (`'a'` then `E'b'` on the next line are two constants).
   */
  stringContinues(): boolean {
    if (this.pos === this.sigStart || this.pos >= this.sigEnd) return false;
    const text = this.text;
    const to = this.starts[this.pos]!;
    if (text.charCodeAt(to) !== 39 || this.kinds[this.pos - 1] !== SyntaxKind.String || text.charCodeAt(this.starts[this.pos - 1]!) === 36) return false;
    let lineBreak = false;
    for (let i = this.ends[this.pos - 1]!; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) lineBreak = true;
      else if (c !== 32 && c !== 9 && c !== 12 && c !== 11) return false;
    }
    return lineBreak;
  }
  /**
   * PostgreSQL: consumes the string constants that continue the one just consumed (see
   * `stringContinues`); returns whether there were any.
   */
  bumpStringContinuations(): boolean {
    let any = false;
    while (this.postgres && this.curKind === SyntaxKind.String && this.stringContinues()) {
      this.bump();
      any = true;
    }
    return any;
  }
  /** Whether the n-th token ahead is an unsigned integer (digits only: no `1e3`, `1.5` or `0x1F`). */
  atInteger(n = 0): boolean {
    return this.nth(n) === SyntaxKind.Number && /^[0-9]+$/.test(this.tokenText(n));
  }
  /**
   * Whether the n-th token is a string with no prefix: `'…'` (or MySQL's `"…"`), not `X'…'`,
   * `B'…'`, `N'…'`, `E'…'`, `U&'…'` or a dollar-quoted string.
   */
  atPlainString(n = 0): boolean {
    if (this.nth(n) !== SyntaxKind.String) return false;
    const c = this.text.charCodeAt(this.starts[this.pos + n]!);
    return c === 39 || c === 34;
  }
  /** Text of the current token. */
  tokenText(n = 0): string {
    const i = this.pos + n;
    if (i >= this.sigEnd) return "";
    return this.text.slice(this.starts[i], this.ends[i]);
  }
  /**
   * The n-th token's text as the code has it: `tokenText`, except in a `'…'` routine body
   * (`SignificantTokens.doubledQuotes`), whose doubled quotes stand for single ones.
   */
  literalText(n = 0): string {
    const i = this.pos + n;
    return i < this.sigEnd ? this.stream.literal(i) : "";
  }
  /** Current significant-token index, to detect progress. */
  get position(): number {
    return this.pos;
  }

  // ------------------------------------------------------------------ builder

  /**
   * Gives the builder the comments before the current token (before the range
   * end when at the end). Whitespace is not recorded: the builder rebuilds it
   * from the gaps, at the same places (before the next token, start or
   * checkpoint event, which is where a flush happens).
   */
  private flushTrivia(): void {
    if (this.comment >= this.commentEnd) return;
    // Comments go before the next token, also when the range is limited to one statement.
    const limit = this.pos < this.tokensEnd ? this.starts[this.pos]! : this.rangeEnd;
    const comments = this.stream;
    while (this.comment < this.commentEnd && comments.commentStarts[this.comment]! < limit) {
      const c = this.comment++;
      const kind = comments.commentKinds[c]! as SyntaxKind;
      const flags = comments.commentFlags[c]!;
      const start = comments.commentStarts[c]!;
      const end = comments.commentEnds[c]!;
      if (flags & FLAG_UNTERMINATED) this.reportUnterminated(kind, start, end);
      this.pushToken(kind, end);
    }
  }

  /** Records the significant token `i` as `kind`. */
  private pushSignificant(i: number, kind: SyntaxKind): void {
    const flags = this.flags[i]!;
    if (flags !== 0 || kind === SyntaxKind.Unknown) this.reportToken(i, kind, flags);
    this.pushToken(kind, this.ends[i]!);
  }

  /** Appends a token event (the token ends at text offset `absoluteEnd`). */
  private pushToken(kind: SyntaxKind, absoluteEnd: number): void {
    if (this.nEvents + 3 > this.events.length) this.growEvents();
    const n = this.nEvents;
    const events = this.events;
    const end = absoluteEnd - this.origin;
    if (end < MAX_SHORT_END) {
      events[n] = (end << 5) | kind;
      this.nEvents = n + 1;
    } else {
      events[n] = LONG_TOKEN;
      events[n + 1] = kind;
      events[n + 2] = end;
      this.nEvents = n + 3;
    }
  }

  private reportToken(i: number, kind: SyntaxKind, flags: number): void {
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    if (flags & FLAG_UNTERMINATED) this.reportUnterminated(this.kinds[i]! as SyntaxKind, start, end);
    else if (flags & FLAG_TRAILING_JUNK) this.report(SyntaxCode.InvalidNumber, `trailing junk after numeric literal: '${this.text.slice(start, end)}'`, start, end);
    else if (flags & FLAG_BAD_HEX_STRING) {
      const text = this.text.slice(start, end);
      this.report(SyntaxCode.InvalidNumber, (text.charCodeAt(0) | 0x20) === 98 ? `a bit string has only the digits 0 and 1: '${text}'` : `a hexadecimal string needs an even number of hexadecimal digits: '${text}'`, start, end);
    }
    else if (flags & FLAG_EMPTY_IDENTIFIER) this.report(SyntaxCode.UnexpectedToken, 'zero-length quoted identifier: a name in double quotes needs at least one character', start, end);
    else if (flags & FLAG_OTHER_DIALECT)
      this.report(SyntaxCode.WrongDialect, `backtick-quoted identifiers are not ${DIALECT_NAMES[this.dialect]} syntax; use double quotes`, start, end);
    else if (kind === SyntaxKind.Unknown)
      {
      const text = this.text.slice(start, end);
      this.report(SyntaxCode.InvalidCharacter, `unexpected ${invisibleCharacter(text) ?? `character '${text}'`}`, start, end);
    }
  }

  /** Moves the log so far to the start of a bigger array (an arena chunk when this parser owns the arena). */
  private growEvents(): void {
    const length = this.nEvents - this.evBase;
    const minimum = 2 * length + 1024;
    const bigger = this.ownsArena ? growArena(minimum) : new Int32Array(minimum);
    bigger.set(this.events.subarray(this.evBase, this.nEvents));
    this.events = bigger;
    this.evBase = 0;
    this.nEvents = length;
  }

  /** Appends a three-slot start or placeholder event; returns its index relative to `evBase`. */
  private pushStart(code: number): number {
    if (this.nEvents + 3 > this.events.length) this.growEvents();
    const n = this.nEvents;
    const events = this.events;
    events[n] = code;
    events[n + 1] = 0;
    events[n + 2] = 0;
    this.nEvents = n + 3;
    return n - this.evBase;
  }

  private reportUnterminated(kind: SyntaxKind, start: number, end: number): void {
    const head = this.text.slice(start, Math.min(end, start + 2));
    if (kind === SyntaxKind.BlockComment) {
      // SQLite ends a block comment at the end of the input ("until the end of input,
      // whichever comes first"), so there it is worth a warning, not an error.
      if (this.dialect === "sqlite") this.report(SyntaxCode.UnterminatedBlockComment, "unterminated block comment: SQLite ends it at the end of the text", start, end, "warning");
      else this.report(SyntaxCode.UnterminatedBlockComment, "unterminated block comment", start, end);
    }
    else if (kind === SyntaxKind.QuotedIdent) this.report(SyntaxCode.UnterminatedQuotedIdentifier, "unterminated quoted identifier", start, end);
    else if (head.startsWith("$")) this.report(SyntaxCode.UnterminatedDollarQuote, "unterminated dollar-quoted string", start, end);
    else this.report(SyntaxCode.UnterminatedString, "unterminated string literal", start, end);
  }

  /** Opens a node; leading trivia stays outside it. */
  start(kind: SyntaxKind): void {
    this.flushTrivia();
    if (this.nEvents + 1 > this.events.length) this.growEvents();
    const n = this.nEvents;
    this.events[n] = plainStartCode(kind);
    this.nEvents = n + 1;
    if (this.nFrames === this.frames.length) this.growFrames();
    this.frames[this.nFrames++] = n - this.evBase;
  }

  /** Doubles the open-node stack (kept by the recycled scratch when this parser holds it). */
  private growFrames(): void {
    const bigger = new Int32Array(2 * this.frames.length);
    bigger.set(this.frames);
    this.frames = bigger;
    if (this.scratch !== undefined) this.scratch.frames = bigger;
  }

  /** A point to wrap later with `startAt` (for left-recursive constructs). */
  checkpoint(): Checkpoint {
    this.flushTrivia();
    return this.pushStart(PLACEHOLDER);
  }

  /** Opens a node that starts at an earlier checkpoint of the current node. */
  startAt(checkpoint: Checkpoint, kind: SyntaxKind): void {
    const cp = this.evBase + checkpoint;
    const head = this.events[cp]!;
    if (head === PLACEHOLDER) {
      this.events[cp] = startCode(kind, false);
    } else if (this.nFrames > 0 && this.frames[this.nFrames - 1] === checkpoint) {
      // The node opened at the checkpoint is still open: the new node goes inside
      // it, so it becomes the chain's head and the old head moves to a forwarded event.
      const q = this.pushStart(0);
      const ev = this.events;
      const base = this.evBase;
      const at = base + checkpoint;
      ev[base + q] = head - FORWARDED; // the same start, marked forwarded
      ev[base + q + 1] = ev[at + 1]!;
      ev[at] = startCode(kind, false);
      ev[at + 1] = q;
      if (ev[at + 2] === 0) ev[at + 2] = q;
    } else {
      // The nodes at the checkpoint are finished: the new node encloses them.
      const q = this.pushStart(startCode(kind, true));
      const ev = this.events;
      const base = this.evBase;
      const at = base + checkpoint;
      const tail = ev[at + 2] === 0 ? checkpoint : ev[at + 2]!;
      ev[base + tail + 1] = q;
      ev[at + 2] = q;
    }
    if (this.nFrames === this.frames.length) this.growFrames();
    this.frames[this.nFrames++] = checkpoint;
  }

  /** Closes the innermost open node. */
  finish(): void {
    if (this.nFrames > 0) this.nFrames--;
    if (this.nEvents + 1 > this.events.length) this.growEvents();
    const n = this.nEvents;
    this.events[n] = FINISH;
    this.nEvents = n + 1;
  }

  /** Changes the kind of the node finished last (when its kind is known only at its end). */
  relabelLast(kind: SyntaxKind): void {
    if (this.nEvents + 2 > this.events.length) this.growEvents();
    const n = this.nEvents;
    this.events[n] = RELABEL;
    this.events[n + 1] = kind;
    this.nEvents = n + 2;
  }

  /**
   * `start(nodeKind); bump(tokenKind); finish()` in one call, writing the same
   * three events (a leaf node: a literal, a one-part name). The caller checks
   * that the range has a current token.
   */
  leaf(nodeKind: SyntaxKind, tokenKind: SyntaxKind): void {
    this.flushTrivia();
    if (this.nEvents + 5 > this.events.length) this.growEvents();
    const i = this.pos;
    const events = this.events;
    const n = this.nEvents;
    events[n] = plainStartCode(nodeKind);
    this.nEvents = n + 1;
    this.pushSignificant(i, tokenKind);
    events[this.nEvents++] = FINISH;
    this.pos = i + 1;
    this.syncCurrent();
  }

  /**
   * A column reference of `parts` (1 or 2) name tokens from the current one
   * (`a`, or `a . b` — the caller checks the shape; the first name token becomes
   * `firstKind`, the second an identifier unless quoted): the events of a
   * checkpoint wrapped by `startAt(cp, NameRef)` around a `QualifiedName` node,
   * written in one call instead of a checkpoint, start, bumps and two finishes.
   */
  nameRef(parts: 1 | 2, firstKind: SyntaxKind): void {
    this.flushTrivia();
    // 3 (start) + 1 (start) + up to 3 tokens of up to 3 slots + 2 finishes.
    if (this.nEvents + 15 > this.events.length) this.growEvents();
    const events = this.events;
    const n = this.nEvents;
    events[n] = NAME_REF_START;
    events[n + 1] = 0;
    events[n + 2] = 0;
    events[n + 3] = QUALIFIED_NAME_START;
    this.nEvents = n + 4;
    const i = this.pos;
    this.pushSignificant(i, firstKind);
    if (parts === 2) {
      this.pos = i + 1;
      this.flushTrivia();
      this.pushSignificant(i + 1, SyntaxKind.Dot);
      this.pos = i + 2;
      this.flushTrivia();
      const k = this.kinds[i + 2]! as SyntaxKind;
      this.pushSignificant(i + 2, k === SyntaxKind.Word ? SyntaxKind.Ident : k);
    }
    // Comments flushed between the parts may have grown the log.
    if (this.nEvents + 2 > this.events.length) this.growEvents();
    const m = this.nEvents;
    this.events[m] = FINISH;
    this.events[m + 1] = FINISH;
    this.nEvents = m + 2;
    this.pos = parts === 2 ? i + 3 : i + 1;
    this.syncCurrent();
  }

  /** Number of open nodes (for grammar assertions in tests). */
  get openNodes(): number {
    return this.nFrames;
  }

  /** Adds the current token as `kind` (a word becomes a `Keyword` unless told otherwise). */
  bump(kind?: SyntaxKind): void {
    if (this.pos >= this.sigEnd) return;
    this.flushTrivia();
    const i = this.pos;
    const raw = this.kinds[i]! as SyntaxKind;
    this.pushSignificant(i, kind ?? (raw === SyntaxKind.Word ? SyntaxKind.Keyword : raw));
    this.pos++;
    this.syncCurrent();
  }

  /** Refreshes the cached kind and word of the current token (after the cursor moved). */
  private syncCurrent(): void {
    const pos = this.pos;
    if (pos < this.sigEnd) {
      this.curKind = this.kinds[pos]! as SyntaxKind;
      this.curWord = this.words[pos];
    } else {
      this.curKind = SyntaxKind.Eof;
      this.curWord = undefined;
    }
  }

  /** Adds the current token as an identifier. */
  bumpIdent(): void {
    this.bump(this.kind === SyntaxKind.Word ? SyntaxKind.Ident : undefined);
  }

  /** Consumes the keyword `w` if present. */
  eatKw(w: string): boolean {
    if (!this.atKw(w)) return false;
    this.bump(SyntaxKind.Keyword);
    return true;
  }

  /** Consumes a token of `kind` if present. */
  eat(kind: SyntaxKind): boolean {
    if (this.kind !== kind) return false;
    this.bump();
    return true;
  }

  /** Consumes the operator `op` if present. */
  eatOp(op: string): boolean {
    if (!this.atOp(op)) return false;
    this.bump();
    return true;
  }

  /** Consumes keyword `w` or reports it missing. */
  expectKw(w: string): boolean {
    if (this.eatKw(w)) return true;
    this.expected(w.toUpperCase());
    return false;
  }

  /** Consumes a token of `kind` or reports it missing. */
  expect(kind: SyntaxKind, what: string): boolean {
    if (this.eat(kind)) return true;
    this.expected(what);
    return false;
  }

  /** Consumes the operator `op` or reports it missing. */
  expectOp(op: string): boolean {
    if (this.eatOp(op)) return true;
    this.expected(`'${op}'`);
    return false;
  }

  /** Consumes the whole sequence of keywords `ws` if all are present. */
  eatKws(...ws: string[]): boolean {
    for (let i = 0; i < ws.length; i++) if (!this.nthKw(i, ws[i]!)) return false;
    for (let i = 0; i < ws.length; i++) this.bump(SyntaxKind.Keyword);
    return true;
  }

  /** Consumes the rest of the range into the current node (no diagnostics). */
  bumpRest(): void {
    while (!this.atEnd) this.bump(this.kind === SyntaxKind.Word ? SyntaxKind.Keyword : undefined);
  }

  /** Adds remaining trivia to the current node (call at the very end). */
  finishTrivia(): void {
    // Comments only: the builder rebuilds the trailing whitespace up to the range end.
    const pos = this.pos;
    this.pos = this.sigEnd;
    this.flushTrivia();
    this.pos = pos;
  }

  /**
   * The recorded event log (once parsing is done; call once). The arena tail and
   * the parser's work arrays go back for the next parser.
   */
  takeEvents(): EventLog {
    const log: EventLog = { events: this.events, from: this.evBase, to: this.nEvents, text: this.text, origin: this.origin, end: this.rangeEnd };
    this.endEvents();
    return log;
  }

  /**
   * Ends the recording (once parsing is done; call once), like `takeEvents`
   * without making the log object: the log is then `logEvents[logFrom, logTo)`,
   * with token ends relative to `origin`, covering `[origin, rangeEnd)` of the text.
   */
  endEvents(): void {
    if (this.ownsArena) {
      releaseArena(this.nEvents);
      this.ownsArena = false;
    }
    const scratch = this.scratch;
    if (scratch !== undefined) {
      this.scratch = undefined;
      spareScratch = scratch;
    }
  }

  /** The array holding the event log (see `endEvents`). */
  get logEvents(): Int32Array {
    return this.events;
  }
  /** Where the event log starts in `logEvents`. */
  get logFrom(): number {
    return this.evBase;
  }
  /** Where the event log ends in `logEvents`. */
  get logTo(): number {
    return this.nEvents;
  }

  // -------------------------------------------------------------- diagnostics

  /** Records a diagnostic; `start`/`end` are absolute text offsets. */
  report(code: string, message: string, start: number, end: number, severity: Severity = "error"): void {
    if (this.bailed) return;
    // One error per position: later errors at the same place are consequences of
    // the first (a missing name also "misses" the `=` after it, …).
    if (severity === "error") {
      if (start === this.lastErrorStart) return;
      this.lastErrorStart = start;
    }
    const diagnostic: Diagnostic = { code, severity, message, range: { start: start - this.base, end: end - this.base }, source: "sql" };
    if (this.diagnostics === NO_DIAGNOSTICS) this.diagnostics = [diagnostic];
    else (this.diagnostics as Diagnostic[]).push(diagnostic);
  }

  /**
   * The names among the significant tokens `[from, to)` of the range (a past `position` each):
   * words lower-cased, quoted names as written. For a routine's signature (see `EmbeddedRequest.names`).
   */
  namesBetween(from: number, to: number): string[] {
    const names: string[] = [];
    for (let i = from; i < to && i < this.sigEnd; i++) {
      const kind = this.kinds[i];
      if (kind === SyntaxKind.Word) names.push(this.words[i]!);
      else if (kind === SyntaxKind.QuotedIdent) names.push(this.text.slice(this.starts[i]! + 1, this.ends[i]! - 1).replaceAll('""', '"'));
    }
    return names;
  }

  /** Whether a word token among `[from, to)` (a past `position` each) is one of `words`. */
  hasWordBetween(from: number, to: number, words: ReadonlySet<string>): boolean {
    for (let i = from; i < to && i < this.sigEnd; i++) if (this.kinds[i] === SyntaxKind.Word && words.has(this.words[i]!)) return true;
    return false;
  }

  /** Asks for `request` to be parsed as embedded SQL after this parse. */
  addEmbedded(request: EmbeddedRequest): void {
    if (this.embedded === NO_EMBEDDED) this.embedded = [request];
    else (this.embedded as EmbeddedRequest[]).push(request);
  }

  /**
   * Reports syntax of another dialect at the current token (`wrong-dialect`),
   * which is then parsed as if it were allowed so nothing else cascades.
   */
  wrongDialect(what: string, hint: string): void {
    const [start, end] = this.currentRange();
    this.wrongDialectIn(start, end, what, hint);
  }

  /** `wrongDialect` at the token at cursor position `index` (a past `position`, such as a statement's first word). */
  wrongDialectAt(index: number, what: string, hint: string): void {
    const [start, end] = this.rangeAt(index);
    this.wrongDialectIn(start, end, what, hint);
  }

  /** `wrongDialect` over the text range `start`–`end` (a form of several tokens, already read). */
  wrongDialectIn(start: number, end: number, what: string, hint: string): void {
    this.report(SyntaxCode.WrongDialect, `${what} is not ${DIALECT_NAMES[this.dialect]} syntax; ${hint}`, start, end);
  }

  /** The kind of the significant token at cursor position `index` (a past `position`); `Eof` past the end. */
  pastKind(index: number): SyntaxKind {
    return index < this.sigEnd ? (this.kinds[index]! as SyntaxKind) : SyntaxKind.Eof;
  }
  /** Whether the token at cursor position `index` can end a column name (a word or a quoted name). */
  pastKindIsName(index: number): boolean {
    const kind = this.pastKind(index);
    return kind === SyntaxKind.Word || kind === SyntaxKind.QuotedIdent;
  }
  /** The lower-cased word (or operator text) of the significant token at cursor position `index`. */
  pastWord(index: number): string | undefined {
    return index < this.sigEnd ? this.words[index] : undefined;
  }
  /** The source range of the significant token at cursor position `index` (a past `position`). */
  rangeAt(index: number): [number, number] {
    return [this.starts[index]!, this.ends[index]!];
  }

  currentRange(): [number, number] {
    if (this.pos < this.sigEnd) {
      return [this.starts[this.pos]!, this.ends[this.pos]!];
    }
    if (this.sigEnd > this.sigStart) {
      return [this.starts[this.sigEnd - 1]!, this.ends[this.sigEnd - 1]!];
    }
    const at = this.rangeEnd;
    return [at, at];
  }

  /** End offset of the last consumed significant token. */
  prevEnd(): number {
    if (this.pos === this.sigStart) return this.sigEnd > this.sigStart ? this.starts[this.sigStart]! : this.rangeEnd;
    return this.ends[this.pos - 1]!;
  }

  /** Reports that `what` was expected at the current token. */
  expected(what: string): void {
    const [start, end] = this.currentRange();
    const found = this.atEnd ? "end of statement" : describeToken(this.kind, this.tokenText());
    this.report(SyntaxCode.ExpectedToken, `expected ${what}, found ${found}`, start, end);
  }

  /** Reports the current token as unexpected and wraps it in an `Error` node. */
  errorBump(message?: string): void {
    if (this.atEnd || this.at(SyntaxKind.Semicolon)) {
      this.expected("more input");
      return;
    }
    const [start, end] = this.currentRange();
    if (this.kind === SyntaxKind.RParen) this.report(SyntaxCode.UnmatchedParen, "unmatched ')'", start, end);
    else this.report(SyntaxCode.UnexpectedToken, message ?? `unexpected ${describeToken(this.kind, this.tokenText())}`, start, end);
    this.start(SyntaxKind.Error);
    this.bumpBalanced();
    this.finish();
  }

  /**
   * Consumes one token, or a whole balanced `( … )` / `[ … ]` group when at an
   * opening bracket — iteratively, so deep nesting cannot overflow the stack. Words in the
   * group become `wordKind` (`Ident` where they are names) or else keywords.
   */
  bumpBalanced(reportUnclosed = false, wordKind?: SyntaxKind): void {
    const open = this.kind;
    if (open !== SyntaxKind.LParen && open !== SyntaxKind.LBracket) {
      this.bump();
      return;
    }
    let depth = 0;
    while (!this.atEnd) {
      const k = this.kind;
      if (k === SyntaxKind.Semicolon) break;
      if (k === SyntaxKind.LParen || k === SyntaxKind.LBracket) depth++;
      else if (k === SyntaxKind.RParen || k === SyntaxKind.RBracket) depth--;
      this.bump(k === SyntaxKind.Word ? wordKind : undefined);
      if (depth <= 0) return;
    }
    if (reportUnclosed) this.expected(open === SyntaxKind.LParen ? "')'" : "']'");
  }

  /** Consumes one token, words as keywords (for unsupported statements). */
  bumpBalancedKeyword(): void {
    this.bump(this.kind === SyntaxKind.Word ? SyntaxKind.Keyword : undefined);
  }

  /** Reports and skips tokens until `stop()` holds (or the end), into one `Error` node. */
  recoverUntil(stop: () => boolean, message?: string): void {
    if (this.atEnd || this.at(SyntaxKind.Semicolon) || stop()) return;
    const [start] = this.currentRange();
    this.start(SyntaxKind.Error);
    const what = message ?? `unexpected ${describeToken(this.kind, this.tokenText())}`;
    const stray = this.kind === SyntaxKind.RParen;
    while (!this.atEnd && !this.at(SyntaxKind.Semicolon) && !stop()) this.bumpBalanced();
    this.finish();
    const end = this.prevEnd();
    if (stray) this.report(SyntaxCode.UnmatchedParen, "unmatched ')'", start, start + 1);
    else this.report(SyntaxCode.UnexpectedToken, what, start, end);
  }

  /**
   * Enters one nesting level; when the limit is hit it reports once, swallows
   * the current balanced group into an `Error` node and returns false.
   */
  enter(): boolean {
    if (this.depth >= MAX_NESTING_DEPTH) {
      // Give up on the rest of the statement: one diagnostic, the remaining
      // tokens in one Error node, and silence while the grammar unwinds.
      if (!this.bailed) {
        const [start, end] = this.currentRange();
        this.report(SyntaxCode.NestingTooDeep, `nesting deeper than ${MAX_NESTING_DEPTH} levels; the rest of the statement is not parsed`, start, end);
        this.bailed = true;
      }
      this.start(SyntaxKind.Error);
      while (!this.atEnd && !this.at(SyntaxKind.Semicolon)) this.bump();
      this.finish();
      return false;
    }
    this.depth++;
    return true;
  }

  /** Leaves a nesting level entered with `enter()`. */
  leave(): void {
    this.depth--;
  }

  /** Relative offset of the current token's start (for embedded requests). */
  relativeStart(n = 0): number {
    const i = this.pos + n;
    if (i >= this.sigEnd) return this.prevEnd() - this.base;
    return this.starts[i]! - this.base;
  }
}

/** The (frozen, shared) diagnostics of every parse that reports none. */
export const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
/** The (frozen, shared) embedded requests of every parse that finds none. */
const NO_EMBEDDED: readonly EmbeddedRequest[] = Object.freeze([]);

/**
 * The work array (the open-node stack, grown by doubling) handed from one
 * finished parser to the next, so parsing many statements does not allocate one
 * for each. A parser takes it when constructed and gives it back in `endEvents`; one that never
 * finishes just keeps it, and the next parser allocates its own — correctness
 * never depends on recycling. (Its length is bounded by the nesting limit.)
 */
interface Scratch {
  frames: Int32Array;
}

let spareScratch: Scratch | undefined = { frames: new Int32Array(64) };

/** The first slot of a `NameRef` start written at a checkpoint (see `Parser.nameRef`). */
const NAME_REF_START = startCode(SyntaxKind.NameRef, false);
/** The one slot of a plain `QualifiedName` start. */
const QUALIFIED_NAME_START = plainStartCode(SyntaxKind.QualifiedName);

const DIALECT_NAMES: Record<Dialect, string> = { postgres: "PostgreSQL", mysql: "MySQL", sqlite: "SQLite" };

/** A short description of a token for messages: `keyword FROM`, `')'`, `string`. */
export function describeToken(kind: SyntaxKind, text: string): string {
  switch (kind) {
    case SyntaxKind.Word:
      return `'${text}'`;
    case SyntaxKind.String:
      return "string literal";
    case SyntaxKind.Number:
      return `number ${text}`;
    case SyntaxKind.QuotedIdent:
      return `identifier ${text.length > 30 ? text.slice(0, 30) + "…" : text}`;
    case SyntaxKind.Eof:
      return "end of statement";
    case SyntaxKind.Unknown:
      return invisibleCharacter(text) ?? `'${text}'`;
    default:
      return `'${text.length > 30 ? text.slice(0, 30) + "…" : text}'`;
  }
}

/**
 * An unexpected character that cannot be seen, named: the two non-ASCII characters that are
 * no identifier character here (a no-break space, pasted from a web page or a word processor,
 * looks like a space; a byte-order mark is an editor's encoding marker) and control
 * characters. `undefined` for a visible one, which is quoted instead.
 */
function invisibleCharacter(text: string): string | undefined {
  if (text.length !== 1) return undefined;
  const c = text.charCodeAt(0);
  if (c === 0xa0) return "no-break space (U+00A0; type an ordinary space)";
  if (c === 0xfeff) return "byte-order mark (U+FEFF; save the file as UTF-8 without BOM)";
  if (c < 32 || c === 127) return `control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  return undefined;
}
