import { SyntaxKind } from "./syntax-kind.js";

/**
 * An immutable token of the green (position-independent) tree. Green elements
 * know their width but not their offset, so a statement's subtree can be reused
 * unchanged when text before it moves.
 */
export class GreenToken {
  // Fields are `declare`d and assigned in the constructor (no class-field
  // definitions): millions of these are made, and plain assignments are cheapest.
  /** Discriminates tokens from nodes without `instanceof` (on the prototype). */
  declare readonly isToken: true;
  /** The token kind. */
  declare readonly kind: SyntaxKind;
  /** The exact source text of the token. */
  declare readonly text: string;
  /**
   * @internal For a shared (interned) token, the last shared node made with it as
   * its only child, or `undefined`; `null` for a token that is not shared, over
   * which no node is shared (see `node-cache.ts`). One field for both: it is on
   * every token and node.
   */
  declare wrapper: GreenNode | null | undefined;
  constructor(kind: SyntaxKind, text: string) {
    this.kind = kind;
    this.text = text;
    this.wrapper = null;
  }
  /** Length of the token text in UTF-16 code units. */
  get width(): number {
    return this.text.length;
  }
}
Object.defineProperty(GreenToken.prototype, "isToken", { value: true });

/** An immutable node of the green tree: a kind and its children, in order. */
export class GreenNode {
  /** Discriminates nodes from tokens without `instanceof` (on the prototype). */
  declare readonly isToken: false;
  /** The node kind. */
  declare readonly kind: SyntaxKind;
  /** Sum of the widths of all children. */
  declare readonly width: number;
  /** Children in source order. */
  declare readonly children: readonly GreenElement[];
  /**
   * @internal For a node shared through the node cache, the last shared node
   * made with it as its only child, or `undefined`; `null` for a node that is
   * not shared (see `node-cache.ts`).
   */
  declare wrapper: GreenNode | null | undefined;
  constructor(kind: SyntaxKind, width: number, children: readonly GreenElement[]) {
    this.kind = kind;
    this.width = width;
    this.children = children;
    this.wrapper = null;
  }
}
Object.defineProperty(GreenNode.prototype, "isToken", { value: false });

/** A green token or node. */
export type GreenElement = GreenToken | GreenNode;

/** Builds a green node, computing its width from its children. */
export function greenNode(kind: SyntaxKind, children: readonly GreenElement[]): GreenNode {
  let width = 0;
  for (const child of children) width += child.width;
  return new GreenNode(kind, width, children);
}

/**
 * The text of a green element, concatenated from its tokens (not sliced from a
 * source), so tests can check losslessness independently. Iterative: error
 * nodes may be wide and trees may be deep.
 */
export function greenText(element: GreenElement): string {
  if (element.isToken) return element.text;
  const parts: string[] = [];
  const stack: GreenElement[] = [element];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.isToken) parts.push(top.text);
    else for (let i = top.children.length - 1; i >= 0; i--) stack.push(top.children[i]!);
  }
  return parts.join("");
}
