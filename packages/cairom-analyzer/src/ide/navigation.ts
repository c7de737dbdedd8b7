import { refsOf, type LocalInfo } from "../semantics/checker.js";
import type { TextRange } from "../diagnostic.js";
import { typeToString } from "../semantics/types.js";
import { KEYWORDS, SyntaxKind as K } from "../syntax/syntax-kind.js";
import { nodesAt } from "../syntax/syntax-tree.js";
import { namedTypeAt, signatureOf, type Location, type Model, type SymbolRef } from "./model.js";

/** Hover content: markdown for a range. */
export interface Hover {
  /** The range the hover applies to. */
  readonly range: TextRange;
  /** Markdown: a `cairo-m` code block with the type or signature, then the doc comment. */
  readonly markdown: string;
}

function codeBlock(code: string): string {
  return "```cairo-m\n" + code + "\n```";
}

/** The built-in's signature, as completion and signature help show it. */
const ASSERT_HOVER = codeBlock("fn assert(condition: bool)") + "\n\nBuilt-in: fails when the condition is false.";

/**
 * The range of `assert` as the callee of a call at `offset` (ends inclusive, like other
 * names): such a call is always the built-in, whatever `assert` is bound to.
 */
function assertCalleeAt(model: Model, path: string, offset: number): TextRange | undefined {
  const tree = model.tree(path);
  for (const at of [offset, offset - 1]) {
    if (at < 0) continue;
    const nodes = nodesAt(tree.root, at);
    const name = nodes[nodes.length - 1];
    const call = nodes[nodes.length - 2];
    if (name?.kind !== K.NameRef || call?.kind !== K.CallExpr || call.children[0] !== name) continue;
    if (tree.text.slice(name.start, name.end) === "assert") return { start: name.start, end: name.end };
  }
  return undefined;
}

/** Hover at an offset: declarations and uses show their type or signature and doc comment. */
export function hover(model: Model, path: string, offset: number): Hover | undefined {
  if (!model.known(path)) return undefined;
  const builtin = assertCalleeAt(model, path, offset);
  if (builtin) return { range: builtin, markdown: ASSERT_HOVER };
  const hit = model.symbolAt(path, offset);
  if (hit) {
    const s = hit.symbol;
    if (s.k === "local") {
      const kw = s.local.kind === "param" ? "" : s.local.kind === "const" ? "const " : "let ";
      return { range: hit.range, markdown: codeBlock(`${kw}${s.local.name}: ${typeToString(s.local.ty)}`) };
    }
    if (s.k === "top") {
      const parts = [codeBlock(signatureOf(s.def))];
      const defPath = model.modulePath(s.project, s.def.module);
      const doc = defPath ? model.docComment(defPath, s.def) : "";
      if (doc) parts.push(doc);
      if (s.def.module !== model.moduleOf(path).module) parts.push(`*From module: \`${s.def.module}\`*`);
      return { range: hit.range, markdown: parts.join("\n\n") };
    }
    if (s.k === "field") {
      const st = model.symbols(s.project, s.module).bindings.find((b) => b.name === s.struct && b.via === "item")?.def;
      const f = st?.k === "struct" ? st.fields.find((x) => x.name === s.field) : undefined;
      return { range: hit.range, markdown: codeBlock(`${s.struct}.${s.field}: ${f ? typeToString(f.ty) : "<error>"}`) };
    }
    if (s.k === "unbound") {
      const item = itemByKey(model, s.path, s.key);
      return { range: hit.range, markdown: `${codeBlock(item ? headerOf(item.text, item.ast.k) : s.name)}\n\n*Defined twice: uses of \`${s.name}\` refer to its first definition.*` };
    }
    // A path no module of the project has (or lies under) names nothing.
    const known = model.projectFiles(s.project).some((f) => f.module === s.module || f.module.startsWith(`${s.module}::`));
    return known ? { range: hit.range, markdown: codeBlock(`module ${s.module}`) } : undefined;
  }
  const t = model.typeAt(path, offset);
  // The error type (an undeclared name, a failed call) says nothing the diagnostic does not.
  return t && t.ty.k !== "error" ? { range: t.range, markdown: codeBlock(typeToString(t.ty)) } : undefined;
}

function itemByKey(model: Model, path: string, key: string) {
  const file = model.parsed(path);
  const i = file.byKey.get(key);
  return i === undefined ? undefined : file.result.items[i];
}

/** An item's declaration as written, up to its body or value, on one line: `fn f(a: felt) -> felt`. */
function headerOf(text: string, kind: string): string {
  const stop = kind === "const" ? text.indexOf("=") : text.indexOf("{");
  return (stop >= 0 ? text.slice(0, stop) : text).replace(/\/\/[^\n]*/g, "").replace(/\s+/g, " ").trim();
}

/** Where the symbol at an offset is defined (across files). */
export function definition(model: Model, path: string, offset: number): Location[] {
  const hit = model.symbolAt(path, offset);
  if (!hit) return [];
  const loc = declarationOf(model, hit.symbol);
  return loc ? [loc] : [];
}

function declarationOf(model: Model, s: SymbolRef): Location | undefined {
  switch (s.k) {
    case "local": {
      const item = model.parsed(s.path).result.items[model.parsed(s.path).byKey.get(s.key)!]!;
      return { path: s.path, range: { start: item.start + s.local.s, end: item.start + s.local.e } };
    }
    case "top":
      return model.defLocation(s.project, s.def);
    case "field": {
      const found = model.structItem(s.project, s.module, s.struct);
      if (!found || found.item.ast.k !== "struct") return undefined;
      const f = found.item.ast.fields.find((x) => x.name === s.field);
      return f ? { path: found.path, range: { start: found.item.start + f.ns, end: found.item.start + f.ne } } : undefined;
    }
    case "module": {
      const p = model.modulePath(s.project, s.module);
      return p ? { path: p, range: { start: 0, end: 0 } } : undefined;
    }
    case "unbound": {
      const item = itemByKey(model, s.path, s.key);
      return item && item.ast.k !== "use" ? { path: s.path, range: { start: item.start + item.ast.ns, end: item.start + item.ast.ne } } : undefined;
    }
  }
}

function sameSymbol(a: SymbolRef, b: SymbolRef): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "local" && b.k === "local") return a.path === b.path && a.key === b.key && a.local.id === b.local.id;
  if (a.k === "top" && b.k === "top") return a.def.module === b.def.module && a.def.name === b.def.name && a.def.k === b.def.k;
  if (a.k === "field" && b.k === "field") return a.module === b.module && a.struct === b.struct && a.field === b.field;
  if (a.k === "module" && b.k === "module") return a.module === b.module;
  if (a.k === "unbound" && b.k === "unbound") return a.path === b.path && a.key === b.key;
  return false;
}

/** Every occurrence of the symbol at an offset (declaration included when asked), across the project. */
export function references(model: Model, path: string, offset: number, includeDeclaration = true): Location[] {
  const hit = model.symbolAt(path, offset);
  if (!hit) return [];
  return occurrences(model, hit.symbol, includeDeclaration);
}

function occurrences(model: Model, s: SymbolRef, includeDeclaration: boolean): Location[] {
  const out: Location[] = [];
  const decl = declarationOf(model, s);
  if (s.k === "local") {
    const file = model.parsed(s.path);
    const item = file.result.items[file.byKey.get(s.key)!]!;
    for (const r of refsOf(model.typedAnalysis(s.path, s.key))) {
      if (r.target.k === "local" && r.target.id === s.local.id) out.push({ path: s.path, range: { start: item.start + r.s, end: item.start + r.e } });
    }
  } else if (s.k !== "module" && s.k !== "unbound") {
    // (Nothing refers to an unbound definition: its declaration is its only occurrence.)
    const project = s.project;
    // Only items that mention the name can refer to the symbol (there is no import
    // renaming), so the per-file reference index spares analysing all the others.
    const name = s.k === "top" ? s.def.name : s.field;
    for (const f of model.projectFiles(project)) {
      for (const { item, key } of model.itemsMentioning(f.path, name)) {
        const ast = item.ast;
        const push = (st: number, en: number) => out.push({ path: f.path, range: { start: item.start + st, end: item.start + en } });
        const matchesTop = (used: string): boolean => {
          if (s.k !== "top") return false;
          const def = model.binding(project, f.module, used)?.def;
          return def !== undefined && sameSymbol(s, { k: "top", project, def });
        };
        if (ast.k === "use") {
          for (const n of ast.items) if (matchesTop(n.name)) push(n.s, n.e);
          continue;
        }
        if (ast.k === "struct") {
          for (const fd of ast.fields) {
            if (s.k === "field" && s.module === f.module && s.struct === ast.name && s.field === fd.name) continue;
            walkNamedTypes(fd.ty, (n) => {
              if (matchesTop(n.name)) push(n.s, n.e);
            });
          }
          continue;
        }
        for (const r of refsOf(model.typedAnalysis(f.path, key))) {
          if (r.target.k === "top" && matchesTop(r.target.name)) push(r.s, r.e);
          if (r.target.k === "field" && s.k === "field" && r.target.module === s.module && r.target.struct === s.struct && r.target.field === s.field) push(r.s, r.e);
        }
      }
    }
  }
  if (includeDeclaration && decl) out.unshift(decl);
  const seen = new Set<string>();
  return out.filter((l) => {
    const k = `${l.path}:${l.range.start}:${l.range.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function walkNamedTypes(ref: import("../syntax/ast.js").TypeRef, visit: (n: { name: string; s: number; e: number }) => void): void {
  if (ref.k === "named") visit(ref);
  else if (ref.k === "array" || ref.k === "ptr") walkNamedTypes(ref.elem, visit);
  else if (ref.k === "tuple") for (const e of ref.elems) walkNamedTypes(e, visit);
}

/** A workspace edit: replacements per file. */
export interface WorkspaceEdit {
  /** Edits, each with its file. */
  readonly edits: readonly { readonly path: string; readonly range: TextRange; readonly newText: string }[];
}

/** The outcome of a rename request: edits, or the reason it was refused. */
export type RenameResult = { readonly ok: true; readonly edit: WorkspaceEdit } | { readonly ok: false; readonly error: string };

/** Renames the symbol at an offset everywhere, refusing invalid names and conflicts. */
export function rename(model: Model, path: string, offset: number, newName: string): RenameResult {
  const hit = model.symbolAt(path, offset);
  if (!hit) return { ok: false, error: "there is no symbol to rename here" };
  const s = hit.symbol;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName) || KEYWORDS.has(newName)) {
    return { ok: false, error: `\`${newName}\` is not a valid identifier` };
  }
  if (s.k === "module") return { ok: false, error: "modules are renamed by renaming their file" };
  if (s.k === "top" && s.def.module !== model.moduleOf(path).module && model.modulePath(s.project, s.def.module) === undefined) {
    return { ok: false, error: "the definition is outside this project" };
  }
  // Renaming to the current name changes nothing (and must not be refused as a clash with itself).
  const current = s.k === "local" ? s.local.name : s.k === "top" ? s.def.name : s.k === "unbound" ? s.name : s.field;
  if (newName !== current) {
    const conflict = renameConflict(model, s, newName);
    if (conflict) return { ok: false, error: conflict };
  }
  const locs = occurrences(model, s, true);
  return { ok: true, edit: { edits: locs.map((l) => ({ path: l.path, range: l.range, newText: newName })) } };
}

/**
 * The local a use of `name` at `at` (item-relative) resolves to, with names as `nameOf`
 * gives them: of the bindings visible there, the one declared last (an inner scope's
 * binding is always declared after the outer ones visible with it).
 */
function resolveLocal(locals: readonly LocalInfo[], name: string, at: number, nameOf: (l: LocalInfo) => string): LocalInfo | undefined {
  let best: LocalInfo | undefined;
  for (const x of locals) {
    if (x.visibleFrom > at || at >= x.scopeEnd || nameOf(x) !== name) continue;
    if (!best || x.visibleFrom >= best.visibleFrom) best = x;
  }
  return best;
}

/** Names the language gives a fixed meaning where a user name would be read: calls of `assert`, primitive types. */
const PRIMITIVE_TYPES: ReadonlySet<string> = new Set(["felt", "u32", "bool"]);

/** Ranges (item-relative) where an item uses `name` without any declaration of it in reach. */
function undeclaredUses(model: Model, path: string, key: string, name: string): { s: number; e: number }[] {
  const file = model.parsed(path);
  const i = file.byKey.get(key);
  const item = i === undefined ? undefined : file.result.items[i];
  if (!item) return [];
  const out: { s: number; e: number }[] = [];
  for (const d of model.typedAnalysis(path, key).diagnostics) {
    if (d.code !== "undeclared-variable" && d.code !== "undeclared-type") continue;
    if (file.result.text.slice(item.start + d.range.start, item.start + d.range.end) === name) out.push({ s: d.range.start, e: d.range.end });
  }
  return out;
}

function renameConflict(model: Model, s: SymbolRef, newName: string): string | undefined {
  // A call `assert(...)` is always the built-in, whatever `assert` is bound to.
  if (newName === "assert" && s.k !== "field") return "`assert` is the built-in function: uses of the renamed symbol would no longer reach it";
  if (s.k === "local") {
    const a = model.typedAnalysis(s.path, s.key);
    const l = s.local;
    // Two parameters, or two names of one pattern, may not share a name (shadowing is
    // between statements only).
    for (const other of a.locals) {
      if (other.id !== l.id && other.name === newName && other.kind === l.kind && other.visibleFrom === l.visibleFrom && other.scopeEnd === l.scopeEnd) {
        return `\`${newName}\` is already declared in this scope`;
      }
    }
    // Every use must keep its binding: renamed, the binding may capture uses of another
    // `newName` (local or top-level), or another `newName` declared later may capture its
    // uses. Declarations merely sharing a scope are fine: a `let` may shadow any name.
    const after = (x: LocalInfo) => (x.id === l.id ? newName : x.name);
    for (const r of refsOf(a)) {
      const target = r.target.k === "local" ? a.locals[r.target.id]! : undefined;
      if (r.target.k === "field" || (target ? target.id !== l.id && target.name !== newName : r.name !== newName)) continue;
      const now = resolveLocal(a.locals, target ? after(target) : newName, r.s, after);
      if (now?.id === target?.id) continue;
      if (target === undefined) return `renaming would shadow \`${newName}\`, which is used in this scope`;
      return `\`${newName}\` is already declared in this scope`;
    }
    // An undeclared `newName` inside the binding's scope would start to refer to it.
    if (undeclaredUses(model, s.path, s.key, newName).some((u) => u.s >= l.visibleFrom && u.s < l.scopeEnd)) {
      return `\`${newName}\` is used undeclared in this scope: renaming would make it refer to this binding`;
    }
    return undefined;
  }
  if (s.k === "field") {
    const st = model.symbols(s.project, s.module).bindings.find((b) => b.name === s.struct && b.via === "item")?.def;
    if (st?.k === "struct" && st.fields.some((f) => f.name === newName)) return `\`${s.struct}\` already has a field \`${newName}\``;
    // An access or literal naming a field `newName` the struct lacks today would become valid.
    const unknown = `\`${s.struct}\` has no field \`${newName}\``;
    for (const f of model.projectFiles(s.project)) {
      for (const { item, key } of model.itemsMentioning(f.path, newName)) {
        if (item.ast.k !== "fn" && item.ast.k !== "const") continue;
        if (model.typedAnalysis(f.path, key).diagnostics.some((d) => d.code === "unknown-field" && d.message === unknown)) {
          return `\`${s.struct}\` is used with a field \`${newName}\` it does not have (in \`${f.module}\`): renaming would make that use valid`;
        }
      }
    }
    return undefined;
  }
  if (s.k === "unbound") {
    // Renamed, the definition binds `newName` in its module (which may import it): the same
    // clashes and captures as for any item, without uses of its own to check.
    const item = itemByKey(model, s.path, s.key);
    if (item?.ast.k === "struct" && PRIMITIVE_TYPES.has(newName)) return `\`${newName}\` is a primitive type: types written \`${newName}\` would not name the struct`;
    if (model.binding(s.project, s.module, newName)) return `module \`${s.module}\` already has an item named \`${newName}\``;
    for (const f of model.projectFiles(s.project)) {
      for (const { item: other, key } of model.itemsMentioning(f.path, newName)) {
        const ast = other.ast;
        if (ast.k === "use" && ast.path.map((x) => x.name).join("::") === s.module && ast.items.some((n) => n.name === newName)) {
          return `module \`${f.module}\` imports \`${newName}\` from \`${s.module}\`, which has no such item yet: renaming would make that import resolve`;
        }
        if (f.module === s.module && (ast.k === "fn" || ast.k === "const") && undeclaredUses(model, f.path, key, newName).length > 0) {
          return `\`${newName}\` is used undeclared in module \`${f.module}\`: renaming would make it refer to the renamed item`;
        }
      }
    }
    return undefined;
  }
  if (s.k === "top") {
    // `felt`, `u32` and `bool` in a type are always the primitives.
    if (s.def.k === "struct" && PRIMITIVE_TYPES.has(newName)) return `\`${newName}\` is a primitive type: types written \`${newName}\` would not name the struct`;
    if (model.binding(s.project, s.def.module, newName)) return `module \`${s.def.module}\` already has an item named \`${newName}\``;
    for (const f of model.projectFiles(s.project)) {
      // An import of `newName` from the item's module that resolves to nothing today would
      // start to import the renamed item.
      for (const { item } of model.itemsMentioning(f.path, newName)) {
        const ast = item.ast;
        if (ast.k !== "use" || ast.path.map((x) => x.name).join("::") !== s.def.module) continue;
        if (ast.items.some((n) => n.name === newName)) {
          return `module \`${f.module}\` imports \`${newName}\` from \`${s.def.module}\`, which has no such item yet: renaming would make that import resolve`;
        }
      }
      const symbols = model.symbols(s.project, f.module);
      const binding = symbols.bindings.find((b) => b.def && b.def.module === s.def.module && b.def.name === s.def.name);
      if (!binding) continue;
      if (symbols.bindings.some((b) => b.name === newName)) return `module \`${f.module}\` already has an item named \`${newName}\``;
      // A local named `newName` visible at a use would capture the renamed item there
      // (only items that mention the item's name can use it).
      for (const { item, key } of model.itemsMentioning(f.path, binding.name)) {
        const ast = item.ast;
        if (ast.k !== "fn" && ast.k !== "const") continue;
        const a = model.typedAnalysis(f.path, key);
        for (const r of refsOf(a)) {
          if (r.target.k !== "top" || r.target.name !== binding.name) continue;
          const capture = a.locals.find((l) => l.name === newName && l.visibleFrom <= r.s && r.s < l.scopeEnd);
          if (capture) return `a local \`${newName}\` in \`${ast.name}\` would shadow the renamed item`;
        }
      }
      // An undeclared `newName` in a module that sees the item would start to refer to it.
      for (const { item, key } of model.itemsMentioning(f.path, newName)) {
        if (item.ast.k !== "fn" && item.ast.k !== "const") continue;
        if (undeclaredUses(model, f.path, key, newName).length > 0) {
          return `\`${newName}\` is used undeclared in module \`${f.module}\`: renaming would make it refer to the renamed item`;
        }
      }
    }
  }
  return undefined;
}

/** Re-exported for feature modules that need a named-type lookup. */
export { namedTypeAt };
