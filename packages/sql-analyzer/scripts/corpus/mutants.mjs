// Seeded token-level mutants of the valid corpus statements: generated statements for the
// fidelity test (test/fidelity/fidelity.test.ts), judged by the real parser when the test runs.
// The template corpora and the sweeps write statements on purpose; a mutant is what a typo, an
// unfinished edit or a pasted fragment makes of one: a token dropped, doubled, swapped with its
// neighbour, cut off, or replaced by another word of the corpus. Many mutants stay valid (a
// dropped alias, a keyword that happens to be a name there), so the real parser's verdict on
// each one walks the grammar's edges from inside real statements: empty lists, options without
// values, words in positions the templates never put them.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mutate } from "./mutate.mjs";
import { createRandom } from "./random.mjs";
import { tokenize } from "./tokenize.mjs";
import { createSqliteOracle } from "../oracles.mjs";

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "../../corpus");

/** Mutants made per valid corpus statement (before duplicates are dropped). */
const MUTANTS_PER_STATEMENT = 2;

/**
 * The mutants of one corpus file's valid statements: `{ id, kind, sql }` with `kind` the
 * mutation. The same seed always gives the same list.
 */
export function mutantStatements(corpus, seed, options = {}) {
  const statements = JSON.parse(readFileSync(join(corpusDir, `${corpus}.json`), "utf8")).statements.filter((s) => s.expect === "accept");
  const rnd = createRandom(seed);
  // Replacement words: every bare word of the corpus, keywords and names alike, upper-cased
  // so that a replaced word is as likely to be a keyword as the corpus makes it.
  const words = new Set();
  for (const s of statements) for (const t of tokenize(s.sql, options)) if (t.kind === "word" && /^[A-Za-z_][A-Za-z_0-9]*$/.test(t.text)) words.add(t.text.toUpperCase());
  const pool = [...words].sort();
  const seen = new Set(statements.map((s) => s.sql.trim()));
  const out = [];
  for (const s of statements) {
    for (let k = 0; k < MUTANTS_PER_STATEMENT; k++) {
      const { sql, mutation } = rnd.chance(0.35) ? replaceWord(s.sql, rnd, pool, options) : mutate(s.sql, rnd, options);
      if (sql === "" || seen.has(sql)) continue;
      seen.add(sql);
      out.push({ id: `${s.id}~${k}`, kind: mutation, sql });
    }
  }
  return out;
}

/** Replaces one bare word of `sql` by a word of `pool`. */
function replaceWord(sql, rnd, pool, options) {
  const tokens = tokenize(sql, options);
  const at = tokens.map((t, i) => (t.kind === "word" ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return { sql: "", mutation: "replace-word" };
  tokens[rnd.pick(at)] = { kind: "word", text: rnd.pick(pool) };
  return { sql: tokens.map((t) => t.text).join("").trim(), mutation: "replace-word" };
}

/** Mutants of the PostgreSQL corpus. */
export function postgresMutantStatements() {
  return mutantStatements("postgres", 0x6d757401);
}

/**
 * Mutants of the MySQL corpus (its backticks and `#` comments kept whole). The MySQL test judges
 * only those of a statement MySQL 8's verdict takes as written (test/fidelity/mysql-cross-dialect.ts).
 */
export function mysqlMutantStatements() {
  return mutantStatements("mysql", 0x6d757403, { backticks: true, hashComments: true });
}

/**
 * Mutants of the SQLite corpus that SQLite's parser decides: it parses and builds as it goes,
 * so a statement that fails on a missing table or column (an error after parsing) may still hold
 * a syntax error further on, which SQLite never reaches. Those undecided mutants are left out.
 */
export function sqliteMutantStatements() {
  const oracle = createSqliteOracle();
  try {
    return mutantStatements("sqlite", 0x6d757402).filter((m) => !oracle(m.sql).semantic);
  } finally {
    oracle.close();
  }
}
