// The rules that read MySQL 8's verdict off MariaDB's parser (scripts/corpus/mysql-reference.mjs):
// each MySQL-only form respelled the MariaDB way, each MariaDB-only form found, and nothing done
// to a statement that holds neither. (The server side is test/real-dumps.test.ts's.)
import { describe, expect, it } from "vitest";
import { MARIADB_ONLY_FORMS, MYSQL_ONLY_FORMS, MYSQL_ONLY_STATEMENTS, mariadbOutcome, mariadbTexts } from "../../scripts/corpus/mysql-reference.mjs";

/** The text without its blanks: a respelled statement's tokens are rejoined one space apart, or none. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("MySQL 8 forms respelled for MariaDB", () => {
  const cases: [string, string][] = [
    ["SELECT * FROM a JOIN LATERAL (SELECT 1) AS x ON true", "SELECT * FROM a JOIN (SELECT 1) AS x ON true"],
    ["TABLE t", "SELECT * FROM t"],
    ["SELECT 1 UNION ALL TABLE t", "SELECT 1 UNION ALL SELECT * FROM t"],
    ["VALUES ROW(1, 2), ROW(3, 4)", "VALUES (1, 2), (3, 4)"],
    ["SELECT doc->'$.a', t.doc->>'$.b' FROM t", "SELECT json_extract(doc, '$.a'), json_unquote(json_extract(t.doc, '$.b')) FROM t"],
    ["SELECT lead(a, 2, 0) OVER () FROM t", "SELECT lead(a, 2) OVER () FROM t"],
    ["SELECT CAST(a AS REAL), CAST(b AS JSON) FROM t", "SELECT CAST(a AS double), CAST(b AS char) FROM t"],
    ["SELECT * FROM t FOR SHARE", "SELECT * FROM t LOCK IN SHARE MODE"],
    ["SELECT * FROM t FOR UPDATE OF t, u NOWAIT", "SELECT * FROM t FOR UPDATE NOWAIT"],
    ["INSERT INTO t VALUES (1) AS n (x) ON DUPLICATE KEY UPDATE a = n.x", "INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = n.x"],
    ["SELECT * FROM (SELECT 1, 2) AS d (a, b)", "SELECT * FROM (SELECT 1, 2) AS d"],
    ["SELECT (SELECT 1) FROM (SELECT 2) d (a)", "SELECT (SELECT 1) FROM (SELECT 2) d"],
    ["EXPLAIN ANALYZE SELECT 1", "ANALYZE SELECT 1"],
    ["CREATE INDEX i ON t (a, (b + 1) DESC)", "CREATE INDEX i ON t (a, k DESC)"],
    ["CREATE TABLE t (a int, CHECK (a > 0) NOT ENFORCED)", "CREATE TABLE t (a int, CHECK (a > 0))"],
    ["DELETE FROM db.t AS x WHERE x.a = 1", "DELETE FROM db.t WHERE x.a = 1"],
    ["DELETE FROM t x", "DELETE FROM t"],
    ["SELECT a COLLATE \"C\", b INTO v FROM t", "SELECT a COLLATE utf8mb4_bin, b INTO @v FROM t"],
    ["SELECT nextval('s'), s.currval(1)", "SELECT f_nextval('s'), s.currval(1)"],
    ["CREATE TABLE t (a int, b int AS (a + 1) STORED NOT NULL)", "CREATE TABLE t (a int, b int AS (a + 1) STORED)"],
    ["CREATE TABLE t (a int, b int AS (a + 1) NOT NULL)", "CREATE TABLE t (a int, b int AS (a + 1))"],
    ["SELECT * FROM t FOR UPDATE OF t FOR SHARE OF u SKIP LOCKED", "SELECT * FROM t FOR UPDATE"],
    ["CREATE TABLE t AS TABLE u", "CREATE TABLE t AS SELECT * FROM u"],
  ];
  it.each(cases)("%s", (sql, respelled) => {
    const plan = mariadbTexts(sql);
    expect(plan.texts.map(squeeze)).toEqual([squeeze(respelled)]);
    expect(plan.respelled.length).toBe(1);
    expect(plan.mariadbOnly).toBeUndefined();
  });

  it("drops a stray `;` before the statement (an empty statement, which PREPARE would refuse)", () => {
    const plan = mariadbTexts(";; SELECT 1");
    expect(plan.texts.map(squeeze)).toEqual([squeeze("SELECT 1")]);
    expect(plan.respelled).toEqual(["a stray `;` before the statement (an empty statement)"]);
  });

  it("checks a WITH clause before UPDATE or DELETE apart from the change itself", () => {
    const plan = mariadbTexts("WITH x AS (SELECT 1) DELETE FROM t WHERE a IN (SELECT * FROM x)");
    expect(plan.texts.map(squeeze)).toEqual(["WITH x AS (SELECT 1) SELECT 1", "DELETE FROM t WHERE a IN (SELECT * FROM x)"].map(squeeze));
  });

  it("keeps a statement without MySQL-only forms as written, comments and all", () => {
    const sql = "SELECT a -- note\nFROM t WHERE b = 'LATERAL (x)' AND c = @v";
    expect(mariadbTexts(sql)).toEqual({ texts: [sql], respelled: [], mariadbOnly: undefined });
  });

  it("respells a chain of JSON arrows only at the column (MySQL takes no arrow after another)", () => {
    expect(mariadbTexts("SELECT j->'a'->>'b' FROM t").texts.map(squeeze)).toEqual([squeeze("SELECT json_extract(j, 'a')->>'b' FROM t")]);
  });

  it("never respells a statement with a block comment left open", () => {
    const sql = "DELETE FROM t AS x /*open WHERE a = 1";
    expect(mariadbTexts(sql).texts).toEqual([sql]);
  });

  it("marks the statements MariaDB has no grammar for, which it cannot judge", () => {
    for (const sql of ["CREATE TABLESPACE ts", "ALTER TABLESPACE ts RENAME TO ts2", "DROP UNDO TABLESPACE u"]) expect(mariadbTexts(sql).mysqlOnly, sql).toBe(MYSQL_ONLY_STATEMENTS[0]!.name);
    expect(mariadbTexts("DROP TABLE ts").mysqlOnly).toBeUndefined();
  });

  it("keeps user variables and qualified names whole when it respells", () => {
    expect(mariadbTexts("SELECT @a, s.t.c, count(*), 0x1F FROM LATERAL (SELECT 1) x").texts).toEqual(["SELECT @a, s.t.c, count(*), 0x1F FROM (SELECT 1) x"]);
  });

  it("never respells a statement with a nested block comment (MySQL's comments do not nest)", () => {
    const sql = "SELECT * FROM a, LATERAL /* x /* y */ z */ (SELECT 1) b";
    expect(mariadbTexts(sql).texts).toEqual([sql]);
  });

  it("has a case above for every form", () => {
    expect(new Set(cases.map(([sql]) => mariadbTexts(sql).respelled[0])).size).toBe(MYSQL_ONLY_FORMS.length);
  });
});

describe("MariaDB forms MySQL 8 lacks", () => {
  const cases: [string, string][] = [
    ["DELETE FROM t RETURNING a", "RETURNING"],
    ["SELECT * FROM t AS lateral", "LATERAL as a name (a reserved word of MySQL 8)"],
    ["CREATE OR REPLACE SEQUENCE s", "sequences (CREATE / ALTER / DROP SEQUENCE, NEXT VALUE FOR)"],
    ["SELECT NEXT VALUE FOR s", "sequences (CREATE / ALTER / DROP SEQUENCE, NEXT VALUE FOR)"],
    ["VALUES (1, 2)", "VALUES (…) as a query, without ROW"],
    ["SELECT * FROM t OFFSET 2 ROWS", "OFFSET … ROWS and FETCH FIRST / NEXT"],
    ["CREATE OR REPLACE TABLE t (a int)", "CREATE OR REPLACE of anything but a view (or a spatial reference system)"],
    ["CREATE INDEX IF NOT EXISTS i ON t (a)", "IF [NOT] EXISTS where MySQL takes none (indexes, views, ALTER TABLE, columns)"],
    ["ALTER TABLE t ADD COLUMN IF NOT EXISTS a int", "IF [NOT] EXISTS where MySQL takes none (indexes, views, ALTER TABLE, columns)"],
    ["SELECT CAST(a AS INT) FROM t", "CAST / CONVERT to a type that is none of MySQL's cast types (INT, TEXT, …)"],
    ["BEGIN NOT ATOMIC SELECT 1; END", "BEGIN NOT ATOMIC"],
    ["REVOKE ADMIN OPTION FOR r FROM u", "REVOKE ADMIN OPTION FOR"],
    ["SELECT * FROM .t", "a table named with a leading dot (`.t`)"],
    ["SELECT a FROM t GROUP BY ROLLUP (a)", "ROLLUP (…) and CUBE (…) as calls"],
  ];
  it.each(cases)("%s", (sql, form) => {
    expect(mariadbTexts(sql).mariadbOnly).toBe(form);
  });

  it("finds none in MySQL's own forms", () => {
    for (const sql of ["CREATE OR REPLACE VIEW v AS SELECT 1", "CREATE OR REPLACE SPATIAL REFERENCE SYSTEM 4120 NAME 'x' DEFINITION 'y'", "SELECT CAST(a AS SIGNED), CAST(b AS CHAR(3)) FROM t", "CREATE TABLE IF NOT EXISTS t (a int)", "VALUES ROW(1)", "INSERT INTO t VALUES (1)", "SELECT * FROM t LIMIT 2 OFFSET 1", "REVOKE admin FROM u", "SELECT t.a, .5 FROM t"]) {
      expect(mariadbTexts(sql).mariadbOnly, sql).toBeUndefined();
    }
  });

  it("has a case above for every form", () => {
    expect(new Set(cases.map(([, form]) => form)).size).toBe(MARIADB_ONLY_FORMS.length);
  });
});

describe("MariaDB's error codes", () => {
  it("reads a syntax error and an unknown type as refusals, name lookups after the parse as acceptance, the rest as undecided", () => {
    expect(mariadbOutcome(1064)).toBe("reject");
    expect(mariadbOutcome(4161)).toBe("reject");
    expect(mariadbOutcome(0)).toBe("accept");
    expect(mariadbOutcome(1146)).toBe("accept");
    expect(mariadbOutcome(1273)).toBe("undecided");
    expect(mariadbOutcome(1054, "Unknown column 'x' in 'CALL'")).toBe("undecided");
  });
});
