import { Rng } from "../../src/corpus/rng.js";
import { flatSize, logit } from "./ngram-model.js";
import { BagMlpAdam, bagForward, initBagMlp, type BagMlp } from "./bag-mlp.js";

/** One training example: its feature indices and label. */
export interface Example {
  /** Flat feature indices (see `featureIndices`). */
  readonly features: Int32Array;
  /** 1 = injection. */
  readonly label: 0 | 1;
  /** Bag rows for the MLP part (see `bagRows`); needed when training with `mlp`. */
  readonly rows?: Int32Array;
}

/** Settings of the optional bag MLP trained jointly with the linear model. */
export interface MlpOptions {
  /** Embedding width. */
  readonly dim: number;
  /** Hidden units. */
  readonly hidden: number;
  /** Whether hashed bigrams are in the bag (else unigrams and context markers only). */
  readonly bigrams: boolean;
  /** Coarse rows (markers + token classes, see `coarseRowTable`) instead of token ids. */
  readonly rowTable?: Int32Array;
  /** Mean instead of sum pooling. */
  readonly mean?: boolean;
  /** Adam step size. */
  readonly rate: number;
  /** L2 decay of the MLP weights an example touches. */
  readonly l2: number;
}

/** Hyper-parameters of a training run. */
export interface TrainOptions {
  /** Passes over the data. Defaults to 8. */
  readonly epochs?: number;
  /** AdaGrad base learning rate. Defaults to 0.2. */
  readonly learningRate?: number;
  /** L2 penalty, applied to the weights an example touches. Defaults to 1e-5. */
  readonly l2?: number;
  /** Seed of the shuffles. Defaults to 7. */
  readonly seed?: number;
  /**
   * Feature dropout: each feature occurrence of an example is left out of a step with
   * this probability (the kept ones scaled by 1 / (1 − p), so inference needs no change).
   * It keeps the model from leaning on the few n-grams of a template and spreads weight
   * over redundant evidence (context markers, shapes). Defaults to 0.
   */
  readonly dropout?: number;
  /** When given, a bag MLP (bag-mlp.ts) is trained jointly; its logit adds to the linear one. */
  readonly mlp?: MlpOptions;
  /** Called after each epoch with the mean training loss. */
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Trains logistic regression on sparse count features with AdaGrad (plain
 * Float32Array math). Classes are weighted so benign and injection count equally.
 * Returns flat weights and the bias.
 */
export function trainLogistic(examples: readonly Example[], vocabularySize: number, options: TrainOptions = {}): { weights: Float32Array; bias: number; mlp?: BagMlp } {
  const size = flatSize(vocabularySize);
  const weights = new Float32Array(size);
  const squares = new Float32Array(size);
  let bias = 0;
  let biasSquares = 0;
  const epochs = options.epochs ?? 8;
  const rate = options.learningRate ?? 0.2;
  const l2 = options.l2 ?? 1e-5;
  const rng = new Rng(options.seed ?? 7);
  const dropout = options.dropout ?? 0;
  // A separate stream, so runs without dropout draw the same shuffles as before.
  const dropoutRng = new Rng((options.seed ?? 7) + 1000);
  const positives = examples.filter((e) => e.label === 1).length;
  const classWeight = [examples.length / (2 * Math.max(1, examples.length - positives)), examples.length / (2 * Math.max(1, positives))];
  const order = examples.map((_, i) => i);
  const mlp = options.mlp ? initBagMlp(vocabularySize, options.mlp.dim, options.mlp.hidden, options.mlp.bigrams, (options.seed ?? 7) + 1, options.mlp.rowTable, options.mlp.mean) : undefined;
  const adam = mlp && options.mlp ? new BagMlpAdam(mlp, options.mlp.rate, options.mlp.l2) : undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    rng.shuffle(order);
    let loss = 0;
    for (const index of order) {
      const example = examples[index]!;
      const forward = mlp ? bagForward(mlp, example.rows!) : undefined;
      let features = example.features;
      let scale = 1;
      if (dropout > 0) {
        const kept: number[] = [];
        for (let i = 0; i < example.features.length; i++) if (dropoutRng.next() >= dropout) kept.push(example.features[i]!);
        features = Int32Array.from(kept);
        scale = 1 / (1 - dropout);
      }
      const z = (logit(features, weights, 0) * scale) + bias + (forward?.z ?? 0);
      const p = sigmoid(z);
      const w = classWeight[example.label]!;
      loss += -w * Math.log(Math.max(1e-12, example.label === 1 ? p : 1 - p));
      const gradient = w * (p - example.label);
      for (let i = 0; i < features.length; i++) {
        const f = features[i]!;
        const g = gradient * scale + l2 * weights[f]!;
        squares[f]! += g * g;
        weights[f]! -= (rate * g) / (Math.sqrt(squares[f]!) + 1e-8);
      }
      if (adam && forward) adam.step(example.rows!, forward, gradient);
      biasSquares += gradient * gradient;
      bias -= (rate * gradient) / (Math.sqrt(biasSquares) + 1e-8);
    }
    options.onEpoch?.(epoch, loss / examples.length);
  }
  return mlp ? { weights, bias, mlp } : { weights, bias };
}

/** Finds the temperature T (logit / T) that minimizes the log-loss on held-aside data. */
export function fitTemperature(logits: readonly number[], labels: readonly (0 | 1)[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.25; t <= 8.0001; t += 0.05) {
    let loss = 0;
    for (let i = 0; i < logits.length; i++) {
      const p = sigmoid(logits[i]! / t);
      loss -= Math.log(Math.max(1e-12, labels[i] === 1 ? p : 1 - p));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return Number(best.toFixed(2));
}

/**
 * The decision threshold with the best F1 on held-aside predictions, from a grid of
 * 0.05 to 0.95 in steps of 0.05 (ties go to the threshold nearest 0.5).
 */
export function chooseThreshold(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let step = 1; step <= 19; step++) {
    const t = step / 20;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < scores.length; i++) {
      const flagged = scores[i]! >= t;
      if (flagged && labels[i] === 1) tp++;
      else if (flagged) fp++;
      else if (labels[i] === 1) fn++;
    }
    const f1 = (2 * tp) / Math.max(1, 2 * tp + fp + fn);
    if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
      best = t;
      bestF1 = f1;
    }
  }
  return best;
}
