import { diagnostic, type Diagnostic, type Fix, type RelatedInformation } from "../diagnostic.js";
import { newList, trimmed } from "../alloc.js";
import { memoByObject } from "../memo-by-object.js";
import type { Block, Expr, ItemAst, Pattern, Stmt, TypeRef } from "../syntax/ast.js";
import { intLiteralExactValue } from "../syntax/lexer.js";
import { missingFieldsFix } from "./missing-fields-fix.js";
import { silencingPrefixFix, underscoredNames } from "./silencing-prefix.js";
import type { Def, ModuleBinding } from "./symbols.js";
import { BOOL, compatible, ERROR, FELT, isUnit, primitiveType, typeToString, U32, UNIT, type Ty } from "./types.js";

/** What a function checker needs from its module and project. */
export interface CheckEnv {
  /** Module being checked. */
  readonly module: string;
  /** Item order of the item being checked (top-level constants are visible only to later items). */
  readonly order: number;
  /** The module-level binding of a name, if any. */
  binding(name: string): ModuleBinding | undefined;
  /** Resolves a type name used in this module. */
  typeName(name: string): Ty | "undeclared" | "not-a-type";
  /** Fields of a struct (by defining module and name). */
  structFields(module: string, name: string): readonly { readonly name: string; readonly ty: Ty }[] | undefined;
  /** A function definition (by defining module and name). */
  fnDef(module: string, name: string): Extract<Def, { k: "fn" }> | undefined;
  /** The item's text (item-relative offsets index it), to quote literals exactly in messages. */
  readonly itemText?: string;
}

/** A local binding (parameter, `let` name or local constant). Offsets are item-relative. */
export interface LocalInfo {
  /** Index in `FunctionAnalysis.locals`. */
  readonly id: number;
  /** The name. */
  readonly name: string;
  /** `param`, `let` or `const`. */
  readonly kind: "param" | "let" | "const";
  /** Range of the declaring name. */
  readonly s: number;
  /** End of the declaring name. */
  readonly e: number;
  /** Its type. */
  readonly ty: Ty;
  /** Offset from which it is visible. */
  readonly visibleFrom: number;
  /** End of the scope it lives in. */
  readonly scopeEnd: number;
  /** Whether the binding has a written type (inlay hints show inferred ones only). */
  readonly annotated: boolean;
  /** Whether any use refers to it. */
  used: boolean;
}

/** What a name use refers to. */
export type RefTarget =
  | { readonly k: "local"; readonly id: number }
  | { readonly k: "top"; readonly name: string }
  | { readonly k: "field"; readonly module: string; readonly struct: string; readonly field: string };

/** One resolved name use (item-relative offsets). */
export interface RefInfo {
  /** Start of the name (item-relative). */
  readonly s: number;
  /** End of the name. */
  readonly e: number;
  /** The name as written. */
  readonly name: string;
  /** What it refers to. */
  readonly target: RefTarget;
}

/** The result of checking one function or constant item. Offsets are item-relative. */
export interface FunctionAnalysis {
  /** Diagnostics (ranges and fix edits relative to the item start). */
  readonly diagnostics: readonly Diagnostic[];
  /** Local bindings (empty unless types were recorded). */
  readonly locals: readonly LocalInfo[];
  /** Name uses (only when recorded for IDE features), flattened: use `i` spans `refSpans[2i]..refSpans[2i+1]` (see `refsOf`). */
  readonly refSpans: readonly number[];
  /** Target of use `i`: a local's id (number), a module-level name (string) or a field. */
  readonly refTargets: readonly (number | string | Extract<RefTarget, { k: "field" }>)[];
  /** Expression ranges, flattened: expression `i` spans `typeSpans[2i]..typeSpans[2i+1]` (empty unless types were recorded). */
  readonly typeSpans: readonly number[];
  /** The type of expression `i`. */
  readonly typeValues: readonly Ty[];
  /** Module-level names this item reads (for unused imports/constants), in first-use order. */
  readonly usedTopLevel: readonly string[];
  /**
   * Names written as struct-literal names. They are not uses (the reference's quirk: an
   * import used only there is reported unused), but removing such an import would leave
   * the literals naming nothing, so the removal fix is not offered for them.
   */
  readonly literalNames: readonly string[];
}

/**
 * `file` of a related entry that still names a declaration abstractly (range start =
 * parameter index, or -1 for the item's name; message = defining module and item key);
 * the per-file query turns it into a location, since the checker does not know other
 * files' offsets.
 */
export const PARAM_REF = "\u0000param";

const NONE: readonly never[] = [];
// Classes of binary operators, as bits: one lookup per operator instead of a set lookup per
// question (a binary expression asks up to eight).
const ORDERED = 1;
const EQUALITY = 2;
const LOGIC = 4;
const U32_ONLY = 8;
/** The class bits of a binary operator (0 for arithmetic: `+ - * /`). */
function opClass(op: string): number {
  switch (op) {
    case "<":
    case "<=":
    case ">":
    case ">=":
      return ORDERED;
    case "==":
    case "!=":
      return EQUALITY;
    case "&&":
    case "||":
      return LOGIC;
    case "%":
    case "&":
    case "|":
    case "^":
      return U32_ONLY;
    default:
      return 0;
  }
}
const FELT_MAX = 2147483647;
const U32_MAX = 4294967295;


function isPrim(t: Ty | null): boolean {
  return t !== null && (t.k === "felt" || t.k === "u32");
}

/*
 * Control-flow facts of a statement (flow bits), as `Checker.stmt` returns them.
 * SURELY_RETURNS: every path through it reaches a `return` (a statement after it in the
 * same list cannot matter for the function's return). PROVIDES_RETURN: as the last
 * statement of a body, it makes the body return on every path. HAS_BREAK: it contains a
 * `break` of the enclosing loop (a nested loop's own breaks do not count). TERMINATES:
 * control never reaches the next statement (a `return`, a `break` or `continue` inside a
 * loop, an `if` whose both branches terminate, a `loop` without `break`).
 */
const SURELY_RETURNS = 1;
const PROVIDES_RETURN = 2;
const HAS_BREAK = 4;
const TERMINATES = 8;

function stmtKindName(s: Stmt): string {
  switch (s.k) {
    case "let": return "variable declaration";
    case "const": return "constant declaration";
    case "assign": return "assignment";
    case "return": return "return statement";
    case "if": return "if statement";
    case "expr": return "expression statement";
    case "block": return "block";
    case "loop": return "loop";
    case "while": return "while loop";
    case "for": return "for loop";
    case "break": return "break statement";
    case "continue": return "continue statement";
    case "error": return "statement";
  }
}

/** "Insert `as felt`" for a `u32` value where a `felt` is expected (parenthesised when needed). */
function asFeltFix(e: Expr, found: Ty, expected: Ty): Fix[] {
  if (found.k !== "u32" || expected.k !== "felt") return [];
  const needsParens = e.k === "binary";
  const edits = needsParens
    ? [
        { range: { start: e.s, end: e.s }, newText: "(" },
        { range: { start: e.e, end: e.e }, newText: ") as felt" },
      ]
    : [{ range: { start: e.e, end: e.e }, newText: " as felt" }];
  return [{ title: "Convert with `as felt`", safety: "unsafe", edits }];
}

/** Whether `e` is an operator or cast the parser left without an operand or target (a syntax error was reported). */
function isIncomplete(e: Expr): boolean {
  if (e.k === "binary") return e.lhs.k === "missing" || e.rhs.k === "missing";
  if (e.k === "unary") return e.expr.k === "missing";
  return e.k === "cast" && e.target === "";
}

/** Above this many fields a struct's fields are looked up through a map rather than scanned. */
const FIELD_SCAN_LIMIT = 16;

/** Name → field of a struct with many fields, built once per (memoized) field list. */
const fieldMap = memoByObject((fields: readonly { readonly name: string }[]) => {
  const map = new Map<string, { readonly name: string }>();
  for (const f of fields) if (!map.has(f.name)) map.set(f.name, f);
  return map;
});

/**
 * The field named `name`, without allocating a closure per lookup. A scan for the small
 * structs real code has; a map for big ones, where a scan per field of a struct literal
 * was quadratic (a 10,000-field literal took ~0.5 s).
 */
function findField<F extends { readonly name: string }>(fields: readonly F[], name: string): F | undefined {
  if (fields.length > FIELD_SCAN_LIMIT) return fieldMap(fields).get(name) as F | undefined;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.name === name) return f;
  }
  return undefined;
}

/** The function type of a definition (a fresh small object: cheaper than a weak-map lookup per use). */
function fnType(def: Extract<Def, { k: "fn" }>): Ty {
  return { k: "fn", module: def.module, name: def.name };
}

/**
 * Checks one function or constant item against its module's bindings. With
 * `recordTypes`, every name use and the type of every expression are kept (for IDE
 * features); the diagnostics pass leaves it off, which saves most of its allocations.
 */
export function checkItem(env: CheckEnv, item: ItemAst, recordTypes = false): FunctionAnalysis {
  const c = new Checker(env, recordTypes);
  if (item.k === "fn") c.checkFunction(item);
  else if (item.k === "const") c.checkConstItem(item);
  return c.result();
}

/** A {@link FunctionAnalysis} (a class, for the reason given in `alloc.ts`). */
class AnalysisResult implements FunctionAnalysis {
  declare readonly diagnostics: readonly Diagnostic[];
  declare readonly locals: readonly LocalInfo[];
  declare readonly refSpans: readonly number[];
  declare readonly refTargets: readonly (number | string | Extract<RefTarget, { k: "field" }>)[];
  declare readonly typeSpans: readonly number[];
  declare readonly typeValues: readonly Ty[];
  declare readonly usedTopLevel: readonly string[];
  declare readonly literalNames: readonly string[];
  constructor(
    diagnostics: readonly Diagnostic[],
    locals: readonly LocalInfo[],
    refSpans: readonly number[],
    refTargets: readonly (number | string | Extract<RefTarget, { k: "field" }>)[],
    typeSpans: readonly number[],
    typeValues: readonly Ty[],
    usedTopLevel: readonly string[],
    literalNames: readonly string[],
  ) {
    this.diagnostics = diagnostics;
    this.locals = locals;
    this.refSpans = refSpans;
    this.refTargets = refTargets;
    this.typeSpans = typeSpans;
    this.typeValues = typeValues;
    this.usedTopLevel = usedTopLevel;
    this.literalNames = literalNames;
  }
}

/**
 * How many locals in scope (or module-level names read) a linear scan handles: functions
 * rarely have more, and below this a scan beats hashing.
 */
const SCAN_LIMIT = 32;

/** Stands for the recording arrays in the diagnostics pass (frozen: a stray push throws). */
const NOT_RECORDED: never[] = Object.freeze([]) as unknown as never[];

class Checker {
  // Kept by the memo with the result: see `alloc.ts` on why these are not `[]` literals.
  private readonly diags: Diagnostic[] = newList();
  private readonly locals: LocalInfo[] = newList();
  // Allocated only when recording (IDE features): the diagnostics pass never pushes.
  private readonly refSpans: number[];
  private readonly refTargets: (number | string | Extract<RefTarget, { k: "field" }>)[];
  private readonly typeSpans: number[];
  private readonly typeValues: Ty[];
  /** Module-level names read, in first-use order (an item reads few: a list, with `usedSet` beside it past {@link SCAN_LIMIT}). */
  private readonly used: string[] = newList();
  // Scopes as flat stacks (no object per block): the locals in scope, innermost last, and
  // per open scope where its locals start in that list and where the scope ends.
  private readonly inScope: LocalInfo[] = [];
  /**
   * Once more than {@link SCAN_LIMIT} locals are in scope: name → index in `inScope` of its
   * innermost binding, and per index the binding it shadows (-1: none), so a lookup stays
   * constant time in a generated function with thousands of `let`s (a scan made it quadratic).
   */
  private byName: Map<string, number> | undefined;
  private shadowed: number[] | undefined;
  /** Struct-literal names (see `FunctionAnalysis.literalNames`); most items write none. */
  private literalNames: string[] | undefined;
  /** Set beside `used` once an item reads many module-level names (same reason). */
  private usedSet: Set<string> | undefined;
  private readonly scopeStarts: number[] = [];
  private readonly scopeEnds: number[] = [];
  private leak: Ty | null = null;
  private loopDepth = 0;
  private fnName = "";
  private retTy: Ty = UNIT;
  private retRef: TypeRef | null = null;
  private bodyStart = 0;
  /**
   * For "Add return type": the type (as written) of every value returned so far, `""` once
   * two differ or a `return;` has no value (a return type would make the others errors),
   * `null` before the first `return`.
   */
  private returnedType: string | null = null;
  /** Indexes in `diags` of the return mismatches that offer "Add return type". */
  private returnTypeFixes: number[] | undefined;

  constructor(
    private readonly env: CheckEnv,
    private readonly recordTypes: boolean,
  ) {
    this.refSpans = recordTypes ? [] : NOT_RECORDED;
    this.refTargets = recordTypes ? [] : NOT_RECORDED;
    this.typeSpans = recordTypes ? [] : NOT_RECORDED;
    this.typeValues = recordTypes ? [] : NOT_RECORDED;
  }

  result(): FunctionAnalysis {
    if (!this.recordTypes) {
      // The diagnostics pass keeps only what the per-file query reads: the locals and the
      // empty recording arrays would otherwise stay in memory once per item.
      return new AnalysisResult(this.diags, NONE, NONE, NONE, NONE, NONE, this.usedNames(), this.literalNames ?? NONE);
    }
    return new AnalysisResult(this.diags, this.locals, this.refSpans, this.refTargets, this.typeSpans, this.typeValues, this.usedNames(), this.literalNames ?? NONE);
  }

  private usedNames(): string[] {
    // First-use order is already deterministic for a given item, so no sort.
    return trimmed(this.used);
  }

  private markUsed(name: string): void {
    const set = this.usedSet;
    if (set !== undefined) {
      if (set.has(name)) return;
      set.add(name);
    } else {
      if (this.used.includes(name)) return;
      if (this.used.length >= SCAN_LIMIT) this.usedSet = new Set(this.used).add(name);
    }
    this.used.push(name);
  }

  private report(code: string, message: string, s: number, e: number, extra?: { fixes?: Fix[]; related?: RelatedInformation[] }): void {
    const severity = code === "unused-variable" || code === "unreachable-code" ? "warning" : "error";
    this.diags.push(diagnostic(code, severity, message, s, e, extra));
  }

  private ref(s: number, e: number, target: number | string | Extract<RefTarget, { k: "field" }>): void {
    if (!this.recordTypes) return;
    this.refSpans.push(s, e);
    this.refTargets.push(target);
  }

  // ---- scopes ---------------------------------------------------------------------------

  private push(end: number): void {
    this.scopeStarts.push(this.inScope.length);
    this.scopeEnds.push(end);
  }
  private pop(): void {
    const start = this.scopeStarts.pop()!;
    const byName = this.byName;
    if (byName !== undefined) {
      // Each name leaving scope gets back the binding it shadowed.
      const inScope = this.inScope;
      const shadowed = this.shadowed!;
      for (let j = inScope.length - 1; j >= start; j--) {
        const previous = shadowed[j]!;
        if (previous >= 0) byName.set(inScope[j]!.name, previous);
        else byName.delete(inScope[j]!.name);
      }
      shadowed.length = start;
    }
    this.inScope.length = start;
    this.scopeEnds.pop();
  }
  private bind(name: string, kind: LocalInfo["kind"], s: number, e: number, ty: Ty, visibleFrom: number, annotated: boolean): LocalInfo {
    const scopeEnd = this.scopeEnds[this.scopeEnds.length - 1]!;
    const local: LocalInfo = { id: this.locals.length, name, kind, s, e, ty, visibleFrom, scopeEnd, annotated, used: false };
    this.locals.push(local);
    const j = this.inScope.length;
    this.inScope.push(local);
    if (this.byName !== undefined) this.indexLocal(j);
    else if (j >= SCAN_LIMIT) {
      this.byName = new Map();
      this.shadowed = [];
      for (let i = 0; i <= j; i++) this.indexLocal(i);
    }
    return local;
  }
  /** Makes `inScope[j]` the innermost binding of its name in `byName`. */
  private indexLocal(j: number): void {
    const name = this.inScope[j]!.name;
    this.shadowed![j] = this.byName!.get(name) ?? -1;
    this.byName!.set(name, j);
  }
  private lookupLocal(name: string): LocalInfo | undefined {
    if (this.byName !== undefined) {
      const j = this.byName.get(name);
      return j === undefined ? undefined : this.inScope[j];
    }
    // Innermost and latest first: the list is in binding order, inner scopes last.
    for (let j = this.inScope.length - 1; j >= 0; j--) if (this.inScope[j]!.name === name) return this.inScope[j];
    return undefined;
  }

  // ---- items ----------------------------------------------------------------------------

  checkFunction(fn: Extract<ItemAst, { k: "fn" }>): void {
    this.fnName = fn.name;
    this.push(fn.e);
    let firstByName: Map<string, (typeof fn.params)[number]> | undefined;
    for (let i = 0; i < fn.params.length; i++) {
      const p = fn.params[i]!;
      const ty = this.resolveType(p.ty, true);
      if (!p.name) continue;
      // Parameter lists are short: a scan of the earlier ones beats a map per function, up to
      // SCAN_LIMIT of them (a generated list of thousands made the scan quadratic).
      let first: (typeof p) | undefined;
      if (firstByName !== undefined) {
        first = firstByName.get(p.name);
        if (first === undefined) firstByName.set(p.name, p);
      } else {
        for (let j = 0; j < i && !first; j++) if (fn.params[j]!.name === p.name) first = fn.params[j];
        if (i >= SCAN_LIMIT) {
          // Backwards, so that the first parameter of each name is the one kept.
          firstByName = new Map();
          for (let j = i; j >= 0; j--) if (fn.params[j]!.name) firstByName.set(fn.params[j]!.name, fn.params[j]!);
        }
      }
      if (first) {
        this.report("duplicate-parameter", `parameter \`${p.name}\` is declared twice`, p.ns, p.ne, {
          related: [{ file: "", range: { start: first.ns, end: first.ne }, message: `first \`${p.name}\` declared here` }],
        });
      }
      this.bind(p.name, "param", p.ns, p.ne, ty, 0, true);
    }
    this.retTy = fn.ret ? this.resolveType(fn.ret, true) : UNIT;
    this.retRef = fn.ret;
    if (fn.body) {
      this.bodyStart = fn.body.s;
      const flow = this.stmtList(fn.body.stmts);
      if ((flow & PROVIDES_RETURN) === 0 && fn.name) {
        const fixes: Fix[] = isUnit(this.retTy)
          ? [{ title: "Add `return;` at the end of the function", safety: "safe", edits: [{ range: { start: fn.body.e - 1, end: fn.body.e - 1 }, newText: "return;\n" }] }]
          : [];
        this.report("missing-return", `\`${fn.name}\` does not return on every path${isUnit(this.retTy) ? " (unit functions also end with `return;`)" : ""}`, fn.ns, fn.ne, { fixes });
      }
      // A return type fits only returns that all give one type and a body that always returns.
      if (this.returnedType === "" || (flow & PROVIDES_RETURN) === 0) this.dropReturnTypeFixes();
    }
    this.pop();
    this.reportUnusedLocals();
  }

  /** Takes "Add return type" back from the mismatches offered it (the type would not fit the function). */
  private dropReturnTypeFixes(): void {
    for (const i of this.returnTypeFixes ?? []) {
      const d = this.diags[i]!;
      const fixes = d.fixes!.filter((f) => !f.title.startsWith("Add return type"));
      this.diags[i] = diagnostic(d.code, d.severity, d.message, d.range.start, d.range.end, { fixes, related: d.related });
    }
  }

  /** Notes the type of a returned value (`null` for a `return;`) for "Add return type". */
  private noteReturned(t: Ty | null): void {
    // Only a function without a written return type is offered one.
    if (this.retRef !== null || t?.k === "error") return;
    const written = t === null ? "" : typeToString(t);
    if (this.returnedType === null) this.returnedType = written;
    else if (this.returnedType !== written) this.returnedType = "";
  }

  checkConstItem(c: Extract<ItemAst, { k: "const" }>): void {
    this.push(c.e);
    this.constValue(c.name, c.ty, c.init);
    this.pop();
  }

  private reportUnusedLocals(): void {
    // Names starting with `_` the item mentions, read once the first unused binding needs them.
    let mentioned: Set<string> | undefined;
    const text = this.env.itemText;
    for (let i = 0; i < this.locals.length; i++) {
      const l = this.locals[i]!;
      if (l.used || l.name.startsWith("_")) continue;
      // Without the item's text no new name can be shown to be free: no fix then.
      if (text !== undefined) mentioned ??= underscoredNames(text);
      this.report("unused-variable", `\`${l.name}\` is never used (prefix it with \`_\` to silence)`, l.s, l.e, {
        fixes: mentioned ? silencingPrefixFix(l.name, l.s, "safe", mentioned) : [],
      });
    }
  }

  // ---- types as written -----------------------------------------------------------------

  private resolveType(ref: TypeRef, checkNested: boolean): Ty {
    switch (ref.k) {
      case "named": {
        const t = this.env.typeName(ref.name);
        if (t === "undeclared") {
          this.report("undeclared-type", `cannot find type \`${ref.name}\``, ref.s, ref.e);
          return ERROR;
        }
        if (t === "not-a-type") {
          this.report("not-a-type", `\`${ref.name}\` is not a type (only \`felt\`, \`u32\`, \`bool\` and structs are)`, ref.s, ref.e);
          // Still a use of that name (a function, a constant): references and rename must see it.
          this.markUsed(ref.name);
          this.ref(ref.s, ref.e, ref.name);
          return ERROR;
        }
        // A struct, or an import whose module did not resolve (the error type, reported at the
        // `use`): either way the name is used here, so the import is not "never used".
        if (t.k === "struct" || t.k === "error") {
          this.markUsed(ref.name);
          this.ref(ref.s, ref.e, ref.name);
        }
        return t;
      }
      case "array": {
        const elem = this.resolveType(ref.elem, checkNested);
        if (elem.k === "array" || ref.elem.k === "array") {
          if (checkNested) this.report("nested-array", "arrays of arrays are not supported", ref.s, ref.e);
          return ERROR;
        }
        if (ref.len === null) return ERROR;
        return { k: "array", elem, len: ref.len };
      }
      case "tuple":
        return { k: "tuple", elems: ref.elems.map((e) => this.resolveType(e, checkNested)) };
      case "ptr":
        return { k: "ptr", elem: this.resolveType(ref.elem, checkNested) };
      case "missing":
        return ERROR;
    }
  }

  // ---- statements -----------------------------------------------------------------------

  /**
   * Checks `s` and returns its control-flow facts (flow bits), from which the caller's
   * statement list finds unreachable statements and the function body a missing return:
   * one walk for both, instead of a separate recursive pass per fact.
   */
  private stmt(s: Stmt): number {
    switch (s.k) {
      case "block": {
        this.push(s.e);
        const flow = this.stmtList(s.stmts);
        this.pop();
        return flow;
      }
      case "let":
        this.letStmt(s);
        return 0;
      case "const": {
        const ty = this.constValue(s.name, s.ty, s.init);
        if (s.name) this.bind(s.name, "const", s.ns, s.ne, ty, s.e, s.ty !== null);
        return 0;
      }
      case "return":
        this.returnStmt(s);
        return SURELY_RETURNS | PROVIDES_RETURN | TERMINATES;
      case "if": {
        this.condition(s.cond);
        const then = this.branch(s.then);
        if (!s.else) return then & HAS_BREAK;
        const otherwise = this.branch(s.else);
        return (then & otherwise) | ((then | otherwise) & HAS_BREAK);
      }
      case "loop": {
        this.loopDepth++;
        const body = this.branch(s.body);
        this.loopDepth--;
        // A loop without a `break` never ends; its own breaks are not the enclosing loop's.
        return (body & (SURELY_RETURNS | PROVIDES_RETURN)) | ((body & HAS_BREAK) === 0 ? TERMINATES : 0);
      }
      case "while":
        this.condition(s.cond);
        this.loopDepth++;
        this.branch(s.body);
        this.loopDepth--;
        return 0;
      case "for": {
        this.push(s.e);
        // The init and step parts are outside the loop body for break/continue.
        if (s.init) this.stmt(s.init);
        this.condition(s.cond);
        if (s.step) this.stmt(s.step);
        this.loopDepth++;
        this.branch(s.body);
        this.loopDepth--;
        this.pop();
        return 0;
      }
      case "break":
      case "continue":
        if (this.loopDepth === 0) {
          this.report(`${s.k}-outside-loop`, `\`${s.k}\` can only be used inside a loop`, s.s, s.e);
          return s.k === "break" ? HAS_BREAK : 0;
        }
        return s.k === "break" ? HAS_BREAK | TERMINATES : TERMINATES;
      case "assign":
        this.assign(s.lhs, s.rhs);
        return 0;
      case "expr":
        this.expr(s.expr, null);
        return 0;
      case "error":
        return 0;
    }
  }

  /**
   * Checks a statement list, warning on every statement after one that terminates, and
   * returns the list's flow bits: any statement's `SURELY_RETURNS`, `HAS_BREAK` and
   * `TERMINATES`; `PROVIDES_RETURN` when an earlier statement surely returns or the last
   * one provides a return.
   */
  private stmtList(stmts: readonly Stmt[]): number {
    let any = 0;
    let last = 0;
    for (let i = 0; i < stmts.length; i++) {
      const x = stmts[i]!;
      if ((any & TERMINATES) !== 0) this.report("unreachable-code", `unreachable ${stmtKindName(x)}`, x.s, x.e);
      last = this.stmt(x);
      if (i < stmts.length - 1) any |= last;
    }
    const provides = (any & SURELY_RETURNS) !== 0 || (last & PROVIDES_RETURN) !== 0 ? PROVIDES_RETURN : 0;
    return ((any | last) & (SURELY_RETURNS | HAS_BREAK | TERMINATES)) | provides;
  }

  /** A branch or loop body: its own scope even when it is not a block. Returns its flow bits. */
  private branch(s: Stmt): number {
    this.push(s.e);
    const flow = s.k === "block" ? this.stmtList(s.stmts) : this.stmt(s);
    this.pop();
    return flow;
  }

  private condition(cond: Expr): void {
    const t = this.expr(cond, BOOL);
    if (!compatible(t, BOOL) && cond.k !== "missing") {
      this.report("condition-not-bool", `condition must be \`bool\`, found \`${typeToString(t)}\``, cond.s, cond.e);
    }
  }

  private leakFor(t: Ty | null): Ty | null {
    if (t && isPrim(t)) return t;
    if (t && t.k === "array" && isPrim(t.elem)) return t.elem;
    return null;
  }

  private rangeCheck(declared: Ty, init: Expr, what: string): void {
    if (!isPrim(declared)) return;
    const kind = declared.k as "felt" | "u32";
    if (init.k === "int" && !init.bad) {
      const max = kind === "u32" ? U32_MAX : FELT_MAX;
      if (init.value > max) {
        this.report("literal-out-of-range", `${this.literalValue(init)} does not fit in \`${kind}\` (0..=${max})`, init.s, init.e);
      }
    } else if (init.k === "unary" && init.op === "-") {
      this.report("literal-out-of-range", `a negated value cannot initialise ${what} of type \`${kind}\``, init.s, init.e);
    }
  }

  /** A literal's value for a message: exact also past 2^53, where the AST's double is rounded. */
  private literalValue(e: Extract<Expr, { k: "int" }>): string {
    if (Number.isSafeInteger(e.value)) return String(e.value);
    const text = this.env.itemText;
    const exact = text === undefined ? undefined : intLiteralExactValue(text.slice(e.s, e.e));
    return exact === undefined ? String(e.value) : exact.toString();
  }

  private letStmt(s: Extract<Stmt, { k: "let" }>): void {
    const ann = s.ty ? this.resolveType(s.ty, true) : null;
    const saved = this.leak;
    this.leak = this.leakFor(ann);
    const initTy = this.expr(s.init, ann, true);
    this.leak = saved;
    if (ann) {
      if (!compatible(initTy, ann) && s.init.k !== "missing") {
        const label = s.pat.k === "ident" ? `\`${s.pat.name}\`` : "this pattern";
        this.report("let-type-mismatch", `${label} is declared \`${typeToString(ann)}\` but initialised with \`${typeToString(initTy)}\``, s.init.s, s.init.e, {
          fixes: asFeltFix(s.init, initTy, ann),
        });
      }
      this.rangeCheck(ann, s.init, "a binding");
    }
    this.bindPattern(s.pat, ann ?? initTy, s.init, s.e, ann !== null, s.pat.k === "tuple" ? new Set() : null);
  }

  /** Binds a pattern's names; `names` (tuple patterns only) catches a name bound twice. */
  private bindPattern(p: Pattern, ty: Ty, init: Expr, visibleFrom: number, annotated: boolean, names: Set<string> | null): void {
    if (p.k === "missing") return;
    if (p.k === "ident") {
      if (names?.has(p.name)) this.report("duplicate-pattern-binding", `\`${p.name}\` is bound more than once in this pattern`, p.s, p.e);
      names?.add(p.name);
      this.bind(p.name, "let", p.s, p.e, ty, visibleFrom, annotated);
      return;
    }
    let elems: readonly Ty[] | null = null;
    if (ty.k === "tuple") {
      if (ty.elems.length !== p.elems.length) {
        this.report("tuple-pattern-mismatch", `pattern has ${p.elems.length} elements but the value has ${ty.elems.length}`, init.s, init.e);
      } else elems = ty.elems;
    } else if (ty.k !== "error") {
      this.report("tuple-pattern-mismatch", `this pattern needs a tuple, found \`${typeToString(ty)}\``, init.s, init.e);
    }
    const set = names ?? new Set<string>();
    for (let i = 0; i < p.elems.length; i++) this.bindPattern(p.elems[i]!, elems?.[i] ?? ERROR, init, visibleFrom, annotated, set);
  }

  private constValue(name: string, tyRef: TypeRef | null, init: Expr): Ty {
    const ann = tyRef ? this.resolveType(tyRef, true) : null;
    const saved = this.leak;
    this.leak = this.leakFor(ann);
    const t = this.expr(init, ann, true);
    this.leak = saved;
    if (ann) {
      if (!compatible(t, ann) && init.k !== "missing") {
        this.report("const-type-mismatch", `constant \`${name}\` is declared \`${typeToString(ann)}\` but its value is \`${typeToString(t)}\``, init.s, init.e);
      }
      this.rangeCheck(ann, init, "a constant");
    }
    return ann ?? t;
  }

  private returnStmt(s: Extract<Stmt, { k: "return" }>): void {
    if (!s.value) {
      this.noteReturned(null);
      if (!isUnit(this.retTy) && this.retTy.k !== "error") {
        this.report("missing-return-value", `\`${this.fnName}\` must return a \`${typeToString(this.retTy)}\` value`, s.s, s.e);
      }
      return;
    }
    const t = this.expr(s.value, this.retTy, s.value.k === "int");
    this.noteReturned(t);
    this.constArrayCheck(s.value);
    if (!compatible(t, this.retTy)) {
      const related: RelatedInformation[] = this.retRef
        ? [{ file: "", range: { start: this.retRef.s, end: this.retRef.e }, message: "return type declared here" }]
        : [];
      const fixes: Fix[] = asFeltFix(s.value, t, this.retTy);
      if (!this.retRef && isUnit(this.retTy) && t.k !== "error") {
        fixes.push({
          title: `Add return type \`-> ${typeToString(t)}\``,
          safety: "unsafe",
          edits: [{ range: { start: this.bodyStart, end: this.bodyStart }, newText: `-> ${typeToString(t)} ` }],
        });
        (this.returnTypeFixes ??= []).push(this.diags.length);
      }
      this.report("return-type-mismatch", `function \`${this.fnName}\` returns \`${typeToString(this.retTy)}\`, found \`${typeToString(t)}\``, s.value.s, s.value.e, { fixes, related });
    }
  }

  private assign(lhs: Expr, rhs: Expr): void {
    const place = this.placeRoot(lhs);
    const lt = this.expr(lhs, null, false, true);
    const rt = this.expr(rhs, lt, false);
    if (place === "invalid") {
      this.report("invalid-assignment-target", "only variables, fields, tuple elements and array elements can be assigned", lhs.s, lhs.e);
      return;
    }
    if (place !== "ok") {
      const local = this.lookupLocal(place);
      const top = local ? undefined : this.env.binding(place)?.def;
      const related: RelatedInformation[] =
        local?.kind === "const"
          ? [{ file: "", range: { start: local.s, end: local.e }, message: `\`${place}\` is declared here` }]
          : top
            ? [{ file: PARAM_REF, range: { start: -1, end: -1 }, message: `${top.module}\u0000${top.key}` }]
            : [];
      this.report("assign-to-const", `\`${place}\` is a constant and cannot be assigned`, lhs.s, lhs.e, { related });
      return;
    }
    if (!compatible(rt, lt)) {
      this.report("assignment-type-mismatch", `cannot assign \`${typeToString(rt)}\` to a place of type \`${typeToString(lt)}\``, rhs.s, rhs.e, {
        fixes: asFeltFix(rhs, rt, lt),
      });
    }
  }

  /** `ok` for an assignable place, `invalid` for a non-place, or the constant's name it is rooted in. */
  private placeRoot(e: Expr): "ok" | "invalid" | string {
    switch (e.k) {
      case "name": {
        const local = this.lookupLocal(e.name);
        if (local) return local.kind === "const" ? e.name : "ok";
        const b = this.env.binding(e.name);
        // A constant declared later is not visible here: reading the name reports it.
        if (b?.def?.k === "const") return this.isVisible(b) ? e.name : "ok";
        // A struct name is reported where it is read ("a struct, not a value"): once is enough.
        if (b?.def?.k === "fn") return "invalid";
        return "ok";
      }
      case "field":
      case "tindex":
      case "index":
        return this.placeRoot(e.obj);
      case "missing":
        return "ok";
      default:
        // An operator whose operand the parser could not find (`a += 1` reads as
        // `a + <missing> = 1`): the syntax error already covers it.
        return isIncomplete(e) ? "ok" : "invalid";
    }
  }

  // ---- expressions ----------------------------------------------------------------------

  private record(e: Expr, t: Ty): Ty {
    if (this.recordTypes) {
      this.typeSpans.push(e.s, e.e);
      this.typeValues.push(t);
    }
    return t;
  }

  private isConstArray(e: Expr): string | undefined {
    if (e.k !== "name") return undefined;
    const local = this.lookupLocal(e.name);
    if (local) return local.kind === "const" && local.ty.k === "array" ? e.name : undefined;
    const b = this.env.binding(e.name);
    return b?.def?.k === "const" && b.def.ty.k === "array" && this.isVisible(b) ? e.name : undefined;
  }

  private constArrayCheck(e: Expr): void {
    const name = this.isConstArray(e);
    if (name) {
      this.report("const-array-by-pointer", `constant array \`${name}\` cannot be passed by pointer; copy it into a \`let\` first`, e.s, e.e);
    }
  }

  /**
   * Types `e`. `expected` types unsuffixed literals (rule 3 of §4.4); `specific` marks an
   * expectation that beats the annotation leak (rule 2).
   */
  private expr(e: Expr, expected: Ty | null, specific = false, assignTarget = false): Ty {
    switch (e.k) {
      case "int": {
        let t: Ty;
        if (e.bad) t = ERROR;
        else if (e.suffix === "u32") t = U32;
        else if (e.suffix === "felt") t = FELT;
        else if (specific && expected && isPrim(expected)) t = expected;
        else if (this.leak) t = this.leak;
        else if (expected && isPrim(expected)) t = expected;
        else t = FELT;
        return this.record(e, t);
      }
      case "bool":
        return this.record(e, BOOL);
      case "name":
        return this.record(e, this.name(e, assignTarget));
      case "paren":
        return this.record(e, this.expr(e.inner, expected, specific));
      case "tuple": {
        const exp = expected && expected.k === "tuple" && expected.elems.length === e.elems.length ? expected.elems : null;
        const saved = this.leak;
        const elems: Ty[] = [];
        for (let i = 0; i < e.elems.length; i++) {
          const x = e.elems[i]!;
          if (exp && specific) this.leak = isPrim(exp[i]!) ? exp[i]! : null;
          elems.push(this.expr(x, exp?.[i] ?? null, specific && exp !== null));
          this.constArrayCheck(x);
        }
        this.leak = saved;
        return this.record(e, { k: "tuple", elems });
      }
      case "array":
        return this.record(e, this.arrayLiteral(e, expected, specific));
      case "repeat": {
        const expElem = expected && expected.k === "array" ? expected.elem : null;
        const t = this.expr(e.elem, expElem, specific);
        if (t.k === "array") {
          this.report("nested-array", "arrays of arrays are not supported", e.s, e.e);
          return this.record(e, ERROR);
        }
        return this.record(e, e.len === null ? ERROR : { k: "array", elem: t, len: e.len });
      }
      case "struct":
        return this.record(e, this.structLiteral(e));
      case "new": {
        const ty = this.resolveType(e.ty, true);
        const saved = this.leak;
        this.leak = null;
        const ct = this.expr(e.count, FELT, true);
        this.leak = saved;
        if (!compatible(ct, FELT)) {
          this.report("new-count-not-felt", `allocation count must be \`felt\`, found \`${typeToString(ct)}\``, e.count.s, e.count.e);
        }
        return this.record(e, { k: "ptr", elem: ty });
      }
      case "call":
        return this.record(e, this.call(e));
      case "field": {
        const ot = this.expr(e.obj, null, false, assignTarget);
        if (ot.k === "error" || !e.name) return this.record(e, ERROR);
        if (ot.k !== "struct") {
          this.report("field-access-on-non-struct", `\`${typeToString(ot)}\` has no fields`, e.obj.s, e.obj.e);
          return this.record(e, ERROR);
        }
        const fields = this.env.structFields(ot.module, ot.name);
        const f = fields ? findField(fields, e.name) : undefined;
        if (!f) {
          if (fields) this.report("unknown-field", `\`${ot.name}\` has no field \`${e.name}\``, e.ns, e.ne);
          return this.record(e, ERROR);
        }
        if (this.recordTypes) this.ref(e.ns, e.ne, { k: "field", module: ot.module, struct: ot.name, field: e.name });
        return this.record(e, f.ty);
      }
      case "tindex": {
        const ot = this.expr(e.obj, null, false, assignTarget);
        if (ot.k === "error") return this.record(e, ERROR);
        if (ot.k !== "tuple") {
          this.report("tuple-index-on-non-tuple", `\`.${e.index}\` used on \`${typeToString(ot)}\`, which is not a tuple`, e.obj.s, e.obj.e);
          return this.record(e, ERROR);
        }
        const t = ot.elems[e.index];
        if (!t) {
          this.report("tuple-index-out-of-bounds", `\`${typeToString(ot)}\` has no element ${e.index}`, e.obj.s, e.obj.e);
          return this.record(e, ERROR);
        }
        return this.record(e, t);
      }
      case "index":
        return this.record(e, this.index(e, assignTarget));
      case "cast": {
        const t = this.expr(e.expr, null);
        const target = primitiveType(e.target);
        // No target (`x as ;`): the parser reported it; the cast means nothing yet.
        if (t.k === "error" || e.target === "") return this.record(e, target ?? ERROR);
        if (!(t.k === "u32" && target?.k === "felt")) {
          this.report("invalid-cast", `cannot cast \`${typeToString(t)}\` to \`${e.target || "?"}\` (the only cast is \`u32 as felt\`)`, e.expr.s, e.expr.e);
        }
        return this.record(e, target ?? ERROR);
      }
      case "unary": {
        const t = this.expr(e.expr, e.op === "-" ? expected : BOOL, specific);
        if (t.k === "error") return this.record(e, e.op === "!" ? BOOL : ERROR);
        if (e.op === "!" && t.k !== "bool") {
          this.report("operator-type-mismatch", `\`!\` cannot be applied to \`${typeToString(t)}\` (it needs \`bool\`)`, e.expr.s, e.expr.e);
          return this.record(e, BOOL);
        }
        if (e.op === "-" && !isPrim(t)) {
          this.report("operator-type-mismatch", `\`-\` cannot be applied to \`${typeToString(t)}\` (only \`felt\` and \`u32\`)`, e.expr.s, e.expr.e);
          return this.record(e, ERROR);
        }
        return this.record(e, t);
      }
      case "binary":
        // Two levels recurse once; only longer chains take the loop (and its spine array).
        return this.record(e, e.lhs.k === "binary" && e.lhs.lhs.k === "binary" ? this.binaryChain(e, expected) : this.binary(e, null, expected));
      case "missing":
        return ERROR;
    }
  }

  private name(e: Extract<Expr, { k: "name" }>, assignTarget: boolean): Ty {
    const local = this.lookupLocal(e.name);
    if (local) {
      local.used = true;
      this.ref(e.s, e.e, local.id);
      return local.ty;
    }
    const b = this.env.binding(e.name);
    if (b && this.isVisible(b)) {
      this.markUsed(e.name);
      this.ref(e.s, e.e, e.name);
      const def = b.def;
      if (!def) return ERROR;
      if (def.k === "fn") return fnType(def);
      if (def.k === "const") return def.ty;
      this.report("undeclared-variable", `\`${e.name}\` is a struct, not a value`, e.s, e.e);
      return ERROR;
    }
    if (e.name === "assert") return UNIT;
    const later = b ? " (the constant is declared later in the file; move it above this item)" : "";
    this.report("undeclared-variable", `cannot find \`${e.name}\` in this scope${later}`, e.s, e.e);
    return ERROR;
  }

  /** Whether a module-level binding is visible here: a top-level constant only to the items after it (§4.2). */
  private isVisible(b: ModuleBinding): boolean {
    return !(b.via === "item" && b.def?.k === "const" && b.order >= this.env.order);
  }

  /**
   * A binary expression whose left operand is one too (`a + b + c …`, left-deep), with a
   * loop down its left spine instead of recursion: a generated sum of thousands of terms
   * must not overflow the stack. The same checks, records and diagnostics in the same order
   * as the recursion: innermost first, each node recorded before the next one's right side.
   */
  private binaryChain(e: Extract<Expr, { k: "binary" }>, expected: Ty | null): Ty {
    const spine: Extract<Expr, { k: "binary" }>[] = [];
    let inner: Expr = e;
    while (inner.k === "binary") {
      spine.push(inner);
      inner = inner.lhs;
    }
    // Only the outermost operator has the chain's context; each inner one is an operand.
    let t = this.binary(spine[spine.length - 1]!, null, null);
    for (let i = spine.length - 2; i >= 0; i--) {
      this.record(spine[i + 1]!, t);
      t = this.binary(spine[i]!, t, i === 0 ? expected : null);
    }
    return t;
  }

  /**
   * `e`, its left operand's type already known as `left` when that operand is a binary
   * expression checked by `binaryChain`. `expected` is the type its context requires, if
   * known (it decides whether a cast of the left operand would fit there).
   */
  private binary(e: Extract<Expr, { k: "binary" }>, left: Ty | null, expected: Ty | null): Ty {
    const op = e.op;
    const cls = opClass(op);
    const literalLeft = (op === "+" || op === "*" || op === "==" || op === "!=") && e.lhs.k === "int" && e.lhs.suffix === "" && !e.lhs.bad;
    let lt: Ty;
    let rt: Ty;
    if (left !== null) {
      lt = left;
      rt = this.expr(e.rhs, lt);
    } else if (literalLeft) {
      rt = this.expr(e.rhs, null);
      lt = this.expr(e.lhs, rt);
    } else {
      lt = this.expr(e.lhs, cls === LOGIC ? BOOL : null);
      rt = this.expr(e.rhs, lt);
    }
    // An operand the parser could not find (`a << 1` reads as `a < <missing>`, `x + ;`): the
    // syntax error is the whole story, so the operator and what uses its value stay silent.
    if (isIncomplete(e) || isIncomplete(e.lhs) || isIncomplete(e.rhs)) return ERROR;
    const yieldsBool = (cls & (ORDERED | EQUALITY | LOGIC)) !== 0;
    const fallback = yieldsBool ? BOOL : ERROR;
    if (lt.k === "error") return rt.k === "error" ? fallback : yieldsBool ? BOOL : this.allowed(cls, rt) ? rt : ERROR;
    if (!this.allowed(cls, lt)) {
      let why = "";
      if (cls === ORDERED && lt.k === "felt") why = " (only `u32` is ordered)";
      else if (cls === U32_ONLY) why = " (only `u32`)";
      else if (cls === LOGIC) why = " (it needs `bool`)";
      this.report("operator-type-mismatch", `\`${op}\` cannot be applied to \`${typeToString(lt)}\`${why}`, e.lhs.s, e.lhs.e);
      return fallback;
    }
    if (rt.k !== "error" && !compatible(lt, rt)) {
      this.report("operator-type-mismatch", `right operand of \`${op}\` is \`${typeToString(rt)}\`, expected \`${typeToString(lt)}\``, e.rhs.s, e.rhs.e, {
        fixes: this.operandCastFix(e, lt, rt, cls, expected),
      });
      return yieldsBool ? BOOL : lt;
    }
    return yieldsBool ? BOOL : lt;
  }

  /**
   * "Convert with `as felt`" for a `u32`/`felt` operand mismatch, on the operand whose cast
   * makes the operator type-check (`u32 as felt` is the only cast, LANGUAGE.md §4.5): the
   * right one when the left is `felt`; the left one when the right is `felt`, but only where
   * the operator's value keeps fitting its context (a comparison stays `bool`; an arithmetic
   * result becomes `felt`, so only where `felt` is required). None for operators that do
   * not take `felt` (`<`, `%`, `&`…): no legal cast helps there.
   */
  private operandCastFix(e: Extract<Expr, { k: "binary" }>, lt: Ty, rt: Ty, cls: number, expected: Ty | null): Fix[] {
    if (!this.allowed(cls, FELT)) return [];
    if (lt.k === "felt") return asFeltFix(e.rhs, rt, lt);
    if (rt.k !== "felt" || (cls !== EQUALITY && expected?.k !== "felt")) return [];
    return asFeltFix(e.lhs, lt, rt);
  }

  /** Whether an operator of class `cls` (see {@link opClass}) applies to a left operand of type `t`. */
  private allowed(cls: number, t: Ty): boolean {
    if (cls === LOGIC) return t.k === "bool";
    if (cls === EQUALITY) return t.k === "felt" || t.k === "u32" || t.k === "bool";
    if (cls === ORDERED || cls === U32_ONLY) return t.k === "u32";
    return t.k === "felt" || t.k === "u32";
  }

  private call(e: Extract<Expr, { k: "call" }>): Ty {
    if (e.callee.k === "name" && e.callee.name === "assert") {
      if (e.args.length !== 1) {
        this.report("wrong-argument-count", `\`assert\` takes 1 argument but ${e.args.length} were given`, e.callee.s, e.callee.e);
      }
      for (let i = 0; i < e.args.length; i++) {
        const a = e.args[i]!;
        const t = this.expr(a, BOOL);
        if (i === 0 && !compatible(t, BOOL)) {
          this.report("condition-not-bool", `\`assert\` needs a \`bool\` condition, found \`${typeToString(t)}\``, a.s, a.e);
        }
      }
      return UNIT;
    }
    const ct = this.expr(e.callee, null);
    if (ct.k === "fn") {
      const def = this.env.fnDef(ct.module, ct.name);
      if (!def) {
        for (let i = 0; i < e.args.length; i++) {
          const a = e.args[i]!;
          this.expr(a, null);
        }
        return ERROR;
      }
      if (def.params.length !== e.args.length) {
        const n = def.params.length;
        this.report("wrong-argument-count", `\`${def.name}\` takes ${n} argument${n === 1 ? "" : "s"} but ${e.args.length} ${e.args.length === 1 ? "was" : "were"} given`, e.callee.s, e.callee.e);
        for (let i = 0; i < e.args.length; i++) {
          const a = e.args[i]!;
          this.expr(a, null);
        }
        return def.ret;
      }
      for (let i = 0; i < e.args.length; i++) {
        const a = e.args[i]!;
        const p = def.params[i]!;
        const t = this.expr(a, p.ty);
        this.constArrayCheck(a);
        if (!compatible(t, p.ty)) {
          this.report("argument-type-mismatch", `argument \`${p.name}\` expects \`${typeToString(p.ty)}\`, found \`${typeToString(t)}\``, a.s, a.e, {
            fixes: asFeltFix(a, t, p.ty),
            // Resolved to the parameter's file and range by the per-file diagnostics query.
            related: [{ file: PARAM_REF, range: { start: i, end: i }, message: `${def.module}\u0000${def.key}` }],
          });
        }
      }
      return def.ret;
    }
    for (let i = 0; i < e.args.length; i++) {
      const a = e.args[i]!;
      this.expr(a, null);
    }
    if (ct.k === "error") return ERROR;
    const what = e.callee.k === "name" ? `\`${e.callee.name}\`` : "this expression";
    this.report("not-callable", `${what} has type \`${typeToString(ct)}\` and cannot be called`, e.callee.s, e.callee.e);
    return ERROR;
  }

  private index(e: Extract<Expr, { k: "index" }>, assignTarget: boolean): Ty {
    const ot = this.expr(e.obj, null, false, assignTarget);
    const saved = this.leak;
    this.leak = null;
    const it = this.expr(e.index, FELT, true);
    this.leak = saved;
    if (ot.k === "error") return ERROR;
    if (ot.k === "tuple") {
      this.report("bracket-index-on-tuple", "tuples are indexed with `.0`, `.1`, not `[]`", e.obj.s, e.obj.e);
      return ERROR;
    }
    if (ot.k !== "array" && ot.k !== "ptr") {
      this.report("not-indexable", `\`${typeToString(ot)}\` cannot be indexed`, e.obj.s, e.obj.e);
      return ERROR;
    }
    if (it.k !== "error" && !compatible(it, FELT)) {
      this.report("invalid-index-type", `array index must be \`felt\`, found \`${typeToString(it)}\``, e.index.s, e.index.e, {
        fixes: asFeltFix(e.index, it, FELT),
      });
    } else if (ot.k === "array" && e.index.k === "int" && !e.index.bad && e.index.value >= ot.len) {
      this.report("index-out-of-bounds", `index ${this.literalValue(e.index)} is out of bounds for \`${typeToString(ot)}\``, e.index.s, e.index.e);
    }
    return ot.elem;
  }

  private arrayLiteral(e: Extract<Expr, { k: "array" }>, expected: Ty | null, specific: boolean): Ty {
    if (e.elems.length === 0) {
      this.report("empty-array", "empty array literals are not allowed", e.s, e.e);
      return ERROR;
    }
    const annotated = expected && expected.k === "array" ? expected.elem : null;
    let elemTy: Ty | null = annotated;
    let first: Ty = ERROR;
    for (let i = 0; i < e.elems.length; i++) {
      const x = e.elems[i]!;
      const t = this.expr(x, elemTy, specific && annotated !== null);
      if (i === 0) {
        first = t;
        if (!elemTy) elemTy = t;
      } else if (elemTy && !compatible(t, elemTy)) {
        this.report("array-element-mismatch", `element ${i + 1} is \`${typeToString(t)}\`, expected \`${typeToString(elemTy)}\``, x.s, x.e);
      }
      if (i === 0 && annotated && !compatible(t, annotated)) {
        this.report("array-element-mismatch", `element 1 is \`${typeToString(t)}\`, expected \`${typeToString(annotated)}\``, x.s, x.e);
      }
    }
    const elem = annotated ?? first;
    if (first.k === "array") {
      this.report("nested-array", "arrays of arrays are not supported", e.s, e.e);
      return ERROR;
    }
    return { k: "array", elem, len: e.elems.length };
  }

  private structLiteral(e: Extract<Expr, { k: "struct" }>): Ty {
    const t = this.env.typeName(e.name);
    if (e.name && !this.literalNames?.includes(e.name)) (this.literalNames ??= []).push(e.name);
    const fieldsTyped = (): void => {
      for (let i = 0; i < e.fields.length; i++) {
        const f = e.fields[i]!;
        this.expr(f.value, null);
      }
    };
    if (t === "undeclared") {
      const b = this.lookupLocal(e.name);
      if (b) this.report("not-a-struct", `\`${e.name}\` is not a struct`, e.ns, e.ne);
      else this.report("undeclared-type", `cannot find type \`${e.name}\``, e.ns, e.ne);
      fieldsTyped();
      return ERROR;
    }
    if (t !== "not-a-type" && t.k === "error") {
      fieldsTyped();
      return ERROR;
    }
    if (t === "not-a-type" || t.k !== "struct") {
      this.report("not-a-struct", `\`${e.name}\` is not a struct`, e.ns, e.ne);
      fieldsTyped();
      return ERROR;
    }
    // Reference quirk kept on purpose: a struct-literal name does not count as a use of an import.
    this.ref(e.ns, e.ne, e.name);
    const fields = this.env.structFields(t.module, t.name) ?? [];
    const given = new Set<string>();
    const saved = this.leak;
    for (let i = 0; i < e.fields.length; i++) {
      const f = e.fields[i]!;
      const decl = findField(fields, f.name);
      if (given.has(f.name)) this.report("duplicate-field-init", `field \`${f.name}\` is given more than once`, f.ns, f.ne);
      given.add(f.name);
      if (!decl) {
        if (f.name) this.report("unknown-field", `\`${t.name}\` has no field \`${f.name}\``, f.ns, f.ne);
        this.expr(f.value, null);
        continue;
      }
      if (this.recordTypes) this.ref(f.ns, f.ne, { k: "field", module: t.module, struct: t.name, field: f.name });
      if (isPrim(decl.ty)) this.leak = null;
      const vt = this.expr(f.value, decl.ty, true);
      this.leak = saved;
      this.constArrayCheck(f.value);
      if (!compatible(vt, decl.ty)) {
        this.report("field-type-mismatch", `field \`${f.name}\` expects \`${typeToString(decl.ty)}\`, found \`${typeToString(vt)}\``, f.value.s, f.value.e);
      }
    }
    const missing = fields.filter((decl) => !given.has(decl.name));
    const fixes = missingFieldsFix(e, missing, this.env.itemText);
    for (const decl of missing) {
      this.report("missing-struct-field", `missing field \`${decl.name}\` in \`${t.name}\` literal`, e.ns, e.ne, { fixes });
    }
    return t;
  }
}

/** The name uses of an analysis as objects (for IDE features; the analysis stores them flat). */
export function refsOf(a: FunctionAnalysis): RefInfo[] {
  const out: RefInfo[] = [];
  for (let i = 0; i < a.refTargets.length; i++) {
    const t = a.refTargets[i]!;
    const s = a.refSpans[2 * i]!;
    const e = a.refSpans[2 * i + 1]!;
    if (typeof t === "number") out.push({ s, e, name: a.locals[t]!.name, target: { k: "local", id: t } });
    else if (typeof t === "string") out.push({ s, e, name: t, target: { k: "top", name: t } });
    else out.push({ s, e, name: t.field, target: t });
  }
  return out;
}

/** True when the item is a block-bodied function (used by callers that walk bodies). */
export function hasBody(item: ItemAst): item is Extract<ItemAst, { k: "fn" }> & { body: Block } {
  return item.k === "fn" && item.body !== null;
}
