import { GreenToken } from "./green.js";
import type { SyntaxKind } from "./syntax-kind.js";

/** Tokens longer than this are never shared (long strings and comments are rarely repeated). */
const MAX_SHARED_LENGTH = 32;
/** Entries before a cache is dropped, bounding memory in long sessions. */
const MAX_ENTRIES = 65536;

const caches: Map<string, GreenToken>[] = [];
let entries = 0;

/**
 * Returns a shared green token for `(kind, text[start, end))`. Green tokens are
 * immutable and position-free, so a file with ten thousand `select` keywords
 * and single spaces needs only one object for each — which is most of what
 * makes parsing fast in a garbage-collected runtime (objects that are never
 * allocated are never copied by the young-generation collector).
 */
export function sharedToken(kind: SyntaxKind, text: string, start: number, end: number): GreenToken {
  if (end - start > MAX_SHARED_LENGTH) return new GreenToken(kind, text.slice(start, end));
  const key = text.slice(start, end);
  let cache = caches[kind];
  if (cache === undefined) {
    cache = new Map();
    caches[kind] = cache;
  }
  let token = cache.get(key);
  if (token === undefined) {
    if (entries >= MAX_ENTRIES) {
      for (const c of caches) c?.clear();
      entries = 0;
    }
    token = new GreenToken(kind, key);
    cache.set(key, token);
    entries++;
  }
  return token;
}

const words = new Map<string, string>();

/** The lower-cased form of a word, shared between occurrences. */
export function sharedLowerWord(text: string, start: number, end: number, hasUpper: boolean): string {
  const raw = text.slice(start, end);
  let lower = words.get(raw);
  if (lower === undefined) {
    if (words.size >= MAX_ENTRIES) words.clear();
    lower = hasUpper ? raw.toLowerCase() : raw;
    words.set(raw, lower);
  }
  return lower;
}
