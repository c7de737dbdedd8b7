import { describe, it } from "vitest";
import { checkFolding, checkInlayHints } from "../support/check.js";

describe("inlay hints (annotated)", () => {
  it("marks inferred types after unannotated names, including tuple patterns and for loops", () => {
    checkInlayHints(`
fn f(a: u32) -> u32 {
    let b = a + 1;
    //  ^ hint: : u32
    let (c, ok) = (b, true);
    //   ^ hint: : u32
    //      ^^ hint: : bool
    let typed: u32 = c;
    for (let i = 0; i != 3; i = i + 1) { typed = typed + 1; }
    //       ^ hint: : felt
    return typed;
}
`);
  });
});

describe("inlay hints on top-level constants", () => {
  it("marks the inferred type of an unannotated constant, as for a local one", () => {
    // Only constants inside functions had hints; the top-level ones had none.
    checkInlayHints(`
const N = 5u32;
//    ^ hint: : u32
const TABLE = [N, N];
//        ^ hint: : [u32; 2]
const TYPED: felt = 1;
const BAD = nope;
fn f() -> u32 {
    const L = 2u32;
    //    ^ hint: : u32
    return TABLE[0] + N + L;
}
`);
  });
});

describe("inlay hints skip types with an error inside", () => {
  it("shows no `<error>` in a hint, only the well-typed bindings", () => {
    checkInlayHints(`
fn f() -> felt {
    let t = (1, nope);
    let a = [nope, nope];
    let p = new Nope[2];
    let (x, y) = (1, nope);
    //   ^ hint: : felt
    return 1;
}
`);
  });
});

describe("folding ranges (annotated)", () => {
  it("folds multi-line bodies and literal lists, not single-line ones", () => {
    checkFolding(`
fn f() -> felt {
// ^ fold
    let a = [
    //      ^ fold
        1,
        2,
    ];
    //^ end
    if true { return 1; }
    return a[0];
}
//^ end
`);
  });
});
