import type { TextRange } from "../diagnostic.js";
import { typeToString, type Ty } from "../semantics/types.js";
import { SyntaxKind as K, isTrivia } from "../syntax/syntax-kind.js";
import { firstToken, nodesAt, type SyntaxNode } from "../syntax/syntax-tree.js";
import type { FunctionAnalysis } from "../semantics/checker.js";
import type { ModuleSymbols } from "../semantics/symbols.js";
import { signatureOf, type Model } from "./model.js";
import { memoByObject } from "../memo-by-object.js";

/** Kinds of completion items (the adapter maps them to LSP kinds). */
export type CompletionKind = "function" | "variable" | "parameter" | "constant" | "struct" | "field" | "module" | "keyword" | "type";

/** One completion proposal. */
export interface CompletionItem {
  /** Text to insert (and to show). */
  readonly label: string;
  /** What it is. */
  readonly kind: CompletionKind;
  /** Type or signature. */
  readonly detail?: string;
  /** The range the item replaces (the identifier being typed). */
  readonly range: TextRange;
}

const STATEMENT_KEYWORDS = ["let", "const", "if", "loop", "while", "for", "break", "continue", "return"];
const EXPRESSION_KEYWORDS = ["true", "false", "new"];
const ITEM_KEYWORDS = ["fn", "struct", "const", "use"];
const PRIMITIVES = ["felt", "u32", "bool"];

/** Completions at an offset: members after `.`, module paths after `::`, types, names in scope and keywords. */
export function complete(model: Model, path: string, requested: number): CompletionItem[] {
  if (!model.known(path)) return [];
  const result = model.tree(path);
  const { tokens, text } = result;
  // A client's offset may be stale (past the end after the file shrank) or not an integer.
  // Unclamped, the scan below read `text[offset - 1]` as undefined, which the regex saw as
  // the word "undefined": it stepped back one offset at a time from there, forever for Infinity.
  const offset = Math.min(Math.max(Math.trunc(requested) || 0, 0), text.length);
  // Find the identifier being typed (if any) and the significant token before it.
  let prefixStart = offset;
  while (prefixStart > 0 && /[A-Za-z0-9_]/.test(text[prefixStart - 1]!)) prefixStart--;
  const prefix = text.slice(prefixStart, offset);
  const range = { start: prefixStart, end: offset };
  // Nothing is offered inside a comment (typing prose there must not pop up names).
  if (offset > 0) {
    const at = tokenContaining(tokens.starts, tokens.count, offset - 1);
    if (at >= 0 && tokens.kinds[at] === K.Comment) return [];
  }
  const prevTok = previousToken(tokens.kinds, tokens.starts, tokens.count, prefixStart);
  const prevKind = prevTok < 0 ? -1 : tokens.kinds[prevTok]!;
  const filter = (items: CompletionItem[]) => items.filter((i) => i.label.startsWith(prefix) || prefix === "");
  const { project, module } = model.moduleOf(path);
  const path0 = nodesAt(result.root, Math.max(0, prefixStart - 1));

  // The item the previous token is in, and whether that token ends it: after a finished
  // item (`}` of a body, `;` of a `use` or constant) only item keywords make sense.
  const prevItem = prevTok >= 0 ? topLevelNodeAt(result.root, tokens.starts[prevTok]!) : undefined;
  const afterFinishedItem = prevItem !== undefined && lastSignificantToken(prevItem, tokens.kinds) === prevTok && !isOpenItem(prevItem, tokens.kinds);
  if (afterFinishedItem) return filter(ITEM_KEYWORDS.map((k) => ({ label: k, kind: "keyword" as const, range })));
  // Nothing but comments before the cursor: the file's first item starts here (the item
  // after the cursor is not the one being typed in).
  if (prevTok < 0) return filter(ITEM_KEYWORDS.map((k) => ({ label: k, kind: "keyword" as const, range })));
  // A name being declared (`fn |`, `let |`, a parameter, a field, a pattern element): any
  // proposal would only get in the way of typing a new name.
  if (prevKind === K.FnKw || prevKind === K.StructKw || prevKind === K.ConstKw || prevKind === K.LetKw) return [];
  const prevParent = parentOfToken(result.root, tokens.starts[prevTok]!, prevTok);
  const prevParentKind = prevParent?.kind ?? -1;
  if ((prevKind === K.LParen || prevKind === K.Comma || prevKind === K.LBrace) && NAME_LISTS.has(prevParentKind)) return [];
  // Where the previous token asks for a type: after `:` of a binding, `->`, `as`, `new`,
  // and inside a tuple or array type (not after the `:` of a struct-literal field).
  const typeContext =
    prevKind === K.Arrow ||
    prevKind === K.AsKw ||
    prevKind === K.NewKw ||
    (prevKind === K.Colon && BINDING_COLON_PARENTS.has(prevParentKind)) ||
    ((prevKind === K.LParen || prevKind === K.Comma) && prevParentKind === K.TupleType) ||
    (prevKind === K.LBracket && prevParentKind === K.ArrayType);
  // Past a finished type, an array length, or in a signature outside its types, only
  // punctuation or a literal can follow: no name fits.
  if (!typeContext && (TYPE_KINDS.has(prevParentKind) || SIGNATURE_KINDS.has(prevParentKind) || prevParentKind === K.ArrayRepeatExpr)) return [];

  // `use a::b::|`: modules, or the items of a complete module path. A `use` not finished
  // yet ends at its last token, so whitespace typed after it (`use |`) lies outside it.
  const use = path0.find((n) => n.kind === K.UseDecl) ?? (prevItem?.kind === K.UseDecl && isOpenItem(prevItem, tokens.kinds) ? prevItem : undefined);
  if (use) {
    // The path typed so far and, inside `{…}`, the names already listed (from the tokens:
    // comments may sit anywhere in between).
    const segs: string[] = [];
    const listed = new Set<string>();
    let inList = false;
    for (let t = firstToken(use); t >= 0 && t < tokens.count && tokens.starts[t]! < prefixStart; t++) {
      const k = tokens.kinds[t]!;
      if (k === K.LBrace) inList = true;
      else if (k === K.Ident) {
        const name = text.slice(tokens.starts[t]!, tokens.starts[t + 1]!);
        if (inList) listed.add(name);
        else segs.push(name);
      }
    }
    const base = segs.join("::");
    const out: CompletionItem[] = [];
    const files = model.projectFiles(project);
    const seen = new Set<string>();
    for (const f of files) {
      // A `{…}` list names items, not modules.
      if (f.module === module || inList) continue;
      const parts = f.module.split("::");
      if (parts.slice(0, segs.length).join("::") === base && parts.length > segs.length) {
        const next = parts[segs.length]!;
        if (!seen.has(next)) {
          seen.add(next);
          out.push({ label: next, kind: "module", detail: parts.slice(0, segs.length + 1).join("::"), range });
        }
      }
    }
    if (segs.length > 0) {
      const target = files.find((f) => f.module === base);
      if (target) {
        for (const b of model.symbols(project, base).bindings) {
          if (b.via !== "item" || !b.def || listed.has(b.name)) continue;
          out.push({ label: b.name, kind: b.def.k === "fn" ? "function" : b.def.k === "struct" ? "struct" : "constant", detail: signatureOf(b.def), range });
        }
      }
    }
    return filter(out);
  }

  // The item the cursor continues: the one around it, or the one the previous token is in
  // when that item is not finished yet (a body still open at the end of the file ends at its
  // last token, so the whitespace being typed in lies outside it).
  let found = model.itemAt(path, Math.max(0, prefixStart - 1)) ?? model.itemAt(path, prefixStart);
  if (!found && prevItem !== undefined && isOpenItem(prevItem, tokens.kinds)) found = model.itemAt(path, tokens.starts[prevTok]!);
  if (!found) {
    return filter(ITEM_KEYWORDS.map((k) => ({ label: k, kind: "keyword" as const, range })));
  }
  const { item, key } = found;

  // Member access: fields of a struct, elements of a tuple.
  if (prevKind === K.Dot) {
    const dotStart = tokens.starts[prevTok]!;
    const analysis = item.ast.k === "fn" || item.ast.k === "const" ? model.typedAnalysis(path, key) : undefined;
    // The receiver is the first child of the field-access node that owns this dot.
    const owner = nodesAt(result.root, dotStart)
      .reverse()
      .find((n) => (n.kind === K.FieldExpr || n.kind === K.TupleIndexExpr) && n.children.includes(prevTok));
    const recv = owner?.children[0];
    let receiver: Ty | undefined;
    if (recv !== undefined && typeof recv !== "number") {
      const s = recv.start - item.start;
      const e = recv.end - item.start;
      const spans = analysis?.typeSpans ?? [];
      for (let i = 0; i < spans.length / 2; i++) if (spans[2 * i] === s && spans[2 * i + 1] === e) receiver = analysis!.typeValues[i];
    }
    if (!receiver) return [];
    if (receiver.k === "struct") {
      const st = model.symbols(project, receiver.module).bindings.find((b) => b.name === receiver.name && b.via === "item")?.def;
      if (st?.k !== "struct") return [];
      return filter(st.fields.map((f) => ({ label: f.name, kind: "field" as const, detail: typeToString(f.ty), range })));
    }
    if (receiver.k === "tuple") {
      return receiver.elems.map((t, i) => ({ label: String(i), kind: "field" as const, detail: typeToString(t), range }));
    }
    return [];
  }

  // Field names inside a struct literal: `Point { x: 1, | }` offers the fields not given
  // yet, and nothing when the name is no struct (no other name fits there).
  const fieldsOf = (nameStart: number, nameEnd: number) => {
    const def = model.binding(project, module, text.slice(nameStart, nameEnd))?.def;
    return def?.k === "struct" ? def : undefined;
  };
  const listAt = path0.findIndex((n) => n.kind === K.FieldInitList);
  if (listAt > 0 && (prevKind === K.LBrace || prevKind === K.Comma) && path0[path0.length - 1]!.kind === K.FieldInitList) {
    const lit = path0[listAt - 1]!;
    const nameNode = lit.children[0];
    const def = nameNode !== undefined && typeof nameNode !== "number" ? fieldsOf(nameNode.start, nameNode.end) : undefined;
    if (!def) return [];
    const list = path0[listAt]!;
    // The field whose name is being typed (`{ y|`, a field without its `:` yet) is not given.
    const typing = (c: SyntaxNode) => c.start <= offset && prefixStart <= c.end;
    const given = new Set(
      list.children.flatMap((c) => (typeof c !== "number" && c.kind === K.FieldInit && !typing(c) ? [text.slice(c.start, c.end).split(":")[0]!.trim()] : [])),
    );
    return filter(def.fields.filter((f) => !given.has(f.name)).map((f) => ({ label: f.name, kind: "field" as const, detail: typeToString(f.ty), range })));
  }
  // `Point {|` with nothing after the brace yet parses as a name and a block (a struct
  // literal needs `field:` to be recognised): a struct name before the brace starts a literal.
  if (prevKind === K.LBrace && prevParentKind === K.Block) {
    const before = previousToken(tokens.kinds, tokens.starts, tokens.count, tokens.starts[prevTok]!);
    if (before >= 0 && tokens.kinds[before] === K.Ident && parentOfToken(result.root, tokens.starts[before]!, before)?.kind === K.NameRef) {
      const def = fieldsOf(tokens.starts[before]!, tokens.starts[before + 1]!);
      if (def) return filter(def.fields.map((f) => ({ label: f.name, kind: "field" as const, detail: typeToString(f.ty), range })));
    }
  }

  // Expressions, statements and types read precomputed tables (built once per module
  // symbols and per function analysis), so a request only filters them and attaches the range.
  const out: CompletionItem[] = [];
  const add = (t: ItemTemplate) => {
    if (prefix !== "" && !t.label.startsWith(prefix)) return;
    out.push(t.detail === undefined ? { label: t.label, kind: t.kind, range } : { label: t.label, kind: t.kind, detail: t.detail, range });
  };
  const topLevel = topLevelTable(model.symbols(project, module));
  const addTopLevel = (typesOnly: boolean, shadowed?: readonly ItemTemplate[]) => {
    for (const t of topLevel) {
      if (typesOnly && !t.isStruct) continue;
      // Top-level constants are visible only to later items.
      if (t.constOrder >= found.index) continue;
      if (shadowed && shadowed.some((l) => l.label === t.label)) continue;
      add(t);
    }
  };

  if (typeContext) {
    for (const t of PRIMITIVE_ITEMS) add(t);
    // A cast converts between primitives only: no struct after `as`.
    if (prevKind !== K.AsKw) addTopLevel(true);
    return out;
  }
  if (item.ast.k !== "fn" && item.ast.k !== "const") return [];

  // Expressions and statements: locals in scope (innermost, latest first), then items, then keywords.
  // Past the end of an unfinished item, the scopes that end with the item reach the cursor,
  // except those its last token closes (`fn f() { if c { let a = 1; }|`: not `a`).
  const rel = prefixStart - item.start;
  const itemLength = item.end - item.start;
  let pastEnd: PastEnd | undefined;
  if (rel >= itemLength && prevTok >= 0) {
    const closed = outermostClosedScope(nodesAt(result.root, tokens.starts[prevTok]!), tokens.kinds);
    pastEnd = {
      itemLength,
      closedStart: closed ? closed.start - item.start : -1,
      closedEnd: closed ? closed.end - item.start : -1,
      lastStatementFinished: prevKind === K.Semi,
    };
  }
  const locals = visibleLocals(localTable(model.typedAnalysis(path, key)), rel, pastEnd);
  for (const l of locals) add(l);
  addTopLevel(false, locals);
  // A statement may start after `;`, `{`, `}`, `else`, `loop`, and the `)` closing a `for`
  // header or a parenthesised `if`/`while` condition; but not after the `;`s inside a `for`
  // header, where an expression follows.
  const prevGrand = prevParent ? parentOf(result.root, prevParent) : undefined;
  let atStatementStart = false;
  if (prevKind === K.LBrace || prevKind === K.RBrace || prevKind === K.ElseKw || prevKind === K.LoopKw) atStatementStart = true;
  else if (prevKind === K.Semi) {
    const forStmt = prevParent?.kind === K.ForStmt ? prevParent : prevGrand?.kind === K.ForStmt ? prevGrand : undefined;
    atStatementStart = forStmt === undefined || tokens.starts[prevTok]! > forHeaderEnd(forStmt, tokens.kinds, tokens.starts);
  } else if (prevKind === K.RParen && prevParent) {
    const condition = prevParent.kind === K.ParenExpr ? prevGrand : undefined;
    atStatementStart =
      prevParent.kind === K.ForStmt ||
      (condition?.kind === K.Condition && condition.end === prevParent.end && (parentOf(result.root, condition)?.kind === K.IfStmt || parentOf(result.root, condition)?.kind === K.WhileStmt));
  }
  // `for (|`: the header may start with a `let`.
  const forInitStart = prevKind === K.LParen && prevParent?.kind === K.ForStmt;
  // `else` only right after the body of an `if` that has none yet.
  let afterIfBody = false;
  if (prevKind === K.RBrace) {
    const around = nodesAt(result.root, tokens.starts[prevTok]!);
    const block = around[around.length - 1];
    const parent = around[around.length - 2];
    afterIfBody =
      block?.kind === K.Block &&
      parent?.kind === K.IfStmt &&
      !parent.children.some((c) => typeof c !== "number" && c.kind === K.ElseBranch);
  }
  add(ASSERT_ITEM);
  if (afterIfBody) add(ELSE_ITEM);
  if (atStatementStart) for (const t of STATEMENT_KEYWORD_ITEMS) add(t);
  else if (forInitStart) add(STATEMENT_KEYWORD_ITEMS[0]!);
  for (const t of EXPRESSION_KEYWORD_ITEMS) add(t);
  return out;
}

/** A completion item without its range (shared between requests). */
interface ItemTemplate {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
}

const keywordItems = (words: readonly string[]): ItemTemplate[] => words.map((label) => ({ label, kind: "keyword" }));
const STATEMENT_KEYWORD_ITEMS = keywordItems(STATEMENT_KEYWORDS);
const EXPRESSION_KEYWORD_ITEMS = keywordItems(EXPRESSION_KEYWORDS);
const ELSE_ITEM: ItemTemplate = { label: "else", kind: "keyword" };
const PRIMITIVE_ITEMS: ItemTemplate[] = PRIMITIVES.map((label) => ({ label, kind: "type" }));
const ASSERT_ITEM: ItemTemplate = { label: "assert", kind: "function", detail: "fn assert(condition: bool)" };

/** A module-level name as a completion. */
interface TopLevelTemplate extends ItemTemplate {
  readonly isStruct: boolean;
  /** Item order of a constant defined in this module (visible only after it), else -1. */
  readonly constOrder: number;
}

/** The completions of a module's top-level names, with their signatures (built once per memoized symbols). */
const topLevelTable = memoByObject((symbols: ModuleSymbols): readonly TopLevelTemplate[] => {
  const rows: TopLevelTemplate[] = [];
  for (const b of symbols.bindings) {
    if (!b.def) continue;
    const kind = b.def.k === "fn" ? "function" : b.def.k === "struct" ? "struct" : "constant";
    rows.push({ label: b.name, kind, detail: signatureOf(b.def), isStruct: b.def.k === "struct", constOrder: b.via === "item" && b.def.k === "const" ? b.order : -1 });
  }
  return rows;
});

/** A local binding as a completion, with the range where it is visible (item-relative). */
interface LocalTemplate extends ItemTemplate {
  readonly visibleFrom: number;
  readonly scopeEnd: number;
  /** Where the name is declared (item-relative). */
  readonly declaredAt: number;
}

/** The scope table of a function: every local with its type shown once (built once per memoized analysis). */
const localTable = memoByObject(
  (analysis: FunctionAnalysis): readonly LocalTemplate[] =>
    analysis.locals.map((l) => ({
      label: l.name,
      kind: l.kind === "param" ? "parameter" : l.kind === "const" ? "constant" : "variable",
      detail: typeToString(l.ty),
      visibleFrom: l.visibleFrom,
      scopeEnd: l.scopeEnd,
      declaredAt: l.s,
    })),
);

/** A cursor past the end of an unfinished item. */
interface PastEnd {
  readonly itemLength: number;
  /** The scope the item's last token closes (item-relative, -1 for none). */
  readonly closedStart: number;
  readonly closedEnd: number;
  /** False when the item ends inside a statement (`let y = w +|`: `y` is not visible yet). */
  readonly lastStatementFinished: boolean;
}

/**
 * The locals visible at `rel`, one per name (the innermost, latest binding), in first-binding
 * order. Past the end of an unfinished item, a scope ending with the item is still open
 * unless the item's last token closes it.
 */
function visibleLocals(table: readonly LocalTemplate[], rel: number, pastEnd?: PastEnd): LocalTemplate[] {
  const out: LocalTemplate[] = [];
  const slotOf = new Map<string, number>();
  for (const l of table) {
    if (l.visibleFrom > rel) continue;
    if (pastEnd && l.visibleFrom >= pastEnd.itemLength && !pastEnd.lastStatementFinished) continue;
    if (rel >= l.scopeEnd) {
      if (!pastEnd || l.scopeEnd < pastEnd.itemLength) continue;
      if (l.declaredAt >= pastEnd.closedStart && l.declaredAt < pastEnd.closedEnd) continue;
    }
    const i = slotOf.get(l.label);
    if (i === undefined) {
      slotOf.set(l.label, out.length);
      out.push(l);
    } else if (l.visibleFrom >= out[i]!.visibleFrom) out[i] = l;
  }
  return out;
}

/** Lists whose `(`, `,` or `{` is followed by a name being declared. */
const NAME_LISTS: ReadonlySet<number> = new Set([K.ParamList, K.FieldList, K.TuplePat]);
/** Nodes whose `:` is followed by the binding's type (a struct literal's `field:` takes a value). */
const BINDING_COLON_PARENTS: ReadonlySet<number> = new Set([K.Param, K.FieldDecl, K.LetStmt, K.ConstStmt, K.ConstDef]);
/** Written types. */
const TYPE_KINDS: ReadonlySet<number> = new Set([K.NamedType, K.ArrayType, K.TupleType, K.PointerType]);
/** Parts of a function or struct signature, where names are declared rather than used. */
const SIGNATURE_KINDS: ReadonlySet<number> = new Set([K.FnDef, K.ParamList, K.Param, K.RetType, K.StructDef, K.FieldList, K.FieldDecl]);

const SCOPE_KINDS: ReadonlySet<number> = new Set([K.Block, K.IfStmt, K.ElseBranch, K.LoopStmt, K.WhileStmt, K.ForStmt]);
const SIMPLE_STATEMENTS: ReadonlySet<number> = new Set([K.LetStmt, K.ConstStmt, K.ReturnStmt, K.ExprStmt, K.AssignStmt, K.BreakStmt, K.ContinueStmt]);

/**
 * The outermost scope (block, or `if`/`else`/loop statement) that the token at the end of
 * `path` (outermost node first) closes, i.e. that is finished: a block by its `}`, a
 * statement by its `;`, an `if`/loop by its finished body.
 */
function outermostClosedScope(path: readonly SyntaxNode[], kinds: Uint8Array): SyntaxNode | undefined {
  let closed: SyntaxNode | undefined;
  let inner: SyntaxNode | undefined;
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i]!;
    const last = n.children[n.children.length - 1];
    let finished: boolean;
    if (n.kind === K.Block) finished = typeof last === "number" && kinds[last] === K.RBrace;
    else if (SIMPLE_STATEMENTS.has(n.kind)) finished = typeof last === "number" && kinds[last] === K.Semi;
    else if (SCOPE_KINDS.has(n.kind)) finished = inner !== undefined && last === inner;
    else if (n.kind === K.FnDef || n.kind === K.SourceFile) break;
    else {
      inner = undefined; // inside an expression: its enclosing statement decides
      continue;
    }
    if (!finished) break;
    if (SCOPE_KINDS.has(n.kind)) closed = n;
    inner = n;
  }
  return closed;
}

/** The node that has token `tok` (starting at `start`) as a direct child. */
function parentOfToken(root: SyntaxNode, start: number, tok: number): SyntaxNode | undefined {
  const path = nodesAt(root, start);
  for (let i = path.length - 1; i >= 0; i--) if (path[i]!.children.includes(tok)) return path[i];
  return undefined;
}

/** The parent of `node` in the tree. */
function parentOf(root: SyntaxNode, node: SyntaxNode): SyntaxNode | undefined {
  const path = nodesAt(root, node.start);
  for (let i = path.length - 1; i >= 0; i--) if (path[i]!.children.includes(node)) return path[i];
  return undefined;
}

/** Where the header of a `for` statement ends: its `)`, or the end of the text while it has none. */
function forHeaderEnd(forStmt: SyntaxNode, kinds: Uint8Array, starts: Uint32Array): number {
  for (const c of forStmt.children) if (typeof c === "number" && kinds[c] === K.RParen) return starts[c]!;
  return Number.POSITIVE_INFINITY;
}

/** Index of the token containing the character at `offset`, or -1. */
function tokenContaining(starts: Uint32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < starts[mid]!) hi = mid - 1;
    else if (offset >= starts[mid + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The item node (a child of the file node) that contains `offset`. */
function topLevelNodeAt(root: SyntaxNode, offset: number): SyntaxNode | undefined {
  for (const c of root.children) if (typeof c !== "number" && c.start <= offset && offset < c.end) return c;
  return undefined;
}

/** The last token of a node that is not trivia, or -1. */
function lastSignificantToken(node: SyntaxNode, kinds: Uint8Array): number {
  const stack: (SyntaxNode | number)[] = [node];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (typeof c === "number") {
      if (!isTrivia(kinds[c]!)) return c;
    } else for (const child of c.children) stack.push(child);
  }
  return -1;
}

/**
 * True when an item is still being written: a function whose body has no closing brace, a
 * struct whose field list has none, a constant or `use` without its `;`.
 */
function isOpenItem(node: SyntaxNode, kinds: Uint8Array): boolean {
  const closedBy = (n: SyntaxNode | undefined, kind: number) => {
    const last = n?.children[n.children.length - 1];
    return typeof last === "number" && kinds[last] === kind;
  };
  const child = (kind: number) => node.children.find((c): c is SyntaxNode => typeof c !== "number" && c.kind === kind);
  switch (node.kind) {
    case K.FnDef:
      return !closedBy(child(K.Block), K.RBrace);
    case K.StructDef:
      return !closedBy(child(K.FieldList), K.RBrace);
    case K.ConstDef:
    case K.UseDecl:
      return !closedBy(node, K.Semi);
    default:
      return false;
  }
}

/** Index of the last significant token ending at or before `offset`, or -1. */
function previousToken(kinds: Uint8Array, starts: Uint32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid + 1]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (found >= 0 && (isTrivia(kinds[found]!) || kinds[found] === K.EndOfFile)) found--;
  return found;
}

/** Signature help for the call around an offset. */
export interface SignatureHelp {
  /** `fn name(a: felt, b: u32) -> felt`. */
  readonly label: string;
  /** Each parameter's range inside `label`. */
  readonly parameters: readonly { readonly label: string; readonly start: number; readonly end: number }[];
  /** Index of the argument the cursor is in. */
  readonly activeParameter: number;
  /** Doc comment of the function. */
  readonly documentation: string;
}

/** The signature of the innermost call whose argument list contains the offset. */
export function signatureHelp(model: Model, path: string, offset: number): SignatureHelp | undefined {
  if (!model.known(path)) return undefined;
  const tree = model.tree(path);
  const { tokens } = tree;
  let nodes = nodesAt(tree.root, offset);
  if (!nodes.some((n) => n.kind === K.ArgList && offset > n.start)) {
    // An argument list not closed yet ends at its last token, so whitespace typed after it
    // (`add(1, |`) lies outside: look from the token before the cursor (a closed list on
    // that path is skipped below, as the cursor is past its `)`).
    const prev = previousToken(tokens.kinds, tokens.starts, tokens.count, offset);
    const around = offset > 0 ? tokenContaining(tokens.starts, tokens.count, offset - 1) : -1;
    const insideToken = around >= 0 && !isTrivia(tokens.kinds[around]!) && tokens.starts[around + 1]! > offset;
    if (prev >= 0 && !insideToken) nodes = nodesAt(tree.root, tokens.starts[prev]!);
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.kind !== K.ArgList || offset <= n.start) continue;
    const call = nodes[i - 1];
    const callee = call?.children[0];
    if (!call || call.kind !== K.CallExpr || callee === undefined || typeof callee === "number" || callee.kind !== K.NameRef) return undefined;
    const last = n.children[n.children.length - 1];
    if (typeof last === "number" && tokens.kinds[last] === K.RParen && offset >= tokens.starts[last + 1]!) continue;
    const name = tree.text.slice(callee.start, callee.end);
    let active = 0;
    for (const c of n.children) if (typeof c === "number" && tokens.kinds[c] === K.Comma && tokens.starts[c]! < offset) active++;
    const { project, module } = model.moduleOf(path);
    if (name === "assert") {
      return { label: "fn assert(condition: bool)", parameters: [{ label: "condition: bool", start: 10, end: 25 }], activeParameter: active, documentation: "Built-in: fails when the condition is false." };
    }
    // What the callee resolves to there: a local of that name hides the module's function.
    const hit = model.symbolAt(path, callee.start);
    const def = hit?.symbol.k === "top" ? hit.symbol.def : undefined;
    if (def?.k !== "fn") return undefined;
    let label = `fn ${def.name}(`;
    const parameters = def.params.map((p, idx) => {
      const text = `${p.name}: ${typeToString(p.ty)}`;
      if (idx > 0) label += ", ";
      const start = label.length;
      label += text;
      return { label: text, start, end: label.length };
    });
    label += ")" + (def.ret.k === "tuple" && def.ret.elems.length === 0 ? "" : ` -> ${typeToString(def.ret)}`);
    const defPath = model.modulePath(project, def.module);
    return { label, parameters, activeParameter: active, documentation: defPath ? model.docComment(defPath, def) : "" };
  }
  return undefined;
}
