/**
 * The parser's token buffer keeps no whitespace: it stores the significant
 * tokens and the comments, and the tree builder rebuilds whitespace from the
 * gaps. These tests check, on seeded fuzzed input in every dialect, that the
 * buffer holds exactly `tokenize()`'s non-whitespace tokens, that every gap is
 * exactly one of `tokenize()`'s whitespace tokens, and that the built tree's
 * tokens (whitespace included) are `tokenize()`'s tokens, one for one.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIALECTS, SyntaxKind, parse, tokenize, type Dialect, type SyntaxToken } from "../../src/index.js";
import { scanSignificant } from "../../src/lexer/significant-tokens.js";
import { corpusFrom, createRandom, nthInput } from "../../fuzz/generators.mjs";
import { loadFixtures } from "../support/fixtures.js";

const corpus = corpusFrom(loadFixtures(join(import.meta.dirname, "fixtures")).map((f) => f.text));
const INPUTS = 4000;

/** `tokenize()` as `[kind, start, end, flags, word]` rows. */
function allTokens(text: string, dialect: Dialect): [number, number, number, number, string | undefined][] {
  const s = tokenize(text, dialect);
  const rows: [number, number, number, number, string | undefined][] = [];
  for (let i = 0; i < s.count; i++) rows.push([s.kinds[i]!, s.starts[i]!, s.starts[i + 1]!, s.flags[i]!, s.words[i]]);
  return rows;
}

/** Problems found comparing `scanSignificant` with `tokenize` on one input (empty when they agree). */
function compareBuffers(text: string, dialect: Dialect): string[] {
  const problems: string[] = [];
  const expected = allTokens(text, dialect);
  const buffer = scanSignificant(text, dialect, 0, text.length);
  // Merge tokens and comments back into text order, then fill the gaps with whitespace.
  const rebuilt: [number, number, number, number, string | undefined][] = [];
  let t = 0;
  let c = 0;
  let at = 0;
  while (t < buffer.count || c < buffer.commentCount) {
    const takeComment = c < buffer.commentCount && (t >= buffer.count || buffer.commentStarts[c]! < buffer.starts[t]!);
    const start = takeComment ? buffer.commentStarts[c]! : buffer.starts[t]!;
    if (start > at) rebuilt.push([SyntaxKind.Whitespace, at, start, 0, undefined]);
    if (takeComment) {
      rebuilt.push([buffer.commentKinds[c]!, start, buffer.commentEnds[c]!, buffer.commentFlags[c]!, undefined]);
      at = buffer.commentEnds[c++]!;
    } else {
      rebuilt.push([buffer.kinds[t]!, start, buffer.ends[t]!, buffer.flags[t]!, buffer.words[t]]);
      at = buffer.ends[t++]!;
    }
  }
  if (at < text.length) rebuilt.push([SyntaxKind.Whitespace, at, text.length, 0, undefined]);
  const shown = (rows: typeof rebuilt) => rows.map((r) => r.join(":")).join(" ");
  if (shown(rebuilt) !== shown(expected)) problems.push(`buffer differs from tokenize:\n  ${shown(rebuilt)}\n  ${shown(expected)}`);
  return problems;
}

/**
 * Problems found comparing the parse tree's tokens with `tokenize` (by range, and
 * trivia by kind: the parser may give a significant token another kind, a word
 * becomes a Keyword or an Ident, a `?` operator a Param).
 */
function compareTree(text: string, dialect: Dialect): string[] {
  const label = (kind: number) => (kind <= SyntaxKind.BlockComment ? String(kind) : "t");
  const tree = [...parse(text, { dialect }).root.tokens()];
  // The splitter makes some tokens of its own that the context-free lexer cannot
  // (COPY data, mysql delimiter regions, sqlite3 dot-commands): such trees are checked
  // by the client-script tests instead.
  if (tree.some((t) => t.kind === SyntaxKind.CopyData || t.kind === SyntaxKind.Delimiter || (t.kind === SyntaxKind.ClientCommand && !t.text().startsWith("\\")))) return [];
  const expected = allTokens(text, dialect).map(([kind, start, end]) => `${label(kind)}@${start}..${end}`);
  const actual = tree.map((token: SyntaxToken) => `${label(token.kind)}@${token.range.start}..${token.range.end}`);
  return actual.join(" ") === expected.join(" ") ? [] : [`tree tokens differ from tokenize:\n  ${actual.join(" ")}\n  ${expected.join(" ")}`];
}

describe("significant-token buffer (whitespace as gaps)", () => {
  it("holds tokenize()'s tokens without the whitespace, which is exactly the gaps", () => {
    const rng = createRandom(41);
    const failures: string[] = [];
    for (let i = 0; i < INPUTS && failures.length < 3; i++) {
      const { text, dialect } = nthInput(rng, corpus) as { text: string; dialect: Dialect };
      for (const problem of compareBuffers(text, dialect)) failures.push(`${JSON.stringify(text)} (${dialect}): ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it("scans the tokens it handles inline (words, ., strings, integers, one-character operators) as the lexer does, corner cases included", () => {
    const texts = [
      "a.b .5 1.5 1..2 1e5 1E+5 1_000 0x1F 0b1 0o7 01 7abc 12é 3",
      "'a' 'a''b' 'it''s' '' '''' 'x'y 'unterminated",
      "'a\\' b' 'c'",
      "* = < > + - / % *= <> -- comment\n-1 /* c */ /*x*/ a*b a=-1 1-1 x%y =? =# a#b `q`",
      "select t.*, 'x' || 'y', 42 from t where a=1 and b<>2;",
      "e'x' E'\\n' u&'x' U&\"y\" b'1' x'ff' n'z' a'b' a&b e&f ee'x' é'x' e",
    ];
    for (const dialect of DIALECTS) for (const text of texts) expect(compareBuffers(text, dialect)).toEqual([]);
    // A sub-range ending inside a string or a number cuts them as the lexer does.
    for (const dialect of DIALECTS) {
      const text = "'abc' 12345 x";
      const buffer = scanSignificant(text, dialect, 0, 3);
      expect([buffer.kinds[0], buffer.ends[0], buffer.flags[0]]).toEqual([SyntaxKind.String, 3, 1]);
      const digits = scanSignificant(text, dialect, 6, 9);
      expect([digits.count, digits.kinds[0], digits.starts[0], digits.ends[0]]).toEqual([1, SyntaxKind.Number, 6, 9]);
    }
  });

  it("scans a sub-range: whitespace at its ends stays outside the buffer", () => {
    const text = "xx  select /* c */ a\t\n,b  -- d\n  yy";
    const buffer = scanSignificant(text, "postgres", 2, text.length - 2);
    expect(buffer.count).toBe(4);
    expect([...buffer.starts.subarray(0, 4)]).toEqual([4, 19, 22, 23]);
    expect([...buffer.ends.subarray(0, 4)]).toEqual([10, 20, 23, 24]);
    expect(buffer.words.slice(0, 4)).toEqual(["select", "a", undefined, "b"]);
    expect(buffer.commentCount).toBe(2);
    expect([...buffer.commentStarts.subarray(0, 2)]).toEqual([11, 26]);
    expect([...buffer.commentKinds.subarray(0, 2)]).toEqual([SyntaxKind.BlockComment, SyntaxKind.LineComment]);
  });

  it("the tree rebuilds every whitespace token from the gaps, as tokenize() cuts them", () => {
    const rng = createRandom(42);
    const failures: string[] = [];
    for (let i = 0; i < INPUTS && failures.length < 3; i++) {
      const { text, dialect } = nthInput(rng, corpus) as { text: string; dialect: Dialect };
      for (const problem of compareTree(text, dialect)) failures.push(`${JSON.stringify(text)} (${dialect}): ${problem}`);
    }
    for (const text of ["", "   ", " \n -- c\n\t", "select 1 ;  \n", "/*a*/  /*b*/\n;\n  select\t\t1\n"]) {
      for (const problem of compareTree(text, "postgres")) failures.push(`${JSON.stringify(text)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });
});
