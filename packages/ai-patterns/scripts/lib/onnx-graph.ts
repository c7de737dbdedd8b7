import {
  BIGRAM_MULTIPLIER,
  CLASSES,
  HASH_BUCKETS,
  INTERACTION_BUCKETS,
  INTERACTION_MARKERS,
  INTERACTION_MULTIPLIER,
  SHAPE_BUCKETS,
  SKIP_MULTIPLIER,
  TRIGRAM_MULTIPLIER,
  type NgramWeights,
} from "./ngram-model.js";
import { BAG_BIGRAM_BUCKETS, type BagMlp } from "./bag-mlp.js";
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
export function ngramGraph(weights: NgramWeights, classTable: Int32Array, mlp?: BagMlp): GraphSpec {
  const nodes: Node[] = [];
  const op = (op: string, inputs: string[], output: string, attributes?: Node["attributes"]) => {
    nodes.push({ op, inputs, outputs: [output], ...(attributes ? { attributes } : {}) });
    return output;
  };
  // Slices along the sequence axis: [start, end).
  const slice = (input: string, start: string, end: string, output: string) => op("Slice", [input, start, end, "axis_seq"], output);

  const sum = (input: string, output: string) => op("ReduceSum", [input, "axis_seq"], output, { keepdims: 1 });
  const mask = op("Cast", ["attention_mask"], "mask_f", { to: FLOAT });
  const unigram = op("Gather", ["unigram_weight", "input_ids"], "unigram_raw", { axis: 0 });
  // Without the MLP the node order is the linear graph's, so retraining stays byte-identical.
  if (!mlp) op("Mul", [unigram, mask], "unigram_scores");

  const first = slice("input_ids", "at_0", "at_minus_1", "ids_first");
  const second = slice("input_ids", "at_1", "at_end", "ids_second");
  const maskFirst = slice(mask, "at_0", "at_minus_1", "mask_first");
  const maskSecond = slice(mask, "at_1", "at_end", "mask_second");
  const bigramMask = op("Mul", [maskFirst, maskSecond], "bigram_mask");
  const bigramKey = op("Add", [op("Mul", [first, "bigram_multiplier"], "bigram_scaled"), second], "bigram_key");
  const bigramBucket = op("Mod", [bigramKey, "hash_buckets"], "bigram_bucket", { fmod: 0 });
  let bigramRaw = op("Gather", ["bigram_weight", bigramBucket], "bigram_raw", { axis: 0 });
  // Marker × bigram interactions: each bigram's key conjoined with the id of a context
  // marker (a [batch, 1] column, broadcast along the sequence). Their weights are added to
  // the bigram's own, so `bigram_scores` stays that bigram's exact share of the logit.
  if (weights.interaction.length > 0) {
    const interactionBase = op("Mul", [bigramKey, "interaction_multiplier"], "interaction_base");
    for (const position of INTERACTION_MARKERS) {
      const marker = op("Slice", ["input_ids", `at_${position}`, `at_${position + 1}`, "axis_seq"], `marker_${position}`);
      const key = op("Add", [interactionBase, marker], `interaction_key_${position}`);
      const bucket = op("Mod", [key, "interaction_buckets"], `interaction_bucket_${position}`, { fmod: 0 });
      const raw = op("Gather", ["interaction_weight", bucket], `interaction_raw_${position}`, { axis: 0 });
      bigramRaw = op("Add", [bigramRaw, raw], `bigram_with_interaction_${position}`);
    }
  }

  // The bag MLP (bag-mlp.ts): its per-position attributions `e_j · g` are added to the
  // unigram and bigram weights, and its gated bias to the logit, so the scores still sum
  // to the logit exactly.
  let unigramRaw = unigram;
  let mlpBias: string | undefined;
  if (mlp) {
    // Coarse bags read a row per marker / token class (an id → row table) instead of the id.
    const unigramRows = mlp.rowTable ? op("Gather", ["bag_row_table", "input_ids"], "bag_rows", { axis: 0 }) : "input_ids";
    const unigramEmbedding = op("Gather", ["bag_embedding", unigramRows], "bag_unigram", { axis: 0 });
    const unigramSum = op("MatMul", [op("Unsqueeze", [mask, "axis_seq"], "bag_mask_unigram"), unigramEmbedding], "bag_unigram_sum");
    let bigramEmbedding: string | undefined;
    let bag = unigramSum;
    if (mlp.bigrams) {
      const bigramRow = op("Add", [op("Mod", [bigramKey, "bag_buckets"], "bag_bigram_bucket", { fmod: 0 }), "bag_vocabulary"], "bag_bigram_row");
      bigramEmbedding = op("Gather", ["bag_embedding", bigramRow], "bag_bigram", { axis: 0 });
      const bigramSum = op("MatMul", [op("Unsqueeze", [bigramMask, "axis_seq"], "bag_mask_bigram"), bigramEmbedding], "bag_bigram_sum");
      bag = op("Add", [unigramSum, bigramSum], "bag");
    }
    // Mean pooling divides the bag, and so every attribution, by the number of bag rows.
    const rowCount = mlp.mean
      ? op("Unsqueeze", [sum(mlp.bigrams ? op("Add", [sum(mask, "bag_unigram_count"), sum(bigramMask, "bag_bigram_count")], "bag_row_count_sum") : mask, "bag_row_count"), "axis_last"], "bag_row_count_3d")
      : undefined;
    if (rowCount) bag = op("Div", [bag, rowCount], "bag_mean");
    const pre = op("Add", [op("MatMul", [bag, "mlp_w1t"], "mlp_pre_raw"), "mlp_b1"], "mlp_pre");
    const gate = op("Cast", [op("Greater", [pre, "zero_f"], "mlp_active")], "mlp_gate", { to: FLOAT });
    const gatedOut = op("Mul", [gate, "mlp_w2"], "mlp_gated_w2");
    const direction = op("Transpose", [op("MatMul", [gatedOut, "mlp_w1"], "mlp_direction_row")], "mlp_direction", { perm: [0, 2, 1] });
    const scaledDirection = rowCount ? op("Div", [direction, rowCount], "mlp_direction_mean") : direction;
    const attribution = (embedding: string, name: string) => op("Squeeze", [op("MatMul", [embedding, scaledDirection], `${name}_column`), "axis_last"], name);
    unigramRaw = op("Add", [unigram, attribution(unigramEmbedding, "mlp_unigram")], "unigram_with_mlp");
    if (bigramEmbedding) bigramRaw = op("Add", [bigramRaw, attribution(bigramEmbedding, "mlp_bigram")], "bigram_with_mlp");
    mlpBias = op("ReduceSum", [op("Mul", [gatedOut, "mlp_b1"], "mlp_gated_b1"), "axis_last"], "mlp_bias", { keepdims: 0 });
  }
  if (mlp) op("Mul", [unigramRaw, mask], "unigram_scores");
  op("Mul", [bigramRaw, bigramMask], "bigram_scores");

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

  const linear = op(
    "Add",
    [
      ["unigram", "bigram", "trigram", "skipgram", "shape4", "shape5"]
        .map((name) => sum(`${name}_scores`, `${name}_sum`))
        .reduce((left, right, i) => op("Add", [left, right], `partial_sum_${i}`)),
      "bias",
    ],
    mlpBias ? "z_without_mlp_bias" : "z",
  );
  const total = mlpBias ? op("Add", [linear, mlpBias], "z") : linear;
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
      ...(weights.interaction.length > 0
        ? [
            { name: "interaction_weight", type: FLOAT, dims: [weights.interaction.length], data: weights.interaction },
            { name: "interaction_multiplier", type: INT64, dims: [], data: int64(INTERACTION_MULTIPLIER) },
            { name: "interaction_buckets", type: INT64, dims: [], data: int64(INTERACTION_BUCKETS) },
            { name: "at_5", type: INT64, dims: [1], data: int64(5) },
          ]
        : []),
      ...(mlp ? mlpInitializers(mlp, weights.unigram.length) : []),
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

/** Weights and constants of the bag MLP part of the graph. */
function mlpInitializers(mlp: BagMlp, vocabularySize: number): GraphSpec["initializers"] {
  const { dim, hidden } = mlp;
  const transposed = new Float32Array(dim * hidden);
  for (let h = 0; h < hidden; h++) for (let d = 0; d < dim; d++) transposed[d * hidden + h] = mlp.w1[h * dim + d]!;
  return [
    { name: "bag_embedding", type: FLOAT, dims: [mlp.embedding.length / dim, dim], data: mlp.embedding },
    ...(mlp.rowTable ? [{ name: "bag_row_table", type: INT64, dims: [mlp.rowTable.length], data: BigInt64Array.from(mlp.rowTable, (r) => BigInt(r)) }] : []),
    ...(mlp.bigrams
      ? [
          { name: "bag_buckets", type: INT64, dims: [], data: int64(BAG_BIGRAM_BUCKETS) },
          { name: "bag_vocabulary", type: INT64, dims: [], data: int64(vocabularySize) },
        ]
      : []),
    { name: "mlp_w1", type: FLOAT, dims: [hidden, dim], data: mlp.w1 },
    { name: "mlp_w1t", type: FLOAT, dims: [dim, hidden], data: transposed },
    { name: "mlp_b1", type: FLOAT, dims: [hidden], data: mlp.b1 },
    { name: "mlp_w2", type: FLOAT, dims: [hidden], data: mlp.w2 },
    { name: "zero_f", type: FLOAT, dims: [], data: Float32Array.of(0) },
    { name: "axis_last", type: INT64, dims: [1], data: int64(2) },
  ];
}
