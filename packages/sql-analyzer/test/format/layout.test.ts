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

describe("a comment inside a clause body that lays out its own lines", () => {
  test("does not shift a subquery, a CASE or a call by one more level", () => {
    check(
      "select x from t where exists (select 1 -- c\n from u where u.id = t.id)",
      "SELECT x\nFROM t\nWHERE EXISTS (\n  SELECT 1 -- c\n  FROM u\n  WHERE u.id = t.id\n)\n",
    );
    check("select x from (select 1 -- c\n from u) s", "SELECT x\nFROM (\n  SELECT 1 -- c\n  FROM u\n) s\n");
    check(
      "select case when a = 1 then 'one' -- c\n when a = 2 then 'two' else 'many many many many many' end as x from t",
      "SELECT CASE\n  WHEN a = 1 THEN 'one' -- c\n  WHEN a = 2 THEN 'two'\n  ELSE 'many many many many many'\nEND AS x\nFROM t\n",
    );
    check(
      "select f(a /* first */, b /* second */, c) from t",
      "SELECT f(\n    a /* first */,\n    b /* second */,\n    c\n)\nFROM t\n",
      { lineWidth: 20, indent: 4 },
    );
  });

  test("a break that no part of the body indents still gets the clause's indent", () => {
    check("select x from t where a = -- c\n 1", "SELECT x\nFROM t\nWHERE a = -- c\n  1\n");
    check("select 'a'\n'b' from t", "SELECT 'a'\n  'b'\nFROM t\n");
  });
});

describe("a block comment with code after it on its line goes with that code", () => {
  test("an argument's label stays with the argument when the list breaks", () => {
    check(
      "select make_interval(1, /* months */ 2, /* weeks */ 3, /* days */ 4, /* hours */ 5, /* mins */ 6)",
      "SELECT make_interval(\n  1,\n  /* months */ 2,\n  /* weeks */ 3,\n  /* days */ 4,\n  /* hours */ 5,\n  /* mins */ 6\n)\n",
      { lineWidth: 40 },
    );
    check("select a, /* b */ b, /* c */ c from t", "SELECT\n  a,\n  /* b */ b,\n  /* c */ c\nFROM t\n", { lineWidth: 20 });
  });

  test("flat, nothing changes; a comment that ends its line stays after the comma", () => {
    check("select make_interval(1, /* months */ 2)", "SELECT make_interval(1, /* months */ 2)\n");
    check("select a, /* about a */\n bbbbbbbbbbbb, c from tttttttttttttttttttttttt", "SELECT\n  a, /* about a */\n  bbbbbbbbbbbb,\n  c\nFROM tttttttttttttttttttttttt\n", { lineWidth: 30 });
  });
});

describe("ARRAY[…] breaks inside its brackets, as a call does inside its parentheses", () => {
  test("a long array constructor puts one element per line between its brackets", () => {
    check(
      "select array[aaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccc] from t",
      "SELECT ARRAY[\n  aaaaaaaaaaaaaaa,\n  bbbbbbbbbbbbbbbbbbbbbbbbbbbb,\n  cccccccccccccccccccccccc\n]\nFROM t\n",
      { lineWidth: 40 },
    );
    check(
      "select a from t where x = any (array[1111111111, 2222222222, 3333333333])",
      "SELECT a\nFROM t\nWHERE x = ANY (ARRAY[\n  1111111111,\n  2222222222,\n  3333333333\n])\n",
      { lineWidth: 30 },
    );
    check("select array['a','b'], a[1], a[1:2], '{1}'::int[] from t", "SELECT ARRAY['a', 'b'], a[1], a[1:2], '{1}'::int[] FROM t\n");
  });

  test("a multi-line comment in a broken array keeps its place when formatted again (the second pass read it on its own line)", () => {
    const once = format("select a from t where tags <@ array['x', /* multi\n   line */ 'y']");
    expect(format(once)).toBe(once);
  });
});
