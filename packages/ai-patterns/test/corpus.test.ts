/**
 * The corpus cannot flatter the evaluation: the test split shares no template, no
 * held-out evasion and no filler name with training, and every split is reproducible
 * from its seed. Also checks the shipped model's files (layout, size, packaging).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../src/corpus/build-corpus.js";
import { EVASIONS } from "../src/corpus/evasions.js";
import { TEST_POOLS, TRAIN_POOLS } from "../src/corpus/pools.js";
import { MODELS_DIRECTORY } from "../src/node/index.js";

describe("corpus", () => {
  const train = buildCorpus({ split: "train", attacks: 3000, seed: 1 });
  const test = buildCorpus({ split: "test", attacks: 3000, seed: 3 });

  it("is reproducible from its seed", () => {
    expect(buildCorpus({ split: "test", attacks: 3000, seed: 3 })).toEqual(test);
    expect(buildCorpus({ split: "test", attacks: 3000, seed: 4 })).not.toEqual(test);
  });

  it("keeps held-out templates and evasions out of training", () => {
    const heldOutEvasions = new Set(EVASIONS.filter((e) => e.heldOut).map((e) => e.id));
    const trainTemplates = new Set(train.map((s) => s.template));
    expect(train.some((s) => s.evasion && heldOutEvasions.has(s.evasion))).toBe(false);
    for (const sample of test) {
      const unseenTemplate = !trainTemplates.has(sample.template);
      const unseenEvasion = sample.evasion !== undefined && heldOutEvasions.has(sample.evasion);
      expect(unseenTemplate || unseenEvasion, `${sample.template} ${sample.evasion ?? ""}`).toBe(true);
    }
    // Benign test samples come only from held-out templates.
    for (const sample of test.filter((s) => s.label === 0)) expect(trainTemplates.has(sample.template)).toBe(false);
  });

  it("uses disjoint filler pools", () => {
    for (const key of Object.keys(TRAIN_POOLS) as Array<keyof typeof TRAIN_POOLS>) {
      const overlap = TRAIN_POOLS[key].filter((word) => TEST_POOLS[key].includes(word));
      expect(overlap, key).toEqual([]);
    }
  });

  it("covers every family and both benign groups", () => {
    const families = new Set(test.map((s) => s.family));
    for (const family of ["tautology", "union-based", "error-based", "stacked-queries", "comment-truncation", "boolean-blind", "time-blind", "out-of-band", "benign-sql", "benign-text"]) {
      expect(families).toContain(family);
    }
  });
});

describe("shipped model files", () => {
  const dir = join(MODELS_DIRECTORY, "sql-injection-ngram");

  it("use the Hugging Face layout and stay under 5 MB", () => {
    const files = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"];
    const total = files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
    expect(total).toBeLessThanOrEqual(5 * 1024 * 1024);
    const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
    expect(config.id2label).toEqual({ "0": "benign", "1": "injection" });
  });

  it("are part of the npm package", () => {
    const manifest = JSON.parse(readFileSync(join(MODELS_DIRECTORY, "..", "package.json"), "utf8"));
    expect(manifest.files).toContain("models");
  });
});
