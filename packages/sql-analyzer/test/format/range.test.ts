// Range formatting: only statements that intersect the range change, as edits.
import { describe, expect, test } from "vitest";
import { formatRange, type TextEdit } from "../../src/index.js";

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

const TEXT = "select  1;\nselect   2 ;\n  select    3;";

describe("formatRange", () => {
  test("formats only the statement under the range", () => {
    const start = TEXT.indexOf("select   2");
    const edits = formatRange(TEXT, { start: start + 2, end: start + 4 });
    expect(edits).toEqual([{ range: { start, end: start + "select   2".length }, newText: "SELECT 2" }]);
    expect(apply(TEXT, edits)).toBe("select  1;\nSELECT 2 ;\n  select    3;");
  });

  test("an empty range selects the statement it touches", () => {
    const at = TEXT.indexOf("3");
    expect(apply(TEXT, formatRange(TEXT, { start: at, end: at }))).toBe("select  1;\nselect   2 ;\n  SELECT 3;");
  });

  test("a range over several statements edits each of them, in order", () => {
    const edits = formatRange(TEXT, { start: 0, end: TEXT.length });
    expect(edits.map((e) => e.newText)).toEqual(["SELECT 1", "SELECT 2", "SELECT 3"]);
    expect(apply(TEXT, edits)).toBe("SELECT 1;\nSELECT 2 ;\n  SELECT 3;");
  });

  test("no edit for an already formatted statement or for one with errors", () => {
    expect(formatRange("SELECT 1;", { start: 0, end: 9 })).toEqual([]);
    expect(formatRange("select from where;", { start: 0, end: 5 })).toEqual([]);
  });

  test("a range between statements selects nothing", () => {
    expect(formatRange("select 1;\n\n\nselect 2;", { start: 10, end: 11 })).toEqual([]);
  });

  test("a range past the text's ends is clamped; no range at all is a clear error", () => {
    expect(formatRange(TEXT, { start: -5, end: 1e9 })).toEqual(formatRange(TEXT, { start: 0, end: TEXT.length }));
    for (const range of [null, undefined, "x", { start: 0 }, { start: Number.NaN, end: 3 }]) {
      expect(() => formatRange(TEXT, range as never)).toThrow(/formatRange: range must be \{ start, end \} with numbers/);
    }
  });
});
