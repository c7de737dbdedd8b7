import type { MappedText } from "../text/mapped-text.js";
import type { ContextMarker } from "../context/sql-context.js";
import type { Token } from "../tokenizer/sql-tokenizer.js";
import type { ClassificationReason } from "./types.js";

/** Per-position contributions of one input, as the ONNX model returns them. */
export interface NgramScores {
  /** Contribution of each token (index = token position). */
  readonly unigram: ArrayLike<number>;
  /** Contribution of each bigram starting at a position. */
  readonly bigram: ArrayLike<number>;
  /** Contribution of each trigram starting at a position. */
  readonly trigram: ArrayLike<number>;
  /** Contribution of each skip-bigram (token i with token i+2) starting at a position. */
  readonly skipgram: ArrayLike<number>;
  /** Contribution of each token-class 4-gram ("shape") starting at a position. */
  readonly shape4: ArrayLike<number>;
  /** Contribution of each token-class 5-gram starting at a position. */
  readonly shape5: ArrayLike<number>;
}

interface Candidate {
  readonly first: number;
  readonly last: number;
  readonly kind: "ngram" | "skip" | "shape";
  readonly contribution: number;
}

/**
 * Turns the model's per-n-gram contributions into reasons: the `limit` n-grams that
 * pushed hardest toward the decided label, with their spans in the original input.
 * Overlapping n-grams are skipped once a stronger one covers the same tokens. Context
 * markers (tokens 1…markers.length) are explained by what they found, over the whole input.
 */
export function explain(
  tokens: readonly Token[],
  scores: NgramScores,
  mapped: MappedText,
  original: string,
  injection: boolean,
  limit = 5,
  markers: readonly ContextMarker[] = [],
): ClassificationReason[] {
  const sign = injection ? 1 : -1;
  const candidates: Candidate[] = [];
  const n = tokens.length;
  // Only evidence for the decided label can explain it, so the rest is never sorted.
  const add = (first: number, last: number, value: number | undefined, kind: Candidate["kind"]) => {
    const contribution = Number(value ?? 0);
    if (sign * contribution > 0) candidates.push({ first, last, contribution, kind });
  };
  for (let i = 1; i < n - 1; i++) add(i, i, scores.unigram[i], "ngram");
  for (let i = 0; i + 1 < n; i++) add(i, i + 1, scores.bigram[i], "ngram");
  for (let i = 0; i + 2 < n; i++) add(i, i + 2, scores.trigram[i], "ngram");
  for (let i = 0; i + 2 < n; i++) add(i, i + 2, scores.skipgram[i], "skip");
  for (let i = 0; i + 3 < n; i++) add(i, i + 3, scores.shape4[i], "shape");
  for (let i = 0; i + 4 < n; i++) add(i, i + 4, scores.shape5[i], "shape");
  candidates.sort((x, y) => sign * y.contribution - sign * x.contribution);

  const reasons: ClassificationReason[] = [];
  const covered = new Set<string>();
  for (const candidate of candidates) {
    if (reasons.length >= limit || sign * candidate.contribution <= 0) break;
    // A span already explained by stronger evidence is not explained again.
    const key = `${candidate.first}:${candidate.last}`;
    if (covered.has(key)) continue;
    for (let a = candidate.first; a <= candidate.last; a++) for (let b = a; b <= candidate.last; b++) covered.add(`${a}:${b}`);
    reasons.push(describe(tokens, candidate, mapped, original, injection, markers));
  }
  return reasons;
}

function describe(tokens: readonly Token[], candidate: Candidate, mapped: MappedText, original: string, injection: boolean, markers: readonly ContextMarker[]): ClassificationReason {
  const isMarker = (index: number) => index >= 1 && index <= markers.length;
  // The span covers the candidate's text tokens; markers speak about the whole input.
  let firstText = candidate.first;
  while (firstText <= candidate.last && (firstText === 0 || isMarker(firstText))) firstText++;
  const toOriginal = (offset: number) => mapped.origin[Math.min(offset, mapped.text.length)]!;
  const start = firstText > candidate.last ? 0 : toOriginal(tokens[firstText]!.start);
  const end = firstText > candidate.last ? original.length : Math.max(start, toOriginal(tokens[candidate.last]!.end));
  const text = original.slice(start, end);
  const contribution = Number(candidate.contribution.toFixed(4));
  const direction = injection ? "toward injection" : "toward benign";
  if (candidate.first === candidate.last && isMarker(candidate.first)) {
    const marker = markers[candidate.first - 1]!;
    return { kind: "context", message: `${marker.description}: pushes ${direction} (${contribution > 0 ? "+" : ""}${contribution})`, text, range: { start, end }, contribution };
  }
  const shown = (t: Token) => (t.piece === "[CLS]" ? "⟨start⟩" : t.piece === "[SEP]" ? "⟨end⟩" : t.piece);
  const pieces = candidate.kind === "skip" ? [shown(tokens[candidate.first]!), "…", shown(tokens[candidate.last]!)] : tokens.slice(candidate.first, candidate.last + 1).map(shown);
  return {
    kind: firstText > candidate.last ? "context" : "ngram",
    message: `${candidate.kind === "shape" ? "the shape of " : ""}${JSON.stringify(pieces.join(" "))} pushes ${direction} (${contribution > 0 ? "+" : ""}${contribution})`,
    text,
    range: { start, end },
    contribution,
  };
}
