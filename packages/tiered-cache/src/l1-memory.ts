import { LRUCache } from "lru-cache";
import type { TierCounters } from "./metrics.js";

/**
 * One entry in L1. Only `L1Memory` writes its fields: an entry object is reused for a later
 * set of the same key (same size and tags) and for the entry that takes an evicted one's
 * place, so nothing outside L1 keeps one past a synchronous read.
 */
export interface L1Entry {
  /** The value as the caller gave it (never serialized). */
  value: unknown;
  createdAt: number;
  freshUntil: number;
  staleUntil: number;
  tags: readonly string[];
  /** Estimated bytes, for the byte budget. */
  size: number;
  /** Namespace name. */
  namespace: string;
  /** Hashed storage key, kept when key hashing is on and the entry reached a storage tier (bus messages carry it). */
  storageKey: string | undefined;
  /** L1 counters of the entry's namespace, so evictions are counted where they belong. */
  counters: TierCounters;
  /**
   * The entry's key in lru-cache: a small number that L1 hands out again once the entry has
   * left (see `L1Memory`); -1 once the entry has left L1.
   */
  id: number;
  /** The caller's key, without the namespace prefix of the L1 key. */
  bareKey: string;
  /** The key index of the entry's namespace (bare key → entry), which the hit path reads; `L1Memory` keeps it in step. */
  home: Map<string, L1Entry>;
  /** Value of `L1Memory.clock` when the entry was set (set by `L1Memory`). */
  setAt: number;
  /** Value of `L1Memory.clock` at the entry's last set or hit (a hit stamps it; eviction and shedding read it). */
  used: number;
  /**
   * Where `L1Memory` keeps the entry for eviction: its position in the set-order queue, `IN_HEAP`
   * once taken into the heap of entries hit since they were set, `GONE` once it left L1.
   */
  slot: number;
}

/** What `L1Memory.store` needs of a namespace. */
export interface L1Namespace {
  readonly name: string;
  /** The namespace's key index (bare key → entry). */
  readonly index: Map<string, L1Entry>;
  /** The namespace's L1 counters. */
  readonly l1: TierCounters;
}

/** `L1Entry.slot` of an entry in `L1Memory`'s heap. */
const IN_HEAP = -2;
/** `L1Entry.slot` of an entry no longer in L1. */
const GONE = -1;
/** Dead positions beyond which the queue or the heap is compacted (see `L1Memory.#enqueue`, `#heapPush`). */
const SLACK = 1024;

/**
 * The in-memory tier: an `lru-cache` bounded by entry count and estimated bytes, plus indexes
 * kept in step through the LRU's dispose hook: per namespace, key → entry (the hit path: a
 * lookup in the namespace's own map needs no prefixed key); tag → entries (so a tag invalidation
 * drops entries at once); storage key → entry (so bus messages, which carry hashed keys,
 * find the entry).
 *
 * Why a key index beside lru-cache: a hit through `lru.get` costs about as much as the rest of
 * the hit only while V8 inlines lru-cache's `get` into the caller, and TurboFan refuses to once
 * `get` has optimized code of its own (its size with what it inlined nearly fills the
 * caller's inlining budget): which happens first is a race between concurrent compile jobs,
 * so the same code ran 0.55× or 0.75× raw lru-cache from one process to the next. The index
 * makes a hit one `Map` lookup whether inlined or not.
 *
 * Recency without touching lru-cache on a hit: a hit only stamps the entry with a logical
 * clock (`used`), full or not. When a set needs room, the victim is the entry least recently
 * set or hit — exactly LRU — found without a list move per hit:
 * - a queue holds entries in the order they were set, so along it `setAt` only grows;
 * - entries at its old end that were hit since they were set are taken into a min-heap keyed
 *   by `used`, until the oldest one left is unhit (its `used` is its `setAt`, no larger than the
 *   `used` of any entry behind it);
 * - the victim is that one or the heap's top, whichever was used less recently. A heap entry
 *   hit again while in the heap is re-keyed when it reaches the top.
 * Each hit costs at most one heap insertion or re-key later, paid only by sets that evict.
 * lru-cache still holds the entries and enforces both bounds on `set` (its own list order,
 * by last set, would only matter if an entry slipped past this,
 * which the bounds check in `store` prevents).
 *
 * lru-cache keys are small numbers (`L1Entry.id`), not the caller's keys: an id that left
 * with its entry is handed out again, and a new key into a full L1 takes over the lru-cache key
 * of the entry it evicts (a replacing `lru.set`, which moves the id to lru-cache's young end
 * and leaves its key map as it was). A new key so costs one insertion into (and an eviction
 * one deletion from) a hash map, the namespace's key index, instead of two in each: lru-cache's
 * key map of strings (with the prefixed key built and hashed), kept in step with ours, was about
 * a third of such a set in a CPU profile. Everything that finds an entry by the caller's key goes through the key index.
 * Queue and heap delete lazily: an entry that left L1 has `slot` `GONE` and
 * is skipped when reached; both are compacted when dead positions pile up.
 */
export class L1Memory {
  readonly lru: LRUCache<number, L1Entry>;
  /** Sets and hits so far: a logical clock for `L1Entry.used` and `L1Entry.setAt`. */
  clock = 0;
  readonly #byTag = new Map<string, Set<L1Entry>>();
  readonly #byStorageKey = new Map<string, L1Entry>();
  /** lru-cache keys that left with their entries, to hand out again (see the class comment). */
  #freeIds: number[] = [];
  #nextId = 0;
  /**
   * The lru-cache key of the entry `#makeRoom` evicted last when it was making room for a new
   * key (-1 if none): that entry left our indexes but lru-cache still holds it under this key,
   * so the new entry takes the key over in a replacing `lru.set`.
   */
  #takenId = -1;
  /** Stores that made room so far (so `store` sees whether an "evict" listener stored meanwhile). */
  #stores = 0;
  #bytes = 0;
  readonly #maxBytes: number;
  readonly #maxEntries: number;
  /** Set while `#makeRoom` evicts, so the dispose hook counts an eviction. */
  #evicting = false;
  /** The lru-cache key `store` is storing under while lru-cache runs (its old entry is replaced, not removed, in the key index). */
  #replacing = -1;
  /** Entries in the order they were set, oldest at `#head` (a position is live while its entry's `slot` names it). */
  #queue: (L1Entry | undefined)[] = [];
  #head = 0;
  /** Entries hit since they were set, taken off the queue: a binary min-heap by `#heapUsed`. */
  #heap: L1Entry[] = [];
  /** The `used` of each heap entry when it was placed (it may have been hit since). */
  #heapUsed: number[] = [];
  #onEvict: (count: number, bytes: number) => void;
  /**
   * The options of every `lru.set`, reused: the size is known, so lru-cache need not call
   * `sizeCalculation`, and a set allocates no options object (lru-cache writes its `status`,
   * undefined here, into it; it reads the size before anything can call back into us).
   */
  readonly #sized: LRUCache.SetOptions<number, L1Entry, unknown> = { size: 0 };

  constructor(maxEntries: number, maxBytes: number, onEvict: (count: number, bytes: number) => void) {
    this.#onEvict = onEvict;
    this.#maxBytes = maxBytes;
    this.#maxEntries = maxEntries;
    this.lru = new LRUCache<number, L1Entry>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (entry) => entry.size,
      // An entry `#makeRoom` already took out of our books (its `id` is -1) is not forgotten twice.
      dispose: (entry, id, reason) => {
        if (entry.id === id) this.#forget(entry, reason === "evict" || this.#evicting, reason !== "set");
      },
    });
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Stores a value under `key` of namespace `ns`, indexing its tags and storage key.
   *
   * Allocation is what a set mostly cost (an entry object, stored into lru-cache's arrays and
   * our maps, then garbage once replaced or evicted), so entry objects are reused: a set of a
   * key whose entry has the same size, tags and storage key updates that entry in place (lru-cache
   * holds the same object at the same size, so it need not hear of it), and a set that evicts
   * takes over the evicted entry's object. Nothing outside L1 keeps an entry (see `L1Entry`).
   */
  store(ns: L1Namespace, key: string, value: unknown, createdAt: number, freshUntil: number, staleUntil: number, tags: readonly string[], size: number, storageKey: string | undefined): void {
    const old = ns.index.get(key);
    if (old !== undefined && old.size === size && old.storageKey === storageKey && (old.tags === tags || (old.tags.length === 0 && tags.length === 0))) {
      old.value = value;
      old.createdAt = createdAt;
      old.freshUntil = freshUntil;
      old.staleUntil = staleUntil;
      old.tags = tags;
      old.setAt = old.used = ++this.clock;
      // Its old place in the queue (or the heap) is dead from here: `slot` names the new one.
      this.#enqueue(old);
      return;
    }
    // lru-cache refuses an entry larger than its byte budget (its maxEntrySize defaults to
    // maxSize) and drops the old entry of the key: so does L1.
    if (size > this.#maxBytes) {
      if (old !== undefined) this.remove(old);
      return;
    }
    const sized = this.#sized;
    sized.size = size;
    let entry: L1Entry | undefined;
    let id = -1;
    if (this.lru.size >= this.#maxEntries || this.#bytes + size > this.#maxBytes) {
      const stores = ++this.#stores;
      entry = this.#makeRoom(old, size);
      id = this.#takenId;
      this.#takenId = -1;
      if (this.#stores !== stores) {
        // An "evict" listener stored meanwhile: if it stored this key, that entry goes.
        const now = ns.index.get(key);
        if (now !== undefined && now !== old) this.remove(now);
      }
      // lru-cache updates an entry's size only when the value stored under the key changes.
      if (entry !== undefined && id >= 0 && entry.size !== size) entry = undefined;
    }
    if (entry === undefined) {
      entry = { value, createdAt, freshUntil, staleUntil, tags, size, namespace: ns.name, storageKey, counters: ns.l1, id: -1, bareKey: key, home: ns.index, setAt: 0, used: 0, slot: GONE };
    } else {
      entry.value = value;
      entry.createdAt = createdAt;
      entry.freshUntil = freshUntil;
      entry.staleUntil = staleUntil;
      entry.tags = tags;
      entry.size = size;
      entry.namespace = ns.name;
      entry.storageKey = storageKey;
      entry.counters = ns.l1;
      entry.bareKey = key;
      entry.home = ns.index;
    }
    // The key of the entry replaced, else the one of the entry evicted last (lru-cache sees a
    // set of a key it holds), else a free one.
    if (old !== undefined && old.id >= 0) id = old.id;
    else if (id < 0) id = this.#freeIds.length > 0 ? this.#freeIds.pop()! : this.#nextId++;
    entry.id = id;
    this.#replacing = id;
    try {
      this.lru.set(id, entry, sized);
    } finally {
      this.#replacing = -1;
    }
    this.#bytes += size;
    ns.index.set(key, entry);
    entry.setAt = entry.used = ++this.clock;
    this.#enqueue(entry);
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i]!;
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(entry);
    }
    if (storageKey !== undefined) this.#byStorageKey.set(`${ns.name}\u0000${storageKey}`, entry);
  }

  /** Puts a newly set entry at the young end of the queue. */
  #enqueue(entry: L1Entry): void {
    let queue = this.#queue;
    // Past this much slack (replacements and deletes leave dead positions), keep only live
    // ones: the copy is paid for by the SLACK or more pushes since the last one.
    if (queue.length >= 2 * this.lru.size + SLACK) {
      const live: L1Entry[] = [];
      for (let i = this.#head; i < queue.length; i++) {
        const held = queue[i];
        if (held !== undefined && held.slot === i) {
          held.slot = live.length;
          live.push(held);
        }
      }
      this.#queue = queue = live;
      this.#head = 0;
    }
    entry.slot = queue.length;
    queue.push(entry);
  }

  /**
   * Before a set that would make lru-cache evict: evicts the entries least recently set or
   * hit until an entry of `size` fits in place of `old` (see the class comment), and returns
   * the last one evicted, whose object the new entry may take over. Before a new key (no
   * `old`), that last victim stays in lru-cache: it leaves our books here and `#takenId` names
   * its lru-cache key, which the new entry takes over. If nothing is left to evict, lru-cache
   * enforces its bounds itself.
   */
  #makeRoom(old: L1Entry | undefined, size: number): L1Entry | undefined {
    const lru = this.lru;
    const grows = old === undefined ? 1 : 0;
    const delta = size - (old === undefined ? 0 : old.size);
    let evicted: L1Entry | undefined;
    while (lru.size + grows > this.#maxEntries || this.#bytes + delta > this.#maxBytes) {
      // Fields are read afresh each time: an "evict" listener may have set or deleted entries.
      const queue = this.#queue;
      let oldest: L1Entry | undefined;
      while (this.#head < queue.length) {
        const at = this.#head;
        const held = queue[at]!;
        // A dead position, or the entry this set replaces (lru-cache drops it).
        if (held.slot !== at || held === old) {
          queue[this.#head++] = undefined;
          continue;
        }
        if (held.used === held.setAt) {
          oldest = held;
          break;
        }
        queue[this.#head++] = undefined;
        this.#heapPush(held);
      }
      const top = this.#heapTop();
      let victim: L1Entry;
      if (top !== undefined && (oldest === undefined || top.used < oldest.used)) {
        this.#heapPop();
        if (top === old) continue;
        victim = top;
      } else if (oldest !== undefined) {
        queue[this.#head++] = undefined;
        victim = oldest;
      } else return evicted;
      victim.slot = GONE;
      if (old === undefined && lru.size - 1 + grows <= this.#maxEntries && this.#bytes - victim.size + delta <= this.#maxBytes) {
        // The last eviction before a new key: lru-cache keeps the victim under its key, which
        // the new entry takes over (a replacing set), so lru-cache's key map neither loses nor
        // gains a key. The victim leaves our books here, counted as an eviction.
        const id = victim.id;
        this.#forget(victim, true, false);
        this.#takenId = id;
        return victim;
      }
      this.#evicting = true;
      try {
        // The only entry left is lru-cache's head: pop it. (lru-cache's delete of its last entry
        // clears the whole cache instead, about 0.3 µs of an L1 miss with a one-entry L1.)
        if (lru.size === 1) lru.pop();
        else lru.delete(victim.id);
      } finally {
        this.#evicting = false;
      }
      evicted = victim;
    }
    return evicted;
  }

  #heapPush(entry: L1Entry): void {
    let heap = this.#heap;
    let keys = this.#heapUsed;
    if (heap.length >= this.lru.size + SLACK) {
      // Entries that left L1 while in the heap: rebuild it from the live ones.
      const live = heap.filter((held) => held.slot === IN_HEAP);
      this.#heap = heap = [];
      this.#heapUsed = keys = [];
      for (const held of live) this.#heapPush(held);
    }
    entry.slot = IN_HEAP;
    let i = heap.length;
    const used = entry.used;
    heap.push(entry);
    keys.push(used);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= used) break;
      heap[i] = heap[parent]!;
      keys[i] = keys[parent]!;
      i = parent;
    }
    heap[i] = entry;
    keys[i] = used;
  }

  /** The heap entry least recently used, after dropping dead ones and re-keying ones hit while in the heap. */
  #heapTop(): L1Entry | undefined {
    const heap = this.#heap;
    while (heap.length > 0) {
      const top = heap[0]!;
      if (top.slot !== IN_HEAP) {
        this.#heapPop();
        continue;
      }
      if (this.#heapUsed[0] === top.used) return top;
      this.#siftDown(top, top.used);
    }
    return undefined;
  }

  #heapPop(): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    const lastUsed = this.#heapUsed.pop()!;
    if (heap.length > 0) this.#siftDown(last, lastUsed);
  }

  /** Places `entry` with key `used` at the root and sifts it down. */
  #siftDown(entry: L1Entry, used: number): void {
    const heap = this.#heap;
    const keys = this.#heapUsed;
    const n = heap.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= used) break;
      heap[i] = heap[child]!;
      keys[i] = keys[child]!;
      i = child;
    }
    heap[i] = entry;
    keys[i] = used;
  }

  /** The entry of a storage key, if held. */
  entryOfStorageKey(namespace: string, storageKey: string): L1Entry | undefined {
    return this.#byStorageKey.get(`${namespace}\u0000${storageKey}`);
  }

  /** Drops `entry` if it is still in L1; returns whether it was. */
  remove(entry: L1Entry | undefined): boolean {
    return entry !== undefined && entry.id >= 0 && this.lru.delete(entry.id);
  }

  /** Drops every entry carrying one of `tags`; returns how many went. */
  deleteTagged(tags: readonly string[]): number {
    let count = 0;
    for (const tag of tags) {
      const entries = this.#byTag.get(tag);
      if (!entries) continue;
      for (const entry of [...entries]) if (this.remove(entry)) count++;
    }
    return count;
  }

  /** Drops the entries `matches` picks, or all. */
  clear(matches?: (entry: L1Entry) => boolean): void {
    if (!matches) {
      this.lru.clear();
      this.#queue = [];
      this.#head = 0;
      this.#heap = [];
      this.#heapUsed = [];
      return;
    }
    for (const entry of [...this.lru.values()]) if (matches(entry)) this.remove(entry);
  }

  /**
   * Evicts the coldest `fraction` of entries (memory pressure): those least recently set or
   * hit, by `used`; returns count and bytes.
   */
  shed(fraction: number): { count: number; bytes: number } {
    const target = Math.ceil(this.lru.size * Math.min(1, Math.max(0, fraction)));
    const before = this.#bytes;
    let count = 0;
    const cold = [...this.lru.values()].sort((a, b) => a.used - b.used).slice(0, target);
    for (const entry of cold) if (this.remove(entry)) count++;
    return { count, bytes: before - this.#bytes };
  }

  /**
   * Takes an entry that leaves L1 out of our books; `counted` when it is an eviction, `freeId`
   * when lru-cache no longer holds its key (not on a replacing set, nor when `#makeRoom`
   * hands the key to a new entry).
   */
  #forget(entry: L1Entry, counted: boolean, freeId: boolean): void {
    // On a replacement lru-cache disposes of the old entry before `set` indexes the new one,
    // which then takes its place in the key index: deleting the key first would cost a
    // delete and an insert in that Map (and V8 rehashes a Map that gathered deleted slots).
    const id = entry.id;
    entry.id = -1;
    if (freeId) this.#freeIds.push(id);
    this.#bytes -= entry.size;
    entry.slot = GONE;
    if (id !== this.#replacing && entry.home.get(entry.bareKey) === entry) entry.home.delete(entry.bareKey);
    for (const tag of entry.tags) {
      const entries = this.#byTag.get(tag);
      if (entries && entries.delete(entry) && entries.size === 0) this.#byTag.delete(tag);
    }
    if (entry.storageKey !== undefined) {
      const at = `${entry.namespace}\u0000${entry.storageKey}`;
      if (this.#byStorageKey.get(at) === entry) this.#byStorageKey.delete(at);
    }
    if (counted) {
      entry.counters.evictions++;
      this.#onEvict(1, entry.size);
    }
  }
}
