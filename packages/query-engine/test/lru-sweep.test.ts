import { describe, expect, it } from "vitest";
import { Database, type EngineEvent } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

function pipeline(lru: number) {
  const log = new ExecutionLog();
  const events: EngineEvent[] = [];
  const db = new Database({ onEvent: (e) => events.push(e) });
  const text = db.input<string, string>("text");
  const parse = db.query<string, readonly string[]>(
    "parse",
    (ctx, f) => {
      log.record("parse", f);
      return ctx.get(text, f).split(",");
    },
    { lru },
  );
  const count = db.query<string, number>("count", (ctx, f) => {
    log.record("count", f);
    return ctx.get(parse, f).length;
  });
  return { db, log, events, text, parse, count };
}

describe("LRU capacity", () => {
  it("keeps at most `lru` values, dropping the least recently used", () => {
    const { db, log, events, text, parse } = pipeline(2);
    for (const f of ["a", "b", "c"]) text.set(f, `${f},${f}`);
    db.get(parse, "a");
    db.get(parse, "b");
    db.get(parse, "a"); // a is now more recent than b
    db.get(parse, "c"); // evicts b
    expect(events.filter((e) => e.kind === "did-evict").map((e) => e.key)).toEqual(["b"]);
    expect(db.stats().queries.find((q) => q.name === "parse")).toMatchObject({ slots: 3, values: 2 });
    log.take();
    db.get(parse, "a");
    db.get(parse, "c");
    expect(log.take()).toEqual([]);
    expect(db.get(parse, "b")).toEqual(["b", "b"]);
    expect(log.take()).toEqual(["parse(b)"]);
  });

  it("keeps dependency edges of evicted memos so their readers still verify without re-running", () => {
    const { db, log, text, count } = pipeline(1);
    text.set("a", "1,2,3");
    text.set("b", "1");
    text.set("unrelated", "x");
    expect(db.get(count, "a")).toBe(3);
    expect(db.get(count, "b")).toBe(1); // evicts parse(a)'s value
    log.take();
    text.set("unrelated", "y");
    // count(a) verifies through parse(a)'s kept edges: nothing re-runs.
    expect(db.get(count, "a")).toBe(3);
    expect(log.take()).toEqual([]);
    // A real change re-runs parse(a); it has no old value to compare, so count re-runs too.
    text.set("a", "1,2,3,4");
    expect(db.get(count, "a")).toBe(4);
    expect(log.take()).toEqual(["parse(a)", "count(a)"]);
  });

  it("re-computes an evicted value on read without invalidating its readers", () => {
    const { db, log, text, parse, count } = pipeline(1);
    text.set("a", "1,2");
    text.set("b", "1");
    db.get(count, "a");
    db.get(parse, "b"); // evicts parse(a)
    log.take();
    expect(db.get(parse, "a")).toEqual(["1", "2"]);
    expect(db.get(count, "a")).toBe(2);
    // parse(a) re-ran for its value but kept its changedAt, so count(a) was reused.
    expect(log.take()).toEqual(["parse(a)"]);
  });
});

describe("sweep", () => {
  it("drops memos not read since a revision; readers re-run when they meet a dropped memo", () => {
    const { db, log, events, text, parse, count } = pipeline(0);
    text.set("a", "1");
    text.set("b", "1,2");
    db.get(count, "a");
    db.get(count, "b");
    text.set("a", "1,9");
    const since = db.revision;
    db.get(count, "a");
    log.take();
    // count(b) and parse(b) were last read before `since`.
    expect(db.sweep({ unusedSince: since })).toBe(2);
    expect(events.filter((e) => e.kind === "did-sweep").map((e) => `${e.query}:${String(e.key)}`).sort()).toEqual([
      "count:b",
      "parse:b",
    ]);
    expect(db.stats().memos).toBe(2);
    expect(db.get(count, "a")).toBe(2);
    expect(log.take()).toEqual([]);
    expect(db.get(count, "b")).toBe(2);
    expect(log.take()).toEqual(["count(b)", "parse(b)"]);
  });

  it("a reader whose dependency was swept re-runs and rebuilds it", () => {
    const { db, log, text, parse, count } = pipeline(0);
    text.set("a", "1,2");
    text.set("z", "z");
    db.get(count, "a");
    text.set("z", "zz");
    const since = db.revision;
    db.get(parse, "a"); // parse(a) is read again, count(a) is not
    text.set("z", "zzz");
    db.get(count, "a");
    log.take();
    // Sweep with a horizon after both reads drops nothing that was read...
    expect(db.sweep({ unusedSince: since })).toBe(0);
    // ...and a horizon in the future drops all memos; readers rebuild them.
    expect(db.sweep({ unusedSince: db.revision + 1 })).toBe(2);
    expect(db.get(count, "a")).toBe(2);
    expect(log.take()).toEqual(["count(a)", "parse(a)"]);
  });
});
