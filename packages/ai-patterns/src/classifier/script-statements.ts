import { MARKER_CLOSE, MARKER_OPEN, type ContextMarker } from "../context/sql-context.js";
import { lexSql } from "../context/sql-lexer.js";
import type { MappedText } from "../text/mapped-text.js";

const SCRIPT = `${MARKER_OPEN}stmt:script${MARKER_CLOSE}`;

/**
 * The statements of a text that the context analysis reads as a script whose every
 * statement ends in `;` (`stmt:script`), each as a sub-text mapped to the caller's input;
 * `undefined` for any other text.
 *
 * Why: the model is linear, so a benign script is the sum of its n-grams, and the
 * boundary of two statements (`… = 77; DELETE FROM …`) is exactly what a stacked query
 * looks like. Scored statement by statement, each statement is read as what it is. A
 * stacked query after a value (`77; DELETE …`) is a fragment, not a script, and one
 * spliced into a query leaves its last statement open or ends in a comment that cuts the
 * rest off, so neither is split.
 */
export function scriptStatements(mapped: MappedText, markers: readonly ContextMarker[]): MappedText[] | undefined {
  if (markers[0]?.token !== SCRIPT) return undefined;
  const text = mapped.text;
  // The lexer reads lowercase text; offsets only carry over if lowercasing keeps lengths.
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return undefined;
  const ends = lexSql(lower)
    .filter((l) => l.kind === "semicolon")
    .map((l) => l.end);
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const end of ends) {
    // `;;` and blank statements belong to the statement before.
    if (lower.slice(start, end - 1).trim() === "" && spans.length > 0) spans[spans.length - 1]![1] = end;
    else spans.push([start, end]);
    start = end;
  }
  // What follows the last `;` (a remark) belongs to the last statement.
  if (spans.length > 0 && start < text.length) spans[spans.length - 1]![1] = text.length;
  if (spans.length < 2) return undefined;
  return spans.map(([from, to]) => ({ text: text.slice(from, to), origin: mapped.origin.slice(from, to + 1) }));
}
