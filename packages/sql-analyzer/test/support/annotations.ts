import type { Diagnostic } from "../../src/index.js";

const ANNOTATION = /^ *(?:-- *)?\^+ (?:error|warning|info|hint)\[[a-z-]+\]: /;

/** Removes inline-expectation lines (`--   ^^^ error[code]: message`) from a fixture. */
export function stripAnnotations(source: string): string {
  return source
    .split("\n")
    .filter((line) => !ANNOTATION.test(line))
    .join("\n");
}

/**
 * Renders diagnostics as inline expectations under the lines they point at:
 * carets under the range (to the line end when the range goes on), then
 * `severity[code]: message`. `renderAnnotations(strip(f), parse(strip(f))) === f`
 * is what a fixture asserts, so a failure shows as a readable diff.
 */
export function renderAnnotations(text: string, diagnostics: readonly Diagnostic[]): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let lineStart = 0;
  let next = 0;
  const sorted = [...diagnostics].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    const lineEnd = lineStart + line.length;
    const last = i === lines.length - 1;
    while (next < sorted.length && (sorted[next]!.range.start <= lineEnd || last)) {
      const d = sorted[next++]!;
      const column = Math.max(0, Math.min(d.range.start, lineEnd) - lineStart);
      const width = Math.max(1, Math.min(d.range.end, lineEnd) - Math.min(d.range.start, lineEnd));
      const prefix = column >= 3 ? "--" + " ".repeat(column - 2) : " ".repeat(column);
      out.push(`${prefix}${"^".repeat(width)} ${d.severity}[${d.code}]: ${d.message}`);
    }
    lineStart = lineEnd + 1;
  }
  return out.join("\n");
}
