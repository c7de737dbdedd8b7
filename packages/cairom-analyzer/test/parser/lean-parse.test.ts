import { describe, expect, it } from "vitest";
import { lex } from "../../src/syntax/lexer.js";
import { parse } from "../../src/syntax/parser.js";

describe("lean parse (no tree) over shared token buffers", () => {
  const small = "fn a() -> felt { return 1 + 2; }\n";
  const big = `${"fn b(x: u32) -> u32 {\n    let y = x * 3;\n    return y;\n}\n".repeat(400)}struct P { x: felt }\n`;

  it("returns no tokens, so nothing points into the shared buffers", () => {
    const r = parse(small, { tree: false });
    expect(r.tokens.count).toBe(0);
    expect(r.items.map((i) => i.ast.k)).toEqual(["fn"]);
  });

  it("a later lex or parse (which grows and overwrites the buffers) leaves earlier results intact", () => {
    const first = parse(small, { tree: false });
    const firstJson = JSON.stringify([first.items, first.diagnostics]);
    const tokens = lex(small);
    const kinds = [...tokens.kinds];
    parse(big, { tree: false });
    parse(big);
    expect(JSON.stringify([first.items, first.diagnostics])).toBe(firstJson);
    // Token streams returned by `lex` are copies: exact size, untouched by later lexing.
    expect(tokens.kinds.length).toBe(tokens.count);
    expect([...tokens.kinds]).toEqual(kinds);
    const again = parse(big, { tree: false });
    expect(again.items).toHaveLength(401);
    expect(JSON.stringify(parse(small, { tree: false }).items)).toBe(JSON.stringify(parse(small).items));
  });
});

describe("lexer over non-ASCII text", () => {
  // The lexer reads code units from a typed array: ASCII texts through the native UTF-8
  // encoder, others unit by unit. Offsets must be UTF-16 offsets either way.
  const tokens = (text: string) => {
    const t = lex(text);
    return [...t.kinds].map((k, i) => `${k}@${t.starts[i]}-${t.starts[i + 1]}`);
  };

  it("gives UTF-16 offsets for non-ASCII characters, surrogate pairs and lone surrogates", () => {
    const text = "let é = 1; // ü 😀\nfn f😀() {}\ud800x";
    const t = lex(text);
    const kinds = [...t.kinds];
    const texts = kinds.map((_, i) => text.slice(t.starts[i], t.starts[i + 1]));
    expect(texts.join("")).toBe(text);
    expect(texts).toContain("é");
    expect(texts).toContain("// ü 😀");
    expect(texts).toContain("😀");
    expect(texts).toContain("\ud800");
    expect(texts.filter((x) => x === "fn" || x === "f" || x === "x")).toEqual(["fn", "f", "x"]);
    expect(t.errors.map((d) => [d.code, d.range.start, d.range.end])).toEqual([
      ["invalid-character", 4, 5],
      ["invalid-character", 23, 25],
      ["invalid-character", 30, 31],
    ]);
  });

  it("lexes an ASCII text the same before and after a non-ASCII one (shared buffers)", () => {
    const ascii = "fn main() -> felt { let x = 0x1f; return x; } // done\n";
    const before = tokens(ascii);
    tokens("const É: felt = 1; // ☃".repeat(50));
    expect(tokens(ascii)).toEqual(before);
    // The same text with one non-ASCII character in a comment: same tokens, same offsets.
    expect(tokens(ascii.replace("done", "dône"))).toEqual(before);
  });
});
