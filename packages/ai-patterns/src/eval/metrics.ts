/** Counts of one binary confusion matrix. */
export interface Confusion {
  /** Injections flagged. */
  tp: number;
  /** Benign flagged. */
  fp: number;
  /** Benign passed. */
  tn: number;
  /** Injections missed. */
  fn: number;
}

/** Precision, recall, F1 and false-positive rate of a confusion matrix (0 when undefined). */
export interface Rates {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly fpr: number;
}

/** An empty matrix. */
export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, tn: 0, fn: 0 };
}

/** Adds one decision. */
export function record(confusion: Confusion, label: 0 | 1, predicted: boolean): void {
  if (label === 1) predicted ? confusion.tp++ : confusion.fn++;
  else predicted ? confusion.fp++ : confusion.tn++;
}

/** The rates of a matrix. */
export function rates(c: Confusion): Rates {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const fpr = c.fp + c.tn === 0 ? 0 : c.fp / (c.fp + c.tn);
  return { precision, recall, f1, fpr };
}

/**
 * The highest threshold at which at least `recall` of the positives score at or above
 * it: "the false-positive rate at a fixed detection rate" is measured there.
 */
export function thresholdForRecall(scores: readonly number[], labels: readonly (0 | 1)[], recall: number): number {
  const positives = scores.filter((_, i) => labels[i] === 1).sort((a, b) => b - a);
  if (positives.length === 0) return 1;
  const index = Math.min(positives.length - 1, Math.max(0, Math.ceil(recall * positives.length) - 1));
  return positives[index]!;
}

/** One bin of a reliability table. */
export interface ReliabilityBin {
  readonly low: number;
  readonly high: number;
  readonly count: number;
  readonly meanScore: number;
  readonly positiveRate: number;
}

/** Expected calibration error over `bins` equal-width score bins, and the bins. */
export function calibration(scores: readonly number[], labels: readonly (0 | 1)[], bins = 10): { ece: number; table: ReliabilityBin[] } {
  const table: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const low = b / bins;
    const high = (b + 1) / bins;
    let count = 0;
    let sum = 0;
    let positives = 0;
    scores.forEach((s, i) => {
      if ((s >= low && s < high) || (b === bins - 1 && s === 1)) {
        count++;
        sum += s;
        positives += labels[i]!;
      }
    });
    const meanScore = count ? sum / count : 0;
    const positiveRate = count ? positives / count : 0;
    ece += (count / Math.max(1, scores.length)) * Math.abs(meanScore - positiveRate);
    table.push({ low, high, count, meanScore, positiveRate });
  }
  return { ece, table };
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
