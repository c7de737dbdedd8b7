/**
 * The training-side options that the shipped model does not use (marker × bigram
 * interactions, the bag MLP) must still export a graph that transformers.js runs and that
 * equals the training arithmetic, with per-position scores that add up to the logit —
 * otherwise a later CV win could not be shipped as measured. Random weights, seeded.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AutoModelForSequenceClassification, Tensor, env } from "@huggingface/transformers";
import { buildCorpus } from "../src/corpus/build-corpus.js";
import { prepareInput } from "../src/classifier/prepare-input.js";
import { tokenizeForModel } from "../src/classifier/model-input.js";
import { Rng } from "../src/corpus/rng.js";
import { SqlTokenizer } from "../src/tokenizer/sql-tokenizer.js";
import { buildVocabulary } from "../src/tokenizer/vocabulary.js";
import { bagForward, bagRows, coarseRowTable, initBagMlp, type BagMlp } from "../scripts/lib/bag-mlp.js";
import { featureIndices, flatSize, logit, splitWeights } from "../scripts/lib/ngram-model.js";
import { writeModelFiles } from "../scripts/lib/model-files.js";
import { tokenClassTable } from "../scripts/lib/token-classes.js";

const vocabulary = buildVocabulary();
const tokenizer = new SqlTokenizer(vocabulary);
const classes = tokenClassTable(vocabulary);
const root = mkdtempSync(join(tmpdir(), "sextant-graph-"));
const texts = buildCorpus({ split: "validation", seed: 5, attacks: 20 })
  .slice(0, 40)
  .map((s) => s.text)
  .concat(["", "1 or true", "BEGIN; UPDATE t SET a = 1; COMMIT;"]);
const sequences = texts.map((t) => tokenizeForModel(tokenizer, prepareInput(t).mapped.text).tokens.map((token) => token.id));
const SCORE_NAMES = ["unigram", "bigram", "trigram", "skipgram", "shape4", "shape5"];

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Gated bias of the MLP for one input: the part of its logit no position carries. */
function gatedBias(mlp: BagMlp, rows: Int32Array): number {
  const { pre } = bagForward(mlp, rows);
  let sum = 0;
  for (let h = 0; h < mlp.hidden; h++) if (pre[h]! > 0) sum += mlp.w2[h]! * mlp.b1[h]!;
  return sum;
}

async function check(name: string, interactions: boolean, mlp: BagMlp | undefined) {
  const rng = new Rng(11);
  const flat = Float32Array.from({ length: flatSize(vocabulary.length) }, () => rng.next() - 0.5);
  const bias = 0.25;
  writeModelFiles(join(root, name), vocabulary, classes, splitWeights(flat, bias, vocabulary.length, interactions), mlp, {
    seed: 1,
    trainSamples: 0,
    validationSamples: 0,
    epochs: 0,
    temperature: 1,
    threshold: 0.5,
    interactions,
  });
  env.allowRemoteModels = false;
  env.localModelPath = `${root}/`;
  const model = await AutoModelForSequenceClassification.from_pretrained(name, { dtype: "fp32" });
  try {
    const width = Math.max(...sequences.map((s) => s.length));
    const ids = new BigInt64Array(sequences.length * width);
    const mask = new BigInt64Array(sequences.length * width);
    sequences.forEach((s, row) => s.forEach((id, column) => ((ids[row * width + column] = BigInt(id)), (mask[row * width + column] = 1n))));
    const shape = [sequences.length, width];
    const out = (await model.forward({ input_ids: new Tensor("int64", ids, shape), attention_mask: new Tensor("int64", mask, shape) })) as Record<string, { data: Float32Array; dims: number[] }>;
    sequences.forEach((s, row) => {
      const rows = mlp ? bagRows(s, vocabulary.length, mlp.bigrams, mlp.rowTable) : undefined;
      const expected = logit(featureIndices(s, vocabulary.length, classes, true, interactions), flat, bias) + (mlp && rows ? bagForward(mlp, rows).z : 0);
      const z = out.logits!.data[row * 2 + 1]! - out.logits!.data[row * 2]!;
      expect(Math.abs(z - expected)).toBeLessThan(1e-3);
      let scores = 0;
      for (const scoreName of SCORE_NAMES) {
        const tensor = out[`${scoreName}_scores`]!;
        const columns = tensor.dims[1]!;
        for (let column = 0; column < columns; column++) scores += tensor.data[row * columns + column]!;
      }
      expect(Math.abs(scores + bias + (mlp && rows ? gatedBias(mlp, rows) : 0) - z)).toBeLessThan(1e-3);
    });
  } finally {
    await model.dispose();
  }
}

describe("exported graph options", () => {
  it("marker × bigram interactions equal the training arithmetic", async () => {
    await check("interactions", true, undefined);
  });

  it("a coarse mean-pooled bag MLP equals the training arithmetic and its attributions add up", async () => {
    await check("coarse-mean", false, initBagMlp(vocabulary.length, 16, 32, false, 3, coarseRowTable(vocabulary, classes), true));
  });

  it("a token + bigram sum bag MLP equals the training arithmetic and its attributions add up", async () => {
    await check("token-sum", false, initBagMlp(vocabulary.length, 8, 16, true, 4));
  });
});
