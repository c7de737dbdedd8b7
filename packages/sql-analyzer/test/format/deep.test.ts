/**
 * Statements whose trees are very deep without any nesting the parser limits: a chain of
 * thousands of operators nests one level per operator. The formatter leaves such a
 * statement as written (`too-deep`) instead of overflowing its stack, formats the rest,
 * and the tree printer's output stays linear in the depth.
 */
import { describe, expect, it } from "vitest";
import { MAX_FORMAT_DEPTH, MAX_PRINT_INDENT, format, formatDocument, formatRange, parse, printTree } from "../../src/index.js";

const N = 5000;
const chains: Record<string, string> = {
  "OR chain": "SELECT * FROM t WHERE " + Array(N).fill("a = 1").join(" OR "),
  "arithmetic chain": "SELECT " + Array(N).fill("a").join(" + "),
  "string concatenation": "SELECT " + Array(N).fill("'x'").join(" || "),
  "UNION chain": Array(N).fill("SELECT 1").join(" UNION "),
  "JOIN chain": "SELECT * FROM a " + Array(N).fill("JOIN b ON true").join(" "),
  "cast chain": "SELECT 1" + "::int".repeat(N),
  "subscript chain": "SELECT a" + "[1]".repeat(N),
};

describe("formatting statements deeper than MAX_FORMAT_DEPTH", () => {
  for (const [name, statement] of Object.entries(chains)) {
    it(`${name}: left as written (too-deep), the statements around it formatted`, () => {
      const text = `select   1;\n${statement};\nselect   2`;
      expect(parse(text).diagnostics).toEqual([]);
      const result = formatDocument(text);
      expect(result.statements.map((s) => s.status)).toEqual(["formatted", "too-deep", "formatted"]);
      expect(result.statements[1]!.text).toBe(statement);
      expect(result.text).toBe(`SELECT 1;\n${statement};\nSELECT 2\n`);
      expect(format(result.text)).toBe(result.text);
      const inside = text.indexOf(statement) + 10;
      expect(formatRange(text, { start: inside, end: inside })).toEqual([]);
    });
  }

  it("a stack overflow during layout (a caller already deep in its stack) also gives too-deep", () => {
    // How deep plain recursion can go here, then format from 95 % of that depth, where even
    // a chain below the limit cannot be laid out.
    const probe = (n: number): number => (n === 0 ? 0 : probe(n - 1) + 1);
    let lo = 1;
    let hi = 1_000_000;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        probe(mid);
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    const chain = "SELECT * FROM t WHERE " + Array(MAX_FORMAT_DEPTH - 100).fill("a = 1").join(" OR ");
    expect(formatDocument(chain).statements[0]!.status).toBe("formatted");
    const deepCall = (n: number): string => (n === 0 ? formatDocument(chain).statements[0]!.status : deepCall(n - 1));
    expect(deepCall(Math.floor(lo * 0.95))).toBe("too-deep");
  });

  it("a chain well below the limit is still formatted", () => {
    const text = "select * from t where " + Array(MAX_FORMAT_DEPTH / 4).fill("a = 1").join(" or ");
    const result = formatDocument(text);
    expect(result.statements.map((s) => s.status)).toEqual(["formatted"]);
    expect(result.text.startsWith("SELECT *")).toBe(true);
  });
});

describe("printing very deep trees", () => {
  it("indents at most MAX_PRINT_INDENT levels and labels deeper lines with their depth", () => {
    const text = "SELECT " + Array(20_000).fill("a").join(" + ");
    const printed = printTree(parse(text).root, { whitespace: false });
    const lines = printed.trimEnd().split("\n");
    const widest = Math.max(...lines.map((l) => l.length));
    // Full indentation would make the deepest line ~40,000 characters wide.
    expect(widest).toBeLessThan(2 * MAX_PRINT_INDENT + 80);
    expect(lines.some((l) => l.startsWith(`${"  ".repeat(MAX_PRINT_INDENT)}[${MAX_PRINT_INDENT + 1}] `))).toBe(true);
    const deepest = Math.max(...lines.map((l) => Number(/^ *\[(\d+)\] /.exec(l)?.[1] ?? 0)));
    expect(deepest).toBeGreaterThan(20_000);
    // Shallow lines are printed as before.
    const end = text.length;
    expect(lines.slice(0, 3)).toEqual([`SourceFile@0..${end}`, `  SelectStmt@0..${end}`, `    SelectCore@0..${end}`]);
  });
});
