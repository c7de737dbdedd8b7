// Without the `u` flag a regex sees code units, so it can find unpaired surrogates.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone UTF-16 surrogates by U+FFFD (same length, so offsets are unchanged).
 * Why: invalid UTF-16 must still classify, and `normalize()` and the tokenizer's
 * Unicode regexes would otherwise treat lone surrogates inconsistently.
 */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
