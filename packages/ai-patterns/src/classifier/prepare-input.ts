import { MARKER_CLOSE, MARKER_OPEN } from "../context/sql-context.js";
import { identityText, type MappedText } from "../text/mapped-text.js";
import { urlDecode } from "../text/url-decode.js";
import { toWellFormed } from "../text/well-formed.js";

/** Longest input classified as a whole; longer inputs are cut here. Defaults to 16 384. */
export const DEFAULT_MAX_CHARS = 16_384;

/** The text the tokenizer sees, mapped back to the caller's input, plus what was done to it. */
export interface PreparedInput {
  /** Canonical text with the offset map into the original input. */
  readonly mapped: MappedText;
  /** Human-readable notes (truncation, decoding, repairs) for `reasons`. */
  readonly notes: string[];
}

/**
 * Makes any string safe to classify: cuts it to `maxChars` (never inside a surrogate
 * pair), repairs lone surrogates, reads `+` as a space in form-encoded input (see
 * `formDecodePluses`), decodes URL escapes (twice at most), because
 * attackers encode payloads to slip past filters, and replaces the two characters that
 * spell context markers (⟦ ⟧), so no input can forge one. Never throws.
 */
export function prepareInput(input: string, maxChars: number = DEFAULT_MAX_CHARS): PreparedInput {
  const notes: string[] = [];
  let text = typeof input === "string" ? input : String(input);
  if (text.length > maxChars) {
    let cut = maxChars;
    const unit = text.charCodeAt(cut - 1);
    if (unit >= 0xd800 && unit <= 0xdbff) cut--;
    notes.push(`input truncated: classified the first ${cut} of ${text.length} UTF-16 code units`);
    text = text.slice(0, cut);
  }
  const repaired = toWellFormed(text);
  if (repaired !== text) notes.push("invalid UTF-16 (lone surrogates) replaced by U+FFFD");
  const formDecoded = formDecodePluses(repaired);
  if (formDecoded !== repaired) notes.push("'+' between words was read as a space (form encoding)");
  const identity = identityText(formDecoded);
  const decoded = urlDecode(identity);
  if (decoded !== identity) notes.push("URL-encoded input was decoded before classification");
  if (decoded.text.includes(MARKER_OPEN) || decoded.text.includes(MARKER_CLOSE)) {
    notes.push(`the reserved characters ${MARKER_OPEN} ${MARKER_CLOSE} were read as [ ]`);
    // One code unit for one: the offset map stays valid.
    const text = decoded.text.replaceAll(MARKER_OPEN, "[").replaceAll(MARKER_CLOSE, "]");
    return { mapped: { ...decoded, text }, notes };
  }
  return { mapped: decoded, notes };
}

// A `+` between two word characters, at least one of them a letter: `1+or+1`, `salt+and`.
const PLUS_BETWEEN_WORDS = /\p{L}\+[\p{L}\p{N}_]|[\p{N}_]\+\p{L}/u;

/**
 * Form decoding (application/x-www-form-urlencoded): a web server reads `+` as a space
 * before it decodes `%XX`, so `1+or+1=1` reaches the query as `1 or 1=1`. In SQL `+` is
 * also an operator (`2+2`, `'+sleep(1)+'`), so the text is only read as form-encoded when
 * it has no whitespace at all and at least one `+` separates two words (a letter on one
 * side); then every `+` is a space, as the server would read it. One code unit for one,
 * so offsets do not move.
 */
function formDecodePluses(text: string): string {
  if (!text.includes("+") || /\s/u.test(text) || !PLUS_BETWEEN_WORDS.test(text)) return text;
  return text.replaceAll("+", " ");
}
