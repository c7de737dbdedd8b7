/**
 * Deep nesting gives one diagnostic, never a stack overflow; the tree stays
 * lossless and the next statement parses normally.
 */
import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, SyntaxCode, greenText, parse, printTree } from "../../src/index.js";

const N = 10_000;
const deep: Record<string, string> = {
  parentheses: "SELECT " + "(".repeat(N) + "1" + ")".repeat(N),
  "unclosed parentheses": "SELECT " + "(".repeat(N),
  subqueries: "SELECT " + "(SELECT ".repeat(N) + "1" + ")".repeat(N),
  "NOT chain": "SELECT " + "NOT ".repeat(N) + "true",
  "unary minus chain": "SELECT " + "- ".repeat(N) + "1",
  "array brackets": "SELECT ARRAY" + "[".repeat(N) + "1" + "]".repeat(N),
  "function calls": "SELECT " + "f(".repeat(N) + "1" + ")".repeat(N),
  "FROM parentheses": "SELECT * FROM " + "(".repeat(N) + "t" + ")".repeat(N),
  "EXPLAIN chain": "EXPLAIN ".repeat(N) + "SELECT 1",
  "CASE chain": "SELECT " + "CASE WHEN ".repeat(N) + "1",
  "set operations": "SELECT 1 UNION " + "(SELECT 1 UNION ".repeat(N) + "SELECT 2" + ")".repeat(N),
  "CTE chain": "WITH " + "a AS (WITH ".repeat(N) + "b AS (SELECT 1) SELECT 1" + ")".repeat(N) + " SELECT 1",
  "grouping sets": "SELECT 1 GROUP BY GROUPING SETS " + "(GROUPING SETS ".repeat(N),
};

describe("nesting limit", () => {
  for (const [name, text] of Object.entries(deep)) {
    it(`${name}: one nesting-too-deep diagnostic, lossless, next statement fine`, () => {
      const full = text + ";\nSELECT 2;";
      const result = parse(full);
      expect(result.root.text()).toBe(full);
      expect(greenText(result.root.green)).toBe(full);
      // (PostgreSQL explains no EXPLAIN: the chain's second EXPLAIN is reported once, as well.)
      const expected = name === "EXPLAIN chain" ? [SyntaxCode.UnexpectedToken, SyntaxCode.NestingTooDeep] : [SyntaxCode.NestingTooDeep];
      expect(result.diagnostics.map((d) => d.code)).toEqual(expected);
      const last = result.root.childNodes().at(-1)!;
      expect(last.text()).toBe("SELECT 2");
      expect(printTree(last, { whitespace: false })).toContain("Number@");
    });
  }

  it("nesting below the limit parses without diagnostics", () => {
    const depth = Math.floor(MAX_NESTING_DEPTH / 4);
    const text = "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth);
    expect(parse(text).diagnostics).toEqual([]);
  });

  it("long flat chains (100,000 operands) need no recursion", () => {
    const text = "SELECT " + Array.from({ length: 100_000 }, (_, i) => String(i)).join(" + ");
    const result = parse(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.root.text()).toBe(text);
    // The left-deep BinaryExpr chain is 100k levels deep: the tree API walks it iteratively.
    expect(result.root.descendants().length).toBeGreaterThan(100_000);
  });
});
