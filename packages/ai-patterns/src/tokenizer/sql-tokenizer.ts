import { identityText, mapCodePoints, replaceMatches, type MappedText } from "../text/mapped-text.js";
import { MAX_CHARS_PER_WORD, MAX_TOKENS, NORMALIZER_REPLACEMENTS, PIECE_PATTERN } from "./tokenizer-spec.js";
import { CONTEXT_TOKENS } from "../context/sql-context.js";
import { SPECIAL_TOKENS } from "./vocabulary.js";

/** One token with the span of the input it came from (UTF-16 offsets, end exclusive). */
export interface Token {
  /** Vocabulary id. */
  readonly id: number;
  /** The normalized piece (`[UNK]` pieces keep their text here for explanations). */
  readonly piece: string;
  /** Start offset in the tokenized text. */
  readonly start: number;
  /** End offset in the tokenized text. */
  readonly end: number;
}

/** The result of tokenizing one text. */
export interface Tokenization {
  /** `[CLS]`, the text's tokens, `[SEP]`. */
  readonly tokens: readonly Token[];
  /** True when the text had more than `maxTokens` tokens and the tail was dropped. */
  readonly truncated: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The SQL-aware tokenizer in TypeScript: the same normalizer, pre-tokenizer, WordPiece
 * lookup and template as the model's `tokenizer.json` (run by transformers.js), plus
 * offsets, which transformers.js does not give and the explanations need.
 */
export class SqlTokenizer {
  private readonly ids: Map<string, number>;
  private readonly specialSplitter: RegExp;
  private readonly piecePattern = new RegExp(PIECE_PATTERN, "gu");
  private readonly replacements = NORMALIZER_REPLACEMENTS.map((r) => ({ pattern: new RegExp(r.pattern, "gu"), content: r.content }));
  /** Id of `[UNK]`. */
  readonly unknownId: number;
  /** Id of `[CLS]`. */
  readonly clsId: number;
  /** Id of `[SEP]`. */
  readonly sepId: number;

  /** @param vocabulary tokens in id order. */
  constructor(readonly vocabulary: readonly string[], readonly maxTokens: number = MAX_TOKENS) {
    this.ids = new Map(vocabulary.map((token, id) => [token, id]));
    const id = (token: string) => {
      const value = this.ids.get(token);
      if (value === undefined) throw new Error(`vocabulary lacks the special token ${token}`);
      return value;
    };
    this.unknownId = id("[UNK]");
    this.clsId = id("[CLS]");
    this.sepId = id("[SEP]");
    // transformers.js cuts added tokens out of the raw text before normalizing; do the same.
    const specials = [...SPECIAL_TOKENS, ...CONTEXT_TOKENS.filter((t) => this.ids.has(t))].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.specialSplitter = new RegExp(specials.join("|"), "g");
  }

  /** Number of tokens in the vocabulary. */
  get size(): number {
    return this.vocabulary.length;
  }

  /** Id of a token, or `[UNK]`'s id. */
  idOf(piece: string): number {
    return this.ids.get(piece) ?? this.unknownId;
  }

  /**
   * Normalizes like the model's tokenizer.json: NFKC, lowercase, hex literals → `0x`,
   * digit runs → `0`, keeping a map back to the input.
   */
  normalize(input: MappedText): MappedText {
    let text = mapCodePoints(input, (s) => s.normalize("NFKC"));
    text = mapCodePoints(text, (s) => s.toLowerCase());
    for (const { pattern, content } of this.replacements) text = replaceMatches(text, pattern, content);
    return text;
  }

  /** Tokenizes `text`; offsets are into `text`. */
  tokenize(text: string): Tokenization {
    const tokens: Token[] = [{ id: this.clsId, piece: "[CLS]", start: 0, end: 0 }];
    const budget = this.maxTokens - 1;
    let truncated = false;
    let last = 0;
    const sections: Array<{ start: number; end: number; special?: string }> = [];
    for (const match of text.matchAll(this.specialSplitter)) {
      if (match.index > last) sections.push({ start: last, end: match.index });
      sections.push({ start: match.index, end: match.index + match[0].length, special: match[0] });
      last = match.index + match[0].length;
    }
    if (last < text.length) sections.push({ start: last, end: text.length });

    outer: for (const section of sections) {
      if (section.special !== undefined) {
        if (tokens.length >= budget) {
          truncated = true;
          break;
        }
        tokens.push({ id: this.idOf(section.special), piece: section.special, start: section.start, end: section.end });
        continue;
      }
      const raw = text.slice(section.start, section.end);
      const shifted = identityText(raw);
      const normalized = this.normalize(shifted);
      for (const match of normalized.text.matchAll(this.piecePattern)) {
        if (tokens.length >= budget) {
          truncated = true;
          break outer;
        }
        const piece = match[0];
        const startIndex = match.index;
        const endIndex = startIndex + piece.length;
        const start = section.start + normalized.origin[startIndex]!;
        // The end maps through the last unit of the piece, so a piece made by a
        // replacement still covers the whole original run.
        const endOrigin = endIndex < normalized.text.length ? normalized.origin[endIndex]! : raw.length;
        const end = section.start + Math.max(endOrigin, normalized.origin[endIndex - 1]! + 1);
        const id = countCodePoints(piece) > MAX_CHARS_PER_WORD ? this.unknownId : this.idOf(piece);
        tokens.push({ id, piece, start, end: Math.min(end, text.length) });
      }
    }
    tokens.push({ id: this.sepId, piece: "[SEP]", start: text.length, end: text.length });
    return { tokens, truncated };
  }
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff || i + 1 >= text.length) count++;
    else {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      count++;
    }
  }
  return count;
}
