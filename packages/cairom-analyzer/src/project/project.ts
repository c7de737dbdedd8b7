import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { FileSystem } from "./file-system.js";
import { validateManifest, type Manifest } from "./manifest.js";
import { basename, dirname, joinPath, normalizePath, relativeInside } from "./paths.js";

/** The manifest file name looked for upward from a source file. */
export const MANIFEST_FILE = "cairom.toml";

/** One module of a project: a `.cm` file and its `::` path. */
export interface ModuleFile {
  /** Module path, e.g. `util::checks`. */
  readonly name: string;
  /** Absolute file path. */
  readonly path: string;
}

/** A crate (directory with `cairom.toml`) or a standalone file. */
export interface Project {
  /** `crate` when a manifest was found, else `standalone`. */
  readonly kind: "crate" | "standalone";
  /** Stable id: the manifest path, or the standalone file's path. */
  readonly id: string;
  /** Project name (manifest `name`, or the file stem). */
  readonly name: string;
  /** Project root directory. */
  readonly root: string;
  /** Path of `cairom.toml` for crates. */
  readonly manifestPath: string | undefined;
  /** The validated manifest, when valid. */
  readonly manifest: Manifest | undefined;
  /** Source directory whose `.cm` files are the modules. */
  readonly sourceDir: string;
  /** Modules, sorted by name. */
  readonly modules: readonly ModuleFile[];
  /** Project-loading problems, located in `cairom.toml` (empty for standalone files). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Directory names never walked for sources. */
const SKIPPED_DIRS = new Set(["node_modules", "target", ".git"]);

/** Walks up from `path`'s directory to the first directory containing `cairom.toml`. */
export function findManifest(fs: FileSystem, path: string): string | undefined {
  let dir = dirname(normalizePath(path));
  for (;;) {
    const candidate = joinPath(dir, MANIFEST_FILE);
    if (fs.readFile(candidate) !== undefined) return candidate;
    if (dir === "/") return undefined;
    dir = dirname(dir);
  }
}

/** Module name of a file relative to a source directory (`util/bits.cm` → `util::bits`). */
export function moduleNameFor(sourceDir: string, path: string): string | undefined {
  const rel = relativeInside(sourceDir, path);
  if (rel === undefined || !rel.endsWith(".cm")) return undefined;
  return rel.slice(0, -3).split("/").join("::");
}

function collectSources(fs: FileSystem, dir: string, out: string[], depth = 0): void {
  if (depth > 64) return;
  for (const entry of fs.readDirectory(dir)) {
    if (entry.name.startsWith(".")) continue;
    const path = joinPath(dir, entry.name);
    if (entry.isDirectory) {
      if (!SKIPPED_DIRS.has(entry.name)) collectSources(fs, path, out, depth + 1);
    } else if (entry.name.endsWith(".cm")) out.push(path);
  }
}

/** Loads the crate whose manifest is at `manifestPath`. Never throws. */
export function loadCrate(fs: FileSystem, manifestPath: string): Project {
  const root = dirname(manifestPath);
  const text = fs.readFile(manifestPath) ?? "";
  const { manifest, diagnostics: manifestDiagnostics } = validateManifest(text);
  const diagnostics = [...manifestDiagnostics];
  const defaultSource = joinPath(root, "src");
  let sourceDir = defaultSource;
  const files: string[] = [];
  if (manifest) {
    const ep = manifest.entryPoint;
    const entryPath = ep.startsWith("/") ? normalizePath(ep) : ep.startsWith("src/") ? joinPath(root, ep) : joinPath(root, "src", ep);
    if (fs.readFile(entryPath) === undefined) {
      const entry = text.indexOf(ep);
      diagnostics.push(
        diagnostic(
          "invalid-manifest",
          "error",
          `cairom.toml: entry_point \`${ep}\` does not exist (looked for ${entryPath})`,
          entry >= 0 ? entry : 0,
          entry >= 0 ? entry + ep.length : 0,
        ),
      );
    }
    const entryDir = dirname(entryPath);
    // Like the reference: the entry file's directory is the source root, walked only when named `src`.
    if (basename(entryDir) === "src") {
      sourceDir = entryDir;
      collectSources(fs, sourceDir, files);
    } else {
      sourceDir = entryDir;
      if (fs.readFile(entryPath) !== undefined) files.push(entryPath);
    }
  } else {
    collectSources(fs, defaultSource, files);
  }
  const modules = files
    .map((path) => ({ name: moduleNameFor(sourceDir, path) ?? basename(path).replace(/\.cm$/, ""), path }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    kind: "crate",
    id: manifestPath,
    name: manifest?.name ?? basename(root),
    root,
    manifestPath,
    manifest,
    sourceDir,
    modules,
    diagnostics,
  };
}

/** A one-module project for a file outside any crate; its module is named after the file stem. */
export function standaloneProject(path: string): Project {
  const p = normalizePath(path);
  const stem = basename(p).replace(/\.cm$/, "");
  return {
    kind: "standalone",
    id: p,
    name: stem,
    root: dirname(p),
    manifestPath: undefined,
    manifest: undefined,
    sourceDir: dirname(p),
    modules: [{ name: stem, path: p }],
    diagnostics: [],
  };
}

/**
 * Like the reference: a standalone file in a directory named `src` brings every `.cm`
 * file under that directory along as modules (named by path, as in a crate).
 */
export function standaloneSourceDirectory(fs: FileSystem, path: string): Project {
  const p = normalizePath(path);
  const dir = dirname(p);
  const files: string[] = [];
  collectSources(fs, dir, files);
  if (!files.includes(p)) files.push(p);
  const modules = files
    .map((f) => ({ name: moduleNameFor(dir, f)!, path: f }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...standaloneProject(p), id: `${dir}/`, modules, sourceDir: dir };
}

/**
 * The project a file belongs to: the crate found upward (if the file is one of its
 * modules), else a standalone project (with its `src/` siblings when it sits in `src/`).
 */
export function discoverProject(fs: FileSystem, path: string): Project {
  const p = normalizePath(path);
  const manifestPath = findManifest(fs, p);
  if (manifestPath) {
    const crate = loadCrate(fs, manifestPath);
    if (crate.modules.some((m) => m.path === p) || p === manifestPath) return crate;
  }
  if (!manifestPath && basename(dirname(p)) === "src") return standaloneSourceDirectory(fs, p);
  return standaloneProject(p);
}
