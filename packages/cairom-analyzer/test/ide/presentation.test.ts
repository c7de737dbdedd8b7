import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits, createCairoMService, InMemoryFileSystem } from "../../src/index.js";
import { parseFixture } from "../support/fixture.js";
import { serviceFor } from "../support/check.js";
import { loadDirectory } from "../support/load-fs.js";

function open(source: string) {
  const f = parseFixture(source);
  return { f, s: serviceFor(f), text: f.files.get(f.main)! };
}

describe("document and workspace symbols", () => {
  it("outlines functions, structs with fields and constants", () => {
    const { s, text } = open(`use a::b;\nconst N: u32 = 1;\nstruct P { x: felt, y: felt }\nfn f(p: P) -> felt { return p.x; }\n`);
    const syms = s.getDocumentSymbols("/main.cm");
    expect(syms.map((x) => [x.name, x.kind, x.detail, text.slice(x.selectionRange.start, x.selectionRange.end)])).toEqual([
      ["N", "constant", "const N: u32", "N"],
      // The first line of the struct's signature was the detail: `struct P {`.
      ["P", "struct", "struct P", "P"],
      ["f", "function", "fn f(p: P) -> felt", "f"],
    ]);
    expect(syms[1]!.children.map((c) => `${c.name}: ${c.detail}`)).toEqual(["x: felt", "y: felt"]);
  });
  it("searches every loaded project by fuzzy name", () => {
    const { s } = open(`
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
fn main() { return; }
fn make_account() { return; }
//- /p/src/ledger.cm
struct Account { id: felt }
`);
    s.getDiagnostics("/p/src/main.cm");
    expect(s.getWorkspaceSymbols("acct").map((x) => `${x.container}::${x.name}`)).toEqual(["ledger::Account", "main::make_account"]);
  });
});

describe("folding ranges", () => {
  it("folds multi-line blocks, struct bodies, comment runs and import groups", () => {
    const { s, text } = open(`// one
// two
use a::x;
use a::y;
struct P {
    x: felt,
}
fn f() {
    if true {
        return;
    }
    return;
}
fn g() { return; }
`);
    const folds = s.getFoldingRanges("/main.cm").map((r) => `${r.kind ?? "region"}:${text.slice(r.start, r.end).split("\n")[0]}`);
    expect(folds).toEqual(["comment:// one", "imports:use a::x;", "region:{", "region:{", "region:{"]);
  });
  it("folds multi-line tuples, as it does arrays and argument lists", () => {
    // Tuple literals and tuple types were the only bracketed lists that did not fold.
    const { s, text } = open(`fn f(
    p: (
        felt,
        u32,
    ),
) -> felt {
    let t = (
        1,
        2,
    );
    return t.0;
}
`);
    const line = (offset: number) => text.slice(0, offset).split("\n").length;
    const folds = s.getFoldingRanges("/main.cm").map((r) => `${line(r.start)}-${line(r.end)}`);
    expect(folds).toEqual(["1-6", "2-5", "6-12", "7-10"]);
  });
  it("runs comment folds over comments alone on their lines only", () => {
    // A trailing comment joined the run below it, so the comment fold began on the line
    // where a block ends (or starts): regions sharing a line, which editors drop.
    const { s, text } = open(`fn f() -> felt {
    return 1;
} // end of f
// first line
// second line
fn g() -> felt { // starts here
    // the only own-line comment
    return 2;
}
`);
    const line = (offset: number) => text.slice(0, offset).split("\n").length;
    const folds = s.getFoldingRanges("/main.cm").map((r) => `${r.kind ?? "region"}:${line(r.start)}-${line(r.end)}`);
    expect(folds).toEqual(["region:1-3", "comment:4-5", "region:6-9"]);
  });
});

describe("semantic tokens", () => {
  it("classifies keywords, declarations, parameters, fields, constants and built-ins", () => {
    const { s, text } = open(`const K: u32 = 2;\nstruct P { x: u32 }\nfn f(p: P) -> u32 { let y = p.x + K; assert(y != 0); return y; }\n`);
    const toks = s.getSemanticTokens("/main.cm").map((t) => `${text.slice(t.start, t.start + t.length)}:${t.type}${t.modifiers.length ? "." + t.modifiers.join(".") : ""}`);
    expect(toks).toEqual([
      "const:keyword", "K:variable.declaration.readonly", "u32:type.defaultLibrary", "=:operator", "2:number",
      "struct:keyword", "P:struct.declaration", "x:property.declaration", "u32:type.defaultLibrary",
      "fn:keyword", "f:function.declaration", "p:parameter.declaration", "P:struct", "u32:type.defaultLibrary",
      "let:keyword", "y:variable.declaration", "=:operator", "p:parameter", "x:property", "+:operator", "K:variable.readonly",
      "assert:function.defaultLibrary", "y:variable", "!=:operator", "0:number", "return:keyword", "y:variable",
    ]);
  });
});

describe("semantic tokens on CRLF lines", () => {
  it("ends a comment's token before the `\\r` of its line break", () => {
    // The comment token held the `\r`, so its range reached into the line break.
    const text = "// héllo 😀\r\nfn f() { return; } // end\r\n";
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": text }) });
    const comments = s.getSemanticTokens("/m.cm").filter((t) => t.type === "comment").map((t) => text.slice(t.start, t.start + t.length));
    expect(comments).toEqual(["// héllo 😀", "// end"]);
  });
});

describe("semantic tokens in struct fields", () => {
  it("classifies struct names used as field types", () => {
    const { s, text } = open(`struct A { v: felt }\nstruct B { a: A, many: A* }\n`);
    const toks = s.getSemanticTokens("/main.cm").filter((t) => t.type === "struct").map((t) => `${text.slice(t.start, t.start + t.length)}@${t.start}`);
    expect(toks).toEqual(["A@7", "B@28", "A@35", "A@44"]);
  });
});

describe("inlay hints", () => {
  it("shows inferred types of unannotated bindings only", () => {
    const { s, text } = open(`fn f(a: u32) -> u32 { let b = a + 1; let c: u32 = b; let (d, e) = (b, true); const K = 3; return c + d; }`);
    const hints = s.getInlayHints("/main.cm").map((h) => `${text.slice(h.offset - 1, h.offset)}${h.label}`);
    expect(hints).toEqual(["b: u32", "d: u32", "e: bool", "K: felt"]);
  });
});

describe("formatting", () => {
  it("normalises spacing and indentation and keeps comments", () => {
    const { s } = open(`use  a::{b,c};
// leading comment
fn   f( x:felt,y : u32 )->felt{
let a=x*2;   // trailing
    if a==1{return -a;}else{ return a+  (y as felt); }


    let p:Point*=new Point[2];
  return p[0].x;
}
struct Point{x:felt,y:felt}
struct Empty {}
struct Commented { a: felt // last
}
`);
    expect(s.format("/main.cm")).toBe(`use a::{b, c};
// leading comment
fn f(x: felt, y: u32) -> felt {
    let a = x * 2; // trailing
    if a == 1 {
        return -a;
    } else {
        return a + (y as felt);
    }

    let p: Point* = new Point[2];
    return p[0].x;
}
struct Point {
    x: felt,
    y: felt,
}
struct Empty {}
struct Commented {
    a: felt, // last
}
`);
  });

  it("is idempotent on every example program and keeps every comment", () => {
    const fs = loadDirectory(join(import.meta.dirname, "../corpus/examples"), "/ex");
    const s = createCairoMService({ fs });
    for (const p of fs.paths().filter((x) => x.endsWith(".cm") && !x.includes("e01") && !x.includes("e02"))) {
      const once = s.format(p);
      expect(once, p).toBeDefined();
      const before = fs.readFile(p)!.match(/\/\/.*$/gm) ?? [];
      expect(once!.match(/\/\/.*$/gm) ?? [], p).toEqual(before.map((c) => c.trimEnd()));
      const g = new InMemoryFileSystem({ "/x.cm": once! });
      expect(createCairoMService({ fs: g }).format("/x.cm"), p).toBe(once);
    }
  });

  it("breaks argument, parameter and array lists that pass 100 columns, one element per line", () => {
    const { s } = open(`fn long_function_name(first_parameter: felt, second_parameter: felt, third_parameter: u32, flag: bool) -> felt {
    let values: [felt; 3] = [first_parameter, second_parameter, first_parameter + second_parameter + 1];
    return long_function_name(first_parameter, second_parameter, third_parameter) + short(1, 2,);
}
fn short(a: felt, b: felt) -> felt { return a + b; }
`);
    const once = s.format("/main.cm")!;
    expect(once).toBe(`fn long_function_name(
    first_parameter: felt,
    second_parameter: felt,
    third_parameter: u32,
    flag: bool,
) -> felt {
    let values: [felt; 3] = [
        first_parameter,
        second_parameter,
        first_parameter + second_parameter + 1,
    ];
    return long_function_name(first_parameter, second_parameter, third_parameter) + short(1, 2);
}
fn short(a: felt, b: felt) -> felt {
    return a + b;
}
`);
    expect(Math.max(...once.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
    const again = createCairoMService({ fs: new InMemoryFileSystem({ "/x.cm": once }) });
    expect(again.format("/x.cm")).toBe(once);
  });

  it("stays idempotent and comment-preserving when narrow widths force lots of breaking", async () => {
    const { formatParsed, parse } = await import("../../src/index.js");
    const fs = loadDirectory(join(import.meta.dirname, "../corpus/examples"), "/ex");
    for (const p of fs.paths().filter((x) => x.endsWith(".cm") && !x.includes("e01") && !x.includes("e02"))) {
      for (const width of [20, 40, 60]) {
        const src = fs.readFile(p)!;
        const once = formatParsed(parse(src), { width })!;
        expect(parse(once).diagnostics.filter((d) => d.code === "syntax-error"), p).toEqual([]);
        expect(formatParsed(parse(once), { width }), `${p} at width ${width}`).toBe(once);
        expect(once.match(/\/\/.*$/gm) ?? []).toEqual((src.match(/\/\/.*$/gm) ?? []).map((c) => c.trimEnd()));
      }
    }
  });

  it("refuses to format a file with syntax errors", () => {
    const { s } = open(`fn f() { let x = ; return; }`);
    expect(s.format("/main.cm")).toBeUndefined();
  });
});

describe("code actions", () => {
  it("offers the fixes of overlapping diagnostics; applying them clears the diagnostics", () => {
    const src = `use m::{a, b};\nfn f(unused: felt) {\n    b();\n}\n`;
    const fs = new InMemoryFileSystem({
      "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
      "/p/src/main.cm": src,
      "/p/src/m.cm": "fn a() { return; }\nfn b() { return; }\n",
    });
    const s = createCairoMService({ fs });
    const actions = s.getCodeActions("/p/src/main.cm", { start: 0, end: src.length });
    expect(actions.map((a) => [a.title, a.safety, a.diagnostic.code])).toEqual([
      ["Remove unused import `a`", "safe", "unused-variable"],
      ["Add `return;` at the end of the function", "safe", "missing-return"],
      ["Prefix `unused` with `_`", "safe", "unused-variable"],
    ]);
    expect(applyEdits(src, actions[0]!.edits).startsWith("use m::{b};\n")).toBe(true);
    const text = applyEdits(src, [...actions[1]!.edits, ...actions[2]!.edits]);
    s.setFileText("/p/src/main.cm", text);
    expect(s.getDiagnostics("/p/src/main.cm").map((d) => d.code)).toEqual(["unused-variable"]);
    const [last] = s.getCodeActions("/p/src/main.cm", { start: 8, end: 9 });
    s.setFileText("/p/src/main.cm", applyEdits(text, last!.edits));
    expect(s.getDiagnostics("/p/src/main.cm")).toEqual([]);
  });

  it("removes a whole use declaration when none of its names is used", () => {
    const { s, text } = open(`  use m::{a, b};\nfn f() { return; }\n`);
    const actions = s.getCodeActions("/main.cm", { start: 0, end: text.length });
    // Each unused name has the same fix: it is offered once (it was listed twice).
    expect(actions.map((a) => a.title)).toEqual(["Remove unused import"]);
    expect(applyEdits(text, actions[0]!.edits)).toBe(`  fn f() { return; }\n`);
  });

  it("answers a range that is no range with nothing: code actions, inlay hints, range formatting", () => {
    // NaN compares false with every offset, so the overlap test let every fix (and every
    // hint) through; a missing range failed inside the request.
    const { s, text } = open(`use m::{a, b};\nfn f() { let x = 1; return; }\n`);
    expect(s.getCodeActions("/main.cm", { start: 0, end: text.length })).toHaveLength(2);
    expect(s.getInlayHints("/main.cm")).toHaveLength(1);
    const errors: string[] = [];
    const quiet = createCairoMService({ fs: new InMemoryFileSystem({ "/main.cm": text }), onError: (feature) => errors.push(feature) });
    for (const range of [{ start: Number.NaN, end: Number.NaN }, { start: 0, end: Number.NaN }, { start: 9, end: 2 }, undefined, null]) {
      expect(s.getCodeActions("/main.cm", range as never)).toEqual([]);
      expect(quiet.getCodeActions("/main.cm", range as never)).toEqual([]);
      if (range) expect(s.getInlayHints("/main.cm", range)).toEqual([]);
    }
    expect(errors).toEqual([]);
    // Range formatting (of a file without syntax errors) makes no edit for such a range.
    for (const range of [{ start: Number.NaN, end: 3 }, { start: 9, end: 2 }, undefined, null]) {
      expect(quiet.formatRange("/main.cm", range as never)).toEqual([]);
    }
    expect(quiet.getWorkspaceSymbols(null as never)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("writes a fix's line breaks in the file's line endings", () => {
    // Fixes are written with `\n`: applied to a CRLF file they left a lone line feed.
    const text = "fn f() {\r\n    let _a = 1;\r\n}\r\n";
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": text }) });
    const [action] = s.getCodeActions("/m.cm", { start: 0, end: text.length });
    expect(action!.title).toBe("Add `return;` at the end of the function");
    const fixed = applyEdits(text, action!.edits);
    expect(fixed.replace(/\r\n/g, "")).not.toContain("\n");
    expect(fixed).toContain("return;\r\n}");
  });

  it("lays out the added `return;` as the body is laid out, and the result checks clean", () => {
    // The fix inserted a bare `return;\n` before the `}`: unindented, or glued to a one-line body.
    const cases: [string, string][] = [
      ["fn f() {\n    let _a = 1;\n}\n", "fn f() {\n    let _a = 1;\n    return;\n}\n"],
      ["fn f() {\n\tif true {\n\t\tlet _a = 1;\n\t}\n\n}\n", "fn f() {\n\tif true {\n\t\tlet _a = 1;\n\t}\n\n\treturn;\n}\n"],
      ["fn f() {\n}\n", "fn f() {\n    return;\n}\n"],
      ["fn f() { let _a = 1;\n}\n", "fn f() { let _a = 1;\n    return;\n}\n"],
      ["fn f() { let _a = 1; }\n", "fn f() { let _a = 1; return; }\n"],
      ["fn f() {let _a = 1;}\n", "fn f() {let _a = 1; return; }\n"],
      ["fn f() {\r\n    let _a = 1;\r\n}\r\n", "fn f() {\r\n    let _a = 1;\r\n    return;\r\n}\r\n"],
    ];
    for (const [text, expected] of cases) {
      const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": text }) });
      const [action] = s.getCodeActions("/m.cm", { start: 0, end: text.length });
      expect(action!.title, JSON.stringify(text)).toBe("Add `return;` at the end of the function");
      const fixed = applyEdits(text, action!.edits);
      expect(fixed, JSON.stringify(text)).toBe(expected);
      const again = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": fixed }) });
      expect(again.getDiagnostics("/m.cm"), JSON.stringify(fixed)).toEqual([]);
    }
  });

  it("offers a return type for a unit function that returns a value", () => {
    const { s, text } = open(`fn f() {\n    return 5u32;\n}\n`);
    const [action] = s.getCodeActions("/main.cm", { start: 0, end: text.length });
    expect(action!.title).toBe("Add return type `-> u32`");
    expect(applyEdits(text, action!.edits)).toBe(`fn f() -> u32 {\n    return 5u32;\n}\n`);
  });

  it("offers a return type only when every return gives that type and the body always returns", () => {
    // With a `return;` elsewhere, `-> u32` turned it into missing-return-value.
    for (const body of [
      "    if true { return; }\n    return 5u32;\n",
      "    if true { return true; }\n    return 5u32;\n",
      "    if true { return 5u32; }\n",
      "    if true { return (); }\n    return 5u32;\n",
    ]) {
      const { s, text } = open(`fn f() {\n${body}}\n`);
      const titles = s.getCodeActions("/main.cm", { start: 0, end: text.length }).map((a) => a.title);
      expect(titles, body).not.toContain("Add return type `-> u32`");
      expect(s.getDiagnostics("/main.cm").map((d) => d.code), body).toContain("return-type-mismatch");
    }
    const { s, text } = open(`fn f() {\n    if true { return 1u32; }\n    return 5u32;\n}\n`);
    const [action] = s.getCodeActions("/main.cm", { start: 0, end: text.length });
    expect(action!.title).toBe("Add return type `-> u32`");
    expect(diagnosticsOf({ "/m.cm": applyEdits(text, action!.edits) }, "/m.cm")).toEqual([]);
  });

  it("offers no fix in an item with a syntax error: its parse had to guess", () => {
    // `P { x: x * (g(x) * as felt, }` got its fields added after the `,` (`,, y: 0u32`), and
    // removing the `use othe` of `use othe+r::{a};` left `+r::{a};` as the file's first item.
    for (const text of [
      "struct P { x: felt, y: u32 }\nfn f(x: felt) -> P {\n    return P { x: x * ( as felt, };\n}\n",
      "fn f(x: felt) {\n    let y = x +;\n    return;\n}\n",
      "use othe+r::{a};\nfn f() { return; }\n",
    ]) {
      const { s } = open(text);
      expect(s.getDiagnostics("/main.cm").map((d) => d.code), text).toContain("syntax-error");
      expect(s.getCodeActions("/main.cm", { start: 0, end: text.length }), text).toEqual([]);
    }
  });

  it("does not remove an import that struct literals name, though it counts as unused (the reference's quirk)", () => {
    // Removing it left `Point { … }` naming nothing (undeclared-type), or made the literal
    // name another struct of the same name.
    const files = {
      "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
      "/p/src/main.cm": "use shapes::{Point, area};\nfn main() -> felt {\n    let p = Point { x: 1, y: 2 };\n    return p.x;\n}\n",
      "/p/src/shapes.cm": "struct Point { x: felt, y: felt }\nfn area() -> felt { return 0; }\n",
    };
    const s = createCairoMService({ fs: new InMemoryFileSystem(files) });
    const text = files["/p/src/main.cm"];
    expect(s.getDiagnostics("/p/src/main.cm").map((d) => d.message)).toEqual(["`Point` is never used (remove the import)", "`area` is never used (remove the import)"]);
    const actions = s.getCodeActions("/p/src/main.cm", { start: 0, end: text.length });
    expect(actions.map((a) => a.title)).toEqual(["Remove unused import `area`"]);
    const fixed = applyEdits(text, actions[0]!.edits);
    expect(diagnosticsOf({ ...files, "/p/src/main.cm": fixed }, "/p/src/main.cm")).toEqual(["unused-variable `Point` is never used (remove the import)"]);
  });
});

describe("conversion fixes", () => {
  it("offers `as felt` for a u32 where a felt is expected, with parentheses when needed", () => {
    const src = `fn g(x: felt) -> felt { return x; }\nfn f(i: u32, data: [felt; 3]) -> felt {\n    let a = 0;\n    a = i + 1;\n    let _b = data[i];\n    return g(i) + a;\n}\n`;
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": src }) });
    const fixed = s
      .getCodeActions("/m.cm", { start: 0, end: src.length })
      .filter((a) => a.title === "Convert with `as felt`")
      .reduce((text, a, i, all) => (i === 0 ? applyEdits(src, all.flatMap((x) => x.edits)) : text), src);
    expect(fixed).toBe(`fn g(x: felt) -> felt { return x; }\nfn f(i: u32, data: [felt; 3]) -> felt {\n    let a = 0;\n    a = (i + 1) as felt;\n    let _b = data[i as felt];\n    return g(i as felt) + a;\n}\n`);
    const s2 = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": fixed }) });
    expect(s2.getDiagnostics("/m.cm").map((d) => d.message)).toEqual([]);
  });

  it("offers `as felt` on the operand of a mixed `u32`/`felt` operator whose cast makes it type-check", () => {
    // Only arguments, `let`, `return`, assignments and indices had the fix; operators had none.
    const head = "fn f(x: u32, y: felt, w: u32) -> felt {\n";
    const cases: [string, string | undefined][] = [
      ["    return y + x;\n", "    return y + x as felt;\n"],
      ["    return y * (x + w);\n", "    return y * (x + w) as felt;\n"],
      ["    return y - x * w;\n", "    return y - (x * w) as felt;\n"],
      ["    return y == x;\n", "    return y == x as felt;\n"],
      // The left operand, where the result may become `felt`: a comparison, or a `felt` context.
      ["    assert(x == y);\n    return y;\n", "    assert(x as felt == y);\n    return y;\n"],
      ["    return x + y;\n", "    return x as felt + y;\n"],
      ["    return x * w - y;\n", "    return (x * w) as felt - y;\n"],
      ["    let _a: [felt; 2] = [y, x / y];\n    return y;\n", "    let _a: [felt; 2] = [y, x as felt / y];\n    return y;\n"],
      // The context needs the `u32` the sum has: casting `x` would only move the error.
      ["    let _z: u32 = x + y;\n    return y;\n", undefined],
      ["    return (x + y + w) as felt;\n", undefined],
      // No legal cast helps: `<`, `%` and `&` take only `u32`, and there is no `felt as u32`.
      ["    assert(x < y);\n    return y;\n", undefined],
      ["    return (x % y) as felt;\n", undefined],
      ["    return (x & y) as felt;\n", undefined],
    ];
    for (const [body, expectedBody] of cases) {
      const src = `${head}${body}}\n`;
      const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": src }) });
      const mismatch = s.getDiagnostics("/m.cm").find((d) => d.code === "operator-type-mismatch");
      expect(mismatch, src).toBeDefined();
      const actions = s.getCodeActions("/m.cm", { start: 0, end: src.length }).filter((a) => a.diagnostic.code === "operator-type-mismatch");
      if (expectedBody === undefined) {
        expect(actions, src).toEqual([]);
        continue;
      }
      expect(actions.map((a) => [a.title, a.safety]), src).toEqual([["Convert with `as felt`", "unsafe"]]);
      const fixed = applyEdits(src, actions[0]!.edits);
      expect(fixed, src).toBe(`${head}${expectedBody}}\n`);
      // The mismatch is gone and nothing new appears (a `return` mismatch the sum caused goes too).
      const before = diagnosticsOf({ "/m.cm": src }, "/m.cm");
      const after = diagnosticsOf({ "/m.cm": fixed }, "/m.cm");
      expect(after.filter((d) => !before.includes(d)), fixed).toEqual([]);
      expect(after.some((d) => d.startsWith("operator-type-mismatch")), fixed).toBe(false);
    }
  });
});

describe("missing struct fields fix", () => {
  it("adds the missing primitive fields with placeholder values", () => {
    const src = `struct P { x: felt, y: u32, ok: bool }\nfn f() -> P { return P { x: 1 }; }\nfn g() -> P { return P {}; }\n`;
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": src }) });
    const actions = s.getCodeActions("/m.cm", { start: 0, end: src.length });
    // One action per literal: the two missing fields of `P {}` share one fix (it was offered twice).
    expect(actions.map((a) => a.title)).toEqual(["Add missing fields with placeholder values", "Add missing fields with placeholder values"]);
    const first = actions[0]!;
    const fixedF = applyEdits(src, first.edits);
    expect(fixedF).toContain("return P { x: 1, y: 0u32, ok: false };");
    const g = actions.find((a) => a.diagnostic.range.start > src.indexOf("fn g"))!;
    expect(applyEdits(src, g.edits)).toContain("return P { x: 0, y: 0u32, ok: false };");
  });

  it("lays out the added fields as the literal is laid out: one per line in a multi-line literal", () => {
    // On a literal written over several lines the fields were appended to the last one's
    // line (`x: 1, y: 0u32, ok: false,`).
    const decl = "struct P { x: felt, y: u32, ok: bool }\n";
    const cases: [string, string][] = [
      // A trailing comma stays the last field's.
      ["    return P {\n        x: 1,\n    };\n", "    return P {\n        x: 1,\n        y: 0u32,\n        ok: false,\n    };\n"],
      // Without one, none is added at the end.
      ["    return P {\n        x: 1\n    };\n", "    return P {\n        x: 1,\n        y: 0u32,\n        ok: false\n    };\n"],
      // A comment after the last field stays with it.
      ["    return P {\n        x: 1 // one\n    };\n", "    return P {\n        x: 1, // one\n        y: 0u32,\n        ok: false\n    };\n"],
      ["    return P {\n        x: 1, // one\n    };\n", "    return P {\n        x: 1, // one\n        y: 0u32,\n        ok: false,\n    };\n"],
      // The `}` on the last field's line stays after the new fields.
      ["    return P { x: 1,\n        y: 2u32 };\n", "    return P { x: 1,\n        y: 2u32,\n        ok: false };\n"],
      // Empty braces: the `{` line's indentation plus one level; tabs stay tabs.
      ["    return P {\n    };\n", "    return P {\n        x: 0,\n        y: 0u32,\n        ok: false,\n    };\n"],
      ["\treturn P {\n\t\tx: 1,\n\t};\n", "\treturn P {\n\t\tx: 1,\n\t\ty: 0u32,\n\t\tok: false,\n\t};\n"],
      ["    return P { x: 1,\n    };\n", "    return P { x: 1,\n        y: 0u32,\n        ok: false,\n    };\n"],
      // A one-line literal stays on one line.
      ["    return P { x: 1 };\n", "    return P { x: 1, y: 0u32, ok: false };\n"],
      ["    return P { x: 1, };\n", "    return P { x: 1, y: 0u32, ok: false, };\n"],
      ["    return P { };\n", "    return P { x: 0, y: 0u32, ok: false };\n"],
    ];
    for (const crlf of [false, true]) {
      for (const [body, expectedBody] of cases) {
        const eol = (t: string) => (crlf ? t.replace(/\n/g, "\r\n") : t);
        const src = eol(`${decl}fn f() -> P {\n${body}}\n`);
        const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": src }) });
        const actions = s.getCodeActions("/m.cm", { start: 0, end: src.length });
        expect(actions.map((a) => a.title), src).toEqual([expect.stringMatching(/^Add missing fields? with placeholder values$/)]);
        const fixed = applyEdits(src, actions[0]!.edits);
        expect(fixed, JSON.stringify(src)).toBe(eol(`${decl}fn f() -> P {\n${expectedBody}}\n`));
        expect(diagnosticsOf({ "/m.cm": fixed }, "/m.cm"), fixed).toEqual([]);
      }
    }
  });
});

/** The diagnostics of `files` after one service has checked them, as `code message` lines per file. */
function diagnosticsOf(files: Record<string, string>, path: string): string[] {
  const s = createCairoMService({ fs: new InMemoryFileSystem(files) });
  return Object.keys(files)
    .filter((p) => p.endsWith(".cm"))
    .flatMap((p) => s.getDiagnostics(p).map((d) => `${p === path ? "" : `${p}: `}${d.code} ${d.message}`));
}

describe("prefix-with-underscore fix", () => {
  const prefixActions = (files: Record<string, string>, path: string) => {
    const s = createCairoMService({ fs: new InMemoryFileSystem(files) });
    return s.getCodeActions(path, { start: 0, end: files[path]!.length }).filter((a) => a.title.startsWith("Prefix"));
  };

  it("picks a name no other parameter has: `_x` beside `x` would be a duplicate parameter", () => {
    // The fix wrote `_x` before `x`, which made `fn f(_x: felt, _x: felt)`.
    const src = `fn f(x: felt, _x: felt) -> felt {\n    return _x;\n}\n`;
    const [action, ...rest] = prefixActions({ "/m.cm": src }, "/m.cm");
    expect(rest).toEqual([]);
    expect(action!.title).toBe("Prefix `x` with `__`");
    const fixed = applyEdits(src, action!.edits);
    expect(fixed).toBe(`fn f(__x: felt, _x: felt) -> felt {\n    return _x;\n}\n`);
    expect(diagnosticsOf({ "/m.cm": fixed }, "/m.cm")).toEqual([]);
  });

  it("does not capture a use of another `_x`: the program keeps its meaning", () => {
    // `let _x = 2; let _x = 1; return _x;` returned 1 instead of 2, with no diagnostic to say so.
    const src = `fn f() -> felt {\n    let _x = 2;\n    let x = 1;\n    return _x;\n}\n`;
    const [action] = prefixActions({ "/m.cm": src }, "/m.cm");
    const fixed = applyEdits(src, action!.edits);
    expect(fixed).toBe(`fn f() -> felt {\n    let _x = 2;\n    let __x = 1;\n    return _x;\n}\n`);
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": fixed }) });
    expect(s.getDiagnostics("/m.cm")).toEqual([]);
    expect(s.getDefinition("/m.cm", fixed.indexOf("_x;"))).toEqual([{ path: "/m.cm", range: { start: fixed.indexOf("_x = 2"), end: fixed.indexOf("_x = 2") + 2 } }]);
  });

  it("does not capture a use of a module-level `_x`, an undeclared `_x` or another name in the same pattern", () => {
    const cases: [string, string][] = [
      [`fn _x() { return; }\nfn f(x: felt) {\n    _x();\n    return;\n}\n`, `fn _x() { return; }\nfn f(__x: felt) {\n    _x();\n    return;\n}\n`],
      [`fn f() -> felt {\n    let x = 1;\n    return _x;\n}\n`, `fn f() -> felt {\n    let __x = 1;\n    return _x;\n}\n`],
      [`fn f() -> felt {\n    let (x, _x) = (1, 2);\n    return _x;\n}\n`, `fn f() -> felt {\n    let (__x, _x) = (1, 2);\n    return _x;\n}\n`],
      // Nothing named `_x` anywhere: the plain prefix.
      [`fn f(x: felt) {\n    return;\n}\n`, `fn f(_x: felt) {\n    return;\n}\n`],
    ];
    for (const [src, expected] of cases) {
      const before = diagnosticsOf({ "/m.cm": src }, "/m.cm").filter((d) => !d.startsWith("unused-variable"));
      const [action] = prefixActions({ "/m.cm": src }, "/m.cm");
      const fixed = applyEdits(src, action!.edits);
      expect(fixed, src).toBe(expected);
      expect(diagnosticsOf({ "/m.cm": fixed }, "/m.cm"), src).toEqual(before);
    }
  });

  it("renames a top-level constant only to a name free in its file and unknown to the modules importing from it", () => {
    const toml = 'name = "p"\nentry_point = "main.cm"\n';
    // A constant `_x` already used: `_x` would be a duplicate definition.
    const main = `const x: felt = 1;\nconst _x: felt = 2;\nfn main() -> felt {\n    return _x;\n}\n`;
    const files = { "/p/cairom.toml": toml, "/p/src/main.cm": main };
    const [action] = prefixActions(files, "/p/src/main.cm");
    expect(action!.title).toBe("Prefix `x` with `__`");
    const fixed = applyEdits(main, action!.edits);
    expect(diagnosticsOf({ ...files, "/p/src/main.cm": fixed }, "/p/src/main.cm")).toEqual([]);
    // Another module imports `x`: renaming it would break that import, so no prefix is offered.
    const lib = { "/p/cairom.toml": toml, "/p/src/main.cm": `use lib::x;\nfn main() -> felt {\n    return x;\n}\n`, "/p/src/lib.cm": `const x: felt = 1;\n` };
    expect(diagnosticsOf(lib, "/p/src/lib.cm")).toEqual(["unused-variable `x` is never used (prefix it with `_` to silence)"]);
    expect(prefixActions(lib, "/p/src/lib.cm")).toEqual([]);
    // Another module imports `_x`, which does not exist yet: renaming `x` to it would resolve that import.
    const capture = { ...lib, "/p/src/main.cm": `use lib::_x;\nfn main() {\n    return;\n}\n` };
    const [other] = prefixActions(capture, "/p/src/lib.cm");
    expect(other!.title).toBe("Prefix `x` with `__`");
  });
});
