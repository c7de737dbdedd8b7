import type { Accumulator } from "./accumulator.js";
import type { Database } from "./database.js";
import type { Input } from "./input.js";
import type { Key } from "./key.js";
import type { Query } from "./query.js";
import type { Slot } from "./slot.js";

/** Anything a query can read: an input or another query. */
export type Readable<K extends Key, V> = Input<K, V> | Query<K, V>;

/**
 * What a running query sees: reads through it are recorded as dependencies, pushes go to
 * accumulators. Valid only while its query runs.
 */
export interface QueryContext {
  /** Reads an input or query at the current revision and records the dependency. */
  get<K extends Key, V>(source: Readable<K, V>, key: K): V;
  /** Pushes a side output (e.g. a diagnostic) to an accumulator. */
  push<T>(accumulator: Accumulator<T>, value: T): void;
  /** Throws `Cancelled` if a write is pending; call it in long loops inside one query. */
  checkCancelled(): void;
  /** The revision being computed. */
  readonly revision: number;
}

/**
 * @internal The record of one execution: the dependencies and pushes collected so far.
 * It doubles as the `QueryContext` handed to the query function.
 */
export class Frame implements QueryContext {
  // Fields are `declare`d and assigned in the constructor (one frame per execution): see
  // the note in `Slot` on class field initializers.
  /** The database that runs this execution. */
  declare readonly db: Database;
  /** The memo being computed. */
  declare readonly slot: Slot;
  /** Unique id of this execution (marks the dependencies it recorded). */
  declare readonly id: number;
  /** The execution that read this one, or null at top level. */
  declare readonly parent: Frame | null;
  /**
   * Where this execution's dependencies start on the database's shared dependency stack
   * (reads push there, in read order, without duplicates).
   */
  declare readonly depsStart: number;
  /** [accumulator, value] pairs pushed so far. */
  declare pushes: unknown[] | null;
  /** Lowest durability read so far. */
  declare durability: number;
  /** Set once the query function returned or threw. */
  declare done: boolean;
  /** Fixpoint heads whose provisional values this execution read (directly or not). */
  declare taintHeads: Slot[] | null;

  constructor(db: Database, slot: Slot, id: number, parent: Frame | null, depsStart: number) {
    this.db = db;
    this.slot = slot;
    this.id = id;
    this.parent = parent;
    this.depsStart = depsStart;
    this.pushes = null;
    this.durability = 2;
    this.done = false;
    this.taintHeads = null;
  }

  /** Records that this execution depends on the provisional value of `head`. */
  taint(head: Slot): void {
    if (head === this.slot) return;
    const heads = (this.taintHeads ??= []);
    if (!heads.includes(head)) heads.push(head);
  }

  get<K extends Key, V>(source: Readable<K, V>, key: K): V {
    return this.db.read(this, source, key);
  }

  push<T>(accumulator: Accumulator<T>, value: T): void {
    this.db.pushAccumulated(this, accumulator, value);
  }

  checkCancelled(): void {
    this.db.checkCancelled();
  }

  get revision(): number {
    return this.db.revision;
  }
}
