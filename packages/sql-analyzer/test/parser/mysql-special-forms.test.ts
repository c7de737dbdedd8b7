/**
 * MySQL's functions with keyword-separated arguments: EXTRACT(unit FROM d), POSITION(a IN b),
 * SUBSTRING / SUBSTR / MID (a FROM p [FOR n]) and TRIM([BOTH | LEADING | TRAILING] [x] FROM s).
 * Every other call takes none, and PostgreSQL's other forms (OVERLAY … PLACING, SUBSTRING … FOR
 * alone, SIMILAR … ESCAPE, a string as EXTRACT's field) are errors in the mysql dialect. Each
 * verdict was checked against MariaDB, whose grammar agrees with MySQL 8's on these.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";

const errors = (sql: string, dialect: "mysql" | "postgres" = "mysql") =>
  parse(sql, { dialect }).diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

describe("MySQL's keyword-separated function arguments", () => {
  it("takes MySQL's own forms", () => {
    for (const sql of [
      "SELECT EXTRACT(YEAR FROM d), EXTRACT(DAY_MINUTE FROM d) FROM t",
      "SELECT POSITION('a' IN s) FROM t",
      "SELECT SUBSTRING(s FROM 2), SUBSTRING(s FROM 2 FOR 3), SUBSTRING(s, 2), SUBSTRING(s, 2, 3) FROM t",
      "SELECT SUBSTR(s FROM 2 FOR 1), MID(s FROM 2), MID(s, 2, 1) FROM t",
      "SELECT TRIM(s), TRIM('x' FROM s), TRIM(BOTH FROM s), TRIM(LEADING 'x' FROM s) FROM t",
      "SELECT OVERLAY(a, b), CONVERT(a USING utf8mb4), GROUP_CONCAT(a SEPARATOR ',') FROM t",
      "SELECT MATCH (a) AGAINST ('x' IN BOOLEAN MODE) FROM t",
      // After POSITION's IN a whole expression, IN (…) tests included.
      "SELECT POSITION('0' IN 'baaa' IN (1)) FROM t",
    ]) {
      expect(errors(sql), sql).toEqual([]);
    }
  });

  it("refuses the forms MySQL does not have, saying what is wrong", () => {
    const cases: [string, string][] = [
      ["SELECT TRIM(a, b) FROM t", "TRIM(…) takes no comma-separated arguments in MySQL"],
      ["SELECT POSITION(a, b) FROM t", "POSITION(…) takes no comma-separated arguments in MySQL"],
      ["SELECT SUBSTRING(a FROM 2, 3) FROM t", "SUBSTRING(…) takes commas or FROM / FOR, not both in MySQL"],
      ["SELECT OVERLAY(a PLACING 'x' FROM 2) FROM t", "unexpected PLACING in OVERLAY(…)"],
      ["SELECT SUBSTRING(a FOR 2) FROM t", "unexpected FOR in SUBSTRING(…)"],
      ["SELECT SUBSTRING(a FOR 2 FROM 1) FROM t", "unexpected FOR in SUBSTRING(…)"],
      ["SELECT SUBSTRING(a, 2 FOR 3) FROM t", "unexpected FOR in SUBSTRING(…)"],
      ["SELECT SUBSTRING(a SIMILAR b ESCAPE c) FROM t", "unexpected SIMILAR in SUBSTRING(…)"],
      ["SELECT LEFT(a FROM 2) FROM t", "unexpected FROM in LEFT(…)"],
      ["SELECT foo(a FROM b) FROM t", "unexpected FROM in FOO(…)"],
      ["SELECT EXTRACT('year' FROM a) FROM t", "expected a unit (YEAR, MONTH, DAY, HOUR_MINUTE, …), found string literal"],
      ["SELECT EXTRACT(a FROM b) FROM t", "expected a unit (YEAR, MONTH, DAY, HOUR_MINUTE, …), found 'a'"],
    ];
    for (const [sql, message] of cases) expect(errors(sql), sql).toEqual([message]);
    expect(errors("SELECT EXTRACT(YEAR, a) FROM t")).toContain("EXTRACT(…) takes no comma-separated arguments in MySQL");
  });

  it("leaves PostgreSQL's forms to PostgreSQL", () => {
    for (const sql of ["SELECT overlay(a placing 'x' from 2 for 1), substring(a for 2), substring(a similar b escape c), extract('year' from d), trim(both 'x' from a, b) FROM t"]) {
      expect(errors(sql, "postgres"), sql).toEqual([]);
    }
  });
});

describe("MySQL's reserved words", () => {
  it("the type words MySQL reserves (INT, VARCHAR, DECIMAL, …) are no names, but still types and functions", () => {
    expect(errors("SELECT int FROM t")).toEqual(["expected expression, found 'int'"]);
    expect(errors("CREATE TABLE int (a int)")).toEqual(["expected table name, found 'int'"]);
    for (const sql of [
      "CREATE TABLE x (a INT, b BIGINT UNSIGNED, c DECIMAL(10,2), d CHAR(3), e VARCHAR(20) CHARACTER SET utf8, f DOUBLE PRECISION, g LONG VARCHAR, h BLOB, i TINYTEXT, j FLOAT4, k INT1, l REAL, m NUMERIC, n MEDIUMINT)",
      "SELECT CAST(a AS DECIMAL(10,2)), CAST(a AS CHAR), CONVERT(a, CHAR(3)), CHAR(65), BINARY 'a', CAST(a AS UNSIGNED INT) FROM t",
      "SELECT `int`, t.int, bit FROM t",
      // Reserved words that stand as names of a character set or collation, and table options.
      "ALTER TABLE t1 CHARACTER SET latin1 COLLATE latin1_bin",
      "ALTER TABLE t1 CONVERT TO CHARACTER SET utf8, CHARACTER SET DEFAULT",
      "CREATE TABLE t1 (a CHAR(1) COLLATE binary, b enum('a') CHARACTER SET binary COLLATE binary)",
    ]) {
      expect(errors(sql), sql).toEqual([]);
    }
  });

  it("no reserved word after AS, for a column or a table (quoted it is fine)", () => {
    for (const sql of ["SELECT a AS select FROM t", "SELECT a AS key FROM t", "SELECT a AS int FROM t", "SELECT * FROM t AS key"]) {
      const word = /AS (\w+)/.exec(sql)![1]!;
      expect(errors(sql), sql).toEqual([expect.stringContaining(`\`${word}\` is a keyword MySQL does not take as an alias`)]);
    }
    for (const sql of ["SELECT a AS `int` FROM t", "SELECT a AS 'x' FROM t", "SELECT a AS status FROM t", "SELECT * FROM t AS x"]) expect(errors(sql), sql).toEqual([]);
  });
});

describe("MySQL's NOT", () => {
  it("binds more loosely than comparison and arithmetic: no NOT right after them (PostgreSQL takes it)", () => {
    for (const [sql, operator] of [["SELECT a = NOT b FROM t", "="], ["SELECT a + NOT b FROM t", "+"], ["SELECT a DIV NOT b FROM t", "DIV"]] as const) {
      expect(errors(sql), sql).toEqual([`NOT cannot stand right after \`${operator}\` in MySQL, where it binds more loosely: write \`(NOT …)\``]);
      expect(errors(sql.replace(" DIV ", " / "), "postgres"), sql).toEqual([]);
    }
    // After AND, OR, XOR (and || and &&, which are OR and AND to MySQL) it is fine, and so are
    // a parenthesized NOT, a leading one and `!`, which binds tightly.
    for (const sql of ["SELECT a AND NOT b, a OR NOT b, a XOR NOT b, a || NOT b, a && NOT b FROM t", "SELECT a = (NOT b), NOT a = b, a = !b, a IN (NOT b) FROM t"]) {
      expect(errors(sql), sql).toEqual([]);
    }
  });
});

describe("MySQL's DEFAULT", () => {
  const message = "in MySQL DEFAULT stands only as a whole value of VALUES or of an assignment (DEFAULT(col) gives a column's default anywhere)";

  it("stands as a whole value of VALUES, of SET and of an assignment, and DEFAULT(col) anywhere", () => {
    for (const sql of [
      "INSERT INTO t VALUES (DEFAULT, 1), (1, DEFAULT)",
      "INSERT INTO t SET a = DEFAULT",
      "UPDATE t SET a = DEFAULT WHERE b = 1",
      "INSERT INTO t VALUES (1, 2) ON DUPLICATE KEY UPDATE a = DEFAULT",
      "SET @@session.sql_mode = DEFAULT",
      "SELECT DEFAULT(a) FROM t WHERE b = DEFAULT(b)",
    ]) {
      expect(errors(sql), sql).toEqual([]);
    }
  });

  it("is an error anywhere else, inside a value included (PostgreSQL's raw grammar takes it)", () => {
    for (const sql of ["SELECT DEFAULT FROM t", "SELECT a + DEFAULT FROM t", "SELECT a FROM t WHERE a = DEFAULT", "INSERT INTO t VALUES (DEFAULT + 1, 2)", "INSERT INTO t VALUES ((DEFAULT), 2)"]) {
      expect(errors(sql), sql).toEqual([message]);
      expect(errors(sql, "postgres"), sql).toEqual([]);
    }
  });
});
