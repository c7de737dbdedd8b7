import { describe, expect, it } from "vitest";
import { Database } from "@sextant/query-engine";
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
});
