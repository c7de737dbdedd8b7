import { Rng } from "../../src/corpus/rng.js";
import { flatSize, logit } from "./ngram-model.js";

/** One training example: its feature indices and label. */
export interface Example {
  /** Flat feature indices (see `featureIndices`). */
  readonly features: Int32Array;
  /** 1 = injection. */
  readonly label: 0 | 1;
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
  /** Called after each epoch with the mean training loss. */
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Trains logistic regression on sparse count features with AdaGrad (plain
 * Float32Array math). Classes are weighted so benign and injection count equally.
 * Returns flat weights and the bias.
 */
export function trainLogistic(examples: readonly Example[], vocabularySize: number, options: TrainOptions = {}): { weights: Float32Array; bias: number } {
  const size = flatSize(vocabularySize);
  const weights = new Float32Array(size);
  const squares = new Float32Array(size);
  let bias = 0;
  let biasSquares = 0;
  const epochs = options.epochs ?? 8;
  const rate = options.learningRate ?? 0.2;
  const l2 = options.l2 ?? 1e-5;
  const rng = new Rng(options.seed ?? 7);
  const positives = examples.filter((e) => e.label === 1).length;
  const classWeight = [examples.length / (2 * Math.max(1, examples.length - positives)), examples.length / (2 * Math.max(1, positives))];
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    rng.shuffle(order);
    let loss = 0;
    for (const index of order) {
      const example = examples[index]!;
      const z = logit(example.features, weights, bias);
      const p = sigmoid(z);
      const w = classWeight[example.label]!;
      loss += -w * Math.log(Math.max(1e-12, example.label === 1 ? p : 1 - p));
      const gradient = w * (p - example.label);
      for (let i = 0; i < example.features.length; i++) {
        const f = example.features[i]!;
        const g = gradient + l2 * weights[f]!;
        squares[f]! += g * g;
        weights[f]! -= (rate * g) / (Math.sqrt(squares[f]!) + 1e-8);
      }
      biasSquares += gradient * gradient;
      bias -= (rate * gradient) / (Math.sqrt(biasSquares) + 1e-8);
    }
    options.onEpoch?.(epoch, loss / examples.length);
  }
  return { weights, bias };
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
