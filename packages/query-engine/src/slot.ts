import { canonicalKey, isPrimitiveKey } from "./key.js";
import { CHANGED_AT, CHUNK_MASK, DEP_COUNT, DURABILITY, FLAGS, RECORD, VERIFIED_AT, type SlotStore } from "./slot-store.js";

/** The slot holds a value (for a memo: the last result; for an input: the set value). */
export const HAS_VALUE = 1;
/** The slot holds an error thrown by its query (memoized and rethrown). */
export const HAS_ERROR = 2;
/** Either a value or an error. */
export const HAS_RESULT = HAS_VALUE | HAS_ERROR;
/** The query is running right now (re-entering it is a cycle). */
export const COMPUTING = 4;
/** The slot is on the deep-verification stack right now. */
export const VERIFYING = 8;
/** The slot was removed by a sweep; edges that still point at it count as changed. */
export const DROPPED = 16;
/** The value was computed from a provisional fixpoint value that is not final yet. */
export const PROVISIONAL = 32;
/** A cycle re-entered this (fixpoint) query during its current execution. */
export const CYCLE_HIT = 64;
/** The slot took part in a fixpoint cycle at its last execution. */
export const IN_CYCLE = 128;
/** The slot's query has an LRU capacity, so reads must refresh its recency. */
export const IN_LRU = 256;
/** A fixpoint head holds a provisional value for the execution in progress. */
export const HAS_PROVISIONAL = 512;
/** Input: some query has read it (so changing it can invalidate memos). */
export const HAS_READERS = 1024;
/** The slot is an input (`Slot.isInput` reads this bit). */
export const IS_INPUT = 2048;

/** What a slot belongs to: an input or a query definition. */
export interface SlotOwner {
  /** Name used in events, stats and errors. */
  readonly name: string;
  /** True for inputs, false for derived queries. */
  readonly isInput: boolean;
}

/**
 * Fields only LRU queries, fixpoint cycles and accumulator pushes use, kept out of `Slot`
 * so that the common slot stays small (verification speed is bound by the memory it
 * touches).
 */
export class SlotExtra {
  /** LRU neighbours (only for queries with a capacity). */
  lruPrev: Slot | null = null;
  lruNext: Slot | null = null;
  /** Fixpoint head: the provisional value handed to re-entrant reads. */
  provisional: unknown = undefined;
  /** Fixpoint head: slots computed from its provisional value (re-run on each iteration). */
  cycleMembers: Slot[] | null = null;
  /** Fixpoint member: the heads still iterating whose provisional values it depends on. */
  cycleHeads: Slot[] | null = null;
  /** Fixpoint member: the head that finalized it (only that head can recompute it). */
  cycleHead: Slot | null = null;
  /** Values pushed to accumulators by the last execution, as [accumulator, value] pairs. */
  pushes: unknown[] | null = null;
}

/**
 * One input value or one memo: the engine's unit of storage. Inputs and memos share this
 * class so the hot read path sees a single object shape.
 */
export class Slot {
  // The fields are `declare`d and assigned in the constructor, not initialized in their
  // declarations: class field initializers compile to a separate initializer function
  // that defines every field (as undefined first, for those the constructor sets), which
  // costs a call and twice the stores per slot while the code still runs unoptimized, as
  // in a cold analysis that creates thousands of slots.
  /** Index of this slot's record in its database's `SlotStore`. */
  declare readonly id: number;
  /** The chunk of the store that holds this slot's record (chunks never move). */
  declare readonly meta: Int32Array;
  /** Where this slot's record starts in `meta`. */
  declare readonly at: number;
  /**
   * The dependencies as objects, in read order (the store holds them as ids for the
   * verification walk): the first two inline (most memos read one or two things), the
   * rest in `depsRest`. Read them with `depAt`.
   */
  declare dep0: Slot | null;
  declare dep1: Slot | null;
  declare depsRest: Slot[] | null;
  /**
   * The revision in which a top-level read last found this memo up to date with a plain
   * value (no error, not provisional, no LRU capacity), else 0. While it equals the
   * current revision, `Database.get` returns `value` without looking at the record.
   * Everything that replaces or drops the value within a revision resets it.
   */
  declare hitRevision: number;
  /** Id of the last frame that recorded this slot as a dependency (deduplicates edges). */
  declare depMark: number;
  /** The value, or the thrown error when `HAS_ERROR` is set. */
  declare value: unknown;
  /** What this slot belongs to. */
  declare readonly owner: SlotOwner;
  /** The key of this slot. */
  declare readonly key: unknown;
  /**
   * @internal LRU, fixpoint and accumulator bookkeeping, allocated on first use. Read
   * directly (not through the accessors below) where a plain memo should pay one field
   * check instead of several accessor calls, e.g. after every execution.
   */
  declare extra: SlotExtra | null;

  constructor(owner: SlotOwner, key: unknown, isInput: boolean, store: SlotStore) {
    const id = store.allocate(this, isInput ? IS_INPUT : 0);
    this.id = id;
    this.meta = store.chunkOf(id);
    this.at = (id & CHUNK_MASK) * RECORD;
    this.dep0 = null;
    this.dep1 = null;
    this.depsRest = null;
    this.hitRevision = 0;
    this.depMark = 0;
    this.value = undefined;
    this.owner = owner;
    this.key = key;
    this.extra = null;
  }

  // The verification fields live in the store (see `SlotStore`); these accessors keep the
  // code off the hot walk readable.
  /** Bit set of the flags above. */
  get flags(): number {
    return this.meta[this.at + FLAGS]!;
  }
  set flags(flags: number) {
    this.meta[this.at + FLAGS] = flags;
  }
  /** Revision at which the memo was last known to be up to date. */
  get verifiedAt(): number {
    return this.meta[this.at + VERIFIED_AT]!;
  }
  set verifiedAt(revision: number) {
    this.meta[this.at + VERIFIED_AT] = revision;
  }
  /** Revision in which the value last changed (backdating keeps it old). */
  get changedAt(): number {
    return this.meta[this.at + CHANGED_AT]!;
  }
  set changedAt(revision: number) {
    this.meta[this.at + CHANGED_AT] = revision;
  }
  /** Input: its durability. Memo: the lowest durability of everything it read. */
  get durability(): number {
    return this.meta[this.at + DURABILITY]!;
  }
  set durability(level: number) {
    this.meta[this.at + DURABILITY] = level;
  }
  /** Number of dependencies the last execution read; -1 if it never executed. */
  get depCount(): number {
    return this.meta[this.at + DEP_COUNT]!;
  }

  /** The `i`-th dependency (`0 <= i < depCount`). */
  depAt(i: number): Slot {
    return i === 0 ? this.dep0! : i === 1 ? this.dep1! : this.depsRest![i - 2]!;
  }

  /** A copy of the dependencies as an array (for the rare paths that need one). */
  depList(): Slot[] {
    const list: Slot[] = [];
    for (let i = 0; i < this.depCount; i++) list.push(this.depAt(i));
    return list;
  }

  /** Forgets the dependencies (the memo must re-run before it can be verified). */
  clearDeps(): void {
    this.meta[this.at + DEP_COUNT] = -1;
    this.dep0 = null;
    this.dep1 = null;
    this.depsRest = null;
  }

  /** True for input slots. */
  get isInput(): boolean {
    return (this.flags & IS_INPUT) !== 0;
  }

  // Accessors for the rarely used fields: reads of an absent extra give the defaults, and
  // writing a default never allocates one.
  get lruPrev(): Slot | null {
    return this.extra === null ? null : this.extra.lruPrev;
  }
  set lruPrev(slot: Slot | null) {
    if (slot !== null || this.extra !== null) (this.extra ??= new SlotExtra()).lruPrev = slot;
  }
  get lruNext(): Slot | null {
    return this.extra === null ? null : this.extra.lruNext;
  }
  set lruNext(slot: Slot | null) {
    if (slot !== null || this.extra !== null) (this.extra ??= new SlotExtra()).lruNext = slot;
  }
  get provisional(): unknown {
    return this.extra === null ? undefined : this.extra.provisional;
  }
  set provisional(value: unknown) {
    if (value !== undefined || this.extra !== null) (this.extra ??= new SlotExtra()).provisional = value;
  }
  get cycleMembers(): Slot[] | null {
    return this.extra === null ? null : this.extra.cycleMembers;
  }
  set cycleMembers(members: Slot[] | null) {
    if (members !== null || this.extra !== null) (this.extra ??= new SlotExtra()).cycleMembers = members;
  }
  get cycleHeads(): Slot[] | null {
    return this.extra === null ? null : this.extra.cycleHeads;
  }
  set cycleHeads(heads: Slot[] | null) {
    if (heads !== null || this.extra !== null) (this.extra ??= new SlotExtra()).cycleHeads = heads;
  }
  get pushes(): unknown[] | null {
    return this.extra === null ? null : this.extra.pushes;
  }
  set pushes(pushes: unknown[] | null) {
    if (pushes !== null || this.extra !== null) (this.extra ??= new SlotExtra()).pushes = pushes;
  }
  get cycleHead(): Slot | null {
    return this.extra === null ? null : this.extra.cycleHead;
  }
  set cycleHead(head: Slot | null) {
    if (head !== null || this.extra !== null) (this.extra ??= new SlotExtra()).cycleHead = head;
  }
}

/**
 * Keys that `SlotTable` indexes by array position: integers from 0 to 2^20 - 1 (`-0`
 * included, as `Map` treats it like 0). The bound keeps a stray large id from making a
 * huge array.
 */
function isIndexKey(key: number): boolean {
  return (key & 0xfffff) === key;
}

/**
 * Maps keys to slots. Primitive keys go straight into a `Map`; compound keys (tuples,
 * objects) go through their canonical string in a second map so the two never collide.
 */
export class SlotTable {
  private readonly primitive = new Map<unknown, Slot>();
  private readonly compound = new Map<string, Slot>();
  /**
   * The last primitive key looked up and its slot: re-reading the same key (the same
   * file's queries, again and again) skips the hash lookup.
   */
  private lastKey: unknown = undefined;
  private lastSlot: Slot | null = null;
  /**
   * Slots of small non-negative integer keys (interned ids, file numbers, indexes) by key:
   * an array index instead of a hash lookup. An index only: `primitive` still holds every
   * primitive key, so iteration order and size do not depend on it.
   */
  private readonly byIndex: (Slot | undefined)[] = [];

  constructor(
    private readonly owner: SlotOwner,
    private readonly store: SlotStore,
  ) {}

  /** The slot for `key`, created empty on first use. */
  slot(key: unknown): Slot {
    if (key === this.lastKey && this.lastSlot !== null) return this.lastSlot;
    const type = typeof key;
    if (type === "number" && isIndexKey(key as number)) {
      let slot = this.byIndex[key as number];
      if (slot === undefined) {
        slot = new Slot(this.owner, key, this.owner.isInput, this.store);
        this.primitive.set(key, slot);
        this.byIndex[key as number] = slot;
      }
      this.lastKey = key;
      this.lastSlot = slot;
      return slot;
    }
    if (type === "number" || type === "string" || isPrimitiveKey(key)) {
      let slot = this.primitive.get(key);
      if (slot === undefined) {
        slot = new Slot(this.owner, key, this.owner.isInput, this.store);
        this.primitive.set(key, slot);
      }
      this.lastKey = key;
      this.lastSlot = slot;
      return slot;
    }
    const text = canonicalKey(key);
    let slot = this.compound.get(text);
    if (slot === undefined) {
      slot = new Slot(this.owner, key, this.owner.isInput, this.store);
      this.compound.set(text, slot);
    }
    return slot;
  }

  /** The slot for `key` if one exists, without creating it. */
  find(key: unknown): Slot | undefined {
    return isPrimitiveKey(key) ? this.primitive.get(key) : this.compound.get(canonicalKey(key));
  }

  /** Removes `slot` (used by sweep). */
  delete(slot: Slot): void {
    if (this.lastSlot === slot) {
      this.lastKey = undefined;
      this.lastSlot = null;
    }
    if (typeof slot.key === "number" && isIndexKey(slot.key)) this.byIndex[slot.key] = undefined;
    if (isPrimitiveKey(slot.key)) this.primitive.delete(slot.key);
    else this.compound.delete(canonicalKey(slot.key));
  }

  /** Number of slots. */
  get size(): number {
    return this.primitive.size + this.compound.size;
  }

  /** Every slot, primitive keys first. */
  *slots(): IterableIterator<Slot> {
    yield* this.primitive.values();
    yield* this.compound.values();
  }
}
