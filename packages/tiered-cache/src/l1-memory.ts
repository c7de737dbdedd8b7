import { LRUCache } from "lru-cache";
import type { TierCounters } from "./metrics.js";

/** One live entry in L1. */
export interface L1Entry {
  /** The value as the caller gave it (never serialized). */
  readonly value: unknown;
  readonly createdAt: number;
  readonly freshUntil: number;
  readonly staleUntil: number;
  readonly tags: readonly string[];
  /** Estimated bytes, for the byte budget. */
  readonly size: number;
  /** Namespace name. */
  readonly namespace: string;
  /** Hashed storage key, kept when key hashing is on and the entry reached a storage tier (bus messages carry it). */
  readonly storageKey: string | undefined;
  /** L1 counters of the entry's namespace, so evictions are counted where they belong. */
  readonly counters: TierCounters;
  /** The caller's key, without the namespace prefix of the L1 key. */
  readonly bareKey: string;
  /** The key index of the entry's namespace (bare key → entry), which the hit path reads; `L1Memory` keeps it in step. */
  readonly home: Map<string, L1Entry>;
  /** Value of `L1Memory.moves` when the entry last went to the young end of lru-cache's recency list (set by `L1Memory`). */
  moved: number;
  /** Value of `L1Memory.clock` at the entry's last set or hit (memory-pressure shedding takes the lowest first). */
  used: number;
}

/**
 * The in-memory tier: an `lru-cache` bounded by entry count and estimated bytes, plus indexes
 * kept in step through the LRU's dispose hook: per namespace, key → entry (the hit path: a
 * lookup in the namespace's own map needs no prefixed key); tag → keys (so a tag invalidation
 * drops entries at once); storage key → L1 key (so bus messages, which carry hashed keys,
 * find the entry).
 *
 * Why a key index beside lru-cache: a hit through `lru.get` costs about as much as the rest of
 * the hit only while V8 inlines lru-cache's `get` into the caller, and TurboFan refuses to once
 * `get` has optimized code of its own (its size with what it inlined nearly fills the
 * caller's inlining budget): which happens first is a race between concurrent compile jobs,
 * so the same code ran 0.55× or 0.75× raw lru-cache from one process to the next. The index
 * makes a hit one `Map` lookup whether inlined or not. Recency is kept as lru-cache keeps it
 * wherever it can matter: a hit moves its entry to the young end of lru-cache's list (through
 * `lru.get`) once the entry has drifted into the older half of the list (more list moves since
 * its last one than half the list's capacity), so an entry hit while in the half that eviction
 * takes first is never evicted ahead of entries not hit since; within the younger half the
 * order is that of the last move rather than the last hit (the memcached "bump interval" idea).
 */
export class L1Memory {
  readonly lru: LRUCache<string, L1Entry>;
  /** Moves to the young end of lru-cache's list so far (sets and hit moves). */
  moves = 0;
  /** Sets and hits so far: a logical clock for `L1Entry.used`. */
  clock = 0;
  /** An entry whose `moved` is below this has drifted into the older half of the list: a hit moves it (see `touch`). */
  olderThan = 0;
  readonly #byTag = new Map<string, Set<string>>();
  readonly #byStorageKey = new Map<string, string>();
  #bytes = 0;
  readonly #maxBytes: number;
  readonly #maxEntries: number;
  #onEvict: (count: number, bytes: number) => void;

  constructor(maxEntries: number, maxBytes: number, onEvict: (count: number, bytes: number) => void) {
    this.#onEvict = onEvict;
    this.#maxBytes = maxBytes;
    this.#maxEntries = maxEntries;
    this.lru = new LRUCache<string, L1Entry>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (entry) => entry.size,
      dispose: (entry, key, reason) => this.#forget(entry, key, reason),
    });
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Stores an entry, indexing its tags and storage key. */
  set(key: string, entry: L1Entry): void {
    this.lru.set(key, entry);
    // lru-cache refuses (and drops the old entry of the key) when an entry is larger than its
    // byte budget (its maxEntrySize defaults to maxSize); only index what it kept. Compared
    // here rather than by a second lookup: a backfill on every L1 miss pays for this.
    if (entry.size > this.#maxBytes) return;
    this.#bytes += entry.size;
    entry.home.set(entry.bareKey, entry);
    entry.moved = ++this.moves;
    entry.used = ++this.clock;
    this.#markOlderHalf();
    for (const tag of entry.tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    if (entry.storageKey !== undefined) this.#byStorageKey.set(`${entry.namespace}\u0000${entry.storageKey}`, key);
  }

  /**
   * A hit on an entry in the older half of lru-cache's list (`entry.moved < olderThan`): moves
   * it to the young end, as `lru.get` does on every hit, so eviction (which takes the old
   * end first) keeps it over entries not hit since.
   */
  touch(key: string, entry: L1Entry): void {
    this.lru.get(key);
    entry.moved = ++this.moves;
    this.#markOlderHalf();
  }

  /**
   * An entry is in the younger half of the list when fewer moves than half the list's
   * capacity came after its own: the entries the budget holds, `maxEntries`, or fewer when the
   * byte budget binds first (estimated from the mean entry size). Measured against capacity
   * rather than the entries held, so a cache below its bounds (which evicts nothing until it
   * fills) moves nothing on hits.
   */
  #markOlderHalf(): void {
    const held = this.lru.size;
    const byBytes = this.#bytes > 0 ? Math.floor((held * this.#maxBytes) / this.#bytes) : this.#maxEntries;
    this.olderThan = this.moves - (Math.min(this.#maxEntries, byBytes) >> 1);
  }

  /** The L1 key of an entry by its storage key, if held. */
  keyOfStorageKey(namespace: string, storageKey: string): string | undefined {
    return this.#byStorageKey.get(`${namespace}\u0000${storageKey}`);
  }

  /** Drops every entry carrying one of `tags`; returns how many went. */
  deleteTagged(tags: readonly string[]): number {
    let count = 0;
    for (const tag of tags) {
      const keys = this.#byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.lru.delete(key)) count++;
    }
    return count;
  }

  /** Drops the entries of one namespace (by L1 key predicate), or all. */
  clear(matches?: (key: string, entry: L1Entry) => boolean): void {
    if (!matches) return this.lru.clear();
    for (const [key, entry] of this.lru.entries()) if (matches(key, entry)) this.lru.delete(key);
  }

  /**
   * Evicts the coldest `fraction` of entries (memory pressure): those least recently set or
   * hit (by `used`, since hits move only entries in the older half of lru-cache's list);
   * returns count and bytes.
   */
  shed(fraction: number): { count: number; bytes: number } {
    const target = Math.ceil(this.lru.size * Math.min(1, Math.max(0, fraction)));
    const before = this.#bytes;
    let count = 0;
    const cold = [...this.lru.entries()].sort((a, b) => a[1].used - b[1].used).slice(0, target);
    for (const [key] of cold) if (this.lru.delete(key)) count++;
    return { count, bytes: before - this.#bytes };
  }

  #forget(entry: L1Entry, key: string, reason: LRUCache.DisposeReason): void {
    // On a replacement lru-cache disposes of the old entry before `set` indexes the new one.
    this.#bytes -= entry.size;
    if (entry.home.get(entry.bareKey) === entry) {
      entry.home.delete(entry.bareKey);
      this.#markOlderHalf();
    }
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag);
      if (keys && keys.delete(key) && keys.size === 0) this.#byTag.delete(tag);
    }
    if (entry.storageKey !== undefined) {
      const id = `${entry.namespace}\u0000${entry.storageKey}`;
      if (this.#byStorageKey.get(id) === key) this.#byStorageKey.delete(id);
    }
    if (reason === "evict") {
      entry.counters.evictions++;
      this.#onEvict(1, entry.size);
    }
  }
}
