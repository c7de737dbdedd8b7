import { describe, expect, it } from "vitest";
import { greenText, parse, printTree, SyntaxKind, type SyntaxNode } from "../../src/index.js";

// Identical small subtrees share one green node (src/syntax/node-cache.ts).
describe("node cache", () => {
  const nodesOf = (root: SyntaxNode, kind: SyntaxKind): SyntaxNode[] => root.descendants().filter((n) => n.kind === kind);

  it("shares the green node of repeated small subtrees, with correct positions", () => {
    const text = "SELECT a, b, a FROM t WHERE a = 1 AND b = 1;\nselect a from t;";
    const root = parse(text).root;
    const as = nodesOf(root, SyntaxKind.QualifiedName).filter((n) => n.text() === "a");
    expect(as.length).toBe(4);
    // One green object for every `a`, each red node at its own offset.
    for (const n of as) expect(n.green).toBe(as[0]!.green);
    expect(as.map((n) => n.range.start)).toEqual(as.map((n) => n.range.start).sort((x, y) => x - y));
    for (const n of as) expect(text.slice(n.range.start, n.range.end)).toBe("a");
    expect(new Set(as.map((n) => n.range.start)).size).toBe(as.length);
  });

  it("never shares nodes whose text differs, even when only case or a long token differs", () => {
    const long = "x".repeat(40);
    const text = `SELECT a, A, ${long}, ${long} FROM t;`;
    const root = parse(text).root;
    expect(root.text()).toBe(text);
    expect(greenText(root.green)).toBe(text);
    const names = nodesOf(root, SyntaxKind.QualifiedName);
    const lower = names.find((n) => n.text() === "a")!;
    const upper = names.find((n) => n.text() === "A")!;
    expect(lower.green).not.toBe(upper.green);
    // Tokens longer than the shared-token limit are not shared, so neither are their parents.
    const longs = names.filter((n) => n.text() === long);
    expect(longs.length).toBe(2);
    expect(longs[0]!.green).not.toBe(longs[1]!.green);
  });

  it("gives the same tree whether built in a fresh or a warm cache", () => {
    const text = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, name text NOT NULL DEFAULT 'x');";
    const first = printTree(parse(text).root);
    for (let i = 0; i < 3; i++) expect(printTree(parse(text).root)).toBe(first);
  });
});
