import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InMemoryFileSystem } from "../../src/project/file-system.js";

/** Copies a directory tree from disk into an in-memory file system under `mountAt`. */
export function loadDirectory(dir: string, mountAt: string, fs = new InMemoryFileSystem()): InMemoryFileSystem {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) loadDirectory(path, `${mountAt}/${name}`, fs);
    else fs.writeFile(`${mountAt}/${name}`, readFileSync(path, "utf8"));
  }
  return fs;
}

/** 1-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
