import { describe, expect, it } from "vitest";
import { parse, parseSegmentText, printTree, type ParseResult, type SegmentParse } from "../../src/index.js";

// parse() recycles its splitter (lexer, token buffer, segment bounds) from one call to the
// next, and a parse that reports nothing shares one frozen empty diagnostics array. A
// result must not depend on either: its tree, diagnostics and segments are read lazily,
// after later calls have refilled the recycled buffers.
describe("recycled parse state", () => {
  const texts = [
    "SELECT a, b FROM t WHERE x = 1; /* c */ INSERT INTO u VALUES (1, 'x');\n-- tail",
    "select (1;\nselect 'unterminated",
    "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; SELECT $$;",
    "",
  ];
  const snapshot = (r: ParseResult) => ({
    tree: printTree(r.root),
    diagnostics: JSON.stringify(r.diagnostics),
    segments: r.segments.map((s) => [s.start, s.end, s.closed, s.parse.diagnostics.length, s.parse.width]),
    embedded: r.embedded.map((e) => printTree(e.root)),
  });

  it("leaves earlier results intact when later calls reuse the splitter", () => {
    const expected = texts.map((t) => snapshot(parse(t)));
    const results = texts.map((t) => parse(t));
    // Refill the recycled buffers with other texts before reading anything.
    for (const t of ["select 9, 8, 7 from z", "update q set r = 2; delete from s"]) parse(t);
    expect(results.map(snapshot)).toEqual(expected);
  });

  it("does not recycle the split of a parse whose hook keeps compute() for later", () => {
    const text = texts[0]!;
    const kept: (() => SegmentParse)[] = [];
    const hooked = parse(text, {
      parseSegment: (segmentText, compute) => {
        kept.push(compute);
        return parseSegmentText(segmentText, "postgres");
      },
    });
    // Later calls would refill a recycled split; the kept computes must still read their own.
    for (const t of ["select 9, 8, 7 from z", "update q set r = 2; delete from s"]) parse(t);
    expect(kept.length).toBe(hooked.segments.length);
    kept.forEach((compute, i) => {
      const late = compute();
      const direct = hooked.segments[i]!.parse;
      expect(late.elements.map((e) => e.kind)).toEqual(direct.elements.map((e) => e.kind));
      expect(late.width).toBe(direct.width);
      expect(JSON.stringify(late.diagnostics)).toBe(JSON.stringify(direct.diagnostics));
    });
  });

  it("reports no diagnostics as an empty array, and sorts those of several statements", () => {
    expect(parse("select 1").diagnostics).toEqual([]);
    expect(parse("select 1; select 2").diagnostics).toEqual([]);
    const starts = parse("select (1;\nselect from from;\nselect 'x").diagnostics.map((d) => d.range.start);
    expect(starts.length).toBeGreaterThan(1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts[starts.length - 1]).toBeGreaterThan(20);
  });
});
