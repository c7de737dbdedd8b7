import { describe, expect, it } from "vitest";
import { Database, Durability, MissingInputError, UsageError, type Key, type QueryContext } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

describe("bad use gets a clear error, never a hang or a corrupted database", () => {
  it("reading a never-set input names the input and key, and recovers once it is set", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const text = db.input<string, string>("sourceText");
    const length = db.query<string, number>("length", (ctx, f) => {
      log.record("length", f);
      return ctx.get(text, f).length;
    });
    expect(() => text.get("a.sql")).toThrow(MissingInputError);
    expect(() => text.get("a.sql")).toThrow('Input "sourceText" has no value for key "a.sql"');
    expect(() => db.get(length, "a.sql")).toThrow(/sourceText.*"a\.sql"/);
    expect(() => db.get(length, "a.sql")).toThrow(MissingInputError);
    expect(log.take()).toEqual(["length(a.sql)"]);
    expect(text.has("a.sql")).toBe(false);
    text.set("a.sql", "select 1");
    expect(text.has("a.sql")).toBe(true);
    expect(db.get(length, "a.sql")).toBe(8);
    text.remove("a.sql");
    expect(() => db.get(length, "a.sql")).toThrow(MissingInputError);
    expect(text.keys()).toEqual([]);
  });

  it("a throwing query memoizes its error for the revision and rethrows the same error", () => {
    const db = new Database();
    const log = new ExecutionLog();
    const n = db.input<null, number>("n");
    const other = db.input<null, number>("other");
    const inverse = db.query<null, number>("inverse", (ctx) => {
      log.record("inverse", null);
      const value = ctx.get(n, null);
      if (value === 0) throw new RangeError("division by zero");
      return 1 / value;
    });
    const shown = db.query<null, string>("shown", (ctx) => {
      log.record("shown", null);
      try {
        return String(ctx.get(inverse, null));
      } catch (error) {
        return `error: ${(error as Error).message}`;
      }
    });
    n.set(null, 0);
    other.set(null, 1);
    let first: unknown;
    try {
      db.get(inverse, null);
    } catch (error) {
      first = error;
    }
    expect(first).toBeInstanceOf(RangeError);
    let second: unknown;
    try {
      db.get(inverse, null);
    } catch (error) {
      second = error;
    }
    expect(second).toBe(first);
    expect(db.get(shown, null)).toBe("error: division by zero");
    expect(log.take()).toEqual(["inverse(null)", "shown(null)"]);
    other.set(null, 2);
    expect(() => db.get(inverse, null)).toThrow("division by zero");
    expect(log.take()).toEqual([]);
    n.set(null, 4);
    expect(db.get(shown, null)).toBe("0.25");
    expect(log.take()).toEqual(["inverse(null)", "shown(null)"]);
  });

  it("refuses set() during a computation and leaves the database usable", () => {
    const db = new Database();
    const n = db.input<null, number>("n");
    const evil = db.query<null, number>("evil", (ctx) => {
      const value = ctx.get(n, null);
      n.set(null, value + 1);
      return value;
    });
    n.set(null, 1);
    expect(() => db.get(evil, null)).toThrow(UsageError);
    expect(() => db.get(evil, null)).toThrow(/Cannot set input "n" while query "evil" is running/);
    expect(n.get(null)).toBe(1);
    const listenerDb = new Database();
    const m = listenerDb.input<null, number>("m");
    const q = listenerDb.query<null, number>("q", (ctx) => ctx.get(m, null));
    m.set(null, 1);
    const errors: unknown[] = [];
    listenerDb.on((e) => {
      if (e.kind === "will-execute") {
        try {
          m.set(null, 5);
        } catch (error) {
          errors.push(error);
        }
      }
    });
    expect(listenerDb.get(q, null)).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(UsageError);
  });

  it("refuses db.get inside a query and a context used after its query returned", () => {
    const db = new Database();
    const n = db.input<null, number>("n");
    n.set(null, 1);
    const sneaky = db.query<null, number>("sneaky", () => db.get(n, null));
    expect(() => db.get(sneaky, null)).toThrow(/use ctx\.get/);
    let leaked: QueryContext | undefined;
    const leaky = db.query<null, number>("leaky", (ctx) => {
      leaked = ctx;
      return 1;
    });
    db.get(leaky, null);
    expect(() => leaked!.get(n, null)).toThrow(/used after the query returned/);
  });

  it("rejects duplicate names, bad options, bad durability and unusable keys", () => {
    const db = new Database();
    db.input("x");
    expect(() => db.query("x", () => 1)).toThrow(/already exists/);
    expect(() => db.query("y", () => 1, { lru: -1 })).toThrow(/lru/);
    expect(() => db.query("z", () => 1, { cycle: { initial: () => 0, maxIterations: 0 } })).toThrow(/maxIterations/);
    const n = db.input<null, number>("n");
    expect(() => n.set(null, 1, { durability: 7 as Durability })).toThrow(/Invalid durability/);
    const q = db.query<Key, number>("keyed", () => 1);
    expect(() => db.get(q as never, new Date() as never)).toThrow(/plain objects/);
    expect(() => db.get(q as never, (() => 1) as never)).toThrow(/cannot be of type function/);
    // A cyclic key is refused with a clear error instead of looping forever.
    const cyclic: Record<string, Key> = { name: "a" };
    cyclic.self = cyclic;
    expect(() => db.get(q, cyclic)).toThrow(/nested too deeply/);
    expect(() => db.interner<Key>("ids").intern(cyclic)).toThrow(/nested too deeply/);
  });

  it("a throwing equality counts as 'changed' and a throwing listener does not break the engine", async () => {
    const db = new Database();
    const n = db.input<null, number>("n");
    const q = db.query<null, number>("q", (ctx) => ctx.get(n, null) * 2, {
      equals: () => {
        throw new Error("bad equals");
      },
    });
    n.set(null, 1);
    expect(db.get(q, null)).toBe(2);
    n.set(null, 2);
    expect(db.get(q, null)).toBe(4);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      db.on(() => {
        throw new Error("listener failed");
      });
      n.set(null, 3);
      expect(db.get(q, null)).toBe(6);
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled.length).toBeGreaterThan(0);
  });

  it("null options from JavaScript mean no options", () => {
    const db = new Database(null as unknown as undefined);
    const double = db.query<number, number>("double", (_ctx, n) => n * 2);
    expect(db.get(double, 21)).toBe(42);
  });
});
