import { describe, it } from "vitest";
import { checkDiagnostics } from "../support/check.js";

describe("diagnostics: parse phase", () => {
  it("invalid characters are reported once each; the syntax error they cause is not", () => {
    checkDiagnostics(`
fn price(base: felt) -> felt {
    return base # 2 @ 3;
    //          ^ error[invalid-character]: unexpected character \`#\`
    //              ^ error[invalid-character]
}
`);
  });

  it("invalid numbers, unknown suffixes, suffixed tuple indices, array lengths", () => {
    checkDiagnostics(`
fn f(t: (felt, felt)) -> felt {
    let _a = 0b102;
    //       ^^^^^ error[invalid-number]: \`0b102\` is not a valid binary number
    let _b = 10u64;
    //       ^^^^^ error[unknown-literal-suffix]: \`u64\` is not a valid literal suffix (use \`felt\` or \`u32\`)
    let _c = t.0u32;
    //         ^^^^ error[suffixed-tuple-index]
    let _d: [felt; 2u32] = [1, 2];
    //             ^^^^ error[array-length-not-literal]
    let _f: [felt; 1 + 2] = [1, 2, 3];
    //             ^^^^^ error[array-length-not-literal]
    let _g = [0; 2 * 2];
    //           ^^^^^ error[array-length-not-literal]
    let _e = 99999999999999999999;
    //       ^^^^^^^^^^^^^^^^^^^^ error[invalid-number]
    return 0x1F + 7felt;
}
`);
  });

  it("syntax errors are located at the token found; recovery continues at the next item", () => {
    checkDiagnostics(`
fn area(w: felt, h: felt) -> felt {
    let a = w * h
    return a;
//  ^^^^^^ error[syntax-error]: expected \`;\` but found \`return\`
}
  let top = 1;
//^^^ error[syntax-error]: expected an item (\`fn\`, \`struct\`, \`const\` or \`use\`) but found \`let\`
fn open() {
    if true {
  fn after() -> felt { return 1; }
//^^ error[syntax-error]: expected \`}\` but found \`fn\`
`);
  });
});
