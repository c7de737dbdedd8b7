// Layout found wrong by probing the formatter with real-world SQL (session 14): each case is
// the exact output, and each output is a fixed point.
import { describe, expect, test } from "vitest";
import { format, type FormatOptions } from "../../src/index.js";

/** `input` formats to `expected`, and `expected` formats to itself. */
function check(input: string, expected: string, options: FormatOptions = {}): void {
  expect(format(input, options)).toBe(expected);
  expect(format(expected, options)).toBe(expected);
}

describe("a block comment before a keyword that starts a line in a broken chain", () => {
  test("AND, JOIN and UNION still start their lines after a comment that trails code", () => {
    check(
      "select a from t where a = 1 /* c */ and b = 2 and ccccccccccccccccccccccc = 3 and dddddddddddddddddddddddd = 4",
      "SELECT a\nFROM t\nWHERE a = 1 /* c */\n  AND b = 2\n  AND ccccccccccccccccccccccc = 3\n  AND dddddddddddddddddddddddd = 4\n",
    );
    check(
      "select a from t /* c */ join u on u.id = t.id join v on v.id = u.id join wwwwwwwwwwwwwwwwwwwwwwwwwwwww on true",
      "SELECT a\nFROM t /* c */\n  JOIN u ON u.id = t.id\n  JOIN v ON v.id = u.id\n  JOIN wwwwwwwwwwwwwwwwwwwwwwwwwwwww ON TRUE\n",
      { lineWidth: 40 },
    );
    check(
      "select a from t /* c */ union all select b from u union select cccccccccccccccccccccccccccc from v",
      "SELECT a\nFROM t /* c */\nUNION ALL\nSELECT b\nFROM u\nUNION\nSELECT cccccccccccccccccccccccccccc\nFROM v\n",
      { lineWidth: 40 },
    );
  });

  test("a comment that opens its line keeps the keyword beside it, and flat chains keep one space", () => {
    check(
      "select a from t where a = 1\n/* own */ and b = 2 and ccccccccccccccccccccccc = 3",
      "SELECT a\nFROM t\nWHERE a = 1\n  /* own */ AND b = 2\n  AND ccccccccccccccccccccccc = 3\n",
    );
    check("select a from t where a = 1 /* c */ and b = 2", "SELECT a FROM t WHERE a = 1 /* c */ AND b = 2\n");
  });
});

describe("a comment that ends a statement's line, before a statement kept as written", () => {
  test("stays on that line, as it does before a formatted statement", () => {
    check("select 1; -- c\nselect from where;", "SELECT 1; -- c\nselect from where;");
    check("select 1; -- c\nselect from where;", "SELECT 1; -- c\nselect from where;", { dialect: "mysql" });
    check("select 3; /* y */\nselect from;", "SELECT 3; /* y */\nselect from;");
    check("select 4; /* z */ -- w\nselect from;", "SELECT 4; /* z */ -- w\nselect from;");
  });

  test("a comment with the broken statement after it on its line moves with it, and one on a line of its own stays there", () => {
    check("select 2; /* x */ select from;", "SELECT 2;\n/* x */ select from;");
    check("select 1;\n-- c\nselect from where;", "SELECT 1;\n-- c\nselect from where;");
  });
});
