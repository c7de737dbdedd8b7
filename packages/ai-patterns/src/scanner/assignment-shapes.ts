import type { Node } from "web-tree-sitter";
import { operatorOf, sameNode, type AssignmentAt } from "./host-syntax.js";

/**
 * What a plain assignment or initialised declaration (`x = value`, `let x = value`) gives
 * the variable at `occurrence`: its value when the occurrence is the assigned name, else
 * null (the occurrence is a read, e.g. `y = x`, or the node has no value yet).
 *
 * @param targetField the grammar field holding the assigned name. Defaults to `"left"`.
 * @param valueField the grammar field holding the value. Defaults to `"right"`.
 */
export function plainAssignment(node: Node, occurrence: Node, targetField = "left", valueField = "right"): AssignmentAt {
  const value = node.childForFieldName(valueField);
  return sameNode(node.childForFieldName(targetField), occurrence) && value ? { op: "set", value } : null;
}

/**
 * What a compound assignment (`x += value`, `x .= value`, `x -= value`) gives the variable
 * at `occurrence`, the node's `left` side: `appendOperator` (the language's string append,
 * `+=` or `.=`) appends the right side; any other operator sets the variable to the whole
 * node, which the evaluator cannot read as text, so the variable becomes opaque. Null
 * when the occurrence is not the left side.
 */
export function compoundAssignment(node: Node, occurrence: Node, appendOperator: string): AssignmentAt {
  const value = node.childForFieldName("right");
  if (!sameNode(node.childForFieldName("left"), occurrence) || !value) return null;
  return operatorOf(node) === appendOperator ? { op: "append", value } : { op: "set", value: node };
}
