import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nthInput, prng } from "../../fuzz/generate.mjs";
import type { Diagnostic } from "../../src/diagnostic.js";
import { parse, parseItemAt, parseKeepingTokens, SKIPPED_BODY } from "../../src/syntax/parser.js";

const LEXICAL = new Set(["invalid-number", "invalid-character"]);
/** How many bodies `compare` saw skipped, and how many of those had syntax errors. */
const SKIPPED_BROKEN_MIN = 1_000;
const seen = { skipped: 0, skippedBroken: 0, fromTokensBroken: 0 };
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
  // parseKeepingTokens: the skipBodies parse with no bodies kept (`body: null`), and which were skipped.
  const kept = parseKeepingTokens(text);
  const withoutBodies = skipped.items.map((item) => (item.ast.k === "fn" && item.ast.body ? { ...item, ast: { ...item.ast, body: null } } : item));
  if (JSON.stringify([kept.result.items, kept.result.diagnostics]) !== JSON.stringify([withoutBodies, skipped.diagnostics])) {
    return "parseKeepingTokens differs from the skipBodies parse";
  }
  if (JSON.stringify(kept.bodySkipped) !== JSON.stringify(skipped.items.map((item) => item.ast.k === "fn" && item.ast.body === SKIPPED_BODY))) {
    return "parseKeepingTokens reports other skipped bodies";
  }
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
    // The analysis parses a skipped item from the file's tokens: the same AST, and the
    // same syntax errors (relative to the item) as its text parsed alone.
    const fromTokens = parseItemAt(text, kept.tokens, s.start);
    if (JSON.stringify(fromTokens.ast) !== JSON.stringify(ast)) return `item ${i} AST from the file tokens differs`;
    const aloneSyntax = alone.diagnostics.filter((d) => !LEXICAL.has(d.code));
    if (JSON.stringify(fromTokens.diagnostics) !== JSON.stringify(aloneSyntax)) return `item ${i} diagnostics from the file tokens differ`;
    if (aloneSyntax.length > 0) seen.fromTokensBroken++;
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
    expect(seen.fromTokensBroken).toBeGreaterThan(SKIPPED_BROKEN_MIN);
  });
});
