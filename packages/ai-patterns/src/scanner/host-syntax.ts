import type { Node } from "web-tree-sitter";
import type { EscapeMode } from "./escapes.js";
import type { SqlValue } from "./sql-value.js";
import type { LanguageId, SqlHole, TextRange } from "./types.js";

/** A call the scanner found at a sink name. */
export interface CallSite {
  /** The whole call node. */
  call: Node;
  /** The callee's name node (`query` in `db.query(...)`). */
  name: Node;
  /** The receiver (`db`), or null for a plain function call. */
  receiver: Node | null;
  /** Positional arguments (keyword arguments left out). */
  args: Node[];
  /** The template of a JavaScript tagged template call (`sql\`...\``). */
  template: Node | null;
  /** The node that holds the arguments (for fixes that rewrite them), when any. */
  argumentList: Node | null;
}

/** A string literal cut into raw literal text and interpolated expressions. */
export interface StringParts {
  /** Offset of the first content character (after the opening quote). */
  start: number;
  /** Offset of the closing quote. */
  end: number;
  /** How backslashes in the raw text behave. */
  escapes: EscapeMode;
  /** Interpolations in order: `outer` is skipped in the text, `expr` is evaluated (null when empty). */
  holes: { outer: TextRange; expr: Node | null }[];
}

/** An assignment to a variable found at one of its occurrences. */
export type AssignmentAt = { op: "set" | "append"; value: Node } | { op: "parameter" } | null;

/** What the evaluator offers a language's special cases. */
export interface EvalContext {
  /** The host text. */
  readonly source: string;
  /** Evaluates `node`; `how` is how it is spliced if it ends up a hole. */
  evaluate(node: Node, how: SqlHole["how"]): SqlValue;
  /** A hole for `node` that the evaluator classifies (untrusted/safe/unknown). */
  opaque(node: Node, how: SqlHole["how"]): SqlValue;
  /** A hole known to be safe, with the reason. */
  safe(node: Node, how: SqlHole["how"], reason: string): SqlValue;
  /** printf-style (`%s`) or brace-style (`{}`) formatting of `format` with `args`. */
  format(format: SqlValue, args: readonly Node[], style: "printf" | "brace", named?: ReadonlyMap<string, Node>): SqlValue;
  /** Evaluates the two branches of a conditional: one safe hole when both are constant. */
  conditional(node: Node, branches: readonly Node[]): SqlValue;
}

/**
 * Everything language-specific the scanner needs: how calls, strings, assignments and
 * building operators look in one tree-sitter grammar, and which expressions are sources.
 */
export interface HostSyntax {
  /** Languages this syntax serves. */
  readonly languages: readonly LanguageId[];
  /** Node types that open a new variable scope (functions, methods, lambdas). */
  readonly scopeTypes: ReadonlySet<string>;
  /** Node types that are wrappers to look through (parentheses, type assertions). */
  readonly wrapperTypes: ReadonlySet<string>;
  /** Node types of number literals. */
  readonly numberTypes: ReadonlySet<string>;
  /** Expressions that read well-known untrusted input, tested on whitespace-free source text. */
  readonly untrustedSources: readonly RegExp[];
  /** Expressions whose value cannot carry SQL (numeric conversions, escaping functions). */
  readonly safeExpressions: readonly RegExp[];
  /** The call whose callee name is `name`, or null. */
  callAt(name: Node): CallSite | null;
  /** The variable name a node refers to, or null when it is not a plain variable. */
  variableName(node: Node): string | null;
  /** String literal parts, or null when `node` is not a string literal. */
  stringParts(node: Node): StringParts | null;
  /** The assignment (or parameter) an occurrence of a variable belongs to. */
  assignmentAt(occurrence: Node): AssignmentAt;
  /** Language operators that build strings (`+`, `%`, `.`, `format`…), or null. */
  evaluateSpecial(node: Node, ctx: EvalContext): SqlValue | null;
}

/** Named children without comments (tree-sitter puts comments anywhere). */
export function namedChildrenOf(node: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const child = node.namedChild(i);
    if (child && child.type !== "comment" && !child.type.endsWith("_comment")) out.push(child);
  }
  return out;
}

/** True when two nodes are the same node. */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  // `id` and `startIndex` are plain fields; `endIndex` and `type` would cross into wasm.
  return !!a && !!b && a.id === b.id && a.startIndex === b.startIndex;
}

/** The anonymous operator token of a binary node (`+`, `.`, `%`, `+=`). */
export function operatorOf(node: Node): string {
  const op = node.childForFieldName("operator");
  if (op) return op.type;
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child && !child.isNamed) return child.type;
  }
  return "";
}
