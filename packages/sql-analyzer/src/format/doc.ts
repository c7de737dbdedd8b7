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
