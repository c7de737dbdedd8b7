import type { QueryGraphNode } from "./query-graph.js";
import { DROPPED, type Slot } from "./slot.js";

/**
 * A side output channel: queries push values (typically diagnostics) with
 * `ctx.push(accumulator, value)`, and `db.accumulated(query, key, accumulator)` collects
 * everything pushed by that query instance and, transitively, by every query it read.
 * Pushes are stored per memo, so a reused memo still contributes its pushes.
 */
export class Accumulator<T> {
  /** Phantom field that carries the value type. */
  declare readonly valueType?: T;

  /** @internal Created by `Database.accumulator`. */
  constructor(
    /** Name, for debugging. */
    readonly name: string,
    /** Identity of the owning database. */
    readonly owner: object,
  ) {}
}

/**
 * Walks from `root` over the recorded dependencies (depth first, in read order, each slot
 * once) and returns the values pushed to `accumulator`: a slot's own pushes come before
 * those of the slots it read. Dependencies whose query cannot reach a pushing query
 * (`reachesPush`, brought up to date by the caller) are not entered: nothing below them
 * pushed. `stamp` must be a number no slot carries in `depMark` yet; `revive` replaces a
 * swept slot by a live one for the same key.
 */
export function collectAccumulated<T>(
  root: Slot,
  accumulator: Accumulator<T>,
  stamp: number,
  revive: (dropped: Slot) => Slot,
): T[] {
  const out: T[] = [];
  if (!(root.owner as unknown as QueryGraphNode).reachesPush) return out;
  const pending: Slot[] = [root];
  while (pending.length > 0) {
    let slot = pending.pop()!;
    if (slot.flags & DROPPED) slot = revive(slot);
    if (slot.depMark === stamp) continue;
    slot.depMark = stamp;
    const pushes = slot.pushes;
    if (pushes !== null) {
      for (let i = 0; i < pushes.length; i += 2) if (pushes[i] === accumulator) out.push(pushes[i + 1] as T);
    }
    for (let i = slot.depCount - 1; i >= 0; i--) {
      const dep = slot.depAt(i);
      const owner = dep.owner;
      if (!owner.isInput && (owner as unknown as QueryGraphNode).reachesPush) pending.push(dep);
    }
  }
  return out;
}
