import type { SyncFileOps } from "./disk-fs.js";

/** One entry file kept open: its descriptor, when it was opened by path, and its status change time then. */
interface Held {
  readonly fd: number;
  readonly openedAt: number;
  readonly ctimeMs: number;
  /**
   * The epoch of its directory (see `DirStamp`) in which the file was last known to be linked
   * at its path, or -1. While a batch finds the directory still in that epoch, the file needs
   * no `fstat` of its own.
   */
  epoch: number;
}

/**
 * What a batch saw of a directory the last time it looked (`stat` of the directory's path).
 * Every entry created in, renamed into, renamed out of or unlinked from a directory moves its
 * modification and status change times, so while the same directory (inode) is at the path
 * with the same times, no file in it was replaced or removed. Each new look that finds it
 * otherwise starts a new epoch.
 */
interface DirStamp {
  ino: number;
  ctimeMs: number;
  mtimeMs: number;
  nlink: number;
  epoch: number;
  /**
   * False when the times were too close to the clock to rule out another change within the
   * same timestamp tick (file systems without fine-grained timestamps stamp changes with a
   * clock that advances every few ms): the epoch is then not used.
   */
  trusted: boolean;
  /** The batch that last looked. */
  batch: number;
}

/** Directory times closer than this to the clock are not trusted (see `DirStamp.trusted`). */
const RACY_MS = 50;

/** Errors of an `open` that mean "too many descriptors": give ours back and try once more. */
const OUT_OF_DESCRIPTORS = new Set(["EMFILE", "ENFILE"]);

/**
 * Reads the start of a file (see `DiskFs.readIntoSync`) with positional reads, so a
 * descriptor can be read again from the start without seeking.
 */
export function readStart(ops: SyncFileOps, fd: number, buffer: Uint8Array, sizeOf?: (buffer: Uint8Array, count: number) => number | undefined): number {
  let count = 0;
  while (count < buffer.length) {
    const read = ops.read(fd, buffer, count, buffer.length - count, count);
    if (read === 0) break;
    count += read;
    const size = sizeOf?.(buffer, count);
    if (size !== undefined && count >= size) break;
  }
  return count;
}

/**
 * Entry files of the disk tier kept open between synchronous reads, so reading an entry
 * again costs one `fstat` and one `pread` instead of `open`, `read` and `close`. Opening
 * a file by path costs about three times as much as either call here (the path walk), and
 * `close` as much again.
 *
 * Coherence across processes rests on how entries change: a file is never rewritten in
 * place. A writer renames a new file over the path and a delete unlinks it, and either
 * leaves the old file with no link: its link count, which `fstat` on our descriptor
 * reports, drops to 0 at that instant. So a held file is read only while it has exactly one
 * link and the status change time it had when opened (a hard link made to it, which would
 * keep it linked after a replacement, moves that time, and so does a rename of the file or
 * a write into it); otherwise it is closed and the path is opened again, which finds the
 * new file or none. Every read still reads the bytes from the file, and the caller
 * verifies them.
 *
 * What `fstat` cannot show is the directory holding the file being moved elsewhere (which
 * `clear()` does just before removing it), or a network file system's "silly rename" of an
 * open file. So a descriptor is also reopened by path once it is `maxAgeMs` old, and the
 * disk tier does not hold files on network file systems.
 *
 * Between `beginBatch` and `endBatch` (reads all requested before the batch began) the tier
 * looks at each entry directory once, by path (`DirStamp`): while the same directory has the
 * same times as when a held file was last verified, the file needs no `fstat` of its own; a
 * directory gone or replaced at its path (a clear) drops the files held in it.
 *
 * At most `capacity` files are held; past that, the one opened first is closed.
 */
export class HeldFiles {
  readonly #ops: SyncFileOps;
  readonly #capacity: number;
  readonly #maxAgeMs: number;
  /** Held files by path, oldest opened first (Map insertion order). */
  readonly #held = new Map<string, Held>();
  /** What batches saw of entry directories, by directory path. */
  readonly #dirs = new Map<string, DirStamp>();
  #epochs = 0;
  #batches = 0;
  /** The batch in progress, or 0. */
  #batch = 0;
  #closed = false;

  constructor(ops: SyncFileOps, capacity: number, maxAgeMs: number) {
    this.#ops = ops;
    this.#capacity = capacity;
    this.#maxAgeMs = maxAgeMs;
  }

  /** Files held open now. */
  get size(): number {
    return this.#held.size;
  }

  /**
   * Starts a batch: the reads until `endBatch` were all requested before this call, so one
   * look at each directory (one `stat`) can stand in for the `fstat` of every held file in it.
   */
  beginBatch(): void {
    this.#batch = ++this.#batches;
  }

  /** Ends the batch begun by `beginBatch`. */
  endBatch(): void {
    this.#batch = 0;
  }

  /**
   * Reads the start of the file at `path` (in directory `dir`) into `buffer` (like
   * `DiskFs.readIntoSync`), from a held descriptor when the file it names is still the one at
   * `path`. `now` is the caller's clock reading in ms. Throws what `open` or `read` throws
   * (ENOENT for a missing file).
   */
  read(path: string, dir: string, buffer: Uint8Array, sizeOf: (buffer: Uint8Array, count: number) => number | undefined, now: number): number {
    // Outside a batch no directory is looked at; the last trusted epoch still labels what this read verifies.
    const epoch = this.#batch !== 0 ? this.#dirEpoch(dir, now) : this.#knownEpoch(dir);
    const held = this.#held.get(path);
    if (held !== undefined) {
      if (now - held.openedAt < this.#maxAgeMs && ((this.#batch !== 0 && epoch >= 0 && held.epoch === epoch) || this.#unchanged(held))) {
        held.epoch = epoch;
        try {
          return readStart(this.#ops, held.fd, buffer, sizeOf);
        } catch (error) {
          this.release(path);
          throw error;
        }
      }
      this.release(path);
    }
    const fd = this.#open(path);
    let count: number;
    let ctimeMs = Number.NaN;
    try {
      // The status change time as opened: taken before the read, so a change after it shows.
      const keep = !this.#closed && this.#capacity > 0;
      if (keep) ctimeMs = this.#ops.stat(fd).ctimeMs;
      count = readStart(this.#ops, fd, buffer, sizeOf);
    } catch (error) {
      this.#ops.close(fd);
      throw error;
    }
    // A file that filled the buffer is read again through the thread pool: no use holding it.
    if (Number.isNaN(ctimeMs) || count >= buffer.length) {
      this.#ops.close(fd);
      return count;
    }
    if (this.#held.size >= this.#capacity) {
      for (const oldest of this.#held.keys()) { this.release(oldest); break; }
    }
    this.#held.set(path, { fd, openedAt: now, ctimeMs, epoch });
    return count;
  }

  #knownEpoch(dir: string): number {
    const stamp = this.#dirs.get(dir);
    return stamp !== undefined && stamp.trusted ? stamp.epoch : -1;
  }

  /**
   * The directory's epoch for this batch (looked at once per batch), or -1 when it cannot be
   * trusted. A held file verified (opened, or `fstat`ed) while its directory is in a trusted
   * epoch E stays verified while later looks still find E: the look that began E came first,
   * so nothing in the directory changed after the file was verified.
   */
  #dirEpoch(dir: string, now: number): number {
    let stamp = this.#dirs.get(dir);
    if (stamp !== undefined && stamp.batch === this.#batch) return stamp.trusted ? stamp.epoch : -1;
    let seen;
    try {
      seen = this.#ops.statPath(dir);
    } catch {
      // No directory at the path (cleared): every file held in it is gone from its path.
      this.#dirs.delete(dir);
      this.releaseUnder(dir + "/");
      return -1;
    }
    if (stamp !== undefined && stamp.ino !== seen.ino) {
      // Another directory at the path (a clear renamed ours away, and a write made a new one).
      this.releaseUnder(dir + "/");
      stamp = undefined;
    }
    if (stamp === undefined || stamp.ctimeMs !== seen.ctimeMs || stamp.mtimeMs !== seen.mtimeMs || stamp.nlink !== seen.nlink || !stamp.trusted) {
      const trusted = now - Math.max(seen.ctimeMs, seen.mtimeMs) > RACY_MS;
      const epoch = ++this.#epochs;
      if (stamp === undefined) {
        stamp = { ino: seen.ino, ctimeMs: seen.ctimeMs, mtimeMs: seen.mtimeMs, nlink: seen.nlink, epoch, trusted, batch: this.#batch };
        this.#dirs.set(dir, stamp);
      } else {
        stamp.ino = seen.ino;
        stamp.ctimeMs = seen.ctimeMs;
        stamp.mtimeMs = seen.mtimeMs;
        stamp.nlink = seen.nlink;
        stamp.epoch = epoch;
        stamp.trusted = trusted;
      }
    }
    stamp.batch = this.#batch;
    return stamp.trusted ? stamp.epoch : -1;
  }

  /** Whether a held file is still the one linked at its path as far as `fstat` can tell. */
  #unchanged(held: Held): boolean {
    const stat = this.#ops.stat(held.fd);
    return stat.nlink === 1 && stat.ctimeMs === held.ctimeMs;
  }

  #open(path: string): number {
    try {
      return this.#ops.open(path);
    } catch (error) {
      if (this.#held.size === 0 || !OUT_OF_DESCRIPTORS.has((error as { code?: string } | null)?.code ?? "")) throw error;
      // The process ran out of descriptors: ours are only a speed-up, so they go first.
      this.releaseAll();
      return this.#ops.open(path);
    }
  }

  /** Closes the file held for `path`, if any (the tier is replacing or removing it). */
  release(path: string): void {
    const held = this.#held.get(path);
    if (held === undefined) return;
    this.#held.delete(path);
    try { this.#ops.close(held.fd); } catch { /* already closed or invalid: nothing left to release */ }
  }

  /** Closes every held file whose path starts with `prefix`, and forgets the directories there. */
  releaseUnder(prefix: string): void {
    for (const path of [...this.#held.keys()]) if (path.startsWith(prefix)) this.release(path);
    for (const dir of [...this.#dirs.keys()]) if ((dir + "/").startsWith(prefix)) this.#dirs.delete(dir);
  }

  /** Closes every held file. */
  releaseAll(): void {
    for (const path of [...this.#held.keys()]) this.release(path);
  }

  /** Closes every held file and holds none from now on (reads still work, opening each file). */
  close(): void {
    this.#closed = true;
    this.releaseAll();
  }
}
