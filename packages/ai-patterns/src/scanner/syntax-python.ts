import type { Node } from "web-tree-sitter";
import { compoundAssignment, plainAssignment } from "./assignment-shapes.js";
import { namedChildrenOf, operatorOf, sameNode, type HostSyntax, type StringParts } from "./host-syntax.js";
import { concatValues } from "./sql-value.js";

const PARAMETER_PARENTS = new Set([
  "parameters",
  "lambda_parameters",
  "default_parameter",
  "typed_parameter",
  "typed_default_parameter",
  "list_splat_pattern",
  "dictionary_splat_pattern",
  "for_statement",
  "for_in_clause",
  "as_pattern_target",
  "except_clause",
]);

/** Python 3 (f-strings, `%` and `str.format`, DB-API cursors, SQLAlchemy `text()`). */
export const pythonSyntax: HostSyntax = {
  languages: ["python"],
  scopeTypes: new Set(["function_definition", "lambda", "class_definition"]),
  wrapperTypes: new Set(["parenthesized_expression", "await"]),
  numberTypes: new Set(["integer", "float", "true", "false", "none"]),
  untrustedSources: [
    /\brequest\.(?:args|form|values|json|data|files|cookies|headers|GET|POST|COOKIES|META|FILES|body|query_params|path_params|view_args|get_json\(\))/,
    /\bsys\.argv\b/,
    /^(?:input|raw_input)\(/,
    /\bsys\.stdin\b/,
  ],
  safeExpressions: [
    /^(?:int|float|len|bool|abs|round|Decimal|uuid\.UUID)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w.]+\.)?(?:Identifier|Literal|Placeholder)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w.]+\.)?(?:escape_string|escape_literal|quote_identifier|mogrify)\((?:[^()]|\([^()]*\))*\)$/,
  ],

  callAt(name) {
    if (name.type !== "identifier") return null;
    const parent = name.parent;
    let callee: Node = name;
    let receiver: Node | null = null;
    if (parent?.type === "attribute" && sameNode(parent.childForFieldName("attribute"), name)) {
      callee = parent;
      receiver = parent.childForFieldName("object");
    }
    const call = callee.parent;
    if (!call || call.type !== "call" || !sameNode(call.childForFieldName("function"), callee)) return null;
    const argumentList = call.childForFieldName("arguments");
    const args = argumentList?.type === "argument_list" ? namedChildrenOf(argumentList).filter((a) => a.type !== "keyword_argument") : [];
    return { call, name, receiver, args, template: null, argumentList: argumentList?.type === "argument_list" ? argumentList : null };
  },

  variableName(node) {
    return node.type === "identifier" ? node.text : null;
  },

  stringParts(node) {
    if (node.type !== "string") return null;
    const first = node.firstChild;
    const last = node.lastChild;
    if (!first || !last || first.type !== "string_start") return null;
    const prefix = first.text.replace(/["']+$/, "").toLowerCase();
    const parts: StringParts = {
      start: first.endIndex,
      end: last.type === "string_end" ? last.startIndex : node.endIndex,
      escapes: prefix.includes("r") ? "none" : "c",
      holes: [],
    };
    if (prefix.includes("f")) {
      for (const child of node.namedChildren) {
        if (child?.type === "interpolation") {
          const expr = child.childForFieldName("expression") ?? namedChildrenOf(child)[0] ?? null;
          parts.holes.push({ outer: { start: child.startIndex, end: child.endIndex }, expr });
        }
      }
    }
    return parts;
  },

  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "assignment") return plainAssignment(parent, occurrence);
    if (parent.type === "augmented_assignment") return compoundAssignment(parent, occurrence, "+=");
    if (parent.type === "pattern_list" || parent.type === "tuple_pattern") {
      const assignment = parent.parent;
      const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
      if (!right) return PARAMETER_PARENTS.has(assignment?.type ?? "") ? { op: "parameter" } : null;
      const index = namedChildrenOf(parent).findIndex((c) => sameNode(c, occurrence));
      const values = right.type === "expression_list" ? namedChildrenOf(right) : [];
      return { op: "set", value: values[index] ?? right };
    }
    if (parent.type === "default_parameter" || parent.type === "typed_default_parameter") {
      return sameNode(parent.childForFieldName("name"), occurrence) ? { op: "parameter" } : null;
    }
    if (parent.type === "for_statement" || parent.type === "for_in_clause") {
      return sameNode(parent.childForFieldName("left"), occurrence) ? { op: "parameter" } : null;
    }
    return PARAMETER_PARENTS.has(parent.type) ? { op: "parameter" } : null;
  },

  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "concatenated_string":
        return concatValues(namedChildrenOf(node).map((s) => ctx.evaluate(s, "concatenation")));
      case "binary_operator": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right) return null;
        const op = operatorOf(node);
        if (op === "+") return concatValues([ctx.evaluate(left, "concatenation"), ctx.evaluate(right, "concatenation")]);
        if (op !== "%") return null;
        const format = ctx.evaluate(left, "opaque");
        if (!format.pieces.some((p) => p.kind === "text")) return null;
        if (right.type === "tuple") return ctx.format(format, namedChildrenOf(right), "printf");
        if (right.type === "dictionary") return ctx.format(format, [right], "printf", dictionaryEntries(right));
        return ctx.format(format, [right], "printf");
      }
      case "conditional_expression": {
        const children = namedChildrenOf(node);
        return children.length === 3 ? ctx.conditional(node, [children[0]!, children[2]!]) : null;
      }
      case "call": {
        const fn = node.childForFieldName("function");
        const argumentList = node.childForFieldName("arguments");
        if (!fn || argumentList?.type !== "argument_list") return null;
        const all = namedChildrenOf(argumentList);
        const positional = all.filter((a) => a.type !== "keyword_argument");
        if (fn.type === "attribute" && fn.childForFieldName("attribute")?.text === "format") {
          const object = fn.childForFieldName("object");
          if (!object) return null;
          const named = new Map<string, Node>();
          for (const kw of all) {
            const key = kw.type === "keyword_argument" ? kw.childForFieldName("name")?.text : undefined;
            const value = kw.childForFieldName("value");
            if (key && value) named.set(key, value);
          }
          return ctx.format(ctx.evaluate(object, "opaque"), positional, "brace", named);
        }
        // SQLAlchemy's text(), psycopg's sql.SQL() and str() pass their argument through unchanged.
        if (/^(?:(?:sqlalchemy\.)?text|str|(?:psycopg2?\.)?sql\.SQL)$/.test(fn.text) && positional.length === 1) {
          return ctx.evaluate(positional[0]!, "opaque");
        }
        return null;
      }
      default:
        return null;
    }
  },
};

function dictionaryEntries(dictionary: Node): Map<string, Node> {
  const map = new Map<string, Node>();
  for (const pair of namedChildrenOf(dictionary)) {
    const key = pair.childForFieldName("key");
    const value = pair.childForFieldName("value");
    if (pair.type === "pair" && key?.type === "string" && value) map.set(key.text.slice(1, -1), value);
  }
  return map;
}
