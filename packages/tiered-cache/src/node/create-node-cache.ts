import { z } from "zod";
import { TieredCacheOptionsError } from "../errors.js";
import type { TieredCacheOptions } from "../options.js";
import type { StorageTier } from "../storage-tier.js";
import { createTieredCache, type TieredCache } from "../tiered-cache.js";
import { DiskTier, type DiskTierOptions } from "./disk-tier.js";
import { watchMemoryPressure, type MemoryPressureOptions } from "./memory-pressure.js";
import { RedisBus } from "./redis-bus.js";
import type { RedisTarget } from "./redis-connection.js";
import { RedisLock } from "./redis-lock.js";
import { RedisTier } from "./redis-tier.js";

/** Options of `createNodeCache`: the core options plus the Node tiers. */
export interface NodeCacheOptions extends Omit<TieredCacheOptions, "tiers" | "bus" | "lock"> {
  /** L2 on disk. Defaults to none. */
  disk?: DiskTierOptions;
  /** L3 in Redis, with the invalidation bus and optionally the cross-process lock. Defaults to none. */
  redis?: {
    /** A `redis://` URL or ioredis options. */
    url: RedisTarget;
    /** Key and channel prefix. Defaults to `sextant:cache:`. */
    prefix?: string;
    /** Per-command timeout in ms. Defaults to `500`. */
    commandTimeout?: number;
    /** Let ioredis pipeline concurrent commands automatically. Defaults to `false`. */
    autoPipelining?: boolean;
    /** Keep other processes' L1/L2 coherent over pub/sub. Defaults to `true`. */
    bus?: boolean;
    /** Use a Redis lock so one process runs a factory. Defaults to `false`. */
    lock?: boolean;
  };
  /** Shed L1 entries when the process's memory is over budget. Defaults to none. */
  memoryPressure?: MemoryPressureOptions;
}

const nodeSchema = z.object({
  disk: z.object({
    dir: z.string().min(1),
    maxBytes: z.number().int().positive().optional(),
    fsync: z.boolean().optional(),
    syncReads: z.boolean().optional(),
    syncReadMaxBytes: z.number().int().nonnegative().optional(),
    openFiles: z.number().int().nonnegative().optional(),
    name: z.string().min(1).optional(),
    fs: z.any().optional(),
  }).strict().optional(),
  redis: z.object({
    url: z.union([z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL"), z.record(z.string(), z.unknown())]),
    prefix: z.string().optional(),
    commandTimeout: z.number().int().positive().optional(),
    autoPipelining: z.boolean().optional(),
    bus: z.boolean().optional(),
    lock: z.boolean().optional(),
  }).strict().optional(),
  memoryPressure: z.object({
    maxHeapBytes: z.number().positive().optional(),
    maxRssBytes: z.number().positive().optional(),
    intervalMs: z.number().int().positive().optional(),
    shedFraction: z.number().gt(0).max(1).optional(),
    read: z.function().optional(),
  }).strict().optional(),
}).passthrough();

/**
 * Creates a cache with the Node tiers wired in: L1, then disk (L2), then Redis (L3), the
 * Redis invalidation bus and lock, and the memory-pressure watcher. Closing the cache
 * closes them all.
 */
export function createNodeCache(options: NodeCacheOptions): TieredCache {
  const parsed = nodeSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === "unrecognized_keys" ? (issue as { keys?: string[] }).keys ?? [] : [];
    const option = [...issue.path.map(String), ...keys.slice(0, 1)].join(".") || "(options)";
    throw new TieredCacheOptionsError(option, keys.length > 0 ? "unknown option" : issue.message);
  }
  const { disk, redis, memoryPressure, ...core } = options ?? {};
  const tiers: StorageTier[] = [];
  if (disk) tiers.push(new DiskTier(disk));
  let redisTier: RedisTier | undefined;
  if (redis) {
    redisTier = new RedisTier({ redis: redis.url, ...(redis.prefix !== undefined ? { prefix: redis.prefix } : {}), ...(redis.commandTimeout !== undefined ? { commandTimeout: redis.commandTimeout } : {}), ...(redis.autoPipelining !== undefined ? { autoPipelining: redis.autoPipelining } : {}) });
    tiers.push(redisTier);
  }
  const cache = createTieredCache({
    ...core,
    tiers,
    ...(redis && redis.bus !== false ? { bus: new RedisBus({ redis: redis.url, ...(redis.prefix !== undefined ? { prefix: redis.prefix } : {}) }) } : {}),
    ...(redisTier && redis?.lock ? { lock: new RedisLock(redisTier.client, redis.prefix, () => redisTier!.connected()) } : {}),
  });
  if (memoryPressure) {
    const watcher = watchMemoryPressure(cache, memoryPressure);
    cache.onClose(() => watcher.stop());
  }
  return cache;
}
