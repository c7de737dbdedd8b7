import { join } from "node:path";
import type { DiskFs } from "./disk-fs.js";
import { NAMESPACE_PATTERN } from "../options.js";

/**
 * Removal of layout v1 of the disk tier (`<dir>/v1`: `ns/<namespace>/<2 hex>/<64 hex>` entry
 * files, `tmp/` with temp files and trash directories of clears, `tags.json`), which layout v2
 * replaced and no longer reads.
 *
 * The cache directory is the user's choice and may hold other things, so nothing is removed
 * on its path alone:
 * - only files whose name and place are exactly what v1 wrote, and whose content says so
 *   (an entry file starts with the magic of an entry, `tags.json` is an object of numbers);
 * - directories only with `rmdir`, which refuses one that is not empty, so anything not
 *   recognized (and every directory above it) stays;
 * - never through a symbolic link (`lstat`, and a link is never recognized as ours);
 * - nothing at all while anything in the tree changed within `quietMs`: a process of an
 *   earlier version may still be using it. It is tried again at the next open.
 * Everything is looked at before anything is removed.
 */
export interface OldLayoutCleanup {
  /** Files and directories removed. */
  removed: number;
  /** Paths left in place because they are not recognizably the cache's (at most 20 are listed). */
  kept: string[];
  /** Whether the tree was left alone because something in it changed within the quiet period. */
  busy: boolean;
  /** Why the cleanup stopped early, when an I/O error (other than a file vanishing) stopped it. */
  error?: string;
}

/** The calls the cleanup needs (`nodeDiskFs` has them; an injected `DiskFs` without them skips it). */
type CleanupFs = Pick<DiskFs, "readdir" | "open" | "readFile" | "unlink"> & {
  lstat: (path: string) => Promise<{ isFile(): boolean; isDirectory(): boolean; mtimeMs: number }>;
  rmdir: (path: string) => Promise<void>;
};

const SHARD = /^[0-9a-f]{2}$/;
const ENTRY = /^[0-9a-f]{64}$/;
// The names the cache takes (see NAMESPACE_PATTERN): any other directory there is not one of its namespaces.
const NAMESPACE = NAMESPACE_PATTERN;
const TEMP = /^(?:tags-)?[0-9a-f]{16}\.tmp$/;
const TRASH = /^trash-[0-9a-f]{16}$/;
/** "STC1" and "STC2", the first four bytes of every entry file v1 wrote. */
const ENTRY_MAGICS = new Set([0x53544331, 0x53544332]);
const MAX_KEPT_LISTED = 20;

const errorCode = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/** Whether `fs` can run the cleanup. */
export function canRemoveOldLayout(fs: DiskFs): fs is DiskFs & CleanupFs {
  const extra = fs as Partial<CleanupFs>;
  return typeof extra.lstat === "function" && typeof extra.rmdir === "function";
}

/**
 * Removes `<dir>/v1` as described above; `stopped` is asked between calls (the tier is
 * closing). Never rejects.
 */
export async function removeOldLayout(fs: CleanupFs, dir: string, quietMs: number, now: number, stopped: () => boolean): Promise<OldLayoutCleanup> {
  const result: OldLayoutCleanup = { removed: 0, kept: [], busy: false };
  const root = join(dir, "v1");
  const files: string[] = [];
  // Deepest first, so each is empty by the time it is removed (if everything in it was ours).
  const dirs: string[] = [];
  const keep = (path: string) => {
    if (result.kept.length < MAX_KEPT_LISTED) result.kept.push(path);
  };
  /** lstat, or undefined when the path vanished; notes a recent change. */
  const look = async (path: string) => {
    try {
      const info = await fs.lstat(path);
      if (now - info.mtimeMs < quietMs) result.busy = true;
      return info;
    } catch (error) {
      if (errorCode(error) === "ENOENT") return undefined;
      throw error;
    }
  };
  const list = async (path: string): Promise<string[]> => {
    try {
      return await fs.readdir(path);
    } catch (error) {
      if (errorCode(error) === "ENOENT") return [];
      throw error;
    }
  };
  const isEntryFile = async (path: string): Promise<boolean> => {
    const handle = await fs.open(path, "r");
    try {
      const head = new Uint8Array(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      return bytesRead === 4 && ENTRY_MAGICS.has(((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0);
    } finally {
      await handle.close();
    }
  };
  const isTagTimes = async (path: string): Promise<boolean> => {
    try {
      const parsed: unknown = JSON.parse(String(await fs.readFile(path, "utf8")));
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === "number");
    } catch {
      return false;
    }
  };
  /** A namespace directory, or a trash directory (a namespace directory a clear renamed away). */
  const planNamespace = async (path: string): Promise<void> => {
    for (const shard of await list(path)) {
      if (stopped() || result.busy) return;
      const shardPath = join(path, shard);
      const info = await look(shardPath);
      if (info === undefined) continue;
      if (!SHARD.test(shard) || !info.isDirectory()) { keep(shardPath); continue; }
      for (const name of await list(shardPath)) {
        if (stopped() || result.busy) return;
        const filePath = join(shardPath, name);
        const file = await look(filePath);
        if (file === undefined) continue;
        if (ENTRY.test(name) && name.startsWith(shard) && file.isFile() && (await isEntryFile(filePath))) files.push(filePath);
        else keep(filePath);
      }
      dirs.push(shardPath);
    }
    dirs.push(path);
  };

  try {
    const top = await look(root);
    if (top === undefined) return result;
    if (!top.isDirectory()) {
      keep(root);
      return result;
    }
    for (const name of await list(root)) {
      if (stopped() || result.busy) break;
      const path = join(root, name);
      const info = await look(path);
      if (info === undefined) continue;
      if (name === "ns" && info.isDirectory()) {
        for (const namespace of await list(path)) {
          if (stopped() || result.busy) break;
          const nsPath = join(path, namespace);
          const nsInfo = await look(nsPath);
          if (nsInfo === undefined) continue;
          if (NAMESPACE.test(namespace) && nsInfo.isDirectory()) await planNamespace(nsPath);
          else keep(nsPath);
        }
        dirs.push(path);
      } else if (name === "tmp" && info.isDirectory()) {
        for (const temp of await list(path)) {
          if (stopped() || result.busy) break;
          const tempPath = join(path, temp);
          const tempInfo = await look(tempPath);
          if (tempInfo === undefined) continue;
          if (TEMP.test(temp) && tempInfo.isFile()) files.push(tempPath);
          else if (TRASH.test(temp) && tempInfo.isDirectory()) await planNamespace(tempPath);
          else keep(tempPath);
        }
        dirs.push(path);
      } else if (name === "tags.json" && info.isFile() && (await isTagTimes(path))) {
        files.push(path);
      } else {
        keep(path);
      }
    }
    if (result.busy || stopped()) return { ...result, removed: 0 };
    dirs.push(root);
    for (const file of files) {
      if (stopped()) return result;
      try {
        await fs.unlink(file);
        result.removed++;
      } catch (error) {
        if (errorCode(error) !== "ENOENT") throw error;
      }
    }
    for (const path of dirs) {
      if (stopped()) return result;
      try {
        await fs.rmdir(path);
        result.removed++;
      } catch (error) {
        // Not empty: it holds something that is not ours (or another process wrote to it since).
        if (!["ENOTEMPTY", "EEXIST", "ENOENT"].includes(errorCode(error) ?? "")) throw error;
      }
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}
