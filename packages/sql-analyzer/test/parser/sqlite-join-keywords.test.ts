/**
 * SQLite's join operator: up to three join keywords in any order before JOIN, whose
 * combination SQLite's parser checks ("unknown join type"). Verdicts as SQLite gives them
 * (better-sqlite3 `prepare`), checked when this rule was written.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";

const errors = (sql: string) =>
  parse(sql, { dialect: "sqlite" })
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${sql.slice(d.range.start, d.range.end)}: ${d.message}`);

describe("SQLite join keywords", () => {
  it("takes them in any order", () => {
    for (const sql of [
      "SELECT * FROM t OUTER LEFT JOIN u ON 1",
      "SELECT * FROM t LEFT NATURAL JOIN u",
      "SELECT * FROM t NATURAL LEFT OUTER JOIN u",
      "SELECT * FROM t NATURAL CROSS JOIN u",
      "SELECT * FROM t CROSS JOIN u ON 1",
      "SELECT * FROM t FULL OUTER JOIN u ON 1",
      "SELECT * FROM t INNER JOIN u USING (a)",
    ]) {
      expect(errors(sql), sql).toEqual([]);
    }
  });

  it("refuses the combinations SQLite refuses, naming the join type", () => {
    const hint = "(SQLite joins are [NATURAL] [LEFT | RIGHT | FULL] [OUTER] JOIN, [INNER] JOIN and CROSS JOIN)";
    expect(errors("SELECT * FROM t OUTER JOIN u ON 1")).toEqual([`OUTER: unknown join type: OUTER ${hint}`]);
    expect(errors("SELECT * FROM t NATURAL OUTER JOIN u")).toEqual([`NATURAL OUTER: unknown join type: NATURAL OUTER ${hint}`]);
    expect(errors("SELECT * FROM t CROSS LEFT JOIN u ON 1")).toEqual([`CROSS LEFT: unknown join type: CROSS LEFT ${hint}`]);
    expect(errors("SELECT * FROM t OUTER INNER JOIN u ON 1")).toEqual([`OUTER INNER: unknown join type: OUTER INNER ${hint}`]);
  });

  it("other dialects keep their fixed order", () => {
    expect(parse("SELECT * FROM t OUTER LEFT JOIN u ON true", { dialect: "postgres" }).diagnostics).not.toEqual([]);
  });
});
