/**
 * Allocation helpers for objects that the memos keep (why they exist: V8 pretenuring).
 *
 * V8 gives every object and array literal an "allocation site" and counts how many of its
 * objects survive a young-generation GC. Objects the query memos keep nearly all survive,
 * so a few thousand of them into the first check of a project V8 decides to allocate that
 * site's objects in the old generation, and drops every optimized function that inlined
 * the literal (the code assumed young allocation); each is then compiled again. Arrays
 * made by a builtin and objects made by `new` have no allocation site, so code that
 * builds long-lived per-item results this way stays optimized. (AST nodes are built by
 * literals on purpose: there are ~10 per line, and constructing them through `new` was
 * slower in the interpreter and baseline code most of a first check runs in.)
 */

/** A new empty array without an allocation site (see the module comment). */
export function newList<T>(): T[] {
  return Array.of<T>();
}
