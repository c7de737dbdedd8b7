import { canonicalKey, isPrimitiveKey } from "./key.js";

/**
 * A small integer standing for an interned value. Ids are plain numbers at run time (so
 * they are cheap keys), branded by value type at compile time.
 */
export type Id<T> = number & { readonly __internedValue?: T };

/**
 * Gives structurally equal values the same small, stable id (ids never change and are
 * never reused), so queries can be keyed by ids instead of large structures.
 */
export class Interner<T> {
  private readonly ids = new Map<unknown, number>();
  private readonly values: T[] = [];

  /** @internal Created by `Database.interner`. */
  constructor(
    /** Name, for debugging and stats. */
    readonly name: string,
  ) {}

  /** The id of `value`, assigning the next free id the first time a structure is seen. */
  intern(value: T): Id<T> {
    const mapKey = isPrimitiveKey(value) ? value : `\u0000${canonicalKey(value)}`;
    const existing = this.ids.get(mapKey);
    if (existing !== undefined) return existing as Id<T>;
    const id = this.values.length;
    this.values.push(value);
    this.ids.set(mapKey, id);
    return id as Id<T>;
  }

  /** The value behind `id`; throws a clear error for ids this interner did not hand out. */
  lookup(id: Id<T>): T {
    if (!Number.isInteger(id) || id < 0 || id >= this.values.length) {
      throw new RangeError(`Interner "${this.name}" has no id ${String(id)}`);
    }
    return this.values[id]!;
  }

  /** Number of interned values. */
  get size(): number {
    return this.values.length;
  }
}
