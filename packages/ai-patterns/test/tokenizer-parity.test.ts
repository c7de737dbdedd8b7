/**
 * The TypeScript tokenizer (used for speed and offsets) must give exactly the ids that
 * transformers.js computes from the shipped tokenizer.json, on corpus text and on
 * seeded random Unicode (including lone surrogates and the special-token strings).
 */
import { AutoTokenizer, env } from "@huggingface/transformers";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCorpus } from "../src/corpus/build-corpus.js";
import { Rng } from "../src/corpus/rng.js";
import { SqlTokenizer } from "../src/tokenizer/sql-tokenizer.js";
import { buildVocabulary } from "../src/tokenizer/vocabulary.js";
import { contextPrefix } from "../src/context/sql-context.js";
import { tokenizeForModel } from "../src/classifier/model-input.js";
import { prepareInput } from "../src/classifier/prepare-input.js";
import { MODELS_DIRECTORY } from "../src/node/index.js";

type HfTokenizer = Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
let hf: HfTokenizer;
const ours = new SqlTokenizer(buildVocabulary(), 100_000);
const hfIds = (text: string) => Array.from(hf(text).input_ids.data as BigInt64Array, Number);
const ourIds = (text: string) => ours.tokenize(text).tokens.map((t) => t.id);

function randomText(rng: Rng): string {
  const alphabets = [
    () => String.fromCharCode(rng.int(32, 126)),
    () => rng.pick([" ", "\t", "\n", "'", '"', "--", "/*", "*/", "||", "0x1F", "[CLS]", "[SEP]", "[PAD]", "[UNK]", "\u27e6stmt:single\u27e7", "\u27e6", "%27", "$1", "@@"]),
    () => String.fromCharCode(rng.int(0xa0, 0x2fff)),
    () => String.fromCharCode(rng.int(0xff01, 0xff5e)),
    () => String.fromCodePoint(rng.int(0x1f300, 0x1faff)),
    () => String.fromCharCode(rng.int(0xd800, 0xdfff)),
    () => rng.pick(["İ", "Σ", "ß", "ﬁ", "é", "e\u0301", "\u200b", "\u00a0", "ǅ"]),
  ];
  return Array.from({ length: rng.int(0, 40) }, () => rng.pick(alphabets)()).join("");
}

describe("tokenizer parity with transformers.js", () => {
  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIRECTORY;
    hf = await AutoTokenizer.from_pretrained("sql-injection-ngram");
  });

  it("uses the same vocabulary", () => {
    expect(hf.model.vocab).toEqual(buildVocabulary());
  });

  it("gives the same ids on 3,000 corpus samples", () => {
    const samples = [...buildCorpus({ split: "train", attacks: 1000, seed: 11 }), ...buildCorpus({ split: "test", attacks: 500, seed: 12 })];
    const mismatches = samples.filter((s) => hfIds(s.text).join() !== ourIds(s.text).join()).map((s) => s.text);
    expect(samples.length).toBeGreaterThan(2500);
    expect(mismatches).toEqual([]);
  });

  it("gives the same ids with the context markers (as the model reads) on 1,500 corpus samples", () => {
    const samples = buildCorpus({ split: "test", attacks: 750, seed: 13 });
    const mismatches = samples
      .map((s) => prepareInput(s.text).mapped.text)
      .filter((text) => hfIds(contextPrefix(text) + text).join() !== tokenizeForModel(ours, text).tokens.map((t) => t.id).join());
    expect(mismatches).toEqual([]);
  });

  it("gives the same ids on 3,000 seeded random Unicode strings", () => {
    const rng = new Rng(2024);
    const mismatches: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const text = randomText(rng);
      if (hfIds(text).join() !== ourIds(text).join()) mismatches.push(JSON.stringify(text));
    }
    expect(mismatches).toEqual([]);
  });

  it("maps token spans back to the input", () => {
    const text = "SELECT * FROM users WHERE name = 'O''Brien' OR 12345=0x1F -- x";
    const { tokens } = ours.tokenize(text);
    const spans = tokens.slice(1, -1).map((t) => text.slice(t.start, t.end));
    expect(spans).toEqual(["SELECT", "*", "FROM", "users", "WHERE", "name", "=", "'", "O", "'", "'", "Brien", "'", "OR", "12345", "=", "0x1F", "--", "x"]);
    expect(tokens.slice(1, -1).map((t) => t.piece)).toContain("0x");
  });
});
