import { Rng } from "../../src/corpus/rng.js";
import { CONTEXT_TOKENS } from "../../src/context/sql-context.js";
import { BIGRAM_MULTIPLIER } from "./ngram-model.js";

/**
 * The nonlinear part of the model: an embedding bag over the unigrams (context markers
 * included) and hashed bigrams, one ReLU hidden layer, one output. Its logit is added to
 * the linear n-gram logit, so the linear tables keep what they learn well and the hidden
 * units can learn combinations (a context marker overriding stacked-query n-grams).
 *
 * Attribution: with the ReLU gates fixed at their values for this input, the MLP logit is
 * linear in the bag, so `z_mlp = Σ_j e_j · g + gatedBias` with `g = W1ᵀ (w2 ⊙ gate)`. Each
 * unigram / bigram position's `e_j · g` is added to its linear weight, which keeps every
 * reason an exact share of the logit (gradient × input, exact for a piecewise-linear net).
 */

/** Buckets of the bag's hashed bigram rows (after the vocabulary rows). */
export const BAG_BIGRAM_BUCKETS = 16381;

/** Shape and weights of the bag MLP. */
export interface BagMlp {
  /** Embedding width. */
  readonly dim: number;
  /** Hidden units. */
  readonly hidden: number;
  /** Whether hashed bigrams are in the bag (else unigrams and markers only). */
  readonly bigrams: boolean;
  /**
   * When set, the bag reads coarse rows instead of token ids: each context marker its own
   * row, every other token the row of its token class (id → row). Such a bag cannot
   * memorize a template's words, only how the context readings combine with the shape.
   */
  readonly rowTable?: Int32Array;
  /** Whether the bag is the mean of its rows (else the sum), so input length is no feature. */
  readonly mean: boolean;
  /** Rows: vocabulary ids, then bigram buckets; row-major `[rows, dim]`. */
  readonly embedding: Float32Array;
  /** Hidden weights, row-major `[hidden, dim]`. */
  readonly w1: Float32Array;
  /** Hidden biases `[hidden]`. */
  readonly b1: Float32Array;
  /** Output weights `[hidden]`. */
  readonly w2: Float32Array;
}

/** Bag row of the bigram (a, b). */
export function bagBigramRow(a: number, b: number, vocabularySize: number): number {
  return vocabularySize + ((a * BIGRAM_MULTIPLIER + b) % BAG_BIGRAM_BUCKETS);
}

/** Bag rows of one token sequence: every unigram, then (when `bigrams`) every bigram. */
export function bagRows(ids: readonly number[], vocabularySize: number, bigrams = true, rowTable?: Int32Array): Int32Array {
  const n = ids.length;
  if (rowTable) return Int32Array.from(ids, (id) => rowTable[id]!);
  const out = new Int32Array(n + (bigrams ? Math.max(0, n - 1) : 0));
  for (let i = 0; i < n; i++) out[i] = ids[i]!;
  if (bigrams) for (let i = 0; i + 1 < n; i++) out[n + i] = bagBigramRow(ids[i]!, ids[i + 1]!, vocabularySize);
  return out;
}

/** A fresh, seeded MLP (small uniform embeddings, He-scaled hidden weights). */
export function initBagMlp(vocabularySize: number, dim: number, hidden: number, bigrams: boolean, seed: number, rowTable?: Int32Array, mean = false): BagMlp {
  const rng = new Rng(seed);
  const uniform = (scale: number) => (2 * rng.next() - 1) * scale;
  const rowCount = rowTable ? Math.max(...rowTable) + 1 : vocabularySize + (bigrams ? BAG_BIGRAM_BUCKETS : 0);
  const embedding = Float32Array.from({ length: rowCount * dim }, () => uniform(0.05));
  const w1 = Float32Array.from({ length: hidden * dim }, () => uniform(Math.sqrt(6 / dim)));
  const w2 = Float32Array.from({ length: hidden }, () => uniform(Math.sqrt(3 / hidden)));
  return { dim, hidden, mean, bigrams: bigrams && !rowTable, ...(rowTable ? { rowTable } : {}), embedding, w1, b1: new Float32Array(hidden).fill(0.01), w2 };
}

/** The coarse id → row table: markers first (one row each), then one row per token class. */
export function coarseRowTable(vocabulary: readonly string[], classes: Int32Array): Int32Array {
  const markerRow = new Map(CONTEXT_TOKENS.map((token, i) => [token, i]));
  return Int32Array.from(vocabulary, (token, id) => markerRow.get(token) ?? CONTEXT_TOKENS.length + classes[id]!);
}

/** Forward state of one input (kept for the backward pass). */
export interface BagForward {
  readonly bag: Float32Array;
  readonly pre: Float32Array;
  readonly z: number;
}

/** The MLP's logit for one list of bag rows. */
export function bagForward(mlp: BagMlp, rows: Int32Array): BagForward {
  const { dim, hidden, embedding, w1, b1, w2 } = mlp;
  const bag = new Float32Array(dim);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * dim;
    for (let d = 0; d < dim; d++) bag[d]! += embedding[base + d]!;
  }
  if (mlp.mean && rows.length > 0) for (let d = 0; d < dim; d++) bag[d]! /= rows.length;
  const pre = new Float32Array(hidden);
  let z = 0;
  for (let h = 0; h < hidden; h++) {
    let s = b1[h]!;
    for (let d = 0; d < dim; d++) s += w1[h * dim + d]! * bag[d]!;
    pre[h] = s;
    if (s > 0) z += w2[h]! * s;
  }
  return { bag, pre, z };
}

/** Adam state for the MLP (lazy for embedding rows: only rows an example touches move). */
export class BagMlpAdam {
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private t = 0;

  /** `rate` is Adam's step size; `l2` decays the touched rows and the dense weights. */
  constructor(
    private readonly mlp: BagMlp,
    private readonly rate: number,
    private readonly l2: number,
  ) {
    const params = [mlp.embedding, mlp.w1, mlp.b1, mlp.w2];
    this.m = params.map((p) => new Float32Array(p.length));
    this.v = params.map((p) => new Float32Array(p.length));
  }

  /** One step on one example whose logit gradient is `dz`. */
  step(rows: Int32Array, forward: BagForward, dz: number): void {
    const { dim, hidden, embedding, w1, b1, w2 } = this.mlp;
    this.t++;
    const correction1 = 1 - 0.9 ** this.t;
    const correction2 = 1 - 0.999 ** this.t;
    const update = (which: number, param: Float32Array, index: number, gradient: number) => {
      const g = gradient + this.l2 * param[index]!;
      const m = (this.m[which]![index] = 0.9 * this.m[which]![index]! + 0.1 * g);
      const v = (this.v[which]![index] = 0.999 * this.v[which]![index]! + 0.001 * g * g);
      param[index]! -= (this.rate * (m / correction1)) / (Math.sqrt(v / correction2) + 1e-8);
    };
    const dBag = new Float32Array(dim);
    for (let h = 0; h < hidden; h++) {
      const active = forward.pre[h]! > 0;
      const a = active ? forward.pre[h]! : 0;
      const dPre = active ? dz * w2[h]! : 0;
      if (active) for (let d = 0; d < dim; d++) dBag[d]! += dPre * w1[h * dim + d]!;
      for (let d = 0; d < dim; d++) update(1, w1, h * dim + d, dPre * forward.bag[d]!);
      update(2, b1, h, dPre);
      update(3, w2, h, dz * a);
    }
    // A row that occurs k times gets k times the bag gradient, in one step.
    const counts = new Map<number, number>();
    for (let r = 0; r < rows.length; r++) counts.set(rows[r]!, (counts.get(rows[r]!) ?? 0) + 1);
    const scale = this.mlp.mean && rows.length > 0 ? 1 / rows.length : 1;
    for (const [row, count] of counts) for (let d = 0; d < dim; d++) update(0, embedding, row * dim + d, count * scale * dBag[d]!);
  }
}
