import { refsOf } from "../semantics/checker.js";
import type { TextRange } from "../diagnostic.js";
import { bindingMap, itemQueryKey, moduleKey, type ParsedFile } from "../queries/analysis-db.js";
import type { ServiceHost } from "../service.js";
import type { FunctionAnalysis, LocalInfo } from "../semantics/checker.js";
import type { Def, ModuleBinding, ModuleSymbols } from "../semantics/symbols.js";
import { typeToString, type Ty } from "../semantics/types.js";
import type { ItemAst, LocatedItem, TypeRef } from "../syntax/ast.js";
import type { ParseResult } from "../syntax/parser.js";

/** A place in a file. */
export interface Location {
  /** File path. */
  readonly path: string;
  /** Range in that file. */
  readonly range: TextRange;
}

/** What a name at some offset denotes. */
export type SymbolRef =
  | { readonly k: "local"; readonly path: string; readonly key: string; readonly local: LocalInfo }
  | { readonly k: "top"; readonly project: string; readonly def: Def }
  | { readonly k: "field"; readonly project: string; readonly module: string; readonly struct: string; readonly field: string }
  | { readonly k: "module"; readonly project: string; readonly module: string }
  /** A top-level item that binds nothing: a later definition of a name already defined (the first wins). */
  | { readonly k: "unbound"; readonly project: string; readonly module: string; readonly path: string; readonly key: string; readonly name: string };

/** A symbol found at an offset, with the range of the name there. */
export interface SymbolHit {
  readonly symbol: SymbolRef;
  readonly range: TextRange;
}

/** Read helpers over the analysis database for one service. */
export class Model {
  constructor(readonly host: ServiceHost) {}

  private get adb() {
    return this.host.adb;
  }

  /** Loads the file's project if needed; `undefined` for files outside every project. */
  known(path: string): boolean {
    if (!path.endsWith(".cm")) return false;
    this.host.ensure(path);
    return this.adb.fileModule.has(path);
  }

  parsed(path: string): ParsedFile {
    return this.adb.db.get(this.adb.parsed, path);
  }

  /** The items of a file that mention `name` (a superset of its uses), as `[item, key]` pairs. */
  itemsMentioning(path: string, name: string): { item: LocatedItem; key: string }[] {
    const keys = this.adb.db.get(this.adb.referenceIndex, path).get(name);
    if (!keys) return [];
    const file = this.parsed(path);
    const out: { item: LocatedItem; key: string }[] = [];
    for (const key of keys) {
      const i = file.byKey.get(key);
      if (i !== undefined) out.push({ item: file.result.items[i]!, key });
    }
    return out;
  }

  /** The full parse (with the lossless tree) of a file. */
  tree(path: string): ParseResult {
    return this.adb.db.get(this.adb.syntaxTree, path);
  }

  moduleOf(path: string): { project: string; module: string } {
    return this.adb.fileModule.get(path);
  }

  symbols(project: string, module: string): ModuleSymbols {
    return this.adb.db.get(this.adb.moduleSymbols, moduleKey(project, module));
  }

  binding(project: string, module: string, name: string): ModuleBinding | undefined {
    // Through the name map built once per memoized symbols: IDE features ask this for every
    // name use, and a scan of the module's bindings made them quadratic in the module size.
    return bindingMap(this.symbols(project, module)).get(name);
  }

  modulePath(project: string, module: string): string | undefined {
    return this.adb.db.get(this.adb.modulePath, moduleKey(project, module)) ?? undefined;
  }

  /** The diagnostics-pass analysis (no name uses, no expression types). */
  analysis(path: string, key: string): FunctionAnalysis {
    return this.adb.db.get(this.adb.itemAnalysis, itemQueryKey(path, key));
  }

  /** The analysis with expression types (hover, member completion). */
  typedAnalysis(path: string, key: string): FunctionAnalysis {
    return this.adb.db.get(this.adb.itemTypes, itemQueryKey(path, key));
  }

  /** The item containing `offset` (ends inclusive), with its index. */
  itemAt(path: string, offset: number): { item: LocatedItem; key: string; index: number } | undefined {
    const file = this.parsed(path);
    const items = file.result.items;
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const it = items[mid]!;
      if (offset < it.start) hi = mid - 1;
      else if (offset > it.end) lo = mid + 1;
      else return { item: it, key: file.keys[mid]!, index: mid };
    }
    return undefined;
  }

  /** The files of a project, by module. */
  projectFiles(project: string): { module: string; path: string }[] {
    return this.adb.projectModules.get(project).map((m) => ({ module: m.name, path: m.path }));
  }

  /** Where a top-level definition's name is. */
  defLocation(project: string, def: Def): Location | undefined {
    const path = this.modulePath(project, def.module);
    if (!path) return undefined;
    const file = this.parsed(path);
    const i = file.byKey.get(def.key);
    const item = i === undefined ? undefined : file.result.items[i];
    if (!item || item.ast.k === "use") return undefined;
    return { path, range: { start: item.start + item.ast.ns, end: item.start + item.ast.ne } };
  }

  /** The struct item defining `struct` in `module`. */
  structItem(project: string, module: string, struct: string): { path: string; item: LocatedItem } | undefined {
    const path = this.modulePath(project, module);
    if (!path) return undefined;
    const item = this.parsed(path).result.items.find((it) => it.ast.k === "struct" && it.ast.name === struct);
    return item ? { path, item } : undefined;
  }

  /** The symbol at `offset` in `path`, if any. */
  symbolAt(path: string, offset: number): SymbolHit | undefined {
    if (!this.known(path)) return undefined;
    const found = this.itemAt(path, offset);
    if (!found) return undefined;
    const { item, key } = found;
    const { project, module } = this.moduleOf(path);
    const rel = offset - item.start;
    const abs = (s: number, e: number): TextRange => ({ start: item.start + s, end: item.start + e });
    const topByName = (name: string): SymbolRef | undefined => {
      const def = this.binding(project, module, name)?.def;
      return def ? { k: "top", project, def } : undefined;
    };
    const ast = item.ast;
    if (ast.k === "use") {
      for (const n of ast.items) {
        if (rel >= n.s && rel <= n.e) {
          const sym = topByName(n.name);
          return sym ? { symbol: sym, range: abs(n.s, n.e) } : undefined;
        }
      }
      for (let i = 0; i < ast.path.length; i++) {
        const seg = ast.path[i]!;
        if (rel >= seg.s && rel <= seg.e) {
          const name = ast.path.slice(0, i + 1).map((p) => p.name).join("::");
          return { symbol: { k: "module", project, module: name }, range: abs(seg.s, seg.e) };
        }
      }
      return undefined;
    }
    if (rel >= ast.ns && rel <= ast.ne && ast.name) {
      const binding = this.symbols(project, module).bindings.find((b) => b.key === key);
      if (binding?.def) return { symbol: { k: "top", project, def: binding.def }, range: abs(ast.ns, ast.ne) };
      // A duplicate definition is still a symbol: hovered, found, and renamed out of the clash.
      if (!binding) return { symbol: { k: "unbound", project, module, path, key, name: ast.name }, range: abs(ast.ns, ast.ne) };
      return undefined;
    }
    if (ast.k === "struct") {
      for (const f of ast.fields) {
        if (rel >= f.ns && rel <= f.ne) {
          return { symbol: { k: "field", project, module, struct: ast.name, field: f.name }, range: abs(f.ns, f.ne) };
        }
        const named = namedTypeAt(f.ty, rel);
        if (named) {
          const sym = topByName(named.name);
          return sym ? { symbol: sym, range: abs(named.s, named.e) } : undefined;
        }
      }
      return undefined;
    }
    const a = this.typedAnalysis(path, key);
    let best: { s: number; e: number; sym: SymbolRef } | undefined;
    for (const r of refsOf(a)) {
      if (rel < r.s || rel > r.e) continue;
      let sym: SymbolRef | undefined;
      if (r.target.k === "local") sym = { k: "local", path, key, local: a.locals[r.target.id]! };
      else if (r.target.k === "top") sym = topByName(r.target.name);
      else sym = { k: "field", project, module: r.target.module, struct: r.target.struct, field: r.target.field };
      if (sym && (!best || r.e - r.s < best.e - best.s)) best = { s: r.s, e: r.e, sym };
    }
    if (best) return { symbol: best.sym, range: abs(best.s, best.e) };
    for (const l of a.locals) {
      if (rel >= l.s && rel <= l.e) return { symbol: { k: "local", path, key, local: l }, range: abs(l.s, l.e) };
    }
    return undefined;
  }

  /** The type of the innermost expression covering `offset` (used by hover). */
  typeAt(path: string, offset: number): { range: TextRange; ty: Ty } | undefined {
    const found = this.itemAt(path, offset);
    if (!found || (found.item.ast.k !== "fn" && found.item.ast.k !== "const")) return undefined;
    const rel = offset - found.item.start;
    let best: readonly [number, number, Ty] | undefined;
    const a = this.typedAnalysis(path, found.key);
    for (let i = 0; i < a.typeValues.length; i++) {
      const t = [a.typeSpans[2 * i]!, a.typeSpans[2 * i + 1]!, a.typeValues[i]!] as const;
      if (rel >= t[0] && rel <= t[1] && (!best || t[1] - t[0] < best[1] - best[0])) best = t;
    }
    return best ? { range: { start: found.item.start + best[0], end: found.item.start + best[1] }, ty: best[2] } : undefined;
  }

  /** Comment lines directly above an item (its doc comment), without the `//` markers. */
  docComment(path: string, def: Def): string {
    const file = this.parsed(path);
    const i = file.byKey.get(def.key);
    const item = i === undefined ? undefined : file.result.items[i];
    if (!item) return "";
    const text = file.result.text;
    const lines: string[] = [];
    let end = text.lastIndexOf("\n", item.start - 1);
    while (end > 0) {
      const start = text.lastIndexOf("\n", end - 1) + 1;
      const line = text.slice(start, end).trim();
      if (!line.startsWith("//")) break;
      lines.unshift(line.replace(/^\/\/[/!]?\s?/, ""));
      end = start - 1;
    }
    return lines.join("\n");
  }
}

/** The named type under a relative offset inside a written type. */
export function namedTypeAt(ref: TypeRef, rel: number): { name: string; s: number; e: number } | undefined {
  switch (ref.k) {
    case "named":
      return rel >= ref.s && rel <= ref.e ? ref : undefined;
    case "array":
    case "ptr":
      return namedTypeAt(ref.elem, rel);
    case "tuple":
      for (const e of ref.elems) {
        const hit = namedTypeAt(e, rel);
        if (hit) return hit;
      }
      return undefined;
    case "missing":
      return undefined;
  }
}

/** `fn name(a: felt) -> u32`, `struct Name { .. }`, `const N: u32` for a definition. */
export function signatureOf(def: Def): string {
  switch (def.k) {
    case "fn": {
      const params = def.params.map((p) => `${p.name}: ${typeToString(p.ty)}`).join(", ");
      const ret = def.ret.k === "tuple" && def.ret.elems.length === 0 ? "" : ` -> ${typeToString(def.ret)}`;
      return `fn ${def.name}(${params})${ret}`;
    }
    case "struct":
      return `struct ${def.name} {\n${def.fields.map((f) => `    ${f.name}: ${typeToString(f.ty)},`).join("\n")}\n}`;
    case "const":
      return `const ${def.name}: ${typeToString(def.ty)}`;
  }
}

/** Text of the written item kinds, for symbol lists. */
export function itemKindName(ast: ItemAst): "function" | "struct" | "constant" | "import" {
  return ast.k === "fn" ? "function" : ast.k === "struct" ? "struct" : ast.k === "const" ? "constant" : "import";
}
