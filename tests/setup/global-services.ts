/**
 * Vitest global setup: starts one shared real Redis for the whole run and hands its URL
 * to tests through `inject("redisUrl")` (an empty string when it could not be started
 * locally; in CI that is a failure, never a skip).
 */
import type { TestProject } from "vitest/node";
import { hasExecutable, missingServer, startRedis, type RedisServer } from "../support/servers.js";

let redis: RedisServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (hasExecutable("redis-server")) {
    redis = await startRedis();
    project.provide("redisUrl", redis.url);
  } else {
    console.warn(`\n[sextant tests] ${missingServer("redis-server", "redis-server")}\n`);
    project.provide("redisUrl", "");
  }
}

export async function teardown(): Promise<void> {
  await redis?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the shared test Redis, or "" when redis-server is missing locally. */
    redisUrl: string;
  }
}
