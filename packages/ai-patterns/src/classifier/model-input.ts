import { analyseContext, type ContextMarker } from "../context/sql-context.js";
import type { SqlTokenizer, Token, Tokenization } from "../tokenizer/sql-tokenizer.js";

/** What the model reads for one text: `[CLS]`, the context markers, the text's tokens, `[SEP]`. */
export interface ModelInput extends Tokenization {
  /** The context markers, in the order they follow `[CLS]`. */
  readonly markers: readonly ContextMarker[];
}

/**
 * Tokenizes a prepared text the way the model was trained: the context markers of
 * {@link analyseContext} go right after `[CLS]`, then the text's own tokens. Equal to
 * what transformers.js computes for `contextPrefix(text) + text` (markers are added
 * tokens there); marker tokens get the empty span at 0, text tokens keep offsets into
 * `text`.
 */
export function tokenizeForModel(tokenizer: SqlTokenizer, text: string): ModelInput {
  const markers = analyseContext(text);
  const prefix = markers.map((m) => m.token).join("");
  const { tokens, truncated } = tokenizer.tokenize(prefix + text);
  const shift = prefix.length;
  const shifted: Token[] = tokens.map((t) => (t.start < shift && t.id !== tokenizer.clsId ? { ...t, start: 0, end: 0 } : t.start === 0 && t.end === 0 ? t : { ...t, start: t.start - shift, end: t.end - shift }));
  return { tokens: shifted, truncated, markers };
}
