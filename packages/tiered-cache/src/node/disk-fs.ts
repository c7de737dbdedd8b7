import { readFileSync } from "node:fs";
import * as fsPromises from "node:fs/promises";

/**
 * The subset of `node:fs/promises` the disk tier uses. It is injectable so tests can make
 * writes fail the way a full disk (ENOSPC) or a denied directory (EACCES) does, which a
 * root-run test machine cannot otherwise produce.
 */
export type DiskFs = Pick<typeof fsPromises, "mkdir" | "open" | "rename" | "readFile" | "unlink" | "readdir" | "stat" | "rm" | "writeFile"> & {
  /** Synchronous whole-file read, used for entry reads when `syncReads` is on (falls back to `readFile` when absent). */
  readFileSync?: (path: string) => Uint8Array;
};

/** The real file system. */
export const nodeDiskFs: DiskFs = { ...fsPromises, readFileSync: (path) => readFileSync(path) };
