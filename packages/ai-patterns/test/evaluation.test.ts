/**
 * A small evaluation run on the shipped model, with thresholds set from the full run in
 * the README (with a margin for the smaller sample). It fails if a retrained model gets
 * worse on held-out templates, stops beating the baseline, or starts flagging prose.
 *
 * The full run (README) meets the goals on held-out templates (F1 0.997, FPR 0 %
 * on benign SQL and text); these assertions pin that level with a margin for the smaller
 * sample, so a retrained model cannot silently fall back below the goals. The probe
 * tables are pinned too: every named probe right, and the held-out probes (written
 * before the robustness round's changes) at the README's 36 of 38.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCorpus, type Sample } from "../src/corpus/build-corpus.js";
import { detectByFingerprint } from "../src/baseline/fingerprint-detector.js";
import { emptyConfusion, rates, record } from "../src/eval/metrics.js";
import { HELD_OUT_PROBES } from "../src/eval/held-out-probes.js";
import { ROBUSTNESS_PROBES } from "../src/eval/robustness-probes.js";
import type { InjectionClassifier } from "../src/index.js";
import { createNodeClassifier } from "../src/node/index.js";

let classifier: InjectionClassifier;

async function evaluate(samples: Sample[]) {
  const results = await classifier.classifyBatch(samples.map((s) => s.text));
  const model = emptyConfusion();
  const baseline = emptyConfusion();
  const text = emptyConfusion();
  const sql = emptyConfusion();
  samples.forEach((s, i) => {
    const flagged = results[i]!.label === "injection";
    record(model, s.label, flagged);
    record(baseline, s.label, detectByFingerprint(s.text).injection);
    if (s.group !== "benign-sql") record(text, s.label, flagged);
    if (s.group !== "benign-text") record(sql, s.label, flagged);
  });
  return { model: rates(model), baseline: rates(baseline), textFpr: rates(text).fpr, sqlFpr: rates(sql).fpr };
}

describe("evaluation thresholds", () => {
  beforeAll(async () => {
    classifier = await createNodeClassifier();
  });
  afterAll(async () => {
    await classifier.dispose();
  });

  it("on held-out templates: beats the fingerprint baseline and keeps benign text clean", async () => {
    const result = await evaluate(buildCorpus({ split: "test", attacks: 1500, seed: 31 }));
    // Full run (README): F1 0.997, recall 0.993, FPR benign SQL 0 %, benign text 0 %.
    expect(result.model.f1).toBeGreaterThanOrEqual(0.99);
    expect(result.model.recall).toBeGreaterThan(0.98);
    expect(result.model.f1 - result.baseline.f1).toBeGreaterThan(0.3);
    expect(result.textFpr).toBeLessThanOrEqual(0.005);
    expect(result.sqlFpr).toBeLessThanOrEqual(0.005);
  });

  it("on the robustness probes: every named one, and 36 of the 38 held-out ones", async () => {
    const wrong = async (probes: typeof ROBUSTNESS_PROBES) => {
      const results = await classifier.classifyBatch(probes.map((p) => p.text));
      return probes.filter((p, i) => (results[i]!.label === "injection") !== (p.label === 1)).map((p) => p.text);
    };
    expect(await wrong(ROBUSTNESS_PROBES)).toEqual([]);
    // FIXME: these two should be right too (README, Known limits): a comment inside a
    // keyword of a statement kind the split template does not write, and a benign script
    // whose last ';' is missing (scored as a whole, it reads like a spliced stacked query).
    expect(await wrong(HELD_OUT_PROBES)).toEqual(["UPD/*x*/ATE users SET role='admin'", "DELETE FROM sessions WHERE user_id = 5; DELETE FROM users WHERE id = 5"]);
  });

  it("on templates seen in training (a fresh seed): the saturated regime", async () => {
    const result = await evaluate(buildCorpus({ split: "validation", attacks: 1000, seed: 77 }));
    expect(result.model.f1).toBeGreaterThanOrEqual(0.99);
    expect(result.sqlFpr).toBeLessThanOrEqual(0.005);
    expect(result.textFpr).toBeLessThanOrEqual(0.005);
  });
});
