import { describe, expect, it } from "vitest";
import { CancellationFlag, Cancelled, Database, type EngineEvent } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

describe("snapshots and cancellation", () => {
  it("a snapshot reads at its revision and throws Cancelled once an input changed", () => {
    const events: EngineEvent[] = [];
    const db = new Database({ onEvent: (e) => events.push(e) });
    const log = new ExecutionLog();
    const text = db.input<string, string>("text");
    const upper = db.query<string, string>("upper", (ctx, f) => {
      log.record("upper", f);
      return ctx.get(text, f).toUpperCase();
    });
    text.set("a", "hi");
    const snap = db.snapshot();
    expect(snap.revision).toBe(db.revision);
    expect(snap.get(upper, "a")).toBe("HI");
    expect(snap.isCurrent).toBe(true);
    text.set("a", "ho");
    expect(snap.isCurrent).toBe(false);
    expect(() => snap.get(upper, "a")).toThrow(Cancelled);
    expect(() => snap.get(text, "a")).toThrow(Cancelled);
    expect(events.filter((e) => e.kind === "cancelled")).toHaveLength(2);
    expect(log.take()).toEqual(["upper(a)"]);
    // The database itself moved on and was not corrupted.
    const fresh = db.snapshot();
    expect(fresh.get(upper, "a")).toBe("HO");
    expect(log.take()).toEqual(["upper(a)"]);
  });

  it("a pending write cancels a computation at its next read, without memoizing anything wrong", () => {
    const flag = new CancellationFlag();
    const db = new Database({ cancellationFlag: flag });
    const log = new ExecutionLog();
    const item = db.input<number, number>("item");
    const sum = db.query<null, number>("sum", (ctx) => {
      log.record("sum", null);
      let total = 0;
      for (let i = 0; i < 10; i++) {
        // Simulates another thread announcing a write in the middle of the computation.
        if (i === 5 && cancelMidway) flag.requestCancellation();
        total += ctx.get(item, i);
      }
      return total;
    });
    let cancelMidway = true;
    for (let i = 0; i < 10; i++) item.set(i, i);
    let caught: unknown;
    try {
      db.get(sum, null);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Cancelled);
    expect((caught as Cancelled).reason).toBe("pending-write");
    expect(flag.isCancellationRequested).toBe(true);
    expect(() => db.get(item, 0)).toThrow(Cancelled);
    // The writer applies its write and acknowledges it.
    item.set(0, 100);
    flag.acknowledge();
    expect(flag.pending).toBe(0);
    cancelMidway = false;
    expect(db.get(sum, null)).toBe(145);
    expect(log.take()).toEqual(["sum(null)", "sum(null)"]);
    expect(db.get(sum, null)).toBe(145);
    expect(log.take()).toEqual([]);
    // An extra acknowledge cannot go below zero.
    flag.acknowledge();
    expect(flag.pending).toBe(0);
  });

  it("ctx.checkCancelled lets a long query poll the flag", () => {
    const db = new Database();
    const q = db.query<null, number>("spin", (ctx) => {
      for (let i = 0; ; i++) {
        if (i === 1000) db.cancellationFlag.requestCancellation();
        ctx.checkCancelled();
      }
    });
    expect(() => db.get(q, null)).toThrow(Cancelled);
    db.cancellationFlag.acknowledge();
  });

  it("a cancelled dependency does not poison its readers", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const text = db.input<string, string>("text");
    let cancel = false;
    const inner = db.query<string, number>("inner", (ctx, f) => {
      log.record("inner", f);
      if (cancel) db.cancellationFlag.requestCancellation();
      return ctx.get(text, f).length;
    });
    const outer = db.query<string, number>("outer", (ctx, f) => {
      log.record("outer", f);
      return ctx.get(inner, f) + 1;
    });
    text.set("a", "abc");
    expect(db.get(outer, "a")).toBe(4);
    text.set("a", "abcd");
    cancel = true;
    expect(() => db.get(outer, "a")).toThrow(Cancelled);
    cancel = false;
    db.cancellationFlag.acknowledge();
    expect(db.get(outer, "a")).toBe(5);
    expect(log.take()).toEqual(["outer(a)", "inner(a)", "inner(a)", "inner(a)", "outer(a)"]);
  });
});

describe("cancellation during verification", () => {
  it("a long deep verification stops at the next memo it descends into", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const item = db.input<number, number>("item");
    const other = db.input<null, number>("other");
    const leaf = db.query<number, number>("leaf", (ctx, i) => {
      log.record("leaf", i);
      return ctx.get(item, i) * 2;
    });
    const root = db.query<null, number>("root", (ctx) => {
      log.record("root", null);
      let sum = 0;
      for (let i = 0; i < 100; i++) sum += ctx.get(leaf, i);
      // Read last, so verification walks all the leaves before it meets this change.
      return sum + ctx.get(other, null) * 0;
    });
    for (let i = 0; i < 100; i++) item.set(i, i);
    other.set(null, 0);
    expect(db.get(root, null)).toBe(9900);
    log.take();
    other.set(null, 1); // read by root only: every leaf must be verified, none re-runs
    let verified = 0;
    const unsubscribe = db.on((e) => {
      if (e.kind === "did-reuse" && ++verified === 10) db.cancellationFlag.requestCancellation();
    });
    expect(() => db.get(root, null)).toThrow(Cancelled);
    unsubscribe();
    expect(verified).toBe(10);
    db.cancellationFlag.acknowledge();
    expect(db.get(root, null)).toBe(9900);
    // The cancelled verification ran nothing; the retry verified the leaves and re-ran root.
    expect(log.take()).toEqual(["root(null)"]);
  });
});
