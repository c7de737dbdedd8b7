import { diagnostic, type Diagnostic, type Fix } from "../diagnostic.js";
import type { LocatedItem, TypeRef } from "../syntax/ast.js";
import type { ItemIndex } from "./item-index.js";
import { locateInModule, type ModuleSymbols, type ModuleWorld } from "./symbols.js";
import { silencingPrefixFix, underscoredNames } from "./silencing-prefix.js";
import { primitiveType } from "./types.js";

/** A cycle in the module import graph, as the list of modules in order (first repeated at the end). */
export type ImportCycle = readonly string[];

/** Finds the import cycles of a project (one per strongly connected component, plus self-imports). */
export function findImportCycles(modules: readonly string[], indexOf: (module: string) => ItemIndex | undefined): ImportCycle[] {
  const edges = new Map<string, string[]>();
  const exists = new Set(modules);
  for (const m of modules) {
    const targets: string[] = [];
    for (const item of indexOf(m)?.items ?? []) {
      if (item.k !== "use" || item.path.length === 0) continue;
      const t = item.path.map((p) => p.name).join("::");
      if (exists.has(t) && !targets.includes(t)) targets.push(t);
    }
    edges.set(m, targets);
  }
  // Tarjan's algorithm, iterative so a long import chain cannot overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: ImportCycle[] = [];
  for (const root of modules) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const targets = edges.get(v) ?? [];
      if (i < targets.length) {
        frame[1]++;
        const w = targets[i]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!));
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        for (;;) {
          const w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
          if (w === v) break;
        }
        const selfLoop = scc.length === 1 && (edges.get(v) ?? []).includes(v);
        if (scc.length > 1 || selfLoop) cycles.push(cyclePath(scc.sort(), edges));
      }
    }
  }
  return cycles;
}

/** A concrete path through a strongly connected component, starting at its smallest module. */
function cyclePath(scc: string[], edges: Map<string, string[]>): string[] {
  const members = new Set(scc);
  const start = scc[0]!;
  const path = [start];
  const seen = new Set([start]);
  let cur = start;
  for (;;) {
    const next = (edges.get(cur) ?? []).filter((t) => members.has(t));
    const back = next.find((t) => t === start);
    const fresh = next.find((t) => !seen.has(t));
    if (fresh !== undefined && !(back !== undefined && path.length === scc.length)) {
      path.push(fresh);
      seen.add(fresh);
      cur = fresh;
      continue;
    }
    path.push(back ?? start);
    return path;
  }
}

/** Inputs of the module-level checks of one file. */
export interface ModuleCheckInput {
  /** File of the module (for related locations). */
  readonly path: string;
  /** Module path. */
  readonly module: string;
  /** The file's items (absolute positions). */
  readonly items: readonly LocatedItem[];
  /** Item keys, parallel to `items`. */
  readonly keys: readonly string[];
  /** The module's bindings. */
  readonly symbols: ModuleSymbols;
  /** The other modules of the project. */
  readonly world: ModuleWorld;
  /** The project's import cycles. */
  readonly cycles: readonly ImportCycle[];
}

/** Result of the module-level checks: diagnostics (absolute) and the names struct fields use. */
export interface ModuleCheckResult {
  /** Diagnostics with file offsets. */
  readonly diagnostics: readonly Diagnostic[];
  /** Module-level names read by struct field types (they count as uses). */
  readonly usedNames: readonly string[];
}

/** Checks what is not inside a function or constant: duplicates, `use` targets, struct fields, cycles. */
export function checkModule(input: ModuleCheckInput): ModuleCheckResult {
  const diags: Diagnostic[] = [];
  const used = new Set<string>();
  const bindings = new Map(input.symbols.bindings.map((b) => [b.name, b]));
  const seen = new Map<string, { start: number; end: number }>();
  const declare = (name: string, s: number, e: number): void => {
    if (!name) return;
    const first = seen.get(name);
    if (first) {
      diags.push(
        diagnostic("duplicate-definition", "error", `\`${name}\` is already defined in this module`, s, e, {
          related: [{ file: input.path, range: first, message: `first \`${name}\` defined here` }],
        }),
      );
    } else seen.set(name, { start: s, end: e });
  };
  const checkType = (ref: TypeRef, base: number): void => {
    switch (ref.k) {
      case "named": {
        if (primitiveType(ref.name)) return;
        const b = bindings.get(ref.name);
        if (!b) diags.push(diagnostic("undeclared-type", "error", `cannot find type \`${ref.name}\``, base + ref.s, base + ref.e));
        else {
          used.add(ref.name);
          if (b.def && b.def.k !== "struct") {
            diags.push(diagnostic("not-a-type", "error", `\`${ref.name}\` is not a type (only \`felt\`, \`u32\`, \`bool\` and structs are)`, base + ref.s, base + ref.e));
          }
        }
        return;
      }
      case "array":
        if (ref.elem.k === "array") diags.push(diagnostic("nested-array", "error", "arrays of arrays are not supported", base + ref.s, base + ref.e));
        checkType(ref.elem, base);
        return;
      case "tuple":
        for (const e of ref.elems) checkType(e, base);
        return;
      case "ptr":
        checkType(ref.elem, base);
        return;
      case "missing":
        return;
    }
  };
  const cycleOf = new Map<string, ImportCycle>();
  for (const c of input.cycles) for (const m of c) if (!cycleOf.has(m)) cycleOf.set(m, c);
  const myCycle = cycleOf.get(input.module);
  let cycleReported = false;
  for (const item of input.items) {
    const ast = item.ast;
    const base = item.start;
    if (ast.k === "use") {
      const target = ast.path.map((p) => p.name).join("::");
      for (const n of ast.items) declare(n.name, base + n.s, base + n.e);
      if (myCycle && !cycleReported && myCycle.includes(target)) {
        cycleReported = true;
        diags.push(diagnostic("import-cycle", "error", `modules import each other in a cycle: ${myCycle.join(" -> ")}`, item.start, item.end));
      }
      if (ast.path.length === 0 || !input.world.itemIndex(target)) {
        const shown = ast.path.length === 0 ? (ast.items[0]?.name ?? "") : target;
        if (shown) {
          diags.push(diagnostic("unresolved-module", "error", `no module named \`${shown}\` in this project`, item.start, item.end));
        }
        continue;
      }
      for (const n of ast.items) {
        if (!n.name) continue;
        const r = locateInModule(input.world, target, n.name);
        if (typeof r === "string") {
          diags.push(diagnostic("unresolved-import", "error", `module \`${target}\` has no item \`${n.name}\``, base + n.s, base + n.e));
        }
      }
      continue;
    }
    declare(ast.name, base + ast.ns, base + ast.ne);
    if (ast.k === "struct") {
      const fields = new Set<string>();
      for (const f of ast.fields) {
        if (fields.has(f.name)) {
          diags.push(diagnostic("duplicate-struct-field", "error", `field \`${f.name}\` is declared twice in \`${ast.name}\``, base + f.ns, base + f.ne));
        }
        fields.add(f.name);
        checkType(f.ty, base);
      }
    }
  }
  return { diagnostics: diags, usedNames: [...used].sort() };
}

/** The names that `use` items of `modules` import from `module` (a renamed item would break or capture them). */
export function namesImportedFrom(module: string, modules: readonly string[], indexOf: (module: string) => ItemIndex | undefined): Set<string> {
  const names = new Set<string>();
  for (const m of modules) {
    for (const item of indexOf(m)?.items ?? []) {
      if (item.k !== "use" || item.path.map((p) => p.name).join("::") !== module) continue;
      for (const n of item.items) names.add(n.name);
    }
  }
  return names;
}

/** What {@link unusedTopLevel} asks of the file and the project. */
export interface UnusedTopLevelContext {
  /** The names other modules import from this one (asked only for an unused constant). */
  importedFromHere(): ReadonlySet<string>;
  /** Whether the item at this index has a syntax error (its fixes would act on a guessed parse). */
  broken(index: number): boolean;
  /** Names the module's items write as struct-literal names (an import of one is not removed). */
  readonly literalNames: ReadonlySet<string>;
}

/**
 * Warnings for imports and top-level constants that nothing in the module reads, with
 * fixes: none for an item with a syntax error (removing `use othe` from `use othe+r::{a};`
 * leaves `+r::{a};`); an import whose name struct literals write is reported (the
 * reference's quirk) but not removed, which would leave those literals naming nothing; a
 * constant other modules import is not renamed, nor to a name they import.
 */
export function unusedTopLevel(text: string, items: readonly LocatedItem[], used: ReadonlySet<string>, context: UnusedTopLevelContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  let mentioned: Set<string> | undefined;
  let imported: ReadonlySet<string> | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const ast = item.ast;
    if (ast.k === "const") {
      if (!ast.name || ast.name.startsWith("_") || used.has(ast.name)) continue;
      const s = item.start + ast.ns;
      let fixes: Fix[] = [];
      if (!context.broken(i)) {
        mentioned ??= underscoredNames(text);
        imported ??= context.importedFromHere();
        if (!imported.has(ast.name)) fixes = silencingPrefixFix(ast.name, s, "unsafe", mentioned, (candidate) => imported!.has(candidate));
      }
      out.push(diagnostic("unused-variable", "warning", `\`${ast.name}\` is never used (prefix it with \`_\` to silence)`, s, item.start + ast.ne, { fixes }));
      continue;
    }
    if (ast.k !== "use") continue;
    const unused = ast.items.filter((n) => n.name && !n.name.startsWith("_") && !used.has(n.name));
    const broken = unused.length > 0 && context.broken(i);
    const removable = unused.filter((n) => !context.literalNames.has(n.name));
    for (const n of unused) {
      let fix: Fix | undefined;
      if (broken || !removable.includes(n)) fix = undefined;
      else if (removable.length === ast.items.length) {
        // Every imported name is unused: remove the whole declaration and its line break.
        let end = item.end;
        if (text[end] === "\n") end++;
        else if (text.startsWith("\r\n", end)) end += 2;
        fix = { title: "Remove unused import", safety: "safe", edits: [{ range: { start: item.start, end }, newText: "" }] };
      } else {
        fix = { title: `Remove unused import \`${n.name}\``, safety: "safe", edits: [listRemoval(text, item.start + n.s, item.start + n.e)] };
      }
      out.push(
        diagnostic("unused-variable", "warning", `\`${n.name}\` is never used (remove the import)`, item.start + n.s, item.start + n.e, { fixes: fix ? [fix] : [] }),
      );
    }
  }
  return out;
}

/** The edit that removes one name from a comma-separated list, with one adjacent comma. */
function listRemoval(text: string, s: number, e: number): { range: { start: number; end: number }; newText: string } {
  let end = e;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  if (text[end] === ",") {
    end++;
    while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
    return { range: { start: s, end }, newText: "" };
  }
  let start = s;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  if (text[start - 1] === ",") start--;
  return { range: { start, end: e }, newText: "" };
}
