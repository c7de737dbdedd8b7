/**
 * Statement-level reuse: `parse(text, { previous })` reparses only the segments
 * (statement + its `;`) whose text changed, and always equals a fresh parse.
 */
import { describe, expect, it } from "vitest";
import { Lexer, parse, printTree, tokenize, type ParseResult } from "../../src/index.js";
import { createRandom } from "../../fuzz/generators.mjs";

const statements = Array.from({ length: 200 }, (_, i) => `SELECT a${i}, b FROM t${i} WHERE id = ${i};`);
const file = statements.join("\n") + "\n";

function same(a: ParseResult, b: ParseResult): void {
  expect(printTree(a.root)).toBe(printTree(b.root));
  expect(a.diagnostics).toEqual(b.diagnostics);
  expect(a.embedded.map((e) => printTree(e.root))).toEqual(b.embedded.map((e) => printTree(e.root)));
}

describe("incremental reparse", () => {
  const first = parse(file);

  it("a fresh parse parses every segment", () => {
    expect(first.reparsedSegments).toBe(first.segments.length);
    expect(first.segments.length).toBe(201); // 200 statements + the trailing newline
  });

  it("an edit inside one statement reparses that statement only", () => {
    const at = file.indexOf("a100");
    const edited = file.slice(0, at) + "x" + file.slice(at);
    const next = parse(edited, { previous: first });
    expect(next.reparsedSegments).toBe(1);
    same(next, parse(edited));
    // Unchanged statements share their green nodes with the previous tree.
    expect(next.root.green.children[0]).toBe(first.root.green.children[0]);
    expect(next.root.green.children.at(-2)).toBe(first.root.green.children.at(-2));
  });

  it("an unchanged text reuses everything", () => {
    const again = parse(file, { previous: first });
    expect(again.reparsedSegments).toBe(0);
    expect(again.root.green.children).toEqual(first.root.green.children);
  });

  it("deleting a ; merges two statements and reparses just them", () => {
    const at = file.indexOf(";", file.indexOf("a50"));
    const edited = file.slice(0, at) + file.slice(at + 1);
    const next = parse(edited, { previous: first });
    expect(next.reparsedSegments).toBeLessThanOrEqual(2);
    expect(next.diagnostics.map((d) => d.code)).toEqual(["missing-semicolon"]);
    same(next, parse(edited));
  });

  it("opening a block comment swallows the rest, closing it restores reuse", () => {
    const at = file.indexOf("SELECT a150");
    const opened = file.slice(0, at) + "/* " + file.slice(at);
    const a = parse(opened, { previous: first });
    same(a, parse(opened));
    expect(a.diagnostics.map((d) => d.code)).toEqual(["unterminated-block-comment"]);
    const closed = opened.slice(0, at + 3) + "*/ " + opened.slice(at + 3);
    const b = parse(closed, { previous: a });
    same(b, parse(closed));
    expect(b.reparsedSegments).toBeLessThan(60);
  });

  it("a dialect change reparses everything", () => {
    const mysql = parse(file, { dialect: "mysql", previous: first });
    expect(mysql.reparsedSegments).toBe(mysql.segments.length);
  });

  it("random edits (seeded): incremental always equals fresh", () => {
    const rng = createRandom(42);
    const pieces = [";", "'", "$$", "/*", "*/", "--", "\n", "(", ")", "SELECT ", "BEGIN ", "END;", "CREATE TRIGGER t BEFORE INSERT ON x BEGIN ", "CASE ", "x", " "];
    let text = file;
    let previous = first;
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(rng() * (text.length + 1));
      const removed = rng() < 0.5 ? Math.floor(rng() * 5) : 0;
      const inserted = rng() < 0.7 ? pieces[Math.floor(rng() * pieces.length)]! : "";
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      const next = parse(text, { previous, dialect: i % 3 === 0 ? "sqlite" : "postgres" });
      same(next, parse(text, { dialect: i % 3 === 0 ? "sqlite" : "postgres" }));
      previous = next;
    }
  });
});

describe("bad arguments", () => {
  it("a non-string text or an unknown dialect is a clear error (a programming error, not a diagnostic)", () => {
    expect(() => parse(undefined as unknown as string)).toThrow(/text must be a string, got undefined/);
    expect(() => parse("select 1", { dialect: "oracle" as never })).toThrow(/unknown dialect "oracle"/);
    // A JavaScript caller's null options mean none, as for format.
    expect(parse("select 1", null as never).diagnostics).toEqual([]);
  });

  it("tokenize and the Lexer check their text, dialect and range", () => {
    for (const text of [undefined, null, 42, ["select"]]) {
      expect(() => tokenize(text as never, "postgres")).toThrow(/tokenize: text must be a string/);
      expect(() => new Lexer(text as never, "postgres")).toThrow(/Lexer: text must be a string/);
    }
    expect(() => tokenize("select 1", "oracle" as never)).toThrow(/unknown dialect "oracle"/);
    // Out of the text, reversed, fractional or NaN (a NaN end made the lexer grow its arrays until the process died).
    for (const [from, to] of [[-1, 4], [0, 9], [5, 2], [1.5, 3], [Number.NaN, Number.NaN], [0, Number.POSITIVE_INFINITY]]) {
      expect(() => tokenize("select 1", "postgres", from, to)).toThrow(/is not a range of the text/);
    }
    // The defaults: PostgreSQL, the whole text; an empty range is fine.
    expect(tokenize("select 1").count).toBe(tokenize("select 1", "postgres", 0, 8).count);
    expect(tokenize("select 1", "mysql", 3, 3).count).toBe(0);
  });
});

