import type { Rng } from "./rng.js";

/** A rewrite attackers apply to get a payload past filters. */
export interface Evasion {
  /** `evasion/name`, unique. */
  readonly id: string;
  /** True when only the test split uses this rewrite. */
  readonly heldOut: boolean;
  /** Rewrites a payload. */
  apply(payload: string, rng: Rng): string;
}

const KEYWORDS = /\b(select|union|from|where|and|or|order|by|sleep|insert|into|values|drop|table|exec|waitfor|delay|null|concat|update|set|delete|limit|all|like)\b/gi;

function mixCase(text: string, rng: Rng): string {
  return text.replace(KEYWORDS, (word) => [...word].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join(""));
}

function percentEncode(text: string, rng: Rng, all: boolean): string {
  let out = "";
  for (const char of text) {
    const special = /[^A-Za-z0-9]/.test(char);
    if (all || special || rng.chance(0.15)) {
      for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    } else out += char;
  }
  return out;
}

// A quoted literal in value position: after `=`, `(`, `,` or LIKE, with no quote inside.
const VALUE_LITERAL = /(=\s*|\(\s*|,\s*|\blike\s+)'([A-Za-z0-9_.@-]{1,24})'/gi;

function stringsToHex(text: string): string {
  return text.replace(VALUE_LITERAL, (_, before: string, body: string) => `${before}0x${[...body].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("")}`);
}

function stringsToChar(text: string, rng: Rng): string {
  return text.replace(VALUE_LITERAL, (_, before: string, body: string) => {
    const codes = [...body].map((c) => c.charCodeAt(0));
    if (rng.chance(0.5)) return `${before}char(${codes.join(",")})`;
    return `${before}${codes.map((code) => `chr(${code})`).join("||")}`;
  });
}

function toFullwidth(text: string, rng: Rng): string {
  return [...text].map((c) => {
    const code = c.charCodeAt(0);
    return code > 0x20 && code < 0x7f && rng.chance(0.7) ? String.fromCharCode(code + 0xfee0) : c;
  }).join("");
}

/** Every evasion; the held-out ones appear only in the test split. */
export const EVASIONS: readonly Evasion[] = [
  { id: "evasion/case-mixing", heldOut: false, apply: (p, rng) => mixCase(p, rng) },
  {
    id: "evasion/inline-comments",
    heldOut: false,
    apply: (p, rng) =>
      rng.chance(0.5)
        ? p.replace(/ /g, "/**/")
        : p.replace(/\b(union|select|sleep|from|where)\b/gi, (w) => {
            const cut = 1 + Math.floor(rng.next() * (w.length - 1));
            return `${w.slice(0, cut)}/**/${w.slice(cut)}`;
          }),
  },
  { id: "evasion/versioned-comments", heldOut: true, apply: (p) => p.replace(/\b(union|select|and|or|sleep|from)\b/gi, (w) => `/*!50000${w}*/`) },
  { id: "evasion/whitespace", heldOut: false, apply: (p, rng) => p.replace(/ /g, () => rng.pick(["\t", "\n", "  ", "\r\n", " \t "])) },
  { id: "evasion/plus-and-parentheses", heldOut: true, apply: (p, rng) => p.replace(/ /g, () => rng.pick(["+", "+", "\u000b", "\f"])) },
  { id: "evasion/url-encoding", heldOut: false, apply: (p, rng) => percentEncode(p, rng, rng.chance(0.3)) },
  { id: "evasion/double-url-encoding", heldOut: true, apply: (p, rng) => percentEncode(p, rng, false).replace(/%/g, "%25") },
  { id: "evasion/hex-strings", heldOut: false, apply: (p) => stringsToHex(p) },
  { id: "evasion/char-function", heldOut: true, apply: (p, rng) => stringsToChar(p, rng) },
  { id: "evasion/fullwidth-unicode", heldOut: true, apply: (p, rng) => toFullwidth(p, rng) },
];
