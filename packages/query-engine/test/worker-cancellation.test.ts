/**
 * Cancellation across threads: the database lives in a worker thread, the main thread
 * announces a write through the shared CancellationFlag while the worker is busy in a
 * long query, and the worker's next read throws Cancelled. The worker runs the real
 * engine source, bundled once with esbuild (workers cannot load TypeScript directly).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancellationFlag } from "@sextant/query-engine";

const WORKER_SOURCE = `
import { parentPort, workerData } from "node:worker_threads";
const { Database, CancellationFlag, Cancelled } = await import(workerData.engineUrl);
const flag = new CancellationFlag(workerData.buffer);
const db = new Database({ cancellationFlag: flag });
const mode = db.input("mode");
const item = db.input("item");
for (let i = 0; i < 100; i++) item.set(i, i);
mode.set(null, "slow");
const total = db.query("total", (ctx) => {
  let sum = 0;
  if (ctx.get(mode, null) === "slow") {
    parentPort.postMessage({ type: "started" });
    // Would run for 20 s if nobody cancelled it: every read checks the shared flag.
    const deadline = Date.now() + 20000;
    for (let i = 0; Date.now() < deadline; i++) sum += ctx.get(item, i % 100);
    return { sum, finished: "slow" };
  }
  for (let i = 0; i < 100; i++) sum += ctx.get(item, i);
  return { sum, finished: "fast" };
});
parentPort.on("message", (message) => {
  if (message.type === "set") {
    mode.set(null, message.mode);
    flag.acknowledge();
    parentPort.postMessage({ type: "applied", revision: db.revision, pending: flag.pending });
  } else if (message.type === "compute") {
    try {
      parentPort.postMessage({ type: "result", value: db.get(total, null) });
    } catch (error) {
      parentPort.postMessage({
        type: "error",
        cancelled: error instanceof Cancelled,
        name: error.name,
        reason: error.reason,
      });
    }
  } else if (message.type === "exit") {
    process.exit(0);
  }
});
parentPort.postMessage({ type: "ready" });
`;

let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "qe-worker-"));
  await build({
    entryPoints: [join(import.meta.dirname, "..", "src", "index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: join(dir, "engine.mjs"),
    logLevel: "silent",
  });
  writeFileSync(join(dir, "worker.mjs"), WORKER_SOURCE);
});

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

/** Collects messages from a worker and lets the test await the next one. */
function mailbox(worker: Worker) {
  const queue: Record<string, unknown>[] = [];
  const waiters: ((message: Record<string, unknown>) => void)[] = [];
  worker.on("message", (message: Record<string, unknown>) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  return {
    next(): Promise<Record<string, unknown>> {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("worker did not answer within 15 s")), 15_000);
        waiters.push((message) => {
          clearTimeout(timer);
          resolve(message);
        });
      });
    },
  };
}

describe("cancellation across threads", () => {
  it("a write announced by the main thread cancels the worker's running query at its next read", async () => {
    const flag = new CancellationFlag();
    expect(flag.buffer).toBeInstanceOf(SharedArrayBuffer);
    const worker = new Worker(join(dir, "worker.mjs"), {
      workerData: { buffer: flag.buffer, engineUrl: pathToFileURL(join(dir, "engine.mjs")).href },
    });
    try {
      const inbox = mailbox(worker);
      expect(await inbox.next()).toEqual({ type: "ready" });
      worker.postMessage({ type: "compute" });
      expect(await inbox.next()).toEqual({ type: "started" });
      // The worker is now busy in a synchronous loop; only shared memory reaches it.
      flag.requestCancellation();
      worker.postMessage({ type: "set", mode: "fast" });
      expect(await inbox.next()).toEqual({
        type: "error",
        cancelled: true,
        name: "Cancelled",
        reason: "pending-write",
      });
      const applied = await inbox.next();
      expect(applied).toMatchObject({ type: "applied", pending: 0 });
      expect(flag.pending).toBe(0);
      worker.postMessage({ type: "compute" });
      expect(await inbox.next()).toEqual({ type: "result", value: { sum: 4950, finished: "fast" } });
    } finally {
      await worker.terminate();
    }
  });
});
