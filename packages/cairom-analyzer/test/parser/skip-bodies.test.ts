import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nthInput, prng } from "../../fuzz/generate.mjs";
import type { Diagnostic } from "../../src/diagnostic.js";
import { bodyScanStats, parse, parseSkippingBodies, SKIPPED_BODY } from "../../src/syntax/parser.js";

const LEXICAL = new Set(["invalid-number", "invalid-character"]);
/** How many bodies `compare` saw skipped, and how many of those had syntax errors. */
const SKIPPED_BROKEN_MIN = 1_000;
const seen = { skipped: 0, skippedBroken: 0 };
const key = (d: Diagnostic) => `${d.range.start}-${d.range.end} ${d.code} ${d.message}`;

/**
 * What the analysis relies on: a parse that steps over bodies, plus the body errors each
 * skipped function's own text gives when parsed alone, reports exactly what a parse of
 * every body reports, with the same items (bodies aside). Returns a problem or undefined.
 */
function compare(text: string): string | undefined {
  const full = parse(text, { tree: false });
  const skipped = parse(text, { tree: false, skipBodies: true });
  if (skipped.items.length !== full.items.length) return "item count differs";
  const got = skipped.diagnostics.map(key);
  for (let i = 0; i < skipped.items.length; i++) {
    const s = skipped.items[i]!;
    const f = full.items[i]!;
    if (s.start !== f.start || s.end !== f.end || s.text !== f.text) return `item ${i} range differs`;
    if (s.ast.k !== "fn" || s.ast.body !== SKIPPED_BODY) {
      if (JSON.stringify(s.ast) !== JSON.stringify(f.ast)) return `item ${i} AST differs`;
      continue;
    }
    seen.skipped++;
    const alone = parse(s.text, { tree: false });
    if (alone.diagnostics.some((d) => d.code === "syntax-error")) seen.skippedBroken++;
    const ast = alone.items[0]?.ast;
    if (ast?.k !== "fn" || !ast.body) return `skipped item ${i} has no body alone`;
    if (JSON.stringify(ast) !== JSON.stringify(f.ast)) return `item ${i} AST alone differs`;
    for (const d of alone.diagnostics) {
      if (d.range.start <= ast.body.s || LEXICAL.has(d.code)) continue;
      got.push(key({ ...d, range: { start: d.range.start + s.start, end: d.range.end + s.start } }));
    }
  }
  const want = full.diagnostics.map(key);
  got.sort();
  want.sort();
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : `diagnostics differ: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`;
}

describe("parse with skipBodies", () => {
  it("steps over balanced bodies and not over ones a full parse would end elsewhere", () => {
    const text = "fn a() -> felt { let x = 1; { x; } return x; }\nfn b() { let y = ; \nfn c() {}\n";
    const r = parse(text, { tree: false, skipBodies: true });
    const bodies = r.items.map((i) => (i.ast.k === "fn" ? i.ast.body : undefined));
    expect(bodies[0]).toBe(SKIPPED_BODY);
    // `b` is unclosed: the full parse ends it at `fn c`, so it is parsed, with its errors.
    expect(bodies[1]).not.toBe(SKIPPED_BODY);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(compare(text)).toBeUndefined();
    // Without the option (or with a tree) nothing is skipped.
    expect(parse(text, { tree: false }).items[0]!.ast).not.toHaveProperty("body", SKIPPED_BODY);
  });

  it("20,000 random, truncated and mutated programs and the corpus: same items and diagnostics as a full parse", () => {
    const rand = prng(0x5c1b);
    let firstFailure = "";
    let failures = 0;
    const inputs: string[] = [];
    for (const dir of ["valid", "errors"]) {
      const root = join(__dirname, "../corpus/examples", dir);
      for (const f of readdirSync(root)) if (f.endsWith(".cm")) inputs.push(readFileSync(join(root, f), "utf8"));
    }
    expect(inputs.length).toBeGreaterThan(5);
    for (let i = 0; i < Number(process.env.SKIP_FUZZ ?? 20_000); i++) inputs.push(nthInput(rand));
    for (const input of inputs) {
      const problem = compare(input);
      if (problem) {
        failures++;
        if (!firstFailure) firstFailure = `${problem} for ${JSON.stringify(input)}`;
      }
    }
    expect(firstFailure).toBe("");
    expect(failures).toBe(0);
    // The comparison meant something: many bodies were skipped, some of them broken.
    expect(seen.skipped).toBeGreaterThan(2_000);
    expect(seen.skippedBroken).toBeGreaterThan(SKIPPED_BROKEN_MIN);
  });
});

/** The lean skip parse as JSON: its items (ASTs included) and diagnostics. */
function skipParseJson(text: string, scanBodies: boolean): string {
  const r = parseSkippingBodies(text, scanBodies);
  return JSON.stringify({ items: r.items, diagnostics: r.diagnostics });
}

describe("the lexer's body scan (skipBodies without lexing bodies)", () => {
  // Each case: a program, and how many bodies the lexer should step over.
  const cases: [string, string, number][] = [
    ["plain body", "fn f() -> felt { let x = 1; { x; } return x; }\n", 1],
    ["braces in a comment", "fn f() { // } }} {\n let a = 1; }\nfn g() {}\n", 2],
    ["`fn` in a comment", "fn f() { // fn struct use\n }\n", 1],
    ["comment between a name and `{`", "fn f() { let a = x // c\n { y: 1 }; }\n", 0],
    ["comment at the end of the text, body unclosed", "fn f() { // }", 0],
    ["comment at the end of the text, after the body", "fn f() { }// {", 1],
    ["slash, not a comment", "fn f() { let a = 4 / 2; }\n", 1],
    ["slash then brace", "fn f() { let a = 4 /} \n", 1],
    ["number with a keyword suffix", "fn f() { let a = 1fn; }\n", 1],
    ["invalid numbers inside", "fn f() { let a = 0xZZ + 99999999999999999999; }\n", 1],
    ["keyword prefixes are names", "fn f() { let fnx = usex + structs; }\n", 1],
    ["`use` inside", "fn f() { use a::b; }\n", 0],
    ["`struct` inside", "fn f() { struct }\n", 0],
    ["nested `fn`", "fn f() { fn g() {} }\n", 1],
    ["keyword before `{`", "fn f() { if true { } else { } loop { break; } }\n", 1],
    ["name before `{` (struct literal?)", "fn f() { let p = P { x: 1 }; }\n", 0],
    ["number before `{`", "fn f() { 1 { } }\n", 1],
    ["quote (not in the language)", 'fn f() { let s = "}"; }\n', 0],
    ["non-ASCII character", "fn f() { let é = 1; }\n", 0],
    ["form feed", "fn f() {\f}\n", 0],
    ["unclosed body", "fn f() { { }\n", 0],
    ["64 levels", `fn f() ${"{".repeat(64)}${"}".repeat(64)}\n`, 1],
    ["65 levels", `fn f() ${"{".repeat(65)}${"}".repeat(65)}\n`, 0],
    ["comment line ending in a name, then `{`", "fn f() { let a = 1; // x\n { } }\n", 1],
    ["two `//` on the line of the name", "fn f() { a // b // c\n { } }\n", 0],
    ["comment at a line start, then `{`", "fn f() {\n//x\n{ } }\n", 1],
    ["carriage return does not end a comment", "fn f() { x // c\r{ }\n }\n", 1],
    ["number with a suffix before `{`", "fn f() { 1x { } }\n", 1],
    ["16-digit number", "fn f() { let a = 1234567890123456; }\n", 1],
    ["keyword and number before `{`", "fn f() { while x < 10 { } }\n", 1],
    ["underscore name before `{`", "fn f() { let a = _ { }; }\n", 0],
    ["broken signature", "fn f(a: u32 { }\n", 1],
    ["broken statements", "fn f() { let = ; ) ] }\nfn g() {}\n", 2],
    ["struct literal peeked in a signature", "fn f(a = b { c }\n", 1],
  ];
  for (const [name, text, bodies] of cases) {
    it(`${name}: same parse as the token-level skip`, () => {
      const before = bodyScanStats.scanned;
      expect(skipParseJson(text, true)).toBe(skipParseJson(text, false));
      expect(bodyScanStats.scanned - before).toBe(bodies);
      expect(compare(text)).toBeUndefined();
    });
  }

  it("huge bodies: scanned without overflowing the regular expression's backtracking stack", () => {
    // An unbounded repetition threw a RangeError in V8 from about 4,000,000 tokens on.
    for (const body of ["a ".repeat(2_500_000), "a+1;".repeat(100_000), "/ ".repeat(100_000), "x;\n{}".repeat(50_000)]) {
      const text = `fn f() { ${body}}\nfn g() {}\n`;
      const before = bodyScanStats.scanned;
      expect(skipParseJson(text, true)).toBe(skipParseJson(text, false));
      expect(bodyScanStats.scanned - before).toBe(2);
    }
  });

  it("20,000 random, truncated and mutated programs and the corpus: same parse as the token-level skip", () => {
    const rand = prng(0xb0d1);
    const inputs: string[] = [];
    for (const dir of ["valid", "errors"]) {
      const root = join(__dirname, "../corpus/examples", dir);
      for (const f of readdirSync(root)) if (f.endsWith(".cm")) inputs.push(readFileSync(join(root, f), "utf8"));
    }
    for (let i = 0; i < Number(process.env.SKIP_FUZZ ?? 20_000); i++) inputs.push(nthInput(rand));
    // Comments full of braces and keywords, spliced into the programs at random points.
    const noise = ["// } {\n", "//{{\n", "// fn\n", "/}", "{ // }\n}", "0x{", "x{", "1fn", "x //a\n{", "\r", "1x{", "//x\n{", "fnx{"];
    for (let i = 0; i < 5_000; i++) {
      const base = inputs[i % inputs.length]!;
      const at = Math.floor(rand() * (base.length + 1));
      inputs.push(base.slice(0, at) + noise[Math.floor(rand() * noise.length)]! + base.slice(at));
    }
    const scanned = bodyScanStats.scanned;
    const redone = bodyScanStats.redone;
    let firstFailure = "";
    for (const input of inputs) {
      if (skipParseJson(input, true) !== skipParseJson(input, false)) {
        firstFailure = JSON.stringify(input);
        break;
      }
    }
    expect(firstFailure).toBe("");
    // The scan did the work: many bodies stepped over, few parses redone (but some: the
    // fallback is exercised too).
    expect(bodyScanStats.scanned - scanned).toBeGreaterThan(4_000);
    expect(bodyScanStats.redone - redone).toBeGreaterThan(0);
    expect(bodyScanStats.redone - redone).toBeLessThan(inputs.length / 10);
  });
});
