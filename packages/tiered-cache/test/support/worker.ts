import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** A child process running a script of test/children/, driven by request/response lines. */
export interface Worker {
  call<T = unknown>(op: string, args?: Record<string, unknown>): Promise<T>;
  readonly process: ChildProcess;
}

/** Starts test/children/cache-worker.mjs: a cache with Redis (L3, bus, optionally the lock). */
export function startWorker(url: string, prefix: string, lock = false): Worker {
  return startChild("cache-worker.mjs", [url, prefix, lock ? "lock" : ""]);
}

/** Starts a script of test/children/ that answers one JSON line per `{ id, op, ...args }` line. */
export function startChild(script: string, args: readonly string[]): Worker {
  const child = spawn(process.execPath, [join(import.meta.dirname, "..", "children", script), ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const { id, result, error } = JSON.parse(line) as { id: number; result?: unknown; error?: string };
    const w = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) w?.reject(new Error(error));
    else w?.resolve(result);
  });
  return {
    process: child,
    call: <T>(op: string, args: Record<string, unknown> = {}) => new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.stdin!.write(JSON.stringify({ id, op, ...args }) + "\n");
    }),
  };
}
