/**
 * Constructors of the item-level AST nodes: items, their located wrappers, parameters,
 * fields and written types. These are kept in memos for the whole check (the file parse
 * and the item index keep every item's signature), so they are built by `new` rather than
 * by literals, for the reason given in `../alloc.ts`. Expression and statement nodes stay
 * literals: there are many more of them, they live only while their function is checked,
 * and constructing them through `new` measured slower in a first check. Each class sets
 * its fields in the order of the literal it replaces, `k` first, so nodes print as before.
 */
import type { Block, ItemAst, ParamAst, TypeRef } from "./ast.js";

/** `missing` type, pattern or expression: something the parser could not find. */
export class MissingNode {
  declare readonly k: "missing";
  declare readonly s: number;
  declare readonly e: number;
  constructor(s: number, e: number) {
    this.k = "missing";
    this.s = s;
    this.e = e;
  }
}

/** A named type (`felt`, `Point`). */
export class NamedTypeNode {
  declare readonly k: "named";
  declare readonly name: string;
  declare readonly s: number;
  declare readonly e: number;
  constructor(name: string, s: number, e: number) {
    this.k = "named";
    this.name = name;
    this.s = s;
    this.e = e;
  }
}

/** `[T; N]`. */
export class ArrayTypeNode {
  declare readonly k: "array";
  declare readonly elem: TypeRef;
  declare readonly len: number | null;
  declare readonly s: number;
  declare readonly e: number;
  constructor(elem: TypeRef, len: number | null, s: number, e: number) {
    this.k = "array";
    this.elem = elem;
    this.len = len;
    this.s = s;
    this.e = e;
  }
}

/** `(A, B)` as a type. */
export class TupleTypeNode {
  declare readonly k: "tuple";
  declare readonly elems: readonly TypeRef[];
  declare readonly s: number;
  declare readonly e: number;
  constructor(elems: readonly TypeRef[], s: number, e: number) {
    this.k = "tuple";
    this.elems = elems;
    this.s = s;
    this.e = e;
  }
}

/** `T*`. */
export class PtrTypeNode {
  declare readonly k: "ptr";
  declare readonly elem: TypeRef;
  declare readonly s: number;
  declare readonly e: number;
  constructor(elem: TypeRef, s: number, e: number) {
    this.k = "ptr";
    this.elem = elem;
    this.s = s;
    this.e = e;
  }
}

/** A parameter or a struct field declaration: a name, its range and its written type. */
export class NameAndTypeNode {
  declare readonly name: string;
  declare readonly ns: number;
  declare readonly ne: number;
  declare readonly ty: TypeRef;
  constructor(name: string, ns: number, ne: number, ty: TypeRef) {
    this.name = name;
    this.ns = ns;
    this.ne = ne;
    this.ty = ty;
  }
}

/** `fn name(params) -> ret { body }`. */
export class FnItemNode {
  declare readonly k: "fn";
  declare readonly name: string;
  declare readonly ns: number;
  declare readonly ne: number;
  declare readonly params: readonly ParamAst[];
  declare readonly ret: TypeRef | null;
  declare readonly body: Block | null;
  declare readonly e: number;
  constructor(name: string, ns: number, ne: number, params: readonly ParamAst[], ret: TypeRef | null, body: Block | null, e: number) {
    this.k = "fn";
    this.name = name;
    this.ns = ns;
    this.ne = ne;
    this.params = params;
    this.ret = ret;
    this.body = body;
    this.e = e;
  }
}

/** An item with its absolute position in the file (see `LocatedItem`). */
export class LocatedItemNode {
  declare readonly start: number;
  declare readonly end: number;
  declare readonly text: string;
  declare readonly ast: ItemAst;
  constructor(start: number, end: number, text: string, ast: ItemAst) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.ast = ast;
  }
}
