import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { DistributedLock } from "../storage-tier.js";

const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * A single-Redis lock (SET NX PX, released by a compare-and-delete script). It only
 * reduces duplicate work: correctness never depends on it, because a holder that dies
 * simply lets the lock expire and another process computes.
 */
export class RedisLock implements DistributedLock {
  readonly #client: Redis;
  readonly #prefix: string;

  readonly #connected: () => Promise<void>;

  /** `connected` should fail fast while Redis is down (the Redis tier's `connected()` does). */
  constructor(client: Redis, prefix = "sextant:cache:", connected: () => Promise<void> = async () => {}) {
    this.#client = client;
    this.#connected = connected;
    this.#prefix = `${prefix}\u0000lock:`;
    this.#client.defineCommand("sextantRelease", { numberOfKeys: 1, lua: RELEASE_SCRIPT });
  }

  async acquire(namespace: string, key: string, ttlMs: number): Promise<string | undefined> {
    await this.#connected();
    const token = randomBytes(12).toString("hex");
    const ok = await this.#client.set(`${this.#prefix}${namespace}:${key}`, token, "PX", ttlMs, "NX");
    return ok === "OK" ? token : undefined;
  }

  async release(namespace: string, key: string, token: string): Promise<void> {
    await (this.#client as unknown as { sextantRelease(key: string, token: string): Promise<number> })
      .sextantRelease(`${this.#prefix}${namespace}:${key}`, token);
  }
}
