/**
 * The word intern tables: words are interned by hash plus, for ASCII words of
 * at most sixteen characters, an exact byte pack computed by the scanner; each
 * interned word carries the bits of the word classes (keyword sets) it belongs
 * to. These tests check both against the plain definitions: the interned word
 * is the ASCII-lower-cased text, and its class bits are the set memberships.
 */
import { describe, expect, it } from "vitest";
import { DIALECTS, SyntaxKind } from "../../src/index.js";
import { ALIAS_STOP_CLASS, ALIAS_STOP_WORDS, FUNCTION_NAME_CLASS, FUNCTION_NAME_KEYWORDS, POSTGRES_AS_LABEL_CLASS, POSTGRES_AS_LABEL_WORDS, reservedClass, reservedWords } from "../../src/lexer/keywords.js";
import { scanSignificant } from "../../src/lexer/significant-tokens.js";
import { internSlice, lastSlot, sharedShortToken, sharedTokenAt, wordClassesOf } from "../../src/syntax/token-cache.js";
import { createRandom } from "../../fuzz/generators.mjs";

/** The word and class bits the parser's buffer gives the first token of `text`. */
function firstWord(text: string): { kind: number; word: string | undefined; classes: number } {
  const tokens = scanSignificant(text, "mysql", 0, text.length);
  return { kind: tokens.kinds[0]!, word: tokens.words[0], classes: tokens.classes[0]! };
}

const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (run) => run.toLowerCase());

describe("word table", () => {
  it("every word of every keyword set carries its class bit, in any letter case", () => {
    const sets: [ReadonlySet<string>, number][] = [
      ...DIALECTS.map((d) => [reservedWords(d), reservedClass(d)] as [ReadonlySet<string>, number]),
      [ALIAS_STOP_WORDS, ALIAS_STOP_CLASS],
      [POSTGRES_AS_LABEL_WORDS, POSTGRES_AS_LABEL_CLASS],
      [FUNCTION_NAME_KEYWORDS, FUNCTION_NAME_CLASS],
    ];
    const all = new Set(sets.flatMap(([set]) => [...set]));
    const missing: string[] = [];
    for (const word of all) {
      for (const spelling of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
        const scanned = firstWord(spelling);
        if (scanned.word !== word) missing.push(`${spelling}: word ${scanned.word}`);
        for (const [set, bit] of sets) if (((scanned.classes & bit) !== 0) !== set.has(word)) missing.push(`${spelling}: class ${bit}`);
      }
    }
    expect(missing).toEqual([]);
    // Distinct bits, and words outside every set carry none of them.
    expect(new Set(sets.map(([, bit]) => bit)).size).toBe(sets.length);
    expect(firstWord("customer_id").classes & sets.reduce((bits, [, bit]) => bits | bit, 0)).toBe(0);
  });

  it("interns random words (packed and not, ASCII and not, short and long) as their lower-cased text with their classes", () => {
    const rng = createRandom(7);
    const alphabet = "aAbBcCxXyYzZ_09$é";
    const keywords = [...reservedWords("postgres"), ...ALIAS_STOP_WORDS];
    const problems: string[] = [];
    for (let i = 0; i < 20_000 && problems.length < 5; i++) {
      let text: string;
      if (rng() < 0.3) {
        // A keyword in random letter case.
        const word = keywords[Math.floor(rng() * keywords.length)]!;
        text = [...word].map((c) => (rng() < 0.5 ? c.toUpperCase() : c)).join("");
      } else {
        const length = 1 + Math.floor(rng() * (rng() < 0.9 ? 12 : 40));
        text = "w";
        for (let j = 1; j < length; j++) text += alphabet[Math.floor(rng() * alphabet.length)];
      }
      const scanned = firstWord(text);
      if (scanned.kind !== SyntaxKind.Word) continue;
      const expected = text.length > 32 ? text.toLowerCase() : asciiLower(text);
      if (scanned.word !== expected) problems.push(`${text}: ${scanned.word}`);
      if (scanned.classes !== wordClassesOf(expected)) problems.push(`${text}: classes ${scanned.classes}`);
      // The same word again (now a table hit) in another case gives the identical string.
      const again = firstWord(text.toUpperCase() === text ? text.toLowerCase() : text.toUpperCase());
      if (asciiLower(text.toUpperCase()) === asciiLower(text) && text.length <= 32 && !/[^\x00-\x7f]/.test(text) && again.word !== scanned.word) problems.push(`${text}: again ${again.word}`);
    }
    expect(problems).toEqual([]);
  });

  it("words that differ only after their eighth or sixteenth character, or only in length, stay apart", () => {
    const words = ["abcdefgh", "abcdefghi", "abcdefghj", "xabcdefgh", "abcdefg", "bcdefgh", "a", "aa", "ab", "ba"];
    words.push("abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnoq", "xbcdefghijklmnop", "abcdefghijklmno", "ijklmnopabcdefgh", "abcdefghabcdefgh");
    for (const word of words) expect(firstWord(word.toUpperCase()).word).toBe(word);
    for (const word of words) expect(firstWord(word).word).toBe(word);
  });
});

describe("short green tokens", () => {
  it("are the tokens the intern table gives, found by their exact pack", () => {
    const rng = createRandom(9);
    const alphabet = "aAzZ09_ (),.;'é\u00ff";
    for (let i = 0; i < 5000; i++) {
      const length = 2 + Math.floor(rng() * 7);
      let text = "";
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(rng() * alphabet.length)];
      const kind = rng() < 0.5 ? SyntaxKind.Ident : SyntaxKind.String;
      const host = `xy${text}zw`;
      const token = sharedShortToken(kind, host, 2, 2 + length)!;
      expect(token.text).toBe(text);
      expect(token.kind).toBe(kind);
      expect(token).toBe(sharedTokenAt(kind, internSlice(host, 2, 2 + length), lastSlot));
      expect(sharedShortToken(kind, text, 0, length)).toBe(token);
    }
    // Another kind with the same text is another token; characters above U+00FF are not handled.
    expect(sharedShortToken(SyntaxKind.Keyword, "ab", 0, 2)).not.toBe(sharedShortToken(SyntaxKind.Ident, "ab", 0, 2));
    expect(sharedShortToken(SyntaxKind.Ident, "a\u0100", 0, 2)).toBeUndefined();
  });
});
