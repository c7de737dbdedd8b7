import { SyntaxKind, type SyntaxNode } from "../../src/index.js";

/** The texts of the nodes of `kind` in a tree, in document order (for assertions on tree shape). */
export function nodesOf(root: SyntaxNode, kind: SyntaxKind): string[] {
  const out: string[] = [];
  const walk = (node: SyntaxNode): void => {
    if (node.kind === kind) out.push(node.text());
    for (const child of node.children()) if (!child.isToken) walk(child as SyntaxNode);
  };
  walk(root);
  return out;
}
