/**
 * The tokenizer's rules, shared by the TypeScript tokenizer and the `tokenizer.json`
 * written for transformers.js, so both compute the same ids by construction (a parity
 * test checks it). Regexes are kept as source strings because tokenizer.json stores them
 * that way; they run with the `gu` flags in both places.
 */

/** Normalizer steps after NFKC and lowercasing: hex literals, then digit runs. */
export const NORMALIZER_REPLACEMENTS: ReadonlyArray<{ readonly pattern: string; readonly content: string }> = [
  { pattern: "0x[0-9a-f]+", content: "0x" },
  { pattern: "[0-9]+", content: "0" },
];

/**
 * The pre-tokenizer keeps every match of this regex as a piece (transformers.js
 * `Split` with `invert: true`) and drops whitespace: comment markers and multi-character
 * operators first, then words (letters, marks, digits, `_`, `$`), then any other single
 * character.
 */
export const PIECE_PATTERN =
  "--|/\\*!|/\\*|\\*/|\\|\\||&&|<=>|<>|!=|<=|>=|::|:=|==|@@|[\\p{L}\\p{M}\\p{N}_$]+|[^\\s\\p{L}\\p{M}\\p{N}_$]";

/** Longest piece WordPiece looks up; longer ones become `[UNK]` (transformers.js default). */
export const MAX_CHARS_PER_WORD = 100;

/** Token budget of one input including `[CLS]` and `[SEP]`; longer inputs are truncated. */
export const MAX_TOKENS = 1024;
