import type { Fix, TextEdit } from "../diagnostic.js";
import type { Expr } from "../syntax/ast.js";
import type { Ty } from "./types.js";

type StructLiteral = Extract<Expr, { k: "struct" }>;

/** Placeholder value of a primitive type, for the "add missing fields" fix. */
function placeholder(t: Ty): string | undefined {
  return t.k === "felt" ? "0" : t.k === "u32" ? "0u32" : t.k === "bool" ? "false" : undefined;
}

/**
 * "Add missing fields" with placeholder values, when every missing field is primitive.
 * `text` is the text the literal's offsets index (its item's); with it, a literal written
 * over several lines gets each new field on a line of its own (see {@link multiLineEdits}).
 */
export function missingFieldsFix(e: StructLiteral, missing: readonly { name: string; ty: Ty }[], text: string | undefined): Fix[] {
  const parts: string[] = [];
  for (const f of missing) {
    const v = placeholder(f.ty);
    if (v === undefined) return [];
    parts.push(`${f.name}: ${v}`);
  }
  if (parts.length === 0) return [];
  const edits = (text !== undefined && multiLineEdits(e, parts, text)) || singleLineEdits(e, parts, text);
  return [{ title: `Add missing field${parts.length > 1 ? "s" : ""} with placeholder values`, safety: "unsafe", edits }];
}

/** The fields added after the last one (`x: 1, y: 0`), or inside empty braces (`P { y: 0 }`). */
function singleLineEdits(e: StructLiteral, parts: readonly string[], text: string | undefined): TextEdit[] {
  const last = e.fields[e.fields.length - 1];
  if (last) return [{ range: { start: last.value.e, end: last.value.e }, newText: `, ${parts.join(", ")}` }];
  const close = e.e - 1;
  // `P { }` already has the space before its `}`.
  const spaced = text !== undefined && text.charCodeAt(close - 1) === 32;
  return [{ range: { start: close, end: close }, newText: `${spaced ? "" : " "}${parts.join(", ")} ` }];
}

/**
 * The edits for a literal whose braces hold a line break, or `undefined` for a one-line
 * literal: each field on its own line, indented as the existing fields (as the `{` line
 * plus one level when no field starts a line). A trailing comma after the last field is
 * kept as the last new field's; without one, none is added at the end. The new lines go
 * after a comment that ends the last field's line (the comma before it), and before a `}`
 * on that line.
 */
function multiLineEdits(e: StructLiteral, parts: readonly string[], text: string): TextEdit[] | undefined {
  const close = e.e - 1;
  const open = text.indexOf("{", e.ne);
  if (text.charCodeAt(close) !== 125 /* } */ || open < 0 || open >= close || !text.slice(open, close).includes("\n")) return undefined;
  const indent = fieldIndent(e, text, open);
  const last = e.fields[e.fields.length - 1];
  if (!last) {
    // Empty braces: the fields go on lines of their own before the `}`, each with a comma
    // (as the formatter writes broken lists).
    const lineStart = lineStartOf(text, close);
    const lines = parts.map((p) => `${indent}${p},\n`).join("");
    if (isBlank(text.slice(lineStart, close))) return [{ range: { start: lineStart, end: lineStart }, newText: lines }];
    return [{ range: { start: close, end: close }, newText: `\n${lines}` }];
  }
  let after = last.value.e;
  while (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) after++;
  const comma = text.charCodeAt(after) === 44; /* , */
  const start = comma ? after + 1 : last.value.e;
  const lines = parts.map((p) => `\n${indent}${p}`).join(",") + (comma ? "," : "");
  let lineEnd = text.indexOf("\n", start);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  if (text.slice(start, lineEnd).trimStart().startsWith("//")) {
    // The comment stays with the field it follows: the comma goes before it, the new lines after it.
    const addComma: TextEdit[] = comma ? [] : [{ range: { start: last.value.e, end: last.value.e }, newText: "," }];
    return [...addComma, { range: { start: lineEnd, end: lineEnd }, newText: lines }];
  }
  return [{ range: { start, end: start }, newText: (comma ? "" : ",") + lines }];
}

/** The indentation of the last field that starts its line; else the `{` line's plus one level. */
function fieldIndent(e: StructLiteral, text: string, open: number): string {
  for (let i = e.fields.length - 1; i >= 0; i--) {
    const ns = e.fields[i]!.ns;
    const before = text.slice(lineStartOf(text, ns), ns);
    if (isBlank(before)) return before;
  }
  const outer = /^[ \t]*/.exec(text.slice(lineStartOf(text, open), open))![0];
  return outer + (outer.startsWith("\t") ? "\t" : "    ");
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function isBlank(s: string): boolean {
  return /^[ \t]*$/.test(s);
}
