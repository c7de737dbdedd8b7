import { Cancelled } from "@sextant/query-engine";
import { diagnostic, type TextEdit, type TextRange } from "./diagnostic.js";
import { codeActionsFor, type CodeAction } from "./ide/code-actions.js";
import { complete, signatureHelp, type CompletionItem, type SignatureHelp } from "./ide/completion.js";
import { formatParsed, type FormatOptions } from "./ide/format.js";
import { formatParsedRange } from "./ide/format-range.js";
import { inlayHints, type InlayHint } from "./ide/inlay-hints.js";
import { Model, type Location } from "./ide/model.js";
import { definition, hover, references, rename, type Hover, type RenameResult } from "./ide/navigation.js";
import { documentSymbols, foldingRanges, workspaceSymbols, type DocumentSymbol, type FoldingRange, type WorkspaceSymbol } from "./ide/outline.js";
import { semanticTokens, type SemanticToken } from "./ide/semantic-tokens.js";
import { normalizePath } from "./project/paths.js";
import { createServiceCore, type CairoMServiceCore, type CairoMServiceOptions } from "./service.js";

/** The Cairo-M language service: diagnostics and IDE features over offsets and plain objects. */
export interface CairoMService extends CairoMServiceCore {
  /** Completion items at an offset. */
  getCompletions(path: string, offset: number): CompletionItem[];
  /** Hover (type, signature, doc comment) at an offset. */
  getHover(path: string, offset: number): Hover | undefined;
  /** Definition of the symbol at an offset (across files). */
  getDefinition(path: string, offset: number): Location[];
  /** Every occurrence of the symbol at an offset. Declaration included by default. */
  getReferences(path: string, offset: number, includeDeclaration?: boolean): Location[];
  /** Renames the symbol at an offset, or explains why it cannot. */
  rename(path: string, offset: number, newName: string): RenameResult;
  /** Outline of a file. */
  getDocumentSymbols(path: string): DocumentSymbol[];
  /** Items matching a query across loaded projects. */
  getWorkspaceSymbols(query: string): WorkspaceSymbol[];
  /** Classified tokens for highlighting. */
  getSemanticTokens(path: string): SemanticToken[];
  /** Foldable regions. */
  getFoldingRanges(path: string): FoldingRange[];
  /** Signature of the call around an offset. */
  getSignatureHelp(path: string, offset: number): SignatureHelp | undefined;
  /** Inferred-type hints for unannotated bindings. */
  getInlayHints(path: string, range?: TextRange): InlayHint[];
  /** The formatted text of a file, or `undefined` when it has syntax errors. */
  format(path: string, options?: FormatOptions): string | undefined;
  /**
   * Edits that format only the items (or the statements of the innermost block) overlapping
   * a range, or `undefined` when the file has syntax errors.
   */
  formatRange(path: string, range: TextRange, options?: FormatOptions): TextEdit[] | undefined;
  /** Fixes of the diagnostics overlapping a range. */
  getCodeActions(path: string, range: TextRange): CodeAction[];
}

/**
 * Wraps a request so that one failing feature returns its empty answer instead of
 * breaking the caller (the failure is reported to `onError`).
 */
function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R, onError: (name: string, e: unknown) => void) {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      onError(name, e);
      return fallback;
    }
  };
}

/**
 * True for a range a request can use: finite offsets, start not after end. A NaN offset
 * compares false with everything, so an overlap test let every diagnostic and binding in.
 */
function isUsableRange(range: unknown): range is TextRange {
  if (typeof range !== "object" || range === null) return false;
  const { start, end } = range as { start?: unknown; end?: unknown };
  return typeof start === "number" && typeof end === "number" && Number.isFinite(start) && Number.isFinite(end) && start <= end;
}

/**
 * Formatted text (printed with `\n`) in the line endings of the file it formats: a file
 * whose first line ends in `\r\n` keeps them (whole-file formatting turned it into `\n`,
 * and range formatting left it with both).
 */
function inLineEndingsOf(original: string, printed: string): string {
  const firstBreak = original.indexOf("\n");
  return firstBreak > 0 && original[firstBreak - 1] === "\r" ? printed.replace(/\r?\n/g, "\r\n") : printed;
}

/**
 * Creates the Cairo-M language service: the one factory used by the CLI, the LSP adapter
 * and the tests. Pass a file system (Node's in the CLI/adapter, in-memory in tests and
 * browsers) and optionally an engine-event listener.
 */
export function createCairoMService(
  options: CairoMServiceOptions & {
    /** Told when a request fails (it then returns its empty answer). Defaults to ignoring it. */
    onError?: (feature: string, error: unknown) => void;
  } = {},
): CairoMService {
  const core = createServiceCore(options);
  const model = new Model(core.host);
  const onError = options?.onError ?? (() => {}); // `?.`: a JavaScript caller's `null` means no options
  const p = normalizePath;
  return {
    ...core,
    host: core.host,
    get revision() {
      return core.revision;
    },
    getDiagnostics(path: string) {
      try {
        return core.getDiagnostics(path);
      } catch (e) {
        if (e instanceof Cancelled) throw e;
        onError("diagnostics", e);
        // One failing file fails alone, and visibly.
        return [diagnostic("internal-error", "error", `analysis of this file failed: ${e instanceof Error ? e.message : String(e)}`, 0, 0)];
      }
    },
    getCompletions: guard("completion", [], (path: string, offset: number) => complete(model, p(path), offset), onError),
    getHover: guard("hover", undefined, (path: string, offset: number) => hover(model, p(path), offset), onError),
    getDefinition: guard("definition", [], (path: string, offset: number) => definition(model, p(path), offset), onError),
    getReferences: guard("references", [], (path: string, offset: number, includeDeclaration = true) => references(model, p(path), offset, includeDeclaration), onError),
    rename: guard("rename", { ok: false, error: "rename failed" } as RenameResult, (path: string, offset: number, newName: string) => rename(model, p(path), offset, newName), onError),
    getDocumentSymbols: guard("documentSymbols", [], (path: string) => documentSymbols(model, p(path)), onError),
    getWorkspaceSymbols: guard("workspaceSymbols", [], (query: string) => (typeof query === "string" ? workspaceSymbols(model, query) : []), onError),
    getSemanticTokens: guard("semanticTokens", [], (path: string) => semanticTokens(model, p(path)), onError),
    getFoldingRanges: guard("foldingRanges", [], (path: string) => foldingRanges(model, p(path)), onError),
    getSignatureHelp: guard("signatureHelp", undefined, (path: string, offset: number) => signatureHelp(model, p(path), offset), onError),
    getInlayHints: guard("inlayHints", [], (path: string, range?: TextRange) => (range === undefined || isUsableRange(range) ? inlayHints(model, p(path), range) : []), onError),
    format: guard(
      "format",
      undefined,
      (path: string, fo?: FormatOptions) => {
        if (!model.known(p(path))) return undefined;
        const tree = model.tree(p(path));
        const out = formatParsed(tree, fo);
        return out === undefined ? undefined : inLineEndingsOf(tree.text, out);
      },
      onError,
    ),
    formatRange: guard(
      "formatRange",
      undefined,
      (path: string, range: TextRange, fo?: FormatOptions) => {
        if (!model.known(p(path))) return undefined;
        if (!isUsableRange(range)) return [];
        const tree = model.tree(p(path));
        const { text } = tree;
        return formatParsedRange(tree, range, fo)?.map((e) => {
          let newText = inLineEndingsOf(text, e.newText);
          // A comment runs to the line feed, so it holds the `\r` of a CRLF line: an edit
          // ending after such a comment must put that `\r` back (the printer drops it).
          if (text[e.range.end - 1] === "\r" && text[e.range.end] === "\n" && !newText.endsWith("\r")) newText += "\r";
          return { range: e.range, newText };
        });
      },
      onError,
    ),
    getCodeActions: guard(
      "codeActions",
      [],
      (path: string, range: TextRange) => {
        if (!isUsableRange(range)) return [];
        const actions = codeActionsFor(core.getDiagnostics(path), range);
        // Fixes write `\n`; a CRLF file gets its own line breaks.
        const text = core.host.fs.readFile(p(path)) ?? "";
        return actions.map((a) => (a.edits.some((e) => e.newText.includes("\n")) ? { ...a, edits: a.edits.map((e) => ({ range: e.range, newText: inLineEndingsOf(text, e.newText) })) } : a));
      },
      onError,
    ),
  };
}
