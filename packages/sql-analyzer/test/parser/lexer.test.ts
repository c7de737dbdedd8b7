import { describe, expect, it } from "vitest";
import { format, parse, tokenize, type Dialect } from "../../src/index.js";
import { tokenKinds } from "../support/token-kinds.js";

const kinds = tokenKinds;

describe("lexer", () => {
  it("tiles the input exactly", () => {
    const text = "select a.b, 'x''y', $1 from \"T\" -- c\n/* d */;";
    const s = tokenize(text, "postgres");
    expect(s.starts[0]).toBe(0);
    expect(s.starts[s.count]).toBe(text.length);
    for (let i = 0; i < s.count; i++) expect(s.starts[i + 1]!).toBeGreaterThan(s.starts[i]!);
  });

  it("PostgreSQL strings: E'', U&'', B'', X'', N'', dollar quotes", () => {
    expect(kinds("E'a\\'b' U&'x' B'01' X'ff' N'n' $$a$$ $q$ $$ $q$")).toEqual([
      "String:E'a\\'b'", "String:U&'x'", "String:B'01'", "String:X'ff'", "String:N'n'", "String:$$a$$", "String:$q$ $$ $q$",
    ]);
  });

  it("PostgreSQL operators: JSON, casts, placeholders kept apart from comparisons", () => {
    expect(kinds("a->>'k' #>> b::int @? c ?| d id=? x<>-1")).toEqual([
      "Word:a", "Operator:->>", "String:'k'", "Operator:#>>", "Word:b", "DoubleColon:::", "Word:int", "Operator:@?", "Word:c",
      "Operator:?|", "Word:d", "Word:id", "Operator:=", "Operator:?", "Word:x", "Operator:<>", "Operator:-", "Number:1",
    ]);
  });

  it("nested block comments in PostgreSQL only", () => {
    expect(kinds("/* a /* b */ c */ x")).toEqual(["BlockComment:/* a /* b */ c */", "Word:x"]);
    expect(kinds("/* a /* b */ c */ x", "mysql")).toEqual(["BlockComment:/* a /* b */", "Word:c", "Operator:*/", "Word:x"]);
  });

  it("MySQL: backticks, # comments, double-quoted strings, @vars, -- needs a space", () => {
    expect(kinds("`a``b` # c\n\"s\" @v @@session.x --x", "mysql")).toEqual([
      "QuotedIdent:`a``b`", "LineComment:# c", "String:\"s\"", "Param:@v", "Variable:@@session.x", "Operator:-", "Operator:-", "Word:x",
    ]);
  });

  it("SQLite: [brackets], ?NNN, :name, @name, $name", () => {
    expect(kinds("[a b] ?12 :n @m $o", "sqlite")).toEqual(["QuotedIdent:[a b]", "Param:?12", "Param::n", "Param:@m", "Param:$o"]);
  });

  it("flags unterminated tokens", () => {
    expect(kinds("'abc")).toEqual(["String!:'abc"]);
    expect(kinds('"abc')).toEqual(['QuotedIdent!:"abc']);
    expect(kinds("/* abc")).toEqual(["BlockComment!:/* abc"]);
    expect(kinds("$x$ abc")).toEqual(["String!:$x$ abc"]);
    expect(kinds("[abc", "sqlite")).toEqual(["QuotedIdent!:[abc"]);
  });

  it("numbers", () => {
    expect(kinds("1 1.5 .5 1e10 2.5E-3 0x1F 1_000 1..2")).toEqual([
      "Number:1", "Number:1.5", "Number:.5", "Number:1e10", "Number:2.5E-3", "Number:0x1F", "Number:1_000", "Number:1", "Dot:.", "Number:.2",
    ]);
  });

  it("lower-cases words once (shared) and keeps operator text", () => {
    const s = tokenize("SELECT Foo >= 1", "postgres");
    expect(s.words.filter((w) => w !== undefined)).toEqual(["select", "foo", ">="]);
  });

  it("scans unknown characters one at a time, surrogate pairs whole", () => {
    expect(kinds("\\ 😀", "sqlite")).toEqual(["Unknown:\\", "Word:😀"]);
    expect(kinds("\\ 😀", "mysql")).toEqual(["Unknown:\\", "Word:😀"]);
  });

  it("scans client commands: psql's to the end of the line, mysql's \\g / \\G as two characters", () => {
    expect(kinds("\\connect db -- x\nselect", "postgres")).toEqual(["ClientCommand:\\connect db -- x", "Word:select"]);
    expect(kinds("\\ 4;", "postgres")).toEqual(["ClientCommand:\\ 4;"]);
    expect(kinds("select 1\\G select", "mysql")).toEqual(["Word:select", "Number:1", "ClientCommand:\\G", "Word:select"]);
    expect(kinds("\\u db\nselect", "mysql")).toEqual(["ClientCommand:\\u db", "Word:select"]);
  });

  it("scans psql variables as placeholders where no array slice is meant", () => {
    expect(kinds("a = :id and b = :'v' and c = :\"w\"", "postgres")).toEqual([
      "Word:a", "Operator:=", "Param::id", "Word:and", "Word:b", "Operator:=", "Param::'v'", "Word:and", "Word:c", "Operator:=", "Param::\"w\"",
    ]);
    expect(kinds("a[1:n] a[:n] f(x):y", "postgres")).not.toContain("Param::n");
    expect(kinds("lbl:LOOP", "mysql")).toEqual(["Word:lbl", "Colon::", "Word:LOOP"]);
    expect(kinds("x = :lbl", "mysql")).toContain("Param::lbl");
  });
});

describe("characters that are no token", () => {
  it("are named when they cannot be seen (a no-break space, a byte-order mark, control characters)", () => {
    const messages = (sql: string) => parse(sql).diagnostics.map((d) => d.message);
    expect(messages("SELECT 1\u00a0FROM t")).toEqual(["unexpected no-break space (U+00A0; type an ordinary space)"]);
    expect(messages("SELECT\u00a0a FROM t")).toEqual(["expected expression, found no-break space (U+00A0; type an ordinary space)"]);
    expect(messages("SELECT \u00a0a FROM t")).toEqual(["expected expression, found no-break space (U+00A0; type an ordinary space)"]);
    expect(messages("\ufeffSELECT 1")).toEqual(["unexpected byte-order mark (U+FEFF; save the file as UTF-8 without BOM)"]);
    expect(messages("SELECT 1 \u0007 FROM t")).toEqual(["unexpected control character U+0007"]);
    // Other non-ASCII characters are identifier characters, as in PostgreSQL, MySQL and SQLite.
    expect(messages("SELECT café, 日本, a\u200db FROM tbl_ñ")).toEqual([]);
  });
});

describe("line comments and carriage returns", () => {
  it("PostgreSQL ends a line comment at \\r or \\n; SQLite and MySQL only at \\n (a lone \\r stays inside)", () => {
    // What the real lexers do: PostgreSQL's `--` comment is [^\n\r]*; SQLite's and MySQL's run
    // to the next line feed. Checked against SQLite: `SELECT 1 -- c\rFROM t` reads no table.
    expect(kinds("SELECT 1 -- c\rFROM t", "postgres")).toEqual(["Word:SELECT", "Number:1", "LineComment:-- c", "Word:FROM", "Word:t"]);
    for (const dialect of ["sqlite", "mysql"] as const) {
      expect(kinds("SELECT 1 -- c\rFROM t", dialect)).toEqual(["Word:SELECT", "Number:1", "LineComment:-- c\rFROM t"]);
      // A CRLF ends it as it ends a PostgreSQL comment: its \r belongs to the line break.
      expect(kinds("SELECT 1 -- c\r\nFROM t", dialect)).toEqual(["Word:SELECT", "Number:1", "LineComment:-- c", "Word:FROM", "Word:t"]);
    }
    expect(kinds("SELECT 1 # c\rFROM t", "mysql")).toEqual(["Word:SELECT", "Number:1", "LineComment:# c\rFROM t"]);
    // So is a statement after one: in SQLite it is comment.
    const statements = (sql: string, dialect: Dialect) => parse(sql, { dialect }).root.green.children.filter((c) => !c.isToken).length;
    expect(statements("SELECT 1; -- c\rSELECT 2;", "sqlite")).toBe(1);
    expect(statements("SELECT 1; -- c\rSELECT 2;", "postgres")).toBe(2);
  });
});

describe("a block comment that runs to the end of the text", () => {
  it("is an error in PostgreSQL and MySQL, a warning in SQLite (which ends it at the end of input)", () => {
    const verdict = (dialect: Dialect) => parse("SELECT 1 /* to the end", { dialect }).diagnostics.map((d) => `${d.severity}:${d.code}`);
    expect(verdict("postgres")).toEqual(["error:unterminated-block-comment"]);
    expect(verdict("mysql")).toEqual(["error:unterminated-block-comment"]);
    expect(verdict("sqlite")).toEqual(["warning:unterminated-block-comment"]);
  });

  it("is formatted in SQLite without a newline after it (which would be comment text), to a fixed point", () => {
    for (const [text, formatted] of [
      ["select a,b from t /* x\n more", "SELECT a, b FROM t /* x\n more"],
      ["SELECT 1; /* x", "SELECT 1; /* x"],
      ["/* x", "/* x"],
    ] as const) {
      expect(format(text, { dialect: "sqlite" })).toBe(formatted);
      expect(format(formatted, { dialect: "sqlite" })).toBe(formatted);
    }
  });
});

describe("PostgreSQL's lexical rules for strings and quoted names", () => {
  // Each verdict as libpg-query (PostgreSQL's own parser) gives it.
  const errors = (sql: string) => parse(sql, { dialect: "postgres" }).diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

  it("a string continues the one before it across blanks that hold a line break, and nothing else", () => {
    for (const gap of ["\n", " \n ", "\r", "\t\n\t", "\f\n", "\n\v"]) expect(errors(`SELECT 'a'${gap}'b'`)).toEqual([]);
    // Without a line break, or with any comment between them, they are two constants in a row.
    for (const gap of [" ", " -- c\n ", "\n-- c\n", "\n/* c */", " /* c */ \n"]) expect(errors(`SELECT 'a'${gap}'b'`)).toEqual(["unexpected string literal"]);
  });

  it("UESCAPE takes one character that is no hex digit, '+', quote or blank", () => {
    expect(errors("SELECT U&'d!0061t' UESCAPE '!'")).toEqual([]);
    for (const escape of ["'a'", "'+'", "' '", "'!!'", "''"]) {
      expect(errors(`SELECT U&'x' UESCAPE ${escape}`)).toEqual(["invalid Unicode escape character: UESCAPE takes one character that is no hex digit, '+', quote or blank"]);
    }
  });

  it('a zero-length quoted name ("") is an error in PostgreSQL only', () => {
    expect(errors('SELECT "" FROM t')).toEqual(["zero-length quoted identifier: a name in double quotes needs at least one character"]);
    expect(errors('SELECT """" FROM t')).toEqual([]);
    expect(parse('SELECT "" FROM t', { dialect: "sqlite" }).diagnostics).toEqual([]);
  });
});

describe("SQLite's lexical rules", () => {
  // Each verdict as SQLite (better-sqlite3) gives it.
  const errors = (sql: string) => parse(sql, { dialect: "sqlite" }).diagnostics.filter((d) => d.severity === "error").length;

  it("parameters: ':', '@', '$' and '#' before name characters ('#' not before a digit)", () => {
    expect(kinds("SELECT :1, :a, @1, $1a, #a1, #_1, #$", "sqlite").filter((k) => k.startsWith("Param"))).toEqual([
      "Param::1",
      "Param::a",
      "Param:@1",
      "Param:$1a",
      "Param:#a1",
      "Param:#_1",
      "Param:#$",
    ]);
    for (const sql of ["SELECT :1", "SELECT #a", "SELECT #a$b"]) expect(errors(sql)).toBe(0);
    expect(errors("SELECT #1")).toBeGreaterThan(0);
  });

  it("digit separators in exponents; '/*' as the text's last characters is '/' and '*'", () => {
    expect(errors("SELECT 1e1_0")).toBe(0);
    expect(kinds("SELECT 1 /*", "sqlite").slice(-2)).toEqual(["Operator:/", "Operator:*"]);
    expect(errors("SELECT 1 /*")).toBeGreaterThan(0);
    expect(parse("SELECT 1 /* x", { dialect: "sqlite" }).diagnostics.map((d) => d.severity)).toEqual(["warning"]);
  });
});

describe("MySQL: a name after a name and a dot may start with a digit", () => {
  // As MySQL's lexer reads it (checked against MariaDB, which shares that lexer rule): right
  // after an unquoted name, `.5` is a dot and the name `5`, not the number .5.
  it("t.5, t.2fa_enabled, db.t.1e5 are qualified names; after a quoted name or a blank .5 is a number", () => {
    const errors = (sql: string) => parse(sql, { dialect: "mysql" }).diagnostics.map((d) => d.message);
    for (const sql of ["SELECT t.2fa_enabled FROM t", "SELECT a.5 FROM t", "SELECT db.t.5 FROM t", "SELECT a.5e1 FROM t", "SELECT 1+t.5 FROM t", "SELECT 1.5, .5"]) {
      expect(errors(sql)).toEqual([]);
    }
    expect(kinds("t.5 t.1e5", "mysql")).toEqual(["Word:t", "Dot:.", "Word:5", "Word:t", "Dot:.", "Word:1e5"]);
    expect(errors("SELECT `t`.5 FROM t")).toEqual(["unexpected number .5"]);
    expect(errors("SELECT t .5 FROM t")).toEqual(["unexpected number .5"]);
    // Other dialects keep `.5` a number there.
    expect(kinds("t.5", "postgres")).toEqual(["Word:t", "Number:.5"]);
  });
});
