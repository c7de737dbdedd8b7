import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { BusHandlers, BusMessage, InvalidationBus, TierContext } from "../storage-tier.js";
import { describeError } from "../errors.js";
import { closeRedis, firstSettle, openRedis, RedisDownError, type RedisTarget } from "./redis-connection.js";

/** Options of the Redis invalidation bus. */
export interface RedisBusOptions {
  /** Where Redis is. */
  redis: RedisTarget;
  /** Prefix of the channel and the generation key. Defaults to `sextant:cache:`. */
  prefix?: string;
  /** Per-command timeout in ms. Defaults to `500`. */
  commandTimeout?: number;
}

const at = z.number().finite();
const namespace = z.string().min(1).max(64);
/** The shape every bus message must have; anything else on the channel is dropped. */
const envelopeSchema = z.object({
  src: z.string(),
  m: z.discriminatedUnion("type", [
    z.object({ type: z.enum(["set", "delete"]), namespace, keys: z.array(z.string()).max(10_000), at }),
    z.object({ type: z.literal("clear"), namespace: namespace.optional(), at }),
    z.object({ type: z.literal("tags"), tags: z.array(z.string().min(1)).max(10_000), at }),
    z.object({ type: z.literal("reset"), at }),
  ]),
});

// Bumping the generation and publishing in one script keeps messages numbered in the
// order they were sent, so a receiver can tell a gap (a missed message) from a reordering.
const PUBLISH_SCRIPT = `local g = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], g .. ' ' .. ARGV[2])
return g`;

/**
 * Invalidation bus over Redis pub/sub. Every message carries a generation number from one
 * Redis counter; a receiver that sees a gap, a counter that went backwards (Redis
 * restarted) or a reconnect of its subscriber assumes it missed invalidations and resets
 * its local tiers. A process whose publish failed announces a reset once Redis is back.
 */
export class RedisBus implements InvalidationBus {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #channel: string;
  readonly #generationKey: string;
  readonly #id = randomBytes(8).toString("hex");
  #handlers: BusHandlers | undefined;
  #context: TierContext | undefined;
  #lastGeneration: number | undefined;
  #subscriberLost = false;
  #publishFailed = false;
  #closed = false;
  #subscription: Promise<void> = Promise.resolve();

  constructor(options: RedisBusOptions) {
    const prefix = options.prefix ?? "sextant:cache:";
    this.#channel = `${prefix}\u0000bus`;
    this.#generationKey = `${prefix}\u0000generation`;
    const timeout = options.commandTimeout ?? 500;
    this.#publisher = openRedis(options.redis, timeout);
    // The subscriber must queue its SUBSCRIBE until connected, and must not time out while idle.
    this.#subscriber = openRedis(options.redis, 0, { enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined, enableAutoPipelining: false });
    this.#publisher.defineCommand("sextantPublish", { numberOfKeys: 1, lua: PUBLISH_SCRIPT });
    this.#publisherSettled = firstSettle(this.#publisher, 1_000);
  }

  readonly #publisherSettled: Promise<void>;

  start(handlers: BusHandlers, context: TierContext): void {
    this.#handlers = handlers;
    this.#context = context;
    this.#subscriber.on("messageBuffer", (_channel: Buffer, payload: Buffer) => this.#receive(payload.toString("utf8")));
    this.#subscriber.on("close", () => {
      if (this.#closed) return;
      this.#subscriberLost = true;
      context.warn("invalidation bus disconnected; local tiers will be reset when it returns");
    });
    this.#subscriber.on("error", (error: unknown) => {
      this.#subscriberLost = true;
      context.warn(`invalidation bus unavailable: ${describeError(error)}`, error);
    });
    this.#subscriber.on("ready", () => {
      if (!this.#subscriberLost) return;
      this.#subscriberLost = false;
      this.#lastGeneration = undefined;
      context.recovered("invalidation bus reconnected");
      handlers.missed("the invalidation bus was disconnected");
    });
    this.#publisher.on("ready", () => {
      if (!this.#publishFailed) return;
      this.#publishFailed = false;
      void this.publish({ type: "reset", at: Date.now() });
    });
    // The subscriber queues SUBSCRIBE until Redis answers, then ioredis resubscribes on every reconnect.
    this.#subscription = this.#subscriber.subscribe(this.#channel).then(() => {}, (error: unknown) => {
      context.warn(`invalidation bus could not subscribe: ${describeError(error)}`, error);
    });
  }

  /** Resolves once the subscription is live (tests and start-up ordering use it). */
  async ready(): Promise<void> {
    await this.#subscription;
  }

  #receive(text: string): void {
    const space = text.indexOf(" ");
    const generation = Number(text.slice(0, space));
    let envelope: { src: string; m: BusMessage };
    try {
      const parsed = envelopeSchema.safeParse(JSON.parse(text.slice(space + 1)));
      if (!parsed.success || !Number.isSafeInteger(generation)) return;
      envelope = parsed.data as { src: string; m: BusMessage };
    } catch {
      // A foreign or damaged message on our channel is ignored, never fatal.
      return;
    }
    const last = this.#lastGeneration;
    this.#lastGeneration = generation;
    if (last !== undefined && generation !== last + 1 && envelope.src !== this.#id) {
      this.#handlers?.missed(generation <= last ? "the bus generation went backwards (Redis restarted)" : `bus generation gap (${last} → ${generation})`);
    }
    if (envelope.src === this.#id) return;
    try {
      this.#handlers?.message(envelope.m);
    } catch (error) {
      this.#context?.warn(`invalidation bus message could not be applied: ${describeError(error)}`, error);
    }
  }

  async publish(message: BusMessage): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#publisherSettled;
      if (this.#publisher.status !== "ready") throw new RedisDownError(this.#publisher.status);
      await (this.#publisher as unknown as { sextantPublish(key: string, channel: string, body: string): Promise<number> })
        .sextantPublish(this.#generationKey, this.#channel, JSON.stringify({ src: this.#id, m: message }));
    } catch (error) {
      // Others may now hold entries we changed: announce a reset once Redis is back.
      this.#publishFailed = true;
      this.#context?.warn(`invalidation bus could not publish: ${describeError(error)}`, error);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([closeRedis(this.#subscriber), closeRedis(this.#publisher)]);
  }
}

/** Creates the Redis invalidation bus. */
export function createRedisBus(options: RedisBusOptions): RedisBus {
  return new RedisBus(options);
}
