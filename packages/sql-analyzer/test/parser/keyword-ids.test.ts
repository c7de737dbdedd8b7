/**
 * Keyword ids: every word the grammar names has a small integer id (`Kw`), the
 * word table gives each interned word its id next to its word-class bits, and
 * the parser compares ids instead of strings. These tests check the ids
 * against the plain definition: a token's id is `keywordIdOf` of its
 * lower-cased word, and every id maps back to that word.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIALECTS, SyntaxKind } from "../../src/index.js";
import { KW_MAX, Kw, keywordIdOf, keywordText } from "../../src/lexer/keyword-ids.js";
import { scanSignificant } from "../../src/lexer/significant-tokens.js";
import { KEYWORD_ID_SHIFT, MAX_KEYWORD_ID, wordClassesOf } from "../../src/syntax/token-cache.js";
import { corpusFrom, createRandom, nthInput } from "../../fuzz/generators.mjs";
import { loadFixtures } from "../support/fixtures.js";

/** The keyword id the parser's buffer gives each significant token of `text`. */
function tokenIds(text: string, dialect: (typeof DIALECTS)[number]): { kind: number; word: string | undefined; id: number }[] {
  const tokens = scanSignificant(text, dialect, 0, text.length);
  const out = [];
  for (let i = 0; i < tokens.count; i++) out.push({ kind: tokens.kinds[i]!, word: tokens.words[i], id: tokens.classes[i]! >>> KEYWORD_ID_SHIFT });
  return out;
}

describe("keyword ids", () => {
  it("every id maps back to its lower-case word, and the word to the id", () => {
    expect(KW_MAX).toBeGreaterThan(300);
    expect(KW_MAX).toBeLessThanOrEqual(MAX_KEYWORD_ID);
    const seen = new Set<string>();
    for (let id = 1; id <= KW_MAX; id++) {
      const word = keywordText(id as Kw);
      expect(word).toMatch(/^[a-z_][a-z0-9_]*$/);
      expect(keywordIdOf(word)).toBe(id);
      seen.add(word);
    }
    expect(seen.size).toBe(KW_MAX);
    expect(keywordText(Kw.select)).toBe("select");
  });

  it("words the grammar never names, and object-property names, have no id", () => {
    for (const word of ["users", "x", "constructor", "tostring", "__proto__", "hasownproperty", "0", "1", "None", "", "selectx"]) {
      expect(keywordIdOf(word)).toBe(Kw.None);
    }
  });

  it("every keyword carries its id in any letter case, short and long words alike", () => {
    const wrong: string[] = [];
    for (let id = 1; id <= KW_MAX; id++) {
      const word = keywordText(id as Kw);
      for (const spelling of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
        const [first] = tokenIds(spelling, "postgres");
        if (first?.kind !== SyntaxKind.Word || first.id !== id) wrong.push(`${spelling}: ${first?.id}`);
      }
      if ((wordClassesOf(word) >>> KEYWORD_ID_SHIFT) !== id) wrong.push(`${word}: wordClassesOf`);
    }
    expect(wrong).toEqual([]);
  });

  it("on fuzzed input, each token's id is keywordIdOf its word (0 for operators and other tokens)", () => {
    const corpus = corpusFrom(loadFixtures(join(import.meta.dirname, "fixtures")).map((f) => f.text));
    const rng = createRandom(77);
    let words = 0;
    for (let n = 0; n < 3000; n++) {
      const { text, dialect } = nthInput(rng, corpus) as { text: string; dialect: (typeof DIALECTS)[number] };
      for (const token of tokenIds(text, dialect)) {
        const expected = token.kind === SyntaxKind.Word ? keywordIdOf(token.word!) : 0;
        if (token.id !== expected) throw new Error(`${JSON.stringify(text)}: ${token.word} has id ${token.id}, expected ${expected}`);
        if (token.kind === SyntaxKind.Word) words++;
      }
    }
    expect(words).toBeGreaterThan(10_000);
  });

  it("the grammar names keywords by id: no string-literal keyword test is left in src/parser", () => {
    const dir = join(import.meta.dirname, "../../src/parser");
    const left: string[] = [];
    for (const file of readdirSync(dir)) {
      if (file === "parser.ts") continue;
      const source = readFileSync(join(dir, file), "utf8");
      for (const match of source.matchAll(/\.(atKw|eatKw|expectKw|nthKw)\([^)]*"/g)) left.push(`${file}: ${match[0]}`);
    }
    expect(left).toEqual([]);
  });
});
