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

/** Inferred types of unannotated `let` bindings and local constants, optionally within a range. */
export function inlayHints(model: Model, path: string, range?: TextRange): InlayHint[] {
  if (!model.known(path)) return [];
  const file = model.parsed(path);
  const out: InlayHint[] = [];
  file.result.items.forEach((item, i) => {
    if (item.ast.k !== "fn") return;
    if (range && (item.end < range.start || item.start > range.end)) return;
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
