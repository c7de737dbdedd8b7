import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createScanner, type GrammarLoader, type Scanner, type ScannerOptions } from "../scanner/index.js";

const require = createRequire(import.meta.url);

/** Reads grammar `.wasm` files from the installed `@vscode/tree-sitter-wasm` package. */
export function createNodeGrammarLoader(): GrammarLoader {
  return async (_language, fileName) => {
    const path = require.resolve(`@vscode/tree-sitter-wasm/wasm/${fileName}`);
    return new Uint8Array(await readFile(path));
  };
}

/** `createScanner` with the Node grammar loader as default. */
export function createNodeScanner(options: Partial<ScannerOptions> = {}): Scanner {
  return createScanner({ ...options, loadGrammar: options.loadGrammar ?? createNodeGrammarLoader() });
}
