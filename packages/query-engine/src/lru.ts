import { IN_LRU, type Slot } from "./slot.js";

/** What an LRU list hangs off: a query's capacity and its list ends. */
export interface LruList {
  /** Capacity in values (greater than zero when the list is in use). */
  readonly lru: number;
  /** Most recently used slot. */
  lruHead: Slot | null;
  /** Least recently used slot: the next to be evicted. */
  lruTail: Slot | null;
  /** Number of slots in the list. */
  lruSize: number;
}

/**
 * Marks `slot` as the most recently used of `list`. Only slots in the list (flag
 * `IN_LRU`) move; others are left alone.
 */
export function lruTouch(list: LruList, slot: Slot): void {
  if (!(slot.flags & IN_LRU) || list.lruHead === slot) return;
  unlink(list, slot);
  linkFront(list, slot);
}

/**
 * Adds `slot` (which now holds a value) as the most recently used, then evicts from the
 * tail while the list is over capacity, calling `evict` for each slot removed.
 */
export function lruInsert(list: LruList, slot: Slot, evict: (slot: Slot) => void): void {
  if (slot.flags & IN_LRU) {
    lruTouch(list, slot);
    return;
  }
  slot.flags |= IN_LRU;
  list.lruSize++;
  linkFront(list, slot);
  while (list.lruSize > list.lru && list.lruTail !== null) {
    const victim = list.lruTail;
    lruRemove(list, victim);
    evict(victim);
  }
}

/** Takes `slot` out of the list (no-op when it is not in it). */
export function lruRemove(list: LruList, slot: Slot): void {
  if (!(slot.flags & IN_LRU)) return;
  unlink(list, slot);
  slot.flags &= ~IN_LRU;
  list.lruSize--;
}

function linkFront(list: LruList, slot: Slot): void {
  slot.lruPrev = null;
  slot.lruNext = list.lruHead;
  if (list.lruHead !== null) list.lruHead.lruPrev = slot;
  list.lruHead = slot;
  list.lruTail ??= slot;
}

function unlink(list: LruList, slot: Slot): void {
  if (slot.lruPrev !== null) slot.lruPrev.lruNext = slot.lruNext;
  else if (list.lruHead === slot) list.lruHead = slot.lruNext;
  if (slot.lruNext !== null) slot.lruNext.lruPrev = slot.lruPrev;
  else if (list.lruTail === slot) list.lruTail = slot.lruPrev;
  slot.lruPrev = null;
  slot.lruNext = null;
}
