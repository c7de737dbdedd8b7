/**
 * What the query graph knows about one query definition (not one key): which queries any
 * of its memos ever read, and whether any of its executions ever pushed to an accumulator.
 */
export interface QueryGraphNode {
  /** Position of the query in its database's `QueryGraph`. */
  readonly graphIndex: number;
  /** Bit set over `graphIndex` of the queries its memos ever read (32 per word; grows only). */
  readonly readWords: number[];
  /** Some execution of this query pushed to an accumulator (sticky: never cleared). */
  everPushed: boolean;
  /**
   * This query pushed, or reads (transitively, at query level) a query that pushed: its
   * memos may contribute to `db.accumulated`. Valid after `QueryGraph.refresh`.
   */
  reachesPush: boolean;
}

/**
 * The query-level dependency graph: an edge from query A to query B once any memo of A
 * recorded a read of a memo of B. Accumulator collection walks the per-key dependencies
 * below a memo, which in an analyzer typically spans every file (a project-wide query read
 * by each file's checks) while only a few queries push; the query graph tells it which
 * dependencies cannot lead to any push, so it skips them.
 *
 * Both the edges and the "pushed" marks only grow (a query that stopped reading or pushing
 * keeps them), so `reachesPush` is conservative: every memo edge is covered by a query
 * edge recorded when the memo's dependencies were stored, and every stored push by a mark
 * set when it was pushed. `reachesPush` is recomputed only when an edge or a mark was
 * added since the last collection.
 */
export class QueryGraph {
  private readonly nodes: QueryGraphNode[] = [];
  /** Bumped by every new edge or mark. */
  private version = 0;
  /** `version` when `reachesPush` was last computed. */
  private settledVersion = 0;

  /** Registers a query definition; its `graphIndex` must be `size` before the call. */
  add(node: QueryGraphNode): void {
    this.nodes.push(node);
  }

  /** Number of query definitions registered (the next `graphIndex`). */
  get size(): number {
    return this.nodes.length;
  }

  /** Records that a memo of `reader` read a memo of the query at `depIndex` (a new edge). */
  addRead(reader: QueryGraphNode, depIndex: number): void {
    const words = reader.readWords;
    const word = depIndex >> 5;
    while (words.length <= word) words.push(0);
    const bit = 1 << (depIndex & 31);
    if ((words[word]! & bit) !== 0) return;
    words[word] = words[word]! | bit;
    this.version++;
  }

  /** Marks `node` as a query that pushed. */
  markPushed(node: QueryGraphNode): void {
    if (node.everPushed) return;
    node.everPushed = true;
    this.version++;
  }

  /** Brings every node's `reachesPush` up to date with the edges and marks recorded so far. */
  refresh(): void {
    if (this.settledVersion === this.version) return;
    this.settledVersion = this.version;
    const nodes = this.nodes;
    for (const node of nodes) node.reachesPush = node.everPushed;
    // Backward propagation to a fixpoint; the graph has one node per query definition
    // (tens), so the quadratic worst case does not matter.
    for (let changed = true; changed; ) {
      changed = false;
      for (const node of nodes) {
        if (node.reachesPush) continue;
        const words = node.readWords;
        search: for (let word = 0; word < words.length; word++) {
          let bits = words[word]!;
          while (bits !== 0) {
            const low = bits & -bits;
            bits ^= low;
            if (nodes[(word << 5) + 31 - Math.clz32(low)]!.reachesPush) {
              node.reachesPush = true;
              changed = true;
              break search;
            }
          }
        }
      }
    }
  }
}
