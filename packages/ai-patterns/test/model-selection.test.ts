/**
 * The model-selection tools the training scripts rely on: corpora without some templates,
 * grouped folds that keep existing templates where they were when new ones are added,
 * the threshold chosen on held-aside predictions, and seeded feature dropout.
 */
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../src/corpus/build-corpus.js";
import { templateFolds } from "../scripts/lib/template-folds.js";
import { chooseThreshold, trainLogistic, type Example } from "../scripts/lib/trainer.js";

describe("model selection", () => {
  const without = ["benign-sql/dml-script", "tautology/or-truthy-operand"];

  it("builds a corpus without the named templates", () => {
    const full = buildCorpus({ split: "train", attacks: 2000, seed: 5 });
    const reduced = buildCorpus({ split: "train", attacks: 2000, seed: 5, withoutTemplates: without });
    expect(full.some((s) => without.includes(s.template))).toBe(true);
    expect(reduced.some((s) => without.includes(s.template))).toBe(false);
    expect(reduced.length).toBe(full.length);
  });

  it("deals new ('late') templates into folds after the existing ones", () => {
    const reduced = buildCorpus({ split: "train", attacks: 2000, seed: 5, withoutTemplates: without });
    const full = buildCorpus({ split: "train", attacks: 2000, seed: 5 });
    // The fold whose validation part holds a template's samples without an evasion.
    const foldOf = (folds: ReturnType<typeof templateFolds>, template: string) =>
      folds.findIndex((fold) => fold.validation.some((s) => s.template === template && !s.evasion));
    const before = templateFolds(reduced, 3);
    const after = templateFolds(full, 3, new Set(without));
    const templates = [...new Set(reduced.map((s) => s.template))];
    expect(templates.length).toBeGreaterThan(50);
    for (const template of templates) expect(foldOf(after, template), template).toBe(foldOf(before, template));
    for (const template of without) expect(foldOf(after, template)).toBeGreaterThanOrEqual(0);
  });

  it("chooses the threshold with the best F1, nearest 0.5 on ties", () => {
    // Positives score 0.7 and up, negatives 0.62 and below: only thresholds in (0.62, 0.7] separate them.
    const scores = [0.7, 0.8, 0.9, 0.62, 0.1, 0.2];
    const labels: Array<0 | 1> = [1, 1, 1, 0, 0, 0];
    expect(chooseThreshold(scores, labels)).toBe(0.65);
    // Perfectly separable around 0.5: every threshold in (0.2, 0.7] is as good, 0.5 wins.
    expect(chooseThreshold([0.7, 0.9, 0.1, 0.2], [1, 1, 0, 0])).toBe(0.5);
  });

  it("trains reproducibly with feature dropout, and learns a separable toy problem", () => {
    const examples: Example[] = Array.from({ length: 200 }, (_, i) => ({ features: Int32Array.of(i % 2 === 0 ? 1 : 2, 3), label: (i % 2 === 0 ? 1 : 0) as 0 | 1 }));
    const a = trainLogistic(examples, 10, { epochs: 3, dropout: 0.3, seed: 4 });
    const b = trainLogistic(examples, 10, { epochs: 3, dropout: 0.3, seed: 4 });
    expect(Array.from(a.weights.subarray(0, 4))).toEqual(Array.from(b.weights.subarray(0, 4)));
    expect(a.weights[1]!).toBeGreaterThan(0);
    expect(a.weights[2]!).toBeLessThan(0);
  });
});
