import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildTokenizerConfig, buildTokenizerJson } from "../../src/tokenizer/tokenizer-files.js";
import { MAX_TOKENS } from "../../src/tokenizer/tokenizer-spec.js";
import { encodeOnnxModel } from "./onnx-writer.js";
import { ngramGraph } from "./onnx-graph.js";
import { HASH_BUCKETS, type NgramWeights } from "./ngram-model.js";
import { TOKEN_CLASSES } from "./token-classes.js";
import type { BagMlp } from "./bag-mlp.js";
import type { MlpOptions } from "./trainer.js";

/** What config.json records about training, for the README and reproducibility. */
export interface TrainingRecord {
  readonly seed: number;
  readonly trainSamples: number;
  readonly validationSamples: number;
  readonly epochs: number;
  /** Whether the model has marker × bigram interaction weights. */
  readonly interactions: boolean;
  /** The bag MLP's settings, when the model has one. */
  readonly mlp?: MlpOptions;
  readonly temperature: number;
  readonly threshold: number;
}

/** Writes the Hugging Face layout: config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx. */
export function writeModelFiles(dir: string, vocabulary: readonly string[], classTable: Int32Array, weights: NgramWeights, mlp: BagMlp | undefined, record: TrainingRecord): { onnxBytes: number } {
  mkdirSync(join(dir, "onnx"), { recursive: true });
  const config = {
    model_type: "bert",
    architectures: ["BertForSequenceClassification"],
    id2label: { "0": "benign", "1": "injection" },
    label2id: { benign: 0, injection: 1 },
    vocab_size: vocabulary.length,
    hidden_size: 1,
    max_position_embeddings: MAX_TOKENS,
    sextant: {
      architecture: `hashed uni/bi/tri/skip-bigram + token-class 4/5-gram${record.interactions ? " + context-marker × bigram" : ""} logistic regression${mlp ? ` + embedding-bag MLP (dim ${mlp.dim}, ${mlp.hidden} ReLU units) over unigrams and hashed bigrams` : ""}`,
      token_classes: TOKEN_CLASSES,
      hash_buckets: HASH_BUCKETS,
      outputs: ["logits", "unigram_scores", "bigram_scores", "trigram_scores", "skipgram_scores", "shape4_scores", "shape5_scores"],
      ...record,
      // Only a model that has interactions says so (older configs stay as they were).
      interactions: record.interactions || undefined,
      // The row table is in the ONNX file; config.json keeps the settings readable.
      ...(record.mlp ? { mlp: { ...record.mlp, rowTable: record.mlp.rowTable ? "markers + token classes" : undefined } } : {}),
    },
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(join(dir, "config.json"), json(config));
  writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(buildTokenizerJson(vocabulary)));
  writeFileSync(join(dir, "tokenizer_config.json"), json(buildTokenizerConfig()));
  const bytes = encodeOnnxModel(ngramGraph(weights, classTable, mlp));
  writeFileSync(join(dir, "onnx", "model.onnx"), bytes);
  return { onnxBytes: bytes.length };
}
