import { Language, Parser } from "web-tree-sitter";
import { grammarFileName } from "./languages.js";
import type { LanguageId } from "./types.js";

/**
 * Supplies a grammar's `.wasm`: its bytes, or a URL/path that web-tree-sitter can load.
 * In Node, `createNodeGrammarLoader()` from `@sextant/ai-patterns/node` reads them from
 * `@vscode/tree-sitter-wasm`; in a browser, fetch them from wherever you serve them.
 */
export type GrammarLoader = (language: LanguageId, fileName: string) => Promise<Uint8Array | string> | Uint8Array | string;

/** Options for the web-tree-sitter runtime itself (its own `web-tree-sitter.wasm`). */
export interface RuntimeOptions {
  /** Resolves the runtime's `.wasm` file name to a URL (browsers). Defaults to next to the module. */
  locateFile?: (path: string, prefix: string) => string;
  /** The runtime's `.wasm` bytes, when the caller has them. */
  wasmBinary?: Uint8Array;
}

let runtimeReady: Promise<void> | null = null;

/** Initialises web-tree-sitter once per realm (later options are ignored). */
export function initRuntime(options: RuntimeOptions = {}): Promise<void> {
  runtimeReady ??= Parser.init(options as Parameters<typeof Parser.init>[0]).catch((error: unknown) => {
    runtimeReady = null;
    throw error;
  });
  return runtimeReady;
}

/** Loads and caches one parser per language. */
export class ParserPool {
  private readonly parsers = new Map<LanguageId, Promise<Parser>>();

  constructor(
    private readonly loadGrammar: GrammarLoader,
    private readonly runtime: RuntimeOptions,
  ) {}

  /** The parser for `language`, loading its grammar on first use. */
  parserFor(language: LanguageId): Promise<Parser> {
    let parser = this.parsers.get(language);
    if (!parser) {
      parser = this.create(language);
      parser.catch(() => this.parsers.delete(language));
      this.parsers.set(language, parser);
    }
    return parser;
  }

  private async create(language: LanguageId): Promise<Parser> {
    await initRuntime(this.runtime);
    const file = grammarFileName(language);
    const wasm = await this.loadGrammar(language, file);
    const grammar = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(grammar);
    return parser;
  }

  /** Frees the parsers' wasm memory. */
  async dispose(): Promise<void> {
    const parsers = [...this.parsers.values()];
    this.parsers.clear();
    for (const parser of parsers) {
      try {
        (await parser).delete();
      } catch {
        // A parser that never loaded has nothing to free.
      }
    }
  }
}
