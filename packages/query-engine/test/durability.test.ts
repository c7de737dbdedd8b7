import { describe, expect, it } from "vitest";
import { Database, Durability, type EngineEvent } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

function workspace() {
  const log = new ExecutionLog();
  const events: EngineEvent[] = [];
  const db = new Database({ onEvent: (e) => events.push(e) });
  const file = db.input<string, string>("file");
  const catalog = db.input<string, readonly string[]>("catalog", { durability: Durability.High });
  const config = db.input<null, string>("config", { durability: Durability.Medium });
  // Reads only the high-durability catalog, through two levels.
  const tables = db.query<string, readonly string[]>("tables", (ctx, schema) => {
    log.record("tables", schema);
    return [...ctx.get(catalog, schema)].sort();
  });
  const tableCount = db.query<string, number>("tableCount", (ctx, schema) => {
    log.record("tableCount", schema);
    return ctx.get(tables, schema).length;
  });
  // Reads medium config and the high catalog.
  const dialectTables = db.query<string, string>("dialectTables", (ctx, schema) => {
    log.record("dialectTables", schema);
    return `${ctx.get(config, null)}:${ctx.get(tableCount, schema)}`;
  });
  // Reads a low file and the high catalog.
  const check = db.query<string, string>("check", (ctx, name) => {
    log.record("check", name);
    return `${ctx.get(file, name).length}/${ctx.get(tableCount, "public")}`;
  });
  return { db, log, events, file, catalog, config, tables, tableCount, dialectTables, check };
}

describe("durability", () => {
  it("a low-durability change skips verifying queries that only read high-durability inputs", () => {
    const { db, log, events, file, catalog, config, tableCount, dialectTables, check } = workspace();
    catalog.set("public", ["users", "orders"]);
    config.set(null, "pg");
    file.set("a.sql", "select");
    expect(db.get(tableCount, "public")).toBe(2);
    expect(db.get(dialectTables, "public")).toBe("pg:2");
    expect(db.get(check, "a.sql")).toBe("6/2");
    log.take();
    file.set("a.sql", "select 1");
    events.length = 0;
    expect(db.get(tableCount, "public")).toBe(2);
    expect(db.get(dialectTables, "public")).toBe("pg:2");
    expect(db.get(check, "a.sql")).toBe("8/2");
    expect(log.take()).toEqual(["check(a.sql)"]);
    // tableCount and dialectTables were reused on durability alone: no deep verification
    // walked into their dependencies (which would have reported `tables` as reused).
    const reused = events.filter((e) => e.kind === "did-reuse").map((e) => e.query);
    expect(reused).toEqual(["tableCount", "dialectTables"]);
  });

  it("a medium change re-verifies medium queries but still skips high-only ones", () => {
    const { db, log, events, file, catalog, config, tableCount, dialectTables } = workspace();
    catalog.set("public", ["users"]);
    config.set(null, "pg");
    file.set("a.sql", "x");
    db.get(tableCount, "public");
    db.get(dialectTables, "public");
    log.take();
    config.set(null, "mysql");
    events.length = 0;
    expect(db.get(dialectTables, "public")).toBe("mysql:1");
    expect(db.get(tableCount, "public")).toBe(1);
    expect(log.take()).toEqual(["dialectTables(public)"]);
    expect(events.filter((e) => e.kind === "did-reuse").map((e) => e.query)).toEqual(["tableCount"]);
  });

  it("a high-durability change re-verifies everything that depends on it", () => {
    const { db, log, file, catalog, config, tableCount, dialectTables, check } = workspace();
    catalog.set("public", ["users"]);
    config.set(null, "pg");
    file.set("a.sql", "x");
    db.get(dialectTables, "public");
    db.get(check, "a.sql");
    log.take();
    catalog.set("public", ["users", "orders"]);
    expect(db.get(check, "a.sql")).toBe("1/2");
    expect(db.get(dialectTables, "public")).toBe("pg:2");
    expect(log.take()).toEqual(["tables(public)", "tableCount(public)", "check(a.sql)", "dialectTables(public)"]);
  });

  it("lowering an input's durability is a change, so its readers learn the new durability", () => {
    const { db, log, catalog, tableCount, file } = workspace();
    catalog.set("public", ["a"]);
    file.set("x", "1");
    db.get(tableCount, "public");
    log.take();
    // Same value, now low durability: readers must re-run so they stop skipping low changes.
    catalog.set("public", ["a"], { durability: Durability.Low });
    expect(db.get(tableCount, "public")).toBe(1);
    // tables(public) is equal but less durable, so it cannot backdate (salsa's rule).
    expect(log.take()).toEqual(["tables(public)", "tableCount(public)"]);
    catalog.set("public", ["a", "b"]);
    expect(db.get(tableCount, "public")).toBe(2);
    expect(log.take()).toEqual(["tables(public)", "tableCount(public)"]);
  });
});

describe("inputs nobody reads", () => {
  it("changing an input no query ever read leaves every memo valid without deep verification", () => {
    const events: EngineEvent[] = [];
    const db = new Database({ onEvent: (e) => events.push(e) });
    const log = new ExecutionLog();
    const used = db.input<null, number>("used");
    const unused = db.input<null, number>("unused");
    const a = db.query<null, number>("a", (ctx) => {
      log.record("a", null);
      return ctx.get(used, null) + 1;
    });
    const b = db.query<null, number>("b", (ctx) => {
      log.record("b", null);
      return ctx.get(a, null) * 2;
    });
    used.set(null, 1);
    unused.set(null, 1);
    expect(db.get(b, null)).toBe(4);
    log.take();
    unused.set(null, 2);
    events.length = 0;
    expect(db.get(b, null)).toBe(4);
    expect(log.take()).toEqual([]);
    // Only b itself was checked (a shallow check), nothing below it.
    expect(events.map((e) => `${e.kind}:${e.query}`)).toEqual(["did-reuse:b"]);
    // Once a query reads it, changing it invalidates that query.
    const c = db.query<null, number>("c", (ctx) => {
      log.record("c", null);
      return ctx.get(unused, null);
    });
    expect(db.get(c, null)).toBe(2);
    unused.set(null, 3);
    expect(db.get(c, null)).toBe(3);
    expect(db.get(b, null)).toBe(4);
    expect(log.take()).toEqual(["c(null)", "c(null)"]);
  });
});
