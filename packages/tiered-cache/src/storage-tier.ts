/**
 * The contracts between the isomorphic core and the tiers, bus and lock that live under
 * `./node` (or that a caller writes for another platform). Everything here is plain data
 * and promises, so the core never needs a Node built-in.
 */

/** Reports from a tier to the cache it is attached to. */
export interface TierContext {
  /** Logs a warning; repeated warnings of one tier are folded until it recovers. */
  warn(message: string, error?: unknown): void;
  /** The tier works again after a warning. */
  recovered(message: string): void;
  /** Something worth logging that is no fault (the cache emits it as an `info` event). Optional for callers that build contexts. */
  info?(message: string): void;
  /** A stored entry failed its checksum or decoding; it has been removed. */
  corrupt(namespace: string, key: string, reason: string): void;
  /** Entries were evicted to respect a budget. */
  evicted(count: number, bytes: number, reason: string): void;
  /**
   * The tier lost writes or invalidations while it was down: every process must drop what
   * its local tiers hold (the cache publishes a reset on the bus).
   */
  requestReset(reason: string): void;
}

/** A byte-storing cache tier below L1 (the disk L2, the Redis L3, or your own). */
export interface StorageTier {
  /** Tier name in metrics and logs, e.g. `l2` or `l3`. */
  readonly name: string;
  /**
   * `local` tiers (disk) are private to one host and must be invalidated by bus messages;
   * a `shared` tier (Redis) is the common truth and is invalidated directly.
   */
  readonly scope: "local" | "shared";
  /** Called once by the cache before any other method. */
  attach?(context: TierContext): void;
  /** Reads the stored bytes of a key, or `undefined`. May throw when the tier is down. */
  get(namespace: string, key: string): Promise<Uint8Array | undefined>;
  /**
   * Optional synchronous read, for a tier that can often answer without waiting (the disk
   * tier reads a small file with one `open`, `read`, `close`). It hands the stored bytes to
   * `use` — they are valid only during that call, so the tier may read into a buffer it
   * reuses and skip a copy — and returns what `use` returned; `undefined` when the key is
   * absent; `null` when it cannot answer synchronously this time (not ready, a large entry,
   * anything that needs cleanup), and the cache then calls `get`. `use` never throws. May
   * throw when the tier is down, like `get`.
   */
  readNow?<T>(namespace: string, key: string, use: (bytes: Uint8Array) => T): T | undefined | null;
  /**
   * Optional: the `readNow` calls until `endBatch` were all requested before this call (the
   * cache gathers the lookups its callers started in one synchronous run and reads them
   * together), so the tier may check state they share once instead of once per read; the
   * disk tier looks at a namespace's directory once instead of at every file.
   */
  beginBatch?(): void;
  /** Ends what `beginBatch` began. */
  endBatch?(): void;
  /** Stores bytes for `ttlMs` milliseconds; `createdAt` is the entry's creation time. */
  set(namespace: string, key: string, bytes: Uint8Array, ttlMs: number, createdAt: number): Promise<void>;
  /** Removes a key; with `olderThan`, only when the stored entry was created before it. */
  delete(namespace: string, key: string, olderThan?: number): Promise<void>;
  /** Removes a whole namespace, or everything when `namespace` is omitted. */
  clear(namespace?: string): Promise<void>;
  /** Persists tag invalidation times (optional). */
  invalidateTags?(tags: readonly string[], at: number): Promise<void>;
  /** Loads persisted tag invalidation times (optional). */
  loadTagTimes?(): Promise<ReadonlyMap<string, number>>;
  /** Bytes held, for metrics (optional). */
  bytes?(): number;
  /** Releases resources (connections, timers). */
  close(): Promise<void>;
}

/** A message on the invalidation bus. Keys are storage keys (hashed when key hashing is on). */
export type BusMessage =
  | { type: "set" | "delete"; namespace: string; keys: readonly string[]; at: number }
  | { type: "clear"; namespace?: string; at: number }
  | { type: "tags"; tags: readonly string[]; at: number }
  | { type: "reset"; at: number };

/** Handlers the cache gives to a bus. */
export interface BusHandlers {
  /** A message from another process (a bus never delivers a process's own messages). */
  message(message: BusMessage): void;
  /** Messages may have been missed (disconnect, generation gap): drop local state. */
  missed(reason: string): void;
}

/** Carries invalidations between processes so each process's L1 (and L2) stays coherent. */
export interface InvalidationBus {
  /** Called once by the cache. */
  start(handlers: BusHandlers, context: TierContext): void;
  /** Resolves once the bus receives messages (optional; waits while Redis is down). */
  ready?(): Promise<void>;
  /** Publishes a message; must not throw (failures are remembered and announced later as a reset). */
  publish(message: BusMessage): Promise<void>;
  /** Stops listening. */
  close(): Promise<void>;
}

/** A lock shared by processes, so one of them computes a value while the others wait. */
export interface DistributedLock {
  /** Tries once to take the lock; resolves to a token when taken, else `undefined`. Throws when unavailable. */
  acquire(namespace: string, key: string, ttlMs: number): Promise<string | undefined>;
  /** Releases a lock taken with `token` (a no-op when it expired or changed hands). */
  release(namespace: string, key: string, token: string): Promise<void>;
}
