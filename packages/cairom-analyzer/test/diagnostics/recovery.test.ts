import { describe, it } from "vitest";
import { checkDiagnostics } from "../support/check.js";

// One syntax error must give one diagnostic: what the parser could not read is not also
// reported by name resolution or the type checker. Every other check of the file still runs.
describe("diagnostics: recovery from one syntax error", () => {
  it("`return` followed by something that is not an expression does not also miss its value", () => {
    checkDiagnostics(`
fn f() -> felt {
    return in;
    //     ^^ error[syntax-error]: expected an expression or \`;\` but found \`in\`
}
fn g() {
    return }
    //     ^ error[syntax-error]
fn h() -> felt { return true; }
//                      ^^^^ error[return-type-mismatch]
`);
  });

  it("an operator without its operand (`<<`, `+=`, `as` without a type) reports only the syntax error", () => {
    checkDiagnostics(`
fn shift(a: u32) -> u32 {
    return a << 1;
    //        ^ error[syntax-error]: expected an expression but found \`<\`
}
fn add(a: felt) -> felt {
    a += 1;
    // ^ error[syntax-error]: expected an expression but found \`=\`
    let b = a as ;
    //           ^ error[syntax-error]
    let c = a * ;
    //          ^ error[syntax-error]
    let _d = b + c;
    return a + true;
    //         ^^^^ error[operator-type-mismatch]
}
`);
  });

  it("`let mut x` is one error at `x` (where the reference stops), and `x` is declared", () => {
    checkDiagnostics(`
fn f() -> felt {
    let mut x = 1;
    //      ^ error[syntax-error]: expected \`=\` but found \`x\` (Cairo-M has no \`mut\`: every \`let\` binding can be reassigned)
    x = 2;
    let mut (a, b) = (x, 3);
    //      ^ error[syntax-error]
    let mut = a + b;
    return mut + true;
    //           ^^^^ error[operator-type-mismatch]
}
`);
  });

  it("`for x in …` is one error; `x` is bound and the range's names are read", () => {
    checkDiagnostics(`
fn f(n: felt) -> felt {
    let s = 0;
    for i in 0..n { s = s + i; }
    //  ^ error[syntax-error]: expected \`(\` but found \`i\` (Cairo-M has no \`for … in\`: write \`for (let i = 0; i != n; i = i + 1)\`)
    for j in range(s) { s = j; }
    //  ^ error[syntax-error]
    //       ^^^^^ error[undeclared-variable]
    return s + true;
    //         ^^^^ error[operator-type-mismatch]
}
`);
  });

  it("a one-name tuple pattern binds that name to the whole value", () => {
    checkDiagnostics(`
fn f() -> felt {
    let (a) = 1;
    //  ^^^ error[syntax-error]: a tuple pattern needs at least two names
    let () = ();
    //  ^^ error[syntax-error]
    return a;
}
`);
  });

  it("a keyword written as a name is reported and still declares the name", () => {
    checkDiagnostics(`
fn new() -> felt {
// ^^^ error[syntax-error]: \`new\` is a keyword and cannot be used as a name
    let in = 1;
    //  ^^ error[syntax-error]: \`in\` is a keyword and cannot be used as a name
    //  ^^ warning[unused-variable]
    return true;
    //     ^^^^ error[return-type-mismatch]
}
struct loop { x: felt }
//     ^^^^ error[syntax-error]
`);
  });

  it("`use m::*;` names the module and imports nothing (no unused import)", () => {
    checkDiagnostics(`
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
use shapes::*;
//          ^ error[syntax-error]: expected a name but found \`*\`
  use nowhere::;
//^^^^^^^^^^^^^^ error[unresolved-module]: no module named \`nowhere\` in this project
//             ^ error[syntax-error]
fn main() -> felt { return 0; }
//- /p/src/shapes.cm
fn square(x: felt) -> felt { return x * x; }
`);
  });

  it("a path in an expression is one error; the call's arguments are still read", () => {
    checkDiagnostics(`
//- /p/cairom.toml
name = "p"
entry_point = "main.cm"
//- /p/src/main.cm
fn main(x: felt) -> felt {
    let a = shapes::square(x);
    //            ^^ error[syntax-error]: expected an operator or \`;\` but found \`::\` (paths are written only in \`use\`: import the item and use its name)
    let _b = a + true;
    return x + true;
    //         ^^^^ error[operator-type-mismatch]
}
//- /p/src/shapes.cm
fn square(x: felt) -> felt { return x * x; }
`);
  });

  it("`new` of an array type is one error; the count is still the count", () => {
    checkDiagnostics(`
fn f() -> felt {
    let p = new [felt; 2][1u32];
    //          ^ error[syntax-error]: expected a type name or tuple type but found \`[\` (\`new\` cannot allocate arrays)
    //                    ^^^^ error[new-count-not-felt]
    let _q = p;
    return 0;
}
`);
  });

  it("a struct-literal field without `:` (or in Rust's shorthand) keeps its value", () => {
    checkDiagnostics(`
struct P { x: felt, y: u32 }
fn f(x: felt, y: u32) -> felt {
    let p = P { x 1, y: y };
    //            ^ error[syntax-error]: expected \`:\` but found \`1\`
    let q = P { x, y };
    //           ^ error[syntax-error]: expected \`:\` but found \`,\` (write \`x: x\`: there is no field shorthand)
    //               ^ error[syntax-error]
    return p.x + q.x + true;
    //                 ^^^^ error[operator-type-mismatch]
}
`);
  });

  it("`if x = 1` is one error and is checked as the comparison it meant", () => {
    checkDiagnostics(`
fn f(x: felt, y: felt) -> felt {
    if x = 1 { return 1; }
    //   ^ error[syntax-error]: expected the body but found \`=\` (to compare, write \`==\`)
    while y = 2 { return 2; }
    //      ^ error[syntax-error]
    return 0;
}
`);
  });

  it("a function body without its `{` is still read up to its `}`", () => {
    checkDiagnostics(`
fn f(x: felt) -> felt
    let y = x + 1;
//  ^^^ error[syntax-error]: expected \`{\` but found \`let\`
    return y + true;
    //         ^^^^ error[operator-type-mismatch]
}
fn g() -> felt { return true; }
//                      ^^^^ error[return-type-mismatch]
`);
  });

  it("an item written inside a body is one error; the rest of that body is not a second", () => {
    // The body ends at the nested item (the usual case of that is a body not closed yet);
    // the statements after the nested item, up to the `}` that closed the body, are skipped.
    checkDiagnostics(`
fn f() -> felt {
    struct S { x: felt }
//  ^^^^^^ error[syntax-error]: expected \`}\` but found \`struct\`
    let s = S { x: 1 };
    return s.x;
}
fn g(x: bool) {
    if x { return; }
  fn h() -> felt { return true; }
//^^ error[syntax-error]: expected \`}\` but found \`fn\`
//                        ^^^^ error[return-type-mismatch]
  let y = 1;
//^^^ error[syntax-error]: expected an item (\`fn\`, \`struct\`, \`const\` or \`use\`) but found \`let\`
`);
  });
});
