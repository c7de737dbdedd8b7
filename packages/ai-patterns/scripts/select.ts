/**
 * Model selection by grouped cross-validation over the TRAINING templates only (the
 * test split is never read): for each candidate setting, train on two thirds of the
 * templates and score the unseen third. Prints a table; train.ts hard-codes the winner.
 * Run: node scripts/run-script.mjs scripts/select.ts
 */
import { buildCorpus } from "../src/corpus/build-corpus.js";
import { prepareInput } from "../src/classifier/prepare-input.js";
import { tokenizeForModel } from "../src/classifier/model-input.js";
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
// `--only-context` skips the runs without context markers (their figures are in the README).
const contexts = process.argv.includes("--only-context") ? [true] : [false, true];
console.log("| context markers | shape features | epochs | l2 | rate | out-of-template F1 | recall | FPR | FPR benign SQL | log-loss |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const context of contexts) {
const shapes = true;
const idsOf = (text: string) => {
  const prepared = prepareInput(text).mapped.text;
  return (context ? tokenizeForModel(tokenizer, prepared) : tokenizer.tokenize(prepared)).tokens.map((t) => t.id);
};
const features = new Map(samples.map((s) => [s, featureIndices(idsOf(s.text), vocabulary.length, classes, shapes)]));
const folds = templateFolds(samples, 3);
const grid = [
  { epochs: 4, l2: 1e-4, learningRate: 0.05 },
  { epochs: 4, l2: 1e-3, learningRate: 0.05 },
  ...(process.argv.includes("--wide") ? [{ epochs: 4, l2: 3e-3, learningRate: 0.05 }, { epochs: 8, l2: 1e-3, learningRate: 0.05 }, { epochs: 4, l2: 1e-3, learningRate: 0.1 }] : []),
];

for (const setting of grid) {
  // Out-of-template errors per training template (`--errors` prints them): where to look next.
  const errorsByTemplate = new Map<string, string[]>();
  const c = emptyConfusion();
  const sql = emptyConfusion();
  let loss = 0;
  let n = 0;
  for (const fold of folds) {
    const { weights, bias } = trainLogistic(fold.train.map((s) => ({ features: features.get(s)!, label: s.label })), vocabulary.length, { ...setting, seed: 1 });
    for (const s of fold.validation) {
      const z = logit(features.get(s)!, weights, bias);
      const p = 1 / (1 + Math.exp(-z));
      record(c, s.label, p >= 0.5);
      if ((p >= 0.5 ? 1 : 0) !== s.label) errorsByTemplate.set(`${s.template}${s.evasion ? ` + ${s.evasion}` : ""}`, [...(errorsByTemplate.get(`${s.template}${s.evasion ? ` + ${s.evasion}` : ""}`) ?? []), s.text]);
      if (s.group !== "benign-text") record(sql, s.label, p >= 0.5);
      loss -= Math.log(Math.max(1e-12, s.label === 1 ? p : 1 - p));
      n++;
    }
  }
  const r = rates(c);
  if (process.argv.includes("--errors")) {
    for (const [template, texts] of [...errorsByTemplate].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`${template}: ${texts.length} errors, e.g. ${texts.slice(0, 3).map((t) => JSON.stringify(t)).join("  ")}`);
    }
  }
  console.log(`| ${context} | ${shapes} | ${setting.epochs} | ${setting.l2} | ${setting.learningRate} | ${r.f1.toFixed(4)} | ${r.recall.toFixed(4)} | ${(100 * r.fpr).toFixed(2)}% | ${(100 * rates(sql).fpr).toFixed(2)}% | ${(loss / n).toFixed(4)} |`);
}
}
