import type { Node, Tree } from "web-tree-sitter";
import { decodeLiteral } from "./escapes.js";
import type { EvalContext, HostSyntax } from "./host-syntax.js";
import { concatValues, hasText, holeValue, holesOf, textValue, type SqlPiece, type SqlValue } from "./sql-value.js";
import type { SqlHole } from "./types.js";

/** Work limits that keep one evaluation bounded on adversarial input. */
const MAX_DEPTH = 40;
const MAX_STEPS = 2000;
const MAX_OCCURRENCES = 200;

/**
 * Evaluates the expression that reaches a sink into literal text and holes, following
 * local assignments (`=`, `+=`, `.=`, `<<`) backwards through enclosing scopes.
 * One instance per sink: it carries the step budget.
 */
export class SqlEvaluator implements EvalContext {
  private steps = 0;
  private depth = 0;
  private readonly resolving = new Set<string>();
  /** Calls of local helper functions being evaluated: their scope and argument bindings. */
  private readonly frames: { scope: Node; bindings: Map<string, Node> }[] = [];

  constructor(
    readonly source: string,
    private readonly tree: Tree,
    private readonly syntax: HostSyntax,
    /** Enclosing scope by node id, shared by the evaluators of one file. */
    private readonly scopes: Map<number, Node | null> = new Map(),
    /** Helper functions by name (null: none or several), shared by the evaluators of one file. */
    private readonly functions: Map<string, Node | null> = new Map(),
  ) {}

  /** The nearest enclosing scope node (function, method, lambda), or null at top level. */
  private scopeOf(node: Node): Node | null {
    const known = this.scopes.get(node.id);
    if (known !== undefined) return known;
    let scope: Node | null = null;
    for (let p = node.parent; p; p = p.parent) {
      if (this.syntax.scopeTypes.has(p.type)) {
        scope = p;
        break;
      }
    }
    this.scopes.set(node.id, scope);
    return scope;
  }

  evaluate(node: Node, how: SqlHole["how"]): SqlValue {
    if (++this.steps > MAX_STEPS || this.depth > MAX_DEPTH) return this.opaque(node, how);
    this.depth++;
    try {
      return this.evaluateNode(node, how);
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(node: Node, how: SqlHole["how"]): SqlValue {
    const syntax = this.syntax;
    if (syntax.wrapperTypes.has(node.type)) {
      const inner = node.namedChildren.find((c) => c !== null && c.type !== "comment");
      return inner ? this.evaluate(inner, how) : this.opaque(node, how);
    }
    const parts = syntax.stringParts(node);
    if (parts) return this.stringValue(parts, how);
    if (syntax.numberTypes.has(node.type)) return textValue(decodeLiteral(this.source, node.startIndex, node.endIndex, "none"));
    const special = syntax.evaluateSpecial(node, this);
    if (special) return special;
    const helper = this.helperCall(node, how);
    if (helper) return helper;
    const name = syntax.variableName(node);
    if (name !== null) return this.variable(node, name, how);
    return this.opaque(node, how);
  }

  private stringValue(parts: ReturnType<HostSyntax["stringParts"]> & object, how: SqlHole["how"]): SqlValue {
    const pieces: SqlPiece[] = [];
    let at = parts.start;
    const interpolation: SqlHole["how"] = how === "bound" ? "bound" : "interpolation";
    for (const hole of parts.holes) {
      if (hole.outer.start > at) pieces.push(decodeLiteral(this.source, at, hole.outer.start, parts.escapes));
      if (hole.expr) pieces.push(...this.evaluate(hole.expr, interpolation).pieces);
      at = Math.max(at, hole.outer.end);
    }
    if (parts.end > at) pieces.push(decodeLiteral(this.source, at, parts.end, parts.escapes));
    return { pieces: pieces.filter((p) => p.kind === "hole" || p.text.length > 0), tagged: false };
  }

  opaque(node: Node, how: SqlHole["how"]): SqlValue {
    const text = this.source.slice(node.startIndex, node.endIndex);
    const compact = text.replace(/\s+/g, "");
    const range = { start: node.startIndex, end: node.endIndex };
    const shown = clip(text);
    if (how === "bound") return holeValue({ range, text: shown, how, taint: "safe", reason: "bound as a parameter" });
    // Conversions and escaping are checked first: `parseInt(req.query.n)` is safe.
    for (const pattern of this.syntax.safeExpressions) {
      if (pattern.test(compact)) {
        return holeValue({ range, text: shown, how, taint: "safe", reason: `\`${shown}\` cannot carry SQL` });
      }
    }
    for (const pattern of this.syntax.untrustedSources) {
      if (pattern.test(compact)) {
        return holeValue({ range, text: shown, how, taint: "untrusted", reason: `untrusted input \`${shown}\`` });
      }
    }
    return holeValue({ range, text: shown, how, taint: "unknown", reason: `\`${shown}\` is not known to be safe` });
  }

  safe(node: Node, how: SqlHole["how"], reason: string): SqlValue {
    const range = { start: node.startIndex, end: node.endIndex };
    return holeValue({ range, text: clip(this.source.slice(range.start, range.end)), how, taint: "safe", reason });
  }

  conditional(node: Node, branches: readonly Node[]): SqlValue {
    const values = branches.map((b) => this.evaluate(b, "opaque"));
    const constant = values.every((v) => holesOf(v).every((h) => h.taint === "safe"));
    if (constant) return this.safe(node, "opaque", "each branch is a constant");
    const untrusted = values.flatMap(holesOf).find((h) => h.taint === "untrusted");
    if (untrusted) {
      return holeValue({
        range: { start: node.startIndex, end: node.endIndex },
        text: clip(this.source.slice(node.startIndex, node.endIndex)),
        how: "opaque",
        taint: "untrusted",
        reason: untrusted.reason,
        originRange: untrusted.originRange ?? untrusted.range,
      });
    }
    return this.opaque(node, "opaque");
  }

  format(format: SqlValue, args: readonly Node[], style: "printf" | "brace", named?: ReadonlyMap<string, Node>): SqlValue {
    const pieces: SqlPiece[] = [];
    let next = 0;
    const pattern = style === "printf" ? PRINTF : BRACE;
    for (const piece of format.pieces) {
      if (piece.kind === "hole") {
        pieces.push(piece);
        continue;
      }
      let last = 0;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(piece.text); m; m = pattern.exec(piece.text)) {
        const directive = m[0];
        if (m.index > last) pieces.push(slicePiece(piece, last, m.index));
        last = m.index + directive.length;
        if (directive === "%%" || directive === "{{" || directive === "}}") {
          pieces.push(slicePiece(piece, m.index, m.index + 1));
          continue;
        }
        const key = m[1];
        let arg: Node | undefined;
        if (key !== undefined && key !== "" && !/^\d+$/.test(key)) arg = named?.get(key) ?? args[0];
        else if (key !== undefined && /^\d+$/.test(key)) arg = args[Number(key)];
        else arg = args[next++];
        const numeric = style === "printf" && /[dixXobeEfFgGc]$/.test(directive);
        if (!arg) {
          pieces.push({ kind: "hole", hole: holeAt(piece, m.index, directive, "unknown", "a formatted value") });
        } else if (numeric) {
          pieces.push(...this.safe(arg, "format", `\`${clip(arg.text)}\` is formatted as a number`).pieces);
        } else {
          pieces.push(...this.evaluate(arg, "format").pieces);
        }
      }
      if (last < piece.text.length) pieces.push(slicePiece(piece, last, piece.text.length));
    }
    return { pieces, tagged: format.tagged };
  }

  /**
   * When `node` is a variable that holds a parameter of its enclosing function (unchanged),
   * the function and the parameter's position; used to treat thin wrappers as sinks.
   */
  parameterOf(node: Node): { scope: Node; index: number; name: string } | null {
    const name = this.syntax.variableName(node);
    const scope = this.scopeOf(node);
    if (name === null || !scope || this.resolve(node, name) !== "parameter") return null;
    const index = parameterNames(scope, this.syntax).indexOf(name);
    return index < 0 ? null : { scope, index, name };
  }

  /**
   * A call of a helper function defined in this file (`buildQuery(x)`, `this.where(x)`,
   * `self._sql(x)`) whose body returns one expression: that expression, with the
   * parameters bound to the call's arguments. Null for anything else.
   */
  private helperCall(node: Node, how: SqlHole["how"]): SqlValue | null {
    const nameNode = calleeNameOf(node);
    if (!nameNode) return null;
    const site = this.syntax.callAt(nameNode);
    if (!site || site.call.id !== node.id) return null;
    if (site.receiver && !/^(?:this|self|cls|\$this)$/.test(site.receiver.text)) return null;
    const name = nameNode.text;
    const scope = this.functionNamed(name);
    if (!scope || this.frames.some((f) => f.scope.id === scope.id)) return null;
    const returned = returnedExpression(scope, (n) => this.scopeOf(n));
    if (!returned) return null;
    const parameters = parameterNames(scope, this.syntax);
    const bindings = new Map<string, Node>();
    parameters.forEach((parameter, i) => {
      const arg = site.args[i];
      if (parameter && arg) bindings.set(parameter, arg);
    });
    this.frames.push({ scope, bindings });
    try {
      return this.evaluate(returned, how);
    } finally {
      this.frames.pop();
    }
  }

  /** The function (or method) named `name` in this file, when there is exactly one. */
  private functionNamed(name: string): Node | null {
    const known = this.functions.get(name);
    if (known !== undefined) return known;
    const found: Node[] = [];
    const pattern = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, "\\$")}(?![\\w$])`, "g");
    let count = 0;
    for (const m of this.source.matchAll(pattern)) {
      if (++count > MAX_OCCURRENCES) break;
      const occurrence = this.tree.rootNode.descendantForIndex(m.index, m.index + name.length);
      const parent = occurrence?.parent;
      if (!occurrence || !parent) continue;
      let candidate: Node | null = null;
      if (this.syntax.scopeTypes.has(parent.type)) candidate = parent;
      else if (parent.type === "variable_declarator") candidate = parent.childForFieldName("value");
      if (candidate && this.syntax.scopeTypes.has(candidate.type) && functionName(candidate, this.syntax) === name) found.push(candidate);
    }
    const result = found.length === 1 ? found[0]! : null;
    this.functions.set(name, result);
    return result;
  }

  /** Resolves a variable through its assignments in the enclosing scopes. */
  private variable(use: Node, name: string, how: SqlHole["how"]): SqlValue {
    const key = `${name}@${use.startIndex}`;
    if (this.resolving.has(key)) return this.opaque(use, how);
    this.resolving.add(key);
    try {
      const value = this.resolve(use, name);
      if (!value) {
        if (/^[A-Z][A-Z0-9_]*$/.test(name.replace(/^\$/, ""))) {
          return this.safe(use, how, `\`${name}\` is named as a constant`);
        }
        return this.opaque(use, how);
      }
      if (value === "parameter") {
        // Inside a helper being evaluated for a call, a parameter is the caller's argument.
        for (let i = this.frames.length - 1; i >= 0; i--) {
          const frame = this.frames[i]!;
          const bound = frame.bindings.get(name);
          if (bound && use.startIndex >= frame.scope.startIndex && use.endIndex <= frame.scope.endIndex) return this.evaluate(bound, how);
        }
        const opaque = this.opaque(use, how);
        const hole = holesOf(opaque)[0]!;
        if (hole.taint === "unknown") hole.reason = `parameter \`${name}\` is not known to be safe`;
        return opaque;
      }
      // A variable holding only an opaque value becomes one hole at the use site that
      // remembers where the value came from.
      if (!hasText(value) && value.pieces.length === 1 && !value.tagged) {
        const inner = holesOf(value)[0]!;
        const range = { start: use.startIndex, end: use.endIndex };
        return holeValue({
          range,
          text: name,
          how: how === "opaque" ? inner.how : how,
          taint: inner.taint,
          reason: inner.reason,
          originRange: inner.originRange ?? inner.range,
        });
      }
      return value;
    } finally {
      this.resolving.delete(key);
    }
  }

  private resolve(use: Node, name: string): SqlValue | "parameter" | null {
    const syntax = this.syntax;
    let scope = this.scopeOf(use);
    const escaped = name.replace(/[$]/g, "\\$");
    const pattern = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, "g");
    for (;;) {
      const start = scope ? scope.startIndex : 0;
      const region = this.source.slice(start, use.startIndex);
      const found: { op: "set" | "append"; value: Node }[] = [];
      let parameter = false;
      let count = 0;
      for (const m of region.matchAll(pattern)) {
        if (++count > MAX_OCCURRENCES) break;
        const at = start + m.index;
        const occurrence = this.tree.rootNode.descendantForIndex(at, at + name.length);
        if (!occurrence || syntax.variableName(occurrence) !== name) continue;
        if (!sameScope(this.scopeOf(occurrence), scope)) continue;
        const assignment = syntax.assignmentAt(occurrence);
        if (!assignment) continue;
        if (assignment.op === "parameter") {
          parameter = true;
          found.length = 0;
          continue;
        }
        // An assignment whose value contains the use (`q = q + x` read at `x`) is still being built.
        if (assignment.value.startIndex <= use.startIndex && use.endIndex <= assignment.value.endIndex) continue;
        if (assignment.op === "set") {
          parameter = false;
          found.length = 0;
        }
        found.push(assignment);
      }
      if (found.length > 0) {
        const values: SqlValue[] = [];
        // Appends without an assignment in this scope extend a value we cannot see.
        if (found[0]!.op === "append") values.push(this.opaque(use, "concatenation"));
        for (const step of found) values.push(this.evaluate(step.value, step.op === "append" ? "concatenation" : "opaque"));
        return concatValues(values);
      }
      if (parameter) return "parameter";
      if (!scope) return null;
      scope = this.scopeOf(scope);
    }
  }
}

/** The name node of a call's callee (`f` in `f(x)`, `m` in `this.m(x)` or `self.m(x)`). */
function calleeNameOf(call: Node): Node | null {
  const callee = call.childForFieldName("function") ?? call.childForFieldName("name") ?? call.childForFieldName("method");
  if (!callee) return null;
  return callee.childForFieldName("property") ?? callee.childForFieldName("attribute") ?? callee.childForFieldName("field") ?? callee;
}

/** The one expression a function returns: an arrow's expression body, or its only `return`. */
function returnedExpression(scope: Node, scopeOf: (n: Node) => Node | null): Node | null {
  const body = scope.childForFieldName("body");
  if (scope.type === "arrow_function" && body && body.type !== "statement_block") return body;
  const returns = scope.descendantsOfType("return_statement").filter((r): r is Node => r !== null && scopeOf(r)?.id === scope.id);
  if (returns.length !== 1) return null;
  const value = returns[0]!.namedChildren.find((c) => c !== null && c.type !== "comment") ?? null;
  if (value?.type === "expression_list") return value.namedChildren.length === 1 ? (value.namedChildren[0] ?? null) : null;
  return value;
}

/** Names of a function's parameters in call order (`self`/`cls` left out). */
export function parameterNames(scope: Node, syntax: HostSyntax): string[] {
  const list = scope.childForFieldName("parameters") ?? scope.childForFieldName("parameter");
  if (!list) return [];
  const names: string[] = [];
  const items = syntax.variableName(list) !== null ? [list] : list.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  for (const item of items) {
    const direct = syntax.variableName(item);
    if (direct !== null) {
      names.push(direct);
      continue;
    }
    const fielded = item.childrenForFieldName("name").filter((c): c is Node => c !== null);
    const candidates = fielded.length > 0 ? fielded : [item.childForFieldName("pattern") ?? item.childForFieldName("left") ?? item.namedChildren.find((c) => c !== null && syntax.variableName(c) !== null) ?? null];
    for (const c of candidates) names.push(c ? (syntax.variableName(c) ?? c.text) : "");
  }
  return names[0] === "self" || names[0] === "cls" ? names.slice(1) : names;
}

/** The name a function is called by: its own name, or the variable an anonymous function is assigned to. */
export function functionName(scope: Node, syntax: HostSyntax): string | null {
  const own = scope.childForFieldName("name");
  if (own) return syntax.variableName(own) ?? own.text;
  const parent = scope.parent;
  if (parent?.type === "variable_declarator") {
    const name = parent.childForFieldName("name");
    return name ? syntax.variableName(name) : null;
  }
  return null;
}

const PRINTF = /%(?:\((\w*)\))?[-+ #0]*\d*(?:\.\d+)?[sdiuxXobeEfFgGcvqrTtp%]/g;
const BRACE = /\{\{|\}\}|\{(\w*)(?:[.[][^}]*)?(?:![rsa])?(?::[^}]*)?\}/g;

function slicePiece(piece: SqlPiece & { kind: "text" }, from: number, to: number): SqlPiece {
  const end = to < piece.offsets.length ? piece.offsets[to]! : piece.end;
  return { kind: "text", text: piece.text.slice(from, to), offsets: piece.offsets.slice(from, to), end };
}

function holeAt(piece: SqlPiece & { kind: "text" }, index: number, directive: string, taint: SqlHole["taint"], what: string): SqlHole {
  const start = piece.offsets[index] ?? piece.end;
  const endIndex = index + directive.length;
  const end = endIndex < piece.offsets.length ? piece.offsets[endIndex]! : piece.end;
  return { range: { start, end }, text: directive, how: "format", taint, reason: `${what} has no argument` };
}

function sameScope(a: Node | null, b: Node | null): boolean {
  if (!a || !b) return a === b;
  return a.id === b.id && a.startIndex === b.startIndex;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
