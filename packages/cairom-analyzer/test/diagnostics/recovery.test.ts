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
});
