// Each formatting option, one behaviour per test, through the public API.
import { describe, expect, test } from "vitest";
import { format, formatDocument, parse, resolveFormatOptions } from "../../src/index.js";

const LONG = "select first_name, last_name, email_address, phone_number from customer_accounts where status = 'active'";

describe("keyword case", () => {
  test("upper by default", () => {
    expect(format("select a from t where b is not null")).toBe("SELECT a FROM t WHERE b IS NOT NULL\n");
  });
  test("lower", () => {
    expect(format("SELECT a FROM t WHERE b IS NOT NULL", { keywordCase: "lower" })).toBe("select a from t where b is not null\n");
  });
  test("preserve keeps the author's spelling", () => {
    expect(format("Select a From t wHERE b = 1", { keywordCase: "preserve" })).toBe("Select a From t wHERE b = 1\n");
  });
  test("never touches strings, quoted names or comments", () => {
    expect(format(`select 'select' as "From", x -- select\nfrom t`)).toBe(`SELECT 'select' AS "From", x -- select\nFROM t\n`);
  });
});

describe("identifier case", () => {
  test("preserve by default", () => {
    expect(format("select MyCol from MyTable")).toBe("SELECT MyCol FROM MyTable\n");
  });
  test("lower and upper change unquoted names only", () => {
    expect(format(`select MyCol, "KeepMe" from MyTable`, { identifierCase: "lower" })).toBe(`SELECT mycol, "KeepMe" FROM mytable\n`);
    expect(format(`select MyCol, "keepMe" from MyTable`, { identifierCase: "upper" })).toBe(`SELECT MYCOL, "keepMe" FROM MYTABLE\n`);
  });
});

describe("case of non-ASCII letters", () => {
  test("only ASCII letters change case: the databases fold unquoted names so (PostgreSQL keeps `é`), and `ß` would grow", () => {
    expect(format("select straße, ÉCOLE from t", { identifierCase: "upper" })).toBe("SELECT STRAßE, ÉCOLE FROM T\n");
    expect(format("select straße, ÉCOLE from t", { identifierCase: "lower" })).toBe("SELECT straße, École FROM t\n");
    // Found by fuzzing against libpg-query: a privilege name `selecét` became `SELECÉT`, another
    // name to PostgreSQL; `SELECéT` folds back to `selecét`.
    expect(format("grant selecét on t to r", { keywordCase: "upper" })).toBe("GRANT SELECéT ON t TO r\n");
  });
});

describe("indent and line width", () => {
  test("a statement that fits stays on one line", () => {
    expect(format("select a, b from t", { lineWidth: 80 })).toBe("SELECT a, b FROM t\n");
  });
  test("a statement that does not fit breaks at clauses, then lists", () => {
    expect(format(LONG, { lineWidth: 60 })).toBe(
      "SELECT first_name, last_name, email_address, phone_number\nFROM customer_accounts\nWHERE status = 'active'\n",
    );
    expect(format(LONG, { lineWidth: 40 })).toBe(
      "SELECT\n  first_name,\n  last_name,\n  email_address,\n  phone_number\nFROM customer_accounts\nWHERE status = 'active'\n",
    );
  });
  test("indent width and tabs", () => {
    expect(format(LONG, { lineWidth: 40, indent: 4 })).toContain("\n    first_name,\n");
    expect(format(LONG, { lineWidth: 40, indent: "tab" })).toContain("\n\tfirst_name,\n");
  });
  test("out-of-range numbers are clamped, not rejected", () => {
    expect(resolveFormatOptions({ lineWidth: 3, indent: 99 })).toMatchObject({ lineWidth: 20, indentUnit: " ".repeat(16) });
    expect(resolveFormatOptions({ lineWidth: Number.NaN }).lineWidth).toBe(80);
  });
});

describe("comma position", () => {
  test("trailing by default, leading on request; flat lists look the same", () => {
    expect(format(LONG, { lineWidth: 40, commaPosition: "leading" })).toBe(
      "SELECT\n  first_name\n  , last_name\n  , email_address\n  , phone_number\nFROM customer_accounts\nWHERE status = 'active'\n",
    );
    expect(format("select a, b from t", { commaPosition: "leading" })).toBe("SELECT a, b FROM t\n");
  });
});

describe("dialect", () => {
  test("MySQL backticks, # comments (a line comment forces its statement to break) and LIMIT a, b", () => {
    expect(format("select `a` from `t` # note\nlimit 1,2", { dialect: "mysql" })).toBe("SELECT `a`\nFROM `t` # note\nLIMIT 1, 2\n");
  });
  test("a # in PostgreSQL is an operator, not a comment", () => {
    expect(format("select a # b from t", { dialect: "postgres" })).toBe("SELECT a # b FROM t\n");
  });
  test("MySQL keeps the author's spacing before ( where the tree does not say it is a call", () => {
    expect(format("insert into t(a) values(1)", { dialect: "mysql" })).toBe("INSERT INTO t(a) VALUES(1)\n");
    expect(format("select count(*), concat(a, b) from t", { dialect: "mysql" })).toBe("SELECT count(*), concat(a, b) FROM t\n");
  });
  test("SQLite INSERT OR REPLACE and named parameters", () => {
    expect(format("insert or replace into kv(k,v) values(:k,@v)", { dialect: "sqlite" })).toBe("INSERT OR REPLACE INTO kv (k, v) VALUES (:k, @v)\n");
  });
});

describe("comments and layout", () => {
  test("every comment is kept, in order", () => {
    const input = "/* a */ select /* b */ x, -- c\n y from t /* d */; -- e\n-- f";
    const out = format(input);
    for (const c of ["/* a */", "/* b */", "-- c", "/* d */", "-- e", "-- f"]) expect(out).toContain(c);
    const order = ["/* a */", "/* b */", "-- c", "/* d */", "-- e", "-- f"].map((c) => out.indexOf(c));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
  test("statements go one per line; one blank line between them survives", () => {
    expect(format("select 1; select 2;\n\n\n\nselect 3;")).toBe("SELECT 1;\nSELECT 2;\n\nSELECT 3;\n");
  });
  test("operators never fuse into comments or other operators", () => {
    expect(format("select - -1, 2 - -3, a/ *b from t", { keywordCase: "preserve" })).not.toMatch(/--|\/\*/);
  });
  test("empty and whitespace-only documents format to nothing", () => {
    expect(format("")).toBe("");
    expect(format("  \n\t ")).toBe("");
  });
});

test("a block comment written between two tokens keeps a space on both sides (after `(` and after a leading comma it ran into the next token)", () => {
  expect(format("select ( /* c */ select 1), f( /* d */ a) from t where x in (1, /* e */ 2)", { commaPosition: "leading" })).toBe(
    "SELECT ( /* c */ SELECT 1), f( /* d */ a) FROM t WHERE x IN (1, /* e */ 2)\n",
  );
  expect(format("select a, /* b */ b, /* c */ c from t", { commaPosition: "leading", lineWidth: 20 })).toBe("SELECT\n  a\n  , /* b */ b\n  , /* c */ c\nFROM t\n");
  // Before a closer there is still none.
  expect(format("select f(a /* last */)")).toBe("SELECT f(a /* last */)\n");
});

describe("statements with syntax errors", () => {
  test("are left exactly as written; their neighbours are formatted", () => {
    const input = "select  1;\nselect from where ;\nselect   2";
    const result = formatDocument(input);
    expect(result.text).toBe("SELECT 1;\nselect from where ;\nSELECT 2\n");
    expect(result.statements.map((s) => s.status)).toEqual(["formatted", "syntax-error", "formatted"]);
  });
  test("a statement the parser ended before its segment's error is reported as a syntax error, not as unsupported", () => {
    // PostgreSQL takes WINDOW after HAVING only; the view ends at the second HAVING and the error is reported there.
    const result = formatDocument("create view v as select a from t group by a having count(*) > 1 window w as (order by a) having x; select 1;");
    expect(result.statements.map((s) => s.status)).toEqual(["syntax-error", "syntax-error", "formatted"]);
    expect(formatDocument("create foo bar;").statements.map((s) => s.status)).toEqual(["unsupported"]);
  });
  test("broken statements next to each other keep the text between them (the parser may have cut one statement in two there)", () => {
    expect(format("select 1 from;  select 2 from;\tselect (\n\n\n\nselect 3")).toBe("select 1 from;  select 2 from;\tselect (\n\n\n\nselect 3");
    const trigger = "create trigger tr after insert on t begin select 1 from; end;\nselect  2;";
    expect(format(trigger, { dialect: "sqlite" })).toBe("create trigger tr after insert on t begin select 1 from; end;\nSELECT 2;\n");
  });
  test("an sqlite `.` that is no dot-command stays off the start of its line (there it would become one)", () => {
    // `.mode csv` after `;` and a blank is a statement (an error); at the start of a line it is a dot-command.
    const input = "select 1; .mode csv\nselect 2;\n.mode list\nselect 3;";
    const result = formatDocument(input, { dialect: "sqlite" });
    expect(result.text).toBe("SELECT 1; .mode csv\nselect 2;\n.mode list\nSELECT 3;\n");
    expect(parse(result.text, { dialect: "sqlite" }).diagnostics.map((d) => d.code)).toEqual(parse(input, { dialect: "sqlite" }).diagnostics.map((d) => d.code));
    expect(format(result.text, { dialect: "sqlite" })).toBe(result.text);
  });
  test("after an empty statement's `;` the next one still starts a new line (`;` then a dot-command was glued into `;.mode`, which sqlite3 reads as SQL)", () => {
    expect(format(";\nselect 1")).toBe(";\nSELECT 1\n");
    expect(format(";\n.mode csv\nselect 1;", { dialect: "sqlite" })).toBe(";\n.mode csv\nSELECT 1;\n");
    // After `;` and a blank, `.headers on` is a statement (an error); glued to the `;` it became a dot-command.
    const input = ";\t.headers on\n";
    expect(format(input, { dialect: "sqlite" })).toBe("; .headers on\n");
    expect(parse(format(input, { dialect: "sqlite" }), { dialect: "sqlite" }).diagnostics.map((d) => d.code)).toEqual(["unexpected-token"]);
    // Nor may the blank before one at the start of the file go.
    expect(format("  .mode csv", { dialect: "sqlite" })).toBe(" .mode csv");
  });
  test("an unterminated comment at the end gets no newline added inside it", () => {
    expect(format("select 1; /* open")).toBe("SELECT 1;\n/* open");
  });
});

describe("reusing a parse", () => {
  test("a given parse of the same text is used; one of another text is ignored", () => {
    const text = "select a from t";
    const same = parse(text);
    expect(format(text, { parsed: same })).toBe("SELECT a FROM t\n");
    const other = parse("select b from u");
    expect(format(text, { parsed: other })).toBe("SELECT a FROM t\n");
    expect(format(text, { parsed: parse(text, { dialect: "mysql" }) })).toBe("SELECT a FROM t\n");
  });
});

describe("spacing around parentheses", () => {
  test("calls and call-like keywords hug their parenthesis; other keywords do not", () => {
    expect(format("select count (*), row (1, 2), cast (a as int), coalesce (a, b) from t")).toBe("SELECT count(*), ROW(1, 2), CAST(a AS int), coalesce(a, b) FROM t\n");
    expect(format("select 1 from a join b on(a.x, a.y) overlaps(b.x, b.y) where a.id in(1, 2) and exists(select 1)")).toBe(
      "SELECT 1\nFROM a JOIN b ON (a.x, a.y) OVERLAPS (b.x, b.y)\nWHERE a.id IN (1, 2) AND EXISTS (SELECT 1)\n",
    );
  });
  test("type modifiers, subscripts, casts and column alias lists", () => {
    expect(format("select a :: numeric ( 10 , 2 ), b [ 1 ], c from f ( ) as g ( x )")).toBe("SELECT a::numeric(10, 2), b[1], c FROM f() AS g(x)\n");
  });
});

describe("qualified names", () => {
  test("a dot hugs a name that ends in a digit (it printed `t2 .id`: the check for `1.` looked at characters only)", () => {
    for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
      expect(format("select t2.*, t2.id, db1.t3.c4 from t t2 join u1 on u1.id = t2.id", { dialect })).toBe(
        "SELECT t2.*, t2.id, db1.t3.c4 FROM t t2 JOIN u1 ON u1.id = t2.id\n",
      );
    }
  });
  test("MySQL names after a dot that start with a digit stay against it (`t.5` was printed `t. 5`, refused by the check, and left as written)", () => {
    const result = formatDocument("select t.5, t.2fa from t", { dialect: "mysql" });
    expect(result.text).toBe("SELECT t.5, t.2fa FROM t\n");
    expect(result.statements.map((s) => s.status)).toEqual(["formatted"]);
  });
});

test("adjacent string literals stay on separate lines (PostgreSQL concatenates them only across a newline)", () => {
  const out = format("select 'a'\n  'b' as s from t");
  expect(out).toBe("SELECT 'a'\n  'b' AS s\nFROM t\n");
  expect(format(out)).toBe(out);
});

describe("regressions found by formatting the parser's fixtures", () => {
  test("a ; after a line comment goes to the next line instead of into the comment", () => {
    const out = format("SELECT 1 # comment\n;", { dialect: "mysql" });
    expect(out).toBe("SELECT 1 # comment\n;\n");
    expect(format(out, { dialect: "mysql" })).toBe(out);
    expect(format("select 1 -- c\n;\nselect 2")).toBe("SELECT 1 -- c\n;\nSELECT 2\n");
  });
  test("placeholders written in pieces stay in one piece", () => {
    expect(format("select x from t where a = ? and b = :name and c = @name")).toBe("SELECT x FROM t WHERE a = ? AND b = :name AND c = @name\n");
  });
});

describe("blocks and windows", () => {
  test("trigger bodies put one statement per line between BEGIN and END", () => {
    expect(format("create trigger t after insert on x begin update y set a = 1; delete from z; end", { dialect: "sqlite" })).toBe(
      "CREATE TRIGGER t AFTER INSERT ON x BEGIN\n  UPDATE y SET a = 1;\n  DELETE FROM z;\nEND\n",
    );
  });
  test("a comment on its own line before a body's first statement is indented with the body (it was printed at the head's column)", () => {
    expect(format("create trigger t after insert on x begin\n  -- first\n  update y set a = 1;\nend", { dialect: "sqlite" })).toBe(
      "CREATE TRIGGER t AFTER INSERT ON x BEGIN\n  -- first\n  UPDATE y SET a = 1;\nEND\n",
    );
    expect(format("create procedure p() begin -- same line\n  -- first\n  select 1;\n  if x then\n    /* inner */\n    select 2;\n  end if;\nend", { dialect: "mysql" })).toBe(
      "CREATE PROCEDURE p() BEGIN -- same line\n  -- first\n  SELECT 1;\n  IF x THEN\n    /* inner */\n    SELECT 2;\n  END IF;\nEND\n",
    );
  });
  test("a comment on its own line between a clause's keyword and its body, or before CASE's first branch, is indented with them", () => {
    expect(format("select\n  -- the columns\n  a,\n  b\nfrom t\nwhere\n  -- cond\n  x = 1 and y = 2")).toBe(
      "SELECT\n  -- the columns\n  a,\n  b\nFROM t\nWHERE\n  -- cond\n  x = 1 AND y = 2\n",
    );
    // The CASE is laid out as it is without the comment: the comment is inside its indented branches.
    expect(format("select case\n  -- first\n  when a then 1\n  else 2 end from t")).toBe("SELECT CASE\n  -- first\n  WHEN a THEN 1\n  ELSE 2\nEND\nFROM t\n");
  });
  test("a line comment after a clause's keyword leaves the body indented on the next line (it started the line: `WHERE -- w` / `x = 1`)", () => {
    expect(format("select -- c\n* from t where -- w\n x = 1 and y = 2 order by -- o\n a")).toBe("SELECT -- c\n  *\nFROM t\nWHERE -- w\n  x = 1 AND y = 2\nORDER BY -- o\n  a\n");
  });
  test("a long window specification breaks inside its parentheses", () => {
    expect(format("select rank() over (partition by department_id order by salary desc, hired_at) as r from staff", { lineWidth: 50 })).toBe(
      "SELECT rank() OVER (\n  PARTITION BY department_id\n  ORDER BY salary DESC, hired_at\n) AS r\nFROM staff\n",
    );
  });
});

describe("line endings", () => {
  test("auto keeps CRLF files CRLF; lf and crlf force one", () => {
    const crlf = "select 1 -- c\r\nfrom t;\r\nselect 2;\r\n";
    expect(format(crlf)).toBe("SELECT 1 -- c\r\nFROM t;\r\nSELECT 2;\r\n");
    expect(format(format(crlf))).toBe(format(crlf));
    expect(format(crlf, { lineEnding: "lf" })).toBe("SELECT 1 -- c\nFROM t;\nSELECT 2;\n");
    expect(format("select 1;\nselect 2;", { lineEnding: "crlf" })).toBe("SELECT 1;\r\nSELECT 2;\r\n");
  });
});

test("a MySQL or SQLite line comment that ends in a lone CR keeps it: the break after it is CRLF (an LF made it another comment when formatted again)", () => {
  // `\r\r\n`: a CRLF file converted twice. MySQL and SQLite end a line comment at LF only.
  const input = "select 1 # c\r\r\nfrom t; # d\r\r\nselect 2 -- e\r";
  const result = formatDocument(input, { dialect: "mysql", lineEnding: "lf" });
  expect(result.text).toBe("SELECT 1 # c\r\r\nFROM t; # d\r\r\nSELECT 2 -- e\r\r\n");
  expect(result.statements.map((s) => s.status)).toEqual(["formatted", "formatted"]);
  expect(format(result.text, { dialect: "mysql", lineEnding: "lf" })).toBe(result.text);
  expect(format("select 1 -- c\r\r\nfrom t", { dialect: "sqlite", lineEnding: "lf" })).toBe("SELECT 1 -- c\r\r\nFROM t\n");
});

test("auto line endings follow the breaks between tokens, not those inside strings (found by fuzzing)", () => {
  const input = "create function f(a\r\nint) returns int language sql as\r\n$fn$ select 1\n$fn$";
  const once = format(input);
  expect(once).toBe("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $fn$ select 1\n$fn$\r\n");
  expect(format(once)).toBe(once);
});

describe("found by the long fuzz run (scripts/fuzz-format.mjs)", () => {
  test("an error that only touches the next statement's edge does not keep that statement as written", () => {
    const input = "with t as (values (1)) ;select * from t";
    const once = format(input);
    expect(once).toBe("with t as (values (1)) ;\nSELECT * FROM t\n");
    expect(format(once)).toBe(once);
  });
  test("mixed line endings: LF unless every break between tokens is CRLF", () => {
    const input = "\nselect a,\r\nb from t where x\r\nunion select from\r\nwhere";
    const once = format(input);
    expect(format(once)).toBe(once);
    expect(format("select 1;\r\nselect 2;\nselect 3")).toBe("SELECT 1;\nSELECT 2;\nSELECT 3\n");
  });
  test("a `?` placeholder written against a comparison stays against it (PostgreSQL reads `>?` as one operator)", () => {
    // Session 10, seed 73: `a>? b` became `a > ? b`, which libpg-query reads differently.
    expect(format("SELECT a>? b, a <<=? 3 FROM t")).toBe("SELECT a >? b, a <<=? 3 FROM t\n");
    expect(format("SELECT * FROM t WHERE id=? AND n <= ?")).toBe("SELECT * FROM t WHERE id =? AND n <= ?\n");
    expect(format("SELECT * FROM t WHERE id=? AND n <= ?", { dialect: "mysql" })).toBe("SELECT * FROM t WHERE id = ? AND n <= ?\n");
  });
});

describe("option values outside their choices", () => {
  const call = format as unknown as (text: string, options: Record<string, unknown>) => string;
  test("are a RangeError naming the option and its choices", () => {
    expect(() => call("select 1", { keywordCase: "weird" })).toThrow('format: unknown keywordCase "weird" (expected "upper", "lower" or "preserve")');
    expect(() => call("select 1", { identifierCase: "UPPER" })).toThrow('format: unknown identifierCase "UPPER"');
    expect(() => call("select 1", { commaPosition: "middle" })).toThrow('format: unknown commaPosition "middle" (expected "trailing" or "leading")');
    expect(() => call("select 1", { lineEnding: "cr" })).toThrow('format: unknown lineEnding "cr" (expected "lf", "crlf" or "auto")');
    expect(() => call("select 1", { indent: "4" })).toThrow('format: indent must be a number of spaces or "tab", got "4"');
  });

  test("out-of-range numbers are still clamped, and null options are no options", () => {
    expect(call("select a from t", { indent: -5, lineWidth: Number.NaN })).toBe("SELECT a FROM t\n");
    expect(format("select a from t", null as unknown as undefined)).toBe("SELECT a FROM t\n");
  });
});
