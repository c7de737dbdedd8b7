import { Redis, type RedisOptions } from "ioredis";

/** How to reach Redis: a URL, or ioredis options. */
export type RedisTarget = string | RedisOptions;

/**
 * Opens an ioredis connection tuned for a cache that must never hang its caller: commands
 * fail at once while disconnected (no offline queue), each command has a timeout, and the
 * client keeps reconnecting in the background with a capped backoff.
 */
export function openRedis(target: RedisTarget, commandTimeout: number, extra: RedisOptions = {}): Redis {
  const options: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout,
    connectTimeout: 2_000,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(50 * attempt, 1_000),
    ...extra,
  };
  const client = typeof target === "string" ? new Redis(target, options) : new Redis({ ...target, ...options });
  // Errors are reported through the tier's warnings; without a listener ioredis prints them.
  client.on("error", () => {});
  return client;
}

/** Closes a connection without waiting on a server that may be gone. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === "end") return;
  try {
    if (client.status === "ready") await Promise.race([client.quit(), new Promise((r) => setTimeout(r, 500))]);
  } catch {
    // The connection may already be broken; disconnect below settles it.
  }
  client.disconnect();
}
