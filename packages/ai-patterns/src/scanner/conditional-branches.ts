import type { Node } from "web-tree-sitter";
import type { EvalContext } from "./host-syntax.js";
import type { SqlValue } from "./sql-value.js";

/**
 * The value of a ternary `c ? a : b` (Java, JavaScript, Ruby, PHP) from its two branch
 * fields: the evaluator's conditional, which yields one safe hole when both branches are
 * constant. Null when a branch is missing (PHP's `c ?: b`), so the node is treated as opaque.
 *
 * @param consequenceField the grammar field of the branch taken when the condition holds.
 *   Defaults to `"consequence"` (PHP's grammar calls it `"body"`).
 */
export function conditionalBranches(node: Node, ctx: EvalContext, consequenceField = "consequence"): SqlValue | null {
  const consequence = node.childForFieldName(consequenceField);
  const alternative = node.childForFieldName("alternative");
  return consequence && alternative ? ctx.conditional(node, [consequence, alternative]) : null;
}
