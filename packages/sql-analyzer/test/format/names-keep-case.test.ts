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

describe("names in parenthesized option values (keywordCase follows the token kinds)", () => {
  it("MySQL MERGE table lists and PostgreSQL COPY column lists", () => {
    // Table and column names in a parenthesized option value keep their case (in MySQL, where
    // table names can be case-sensitive, an upper-cased UNION list could name other tables).
    expect(upper("create table t2 (a int) engine=merge union=(t1, T3);", "mysql")).toBe("CREATE TABLE t2 (a int) ENGINE = merge UNION = (t1, T3);\n");
    expect(upper("copy t from stdin (format csv, force_not_null (MyCol), force_null (b));")).toBe(
      "COPY t FROM STDIN (format CSV, force_not_null (MyCol), force_null (b));\n",
    );
  });
});

describe("MySQL SHOW and DESCRIBE keep their names", () => {
  it("table, database and column names, which MySQL compares case-sensitively on some file systems", () => {
    expect(format("show columns from Orders from Shop like 'x%';", { dialect: "mysql", keywordCase: "upper" })).toBe("SHOW COLUMNS FROM Orders FROM Shop LIKE 'x%';\n");
    expect(format("show create table MyTable;", { dialect: "mysql", keywordCase: "upper" })).toBe("SHOW CREATE TABLE MyTable;\n");
    expect(format("desc Orders Col;", { dialect: "mysql", keywordCase: "upper" })).toBe("DESC Orders Col;\n");
  });
});

describe("MySQL server administration keeps its names", () => {
  const mysql = (text: string) => format(text, { dialect: "mysql", keywordCase: "upper" });

  it("server, wrapper, tablespace, plugin, resource group, key cache and channel names", () => {
    expect(mysql("create server Fed_1 foreign data wrapper mysql options (user 'r', port 3306);")).toBe(
      "CREATE SERVER Fed_1 FOREIGN DATA WRAPPER mysql OPTIONS (USER 'r', PORT 3306);\n",
    );
    expect(mysql("alter server Fed_1 options (host 'h');")).toBe("ALTER SERVER Fed_1 OPTIONS (HOST 'h');\n");
    expect(mysql("drop server if exists Fed_1;")).toBe("DROP SERVER IF EXISTS Fed_1;\n");
    expect(mysql("alter tablespace Ts1 rename to Ts2;")).toBe("ALTER TABLESPACE Ts1 RENAME TO Ts2;\n");
    expect(mysql("alter undo tablespace Undo_3 set inactive;")).toBe("ALTER UNDO TABLESPACE Undo_3 SET INACTIVE;\n");
    expect(mysql("drop tablespace Ts1 engine = InnoDB;")).toBe("DROP TABLESPACE Ts1 ENGINE = InnoDB;\n");
    expect(mysql("install plugin Audit_Log soname 'audit_log.so';")).toBe("INSTALL PLUGIN Audit_Log SONAME 'audit_log.so';\n");
    expect(mysql("uninstall plugin Audit_Log;")).toBe("UNINSTALL PLUGIN Audit_Log;\n");
    expect(mysql("alter resource group Batch disable force;")).toBe("ALTER RESOURCE GROUP Batch DISABLE FORCE;\n");
    expect(mysql("set resource group Batch for 14, 78;")).toBe("SET RESOURCE GROUP Batch FOR 14, 78;\n");
    expect(mysql("drop resource group Batch;")).toBe("DROP RESOURCE GROUP Batch;\n");
    expect(mysql("cache index t1 in Hot_Cache;")).toBe("CACHE INDEX t1 IN Hot_Cache;\n");
    expect(mysql("alter instance reload tls for channel mysql_main no rollback on error;")).toBe(
      "ALTER INSTANCE RELOAD TLS FOR CHANNEL mysql_main NO ROLLBACK ON ERROR;\n",
    );
    expect(mysql("stop replica io_thread for channel Source_2;")).toBe("STOP REPLICA IO_THREAD FOR CHANNEL Source_2;\n");
    expect(mysql("show replica status for channel Source_2;")).toBe("SHOW REPLICA STATUS FOR CHANNEL Source_2;\n");
  });

  it("sizes keep their unit, and signs and CPU ranges stay as written", () => {
    // MySQL reads 64M as one token: `64 M` would be a syntax error there.
    expect(mysql("alter tablespace ts add datafile 'ts_2.dat' initial_size = 64M;")).toBe("ALTER TABLESPACE ts ADD DATAFILE 'ts_2.dat' INITIAL_SIZE = 64M;\n");
    expect(mysql("create resource group Batch type = user vcpu = 0, 2-3 thread_priority = -5;")).toBe(
      "CREATE RESOURCE GROUP Batch TYPE = USER VCPU = 0, 2-3 THREAD_PRIORITY = -5;\n",
    );
  });
});
