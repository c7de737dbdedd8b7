/**
 * Long runs of comments inside one statement. Where a comment on its own line opens a body
 * (`SELECT` / `-- …` / `a`), the formatter looks past the comments that follow it for what
 * comes next; doing that afresh at every comment of a run was quadratic (150,000 comment
 * lines between `ORDER` and `BY` took over a minute), so the answer is kept for the run.
 */
import { describe, expect, it } from "vitest";
import { formatDocument } from "../../src/index.js";

const comments = (n: number): string => Array.from({ length: n }, (_, i) => `-- c${i}\n`).join("");

describe("long runs of comments", () => {
  it("150,000 comment lines between the words of a clause keyword, each kept in its place", () => {
    const run = comments(150_000);
    const result = formatDocument(`select a from t order\n${run}by a`);
    expect(result.statements.map((s) => s.status)).toEqual(["formatted"]);
    expect(result.text).toBe(`SELECT a\nFROM t\nORDER\n${run}BY a\n`);
  });
});
