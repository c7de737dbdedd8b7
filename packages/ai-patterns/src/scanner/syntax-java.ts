import { compoundAssignment, plainAssignment } from "./assignment-shapes.js";
import { binaryConcat } from "./binary-concat.js";
import { conditionalBranches } from "./conditional-branches.js";
import { namedChildrenOf, operatorOf, sameNode, type HostSyntax } from "./host-syntax.js";
import { concatValues, type SqlValue } from "./sql-value.js";

const PARAMETER_PARENTS = new Set(["formal_parameter", "spread_parameter", "catch_formal_parameter", "enhanced_for_statement", "inferred_parameters", "lambda_expression"]);

/** Java: JDBC statements, JPA queries and Spring's JdbcTemplate; `+`, `String.format`, `StringBuilder`. */
export const javaSyntax: HostSyntax = {
  languages: ["java"],
  scopeTypes: new Set(["method_declaration", "constructor_declaration", "lambda_expression", "class_body"]),
  wrapperTypes: new Set(["parenthesized_expression"]),
  numberTypes: new Set(["decimal_integer_literal", "decimal_floating_point_literal", "hex_integer_literal", "true", "false", "null_literal"]),
  untrustedSources: [
    /\b(?:request|req|httpRequest|servletRequest|httpServletRequest)\.get(?:Parameter|ParameterValues|ParameterMap|Header|Headers|QueryString|Cookies|PathInfo|RequestURI|InputStream|Reader)\(/,
    /^args\[/,
    /\bSystem\.console\(\)\.readLine\(/,
    /\bscanner\.next(?:Line)?\(\)/,
  ],
  safeExpressions: [
    /^(?:Integer\.parseInt|Integer\.valueOf|Long\.parseLong|Long\.valueOf|Double\.parseDouble|Math\.\w+)\((?:[^()]|\([^()]*\))*\)$/,
    /^[\w.]+\.(?:length|size)\(\)$/,
    /^(?:ESAPI\.encoder\(\)\.)?encodeForSQL\(/,
  ],

  callAt(name) {
    if (name.type !== "identifier") return null;
    const call = name.parent;
    if (!call || call.type !== "method_invocation" || !sameNode(call.childForFieldName("name"), name)) return null;
    const argumentList = call.childForFieldName("arguments");
    return {
      call,
      name,
      receiver: call.childForFieldName("object"),
      args: argumentList ? namedChildrenOf(argumentList) : [],
      template: null,
      argumentList,
    };
  },

  variableName(node) {
    return node.type === "identifier" ? node.text : null;
  },

  stringParts(node) {
    if (node.type !== "string_literal") return null;
    const quote = node.text.startsWith('"""') ? 3 : 1;
    return { start: node.startIndex + quote, end: node.endIndex - quote, escapes: "c", holes: [] };
  },

  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "variable_declarator") return plainAssignment(parent, occurrence, "name", "value");
    if (parent.type === "assignment_expression") {
      // Java has one node type for `=` and the compound operators.
      return operatorOf(parent) === "=" ? plainAssignment(parent, occurrence) : compoundAssignment(parent, occurrence, "+=");
    }
    // `sb.append(x);` as a statement extends a StringBuilder held in a variable.
    if (parent.type === "method_invocation" && sameNode(parent.childForFieldName("object"), occurrence)) {
      const method = parent.childForFieldName("name")?.text;
      const arg = namedChildrenOf(parent.childForFieldName("arguments") ?? parent)[0];
      if (method === "append" && arg && parent.parent?.type === "expression_statement") return { op: "append", value: arg };
      return null;
    }
    return PARAMETER_PARENTS.has(parent.type) ? { op: "parameter" } : null;
  },

  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary_expression":
        return binaryConcat(node, "+", ctx);
      case "ternary_expression":
        return conditionalBranches(node, ctx);
      case "object_creation_expression": {
        const type = node.childForFieldName("type")?.text ?? "";
        if (!/^(?:StringBuilder|StringBuffer)$/.test(type)) return null;
        const arg = namedChildrenOf(node.childForFieldName("arguments") ?? node).find((a) => a.type !== "type_identifier");
        return arg && node.childForFieldName("arguments") ? ctx.evaluate(arg, "concatenation") : { pieces: [], tagged: false };
      }
      case "method_invocation": {
        const method = node.childForFieldName("name")?.text ?? "";
        const object = node.childForFieldName("object");
        const args = namedChildrenOf(node.childForFieldName("arguments") ?? node);
        if (object?.text === "String" && method === "format" && args.length > 0) {
          return ctx.format(ctx.evaluate(args[0]!, "opaque"), args.slice(1), "printf");
        }
        if (!object) return null;
        if (method === "toString" && args.length === 0) return ctx.evaluate(object, "opaque");
        if ((method === "append" || method === "concat") && args.length === 1) {
          const base: SqlValue = ctx.evaluate(object, "concatenation");
          return concatValues([base, ctx.evaluate(args[0]!, "concatenation")]);
        }
        return null;
      }
      default:
        return null;
    }
  },
};

