import { GreenToken } from "./green.js";
import type { SyntaxKind } from "./syntax-kind.js";

/** Tokens longer than this are never shared (long strings and comments are rarely repeated). */
export const MAX_SHARED_LENGTH = 32;
/** Slots of the intern table (a power of two); it is cleared when 3/4 full. */
const TABLE_SIZE = 1 << 16;
const MAX_ENTRIES = (TABLE_SIZE * 3) >> 2;

const texts: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE);
const hashes = new Int32Array(TABLE_SIZE);
/** Per slot, the green tokens made for that text (a word can be a Keyword and an Ident). */
const slotTokens: (GreenToken | undefined)[] = new Array<GreenToken | undefined>(TABLE_SIZE);
const slotTokens2: (GreenToken | undefined)[] = new Array<GreenToken | undefined>(TABLE_SIZE);
let entries = 0;

/** The table slot of the string `internSlice` returned last (read right after the call). */
export let lastSlot = 0;

/**
 * Interns `text[start, end)` (at most `MAX_SHARED_LENGTH` long): returns the one
 * shared string with that content, without slicing when it is already known.
 * Shared strings keep their hash cached, so the `Map` lookups that follow are
 * cheap, and a file with ten thousand `select` keywords holds one string.
 */
export function internSlice(text: string, start: number, end: number): string {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const length = end - start;
  let slot = h & (TABLE_SIZE - 1);
  for (;;) {
    const entry = texts[slot];
    if (entry === undefined) break;
    if (hashes[slot] === h && entry.length === length && text.startsWith(entry, start)) {
      lastSlot = slot;
      return entry;
    }
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  if (entries >= MAX_ENTRIES) {
    texts.fill(undefined);
    slotTokens.fill(undefined);
    slotTokens2.fill(undefined);
    entries = 0;
    slot = h & (TABLE_SIZE - 1);
  }
  const value = canonical(text.slice(start, end));
  texts[slot] = value;
  hashes[slot] = h;
  entries++;
  lastSlot = slot;
  return value;
}

/**
 * The engine's canonical copy of `s`: a property key is stored as the engine's
 * unique ("internalized") string, and `Object.keys` hands that copy back. The
 * grammar compares words with `===` against string literals, which are
 * canonical too; two canonical strings compare by identity instead of by
 * content. Paid once per distinct token text.
 */
function canonical(s: string): string {
  for (const key in { [s]: 0 }) return key;
  return s;
}

const WORD_TABLE_SIZE = 1 << 14;
const MAX_WORDS = (WORD_TABLE_SIZE * 3) >> 2;
const wordTexts: (string | undefined)[] = new Array<string | undefined>(WORD_TABLE_SIZE);
const wordHashes = new Int32Array(WORD_TABLE_SIZE);
/** Length of each slot's word; 0 marks an empty slot (probing reads no string until hash and length match). */
const wordLengths = new Int32Array(WORD_TABLE_SIZE);
let wordEntries = 0;

/**
 * The canonical form of the word (or operator) `text[start, end)` (at most
 * `MAX_SHARED_LENGTH` long) with ASCII letters lower-cased (as PostgreSQL folds
 * identifiers), found by a hash of its folded char codes: no slice and no
 * lower-casing unless the word is new. The grammar compares the result with
 * `===` against lower-case literals.
 */
export function internWord(text: string, start: number, end: number): string {
  return internFoldedWord(text, start, end, foldHash(text, start, end));
}

/** FNV-1a offset basis and prime (32-bit): the hash `foldHash` computes (the lexer computes it while scanning). */
export const FOLD_HASH_SEED = 0x811c9dc5 | 0;
/** See `FOLD_HASH_SEED`. */
export const FOLD_HASH_PRIME = 0x01000193;

/** Hash of `text[start, end)` with ASCII letters lower-cased. */
export function foldHash(text: string, start: number, end: number): number {
  let h = FOLD_HASH_SEED;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FOLD_HASH_PRIME);
  }
  return h;
}

/** `internWord` with the word's `foldHash` already computed (by the lexer, while scanning it). */
export function internFoldedWord(text: string, start: number, end: number, h: number): string {
  const length = end - start;
  let slot = h & (WORD_TABLE_SIZE - 1);
  for (;;) {
    const entryLength = wordLengths[slot]!;
    if (entryLength === 0) break;
    if (entryLength === length && wordHashes[slot] === h) {
      const entry = wordTexts[slot]!;
      if (foldedEquals(entry, text, start)) return entry;
    }
    slot = (slot + 1) & (WORD_TABLE_SIZE - 1);
  }
  if (wordEntries >= MAX_WORDS) {
    wordTexts.fill(undefined);
    wordLengths.fill(0);
    wordEntries = 0;
    slot = h & (WORD_TABLE_SIZE - 1);
  }
  const value = canonical(asciiLower(text, start, end));
  wordTexts[slot] = value;
  wordHashes[slot] = h;
  wordLengths[slot] = length;
  wordEntries++;
  return value;
}

/** `text[start, end)` with only the ASCII letters lower-cased. */
function asciiLower(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  for (let i = 0; i < slice.length; i++) if (slice.charCodeAt(i) >= 128) return slice.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  return slice.toLowerCase();
}

/** Whether `text` from `start` equals the lower-case `lower` with ASCII letters compared case-insensitively. */
function foldedEquals(lower: string, text: string, start: number): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = text.charCodeAt(start + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

const lowerOf = new Map<string, string>();

/** The lower-cased form of an interned word, computed once per distinct word. */
export function lowerWord(word: string, hasUpper: boolean): string {
  if (!hasUpper) return word;
  let lower = lowerOf.get(word);
  if (lower === undefined) {
    if (lowerOf.size >= MAX_ENTRIES) lowerOf.clear();
    lower = canonical(word.toLowerCase());
    lowerOf.set(word, lower);
  }
  return lower;
}

const greens: Map<string, GreenToken>[] = [];
let greenEntries = 0;

/**
 * The shared green token of `kind` with text `text` (an interned string, or any
 * string for long tokens, which are not shared). Green tokens are immutable
 * and position-free, so sharing them is safe — and objects that are never
 * allocated are never copied by the garbage collector.
 */
export function sharedToken(kind: SyntaxKind, text: string): GreenToken {
  if (text.length > MAX_SHARED_LENGTH) return new GreenToken(kind, text);
  let cache = greens[kind];
  if (cache === undefined) {
    cache = new Map();
    greens[kind] = cache;
  }
  let token = cache.get(text);
  if (token === undefined) {
    if (greenEntries >= MAX_ENTRIES) {
      for (const c of greens) c?.clear();
      greenEntries = 0;
    }
    token = new GreenToken(kind, text);
    // Shared: the node cache may share the nodes made of it.
    token.wrapper = undefined;
    cache.set(text, token);
    greenEntries++;
  }
  return token;
}


/**
 * `sharedToken` for an interned text whose intern-table slot is known: two
 * array reads instead of a map lookup on the hot path. A slot that was reused
 * after the table was cleared is detected by comparing the (interned) text.
 */
export function sharedTokenAt(kind: SyntaxKind, text: string, slot: number): GreenToken {
  const a = slotTokens[slot];
  if (a !== undefined && a.text === text && a.kind === kind) return a;
  const b = slotTokens2[slot];
  if (b !== undefined && b.text === text && b.kind === kind) return b;
  const token = sharedToken(kind, text);
  if (a === undefined || a.text !== text) slotTokens[slot] = token;
  else slotTokens2[slot] = token;
  return token;
}
