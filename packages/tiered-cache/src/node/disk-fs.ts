import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import * as fsPromises from "node:fs/promises";

/**
 * The subset of `node:fs/promises` the disk tier uses. It is injectable so tests can make
 * writes fail the way a full disk (ENOSPC) or a denied directory (EACCES) does, which a
 * root-run test machine cannot otherwise produce.
 */
export type DiskFs = Pick<typeof fsPromises, "mkdir" | "open" | "rename" | "readFile" | "unlink" | "readdir" | "stat" | "rm" | "writeFile"> & {
  /**
   * `lstat` and `rmdir` let the tier remove the directory of its previous on-disk layout
   * (`<dir>/v1`) when it opens; without them that directory is left alone. Optional.
   */
  lstat?: typeof fsPromises.lstat;
  rmdir?: typeof fsPromises.rmdir;
  /** File system facts of the cache directory (the tier holds no files open on network file systems). Optional. */
  statfs?: (path: string) => Promise<{ type: number }>;
  /**
   * Synchronous descriptor-level calls, for keeping entry files open between reads (see
   * `DiskTierOptions.openFiles`). Without them every synchronous read goes through
   * `readIntoSync`.
   */
  syncFiles?: SyncFileOps;
  /**
   * Synchronously reads the start of a file into `buffer` and returns the byte count. It
   * stops at the end of the file, when `buffer` is full, or once `sizeOf` (given what has
   * been read so far: the first `count` bytes of `buffer`) says the file is complete; so a
   * count below `buffer.length` means the whole file is in `buffer`. Used for entry reads
   * when `syncReads` is on; without it every read goes through `readFile`.
   */
  readIntoSync?: (path: string, buffer: Uint8Array, sizeOf?: (buffer: Uint8Array, count: number) => number | undefined) => number;
};

/** The synchronous calls the disk tier makes on descriptors it keeps open. */
export interface SyncFileOps {
  /** Opens a file for reading; returns its descriptor. */
  open(path: string): number;
  /** Reads up to `length` bytes at file offset `position` into `buffer` at `offset` (`pread`); returns the count. */
  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  /**
   * Facts of the open file (`fstat`): its hard link count (0 once it was unlinked or had
   * another file renamed over it) and its status change time (which link, unlink, rename and
   * writes all move).
   */
  stat(fd: number): { readonly nlink: number; readonly ctimeMs: number };
  /** Facts of what is at a path (`stat`): for a directory, which one it is and when its entries last changed. */
  statPath(path: string): { readonly ino: number; readonly nlink: number; readonly ctimeMs: number; readonly mtimeMs: number };
  /** Closes a descriptor. */
  close(fd: number): void;
}

/**
 * One `open`, usually one `read`, one `close`: no `fstat` to size a fresh buffer (what
 * `readFileSync` does), because the caller reads into a buffer it keeps, and no trailing
 * zero-byte `read` to find the end when the file's own header says how long it is.
 */
function readIntoSync(path: string, buffer: Uint8Array, sizeOf?: (buffer: Uint8Array, count: number) => number | undefined): number {
  const fd = openSync(path, "r");
  try {
    let count = 0;
    while (count < buffer.length) {
      const read = readSync(fd, buffer, count, buffer.length - count, count);
      if (read === 0) break;
      count += read;
      const size = sizeOf?.(buffer, count);
      if (size !== undefined && count >= size) break;
    }
    return count;
  } finally {
    closeSync(fd);
  }
}

/** The real file system. */
export const nodeDiskFs: DiskFs = {
  ...fsPromises,
  readIntoSync,
  syncFiles: {
    open: (path) => openSync(path, "r"),
    read: (fd, buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
    stat: (fd) => fstatSync(fd),
    statPath: (path) => statSync(path),
    close: (fd) => closeSync(fd),
  },
};
