/**
 * Corners of the grammar found by the type and expression sweeps (scripts/corpus/expression-forms.mjs,
 * judged by libpg-query and SQLite in the fidelity test): what the tree and the diagnostics say.
 */
import { describe, expect, it } from "vitest";
import { nodesOf } from "../support/nodes.js";
import { SyntaxKind, parse, type Dialect } from "../../src/index.js";

function errors(sql: string, dialect: Dialect = "postgres"): string[] {
  const result = parse(sql, { dialect });
  expect(result.root.text()).toBe(sql);
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
}

const nodesIn = (sql: string, kind: SyntaxKind, dialect: Dialect = "postgres"): string[] => nodesOf(parse(sql, { dialect }).root, kind);

describe("PostgreSQL types", () => {
  it("ARRAY takes one given bound at most; interval ranges and precisions are PostgreSQL's", () => {
    expect(errors("SELECT x::int ARRAY, x::int ARRAY[3], x::int[][], x::interval day to second(3), x::interval(3)")).toEqual([]);
    for (const sql of ["SELECT x::int ARRAY[]", "SELECT x::int ARRAY[3][]", "SELECT x::interval year to second", "SELECT x::interval(3) year", "SELECT x::decimal()", "SELECT x::national varchar(3)"])
      expect(errors(sql).length, sql).toBeGreaterThan(0);
  });

  it("a typed literal may name its type in several words, qualified, quoted or with modifiers of its own", () => {
    const sql = "SELECT character varying(10) 'x', national char '1', bit varying '101', pg_catalog.int4 '1', \"MyType\" 'a', my_type(1, 'a') 'b'";
    expect(errors(sql)).toEqual([]);
    expect(nodesIn(sql, SyntaxKind.TypedLiteral)).toEqual(["character varying(10) 'x'", "national char '1'", "bit varying '101'", "pg_catalog.int4 '1'", "\"MyType\" 'a'", "my_type(1, 'a') 'b'"]);
    // A national, bit or hexadecimal string is no typed literal's string.
    expect(errors("DELETE FROM t AS o WHERE t.id N'x'").length).toBeGreaterThan(0);
  });
});

describe("PostgreSQL expressions", () => {
  it("LIKE, ILIKE, SIMILAR TO and BETWEEN do not chain; after IN anything may follow", () => {
    for (const sql of ["SELECT a LIKE b LIKE c", "SELECT a BETWEEN 1 AND 2 IN (true)", "SELECT a NOT LIKE b NOT ILIKE c"]) expect(errors(sql).length, sql).toBeGreaterThan(0);
    expect(errors("SELECT a IN (1) IN (true), a IN (1) LIKE b, (a LIKE b) LIKE c")).toEqual([]);
  });

  it("indirection goes on after a subscript, and a CTE may be named recursive", () => {
    expect(nodesIn("SELECT a.b[1].c", SyntaxKind.FieldAccess)).toEqual(["a.b[1].c"]);
    expect(errors("WITH recursive AS (SELECT 1) SELECT * FROM recursive")).toEqual([]);
  });
});

describe("SQLite literals, operators and names", () => {
  const sqlite = (sql: string) => errors(sql, "sqlite");

  it("numbers and blobs as SQLite's tokenizer reads them", () => {
    expect(sqlite("SELECT 1_000, 0x1_F, x'0a', X'', 1.e5")).toEqual([]);
    for (const sql of ["SELECT 1a", "SELECT 0x", "SELECT 1_", "SELECT 1__0", "SELECT 0b101", "SELECT x'0'", "SELECT X'0G'"]) expect(sqlite(sql).length, sql).toBeGreaterThan(0);
    expect(errors("SELECT x'0'", "mysql")).toEqual(["a hexadecimal string needs an even number of hexadecimal digits: 'x'0''"]);
    expect(errors("SELECT b'102'", "mysql")).toEqual(["a bit string has only the digits 0 and 1: 'b'102''"]);
    expect(errors("SELECT b'101', x'0A'", "mysql")).toEqual([]);
    expect(errors("SELECT x'0'")).toEqual([]); // a bit string in PostgreSQL
  });

  it("only SQLite's operators, at most schema.table.column, an empty CAST type and a table function after IN", () => {
    for (const sql of ["SELECT a === b", "SELECT a =< b", "SELECT a.b.c.d"]) expect(sqlite(sql).length, sql).toBeGreaterThan(0);
    expect(sqlite("SELECT CAST(a AS), a IN json_each('[1]'), a IN main.t, main.t.a FROM t")).toEqual([]);
  });
});

describe("PostgreSQL's expression syntax in the sqlite dialect", () => {
  const sqlite = (sql: string) => errors(sql, "sqlite");

  it("is refused where SQLite refuses it", () => {
    for (const sql of [
      "SELECT EXTRACT(YEAR FROM d) FROM t",
      "SELECT TRIM(BOTH FROM a), SUBSTRING(a FROM 1) FROM t",
      "SELECT a AT TIME ZONE 'UTC' FROM t",
      "SELECT a = ALL (SELECT 1) FROM t",
      "SELECT f(a => 1)",
      "SELECT (a).b FROM t",
      "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) FROM t",
      "SELECT f(B'101')", // (alone, `B '101'` is the column B with an alias)
      "SELECT a BETWEEN SYMMETRIC 1 AND 2 FROM t",
      "SELECT ARRAY(SELECT 1)",
      "SELECT |/ a FROM t",
      "SELECT a IS JSON OBJECT WITH UNIQUE KEYS FROM t",
      "SELECT interval '1' day",
    ])
      expect(sqlite(sql).length, sql).toBeGreaterThan(0);
  });

  it("what reads as SQLite stays SQLite: any(…) and some(…) are calls, IS takes a value, POSITION's IN is an IN", () => {
    expect(sqlite("SELECT a = any(b), some(a), a IS json, position('a' IN t), localtimestamp(3) FROM t")).toEqual([]);
    expect(nodesIn("SELECT a = any(b) FROM t", SyntaxKind.FunctionCall, "sqlite")).toEqual(["any(b)"]);
  });
});

describe("PostgreSQL's expression syntax in the mysql dialect", () => {
  const mysql = (sql: string) => errors(sql, "mysql");

  it("is refused where MySQL refuses it (each checked against MariaDB, whose grammar agrees on these)", () => {
    for (const sql of [
      "SELECT a IS DISTINCT FROM b FROM t",
      "SELECT a IS JSON FROM t",
      "SELECT a = ANY (b) FROM t",
      "SELECT a AT TIME ZONE 'UTC' FROM t",
      "SELECT a @> b, a ~* b FROM t",
      "SELECT |/ a FROM t",
      "SELECT ARRAY[1, 2]",
      "SELECT (a).b FROM t",
      "SELECT ROW(1)",
      "SELECT sum(a) FILTER (WHERE a > 0) FROM t",
      "SELECT array_agg(a ORDER BY b) FROM t",
      "SELECT sum(a) OVER (GROUPS 2 PRECEDING) FROM t",
      "SELECT sum(*) FROM t",
      "SELECT double precision '1.5'",
    ])
      expect(mysql(sql).length, sql).toBeGreaterThan(0);
  });

  it("MySQL's own forms stay: ANY (subquery), ROW of two, GROUP_CONCAT … ORDER BY, COUNT(*), DATE '…', _charset '…', -> and ->>", () => {
    expect(
      mysql(
        "SELECT a = ANY (SELECT 1), ROW(1, 2) = ROW(a, b), GROUP_CONCAT(a ORDER BY b SEPARATOR ','), COUNT(*), DATE '2020-01-01', _utf8mb4'x', doc->'$.a', doc->>'$.b', a <=> b, !a FROM t",
      ),
    ).toEqual([]);
  });
});
