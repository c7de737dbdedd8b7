/**
 * The abstract syntax used by name resolution and type checking. The parser builds it in
 * the same pass as the lossless tree. Offsets (`s`, `e`) are RELATIVE to the start of the
 * enclosing item, so an item whose text did not change has an identical AST even when
 * text before it moved; that is what lets per-function queries be reused after an edit.
 */

/** A type as written. */
export type TypeRef =
  | { readonly k: "named"; readonly name: string; readonly s: number; readonly e: number }
  | { readonly k: "array"; readonly elem: TypeRef; readonly len: number | null; readonly s: number; readonly e: number }
  | { readonly k: "tuple"; readonly elems: readonly TypeRef[]; readonly s: number; readonly e: number }
  | { readonly k: "ptr"; readonly elem: TypeRef; readonly s: number; readonly e: number }
  | { readonly k: "missing"; readonly s: number; readonly e: number };

/** Binary operators, spelled as in the source. */
export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "&&" | "||" | "&" | "|" | "^";

/** An expression. `missing` stands for an expression the parser could not find. */
export type Expr =
  | { readonly k: "int"; readonly s: number; readonly e: number; readonly value: number; readonly suffix: string; readonly bad: boolean }
  | { readonly k: "bool"; readonly s: number; readonly e: number; readonly value: boolean }
  | { readonly k: "name"; readonly s: number; readonly e: number; readonly name: string }
  | { readonly k: "paren"; readonly s: number; readonly e: number; readonly inner: Expr }
  | { readonly k: "tuple"; readonly s: number; readonly e: number; readonly elems: readonly Expr[] }
  | { readonly k: "array"; readonly s: number; readonly e: number; readonly elems: readonly Expr[] }
  | { readonly k: "repeat"; readonly s: number; readonly e: number; readonly elem: Expr; readonly len: number | null }
  | { readonly k: "struct"; readonly s: number; readonly e: number; readonly name: string; readonly ns: number; readonly ne: number; readonly fields: readonly FieldInit[] }
  | { readonly k: "new"; readonly s: number; readonly e: number; readonly ty: TypeRef; readonly count: Expr }
  | { readonly k: "call"; readonly s: number; readonly e: number; readonly callee: Expr; readonly args: readonly Expr[]; readonly ls: number }
  | { readonly k: "field"; readonly s: number; readonly e: number; readonly obj: Expr; readonly name: string; readonly ns: number; readonly ne: number }
  | { readonly k: "tindex"; readonly s: number; readonly e: number; readonly obj: Expr; readonly index: number; readonly ns: number; readonly ne: number }
  | { readonly k: "index"; readonly s: number; readonly e: number; readonly obj: Expr; readonly index: Expr }
  | { readonly k: "cast"; readonly s: number; readonly e: number; readonly expr: Expr; readonly target: string; readonly ts: number; readonly te: number }
  | { readonly k: "unary"; readonly s: number; readonly e: number; readonly op: "!" | "-"; readonly expr: Expr }
  | { readonly k: "binary"; readonly s: number; readonly e: number; readonly op: BinaryOp; readonly lhs: Expr; readonly rhs: Expr; readonly os: number }
  | { readonly k: "missing"; readonly s: number; readonly e: number };

/** `name: value` inside a struct literal. */
export interface FieldInit {
  /** Field name and its range (`ns`..`ne`). */
  readonly name: string;
  readonly ns: number;
  readonly ne: number;
  readonly value: Expr;
}

/** A `let` pattern. */
export type Pattern =
  | { readonly k: "ident"; readonly name: string; readonly s: number; readonly e: number }
  | { readonly k: "tuple"; readonly elems: readonly Pattern[]; readonly s: number; readonly e: number }
  | { readonly k: "missing"; readonly s: number; readonly e: number };

/** A statement. */
export type Stmt =
  | { readonly k: "block"; readonly s: number; readonly e: number; readonly stmts: readonly Stmt[] }
  | { readonly k: "let"; readonly s: number; readonly e: number; readonly pat: Pattern; readonly ty: TypeRef | null; readonly init: Expr }
  | { readonly k: "const"; readonly s: number; readonly e: number; readonly name: string; readonly ns: number; readonly ne: number; readonly ty: TypeRef | null; readonly init: Expr }
  | { readonly k: "return"; readonly s: number; readonly e: number; readonly value: Expr | null }
  | { readonly k: "if"; readonly s: number; readonly e: number; readonly cond: Expr; readonly then: Stmt; readonly else: Stmt | null }
  | { readonly k: "loop"; readonly s: number; readonly e: number; readonly body: Stmt }
  | { readonly k: "while"; readonly s: number; readonly e: number; readonly cond: Expr; readonly body: Stmt }
  | { readonly k: "for"; readonly s: number; readonly e: number; readonly init: Stmt | null; readonly cond: Expr; readonly step: Stmt | null; readonly body: Stmt }
  | { readonly k: "break"; readonly s: number; readonly e: number }
  | { readonly k: "continue"; readonly s: number; readonly e: number }
  | { readonly k: "assign"; readonly s: number; readonly e: number; readonly lhs: Expr; readonly rhs: Expr }
  | { readonly k: "expr"; readonly s: number; readonly e: number; readonly expr: Expr }
  | { readonly k: "error"; readonly s: number; readonly e: number };

/** A block statement. */
export type Block = Extract<Stmt, { k: "block" }>;

/** A function parameter. */
export interface ParamAst {
  /** Parameter name and its range (`ns`..`ne`); `ty` is its written type. */
  readonly name: string;
  readonly ns: number;
  readonly ne: number;
  readonly ty: TypeRef;
}

/** A struct field declaration. */
export interface FieldDeclAst {
  /** Field name and its range (`ns`..`ne`); `ty` is its written type. */
  readonly name: string;
  readonly ns: number;
  readonly ne: number;
  readonly ty: TypeRef;
}

/** One name in a `use` path or item list. */
export interface UseName {
  /** The name and its range (`s`..`e`). */
  readonly name: string;
  readonly s: number;
  readonly e: number;
}

/** A top-level item. Offsets inside are relative to the item's start. */
export type ItemAst =
  | { readonly k: "fn"; readonly name: string; readonly ns: number; readonly ne: number; readonly params: readonly ParamAst[]; readonly ret: TypeRef | null; readonly body: Block | null; readonly e: number }
  | { readonly k: "struct"; readonly name: string; readonly ns: number; readonly ne: number; readonly fields: readonly FieldDeclAst[]; readonly e: number }
  | { readonly k: "const"; readonly name: string; readonly ns: number; readonly ne: number; readonly ty: TypeRef | null; readonly init: Expr; readonly e: number }
  | { readonly k: "use"; readonly path: readonly UseName[]; readonly items: readonly UseName[]; readonly list: boolean; readonly e: number };

/** An item with its absolute position in the file. */
export interface LocatedItem {
  /** Absolute offset of the item's first token (relative offsets are added to this). */
  readonly start: number;
  /** Absolute end offset. */
  readonly end: number;
  /** The item's own text (equal text ⇒ equal AST). */
  readonly text: string;
  /** The item's AST (relative offsets). */
  readonly ast: ItemAst;
}
