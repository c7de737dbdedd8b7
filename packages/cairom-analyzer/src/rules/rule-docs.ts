/**
 * Documentation of every diagnostic code, in the fixed shape `sextant explain <code>`
 * and the docs site render: what it does, why it matters, an example, fix safety.
 */

/** The documentation of one diagnostic code. */
export interface RuleDoc {
  /** The stable code, e.g. `unused-variable`. */
  readonly code: string;
  /** Default severity. */
  readonly severity: "error" | "warning";
  /** Which phase reports it. */
  readonly category: "parse" | "names" | "types" | "control-flow" | "project";
  /** *What it does*: one sentence. */
  readonly whatItDoes: string;
  /** *Why is this bad?* */
  readonly why: string;
  /** *Example*: code that triggers it. */
  readonly example: string;
  /** *Fix safety*: the fix offered, if any, and whether it is safe. */
  readonly fixSafety: string;
}

type Row = [code: string, severity: "error" | "warning", category: RuleDoc["category"], what: string, why: string, example: string, fix?: string];

const NO_FIX = "No automatic fix.";
const REJECTED = "The compiler rejects the program.";

const ROWS: Row[] = [
  ["invalid-character", "error", "parse", "Reports a character that is not part of the language (`#`, `\"`, non-ASCII outside comments).", REJECTED, "return base # 2;"],
  ["invalid-number", "error", "parse", "Reports an integer literal with a digit invalid for its base, a prefix without digits, or a value of 2^64 or more.", REJECTED, "let x = 0b102;"],
  ["syntax-error", "error", "parse", "Reports a token where the grammar expects something else, at the token found.", REJECTED, "let a = w * h\nreturn a;"],
  ["unknown-literal-suffix", "error", "parse", "Reports a literal suffix other than `felt` or `u32`.", "Only `felt` and `u32` literals exist; `1_000` is not a digit separator.", "let n = 10u64;"],
  ["suffixed-tuple-index", "error", "parse", "Reports a tuple index written with a suffix.", REJECTED, "let a = pair.0u32;"],
  ["array-length-not-literal", "error", "parse", "Reports an array length that is not a plain integer literal.", "Array sizes must be known when parsing: no constants, expressions or suffixes.", "let a: [felt; N] = [1, 2];"],
  ["import-cycle", "error", "parse", "Reports modules that import each other in a cycle.", "Module initialisation order is undefined in a cycle; the compiler rejects it.", "// a.cm\nuse b::f;\n// b.cm\nuse a::g;"],
  ["undeclared-variable", "error", "names", "Reports a value or function name that is not visible (misspelt, used before its `let`, or a top-level constant declared later).", REJECTED, "let total = base * 2;\nlet base = 21;"],
  ["undeclared-type", "error", "names", "Reports a type name that is not a visible struct or primitive.", REJECTED, "let fee: Fee = 1;"],
  ["not-a-type", "error", "names", "Reports a name used as a type that denotes a function or constant.", "Only `felt`, `u32`, `bool`, structs, tuples, arrays and pointers are types.", "fn helper() { return; }\nstruct S { a: helper }"],
  ["duplicate-definition", "error", "names", "Reports two top-level items or imports with one name in a module.", "One namespace holds functions, structs, constants and imports; the second is unreachable.", "fn swap() { return; }\nfn swap() { return; }"],
  ["duplicate-parameter", "error", "names", "Reports two parameters with one name.", "Every use resolves to the second; the first is dead.", "fn mix(a: felt, a: felt) -> felt { return a; }"],
  ["duplicate-struct-field", "error", "names", "Reports two fields with one name in a struct definition.", REJECTED, "struct Pair { left: felt, left: felt }"],
  ["duplicate-pattern-binding", "error", "names", "Reports one name bound twice in a tuple pattern.", REJECTED, "let (x, x) = (1, 2);"],
  ["unresolved-module", "error", "names", "Reports a `use` whose module does not exist in the project.", REJECTED, "use geometry::circle;"],
  ["unresolved-import", "error", "names", "Reports a `use` of an item the module does not have.", REJECTED, "use shapes::cube;"],
  ["unused-variable", "warning", "names", "Reports a binding, parameter, constant or import that is never read or assigned.", "Unused names are usually a typo or leftover code.", "let total = 1;", "Prefix the name with `_` (with `__` or `___` when `_name` is already written where the binding is visible, so the new name neither duplicates nor captures another; safe for locals; unsafe for top-level constants, and not offered for one another module imports) or remove the import (safe; not offered for an import struct literals name, which the reference counts as unused)."],
  ["operator-type-mismatch", "error", "types", "Reports an operator applied to types it is not defined for (`<` on `felt`, `%` on `felt`, mixed `u32`/`felt`).", "`felt` is a field element: it has no ordering and no remainder; there are no implicit conversions.", "fn lt(a: felt, b: felt) -> bool { return a < b; }", "Convert the `u32` operand with `as felt` when the other is `felt` and the operator takes `felt` (`+ - * / == !=`); the left operand of an arithmetic operator only where its context needs a `felt` (unsafe: changes the value's type). None for `<`, `%`, `&` and the like: no legal cast helps."],
  ["invalid-cast", "error", "types", "Reports a cast other than `u32 as felt`.", "It is the only conversion the VM supports.", "let n = x as u32;"],
  ["argument-type-mismatch", "error", "types", "Reports an argument incompatible with its parameter.", REJECTED, "area(true, 2);", "Convert with `as felt` when a `u32` is passed for a `felt` (unsafe: changes the value's type)."],
  ["return-type-mismatch", "error", "types", "Reports a returned value incompatible with the declared return type.", REJECTED, "fn f() -> felt { return true; }", "Add the missing return type, when every `return` gives that type and the body always returns (unsafe), or convert with `as felt` (unsafe)."],
  ["let-type-mismatch", "error", "types", "Reports an initializer incompatible with the `let` annotation.", REJECTED, "let code: u32 = true;", "Convert with `as felt` (unsafe)."],
  ["assignment-type-mismatch", "error", "types", "Reports an assigned value incompatible with the place's type.", REJECTED, "let flag = true;\nflag = 3;", "Convert with `as felt` (unsafe)."],
  ["condition-not-bool", "error", "types", "Reports an `if`/`while`/`for` condition or `assert` argument that is not `bool`.", "There is no truthiness: write `n != 0`.", "let n = 5;\nif n { return; }"],
  ["field-type-mismatch", "error", "types", "Reports a struct-literal field value of the wrong type.", REJECTED, "Point { x: true, y: 2 }"],
  ["array-element-mismatch", "error", "types", "Reports an array element whose type differs from the first (or annotated) element type.", REJECTED, "let a = [1, true];"],
  ["tuple-pattern-mismatch", "error", "types", "Reports a tuple pattern against a non-tuple or a tuple of another arity.", REJECTED, "let (a, b, c) = pair;"],
  ["literal-out-of-range", "error", "types", "Reports a literal initializer too large for `u32`/`felt`, or a negated initializer of those types.", "The value would wrap silently.", "let big: u32 = 5000000000;"],
  ["new-count-not-felt", "error", "types", "Reports a `new T[n]` whose count is not `felt`.", REJECTED, "let p = new felt[count_u32];"],
  ["const-type-mismatch", "error", "types", "Reports a constant value incompatible with its annotation.", "The reference skips this check for top-level constants; the value would be mistyped.", "const N: u32 = true;"],
  ["unknown-field", "error", "types", "Reports a field that the struct does not have (access or literal).", REJECTED, "return p.z;"],
  ["field-access-on-non-struct", "error", "types", "Reports `.name` on a value that is not a struct (pointers included: index first).", REJECTED, "let n = 5;\nlet b = n.x;"],
  ["not-indexable", "error", "types", "Reports `[]` on a value that is not an array or pointer.", REJECTED, "let n = 5;\nlet b = n[0];"],
  ["missing-struct-field", "error", "types", "Reports a struct literal that omits a field (one per field).", "Structs have no default values.", "Point { x: 1 }", "Add the missing fields with placeholder values (`0`, `0u32`, `false`) when all are primitive (unsafe: the values are placeholders)."],
  ["not-a-struct", "error", "types", "Reports a struct literal whose name is not a struct.", REJECTED, "let v = open { id: 1 };"],
  ["duplicate-field-init", "error", "types", "Reports a field given twice in one struct literal.", "Only one value can be kept; the reference silently accepts it.", "Point { x: 1, x: 2, y: 3 }"],
  ["wrong-argument-count", "error", "types", "Reports a call with more or fewer arguments than parameters.", REJECTED, "area(3, 4, 5);"],
  ["not-callable", "error", "types", "Reports a call of something that is not a function.", REJECTED, "let limit = 10;\nlimit(2);"],
  ["nested-array", "error", "types", "Reports arrays of arrays (types and literals).", "The VM has no nested arrays.", "let g: [[felt; 2]; 2] = [[1, 2], [3, 4]];"],
  ["invalid-index-type", "error", "types", "Reports an index that is not `felt`.", "Indices are field elements; cast `u32` indices.", "let y = data[i_u32];", "Convert with `as felt` (unsafe)."],
  ["invalid-assignment-target", "error", "types", "Reports an assignment to something that is not a variable, field, tuple element or array element.", REJECTED, "counter + 1 = 5;"],
  ["missing-return-value", "error", "types", "Reports `return;` in a function that returns a value.", REJECTED, "fn f() -> felt { return; }"],
  ["tuple-index-out-of-bounds", "error", "types", "Reports `t.N` with N at least the tuple's arity.", REJECTED, "let x = pair.2;"],
  ["tuple-index-on-non-tuple", "error", "types", "Reports `.N` on a value that is not a tuple.", REJECTED, "let n = 5;\nlet x = n.0;"],
  ["bracket-index-on-tuple", "error", "types", "Reports `t[i]` on a tuple.", "Tuples are indexed with `.0`, `.1`.", "let x = pair[0];"],
  ["assign-to-const", "error", "types", "Reports an assignment to a constant or to a field or element of one.", "Constants are read-only.", "const LIMIT: felt = 100;\nLIMIT = 1;"],
  ["index-out-of-bounds", "error", "types", "Reports a literal index at or beyond a fixed array's length.", "There are no run-time bounds checks.", "let data: [u32; 3] = [1, 2, 3];\nlet x = data[5];"],
  ["empty-array", "error", "types", "Reports the empty array literal `[]`.", REJECTED, "let a: [u32; 0] = [];"],
  ["const-array-by-pointer", "error", "types", "Reports a constant array passed to a function, put in a tuple or struct, or returned.", "Arrays are passed by pointer and constants are read-only: copy it into a `let` first.", "total(TABLE);"],
  ["unreachable-code", "warning", "control-flow", "Reports every statement after one that always returns, breaks or continues.", "The code never runs; usually a mistake.", "return x;\nx = x + 1;"],
  ["missing-return", "error", "control-flow", "Reports a function with a path that falls off its end (unit functions too).", "Every function must end in `return` on every path.", "fn log_value(v: felt) { assert(v != 0); }", "Add `return;` at the end of a unit function (safe)."],
  ["break-outside-loop", "error", "control-flow", "Reports `break` outside a loop body.", REJECTED, "fn f() { break; }"],
  ["continue-outside-loop", "error", "control-flow", "Reports `continue` outside a loop body.", REJECTED, "fn f() { continue; }"],
  ["invalid-manifest", "error", "project", "Reports a `cairom.toml` problem: TOML syntax, a missing or mistyped field, a missing entry point.", "The project cannot be loaded as intended.", "name = 3\nentry_point = \"main.txt\""],
  ["internal-error", "error", "project", "Reports that the analysis of a file failed (a bug in the analyzer).", "Diagnostics for the file are missing; please report it.", ""],
];

/** Documentation of every diagnostic code, by code. */
export const RULE_DOCS: ReadonlyMap<string, RuleDoc> = new Map(
  ROWS.map(([code, severity, category, whatItDoes, why, example, fix]) => [
    code,
    { code, severity, category, whatItDoes, why, example, fixSafety: fix ?? NO_FIX },
  ]),
);

/** The `sextant explain` text of a code (markdown with the fixed headings), or `undefined`. */
export function explainRule(code: string): string | undefined {
  const d = RULE_DOCS.get(code);
  if (!d) return undefined;
  return [
    `# ${d.code} (${d.severity}, ${d.category})`,
    "",
    "## What it does",
    d.whatItDoes,
    "",
    "## Why is this bad?",
    d.why,
    "",
    "## Example",
    "```cairo-m",
    d.example,
    "```",
    "",
    "## Fix safety",
    d.fixSafety,
    "",
  ].join("\n");
}
