import { BIGRAM_MULTIPLIER, CLASSES, HASH_BUCKETS, SHAPE_BUCKETS, SKIP_MULTIPLIER, TRIGRAM_MULTIPLIER, type NgramWeights } from "./ngram-model.js";
import { FLOAT, INT64, type GraphSpec, type Node } from "./onnx-writer.js";

const int64 = (...values: number[]) => BigInt64Array.from(values.map((v) => BigInt(v)));
const INT64_MAX = 9223372036854775807n;

/**
 * The n-gram model as an ONNX graph. Inputs `input_ids` and `attention_mask` (int64
 * [batch, seq]); outputs `logits` [batch, 2] (= [-z/2, z/2], so softmax gives
 * sigmoid(z)) and the per-position contributions `unigram_scores` [batch, seq],
 * `bigram_scores` [batch, seq-1], `trigram_scores` [batch, seq-2] and `skipgram_scores`
 * [batch, seq-2] (token i with token i+2), and the token-class "shape" n-grams
 * `shape4_scores` [batch, seq-3] and `shape5_scores` [batch, seq-4], which the reasons use.
 */
export function ngramGraph(weights: NgramWeights, classTable: Int32Array): GraphSpec {
  const nodes: Node[] = [];
  const op = (op: string, inputs: string[], output: string, attributes?: Node["attributes"]) => {
    nodes.push({ op, inputs, outputs: [output], ...(attributes ? { attributes } : {}) });
    return output;
  };
  // Slices along the sequence axis: [start, end).
  const slice = (input: string, start: string, end: string, output: string) => op("Slice", [input, start, end, "axis_seq"], output);

  const mask = op("Cast", ["attention_mask"], "mask_f", { to: FLOAT });
  const unigram = op("Gather", ["unigram_weight", "input_ids"], "unigram_raw", { axis: 0 });
  op("Mul", [unigram, mask], "unigram_scores");

  const first = slice("input_ids", "at_0", "at_minus_1", "ids_first");
  const second = slice("input_ids", "at_1", "at_end", "ids_second");
  const maskFirst = slice(mask, "at_0", "at_minus_1", "mask_first");
  const maskSecond = slice(mask, "at_1", "at_end", "mask_second");
  const bigramMask = op("Mul", [maskFirst, maskSecond], "bigram_mask");
  const bigramKey = op("Add", [op("Mul", [first, "bigram_multiplier"], "bigram_scaled"), second], "bigram_key");
  const bigramBucket = op("Mod", [bigramKey, "hash_buckets"], "bigram_bucket", { fmod: 0 });
  op("Mul", [op("Gather", ["bigram_weight", bigramBucket], "bigram_raw", { axis: 0 }), bigramMask], "bigram_scores");

  const a = slice("input_ids", "at_0", "at_minus_2", "tri_a");
  const b = slice("input_ids", "at_1", "at_minus_1", "tri_b");
  const c = slice("input_ids", "at_2", "at_end", "tri_c");
  const ma = slice(mask, "at_0", "at_minus_2", "tri_mask_a");
  const mb = slice(mask, "at_1", "at_minus_1", "tri_mask_b");
  const mc = slice(mask, "at_2", "at_end", "tri_mask_c");
  const trigramMask = op("Mul", [op("Mul", [ma, mb], "tri_mask_ab"), mc], "trigram_mask");
  const ab = op("Add", [op("Mul", [a, "bigram_multiplier"], "tri_a_scaled"), b], "tri_ab");
  const trigramKey = op("Add", [op("Mul", [ab, "trigram_multiplier"], "tri_ab_scaled"), c], "trigram_key");
  const trigramBucket = op("Mod", [trigramKey, "hash_buckets"], "trigram_bucket", { fmod: 0 });
  op("Mul", [op("Gather", ["trigram_weight", trigramBucket], "trigram_raw", { axis: 0 }), trigramMask], "trigram_scores");

  const skipMask = op("Mul", [ma, mc], "skip_mask");
  const skipKey = op("Add", [op("Mul", [a, "skip_multiplier"], "skip_scaled"), c], "skip_key");
  const skipBucket = op("Mod", [skipKey, "hash_buckets"], "skip_bucket", { fmod: 0 });
  op("Mul", [op("Gather", ["skipgram_weight", skipBucket], "skip_raw", { axis: 0 }), skipMask], "skipgram_scores");

  // Shape features: n-grams of token classes (a 4-gram table indexed exactly, a hashed
  // 5-gram table). Window k of n covers positions [k, seq - (n - 1 - k)).
  const classes = op("Gather", ["class_table", "input_ids"], "token_classes", { axis: 0 });
  const window = (input: string, n: number, k: number, name: string) => {
    const end = n - 1 - k;
    return slice(input, `at_${k}`, end === 0 ? "at_end" : `at_minus_${end}`, `${name}_${n}_${k}`);
  };
  for (const n of [4, 5]) {
    let key = window(classes, n, 0, "shape_class");
    let windowMask = window(mask, n, 0, "shape_mask");
    for (let k = 1; k < n; k++) {
      key = op("Add", [op("Mul", [key, "class_count"], `shape${n}_scaled_${k}`), window(classes, n, k, "shape_class")], `shape${n}_key_${k}`);
      windowMask = op("Mul", [windowMask, window(mask, n, k, "shape_mask")], `shape${n}_mask_${k}`);
    }
    if (n === 5) key = op("Mod", [key, "shape_buckets"], "shape5_bucket", { fmod: 0 });
    op("Mul", [op("Gather", [`shape${n}_weight`, key], `shape${n}_raw`, { axis: 0 }), windowMask], `shape${n}_scores`);
  }

  const sum = (input: string, output: string) => op("ReduceSum", [input, "axis_seq"], output, { keepdims: 1 });
  const total = op(
    "Add",
    [
      ["unigram", "bigram", "trigram", "skipgram", "shape4", "shape5"]
        .map((name) => sum(`${name}_scores`, `${name}_sum`))
        .reduce((left, right, i) => op("Add", [left, right], `partial_sum_${i}`)),
      "bias",
    ],
    "z",
  );
  op("Mul", [total, "logit_signs"], "logits");

  return {
    name: "sql_injection_ngram",
    doc: "Hashed uni/bi/tri/skip-bigram + token-class 4/5-gram logistic regression over SQL-aware tokens (trained by @sextant/ai-patterns).",
    inputs: [
      { name: "input_ids", type: INT64, dims: ["batch", "sequence"] },
      { name: "attention_mask", type: INT64, dims: ["batch", "sequence"] },
    ],
    outputs: [
      { name: "logits", type: FLOAT, dims: ["batch", 2] },
      { name: "unigram_scores", type: FLOAT, dims: ["batch", "sequence"] },
      { name: "bigram_scores", type: FLOAT, dims: ["batch", "bigrams"] },
      { name: "trigram_scores", type: FLOAT, dims: ["batch", "trigrams"] },
      { name: "skipgram_scores", type: FLOAT, dims: ["batch", "trigrams"] },
      { name: "shape4_scores", type: FLOAT, dims: ["batch", "fourgrams"] },
      { name: "shape5_scores", type: FLOAT, dims: ["batch", "fivegrams"] },
    ],
    initializers: [
      { name: "unigram_weight", type: FLOAT, dims: [weights.unigram.length], data: weights.unigram },
      { name: "bigram_weight", type: FLOAT, dims: [weights.bigram.length], data: weights.bigram },
      { name: "trigram_weight", type: FLOAT, dims: [weights.trigram.length], data: weights.trigram },
      { name: "skipgram_weight", type: FLOAT, dims: [weights.skipgram.length], data: weights.skipgram },
      { name: "shape4_weight", type: FLOAT, dims: [weights.shape4.length], data: weights.shape4 },
      { name: "shape5_weight", type: FLOAT, dims: [weights.shape5.length], data: weights.shape5 },
      { name: "class_table", type: INT64, dims: [classTable.length], data: BigInt64Array.from(classTable, (c) => BigInt(c)) },
      { name: "class_count", type: INT64, dims: [], data: int64(CLASSES) },
      { name: "shape_buckets", type: INT64, dims: [], data: int64(SHAPE_BUCKETS) },
      { name: "bias", type: FLOAT, dims: [], data: weights.bias },
      { name: "logit_signs", type: FLOAT, dims: [2], data: Float32Array.of(-0.5, 0.5) },
      { name: "bigram_multiplier", type: INT64, dims: [], data: int64(BIGRAM_MULTIPLIER) },
      { name: "trigram_multiplier", type: INT64, dims: [], data: int64(TRIGRAM_MULTIPLIER) },
      { name: "skip_multiplier", type: INT64, dims: [], data: int64(SKIP_MULTIPLIER) },
      { name: "hash_buckets", type: INT64, dims: [], data: int64(HASH_BUCKETS) },
      { name: "axis_seq", type: INT64, dims: [1], data: int64(1) },
      { name: "at_0", type: INT64, dims: [1], data: int64(0) },
      { name: "at_1", type: INT64, dims: [1], data: int64(1) },
      { name: "at_2", type: INT64, dims: [1], data: int64(2) },
      { name: "at_3", type: INT64, dims: [1], data: int64(3) },
      { name: "at_4", type: INT64, dims: [1], data: int64(4) },
      { name: "at_minus_1", type: INT64, dims: [1], data: int64(-1) },
      { name: "at_minus_2", type: INT64, dims: [1], data: int64(-2) },
      { name: "at_minus_3", type: INT64, dims: [1], data: int64(-3) },
      { name: "at_minus_4", type: INT64, dims: [1], data: int64(-4) },
      { name: "at_end", type: INT64, dims: [1], data: BigInt64Array.of(INT64_MAX) },
    ],
    nodes,
  };
}
