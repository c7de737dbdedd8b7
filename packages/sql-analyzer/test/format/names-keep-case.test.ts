/**
 * keywordCase changes keywords only: words that name something — a role granted, a function
 * in an option list, a MySQL engine or character set, a SQLite virtual table's module
 * arguments — must come out as written.
 */
import { describe, expect, it } from "vitest";
import { format } from "../../src/index.js";

const upper = (text: string, dialect: "postgres" | "mysql" | "sqlite" = "postgres") => format(text, { dialect, keywordCase: "upper" });

describe("keywordCase leaves names alone", () => {
  it("role names in a grant of roles", () => {
    expect(upper("grant admins to alice;")).toBe("GRANT admins TO alice;\n");
    expect(upper("revoke admins from alice;")).toBe("REVOKE admins FROM alice;\n");
    // A privilege grant still upper-cases its privileges.
    expect(upper("grant select on t to alice;")).toBe("GRANT SELECT ON t TO alice;\n");
  });

  it("names given as option values, keyword values still upper-cased", () => {
    expect(upper("create aggregate my_sum (int) (sfunc = int4pl, stype = int, parallel = safe);")).toBe(
      "CREATE AGGREGATE my_sum(int) (sfunc = int4pl, stype = int, parallel = SAFE);\n",
    );
  });

  it("MySQL table option values", () => {
    expect(upper("create table t (a int) engine=InnoDB default charset=utf8mb4;", "mysql")).toContain("ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
    expect(upper("alter table t engine = MyISAM;", "mysql")).toBe("ALTER TABLE t ENGINE = MyISAM;\n");
  });

  it("SQLite virtual table module arguments, which the module reads itself", () => {
    const out = upper("create virtual table r using rtree(id, minX, maxX);", "sqlite");
    expect(out).toContain("(id, minX, maxX)");
    expect(out.startsWith("CREATE VIRTUAL TABLE r USING rtree")).toBe(true);
  });
});

describe("MySQL SHOW and DESCRIBE keep their names", () => {
  it("table, database and column names, which MySQL compares case-sensitively on some file systems", () => {
    expect(format("show columns from Orders from Shop like 'x%';", { dialect: "mysql", keywordCase: "upper" })).toBe("SHOW COLUMNS FROM Orders FROM Shop LIKE 'x%';\n");
    expect(format("show create table MyTable;", { dialect: "mysql", keywordCase: "upper" })).toBe("SHOW CREATE TABLE MyTable;\n");
    expect(format("desc Orders Col;", { dialect: "mysql", keywordCase: "upper" })).toBe("DESC Orders Col;\n");
  });
});
