import type { TextRange } from "../diagnostic.js";
import type { GreenElement, GreenNode, GreenToken } from "./green.js";
import { SyntaxKind, isTrivia } from "./syntax-kind.js";

/**
 * A token of the syntax tree with its absolute position. Created on demand
 * from the green tree; cheap, not cached.
 */
export class SyntaxToken {
  /** Discriminates tokens from nodes without `instanceof` (on the prototype). */
  declare readonly isToken: true;
  /** The position-independent token. */
  declare readonly green: GreenToken;
  /** The node that contains this token. */
  declare readonly parent: SyntaxNode;
  /** Absolute offset of the token's first character. */
  declare readonly offset: number;
  constructor(green: GreenToken, parent: SyntaxNode, offset: number) {
    this.green = green;
    this.parent = parent;
    this.offset = offset;
  }
  /** The token kind. */
  get kind(): SyntaxKind {
    return this.green.kind;
  }
  /** The exact source text of the token. */
  text(): string {
    return this.green.text;
  }
  /** The token's range in the source. */
  get range(): TextRange {
    return { start: this.offset, end: this.offset + this.green.text.length };
  }
  /** Whether this token is whitespace or a comment. */
  get isTrivia(): boolean {
    return isTrivia(this.green.kind);
  }
}

/** A node or token of the syntax tree. */
export type SyntaxElement = SyntaxNode | SyntaxToken;

/**
 * A node of the syntax tree with its absolute position and parent: a "red"
 * view over an immutable green node (as in Roslyn and rust-analyzer).
 */
export class SyntaxNode {
  /** Discriminates nodes from tokens without `instanceof` (on the prototype). */
  declare readonly isToken: false;
  /** The position-independent node. */
  declare readonly green: GreenNode;
  /** The containing node, or `undefined` for a root. */
  declare readonly parent: SyntaxNode | undefined;
  /** Absolute offset of the node's first character. */
  declare readonly offset: number;
  /** The full text the tree was parsed from (shared by every node of the tree). */
  declare readonly source: string;
  constructor(green: GreenNode, parent: SyntaxNode | undefined, offset: number, source: string) {
    this.green = green;
    this.parent = parent;
    this.offset = offset;
    this.source = source;
  }

  /** Creates the root of a tree over `green`, whose text starts at `offset` of `source`. */
  static root(green: GreenNode, source: string, offset = 0): SyntaxNode {
    return new SyntaxNode(green, undefined, offset, source);
  }

  /** The node kind. */
  get kind(): SyntaxKind {
    return this.green.kind;
  }
  /** The node's range in the source. */
  get range(): TextRange {
    return { start: this.offset, end: this.offset + this.green.width };
  }
  /** The exact source text covered by the node, trivia included. */
  text(): string {
    return this.source.slice(this.offset, this.offset + this.green.width);
  }

  /** Children (nodes and tokens, trivia included) in source order. */
  children(): SyntaxElement[] {
    const out: SyntaxElement[] = [];
    let offset = this.offset;
    for (const child of this.green.children) {
      out.push(wrap(child, this, offset));
      offset += child.width;
    }
    return out;
  }

  /** Child nodes only, in source order. */
  childNodes(): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    let offset = this.offset;
    for (const child of this.green.children) {
      if (!child.isToken) out.push(new SyntaxNode(child, this, offset, this.source));
      offset += child.width;
    }
    return out;
  }

  /** The first child node of a kind. */
  child(kind: SyntaxKind): SyntaxNode | undefined {
    let offset = this.offset;
    for (const child of this.green.children) {
      if (!child.isToken && child.kind === kind) return new SyntaxNode(child, this, offset, this.source);
      offset += child.width;
    }
    return undefined;
  }

  /** Significant (non-trivia) child tokens in source order. */
  childTokens(): SyntaxToken[] {
    const out: SyntaxToken[] = [];
    let offset = this.offset;
    for (const child of this.green.children) {
      if (child.isToken && !isTrivia(child.kind)) out.push(new SyntaxToken(child, this, offset));
      offset += child.width;
    }
    return out;
  }

  /** All nodes below this one (not itself), in pre-order. Iterative, so deep trees are safe. */
  descendants(): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [this];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node !== this) out.push(node);
      const kids = node.childNodes();
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out;
  }

  /** All tokens below this node (trivia included) in source order. */
  tokens(): SyntaxToken[] {
    const out: SyntaxToken[] = [];
    const stack: SyntaxElement[] = [this];
    while (stack.length > 0) {
      const element = stack.pop()!;
      if (element.isToken) {
        out.push(element);
        continue;
      }
      const kids = element.children();
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out;
  }

  /** The first significant token of this node, if any. */
  firstToken(): SyntaxToken | undefined {
    for (const token of this.tokens()) if (!token.isTrivia) return token;
    return undefined;
  }

  /** The innermost node that contains `offset` (for hover, completion, selection). */
  nodeAt(offset: number): SyntaxNode {
    let node: SyntaxNode = this;
    for (;;) {
      let next: SyntaxNode | undefined;
      let at = node.offset;
      for (const child of node.green.children) {
        if (!child.isToken && offset >= at && offset < at + child.width) {
          next = new SyntaxNode(child, node, at, node.source);
          break;
        }
        at += child.width;
      }
      if (!next) return node;
      node = next;
    }
  }

  /** Ancestors from the parent up to the root. */
  ancestors(): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let node = this.parent; node; node = node.parent) out.push(node);
    return out;
  }
}

Object.defineProperty(SyntaxToken.prototype, "isToken", { value: true });
Object.defineProperty(SyntaxNode.prototype, "isToken", { value: false });

function wrap(green: GreenElement, parent: SyntaxNode, offset: number): SyntaxElement {
  return green.isToken ? new SyntaxToken(green, parent, offset) : new SyntaxNode(green, parent, offset, parent.source);
}
