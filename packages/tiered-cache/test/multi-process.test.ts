import { afterAll, describe, expect, it } from "vitest";
import { redisUrl, uniquePrefix, waitFor } from "./support/redis.js";
import { startWorker, type Worker } from "./support/worker.js";

// Child processes import the built package (dist/): `npm test` builds first.
const workers: Worker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.call("close").catch(() => {})));
  for (const w of workers) if (w.process.exitCode === null) w.process.kill();
});

// Three processes started once (each with the lock available; a stampede chooses whether to use it).
let three: Promise<Worker[]> | undefined;
function startThree(): Promise<Worker[]> {
  three ??= (async () => {
    const prefix = uniquePrefix("mp");
    const started = [0, 1, 2].map(() => startWorker(redisUrl, prefix, true));
    workers.push(...started);
    await Promise.all(started.map((w) => w.call("ready")));
    return started;
  })();
  return three;
}

describe.skipIf(!redisUrl)("three processes sharing Redis", () => {
  it("see each other's sets, deletes and tag invalidations through the bus", async () => {
    const [a, b, c] = await startThree();
    await a!.call("set", { key: "k", value: 1, tags: ["file:x"] });
    expect(await b!.call("get", { key: "k" })).toBe(1);
    expect(await c!.call("get", { key: "k" })).toBe(1);
    expect(await b!.call("peek", { key: "k" })).toBe(1); // held in b's L1 now
    await a!.call("set", { key: "k", value: 2, tags: ["file:x"] });
    await waitFor(async () => {
      expect(await b!.call("peek", { key: "k" })).toBeNull();
      expect(await c!.call("peek", { key: "k" })).toBeNull();
    });
    expect(await b!.call("get", { key: "k" })).toBe(2);
    expect(await c!.call("get", { key: "k" })).toBe(2);
    await c!.call("invalidateTags", { tags: ["file:x"] });
    await waitFor(async () => expect(await a!.call("peek", { key: "k" })).toBeNull());
    expect(await a!.call("get", { key: "k" })).toBeNull();
    expect(await b!.call("get", { key: "k" })).toBeNull();
    await b!.call("set", { key: "d", value: "x" });
    expect(await a!.call("get", { key: "d" })).toBe("x");
    await c!.call("delete", { key: "d" });
    await waitFor(async () => expect(await a!.call("peek", { key: "d" })).toBeNull());
    expect(await a!.call("get", { key: "d" })).toBeNull();
    expect(await a!.call<string[]>("remote")).toEqual(expect.arrayContaining(["set", "tags", "delete"]));
  });

  it("run the factory at most once per process in a stampede without the lock", async () => {
    const workers = await startThree();
    const results = await Promise.all(workers.map((w) => w.call<{ calls: number; distinct: string[] }>("stampede", { key: "hot", n: 200, delayMs: 150, lock: false })));
    for (const r of results) {
      expect(r.calls).toBeLessThanOrEqual(1);
      expect(r.distinct).toEqual(["value of hot"]);
    }
    expect(results.reduce((s, r) => s + r.calls, 0)).toBeGreaterThanOrEqual(1);
  });

  it("run the factory once overall in a stampede with the Redis lock", async () => {
    const workers = await startThree();
    const results = await Promise.all(workers.map((w) => w.call<{ calls: number; distinct: string[] }>("stampede", { key: "hot-locked", n: 200, delayMs: 150, lock: true })));
    expect(results.reduce((s, r) => s + r.calls, 0)).toBe(1);
    for (const r of results) expect(r.distinct).toEqual(["value of hot-locked"]);
  });
});
