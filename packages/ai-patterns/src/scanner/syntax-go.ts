import type { Node } from "web-tree-sitter";
import { binaryConcat } from "./binary-concat.js";
import { namedChildrenOf, operatorOf, sameNode, type HostSyntax } from "./host-syntax.js";

/** Go: `database/sql` (and sqlx/gorm `Raw`), `+` and `fmt.Sprintf`. */
export const goSyntax: HostSyntax = {
  languages: ["go"],
  scopeTypes: new Set(["function_declaration", "method_declaration", "func_literal"]),
  wrapperTypes: new Set(["parenthesized_expression"]),
  numberTypes: new Set(["int_literal", "float_literal", "true", "false", "nil"]),
  untrustedSources: [
    /\.URL\.Query\(\)/,
    /\.(?:FormValue|PostFormValue)\(/,
    /\.(?:Form|PostForm|Header)\.Get\(/,
    /\.URL\.(?:Path|RawQuery)\b/,
    /\bos\.Args\b/,
    /\bmux\.Vars\(/,
    /\bchi\.URLParam\(/,
    /\b(?:c|ctx)\.(?:Query|Param|PostForm|DefaultQuery|GetHeader|FormValue|QueryParam|Params)\(/,
  ],
  safeExpressions: [
    /^strconv\.(?:Itoa|FormatInt|FormatUint|FormatFloat|FormatBool)\((?:[^()]|\([^()]*\))*\)$/,
    /^len\((?:[^()]|\([^()]*\))*\)$/,
    /^pq\.Quote(?:Identifier|Literal)\((?:[^()]|\([^()]*\))*\)$/,
  ],

  callAt(name) {
    const parent = name.parent;
    if (!parent) return null;
    let callee: Node = name;
    let receiver: Node | null = null;
    if (name.type === "field_identifier" && parent.type === "selector_expression" && sameNode(parent.childForFieldName("field"), name)) {
      callee = parent;
      receiver = parent.childForFieldName("operand");
    } else if (name.type !== "identifier") {
      return null;
    }
    const call = callee.parent;
    if (!call || call.type !== "call_expression" || !sameNode(call.childForFieldName("function"), callee)) return null;
    const argumentList = call.childForFieldName("arguments");
    return { call, name, receiver, args: argumentList ? namedChildrenOf(argumentList) : [], template: null, argumentList };
  },

  variableName(node) {
    return node.type === "identifier" ? node.text : null;
  },

  stringParts(node) {
    if (node.type === "interpreted_string_literal") return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: [] };
    if (node.type === "raw_string_literal") return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "none", holes: [] };
    return null;
  },

  assignmentAt(occurrence) {
    let list = occurrence.parent;
    if (!list) return null;
    if (list.type === "parameter_declaration" || list.type === "variadic_parameter_declaration" || list.type === "range_clause") {
      return { op: "parameter" };
    }
    if (list.type === "var_spec" || list.type === "const_spec") {
      const names = namedChildrenOf(list).filter((c) => c.type === "identifier");
      const value = list.childForFieldName("value");
      const index = names.findIndex((c) => sameNode(c, occurrence));
      if (index < 0) return null;
      // `var sb strings.Builder` / `var q string`: the zero value is empty (see evaluateSpecial).
      if (!value) return { op: "set", value: list };
      return { op: "set", value: namedChildrenOf(value)[index] ?? value };
    }
    // `sb.WriteString(x)` as a statement appends to a strings.Builder or bytes.Buffer.
    if (list.type === "selector_expression" && sameNode(list.childForFieldName("operand"), occurrence)) {
      const call = list.parent;
      const method = list.childForFieldName("field")?.text ?? "";
      const arg = call?.type === "call_expression" ? namedChildrenOf(call.childForFieldName("arguments") ?? call)[0] : undefined;
      if (/^Write(?:String|Byte|Rune)?$/.test(method) && arg && call?.parent?.type === "expression_statement") return { op: "append", value: arg };
      return null;
    }
    if (list.type !== "expression_list") return null;
    const statement = list.parent;
    if (!statement || (statement.type !== "short_var_declaration" && statement.type !== "assignment_statement")) return null;
    if (!sameNode(statement.childForFieldName("left"), list)) return null;
    const right = statement.childForFieldName("right");
    if (!right) return null;
    const index = namedChildrenOf(list).findIndex((c) => sameNode(c, occurrence));
    const values = namedChildrenOf(right);
    const value = values.length === namedChildrenOf(list).length ? values[index] : values[0];
    if (!value) return null;
    const op = operatorOf(statement);
    if (op === "+=") return { op: "append", value };
    return op === "=" || op === ":=" ? { op: "set", value } : { op: "set", value: statement };
  },

  evaluateSpecial(node, ctx) {
    if (node.type === "binary_expression") return binaryConcat(node, "+", ctx);
    if (node.type === "var_spec") return { pieces: [], tagged: false };
    if (node.type !== "call_expression") return null;
    const callee = node.childForFieldName("function");
    const fn = callee?.text.replace(/\s+/g, "");
    const args = namedChildrenOf(node.childForFieldName("arguments") ?? node);
    if (fn === "fmt.Sprintf" && args.length > 0) return ctx.format(ctx.evaluate(args[0]!, "opaque"), args.slice(1), "printf");
    // `sb.String()` reads back what was written to a builder.
    if (callee?.type === "selector_expression" && callee.childForFieldName("field")?.text === "String" && args.length === 0) {
      const operand = callee.childForFieldName("operand");
      if (operand && goSyntax.variableName(operand) !== null) return ctx.evaluate(operand, "opaque");
    }
    return null;
  },
};
