import { LRUCache } from "lru-cache";
import { coarseNow, strictNow } from "./clock.js";
import { decodeEnvelope, encodeEnvelope, type EntryMeta } from "./envelope.js";
import { describeError, TieredCacheOptionsError, TierUnavailableError } from "./errors.js";
import { CacheEvents, type CacheEventListener, type CacheEventName } from "./events.js";
import { runFactory, type Factory } from "./factory-runner.js";
import { createKeyring, type Keyring } from "./keyring.js";
import { L1Memory, type L1Entry } from "./l1-memory.js";
import { CacheMetrics, renderPrometheus, type MetricsSnapshot, type TierCounters } from "./metrics.js";
import { checkEntryOptions, NAMESPACE_PATTERN, resolveOptions, type EntryOptions, type ResolvedOptions, type TieredCacheOptions } from "./options.js";
import { jsonSerializer, type Serializer } from "./serializer.js";
import { estimateSize } from "./size-estimate.js";
import type { BusMessage, StorageTier, TierContext } from "./storage-tier.js";

/** Name of the namespace used by the methods of `TieredCache` itself. */
export const DEFAULT_NAMESPACE = "default";

interface Found {
  value: unknown;
  meta: EntryMeta;
  /** The stored bytes, kept only when faster storage tiers must be backfilled with them. */
  sealed: Uint8Array | undefined;
  /** Stored size in bytes (the L1 byte budget counts it). */
  size: number;
  tierIndex: number;
  /** Fresh, or only within grace. */
  fresh: boolean;
}

interface Decoded {
  meta: EntryMeta;
  value: unknown;
  size: number;
  sealed: Uint8Array | undefined;
}

/** Stored bytes that did not decode (a `readNow` callback returns this instead of throwing). */
class Undecodable {
  constructor(readonly error: unknown) {}
}

/** A storage-tier lookup waiting for the batch of its synchronous run (see `Engine.queueRead`). */
interface QueuedRead {
  read: (key: string, storageKey: string) => unknown;
  key: string;
  storageKey: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const SETTLED = Promise.resolve();
/** The tags of an entry stored without any (shared: entries never change their tags). */
const NO_TAGS: readonly string[] = Object.freeze([]);
/** Windows skipped after one that gathered nothing (see `Engine.#windowsSkipped`). */
const SKIP_AFTER_EMPTY_WINDOW = 15;

/** Below this many queued lookups a batch is not worth a look at shared state: each read checks its own. */
const MIN_BATCH = 4;

interface Lookup {
  fresh: Found | undefined;
  stale: Found | undefined;
  /** Index of the tier the asynchronous part of a lookup goes on with; -1 when the lookup is finished. */
  next: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Per-namespace state: its L1 key prefix and the counters of each tier, looked up once so
 * the hot path never builds a map key.
 */
class NamespaceState {
  readonly prefix: string;
  /** This namespace's L1 entries by the caller's key (kept by `L1Memory`): the hit path's lookup. */
  readonly index = new Map<string, L1Entry>();
  readonly l1: TierCounters;
  readonly tiers: TierCounters[];
  /**
   * The storage-tier part of an L1 miss in this namespace, for lookups read in a batch: set
   * once by the namespace's handle, so a queued lookup carries no closure of its own, and the
   * handle (whose fields every L1 hit reads) keeps the layout it had.
   */
  readTiers: (key: string, storageKey: string) => unknown = () => undefined;
  constructor(readonly name: string, metrics: CacheMetrics, tiers: readonly StorageTier[]) {
    // The default namespace uses bare keys (fast path); others get a NUL-framed prefix
    // that no default-namespace key may start with.
    this.prefix = name === DEFAULT_NAMESPACE ? "" : `\u0000${name}\u0000`;
    this.l1 = metrics.counters("l1", name);
    this.tiers = tiers.map((t) => metrics.counters(t.name, name));
  }
}

/**
 * The engine behind `TieredCache` and its namespaces: L1, the storage tiers, the bus, the
 * lock, coalescing and grace. Internal; the public faces are `TieredCache` and `CacheNamespace`.
 */
class Engine {
  readonly options: ResolvedOptions;
  readonly l1: L1Memory;
  /** Namespace states by name (the bus names namespaces). */
  readonly namespaces = new Map<string, NamespaceState>();
  readonly events = new CacheEvents();
  readonly metrics = new CacheMetrics();
  readonly serializer: Serializer;
  readonly inflight = new Map<string, Promise<unknown>>();
  readonly tagTimes = new Map<string, number>();
  readonly #keyring: Promise<Keyring> | undefined;
  readonly #hashMemo = new LRUCache<string, string>({ max: 4096 });
  readonly #downTiers = new Set<string>();
  /** Entries of local tiers created before this instant are not trusted (set after missed invalidations). */
  floor = 0;
  #closed = false;
  #sampler = 0;
  #readSampler = 0;
  /** Whether L1-miss lookups of one synchronous run are read as a batch (the first tier supports it, no decryption). */
  readonly batchReads: boolean;
  /** Whether the current synchronous run has read a tier and gathers the lookups after it. */
  #gathering = false;
  /**
   * Runs that will not open a window: after a window gathered nothing (lookups one at a time,
   * each awaited), the next few lookups skip the microtask a window costs. A burst arriving
   * meanwhile is read one by one until a window opens again, which only costs speed.
   */
  #windowsSkipped = 0;
  /** Lookups queued in the current synchronous run. */
  #queued: QueuedRead[] = [];
  readonly closeHooks: (() => void | Promise<void>)[] = [];

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.serializer = options.serializer ?? jsonSerializer;
    this.l1 = new L1Memory(options.maxEntries, options.maxBytes, (count, bytes) => {
      if (this.events.has("evict")) this.events.emit("evict", { tier: "l1", count, bytes, reason: "budget" });
    });
    this.metrics.trackBytes("l1", () => this.l1.bytes);
    for (const tier of options.tiers) {
      if (tier.bytes) this.metrics.trackBytes(tier.name, () => tier.bytes!());
      tier.attach?.(this.#contextFor(tier.name));
    }
    if (options.encryption) {
      this.#keyring = createKeyring(options.encryption.secret);
      // A bad secret surfaces on first use; keep the rejection from being reported as unhandled.
      this.#keyring.catch(() => {});
    }
    options.bus?.start(
      { message: (m) => this.onBusMessage(m), missed: (reason) => this.resetLocal(reason) },
      this.#contextFor("bus"),
    );
    if (options.tiers.some((t) => t.loadTagTimes)) this.background(this.loadTagTimes());
    const first = options.tiers[0];
    this.batchReads = !options.encryption && first?.readNow !== undefined && first.beginBatch !== undefined;
  }

  /**
   * Batches the storage-tier lookups that callers start in one synchronous run (e.g. a
   * `Promise.all` of gets). The first one reads at once and opens the run's window; the ones
   * after it are queued and read together in a microtask, between the tiers' `beginBatch` and
   * `endBatch`: every one of them was requested before the batch began, so a tier may check
   * shared state once for all (the disk tier looks at a directory instead of every file).
   * Returns `undefined` when the caller must read now, else the promise of its result.
   */
  queueRead(read: (key: string, storageKey: string) => unknown, key: string, storageKey: string): Promise<unknown> | undefined {
    if (!this.#gathering) {
      if (this.#windowsSkipped > 0) {
        this.#windowsSkipped--;
        return undefined;
      }
      this.#gathering = true;
      // A reaction on a settled promise: the cheapest microtask (queueMicrotask makes an async resource per call in Node).
      void SETTLED.then(this.#flush);
      return undefined;
    }
    const queued = this.#queued;
    return new Promise((resolve, reject) => { queued.push({ read, key, storageKey, resolve, reject }); });
  }

  readonly #flush = (): void => {
    this.#gathering = false;
    const queued = this.#queued;
    if (queued.length === 0) {
      this.#windowsSkipped = SKIP_AFTER_EMPTY_WINDOW;
      return;
    }
    this.#queued = [];
    if (queued.length < MIN_BATCH) {
      for (const q of queued) {
        try { q.resolve(q.read(q.key, q.storageKey)); } catch (error) { q.reject(error); }
      }
      return;
    }
    this.#beginBatch();
    try {
      for (const q of queued) {
        // The next lookupNow is this queued read; any other one before the next queued read was
        // started meanwhile (by an event listener) and must not use the batch (see lookupNow).
        this.#batchedReadNext = true;
        try { q.resolve(q.read(q.key, q.storageKey)); } catch (error) { q.reject(error); }
      }
    } finally {
      this.#batchedReadNext = false;
      this.#endBatch();
    }
  };

  /** Whether the tiers are in a batch begun by `#flush`. */
  #inBatch = false;
  /** Set by `#flush` before each queued read: the next `lookupNow` is that read. */
  #batchedReadNext = false;

  #beginBatch(): void {
    this.#inBatch = true;
    for (const tier of this.options.tiers) tier.beginBatch?.();
  }

  #endBatch(): void {
    this.#inBatch = false;
    for (const tier of this.options.tiers) tier.endBatch?.();
  }

  #contextFor(tier: string): TierContext {
    return {
      warn: (message, error) => this.warnTier(tier, message, error),
      recovered: (message) => this.recoverTier(tier, message),
      info: (message) => this.events.emit("info", { tier, message }),
      corrupt: (namespace, key, reason) => this.events.emit("corrupt", { tier, namespace, key, reason }),
      evicted: (count, bytes, reason) => this.events.emit("evict", { tier, count, bytes, reason }),
      requestReset: (reason) => {
        void this.options.bus?.publish({ type: "reset", at: Date.now() });
        this.events.emit("info", { tier, message: `published a reset: ${reason}` });
      },
    };
  }

  /** Runs work nobody awaits; in strict mode its failure becomes a warning instead of an unhandled rejection. */
  background(work: Promise<unknown>): void {
    work.catch((error: unknown) => this.events.emit("warning", { message: `background cache work failed: ${describeError(error)}`, error }));
  }

  /** Warns once per outage of a tier. */
  warnTier(tier: string, message: string, error?: unknown): void {
    if (this.#downTiers.has(tier)) return;
    this.#downTiers.add(tier);
    this.events.emit("warning", { tier, message, error });
  }

  recoverTier(tier: string, message: string): void {
    if (!this.#downTiers.delete(tier)) return;
    this.events.emit("info", { tier, message });
  }

  /** Samples roughly one L1 lookup in 64 for the latency histogram. */
  shouldSample(): boolean {
    return (++this.#sampler & 63) === 0;
  }

  /** The key as stored in shared tiers: the caller's key, or its HMAC (then asynchronously). */
  storageKey(ns: NamespaceState, key: string): string | Promise<string> {
    if (!this.#keyring || !this.options.encryption?.hashKeys) return key;
    return this.#hashedKey(ns, key);
  }

  async #hashedKey(ns: NamespaceState, key: string): Promise<string> {
    const id = `${ns.name}\u0000${key}`;
    const memo = this.#hashMemo.get(id);
    if (memo !== undefined) return memo;
    const hashed = await (await this.#keyring!).hashKey(id);
    this.#hashMemo.set(id, hashed);
    return hashed;
  }

  async seal(ns: NamespaceState, storageKey: string, meta: EntryMeta, value: unknown): Promise<Uint8Array> {
    const envelope = encodeEnvelope(meta, this.serializer.serialize(value));
    if (!this.#keyring) return envelope;
    return (await this.#keyring).encrypt(envelope, `${ns.name}\u0000${storageKey}`);
  }

  /** Decrypts (when encryption is on) and decodes stored bytes; synchronous without encryption, so a plain hit skips a promise. */
  unseal(ns: NamespaceState, storageKey: string, bytes: Uint8Array): Decoded | Promise<Decoded> {
    if (!this.#keyring) return this.decode(bytes);
    return this.#keyring.then((ring) => ring.decrypt(bytes, `${ns.name}\u0000${storageKey}`)).then((plain) => this.decode(plain));
  }

  decode(plain: Uint8Array): Decoded {
    const { meta, value } = decodeEnvelope(plain);
    return { meta, value: this.serializer.deserialize(value), size: plain.length, sealed: undefined };
  }

  /**
   * `readNow` callbacks (made once, not per lookup): decode bytes that are only valid during
   * the call. The first tier's copy is never needed (nothing above it but L1, which holds the
   * live value); a lower tier's bytes are copied because faster tiers get backfilled with them.
   */
  readonly #decodeTransient = (bytes: Uint8Array): Decoded | Undecodable => {
    try { return this.decode(bytes); } catch (error) { return new Undecodable(error); }
  };

  readonly #decodeKept = (bytes: Uint8Array): Decoded | Undecodable => {
    try {
      const decoded = this.decode(bytes);
      decoded.sealed = bytes.slice();
      return decoded;
    } catch (error) { return new Undecodable(error); }
  };

  /** Whether an entry survived tag invalidations (and, in local tiers, the last reset). */
  trusted(meta: { createdAt: number; tags: readonly string[] }, local: boolean): boolean {
    if (local && meta.createdAt < this.floor) return false;
    for (const tag of meta.tags) {
      const at = this.tagTimes.get(tag);
      if (at !== undefined && meta.createdAt <= at) return false;
    }
    return true;
  }

  /** Runs a tier operation; a failure is a warning and `fallback` unless the cache is strict. */
  async guard<T>(tier: StorageTier, counters: TierCounters | undefined, op: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const result = await op();
      this.tierAnswered(tier);
      return result;
    } catch (error) {
      this.tierFailed(tier, counters, error);
      return fallback;
    }
  }

  /** A tier operation succeeded: end its outage, if it had one. */
  tierAnswered(tier: StorageTier): void {
    if (this.#downTiers.size > 0 && this.#downTiers.has(tier.name)) this.recoverTier(tier.name, `${tier.name} answers again`);
  }

  /** A tier operation failed: count it and warn once per outage, or throw when the cache is strict. */
  tierFailed(tier: StorageTier, counters: TierCounters | undefined, error: unknown): void {
    if (counters) counters.errors++;
    if (this.options.strict) throw new TierUnavailableError(tier.name, error);
    this.warnTier(tier.name, `${tier.name} failed (${describeError(error)}); carrying on without it`, error);
  }

  /**
   * Looks a key up in the storage tiers, fastest first, stopping at the first fresh entry.
   * Synchronous (a plain object, no promise) when every tier it reads answers through `readNow`.
   */
  lookupTiers(ns: NamespaceState, key: string, storageKey: string): Lookup | Promise<Lookup> {
    const now = this.lookupNow(ns, key, storageKey);
    return now.next < 0 ? now : this.lookupLater(ns, key, storageKey, now);
  }

  /**
   * The synchronous part of a lookup: tiers with `readNow` are read in order for as long as
   * they answer at once (without encryption: decryption is asynchronous). Returns the finished
   * lookup, or one whose `next` says where the asynchronous part goes on.
   */
  lookupNow(ns: NamespaceState, key: string, storageKey: string): Lookup {
    if (this.#inBatch) {
      if (this.#batchedReadNext) {
        this.#batchedReadNext = false;
      } else {
        // A lookup started during a batch (a listener called the cache): it was not requested
        // before the batch began, so it reads outside it, and the batch starts over after it
        // (the queued reads left look at shared state again, which is still after their request).
        this.#endBatch();
        try { return this.#lookupNow(ns, key, storageKey); } finally { this.#beginBatch(); }
      }
    }
    return this.#lookupNow(ns, key, storageKey);
  }

  #lookupNow(ns: NamespaceState, key: string, storageKey: string): Lookup {
    const tiers = this.options.tiers;
    let stale: Found | undefined;
    if (this.#keyring) return { fresh: undefined, stale, next: 0 };
    for (let i = 0; i < tiers.length; i++) {
      const tier = tiers[i]!;
      if (tier.readNow === undefined) return { fresh: undefined, stale, next: i };
      const counters = ns.tiers[i]!;
      // Synchronous reads are timed one in eight: two clock reads cost several percent of one.
      const timed = (++this.#readSampler & 7) === 0;
      const started = timed ? performance.now() : 0;
      let result: Decoded | Undecodable | undefined | null;
      try {
        result = tier.readNow(ns.name, storageKey, i === 0 ? this.#decodeTransient : this.#decodeKept);
        this.tierAnswered(tier);
      } catch (error) {
        this.tierFailed(tier, counters, error);
        result = undefined;
      }
      if (result === null) return { fresh: undefined, stale, next: i };
      if (timed) counters.latency.observe(performance.now() - started);
      if (result === undefined) { counters.misses++; continue; }
      if (result instanceof Undecodable) { this.#undecodable(ns, key, storageKey, i, result.error); continue; }
      const found = this.#judge(ns, storageKey, i, result);
      if (found === undefined) continue;
      if (found.fresh) return { fresh: found, stale, next: -1 };
      stale ??= found;
    }
    return { fresh: undefined, stale, next: -1 };
  }

  /** The asynchronous part of a lookup, from tier `from.next` on (through `get`). */
  async lookupLater(ns: NamespaceState, key: string, storageKey: string, from: Lookup): Promise<Lookup> {
    const tiers = this.options.tiers;
    let stale = from.stale;
    for (let i = from.next; i < tiers.length; i++) {
      const tier = tiers[i]!;
      const counters = ns.tiers[i]!;
      const started = performance.now();
      let bytes: Uint8Array | undefined;
      // guard() unrolled: this is the L1-miss hot path, and a closure plus an extra async frame per tier showed in profiles.
      try {
        bytes = await tier.get(ns.name, storageKey);
        this.tierAnswered(tier);
      } catch (error) {
        this.tierFailed(tier, counters, error);
        bytes = undefined;
      }
      counters.latency.observe(performance.now() - started);
      if (bytes === undefined) { counters.misses++; continue; }
      let decoded: Decoded;
      try {
        const pending = this.unseal(ns, storageKey, bytes);
        decoded = pending instanceof Promise ? await pending : pending;
      } catch (error) {
        this.#undecodable(ns, key, storageKey, i, error);
        continue;
      }
      decoded.size = bytes.length;
      decoded.sealed = bytes;
      const found = this.#judge(ns, storageKey, i, decoded);
      if (found === undefined) continue;
      if (found.fresh) return { fresh: found, stale, next: -1 };
      stale ??= found;
    }
    return { fresh: undefined, stale, next: -1 };
  }

  /**
   * Counts and judges a decoded entry of tier `i`: fresh or stale (within grace), or a miss
   * (`undefined`) — an entry invalidated by a tag or a reset, or past its grace, is deleted.
   */
  #judge(ns: NamespaceState, storageKey: string, i: number, decoded: Decoded): Found | undefined {
    const tier = this.options.tiers[i]!;
    const counters = ns.tiers[i]!;
    const meta = decoded.meta;
    const now = coarseNow();
    if (!this.trusted(meta, tier.scope === "local") || now >= meta.staleUntil) {
      counters.misses++;
      this.background(this.guard(tier, counters, () => tier.delete(ns.name, storageKey, meta.createdAt + 0.0005), undefined));
      return undefined;
    }
    const fresh = now < meta.freshUntil;
    if (fresh) counters.hits++;
    else counters.misses++;
    return { value: decoded.value, meta, sealed: decoded.sealed, size: decoded.size, tierIndex: i, fresh };
  }

  /** Stored bytes that do not decode: a miss, reported, and removed from the tier. */
  #undecodable(ns: NamespaceState, key: string, storageKey: string, i: number, error: unknown): void {
    const tier = this.options.tiers[i]!;
    const counters = ns.tiers[i]!;
    counters.misses++;
    counters.evictions++;
    this.events.emit("corrupt", { tier: tier.name, namespace: ns.name, key, reason: describeError(error) });
    this.background(this.guard(tier, counters, () => tier.delete(ns.name, storageKey), undefined));
  }

  /**
   * Copies an entry found in a lower tier into L1 and the tiers above it. Returns a promise
   * only when there are tier writes to wait for (a hit in the first storage tier has none).
   */
  backfill(ns: NamespaceState, key: string, storageKey: string, found: Found): Promise<unknown> | undefined {
    // A tag invalidation or a reset may have arrived since the lookup checked the entry:
    // then the caller still gets the value it looked up, but no tier keeps it.
    if (!this.trusted(found.meta, this.options.tiers[found.tierIndex]!.scope === "local")) return undefined;
    this.putL1(ns, key, storageKey, found.value, found.meta, found.size);
    if (found.tierIndex === 0 || !found.sealed) return undefined;
    const ttl = found.meta.staleUntil - Date.now();
    if (ttl <= 0) return undefined;
    const writes: Promise<void>[] = [];
    for (let i = 0; i < found.tierIndex; i++) {
      const tier = this.options.tiers[i]!;
      // A local tier would not trust an entry older than the last reset: do not write it there.
      if (tier.scope === "local" && found.meta.createdAt < this.floor) continue;
      const counters = ns.tiers[i]!;
      counters.writes++;
      writes.push(this.guard(tier, counters, () => tier.set(ns.name, storageKey, found.sealed!, ttl, found.meta.createdAt), undefined));
    }
    return writes.length > 0 ? Promise.all(writes) : undefined;
  }

  putL1(ns: NamespaceState, key: string, storageKey: string | undefined, value: unknown, meta: EntryMeta, size?: number): void {
    ns.l1.writes++;
    this.l1.store(ns, key, value, meta.createdAt, meta.freshUntil, meta.staleUntil, meta.tags, Math.max(1, size ?? estimateSize(value)),
      // Only hashed storage keys need the reverse index; a plain one maps back to its L1 key directly (#plainL1Key).
      this.options.encryption?.hashKeys ? storageKey : undefined);
  }

  /**
   * Writes a value to every tier and tells the other processes. With L1 alone (no storage
   * tier, no bus) the write is done when this returns, and the promise is one settled before.
   */
  set(ns: NamespaceState, key: string, value: unknown, options: EntryOptions | undefined): Promise<void> {
    if (value === undefined) return Promise.reject(new TypeError(`cannot cache undefined for key "${key}": use delete() to remove an entry`));
    const ttl = options?.ttl ?? this.options.ttl;
    const grace = options?.grace ?? this.options.grace;
    const tags = options?.tags ?? NO_TAGS;
    if (this.options.tiers.length === 0 && !this.options.bus) {
      // With L1 alone, an entry's creation time is only the base of its deadlines (nothing
      // compares it with invalidation times), so the hit path's once-per-millisecond clock
      // serves: a clock read costs about a fifth of such a set.
      const createdAt = coarseNow();
      ns.l1.writes++;
      this.l1.store(ns, key, value, createdAt, createdAt + ttl, createdAt + ttl + grace, tags, Math.max(1, estimateSize(value)), undefined);
      return SETTLED;
    }
    const createdAt = strictNow();
    const meta: EntryMeta = { createdAt, freshUntil: createdAt + ttl, staleUntil: createdAt + ttl + grace, tags };
    return this.#setEverywhere(ns, key, value, meta, ttl + grace);
  }

  async #setEverywhere(ns: NamespaceState, key: string, value: unknown, meta: EntryMeta, lifetime: number): Promise<void> {
    const tiers = this.options.tiers;
    const storageKey = await this.storageKey(ns, key);
    let sealed: Uint8Array | undefined;
    if (tiers.length > 0) {
      try {
        sealed = await this.seal(ns, storageKey, meta, value);
      } catch (error) {
        throw new TypeError(`cannot store the value of key "${key}" with the ${this.serializer.name} serializer: ${describeError(error)}`);
      }
    }
    this.putL1(ns, key, storageKey, value, meta, sealed?.length);
    await Promise.all(tiers.map((tier, i) => {
      ns.tiers[i]!.writes++;
      return this.guard(tier, ns.tiers[i], () => tier.set(ns.name, storageKey, sealed!, lifetime, meta.createdAt), undefined);
    }));
    await this.options.bus?.publish({ type: "set", namespace: ns.name, keys: [storageKey], at: meta.createdAt });
  }

  async delete(ns: NamespaceState, key: string): Promise<void> {
    this.l1.remove(ns.index.get(key));
    if (this.options.tiers.length === 0 && !this.options.bus) return;
    const storageKey = await this.storageKey(ns, key);
    await Promise.all(this.options.tiers.map((tier, i) => this.guard(tier, ns.tiers[i], () => tier.delete(ns.name, storageKey), undefined)));
    await this.options.bus?.publish({ type: "delete", namespace: ns.name, keys: [storageKey], at: strictNow() });
  }

  async clear(ns: NamespaceState | undefined): Promise<void> {
    this.clearL1(ns?.name);
    await Promise.all(this.options.tiers.map((tier) => this.guard(tier, undefined, () => tier.clear(ns?.name), undefined)));
    await this.options.bus?.publish(ns ? { type: "clear", namespace: ns.name, at: strictNow() } : { type: "clear", at: strictNow() });
  }

  clearL1(namespace: string | undefined): void {
    if (namespace === undefined) return this.l1.clear();
    this.l1.clear((entry) => entry.namespace === namespace);
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    const at = strictNow();
    this.applyTags(tags, at);
    await Promise.all(this.options.tiers.map((tier) =>
      tier.invalidateTags ? this.guard(tier, undefined, () => tier.invalidateTags!(tags, at), undefined) : undefined));
    await this.options.bus?.publish({ type: "tags", tags, at });
  }

  applyTags(tags: readonly string[], at: number): void {
    for (const tag of tags) if ((this.tagTimes.get(tag) ?? -Infinity) < at) this.tagTimes.set(tag, at);
    this.l1.deleteTagged(tags);
  }

  async loadTagTimes(): Promise<void> {
    for (const tier of this.options.tiers) {
      if (!tier.loadTagTimes) continue;
      const times = await this.guard(tier, undefined, () => tier.loadTagTimes!(), new Map<string, number>());
      for (const [tag, at] of times) this.applyTags([tag], at);
    }
  }

  /** Drops what local tiers hold: invalidations may have been missed. */
  resetLocal(reason: string): void {
    this.floor = strictNow();
    this.l1.clear();
    this.events.emit("info", { message: `local tiers reset: ${reason}` });
    this.background(this.loadTagTimes());
  }

  onBusMessage(message: BusMessage): void {
    if (this.#closed) return;
    this.events.emit("remote", {
      type: message.type,
      ...("namespace" in message && message.namespace !== undefined ? { namespace: message.namespace } : {}),
      ...("keys" in message ? { keys: message.keys } : {}),
      ...("tags" in message ? { tags: message.tags } : {}),
    });
    const localTiers = this.options.tiers.filter((t) => t.scope === "local");
    switch (message.type) {
      case "set":
      case "delete":
        for (const storageKey of message.keys) {
          const entry = this.l1.entryOfStorageKey(message.namespace, storageKey) ?? this.#plainL1Entry(message.namespace, storageKey);
          if (entry && entry.createdAt < message.at) this.l1.remove(entry);
          for (const tier of localTiers) this.background(this.guard(tier, undefined, () => tier.delete(message.namespace, storageKey, message.at), undefined));
        }
        break;
      case "clear":
        this.clearL1(message.namespace);
        for (const tier of localTiers) this.background(this.guard(tier, undefined, () => tier.clear(message.namespace), undefined));
        break;
      case "tags":
        this.applyTags(message.tags, message.at);
        break;
      case "reset":
        this.resetLocal("another process lost invalidations while a tier was down");
        break;
    }
  }

  /** Without key hashing, a storage key is the caller's key. */
  #plainL1Entry(namespace: string, storageKey: string): L1Entry | undefined {
    if (this.options.encryption?.hashKeys) return undefined;
    return this.namespaces.get(namespace)?.index.get(storageKey);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const hook of this.closeHooks) await hook();
    await this.options.bus?.close();
    await Promise.all(this.options.tiers.map((tier) => tier.close().catch(() => {})));
  }

  /** Computes a value with the cross-process lock: one process runs the factory, the others wait for its result. */
  async withLock<T>(ns: NamespaceState, key: string, storageKey: string, compute: () => Promise<T>): Promise<T> {
    const lock = this.options.lock!;
    const deadline = Date.now() + this.options.lockWait;
    let delay = 5;
    for (;;) {
      let token: string | undefined;
      try {
        token = await lock.acquire(ns.name, storageKey, this.options.lockTtl);
      } catch (error) {
        if (this.options.strict) throw new TierUnavailableError("lock", error);
        this.warnTier("lock", `lock unavailable (${describeError(error)}); computing without it`, error);
        return compute();
      }
      if (token !== undefined) {
        try {
          // Another process may have finished while we were waiting for the lock.
          const again = await this.lookupTiers(ns, key, storageKey);
          if (again.fresh) {
            await this.backfill(ns, key, storageKey, again.fresh);
            return again.fresh.value as T;
          }
          return await compute();
        } finally {
          await lock.release(ns.name, storageKey, token).catch(() => {});
        }
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 50);
      const found = await this.lookupTiers(ns, key, storageKey);
      if (found.fresh) {
        await this.backfill(ns, key, storageKey, found.fresh);
        return found.fresh.value as T;
      }
      if (Date.now() >= deadline) return compute();
    }
  }

  async getOrSetSlow<T>(ns: NamespaceState, key: string, factory: Factory<T>, options: EntryOptions | undefined): Promise<T> {
    const l1Entry = ns.index.get(key);
    let stale: { value: T } | undefined;
    if (l1Entry && Date.now() < l1Entry.staleUntil) stale = { value: l1Entry.value as T };
    const pendingKey = this.storageKey(ns, key);
    const storageKey = typeof pendingKey === "string" ? pendingKey : await pendingKey;
    if (this.options.tiers.length > 0) {
      const found = await this.lookupTiers(ns, key, storageKey);
      if (found.fresh) {
        await this.backfill(ns, key, storageKey, found.fresh);
        return found.fresh.value as T;
      }
      if (!stale && found.stale) stale = { value: found.stale.value as T };
    }
    const compute = () => this.compute(ns, key, factory, stale, options);
    const useLock = this.options.lock !== undefined && options?.lock !== false;
    return useLock ? this.withLock(ns, key, storageKey, compute) : compute();
  }

  async compute<T>(ns: NamespaceState, key: string, factory: Factory<T>, stale: { value: T } | undefined, options: EntryOptions | undefined): Promise<T> {
    const started = performance.now();
    this.metrics.countFactory(ns.name);
    const outcome = await runFactory(key, factory, stale, options?.softTimeout ?? this.options.softTimeout, options?.hardTimeout ?? this.options.hardTimeout);
    const ok = outcome.kind === "value";
    if (this.events.has("factory")) this.events.emit("factory", { namespace: ns.name, key, durationMs: performance.now() - started, ok });
    if (outcome.kind === "value") {
      if (outcome.value !== undefined) await this.set(ns, key, outcome.value, options);
      return outcome.value;
    }
    if (outcome.kind === "soft-timeout") {
      // The run goes on; its result is stored when it arrives, and a failure is only logged.
      outcome.pending.then(
        (value) => (value === undefined ? undefined : this.set(ns, key, value, options)),
        (error: unknown) => this.events.emit("warning", { message: `background factory for "${key}" failed: ${describeError(error)}`, error }),
      ).catch(() => {});
      ns.l1.staleServed++;
      this.events.emit("stale", { namespace: ns.name, key, reason: "soft-timeout" });
      return stale!.value;
    }
    if (stale) {
      ns.l1.staleServed++;
      const reason = outcome.error instanceof Error && outcome.error.name === "FactoryTimeoutError" ? "hard-timeout" : "factory-error";
      this.events.emit("stale", { namespace: ns.name, key, reason });
      return stale.value;
    }
    throw outcome.error;
  }

  snapshot(): MetricsSnapshot {
    return this.metrics.snapshot();
  }
}

function checkKey(key: unknown, ns: NamespaceState): asserts key is string {
  if (typeof key !== "string" || key.length === 0) throw new TypeError(`cache keys must be non-empty strings (namespace "${ns.name}")`);
  if (key.charCodeAt(0) === 0) throw new TypeError("cache keys may not start with a NUL character");
}

/**
 * One namespace of a cache: keys are private to it, `clear()` empties only it, and its
 * metrics are reported apart. Get one with `cache.namespace(name)`.
 */
export class CacheNamespace {
  readonly #engine: Engine;
  readonly #ns: NamespaceState;
  /** Held directly so an L1 hit costs as few property loads as possible. */
  readonly #l1: L1Memory;
  /** This namespace's L1 entries by the caller's key (no prefixed key to build on a hit). */
  readonly #index: Map<string, L1Entry>;
  /** L1 counters of this namespace. */
  readonly #counters: TierCounters;

  /** @internal Use `TieredCache.namespace()`. */
  constructor(engine: Engine, ns: NamespaceState) {
    this.#engine = engine;
    this.#ns = ns;
    this.#l1 = engine.l1;
    this.#index = ns.index;
    this.#counters = ns.l1;
    ns.readTiers = (key, storageKey) => this.#readTiers(key, storageKey);
  }

  /** The namespace's name. */
  get name(): string {
    return this.#ns.name;
  }

  /** The fresh value of `key` from the fastest tier holding one, backfilling faster tiers; `undefined` when there is none. */
  async get<T = unknown>(key: string): Promise<T | undefined> {
    const entry = this.#index.get(key);
    if (entry !== undefined && coarseNow() < entry.freshUntil) {
      this.#counters.hits++;
      const l1 = this.#l1;
      entry.used = ++l1.clock;
      return entry.value as T;
    }
    // An L2 hit read synchronously comes back as a value: no promise of ours on that path.
    const result = this.#getMiss<T>(key, entry !== undefined);
    return result instanceof Promise ? await result : result;
  }

  /** An L1 miss: the value, or a promise of it when a tier had to be awaited. */
  #getMiss<T>(key: string, inL1: boolean): T | undefined | Promise<T | undefined> {
    const ns = this.#ns;
    const engine = this.#engine;
    checkKey(key, ns);
    ns.l1.misses++;
    const l1Key = ns.prefix + key;
    // L1 has no timers: an entry past its grace is dropped when a lookup finds it.
    if (inL1) {
      const expired = ns.index.get(key);
      if (expired !== undefined && Date.now() >= expired.staleUntil) engine.l1.remove(expired);
    }
    if (engine.options.tiers.length === 0) return undefined;
    const pending = engine.inflight.get(l1Key);
    if (pending) return pending.then(() => this.peek<T>(key), () => undefined);
    const storageKey = engine.storageKey(ns, key);
    if (typeof storageKey !== "string") return this.#getHashed<T>(key, storageKey);
    if (engine.batchReads) {
      const queued = engine.queueRead(ns.readTiers, key, storageKey);
      if (queued !== undefined) return queued as Promise<T | undefined>;
    }
    return this.#readTiers(key, storageKey) as T | undefined | Promise<T | undefined>;
  }

  /** The storage-tier part of an L1 miss (now, or in its run's batch): the value, or a promise of it. */
  #readTiers(key: string, storageKey: string): unknown {
    const engine = this.#engine;
    const found = engine.lookupNow(this.#ns, key, storageKey);
    if (found.next >= 0) return this.#getLater(key, storageKey, engine.lookupLater(this.#ns, key, storageKey, found));
    return this.#backfilled(key, storageKey, found);
  }

  async #getHashed<T>(key: string, pendingKey: Promise<string>): Promise<T | undefined> {
    const storageKey = await pendingKey;
    const found = await this.#engine.lookupTiers(this.#ns, key, storageKey);
    return this.#backfilled<T>(key, storageKey, found);
  }

  async #getLater<T>(key: string, storageKey: string, lookup: Promise<Lookup>): Promise<T | undefined> {
    const result = this.#backfilled<T>(key, storageKey, await lookup);
    return result instanceof Promise ? await result : result;
  }

  /** Backfills faster tiers with a fresh find; a promise only when there are tier writes to wait for. */
  #backfilled<T>(key: string, storageKey: string, found: Lookup): T | undefined | Promise<T | undefined> {
    const fresh = found.fresh;
    if (fresh === undefined) return undefined;
    const writes = this.#engine.backfill(this.#ns, key, storageKey, fresh);
    return writes === undefined ? (fresh.value as T) : writes.then(() => fresh.value as T);
  }

  /**
   * Returns the fresh value of `key`, or computes it once with `factory` (concurrent callers in
   * this process share one run; with a lock, processes share one run too) and stores it in every tier.
   * When the factory fails or times out and a value within grace exists, that stale value is served.
   */
  async getOrSet<T>(key: string, factory: Factory<T>, options?: EntryOptions): Promise<T> {
    const ns = this.#ns;
    const engine = this.#engine;
    const entry = this.#index.get(key);
    if (entry !== undefined && coarseNow() < entry.freshUntil) {
      this.#counters.hits++;
      const l1 = this.#l1;
      entry.used = ++l1.clock;
      return entry.value as T;
    }
    checkKey(key, ns);
    const l1Key = ns.prefix + key;
    if (options) checkEntryOptions(options);
    ns.l1.misses++;
    const pending = engine.inflight.get(l1Key);
    if (pending) return pending as Promise<T>;
    const run = engine.getOrSetSlow(ns, key, factory, options).finally(() => engine.inflight.delete(l1Key));
    engine.inflight.set(l1Key, run);
    return run;
  }

  /**
   * Stores a value in every tier (`undefined` is refused: use `delete`). Not an async
   * function: with L1 alone the write is done synchronously and the promise returned is one
   * settled before, so a set makes no promise of its own; a bad argument is a rejection.
   */
  set(key: string, value: unknown, options?: EntryOptions): Promise<void> {
    try {
      checkKey(key, this.#ns);
      if (options) checkEntryOptions(options);
      return this.#engine.set(this.#ns, key, value, options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Removes `key` from every tier and from other processes' L1 (through the bus). */
  async delete(key: string): Promise<void> {
    checkKey(key, this.#ns);
    await this.#engine.delete(this.#ns, key);
  }

  /** Whether any tier holds a fresh value for `key` (nothing is backfilled). */
  async has(key: string): Promise<boolean> {
    const ns = this.#ns;
    checkKey(key, ns);
    const entry = ns.index.get(key);
    if (entry !== undefined && Date.now() < entry.freshUntil) return true;
    if (this.#engine.options.tiers.length === 0) return false;
    const found = await this.#engine.lookupTiers(ns, key, await this.#engine.storageKey(ns, key));
    return found.fresh !== undefined;
  }

  /**
   * The fresh value of `key` from L1 only, synchronously: the hot path for callers that can
   * fall back to `get` themselves. It counts an L1 hit or miss and refreshes recency, like `get`.
   */
  getSync<T = unknown>(key: string): T | undefined {
    const entry = this.#index.get(key);
    if (entry !== undefined && coarseNow() < entry.freshUntil) {
      this.#counters.hits++;
      const l1 = this.#l1;
      entry.used = ++l1.clock;
      return entry.value as T;
    }
    this.#counters.misses++;
    return undefined;
  }

  /** The fresh value of `key` in L1 only, synchronously, without touching its recency or metrics. */
  peek<T = unknown>(key: string): T | undefined {
    const entry = this.#index.get(key);
    return entry !== undefined && coarseNow() < entry.freshUntil ? (entry.value as T) : undefined;
  }

  /** Empties this namespace in every tier and in other processes. */
  async clear(): Promise<void> {
    await this.#engine.clear(this.#ns);
  }

  /** Invalidates every entry (of any namespace) carrying one of `tags`, here and in other processes. */
  async invalidateTags(tags: readonly string[]): Promise<void> {
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== "string" || t.length === 0)) {
      throw new TypeError("tags must be an array of non-empty strings");
    }
    await this.#engine.invalidateTags(tags);
  }
}

/**
 * A tiered cache: L1 in memory, then any storage tiers (disk, Redis), with coalescing,
 * grace, tags, namespaces, an invalidation bus and metrics. Its own methods work on the
 * `default` namespace. Create one with `createTieredCache` (or `createNodeCache` from `./node`).
 */
export class TieredCache extends CacheNamespace {
  readonly #engine: Engine;
  readonly #namespaces = new Map<string, CacheNamespace>();
  /** @internal Use `createTieredCache`. */
  constructor(engine: Engine) {
    const ns = new NamespaceState(DEFAULT_NAMESPACE, engine.metrics, engine.options.tiers);
    engine.namespaces.set(DEFAULT_NAMESPACE, ns);
    super(engine, ns);
    this.#engine = engine;
    this.#namespaces.set(DEFAULT_NAMESPACE, this);
  }

  /** The namespace called `name` (letters, digits, `_ . -`, at most 64). */
  namespace(name: string): CacheNamespace {
    let handle = this.#namespaces.get(name);
    if (handle) return handle;
    if (typeof name !== "string" || !NAMESPACE_PATTERN.test(name)) {
      throw new TieredCacheOptionsError("namespace", `"${String(name)}" is not a valid namespace name (${NAMESPACE_PATTERN})`);
    }
    const ns = new NamespaceState(name, this.#engine.metrics, this.#engine.options.tiers);
    this.#engine.namespaces.set(name, ns);
    handle = new CacheNamespace(this.#engine, ns);
    this.#namespaces.set(name, handle);
    return handle;
  }

  /** Empties every namespace in every tier and in other processes. */
  async clearAll(): Promise<void> {
    await this.#engine.clear(undefined);
  }

  /** Subscribes to cache events (warnings, corrupt entries, stale serves, evictions, remote invalidations). */
  on<E extends CacheEventName>(event: E, listener: CacheEventListener<E>): () => void {
    return this.#engine.events.on(event, listener);
  }

  /** A snapshot of hits, misses, hit rate, latency, bytes and evictions per tier and namespace. */
  metrics(): MetricsSnapshot {
    return this.#engine.snapshot();
  }

  /** The metrics in Prometheus text exposition format. */
  prometheus(prefix?: string): string {
    return renderPrometheus(this.#engine.snapshot(), prefix);
  }

  /** Evicts the coldest `fraction` (0–1) of L1 entries, e.g. under memory pressure; returns what went. */
  shed(fraction: number, reason = "memory pressure"): { count: number; bytes: number } {
    const result = this.#engine.l1.shed(fraction);
    if (result.count > 0) this.#engine.events.emit("evict", { tier: "l1", count: result.count, bytes: result.bytes, reason });
    return result;
  }

  /** Entries and estimated bytes in L1. */
  l1Stats(): { entries: number; bytes: number } {
    return { entries: this.#engine.l1.lru.size, bytes: this.#engine.l1.bytes };
  }

  /** Resolves once the invalidation bus is subscribed (at once without a bus); waits while Redis is down. */
  async ready(): Promise<void> {
    await this.#engine.options.bus?.ready?.();
  }

  /** Registers a function that `close()` runs first (e.g. to stop a watcher). */
  onClose(hook: () => void | Promise<void>): void {
    this.#engine.closeHooks.push(hook);
  }

  /** Stops the bus and closes every tier. */
  async close(): Promise<void> {
    await this.#engine.close();
  }
}

/** Creates a tiered cache; options are validated and a wrong one is named in the error. */
export function createTieredCache(options?: TieredCacheOptions): TieredCache {
  return new TieredCache(new Engine(resolveOptions(options)));
}
