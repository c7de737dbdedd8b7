import type { SyncFileOps } from "./disk-fs.js";

/** One entry file kept open: its descriptor, when it was opened by path, and its status change time then. */
interface Held {
  readonly fd: number;
  readonly openedAt: number;
  readonly ctimeMs: number;
}

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
 * At most `capacity` files are held; past that, the one opened first is closed.
 */
export class HeldFiles {
  readonly #ops: SyncFileOps;
  readonly #capacity: number;
  readonly #maxAgeMs: number;
  /** Held files by path, oldest opened first (Map insertion order). */
  readonly #held = new Map<string, Held>();
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
   * Reads the start of the file at `path` into `buffer` (like `DiskFs.readIntoSync`), from a
   * held descriptor when the file it names is still the one at `path`. `now` is the caller's
   * clock reading in ms. Throws what `open` or `read` throws (ENOENT for a missing file).
   */
  read(path: string, buffer: Uint8Array, sizeOf: (buffer: Uint8Array, count: number) => number | undefined, now: number): number {
    const held = this.#held.get(path);
    if (held !== undefined) {
      if (now - held.openedAt < this.#maxAgeMs && this.#unchanged(held)) {
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
    this.#held.set(path, { fd, openedAt: now, ctimeMs });
    return count;
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

  /** Closes every held file whose path starts with `prefix`. */
  releaseUnder(prefix: string): void {
    for (const path of [...this.#held.keys()]) if (path.startsWith(prefix)) this.release(path);
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
