import type { Doc } from "./doc.js";
import { lineBreakAfter } from "./line-break.js";

const FLAT = 0;
const BREAK = 1;

/**
 * Lays a document out within `width` columns. Iterative (deeply nested SQL must not
 * overflow the stack). Consecutive line breaks collapse into one and no line ends in
 * spaces, so the output does not depend on how many breaks the builder asked for.
 */
export function printDoc(doc: Doc, width: number, indentUnit: string, newline = "\n"): string {
  const out: string[] = [];
  let column = 0;
  let pendingBreak = false;
  let pendingIndent = 0;
  let started = false;
  const stackIndent: number[] = [0];
  const stackMode: number[] = [BREAK];
  const stackDoc: Doc[] = [doc];

  const write = (text: string): void => {
    // Separator spaces never start a line, never double, never end one.
    if (text === " " && (pendingBreak || !started || out[out.length - 1] === " ")) return;
    if (pendingBreak) {
      if (started) {
        while (out.length > 0 && out[out.length - 1] === " ") out.pop();
        const pad = indentUnit.repeat(pendingIndent);
        out.push(lineBreakAfter(out[out.length - 1], newline) + pad);
        column = pad.length;
      }
      pendingBreak = false;
    }
    out.push(text);
    started = true;
    const nl = text.lastIndexOf("\n");
    column = nl >= 0 ? text.length - nl - 1 : column + text.length;
  };

  while (stackDoc.length > 0) {
    const d = stackDoc.pop()!;
    const level = stackIndent.pop()!;
    const mode = stackMode.pop()!;
    if (typeof d === "string") {
      if (d.length > 0) write(d);
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        stackDoc.push(d[i]!);
        stackIndent.push(level);
        stackMode.push(mode);
      }
    } else if (d.type === "indent") {
      stackDoc.push(d.content);
      stackIndent.push(level + 1);
      stackMode.push(mode);
    } else if (d.type === "group") {
      const startColumn = pendingBreak && started ? indentUnit.length * pendingIndent : column;
      const flat = mode === FLAT || (!d.hard && fits(d.content, width - startColumn));
      stackDoc.push(d.content);
      stackIndent.push(level);
      stackMode.push(flat ? FLAT : BREAK);
    } else if (mode === FLAT && !d.hard) {
      // A flat line is a space (none at the start of a line), a flat soft line nothing.
      if (!d.soft && !pendingBreak && started && out[out.length - 1] !== " ") {
        out.push(" ");
        column++;
      }
    } else {
      pendingBreak = true;
      pendingIndent = level;
    }
  }
  while (out.length > 0 && out[out.length - 1] === " ") out.pop();
  return out.join("");
}

/** Whether `doc` printed flat takes at most `remaining` columns (and has no line break). */
function fits(doc: Doc, remaining: number): boolean {
  const stack: Doc[] = [doc];
  let left = remaining;
  while (stack.length > 0) {
    if (left < 0) return false;
    const d = stack.pop()!;
    if (typeof d === "string") {
      if (d.includes("\n")) return false;
      left -= d.length;
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push(d[i]!);
    } else if (d.type === "group") {
      if (d.hard) return false;
      stack.push(d.content);
    } else if (d.type === "indent") stack.push(d.content);
    else if (d.hard) return false;
    else if (!d.soft) left -= 1;
  }
  return left >= 0;
}
