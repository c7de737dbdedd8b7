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

/** Applies a workspace edit to the fixture's files and returns the changed files. */
export function applyWorkspaceEdit(fixture: Fixture, edits: readonly { path: string; range: { start: number; end: number }; newText: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  const byPath = new Map<string, typeof edits[number][]>();
  for (const e of edits) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  for (const [path, list] of byPath) {
    let text = fixture.files.get(path)!;
    for (const e of [...list].sort((a, b) => b.range.start - a.range.start)) text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
    out.set(path, text);
  }
  return out;
}

/** Hover at `$0`: the markdown must equal `expected` (`undefined` for no hover). */
export function checkHover(source: string, expected: string | undefined): void {
  const f = parseFixture(source);
  const h = serviceFor(f).getHover(f.cursor!.path, f.cursor!.offset);
  expect(h?.markdown).toEqual(expected);
}

/** Completion labels at `$0` (in order); `kinds` optionally pins `label:kind` pairs. */
export function checkCompletion(source: string, check: (labels: string[], items: ReturnType<CairoMService["getCompletions"]>) => void): void {
  const f = parseFixture(source);
  const items = serviceFor(f).getCompletions(f.cursor!.path, f.cursor!.offset);
  check(items.map((i) => i.label), items);
}

/** Definition at `$0` must be the range annotated `// ^^^ def` (in any file). */
export function checkDefinition(source: string): void {
  const f = parseFixture(source);
  const defs = serviceFor(f).getDefinition(f.cursor!.path, f.cursor!.offset);
  const expected = f.annotations.filter((a) => a.text === "def").map((a) => ({ path: a.path, range: { start: a.start, end: a.end } }));
  expect(defs).toEqual(expected);
}

/** References at `$0` must be exactly the ranges annotated `// ^^^ ref` (declaration included). */
export function checkReferences(source: string): void {
  const f = parseFixture(source);
  const refs = serviceFor(f).getReferences(f.cursor!.path, f.cursor!.offset);
  const key = (l: { path: string; range: { start: number; end: number } }) => `${l.path}@${l.range.start}..${l.range.end}`;
  const expected = f.annotations.filter((a) => a.text === "ref").map((a) => key({ path: a.path, range: a }));
  expect(refs.map(key).sort()).toEqual(expected.sort());
}

/** Rename at `$0` to `newName`: the resulting files, or the refusal message. */
export function checkRename(source: string, newName: string, expected: Record<string, string> | { error: string }): void {
  const f = parseFixture(source);
  const r = serviceFor(f).rename(f.cursor!.path, f.cursor!.offset, newName);
  if ("error" in expected) {
    expect(r).toEqual({ ok: false, error: expected.error });
    return;
  }
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(Object.fromEntries(applyWorkspaceEdit(f, r.edit.edits))).toEqual(expected);
}

/**
 * Inlay hints must be exactly the annotations `// ^ hint: <label>`, the caret under the
 * last character of the binding name (the hint sits right after it).
 */
export function checkInlayHints(source: string): void {
  const f = parseFixture(source);
  const s = serviceFor(f);
  const expected = f.annotations.filter((a) => a.text.startsWith("hint: ")).map((a) => `${a.end}${a.text.slice("hint: ".length)}`);
  const actual = s.getInlayHints(f.main).map((h) => `${h.offset}${h.label}`);
  expect(actual).toEqual(expected);
}

/** Folding ranges must be exactly the line pairs annotated `// ^ fold` … `// ^ end` (nested like brackets). */
export function checkFolding(source: string): void {
  const f = parseFixture(source);
  const text = f.files.get(f.main)!;
  const lineStart = (offset: number) => lineOf(text, offset);
  const marks = f.annotations.filter((a) => a.text === "fold" || a.text === "end");
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (const m of marks) {
    if (m.text === "fold") open.push(lineStart(m.start));
    else pairs.push([open.pop()!, lineStart(m.start)]);
  }
  const expected = pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]).map(([a, b]) => `${a}-${b}`);
  const actual = serviceFor(f)
    .getFoldingRanges(f.main)
    .map((r) => `${lineStart(r.start)}-${lineStart(r.end)}`);
  expect(actual).toEqual(expected);
}
