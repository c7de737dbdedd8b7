import { describe, expect, it } from "vitest";
import { Database, type Query } from "@sextant/query-engine";
import { ExecutionLog } from "./harness.js";

interface Diagnostic {
  readonly file: string;
  readonly message: string;
}

function checker() {
  const log = new ExecutionLog();
  const db = new Database();
  const diagnostics = db.accumulator<Diagnostic>("diagnostics");
  const notes = db.accumulator<string>("notes");
  const text = db.input<string, string>("text");
  const imports = db.input<string, readonly string[]>("imports");
  // Parses "words"; pushes a diagnostic per upper-case word; returns the word count.
  const parse = db.query<string, number>("parse", (ctx, file) => {
    log.record("parse", file);
    const words = ctx.get(text, file).split(" ").filter(Boolean);
    for (const word of words) {
      if (word !== word.toLowerCase()) ctx.push(diagnostics, { file, message: `shouting: ${word}` });
    }
    ctx.push(notes, `parsed ${file}`);
    return words.length;
  });
  const check = db.query<string, number>("check", (ctx, file) => {
    log.record("check", file);
    let total = ctx.get(parse, file);
    for (const dep of ctx.get(imports, file)) total += ctx.get(check, dep);
    if (total > 5) ctx.push(diagnostics, { file, message: "too long" });
    return total;
  });
  return { db, log, diagnostics, notes, text, imports, parse, check };
}

describe("accumulators", () => {
  it("collects pushes transitively over the queries read, each instance once", () => {
    const { db, log, diagnostics, notes, text, imports, check } = checker();
    text.set("a", "one Two");
    text.set("b", "THREE four five six");
    text.set("c", "Seven");
    imports.set("a", ["b", "c"]);
    imports.set("b", ["c"]);
    imports.set("c", []);
    expect(db.accumulated(check, "a", diagnostics)).toEqual([
      { file: "a", message: "too long" },
      { file: "a", message: "shouting: Two" },
      { file: "b", message: "shouting: THREE" },
      { file: "c", message: "shouting: Seven" },
    ]);
    expect(db.accumulated(check, "a", notes)).toEqual(["parsed a", "parsed b", "parsed c"]);
    expect(db.accumulated(check, "c", diagnostics)).toEqual([{ file: "c", message: "shouting: Seven" }]);
    log.take();
    // Nothing changed: collecting again runs nothing.
    db.accumulated(check, "a", diagnostics);
    expect(log.take()).toEqual([]);
  });

  it("stays correct when memos are reused or backdated", () => {
    const { db, log, diagnostics, text, imports, check } = checker();
    text.set("a", "x");
    text.set("b", "Y");
    imports.set("a", ["b"]);
    imports.set("b", []);
    expect(db.accumulated(check, "a", diagnostics)).toEqual([{ file: "b", message: "shouting: Y" }]);
    log.take();
    // Same word count, different diagnostics: parse(b) re-runs and backdates, so check(b)
    // and check(a) are reused, yet the accumulated values follow the new parse.
    text.set("b", "y");
    expect(db.accumulated(check, "a", diagnostics)).toEqual([]);
    expect(log.take()).toEqual(["parse(b)"]);
    text.set("b", "Z");
    expect(db.accumulated(check, "a", diagnostics)).toEqual([{ file: "b", message: "shouting: Z" }]);
    expect(log.take()).toEqual(["parse(b)"]);
    // Dropping the import drops b's diagnostics.
    imports.set("a", []);
    expect(db.accumulated(check, "a", diagnostics)).toEqual([]);
    expect(log.take()).toEqual(["check(a)"]);
  });

  it("keeps the pushes of a query that threw", () => {
    const db = new Database();
    const warnings = db.accumulator<string>("warnings");
    const failing = db.query<null, number>("failing", (ctx) => {
      ctx.push(warnings, "before the throw");
      throw new Error("boom");
    });
    expect(db.accumulated(failing, null, warnings)).toEqual(["before the throw"]);
    expect(() => db.get(failing, null)).toThrow("boom");
  });

  it("rejects an accumulator of another database", () => {
    const db = new Database();
    const other = new Database().accumulator<string>("x");
    const q = db.query<null, number>("q", (ctx) => {
      ctx.push(other, "nope");
      return 1;
    });
    expect(() => db.get(q, null)).toThrow(/belongs to another database/);
    expect(() => db.accumulated(q, null, other)).toThrow(/belongs to another database/);
  });
  // Collection skips dependencies whose query cannot reach a query that ever pushed (a
  // query-level graph): these cases change which queries push and which read which.
  describe("pruning by the query-level graph", () => {
    it("finds pushes of a query that starts pushing after an edit, below queries that never push", () => {
      const db = new Database();
      const notes = db.accumulator<string>("notes");
      const text = db.input<string, string>("text");
      const lint = db.query<string, number>("lint", (ctx, file) => {
        const words = ctx.get(text, file).split(" ");
        for (const word of words) if (word === "TODO") ctx.push(notes, `${file}: todo`);
        return words.length;
      });
      const wrap = db.query<string, number>("wrap", (ctx, file) => ctx.get(lint, file) + 1);
      const root = db.query<string, number>("root", (ctx, file) => ctx.get(wrap, file) + ctx.get(wrap, `${file}.h`));
      text.set("a", "fine");
      text.set("a.h", "fine too");
      expect(db.accumulated(root, "a", notes)).toEqual([]);
      text.set("a.h", "a TODO here");
      expect(db.accumulated(root, "a", notes)).toEqual(["a.h: todo"]);
      // Other keys of the same queries are found too, and dropping the push drops it.
      text.set("a", "TODO");
      expect(db.accumulated(root, "a", notes)).toEqual(["a: todo", "a.h: todo"]);
      text.set("a.h", "done");
      expect(db.accumulated(root, "a", notes)).toEqual(["a: todo"]);
      expect(db.accumulated(wrap, "a.h", notes)).toEqual([]);
    });

    it("finds pushes behind a query-level edge that appears after an edit", () => {
      const db = new Database();
      const notes = db.accumulator<string>("notes");
      const useB = db.input<null, boolean>("useB");
      const a = db.query<null, number>("a", () => 1);
      const b = db.query<null, number>("b", (ctx) => {
        ctx.push(notes, "from b");
        return 2;
      });
      const mid = db.query<null, number>("mid", (ctx) => (ctx.get(useB, null) ? ctx.get(b, null) : ctx.get(a, null)));
      const root = db.query<null, number>("root", (ctx) => ctx.get(mid, null));
      useB.set(null, false);
      // b has pushed already (read on its own), but nothing reads it yet.
      expect(db.accumulated(b, null, notes)).toEqual(["from b"]);
      expect(db.accumulated(root, null, notes)).toEqual([]);
      useB.set(null, true);
      expect(db.accumulated(root, null, notes)).toEqual(["from b"]);
      useB.set(null, false);
      expect(db.accumulated(root, null, notes)).toEqual([]);
    });

    it("finds pushes through a recursive query that pushes only at some depth", () => {
      const db = new Database();
      const notes = db.accumulator<number>("notes");
      const limit = db.input<null, number>("limit");
      const depth: Query<number, number> = db.query<number, number>("depth", (ctx, n): number => {
        const max = ctx.get(limit, null);
        if (n === max) ctx.push(notes, n);
        return n >= max ? n : ctx.get(depth, n + 1);
      });
      const root = db.query<null, number>("root", (ctx) => ctx.get(depth, 0));
      limit.set(null, 3);
      expect(db.accumulated(root, null, notes)).toEqual([3]);
      limit.set(null, 0);
      expect(db.accumulated(root, null, notes)).toEqual([0]);
      limit.set(null, 5);
      expect(db.accumulated(root, null, notes)).toEqual([5]);
    });

    it("follows query-level edges across more than 32 query definitions, in both directions", () => {
      // The query graph keeps its edges as bit sets of 32 queries per word: a chain of 70
      // queries puts both ends in different words. The first query defined reads the
      // second, ..., the last pushes; then the same the other way round.
      const db = new Database();
      const notes = db.accumulator<number>("notes");
      const text = db.input<null, string>("text");
      const forward: Query<null, number>[] = [];
      for (let i = 0; i < 70; i++) {
        forward.push(
          db.query<null, number>(`forward${i}`, (ctx): number => {
            if (i === 69) {
              if (ctx.get(text, null) === "push") ctx.push(notes, i);
              return i;
            }
            return ctx.get(forward[i + 1]!, null);
          }),
        );
      }
      const backward: Query<null, number>[] = [];
      for (let i = 0; i < 70; i++) {
        backward.push(
          db.query<null, number>(`backward${i}`, (ctx): number => {
            if (i === 0) {
              if (ctx.get(text, null) === "push") ctx.push(notes, -1);
              return i;
            }
            return ctx.get(backward[i - 1]!, null);
          }),
        );
      }
      text.set(null, "quiet");
      expect(db.accumulated(forward[0]!, null, notes)).toEqual([]);
      expect(db.accumulated(backward[69]!, null, notes)).toEqual([]);
      text.set(null, "push");
      expect(db.accumulated(forward[0]!, null, notes)).toEqual([69]);
      expect(db.accumulated(backward[69]!, null, notes)).toEqual([-1]);
      expect(db.accumulated(forward[40]!, null, notes)).toEqual([69]);
    });

    it("finds pushes of memos revived after a sweep", () => {
      const db = new Database();
      const notes = db.accumulator<string>("notes");
      const text = db.input<string, string>("text");
      const leaf = db.query<string, string>("leaf", (ctx, k) => {
        const value = ctx.get(text, k);
        if (value.startsWith("!")) ctx.push(notes, k);
        return value;
      });
      const root = db.query<null, string>("root", (ctx) => ctx.get(leaf, "x") + ctx.get(leaf, "y"));
      text.set("x", "!x");
      text.set("y", "y");
      expect(db.accumulated(root, null, notes)).toEqual(["x"]);
      text.set("y", "!y");
      db.sweep({ unusedSince: db.revision + 1 });
      expect(db.accumulated(root, null, notes)).toEqual(["x", "y"]);
    });
  });
});
