import { diagnostic, quoteToken, type Diagnostic } from "../diagnostic.js";
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

/**
 * The significant tokens of one file (no whitespace or comments): token `i` spans
 * `starts[i]..ends[i]`; the last one is `EndOfFile` (empty, at the text length).
 */
export interface SignificantTokens {
  /** Kind of each token. */
  readonly kinds: Uint8Array;
  /** Start offset of each token. */
  readonly starts: Uint32Array;
  /** End offset of each token. */
  readonly ends: Uint32Array;
  /** Number of tokens, including the final `EndOfFile`. */
  readonly count: number;
  /** Lexical errors (`invalid-character`, `invalid-number`), in text order. */
  readonly errors: readonly Diagnostic[];
}

// Buffers shared between calls (lexing is synchronous): each call allocates only what it
// returns, not a zeroed buffer per character.
let scratchKinds = new Uint8Array(4096);
let scratchStarts = new Uint32Array(4097);
let scratchEnds = new Uint32Array(4097);

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

/** The keyword kind of the identifier `codes[start, start + len)` (first code `first`), or `Ident`. */
function identKind(codes: CharCodes, start: number, len: number, first: number): number {
  if (len > 8) return SyntaxKind.Ident;
  const candidates = KEYWORDS_BY_SHAPE[first * 16 + len];
  if (candidates === undefined) return SyntaxKind.Ident;
  for (let c = 0; c < candidates.length; c++) {
    const { word, kind } = candidates[c]!;
    let j = 1;
    while (j < len && word.charCodeAt(j) === codes[start + j]) j++;
    if (j === len) return kind;
  }
  return SyntaxKind.Ident;
}

/** The UTF-16 code units of a text, as a typed array. */
type CharCodes = Uint8Array | Uint16Array;

/** The parts of the standard `TextEncoder` used here (the package's type library has no DOM types). */
declare const TextEncoder: (new () => { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } }) | undefined;
const encoder = typeof TextEncoder === "function" ? new TextEncoder() : undefined;
let asciiCodes = new Uint8Array(4096);
let wideCodes = new Uint16Array(0);

/**
 * The code units of `text` in a buffer shared between calls (valid until the next call).
 * The lexer reads them with typed-array loads rather than a `charCodeAt` call per
 * character, which is what costs most in V8's interpreter and baseline code (the first
 * check in a process). An ASCII text (the usual case) is copied by the native UTF-8
 * encoder, whose bytes are then exactly its code units; other texts are copied unit by unit.
 */
function charCodes(text: string): CharCodes {
  const n = text.length;
  if (asciiCodes.length < n) asciiCodes = new Uint8Array(Math.max(n, asciiCodes.length * 2));
  if (encoder) {
    const { read, written } = encoder.encodeInto(text, asciiCodes.subarray(0, n));
    if (read === n && written === n) return asciiCodes;
  }
  if (wideCodes.length < n) wideCodes = new Uint16Array(Math.max(n, wideCodes.length * 2));
  for (let i = 0; i < n; i++) wideCodes[i] = text.charCodeAt(i);
  return wideCodes;
}

const CH_LF = 10;

// Character classes as bits, so each step of the lexer's loops is one byte-table load
// (cheap in V8's interpreter and baseline code too, which is what runs during the first
// check in a process, before the optimizing compiler has caught up). The table covers
// every UTF-16 code unit, so the loops need no range test and no helper call.
const WS = 1;
const IDENT_START = 2;
const DIGIT = 4;
const IDENT_PART = IDENT_START | DIGIT;
/** Class bits of each UTF-16 code unit (0 for punctuation, non-ASCII and others). */
const CHAR_CLASS = new Uint8Array(65536);
for (const c of [9, 10, 13, 32]) CHAR_CLASS[c] = WS;
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = IDENT_START;
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = IDENT_START;
CHAR_CLASS[95] = IDENT_START;
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = DIGIT;

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
  if (typeof text !== "string") throw new TypeError(`lex: text must be a string, got ${text === null ? "null" : typeof text}`);
  const count = lexInto(text, false);
  // Exact-size copies: the shared buffers are reused by the next call.
  const starts = scratchStarts.slice(0, count + 1);
  starts[count] = text.length;
  return { kinds: scratchKinds.slice(0, count), starts, count, errors: lastErrors };
}

/**
 * @internal The significant tokens of `text` (what a parse without a tree reads), in
 * buffers shared between calls (longer than `count`), valid only until the next call:
 * the lean parse uses them and drops them, so it allocates no token arrays at all.
 */
export function lexSignificant(text: string): SignificantTokens {
  const count = lexInto(text, true);
  return { kinds: scratchKinds, starts: scratchStarts, ends: scratchEnds, count, errors: lastErrors };
}

/** The lexical errors of the last {@link lexInto} call. */
let lastErrors: Diagnostic[] = [];

/**
 * Lexes `text` into the shared buffers (kinds, starts, ends), whitespace and comments
 * included unless `significantOnly`; returns the number of tokens, the final `EndOfFile`
 * included. Its errors are left in `lastErrors`.
 */
function lexInto(text: string, significantOnly: boolean): number {
  const n = text.length;
  // Every token but the last spans at least one character, so n + 1 entries suffice.
  if (scratchKinds.length < n + 1) {
    scratchKinds = new Uint8Array(Math.max(n + 1, scratchKinds.length * 2));
    scratchStarts = new Uint32Array(scratchKinds.length + 1);
    scratchEnds = new Uint32Array(scratchKinds.length + 1);
  }
  const errors: Diagnostic[] = [];
  const count = scan(text, charCodes(text), n, significantOnly, scratchKinds, scratchStarts, scratchEnds, errors);
  scratchKinds[count] = SyntaxKind.EndOfFile;
  scratchStarts[count] = n;
  scratchEnds[count] = n;
  lastErrors = errors;
  return count + 1;
}

// Token kinds the scan loop writes, read as module constants rather than properties of
// `SyntaxKind`: a property load in a branch that had not run yet when V8 optimized the
// loop (on-stack, during the first call) had no type feedback and deoptimized the loop's
// code on every later call that reached it.
const KIND_WHITESPACE = SyntaxKind.Whitespace;
const KIND_IDENT = SyntaxKind.Ident;
const KIND_INT = SyntaxKind.Int;
const KIND_COMMENT = SyntaxKind.Comment;
const KIND_ERROR_TOKEN = SyntaxKind.ErrorToken;

/**
 * The loop of {@link lexInto}, apart so that everything it reads before the loop is a
 * parameter: V8 optimizes it during its first (long) call, when the property and global
 * loads before the loop had run without type feedback, and the next call then deoptimized
 * on the first of them (`text.length`). Returns the number of tokens before `EndOfFile`.
 */
function scan(
  text: string,
  codes: CharCodes,
  n: number,
  significantOnly: boolean,
  kinds: Uint8Array,
  starts: Uint32Array,
  ends: Uint32Array,
  errors: Diagnostic[],
): number {
  const classes = CHAR_CLASS;
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = codes[i]!;
    let cls = classes[c]!;
    // Whitespace runs end where the next token starts: that token is scanned in the same
    // iteration (a separate one per run cost a loop turn and a hard-to-predict branch for
    // nearly every token; warm lexing ~1.15x faster).
    if (cls === WS) {
      const wsStart = i;
      i++;
      while (i < n && classes[codes[i]!] === WS) i++;
      if (!significantOnly) {
        kinds[count] = KIND_WHITESPACE;
        starts[count] = wsStart;
        ends[count++] = i;
      }
      if (i >= n) break;
      c = codes[i]!;
      cls = classes[c]!;
    }
    const start = i;
    i++;
    let kind: number;
    if (cls === IDENT_START) {
      while (i < n && (classes[codes[i]!]! & IDENT_PART) !== 0) i++;
      // Most identifiers match no keyword shape: only the others pay for a call.
      const len = i - start;
      kind = len > 8 || KEYWORDS_BY_SHAPE[c * 16 + len] === undefined ? KIND_IDENT : identKind(codes, start, len, c);
    } else if (cls === DIGIT) {
      let plain = true;
      for (; i < n; i++) {
        const d = classes[codes[i]!]!;
        if ((d & IDENT_PART) === 0) break;
        if (d !== DIGIT) plain = false;
      }
      kind = KIND_INT;
      if (!plain || i - start > 15) numberError(text, start, i, errors);
    } else if (c === 47 && i < n && codes[i] === 47) {
      // A line comment.
      while (i < n && codes[i] !== CH_LF) i++;
      if (significantOnly) continue;
      kind = KIND_COMMENT;
    } else if (c < 128 && PAIR[c] !== NONE && i < n && codes[i] === PAIR_SECOND[c]) {
      i++;
      kind = PAIR[c]!;
    } else if (c < 128 && SINGLE[c] !== NONE) {
      kind = SINGLE[c]!;
    } else {
      i = invalidCharacter(text, start, errors);
      kind = KIND_ERROR_TOKEN;
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count++] = i;
  }
  return count;
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
  // Characters that cannot be seen, named (a no-break space pasted from a web page looks like
  // a space; a byte-order mark is an editor's encoding marker).
  if (code === 0xa0) return "U+00A0 (a no-break space; type an ordinary space)";
  if (code === 0xfeff) return "U+FEFF (a byte-order mark; save the file as UTF-8 without BOM)";
  if ((code >= 0x2000 && code <= 0x200f) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000) {
    return `U+${code.toString(16).toUpperCase()} (an invisible space or mark)`;
  }
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

/**
 * The most significant digits (leading zeros aside) a literal below 2^64 can have, by
 * radix. Longer ones are too large without converting them: `BigInt` of a decimal string
 * is quadratic in its length, and a 4 MB literal took seconds.
 */
const MAX_DIGITS_BELOW_2_64: Record<number, number> = { 10: 20, 16: 16, 8: 22, 2: 64 };

/** Splits an integer literal into value and suffix (the token is assumed valid). */
export function intLiteralParts(token: string): IntLiteralParts {
  if (token.length <= 15 && isAllDigits(token)) return { value: Number(token), suffix: "" };
  const split = splitNumber(token);
  if (typeof split === "string") return { value: 0, suffix: "" };
  return { value: Number(split.value), suffix: split.suffix };
}

/**
 * The exact value of an integer literal token (for messages: `IntLiteralParts.value` is a
 * double, which rounds values above 2^53), or `undefined` when the token is not a valid literal.
 */
export function intLiteralExactValue(token: string): bigint | undefined {
  const split = splitNumber(token);
  return typeof split === "string" ? undefined : split.value;
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
  if (body.includes("felt") || body.includes("u32")) return `${quoteToken(token)} is not a valid number`;
  const prefix = body.length > 1 && body[0] === "0" ? BASES[body[1]!.toLowerCase()] : undefined;
  let digits: string;
  let rest: string;
  if (prefix) {
    const m = prefix.digit.exec(body.slice(2));
    if (!m) return `${quoteToken(token)} is not a valid ${prefix.name} number`;
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
        ? `${quoteToken(token)} is not a valid ${prefix.name} number`
        : `${quoteToken(token)} is not a valid number`;
    }
    suffix = rest;
  }
  const tooLarge = `${quoteToken(token)} is too large (integer literals must fit in 64 bits)`;
  let first = 0;
  while (first < digits.length - 1 && digits.charCodeAt(first) === 48) first++;
  if (digits.length - first > MAX_DIGITS_BELOW_2_64[prefix ? prefix.radix : 10]!) return tooLarge;
  const value = BigInt(prefix ? `0${body[1]!.toLowerCase()}${digits}` : digits);
  if (value >= 1n << 64n) return tooLarge;
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
