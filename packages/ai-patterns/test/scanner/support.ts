/**
 * Test support for the scanner: one shared Node scanner, and the inline-expectation
 * fixture format (a comment under a line marks a range and the expected diagnostic):
 *
 *     db.query("SELECT * FROM t WHERE id = " + req.params.id);
 *     //       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[sql-injection]: req.params.id
 *
 * `#` starts the comment in Python and Ruby. The text after the colon must occur in the
 * message. Every diagnostic of the file must be announced, and every announcement found.
 */
import { createNodeScanner } from "../../src/node/scanner-node.js";
import type { ScanDiagnostic, Scanner } from "../../src/scanner/index.js";

let shared: Scanner | null = null;

/** One scanner per test file (grammars load once). */
export function scanner(): Scanner {
  shared ??= createNodeScanner();
  return shared;
}

/** An expectation read from a fixture. */
export interface Expectation {
  line: number;
  start: number;
  end: number;
  severity: string;
  code: string;
  message: string;
}

const ANNOTATION = /^(\s*)(?:\/\/|#)\s*(\^+)\s+(error|warning|info|hint)\[([\w-]+)\](?::\s*(.*))?$/;

/** Parses inline expectations. */
export function expectationsOf(text: string): Expectation[] {
  const lines = text.split("\n");
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = index;
      return;
    }
    const column = line.indexOf("^");
    const start = lineStarts[target]! + column;
    out.push({ line: target + 1, start, end: start + m[2]!.length, severity: m[3]!, code: m[4]!, message: (m[5] ?? "").trim() });
  });
  return out;
}

/** Renders a diagnostic in the annotation's terms, for readable failures. */
export function describe(text: string, d: Pick<ScanDiagnostic, "range" | "severity" | "code" | "message">): string {
  const line = text.slice(0, d.range.start).split("\n").length;
  const lineStart = text.lastIndexOf("\n", d.range.start - 1) + 1;
  return `line ${line} col ${d.range.start - lineStart} len ${d.range.end - d.range.start} ${d.severity}[${d.code}]: ${d.message}`;
}

/** Compares a file's diagnostics to its inline expectations; returns the mismatches. */
export function mismatches(text: string, diagnostics: readonly ScanDiagnostic[]): string[] {
  const expected = expectationsOf(text);
  const problems: string[] = [];
  const unmatched = [...diagnostics];
  for (const e of expected) {
    const index = unmatched.findIndex(
      (d) => d.range.start === e.start && d.range.end === e.end && d.severity === e.severity && d.code === e.code && d.message.includes(e.message),
    );
    if (index >= 0) unmatched.splice(index, 1);
    else problems.push(`missing: ${describe(text, { range: { start: e.start, end: e.end }, severity: e.severity as "error", code: e.code as "sql-injection", message: e.message })}`);
  }
  for (const d of unmatched) problems.push(`unexpected: ${describe(text, d)}`);
  return problems;
}
