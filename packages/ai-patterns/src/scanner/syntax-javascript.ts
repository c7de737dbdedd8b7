import type { Node } from "web-tree-sitter";
import { compoundAssignment, plainAssignment } from "./assignment-shapes.js";
import { binaryConcat } from "./binary-concat.js";
import { conditionalBranches } from "./conditional-branches.js";
import { decodeLiteral } from "./escapes.js";
import { namedChildrenOf, sameNode, type EvalContext, type HostSyntax } from "./host-syntax.js";
import { interpolationHoles } from "./interpolation-holes.js";
import { concatValues, type SqlPiece, type SqlValue } from "./sql-value.js";

/** Tags whose template substitutions become bound parameters. */
const PARAMETERIZING_TAGS = /^(?:sql|SQL|Prisma\.sql|(?:[\w$.]+\.)?\$(?:queryRaw|executeRaw)|(?:[\w$.]+\.)?sql)$/;
/** Calls that splice their argument raw into a tagged template. */
const RAW_FRAGMENT = /^(?:[\w$.]+\.)?(?:raw|unsafe)$/;

const PARAMETER_PARENTS = new Set([
  "formal_parameters",
  "required_parameter",
  "optional_parameter",
  "rest_pattern",
  "catch_clause",
  "for_in_statement",
]);

/** JavaScript, TypeScript and TSX (their grammars share these node types). */
export const javascriptSyntax: HostSyntax = {
  languages: ["javascript", "typescript", "tsx"],
  scopeTypes: new Set([
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function",
    "class_body",
  ]),
  wrapperTypes: new Set(["parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "await_expression"]),
  numberTypes: new Set(["number", "true", "false", "null", "undefined"]),
  untrustedSources: [
    /\b(?:req|request)\.(?:params|body|query|headers|cookies|url|originalUrl|path|files?|signedCookies)\b/,
    /\bctx\.(?:request\.(?:body|query|querystring|headers)|params|query|querystring|headers)\b/,
    /\bprocess\.argv\b/,
    /\bevent\.(?:body|queryStringParameters|pathParameters|multiValueQueryStringParameters|headers)\b/,
    /\b(?:window\.)?location\.(?:search|hash|href|pathname)\b/,
    /\bsearchParams\.get(?:All)?\(/,
    /\bdocument\.(?:cookie|URL)\b/,
    /^(?:window\.)?prompt\(/,
  ],
  safeExpressions: [
    /^(?:parseInt|parseFloat|Number|BigInt|Boolean|Math\.\w+)\((?:[^()]|\([^()]*\))*\)$/,
    /^[\w$.]+\.(?:length|size)$/,
    /^[\w$.]+\.toFixed\(\d*\)$/,
    /^(?:[\w$]+\.)*(?:escape|escapeId|escapeLiteral|escapeIdentifier)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w$]+\.)*(?:format)\(["'`][^"'`]*["'`],\[?(?:[^()]|\([^()]*\))*\]?\)$/,
  ],

  callAt(name) {
    const parent = name.parent;
    if (!parent) return null;
    let callee: Node = name;
    let receiver: Node | null = null;
    if (parent.type === "member_expression" && sameNode(parent.childForFieldName("property"), name)) {
      callee = parent;
      receiver = parent.childForFieldName("object");
    } else if (name.type !== "identifier") {
      return null;
    }
    const call = callee.parent;
    if (!call || call.type !== "call_expression" || !sameNode(call.childForFieldName("function"), callee)) return null;
    const argumentList = call.childForFieldName("arguments");
    if (argumentList?.type === "template_string") {
      return { call, name, receiver, args: [], template: argumentList, argumentList: null };
    }
    return { call, name, receiver, args: argumentList ? namedChildrenOf(argumentList) : [], template: null, argumentList };
  },

  variableName(node) {
    return node.type === "identifier" || node.type === "shorthand_property_identifier_pattern" ? node.text : null;
  },

  stringParts(node) {
    if (node.type === "string") return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: [] };
    if (node.type !== "template_string") return null;
    return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: interpolationHoles(node, "template_substitution") };
  },

  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    switch (parent.type) {
      case "variable_declarator":
        return plainAssignment(parent, occurrence, "name", "value");
      case "assignment_expression":
        return plainAssignment(parent, occurrence);
      case "augmented_assignment_expression":
        return compoundAssignment(parent, occurrence, "+=");
      case "object_pattern":
      case "array_pattern":
      case "pair_pattern": {
        // Destructuring: the variable takes part of the value; its taint is the value's.
        for (let p: Node | null = parent; p; p = p.parent) {
          if (p.type === "variable_declarator") {
            const value = p.childForFieldName("value");
            return value ? { op: "set", value } : null;
          }
          if (PARAMETER_PARENTS.has(p.type)) return { op: "parameter" };
          if (!/pattern/.test(p.type)) return null;
        }
        return null;
      }
      case "arrow_function":
        return sameNode(parent.childForFieldName("parameter"), occurrence) ? { op: "parameter" } : null;
      default:
        return PARAMETER_PARENTS.has(parent.type) ? { op: "parameter" } : null;
    }
  },

  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary_expression":
        return binaryConcat(node, "+", ctx);
      case "object": {
        // pg's query config `{ text, values }` (and `{ sql, values }` in mysql2): the SQL is a property.
        for (const pair of namedChildrenOf(node)) {
          const key = pair.type === "pair" ? pair.childForFieldName("key")?.text.replace(/["']/g, "") : undefined;
          const value = pair.childForFieldName("value");
          if (value && (key === "text" || key === "sql")) return ctx.evaluate(value, "opaque");
        }
        return null;
      }
      case "ternary_expression":
        return conditionalBranches(node, ctx);
      case "call_expression": {
        const fn = node.childForFieldName("function");
        const args = node.childForFieldName("arguments");
        if (!fn || !args) return null;
        const callee = fn.text.replace(/\s+/g, "");
        if (args.type === "template_string" && PARAMETERIZING_TAGS.test(callee)) return taggedTemplate(args, ctx);
        if (args.type !== "arguments") return null;
        const list = namedChildrenOf(args);
        if (callee === "String" && list.length === 1) return ctx.evaluate(list[0]!, "concatenation");
        if (/^(?:util\.)?format$/.test(callee) && list.length > 0) return ctx.format(ctx.evaluate(list[0]!, "opaque"), list.slice(1), "printf");
        if (fn.type === "member_expression" && /^concat$/.test(fn.childForFieldName("property")?.text ?? "")) {
          const object = fn.childForFieldName("object");
          if (object) return concatValues([ctx.evaluate(object, "concatenation"), ...list.map((a) => ctx.evaluate(a, "concatenation"))]);
        }
        return null;
      }
      default:
        return null;
    }
  },
};

/** Value of a parameterizing tagged template: substitutions are bound, except raw fragments. */
function taggedTemplate(template: Node, ctx: EvalContext): SqlValue {
  const parts = javascriptSyntax.stringParts(template)!;
  const pieces: SqlPiece[] = [];
  let at = parts.start;
  for (const hole of parts.holes) {
    if (hole.outer.start > at) pieces.push(decodeLiteral(ctx.source, at, hole.outer.start, "c"));
    at = hole.outer.end;
    const expr = hole.expr;
    if (!expr) continue;
    if (expr.type === "call_expression") {
      const fn = expr.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
      const args = expr.childForFieldName("arguments");
      if (args?.type === "template_string" && PARAMETERIZING_TAGS.test(fn)) {
        pieces.push(...taggedTemplate(args, ctx).pieces);
        continue;
      }
      if (args?.type === "arguments" && RAW_FRAGMENT.test(fn)) {
        const raw = namedChildrenOf(args)[0];
        pieces.push(...(raw ? ctx.evaluate(raw, "interpolation").pieces : []));
        continue;
      }
    }
    pieces.push(...ctx.safe(expr, "bound", `\`${expr.text.slice(0, 60)}\` is bound as a parameter by the tag`).pieces);
  }
  if (parts.end > at) pieces.push(decodeLiteral(ctx.source, at, parts.end, "c"));
  return { pieces: pieces.filter((p) => p.kind === "hole" || p.text.length > 0), tagged: true };
}
