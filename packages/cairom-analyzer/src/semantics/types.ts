/** A semantic type. Structs are nominal: identified by defining module and name. */
export type Ty =
  | { readonly k: "felt" }
  | { readonly k: "u32" }
  | { readonly k: "bool" }
  | { readonly k: "tuple"; readonly elems: readonly Ty[] }
  | { readonly k: "struct"; readonly module: string; readonly name: string }
  | { readonly k: "ptr"; readonly elem: Ty }
  | { readonly k: "array"; readonly elem: Ty; readonly len: number }
  | { readonly k: "fn"; readonly module: string; readonly name: string }
  | { readonly k: "error" };

/** The `felt` type. */
export const FELT: Ty = { k: "felt" };
/** The `u32` type. */
export const U32: Ty = { k: "u32" };
/** The `bool` type. */
export const BOOL: Ty = { k: "bool" };
/** The unit type `()`. */
export const UNIT: Ty = { k: "tuple", elems: [] };
/** The error type: compatible with everything, so one mistake is reported once. */
export const ERROR: Ty = { k: "error" };

/**
 * A struct type (a class rather than a literal: struct types end up in the memoized
 * definitions, see `alloc.ts`).
 */
export class StructType {
  declare readonly k: "struct";
  declare readonly module: string;
  declare readonly name: string;
  constructor(module: string, name: string) {
    this.k = "struct";
    this.module = module;
    this.name = name;
  }
}

/** Primitive type names (identifiers, not keywords). */
export function primitiveType(name: string): Ty | undefined {
  return name === "felt" ? FELT : name === "u32" ? U32 : name === "bool" ? BOOL : undefined;
}

/** Display form used in messages: `felt`, `(felt,)`, `Point`, `felt*`, `[u32; 4]`, `function`, `<error>`. */
export function typeToString(t: Ty): string {
  switch (t.k) {
    case "felt":
    case "u32":
    case "bool":
      return t.k;
    case "tuple":
      if (t.elems.length === 1) return `(${typeToString(t.elems[0]!)},)`;
      return `(${t.elems.map(typeToString).join(", ")})`;
    case "struct":
      return t.name;
    case "ptr":
      return `${typeToString(t.elem)}*`;
    case "array":
      return `[${typeToString(t.elem)}; ${t.len}]`;
    case "fn":
      return "function";
    case "error":
      return "<error>";
  }
}

/** Structural compatibility; the error type is compatible with everything. */
export function compatible(a: Ty, b: Ty): boolean {
  if (a.k === "error" || b.k === "error") return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "felt":
    case "u32":
    case "bool":
      return true;
    case "tuple": {
      const be = (b as typeof a).elems;
      return a.elems.length === be.length && a.elems.every((t, i) => compatible(t, be[i]!));
    }
    case "struct":
    case "fn":
      return a.module === (b as typeof a).module && a.name === (b as typeof a).name;
    case "ptr":
      return compatible(a.elem, (b as typeof a).elem);
    case "array":
      return a.len === (b as typeof a).len && compatible(a.elem, (b as typeof a).elem);
  }
}

/** True when the type contains the error type anywhere. */
export function containsError(t: Ty): boolean {
  switch (t.k) {
    case "error":
      return true;
    case "tuple":
      return t.elems.some(containsError);
    case "ptr":
    case "array":
      return containsError(t.elem);
    default:
      return false;
  }
}

/** True for the unit type. */
export function isUnit(t: Ty): boolean {
  return t.k === "tuple" && t.elems.length === 0;
}
