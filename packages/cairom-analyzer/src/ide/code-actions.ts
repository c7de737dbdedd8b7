import type { Diagnostic, TextEdit, TextRange } from "../diagnostic.js";

/** A code action: a fix offered for a diagnostic. */
export interface CodeAction {
  /** What it does. */
  readonly title: string;
  /** Always `quickfix` for fixes. */
  readonly kind: "quickfix";
  /** `safe` fixes keep the program's meaning. */
  readonly safety: "safe" | "unsafe";
  /** The diagnostic it fixes. */
  readonly diagnostic: Diagnostic;
  /** Edits in the file. */
  readonly edits: readonly TextEdit[];
  /** True for the one obvious fix of a diagnostic. */
  readonly isPreferred: boolean;
}

/**
 * The fixes of the diagnostics that overlap `range`, as code actions. A fix that several
 * diagnostics share (one per missing struct field, one per unused name of a `use` removed
 * whole) is offered once, with the first of them: the editor would list it once per
 * diagnostic, the same title and edit each time.
 */
export function codeActionsFor(diagnostics: readonly Diagnostic[], range: TextRange): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.range.end < range.start || d.range.start > range.end) continue;
    (d.fixes ?? []).forEach((f, i) => {
      const key = JSON.stringify([f.title, f.edits.map((e) => [e.range.start, e.range.end, e.newText])]);
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ title: f.title, kind: "quickfix", safety: f.safety, diagnostic: d, edits: f.edits, isPreferred: i === 0 && f.safety === "safe" });
    });
  }
  return out;
}

/** Applies non-overlapping edits to a text (later edits first, so offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.range.end > limit) continue; // overlapping edit: skip rather than corrupt the text
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
    limit = e.range.start;
  }
  return out;
}
