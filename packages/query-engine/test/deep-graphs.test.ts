import { describe, expect, it } from "vitest";
import { Database, deepEqual, type Query } from "@sextant/query-engine";

describe("deep graphs and structures", () => {
  it("verifies a 5,000-deep chain without overflowing the stack", () => {
    const db = new Database();
    const seed = db.input<null, number>("seed");
    const other = db.input<null, number>("other");
    const runs = new Map<number, number>();
    const link: Query<number, number> = db.query<number, number>("link", (ctx, i) => {
      runs.set(i, (runs.get(i) ?? 0) + 1);
      return i === 0 ? ctx.get(seed, null) : ctx.get(link, i - 1) + 1;
    });
    seed.set(null, 0);
    other.set(null, 0);
    // Build bottom-up so the cold computation itself stays shallow.
    for (let i = 0; i < 5000; i++) db.get(link, i);
    expect(db.get(link, 4999)).toBe(4999);
    runs.clear();
    other.set(null, 1);
    expect(db.get(link, 4999)).toBe(4999); // deep verification down the whole chain
    expect(runs.size).toBe(0);
    seed.set(null, 1);
    expect(db.get(link, 4999)).toBe(5000); // re-executes the chain from the bottom, iteratively
    expect(runs.size).toBe(5000);
  });

  it("compares deep and cyclic structures without overflowing or hanging", () => {
    type Node = { value: number; child?: Node; parent?: Node };
    const build = (depth: number) => {
      const root: Node = { value: 0 };
      let at = root;
      for (let i = 1; i < depth; i++) {
        const next: Node = { value: i, parent: at };
        at.child = next;
        at = next;
      }
      return { root, leaf: at };
    };
    const a = build(50_000);
    const b = build(50_000);
    expect(deepEqual(a.root, b.root)).toBe(true);
    b.leaf.value = -1;
    expect(deepEqual(a.root, b.root)).toBe(false);
    expect(deepEqual(new Map([[1, { x: [1, 2] }]]), new Map([[1, { x: [1, 2] }]]))).toBe(true);
    expect(deepEqual(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1, [2, { c: NaN }]], [1, [2, { c: NaN }]])).toBe(true);
    expect(deepEqual(new Date(5), new Date(5))).toBe(true);
  });
});

describe("stack overflow in a cold, very deep computation", () => {
  it("is not memoized: the database stays usable and a shallower retry succeeds", () => {
    const db = new Database();
    const seed = db.input<null, number>("seed");
    const link: Query<number, number> = db.query<number, number>("link", (ctx, i) => (i === 0 ? ctx.get(seed, null) : ctx.get(link, i - 1) + 1));
    seed.set(null, 0);
    const depth = 200_000;
    // Computing the top of a 200,000-deep chain cold recurses through every level.
    expect(() => db.get(link, depth)).toThrow(RangeError);
    // Warming up from the bottom in steps keeps every computation shallow.
    for (let i = 0; i <= depth; i += 500) db.get(link, i);
    expect(db.get(link, depth)).toBe(depth);
  });
});
