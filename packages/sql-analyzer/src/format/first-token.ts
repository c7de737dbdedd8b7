import type { SyntaxNode, SyntaxToken } from "../syntax/red.js";

/**
 * The first significant token of a node, found by walking down first children only
 * (`SyntaxNode.firstToken()` collects every token of the subtree, which costs
 * quadratic time when asked at every level of a deep tree).
 */
export function firstSignificantToken(node: SyntaxNode): SyntaxToken | undefined {
  let current = node;
  for (;;) {
    let descended = false;
    for (const child of current.children()) {
      if (child.isToken) {
        if (!child.isTrivia) return child;
        continue;
      }
      if (child.green.width === 0) continue;
      current = child;
      descended = true;
      break;
    }
    if (!descended) return current === node ? undefined : node.firstToken();
  }
}
