/**
 * IDE requests over one module of 5,000 functions that all call one helper. These are the
 * requests that looked a name up by scanning the module's bindings once per name use or
 * per item (references, rename, semantic tokens, document symbols: quadratic, seconds at
 * 20,000 functions); they now go through maps. Here: their answers at that scale, and
 * the same for a struct far bigger than the checker's field scan is meant for.
 */
import { describe, expect, it } from "vitest";
import { InMemoryFileSystem, createCairoMService } from "../../src/index.js";

const N = 5000;
const text =
  Array.from({ length: N }, (_, i) => `fn f${i}(a: felt) -> felt { return helper(a) + helper(${i}); }`).join("\n") +
  "\nfn helper(x: felt) -> felt { return x; }\n";
const path = "/p/a.cm";
const helperDecl = text.lastIndexOf("fn helper") + 3;

function service() {
  return createCairoMService({ fs: new InMemoryFileSystem({ [path]: text }) });
}

describe(`a module of ${N} functions`, () => {
  it("references of the helper: every call and the declaration", () => {
    const refs = service().getReferences(path, helperDecl);
    expect(refs.length).toBe(2 * N + 1);
    expect(refs.every((r) => text.slice(r.range.start, r.range.end) === "helper")).toBe(true);
  });

  it("rename of the helper edits every call and the declaration", () => {
    const result = service().rename(path, helperDecl, "assist");
    expect(result.ok).toBe(true);
    const edits = result.ok ? result.edit.edits : [];
    expect(edits.length).toBe(2 * N + 1);
    expect(edits.every((e) => e.newText === "assist" && text.slice(e.range.start, e.range.end) === "helper")).toBe(true);
  });

  it("semantic tokens mark every helper call as a function", () => {
    const tokens = service().getSemanticTokens(path);
    const calls = tokens.filter((t) => text.slice(t.start, t.start + t.length) === "helper");
    expect(calls.length).toBe(2 * N + 1);
    expect(calls.every((t) => t.type === "function")).toBe(true);
  });

  it("document symbols list every function with its signature", () => {
    const symbols = service().getDocumentSymbols(path);
    expect(symbols.length).toBe(N + 1);
    expect(symbols[N - 1]).toMatchObject({ name: `f${N - 1}`, kind: "function" });
    expect(symbols[N - 1]!.detail).toContain("felt");
  });
});

describe("a struct of 2,000 fields", () => {
  const n = 2000;
  const fields = Array.from({ length: n }, (_, i) => `x${i}: ${i % 2 === 0 ? "felt" : "u32"}`).join(", ");
  const inits = Array.from({ length: n - 1 }, (_, i) => `x${i}: ${i % 2 === 0 ? "1" : "2u32"}`).join(", ");
  const source = `struct S { ${fields} }\nfn f() -> felt { let s = S { ${inits}, x0: 3, nope: 4 }; return s.x${n - 2}; }\n`;

  it("a literal of it: the duplicate, the unknown and the missing field, nothing else", () => {
    const service = createCairoMService({ fs: new InMemoryFileSystem({ [path]: source }) });
    const diagnostics = service.getDiagnostics(path).map((d) => `${d.code}: ${d.message}`);
    expect(diagnostics).toEqual([
      `missing-struct-field: missing field \`x${n - 1}\` in \`S\` literal`,
      "duplicate-field-init: field `x0` is given more than once",
      "unknown-field: `S` has no field `nope`",
    ]);
  });

  it("the outline lists every field with its type", () => {
    const service = createCairoMService({ fs: new InMemoryFileSystem({ [path]: source }) });
    const struct = service.getDocumentSymbols(path)[0]!;
    expect(struct.children.length).toBe(n);
    expect(struct.children.slice(0, 2).map((c) => `${c.name}: ${c.detail}`)).toEqual(["x0: felt", "x1: u32"]);
    expect(struct.children[n - 1]!.detail).toBe("u32");
  });
});
