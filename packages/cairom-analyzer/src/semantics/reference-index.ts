import type { LocatedItem } from "../syntax/ast.js";

/**
 * Which items of one file mention each identifier: name → keys of those items, in file
 * order. A superset of the real uses (a name in a comment inside an item counts, shadowing
 * is ignored), which is what lets references and rename skip every item — and every file —
 * that cannot refer to a symbol without analysing it.
 */
export type ReferenceIndex = ReadonlyMap<string, readonly string[]>;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** Builds the reference index of a file's items (`keys[i]` is the key of `items[i]`). */
export function buildReferenceIndex(items: readonly LocatedItem[], keys: readonly string[]): ReferenceIndex {
  const index = new Map<string, string[]>();
  for (let i = 0; i < items.length; i++) {
    const key = keys[i]!;
    const text = items[i]!.text;
    // A plain scan (no regex match objects): words that start like identifiers; digits
    // glued to a word (`1u32`) give a harmless extra name.
    let at = 0;
    while (at < text.length) {
      if (!isIdentStart(text.charCodeAt(at))) {
        at++;
        continue;
      }
      const start = at++;
      while (at < text.length && (isIdentStart(text.charCodeAt(at)) || (text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57))) at++;
      const name = text.slice(start, at);
      const list = index.get(name);
      // Items are visited in order, so a repeat within one item is always the last entry.
      if (!list) index.set(name, [key]);
      else if (list[list.length - 1] !== key) list.push(key);
    }
  }
  return index;
}

/** Equal indexes (same names, same item keys): lets the query backdate on most edits. */
export function sameReferenceIndex(a: ReferenceIndex, b: ReferenceIndex): boolean {
  if (a.size !== b.size) return false;
  for (const [name, keys] of a) {
    const other = b.get(name);
    if (!other || other.length !== keys.length) return false;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== other[i]) return false;
  }
  return true;
}
