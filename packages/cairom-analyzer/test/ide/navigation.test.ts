import { describe, expect, it } from "vitest";
import { checkDefinition, checkHover, checkReferences, checkRename } from "../support/check.js";
import { createCairoMService, InMemoryFileSystem } from "../../src/index.js";

const PROJECT = `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use util::geo::{Point, add};
//              ^^^^^ ref
fn main() -> felt {
    let p = Point { x: 1, y: 2 };
    //      ^^^^^ ref
    let q: Point = p;
    //     ^^^^^ ref
    return add(q.x, p.y);
}
//- /p/src/util/geo.cm
// A point in the plane.
struct Point { x: felt, y: felt }
//     ^^^^^ ref
//     ^^^^^ def

/// Adds two field elements.
fn add(a: felt, b: felt) -> felt { return a + b; }
fn origin() -> Point { return Point { x: 0, y: 0 }; }
//             ^^^^^ ref
//                            ^^^^^ ref
`;

describe("hover", () => {
  it("shows a function signature with its doc comment and module", () => {
    checkHover(PROJECT.replace("return add(", "return a$0dd("), "```cairo-m\nfn add(a: felt, b: felt) -> felt\n```\n\nAdds two field elements.\n\n*From module: `util::geo`*");
  });
  it("shows a local's type on use and on declaration", () => {
    checkHover(`fn f() -> u32 { let total = 3u32; return to$0tal; }`, "```cairo-m\nlet total: u32\n```");
    checkHover(`fn f(count: felt) -> felt { return count; }`.replace("count:", "co$0unt:"), "```cairo-m\ncount: felt\n```");
  });
  it("shows struct definitions and fields", () => {
    checkHover(PROJECT.replace("q.x", "q.$0x"), "```cairo-m\nPoint.x: felt\n```");
    checkHover(PROJECT.replace("struct Point", "struct Po$0int"), "```cairo-m\nstruct Point {\n    x: felt,\n    y: felt,\n}\n```\n\nA point in the plane.");
  });
  it("falls back to the type of the expression under the cursor", () => {
    checkHover(`fn f() -> bool { return 1 =$0= 2; }`, "```cairo-m\nbool\n```");
  });
  it("has nothing on whitespace", () => {
    checkHover(`fn f() { $0 return; }`, undefined);
  });
  it("shows the built-in `assert` as a signature, also where a function named `assert` exists", () => {
    // It showed the type of the call, `()`.
    const builtin = "```cairo-m\nfn assert(condition: bool)\n```\n\nBuilt-in: fails when the condition is false.";
    checkHover(`fn f(a: bool) { asse$0rt(a); return; }`, builtin);
    checkHover(`fn f(a: bool) { assert$0(a); return; }`, builtin);
    checkHover(`fn assert(x: felt) { return; }\nfn f(a: bool) { a$0ssert(a); return; }`, builtin);
  });
  it("has nothing where the type is an error (an undeclared name)", () => {
    // It showed `<error>`, which says nothing the diagnostic does not.
    checkHover(`fn f() -> felt { return tot$0al; }`, undefined);
    checkHover(`fn f() -> felt { return total$0 + 1; }`, undefined);
  });
});

describe("go to definition", () => {
  it("jumps from a use in another module to the struct", () => {
    checkDefinition(PROJECT.replace("let q: Point", "let q: Po$0int"));
  });
  it("jumps to a local binding, respecting shadowing", () => {
    checkDefinition(`
fn f() -> felt {
    let x = 1;
    let x = x + 1;
    //  ^ def
    return x$0;
}`);
  });
  it("jumps to a struct field declaration", () => {
    checkDefinition(`
struct S { width: felt }
//         ^^^^^ def
fn f(s: S) -> felt { return s.wid$0th; }`);
  });
  it("jumps from a module path in a use to the top of the module file", () => {
    checkDefinition(`
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use ut$0il::geo::add;
fn main() -> felt { return add(1, 2); }
//- /p/src/util.cm
//- /p/src/util/geo.cm
fn add(a: felt, b: felt) -> felt { return a + b; }
`.replace("//- /p/src/util.cm\n", ""));
  });
});

describe("references", () => {
  it("finds a struct across modules: declaration, imports, types and literals", () => {
    checkReferences(PROJECT.replace("let p = Point", "let p = Po$0int"));
  });
  it("finds a local's uses only in its scope", () => {
    checkReferences(`
fn f(n: felt) -> felt {
    let a = n;
    //  ^ ref
    {
        let a = 2;
        n = a;
    }
    return a$0 + a;
    //     ^ ref
    //         ^ ref
}`);
  });
});

describe("rename", () => {
  it("renames a function across modules", () => {
    checkRename(
      `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use geo::add;
fn main() -> felt { return add(1, 2); }
//- /p/src/geo.cm
fn a$0dd(a: felt, b: felt) -> felt { return a + b; }
fn twice(a: felt) -> felt { return add(a, a); }
`,
      "sum",
      {
        "/p/src/main.cm": "use geo::sum;\nfn main() -> felt { return sum(1, 2); }",
        "/p/src/geo.cm": "fn sum(a: felt, b: felt) -> felt { return a + b; }\nfn twice(a: felt) -> felt { return sum(a, a); }\n",
      },
    );
  });
  it("renames a function where it is also misused as a type", () => {
    // `-> add` is a not-a-type error, but still a use of `add`: a rename that left it would
    // turn the error into an undeclared type.
    checkRename(`fn a$0dd() -> felt { return 1; }\nfn f() -> add { return 1; }`, "sum", { "/main.cm": "fn sum() -> felt { return 1; }\nfn f() -> sum { return 1; }" });
  });
  it("renames a local and its uses", () => {
    checkRename(`fn f() -> felt { let x$0 = 1; return x + x; }`, "y", { "/main.cm": "fn f() -> felt { let y = 1; return y + y; }" });
  });
  it("refuses names that clash or are not identifiers", () => {
    const src = `fn f(a: felt) -> felt { let b$0 = a; return a + b; }`;
    checkRename(src, "a", { error: "`a` is already declared in this scope" });
    checkRename(`const K: felt = 1;\nfn f() -> felt { let b$0 = 2; return K + b; }`, "K", { error: "renaming would shadow `K`, which is used in this scope" });
    checkRename(src, "fn", { error: "`fn` is not a valid identifier" });
    checkRename(`fn f$0() { return; }\nfn g() { return; }`, "g", { error: "module `main` already has an item named `g`" });
    checkRename(`fn he$0lper() -> felt { return 1; }\nfn g() -> felt { let total = 2; return helper() + total; }`, "total", {
      error: "a local `total` in `g` would shadow the renamed item",
    });
    checkRename(`struct S { a: felt, b: felt }\nfn f(s: S) -> felt { return s.a$0; }`, "b", { error: "`S` already has a field `b`" });
  });
});

describe("rename of locals among shadowing bindings", () => {
  it("accepts a name declared in the same or an inner scope when every use keeps its binding", () => {
    // A `let` may shadow any name: these were refused as "already declared in this scope".
    checkRename(`fn f(a: felt) -> felt { let x$0 = a; { let y = 2; return y; } }`, "y", {
      "/main.cm": "fn f(a: felt) -> felt { let y = a; { let y = 2; return y; } }",
    });
    checkRename(`fn f(a$0: felt) -> felt { let b = a; return b; }`, "b", { "/main.cm": "fn f(b: felt) -> felt { let b = b; return b; }" });
  });
  it("refuses when a use would reach another binding, or two parameters or pattern names would share a name", () => {
    const error = "`y` is already declared in this scope";
    // `x + y`: the use of `x` would be read as the inner `y`.
    checkRename(`fn f(a: felt) -> felt { let x$0 = a; { let y = 2; return x + y; } }`, "y", { error });
    // `return x` after `let y`: the later `y` would capture it.
    checkRename(`fn f(x$0: felt) -> felt { let y = 2; return x + y; }`, "y", { error });
    checkRename(`fn f(x$0: felt, y: felt) -> felt { return 1; }`, "y", { error });
    checkRename(`fn f() -> felt { let (x$0, y) = (1, 2); return 1; }`, "y", { error });
  });
});

describe("rename that would change what a name means", () => {
  it("accepts renaming to the current name (no clash with itself)", () => {
    checkRename(`fn f() -> felt { let x$0 = 1; return x + x; }`, "x", { "/main.cm": "fn f() -> felt { let x = 1; return x + x; }" });
    checkRename(`fn f$0() -> felt { return 1; }\nfn g() -> felt { return f(); }`, "f", { "/main.cm": "fn f() -> felt { return 1; }\nfn g() -> felt { return f(); }" });
  });
  it("refuses `assert`: a call of it is always the built-in", () => {
    const error = "`assert` is the built-in function: uses of the renamed symbol would no longer reach it";
    checkRename(`fn che$0ck(a: bool) -> felt { return 1; }\nfn f() -> felt { return check(true); }`, "assert", { error });
    checkRename(`fn f() -> felt { let x$0 = 1; return x; }`, "assert", { error });
  });
  it("refuses renaming a field to a name the struct is used with but lacks", () => {
    const error = "`P` is used with a field `y` it does not have (in `main`): renaming would make that use valid";
    checkRename(`struct P { x$0: felt }\nfn f(p: P) -> felt { return p.x + p.y; }`, "y", { error });
    checkRename(`struct P { x$0: felt }\nfn f() -> P { return P { y: 1 }; }`, "y", { error });
    checkRename(`struct P { x$0: felt }\nstruct Q { y: felt }\nfn f(q: Q) -> felt { return q.y; }`, "y", {
      "/main.cm": "struct P { y: felt }\nstruct Q { y: felt }\nfn f(q: Q) -> felt { return q.y; }",
    });
  });
  it("refuses renaming a struct to a primitive type name, which types would read as the primitive", () => {
    checkRename(`struct P$0 { a: felt }\nfn f(p: P) -> felt { return p.a; }`, "u32", {
      error: "`u32` is a primitive type: types written `u32` would not name the struct",
    });
  });
  it("refuses capturing a name used undeclared, in the binding's scope or in a module that sees the item", () => {
    checkRename(`fn f() -> felt { let x$0 = 1; return x + y; }`, "y", {
      error: "`y` is used undeclared in this scope: renaming would make it refer to this binding",
    });
    checkRename(
      `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use geo::add;
fn main() -> felt { return add(1, 2) + sum; }
//- /p/src/geo.cm
fn a$0dd(a: felt, b: felt) -> felt { return a + b; }
`,
      "sum",
      { error: "`sum` is used undeclared in module `main`: renaming would make it refer to the renamed item" },
    );
    // An import that resolves to nothing today would resolve to the renamed item.
    checkRename(
      `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use geo::add;
fn main() -> felt { return add(1, 2); }
//- /p/src/geo.cm
fn a$0dd(a: felt, b: felt) -> felt { return a + b; }
//- /p/src/other.cm
use geo::sum;
fn twice() -> felt { return sum(1, 1); }
`,
      "sum",
      { error: "module `other` imports `sum` from `geo`, which has no such item yet: renaming would make that import resolve" },
    );
    // Outside the binding's scope an undeclared use stays undeclared: the rename is fine.
    checkRename(`fn f() -> felt { { let x$0 = 1; x = 2; } return y; }`, "y", { "/main.cm": "fn f() -> felt { { let y = 1; y = 2; } return y; }" });
  });
});

describe("use declarations", () => {
  const project = `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use util::checks::{within, LIMIT};
fn main() -> bool { return within(LIMIT); }
//- /p/src/util/checks.cm
/// The largest balance.
const LIMIT: u32 = 10;
//    ^^^^^ def
fn within(x: u32) -> bool { return x <= LIMIT; }
`;
  it("hover and definition work on imported names (also in subdirectory modules)", () => {
    checkHover(project.replace("within, LIMIT}", "within, LI$0MIT}"), "```cairo-m\nconst LIMIT: u32\n```\n\nThe largest balance.\n\n*From module: `util::checks`*");
    checkDefinition(project.replace("within, LIMIT}", "within, LI$0MIT}"));
  });
  it("ignores files that are not Cairo-M sources", async () => {
    const { createCairoMService, InMemoryFileSystem } = await import("../../src/index.js");
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/notes.md": "# not code" }) });
    expect(s.getDiagnostics("/notes.md")).toEqual([]);
    expect(s.getHover("/notes.md", 2)).toBeUndefined();
  });
});

describe("hover on use paths", () => {
  const project = `
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use @@::add;
fn main() -> felt { return add(1, 2); }
//- /p/src/util/geo.cm
fn add(a: felt, b: felt) -> felt { return a + b; }
`;
  it("shows modules and directories of the project, nothing for a path that names none", () => {
    checkHover(project.replace("@@", "ut$0il::geo"), "```cairo-m\nmodule util\n```");
    checkHover(project.replace("@@", "util::g$0eo"), "```cairo-m\nmodule util::geo\n```");
    // Hovering the unresolved `geometry` said `module geometry`, as if it existed.
    checkHover(project.replace("@@", "geome$0try"), undefined);
  });
});

describe("a name defined twice", () => {
  const source = `struct Pair { left: felt, right: felt }
fn swap(p: Pair) -> Pair { return Pair { left: p.right, right: p.left }; }
fn swap(p: Pair) -> Pair { return p; }
fn user(p: Pair) -> Pair { return swap(p); }
`;
  it("the later definition can be hovered, found and renamed out of the clash", () => {
    // It bound nothing, so every request on its name answered nothing: renaming it away
    // was refused with "there is no symbol to rename here".
    checkHover(source.replace("fn swap(p: Pair) -> Pair { return p; }", "fn sw$0ap(p: Pair) -> Pair { return p; }"), "```cairo-m\nfn swap(p: Pair) -> Pair\n```\n\n*Defined twice: uses of `swap` refer to its first definition.*");
    checkRename(source.replace("fn swap(p: Pair) -> Pair { return p; }", "fn sw$0ap(p: Pair) -> Pair { return p; }"), "swap_back", {
      "/main.cm": source.replace("fn swap(p: Pair) -> Pair { return p; }", "fn swap_back(p: Pair) -> Pair { return p; }"),
    });
    checkRename(source.replace("fn swap(p: Pair) -> Pair { return p; }", "fn sw$0ap(p: Pair) -> Pair { return p; }"), "user", { error: "module `main` already has an item named `user`" });
    checkReferences(`fn swap() { return; }\nfn sw$0ap() { return; }\n// ^^^^ ref\nfn user() { swap(); return; }`);
    // The first definition keeps its uses.
    checkReferences(`fn sw$0ap() { return; }\n// ^^^^ ref\nfn swap() { return; }\nfn user() { swap(); return; }\n//          ^^^^ ref`);
  });
});

describe("editor buffers for files not on disk", () => {
  const project = () =>
    new InMemoryFileSystem({
      "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
      "/p/src/main.cm": "use extra::g;\nfn main() -> felt { return g(); }\n",
    });
  const codes = (s: ReturnType<typeof createCairoMService>) => s.getDiagnostics("/p/src/main.cm").map((d) => d.code);

  it("a new buffer joins its crate even after a request asked for the path before it existed", () => {
    // The early request made a standalone project for the missing path, which then kept
    // the new file: `main` never saw the module `extra`.
    const s = createCairoMService({ fs: project() });
    expect(s.getHover("/p/src/extra.cm", 0)).toBeUndefined();
    expect(s.getCompletions("/p/src/extra.cm", 0)).toEqual([]);
    expect(codes(s)).toEqual(["unresolved-module"]);
    s.setFileText("/p/src/extra.cm", "fn g() -> felt { return 1; }\n");
    expect(codes(s)).toEqual([]);
    expect(s.getProject("/p/src/extra.cm").modules.map((m) => m.name)).toEqual(["extra", "main"]);
    expect(s.getDefinition("/p/src/main.cm", "use extra::".length)).toEqual([{ path: "/p/src/extra.cm", range: { start: 3, end: 4 } }]);
  });

  it("closing a buffer that was never saved removes its module", () => {
    // The module stayed: imports resolved and definitions led into a file that does not exist.
    const s = createCairoMService({ fs: project() });
    s.setFileText("/p/src/extra.cm", "fn g() -> felt { return 1; }\n");
    expect(codes(s)).toEqual([]);
    s.closeFile("/p/src/extra.cm");
    expect(codes(s)).toEqual(["unresolved-module"]);
    expect(s.getDefinition("/p/src/main.cm", "use extra::".length)).toEqual([]);
    expect(s.getHover("/p/src/extra.cm", 3)).toBeUndefined();
    expect(s.getWorkspaceSymbols("g")).toEqual([]);
    // Opened again, it is back.
    s.setFileText("/p/src/extra.cm", "fn g() -> felt { return 1; }\n");
    expect(codes(s)).toEqual([]);
  });
});

describe("project changes seen by the editor", () => {
  it("a manifest edited in a buffer is validated as typed, and again when closed", () => {
    // The buffer's text was not read: its problems appeared only once saved and reported.
    const fs = new InMemoryFileSystem({ "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n', "/p/src/main.cm": "fn main() { return; }\n" });
    const s = createCairoMService({ fs });
    expect(s.getDiagnostics("/p/cairom.toml")).toEqual([]);
    s.setFileText("/p/cairom.toml", 'name = 3\nentry_point = "main.cm"\n');
    expect(s.getDiagnostics("/p/cairom.toml").map((d) => d.message)).toEqual(['cairom.toml: field `name` must be a string, e.g. `name = "my_project"`']);
    s.closeFile("/p/cairom.toml");
    expect(s.getDiagnostics("/p/cairom.toml")).toEqual([]);
  });

  it("a standalone file taken into a new crate leaves its old project", () => {
    // The standalone project stayed loaded beside the crate: the outline of the workspace
    // listed the file's items twice.
    const fs = new InMemoryFileSystem({ "/q/src/main.cm": "use extra::g;\nfn main() -> felt { return g(); }\n" });
    const s = createCairoMService({ fs });
    expect(s.getProject("/q/src/main.cm").kind).toBe("standalone");
    fs.writeFile("/q/cairom.toml", 'name = "q"\nentry_point = "main.cm"\n');
    fs.writeFile("/q/src/extra.cm", "fn g() -> felt { return 1; }\n");
    s.filesChanged(["/q/cairom.toml", "/q/src/extra.cm"]);
    expect(s.getProject("/q/src/main.cm").kind).toBe("crate");
    expect(s.getDiagnostics("/q/src/main.cm")).toEqual([]);
    expect(s.getWorkspaceSymbols("main").map((w) => w.path)).toEqual(["/q/src/main.cm"]);
  });
});
