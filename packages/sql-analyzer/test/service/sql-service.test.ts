/**
 * The service's incrementality, asserted from the query engine's event log:
 * what re-ran after each change.
 */
import { Database, type EngineEvent } from "@sextant/query-engine";
import { describe, expect, it } from "vitest";
import { createSqlService, parse, printTree } from "../../src/index.js";

const statements = Array.from({ length: 50 }, (_, i) => `SELECT c${i} FROM t${i};`);
const text = statements.join("\n");

function setup() {
  const log: EngineEvent[] = [];
  const service = createSqlService();
  service.database.on((e) => log.push(e));
  const ran = () =>
    log.filter((e) => e.kind === "will-execute").map((e) => (e.query.startsWith("sql.statement.") ? `${e.query}(${String(e.key)})` : e.query));
  const backdated = () => log.filter((e) => e.kind === "did-backdate").map((e) => e.query);
  const clear = () => (log.length = 0);
  return { service, log, ran, backdated, clear };
}

describe("createSqlService", () => {
  it("parses a file and reports its syntax diagnostics", () => {
    const { service } = setup();
    service.setFile("a.sql", "SELECT (1;\nSELECT 2;");
    expect(service.diagnostics("a.sql").map((d) => d.code)).toEqual(["expected-token"]);
    expect(service.parse("a.sql").root.text()).toBe("SELECT (1;\nSELECT 2;");
    expect(service.statementList("a.sql")).toEqual(["SELECT (1", "SELECT 2"]);
  });

  it("first parse runs every statement query once", () => {
    const { service, ran } = setup();
    service.setFile("a.sql", text);
    service.diagnostics("a.sql");
    const executed = ran();
    expect(executed.filter((q) => q.startsWith("sql.statement.postgres")).length).toBe(50);
    expect(executed).toContain("sql.parse");
    expect(executed).toContain("sql.diagnostics");
  });

  it("an edit inside one statement re-executes that statement's parse only", () => {
    const { service, ran, clear } = setup();
    service.setFile("a.sql", text);
    service.diagnostics("a.sql");
    clear();
    service.setFile("a.sql", text.replace("SELECT c7 FROM t7;", "SELECT c7, d FROM t7;"));
    service.diagnostics("a.sql");
    expect(ran().sort()).toEqual(["sql.diagnostics", "sql.parse", "sql.statement.postgres(\nSELECT c7, d FROM t7;)"]);
  });

  it("statement texts seen before are not reparsed (memo keyed by text)", () => {
    const { service, ran, clear } = setup();
    service.setFile("a.sql", text);
    service.parse("a.sql");
    service.setFile("b.sql", "SELECT 1;\n" + text);
    clear();
    service.parse("b.sql");
    const statementRuns = ran().filter((q) => q.startsWith("sql.statement"));
    // Only "SELECT 1;" and the (now differently-prefixed) first statement are new texts.
    expect(statementRuns).toEqual(["sql.statement.postgres(SELECT 1;)", "sql.statement.postgres(\nSELECT c0 FROM t0;)"]);
  });

  it("an unchanged statement list backdates: dependents do not re-run after a trivia-only edit", () => {
    const { service, ran, backdated, clear } = setup();
    const counter = service.database.query<string, number>("test.statementCount", (ctx, path) => ctx.get(service.queries.statementList, path).length);
    service.setFile("a.sql", text);
    expect(service.database.get(counter, "a.sql")).toBe(50);
    clear();
    service.setFile("a.sql", text.replace("\nSELECT c9", "\n\n  -- a comment between statements\nSELECT c9"));
    expect(service.database.get(counter, "a.sql")).toBe(50);
    expect(ran()).toContain("sql.statementList");
    expect(backdated()).toContain("sql.statementList");
    expect(ran()).not.toContain("test.statementCount");
  });

  it("a service parse equals a plain parse (reused pieces included)", () => {
    const { service } = setup();
    service.setFile("a.sql", text);
    service.parse("a.sql");
    const edited = text.replace("t30", "t30 WHERE (x");
    service.setFile("a.sql", edited);
    const fromService = service.parse("a.sql");
    const plain = parse(edited);
    expect(printTree(fromService.root)).toBe(printTree(plain.root));
    expect(fromService.diagnostics).toEqual(plain.diagnostics);
  });

  it("rejects an unknown dialect with a clear error", () => {
    expect(() => createSqlService({ dialect: "oracle" as never })).toThrow(/unknown dialect "oracle"/);
    const { service } = setup();
    expect(() => service.setFile("a.sql", "select 1", { dialect: "db2" as never })).toThrow(/setFile\("a.sql"\): unknown dialect "db2"/);
  });

  it("per-file dialects, removal, and a shared database", () => {
    const database = new Database();
    const service = createSqlService({ database, dialect: "mysql" });
    expect(service.database).toBe(database);
    service.setFile("m.sql", "SELECT `a` FROM t LIMIT 1, 2;");
    service.setFile("s.sql", "PRAGMA foreign_keys = ON;", { dialect: "sqlite" });
    expect(service.diagnostics("m.sql")).toEqual([]);
    expect(service.diagnostics("s.sql")).toEqual([]);
    expect(service.parse("s.sql").dialect).toBe("sqlite");
    service.removeFile("m.sql");
    expect(service.hasFile("m.sql")).toBe(false);
    expect(() => service.parse("m.sql")).toThrow('parse("m.sql"): no such file (setFile it first)');
    expect(() => service.diagnostics("nope.sql")).toThrow('diagnostics("nope.sql"): no such file (setFile it first)');
    expect(() => service.setFile(null as never, "SELECT 1")).toThrow("setFile: a path must be a string, got null");
  });

  it("null options from JavaScript mean no options (postgres)", () => {
    const service = createSqlService(null as unknown as undefined);
    service.setFile("a.sql", "SELECT 1; SELECT FROM;");
    expect(service.statementList("a.sql")).toEqual(["SELECT 1", "SELECT FROM"]);
  });
});
