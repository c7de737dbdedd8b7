import type { Database } from "./database.js";
import type { Durability } from "./durability.js";
import type { Key } from "./key.js";
import { SlotTable, type SlotOwner } from "./slot.js";

/** Options of `Database.input`. */
export interface InputOptions<V> {
  /**
   * Equality used when setting: setting a value equal to the current one (with the same
   * durability) is a no-op and starts no revision. Defaults to structural `deepEqual`.
   */
  readonly equals?: (previous: V, next: V) => boolean;
  /** Durability used by `set` when none is given and the key was never set. Defaults to `Durability.Low`. */
  readonly durability?: Durability;
}

/** Options of `Input.set`. */
export interface SetOptions {
  /** Durability of this value. Defaults to the key's previous durability, else the input's default. */
  readonly durability?: Durability;
}

/**
 * A family of input values keyed by structural keys: the ground truth the derived queries
 * compute from. Each effective `set` or `remove` starts a new revision.
 */
export class Input<K extends Key, V> implements SlotOwner {
  /** Always true: distinguishes inputs from queries. */
  readonly isInput = true;
  /** @internal Slots per key. */
  readonly table: SlotTable;
  /** @internal Equality used to skip no-op sets. */
  readonly equals: ((previous: unknown, next: unknown) => boolean) | undefined;
  /** @internal Default durability for new keys. */
  readonly defaultDurability: Durability;
  /** Phantom fields that carry the key and value types. */
  declare readonly keyType?: K;
  declare readonly valueType?: V;

  /** @internal Created by `Database.input`. */
  constructor(
    /** The owning database. */
    readonly db: Database,
    /** Name used in events, stats and errors. */
    readonly name: string,
    options: InputOptions<V>,
  ) {
    this.table = new SlotTable(this, db.slotStore);
    this.equals = options.equals as ((previous: unknown, next: unknown) => boolean) | undefined;
    this.defaultDurability = options.durability ?? 0;
  }

  /** Sets the value for `key`, starting a new revision unless the value is unchanged. */
  set(key: K, value: V, options?: SetOptions): void {
    this.db.setInput(this, key, value, options?.durability);
  }

  /** The current value for `key` (outside queries); throws a clear error if it was never set. */
  get(key: K): V {
    return this.db.get(this, key);
  }

  /** True when `key` currently has a value. Not tracked as a dependency. */
  has(key: K): boolean {
    return this.db.hasInput(this, key);
  }

  /** Removes the value for `key` (a new revision); queries that read it will throw until it is set again. */
  remove(key: K): void {
    this.db.removeInput(this, key);
  }

  /** The keys that currently have a value. Not tracked as a dependency. */
  keys(): K[] {
    const keys: K[] = [];
    for (const slot of this.table.slots()) if (slot.flags & 1) keys.push(slot.key as K);
    return keys;
  }
}
