import type { ItemAst, LocatedItem } from "../syntax/ast.js";

/**
 * One top-level item without its body and without absolute offsets: what other modules
 * and other functions can see of it. Editing a function body leaves it unchanged.
 */
export type IndexedItem =
  | (Omit<Extract<ItemAst, { k: "fn" }>, "body" | "e"> & { readonly key: string; readonly order: number })
  | (Extract<ItemAst, { k: "struct" }> & { readonly key: string; readonly order: number })
  | (Extract<ItemAst, { k: "const" }> & { readonly key: string; readonly order: number })
  | (Extract<ItemAst, { k: "use" }> & { readonly key: string; readonly order: number });

/** The item index of one file: its items in order. */
export interface ItemIndex {
  readonly items: readonly IndexedItem[];
}

/**
 * Stable keys for a file's items: `fn:name#n`, `struct:name#n`, `const:name#n`, `use#n`,
 * where `n` counts earlier items with the same kind and name. Keys survive edits that
 * do not add, remove or rename items of the same name.
 */
export function itemKeys(items: readonly LocatedItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = item.ast.k === "use" ? "use" : `${item.ast.k}:${item.ast.name}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

/** Builds the item index of a parsed file; `keys` are its {@link itemKeys} (computed by the caller when it has them). */
export function buildItemIndex(items: readonly LocatedItem[], keys: readonly string[] = itemKeys(items)): ItemIndex {
  return {
    items: items.map((item, order) => {
      const key = keys[order]!;
      const ast = item.ast;
      if (ast.k === "fn") {
        return { k: "fn", name: ast.name, ns: ast.ns, ne: ast.ne, params: ast.params, ret: ast.ret, key, order };
      }
      return { ...ast, key, order };
    }),
  };
}
