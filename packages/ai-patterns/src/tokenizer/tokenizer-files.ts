import { MAX_CHARS_PER_WORD, MAX_TOKENS, NORMALIZER_REPLACEMENTS, PIECE_PATTERN } from "./tokenizer-spec.js";
import { CONTEXT_TOKENS } from "../context/sql-context.js";
import { SPECIAL_TOKENS } from "./vocabulary.js";

/**
 * Builds the Hugging Face `tokenizer.json` for a vocabulary: NFKC + lowercase +
 * the class replacements, a `Split` pre-tokenizer that keeps the matches of
 * `PIECE_PATTERN`, a WordPiece model without sub-word pieces, and the BERT
 * template `[CLS] $A [SEP]`.
 */
export function buildTokenizerJson(vocabulary: readonly string[]): Record<string, unknown> {
  const id = (token: string) => vocabulary.indexOf(token);
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    // The context markers are added tokens too, so they are cut out of the text whole.
    added_tokens: [...SPECIAL_TOKENS, ...CONTEXT_TOKENS.filter((t) => vocabulary.includes(t))].map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "Sequence",
      normalizers: [
        { type: "NFKC" },
        { type: "Lowercase" },
        ...NORMALIZER_REPLACEMENTS.map((r) => ({ type: "Replace", pattern: { Regex: r.pattern }, content: r.content })),
      ],
    },
    pre_tokenizer: { type: "Split", pattern: { Regex: PIECE_PATTERN }, behavior: "Isolated", invert: true },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [id("[CLS]")], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [id("[SEP]")], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: false },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: MAX_CHARS_PER_WORD,
      vocab: Object.fromEntries(vocabulary.map((token, index) => [token, index])),
    },
  };
}

/** Builds `tokenizer_config.json` (the BERT tokenizer class, special tokens, max length). */
export function buildTokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: MAX_TOKENS,
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    clean_up_tokenization_spaces: false,
  };
}
