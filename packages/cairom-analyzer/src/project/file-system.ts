import { basename, dirname, normalizePath } from "./paths.js";

/** An entry of a directory listing. */
export interface DirectoryEntry {
  /** File or directory name (one segment). */
  readonly name: string;
  /** True for directories. */
  readonly isDirectory: boolean;
}

/**
 * How the analyzer reads files. The core never touches a real disk: the CLI and the
 * adapter pass a Node implementation, tests and browsers an in-memory one. Synchronous,
 * because project loading happens outside queries and hosts can pre-load when needed.
 */
export interface FileSystem {
  /** The file's text, or `undefined` if there is no such file. */
  readFile(path: string): string | undefined;
  /** The entries of a directory, or `[]` if there is no such directory. */
  readDirectory(path: string): readonly DirectoryEntry[];
}

/** A file system held in memory, keyed by absolute `/`-separated paths. */
export class InMemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();

  /** Creates it from `{ "/path": "text" }`. */
  constructor(files: Record<string, string> = {}) {
    // `?? {}`: a JavaScript caller's null means no files.
    for (const [path, text] of Object.entries(files ?? {})) this.writeFile(path, text);
  }

  /** Creates or replaces a file. */
  writeFile(path: string, text: string): void {
    if (typeof text !== "string") throw new TypeError(`writeFile: the text of ${path} must be a string, got ${text === null ? "null" : typeof text}`);
    this.files.set(normalizePath(path), text);
  }

  /** Removes a file; returns whether it existed. */
  deleteFile(path: string): boolean {
    return this.files.delete(normalizePath(path));
  }

  readFile(path: string): string | undefined {
    return this.files.get(normalizePath(path));
  }

  readDirectory(path: string): readonly DirectoryEntry[] {
    const dir = normalizePath(path);
    const prefix = dir === "/" ? "/" : `${dir}/`;
    const seen = new Map<string, boolean>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf("/");
      if (slash < 0) seen.set(rest, false);
      else seen.set(rest.slice(0, slash), true);
    }
    return [...seen].map(([name, isDirectory]) => ({ name, isDirectory }));
  }

  /** All file paths, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}

/** Re-exported helpers for hosts that build paths. */
export { basename, dirname };
