/**
 * Garbage files (a binary file opened as SQL): tens of thousands of broken statements and
 * errors. Each broken statement is matched with the errors through `ErrorRanges` instead of
 * a scan over every error, which made formatting 1 MB of such text take minutes.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/index.js";
import { formatDocument, parse } from "../../src/index.js";
import { ErrorRanges } from "../../src/format/error-ranges.js";

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("ErrorRanges", () => {
  it("answers like a scan over every error (10,000 random queries)", () => {
    const next = seeded(7);
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(next() * 5000);
      const end = start + Math.floor(next() * (next() < 0.1 ? 400 : 5));
      diagnostics.push({ code: "x", severity: next() < 0.7 ? "error" : "warning", message: "", range: { start, end } } as Diagnostic);
    }
    const ranges = new ErrorRanges(diagnostics);
    const scan = (start: number, end: number) => diagnostics.some((d) => d.severity === "error" && d.range.start <= end && d.range.end >= start);
    let touching = 0;
    for (let i = 0; i < 10_000; i++) {
      const start = Math.floor(next() * 5200);
      const end = start + Math.floor(next() * 30);
      const expected = scan(start, end);
      if (expected) touching++;
      expect(ranges.touch(start, end)).toBe(expected);
    }
    // Both answers must occur, or the comparison above proves little.
    expect(touching).toBeGreaterThan(1000);
    expect(touching).toBeLessThan(9000);
    expect(new ErrorRanges([]).touch(0, 10)).toBe(false);
  });
});

describe("formatting garbage", () => {
  const cases: Record<string, string> = {
    "NUL characters": "SELECT \0\0\0".repeat(20_000),
    "lone surrogates": "SELECT '\ud800' \udc00 ".repeat(20_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: every statement is kept as written and reported`, () => {
      const parsed = parse(text);
      expect(parsed.diagnostics.length).toBeGreaterThanOrEqual(19_999);
      const result = formatDocument(text, { parsed });
      expect(result.text).toBe(text);
      expect(result.statements.length).toBeGreaterThan(1000);
      const statuses = result.statements.map((s) => s.status);
      expect(statuses).toContain("syntax-error");
      expect(statuses.filter((s) => s !== "syntax-error" && s !== "unsupported")).toEqual([]);
    });
  }
});
