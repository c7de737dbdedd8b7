import type { AttackFamily } from "../corpus/attack-templates.js";

/** The two classes. */
export type InjectionLabel = "benign" | "injection";

/** A half-open range of UTF-16 offsets into the classified input. */
export interface TextRange {
  /** First offset. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
}

/**
 * Why the classifier decided as it did. `ngram` reasons name a span of the input and
 * its exact contribution to the logit (the model is linear in its n-grams); `context`
 * reasons say how the input reads as SQL in the places a value is spliced into (a
 * whole query, a number, inside '…' or "…"), over the whole input, with their exact
 * contribution too; `note` reasons say what was done to the input (truncation,
 * decoding, repairs).
 */
export interface ClassificationReason {
  /** `ngram` for evidence from the text, `context` for how it reads as SQL, `note` for input handling. */
  readonly kind: "ngram" | "context" | "note";
  /** One readable sentence. */
  readonly message: string;
  /** The input text of the span (ngram and context). */
  readonly text?: string;
  /** Where the span is in the input (ngram and context; context covers the whole input). */
  readonly range?: TextRange;
  /** Contribution to the injection logit: positive pushes toward injection (ngram and context). */
  readonly contribution?: number;
}

/** The result of classifying one text. */
export interface Classification {
  /** The decision at the classifier's threshold. */
  readonly label: InjectionLabel;
  /** Calibrated probability that the text is an injection, in [0, 1]. */
  readonly score: number;
  /** The attack family suggested by the tokens, when the label is `injection`. */
  readonly family?: AttackFamily;
  /** The strongest evidence, strongest first, after any notes. */
  readonly reasons: ClassificationReason[];
}

/**
 * The part of a cache the classifier uses; `@sextant/tiered-cache` satisfies it
 * structurally. Keys are namespaced `patterns:classify:<model>:<content hash>`.
 */
export interface ClassificationCache {
  /** Returns the cached value for `key`, or stores and returns what `factory` makes. */
  getOrSet(key: string, factory: () => Promise<Classification>): Promise<Classification>;
}
