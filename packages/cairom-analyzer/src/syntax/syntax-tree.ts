import type { TokenStream } from "./lexer.js";

/**
 * A node of the lossless syntax tree. Children are nodes or token indices into the
 * file's {@link TokenStream}; trivia (whitespace, comments) are tokens like any other, so
 * concatenating the leaves in order gives back the exact input.
 */
export interface SyntaxNode {
  /** A node kind from `SyntaxKind`. */
  readonly kind: number;
  /** Absolute start offset (of the first leaf; for an empty node, where it sits). */
  readonly start: number;
  /** Absolute end offset. */
  readonly end: number;
  /** Child nodes and token indices, in text order. */
  readonly children: readonly (SyntaxNode | number)[];
}

/** True when a child is a node (not a token index). */
export function isNode(child: SyntaxNode | number): child is SyntaxNode {
  return typeof child !== "number";
}

/** Concatenates the text of every leaf under `node` (equals the input for the root). */
export function nodeText(node: SyntaxNode, tokens: TokenStream, text: string): string {
  const parts: string[] = [];
  const stack: (SyntaxNode | number)[] = [node];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (typeof top === "number") parts.push(text.slice(tokens.starts[top], tokens.starts[top + 1]));
    else for (let i = top.children.length - 1; i >= 0; i--) stack.push(top.children[i]!);
  }
  return parts.join("");
}

/** Visits every node (pre-order), without recursion so deep trees are safe. */
export function forEachNode(root: SyntaxNode, visit: (node: SyntaxNode, depth: number) => void): void {
  const stack: [SyntaxNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    visit(node, depth);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i]!;
      if (typeof c !== "number") stack.push([c, depth + 1]);
    }
  }
}

/** The innermost node containing `offset` (start inclusive, end inclusive) and its ancestors, outermost first. */
export function nodesAt(root: SyntaxNode, offset: number): SyntaxNode[] {
  const path: SyntaxNode[] = [root];
  let node = root;
  for (;;) {
    let next: SyntaxNode | undefined;
    for (const c of node.children) {
      if (typeof c !== "number" && c.start <= offset && offset <= c.end && c.end > c.start) {
        next = c;
        if (offset < c.end) break;
      }
    }
    if (!next) return path;
    path.push(next);
    node = next;
  }
}

/** First token index under a node (-1 for an empty node). */
export function firstToken(n: SyntaxNode): number {
  let cur: SyntaxNode | number | undefined = n;
  while (typeof cur === "object") cur = cur.children[0];
  return cur ?? -1;
}

/** Last token index under a node (-1 for an empty node). */
export function lastToken(n: SyntaxNode): number {
  let cur: SyntaxNode | number | undefined = n;
  while (typeof cur === "object") cur = cur.children[cur.children.length - 1];
  return cur ?? -1;
}
