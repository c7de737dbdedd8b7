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
 * pair), repairs lone surrogates, decodes URL escapes (twice at most), because
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
  const identity = identityText(repaired);
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
