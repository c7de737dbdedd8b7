import type { TextRange } from "../diagnostic.js";
import { typeToString, type Ty } from "../semantics/types.js";
import { SyntaxKind as K } from "../syntax/syntax-kind.js";
import { forEachNode } from "../syntax/syntax-tree.js";
import { itemKindName, signatureOf, type Model } from "./model.js";
import type { Def } from "../semantics/symbols.js";
import { hasElementIn } from "../sorted-search.js";

/** An entry of the document outline. */
export interface DocumentSymbol {
  /** The declared name. */
  readonly name: string;
  /** `function`, `struct`, `constant`, `field`. */
  readonly kind: "function" | "struct" | "constant" | "field";
  /** Signature or type. */
  readonly detail: string;
  /** The whole item. */
  readonly range: TextRange;
  /** The name. */
  readonly selectionRange: TextRange;
  /** Fields of a struct. */
  readonly children: readonly DocumentSymbol[];
}

/** The outline of a file: functions, structs (with fields) and constants. */
export function documentSymbols(model: Model, path: string): DocumentSymbol[] {
  if (!model.known(path)) return [];
  const file = model.parsed(path);
  const { project, module } = model.moduleOf(path);
  // The module's own items by key, once: a scan of the bindings per item was quadratic.
  const defByKey = new Map<string, Def | undefined>();
  for (const b of model.symbols(project, module).bindings) if (b.via === "item" && !defByKey.has(b.key)) defByKey.set(b.key, b.def);
  const out: DocumentSymbol[] = [];
  file.result.items.forEach((item, i) => {
    const ast = item.ast;
    if (ast.k === "use" || !ast.name) return;
    const def = defByKey.get(file.keys[i]!);
    const kind = itemKindName(ast) as DocumentSymbol["kind"];
    // A struct's field types by name, once per struct (a scan per field was quadratic).
    const fieldTypes = new Map<string, Ty>();
    if (def?.k === "struct") for (const f of def.fields) if (!fieldTypes.has(f.name)) fieldTypes.set(f.name, f.ty);
    const children: DocumentSymbol[] =
      ast.k === "struct"
        ? ast.fields.map((f) => {
            const fty = fieldTypes.get(f.name);
            return {
              name: f.name,
              kind: "field" as const,
              detail: fty ? typeToString(fty) : "",
              range: { start: item.start + f.ns, end: item.start + f.ne },
              selectionRange: { start: item.start + f.ns, end: item.start + f.ne },
              children: [],
            };
          })
        : [];
    out.push({
      name: ast.name,
      kind,
      // A struct's signature lists its fields over several lines; they are its children here.
      detail: def ? (def.k === "struct" ? `struct ${def.name}` : signatureOf(def)) : "",
      range: { start: item.start, end: item.end },
      selectionRange: { start: item.start + ast.ns, end: item.start + ast.ne },
      children,
    });
  });
  return out;
}

/** A symbol found by a workspace search. */
export interface WorkspaceSymbol {
  /** The declared name. */
  readonly name: string;
  /** What it is. */
  readonly kind: "function" | "struct" | "constant";
  /** Module path, e.g. `util::checks`. */
  readonly container: string;
  /** File of the declaration. */
  readonly path: string;
  /** Range of the name. */
  readonly range: TextRange;
}

function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (ch === q[i]) i++;
  return i === q.length;
}

/** Items of every loaded project whose name matches `query` (case-insensitive subsequence). */
export function workspaceSymbols(model: Model, query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const project of model.host.projects()) {
    for (const m of project.modules) {
      if (!model.known(m.path)) continue;
      for (const item of model.parsed(m.path).result.items) {
        const ast = item.ast;
        if (ast.k === "use" || !ast.name || !fuzzyMatch(query, ast.name)) continue;
        out.push({
          name: ast.name,
          kind: itemKindName(ast) as WorkspaceSymbol["kind"],
          container: m.name,
          path: m.path,
          range: { start: item.start + ast.ns, end: item.start + ast.ne },
        });
      }
    }
  }
  return out.sort((a, b) => a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
}

/** A foldable region. */
export interface FoldingRange {
  /** Offset where the region starts. */
  readonly start: number;
  /** Offset where it ends. */
  readonly end: number;
  /** `comment` and `imports` regions; plain regions have no kind. */
  readonly kind?: "comment" | "imports";
}

/** Folding ranges: multi-line bodies, lists and literals, comment runs and import groups. */
export function foldingRanges(model: Model, path: string): FoldingRange[] {
  if (!model.known(path)) return [];
  const result = model.tree(path);
  const { text, tokens } = result;
  // The text's line breaks, found once: a node spans lines iff one lies inside it (an
  // `indexOf` per node scanned to the end of a file without line breaks, for every node).
  const breaks: number[] = [];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) breaks.push(at);
  const multiLine = (s: number, e: number) => hasElementIn(breaks, s, e);
  const out: FoldingRange[] = [];
  const foldable = new Set<number>([K.Block, K.FieldList, K.ParamList, K.FieldInitList, K.ArgList, K.ArrayExpr, K.TupleExpr, K.TupleType, K.UseList]);
  forEachNode(result.root, (n) => {
    if (foldable.has(n.kind) && n.end > n.start && multiLine(n.start, n.end)) out.push({ start: n.start, end: n.end });
  });
  // Runs of two or more comments each alone on its line. A comment after code on its line
  // starts no run: a fold from there would share its first line with the code's region
  // (`} // end` then a comment line: a block and a comment run on one line), which editors
  // take for overlapping regions and drop.
  let runStart = -1;
  let runEnd = -1;
  let count = 0;
  const flushComments = () => {
    if (count >= 2) out.push({ start: runStart, end: runEnd, kind: "comment" });
    count = 0;
  };
  const aloneOnLine = (start: number) => text.slice(text.lastIndexOf("\n", start - 1) + 1, start).trim() === "";
  for (let i = 0; i < tokens.count; i++) {
    const k = tokens.kinds[i]!;
    if (k === K.Comment && !aloneOnLine(tokens.starts[i]!)) flushComments();
    else if (k === K.Comment) {
      if (count === 0) runStart = tokens.starts[i]!;
      runEnd = tokens.starts[i + 1]!;
      count++;
    } else if (k === K.Whitespace) {
      const ws = text.slice(tokens.starts[i], tokens.starts[i + 1]);
      if ((ws.match(/\n/g) ?? []).length > 1) flushComments();
    } else flushComments();
  }
  flushComments();
  // Consecutive `use` declarations.
  const uses = result.items.filter((it) => it.ast.k === "use");
  let group: typeof uses = [];
  const flushUses = () => {
    if (group.length >= 2) out.push({ start: group[0]!.start, end: group[group.length - 1]!.end, kind: "imports" });
    group = [];
  };
  for (const it of result.items) {
    if (it.ast.k === "use") group.push(it);
    else flushUses();
  }
  flushUses();
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
