import { describe, expect, it } from "vitest";
import { InMemoryFileSystem, createCairoMService } from "../../src/index.js";
import { checkCompletion, parseFixtureForTest, serviceForTest } from "./helpers.js";

describe("completion", () => {
  it("offers locals in scope (innermost, declaration order respected), items and statement keywords", () => {
    checkCompletion(
      `
const EARLY: felt = 1;
fn helper() -> felt { return 1; }
fn f(param: felt) -> felt {
    let outer = 1;
    {
        let inner = 2;
    }
    let shadow = true;
    let shadow = 3;
    $0
    let later = 4;
    return later;
}
const LATE: felt = 2;
`,
      (labels, items) => {
        expect(labels).toContain("param");
        expect(labels).toContain("outer");
        expect(labels).toContain("shadow");
        expect(labels).toContain("EARLY");
        expect(labels).toContain("helper");
        expect(labels).toContain("let");
        expect(labels).toContain("return");
        expect(labels).not.toContain("inner");
        expect(labels).not.toContain("later");
        expect(labels).not.toContain("LATE");
        expect(items.find((i) => i.label === "shadow")).toMatchObject({ kind: "variable", detail: "felt" });
        expect(items.find((i) => i.label === "helper")).toMatchObject({ kind: "function", detail: "fn helper() -> felt" });
      },
    );
  });

  it("filters by the typed prefix and offers only expression keywords mid-expression", () => {
    checkCompletion(`fn f(total: felt, tally: u32) -> felt { let x = 1 + t$0; return x; }`, (labels) => {
      expect(labels).toEqual(["total", "tally", "true"]);
    });
  });

  it("offers struct fields after `.`, and tuple elements", () => {
    checkCompletion(`struct P { x: felt, y: u32 }\nfn f(p: P) -> felt { return p.$0; }`, (labels, items) => {
      expect(labels).toEqual(["x", "y"]);
      expect(items[1]).toMatchObject({ kind: "field", detail: "u32" });
    });
    checkCompletion(`fn f(t: (felt, bool)) -> felt { let a = t.$0; return 0; }`, (labels) => expect(labels).toEqual(["0", "1"]));
    checkCompletion(`struct P { x: felt, y: u32 }\nfn f(ps: P*) -> felt { return ps[0].x$0; }`, (labels) => expect(labels).toEqual(["x"]));
  });

  it("offers module paths after `::` in use declarations, then the module's items", () => {
    const project = `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use @@;
fn main() { return; }
//- /p/src/util/checks.cm
const MAX: u32 = 10;
fn ok() -> bool { return true; }
//- /p/src/util/math.cm
fn add(a: felt, b: felt) -> felt { return a + b; }
//- /p/src/ledger.cm
struct Account { id: felt }
`;
    checkCompletion(project.replace("@@", "$0"), (labels) => expect(labels.sort()).toEqual(["ledger", "util"]));
    checkCompletion(project.replace("@@", "util::$0"), (labels) => expect(labels.sort()).toEqual(["checks", "math"]));
    checkCompletion(project.replace("@@", "util::checks::$0"), (labels) => expect(labels.sort()).toEqual(["MAX", "ok"]));
    checkCompletion(project.replace("@@", "util::checks::{ok, M$0}"), (labels) => expect(labels).toEqual(["MAX"]));
    // In a list: the items not listed yet, no modules; comments in the path are no segments.
    checkCompletion(project.replace("@@", "util::checks::{ok, $0}"), (labels) => expect(labels).toEqual(["MAX"]));
    checkCompletion(project.replace("@@", "util::{$0}"), (labels) => expect(labels).toEqual([]));
    checkCompletion(project.replace("@@", "util:: // the helpers\n    checks::{$0}"), (labels) => expect(labels.sort()).toEqual(["MAX", "ok"]));
    // A `use` not finished at the end of the file ends at its last token: after the space
    // typed behind `use` nothing was offered.
    const atEnd = project.replace("use @@;\nfn main() { return; }", "fn main() { return; }\nuse @@");
    checkCompletion(atEnd.replace("@@", "$0"), (labels) => expect(labels.sort()).toEqual(["ledger", "util"]));
    checkCompletion(atEnd.replace("@@", "\n$0"), (labels) => expect(labels.sort()).toEqual(["ledger", "util"]));
    checkCompletion(atEnd.replace("@@", "util::checks::{MAX, $0"), (labels) => expect(labels).toEqual(["ok"]));
  });

  it("offers types in type positions and item keywords at top level", () => {
    checkCompletion(`struct Point { x: felt }\nfn f(p: $0) { return; }`, (labels) => expect(labels).toEqual(["felt", "u32", "bool", "Point"]));
    checkCompletion(`struct Point { x: felt }\nfn f() { let q: P$0 = 1; return; }`, (labels) => expect(labels).toEqual(["Point"]));
    checkCompletion(`fn f() { return; }\n$0`, (labels) => expect(labels).toEqual(["fn", "struct", "const", "use"]));
    // A cast target is a primitive: no struct after `as`.
    checkCompletion(`struct Point { x: felt }\nfn f(i: u32) -> felt { return i as $0; }`, (labels) => expect(labels).toEqual(["felt", "u32", "bool"]));
  });
});

describe("signature help", () => {
  it("shows the signature and the active parameter", () => {
    const f = parseFixtureForTest(`
/// Area of a rectangle.
fn area(w: u32, h: u32) -> u32 { return w * h; }
fn main() -> u32 { return area(3, $0); }`);
    const help = serviceForTest(f).getSignatureHelp(f.cursor!.path, f.cursor!.offset);
    expect(help).toEqual({
      label: "fn area(w: u32, h: u32) -> u32",
      parameters: [
        { label: "w: u32", start: 8, end: 14 },
        { label: "h: u32", start: 16, end: 22 },
      ],
      activeParameter: 1,
      documentation: "Area of a rectangle.",
    });
  });
  it("stays up in a call not closed yet, after the space typed behind a comma", () => {
    // The open argument list ends at its last token: the help vanished at `add(1, |`.
    const help = (source: string) => {
      const f = parseFixtureForTest(source);
      return serviceForTest(f).getSignatureHelp(f.cursor!.path, f.cursor!.offset);
    };
    const add = `fn add(a: felt, b: felt) -> felt { return a + b; }\n`;
    expect(help(`${add}fn f() -> felt { return add(1, $0`)).toMatchObject({ label: "fn add(a: felt, b: felt) -> felt", activeParameter: 1 });
    expect(help(`${add}fn f() -> felt {\n    let x = add(1, add(2, 3) $0\n    return x;\n}`)).toMatchObject({ activeParameter: 1 });
    expect(help(`${add}fn f() -> felt {\n    let x = add(1, \n    $0\n    return x;\n}`)).toMatchObject({ activeParameter: 1 });
    // Not behind a finished call, nor inside a word that is no argument.
    expect(help(`${add}fn f() -> felt { return add(1, 2) $0`)).toBeUndefined();
    expect(help(`${add}fn f() -> felt {\n    let x = add(1, \n    ret$0urn x;\n}`)).toBeUndefined();
  });
  it("is absent when a local hides the function", () => {
    const f = parseFixtureForTest(`fn add(a: felt, b: felt) -> felt { return a + b; }\nfn f(add: felt) -> felt { return add(1, $02); }`);
    expect(serviceForTest(f).getSignatureHelp(f.cursor!.path, f.cursor!.offset)).toBeUndefined();
  });
  it("is absent outside calls", () => {
    const f = parseFixtureForTest(`fn main() -> u32 { return $0 1; }`);
    expect(serviceForTest(f).getSignatureHelp(f.cursor!.path, f.cursor!.offset)).toBeUndefined();
  });
});

describe("completion in struct literals", () => {
  it("offers the fields not given yet", () => {
    checkCompletion(`struct P { x: felt, y: u32, z: bool }\nfn f() -> P { return P { y: 1, $0 }; }`, (labels, items) => {
      expect(labels).toEqual(["x", "z"]);
      expect(items[0]).toMatchObject({ kind: "field", detail: "felt" });
    });
  });
});

describe("keywords by position", () => {
  it("offers `else` only after the body of an `if` without one", () => {
    checkCompletion(`fn f(a: felt) -> felt { if a == 0 { return 1; } e$0 return 0; }`, (labels) => expect(labels).toEqual(["else"]));
    checkCompletion(`fn f(a: felt) -> felt { let b = 1; e$0 return b; }`, (labels) => expect(labels).toEqual([]));
    checkCompletion(`fn f(a: felt) -> felt { while a != 0 { a = a - 1; } e$0 return a; }`, (labels) => expect(labels).toEqual([]));
  });
});

describe("statement keywords where a statement may start", () => {
  it("after `else` (for `else if`), `loop` and the `)` of a `for` header or parenthesised condition", () => {
    checkCompletion(`fn f(a: felt) -> felt { if a == 1 { return 1; } else i$0 }`, (labels) => expect(labels).toEqual(["if"]));
    checkCompletion(`fn f(a: felt) -> felt { loop r$0 }`, (labels) => expect(labels).toEqual(["return"]));
    checkCompletion(`fn f(a: felt) { for (let i = 0; i != 3; i = i + 1) b$0 }`, (labels) => expect(labels).toEqual(["break"]));
    checkCompletion(`fn f(a: felt) { while (a != 1) c$0 }`, (labels) => expect(labels).toEqual(["const", "continue"]));
  });
  it("`let` first in a `for` header, expressions only after its `;`s and after a call's `)`", () => {
    checkCompletion(`fn f(a: felt) { for (l$0 }`, (labels) => expect(labels).toEqual(["let"]));
    checkCompletion(`fn f(a: felt) { for (let i = 0; i != 3; r$0) {} }`, (labels) => expect(labels).toEqual([]));
    checkCompletion(`fn g(x: felt) -> bool { return true; }\nfn f(a: felt) { if g(a) r$0 }`, (labels) => expect(labels).toEqual([]));
  });
});

describe("completion tables are per memoized analysis", () => {
  it("follows edits: a local's new type, a new top-level item, a local shadowing an item", () => {
    const f = parseFixtureForTest(`fn total() -> felt { return 1; }\nfn f() -> felt { let count = 1; $0return count; }`);
    const service = serviceForTest(f);
    const path = f.cursor!.path;
    const at = () => {
      const text = service.host.fs.readFile(path)!;
      return service.getCompletions(path, text.indexOf("return count"));
    };
    expect(at().find((i) => i.label === "count")).toMatchObject({ kind: "variable", detail: "felt" });
    // The same request twice gives equal answers (the tables are reused, not mutated).
    expect(at()).toEqual(at());
    const text = service.host.fs.readFile(path)!;
    const retyped = text.replace("let count = 1;", "let count = true;");
    service.setFileText(path, retyped);
    expect(at().find((i) => i.label === "count")).toMatchObject({ detail: "bool" });
    service.setFileText(path, `fn extra() { return; }\n${retyped.replace("let count = true;", "let count = true; let total = 2u32;")}`);
    const items = at();
    expect(items.map((i) => i.label)).toContain("extra");
    // `total` the local hides `total` the function.
    expect(items.filter((i) => i.label === "total")).toEqual([expect.objectContaining({ kind: "variable", detail: "u32" })]);
  });

  it("clamps a stale or broken offset: past the end is the end, negative or NaN the start", () => {
    // Unclamped, a position past the end made the prefix scan step back one offset at a
    // time from there (forever from Infinity).
    const text = "fn main() -> felt { let x = 1; return x; }\nfn other() {}\n";
    const service = createCairoMService({ fs: new InMemoryFileSystem({ "/p/a.cm": text }) });
    const labels = (offset: number) => service.getCompletions("/p/a.cm", offset).map((c) => c.label).join(",");
    const atEnd = labels(text.length);
    expect(atEnd).toContain("fn");
    for (const past of [text.length + 1, 1e9, Number.POSITIVE_INFINITY]) expect(labels(past)).toBe(atEnd);
    for (const before of [-1, -1e9, Number.NaN, Number.NEGATIVE_INFINITY]) expect(labels(before)).toBe(labels(0));
    expect(labels(4.7)).toBe(labels(4));
  });
});

describe("completion where the editor is mid-edit", () => {
  it("offers nothing inside a comment, and the usual names right before one", () => {
    checkCompletion(`fn f(total: felt) -> felt {\n    // the t$0\n    return total;\n}`, (labels) => expect(labels).toEqual([]));
    checkCompletion(`fn f(total: felt) -> felt {\n    //$0\n    return total;\n}`, (labels) => expect(labels).toEqual([]));
    checkCompletion(`fn f(total: felt) -> felt {\n    let x = t$0 // the total\n    return total;\n}`, (labels) => expect(labels).toEqual(["total", "true"]));
  });

  it("continues a function whose body is not closed yet at the end of the file", () => {
    // The unfinished item ends at its last token: the whitespace typed after it lay outside
    // every item, so only item keywords were offered.
    checkCompletion(`fn done() { return; }\nfn f(param: felt) {\n    let local = 1;\n    $0`, (labels) => {
      expect(labels).toEqual(expect.arrayContaining(["param", "local", "done", "let", "return"]));
      expect(labels).not.toContain("fn");
    });
    checkCompletion(`fn f(param: felt) {\n    if param == 1 {\n        let inner = 2;\n    }$0`, (labels) => {
      expect(labels).toEqual(expect.arrayContaining(["param", "else", "let"]));
      expect(labels).not.toContain("inner");
    });
    checkCompletion(`fn f(param: felt) {\n    loop {\n        let inner = 2;\n        $0`, (labels) => {
      expect(labels).toEqual(expect.arrayContaining(["param", "inner", "break"]));
    });
    checkCompletion(`fn f(param: felt) {\n    for (let i = 0; i != 3; i = i + 1) {\n        let inner = 2;\n    }\n    $0`, (labels) => {
      expect(labels).toContain("param");
      expect(labels).not.toContain("i");
      expect(labels).not.toContain("inner");
    });
    // A `let` still being written is not visible in its own initializer.
    checkCompletion(`fn f(param: felt) {\n    let w = 1;\n    let y = w +\n    $0`, (labels) => {
      expect(labels).toEqual(["param", "w", "f", "assert", "true", "false", "new"]);
    });
  });

  it("offers item keywords on the line after a `use` and after a finished constant", () => {
    // The position right after the `;` counts as inside the `use` declaration, so module
    // paths were looked up for `a::b;` and nothing was offered.
    const project = `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/lib.cm
fn g() { return; }
//- /p/src/main.cm
`;
    checkCompletion(`${project}use lib::g;\n$0`, (labels) => expect(labels).toEqual(["fn", "struct", "const", "use"]));
    checkCompletion(`${project}use lib::g;\nu$0`, (labels) => expect(labels).toEqual(["use"]));
    checkCompletion(`const A: felt = 1;$0`, (labels) => expect(labels).toEqual(["fn", "struct", "const", "use"]));
  });

  it("offers nothing where a new name is being declared", () => {
    for (const source of [
      `fn $0`,
      `struct $0`,
      `const $0`,
      `fn f(a: felt, $0) { return; }`,
      `fn f($0) { return; }`,
      `struct S { a: felt, $0 }`,
      `struct S {\n    $0`,
      `fn f(a: felt) { let $0 }`,
      `fn f(a: felt) { let (b, $0) = (1, 2); return; }`,
      `fn f(a: felt) { const $0 }`,
    ]) {
      checkCompletion(source, (labels) => expect({ source, labels }).toEqual({ source, labels: [] }));
    }
    // Types are still offered after the colon.
    checkCompletion(`struct S { a: felt, b: $0 }`, (labels) => expect(labels).toEqual(["felt", "u32", "bool", "S"]));
    checkCompletion(`struct S { a: (felt, $0) }`, (labels) => expect(labels).toEqual(["felt", "u32", "bool", "S"]));
  });

  it("offers item keywords at the very start of a file, not the first item's completions", () => {
    // The cursor before the first item counted as inside it: types were offered before `struct`.
    checkCompletion(`$0struct Point { x: felt }\nfn f() { return; }`, (labels) => expect(labels).toEqual(["fn", "struct", "const", "use"]));
    checkCompletion(`// header\n$0\nfn f() { return; }`, (labels) => expect(labels).toEqual(["fn", "struct", "const", "use"]));
    checkCompletion(`s$0\nstruct Point { x: felt }`, (labels) => expect(labels).toEqual(["struct"]));
  });

  it("knows a type position from the token before the cursor", () => {
    const point = `struct Point { x: felt }\n`;
    // Inside tuple and array types (expressions were offered there).
    checkCompletion(`${point}fn f(p: (felt, $0)) { return; }`, (labels) => expect(labels).toEqual(["felt", "u32", "bool", "Point"]));
    checkCompletion(`${point}fn f() { let p: [$0; 2] = [1, 2]; return; }`, (labels) => expect(labels).toEqual(["felt", "u32", "bool", "Point"]));
    checkCompletion(`${point}fn f() { let b = new (felt, $0)[2]; return; }`, (labels) => expect(labels).toEqual(["felt", "u32", "bool", "Point"]));
    // After a struct-literal field's colon a value follows, not a type (types were offered
    // because the literal sat in a `let`).
    checkCompletion(`${point}fn f(v: felt) { let p = Point { x: $0 }; return; }`, (labels) => {
      expect(labels).toEqual(["v", "Point", "f", "assert", "true", "false", "new"]);
    });
  });

  it("offers nothing where only punctuation or a literal can follow", () => {
    for (const source of [
      // After a finished type (types were offered again after `as felt `).
      `fn f(i: u32) -> felt { return i as felt $0; }`,
      `fn f() { let a: felt $0 = 1; return; }`,
      `fn f() -> felt $0 { return 1; }`,
      // In a signature outside its types (expressions were offered).
      `fn f() $0 { return; }`,
      `fn f $0() { return; }`,
      // An array length is a literal (statement keywords were offered after the `;`).
      `fn f() { let a = [0; $0]; return; }`,
      `fn f(a: [felt; $0]) { return; }`,
      // A struct literal of a name that is no struct has no field to offer.
      `fn f() { let p = Nope { $0 }; return; }`,
    ]) {
      checkCompletion(source, (labels) => expect({ source, labels }).toEqual({ source, labels: [] }));
    }
  });

  it("offers the fields of a struct literal whose brace was just typed", () => {
    // `Point {` with nothing after the brace parses as a name and a block: the statement's
    // own binding and statement keywords were offered.
    const point = `struct Point { x: felt, y: u32 }\n`;
    checkCompletion(`${point}fn f() {\n    let p = Point { $0`, (labels) => expect(labels).toEqual(["x", "y"]));
    checkCompletion(`${point}fn f() {\n    let p = Point { y$0`, (labels) => expect(labels).toEqual(["y"]));
    // The field whose name is being typed is not one of those given already.
    checkCompletion(`${point}fn f() -> Point { return Point { x: 1, y$0 }; }`, (labels) => expect(labels).toEqual(["y"]));
    // A block after a name that is no struct is still a block.
    checkCompletion(`${point}fn f(c: bool) {\n    if c { $0`, (labels) => expect(labels).toContain("let"));
  });
});
