import { AutoModelForSequenceClassification, AutoTokenizer, Tensor, env } from "@huggingface/transformers";
import { contextPrefix } from "../context/sql-context.js";
import { SqlTokenizer } from "../tokenizer/sql-tokenizer.js";
import { contentKey } from "./content-key.js";
import { explain } from "./explain.js";
import { tagFamily } from "./family-tagger.js";
import { tokenizeForModel, type ModelInput } from "./model-input.js";
import { DEFAULT_MAX_CHARS, prepareInput, type PreparedInput } from "./prepare-input.js";
import { scriptStatements } from "./script-statements.js";
import type { Classification, ClassificationCache, ClassificationReason } from "./types.js";

/** The model that ships in the package's `models/` folder. */
export const DEFAULT_MODEL_ID = "sql-injection-ngram";

/** Options of {@link createInjectionClassifier}. */
export interface InjectionClassifierOptions {
  /**
   * Where model folders live: a directory path in Node, a URL prefix in browsers
   * (e.g. `"/models/"`). Nothing is fetched from the Hugging Face Hub: remote loading
   * is switched off in transformers.js before the model loads.
   */
  readonly modelPath: string;
  /** Folder name of the model under `modelPath`. Defaults to `"sql-injection-ngram"`. */
  readonly modelId?: string;
  /** Probability at or above which the label is `injection`. Defaults to the model's (0.5). */
  readonly threshold?: number;
  /** Inputs longer than this many UTF-16 code units are cut, with a note. Defaults to 16 384. */
  readonly maxChars?: number;
  /** Texts per model call in `classifyBatch`. Defaults to 64. */
  readonly batchSize?: number;
  /** How many n-gram reasons to return. Defaults to 5. */
  readonly maxReasons?: number;
  /** Caches results by content hash when given (e.g. a `@sextant/tiered-cache` instance). */
  readonly cache?: ClassificationCache;
  /**
   * Browser only: where onnxruntime-web finds its `.wasm`/`.mjs` files (a URL prefix).
   * Defaults to transformers.js's own setting, which points at a CDN, so set it offline.
   */
  readonly wasmPaths?: string;
}

/** A loaded classifier. */
export interface InjectionClassifier {
  /** Classifies one text. Never throws on any string input. */
  classify(text: string): Promise<Classification>;
  /** Classifies many texts with batched model calls; results are in input order. */
  classifyBatch(texts: readonly string[]): Promise<Classification[]>;
  /** The model's folder name. */
  readonly modelId: string;
  /** The decision threshold in use. */
  readonly threshold: number;
  /** The TypeScript tokenizer (same ids as the model's tokenizer.json, plus offsets). */
  readonly tokenizer: SqlTokenizer;
  /** Frees the ONNX session. */
  dispose(): Promise<void>;
}

interface ModelOutputs {
  logits: { data: ArrayLike<number> };
  unigram_scores: { data: ArrayLike<number>; dims: number[] };
  bigram_scores: { data: ArrayLike<number>; dims: number[] };
  trigram_scores: { data: ArrayLike<number>; dims: number[] };
  skipgram_scores: { data: ArrayLike<number>; dims: number[] };
  shape4_scores: { data: ArrayLike<number>; dims: number[] };
  shape5_scores: { data: ArrayLike<number>; dims: number[] };
}

// Strings whose ids the TypeScript tokenizer and transformers.js must agree on before
// the classifier is used: a changed tokenizer.json must fail loudly, not classify wrongly.
const PROBES = ["SELECT * FROM t WHERE a = 1 OR 1=1 --", "O'Brien <o@x.io> ＵＮＩＯＮ 0x41 /*!50000x*/ [CLS]", "12345||12345 $1 @@version"];

/**
 * Loads the classifier through `@huggingface/transformers` (tokenizer.json for the
 * vocabulary, onnx/model.onnx for the weights) with remote loading disabled. Runs in
 * Node (onnxruntime-node) and in browsers (onnxruntime-web).
 */
export async function createInjectionClassifier(options: InjectionClassifierOptions): Promise<InjectionClassifier> {
  // JavaScript callers get a sentence, not "cannot read properties of undefined".
  if (typeof options?.modelPath !== "string" || options.modelPath === "") {
    throw new TypeError(
      "createInjectionClassifier needs options.modelPath, the folder (or URL path) that holds the model files; in Node, createNodeClassifier() from @sextant/ai-patterns/node finds the package's own models",
    );
  }
  const modelId = options.modelId ?? DEFAULT_MODEL_ID;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = options.modelPath.endsWith("/") ? options.modelPath : `${options.modelPath}/`;
  const wasm = env.backends.onnx?.wasm;
  if (options.wasmPaths && wasm) {
    wasm.wasmPaths = options.wasmPaths;
    wasm.numThreads = 1;
  }
  const hfTokenizer = await AutoTokenizer.from_pretrained(modelId);
  // One intra-op thread: the graph is a handful of gathers and sums, too small for a
  // thread pool to speed up, and on a shared machine the pool's spinning costs CPU.
  const model = await AutoModelForSequenceClassification.from_pretrained(modelId, {
    dtype: "fp32",
    session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  });
  const config = model.config as unknown as { sextant?: { threshold?: number }; max_position_embeddings?: number };
  const tokenizer = new SqlTokenizer(hfTokenizer.model.vocab, config.max_position_embeddings);
  for (const probe of PROBES) {
    // With the context markers, as the model reads it: a model whose tokenizer.json
    // lacks the markers (an older model) fails here instead of scoring with [UNK]s.
    const expected = Array.from(hfTokenizer(contextPrefix(probe) + probe).input_ids.data as BigInt64Array, Number);
    const actual = tokenizeForModel(tokenizer, probe).tokens.map((t) => t.id);
    if (expected.join() !== actual.join()) {
      throw new Error(`model "${modelId}": its tokenizer.json does not match this version of @sextant/ai-patterns (probe ${JSON.stringify(probe)})`);
    }
  }
  const threshold = options.threshold ?? config.sextant?.threshold ?? 0.5;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const batchSize = Math.max(1, options.batchSize ?? 64);
  const maxReasons = options.maxReasons ?? 5;

  interface Prepared {
    readonly text: string;
    readonly input: PreparedInput;
    readonly tokenization: ModelInput;
    /** A script of statements each ended by `;` is scored statement by statement (script-statements.ts). */
    readonly statements?: readonly Prepared[];
  }

  const prepare = (text: string): Prepared => {
    const input = prepareInput(text, maxChars);
    const original = typeof text === "string" ? text : String(text);
    const tokenization = tokenizeForModel(tokenizer, input.mapped.text);
    const statements = scriptStatements(input.mapped, tokenization.markers)?.map((mapped) => ({
      text: original,
      input: { mapped, notes: input.notes },
      tokenization: tokenizeForModel(tokenizer, mapped.text),
    }));
    return { text: original, input, tokenization, ...(statements ? { statements } : {}) };
  };

  /** The highest-scoring statement's result stands for a script, with a note that says so. */
  const combine = (prepared: Prepared, results: readonly Classification[]): Classification => {
    if (!prepared.statements) return results[0]!;
    let top = 0;
    results.forEach((r, i) => (top = r.score > results[top]!.score ? i : top));
    const chosen = results[top]!;
    const notes = chosen.reasons.filter((r) => r.kind === "note");
    const note: ClassificationReason = {
      kind: "note",
      message: `read as a script of ${results.length} statements each ended by ';': scored statement by statement; the score is that of statement ${top + 1}, the highest`,
    };
    return { ...chosen, reasons: [...notes, note, ...chosen.reasons.filter((r) => r.kind !== "note")] };
  };

  /** One model call for a group of prepared texts (padded to the longest). */
  async function runBatch(batch: readonly Prepared[]): Promise<Classification[]> {
    const width = Math.max(...batch.map((p) => p.tokenization.tokens.length));
    const ids = new BigInt64Array(batch.length * width);
    const mask = new BigInt64Array(batch.length * width);
    batch.forEach((p, row) => {
      p.tokenization.tokens.forEach((token, column) => {
        ids[row * width + column] = BigInt(token.id);
        mask[row * width + column] = 1n;
      });
    });
    const shape = [batch.length, width];
    const outputs = (await model.forward({ input_ids: new Tensor("int64", ids, shape), attention_mask: new Tensor("int64", mask, shape) })) as ModelOutputs;
    const rowOf = (data: ArrayLike<number>, row: number, size: number) => Array.prototype.slice.call(data, row * size, (row + 1) * size) as number[];
    return batch.map((p, row) => {
      const z = Number(outputs.logits.data[row * 2 + 1]) - Number(outputs.logits.data[row * 2]);
      const score = 1 / (1 + Math.exp(-z));
      const injection = score >= threshold;
      const { tokens, truncated } = p.tokenization;
      const reasons: ClassificationReason[] = p.input.notes.map((message) => ({ kind: "note", message }));
      if (truncated) reasons.push({ kind: "note", message: `input truncated: only the first ${tokenizer.maxTokens - 2} tokens were classified` });
      const scores = {
        unigram: rowOf(outputs.unigram_scores.data, row, width),
        bigram: rowOf(outputs.bigram_scores.data, row, Math.max(0, width - 1)),
        trigram: rowOf(outputs.trigram_scores.data, row, Math.max(0, width - 2)),
        skipgram: rowOf(outputs.skipgram_scores.data, row, Math.max(0, width - 2)),
        shape4: rowOf(outputs.shape4_scores.data, row, Math.max(0, width - 3)),
        shape5: rowOf(outputs.shape5_scores.data, row, Math.max(0, width - 4)),
      };
      reasons.push(...explain(tokens, scores, p.input.mapped, p.text, injection, maxReasons, p.tokenization.markers));
      const family = injection ? tagFamily(tokens.slice(1 + p.tokenization.markers.length).map((t) => t.piece)) : undefined;
      return { label: injection ? "injection" : "benign", score, ...(family ? { family } : {}), reasons };
    });
  }

  async function classifyMany(texts: readonly string[]): Promise<Classification[]> {
    const prepared = texts.map(prepare);
    // What the model scores: each text, or each statement of a script.
    const units = prepared.flatMap((p) => p.statements ?? [p]);
    // Batching texts of similar length keeps padding (wasted model work) small.
    const order = units.map((_, i) => i).sort((a, b) => units[a]!.tokenization.tokens.length - units[b]!.tokenization.tokens.length);
    const unitResults = new Array<Classification>(units.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const indices = order.slice(start, start + batchSize);
      const batchResults = await runBatch(indices.map((i) => units[i]!));
      indices.forEach((index, k) => (unitResults[index] = batchResults[k]!));
    }
    let next = 0;
    return prepared.map((p) => {
      const count = p.statements?.length ?? 1;
      const results = unitResults.slice(next, next + count);
      next += count;
      return combine(p, results);
    });
  }

  const cache = options.cache;
  const classify = (text: string): Promise<Classification> => {
    const run = async () => (await classifyMany([text]))[0]!;
    return cache ? cache.getOrSet(`patterns:classify:${modelId}:${contentKey(String(text))}`, run) : run();
  };

  return {
    modelId,
    threshold,
    tokenizer,
    classify,
    classifyBatch: (texts) => (cache ? Promise.all(texts.map(classify)) : classifyMany(texts)),
    dispose: async () => {
      await model.dispose();
    },
  };
}
