import { describe, expect, it } from "vitest";
import { deep, nthInput, prng } from "../../fuzz/generate.mjs";
import { parse } from "../../src/syntax/parser.js";
import { nodeText, type SyntaxNode } from "../../src/syntax/syntax-tree.js";

/** Checks losslessness and that every node's children tile its range exactly. */
function checkTree(text: string): string | undefined {
  const r = parse(text);
  if (nodeText(r.root, r.tokens, text) !== text) return "text() differs from the input";
  const stack: SyntaxNode[] = [r.root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    let at = n.start;
    for (const c of n.children) {
      const s = typeof c === "number" ? r.tokens.starts[c]! : c.start;
      const e = typeof c === "number" ? r.tokens.starts[c + 1]! : c.end;
      if (s !== at) return `gap or overlap at ${at} in node kind ${n.kind}`;
      at = e;
      if (typeof c !== "number") stack.push(c);
    }
    if (n.children.length > 0 && at !== n.end) return `node kind ${n.kind} ends at ${n.end}, children at ${at}`;
  }
  for (const d of r.diagnostics) {
    if (d.range.start < 0 || d.range.end > text.length || d.range.start > d.range.end) return "diagnostic out of range";
  }
  return undefined;
}

describe("parser fuzzing (seeded)", () => {
  it("100,000 random, truncated and mutated programs: no throw, lossless, tiled ranges", () => {
    const rand = prng(0xc41c0);
    let failures = 0;
    let firstFailure = "";
    for (let i = 0; i < 100_000; i++) {
      const input = nthInput(rand);
      let problem: string | undefined;
      try {
        problem = checkTree(input);
      } catch (e) {
        problem = `threw ${String(e)}`;
      }
      if (problem) {
        failures++;
        if (!firstFailure) firstFailure = `${problem} for ${JSON.stringify(input)}`;
      }
    }
    expect(firstFailure).toBe("");
    expect(failures).toBe(0);
  });

  it("deep nesting gives a diagnostic, not a stack overflow", () => {
    const rand = prng(7);
    for (let i = 0; i < 40; i++) {
      const input = deep(rand, 5000);
      const r = parse(input);
      expect(nodeText(r.root, r.tokens, input)).toBe(input);
      expect(r.diagnostics.some((d) => d.message.includes("nesting is too deep"))).toBe(true);
    }
  });
});
