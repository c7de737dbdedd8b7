import { refsOf } from "../semantics/checker.js";
import { SyntaxKind as K, isKeyword } from "../syntax/syntax-kind.js";
import type { TypeRef } from "../syntax/ast.js";
import type { Model } from "./model.js";

function walkNamedTypes(ref: TypeRef, visit: (n: { name: string; s: number }) => void): void {
  if (ref.k === "named") visit(ref);
  else if (ref.k === "array" || ref.k === "ptr") walkNamedTypes(ref.elem, visit);
  else if (ref.k === "tuple") for (const e of ref.elems) walkNamedTypes(e, visit);
}

/** Token types, in the order of the legend the adapter registers. */
export const SEMANTIC_TOKEN_TYPES = [
  "keyword", "function", "struct", "variable", "parameter", "property", "type", "number", "comment", "operator", "namespace",
] as const;

/** Token modifiers, in legend order. */
export const SEMANTIC_TOKEN_MODIFIERS = ["declaration", "readonly", "defaultLibrary"] as const;

/** One classified token. */
export interface SemanticToken {
  /** Offset of the token. */
  readonly start: number;
  /** Length in UTF-16 code units. */
  readonly length: number;
  /** One of {@link SEMANTIC_TOKEN_TYPES}. */
  readonly type: (typeof SEMANTIC_TOKEN_TYPES)[number];
  /** Some of {@link SEMANTIC_TOKEN_MODIFIERS}. */
  readonly modifiers: readonly (typeof SEMANTIC_TOKEN_MODIFIERS)[number][];
}

/** Classifies every token of a file: keywords, numbers, comments, operators and resolved names. */
export function semanticTokens(model: Model, path: string): SemanticToken[] {
  if (!model.known(path)) return [];
  const file = model.parsed(path);
  const { tokens, text } = model.tree(path);
  const { project, module } = model.moduleOf(path);
  const names = new Map<number, { type: SemanticToken["type"]; modifiers: SemanticToken["modifiers"] }>();
  const topType = (name: string): { type: SemanticToken["type"]; modifiers: SemanticToken["modifiers"] } | undefined => {
    const def = model.binding(project, module, name)?.def;
    if (!def) return undefined;
    if (def.k === "fn") return { type: "function", modifiers: [] };
    if (def.k === "struct") return { type: "struct", modifiers: [] };
    return { type: "variable", modifiers: ["readonly"] };
  };
  file.result.items.forEach((item, i) => {
    const ast = item.ast;
    const at = (s: number, t: SemanticToken["type"], m: SemanticToken["modifiers"]) => names.set(item.start + s, { type: t, modifiers: m });
    if (ast.k === "use") {
      for (const seg of ast.path) at(seg.s, "namespace", []);
      for (const n of ast.items) {
        const t = topType(n.name);
        if (t) at(n.s, t.type, t.modifiers);
      }
      return;
    }
    const declType = ast.k === "fn" ? "function" : ast.k === "struct" ? "struct" : "variable";
    at(ast.ns, declType, ast.k === "const" ? ["declaration", "readonly"] : ["declaration"]);
    if (ast.k === "struct") {
      for (const f of ast.fields) {
        at(f.ns, "property", ["declaration"]);
        walkNamedTypes(f.ty, (n) => {
          if (topType(n.name)?.type === "struct") at(n.s, "struct", []);
        });
      }
      return;
    }
    const a = model.typedAnalysis(path, file.keys[i]!);
    for (const l of a.locals) at(l.s, l.kind === "param" ? "parameter" : "variable", l.kind === "const" ? ["declaration", "readonly"] : ["declaration"]);
    for (const r of refsOf(a)) {
      if (r.target.k === "local") {
        const l = a.locals[r.target.id]!;
        at(r.s, l.kind === "param" ? "parameter" : "variable", l.kind === "const" ? ["readonly"] : []);
      } else if (r.target.k === "field") at(r.s, "property", []);
      else {
        const t = topType(r.name);
        if (t) at(r.s, t.type, t.modifiers);
      }
    }
  });
  const out: SemanticToken[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const k = tokens.kinds[i]!;
    const start = tokens.starts[i]!;
    const length = tokens.starts[i + 1]! - start;
    if (length === 0) continue;
    if (isKeyword(k)) out.push({ start, length, type: "keyword", modifiers: [] });
    else if (k === K.Int) out.push({ start, length, type: "number", modifiers: [] });
    // A comment runs to the line feed, so on a CRLF line it holds the `\r`: a token must
    // not cover a line break (LSP tokens are single-line), so it ends before it.
    else if (k === K.Comment) out.push({ start, length: text.charCodeAt(start + length - 1) === 13 ? length - 1 : length, type: "comment", modifiers: [] });
    else if (k === K.Ident) {
      const name = text.slice(start, start + length);
      const known = names.get(start);
      if (known) out.push({ start, length, type: known.type, modifiers: known.modifiers });
      else if (name === "felt" || name === "u32" || name === "bool") out.push({ start, length, type: "type", modifiers: ["defaultLibrary"] });
      else if (name === "assert") out.push({ start, length, type: "function", modifiers: ["defaultLibrary"] });
    } else if (k >= K.Plus && k <= K.Caret) out.push({ start, length, type: "operator", modifiers: [] });
  }
  return out;
}
