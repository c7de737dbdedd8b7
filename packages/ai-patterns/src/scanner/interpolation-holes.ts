import type { Node } from "web-tree-sitter";
import { namedChildrenOf, type StringParts } from "./host-syntax.js";

/**
 * The holes of a string literal whose interpolations are its children of type `holeType`
 * (`${…}` in a JavaScript template, `#{…}` in Ruby): each is cut out whole, delimiters
 * included, and evaluated from its first named child. Python's f-strings do not fit: their
 * interpolations also hold `!r` conversions and `:fmt` specs, so Python reads a field.
 */
export function interpolationHoles(node: Node, holeType: string): StringParts["holes"] {
  const holes: StringParts["holes"] = [];
  for (const child of node.namedChildren) {
    if (child?.type === holeType) holes.push({ outer: { start: child.startIndex, end: child.endIndex }, expr: namedChildrenOf(child)[0] ?? null });
  }
  return holes;
}
