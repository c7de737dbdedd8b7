/**
 * The tokenizer's rules, shared by the TypeScript tokenizer and the `tokenizer.json`
 * written for transformers.js, so both compute the same ids by construction (a parity
 * test checks it). Regexes are kept as source strings because tokenizer.json stores them
 * that way; they run with the `gu` flags in both places.
 */

/**
 * Normalizer steps after NFKC and lowercasing: the opener of a MySQL executable comment
 * (`/*!50000`) becomes a space, because MySQL runs what follows as code; then hex
 * literals become `0x` and digit runs `0`.
 */
export const NORMALIZER_REPLACEMENTS: ReadonlyArray<{ readonly pattern: string; readonly content: string }> = [
  { pattern: "/\\*![0-9]{0,6}", content: " " },
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
  "--|/\\*\\*/|/\\*!|/\\*|\\*/|\\|\\||&&|<=>|<>|!=|<=|>=|::|:=|==|@@|[\\p{L}\\p{M}\\p{N}_$]+|[^\\s\\p{L}\\p{M}\\p{N}_$]";

/** Longest piece WordPiece looks up; longer ones become `[UNK]` (transformers.js default). */
export const MAX_CHARS_PER_WORD = 100;

/** Token budget of one input including `[CLS]` and `[SEP]`; longer inputs are truncated. */
export const MAX_TOKENS = 1024;
