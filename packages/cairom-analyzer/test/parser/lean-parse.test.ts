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
