/**
 * Keywords where PostgreSQL takes a name or a label, and where it does not. The fidelity test
 * sweeps every keyword through every such position against libpg-query
 * (scripts/corpus/postgres-keywords.mjs); here: what the tree and the diagnostics say of the
 * forms that sweep brought up.
 */
import { describe, expect, it } from "vitest";
import { nodesOf } from "../support/nodes.js";
import { SyntaxKind, format, parse, type Dialect, type SyntaxNode } from "../../src/index.js";

function parsed(sql: string, dialect: Dialect = "postgres") {
  const result = parse(sql, { dialect });
  expect(result.root.text()).toBe(sql);
  return result;
}

const errors = (sql: string, dialect: Dialect = "postgres") => parsed(sql, dialect).diagnostics.filter((d) => d.severity === "error").map((d) => d.message);


describe("bare labels in a select list (PostgreSQL decides one token later)", () => {
  it("a keyword that ends the item is its label, even an operator word", () => {
    for (const [sql, labels] of [
      ["SELECT a and FROM t", ["and"]],
      ["SELECT a rows, b range, c desc FROM t", ["rows", "range", "desc"]],
      ["SELECT count(*) in, 1 is, x::int not", ["in", "is", "not"]],
      ["SELECT a set FROM t", ["set"]],
      ["SELECT (SELECT a end) AS x", ["end", "AS x"]],
      ["INSERT INTO t VALUES (1) RETURNING id between", ["between"]],
    ] as const) {
      const result = parsed(sql);
      expect(result.diagnostics, sql).toEqual([]);
      expect(nodesOf(result.root, SyntaxKind.Alias), sql).toEqual(labels);
    }
  });

  it("where more follows, the word stays an operator or a clause", () => {
    const result = parsed("SELECT a and b, c is null, d not in (1) FROM t");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.Alias)).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.BinaryExpr)).toEqual(["a and b"]);
  });

  it("only the item's outermost operator may give way: `a or b is` is an error, as in PostgreSQL", () => {
    expect(errors("SELECT a or b is FROM t").length).toBeGreaterThan(0);
    expect(errors("SELECT f(a and) FROM t").length).toBeGreaterThan(0);
    expect(errors("SELECT a isnull")).toEqual([]); // ISNULL needs AS to be a label: here it is the postfix test
  });

  it("a missing `;` before SELECT, SET or VALUES is still reported as one", () => {
    for (const sql of ["SELECT now()\nSELECT 1;", "SELECT\nSET search_path = x;", "SELECT\nVALUES (1);"])
      expect(parsed(sql).diagnostics.map((d) => d.code), sql).toContain("missing-semicolon");
  });

  it("MySQL and SQLite keep their reserved words", () => {
    expect(errors("SELECT a and FROM t", "mysql").length).toBeGreaterThan(0);
    expect(errors("SELECT a and FROM t", "sqlite").length).toBeGreaterThan(0);
  });

  it("the formatter keeps such a label as written", () => {
    expect(format("select a and from t", { dialect: "postgres" })).toBe("SELECT a and FROM t\n");
  });
});

describe("table aliases", () => {
  it("any word PostgreSQL does not reserve may be one, with or without AS", () => {
    for (const [sql, aliases] of [
      ["SELECT * FROM t rows JOIN u range ON true, v set", ["rows", "range", "set"]],
      ["UPDATE t range SET a = 1", ["range"]],
      ["DELETE FROM t rows WHERE true", ["rows"]],
    ] as const) {
      const result = parsed(sql);
      expect(result.diagnostics, sql).toEqual([]);
      expect(nodesOf(result.root, SyntaxKind.Alias), sql).toEqual(aliases);
    }
    // UPDATE's SET is never the alias.
    expect(errors("UPDATE t set SET a = 1").length).toBeGreaterThan(0);
  });

  it("a reserved word after AS is an error that says how to quote it", () => {
    expect(errors("SELECT * FROM users AS user")).toEqual(['`user` is a keyword PostgreSQL does not take as a table alias: write it in double quotes ("user")']);
    expect(errors('SELECT * FROM users AS "user"')).toEqual([]);
    expect(errors("SELECT a AS user FROM t")).toEqual([]); // a select-list label may be any keyword
  });
});

describe("names of columns, types and functions", () => {
  it("column-name keywords and unreserved words are columns", () => {
    for (const sql of ["SELECT set FROM t", "SELECT values FROM t", "SELECT set.x, values.y FROM t", "INSERT INTO t (values) VALUES (1)", "SELECT unknown, unknown.x FROM t", "SELECT set(1)"])
      expect(errors(sql), sql).toEqual([]);
    expect(nodesOf(parsed("SELECT unknown FROM t").root, SyntaxKind.NameRef)).toEqual(["unknown"]);
  });

  it("a type is named by an identifier, a non-reserved keyword or a type keyword", () => {
    for (const sql of ["SELECT x::int, x::left, x::national char(2), x::double precision", "CREATE TABLE t (a generated, b json)"]) expect(errors(sql), sql).toEqual([]);
    expect(errors("SELECT x::coalesce")).toEqual(['`coalesce` is a keyword PostgreSQL does not take as a type name: write it in double quotes ("coalesce")']);
    for (const sql of ["SELECT x::user", "SELECT x::national", "SELECT x::setof"]) expect(errors(sql).length, sql).toBeGreaterThan(0);
  });

  it("keywords that name no function are errors when called; typed literals and SQL value functions are not", () => {
    expect(errors("SELECT int(x)")).toEqual(["`int` is a keyword, not a function, in PostgreSQL: convert with CAST(… AS int) or ::int"]);
    for (const sql of ["SELECT current_user()", "SELECT time(1)", "SELECT national(1)", "CREATE FUNCTION coalesce() RETURNS int LANGUAGE sql AS 'select 1'"])
      expect(errors(sql).length, sql).toBeGreaterThan(0);
    for (const sql of ["SELECT varchar(10) 'x', timestamp(3) '2020-01-01', current_time(0), char(2) 'ab'", "SELECT * FROM current_date, localtime(0) AS t(x)"])
      expect(errors(sql), sql).toEqual([]);
    expect(nodesOf(parsed("SELECT * FROM current_date").root, SyntaxKind.FunctionTable)).toEqual(["current_date"]);
  });

  it("specially read functions take the arguments PostgreSQL's grammar gives them", () => {
    for (const sql of ["SELECT nullif(1, 2), coalesce(a), extract(day FROM d), position('a' IN s), treat(x AS int), merge_action()"]) expect(errors(sql), sql).toEqual([]);
    expect(errors("SELECT nullif(1)")).toEqual(["NULLIF(…) takes exactly 2 arguments, not 1"]);
    expect(errors("SELECT coalesce()")).toEqual(["COALESCE(…) takes at least 1 argument, not 0"]);
    for (const sql of ["SELECT extract(d)", "SELECT position()", "SELECT treat(1)", "SELECT merge_action(1)"]) expect(errors(sql).length, sql).toBeGreaterThan(0);
  });

  it("ANY/SOME/ALL (…) stand after an operator; OPERATOR(…) may also be a prefix", () => {
    expect(errors("SELECT 1 = ANY(array[1]), 'a' LIKE ALL(array['a']), 2 OPERATOR(pg_catalog.=) SOME(array[2])")).toEqual([]);
    expect(errors("SELECT any(array[1])").length).toBeGreaterThan(0);
    const prefix = parsed("SELECT OPERATOR(pg_catalog.-) 1");
    expect(prefix.diagnostics).toEqual([]);
    expect(nodesOf(prefix.root, SyntaxKind.PrefixExpr)).toEqual(["OPERATOR(pg_catalog.-) 1"]);
  });
});

describe("SQLite: keywords it falls back to a name for", () => {
  const sqlite = (sql: string) => errors(sql, "sqlite");

  it("most of its keywords are names where the grammar has no other use for them", () => {
    for (const sql of [
      "SELECT a rows, b desc, c window FROM t AS cast, u glob",
      "SELECT count(*) over FROM t",
      "CREATE TABLE cast (initially INT, rows TEXT)",
      "CREATE TABLE left (a)",
      "SELECT initially(1), t.left FROM t AS natural",
      "INSERT INTO t (with) VALUES (1)",
      "CREATE TABLE t (a INT DEFAULT cast, b DEFAULT -1, c DEFAULT (1 + 1), d DEFAULT CURRENT_TIMESTAMP)",
      "ATTACH 'x.db' AS aux; ATTACH 'y.db' AS NULL",
    ])
      expect(sqlite(sql), sql).toEqual([]);
    const result = parsed("SELECT a rows, b window FROM t", "sqlite");
    expect(nodesOf(result.root, SyntaxKind.Alias)).toEqual(["rows", "window"]);
  });

  it("where a keyword is a keyword, it stays one", () => {
    const result = parsed("SELECT count(*) OVER w FROM t WINDOW w AS (ORDER BY a)", "sqlite");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.OverClause)).toEqual(["OVER w"]);
    expect(nodesOf(result.root, SyntaxKind.WindowClause)).toEqual(["WINDOW w AS (ORDER BY a)"]);
    expect(sqlite("SELECT a like FROM t").length).toBeGreaterThan(0); // an operator after an expression
  });

  it("what SQLite reserves is refused: after AS or a dot, as a type, a column, a DEFAULT or a call", () => {
    expect(sqlite("SELECT a AS select FROM t")).toEqual(['`select` is a keyword SQLite does not take as an alias: write it in double quotes ("select")']);
    for (const sql of [
      "SELECT t.from FROM t",
      "SELECT CAST(x AS left)",
      "CREATE TABLE t (a nothing)",
      "SELECT returning FROM t",
      "SELECT default FROM t",
      "SELECT cast FROM t",
      "SELECT raise FROM t",
      "SELECT current_date(1)",
      "SELECT insert(1)",
      "CREATE TABLE t (a DEFAULT left)",
      "CREATE TABLE t (a DEFAULT 1 + 1)",
      "SELECT a COLLATE from FROM t",
    ])
      expect(sqlite(sql).length, sql).toBeGreaterThan(0);
  });

  it("RAISE is a trigger's call with its own arguments", () => {
    const sql = "CREATE TRIGGER tr BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no'); SELECT RAISE(IGNORE); END";
    const result = parsed(sql, "sqlite");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.FunctionCall)).toEqual(["RAISE(ABORT, 'no')", "RAISE(IGNORE)"]);
    expect(sqlite("SELECT RAISE(1)").length).toBeGreaterThan(0);
  });
});

describe("SQLite: the last keyword corners", () => {
  it("a column typed initially, DEFAULT raise, and AUTOINCREMENT only after PRIMARY KEY", () => {
    expect(errors("CREATE TABLE t (a initially, b INT DEFAULT raise, c INTEGER PRIMARY KEY AUTOINCREMENT, d INT INITIALLY DEFERRED)", "sqlite")).toEqual([]);
    expect(errors("CREATE TABLE t (a INTEGER NOT NULL AUTOINCREMENT)", "sqlite")).toEqual(["expected PRIMARY KEY before AUTOINCREMENT, found 'AUTOINCREMENT'"]);
  });
});
