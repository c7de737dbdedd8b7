export { createScanner } from "./scanner.js";
export type { Scanner, ScannerOptions } from "./scanner.js";
export { DEFAULT_SINKS } from "./default-sinks.js";
export { SCANNER_LANGUAGES, languageForPath, grammarFileName } from "./languages.js";
export { findSensitiveLiterals, luhnValid, shannonEntropy } from "./sensitive-literals.js";
export type { SensitiveMatch } from "./sensitive-literals.js";
export { contentHash } from "./content-hash.js";
export { hostRangeOf } from "./extraction.js";
export type { GrammarLoader, RuntimeOptions } from "./tree-sitter-runtime.js";
export type {
  ExtractedSql,
  HoleTaint,
  LanguageId,
  PlaceholderStyle,
  ScanCache,
  ScanDiagnostic,
  ScanDiagnosticCode,
  ScanEdit,
  ScanFix,
  ScanRelated,
  ScanResult,
  SinkCall,
  SinkSpec,
  SourceFile,
  SqlBuildKind,
  SqlDialectHint,
  SqlHole,
  SqlMappingRun,
  TextRange,
} from "./types.js";
