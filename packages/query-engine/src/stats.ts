import { approximateSize } from "./approximate-size.js";
import { HAS_ERROR, HAS_VALUE, type SlotOwner, type SlotTable } from "./slot.js";

/** Memory and memo counts of one input or query, from `Database.stats`. */
export interface QueryStats {
  /** Name of the input or query. */
  readonly name: string;
  /** Whether it is an input or a derived query. */
  readonly kind: "input" | "query";
  /** Number of keys with a slot (including memos whose value was evicted). */
  readonly slots: number;
  /** Number of slots currently holding a value. */
  readonly values: number;
  /** Number of slots holding a memoized error. */
  readonly errors: number;
  /** Approximate bytes of the held values plus per-slot bookkeeping. */
  readonly approxBytes: number;
}

/** A summary of the database's contents, from `Database.stats`. */
export interface DatabaseStats {
  /** The current revision. */
  readonly revision: number;
  /** Total number of memo slots over all queries. */
  readonly memos: number;
  /** Total approximate bytes over all inputs and queries. */
  readonly approxBytes: number;
  /** Per input and query figures, in creation order. */
  readonly queries: readonly QueryStats[];
}

/** Bookkeeping bytes assumed per slot, plus per dependency edge. */
const SLOT_OVERHEAD_BYTES = 120;
const EDGE_BYTES = 8;
/** An input or query with its slots, as `collectStats` needs it. */
export interface StatsSource extends SlotOwner {
  /** The slots per key. */
  readonly table: SlotTable;
}

/** Counts slots, values and errors and estimates bytes for every input and query. */
export function collectStats(revision: number, owners: Iterable<StatsSource>): DatabaseStats {
  const queries: QueryStats[] = [];
  let memos = 0;
  let total = 0;
  for (const owner of owners) {
    let slots = 0;
    let values = 0;
    let errors = 0;
    let bytes = 0;
    for (const slot of owner.table.slots()) {
      slots++;
      bytes += SLOT_OVERHEAD_BYTES + EDGE_BYTES * Math.max(0, slot.depCount);
      if (slot.flags & HAS_VALUE) {
        values++;
        bytes += approximateSize(slot.value);
      } else if (slot.flags & HAS_ERROR) {
        errors++;
      }
    }
    if (!owner.isInput) memos += slots;
    total += bytes;
    queries.push({ name: owner.name, kind: owner.isInput ? "input" : "query", slots, values, errors, approxBytes: bytes });
  }
  return { revision, memos, approxBytes: total, queries };
}
