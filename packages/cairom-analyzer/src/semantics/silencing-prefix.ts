import type { Fix } from "../diagnostic.js";

/*
 * The "prefix with `_`" fix of an unused binding. Renaming a binding nothing uses changes
 * none of its uses, but the new name can still change the program: it can collide with
 * another binding (a parameter or a name of the same pattern: a duplicate; a top-level
 * item: a duplicate definition) or capture a use of that name (of an outer `_x`, of a
 * module-level `_x`, or of an undeclared `_x` that would start to resolve). Each of those
 * is written as an identifier in the text where the binding is visible (its item for a
 * local, its file for a top-level constant), so a name that text never mentions is free.
 */

/** How many underscores a fix tries before giving up (`_x`, `__x`, `___x`). */
const MAX_UNDERSCORES = 3;

/** Identifiers that start with `_` (where a candidate name could be mentioned). */
const UNDERSCORED = /(?<![A-Za-z0-9_])_[A-Za-z0-9_]*/g;

/**
 * The identifiers of `text` that start with `_`, comments included (a mention in a
 * comment only makes the fix pick a longer prefix). One pass over the text, so that a
 * function with thousands of unused bindings does not scan its text once per binding.
 */
export function underscoredNames(text: string): Set<string> {
  return new Set(text.match(UNDERSCORED) ?? []);
}

/**
 * The fix that silences the unused binding `name` declared at `at`: the shortest run of
 * underscores (up to three) whose prefixed name is not in `mentioned` (see
 * {@link underscoredNames}) and not refused by `taken`; no fix when every one is.
 */
export function silencingPrefixFix(name: string, at: number, safety: Fix["safety"], mentioned: ReadonlySet<string>, taken?: (candidate: string) => boolean): Fix[] {
  let prefix = "_";
  for (let n = 1; n <= MAX_UNDERSCORES; n++, prefix += "_") {
    const candidate = prefix + name;
    if (mentioned.has(candidate) || taken?.(candidate)) continue;
    return [{ title: `Prefix \`${name}\` with \`${prefix}\``, safety, edits: [{ range: { start: at, end: at }, newText: prefix }] }];
  }
  return [];
}
