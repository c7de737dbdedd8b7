import { hash, randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import type { StorageTier, TierContext } from "../storage-tier.js";
import { coarseNow } from "../clock.js";
import { describeError } from "../errors.js";
import { NAMESPACE_PATTERN } from "../options.js";
import { CREATED_AT_PREFIX_BYTES, frameEntry, framedSize, parseEntry, peekCreatedAt } from "./disk-entry-format.js";
import { nodeDiskFs, type DiskFs } from "./disk-fs.js";
import { HeldFiles } from "./held-files.js";
import { canRemoveOldLayout, removeOldLayout, type OldLayoutCleanup } from "./old-layout.js";

/** Options of the disk tier (L2). */
export interface DiskTierOptions {
  /** Cache directory (created when missing). */
  dir: string;
  /** Size budget in bytes; over it, the least recently used files are removed. Defaults to `268435456` (256 MiB). */
  maxBytes?: number;
  /** `fsync` each file and its directory before a write counts as done (slower, survives power loss). Defaults to `false`. */
  fsync?: boolean;
  /**
   * Read entries synchronously (one `open`, `read`, `close` into a buffer the tier keeps)
   * instead of through the promise API. A small file in the page cache reads in about
   * 10 µs this way, while `fs/promises` makes four thread-pool round trips (open, fstat,
   * read, close) and costs several times that. The price is that the event loop is blocked
   * for the read: turn it off for slow or network disks. Entries of `syncReadMaxBytes` or
   * more are always read through the promise API. Defaults to `true`.
   */
  syncReads?: boolean;
  /**
   * Entries smaller than this are read synchronously (when `syncReads` is on), and the tier
   * keeps one buffer of this size for them. Larger entries cost one wasted synchronous read
   * of this many bytes and are then read through the thread pool, so a big value never
   * blocks the event loop for long. Defaults to `65536` (64 KiB).
   */
  syncReadMaxBytes?: number;
  /**
   * Entry files kept open between synchronous reads, so a repeated read costs one `fstat` and
   * one `pread` instead of `open`, `read` and `close` (about half the time here). A held file
   * is read only while its link count says nothing was renamed over it or unlinked it (other
   * processes' writes and deletes are seen on the next read), and is reopened by path at
   * least every 5 seconds. Not used on Windows, on network file systems, or without
   * `syncReads`. Past this many, the file opened first is closed; `0` turns it off.
   * Defaults to `1024`.
   */
  openFiles?: number;
  /** Tier name in metrics and logs. Defaults to `l2`. */
  name?: string;
  /** File system layer (tests inject faults here). Defaults to `node:fs/promises`. */
  fs?: DiskFs;
}

/** Errors after which the disk is not usable at all: the tier switches itself off. */
const FATAL_CODES = new Set(["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "ENOTDIR", "ELOOP", "ENAMETOOLONG"]);
/**
 * Layout version, the first directory level. v2 keeps a namespace's files directly in its
 * directory (v1 had 256 shard directories under it), so one look at that directory tells a
 * batch of reads whether any entry in the namespace changed (see `HeldFiles`). The v1
 * directory is removed after the tier opens, as far as it is recognizably the cache's and has
 * been left alone for `OLD_LAYOUT_QUIET_MS` (see `removeOldLayout`).
 */
const LAYOUT = "v2";
/** The v1 directory is removed only once nothing in it changed for this long (an earlier version may still use it). */
const OLD_LAYOUT_QUIET_MS = 10 * 60_000;
const STALE_TEMP_MS = 60_000;
/** A held entry file is reopened by path when older than this (see `HeldFiles`). */
const HELD_FILE_MAX_AGE_MS = 5_000;
/**
 * `statfs` types of network and user-space file systems, where an open file that another
 * client deletes may keep a link (NFS "silly rename"): files are not held open there.
 * NFS, SMB, CIFS, SMB2, 9p, FUSE, Ceph, AFS, Lustre, GFS2, OCFS2.
 */
const NETWORK_FS_TYPES = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x01021997, 0x65735546, 0x00c36400, 0x5346414f, 0x0bd00bd0, 0x01161970, 0x7461636f]);
/** Keys per namespace whose file path is remembered (about 200 bytes each). */
const PATH_MEMO_SIZE = 4096;

/** A file the disk tier knows of. */
interface IndexedFile {
  size: number;
  /** `#useCounter` at the file's last write or read. */
  used: number;
}

const errorCode = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/**
 * L2 on local disk. Files are addressed by the SHA-256 of their key under one directory
 * per namespace; writes go to a temp file renamed into place (atomic on POSIX), so a
 * reader sees the old file or the new one, never half of one; every read verifies a
 * checksum, and a bad file is removed and reported as a miss. A full or forbidden disk
 * turns the tier off with one warning instead of failing callers.
 */
export class DiskTier implements StorageTier {
  readonly name: string;
  readonly scope = "local" as const;
  readonly #root: string;
  readonly #fs: DiskFs;
  readonly #maxBytes: number;
  readonly #fsync: boolean;
  readonly #syncReads: boolean;
  /** Read buffer of the synchronous path; its contents never outlive one synchronous `get`. */
  readonly #scratch: Uint8Array;
  /** File paths by namespace and key, so a repeated lookup does not hash again; each map is emptied when it reaches `PATH_MEMO_SIZE`. */
  readonly #paths = new Map<string, Map<string, string>>();
  /** Entry directories by namespace. */
  readonly #nsDirs = new Map<string, string>();
  /** Read buffer for the start of a header (`delete(olderThan)` needs the creation time only). */
  readonly #head = new Uint8Array(CREATED_AT_PREFIX_BYTES);
  #opened = false;
  /** Entry files kept open between synchronous reads; `undefined` when not used. */
  #held: HeldFiles | undefined;
  /**
   * Known files with their sizes and when each was last used (a counter, not a time). A read
   * stamps its file instead of moving it to the end of an ordered map: a `delete` and `set`
   * of a long path on every read cost about three times as much, and only eviction needs the order.
   */
  readonly #index = new Map<string, IndexedFile>();
  #useCounter = 0;
  #bytes = 0;
  #disabled = false;
  #context: TierContext | undefined;
  readonly #ready: Promise<void>;
  readonly #dir: string;
  /** The removal of the previous layout's directory, started once the tier is open. */
  readonly #oldLayout: Promise<OldLayoutCleanup>;
  #closing = false;

  constructor(options: DiskTierOptions) {
    this.#dir = options.dir;
    this.name = options.name ?? "l2";
    this.#root = join(options.dir, LAYOUT);
    this.#fs = options.fs ?? nodeDiskFs;
    this.#maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.#fsync = options.fsync ?? false;
    const syncReadMaxBytes = options.syncReadMaxBytes ?? 64 * 1024;
    this.#syncReads = (options.syncReads ?? true) && syncReadMaxBytes > 0 && this.#fs.readIntoSync !== undefined;
    this.#scratch = new Uint8Array(this.#syncReads ? syncReadMaxBytes : 0);
    const openFiles = options.openFiles ?? 1024;
    if (this.#syncReads && openFiles > 0 && this.#fs.syncFiles !== undefined && process.platform !== "win32") {
      this.#held = new HeldFiles(this.#fs.syncFiles, openFiles, HELD_FILE_MAX_AGE_MS);
    }
    this.#ready = this.#open().finally(() => { this.#opened = true; });
    this.#oldLayout = this.#ready.then(() => this.#removeOldLayout()).catch((error: unknown) => ({ removed: 0, kept: [], busy: false, error: describeError(error) }));
  }

  /** Removes `<dir>/v1` in the background, as far as it is ours (see `removeOldLayout`), and says what it did. */
  async #removeOldLayout(): Promise<OldLayoutCleanup> {
    const fs = this.#fs;
    if (this.#disabled || !canRemoveOldLayout(fs)) return { removed: 0, kept: [], busy: false };
    const result = await removeOldLayout(fs, this.#dir, OLD_LAYOUT_QUIET_MS, Date.now(), () => this.#closing);
    const old = join(this.#dir, "v1");
    const info = this.#context?.info;
    if (result.removed > 0) info?.(`removed ${result.removed} files and directories of the previous disk layout under ${old}`);
    if (result.busy) info?.(`left ${old} (the previous disk layout) for now: it changed within the last ${OLD_LAYOUT_QUIET_MS / 60_000} minutes, so an earlier version may still use it`);
    else if (result.kept.length > 0) info?.(`left in ${old} what is not the cache's (e.g. ${result.kept[0]}): remove it by hand if it is yours to remove`);
    if (result.error !== undefined) info?.(`stopped removing ${old} (the previous disk layout): ${result.error}`);
    return result;
  }

  /**
   * What the removal of the previous layout's directory (`<dir>/v1`) did, once it is done (it
   * runs in the background after the tier opens). For tests and diagnostics.
   */
  oldLayoutCleanup(): Promise<OldLayoutCleanup> {
    return this.#oldLayout;
  }

  /** Whether the tier switched itself off after a fatal disk error. */
  get disabled(): boolean {
    return this.#disabled;
  }

  attach(context: TierContext): void {
    this.#context = context;
    if (this.#disabled) this.#context.warn(this.#disabledMessage ?? "disk tier disabled");
  }

  bytes(): number {
    return this.#bytes;
  }

  #disabledMessage: string | undefined;

  #disable(error: unknown, during: string): void {
    if (this.#disabled) return;
    this.#disabled = true;
    this.#disabledMessage = `disk tier ${this.name} disabled after ${during} failed (${describeError(error)}); continuing without it`;
    this.#context?.warn(this.#disabledMessage, error);
  }

  /** Handles an I/O error: fatal ones disable the tier (and are swallowed), others are rethrown. */
  #fail(error: unknown, during: string): void {
    if (FATAL_CODES.has(errorCode(error) ?? "")) return this.#disable(error, during);
    throw error;
  }

  async #open(): Promise<void> {
    try {
      await this.#ensureDir(join(this.#root, "tmp"));
      if (this.#held !== undefined && !(await this.#localFileSystem())) this.#held = undefined;
      await this.#scan();
    } catch (error) {
      try { this.#fail(error, `opening ${this.#root}`); } catch (other) { this.#disable(other, `opening ${this.#root}`); }
    }
  }

  /** Whether the cache directory is on a local file system (unknown counts as not). */
  async #localFileSystem(): Promise<boolean> {
    try {
      const info = await this.#fs.statfs?.(this.#root);
      return info !== undefined && !NETWORK_FS_TYPES.has(info.type >>> 0);
    } catch {
      return false;
    }
  }

  /**
   * Creates a directory and its missing parents one level at a time. Node's own
   * `mkdir({ recursive: true })` never returns for a path under /proc, and a cache must
   * not hang its caller on a bad configuration.
   */
  async #ensureDir(dir: string): Promise<void> {
    try {
      await this.#fs.mkdir(dir);
    } catch (error) {
      const code = errorCode(error);
      if (code === "EEXIST") return;
      if (code !== "ENOENT" || dirname(dir) === dir) throw error;
      await this.#ensureDir(dirname(dir));
      try { await this.#fs.mkdir(dir); } catch (again) { if (errorCode(again) !== "EEXIST") throw again; }
    }
  }

  /** Rebuilds the size index from the files present (oldest first) and removes temp files left by killed writers. */
  async #scan(): Promise<void> {
    const found: { path: string; size: number; mtime: number }[] = [];
    const tempDir = join(this.#root, "tmp");
    const walk = async (dir: string, depth: number): Promise<void> => {
      let names: string[];
      try { names = await this.#fs.readdir(dir); } catch { return; }
      for (const name of names) {
        const path = join(dir, name);
        let info;
        try { info = await this.#fs.stat(path); } catch { continue; }
        const inTemp = dir === tempDir;
        if (inTemp) {
          // Leftovers of killed writers and interrupted clears; never entries.
          if (Date.now() - info.mtimeMs > STALE_TEMP_MS) await this.#fs.rm(path, { recursive: true, force: true }).catch(() => {});
        } else if (info.isDirectory()) {
          // root → ns → <namespace> → files
          if (depth < 2) await walk(path, depth + 1);
        } else if (name !== "tags.json") {
          found.push({ path, size: info.size, mtime: info.mtimeMs });
        }
      }
    };
    await walk(this.#root, 0);
    found.sort((a, b) => a.mtime - b.mtime);
    for (const file of found) this.#track(file.path, file.size);
  }

  #track(path: string, size: number): void {
    const known = this.#index.get(path);
    if (known === undefined) {
      this.#index.set(path, { size, used: ++this.#useCounter });
      this.#bytes += size;
      return;
    }
    this.#bytes += size - known.size;
    known.size = size;
    known.used = ++this.#useCounter;
  }

  #untrack(path: string): void {
    const known = this.#index.get(path);
    if (known === undefined) return;
    this.#bytes -= known.size;
    this.#index.delete(path);
  }

  /** The directory of a namespace's entry files. */
  #dirOf(namespace: string): string {
    let dir = this.#nsDirs.get(namespace);
    if (dir === undefined) this.#nsDirs.set(namespace, (dir = join(this.#root, "ns", checkedNamespace(namespace))));
    return dir;
  }

  #pathOf(namespace: string, key: string): string {
    let paths = this.#paths.get(namespace);
    if (paths === undefined) this.#paths.set(namespace, (paths = new Map()));
    let path = paths.get(key);
    if (path !== undefined) return path;
    path = join(this.#dirOf(namespace), hash("sha256", key, "hex"));
    if (paths.size >= PATH_MEMO_SIZE) paths.clear();
    paths.set(key, path);
    return path;
  }

  /**
   * The synchronous read (see `StorageTier.readNow`): the verified payload is handed to `use`
   * straight from the reused buffer, so nothing is copied and no promise is made. Declines
   * (`null`) before the tier is open, when reads go through the thread pool, for a large
   * entry, and for a corrupt or expired file: `get` then does the slow path and the cleanup.
   */
  readNow<T>(namespace: string, key: string, use: (bytes: Uint8Array) => T): T | undefined | null {
    if (!this.#opened || !this.#syncReads) return null;
    if (this.#disabled) return undefined;
    const path = this.#pathOf(namespace, key);
    // The cache's hot-path clock (one property read within a millisecond), as L1 uses for its entries.
    const now = coarseNow();
    let count: number;
    try {
      count = this.#held !== undefined ? this.#held.read(path, this.#dirOf(namespace), this.#scratch, framedSize, now) : this.#fs.readIntoSync!(path, this.#scratch, framedSize);
    } catch (error) {
      if (errorCode(error) === "ENOENT") { this.#untrack(path); return undefined; }
      this.#fail(error, "a read");
      return undefined;
    }
    if (count >= this.#scratch.length) {
      // Possibly larger than the buffer: get() reads it through the thread pool, without a second synchronous read.
      this.#declined = path;
      return null;
    }
    const bytes = new Uint8Array(this.#scratch.buffer, 0, count);
    const entry = parseEntry(bytes);
    if (!entry.ok || now >= entry.expiresAt) return null;
    this.#track(path, count);
    return use(entry.payload);
  }

  /** Starts a batch of reads all requested before this call (see `StorageTier.beginBatch`). */
  beginBatch(): void {
    this.#held?.beginBatch();
  }

  /** Ends the batch. */
  endBatch(): void {
    this.#held?.endBatch();
  }

  /** The path `readNow` last declined as too large for the synchronous buffer. */
  #declined: string | undefined;

  async get(namespace: string, key: string): Promise<Uint8Array | undefined> {
    if (!this.#opened) await this.#ready;
    if (this.#disabled) return undefined;
    const path = this.#pathOf(namespace, key);
    let bytes: Uint8Array | undefined;
    let copy = false;
    const declined = this.#declined === path;
    this.#declined = undefined;
    try {
      if (this.#syncReads && !declined) {
        const count = this.#held !== undefined ? this.#held.read(path, this.#dirOf(namespace), this.#scratch, framedSize, Date.now()) : this.#fs.readIntoSync!(path, this.#scratch, framedSize);
        // A full buffer means the entry may be larger: read it off the event loop instead.
        if (count < this.#scratch.length) { bytes = this.#scratch.subarray(0, count); copy = true; }
      }
      bytes ??= await this.#fs.readFile(path);
    } catch (error) {
      if (errorCode(error) === "ENOENT") { this.#untrack(path); return undefined; }
      this.#fail(error, "a read");
      return undefined;
    }
    const entry = parseEntry(bytes);
    if (!entry.ok) {
      await this.#remove(path);
      this.#context?.corrupt(namespace, key, entry.reason);
      return undefined;
    }
    if (Date.now() >= entry.expiresAt) {
      await this.#remove(path);
      return undefined;
    }
    this.#track(path, bytes.length);
    // The scratch buffer is reused by the next read, so a value read into it leaves as a copy.
    return copy ? entry.payload.slice() : entry.payload;
  }

  async set(namespace: string, key: string, bytes: Uint8Array, ttlMs: number, createdAt: number): Promise<void> {
    await this.#ready;
    if (this.#disabled) return;
    const path = this.#pathOf(namespace, key);
    const framed = frameEntry(bytes, createdAt, Date.now() + ttlMs);
    const temp = join(this.#root, "tmp", `${randomBytes(8).toString("hex")}.tmp`);
    try {
      const handle = await this.#fs.open(temp, "wx");
      try {
        await handle.writeFile(framed);
        if (this.#fsync) await handle.sync();
      } finally {
        await handle.close();
      }
      const dir = dirname(path);
      await this.#ensureDir(dir);
      await this.#fs.rename(temp, path);
      // The file held for this path (if any) now has no link; close it rather than wait for the next read to notice.
      this.#held?.release(path);
      if (this.#fsync) {
        const dirHandle = await this.#fs.open(dir, "r");
        try { await dirHandle.sync(); } finally { await dirHandle.close(); }
      }
    } catch (error) {
      await this.#fs.unlink(temp).catch(() => {});
      this.#fail(error, "a write");
      return;
    }
    this.#track(path, framed.length);
    if (this.#bytes > this.#maxBytes) await this.#evict();
  }

  /** Removes least recently used files until the tier is at 90% of its budget. */
  async #evict(): Promise<void> {
    const target = this.#maxBytes * 0.9;
    let count = 0;
    let freed = 0;
    const coldestFirst = [...this.#index].sort((a, b) => a[1].used - b[1].used);
    for (const [path, file] of coldestFirst) {
      if (this.#bytes <= target) break;
      // Removed meanwhile (another eviction, a delete): nothing to free.
      if (this.#index.get(path) !== file) continue;
      await this.#remove(path);
      count++;
      freed += file.size;
    }
    if (count > 0) this.#context?.evicted(count, freed, "disk budget");
  }

  async #remove(path: string): Promise<void> {
    this.#untrack(path);
    this.#held?.release(path);
    await this.#fs.unlink(path).catch(() => {});
  }

  async delete(namespace: string, key: string, olderThan?: number): Promise<void> {
    await this.#ready;
    if (this.#disabled) return;
    const path = this.#pathOf(namespace, key);
    if (olderThan !== undefined) {
      let bytes: Uint8Array;
      try {
        if (this.#syncReads) {
          bytes = this.#head.subarray(0, this.#fs.readIntoSync!(path, this.#head));
        } else {
          bytes = await this.#fs.readFile(path);
        }
      } catch { return; }
      const createdAt = peekCreatedAt(bytes);
      if (createdAt !== undefined && createdAt >= olderThan) return;
    }
    await this.#remove(path);
  }

  async clear(namespace?: string): Promise<void> {
    await this.#ready;
    if (this.#disabled) return;
    const nsRoot = join(this.#root, "ns");
    const targets = namespace === undefined ? await this.#fs.readdir(nsRoot).catch(() => [] as string[]) : [checkedNamespace(namespace)];
    for (const ns of targets) {
      const dir = join(nsRoot, ns);
      // Renaming first makes the clear atomic for readers; the slow delete happens after.
      const trash = join(this.#root, "tmp", `trash-${randomBytes(8).toString("hex")}`);
      try {
        await this.#fs.rename(dir, trash);
      } catch (error) {
        if (errorCode(error) === "ENOENT") continue;
        this.#fail(error, "a clear");
        return;
      }
      for (const path of [...this.#index.keys()]) if (path.startsWith(dir + "/")) this.#untrack(path);
      this.#held?.releaseUnder(dir + "/");
      await this.#fs.rm(trash, { recursive: true, force: true });
    }
  }

  async invalidateTags(tags: readonly string[], at: number): Promise<void> {
    await this.#ready;
    if (this.#disabled) return;
    const times = new Map(await this.loadTagTimes());
    for (const tag of tags) if ((times.get(tag) ?? -Infinity) < at) times.set(tag, at);
    const temp = join(this.#root, "tmp", `tags-${randomBytes(8).toString("hex")}.tmp`);
    try {
      await this.#fs.writeFile(temp, JSON.stringify(Object.fromEntries(times)));
      await this.#fs.rename(temp, join(this.#root, "tags.json"));
    } catch (error) {
      await this.#fs.unlink(temp).catch(() => {});
      this.#fail(error, "a tag write");
    }
  }

  async loadTagTimes(): Promise<ReadonlyMap<string, number>> {
    await this.#ready;
    if (this.#disabled) return new Map();
    try {
      const parsed = JSON.parse(String(await this.#fs.readFile(join(this.#root, "tags.json"), "utf8"))) as Record<string, unknown>;
      return new Map(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === "number"));
    } catch {
      // Missing or unreadable: no tag has been invalidated as far as this disk knows.
      return new Map();
    }
  }

  async close(): Promise<void> {
    await this.#ready;
    this.#closing = true;
    await this.#oldLayout;
    this.#held?.close();
  }

  /** Entry files held open now (for tests and diagnostics). */
  get heldFiles(): number {
    return this.#held?.size ?? 0;
  }
}

/**
 * `namespace`, if it is a name the cache takes (`NAMESPACE_PATTERN`): it becomes a directory
 * name, and `.`, `..` or a path there would reach other namespaces' files (the cache checks
 * names first; this guards a tier used on its own).
 */
function checkedNamespace(namespace: string): string {
  if (typeof namespace !== "string" || !NAMESPACE_PATTERN.test(namespace)) throw new RangeError(`disk tier: "${String(namespace)}" is not a valid namespace name (${NAMESPACE_PATTERN})`);
  return namespace;
}

/** Creates the disk tier (L2). */
export function createDiskTier(options: DiskTierOptions): DiskTier {
  return new DiskTier(options);
}
