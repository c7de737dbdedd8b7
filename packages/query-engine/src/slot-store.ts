import type { Slot } from "./slot.js";

/**
 * Number of 32-bit cells per slot record in `SlotStore.meta`. Eight cells are 32 bytes,
 * so a record never straddles a 64-byte cache line.
 */
export const RECORD = 8;
/** Record cell: the flag bits (`HAS_VALUE`, `IS_INPUT`, ...). */
export const FLAGS = 0;
/** Record cell: revision at which the memo was last known to be up to date. */
export const VERIFIED_AT = 1;
/** Record cell: revision in which the value last changed. */
export const CHANGED_AT = 2;
/** Record cell: durability (input: its own; memo: the lowest it read). */
export const DURABILITY = 3;
/** Record cell: number of dependencies of the last execution, -1 if it never executed. */
export const DEP_COUNT = 4;
/**
 * Record cells: the ids of the first two dependencies. Most memos read one or two
 * things, so their whole edge list sits in the record that verification reads anyway.
 */
export const DEP0 = 5;
export const DEP1 = 6;
/**
 * Record cell: where dependencies 2, 3, ... start in `SlotStore.edges` (0 = no region).
 * The cell before a region holds its capacity, so a re-run reuses it when its
 * dependencies still fit.
 */
export const REST_START = 7;

/** Slots per chunk of records is `1 << CHUNK_BITS`. */
export const CHUNK_BITS = 10;
/** Mask of the position of a slot id within its chunk. */
export const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/**
 * The verification state of every slot of one database, struct-of-arrays style: one
 * fixed-size record of integers per slot id (with the first two dependencies as slot
 * ids), and further dependencies as slot ids in the shared `edges` array. Verification
 * after a change walks tens of thousands of memos and is bound by memory latency; packed
 * records in id (creation) order touch far less memory than slot objects scattered over
 * the heap.
 *
 * Records live in fixed-size chunks that are never moved, so a slot keeps a direct
 * reference to its chunk (`Slot.meta`) that stays valid while user code creates slots.
 *
 * Ids are never reused: a swept slot keeps its record (flagged `DROPPED`) because edges
 * of live memos may still point at it. That costs 32 bytes per swept memo.
 */
export class SlotStore {
  /** Chunks of `1 << CHUNK_BITS` records; slot `id` is at `(id & CHUNK_MASK) * RECORD` of chunk `id >> CHUNK_BITS`. */
  readonly chunks: Int32Array[] = [];
  /**
   * Dependencies 2, 3, ... of every memo as slot ids, each memo's in its own region. It
   * starts small on purpose: it then grows a few times within the first executions, while
   * they still run unoptimized and record type feedback, so the optimizing compiler sees
   * the growth path. Starting large made the first growth happen only later, inside
   * already optimized code, which then deoptimized `execute` (into which this is inlined)
   * in the middle of a cold analysis.
   */
  edges = new Int32Array(64);
  /** Next free cell of `edges` (cell 0 is never used, so a 0 `REST_START` means none). */
  private edgeTop = 1;
  /** The slot object of each id (null once swept). */
  readonly slots: (Slot | null)[] = [];

  /**
   * Gives `slot` the next id and an empty record: no flags but `initialFlags`, never
   * executed. Returns the id; the record is at `recordOffset(id)` of `chunkOf(id)`.
   */
  allocate(slot: Slot, initialFlags: number): number {
    const id = this.slots.length;
    this.slots.push(slot);
    if (id >> CHUNK_BITS === this.chunks.length) this.chunks.push(new Int32Array(RECORD << CHUNK_BITS));
    const meta = this.chunks[id >> CHUNK_BITS]!;
    const at = (id & CHUNK_MASK) * RECORD;
    meta[at + FLAGS] = initialFlags;
    meta[at + DEP_COUNT] = -1;
    return id;
  }

  /** The chunk that holds the record of slot `id`. */
  chunkOf(id: number): Int32Array {
    return this.chunks[id >> CHUNK_BITS]!;
  }

  /**
   * Stores `count` dependencies, taken from `from[start..]`, as the edges of `slot`:
   * two in its record, the rest in its region of `edges` when they fit (the common case
   * when a memo re-runs), else in a new region at the end with room to grow.
   */
  setEdges(slot: Slot, from: readonly Slot[], start: number, count: number): void {
    const meta = slot.meta;
    const at = slot.at;
    meta[at + DEP0] = count > 0 ? from[start]!.id : 0;
    meta[at + DEP1] = count > 1 ? from[start + 1]!.id : 0;
    if (count > 2) {
      const rest = count - 2;
      let restStart = meta[at + REST_START]!;
      if (restStart === 0 || rest > this.edges[restStart - 1]!) {
        const capacity = restStart === 0 ? rest : Math.max(rest, this.edges[restStart - 1]! * 2);
        restStart = this.reserve(capacity);
        meta[at + REST_START] = restStart;
      }
      const edges = this.edges;
      for (let i = 0; i < rest; i++) edges[restStart + i] = from[start + 2 + i]!.id;
    }
    meta[at + DEP_COUNT] = count;
  }

  /** Releases slot `id` after a sweep: its record stays (flagged by the caller). */
  release(id: number): void {
    this.slots[id] = null;
  }

  /** A new region of `capacity` cells, preceded by a cell that records the capacity. */
  private reserve(capacity: number): number {
    const start = this.edgeTop + 1;
    const end = start + capacity;
    if (end > this.edges.length) {
      const grown = new Int32Array(Math.max(end, this.edges.length * 2));
      grown.set(this.edges);
      this.edges = grown;
    }
    this.edges[start - 1] = capacity;
    this.edgeTop = end;
    return start;
  }
}
