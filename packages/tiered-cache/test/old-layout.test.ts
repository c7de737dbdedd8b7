import { existsSync, lstatSync, lutimesSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTieredCache } from "@sextant/tiered-cache";
import { createDiskTier, nodeDiskFs } from "@sextant/tiered-cache/node";

// Layout v2 replaced v1 (`<dir>/v1/ns/<namespace>/<2 hex>/<64 hex>`, `tmp/`, `tags.json`); the
// disk tier removes the v1 directory when it opens, but only what v1 itself wrote there, never
// through a link, and not while anything in it changed recently.

const freshDir = () => mkdtempSync(join(tmpdir(), "sextant-old-layout-"));
const hex = (seed: number, length: number) => Array.from({ length }, (_, i) => ((seed * 7 + i * 13) % 16).toString(16)).join("");
/** An entry file of v1: the magic of either entry format, then anything. */
const entryBytes = (magic: "STC1" | "STC2") => Buffer.concat([Buffer.from(magic, "latin1"), Buffer.alloc(40, 1)]);

function put(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A v1 tree as earlier versions left it, every part of it. */
function writeOldLayout(dir: string): void {
  const v1 = join(dir, "v1");
  for (const [i, ns] of ["default", "schema", "a.b-c_d"].entries()) {
    for (let j = 0; j < 3; j++) {
      const name = hex(i * 10 + j, 64);
      put(join(v1, "ns", ns, name.slice(0, 2), name), entryBytes(j % 2 === 0 ? "STC1" : "STC2"));
    }
  }
  put(join(v1, "tmp", `${hex(1, 16)}.tmp`), "half a write"); // a killed writer's temp file
  put(join(v1, "tmp", `tags-${hex(2, 16)}.tmp`), "{");
  const trashed = hex(3, 64);
  put(join(v1, "tmp", `trash-${hex(4, 16)}`, trashed.slice(0, 2), trashed), entryBytes("STC2")); // an interrupted clear
  put(join(v1, "tags.json"), JSON.stringify({ "db:main": 1_700_000_000_000 }));
}

/** Sets every file's and directory's times an hour back (directories last: writing into one moves its times). */
function age(path: string): void {
  const info = lstatSync(path);
  const hourAgo = new Date(Date.now() - 3_600_000);
  if (info.isSymbolicLink()) return lutimesSync(path, hourAgo, hourAgo);
  if (info.isDirectory()) for (const name of readdirSync(path)) age(join(path, name));
  utimesSync(path, hourAgo, hourAgo);
}

/** Files and directories under `path`, itself included. */
function countTree(path: string): number {
  return 1 + (lstatSync(path).isDirectory() ? readdirSync(path).reduce((n, name) => n + countTree(join(path, name)), 0) : 0);
}

/** Opens a cache over `dir` with the disk tier and waits for the old-layout cleanup; returns its result and the info messages. */
async function open(dir: string) {
  const tier = createDiskTier({ dir });
  const cache = createTieredCache({ tiers: [tier] });
  const info: string[] = [];
  cache.on("info", (e) => info.push(e.message));
  const result = await tier.oldLayoutCleanup();
  return { tier, cache, result, info };
}

describe("disk tier: removal of the previous layout (v1)", () => {
  it("removes a v1 tree the cache wrote, and nothing beside it", async () => {
    const dir = freshDir();
    writeOldLayout(dir);
    const mine = put(join(dir, "notes.txt"), "the user's"); // beside v1: not its business
    age(dir);
    const all = countTree(join(dir, "v1"));
    expect(all).toBeGreaterThan(20);
    const { cache, result, info } = await open(dir);
    expect(result).toEqual({ removed: all, kept: [], busy: false });
    expect(existsSync(join(dir, "v1"))).toBe(false);
    expect(readFileSync(mine, "utf8")).toBe("the user's");
    expect(info.some((m) => m.startsWith(`removed ${all} files and directories of the previous disk layout`))).toBe(true);
    // The tier itself works on v2.
    await cache.set("k", "v");
    expect(await createTieredCache({ tiers: [createDiskTier({ dir })] }).get("k")).toBe("v");
    await cache.close();
  });

  it("never removes what v1 did not write: foreign files, wrong names or contents, links and what they point to", async () => {
    const dir = freshDir();
    writeOldLayout(dir);
    const v1 = join(dir, "v1");
    const outside = freshDir();
    const target = hex(5, 64);
    const outsideEntry = put(join(outside, target.slice(0, 2), target), entryBytes("STC2"));
    const outsideTags = put(join(outside, "tags.json"), "{}");
    const foreign = [
      put(join(v1, "README"), "someone's notes"), // unknown name at the top
      put(join(v1, "ns", "default", "ab", `ab${hex(6, 62)}`), "not an entry"), // entry name, wrong content
      put(join(v1, "ns", "default", "ab", "photo.jpg"), entryBytes("STC1")), // entry content, wrong name
      put(join(v1, "ns", "schema", "zz", hex(7, 64)), entryBytes("STC1")), // not a shard name
      put(join(v1, "ns", "bad name!", "00", `00${hex(8, 62)}`), entryBytes("STC1")), // not a namespace name
      put(join(v1, "tmp", "upload.tmp"), "x"), // not a temp name of ours
    ];
    const nameInShard = hex(9, 64);
    foreign.push(put(join(v1, "ns", "default", "cd", `ef${nameInShard.slice(2)}`), entryBytes("STC2"))); // entry in the wrong shard
    writeFileSync(join(v1, "tags.json"), "[1, 2]"); // not tag times
    foreign.push(join(v1, "tags.json"));
    // Links: a shard directory and a whole namespace that point elsewhere, an entry-named link to a file.
    symlinkSync(outside, join(v1, "ns", "linked"));
    symlinkSync(join(outside, target.slice(0, 2)), join(v1, "ns", "default", target.slice(0, 2)));
    mkdirSync(join(v1, "ns", "schema", "ff"));
    symlinkSync(outsideEntry, join(v1, "ns", "schema", "ff", `ff${hex(10, 62)}`));
    foreign.push(join(v1, "ns", "linked"), join(v1, "ns", "default", target.slice(0, 2)), join(v1, "ns", "schema", "ff", `ff${hex(10, 62)}`));
    age(dir);
    age(outside);
    const { result, info } = await open(dir);
    expect(result.busy).toBe(false);
    expect(result.error).toBeUndefined();
    // An unrecognized directory is reported (and kept) as a whole.
    const reported = foreign.map((path) => path.replace(/\/(zz|bad name!)\/.*$/, "/$1"));
    expect(result.kept.sort()).toEqual(reported.sort());
    for (const path of foreign) expect(existsSync(path) || lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readFileSync(outsideEntry)).toEqual(entryBytes("STC2"));
    expect(readFileSync(outsideTags, "utf8")).toBe("{}");
    // What was the cache's is gone: the other namespace, temp files, the trash of a clear.
    expect(existsSync(join(v1, "ns", "a.b-c_d"))).toBe(false);
    expect(readdirSync(join(v1, "tmp"))).toEqual(["upload.tmp"]);
    expect(info.some((m) => m.includes("what is not the cache's"))).toBe(true);
  });

  it("leaves v1 alone when it is a link, however much it looks like the cache's", async () => {
    const dir = freshDir();
    const elsewhere = freshDir();
    writeOldLayout(elsewhere);
    symlinkSync(join(elsewhere, "v1"), join(dir, "v1"));
    age(elsewhere);
    age(dir);
    const { result } = await open(dir);
    expect(result).toEqual({ removed: 0, kept: [join(dir, "v1")], busy: false });
    expect(readdirSync(join(elsewhere, "v1")).sort()).toEqual(["ns", "tags.json", "tmp"]);
  });

  it("waits while anything in v1 changed recently (an earlier version may still use it), and removes it later", async () => {
    const dir = freshDir();
    writeOldLayout(dir);
    age(dir);
    const name = hex(11, 64);
    put(join(dir, "v1", "ns", "default", name.slice(0, 2), name), entryBytes("STC2")); // just written
    const first = await open(dir);
    expect(first.result).toEqual({ removed: 0, kept: [], busy: true });
    expect(readdirSync(join(dir, "v1")).sort()).toEqual(["ns", "tags.json", "tmp"]);
    expect(first.info.some((m) => m.includes("changed within the last 10 minutes"))).toBe(true);
    age(dir);
    const all = countTree(join(dir, "v1"));
    const second = await open(dir);
    expect(second.result).toEqual({ removed: all, kept: [], busy: false });
    expect(existsSync(join(dir, "v1"))).toBe(false);
  });

  it("does nothing without v1, or with a file system that cannot lstat", async () => {
    const dir = freshDir();
    expect((await open(dir)).result).toEqual({ removed: 0, kept: [], busy: false });
    writeOldLayout(dir);
    age(dir);
    const { lstat: _lstat, ...withoutLstat } = nodeDiskFs;
    const tier = createDiskTier({ dir, fs: withoutLstat });
    expect(await tier.oldLayoutCleanup()).toEqual({ removed: 0, kept: [], busy: false });
    expect(existsSync(join(dir, "v1", "tags.json"))).toBe(true);
    await tier.close();
  });
});
