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

/**
 * An empty list already of V8's general (object) elements kind: the template `newList` copies.
 * It held an object once and was emptied; nothing ever adds to it.
 */
const EMPTY_OBJECT_LIST: readonly unknown[] = (() => {
  const list: unknown[] = [{}];
  list.pop();
  return list;
})();

/**
 * A new empty list of objects or strings, without an allocation site (see the module
 * comment). An array literal's site also remembers that its arrays came to hold objects,
 * so later arrays start out ready for them; an empty `Array.of()` starts as a list of
 * small integers every time instead, and its first `push` of an object is an
 * elements-kind change that optimized code compiled for one kind deoptimizes on
 * (`--trace-deopt`: "not a Smi" in the parser's and checker's pushes). A `slice()` of an
 * empty list of the general kind keeps that kind, and is the cheapest way found to make
 * one before V8 optimizes the caller: ~0.2 µs a call in a fresh process, against ~1 µs for
 * `Array.of(seed)` followed by `length = 0` (the length store goes through the runtime).
 */
export function newList<T extends object | string>(): T[] {
  return EMPTY_OBJECT_LIST.slice() as T[];
}

/**
 * `list` itself when it is empty, else an exact-size copy of it, for lists a memo keeps.
 * A list's first `push` gives it room for 16 elements (~144 bytes) and V8 never shrinks a
 * list that small, so the parameter, field, member and name lists of the 100,000-line bench
 * project (~22,000, most with 1–4 elements) kept ~1.7 MB of empty slots, which the
 * young-generation GCs of the first check copied until they were promoted. `slice` copies
 * without an allocation site and keeps the elements kind.
 */
export function trimmed<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
