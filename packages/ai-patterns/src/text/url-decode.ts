import type { MappedText } from "./mapped-text.js";

const PERCENT_ESCAPE = /%[0-9a-fA-F]{2}/;

/**
 * Decodes `%XX` escapes (UTF-8), keeping the offset map: each decoded character maps
 * to its first `%`. Escapes that do not form valid UTF-8 are left as they are, and
 * `+` is not touched (it is an operator in SQL). Runs up to `rounds` times so
 * double-encoded input (`%2527`) is seen as the attacker meant it.
 */
export function urlDecode(input: MappedText, rounds = 2): MappedText {
  let current = input;
  for (let round = 0; round < rounds && PERCENT_ESCAPE.test(current.text); round++) {
    const next = decodeOnce(current);
    if (next.text === current.text) break;
    current = next;
  }
  return current;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function byteAt(text: string, i: number): number {
  if (i + 2 >= text.length || text.charCodeAt(i) !== 37) return -1;
  const high = hexValue(text.charCodeAt(i + 1));
  const low = hexValue(text.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 if it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function decodeOnce(input: MappedText): MappedText {
  const source = input.text;
  let out = "";
  const origin: number[] = [];
  for (let i = 0; i < source.length; ) {
    const lead = byteAt(source, i);
    const length = lead < 0 ? 0 : sequenceLength(lead);
    let code = -1;
    if (length === 1) code = lead;
    else if (length > 1) {
      code = lead & (0xff >> (length + 1));
      for (let k = 1; k < length; k++) {
        const next = byteAt(source, i + 3 * k);
        if (next < 0x80 || next > 0xbf) {
          code = -1;
          break;
        }
        code = (code << 6) | (next & 0x3f);
      }
      const minimum = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
      if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) code = -1;
    }
    if (code < 0) {
      out += source[i]!;
      origin.push(input.origin[i]!);
      i++;
      continue;
    }
    const decoded = String.fromCodePoint(code);
    out += decoded;
    for (let k = 0; k < decoded.length; k++) origin.push(input.origin[i]!);
    i += 3 * length;
  }
  origin.push(input.origin[source.length]!);
  return { text: out, origin: Int32Array.from(origin) };
}
