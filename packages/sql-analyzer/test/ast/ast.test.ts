import { describe, expect, it } from "vitest";
import {
  CreateTableStmt,
  InsertStmt,
  SelectStmt,
  UnsupportedStmt,
  UpdateOrDeleteStmt,
  identifierName,
  parse,
  statements,
  type Dialect,
} from "../../src/index.js";

function stmts(text: string, dialect: Dialect = "postgres") {
  return statements(parse(text, { dialect }).root, dialect);
}

describe("typed AST view", () => {
  it("select: items, aliases, tables, where, CTEs, set operations", () => {
    const [s] = stmts(`WITH x AS (SELECT 1) SELECT DISTINCT a.id, "Name" AS n, count(*) c FROM users a JOIN "Orders" o ON o.uid = a.id WHERE a.ok AND o.total > 10 UNION SELECT 1, 2, 3`);
    expect(s).toBeInstanceOf(SelectStmt);
    const select = s as SelectStmt;
    expect(select.ctes().map((c) => c.name)).toEqual(["x"]);
    const [core, second] = select.cores();
    expect(select.cores()).toHaveLength(2);
    expect(core!.distinct).toBe(true);
    expect(second!.distinct).toBe(false);
    expect(core!.selectItems().map((i) => [i.expr()?.text(), i.alias()])).toEqual([
      ["a.id", undefined],
      ['"Name"', "n"],
      ["count(*)", "c"],
    ]);
    expect(core!.fromTables().map((t) => [t.name()?.parts(), t.alias()])).toEqual([
      [["users"], "a"],
      [["Orders"], "o"],
    ]);
    expect(core!.where()?.columnRefs().map((c) => c.parts().join("."))).toEqual(["a.ok", "o.total"]);
  });

  it("insert / update / delete", () => {
    const [ins, upd, del] = stmts("INSERT INTO s.t (A, \"B\") VALUES (1, 2) ON CONFLICT DO NOTHING RETURNING id; UPDATE t SET a = 1, (b, c) = (2, 3); DELETE FROM t x WHERE x.id = 1;");
    expect(ins).toBeInstanceOf(InsertStmt);
    const insert = ins as InsertStmt;
    expect(insert.table()?.parts()).toEqual(["s", "t"]);
    expect(insert.columns()).toEqual(["a", "B"]);
    expect(insert.upsert).toBe(true);
    expect(insert.returning).toBe(true);
    expect(insert.query()?.text()).toBe("VALUES (1, 2)");
    expect((upd as UpdateOrDeleteStmt).where()).toBeUndefined();
    expect((upd as UpdateOrDeleteStmt).assignedColumns()).toEqual(["a", "b", "c"]);
    expect((del as UpdateOrDeleteStmt).table()?.alias()).toBe("x");
    expect((del as UpdateOrDeleteStmt).where()?.text()).toBe("x.id = 1");
  });

  it("create table: columns, types, NOT NULL, constraints", () => {
    const [t] = stmts("CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, name varchar(20) NOT NULL, note text, UNIQUE (name))");
    const table = t as CreateTableStmt;
    expect(table.name()?.name()).toBe("t");
    expect(table.ifNotExists).toBe(true);
    expect(table.columns().map((c) => [c.name(), c.typeText(), c.notNull])).toEqual([
      ["id", "int", true],
      ["name", "varchar(20)", true],
      ["note", "text", false],
    ]);
    expect(table.constraints().map((c) => c.text())).toEqual(["UNIQUE (name)"]);
  });

  it("unsupported statements have their own view", () => {
    // PostgreSQL's every statement is modelled now; DESCRIBE is MySQL's.
    expect(stmts("DESCRIBE t")[0]).toBeInstanceOf(UnsupportedStmt);
    expect(stmts("CREATE AGGREGATE a (int) (SFUNC = f, STYPE = int)")[0]).not.toBeInstanceOf(UnsupportedStmt);
  });

  it("identifier names per dialect", () => {
    expect(identifierName('"a""b"')).toBe('a"b');
    expect(identifierName("FooBar")).toBe("foobar");
    expect(identifierName("FooBar", "mysql")).toBe("FooBar");
    expect(identifierName("`x``y`", "mysql")).toBe("x`y");
    expect(identifierName("[a b]", "sqlite")).toBe("a b");
    expect(identifierName('U&"d\\0061t"')).toBe("d\\0061t");
  });
});
