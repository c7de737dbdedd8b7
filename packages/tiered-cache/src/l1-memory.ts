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
}

/**
 * The in-memory tier: an `lru-cache` bounded by entry count and estimated bytes, plus two
 * indexes kept in step through the LRU's dispose hook: tag → keys (so a tag invalidation
 * drops entries at once) and storage key → L1 key (so bus messages, which carry hashed
 * keys, find the entry).
 */
export class L1Memory {
  readonly lru: LRUCache<string, L1Entry>;
  readonly #byTag = new Map<string, Set<string>>();
  readonly #byStorageKey = new Map<string, string>();
  #bytes = 0;
  readonly #maxBytes: number;
  #onEvict: (count: number, bytes: number) => void;

  constructor(maxEntries: number, maxBytes: number, onEvict: (count: number, bytes: number) => void) {
    this.#onEvict = onEvict;
    this.#maxBytes = maxBytes;
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
    for (const tag of entry.tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    if (entry.storageKey !== undefined) this.#byStorageKey.set(`${entry.namespace}\u0000${entry.storageKey}`, key);
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

  /** Evicts the coldest `fraction` of entries (memory pressure); returns count and bytes. */
  shed(fraction: number): { count: number; bytes: number } {
    const target = Math.ceil(this.lru.size * Math.min(1, Math.max(0, fraction)));
    const before = this.#bytes;
    let count = 0;
    const cold = [...this.lru.rkeys()].slice(0, target);
    for (const key of cold) if (this.lru.delete(key)) count++;
    return { count, bytes: before - this.#bytes };
  }

  #forget(entry: L1Entry, key: string, reason: LRUCache.DisposeReason): void {
    this.#bytes -= entry.size;
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
