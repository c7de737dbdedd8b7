import type { Tree } from "web-tree-sitter";
import { contentHash } from "./content-hash.js";
import { DEFAULT_SINKS } from "./default-sinks.js";
import { withMapping, type ExtractedSqlData } from "./extraction.js";
import { SCANNER_LANGUAGES, languageForPath } from "./languages.js";
import { selectParseRanges } from "./region-selector.js";
import { analyzeTree, indexSinks, mentionsSink, sinkOffsets, type FileAnalysis, type LanguageSinks } from "./sink-analysis.js";
import { syntaxFor } from "./syntaxes.js";
import { ParserPool, type GrammarLoader, type RuntimeOptions } from "./tree-sitter-runtime.js";
import type { ExtractedSql, LanguageId, ScanCache, ScanDiagnostic, ScanResult, SinkSpec, SourceFile } from "./types.js";

/** Options of `createScanner`. */
export interface ScannerOptions {
  /** Supplies grammar `.wasm` files (see `GrammarLoader`). Required: the core does no I/O. */
  loadGrammar: GrammarLoader;
  /** Options for web-tree-sitter's own runtime wasm. Defaults to `{}` (found next to the module). */
  runtime?: RuntimeOptions;
  /** The sink catalogue. Defaults to `DEFAULT_SINKS`; pass `[...DEFAULT_SINKS, ...yours]` to extend it. */
  sinks?: readonly SinkSpec[];
  /** Files longer than this many UTF-16 code units are refused with `input-too-large`. Defaults to `2_000_000`. */
  maxFileLength?: number;
  /** Whether to report `sensitive-literal`. Defaults to `true`. */
  sensitiveLiterals?: boolean;
  /**
   * Whether to skip minified or bundled files (over 20,000 code units with lines averaging
   * over 500) with a `minified-input` info diagnostic. Such files are vendored builds, not
   * application code, and parse slowly. Defaults to `true`.
   */
  skipMinified?: boolean;
  /** Caches results by content hash (e.g. the tiered cache). Defaults to no cache. */
  cache?: ScanCache;
}

/** Finds SQL sinks, injection risks, embedded SQL and sensitive literals in application code. */
export interface Scanner {
  /** Scans one file. Never rejects: failures become diagnostics. */
  scan(file: SourceFile): Promise<ScanResult>;
  /** The SQL embedded at each sink, with placeholders and a mapping to host offsets. */
  extractSql(file: SourceFile): Promise<ExtractedSql[]>;
  /** Frees the parsers. */
  dispose(): Promise<void>;
}

/** Cached form of a scan result (plain JSON). */
interface StoredScan {
  language: LanguageId | null;
  diagnostics: ScanDiagnostic[];
  extractions: ExtractedSqlData[];
}

const CACHE_VERSION = "sextant-patterns-scan/1";
const BINARY_SAMPLE = 8192;
const PARSE_CHUNK = 8192;

/** Creates a scanner. Grammars load lazily, on the first file of each language. */
export function createScanner(options: ScannerOptions): Scanner {
  const sinks = options.sinks ?? DEFAULT_SINKS;
  const maxFileLength = options.maxFileLength ?? 2_000_000;
  const sensitiveLiterals = options.sensitiveLiterals ?? true;
  const skipMinified = options.skipMinified ?? true;
  const pool = new ParserPool(options.loadGrammar, options.runtime ?? {});
  const indexed = new Map<LanguageId, LanguageSinks>();
  const configKey = contentHash(
    JSON.stringify({ sinks: sinks.map((s) => ({ ...s, receiver: s.receiver?.source })), maxFileLength, sensitiveLiterals, skipMinified }),
  );

  const sinksFor = (language: LanguageId): LanguageSinks => {
    let found = indexed.get(language);
    if (!found) indexed.set(language, (found = indexSinks(sinks, language)));
    return found;
  };

  async function analyze(file: SourceFile, language: LanguageId): Promise<StoredScan> {
    const text = file.text;
    if (text.length > maxFileLength) {
      return refused(language, "input-too-large", "warning", `File not scanned: ${text.length} characters exceeds the limit of ${maxFileLength}.`);
    }
    if (looksBinary(text)) return refused(language, "binary-input", "info", "File not scanned: it looks like binary data, not source code.");
    if (skipMinified && looksMinified(text)) {
      return refused(language, "minified-input", "info", "File not scanned: it looks minified or bundled (very long lines); pass skipMinified: false to scan it.");
    }
    const languageSinks = sinksFor(language);
    if (!mentionsSink(text, languageSinks)) return { language, diagnostics: [], extractions: [] };
    const parser = await pool.parserFor(language);
    // Feeding bounded chunks measured ~1.6x faster than handing web-tree-sitter the whole
    // string (which re-slices the rest of the file at every read).
    const input = (index: number) => (index < text.length ? text.slice(index, index + PARSE_CHUNK) : "");
    const ranges = selectParseRanges(text, language, sinkOffsets(text, languageSinks));
    let tree: Tree | null = null;
    if (ranges) {
      // A unit boundary guessed inside a multi-line string shows up as a syntax error, and
      // error recovery on such fragments can cost many times a whole parse: stop at the first
      // error and parse everything instead.
      tree = parser.parse(input, null, { includedRanges: ranges, progressCallback: (state) => state.hasError });
      if (!tree) {
        // A cancelled parse would otherwise resume on the next call.
        parser.reset();
      } else if (tree.rootNode.hasError) {
        tree.delete();
        tree = null;
      }
    }
    tree ??= parser.parse(input);
    if (!tree) return refused(language, "scan-failed", "info", "File not scanned: the parser returned no tree.");
    try {
      const analysis: FileAnalysis = analyzeTree(text, tree, language, syntaxFor(language), languageSinks, { sensitiveLiterals });
      return { language, ...analysis };
    } finally {
      tree.delete();
    }
  }

  async function scanStored(file: SourceFile): Promise<StoredScan> {
    const language = file.language ?? (file.path ? languageForPath(file.path) : null);
    if (!language) return { language: null, diagnostics: [], extractions: [] };
    try {
      if (typeof file.text !== "string") throw new TypeError("file.text must be a string");
      // A language asked for by name that the scanner has no grammar for: say so, rather than
      // answer with no findings (a file that looks checked and clean).
      if (!SCANNER_LANGUAGES.includes(language)) throw new RangeError(`${JSON.stringify(language)} is not a language the scanner reads (${SCANNER_LANGUAGES.join(", ")})`);
      const cache = options.cache;
      if (!cache) return await analyze(file, language);
      const key = `${CACHE_VERSION}/${language}/${configKey}/${contentHash(file.text)}`;
      return await cache.getOrSet(key, () => analyze(file, language));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refused(language, "scan-failed", "info", `File not scanned: ${reason.slice(0, 200)}`);
    }
  }

  return {
    async scan(file) {
      const stored = await scanStored(file);
      return { language: stored.language, diagnostics: stored.diagnostics, extractions: stored.extractions.map(withMapping) };
    },
    async extractSql(file) {
      return (await scanStored(file)).extractions.map(withMapping);
    },
    dispose: () => pool.dispose(),
  };
}

function refused(language: LanguageId, code: ScanDiagnostic["code"], severity: ScanDiagnostic["severity"], message: string): StoredScan {
  return { language, diagnostics: [{ code, severity, message, range: { start: 0, end: 0 }, source: "patterns" }], extractions: [] };
}

/** Long files whose lines average over 500 code units are minified or bundled builds. */
function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  return text.length / lines > 500;
}

/** NUL characters or a high share of control characters mark binary data decoded as text. */
function looksBinary(text: string): boolean {
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
