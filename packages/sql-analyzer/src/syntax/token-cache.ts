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
/**
 * Per slot, four int32s side by side (one cache line visit per probe): the
 * word's length (0 marks an empty slot) plus `PACKED` when its pack is exact
 * plus its word-class bits shifted by `CLASS_SHIFT`, its `foldHash`, and its
 * pack (`packHi`, `packLo`: see `internPackedWord`). Probing reads no string
 * until hash and length match.
 */
const wordKeys = new Int32Array(WORD_TABLE_SIZE * 4);
/** Flag in a slot's length field: the slot's pack spells its word exactly. */
const PACKED = 256;
/** Where a slot's word-class bits start in its length field. */
const CLASS_SHIFT = 9;
/** The length and `PACKED` part of a slot's length field. */
const META_MASK = (1 << CLASS_SHIFT) - 1;
let wordEntries = 0;

/** The word-class bits of the word the last `internFoldedWord`/`internPackedWord`/`internWord` call returned. */
export let lastWordClasses = 0;

/** Registered word classes: bit `1 << i` is membership in `wordClassSets[i]`. */
const wordClassSets: ReadonlySet<string>[] = [];
/** Most word classes there can be (the bits share a slot's length field). */
const MAX_WORD_CLASSES = 31 - CLASS_SHIFT;

/**
 * Registers a set of lower-case words as a word class and returns its bit:
 * every interned word then carries the bits of the classes it belongs to
 * (`lastWordClasses`, computed once per distinct word), so the grammar tests
 * membership with a mask instead of a `Set` lookup per token. Call at module
 * load time; the set must not change afterwards.
 */
export function wordClass(words: ReadonlySet<string>): number {
  if (wordClassSets.length >= MAX_WORD_CLASSES) throw new Error("too many word classes");
  wordClassSets.push(words);
  // Words interned before this class existed lack its bit: start the table afresh.
  if (wordEntries > 0) {
    wordTexts.fill(undefined);
    wordKeys.fill(0);
    wordEntries = 0;
  }
  if (longEntries > 0) {
    longTexts.fill(undefined);
    longKeys.fill(0);
    longEntries = 0;
  }
  return 1 << (wordClassSets.length - 1);
}

/** The word-class bits of `word` (looked up in every class; interning caches the result). */
export function wordClassesOf(word: string): number {
  let bits = 0;
  for (let i = 0; i < wordClassSets.length; i++) if (wordClassSets[i]!.has(word)) bits |= 1 << i;
  return bits;
}

/** Longest word whose folded characters fit exactly in a pack (two int32s, one byte per character). */
export const MAX_PACKED_LENGTH = 8;

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
    const j = slot << 2;
    const entryMeta = wordKeys[j]!;
    if (entryMeta === 0) break;
    if ((entryMeta & META_MASK & ~PACKED) === length && wordKeys[j + 1] === h) {
      const entry = wordTexts[slot]!;
      if (foldedEquals(entry, text, start)) {
        lastWordClasses = entryMeta >>> CLASS_SHIFT;
        return entry;
      }
    }
    slot = (slot + 1) & (WORD_TABLE_SIZE - 1);
  }
  return addWord(text, start, end, h, slot, 0, 0, 0);
}

/**
 * `internFoldedWord` for a word of at most `MAX_PACKED_LENGTH` ASCII characters
 * whose folded characters the lexer packed while scanning, one byte each:
 * `packLo` holds the last four, `packHi` the ones before. Two such words are
 * equal exactly when their lengths and packs are, so a probe compares integers
 * instead of the characters of two strings, and the table hash is mixed from
 * the pack (no per-character hashing). A word is always interned the same way
 * (packed when it is short and ASCII), so it has one slot.
 */
export function internPackedWord(text: string, start: number, end: number, packHi: number, packLo: number): string {
  const meta = (end - start) | PACKED;
  let h = Math.imul(packLo ^ (packLo >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ packHi ^ (packHi >>> 13) ^ meta, 0x2c1b3c6d);
  h ^= h >>> 15;
  let slot = h & (WORD_TABLE_SIZE - 1);
  for (;;) {
    const j = slot << 2;
    const entryMeta = wordKeys[j]!;
    if (entryMeta === 0) break;
    if ((entryMeta & META_MASK) === meta && wordKeys[j + 1] === h && wordKeys[j + 2] === packHi && wordKeys[j + 3] === packLo) {
      lastWordClasses = entryMeta >>> CLASS_SHIFT;
      return wordTexts[slot]!;
    }
    slot = (slot + 1) & (WORD_TABLE_SIZE - 1);
  }
  return addWord(text, start, end, h, slot, PACKED, packHi, packLo);
}

/** Stores a new word at the free `slot` its probe ended on (the table is emptied first when full). */
function addWord(text: string, start: number, end: number, h: number, slot: number, packed: number, packHi: number, packLo: number): string {
  if (wordEntries >= MAX_WORDS) {
    wordTexts.fill(undefined);
    wordKeys.fill(0);
    wordEntries = 0;
    slot = h & (WORD_TABLE_SIZE - 1);
  }
  const value = canonical(asciiLower(text, start, end));
  const classes = wordClassesOf(value);
  const j = slot << 2;
  wordTexts[slot] = value;
  wordKeys[j] = (end - start) | packed | (classes << CLASS_SHIFT);
  lastWordClasses = classes;
  wordKeys[j + 1] = h;
  wordKeys[j + 2] = packHi;
  wordKeys[j + 3] = packLo;
  wordEntries++;
  return value;
}

/** Longest word `internPackedWord16` takes (four int32s, one byte per character). */
export const MAX_PACKED16_LENGTH = 16;
const LONG_TABLE_SIZE = 1 << 12;
const MAX_LONG_WORDS = (LONG_TABLE_SIZE * 3) >> 2;
const longTexts: (string | undefined)[] = new Array<string | undefined>(LONG_TABLE_SIZE);
/** Per slot, eight int32s: the length field (as in `wordKeys`), the hash, the four pack words, two unused. */
const longKeys = new Int32Array(LONG_TABLE_SIZE * 8);
let longEntries = 0;

/**
 * `internPackedWord` for ASCII words of 9 to `MAX_PACKED16_LENGTH` characters: the
 * first eight folded characters are packed in `hi`/`lo`, the rest in `hi2`/`lo2`
 * (the last ones lowest). These words live in a table of their own (wider
 * slots), so the table of short words keeps its four-int slots. `tokenize()`'s
 * lexer interns such words by hash in the other table; both tables give
 * V8-internalized strings and the same class bits, so equal words are the same
 * string whichever table made them.
 */
export function internPackedWord16(text: string, start: number, end: number, hi: number, lo: number, hi2: number, lo2: number): string {
  const meta = (end - start) | PACKED;
  let h = Math.imul(lo ^ (lo >>> 16) ^ lo2, 0x45d9f3b);
  h = Math.imul(h ^ hi ^ (hi >>> 13) ^ (hi2 << 7) ^ (lo2 >>> 11) ^ meta, 0x2c1b3c6d);
  h ^= h >>> 15;
  let slot = h & (LONG_TABLE_SIZE - 1);
  for (;;) {
    const j = slot << 3;
    const entryMeta = longKeys[j]!;
    if (entryMeta === 0) break;
    if ((entryMeta & META_MASK) === meta && longKeys[j + 1] === h && longKeys[j + 2] === hi && longKeys[j + 3] === lo && longKeys[j + 4] === hi2 && longKeys[j + 5] === lo2) {
      lastWordClasses = entryMeta >>> CLASS_SHIFT;
      return longTexts[slot]!;
    }
    slot = (slot + 1) & (LONG_TABLE_SIZE - 1);
  }
  if (longEntries >= MAX_LONG_WORDS) {
    longTexts.fill(undefined);
    longKeys.fill(0);
    longEntries = 0;
    slot = h & (LONG_TABLE_SIZE - 1);
  }
  const value = canonical(asciiLower(text, start, end));
  const classes = wordClassesOf(value);
  const j = slot << 3;
  longTexts[slot] = value;
  longKeys[j] = (end - start) | PACKED | (classes << CLASS_SHIFT);
  longKeys[j + 1] = h;
  longKeys[j + 2] = hi;
  longKeys[j + 3] = lo;
  longKeys[j + 4] = hi2;
  longKeys[j + 5] = lo2;
  longEntries++;
  lastWordClasses = classes;
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

const SHORT_TABLE_SIZE = 1 << 14;
const MAX_SHORT_ENTRIES = (SHORT_TABLE_SIZE * 3) >> 2;
/** Per slot: `length | kind << 8` (0 = empty) and the text's pack (see `sharedShortToken`), side by side. */
const shortKeys = new Int32Array(SHORT_TABLE_SIZE * 4);
const shortTokens: (GreenToken | undefined)[] = new Array<GreenToken | undefined>(SHORT_TABLE_SIZE).fill(undefined);
let shortEntries = 0;
/** Longest token `sharedShortToken` handles. */
export const MAX_SHORT_TOKEN = 8;

/**
 * The shared green token of `kind` over `text[start, end)` (2 to
 * `MAX_SHORT_TOKEN` characters, all below U+0100), found by its exact byte
 * pack: no hashing of the characters, no string comparison, no intern-table
 * probe on a hit. Returns the same token `sharedTokenAt(kind, internSlice(…))`
 * gives (it is asked on a miss), or `undefined` for texts it does not handle.
 */
export function sharedShortToken(kind: SyntaxKind, text: string, start: number, end: number): GreenToken | undefined {
  let hi = 0;
  let lo = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 255) return undefined;
    hi = (hi << 8) | (lo >>> 24);
    lo = (lo << 8) | c;
  }
  const meta = (end - start) | (kind << 8);
  let h = Math.imul(lo ^ (lo >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ hi ^ (hi >>> 13) ^ meta, 0x2c1b3c6d);
  h ^= h >>> 15;
  let slot = h & (SHORT_TABLE_SIZE - 1);
  for (;;) {
    const j = slot << 2;
    const entryMeta = shortKeys[j]!;
    if (entryMeta === 0) break;
    if (entryMeta === meta && shortKeys[j + 1] === hi && shortKeys[j + 2] === lo) return shortTokens[slot]!;
    slot = (slot + 1) & (SHORT_TABLE_SIZE - 1);
  }
  if (shortEntries >= MAX_SHORT_ENTRIES) {
    shortKeys.fill(0);
    shortTokens.fill(undefined);
    shortEntries = 0;
    slot = h & (SHORT_TABLE_SIZE - 1);
  }
  const token = sharedTokenAt(kind, internSlice(text, start, end), lastSlot);
  const j = slot << 2;
  shortKeys[j] = meta;
  shortKeys[j + 1] = hi;
  shortKeys[j + 2] = lo;
  shortTokens[slot] = token;
  shortEntries++;
  return token;
}
