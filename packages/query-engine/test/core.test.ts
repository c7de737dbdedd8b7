import { describe, expect, it } from "vitest";
import { Database, type EngineEvent, type Key } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

function lengths() {
  const log = new ExecutionLog();
  const db = new Database();
  const text = db.input<string, string>("text");
  const length = db.query<string, number>("length", (ctx, file) => {
    log.record("length", file);
    return ctx.get(text, file).length;
  });
  const parity = db.query<string, string>("parity", (ctx, file) => {
    log.record("parity", file);
    return ctx.get(length, file) % 2 === 0 ? "even" : "odd";
  });
  const total = db.query<null, number>("total", (ctx) => {
    log.record("total", null);
    return ctx.get(length, "a") + ctx.get(length, "b");
  });
  return { db, log, text, length, parity, total };
}

describe("memoization and red-green verification", () => {
  it("computes once, then reuses memos while nothing changes", () => {
    const { db, log, text, parity, total } = lengths();
    text.set("a", "xx");
    text.set("b", "yyy");
    expect(db.get(parity, "a")).toBe("even");
    expect(db.get(total, null)).toBe(5);
    expect(log.take()).toEqual(["parity(a)", "length(a)", "total(null)", "length(b)"]);
    expect(db.get(parity, "a")).toBe("even");
    expect(total.get(null)).toBe(5);
    expect(log.take()).toEqual([]);
  });

  it("re-runs only the queries whose inputs changed", () => {
    const { db, log, text, parity, total } = lengths();
    text.set("a", "xx");
    text.set("b", "yyy");
    db.get(parity, "a");
    db.get(parity, "b");
    db.get(total, null);
    log.take();
    text.set("b", "yyyy");
    expect(db.get(parity, "a")).toBe("even");
    expect(log.take()).toEqual([]);
    expect(db.get(parity, "b")).toBe("even");
    expect(log.take()).toEqual(["length(b)", "parity(b)"]);
    expect(db.get(total, null)).toBe(6);
    expect(log.take()).toEqual(["total(null)"]);
  });

  it("backdates: an equal result stops propagation (early cutoff)", () => {
    const { db, log, text, parity } = lengths();
    text.set("a", "xx");
    const first = db.get(parity, "a");
    log.take();
    text.set("a", "zz");
    expect(db.get(parity, "a")).toBe(first);
    expect(log.take()).toEqual(["length(a)"]);
    text.set("a", "zzzz");
    expect(db.get(parity, "a")).toBe("even");
    expect(log.take()).toEqual(["length(a)", "parity(a)"]);
  });

  it("keeps the identity of a backdated structural value", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const text = db.input<string, string>("text");
    const words = db.query<string, string[]>("words", (ctx, f) => {
      log.record("words", f);
      return ctx.get(text, f).trim().split(/\s+/);
    });
    const count = db.query<string, number>("count", (ctx, f) => {
      log.record("count", f);
      return ctx.get(words, f).length;
    });
    text.set("f", "a b c");
    const before = db.get(words, "f");
    db.get(count, "f");
    log.take();
    text.set("f", "  a b c  ");
    expect(db.get(words, "f")).toBe(before);
    expect(db.get(count, "f")).toBe(3);
    expect(log.take()).toEqual(["words(f)"]);
  });

  it("uses a per-query equality for early cutoff", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const n = db.input<null, number>("n");
    const rounded = db.query<null, { value: number }>(
      "rounded",
      (ctx) => {
        log.record("rounded", null);
        return { value: ctx.get(n, null) };
      },
      { equals: (a, b) => Math.round(a.value) === Math.round(b.value) },
    );
    const shown = db.query<null, string>("shown", (ctx) => {
      log.record("shown", null);
      return String(Math.round(ctx.get(rounded, null).value));
    });
    n.set(null, 1.1);
    expect(db.get(shown, null)).toBe("1");
    log.take();
    n.set(null, 1.3);
    expect(db.get(shown, null)).toBe("1");
    expect(log.take()).toEqual(["rounded(null)"]);
    n.set(null, 1.7);
    expect(db.get(shown, null)).toBe("2");
    expect(log.take()).toEqual(["rounded(null)", "shown(null)"]);
  });

  it("setting an equal input value is a no-op that starts no revision", () => {
    const { db, log, text, parity } = lengths();
    text.set("a", "xx");
    db.get(parity, "a");
    log.take();
    const revision = db.revision;
    text.set("a", "xx");
    expect(db.revision).toBe(revision);
    db.get(parity, "a");
    expect(log.take()).toEqual([]);
  });

  it("tracks dependencies dynamically: a branch not taken is not a dependency", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const flag = db.input<null, boolean>("flag");
    const left = db.input<null, string>("left");
    const right = db.input<null, string>("right");
    const pick = db.query<null, string>("pick", (ctx) => {
      log.record("pick", null);
      return ctx.get(flag, null) ? ctx.get(left, null) : ctx.get(right, null);
    });
    flag.set(null, true);
    left.set(null, "L");
    right.set(null, "R");
    expect(db.get(pick, null)).toBe("L");
    log.take();
    right.set(null, "R2");
    expect(db.get(pick, null)).toBe("L");
    expect(log.take()).toEqual([]);
    flag.set(null, false);
    expect(db.get(pick, null)).toBe("R2");
    expect(log.take()).toEqual(["pick(null)"]);
    left.set(null, "L2");
    expect(db.get(pick, null)).toBe("R2");
    expect(log.take()).toEqual([]);
  });

  it("addresses memos by structural keys: tuples and objects", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const base = db.input<string, number>("base");
    const scaled = db.query<readonly [string, number], number>("scaled", (ctx, [name, factor]) => {
      log.record("scaled", [name, factor]);
      return ctx.get(base, name) * factor;
    });
    const described = db.query<{ name: string; factor: number }, string>("described", (ctx, key) => {
      log.record("described", key);
      return `${key.name}=${ctx.get(scaled, [key.name, key.factor])}`;
    });
    base.set("x", 2);
    expect(db.get(scaled, ["x", 3])).toBe(6);
    expect(db.get(scaled, ["x", 3] as const)).toBe(6);
    expect(db.get(described, { name: "x", factor: 3 })).toBe("x=6");
    expect(db.get(described, { factor: 3, name: "x" })).toBe("x=6");
    expect(log.take()).toEqual(['scaled(["x",3])', 'described({"name":"x","factor":3})']);
    // A string that looks like a tuple is a different key.
    const echo = db.query<readonly Key[] | string, string>("echo", (_ctx, key) => JSON.stringify(key));
    expect(db.get(echo, '["x",3]')).toBe('"[\\"x\\",3]"');
    expect(db.get(echo, ["x", 3])).toBe('["x",3]');
  });

  it("interns structural values into stable small ids usable as keys", () => {
    const db = new Database();
    const fns = db.interner<{ file: string; name: string }>("fn");
    const a = fns.intern({ file: "a.cm", name: "main" });
    const b = fns.intern({ file: "a.cm", name: "helper" });
    expect(fns.intern({ name: "main", file: "a.cm" })).toBe(a);
    expect(b).not.toBe(a);
    expect(fns.lookup(b)).toEqual({ file: "a.cm", name: "helper" });
    expect(() => fns.lookup(99 as typeof a)).toThrow(/no id 99/);
    const nameLength = db.query<number, number>("nameLength", (_ctx, id) => fns.lookup(id).name.length);
    expect(db.get(nameLength, a)).toBe(4);
    expect(fns.size).toBe(2);
  });

  it("reports will-execute, did-reuse, did-backdate and did-set-input events", () => {
    const events: EngineEvent[] = [];
    const db = new Database({ onEvent: (e) => events.push(e) });
    const text = db.input<string, string>("text");
    const length = db.query<string, number>("length", (ctx, f) => ctx.get(text, f).length);
    const double = db.query<string, number>("double", (ctx, f) => ctx.get(length, f) * 2);
    text.set("a", "xy");
    db.get(double, "a");
    text.set("a", "zw");
    db.get(double, "a");
    const kinds = events.map((e) => `${e.kind}:${e.query}`);
    expect(kinds).toEqual([
      "did-set-input:text",
      "will-execute:double",
      "will-execute:length",
      "did-set-input:text",
      "will-execute:length",
      "did-backdate:length",
      "did-reuse:double",
    ]);
    expect(events.at(-1)?.revision).toBe(db.revision);
    const unsubscribe = db.on((e) => events.push(e));
    unsubscribe();
    text.set("a", "abc");
    expect(events.filter((e) => e.kind === "did-set-input")).toHaveLength(3);
  });

  it("reports memo counts and approximate bytes per query", () => {
    const { db, text, length, parity } = lengths();
    text.set("a", "x".repeat(1000));
    text.set("b", "y");
    db.get(parity, "a");
    db.get(parity, "b");
    db.get(length, "a");
    const stats = db.stats();
    const byName = new Map(stats.queries.map((q) => [q.name, q]));
    expect(byName.get("length")).toMatchObject({ kind: "query", slots: 2, values: 2, errors: 0 });
    expect(byName.get("text")?.kind).toBe("input");
    expect(byName.get("text")!.approxBytes).toBeGreaterThan(2000);
    expect(stats.memos).toBe(4);
    expect(stats.revision).toBe(db.revision);
  });
});
