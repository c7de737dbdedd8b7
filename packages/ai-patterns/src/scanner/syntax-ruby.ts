import { compoundAssignment, plainAssignment } from "./assignment-shapes.js";
import { conditionalBranches } from "./conditional-branches.js";
import { namedChildrenOf, operatorOf, sameNode, type HostSyntax } from "./host-syntax.js";
import { interpolationHoles } from "./interpolation-holes.js";
import { concatValues } from "./sql-value.js";

const PARAMETER_PARENTS = new Set([
  "method_parameters",
  "lambda_parameters",
  "block_parameters",
  "optional_parameter",
  "keyword_parameter",
  "splat_parameter",
  "for",
]);

/** Ruby: ActiveRecord (`find_by_sql`, `where`, `connection.execute`…), `"#{}"`, `+`, `<<`. */
export const rubySyntax: HostSyntax = {
  languages: ["ruby"],
  scopeTypes: new Set(["method", "singleton_method", "block", "do_block", "lambda"]),
  wrapperTypes: new Set(["parenthesized_statements"]),
  numberTypes: new Set(["integer", "float", "true", "false", "nil"]),
  untrustedSources: [
    /(?<![\w.@])params(?:\[|\.|$)/,
    /\brequest\.(?:params|query_parameters|request_parameters|body|headers|cookies|query_string|raw_post)\b/,
    /(?<![\w.])cookies\[/,
    /\bARGV\b/,
    /^(?:\$stdin\.)?gets\b/,
  ],
  safeExpressions: [
    /\.(?:to_i|to_f|to_r|length|size|count)$/,
    /^(?:Integer|Float)\((?:[^()]|\([^()]*\))*\)$/,
    /\.(?:quote|quote_table_name|quote_column_name)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w:.]+\.)?sanitize_sql\w*\((?:[^()]|\([^()]*\))*\)$/,
  ],

  callAt(name) {
    if (name.type !== "identifier") return null;
    const call = name.parent;
    if (!call || call.type !== "call" || !sameNode(call.childForFieldName("method"), name)) return null;
    const argumentList = call.childForFieldName("arguments");
    return {
      call,
      name,
      receiver: call.childForFieldName("receiver"),
      args: argumentList ? namedChildrenOf(argumentList) : [],
      template: null,
      argumentList,
    };
  },

  variableName(node) {
    // Constants (`TABLE = "users"`) are assigned like variables.
    return node.type === "identifier" || node.type === "constant" ? node.text : null;
  },

  stringParts(node) {
    if (node.type !== "string") return null;
    const first = node.firstChild;
    const last = node.lastChild;
    if (!first || !last || first.isNamed || last.isNamed) return null;
    const single = first.text === "'" || first.text.startsWith("%q");
    return { start: first.endIndex, end: last.startIndex, escapes: single ? "quotes" : "c", holes: interpolationHoles(node, "interpolation") };
  },

  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "assignment") return plainAssignment(parent, occurrence);
    if (parent.type === "operator_assignment") return compoundAssignment(parent, occurrence, "+=");
    // `sql << "..."` as a statement appends in place.
    if (parent.type === "binary" && operatorOf(parent) === "<<" && sameNode(parent.childForFieldName("left"), occurrence)) {
      const value = parent.childForFieldName("right");
      return value && parent.parent?.type !== "binary" ? { op: "append", value } : null;
    }
    return PARAMETER_PARENTS.has(parent.type) ? { op: "parameter" } : null;
  },

  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right) return null;
        const op = operatorOf(node);
        if (op === "+") return concatValues([ctx.evaluate(left, "concatenation"), ctx.evaluate(right, "concatenation")]);
        if (op === "%") {
          const args = right.type === "array" ? namedChildrenOf(right) : [right];
          return ctx.format(ctx.evaluate(left, "opaque"), args, "printf");
        }
        return null;
      }
      case "pair":
      case "hash":
        // Hash conditions (`where(name: x)`) are quoted by ActiveRecord.
        return ctx.safe(node, "opaque", "hash conditions are escaped by ActiveRecord");
      case "array": {
        // `find_by_sql(["... ?", value])`: the first element is the SQL, the rest are bound.
        const first = namedChildrenOf(node)[0];
        return first && rubySyntax.stringParts(first) ? ctx.evaluate(first, "opaque") : null;
      }
      case "conditional":
        return conditionalBranches(node, ctx);
      default:
        return null;
    }
  },
};
