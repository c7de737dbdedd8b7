import type { EngineListener } from "@sextant/query-engine";
import { sortDiagnostics, type Diagnostic } from "./diagnostic.js";
import { InMemoryFileSystem, type FileSystem } from "./project/file-system.js";
import { OverlayFileSystem } from "./project/overlay-file-system.js";
import { normalizePath } from "./project/paths.js";
import { discoverProject, MANIFEST_FILE, type Project } from "./project/project.js";
import { createAnalysisDatabase, type AnalysisDatabase } from "./queries/analysis-db.js";

/** Options of {@link createCairoMService}. */
export interface CairoMServiceOptions {
  /** Where project files are read from. Defaults to an empty in-memory file system. */
  readonly fs?: FileSystem;
  /** Receives query-engine events (the query log). Defaults to none. */
  readonly onEvent?: EngineListener;
}

/** @internal Shared state handed to the IDE feature modules. */
export interface ServiceHost {
  readonly adb: AnalysisDatabase;
  readonly fs: OverlayFileSystem;
  /** Makes sure the file's project is loaded; returns it. */
  ensure(path: string): Project;
  /** All loaded projects. */
  projects(): readonly Project[];
}

/** Project loading and the file inputs of the analysis database. */
export class ProjectHost implements ServiceHost {
  readonly adb: AnalysisDatabase;
  readonly fs: OverlayFileSystem;
  private readonly loaded = new Map<string, Project>();
  private readonly fileProject = new Map<string, string>();

  constructor(options: CairoMServiceOptions) {
    this.fs = new OverlayFileSystem(options.fs ?? new InMemoryFileSystem());
    this.adb = createAnalysisDatabase(options.onEvent ? { onEvent: options.onEvent } : {});
  }

  projects(): readonly Project[] {
    return [...this.loaded.values()];
  }

  ensure(path: string): Project {
    const p = normalizePath(path);
    const id = this.fileProject.get(p);
    if (id !== undefined) return this.loaded.get(id)!;
    const project = discoverProject(this.fs, p);
    // A request for a file that does not exist gets the project it would have without
    // loading it: loaded, it was a phantom standalone project holding the path, which kept
    // the file when it was created later (its crate never saw the new module).
    if (p !== project.manifestPath && this.fs.readFile(p) === undefined) return project;
    return this.load(project);
  }

  /** Re-discovers every loaded project (files created, deleted or renamed on disk). */
  reload(): void {
    const before = [...this.loaded.values()];
    const found = new Set<string>();
    for (const project of before) {
      // A crate whose manifest is gone is re-discovered from its files.
      const key =
        project.manifestPath !== undefined && this.fs.readFile(project.manifestPath) !== undefined
          ? project.manifestPath
          : project.modules.find((m) => this.fs.readFile(m.path) !== undefined)?.path;
      if (key !== undefined) found.add(this.load(discoverProject(this.fs, key)).id);
    }
    // A project that re-discovery did not find again (a standalone file now in a crate, a
    // crate whose manifest or files are gone) is dropped, with its files: left in place it
    // answered workspace symbols twice and kept files a crate had taken over.
    for (const project of before) {
      if (found.has(project.id)) continue;
      this.loaded.delete(project.id);
      const files = project.manifestPath ? [project.manifestPath, ...project.modules.map((m) => m.path)] : project.modules.map((m) => m.path);
      for (const file of files) {
        if (this.fileProject.get(file) !== project.id) continue;
        this.fileProject.delete(file);
        if (this.adb.fileModule.has(file)) this.adb.fileModule.remove(file);
      }
    }
  }

  /** Sets the text input of a file if it belongs to a loaded project. */
  refreshText(path: string): void {
    const p = normalizePath(path);
    if (!this.adb.fileModule.has(p)) return;
    const text = this.fs.readFile(p);
    if (text !== undefined && (!this.adb.fileText.has(p) || this.adb.fileText.get(p) !== text)) this.adb.fileText.set(p, text);
  }

  private load(project: Project): Project {
    const previous = this.loaded.get(project.id);
    this.loaded.set(project.id, project);
    if (project.manifestPath) this.fileProject.set(project.manifestPath, project.id);
    const { adb } = this;
    for (const m of project.modules) {
      this.fileProject.set(m.path, project.id);
      const text = this.fs.readFile(m.path) ?? "";
      if (!adb.fileText.has(m.path) || adb.fileText.get(m.path) !== text) adb.fileText.set(m.path, text);
      const fm = adb.fileModule.has(m.path) ? adb.fileModule.get(m.path) : undefined;
      if (!fm || fm.project !== project.id || fm.module !== m.name) adb.fileModule.set(m.path, { project: project.id, module: m.name });
    }
    if (previous) {
      // Files the project no longer has (deleted, or a closed buffer never saved) stop being
      // its modules: requests on them answer nothing instead of reading their last text.
      const kept = new Set(project.modules.map((m) => m.path));
      for (const m of previous.modules) {
        if (kept.has(m.path) || this.fileProject.get(m.path) !== project.id) continue;
        this.fileProject.delete(m.path);
        if (adb.fileModule.has(m.path)) adb.fileModule.remove(m.path);
      }
    }
    const same =
      previous &&
      previous.modules.length === project.modules.length &&
      previous.modules.every((m, i) => m.name === project.modules[i]!.name && m.path === project.modules[i]!.path);
    if (!same || !adb.projectModules.has(project.id)) adb.projectModules.set(project.id, project.modules);
    return project;
  }
}

/** The core of the language service: files, projects and diagnostics. */
export interface CairoMServiceCore {
  /** Opens or updates an editor buffer (its text wins over the file system). */
  setFileText(path: string, text: string): void;
  /** Closes a buffer: the file reads from the file system again. */
  closeFile(path: string): void;
  /** Tells the service that files changed on disk (created, deleted, edited). */
  filesChanged(paths: readonly string[]): void;
  /** The project a file belongs to (loaded on first use). */
  getProject(path: string): Project;
  /** Diagnostics of one file (or of `cairom.toml`: the manifest problems), sorted. */
  getDiagnostics(path: string): Diagnostic[];
  /** Diagnostics of every file of the file's project (manifest first), for batch checks. */
  checkProject(path: string): { path: string; diagnostics: Diagnostic[] }[];
  /**
   * Drops memos not used since `unusedSince` (a revision; defaults to the current one, i.e.
   * everything not read since the last edit) — e.g. after closing files or deleting
   * functions. Returns how many were dropped; they are recomputed on demand.
   */
  sweep(unusedSince?: number): number;
  /** The engine's current revision (advances on every effective edit). */
  readonly revision: number;
  /** @internal The shared host (for the IDE feature modules and tests). */
  readonly host: ServiceHost;
}

/** Builds the service core (diagnostics); `createCairoMService` adds the IDE features. */
export function createServiceCore(options: CairoMServiceOptions = {}): CairoMServiceCore {
  const host = new ProjectHost(options ?? {}); // a JavaScript caller's `null` means no options
  const { adb } = host;
  return {
    host,
    setFileText(path, text) {
      const p = normalizePath(path);
      if (typeof text !== "string") throw new TypeError(`setFileText: the text of ${p} must be a string, got ${text === null ? "null" : typeof text} (closeFile drops an editor buffer)`);
      host.fs.set(p, text);
      const known = adb.fileModule.has(p);
      host.ensure(p);
      // A manifest buffer changes the project (its fields, its diagnostics) as a save would.
      if ((!known && p.endsWith(".cm")) || p.endsWith(`/${MANIFEST_FILE}`)) host.reload();
      host.refreshText(p);
    },
    closeFile(path) {
      const p = normalizePath(path);
      const hadModule = adb.fileModule.has(p);
      host.fs.delete(p);
      // A buffer never saved leaves nothing behind: its module goes with it (it stayed in
      // the project, resolving imports and definitions into a file that does not exist).
      if ((hadModule && host.fs.readFile(p) === undefined) || p.endsWith(`/${MANIFEST_FILE}`)) host.reload();
      host.refreshText(p);
    },
    filesChanged(paths) {
      if (typeof (paths as Iterable<string> | null)?.[Symbol.iterator] !== "function") throw new TypeError("filesChanged: expected a list of paths");
      host.reload();
      for (const p of paths) host.refreshText(normalizePath(p));
    },
    getProject: (path) => host.ensure(path),
    sweep: (unusedSince) => {
      // Tokens kept for analyses still to come (files parsed but not yet diagnosed) go too.
      adb.dropKeptTokens();
      return adb.db.sweep({ unusedSince: unusedSince ?? adb.db.revision });
    },
    get revision() {
      return adb.db.revision;
    },
    checkProject(path) {
      const project = host.ensure(normalizePath(path));
      const out: { path: string; diagnostics: Diagnostic[] }[] = [];
      if (project.manifestPath) out.push({ path: project.manifestPath, diagnostics: [...project.diagnostics] });
      for (const m of project.modules) out.push({ path: m.path, diagnostics: this.getDiagnostics(m.path) });
      return out;
    },
    getDiagnostics(path) {
      const p = normalizePath(path);
      if (p.endsWith(`/${MANIFEST_FILE}`)) return [...host.ensure(p).diagnostics];
      if (!p.endsWith(".cm")) return [];
      host.ensure(p);
      if (!adb.fileModule.has(p)) return [];
      // Read it first: `accumulated` keeps a failed query quiet (it returns what was pushed
      // before the failure), and a file whose analysis failed must say so, not look clean
      // (createCairoMService turns the error into an `internal-error` diagnostic).
      adb.db.get(adb.fileDiagnostics, p);
      return sortDiagnostics(adb.db.accumulated(adb.fileDiagnostics, p, adb.diagnostics));
    },
  };
}
