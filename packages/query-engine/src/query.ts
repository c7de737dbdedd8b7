import type { QueryContext } from "./context.js";
import type { Database } from "./database.js";
import type { Key } from "./key.js";
import type { QueryGraphNode } from "./query-graph.js";
import { SlotTable, type Slot, type SlotOwner } from "./slot.js";

/** Fixpoint recovery for a query that may (transitively) read itself. */
export interface CycleRecovery<K, V> {
  /** The provisional value handed to the re-entrant read in the first iteration. */
  readonly initial: (key: K) => V;
  /** Maximum number of iterations before a `CycleError` is memoized. Defaults to `100`. */
  readonly maxIterations?: number;
}

/** Options of `Database.query`. */
export interface QueryOptions<K, V> {
  /**
   * Early-cutoff equality: when a re-run produces a value equal to the old one, the old
   * value is kept and dependents are not invalidated. Defaults to structural `deepEqual`.
   */
  readonly equals?: (previous: V, next: V) => boolean;
  /** Maximum number of memoized values kept; older values are dropped, their dependency edges kept. Defaults to unlimited. */
  readonly lru?: number;
  /** Opt-in fixpoint recovery when this query is re-entered through a cycle. Defaults to none (a `CycleError`). */
  readonly cycle?: CycleRecovery<K, V>;
}

/** The function of a derived query: reads through `ctx` are recorded as dependencies. */
export type QueryFunction<K, V> = (ctx: QueryContext, key: K) => V;

/**
 * A derived query: a pure function of its key and of what it reads through its context,
 * memoized per key and re-run only when something it read has changed.
 */
export class Query<K extends Key, V> implements SlotOwner, QueryGraphNode {
  /** Always false: distinguishes queries from inputs. */
  readonly isInput = false;
  /** @internal Slots per key. */
  readonly table: SlotTable;
  /** @internal The query function. */
  readonly fn: QueryFunction<unknown, unknown>;
  /** @internal Early-cutoff equality (undefined = deepEqual). */
  readonly equals: ((previous: unknown, next: unknown) => boolean) | undefined;
  /** @internal LRU capacity, 0 = unlimited. */
  readonly lru: number;
  /** @internal Fixpoint recovery, if any. */
  readonly cycle: CycleRecovery<unknown, unknown> | undefined;
  /** @internal LRU list: most recently used first. */
  lruHead: Slot | null = null;
  /** @internal LRU list tail (least recently used). */
  lruTail: Slot | null = null;
  /** @internal Number of slots in the LRU list. */
  lruSize = 0;
  /** @internal Position in the database's query graph. */
  readonly graphIndex: number;
  /** @internal Query-level reads (see `QueryGraph`). */
  readonly readWords: number[] = [];
  /** @internal Some execution pushed to an accumulator. */
  everPushed = false;
  /** @internal May contribute to `db.accumulated` (see `QueryGraph.refresh`). */
  reachesPush = false;
  /** Phantom fields that carry the key and value types. */
  declare readonly keyType?: K;
  declare readonly valueType?: V;

  /** @internal Created by `Database.query`. */
  constructor(
    /** The owning database. */
    readonly db: Database,
    /** Name used in events, stats and errors. */
    readonly name: string,
    fn: QueryFunction<K, V>,
    options: QueryOptions<K, V>,
  ) {
    this.table = new SlotTable(this, db.slotStore);
    this.graphIndex = db.queryGraph.size;
    this.fn = fn as QueryFunction<unknown, unknown>;
    this.equals = options.equals as ((previous: unknown, next: unknown) => boolean) | undefined;
    const lru = options.lru ?? 0;
    if (!Number.isInteger(lru) || lru < 0) throw new RangeError(`Query "${name}": lru must be a non-negative integer`);
    this.lru = lru;
    this.cycle = options.cycle as CycleRecovery<unknown, unknown> | undefined;
    const max = options.cycle?.maxIterations;
    if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
      throw new RangeError(`Query "${name}": cycle.maxIterations must be a positive integer`);
    }
  }

  /** The value for `key` at the current revision (outside queries). */
  get(key: K): V {
    return this.db.get(this, key);
  }
}
