// Seeded random, truncated and mutated SQL for fuzzing the formatter (shared by the
// fuzz test and scripts/fuzz-format.mjs through the built package).
import type { Dialect } from "../../src/index.js";

/** A seeded PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ["(", ")", "'", '"', "`", "/*", "*/", "--", "\n", ";", ",", "$$", "$1", "::", "[", "]", "#", "@", "\\", "\u0000", "é", "😀", " ", "select", "from", "case", "end", "begin"];

/** One fuzz input derived from `samples` (valid or invalid SQL) with the given random source. */
export function fuzzInput(samples: readonly string[], next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const base = pick(samples);
  switch (Math.floor(next() * 6)) {
    case 0: // truncated
      return base.slice(0, Math.floor(next() * (base.length + 1)));
    case 1: {
      // a few random edits
      let text = base;
      for (let i = 0, n = 1 + Math.floor(next() * 4); i < n; i++) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.5 ? text.slice(0, at) + pick(NOISE) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
      }
      return text;
    }
    case 2: // several statements, some broken
      return Array.from({ length: 2 + Math.floor(next() * 4) }, () => {
        const s = pick(samples);
        return next() < 0.3 ? s.slice(0, Math.floor(next() * s.length)) : s;
      }).join(pick([";\n", "; ", ";\n\n-- c\n", "\n"]));
    case 3: // pure noise
      return Array.from({ length: Math.floor(next() * 30) }, () => pick(NOISE)).join(next() < 0.5 ? "" : " ");
    case 4: // random code units
      return Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join("");
    default: // unchanged
      return base;
  }
}

/** Which dialect a corpus file is in. */
export const CORPUS_DIALECTS: readonly (readonly [string, Dialect])[] = [
  ["postgres", "postgres"],
  ["sqlite", "sqlite"],
  ["mysql", "mysql"],
];
