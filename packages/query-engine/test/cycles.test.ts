import { describe, expect, it } from "vitest";
import { CycleError, Database, type EngineEvent, type Query } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

describe("cycles", () => {
  it("a cycle throws a CycleError naming its queries, memoized in every participant", () => {
    const log = new ExecutionLog();
    const db = new Database();
    const edges = db.input<string, readonly string[]>("edges");
    const depth: Query<string, number> = db.query<string, number>("depth", (ctx, node) => {
      log.record("depth", node);
      let best = 0;
      for (const next of ctx.get(edges, node)) best = Math.max(best, 1 + ctx.get(depth, next));
      return best;
    });
    edges.set("a", ["b"]);
    edges.set("b", ["c"]);
    edges.set("c", ["a"]);
    let caught: unknown;
    try {
      db.get(depth, "a");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CycleError);
    const cycle = caught as CycleError;
    expect(cycle.queries).toEqual(['depth("a")', 'depth("b")', 'depth("c")']);
    expect(cycle.message).toBe('Cycle detected: depth("a") -> depth("b") -> depth("c") -> depth("a")');
    expect(log.take()).toEqual(["depth(a)", "depth(b)", "depth(c)"]);
    // Memoized: reading any participant again rethrows without re-running.
    expect(() => db.get(depth, "b")).toThrow(CycleError);
    expect(log.take()).toEqual([]);
    // Breaking the cycle recovers.
    edges.set("c", []);
    expect(db.get(depth, "a")).toBe(2);
    expect(log.take()).toEqual(["depth(c)", "depth(b)", "depth(a)"]);
    // Re-closing it is detected again, after verification.
    edges.set("c", ["a"]);
    expect(() => db.get(depth, "a")).toThrow(CycleError);
    expect(() => db.get(depth, "c")).toThrow(CycleError);
  });

  it("a self-read is a one-query cycle", () => {
    const db = new Database();
    const events: EngineEvent[] = [];
    db.on((e) => events.push(e));
    const self: Query<number, number> = db.query<number, number>("self", (ctx, n) => ctx.get(self, n) + 1);
    expect(() => db.get(self, 1)).toThrow("Cycle detected: self(1) -> self(1)");
    expect(events.some((e) => e.kind === "cycle" && e.query === "self")).toBe(true);
  });

  it("fixpoint recovery iterates from the initial value until stable", () => {
    // Reachability over a cyclic graph: reach(n) = {n} ∪ reach(successors).
    const log = new ExecutionLog();
    const db = new Database();
    const edges = db.input<string, readonly string[]>("edges");
    const reach: Query<string, readonly string[]> = db.query<string, readonly string[]>(
      "reach",
      (ctx, node) => {
        log.record("reach", node);
        const found = new Set([node]);
        for (const next of ctx.get(edges, node)) for (const r of ctx.get(reach, next)) found.add(r);
        return [...found].sort();
      },
      { cycle: { initial: () => [] } },
    );
    const size = db.query<string, number>("size", (ctx, node) => {
      log.record("size", node);
      return ctx.get(reach, node).length;
    });
    edges.set("a", ["b"]);
    edges.set("b", ["c"]);
    edges.set("c", ["a"]);
    edges.set("d", []);
    expect(db.get(reach, "a")).toEqual(["a", "b", "c"]);
    expect(db.get(reach, "b")).toEqual(["a", "b", "c"]);
    expect(db.get(reach, "c")).toEqual(["a", "b", "c"]);
    // Iteration 1 (provisional a = []), iteration 2 (provisional a = [a,b,c]): stable.
    expect(log.take()).toEqual(["reach(a)", "reach(b)", "reach(c)", "reach(a)", "reach(b)", "reach(c)"]);
    expect(db.get(size, "a")).toBe(3);
    log.take();
    // An unrelated input change re-runs nothing in the cycle.
    edges.set("d", ["a"]);
    expect(db.get(size, "a")).toBe(3);
    expect(log.take()).toEqual([]);
    expect(db.get(reach, "d")).toEqual(["a", "b", "c", "d"]);
    log.take();
    // A change inside the cycle re-runs the fixpoint from its head.
    edges.set("c", ["a", "e"]);
    edges.set("e", []);
    expect(db.get(size, "a")).toBe(4);
    expect(db.get(reach, "b")).toEqual(["a", "b", "c", "e"]);
    const ran = log.take();
    expect(ran[0]).toBe("reach(a)");
    expect(ran).toContain("reach(e)");
    expect(ran).toContain("size(a)");
  });

  it("a fixpoint that never stabilizes fails with a bounded CycleError, never hangs", () => {
    const db = new Database();
    let runs = 0;
    const counter: Query<null, number> = db.query<null, number>(
      "counter",
      (ctx) => {
        runs++;
        return ctx.get(counter, null) + 1;
      },
      { cycle: { initial: () => 0, maxIterations: 5 } },
    );
    expect(() => db.get(counter, null)).toThrow(/did not converge after 5 iterations/);
    expect(runs).toBe(5);
  });

  it("the fixpoint must be entered through the query with recovery", () => {
    const db = new Database();
    const head: Query<null, number> = db.query<null, number>("head", (ctx) => Math.min(3, ctx.get(member, null) + 1), {
      cycle: { initial: () => 0 },
    });
    const member: Query<null, number> = db.query<null, number>("member", (ctx) => ctx.get(head, null));
    // Entered through the head: converges to 3.
    expect(db.get(head, null)).toBe(3);
    const other = new Database();
    const h2: Query<null, number> = other.query<null, number>("head", (ctx) => Math.min(3, ctx.get(m2, null) + 1), {
      cycle: { initial: () => 0 },
    });
    const m2: Query<null, number> = other.query<null, number>("member", (ctx) => ctx.get(h2, null));
    // Entered through the member (which has no recovery): a CycleError.
    expect(() => other.get(m2, null)).toThrow(CycleError);
  });
});
