/**
 * `t.*` in MySQL and SQLite stands only as a whole item of a select list (or RETURNING
 * list), never inside an expression; PostgreSQL's grammar takes it anywhere (a row value).
 * Checked against SQLite (better-sqlite3 `prepare`) and MariaDB when these rules were written.
 */
import { describe, expect, it } from "vitest";
import { parse, printTree, type Dialect } from "../../src/index.js";

const errors = (sql: string, dialect: Dialect) =>
  parse(sql, { dialect }).diagnostics.filter((d) => d.severity === "error").map((d) => `${sql.slice(d.range.start, d.range.end)}: ${d.message}`);

describe("t.* outside a select-list item", () => {
  it("is an error inside an expression in MySQL and SQLite, naming the rule", () => {
    for (const dialect of ["mysql", "sqlite"] as const) {
      const engine = dialect === "mysql" ? "MySQL" : "SQLite";
      for (const sql of ["SELECT count(t.*) FROM t", "SELECT (t.*) FROM t", "SELECT a FROM t WHERE t.* = 1", "SELECT a FROM t ORDER BY t.*", "UPDATE t SET a = t.*"]) {
        expect(errors(sql, dialect), `${dialect}: ${sql}`).toEqual([`*: \`t.*\` stands only as a whole item of a select list in ${engine}, not inside an expression`]);
      }
      // What follows a whole item is the select list's business: no operator, no alias.
      expect(errors("SELECT t.* + 1 FROM t", dialect)).toEqual(["+ 1 FROM t: unexpected '+'"]);
      expect(errors("SELECT t.* AS x FROM t", dialect)).toEqual(["AS x FROM t: unexpected 'AS'"]);
    }
  });

  it("is fine as a whole item, quoted or not, first or not, and in RETURNING", () => {
    for (const dialect of ["mysql", "sqlite"] as const) {
      for (const sql of ["SELECT t.* FROM t", "SELECT a, t.*, b FROM t", "SELECT DISTINCT t.*FROM t", "SELECT `t`.* FROM t", "SELECT t.* FROM t UNION SELECT u.* FROM u", "DELETE FROM t RETURNING t.*"]) {
        if (dialect === "mysql" && sql.startsWith("DELETE")) continue; // (RETURNING is MariaDB's, not MySQL's)
        expect(errors(sql, dialect), `${dialect}: ${sql}`).toEqual([]);
      }
    }
    // The item's tree is the one an expression path would build: StarExpr > QualifiedName.
    expect(printTree(parse("SELECT t.* FROM t", { dialect: "sqlite" }).root)).toContain("SelectItem@7..10\n          StarExpr@7..10\n            QualifiedName@7..10\n              Ident@7..8 \"t\"\n              Dot@8..9 \".\"\n              Operator@9..10 \"*\"");
  });

  it("takes a schema before the table in MySQL (db.t.*), not in SQLite", () => {
    expect(errors("SELECT db.t.* FROM db.t", "mysql")).toEqual([]);
    expect(errors("SELECT main.t.* FROM t", "sqlite")).toEqual(["*: SQLite takes `table.*` with the table's name alone (no schema name before it)"]);
  });

  it("is a row value anywhere in PostgreSQL", () => {
    for (const sql of ["SELECT count(t.*) FROM t", "SELECT (t.*) FROM t", "SELECT a FROM t WHERE t.* IS NOT NULL", "SELECT s.t.* FROM s.t"]) expect(errors(sql, "postgres"), sql).toEqual([]);
  });
});
