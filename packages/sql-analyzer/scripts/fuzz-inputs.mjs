// Seeded random, truncated and mutated SQL for fuzzing the formatter; shared by
// test/format/fuzz.test.ts and scripts/fuzz-format.mjs.

/** A seeded PRNG (mulberry32) returning floats in [0, 1). */
export function seeded(seed) {
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

/** One fuzz input derived from `samples` (valid or invalid SQL) with the random source `next`. */
export function fuzzInput(samples, next) {
  const pick = (items) => items[Math.floor(next() * items.length)];
  const base = pick(samples);
  switch (Math.floor(next() * 6)) {
    case 0: // truncated
      return base.slice(0, Math.floor(next() * (base.length + 1)));
    case 1: {
      // a few random insertions and deletions
      let text = base;
      for (let i = 0, n = 1 + Math.floor(next() * 4); i < n; i++) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.5 ? text.slice(0, at) + pick(NOISE) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
      }
      return text;
    }
    case 2: // several statements, some cut short
      return Array.from({ length: 2 + Math.floor(next() * 4) }, () => {
        const s = pick(samples);
        return next() < 0.3 ? s.slice(0, Math.floor(next() * s.length)) : s;
      }).join(pick([";\n", "; ", ";\n\n-- c\n", "\n"]));
    case 3: // pure noise
      return Array.from({ length: Math.floor(next() * 30) }, () => pick(NOISE)).join(next() < 0.5 ? "" : " ");
    case 4: // random UTF-16 code units
      return Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join("");
    default: // unchanged
      return base;
  }
}

/** The corpus files and their dialects. */
export const CORPUS_DIALECTS = [
  ["postgres", "postgres"],
  ["sqlite", "sqlite"],
  ["mysql", "mysql"],
];

/**
 * Checks one input against the formatter's contract (no throw, idempotent, statements it
 * could not parse kept verbatim; in PostgreSQL, the same with routine bodies formatted): `{ failure, untouched }`, where `failure` is a message or
 * `undefined` and `untouched` counts the statements left as written.
 */
export function checkFormatter(api, input, dialect) {
  try {
    const first = api.formatDocument(input, { dialect });
    let untouched = 0;
    for (const s of first.statements) {
      if (s.status === "formatted") continue;
      untouched++;
      if (!first.text.includes(input.slice(s.range.start, s.range.end))) return { failure: `changed a broken statement: ${JSON.stringify(input)}`, untouched };
    }
    if (!sameDocumentTokens(api, input, first.text, dialect)) return { failure: `tokens or comments changed: ${JSON.stringify(input)}`, untouched };
    if (api.format(first.text, { dialect }) !== first.text) return { failure: `not idempotent: ${JSON.stringify(input)}`, untouched };
    // Routine bodies formatted too (PostgreSQL's LANGUAGE sql and PL/pgSQL bodies): a body's
    // layout is verified token by token inside, so an `unverified` statement is a formatter bug.
    // (`$` for dollar-quoted bodies, `as '` / `do '` for quoted ones.)
    if (dialect === "postgres" && (input.includes("$") || /\b(as|do)\s*'/i.test(input))) {
      const options = { dialect, routineBodies: "format" };
      const bodies = api.formatDocument(input, options);
      if (bodies.statements.some((s) => s.status === "unverified")) return { failure: `unverified with routineBodies: ${JSON.stringify(input)}`, untouched };
      if (api.format(bodies.text, options) !== bodies.text) return { failure: `not idempotent with routineBodies: ${JSON.stringify(input)}`, untouched };
    }
    return { failure: undefined, untouched };
  } catch (error) {
    return { failure: `threw ${String(error)} on ${JSON.stringify(input)}`, untouched: 0 };
  }
}

/**
 * Whether two documents lex to the same tokens and comments (whitespace ignored, words
 * compared case-insensitively): the formatter may only change layout and letter case.
 */
export function sameDocumentTokens(api, a, b, dialect) {
  // The tree's tokens, not the lexer's: the splitter makes some of its own (a mysql
  // delimiter cuts `END$$`, which the lexer alone reads as one word).
  const words = new Set([api.SyntaxKind.Word, api.SyntaxKind.Keyword, api.SyntaxKind.Ident]);
  const lex = (text) => {
    const out = [];
    for (const token of api.parse(text, { dialect }).root.tokens()) {
      if (token.kind === api.SyntaxKind.Whitespace) continue;
      const raw = token.text();
      out.push(words.has(token.kind) ? raw.toLowerCase() : raw);
    }
    return out;
  };
  const x = lex(a);
  const y = lex(b);
  return x.length === y.length && x.every((t, i) => t === y[i]);
}
