import { z } from "zod";
import { TieredCacheOptionsError } from "./errors.js";
import type { Serializer } from "./serializer.js";
import type { DistributedLock, InvalidationBus, StorageTier } from "./storage-tier.js";

const duration = z.number().finite().nonnegative();
const positiveInt = z.number().int().positive();
const hasMethods = (...names: string[]) => (value: unknown) =>
  typeof value === "object" && value !== null && names.every((n) => typeof (value as Record<string, unknown>)[n] === "function");

/**
 * Names of namespaces: short, printable, safe as a directory name and a Redis key part. Not
 * made of dots only: the disk tier keeps a namespace in a directory of its name, and `.` or
 * `..` there named the directory of every namespace or the cache's root (clearing namespace
 * `.` deleted every namespace's entries).
 */
export const NAMESPACE_PATTERN = /^(?!\.+$)[A-Za-z0-9_.-]{1,64}$/;

const schema = z.object({
  l1: z.object({
    maxEntries: positiveInt.optional(),
    maxBytes: positiveInt.optional(),
  }).strict().optional(),
  ttl: duration.optional(),
  grace: duration.optional(),
  softTimeout: duration.optional(),
  hardTimeout: duration.optional(),
  tiers: z.array(z.custom<StorageTier>(hasMethods("get", "set", "delete", "clear", "close"), "expected a storage tier (get/set/delete/clear/close)")).optional(),
  bus: z.custom<InvalidationBus>(hasMethods("start", "publish", "close"), "expected an invalidation bus (start/publish/close)").optional(),
  lock: z.custom<DistributedLock>(hasMethods("acquire", "release"), "expected a lock (acquire/release)").optional(),
  lockTtl: positiveInt.optional(),
  lockWait: duration.optional(),
  serializer: z.custom<Serializer>(hasMethods("serialize", "deserialize"), "expected a serializer (serialize/deserialize)").optional(),
  encryption: z.object({
    secret: z.union([z.string().min(32, "must be at least 32 characters"), z.instanceof(Uint8Array).refine((b) => b.length >= 32, "must be at least 32 bytes")]),
    hashKeys: z.boolean().optional(),
  }).strict().optional(),
  strict: z.boolean().optional(),
}).strict();

/** Options of `createTieredCache`. */
export interface TieredCacheOptions {
  /** Bounds of the in-memory L1. */
  l1?: {
    /** Most entries held. Defaults to `10000`. */
    maxEntries?: number;
    /** Most (estimated) bytes held. Defaults to `67108864` (64 MiB). */
    maxBytes?: number;
  };
  /** How long a value stays fresh, in ms. Defaults to `300000` (5 minutes). */
  ttl?: number;
  /** How long after `ttl` a stale value may still be served when the factory fails or times out, in ms. Defaults to `0`. */
  grace?: number;
  /** After this many ms a running factory is left to finish in the background and a stale value is served, if one exists. Defaults to none. */
  softTimeout?: number;
  /** After this many ms a factory is abandoned (its signal aborted): a stale value is served, else `FactoryTimeoutError`. Defaults to none. */
  hardTimeout?: number;
  /** Storage tiers below L1, fastest first (e.g. disk, then Redis). Defaults to `[]`. */
  tiers?: StorageTier[];
  /** Invalidation bus shared with other processes. Defaults to none. */
  bus?: InvalidationBus;
  /** Cross-process lock used by `getOrSet` so one process computes a value. Defaults to none. */
  lock?: DistributedLock;
  /** How long a taken lock lives, in ms (guards against a crashed holder). Defaults to `10000`. */
  lockTtl?: number;
  /** How long a process waits for another's lock before computing anyway, in ms. Defaults to `5000`. */
  lockWait?: number;
  /** Turns values into bytes for storage tiers. Defaults to `jsonSerializer`. */
  serializer?: Serializer;
  /** Encrypts values in storage tiers (AES-256-GCM) and, unless `hashKeys` is false, hashes keys (HMAC-SHA-256). Defaults to none. */
  encryption?: {
    /** At least 32 bytes (or characters) of secret; two keys are derived from it with HKDF. */
    secret: string | Uint8Array;
    /** Store keys as keyed hashes so a shared tier never sees them. Defaults to `true`. */
    hashKeys?: boolean;
  };
  /** Let tier failures reach the caller as `TierUnavailableError` instead of being misses. Defaults to `false`. */
  strict?: boolean;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly ttl: number;
  readonly grace: number;
  readonly softTimeout: number | undefined;
  readonly hardTimeout: number | undefined;
  readonly tiers: readonly StorageTier[];
  readonly bus: InvalidationBus | undefined;
  readonly lock: DistributedLock | undefined;
  readonly lockTtl: number;
  readonly lockWait: number;
  readonly serializer: Serializer | undefined;
  readonly encryption: { secret: string | Uint8Array; hashKeys: boolean } | undefined;
  readonly strict: boolean;
}

/** Validates options with zod; throws `TieredCacheOptionsError` naming the first wrong option. */
export function resolveOptions(input: unknown): ResolvedOptions {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String).join(".") || (issue.code === "unrecognized_keys" ? "" : "(root)");
    const keys = issue.code === "unrecognized_keys" ? (issue as { keys?: string[] }).keys ?? [] : [];
    const option = keys.length > 0 ? [path, keys[0]].filter(Boolean).join(".") : path;
    throw new TieredCacheOptionsError(option, keys.length > 0 ? "unknown option" : issue.message);
  }
  const o = result.data;
  return {
    maxEntries: o.l1?.maxEntries ?? 10_000,
    maxBytes: o.l1?.maxBytes ?? 64 * 1024 * 1024,
    ttl: o.ttl ?? 300_000,
    grace: o.grace ?? 0,
    softTimeout: o.softTimeout,
    hardTimeout: o.hardTimeout,
    tiers: o.tiers ?? [],
    bus: o.bus,
    lock: o.lock,
    lockTtl: o.lockTtl ?? 10_000,
    lockWait: o.lockWait ?? 5_000,
    serializer: o.serializer,
    encryption: o.encryption ? { secret: o.encryption.secret, hashKeys: o.encryption.hashKeys ?? true } : undefined,
    strict: o.strict ?? false,
  };
}

const entryOptionsSchema = z.object({
  ttl: duration.optional(),
  grace: duration.optional(),
  tags: z.array(z.string().min(1)).optional(),
  softTimeout: duration.optional(),
  hardTimeout: duration.optional(),
  lock: z.boolean().optional(),
}).strict();

/** Per-call options of `set` and `getOrSet`. */
export interface EntryOptions {
  /** Freshness in ms. Defaults to the cache's `ttl`. */
  ttl?: number;
  /** Grace after `ttl` in ms. Defaults to the cache's `grace`. */
  grace?: number;
  /** Tags for `invalidateTags`. Defaults to `[]`. */
  tags?: string[];
  /** Soft factory timeout in ms (`getOrSet` only). Defaults to the cache's `softTimeout`. */
  softTimeout?: number;
  /** Hard factory timeout in ms (`getOrSet` only). Defaults to the cache's `hardTimeout`. */
  hardTimeout?: number;
  /** Use the cross-process lock (`getOrSet` only). Defaults to `true` when the cache has a lock. */
  lock?: boolean;
}

/** Validates per-call options (only called when some are given). */
export function checkEntryOptions(input: EntryOptions): void {
  const result = entryOptionsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keys = issue.code === "unrecognized_keys" ? (issue as { keys?: string[] }).keys ?? [] : [];
    const option = keys[0] ?? (issue.path.map(String).join(".") || "(options)");
    throw new TieredCacheOptionsError(option, keys.length > 0 ? "unknown option" : issue.message);
  }
}
