import { describe, expect, it } from "vitest";
import { createCairoMService, InMemoryFileSystem } from "../../src/index.js";
import { checkDiagnostics } from "../support/check.js";

describe("diagnostics: names and declarations", () => {
  it("undeclared-variable, once per name per file, and later top-level constants", () => {
    checkDiagnostics(`
fn f() -> felt {
    let a = missing + missing;
    //      ^^^^^^^ error[undeclared-variable]: cannot find \`missing\` in this scope
    return a + LATER;
    //         ^^^^^ error[undeclared-variable]: cannot find \`LATER\` in this scope (the constant is declared later in the file; move it above this item)
}
const LATER: felt = 1;
//    ^^^^^ warning[unused-variable]
fn g() -> felt {
    return missing;
}
`);
  });

  it("a constant declared later is undeclared where it is assigned or passed, and nothing more", () => {
    // Assigning it or passing it (a constant array) is not also \`assign-to-const\` or
    // \`const-array-by-pointer\`: at that point the name does not refer to the constant.
    checkDiagnostics(`
fn first(t: [felt; 2]) -> felt { return t[0]; }
fn f() -> felt {
    LATER = 1;
//  ^^^^^ error[undeclared-variable]
    return first(TABLE);
    //           ^^^^^ error[undeclared-variable]
}
const LATER: felt = 1;
//    ^^^^^ warning[unused-variable]
const TABLE: [felt; 2] = [1, 2];
//    ^^^^^ warning[unused-variable]
`);
  });

  it("use before let, own initializer sees the previous binding", () => {
    checkDiagnostics(`
fn f(x: felt) -> felt {
    let y = z;
    //      ^ error[undeclared-variable]
    let z = 1;
    //  ^ warning[unused-variable]
    let x = x + 1;
    return x + y;
}
`);
  });

  it("undeclared-type and not-a-type", () => {
    checkDiagnostics(`
fn helper() { return; }
struct S { a: Nope, b: helper }
//            ^^^^ error[undeclared-type]: cannot find type \`Nope\`
//                     ^^^^^^ error[not-a-type]
fn f(_p: Pnt) -> felt {
//       ^^^ error[undeclared-type]
    let _q: Other = Other { x: 1 };
    //      ^^^^^ error[undeclared-type]
    //              ^^^^^ error[undeclared-type]
    return 0;
}
`);
  });

  it("duplicate-definition, duplicate-parameter, duplicate-struct-field, duplicate-pattern-binding", () => {
    checkDiagnostics(`
struct P { x: felt, x: felt }
//                  ^ error[duplicate-struct-field]: field \`x\` is declared twice in \`P\`
fn dup() { return; }
fn dup() { return; }
// ^^^ error[duplicate-definition]: \`dup\` is already defined in this module
fn params(a: felt, a: felt) -> felt {
//        ^ warning[unused-variable]
//                 ^ error[duplicate-parameter]: parameter \`a\` is declared twice
    let (b, b) = (a, a);
    //   ^ warning[unused-variable]
    //      ^ error[duplicate-pattern-binding]
    return b;
}
`);
  });

  it("unused bindings, parameters, local constants; underscores silence", () => {
    checkDiagnostics(`
fn f(unused: felt, _quiet: felt) {
//   ^^^^^^ warning[unused-variable]: \`unused\` is never used (prefix it with \`_\` to silence)
    let t = 1;
    //  ^ warning[unused-variable]
    const K = 2;
    //    ^ warning[unused-variable]
    let _fine = 3;
    let assigned = 0;
    assigned = 4;
    return;
}
`);
  });

  it("unresolved-module, unresolved-import and unused imports across files", () => {
    checkDiagnostics(`
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
  use shapes::{square, cube};
//                     ^^^^ error[unresolved-import]: module \`shapes\` has no item \`cube\`
  use geometry::circle;
//^^^^^^^^^^^^^^^^^^^^^ error[unresolved-module]: no module named \`geometry\` in this project
  use shapes::unused_fn;
//            ^^^^^^^^^ warning[unused-variable]
  use single;
//^^^^^^^^^^^ error[unresolved-module]
//    ^^^^^^ warning[unused-variable]
  use geometry::Point;
//^^^^^^^^^^^^^^^^^^^^ error[unresolved-module]
fn main() -> felt {
    return square(3) + cube(2) + circle(1);
}
// An unresolved import used as a type is used: no unused-import warning (and no fix that
// would remove it and leave the type undeclared).
fn area(_p: Point) -> felt { return 0; }
//- /p/src/shapes.cm
fn square(x: felt) -> felt { return x * x; }
fn unused_fn() { return; }
`);
  });

  // Reference quirks pinned here: an import that a module only re-exports is reported
  // unused in that module, and a constant used only from other modules is reported
  // unused in its own module.
  it("re-exports resolve through the chain; imports clash with later local items", () => {
    checkDiagnostics(`
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use middle::LIMIT;
use middle::twice;
//          ^^^^^ warning[unused-variable]
fn twice() -> u32 { return LIMIT * 2; }
// ^^^^^ error[duplicate-definition]: \`twice\` is already defined in this module
//- /p/src/middle.cm
use base::{LIMIT, twice};
//         ^^^^^ warning[unused-variable]
//                ^^^^^ warning[unused-variable]
//- /p/src/base.cm
const LIMIT: u32 = 3;
//    ^^^^^ warning[unused-variable]
fn twice(x: u32) -> u32 { return x + x; }
`);
  });

  it("import-cycle names the cycle in every module on it", () => {
    checkDiagnostics(`
//- /p/cairom.toml
name = "p"
entry_point = "a.cm"
//- /p/src/a.cm
  use b::fb;
//^^^^^^^^^^ error[import-cycle]: modules import each other in a cycle: a -> b -> a
fn fa() -> felt { return fb(); }
//- /p/src/b.cm
  use a::fa;
//^^^^^^^^^^ error[import-cycle]: modules import each other in a cycle: a -> b -> a
fn fb() -> felt { return fa(); }
`);
  });
});

describe("regressions found by fuzzing", () => {
  it("self- and mutually-recursive structs resolve without recursing forever", () => {
    checkDiagnostics(`
struct Node { next: Node, other: Pair }
struct Pair { a: Node, b: Pair* }
const SELF = SELF;
//    ^^^^ warning[unused-variable]
//           ^^^^ error[undeclared-variable]
fn f(n: Node) -> Node { return n.next.other.a; }
`);
  });
});

describe("related information", () => {
  it("points at the first definition, the first parameter and the declared return type", async () => {
    const { createCairoMService, InMemoryFileSystem } = await import("../../src/index.js");
    const text = "fn f(a: felt, a: felt) -> u32 { return a; }\nfn f() { return; }\n";
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": text }) });
    const rel = s
      .getDiagnostics("/m.cm")
      .filter((d) => d.related)
      .map((d) => `${d.code}: ${d.related!.map((r) => `${r.file} ${text.slice(r.range.start, r.range.end)} (${r.message})`).join("; ")}`);
    expect(rel).toEqual([
      "duplicate-parameter: /m.cm a (first `a` declared here)",
      "return-type-mismatch: /m.cm u32 (return type declared here)",
      "duplicate-definition: /m.cm f (first `f` defined here)",
    ]);
  });
});

describe("related information across files", () => {
  it("points an argument mismatch at the parameter's declaration in its module", async () => {
    const { createCairoMService, InMemoryFileSystem } = await import("../../src/index.js");
    const lib = "fn area(w: u32, h: u32) -> u32 { return w * h; }\nconst LIMIT: u32 = 1;\n";
    const s = createCairoMService({
      fs: new InMemoryFileSystem({
        "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
        "/p/src/main.cm": "use geo::{area, LIMIT};\nfn main() -> u32 { LIMIT = 3; return area(true, 2); }\n",
        "/p/src/geo.cm": lib,
      }),
    });
    const related = s
      .getDiagnostics("/p/src/main.cm")
      .map((d) => [d.code, ...(d.related ?? []).map((r) => `${r.file} ${lib.slice(r.range.start, r.range.end)} (${r.message})`)]);
    expect(related).toEqual([
      ["assign-to-const", "/p/src/geo.cm LIMIT (`LIMIT` is declared here)"],
      ["argument-type-mismatch", "/p/src/geo.cm w: u32 (parameter `w` declared here)"],
    ]);
  });
});

describe("diagnostics: names in functions with many locals", () => {
  // Past 32 locals in scope the checker looks names up through an index instead of a scan
  // (a scan made a generated function with thousands of `let`s quadratic); the index must
  // give the same answers: innermost binding first, the shadowed one back when a block ends.
  const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `    let ${prefix}${i}: u32 = ${i};`).join("\n");
  const uses = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(" + ");

  it("shadowing in a nested block, restored when the block ends", () => {
    checkDiagnostics(`
fn f() -> u32 {
    let x: felt = 1;
${many(40, "v")}
    {
${many(40, "w")}
        let x: u32 = 2;
        let inner: u32 = x + ${uses(40, "w")};
        let _a: felt = inner;
        //             ^^^^^ error[let-type-mismatch]
    }
    let _b: u32 = x;
    //            ^ error[let-type-mismatch]: \`_b\` is declared \`u32\` but initialised with \`felt\`
    let _c: u32 = w3;
    //            ^^ error[undeclared-variable]: cannot find \`w3\` in this scope
    return ${uses(40, "v")};
}
`);
  });

  it("unused and undeclared names among thousands of locals", () => {
    const n = 3000;
    const lines = Array.from({ length: n }, (_, i) => `    let y${i} = z${i};`);
    const text = `fn f() -> felt {\n${lines.join("\n")}\n    return 0;\n}\n`;
    const service = createCairoMService({ fs: new InMemoryFileSystem({ "/p/main.cm": text }) });
    const counts = new Map<string, number>();
    for (const d of service.getDiagnostics("/p/main.cm")) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ "undeclared-variable": n, "unused-variable": n });
  });

  it("one function reading many module-level names marks each of them used", () => {
    // 100 names (past the 32 a list handles) in one sum: a chain of 256 operators would hit the nesting limit.
    const n = 100;
    const consts = Array.from({ length: n }, (_, i) => `const C${i}: felt = ${i};`).join("\n");
    checkDiagnostics(`
${consts}
const UNUSED: felt = 0;
//    ^^^^^^ warning[unused-variable]
fn f() -> felt {
    return ${uses(n, "C")};
}
fn g() -> felt {
    return ${uses(n, "C")};
}
fn main() -> felt {
    return f() + g();
}
`);
  });
});

describe("diagnostics: duplicate parameters in a long parameter list", () => {
  // Past 32 parameters the duplicate check keeps the first parameter of each name in a map
  // (the scan of the earlier ones was quadratic on a generated list of thousands).
  it("every repeat points at the first parameter of its name, before and past the scan limit", () => {
    const names = Array.from({ length: 60 }, (_, i) => `p${i}`);
    names.push("p3", "p40", "p3", "p59");
    const text = `fn g(${names.map((n) => `${n}: felt`).join(", ")}) -> felt {\n    return ${names.slice(0, 60).join(" + ")};\n}\nfn main() -> felt {\n    return g(${names.map((_, i) => i).join(", ")});\n}\n`;
    const service = createCairoMService({ fs: new InMemoryFileSystem({ "/p/main.cm": text }) });
    const offsetOf = (name: string) => text.indexOf(`${name}: felt`);
    const found = service
      .getDiagnostics("/p/main.cm")
      .filter((d) => d.code === "duplicate-parameter")
      .map((d) => [text.slice(d.range.start, d.range.end), d.range.start > offsetOf(text.slice(d.range.start, d.range.end)), d.related?.[0]?.range.start]);
    expect(found).toEqual([
      ["p3", true, offsetOf("p3")],
      ["p40", true, offsetOf("p40")],
      ["p3", true, offsetOf("p3")],
      ["p59", true, offsetOf("p59")],
    ]);
  });
});

describe("diagnostics: a chain of re-exports through thousands of modules", () => {
  // Following imports was recursive: past ~10,000 modules it overflowed the stack and the
  // file's diagnostics came back empty. It is a loop now.
  it("types the name at the end of a 12,000-module chain", () => {
    const n = 12000;
    const files: Record<string, string> = { "/p/cairom.toml": 'name = "p"\nversion = "0.1.0"\nentry_point = "main.cm"\n' };
    files["/p/src/m0.cm"] = "fn x() -> felt { return 1; }\n";
    for (let i = 1; i < n; i++) files[`/p/src/m${i}.cm`] = `use m${i - 1}::x;\n`;
    files["/p/src/main.cm"] = `use m${n - 1}::x;\nfn main() -> u32 { return x(); }\n`;
    const service = createCairoMService({ fs: new InMemoryFileSystem(files) });
    expect(service.getDiagnostics("/p/src/main.cm").map((d) => d.message)).toEqual(["function `main` returns `u32`, found `felt`"]);
    const main = files["/p/src/main.cm"]!;
    expect(service.getDefinition("/p/src/main.cm", main.indexOf("x()"))).toEqual([{ path: "/p/src/m0.cm", range: { start: 3, end: 4 } }]);
  });
});
