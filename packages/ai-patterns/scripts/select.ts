/**
 * Model selection by grouped cross-validation over the TRAINING templates only (the
 * test split is never read): for each candidate setting, train on two thirds of the
 * templates and score the unseen third. Prints a table; train.ts hard-codes the winner.
 * Run: node scripts/run-script.mjs scripts/select.ts
 */
import { buildCorpus } from "../src/corpus/build-corpus.js";
import { prepareInput } from "../src/classifier/prepare-input.js";
import { SqlTokenizer } from "../src/tokenizer/sql-tokenizer.js";
import { buildVocabulary } from "../src/tokenizer/vocabulary.js";
import { emptyConfusion, rates, record } from "../src/eval/metrics.js";
import { tokenClassTable } from "./lib/token-classes.js";
import { featureIndices, logit } from "./lib/ngram-model.js";
import { templateFolds } from "./lib/template-folds.js";
import { trainLogistic } from "./lib/trainer.js";

const vocabulary = buildVocabulary();
const tokenizer = new SqlTokenizer(vocabulary);
const classes = tokenClassTable(vocabulary);
const samples = buildCorpus({ split: "train", seed: 1 });
console.log("| shape features | epochs | l2 | rate | out-of-template F1 | recall | FPR | log-loss |");
console.log("|---|---|---|---|---|---|---|---|");
for (const shapes of [false, true]) {
const features = new Map(samples.map((s) => [s, featureIndices(tokenizer.tokenize(prepareInput(s.text).mapped.text).tokens.map((t) => t.id), vocabulary.length, classes, shapes)]));
const folds = templateFolds(samples, 3);
const grid = [
  { epochs: 4, l2: 1e-4, learningRate: 0.05 },
  { epochs: 4, l2: 1e-3, learningRate: 0.05 },
];

for (const setting of grid) {
  const c = emptyConfusion();
  let loss = 0;
  let n = 0;
  for (const fold of folds) {
    const { weights, bias } = trainLogistic(fold.train.map((s) => ({ features: features.get(s)!, label: s.label })), vocabulary.length, { ...setting, seed: 1 });
    for (const s of fold.validation) {
      const z = logit(features.get(s)!, weights, bias);
      const p = 1 / (1 + Math.exp(-z));
      record(c, s.label, p >= 0.5);
      loss -= Math.log(Math.max(1e-12, s.label === 1 ? p : 1 - p));
      n++;
    }
  }
  const r = rates(c);
  console.log(`| ${shapes} | ${setting.epochs} | ${setting.l2} | ${setting.learningRate} | ${r.f1.toFixed(4)} | ${r.recall.toFixed(4)} | ${(100 * r.fpr).toFixed(2)}% | ${(loss / n).toFixed(4)} |`);
}
}
