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
  /** The L1 key (namespace prefix and the caller's key), as lru-cache knows the entry. */
  readonly key: string;
  /** The caller's key, without the namespace prefix of the L1 key. */
  readonly bareKey: string;
  /** The key index of the entry's namespace (bare key → entry), which the hit path reads; `L1Memory` keeps it in step. */
  readonly home: Map<string, L1Entry>;
  /** Value of `L1Memory.clock` when the entry last went to the young end of lru-cache's recency list (set by `L1Memory`). */
  moved: number;
  /** Value of `L1Memory.clock` at the entry's last set or hit (a hit stamps it; eviction and shedding read it). */
  used: number;
}

/** Entries `L1Memory.#makeRoom` reads from the old end of the list at a time. */
const ROOM_BATCH = 16;

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
 * makes a hit one `Map` lookup whether inlined or not. Below its bounds (where nothing is
 * evicted) a hit only stamps the entry (`used`); within an eighth of a bound (`full`) a hit
 * also moves the entry in lru-cache's list at once, through `lru.get`, as plain lru-cache does.
 * Hits stamped while below the bounds reach the list when a set needs room ("second chance",
 * the CLOCK idea): entries at the old end of the list hit since they last moved are moved to
 * the young end, and the first one not hit since is evicted. Each hit buys at most one such
 * move. The eviction order is lru-cache's, with the hits made below the bounds applied late.
 */
export class L1Memory {
  readonly lru: LRUCache<string, L1Entry>;
  /** Sets, hits and moves so far: a logical clock for `L1Entry.used` and `L1Entry.moved`. */
  clock = 0;
  /**
   * Whether L1 is within an eighth of either bound, where sets start to evict: then every hit
   * moves its entry in lru-cache's list at once (`touch`), as plain lru-cache does; below, a hit
   * only stamps `used` and the move waits until a set needs room.
   */
  full = false;
  readonly #byTag = new Map<string, Set<string>>();
  readonly #byStorageKey = new Map<string, string>();
  #bytes = 0;
  readonly #maxBytes: number;
  readonly #maxEntries: number;
  /** Set while `#makeRoom` evicts, so the dispose hook counts an eviction. */
  #evicting = false;
  /** Whether entries moved before `#pendingBefore` may hold hits not yet applied to the list (see `#makeRoom`). */
  #secondChances = false;
  #pendingBefore = 0;
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
    if (entry.size <= this.#maxBytes) this.#makeRoom(key, entry.size);
    this.lru.set(key, entry);
    // lru-cache refuses (and drops the old entry of the key) when an entry is larger than its
    // byte budget (its maxEntrySize defaults to maxSize); only index what it kept. Compared
    // here rather than by a second lookup: a backfill on every L1 miss pays for this.
    if (entry.size > this.#maxBytes) return;
    this.#bytes += entry.size;
    entry.home.set(entry.bareKey, entry);
    entry.moved = entry.used = ++this.clock;
    this.#measure();
    for (const tag of entry.tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    if (entry.storageKey !== undefined) this.#byStorageKey.set(`${entry.namespace}\u0000${entry.storageKey}`, key);
  }

  /** A hit while `full`: moves the entry to the young end of lru-cache's list now. */
  touch(entry: L1Entry): void {
    this.lru.get(entry.key);
    entry.moved = entry.used;
  }

  #measure(): void {
    const was = this.full;
    this.full = this.lru.size >= this.#maxEntries - (this.#maxEntries >> 3) || this.#bytes >= this.#maxBytes - this.#maxBytes / 8;
    if (this.full && !was) {
      // Hits stamped below the bounds are on entries moved before now; later hits move at once.
      this.#pendingBefore = this.clock;
      this.#secondChances = true;
    }
  }

  /**
   * Before a set that would make lru-cache evict: applies the hits to its list from the old
   * end ("second chance"), moving each entry hit since it last moved to the young end, and
   * evicts the first ones not hit since until the new entry fits. lru-cache still enforces
   * both bounds on `set`; this only chooses the victims in recency order.
   */
  #makeRoom(key: string, size: number): void {
    // The list is in `moved` order: once its old end was moved after L1 became full, every
    // hit since has moved its entry at once and there is nothing left to apply.
    if (!this.#secondChances) return;
    const lru = this.lru;
    const old = lru.peek(key);
    const grows = old === undefined ? 1 : 0;
    const delta = size - (old?.size ?? 0);
    // Each entry gets at most one move here (it is then younger than its last hit).
    let moves = lru.size;
    const batch: L1Entry[] = [];
    for (;;) {
      // The oldest entries, read a few at a time: lru-cache's iterators must not run across moves.
      batch.length = 0;
      for (const entry of lru.rvalues()) if (entry !== undefined && batch.push(entry) === ROOM_BATCH) break;
      for (const entry of batch) {
        if (lru.size === 0 || (lru.size + grows <= this.#maxEntries && this.#bytes + delta <= this.#maxBytes)) return;
        // The entry being replaced, or one a listener removed meanwhile: leave the rest to lru-cache.
        if (entry.key === key || entry.home.get(entry.bareKey) !== entry) return;
        if (entry.moved >= this.#pendingBefore) {
          this.#secondChances = false;
          return;
        }
        if (entry.used > entry.moved && moves-- > 0) {
          lru.get(entry.key);
          entry.moved = ++this.clock;
          continue;
        }
        this.#evicting = true;
        try { lru.delete(entry.key); } finally { this.#evicting = false; }
      }
      if (batch.length === 0) return;
    }
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
    if (entry.home.get(entry.bareKey) === entry) entry.home.delete(entry.bareKey);
    if (this.full) this.#measure();
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag);
      if (keys && keys.delete(key) && keys.size === 0) this.#byTag.delete(tag);
    }
    if (entry.storageKey !== undefined) {
      const id = `${entry.namespace}\u0000${entry.storageKey}`;
      if (this.#byStorageKey.get(id) === key) this.#byStorageKey.delete(id);
    }
    if (reason === "evict" || this.#evicting) {
      entry.counters.evictions++;
      this.#onEvict(1, entry.size);
    }
  }
}
