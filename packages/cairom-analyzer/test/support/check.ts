import { expect } from "vitest";
import { createCairoMService, type CairoMService } from "../../src/index.js";
import { parseDiagnosticAnnotation, parseFixture, type Fixture } from "./fixture.js";
import { lineOf } from "./load-fs.js";

/** A service over the fixture's files (opened from its in-memory file system). */
export function serviceFor(fixture: Fixture): CairoMService {
  return createCairoMService({ fs: fixture.fs });
}

function place(text: string, offset: number): string {
  const line = lineOf(text, offset);
  const col = offset - (text.lastIndexOf("\n", offset - 1) + 1);
  return `${line}:${col}`;
}

/**
 * The one helper that checks diagnostics: every diagnostic of every fixture file must be
 * annotated under its line (`// ^^^ error[code]: message`, message optional) and every
 * annotation must be matched.
 */
export function checkDiagnostics(source: string): void {
  const fixture = parseFixture(source);
  const service = serviceFor(fixture);
  const expected: string[] = [];
  const withMessage = new Set<string>();
  for (const a of fixture.annotations) {
    const d = parseDiagnosticAnnotation(a.text);
    if (!d) continue;
    const text = fixture.files.get(a.path)!;
    const key = `${a.path}:${place(text, a.start)}-${place(text, a.end)} ${d.severity}[${d.code}]`;
    if (d.message !== undefined) withMessage.add(key);
    expected.push(d.message !== undefined ? `${key}: ${d.message}` : key);
  }
  const actual: string[] = [];
  for (const [path, text] of fixture.files) {
    if (!path.endsWith(".cm") && !path.endsWith("cairom.toml")) continue;
    for (const d of service.getDiagnostics(path)) {
      const lineEnd = text.indexOf("\n", d.range.start);
      const end = lineEnd >= 0 ? Math.min(d.range.end, lineEnd) : d.range.end;
      const key = `${path}:${place(text, d.range.start)}-${place(text, end)} ${d.severity}[${d.code}]`;
      actual.push(withMessage.has(key) ? `${key}: ${d.message}` : key);
    }
  }
  expect(actual.sort()).toEqual(expected.sort());
}
