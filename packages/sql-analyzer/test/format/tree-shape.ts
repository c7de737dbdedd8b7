import { SyntaxKind, syntaxKindName, type SyntaxNode } from "../../src/index.js";

/** Pre-order node kinds plus significant token kinds, trivia left out: the tree "modulo trivia". */
export function treeShape(root: SyntaxNode): string {
  const out: string[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(syntaxKindName(node.kind));
    const kids = node.children();
    for (const child of kids) if (child.isToken && !child.isTrivia) out.push(`${syntaxKindName(child.kind)}`);
    for (let i = kids.length - 1; i >= 0; i--) {
      const child = kids[i]!;
      if (!child.isToken) stack.push(child);
    }
  }
  return out.join(" ");
}

/** The text of every comment, in order. */
export function commentTexts(root: SyntaxNode): string[] {
  return root.tokens().filter((t) => t.kind === SyntaxKind.LineComment || t.kind === SyntaxKind.BlockComment).map((t) => t.text());
}
