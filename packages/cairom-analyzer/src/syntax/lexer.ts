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
const KEYWORDS_BY_SHAPE: ({ readonly word: string; readonly kind: number }[] | undefined)[] = [];
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

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
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
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === CH_SPACE || c === CH_TAB || c === CH_LF || c === CH_CR) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d !== CH_SPACE && d !== CH_TAB && d !== CH_LF && d !== CH_CR) break;
        i++;
      }
      kinds[count] = SyntaxKind.Whitespace;
      starts[count++] = start;
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      kinds[count] = identKind(text, start, i - start, c);
      starts[count++] = start;
      continue;
    }
    if (isDigit(c)) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      kinds[count] = SyntaxKind.Int;
      starts[count++] = start;
      let plain = i - start <= 15;
      for (let j = start; plain && j < i; j++) plain = isDigit(text.charCodeAt(j));
      if (!plain) {
        const problem = checkNumber(text.slice(start, i));
        if (problem) errors.push(diagnostic("invalid-number", "error", problem, start, i));
      }
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    let kind: number = -1;
    let width = 1;
    switch (c) {
      case 47: // '/'
        if (next === 47) {
          i += 2;
          while (i < n && text.charCodeAt(i) !== CH_LF) i++;
          kinds[count] = SyntaxKind.Comment;
          starts[count++] = start;
          continue;
        }
        kind = SyntaxKind.Slash;
        break;
      case 43: kind = SyntaxKind.Plus; break;
      case 45: if (next === 62) { kind = SyntaxKind.Arrow; width = 2; } else kind = SyntaxKind.Minus; break;
      case 42: kind = SyntaxKind.Star; break;
      case 37: kind = SyntaxKind.Percent; break;
      case 33: if (next === 61) { kind = SyntaxKind.NotEq; width = 2; } else kind = SyntaxKind.Bang; break;
      case 61: if (next === 61) { kind = SyntaxKind.EqEq; width = 2; } else kind = SyntaxKind.Eq; break;
      case 60: if (next === 61) { kind = SyntaxKind.LtEq; width = 2; } else kind = SyntaxKind.Lt; break;
      case 62: if (next === 61) { kind = SyntaxKind.GtEq; width = 2; } else kind = SyntaxKind.Gt; break;
      case 38: if (next === 38) { kind = SyntaxKind.AmpAmp; width = 2; } else kind = SyntaxKind.Amp; break;
      case 124: if (next === 124) { kind = SyntaxKind.PipePipe; width = 2; } else kind = SyntaxKind.Pipe; break;
      case 94: kind = SyntaxKind.Caret; break;
      case 40: kind = SyntaxKind.LParen; break;
      case 41: kind = SyntaxKind.RParen; break;
      case 123: kind = SyntaxKind.LBrace; break;
      case 125: kind = SyntaxKind.RBrace; break;
      case 91: kind = SyntaxKind.LBracket; break;
      case 93: kind = SyntaxKind.RBracket; break;
      case 44: kind = SyntaxKind.Comma; break;
      case 59: kind = SyntaxKind.Semi; break;
      case 58: if (next === 58) { kind = SyntaxKind.ColonColon; width = 2; } else kind = SyntaxKind.Colon; break;
      case 46: kind = SyntaxKind.Dot; break;
    }
    if (kind >= 0) {
      kinds[count] = kind;
      starts[count++] = start;
      i += width;
      continue;
    }
    // One error token per character (a surrogate pair is one character).
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) width = 2;
    i += width;
    kinds[count] = SyntaxKind.ErrorToken;
    starts[count++] = start;
    const shown = text.slice(start, i);
    errors.push(
      diagnostic("invalid-character", "error", `unexpected character ${describeChar(shown)}`, start, i),
    );
  }
  kinds[count] = SyntaxKind.EndOfFile;
  starts[count++] = n;
  starts[count] = n;
  return { kinds, starts, count, errors };
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
