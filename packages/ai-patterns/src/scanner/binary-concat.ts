import type { Node } from "web-tree-sitter";
import { operatorOf, type EvalContext } from "./host-syntax.js";
import { concatValues, type SqlValue } from "./sql-value.js";

/**
 * The value of a binary `left <operator> right` node whose operator joins strings (`+` in
 * Java, JavaScript and Go, `.` in PHP): both sides are evaluated as concatenated parts.
 * Returns null for any other operator or a node missing a side, so the evaluator falls
 * back to treating the node as opaque. The grammars name the sides `left` and `right`.
 */
export function binaryConcat(node: Node, operator: string, ctx: EvalContext): SqlValue | null {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right || operatorOf(node) !== operator) return null;
  return concatValues([ctx.evaluate(left, "concatenation"), ctx.evaluate(right, "concatenation")]);
}
