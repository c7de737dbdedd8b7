import type { Sample } from "../../src/corpus/build-corpus.js";

/**
 * Grouped k-fold split for model selection: whole templates (and whole evasions) are
 * assigned to folds, so each validation fold is made of templates its training part
 * never saw — the same kind of shift the test split measures, without touching it.
 * Templates in `late` (new ones being evaluated) are dealt after all others, so the
 * existing templates keep the folds they had without them. Defaults to none.
 */
export function templateFolds(samples: readonly Sample[], k: number, late: ReadonlySet<string> = new Set()): Array<{ train: Sample[]; validation: Sample[] }> {
  const foldOf = new Map<string, number>();
  // Round-robin within each family keeps every family present in every fold.
  const byFamily = new Map<string, string[]>();
  for (const s of samples) {
    const list = byFamily.get(s.family) ?? [];
    if (!list.includes(s.template)) list.push(s.template);
    byFamily.set(s.family, list);
  }
  // `late` templates (new ones under evaluation) are dealt after the others, so the
  // folds of the existing templates stay what they were without them.
  const order = (a: string, b: string) => Number(late.has(a)) - Number(late.has(b)) || (a < b ? -1 : a > b ? 1 : 0);
  for (const templates of byFamily.values()) templates.sort(order).forEach((t, i) => foldOf.set(t, i % k));
  const evasions = [...new Set(samples.map((s) => s.evasion).filter((e): e is string => !!e))].sort();
  evasions.forEach((e, i) => foldOf.set(e, i % k));
  return Array.from({ length: k }, (_, fold) => {
    const train: Sample[] = [];
    const validation: Sample[] = [];
    for (const s of samples) {
      const inFold = foldOf.get(s.template) === fold || (s.evasion !== undefined && foldOf.get(s.evasion) === fold);
      (inFold ? validation : train).push(s);
    }
    return { train, validation };
  });
}
