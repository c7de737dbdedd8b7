import { memoByObject } from "../memo-by-object.js";
import type { Expr, TypeRef } from "../syntax/ast.js";
import { MAX_NESTING } from "../syntax/parser.js";
import type { IndexedItem, ItemIndex } from "./item-index.js";
import { newList, trimmed } from "../alloc.js";
import { BOOL, ERROR, FELT, primitiveType, StructType, U32, UNIT, type Ty } from "./types.js";

/** A resolved top-level definition. `module` is where it is defined. */
export type Def =
  | { readonly k: "fn"; readonly name: string; readonly module: string; readonly key: string; readonly order: number; readonly params: readonly { readonly name: string; readonly ty: Ty }[]; readonly ret: Ty }
  | { readonly k: "struct"; readonly name: string; readonly module: string; readonly key: string; readonly order: number; readonly fields: readonly { readonly name: string; readonly ty: Ty }[] }
  | { readonly k: "const"; readonly name: string; readonly module: string; readonly key: string; readonly order: number; readonly ty: Ty };

/** A name bound at a module's top level: a local definition or an import. */
export interface ModuleBinding {
  /** The bound name. */
  readonly name: string;
  /** `item` for a local definition, `import` for a `use`. */
  readonly via: "item" | "import";
  /** Item order of the binding in its module (the `use` item for imports). */
  readonly order: number;
  /** Key of the binding's item (the `use` item for imports). */
  readonly key: string;
  /** The definition it denotes; `undefined` for an unresolved import (typed as the error type). */
  readonly def: Def | undefined;
}

/** Everything bound at the top level of one module (first binding of a name wins). */
export interface ModuleSymbols {
  /** Module path. */
  readonly module: string;
  /** Bindings in item order. */
  readonly bindings: readonly ModuleBinding[];
}

/** Read access to the other modules of the project (through queries in the engine). */
export interface ModuleWorld {
  /** The item index of a module, or `undefined` when no such module exists in the project. */
  itemIndex(module: string): ItemIndex | undefined;
}

// The definitions and bindings are kept in memos for the whole check: classes, not
// literals, for the reason given in `alloc.ts`. Fields are set in the order of the
// literals they replace.

/** A parameter or struct field with its resolved type. */
class TypedMember {
  declare readonly name: string;
  declare readonly ty: Ty;
  constructor(name: string, ty: Ty) {
    this.name = name;
    this.ty = ty;
  }
}

/** A resolved function definition. */
class FnDef {
  declare readonly k: "fn";
  declare readonly name: string;
  declare readonly module: string;
  declare readonly key: string;
  declare readonly order: number;
  declare readonly params: readonly TypedMember[];
  declare readonly ret: Ty;
  constructor(name: string, module: string, key: string, order: number, params: readonly TypedMember[], ret: Ty) {
    this.k = "fn";
    this.name = name;
    this.module = module;
    this.key = key;
    this.order = order;
    this.params = params;
    this.ret = ret;
  }
}

/** A resolved struct definition. */
class StructDef {
  declare readonly k: "struct";
  declare readonly name: string;
  declare readonly module: string;
  declare readonly key: string;
  declare readonly order: number;
  declare readonly fields: readonly TypedMember[];
  constructor(name: string, module: string, key: string, order: number, fields: readonly TypedMember[]) {
    this.k = "struct";
    this.name = name;
    this.module = module;
    this.key = key;
    this.order = order;
    this.fields = fields;
  }
}

/** A resolved constant definition. */
class ConstDef {
  declare readonly k: "const";
  declare readonly name: string;
  declare readonly module: string;
  declare readonly key: string;
  declare readonly order: number;
  declare readonly ty: Ty;
  constructor(name: string, module: string, key: string, order: number, ty: Ty) {
    this.k = "const";
    this.name = name;
    this.module = module;
    this.key = key;
    this.order = order;
    this.ty = ty;
  }
}

/** A {@link ModuleBinding}. */
class Binding implements ModuleBinding {
  declare readonly name: string;
  declare readonly via: "item" | "import";
  declare readonly order: number;
  declare readonly key: string;
  declare readonly def: Def | undefined;
  constructor(name: string, via: "item" | "import", order: number, key: string, def: Def | undefined) {
    this.name = name;
    this.via = via;
    this.order = order;
    this.key = key;
    this.def = def;
  }
}

/** Why an import did not resolve. */
export type ImportProblem = "no-module" | "no-item" | "cycle";

/**
 * The module path a `use` names (`a::b`). A loop rather than `map(…).join("::")`: in
 * optimized code the array `map` made changed its elements kind partway through a first
 * check, and `computeModuleSymbols`, which inlines this, deoptimized on the `join`
 * (`--trace-deopt`: "wrong map") and was compiled again.
 */
function moduleOf(item: Extract<IndexedItem, { k: "use" }>): string {
  const path = item.path;
  let module = path.length === 0 ? "" : path[0]!.name;
  for (let i = 1; i < path.length; i++) module += "::" + path[i]!.name;
  return module;
}

/**
 * The first local item and the first `use` item of each name in an item index, built once
 * per (memoized) index: name lookups were scans of the module's items, one per type name
 * in every signature of the project.
 */
const namesOf = memoByObject((index: ItemIndex) => {
  const locals = new Map<string, Exclude<IndexedItem, { k: "use" }>>();
  const imports = new Map<string, Extract<IndexedItem, { k: "use" }>>();
  for (const item of index.items) {
    if (item.k !== "use") {
      if (!locals.has(item.name)) locals.set(item.name, item);
    } else for (const i of item.items) if (!imports.has(i.name)) imports.set(i.name, item);
  }
  return { locals, imports };
});

/**
 * Finds the item that `name` in `module` denotes: a local item, or an import of the
 * module (a re-export, which the reference accepts), guarding against cycles. It does not
 * build the definition, so self-referential structs cannot recurse. A loop, not recursion:
 * a chain of re-exports through thousands of modules must not overflow the stack.
 */
export function locateInModule(
  world: ModuleWorld,
  module: string,
  name: string,
  visited?: Set<string>,
): { module: string; item: Exclude<IndexedItem, { k: "use" }> } | ImportProblem {
  // The set of modules visited matters only when following imports (or to a caller that
  // passed one): a local hit without one allocates neither the set nor the mark.
  let seen = visited;
  let current = module;
  for (let hop = 0; ; hop++) {
    const index = world.itemIndex(current);
    // A missing module is the caller's problem only for the module it named.
    if (!index) return hop === 0 ? "no-module" : "no-item";
    if (seen) {
      const mark = `${current}\u0000${name}`;
      if (seen.has(mark)) return "cycle";
      seen.add(mark);
    }
    const names = namesOf(index);
    const local = names.locals.get(name);
    if (local) return { module: current, item: local };
    const imp = names.imports.get(name);
    if (!imp) return "no-item";
    seen ??= new Set([`${current}\u0000${name}`]);
    current = moduleOf(imp);
  }
}

/** Follows `name` in `module` to its definition (see {@link locateInModule}). */
export function resolveInModule(
  world: ModuleWorld,
  module: string,
  name: string,
  visited: Set<string> = new Set(),
): Def | ImportProblem {
  const found = locateInModule(world, module, name, visited);
  if (typeof found === "string") return found;
  return makeDef(world, found.module, found.item, visited);
}

/** Resolves a type name used in `module`: primitive, local struct or imported struct. */
export function resolveTypeName(world: ModuleWorld, module: string, name: string): Ty | "undeclared" | "not-a-type" {
  const prim = primitiveType(name);
  if (prim) return prim;
  const found = locateInModule(world, module, name);
  if (typeof found === "string") return "undeclared";
  if (found.item.k !== "struct") return "not-a-type";
  return new StructType(found.module, found.item.name);
}

/** Resolves a written type in `module`; unknown names and nested arrays become the error type. */
export function resolveTypeRef(world: ModuleWorld, module: string, ref: TypeRef): Ty {
  switch (ref.k) {
    case "named": {
      const t = resolveTypeName(world, module, ref.name);
      return typeof t === "string" ? ERROR : t;
    }
    case "array": {
      const elem = resolveTypeRef(world, module, ref.elem);
      if (ref.len === null || elem.k === "array") return ERROR;
      return { k: "array", elem, len: ref.len };
    }
    case "tuple":
      return { k: "tuple", elems: ref.elems.map((e) => resolveTypeRef(world, module, e)) };
    case "ptr":
      return { k: "ptr", elem: resolveTypeRef(world, module, ref.elem) };
    case "missing":
      return ERROR;
  }
}

/**
 * The resolved `{ name, ty }` of each parameter or field. The array starts with V8's
 * generic (object) elements kind even when it stays empty: `map` made empty and filled
 * arrays of two kinds, i.e. two hidden classes, and the checker's reads of
 * `params.length` and of struct fields deoptimized when the second one showed up.
 * `newList` rather than a literal: no allocation site (see `alloc.ts`).
 */
function typedMembers(world: ModuleWorld, module: string, members: readonly { readonly name: string; readonly ty: TypeRef }[]): { readonly name: string; readonly ty: Ty }[] {
  const out = newList<TypedMember>();
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    out.push(new TypedMember(m.name, resolveTypeRef(world, module, m.ty)));
  }
  return trimmed(out);
}

/** The definition of a local item; `visited` (constants only) guards inference through other constants. Defaults to an empty set. */
function makeDef(world: ModuleWorld, module: string, item: Exclude<IndexedItem, { k: "use" }>, visited: Set<string> | undefined): Def {
  switch (item.k) {
    case "fn":
      return new FnDef(item.name, module, item.key, item.order, typedMembers(world, module, item.params), item.ret ? resolveTypeRef(world, module, item.ret) : UNIT);
    case "struct":
      return new StructDef(item.name, module, item.key, item.order, typedMembers(world, module, item.fields));
    case "const":
      return new ConstDef(
        item.name,
        module,
        item.key,
        item.order,
        item.ty ? resolveTypeRef(world, module, item.ty) : inferConstType(world, module, item.init, visited ?? new Set(), 0),
      );
  }
}

/** Binary operators whose result is a `bool` whatever their operands. */
const BOOLEAN_OPERATORS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">=", "&&", "||"]);

/**
 * The type of an unannotated constant's value, inferred without a full type check (the
 * value may refer to other constants, possibly in other modules).
 */
function inferConstType(world: ModuleWorld, module: string, e: Expr, visited: Set<string>, depth: number): Ty {
  // A guard only: the parser's nesting limit (MAX_NESTING) keeps every AST shallower. At 32, as
  // before, a constant in 40 parentheses silently became the error type (no type error about
  // it was ever reported).
  if (depth > 4 * MAX_NESTING) return ERROR;
  const again = (x: Expr): Ty => inferConstType(world, module, x, visited, depth + 1);
  switch (e.k) {
    case "int":
      return e.bad ? ERROR : e.suffix === "u32" ? U32 : FELT;
    case "bool":
      return BOOL;
    case "paren":
      return again(e.inner);
    case "unary":
      return e.op === "!" ? BOOL : again(e.expr);
    case "binary": {
      // Down the chain with a loop: a sum of many terms is long, not deep, and must not hit
      // the depth cap (past it the type would silently become the error type).
      let x: Expr = e;
      while (x.k === "binary") {
        if (BOOLEAN_OPERATORS.has(x.op)) return BOOL;
        x = x.lhs.k === "int" && !x.lhs.suffix && (x.op === "+" || x.op === "*") ? x.rhs : x.lhs;
      }
      return again(x);
    }
    case "cast":
      return primitiveType(e.target) ?? ERROR;
    case "tuple":
      return { k: "tuple", elems: e.elems.map(again) };
    case "array": {
      if (e.elems.length === 0) return ERROR;
      const elem = again(e.elems[0]!);
      return elem.k === "array" ? ERROR : { k: "array", elem, len: e.elems.length };
    }
    case "repeat": {
      const elem = again(e.elem);
      return e.len === null || elem.k === "array" ? ERROR : { k: "array", elem, len: e.len };
    }
    case "name": {
      const def = resolveInModule(world, module, e.name, new Set(visited));
      if (typeof def === "string") return ERROR;
      return def.k === "const" ? def.ty : def.k === "fn" ? { k: "fn", module: def.module, name: def.name } : ERROR;
    }
    case "struct": {
      const t = resolveTypeName(world, module, e.name);
      return typeof t === "string" ? ERROR : t;
    }
    case "call": {
      if (e.callee.k !== "name") return ERROR;
      const def = resolveInModule(world, module, e.callee.name, new Set(visited));
      return typeof def !== "string" && def.k === "fn" ? def.ret : ERROR;
    }
    case "index": {
      const t = again(e.obj);
      return t.k === "array" || t.k === "ptr" ? t.elem : ERROR;
    }
    case "field": {
      const t = again(e.obj);
      if (t.k !== "struct") return ERROR;
      const def = resolveInModule(world, t.module, t.name);
      if (typeof def === "string" || def.k !== "struct") return ERROR;
      return def.fields.find((f) => f.name === e.name)?.ty ?? ERROR;
    }
    case "tindex": {
      const t = again(e.obj);
      return t.k === "tuple" ? (t.elems[e.index] ?? ERROR) : ERROR;
    }
    default:
      return ERROR;
  }
}

/** Computes the top-level bindings of `module` from its item index. */
export function computeModuleSymbols(world: ModuleWorld, module: string, index: ItemIndex): ModuleSymbols {
  const bindings: ModuleBinding[] = newList();
  const seen = new Set<string>();
  for (const item of index.items) {
    if (item.k === "use") {
      const target = moduleOf(item);
      for (const name of item.items) {
        if (!name.name || seen.has(name.name)) continue;
        seen.add(name.name);
        const r = item.path.length === 0 ? "no-module" : resolveInModule(world, target, name.name);
        bindings.push(new Binding(name.name, "import", item.order, item.key, typeof r === "string" ? undefined : r));
      }
      continue;
    }
    if (!item.name || seen.has(item.name)) continue;
    seen.add(item.name);
    bindings.push(new Binding(item.name, "item", item.order, item.key, makeDef(world, module, item, undefined)));
  }
  return { module, bindings: trimmed(bindings) };
}
