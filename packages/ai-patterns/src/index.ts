// Public API of @sextant/ai-patterns (browser-safe core). Node helpers that find the
// bundled model on disk are in "@sextant/ai-patterns/node".
export { createInjectionClassifier, DEFAULT_MODEL_ID } from "./classifier/injection-classifier.js";
export type { InjectionClassifier, InjectionClassifierOptions } from "./classifier/injection-classifier.js";
export type { Classification, ClassificationCache, ClassificationReason, InjectionLabel, TextRange } from "./classifier/types.js";
export { prepareInput, DEFAULT_MAX_CHARS } from "./classifier/prepare-input.js";
export type { PreparedInput } from "./classifier/prepare-input.js";
export type { MappedText } from "./text/mapped-text.js";
/** The scanner's ranges (`ScanDiagnostic.range`, fix edits): the same shape as the classifier's `TextRange`, mutable. */
export type { TextRange as ScanTextRange } from "./scanner/types.js";
export { tagFamily } from "./classifier/family-tagger.js";
export { analyseContext, contextPrefix, CONTEXT_TOKENS } from "./context/sql-context.js";
export type { ContextMarker } from "./context/sql-context.js";
export { tokenizeForModel } from "./classifier/model-input.js";
export type { ModelInput } from "./classifier/model-input.js";
export { SqlTokenizer } from "./tokenizer/sql-tokenizer.js";
export type { Token, Tokenization } from "./tokenizer/sql-tokenizer.js";
export { buildVocabulary } from "./tokenizer/vocabulary.js";
export { buildTokenizerJson, buildTokenizerConfig } from "./tokenizer/tokenizer-files.js";
export { buildCorpus } from "./corpus/build-corpus.js";
export type { CorpusOptions, Sample, SampleGroup, Split } from "./corpus/build-corpus.js";
export type { AttackFamily } from "./corpus/attack-templates.js";
export { detectByFingerprint } from "./baseline/fingerprint-detector.js";
export type { FingerprintVerdict } from "./baseline/fingerprint-detector.js";
export { detectByRegex } from "./baseline/regex-detector.js";
// Application-code scanner (SQL sinks, embedded SQL, sensitive literals): see src/scanner/.
export * from "./scanner/index.js";
