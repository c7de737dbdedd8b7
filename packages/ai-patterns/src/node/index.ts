// Node entry of @sextant/ai-patterns: finds the model shipped inside the package.
import { fileURLToPath } from "node:url";
import { createInjectionClassifier, type InjectionClassifier, type InjectionClassifierOptions } from "../classifier/injection-classifier.js";
import type { Classification } from "../classifier/types.js";

/**
 * The package's `models/` directory on disk (holds `sql-injection-ngram/`). Resolved
 * from this module's URL, which is two levels below the package root in both `src/`
 * and `dist/`.
 */
export const MODELS_DIRECTORY: string = fileURLToPath(new URL("../../models/", import.meta.url));

/** Options of {@link createNodeClassifier}: those of `createInjectionClassifier`, all optional. */
export type NodeClassifierOptions = Partial<InjectionClassifierOptions>;

/** Loads the bundled classifier from {@link MODELS_DIRECTORY} (offline). */
export function createNodeClassifier(options: NodeClassifierOptions = {}): Promise<InjectionClassifier> {
  return createInjectionClassifier({ modelPath: MODELS_DIRECTORY, ...options });
}

let shared: Promise<InjectionClassifier> | undefined;

/**
 * Classifies one text with a classifier loaded once per process on first use.
 * For options (cache, threshold) create your own with {@link createNodeClassifier}.
 */
export async function classify(text: string): Promise<Classification> {
  shared ??= createNodeClassifier();
  try {
    return await (await shared).classify(text);
  } catch (error) {
    // A failed load must not poison every later call.
    shared = undefined;
    throw error;
  }
}

// The application-code scanner's Node loader (grammar .wasm files from @vscode/tree-sitter-wasm).
export { createNodeScanner, createNodeGrammarLoader } from "./scanner-node.js";
