import { describe, it } from "vitest";
import { checkDiagnostics } from "../support/check.js";

describe("diagnostics: types", () => {
  it("operators: ordering, u32-only, bool-only, mismatched right operand, unary", () => {
    checkDiagnostics(`
fn f(a: felt, b: u32, c: bool) -> bool {
    let _lt = a < a;
    //        ^ error[operator-type-mismatch]: \`<\` cannot be applied to \`felt\` (only \`u32\` is ordered)
    let _ok = b < 3;
    let _mod = a % 2;
    //         ^ error[operator-type-mismatch]
    let _bits = b & 1 ^ 2;
    let _and = a && c;
    //         ^ error[operator-type-mismatch]
    let _mix = b + a;
    //             ^ error[operator-type-mismatch]: right operand of \`+\` is \`felt\`, expected \`u32\`
    let _neg = -c;
    //          ^ error[operator-type-mismatch]
    let _not = !a;
    //          ^ error[operator-type-mismatch]
    let _eq = c == c;
    let _lit = 10 - b;
    //              ^ error[operator-type-mismatch]
    let _lit2 = 1 + b;
    return c;
}
`);
  });

  it("invalid-cast: only u32 as felt", () => {
    checkDiagnostics(`
fn f(a: felt, b: u32) -> felt {
    let _bad = a as u32;
    //         ^ error[invalid-cast]: cannot cast \`felt\` to \`u32\` (the only cast is \`u32 as felt\`)
    return b as felt;
}
`);
  });

  it("calls: argument count, argument types, not callable, assert", () => {
    checkDiagnostics(`
fn area(w: u32, h: u32) -> u32 { return w * h; }
fn f() -> u32 {
    let limit = 10;
    let _c = limit(2);
    //       ^^^^^ error[not-callable]: \`limit\` has type \`felt\` and cannot be called
    let _a = area(1, 2, 3);
    //       ^^^^ error[wrong-argument-count]: \`area\` takes 2 arguments but 3 were given
    let _b = area(true, 2);
    //            ^^^^ error[argument-type-mismatch]: argument \`w\` expects \`u32\`, found \`bool\`
    assert(1);
    //     ^ error[condition-not-bool]
    assert(true, false);
//  ^^^^^^ error[wrong-argument-count]
    return area(2, 3);
}
`);
  });

  it("return, let, assignment and const mismatches; conditions", () => {
    checkDiagnostics(`
struct Point { x: felt, y: felt }
const BAD: u32 = true;
//               ^^^^ error[const-type-mismatch]: constant \`BAD\` is declared \`u32\` but its value is \`bool\`
//    ^^^ warning[unused-variable]
fn r(p: Point) -> felt {
    let code: u32 = true;
    //              ^^^^ error[let-type-mismatch]: \`code\` is declared \`u32\` but initialised with \`bool\`
    let flag = true;
    flag = 3;
    //     ^ error[assignment-type-mismatch]: cannot assign \`felt\` to a place of type \`bool\`
    if code { return 0; }
    // ^^^^ error[condition-not-bool]: condition must be \`bool\`, found \`u32\`
    while 1 { return 1; }
    //    ^ error[condition-not-bool]
    const LOCAL: bool = 5;
    //                  ^ error[const-type-mismatch]
    if flag && LOCAL { return 2; }
    return p;
    //     ^ error[return-type-mismatch]: function \`r\` returns \`felt\`, found \`Point\`
}
fn unit_fn() {
    return 5;
    //     ^ error[return-type-mismatch]: function \`unit_fn\` returns \`()\`, found \`felt\`
}
fn no_value() -> felt {
    return;
//  ^^^^^^^ error[missing-return-value]: \`no_value\` must return a \`felt\` value
}
`);
  });

  it("structs: fields, literals, access on non-structs", () => {
    checkDiagnostics(`
struct Point { x: felt, y: felt }
fn f(p: Point, n: felt) -> felt {
    let _a = Point { x: 1 };
    //       ^^^^^ error[missing-struct-field]: missing field \`y\` in \`Point\` literal
    let _b = Point { x: 1, y: 2, z: 3 };
    //                           ^ error[unknown-field]: \`Point\` has no field \`z\`
    let _c = Point { x: true, y: 2 };
    //                  ^^^^ error[field-type-mismatch]: field \`x\` expects \`felt\`, found \`bool\`
    let _d = Point { x: 1, x: 2, y: 3 };
    //                     ^ error[duplicate-field-init]
    let _e = p.z;
    //         ^ error[unknown-field]
    let _f = n.x;
    //       ^ error[field-access-on-non-struct]: \`felt\` has no fields
    let _g = n { a: 1 };
    //       ^ error[not-a-struct]: \`n\` is not a struct
    return p.x;
}
`);
  });

  it("tuples: patterns, indices", () => {
    checkDiagnostics(`
fn f(pair: (felt, u32), n: felt) -> felt {
    let (_a, _b, _c) = pair;
    //                 ^^^^ error[tuple-pattern-mismatch]: pattern has 3 elements but the value has 2
    let (_d, _e) = n;
    //             ^ error[tuple-pattern-mismatch]
    let _f = pair.2;
    //       ^^^^ error[tuple-index-out-of-bounds]: \`(felt, u32)\` has no element 2
    let _g = n.0;
    //       ^ error[tuple-index-on-non-tuple]
    let _h = pair[0];
    //       ^^^^ error[bracket-index-on-tuple]
    return pair.0;
}
`);
  });

  it("arrays, pointers, indices, new", () => {
    checkDiagnostics(`
const TABLE: [u32; 3] = [10, 20, 30];
fn total(values: [u32; 3]) -> u32 { return values[0]; }
fn f(i: u32, n: felt) -> u32 {
    let _empty: [u32; 0] = [];
    //                     ^^ error[empty-array]: empty array literals are not allowed
    let _grid: [[felt; 2]; 2] = [[1, 2], [3, 4]];
    //         ^^^^^^^^^^^^^^ error[nested-array]
    //                          ^^^^^^^^^^^^^^^^ error[nested-array]
    let data: [u32; 3] = [1, 2, 3];
    let _x = data[5];
    //            ^ error[index-out-of-bounds]: index 5 is out of bounds for \`[u32; 3]\`
    let _y = data[i];
    //            ^ error[invalid-index-type]: array index must be \`felt\`, found \`u32\`
    let _z = n[0];
    //       ^ error[not-indexable]: \`felt\` cannot be indexed
    let _m = [1, true];
    //           ^^^^ error[array-element-mismatch]: element 2 is \`bool\`, expected \`felt\`
    let _p = new felt[i];
    //                ^ error[new-count-not-felt]
    let _q = (TABLE, 1);
    //        ^^^^^ error[const-array-by-pointer]
    return total(TABLE);
    //           ^^^^^ error[const-array-by-pointer]: constant array \`TABLE\` cannot be passed by pointer; copy it into a \`let\` first
}
`);
  });

  it("literal ranges and negated initialisers", () => {
    checkDiagnostics(`
const BIG: u32 = 5000000000;
//               ^^^^^^^^^^ error[literal-out-of-range]: 5000000000 does not fit in \`u32\` (0..=4294967295)
fn f() -> felt {
    let a: felt = 2147483648;
    //            ^^^^^^^^^^ error[literal-out-of-range]
    let b: u32 = -5;
    //           ^^ error[literal-out-of-range]
    let _c = BIG;
    return a + (b as felt);
}
`);
  });

  it("messages give a literal's exact value also above 2^53", () => {
    // The AST keeps a double, which rounds 18446744073709551615 to ...552000.
    checkDiagnostics(`
fn f(t: [felt; 2]) -> felt {
    let _a: u32 = 18446744073709551615;
    //            ^^^^^^^^^^^^^^^^^^^^ error[literal-out-of-range]: 18446744073709551615 does not fit in \`u32\` (0..=4294967295)
    let _b: felt = 0x20000000000001;
    //             ^^^^^^^^^^^^^^^^ error[literal-out-of-range]: 9007199254740993 does not fit in \`felt\` (0..=2147483647)
    return t[0xFFFFFFFFFFFFFFFF];
    //       ^^^^^^^^^^^^^^^^^^ error[index-out-of-bounds]: index 18446744073709551615 is out of bounds for \`[felt; 2]\`
}
`);
  });

  it("assignments: targets and constants", () => {
    checkDiagnostics(`
const LIMIT: felt = 100;
struct S { v: felt }
fn f(counter: felt) -> felt {
    LIMIT = counter;
//  ^^^^^ error[assign-to-const]: \`LIMIT\` is a constant and cannot be assigned
    counter + 1 = 5;
//  ^^^^^^^^^^^ error[invalid-assignment-target]
    const C: S = S { v: 1 };
    C.v = 2;
//  ^^^ error[assign-to-const]
    S = 3;
//  ^ error[undeclared-variable]: \`S\` is a struct, not a value
    return counter;
}
`);
  });

  it("annotation leak quirk (§4.4): the let annotation types nested literals", () => {
    checkDiagnostics(`
fn takes_felt(a: felt) -> u32 { return 0; }
//            ^ warning[unused-variable]
fn f(n: u32) -> felt {
    let _x: u32 = takes_felt(1);
    //                       ^ error[argument-type-mismatch]
    let y: felt = (n + 1) as felt;
    //                 ^ error[operator-type-mismatch]
    return y;
}
`);
  });
});

describe("diagnostics: control flow", () => {
  it("missing-return, unreachable-code, break/continue outside loops", () => {
    checkDiagnostics(`
fn sign(x: u32) -> felt {
// ^^^^ error[missing-return]: \`sign\` does not return on every path
    if x > 0 { return 1; }
}
fn log_value(v: felt) {
// ^^^^^^^^^ error[missing-return]
    assert(v != 0);
}
fn early(x: felt) -> felt {
    return x;
    x = x + 1;
//  ^^^^^^^^^^ warning[unreachable-code]: unreachable assignment
}
fn spin() -> felt {
    loop { let _t = 1; }
    return 0;
//  ^^^^^^^^^ warning[unreachable-code]: unreachable return statement
}
fn stray() {
    break;
//  ^^^^^^ error[break-outside-loop]
    for (let i = 0; i != 3; i = i + 1) { continue; }
    if true { continue; }
    //        ^^^^^^^^^ error[continue-outside-loop]
    return;
}
fn branches(x: u32) -> felt {
    if x > 1 { return 1; } else if x > 0 { return 2; } else { return 3; }
}
fn in_loop() -> felt {
    loop {
        break;
        let _dead = 1;
    //  ^^^^^^^^^^^^^^ warning[unreachable-code]: unreachable variable declaration
    }
    return 0;
}
`);
  });

  it("control flow through loops, nested blocks and branches", () => {
    checkDiagnostics(`
fn loop_returns() -> felt {
    loop { return 1; }
}
fn loop_with_break(c: bool) -> felt {
// ^^^^^^^^^^^^^^^ error[missing-return]
    loop { if c { break; } }
}
fn break_in_branch(c: bool) -> felt {
    loop { if c { break; } else { continue; } }
    return 0;
}
fn nested_block() -> felt {
    { { return 1; } }
    let _a = 2;
//  ^^^^^^^^^^^ warning[unreachable-code]: unreachable variable declaration
}
fn both_branches(c: bool) -> felt {
    if c { return 1; } else { return 2; }
    let _b = 3;
//  ^^^^^^^^^^^ warning[unreachable-code]: unreachable variable declaration
}
fn one_branch(c: bool) -> felt {
    if c { return 1; }
    let _c = 3;
    return _c;
}
fn dead_run(c: bool) -> felt {
    while c {
        continue;
        let _d = 1;
    //  ^^^^^^^^^^^ warning[unreachable-code]: unreachable variable declaration
        if c { return 1; }
    //  ^^^^^^^^^^^^^^^^^^ warning[unreachable-code]: unreachable if statement
    }
    return 0;
}
fn inner_loop_break() -> felt {
    loop {
        while true { break; }
    }
    return 0;
//  ^^^^^^^^^ warning[unreachable-code]: unreachable return statement
}
`);
  });

  it("syntax errors keep the rest of the file analysed", () => {
    checkDiagnostics(`
fn broken(w: felt) -> felt {
    let a = w *
    return a;
//  ^^^^^^ error[syntax-error]
}
fn fine() -> felt {
    return undefined_name;
    //     ^^^^^^^^^^^^^^ error[undeclared-variable]
}
`);
  });
});
