import type { TextRange } from "../diagnostic.js";
import { typeToString, type Ty } from "../semantics/types.js";
import type { Model } from "./model.js";

/** An inlay hint: a label shown at an offset. */
export interface InlayHint {
  /** Where the label goes (just after the binding's name). */
  readonly offset: number;
  /** e.g. `: felt`. */
  readonly label: string;
  /** Always `type` for now. */
  readonly kind: "type";
}

/** Inferred types of unannotated `let` bindings and constants (local and top-level), optionally within a range. */
export function inlayHints(model: Model, path: string, range?: TextRange): InlayHint[] {
  if (!model.known(path)) return [];
  const file = model.parsed(path);
  const out: InlayHint[] = [];
  let constTypes: Map<string, Ty> | undefined;
  file.result.items.forEach((item, i) => {
    if (range && (item.end < range.start || item.start > range.end)) return;
    const ast = item.ast;
    if (ast.k === "const" && ast.ty === null && ast.name) {
      // A top-level constant's type is inferred from its value, as a local one's is.
      constTypes ??= topLevelConstTypes(model, path);
      const ty = constTypes.get(file.keys[i]!);
      const offset = item.start + ast.ne;
      if (ty && !hasErrorType(ty) && (!range || (offset >= range.start && offset <= range.end))) out.push({ offset, label: `: ${typeToString(ty)}`, kind: "type" });
      return;
    }
    if (ast.k !== "fn") return;
    for (const l of model.typedAnalysis(path, file.keys[i]!).locals) {
      // A type that is (or contains) the error type says nothing useful: `: (felt, <error>)`.
      if (l.annotated || l.kind === "param" || hasErrorType(l.ty)) continue;
      const offset = item.start + l.e;
      if (range && (offset < range.start || offset > range.end)) continue;
      out.push({ offset, label: `: ${typeToString(l.ty)}`, kind: "type" });
    }
  });
  return out;
}

/** The types of the file's own top-level constants, by item key (the first definition of a name binds it). */
function topLevelConstTypes(model: Model, path: string): Map<string, Ty> {
  const { project, module } = model.moduleOf(path);
  const out = new Map<string, Ty>();
  for (const b of model.symbols(project, module).bindings) if (b.via === "item" && b.def?.k === "const" && !out.has(b.key)) out.set(b.key, b.def.ty);
  return out;
}

/** True when the error type occurs anywhere in `ty` (types nest only as deep as written). */
function hasErrorType(ty: Ty): boolean {
  switch (ty.k) {
    case "error":
      return true;
    case "tuple":
      return ty.elems.some(hasErrorType);
    case "ptr":
    case "array":
      return hasErrorType(ty.elem);
    default:
      return false;
  }
}
