import type { Node } from "web-tree-sitter";
import { compoundAssignment, plainAssignment } from "./assignment-shapes.js";
import { binaryConcat } from "./binary-concat.js";
import { conditionalBranches } from "./conditional-branches.js";
import { namedChildrenOf, sameNode, type HostSyntax, type StringParts } from "./host-syntax.js";

const CALL_TYPES = new Set(["member_call_expression", "nullsafe_member_call_expression", "scoped_call_expression", "function_call_expression"]);
const CONTENT_TYPES = new Set(["string_content", "escape_sequence", "string_value"]);

/** PHP: PDO, mysqli, pg_*, Laravel's DB facade and query builder; `.`, `"$x"`, `sprintf`. */
export const phpSyntax: HostSyntax = {
  languages: ["php"],
  scopeTypes: new Set(["function_definition", "method_declaration", "anonymous_function", "arrow_function", "anonymous_function_creation_expression"]),
  wrapperTypes: new Set(["parenthesized_expression"]),
  numberTypes: new Set(["integer", "float", "boolean", "null"]),
  untrustedSources: [
    /\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES|ENV)\b/,
    /\$request->(?:input|get|query|post|all|cookie|header|route|json)\(/,
    /\bRequest::(?:input|get|query|all)\(/,
    /\$argv\b/,
    /php:\/\/input/,
  ],
  safeExpressions: [
    /^(?:intval|floatval|boolval|abs|count|strlen|(?:mysqli_|mysql_)?real_escape_string|mysqli_real_escape_string|pg_escape_string|pg_escape_literal|pg_escape_identifier|esc_sql)\((?:[^()]|\([^()]*\))*\)$/,
    /^\$[\w>-]+->(?:quote|real_escape_string|escape_string|escape|prepare)\((?:[^()]|\([^()]*\))*\)$/,
    /^\((?:int|integer|float|double|bool|boolean)\)/,
  ],

  callAt(name) {
    if (name.type !== "name") return null;
    const call = name.parent;
    if (!call || !CALL_TYPES.has(call.type)) return null;
    const field = call.type === "function_call_expression" ? "function" : "name";
    if (!sameNode(call.childForFieldName(field), name)) return null;
    const receiver = call.childForFieldName("object") ?? call.childForFieldName("scope");
    const argumentList = call.childForFieldName("arguments");
    const args = argumentList
      ? namedChildrenOf(argumentList).map((a) => (a.type === "argument" ? (a.lastNamedChild ?? a) : a))
      : [];
    return { call, name, receiver, args, template: null, argumentList };
  },

  variableName(node) {
    return node.type === "variable_name" ? node.text : null;
  },

  stringParts(node) {
    if (node.type === "string") {
      const single = node.text.startsWith("'");
      return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: single ? "quotes" : "c", holes: [] };
    }
    let body: Node = node;
    let parts: StringParts;
    if (node.type === "encapsed_string") {
      parts = { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: [] };
    } else if (node.type === "heredoc" || node.type === "nowdoc") {
      const found = node.childForFieldName("value") ?? namedChildrenOf(node).find((c) => /_body$/.test(c.type));
      if (!found) return null;
      body = found;
      parts = { start: body.startIndex, end: body.endIndex, escapes: node.type === "nowdoc" ? "none" : "c", holes: [] };
    } else {
      return null;
    }
    for (let i = 0; i < body.childCount; i++) {
      const child = body.child(i);
      if (!child || !child.isNamed || CONTENT_TYPES.has(child.type)) continue;
      const before = body.child(i - 1);
      const after = body.child(i + 1);
      const braced = before?.type === "{" && after?.type === "}";
      parts.holes.push({
        outer: { start: braced ? before.startIndex : child.startIndex, end: braced ? after.endIndex : child.endIndex },
        expr: child,
      });
    }
    return parts;
  },

  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "assignment_expression") return plainAssignment(parent, occurrence);
    if (parent.type === "augmented_assignment_expression") return compoundAssignment(parent, occurrence, ".=");
    if (/parameter$/.test(parent.type) || parent.type === "foreach_statement" || parent.type === "pair") return { op: "parameter" };
    return null;
  },

  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary_expression":
        return binaryConcat(node, ".", ctx);
      case "conditional_expression":
        return conditionalBranches(node, ctx, "body");
      case "function_call_expression": {
        const fn = node.childForFieldName("function")?.text;
        const args = namedChildrenOf(node.childForFieldName("arguments") ?? node).map((a) => a.lastNamedChild ?? a);
        if (fn === "sprintf" && args.length > 0) return ctx.format(ctx.evaluate(args[0]!, "opaque"), args.slice(1), "printf");
        return null;
      }
      default:
        return null;
    }
  },
};
