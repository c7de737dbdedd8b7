import { diagnostic, type Diagnostic } from "../diagnostic.js";
import { KEYWORDS, SyntaxKind } from "./syntax-kind.js";

/**
 * The token stream of one file. Tokens cover the text without gaps: token `i` spans
 * `starts[i]..starts[i + 1]`; the last token is always `EndOfFile` (empty).
 */
export interface TokenStream {
  /** Kind of each token. */
  readonly kinds: Uint8Array;
  /** Start offset of each token, plus one extra entry: the text length. */
  readonly starts: Uint32Array;
  /** Number of tokens, including the final `EndOfFile`. */
  readonly count: number;
  /** Lexical errors (`invalid-character`, `invalid-number`), in text order. */
  readonly errors: readonly Diagnostic[];
}

let scratchKinds = new Uint8Array(4096);
let scratchStarts = new Uint32Array(4097);

/**
 * Keywords by shape (`firstCharCode * 16 + length`): most identifiers match no shape, and
 * the others are compared in place (`startsWith` at an offset), without slicing them.
 */
const KEYWORDS_BY_SHAPE: ({ readonly word: string; readonly kind: number }[] | undefined)[] =
  // Filled up front: an array written at scattered indices would become a slow sparse one.
  new Array<{ readonly word: string; readonly kind: number }[] | undefined>(128 * 16).fill(undefined);
for (const [word, kind] of KEYWORDS) {
  const shape = word.charCodeAt(0) * 16 + word.length;
  (KEYWORDS_BY_SHAPE[shape] ??= []).push({ word, kind });
}

/** The keyword kind of the identifier `text[start, start + len)` (first char code `first`), or `Ident`. */
function identKind(text: string, start: number, len: number, first: number): number {
  if (len > 8) return SyntaxKind.Ident;
  const candidates = KEYWORDS_BY_SHAPE[first * 16 + len];
  if (candidates === undefined) return SyntaxKind.Ident;
  for (let c = 0; c < candidates.length; c++) {
    const { word, kind } = candidates[c]!;
    let j = 1;
    while (j < len && word.charCodeAt(j) === text.charCodeAt(start + j)) j++;
    if (j === len) return kind;
  }
  return SyntaxKind.Ident;
}

const CH_LF = 10;

// Character classes of ASCII characters, as bits, so each step of the lexer's loops is one
// byte-table load (cheap in V8's interpreter and baseline code too, which is what runs
// during the first check in a process, before the optimizing compiler has caught up).
const WS = 1;
const IDENT_START = 2;
const DIGIT = 4;
const IDENT_PART = IDENT_START | DIGIT;
/** Class bits of each ASCII character (0 for punctuation and others). */
const CHAR_CLASS = new Uint8Array(128);
for (const c of [9, 10, 13, 32]) CHAR_CLASS[c] = WS;
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = IDENT_START;
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = IDENT_START;
CHAR_CLASS[95] = IDENT_START;
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = DIGIT;

/** Class bits of the character code `c` (non-ASCII characters have none). */
function classOf(c: number): number {
  return c < 128 ? CHAR_CLASS[c]! : 0;
}

const NONE = 255;
/** Kind of a one-character punctuation token, `NONE` for other characters. */
const SINGLE = new Uint8Array(128).fill(NONE);
/** Kind of the two-character token made of this character and `PAIR_SECOND`, `NONE` if none. */
const PAIR = new Uint8Array(128).fill(NONE);
/** The second character of the two-character token starting with this character. */
const PAIR_SECOND = new Uint8Array(128);
const SINGLES: readonly [string, number][] = [
  ["/", SyntaxKind.Slash], ["+", SyntaxKind.Plus], ["-", SyntaxKind.Minus], ["*", SyntaxKind.Star],
  ["%", SyntaxKind.Percent], ["!", SyntaxKind.Bang], ["=", SyntaxKind.Eq], ["<", SyntaxKind.Lt],
  [">", SyntaxKind.Gt], ["&", SyntaxKind.Amp], ["|", SyntaxKind.Pipe], ["^", SyntaxKind.Caret],
  ["(", SyntaxKind.LParen], [")", SyntaxKind.RParen], ["{", SyntaxKind.LBrace], ["}", SyntaxKind.RBrace],
  ["[", SyntaxKind.LBracket], ["]", SyntaxKind.RBracket], [",", SyntaxKind.Comma], [";", SyntaxKind.Semi],
  [":", SyntaxKind.Colon], [".", SyntaxKind.Dot],
];
const PAIRS: readonly [string, number][] = [
  ["->", SyntaxKind.Arrow], ["!=", SyntaxKind.NotEq], ["==", SyntaxKind.EqEq], ["<=", SyntaxKind.LtEq],
  [">=", SyntaxKind.GtEq], ["&&", SyntaxKind.AmpAmp], ["||", SyntaxKind.PipePipe], ["::", SyntaxKind.ColonColon],
];
for (const [ch, kind] of SINGLES) SINGLE[ch.charCodeAt(0)] = kind;
for (const [pair, kind] of PAIRS) {
  PAIR[pair.charCodeAt(0)] = kind;
  PAIR_SECOND[pair.charCodeAt(0)] = pair.charCodeAt(1);
}

/** Splits `text` into tokens. Never throws; every character ends up in exactly one token. */
export function lex(text: string): TokenStream {
  const t = lexShared(text);
  // Exact-size copies: memoized token streams stay small and outlive the shared buffers.
  return { kinds: t.kinds.slice(0, t.count), starts: t.starts.slice(0, t.count + 1), count: t.count, errors: t.errors };
}

/**
 * @internal Like {@link lex}, but the arrays are buffers shared between calls (longer
 * than `count`), valid only until the next call: the lean parse uses them and drops them,
 * which saves two typed-array allocations per file.
 */
export function lexShared(text: string): TokenStream {
  return lexInto(text, false);
}

/**
 * @internal Kind of the token that stands for the rest of a function body the lexer
 * stepped over (everything after its `{`, up to and including its matching `}`). Not a
 * {@link SyntaxKind}: only {@link lexSkippingBodies} makes it, and only the lean parse
 * with `skipBodies` reads it.
 */
export const SKIPPED_BODY_REST = 254;

/**
 * @internal Like {@link lexShared}, but the first `{` after each `fn` keyword is tried as
 * a function body: when {@link scanBody} finds where the token-level skip of the parser
 * would end it, the body is not lexed but becomes `{` plus one {@link SKIPPED_BODY_REST}
 * token. `skippedBodies` counts them: the parser checks that it consumed each one as a
 * body, and lexes and parses again without this otherwise.
 */
export function lexSkippingBodies(text: string): TokenStream & { readonly skippedBodies: number } {
  const t = lexInto(text, true);
  return { kinds: t.kinds, starts: t.starts, count: t.count, errors: t.errors, skippedBodies: lastSkippedBodies };
}

/** Bodies stepped over by the last {@link lexInto} call (read right after it). */
let lastSkippedBodies = 0;

function lexInto(text: string, skipBodies: boolean): TokenStream {
  const n = text.length;
  // Every token but the last spans at least one character, so n + 1 entries suffice.
  // The scratch buffers are shared between calls (lexing is synchronous), so each call
  // allocates only the exact-size copies it returns, not a zeroed buffer per character.
  if (scratchKinds.length < n + 1) {
    scratchKinds = new Uint8Array(Math.max(n + 1, scratchKinds.length * 2));
    scratchStarts = new Uint32Array(scratchKinds.length + 1);
  }
  const kinds = scratchKinds;
  const starts = scratchStarts;
  let count = 0;
  const errors: Diagnostic[] = [];
  let skipped = 0;
  /** A `fn` keyword was lexed and no `{` since: the next `{` may open its body. */
  let afterFn = false;
  let i = 0;
  while (i < n) {
    let start = i;
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    i++;
    let kind: number;
    if (cls === WS) {
      while (i < n && classOf(text.charCodeAt(i)) === WS) i++;
      kind = SyntaxKind.Whitespace;
    } else if (cls === IDENT_START) {
      while (i < n && (classOf(text.charCodeAt(i)) & IDENT_PART) !== 0) i++;
      kind = identKind(text, start, i - start, c);
      if (kind === SyntaxKind.FnKw) afterFn = skipBodies;
    } else if (cls === DIGIT) {
      let plain = true;
      for (; i < n; i++) {
        const d = classOf(text.charCodeAt(i));
        if ((d & IDENT_PART) === 0) break;
        if (d !== DIGIT) plain = false;
      }
      kind = SyntaxKind.Int;
      if (!plain || i - start > 15) numberError(text, start, i, errors);
    } else if (c === 47 && i < n && text.charCodeAt(i) === 47) {
      // A line comment.
      while (i < n && text.charCodeAt(i) !== CH_LF) i++;
      kind = SyntaxKind.Comment;
    } else if (c < 128 && PAIR[c] !== NONE && i < n && text.charCodeAt(i) === PAIR_SECOND[c]) {
      i++;
      kind = PAIR[c]!;
    } else if (c < 128 && SINGLE[c] !== NONE) {
      kind = SINGLE[c]!;
      if (afterFn && kind === SyntaxKind.LBrace) {
        afterFn = false;
        const end = scanBody(text, start, errors);
        if (end > 0) {
          kinds[count] = kind;
          starts[count++] = start;
          kind = SKIPPED_BODY_REST;
          start = i;
          i = end;
          skipped++;
        }
      }
    } else {
      i = invalidCharacter(text, start, errors);
      kind = SyntaxKind.ErrorToken;
    }
    kinds[count] = kind;
    starts[count++] = start;
  }
  kinds[count] = SyntaxKind.EndOfFile;
  starts[count++] = n;
  starts[count] = n;
  lastSkippedBodies = skipped;
  return { kinds, starts, count, errors };
}

const CH_SLASH = 47;
const CH_LBRACE = 123;
const CH_RBRACE = 125;
/** Brace depth beyond which {@link scanBody} declines (the parser reports deep nesting). */
const SCAN_MAX_DEPTH = 64;

/**
 * The longest run of tokens from `lastIndex` that {@link scanBody} can pass without a
 * look: whitespace; punctuation other than braces and `/`; a `/` that does not start a
 * comment; a comment (to the line end); a word other than `fn`, `struct` and `use`; a
 * plain decimal of at most 15 digits (always a valid number). It stops at a brace, at
 * those three keywords, at any other number (it may be invalid) and at a character
 * outside the lexical grammar. Each alternative consumes whole tokens, as the lexer
 * splits them (a word starts with a letter or `_`; a digit starts a number that takes
 * every following letter, digit and `_`). A regular expression because V8 compiles it
 * to native code after a few uses, while a character loop in JavaScript runs in the
 * interpreter and baseline tiers for much of a first check (measured: a JavaScript loop
 * here scanned no faster than lexing in a fresh process). At most 256 tokens per match:
 * V8 keeps a backtracking entry per repetition, and an unbounded run over a huge body
 * overflows its stack (a `RangeError`); the caller runs it again where it stopped.
 */
const PLAIN_RUN =
  /(?:[\t\n\r !%&()*+,\-.:;<=>[\]^|]+|\/(?!\/)|\/\/[^\n]*|(?!(?:fn|struct|use)(?![A-Za-z_0-9]))[A-Za-z_][A-Za-z_0-9]*|[0-9]{1,15}(?![A-Za-z_0-9])){0,256}/y;

/**
 * Where the parser's token-level skip (`trySkipBody`) would end the block whose `{` is at
 * `open`, found without making tokens: the offset after its matching `}`, or -1 where
 * that skip would decline (then the block is lexed). It follows the lexer's token
 * boundaries (see {@link PLAIN_RUN}; braces in comments do not count) and declines like
 * the skip: on `fn`/`struct`/`use`, an invalid character, a depth past 64, a `{` right
 * after an identifier (maybe a struct literal), or the end of the text. Invalid numbers
 * it passes are pushed to `errors` as the lexer reports them; on a decline nothing is
 * pushed, since the lexer will lex the block.
 */
function scanBody(text: string, open: number, errors: Diagnostic[]): number {
  const n = text.length;
  const errorCount = errors.length;
  let depth = 0;
  let i = open;
  /** The last plain run consumed something (it may have stopped at its bound). */
  let advanced = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === CH_LBRACE) {
      if (++depth > SCAN_MAX_DEPTH || (i > open && identBefore(text, i))) break;
      i++;
    } else if (c === CH_RBRACE) {
      if (--depth === 0) return i + 1;
      i++;
    } else if (c >= 48 && c <= 57) {
      // A number the plain run did not take: as the lexer, report it if invalid.
      const start = i++;
      while (i < n && (classOf(text.charCodeAt(i)) & IDENT_PART) !== 0) i++;
      numberError(text, start, i, errors);
    } else if (!advanced) {
      // `fn`, `struct`, `use` or a character outside the grammar (a run stopped here).
      break;
    }
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.test(text);
    advanced = PLAIN_RUN.lastIndex > i;
    i = PLAIN_RUN.lastIndex;
  }
  errors.length = errorCount;
  return -1;
}

/**
 * Whether the significant token before offset `at` (a `{` outside comments) is an
 * identifier (not a keyword or a number), looking backwards; a body's `{` precedes `at`,
 * so the look stops there. Tokens never span lines and a line has no strings, so a
 * character is in a comment exactly when a `//` comes before it on its line: a character
 * on the line of a token outside comments, before it, is outside comments too, and only a
 * look that crosses a line end checks the line it reaches (each line at most once per
 * scan, so the look costs linear time overall).
 */
function identBefore(text: string, at: number): boolean {
  let j = at - 1;
  for (;;) {
    let crossedLine = false;
    for (let c = text.charCodeAt(j); classOf(c) === WS; c = text.charCodeAt(--j)) if (c === CH_LF) crossedLine = true;
    if (crossedLine) {
      const comment = commentStartBefore(text, j);
      if (comment >= 0) {
        j = comment - 1;
        continue;
      }
    }
    if ((classOf(text.charCodeAt(j)) & IDENT_PART) === 0) return false;
    let k = j;
    while (k > 0 && (classOf(text.charCodeAt(k - 1)) & IDENT_PART) !== 0) k--;
    const first = text.charCodeAt(k);
    return classOf(first) === IDENT_START && identKind(text, k, j + 1 - k, first) === SyntaxKind.Ident;
  }
}

/** Start of the `//` comment that holds offset `j`, or -1 (the line is read up to `j` only). */
function commentStartBefore(text: string, j: number): number {
  let i = text.lastIndexOf("\n", j) + 1;
  for (; i < j; i++) if (text.charCodeAt(i) === CH_SLASH && text.charCodeAt(i + 1) === CH_SLASH) return i;
  return -1;
}

/** Reports the number token `text[start, end)` if it is invalid (kept out of the lexer's loop). */
function numberError(text: string, start: number, end: number, errors: Diagnostic[]): void {
  const problem = checkNumber(text.slice(start, end));
  if (problem) errors.push(diagnostic("invalid-number", "error", problem, start, end));
}

/** Reports the character at `start` (one error token per character, a surrogate pair is one); returns its end. */
function invalidCharacter(text: string, start: number, errors: Diagnostic[]): number {
  const c = text.charCodeAt(start);
  const next = start + 1 < text.length ? text.charCodeAt(start + 1) : -1;
  const end = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? start + 2 : start + 1;
  const shown = text.slice(start, end);
  errors.push(diagnostic("invalid-character", "error", `unexpected character ${describeChar(shown)}`, start, end));
  return end;
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 32 || code === 127) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (ch === "`") return "'`'";
  return `\`${ch}\``;
}

/** The parts of an integer literal token. */
export interface IntLiteralParts {
  /** Numeric value (exact up to 2^53; only compared against small bounds). */
  readonly value: number;
  /** `felt`, `u32`, another identifier (an unknown suffix), or `""`. */
  readonly suffix: string;
}

const BASES: Record<string, { radix: number; digit: RegExp; name: string }> = {
  x: { radix: 16, digit: /^[0-9a-fA-F]+/, name: "hexadecimal" },
  o: { radix: 8, digit: /^[0-7]+/, name: "octal" },
  b: { radix: 2, digit: /^[01]+/, name: "binary" },
};

/** Splits an integer literal into value and suffix (the token is assumed valid). */
export function intLiteralParts(token: string): IntLiteralParts {
  if (token.length <= 15 && isAllDigits(token)) return { value: Number(token), suffix: "" };
  const split = splitNumber(token);
  if (typeof split === "string") return { value: 0, suffix: "" };
  return { value: Number(split.value), suffix: split.suffix };
}

function splitNumber(token: string): { value: bigint; suffix: string } | string {
  let body = token;
  let suffix = "";
  if (body.endsWith("felt") && body.length > 4) {
    suffix = "felt";
    body = body.slice(0, -4);
  } else if (body.endsWith("u32") && body.length > 3) {
    suffix = "u32";
    body = body.slice(0, -3);
  }
  if (body.includes("felt") || body.includes("u32")) return `\`${token}\` is not a valid number`;
  const prefix = body.length > 1 && body[0] === "0" ? BASES[body[1]!.toLowerCase()] : undefined;
  let digits: string;
  let rest: string;
  if (prefix) {
    const m = prefix.digit.exec(body.slice(2));
    if (!m) return `\`${token}\` is not a valid ${prefix.name} number`;
    digits = m[0];
    rest = body.slice(2 + digits.length);
  } else {
    const m = /^[0-9]+/.exec(body)!;
    digits = m[0];
    rest = body.slice(digits.length);
  }
  if (rest.length > 0) {
    if (suffix !== "" || !/^[A-Za-z_]/.test(rest)) {
      return prefix
        ? `\`${token}\` is not a valid ${prefix.name} number`
        : `\`${token}\` is not a valid number`;
    }
    suffix = rest;
  }
  const value = BigInt(prefix ? `0${body[1]!.toLowerCase()}${digits}` : digits);
  if (value >= 1n << 64n) return `\`${token}\` is too large (integer literals must fit in 64 bits)`;
  return { value, suffix };
}

function isAllDigits(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Returns the message of an invalid-number error, or `undefined` for a valid literal. */
function checkNumber(token: string): string | undefined {
  // Fast path: plain decimal literals short enough to be far below 2^64.
  if (token.length <= 15 && isAllDigits(token)) return undefined;
  const r = splitNumber(token);
  return typeof r === "string" ? r : undefined;
}
