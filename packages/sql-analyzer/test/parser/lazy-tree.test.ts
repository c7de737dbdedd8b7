import { describe, expect, it } from "vitest";
import { greenText, parse, printTree, SyntaxKind } from "../../src/index.js";

// parse() records events and builds the green tree the first time `root` is read.
describe("lazy tree", () => {
  const texts = [
    "SELECT a + b * c - d FROM t WHERE x BETWEEN 1 AND 2 AND y IS NOT NULL;",
    "select (1;\nselect 'unterminated",
    "SELECT a.b.c, (x).y, f(x)::int[] , t.* FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id) UNION SELECT 1 EXCEPT SELECT 2;",
    "INSERT INTO t VALUES (1, 2), (3, 4) ON CONFLICT (id) DO UPDATE SET x = excluded.x RETURNING *; /* c */ -- d\n",
  ];

  it("gives the same diagnostics whether or not the tree was built first", () => {
    for (const text of texts) {
      const lazy = parse(text);
      const diagnosticsFirst = JSON.stringify(lazy.diagnostics);
      const eager = parse(text);
      const tree = printTree(eager.root);
      expect(JSON.stringify(eager.diagnostics)).toBe(diagnosticsFirst);
      expect(printTree(lazy.root)).toBe(tree);
      expect(lazy.root.text()).toBe(text);
      expect(greenText(lazy.root.green)).toBe(text);
    }
  });

  it("keeps comments inside and around one-call names (a, a.b, table names, aliases)", () => {
    const text = 'SELECT /* lead */ a /* x */ . /* y */ "b", t.c /* z */ c2, 1 FROM s /* w */ t;';
    const root = parse(text).root;
    expect(root.text()).toBe(text);
    const names = root.descendants().filter((n) => n.kind === SyntaxKind.QualifiedName);
    expect(names.map((n) => n.text())).toEqual(['a /* x */ . /* y */ "b"', "t.c", "s"]);
    const refs = root.descendants().filter((n) => n.kind === SyntaxKind.NameRef);
    expect(refs.map((n) => n.childNodes().map((c) => c.kind))).toEqual([[SyntaxKind.QualifiedName], [SyntaxKind.QualifiedName]]);
    expect(root.descendants().filter((n) => n.kind === SyntaxKind.Alias).map((n) => n.text())).toEqual(["c2", "t"]);
  });

  it("builds the tree once and caches it", () => {
    const result = parse(texts[0]!);
    expect(result.root).toBe(result.root);
    expect(result.segments[0]!.parse.elements).toBe(result.segments[0]!.parse.elements);
  });

  it("nests a long left-associative chain to the left (forward-parent chains)", () => {
    const terms = 2000;
    const text = "SELECT " + Array.from({ length: terms }, (_, i) => `x${i}`).join(" + ");
    const root = parse(text).root;
    expect(root.text()).toBe(text);
    let depth = 0;
    let node = root.descendants().find((n) => n.kind === SyntaxKind.BinaryExpr);
    while (node !== undefined && node.kind === SyntaxKind.BinaryExpr) {
      depth++;
      node = node.childNodes()[0];
    }
    expect(depth).toBe(terms - 1);
  });
});
