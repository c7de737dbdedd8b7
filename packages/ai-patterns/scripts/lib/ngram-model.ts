import { CLASS_COUNT } from "./token-classes.js";
/**
 * The model trained here: hashed n-gram logistic regression over the SQL-aware
 * tokens. Every unigram, bigram, trigram and skip-bigram (token i with token i+2, which
 * bridges an inserted comment or keyword) occurrence adds its weight to one logit;
 * being linear, each occurrence's weight is also its exact share of the decision,
 * which is what `reasons` reports. The ONNX graph computes the same thing (see
 * onnx-graph.ts); these functions are the training-side reference.
 */

/** Multiplier folding the first id of an n-gram into its hash. */
export const BIGRAM_MULTIPLIER = 7919;
/** Multiplier of the first id of a skip-bigram. */
export const SKIP_MULTIPLIER = 6007;
/** Multiplier folding the bigram hash into the trigram hash. */
export const TRIGRAM_MULTIPLIER = 104729;
/** Buckets of each hashed table (a prime, so the hash spreads). */
export const HASH_BUCKETS = 262139;
/** Buckets of the class 5-gram table. */
export const SHAPE_BUCKETS = 65521;
/** Number of token classes (see token-classes.ts). */
// Derived, not written out: a class added to token-classes.ts must widen the shape tables.
export const CLASSES = CLASS_COUNT;
/** Exact slots of the class 4-gram table (CLASSES⁴). */
export const SHAPE4_SLOTS = CLASSES ** 4;

/** Buckets of the marker × bigram interaction table. */
export const INTERACTION_BUCKETS = 131071;
/** Multiplier folding a bigram key into its interaction key with one context marker. */
export const INTERACTION_MULTIPLIER = 1009;
/**
 * Token positions of the context markers each bigram is conjoined with: the whole-text
 * reading (1), the numeric-position reading (2) and the inside-'…' reading (4) — see
 * src/context/. An interaction weight lets a marker change what a bigram means (e.g. `;
 * UPDATE` in a well-formed script vs after a quote break-out), which a sum of separate
 * marker and bigram weights cannot.
 */
export const INTERACTION_MARKERS: readonly number[] = [1, 2, 4];

/** Weights of one model. */
export interface NgramWeights {
  /** One weight per vocabulary id. */
  readonly unigram: Float32Array;
  /** One weight per bigram bucket. */
  readonly bigram: Float32Array;
  /** One weight per trigram bucket. */
  readonly trigram: Float32Array;
  /** One weight per skip-bigram bucket. */
  readonly skipgram: Float32Array;
  /** One weight per class 4-gram. */
  readonly shape4: Float32Array;
  /** One weight per class 5-gram bucket. */
  readonly shape5: Float32Array;
  /** One weight per marker × bigram interaction bucket (empty when the model has none). */
  readonly interaction: Float32Array;
  /** The bias (a one-element array so the optimizer can update it in place). */
  readonly bias: Float32Array;
}

/** Bucket of the bigram (a, b). */
export function bigramBucket(a: number, b: number): number {
  return (a * BIGRAM_MULTIPLIER + b) % HASH_BUCKETS;
}

/** Bucket of the trigram (a, b, c); exact in doubles since ids are small. */
export function trigramBucket(a: number, b: number, c: number): number {
  return ((a * BIGRAM_MULTIPLIER + b) * TRIGRAM_MULTIPLIER + c) % HASH_BUCKETS;
}

/** Bucket of the skip-bigram (a, _, c). */
export function skipgramBucket(a: number, c: number): number {
  return (a * SKIP_MULTIPLIER + c) % HASH_BUCKETS;
}

/** Bucket of the bigram (a, b) conjoined with the context marker id `marker`; exact in doubles. */
export function interactionBucket(a: number, b: number, marker: number): number {
  return ((a * BIGRAM_MULTIPLIER + b) * INTERACTION_MULTIPLIER + marker) % INTERACTION_BUCKETS;
}

/** Slot of the class 4-gram (a, b, c, d). */
export function shape4Slot(a: number, b: number, c: number, d: number): number {
  return ((a * CLASSES + b) * CLASSES + c) * CLASSES + d;
}

/** Bucket of the class 5-gram (a, b, c, d, e). */
export function shape5Bucket(a: number, b: number, c: number, d: number, e: number): number {
  return (shape4Slot(a, b, c, d) * CLASSES + e) % SHAPE_BUCKETS;
}

/**
 * Feature indices of one token sequence, in one flat index space: unigrams, bigrams,
 * trigrams, skip-bigrams, then class 4-grams and class 5-grams (`classes` maps id → class).
 */
export function featureIndices(ids: readonly number[], vocabularySize: number, classes: Int32Array, shapes = true, interactions = false): Int32Array {
  const n = ids.length;
  const shapeCount = shapes ? Math.max(0, n - 3) + Math.max(0, n - 4) : 0;
  const interactionCount = interactions ? INTERACTION_MARKERS.length * Math.max(0, n - 1) : 0;
  const out = new Int32Array(n + Math.max(0, n - 1) + 2 * Math.max(0, n - 2) + shapeCount + interactionCount);
  let k = 0;
  for (let i = 0; i < n; i++) out[k++] = ids[i]!;
  for (let i = 0; i + 1 < n; i++) out[k++] = vocabularySize + bigramBucket(ids[i]!, ids[i + 1]!);
  for (let i = 0; i + 2 < n; i++) out[k++] = vocabularySize + HASH_BUCKETS + trigramBucket(ids[i]!, ids[i + 1]!, ids[i + 2]!);
  for (let i = 0; i + 2 < n; i++) out[k++] = vocabularySize + 2 * HASH_BUCKETS + skipgramBucket(ids[i]!, ids[i + 2]!);
  if (interactions) {
    // Only sequences with the context markers (tokenizeForModel) have interactions.
    const base = vocabularySize + 3 * HASH_BUCKETS + SHAPE4_SLOTS + SHAPE_BUCKETS;
    for (const position of INTERACTION_MARKERS) {
      const marker = ids[position] ?? 0;
      for (let i = 0; i + 1 < n; i++) out[k++] = base + interactionBucket(ids[i]!, ids[i + 1]!, marker);
    }
  }
  if (!shapes) return out;
  const c = Array.from(ids, (id) => classes[id]!);
  const shapeBase = vocabularySize + 3 * HASH_BUCKETS;
  for (let i = 0; i + 3 < n; i++) out[k++] = shapeBase + shape4Slot(c[i]!, c[i + 1]!, c[i + 2]!, c[i + 3]!);
  for (let i = 0; i + 4 < n; i++) out[k++] = shapeBase + SHAPE4_SLOTS + shape5Bucket(c[i]!, c[i + 1]!, c[i + 2]!, c[i + 3]!, c[i + 4]!);
  return out;
}

/** The logit of a feature list under flat weights (`[unigrams | bigrams | trigrams]`) and a bias. */
export function logit(features: Int32Array, weights: Float32Array, bias: number): number {
  let z = bias;
  for (let i = 0; i < features.length; i++) z += weights[features[i]!]!;
  return z;
}

/** Size of the flat weight vector. */
export function flatSize(vocabularySize: number): number {
  return vocabularySize + 3 * HASH_BUCKETS + SHAPE4_SLOTS + SHAPE_BUCKETS + INTERACTION_BUCKETS;
}

/** Splits flat weights into the seven tables. */
export function splitWeights(flat: Float32Array, bias: number, vocabularySize: number, interactions = true): NgramWeights {
  return {
    unigram: flat.slice(0, vocabularySize),
    bigram: flat.slice(vocabularySize, vocabularySize + HASH_BUCKETS),
    trigram: flat.slice(vocabularySize + HASH_BUCKETS, vocabularySize + 2 * HASH_BUCKETS),
    skipgram: flat.slice(vocabularySize + 2 * HASH_BUCKETS, vocabularySize + 3 * HASH_BUCKETS),
    shape4: flat.slice(vocabularySize + 3 * HASH_BUCKETS, vocabularySize + 3 * HASH_BUCKETS + SHAPE4_SLOTS),
    shape5: flat.slice(vocabularySize + 3 * HASH_BUCKETS + SHAPE4_SLOTS, vocabularySize + 3 * HASH_BUCKETS + SHAPE4_SLOTS + SHAPE_BUCKETS),
    interaction: interactions ? flat.slice(vocabularySize + 3 * HASH_BUCKETS + SHAPE4_SLOTS + SHAPE_BUCKETS) : new Float32Array(0),
    bias: Float32Array.of(bias),
  };
}
