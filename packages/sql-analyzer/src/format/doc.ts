// A small Wadler-style document algebra: the formatter builds a `Doc` from the syntax
// tree and the printer lays it out within the line width. Groups print flat when they
// fit, else their `line`s become newlines.

/** A layout document. */
export type Doc = string | Doc[] | DocGroup | DocIndent | DocLine;

/** Prints its content flat if it fits the remaining width, else breaks its own lines. */
export interface DocGroup {
  readonly type: "group";
  readonly content: Doc;
  /** True when the content holds a hard line, so the group can never print flat. */
  readonly hard: boolean;
  /**
   * For a group made by {@link hugGroup}: what follows its break, the end of its content,
   * one level in.
   */
  readonly hugTail?: Doc;
}

/** Indents the lines broken inside its content by one level. */
export interface DocIndent {
  readonly type: "indent";
  readonly content: Doc;
}

/** A possible line break: `soft` prints nothing when flat, else a space; `hard` always breaks. */
export interface DocLine {
  readonly type: "line";
  readonly soft: boolean;
  readonly hard: boolean;
}

/** A space when flat, a newline when the enclosing group breaks. */
export const line: DocLine = { type: "line", soft: false, hard: false };
/** Nothing when flat, a newline when the enclosing group breaks. */
export const softline: DocLine = { type: "line", soft: true, hard: false };
/** Always a newline; forces every enclosing group to break. */
export const hardline: DocLine = { type: "line", soft: false, hard: true };

/** Groups `content` (see {@link DocGroup}). */
export function group(content: Doc): DocGroup {
  return { type: "group", content, hard: containsHard(content) };
}

/**
 * A group whose content is `[indent(tail)]`, `tail` starting at the group's one line break
 * (`WHEN a` then `THEN b`). When it does not fit flat, it breaks only if `tail` then fits on its
 * own line; else, when the line up to the first break inside `tail` fits, it hugs: its own
 * break stays a space and the groups inside `tail` break instead (`WHEN a THEN (` … `)`).
 */
export function hugGroup(content: Doc, tail: Doc): DocGroup {
  return { type: "group", content, hard: containsHard(content), hugTail: tail };
}

/** Indents `content` (see {@link DocIndent}). */
export function indent(content: Doc): DocIndent {
  return { type: "indent", content };
}

/** Whether a document holds a hard line (outside nested groups that already know it). */
function containsHard(doc: Doc): boolean {
  const stack: Doc[] = [doc];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (typeof d === "string") {
      // A multi-line token (block comment, string) cannot be laid out flat either.
      if (d.includes("\n")) return true;
    } else if (Array.isArray(d)) {
      for (const part of d) stack.push(part);
    } else if (d.type === "group") {
      if (d.hard) return true;
    } else if (d.type === "indent") stack.push(d.content);
    else if (d.hard) return true;
  }
  return false;
}

/**
 * The width of `doc` printed flat, or `Infinity` when it cannot print flat (a hard line, a
 * multi-line token) or is wider than `limit` (the walk stops there).
 */
export function flatWidth(doc: Doc, limit: number): number {
  const stack: Doc[] = [doc];
  let width = 0;
  while (stack.length > 0) {
    if (width > limit) return Infinity;
    const d = stack.pop()!;
    if (typeof d === "string") {
      if (d.includes("\n")) return Infinity;
      width += d.length;
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push(d[i]!);
    } else if (d.type === "group") {
      if (d.hard) return Infinity;
      stack.push(d.content);
    } else if (d.type === "indent") stack.push(d.content);
    else if (d.hard) return Infinity;
    else if (!d.soft) width += 1;
  }
  return width > limit ? Infinity : width;
}

/**
 * `doc` with every soft line dropped and every line a space: a part that never breaks. Only for
 * documents that can print flat (see `flatWidth`).
 */
export function flattenDoc(doc: Doc): Doc {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) return doc.map(flattenDoc);
  if (doc.type === "group" || doc.type === "indent") return flattenDoc(doc.content);
  return doc.soft ? "" : " ";
}
