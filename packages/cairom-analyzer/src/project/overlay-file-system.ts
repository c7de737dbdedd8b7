import type { DirectoryEntry, FileSystem } from "./file-system.js";
import { normalizePath, relativeInside } from "./paths.js";

/**
 * The host's file system with the editor's unsaved buffers laid over it: open files read
 * from the overlay, and directory listings include open files that are not on disk yet.
 */
export class OverlayFileSystem implements FileSystem {
  private readonly overlay = new Map<string, string>();

  /** Wraps `base`. */
  constructor(private readonly base: FileSystem) {}

  /** Sets the buffer text of an open file. */
  set(path: string, text: string): void {
    this.overlay.set(normalizePath(path), text);
  }

  /** Drops a buffer (the file reads from the base again). */
  delete(path: string): void {
    this.overlay.delete(normalizePath(path));
  }

  /** True when the file has a buffer. */
  has(path: string): boolean {
    return this.overlay.has(normalizePath(path));
  }

  readFile(path: string): string | undefined {
    const p = normalizePath(path);
    return this.overlay.get(p) ?? this.base.readFile(p);
  }

  readDirectory(path: string): readonly DirectoryEntry[] {
    const dir = normalizePath(path);
    const entries = new Map<string, boolean>();
    for (const e of this.base.readDirectory(dir)) entries.set(e.name, e.isDirectory);
    for (const file of this.overlay.keys()) {
      const rel = relativeInside(dir, file);
      if (rel === undefined) continue;
      const slash = rel.indexOf("/");
      if (slash < 0) entries.set(rel, false);
      else entries.set(rel.slice(0, slash), true);
    }
    return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
  }
}
