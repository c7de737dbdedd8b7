import type { Doc } from "./doc.js";
import { lineBreakAfter } from "./line-break.js";

const FLAT = 0;
const BREAK = 1;
/** A hugging group's content (see `hugGroup`): its own lines print flat, the groups inside it decide for themselves. */
const HUG = 2;

/**
 * Lays a document out within `width` columns. Iterative (deeply nested SQL must not
 * overflow the stack). Consecutive line breaks collapse into one and no line ends in
 * spaces, so the output does not depend on how many breaks the builder asked for.
 *
 * A group prints flat when it fits together with what follows it on its line: the text
 * after the group up to the next line break that will be taken (`) AS alias,`, a trailing
 * keyword) ends that line too, and measuring the group alone let such a line run past the
 * width even where breaking the group would have kept it within. This is the measure of
 * Wadler's and Prettier's printers.
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
  const fit = new FitScanner();

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
      let groupMode = mode === FLAT ? FLAT : BREAK;
      if (groupMode === BREAK) {
        // Where the group starts: after the pending break (a separator space is dropped
        // there), or after what the line holds so far (a trailing space already counted).
        const atLineStart = !started || pendingBreak;
        const startColumn = atLineStart && started ? indentUnit.length * pendingIndent : atLineStart ? 0 : column;
        const afterSpace = !atLineStart && out[out.length - 1] === " ";
        if (!d.hard && fit.fits(d.content, width - startColumn, atLineStart, afterSpace, stackDoc, stackMode)) groupMode = FLAT;
        else if (
          d.hugTail !== undefined &&
          !fit.fits(d.hugTail, width - indentUnit.length * (level + 1), true, false, stackDoc, stackMode) &&
          fit.fits(d.content, width - startColumn, atLineStart, afterSpace, stackDoc, stackMode, HUG)
        ) {
          groupMode = HUG;
        }
      }
      // A hugging group's tail stays at the group's level: its own break, one level in, is not taken.
      stackDoc.push(groupMode === HUG ? d.hugTail! : d.content);
      stackIndent.push(level);
      stackMode.push(groupMode);
    } else if (mode !== BREAK && !d.hard) {
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

/**
 * The fit check of {@link printDoc}, with its work stack kept between calls. It walks the
 * documents lazily (an array is a frame with a cursor, not its elements all pushed), so a
 * check costs what it reads, which ends at the first break taken or once the line is full:
 * a large array waiting in the printer's stack is not copied by every group before it.
 */
class FitScanner {
  private readonly arrays: Doc[][] = [];
  private readonly modes: number[] = [];
  /** The next element of each array frame. */
  private readonly cursors: number[] = [];

  /**
   * Whether `content` printed flat, followed by the printer's pending documents (the top
   * of `restDocs`/`restModes` first, each in its own mode), takes at most `remaining`
   * columns up to the first line break the printer will take. A line in BREAK mode (a
   * group not decided yet counts as breaking: it will be checked itself when reached) or
   * a hard line ends the measure; a multi-line token ends it after its first line. Spaces
   * are counted as the printer writes them: none at the start of a line, none doubled,
   * none before a break. `content` itself must print flat: a hard line or a multi-line
   * token in it does not fit. With `contentMode` HUG, the content is measured as a hugging
   * group prints it: its own lines are spaces, and the groups in it break at their first line.
   */
  fits(content: Doc, remaining: number, atLineStart: boolean, afterSpace: boolean, restDocs: readonly Doc[], restModes: readonly number[], contentMode = FLAT): boolean {
    const arrays = this.arrays;
    const modes = this.modes;
    const cursors = this.cursors;
    let top = -1;
    let left = remaining;
    let rest = restDocs.length; // the pending documents not read yet are restDocs[0 .. rest)
    let inContent = true;
    let lineStart = atLineStart;
    // The last thing on the line is a space (counted), or a space is owed before the next text.
    let spaceWritten = afterSpace;
    let spaceOwed = false;
    let d: Doc = content;
    let mode = contentMode;
    for (;;) {
      if (typeof d === "string") {
        if (d === " ") {
          if (!lineStart && !spaceWritten) spaceOwed = true;
        } else if (d.length > 0) {
          if (spaceOwed) left--;
          spaceOwed = false;
          const nl = d.indexOf("\n");
          // Only a pending token can hold a line break here (a group holding one is hard).
          if (nl >= 0) return !inContent && left - nl >= 0;
          left -= d.length;
          if (left < 0) return false;
          lineStart = false;
          spaceWritten = false;
        }
      } else if (Array.isArray(d)) {
        if (d.length > 0) {
          top++;
          arrays[top] = d;
          modes[top] = mode;
          cursors[top] = 0;
        }
      } else if (d.type === "group") {
        // A pending group prints flat only inside a flat one; in a broken one it is checked
        // when reached, and breaks where what follows would not fit.
        if (d.hard) {
          if (inContent && mode !== HUG) return false;
          mode = BREAK;
        }
        // (Inside a hugging group, a group decides for itself when reached, as in a broken one.)
        if (mode === HUG) mode = BREAK;
        d = d.content;
        continue;
      } else if (d.type === "indent") {
        d = d.content;
        continue;
      } else if (d.hard || mode === BREAK) {
        // The group's own content is all flat (a hard line there cannot be); after it,
        // this is where the line ends. (In a hugging group's content, a group inside breaks.)
        return (!inContent || (contentMode === HUG && !d.hard)) && left >= 0;
      } else if (!d.soft && !lineStart && !spaceWritten) spaceOwed = true;
      // The next document: from the innermost open array, else from the printer's stack.
      for (;;) {
        if (top >= 0) {
          const parts = arrays[top]!;
          const at = cursors[top]!;
          if (at < parts.length) {
            d = parts[at]!;
            cursors[top] = at + 1;
            mode = modes[top]!;
            break;
          }
          top--;
        } else if (rest > 0) {
          inContent = false;
          rest--;
          d = restDocs[rest]!;
          mode = restModes[rest]!;
          break;
        } else return left >= 0; // the end of the statement
      }
    }
  }
}
