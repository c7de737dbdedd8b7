/**
 * Seeded input generators for fuzzing the parser: random characters, token
 * soup, truncated and mutated statements. Plain ESM so that both the vitest
 * suite (on src/) and `fuzz/run.mjs` (on dist/) use the same generators.
 */

/** A small, fast, seeded PRNG (mulberry32). Returns floats in [0, 1). */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789",
  ..."      \n\n\t\r",
  ..."''\"\"``$$$(()))[[]]{},,;;;..::+-*/<>=!~@#%^&|?\\",
  "é", "ß", "😀", "\ud800", "\u00a0", "\ufeff", "\u0000",
];

const VOCABULARY = [
  "select", "from", "where", "group", "by", "order", "having", "limit", "offset", "union", "all", "distinct", "on",
  "join", "left", "inner", "cross", "lateral", "with", "recursive", "as", "insert", "into", "values", "update", "set",
  "delete", "merge", "when", "matched", "then", "create", "table", "index", "view", "function", "returns", "language",
  "trigger", "begin", "end", "atomic", "case", "else", "not", "null", "and", "or", "in", "is", "between", "like",
  "cast", "array", "row", "exists", "over", "partition", "filter", "within", "returning", "conflict", "do", "nothing",
  "alter", "drop", "add", "column", "primary", "key", "references", "check", "default", "grant", "to", "commit",
  "explain", "copy", "pragma", "attach", "replace", "duplicate", "interval", "if", "exists", "window", "rows",
  "t", "a", "b", "x", "\"q\"", "`b`", "[s]", "1", "2.5", "'s'", "E'e'", "$$ select 1 $$", "$1", "?", ":n", "@v",
  "(", ")", "(", ")", ",", ";", ".", "::", "*", "=", "<", ">=", "->>", "||", "+", "-", "[", "]", "--c\n", "/* c */",
  // Client-program syntax: psql meta-commands, COPY data and variables; mysql's DELIMITER; sqlite3 dot-commands.
  "\\connect db\n", "\\g", "\\.\n", "\\G", "copy t from stdin;\n", "\\copy t from stdin\n", ":'v'", "lbl:",
  "delimiter //\n", "DELIMITER $$\n", "delimiter ;\n", "//", "$$", "\n.mode csv\n", ".x ",
  // Extension-script placeholders and words that real scripts name functions with.
  "@extschema@", "@extschema:s@", "@extowner@", "@ext", "is", "overlaps", ":=", "setof", "exclude",
];

function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

/** Random characters from an SQL-heavy alphabet (quotes, brackets, operators, odd Unicode). */
export function randomChars(rng, maxLength = 80) {
  const length = Math.floor(rng() * maxLength);
  let s = "";
  for (let i = 0; i < length; i++) s += pick(rng, CHARS);
  return s;
}

/** Random sequences of SQL keywords, names, literals and punctuation. */
export function tokenSoup(rng, maxTokens = 30) {
  const n = Math.floor(rng() * maxTokens);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(pick(rng, VOCABULARY));
  return parts.join(rng() < 0.8 ? " " : "");
}

/** A prefix of a corpus statement (what an editor sees while typing). */
export function truncated(rng, corpus) {
  const s = pick(rng, corpus);
  return s.slice(0, Math.floor(rng() * (s.length + 1)));
}

/** A corpus statement with a few random edits (delete, insert, duplicate, swap). */
export function mutated(rng, corpus) {
  let s = pick(rng, corpus);
  const edits = 1 + Math.floor(rng() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rng() * (s.length + 1));
    const op = rng();
    if (op < 0.3) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rng() * 8));
    else if (op < 0.6) s = s.slice(0, at) + (rng() < 0.5 ? pick(rng, VOCABULARY) : pick(rng, CHARS)) + s.slice(at);
    else if (op < 0.8) {
      const len = Math.floor(rng() * 20);
      s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
    } else if (at + 1 < s.length) s = s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
  }
  return s;
}

/** PL/pgSQL's words and symbols, for mutating the structure of PL/pgSQL bodies. */
const PLPGSQL_VOCABULARY = [
  "begin", "end", "declare", "if", "then", "elsif", "else", "end if", "case", "when", "end case", "loop", "end loop",
  "while", "for", "foreach", "in", "reverse", "..", "by", "slice", "array", "exit", "continue", "return", "next",
  "query", "raise", "notice", "exception", "using", "assert", "perform", "execute", "into", "strict", "get",
  "diagnostics", "open", "fetch", "move", "close", "cursor", "scroll", "no", "alias", "constant", "default",
  "null", "commit", "rollback", "and chain", "<<l>>", "<<", ">>", ":=", "=", ";", ",", "(", ")", "[", "]", "'%'",
  "'a % %'", "#option dump", "#variable_conflict", "x", "r.f", "$1", "1", "select 1", "sqlstate '22012'",
];

/**
 * A PL/pgSQL routine or DO block of the corpus with word-level edits inside its
 * `$…$` body (deleted, repeated, swapped or inserted words, a truncated body with its
 * closing tag kept): inputs that reach the PL/pgSQL reader's error paths.
 */
export function plpgsqlMutated(rng, corpus) {
  const routines = plpgsqlRoutines(corpus);
  if (routines.length === 0) return mutated(rng, corpus);
  const s = pick(rng, routines);
  const open = /\$[a-z_]*\$/i.exec(s);
  const close = s.indexOf(open[0], open.index + open[0].length);
  const head = s.slice(0, open.index + open[0].length);
  const tail = s.slice(close);
  let words = s.slice(head.length, close).split(/(\s+)/);
  const edits = 1 + Math.floor(rng() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rng() * (words.length + 1));
    const op = rng();
    if (op < 0.25) words.splice(at, 1 + Math.floor(rng() * 3));
    else if (op < 0.55) words.splice(at, 0, " ", pick(rng, PLPGSQL_VOCABULARY), " ");
    else if (op < 0.7) words.splice(at, 0, ...words.slice(at, at + 1 + Math.floor(rng() * 6)));
    else if (op < 0.85 && at + 2 < words.length) [words[at], words[at + 2]] = [words[at + 2], words[at]];
    else words = words.slice(0, at);
  }
  return head + words.join("") + tail;
}

const routinesOf = new WeakMap();
function plpgsqlRoutines(corpus) {
  let routines = routinesOf.get(corpus);
  if (!routines) {
    routines = corpus.filter((s) => /\$[a-z_]*\$/i.test(s) && /language\s+'?plpgsql|^\s*do\s/im.test(s)).filter((s) => {
      const open = /\$[a-z_]*\$/i.exec(s);
      return s.indexOf(open[0], open.index + open[0].length) > 0;
    });
    routinesOf.set(corpus, routines);
  }
  return routines;
}

/** Splits fixture texts into statements (at `;` + newline), for truncation and mutation. */
export function corpusFrom(texts) {
  const out = [];
  for (const text of texts) for (const piece of text.split(/;\s*\n/)) if (piece.trim()) out.push(piece + ";");
  return out;
}

/** The n-th generated input: cycles through the generators; dialect chosen at random. */
export function nthInput(rng, corpus) {
  const r = rng();
  const dialect = r < 0.5 ? "postgres" : r < 0.75 ? "mysql" : "sqlite";
  const g = rng();
  // One input in ten is a PL/pgSQL body with its structure mutated, read as PostgreSQL.
  if (g >= 0.9) return { text: plpgsqlMutated(rng, corpus), dialect: "postgres" };
  const text = g < 0.2 ? randomChars(rng) : g < 0.4 ? tokenSoup(rng) : g < 0.65 ? truncated(rng, corpus) : mutated(rng, corpus);
  return { text, dialect };
}
