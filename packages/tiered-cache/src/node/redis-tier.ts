import type { Redis } from "ioredis";
import type { StorageTier, TierContext } from "../storage-tier.js";
import { describeError } from "../errors.js";
import { closeRedis, firstSettle, openRedis, RedisDownError, type RedisTarget } from "./redis-connection.js";

/** Options of the Redis tier (L3). */
export interface RedisTierOptions {
  /** Where Redis is. */
  redis: RedisTarget;
  /** Prefix of every key, so caches can share a Redis. Defaults to `sextant:cache:`. */
  prefix?: string;
  /**
   * A Redis that leaves a command unanswered for this long (detected within one to two
   * times it) counts as down: the connection is dropped, pending calls become misses, and
   * ioredis reconnects. Checked by one watchdog timer per connection rather than a timer per
   * command, which cost several microseconds on every lookup. Defaults to `500`.
   */
  commandTimeout?: number;
  /** Most keys remembered as written while Redis was down (beyond it the whole prefix is flushed on return). Defaults to `10000`. */
  journalLimit?: number;
  /**
   * Use ioredis's own auto-pipelining. Rarely useful: the tier already sends the commands
   * issued in one tick in a single socket write, without ioredis's pipeline objects, and
   * auto-pipelining measured slower for sequential callers. Defaults to `false`.
   */
  autoPipelining?: boolean;
  /** Tier name in metrics and logs. Defaults to `l3`. */
  name?: string;
}

/**
 * L3 in Redis: keys `<prefix><namespace>:<key>` with a PX TTL; batch work (journal replay,
 * namespace clears) goes out as explicit pipelines, and auto-pipelining can be turned on. While Redis is down every call fails fast (the cache turns that into a miss);
 * keys written or deleted meanwhile are journaled and deleted from Redis when it returns,
 * and a reset is requested so no process keeps serving what it missed.
 */
export class RedisTier implements StorageTier {
  readonly name: string;
  readonly scope = "shared" as const;
  readonly client: Redis;
  readonly #prefix: string;
  readonly #journal = new Set<string>();
  readonly #journalLimit: number;
  #journalOverflow = false;
  #down = false;
  #context: TierContext | undefined;
  readonly #settled: Promise<void>;
  #firstSettled = false;
  /** The socket corked for the current tick, if any (see `#batchWrites`). */
  #corked: { uncork(): void } | undefined;
  readonly #uncork = (): void => {
    const stream = this.#corked;
    this.#corked = undefined;
    stream?.uncork();
  };
  readonly #watchdog: ReturnType<typeof setInterval>;
  /** The oldest unanswered command seen by the previous watchdog check. */
  #watchedHead: unknown;

  constructor(options: RedisTierOptions) {
    this.name = options.name ?? "l3";
    this.#prefix = options.prefix ?? "sextant:cache:";
    this.#journalLimit = options.journalLimit ?? 10_000;
    const commandTimeout = options.commandTimeout ?? 500;
    this.client = openRedis(options.redis, undefined, { enableAutoPipelining: options.autoPipelining ?? false });
    this.client.on("error", (error: unknown) => this.#markDown(`Redis (${this.name}) unavailable: ${describeError(error)}; L1/L2 carry on`, error));
    this.client.on("close", () => this.#markDown(`Redis (${this.name}) connection closed; L1/L2 carry on`));
    this.client.on("ready", () => void this.#onReady());
    this.#settled = firstSettle(this.client, 1_000);
    this.#watchdog = setInterval(() => this.#checkStall(), commandTimeout);
    this.#watchdog.unref();
  }

  /**
   * Called every `commandTimeout` ms: when the command at the head of the reply queue is the
   * one that was there at the previous check, Redis has not answered it for at least that
   * long. Destroying the socket fails every pending command at once (each a miss for the
   * cache), exactly as a broken connection would, and ioredis reconnects with its backoff.
   */
  #checkStall(): void {
    const head = this.client.commandQueue.peekFront()?.command;
    if (head !== undefined && head === this.#watchedHead) {
      this.#watchedHead = undefined;
      this.#markDown(`Redis (${this.name}) did not answer within the command timeout; L1/L2 carry on`);
      // destroy(), not disconnect(): a polite close waits for a server that is not answering.
      this.client.stream.destroy();
      return;
    }
    this.#watchedHead = head;
  }

  /**
   * Corks the socket until the end of the current tick, so the commands that concurrent
   * callers issue in one tick leave in one write (as node-redis does) instead of one
   * system call each. A sequential caller loses nothing: the tick ends as soon as it awaits.
   */
  #batchWrites(): void {
    if (this.#corked !== undefined) return;
    const stream = this.client.stream;
    if (stream === undefined || stream === null) return;
    stream.cork();
    this.#corked = stream;
    process.nextTick(this.#uncork);
  }

  /**
   * Fails fast while Redis is unreachable instead of queueing (after the first connection
   * attempt settled). Once settled and ready it returns without a promise, so a lookup pays
   * no extra microtask hops.
   */
  #connected(): Promise<void> | undefined {
    if (this.#firstSettled && this.client.status === "ready") return undefined;
    return this.#settled.then(() => {
      this.#firstSettled = true;
      if (this.client.status !== "ready") throw new RedisDownError(this.client.status);
    });
  }

  attach(context: TierContext): void {
    this.#context = context;
  }

  #markDown(message: string, error?: unknown): void {
    this.#down = true;
    this.#context?.warn(message, error);
  }

  async #onReady(): Promise<void> {
    if (!this.#down) return;
    this.#down = false;
    const keys = [...this.#journal];
    const overflow = this.#journalOverflow;
    this.#journal.clear();
    this.#journalOverflow = false;
    try {
      if (overflow) await this.#unlinkMatching(`${this.#prefix}*`);
      else await this.#unlinkBatched(keys);
    } catch (error) {
      // Redis left again mid-replay: keep the journal for the next return.
      for (const key of keys) this.#journal.add(key);
      this.#journalOverflow ||= overflow;
      this.#markDown(`Redis (${this.name}) failed during recovery: ${describeError(error)}`, error);
      return;
    }
    this.#context?.recovered(`Redis (${this.name}) is back`);
    if (keys.length > 0 || overflow) this.#context?.requestReset(`${keys.length || "many"} key(s) changed while Redis was down`);
  }

  #remember(key: string): void {
    if (this.#journal.size >= this.#journalLimit) this.#journalOverflow = true;
    else this.#journal.add(key);
  }

  #key(namespace: string, key: string): string {
    return `${this.#prefix}${namespace}:${key}`;
  }

  get(namespace: string, key: string): Promise<Uint8Array | undefined> {
    const waiting = this.#connected();
    if (waiting) return waiting.then(() => this.#get(namespace, key));
    return this.#get(namespace, key);
  }

  /** One GET with a Buffer reply (a `Buffer` is a `Uint8Array`: no string decoding, no copy). */
  #get(namespace: string, key: string): Promise<Uint8Array | undefined> {
    this.#batchWrites();
    return this.client.getBuffer(this.#key(namespace, key)).then(orUndefined);
  }

  async set(namespace: string, key: string, bytes: Uint8Array, ttlMs: number): Promise<void> {
    const id = this.#key(namespace, key);
    try {
      await this.#connected();
      this.#batchWrites();
      await this.client.set(id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "PX", Math.max(1, Math.ceil(ttlMs)));
    } catch (error) {
      this.#remember(id);
      throw error;
    }
  }

  async delete(namespace: string, key: string): Promise<void> {
    const id = this.#key(namespace, key);
    try {
      await this.#connected();
      await this.client.unlink(id);
    } catch (error) {
      this.#remember(id);
      throw error;
    }
  }

  async clear(namespace?: string): Promise<void> {
    const pattern = namespace === undefined ? `${this.#prefix}*` : `${this.#prefix}${namespace}:*`;
    try {
      await this.#connected();
      await this.#unlinkMatching(pattern);
    } catch (error) {
      this.#journalOverflow = true;
      throw error;
    }
  }

  async #unlinkMatching(pattern: string): Promise<void> {
    let cursor = "0";
    do {
      const [next, keys] = await this.client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      await this.#unlinkBatched(keys);
    } while (cursor !== "0");
  }

  /** Deletes keys in one pipeline of UNLINK commands of at most 500 keys each. */
  async #unlinkBatched(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const pipeline = this.client.pipeline();
    for (let i = 0; i < keys.length; i += 500) pipeline.unlink(...keys.slice(i, i + 500));
    const results = (await pipeline.exec()) ?? [];
    for (const [error] of results) if (error) throw error;
  }

  async invalidateTags(tags: readonly string[], at: number): Promise<void> {
    await this.#connected();
    const fields: string[] = [];
    for (const tag of tags) fields.push(tag, String(at));
    await this.client.hset(`${this.#prefix}\u0000tags`, ...fields);
  }

  async loadTagTimes(): Promise<ReadonlyMap<string, number>> {
    await this.#connected();
    const all = await this.client.hgetall(`${this.#prefix}\u0000tags`);
    return new Map(Object.entries(all).map(([tag, at]) => [tag, Number(at)] as [string, number]).filter(([, at]) => Number.isFinite(at)));
  }

  /** Resolves when the first connection attempt settled (used by the lock). */
  connected(): Promise<void> {
    return this.#connected() ?? Promise.resolve();
  }

  async close(): Promise<void> {
    clearInterval(this.#watchdog);
    await closeRedis(this.client);
  }
}

const orUndefined = (value: Buffer | null): Uint8Array | undefined => value ?? undefined;

/** Creates the Redis tier (L3). */
export function createRedisTier(options: RedisTierOptions): RedisTier {
  return new RedisTier(options);
}
