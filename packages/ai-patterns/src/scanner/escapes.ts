import type { TextPiece } from "./sql-value.js";

/**
 * How a string literal's backslashes behave: "c" decodes the usual C-like escapes,
 * "quotes" only `\\` and `\'` (single-quoted PHP/Ruby), "none" keeps them (raw strings).
 */
export type EscapeMode = "c" | "quotes" | "none";

const SIMPLE: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
  a: "\x07",
  e: "\x1b",
};

/**
 * Decodes the raw characters `source[start, end)` of a literal into a text piece whose
 * every character remembers the host offset it came from (an escape maps to its backslash),
 * so diagnostics on extracted SQL land on the right column.
 */
export function decodeLiteral(source: string, start: number, end: number, mode: EscapeMode): TextPiece {
  let text = "";
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const ch = source[i]!;
    if (ch !== "\\" || mode === "none" || i + 1 >= end) {
      text += ch;
      offsets.push(i);
      i++;
      continue;
    }
    const next = source[i + 1]!;
    if (mode === "quotes") {
      if (next === "\\" || next === "'") {
        text += next;
        offsets.push(i);
        i += 2;
      } else {
        text += ch;
        offsets.push(i);
        i++;
      }
      continue;
    }
    const simple = SIMPLE[next];
    if (simple !== undefined) {
      text += simple;
      offsets.push(i);
      i += 2;
      continue;
    }
    const hex = readHexEscape(source, i, end);
    if (hex) {
      text += hex.text;
      for (let k = 0; k < hex.text.length; k++) offsets.push(i);
      i = hex.next;
      continue;
    }
    if (next === "\n") {
      // A backslash-newline continues the line without adding a character.
      i += 2;
      continue;
    }
    text += next;
    offsets.push(i);
    i += 2;
  }
  return { kind: "text", text, offsets, end };
}

function readHexEscape(source: string, at: number, end: number): { text: string; next: number } | null {
  const kind = source[at + 1];
  let digits: string | undefined;
  let next = at;
  if (kind === "x") {
    digits = source.slice(at + 2, Math.min(at + 4, end));
    next = at + 4;
    if (!/^[0-9a-fA-F]{2}$/.test(digits)) return null;
  } else if (kind === "u" && source[at + 2] === "{") {
    const close = source.indexOf("}", at + 3);
    if (close < 0 || close >= end) return null;
    digits = source.slice(at + 3, close);
    next = close + 1;
    if (!/^[0-9a-fA-F]{1,6}$/.test(digits)) return null;
  } else if (kind === "u") {
    digits = source.slice(at + 2, Math.min(at + 6, end));
    next = at + 6;
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) return null;
  } else {
    return null;
  }
  const code = parseInt(digits, 16);
  if (code > 0x10ffff) return null;
  return { text: String.fromCodePoint(code), next };
}
