import { GreenNode, type GreenElement } from "./green.js";
import type { SyntaxKind } from "./syntax-kind.js";

/*
 * Identical small subtrees share one green node, in the spirit of
 * rust-analyzer's `NodeCache`: green nodes are immutable and position-free, so
 * one object can stand for every occurrence. The sharing that pays here is the
 * chains of one-child nodes (an identifier in a qualified name in a column
 * reference in a select item, a number in a literal …): in a 10,000-line file
 * 67,000 of 164,000 nodes are such chains over shared tokens, and they reduce
 * to under a thousand distinct nodes. The last node made over a shared child is
 * remembered on that child, which the builder has just read, so a lookup costs
 * one field read: no hashing, no table.
 *
 * Measured and dropped: a hash table (kind + children identities) for nodes of
 * two and three children as well. It found 38,000 more repeats in that file but
 * each probe touches cold memory; parse + build tree got 12 % slower on short
 * statements and no faster on the big file than the one-child memo alone. A
 * memo on the first child for those nodes was slower too: it evicts the
 * one-child memo of the same child.
 */

/**
 * The green node of `kind` whose children are `children[from, to)` (a work
 * array, not kept): the shared node when it is a one-child node over a shared
 * element and was made before, else a new node with a copy of the children.
 */
export function internNode(kind: SyntaxKind, children: readonly GreenElement[], from: number, to: number): GreenNode {
  if (to - from === 1) {
    const only = children[from]!;
    const memo = only.wrapper;
    if (memo === null) return new GreenNode(kind, only.width, [only]);
    if (memo !== undefined && memo.kind === kind) return memo;
    const node = new GreenNode(kind, only.width, [only]);
    node.wrapper = undefined; // shared, so nodes over it may be shared too
    only.wrapper = node;
    return node;
  }
  const kids = new Array<GreenElement>(to - from);
  let width = 0;
  for (let i = from; i < to; i++) {
    const k = children[i]!;
    kids[i - from] = k;
    width += k.width;
  }
  return new GreenNode(kind, width, kids);
}
