import { closeSync, openSync, readSync } from "node:fs";
import * as fsPromises from "node:fs/promises";

/**
 * The subset of `node:fs/promises` the disk tier uses. It is injectable so tests can make
 * writes fail the way a full disk (ENOSPC) or a denied directory (EACCES) does, which a
 * root-run test machine cannot otherwise produce.
 */
export type DiskFs = Pick<typeof fsPromises, "mkdir" | "open" | "rename" | "readFile" | "unlink" | "readdir" | "stat" | "rm" | "writeFile"> & {
  /**
   * Synchronously reads the start of a file into `buffer` and returns the byte count. It
   * stops at the end of the file, when `buffer` is full, or once `sizeOf` (given what has
   * been read so far: the first `count` bytes of `buffer`) says the file is complete; so a
   * count below `buffer.length` means the whole file is in `buffer`. Used for entry reads
   * when `syncReads` is on; without it every read goes through `readFile`.
   */
  readIntoSync?: (path: string, buffer: Uint8Array, sizeOf?: (buffer: Uint8Array, count: number) => number | undefined) => number;
};

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
export const nodeDiskFs: DiskFs = { ...fsPromises, readIntoSync };
