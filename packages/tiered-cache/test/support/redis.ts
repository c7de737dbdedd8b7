import { Redis } from "ioredis";
import { inject, vi } from "vitest";
import { isCI } from "../../../../tests/support/servers.js";

/** URL of the shared test Redis, or "" (tests then skip visibly; under CI that fails in global setup). */
export const redisUrl = inject("redisUrl");
if (!redisUrl) console.warn(`[tiered-cache] redis-server missing: Redis tests skipped${isCI ? " (CI: global setup fails)" : ""}`);

let counter = 0;
/** A key prefix no other test uses. */
export const uniquePrefix = (label: string) => `test:${label}:${process.pid}:${++counter}:${Date.now()}:`;

/** A plain client for looking at what the cache stored. */
export function rawClient(url: string): Redis {
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  return client;
}

/** `vi.waitFor` with room for a loaded CI machine (the default of 1 s is tight for cross-process hops). */
export function waitFor<T>(check: () => T | Promise<T>, timeout = 5_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 20 });
}
