import type { LanguageId } from "./types.js";

/** Every language the scanner parses, in a stable order. */
export const SCANNER_LANGUAGES: readonly LanguageId[] = [
  "javascript",
  "typescript",
  "tsx",
  "python",
  "java",
  "go",
  "php",
  "ruby",
];

const BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "tsx",
  py: "python",
  pyw: "python",
  java: "java",
  go: "go",
  php: "php",
  phtml: "php",
  rb: "ruby",
  rake: "ruby",
};

/** The language of a file from its extension, or null when the scanner does not handle it. */
export function languageForPath(path: string): LanguageId | null {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return null;
  return BY_EXTENSION[path.slice(dot + 1).toLowerCase()] ?? null;
}

/**
 * File name of the tree-sitter grammar for a language, as shipped by
 * `@vscode/tree-sitter-wasm` (and by the official grammar packages).
 */
export function grammarFileName(language: LanguageId): string {
  return `tree-sitter-${language}.wasm`;
}
