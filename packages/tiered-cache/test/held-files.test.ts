import { linkSync, mkdtempSync, readdirSync, readlinkSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTieredCache } from "@sextant/tiered-cache";
import { createDiskTier, nodeDiskFs, type DiskTier } from "@sextant/tiered-cache/node";
import { HeldFiles } from "../src/node/held-files.js";
import type { SyncFileOps } from "../src/node/disk-fs.js";
import { startChild, type Worker } from "./support/worker.js";

const freshDir = () => mkdtempSync(join(tmpdir(), "sextant-held-"));
const ops = nodeDiskFs.syncFiles!;
const whole = () => undefined;

/** Reads a file through `held` and returns its text. */
function readText(held: HeldFiles, path: string, now = Date.now()): string {
  const buffer = new Uint8Array(4096);
  const count = held.read(path, buffer, whole, now);
  return Buffer.from(buffer.subarray(0, count)).toString("utf8");
}

/** Counts the calls made through `ops`. */
function counting(base: SyncFileOps): SyncFileOps & { opens: number; closes: number } {
  const counted = {
    opens: 0,
    closes: 0,
    open: (path: string) => { const fd = base.open(path); counted.opens++; return fd; },
    read: base.read,
    stat: base.stat,
    close: (fd: number) => { counted.closes++; base.close(fd); },
  };
  return counted;
}

describe("held entry files", () => {
  it("reads a held file again without opening it, and reopens once it was replaced, hard-linked, rewritten or unlinked", () => {
    const dir = freshDir();
    const path = join(dir, "entry");
    writeFileSync(path, "one");
    const calls = counting(ops);
    const held = new HeldFiles(calls, 8, 60_000);
    expect(readText(held, path)).toBe("one");
    expect(readText(held, path)).toBe("one");
    expect(calls.opens).toBe(1);
    expect(held.size).toBe(1);
    // Replaced the way every writer does it: a new file renamed over the path.
    writeFileSync(join(dir, "temp"), "two");
    renameSync(join(dir, "temp"), path);
    expect(readText(held, path)).toBe("two");
    expect(calls.opens).toBe(2);
    // A hard link keeps the old file linked after a replacement; its status change time still tells.
    linkSync(path, join(dir, "backup"));
    writeFileSync(join(dir, "temp"), "three");
    renameSync(join(dir, "temp"), path);
    expect(readText(held, path)).toBe("three");
    // Rewritten in place (never done by the tier, but damage can be): the new bytes are read.
    writeFileSync(path, "four");
    expect(readText(held, path)).toBe("four");
    unlinkSync(path);
    expect(() => readText(held, path)).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(held.size).toBe(0);
    expect(calls.closes).toBe(calls.opens);
  });

  it("reopens a file by path once it is older than the maximum age, even when fstat shows no change", () => {
    const dir = freshDir();
    const path = join(dir, "entry");
    writeFileSync(path, "old");
    const calls = counting(ops);
    const held = new HeldFiles(calls, 8, 1_000);
    expect(readText(held, path, 10_000)).toBe("old");
    // The directory moved away with the file still linked in it (a clear() whose process died
    // before removing it): fstat cannot tell, the age limit can.
    renameSync(dir, `${dir}-trash`);
    expect(readText(held, path, 10_500)).toBe("old");
    expect(calls.opens).toBe(1);
    expect(() => readText(held, path, 11_000)).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(held.size).toBe(0);
    expect(calls.closes).toBe(1);
  });

  it("holds at most its capacity (closing the file opened first), none at capacity 0, and none after close", () => {
    const dir = freshDir();
    const paths = Array.from({ length: 5 }, (_, i) => join(dir, `f${i}`));
    paths.forEach((p, i) => writeFileSync(p, `v${i}`));
    const calls = counting(ops);
    const held = new HeldFiles(calls, 3, 60_000);
    for (const p of paths) readText(held, p);
    expect(held.size).toBe(3);
    expect(calls.closes).toBe(2);
    // f0 and f1 went first; f4 is still held.
    readText(held, paths[4]!);
    expect(calls.opens).toBe(5);
    readText(held, paths[0]!);
    expect(calls.opens).toBe(6);
    held.releaseUnder(join(dir, "f4"));
    expect(held.size).toBe(2);
    held.close();
    expect(held.size).toBe(0);
    expect(readText(held, paths[1]!)).toBe("v1");
    expect(held.size).toBe(0);
    expect(calls.closes).toBe(calls.opens);
    const none = new HeldFiles(counting(ops), 0, 60_000);
    expect(readText(none, paths[2]!)).toBe("v2");
    expect(none.size).toBe(0);
  });

  it("gives its descriptors back and retries when the process runs out of them", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "a"), "A");
    writeFileSync(join(dir, "b"), "B");
    let refuse = false;
    const calls = counting(ops);
    const scarce: SyncFileOps = {
      ...calls,
      open: (path) => {
        if (refuse) { refuse = false; throw Object.assign(new Error("EMFILE: too many open files"), { code: "EMFILE" }); }
        return calls.open(path);
      },
    };
    const held = new HeldFiles(scarce, 8, 60_000);
    readText(held, join(dir, "a"));
    refuse = true;
    expect(readText(held, join(dir, "b"))).toBe("B");
    expect(held.size).toBe(1);
    held.close();
    expect(calls.closes).toBe(calls.opens);
  });

  it("does not hold a file that filled the read buffer (it is read again off the event loop)", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "big"), "x".repeat(100));
    const held = new HeldFiles(ops, 8, 60_000);
    expect(held.read(join(dir, "big"), new Uint8Array(100), whole, Date.now())).toBe(100);
    expect(held.size).toBe(0);
  });
});

describe("disk tier with held files, shared with another process", () => {
  const children: Worker[] = [];
  afterAll(async () => {
    await Promise.all(children.map((c) => c.call("close").catch(() => {})));
    for (const c of children) if (c.process.exitCode === null) c.process.kill();
  });
  const other = (dir: string) => {
    const child = startChild("disk-mutator.mjs", [dir]);
    children.push(child);
    return child;
  };
  /** A cache whose L1 keeps nothing (over its byte budget), so every get reads the disk tier. */
  const readerOf = (tier: DiskTier) => createTieredCache({ tiers: [tier], l1: { maxBytes: 1 } });

  it("sees a value the other process replaced, deleted or cleared on the very next read", async () => {
    const dir = freshDir();
    const writer = other(dir);
    const tier = createDiskTier({ dir });
    const reader = readerOf(tier);
    await writer.call("set", { ns: "default", key: "k", value: 1 });
    await writer.call("set", { ns: "schema", key: "s", value: "a" });
    expect(await reader.get("k")).toBe(1);
    expect(await reader.get("k")).toBe(1);
    expect(await reader.namespace("schema").get("s")).toBe("a");
    expect(tier.heldFiles).toBe(2);
    await writer.call("set", { ns: "default", key: "k", value: 2 });
    expect(await reader.get("k")).toBe(2);
    await writer.call("delete", { ns: "default", key: "k" });
    expect(await reader.get("k")).toBeUndefined();
    await writer.call("set", { ns: "default", key: "k", value: 3 });
    expect(await reader.get("k")).toBe(3);
    await writer.call("clear", { ns: "schema" });
    expect(await reader.namespace("schema").get("s")).toBeUndefined();
    expect(await reader.get("k")).toBe(3);
    await reader.close();
    expect(tier.heldFiles).toBe(0);
    expect(descriptorsUnder(dir)).toEqual([]);
  });

  it("never reads an older version after a newer one while the other process keeps replacing entries", async () => {
    const dir = freshDir();
    const writer = other(dir);
    await writer.call("set", { ns: "default", key: "churn0", value: { n: 0, body: "0".repeat(20) } });
    await writer.call("set", { ns: "default", key: "churn1", value: { n: 0, body: "0".repeat(20) } });
    const tier = createDiskTier({ dir });
    const reader = readerOf(tier);
    const corrupt: string[] = [];
    reader.on("corrupt", (c) => corrupt.push(c.reason));
    await writer.call("churn", { keys: 2 });
    const newest = [0, 0];
    let reads = 0;
    let changes = 0;
    const started = Date.now();
    while (Date.now() - started < 600) {
      for (let k = 0; k < 2; k++) {
        const value = await reader.get<{ n: number; body: string }>(`churn${k}`);
        if (value === undefined) continue;
        expect(value.body).toBe(String(value.n).repeat(20));
        expect(value.n).toBeGreaterThanOrEqual(newest[k]!);
        if (value.n > newest[k]!) changes++;
        newest[k] = value.n;
        reads++;
      }
      if (reads % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    const written = await writer.call<number>("stop");
    // The reader kept up with the writer: it saw many versions, and the last one after the stop.
    expect(changes).toBeGreaterThan(10);
    expect((await reader.get<{ n: number }>("churn1"))?.n).toBe(written);
    expect(corrupt).toEqual([]);
    await reader.close();
  });

  it("holds no files with openFiles: 0, and reads the same values", async () => {
    const dir = freshDir();
    const writer = other(dir);
    await writer.call("set", { ns: "default", key: "k", value: "v" });
    const tier = createDiskTier({ dir, openFiles: 0 });
    const reader = readerOf(tier);
    expect(await reader.get("k")).toBe("v");
    expect(tier.heldFiles).toBe(0);
    await writer.call("set", { ns: "default", key: "k", value: "w" });
    expect(await reader.get("k")).toBe("w");
  });

  it("releases the held file of an entry it replaces or removes itself", async () => {
    const dir = freshDir();
    const tier = createDiskTier({ dir });
    const cache = readerOf(tier);
    await cache.set("a", 1);
    await cache.set("b", 2);
    expect(await cache.get("a")).toBe(1);
    expect(await cache.get("b")).toBe(2);
    expect(tier.heldFiles).toBe(2);
    await cache.set("a", 10);
    expect(tier.heldFiles).toBe(1);
    await cache.delete("b");
    expect(tier.heldFiles).toBe(0);
    expect(await cache.get("a")).toBe(10);
    await cache.clearAll();
    expect(tier.heldFiles).toBe(0);
    // No descriptor of this process points under dir any more.
    expect(descriptorsUnder(dir)).toEqual([]);
    expect(await cache.get("a")).toBeUndefined();
  });
});

/** Paths under `dir` that this process holds open (Linux /proc). */
function descriptorsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) out.push(target);
    } catch { /* the descriptor of the readdir itself is gone by now */ }
  }
  return out;
}
