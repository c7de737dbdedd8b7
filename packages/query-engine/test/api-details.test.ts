import { describe, expect, it } from "vitest";
import { CancellationFlag, Cancelled, Database, type EngineEvent, type Key, type Query } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

describe("API details", () => {
  it("snapshots also serve accumulated values and report a pending write as the reason", () => {
    const db = new Database();
    const notes = db.accumulator<string>("notes");
    const text = db.input<string, string>("text");
    const q = db.query<string, number>("q", (ctx, f) => {
      ctx.push(notes, `read ${f}`);
      return ctx.get(text, f).length;
    });
    text.set("a", "abc");
    const snap = db.snapshot();
    expect(snap.accumulated(q, "a", notes)).toEqual(["read a"]);
    db.cancellationFlag.requestCancellation();
    let caught: unknown;
    try {
      snap.get(q, "a");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Cancelled);
    expect((caught as Cancelled).reason).toBe("pending-write");
    db.cancellationFlag.acknowledge();
    text.set("a", "abcd");
    expect(() => snap.accumulated(q, "a", notes)).toThrow(Cancelled);
    try {
      snap.get(q, "a");
    } catch (error) {
      expect((error as Cancelled).reason).toBe("revision-changed");
    }
  });

  it("accepts every structural key kind and keeps them apart", () => {
    const db = new Database();
    const echo = db.query<Key, string>("echo", (_ctx, key) => `${typeof key}:${String(key)}`);
    const keys: Key[] = [1, "1", true, 1n, null, undefined, [1], ["1"], { a: [1, { b: null }] }];
    const results = keys.map((k) => db.get(echo, k));
    expect(new Set(results).size).toBe(results.length - 1); // [1] and ["1"] print alike...
    expect(db.stats().queries.find((q) => q.name === "echo")?.slots).toBe(keys.length); // ...but are distinct memos
    expect(db.get(echo, { a: [1, { b: null }] })).toBe("object:[object Object]");
    expect(db.stats().queries.find((q) => q.name === "echo")?.slots).toBe(keys.length);
  });

  it("interns primitives and tuples, and ids survive as query keys across revisions", () => {
    const db = new Database();
    const names = db.interner<string | readonly [string, number]>("names");
    const a = names.intern("a");
    const pair = names.intern(["a", 1]);
    expect(names.intern("a")).toBe(a);
    expect(names.intern(["a", 1])).toBe(pair);
    expect(pair).not.toBe(a);
    expect(names.lookup(pair)).toEqual(["a", 1]);
    const log = new ExecutionLog();
    const weight = db.input<number, number>("weight");
    const weighted = db.query<number, number>("weighted", (ctx, id) => {
      log.record("weighted", id);
      return ctx.get(weight, id) * 10;
    });
    weight.set(a, 1);
    weight.set(pair, 2);
    expect(db.get(weighted, pair)).toBe(20);
    weight.set(a, 5);
    expect(db.get(weighted, pair)).toBe(20);
    expect(log.take()).toEqual([`weighted(${pair})`]);
  });

  it("reports fixpoint iterations and memoized errors in events and stats", () => {
    const events: EngineEvent[] = [];
    const db = new Database({ onEvent: (e) => events.push(e) });
    const limit = db.input<null, number>("limit");
    const grow: Query<null, number> = db.query<null, number>("grow", (ctx) => Math.min(ctx.get(limit, null), ctx.get(grow, null) + 1), {
      cycle: { initial: () => 0 },
    });
    const broken = db.query<null, number>("broken", () => {
      throw new TypeError("nope");
    });
    limit.set(null, 3);
    expect(db.get(grow, null)).toBe(3);
    expect(events.filter((e) => e.kind === "fixpoint-iteration")).toHaveLength(3);
    expect(() => db.get(broken, null)).toThrow("nope");
    const stats = db.stats();
    expect(stats.queries.find((q) => q.name === "broken")).toMatchObject({ errors: 1, values: 0 });
    expect(stats.queries.find((q) => q.name === "grow")).toMatchObject({ errors: 0, values: 1 });
  });

  it("a cancellation flag works on plain memory too and refuses a too-small buffer", () => {
    const flag = new CancellationFlag(new ArrayBuffer(8));
    expect(flag.isCancellationRequested).toBe(false);
    flag.requestCancellation();
    flag.requestCancellation();
    expect(flag.pending).toBe(2);
    flag.acknowledge();
    expect(flag.isCancellationRequested).toBe(true);
    flag.acknowledge();
    expect(flag.isCancellationRequested).toBe(false);
    expect(() => new CancellationFlag(new ArrayBuffer(2))).toThrow(/at least 4 bytes/);
    // Two databases can share one flag (e.g. per-language databases in one worker).
    const shared = new CancellationFlag();
    const one = new Database({ cancellationFlag: shared });
    const two = new Database({ cancellationFlag: new CancellationFlag(shared.buffer) });
    const x = one.input<null, number>("x");
    const y = two.input<null, number>("y");
    x.set(null, 1);
    y.set(null, 2);
    shared.requestCancellation();
    expect(() => one.get(x, null)).toThrow(Cancelled);
    expect(() => two.get(y, null)).toThrow(Cancelled);
    shared.acknowledge();
    expect(two.get(y, null)).toBe(2);
  });

  it("keeps integer keys on both sides of the array index apart, with Map semantics for -0", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const base = db.input<number, number>("base");
    base.set(0, 10);
    const q = db.query<number, number>("q", (ctx, k) => {
      log.record("q", k);
      return ctx.get(base, 0) + k;
    });
    // Small integers (array-indexed), the bound 2^20 and past it, negatives and fractions (Map).
    const keys = [0, 1, 2 ** 20 - 1, 2 ** 20, 2 ** 31, -1, 1.5];
    expect(keys.map((k) => db.get(q, k))).toEqual(keys.map((k) => 10 + k));
    expect(log.take()).toEqual(keys.map((k) => `q(${k})`));
    // -0 is the same key as 0 (as in a Map); re-reads hit the memos.
    expect(db.get(q, -0)).toBe(10);
    expect(keys.map((k) => db.get(q, k))).toEqual(keys.map((k) => 10 + k));
    expect(log.take()).toEqual([]);
    expect(db.stats().queries.find((s) => s.name === "q")?.slots).toBe(keys.length);
    base.set(0, 20);
    expect(db.get(q, 2 ** 20 - 1)).toBe(20 + 2 ** 20 - 1);
    expect(log.take()).toEqual([`q(${2 ** 20 - 1})`]);
    // A sweep forgets array-indexed and Map-held memos alike.
    expect(db.sweep({ unusedSince: db.revision })).toBe(keys.length - 1);
    expect(db.get(q, 0)).toBe(20);
    expect(log.take()).toEqual(["q(0)"]);
  });
});
