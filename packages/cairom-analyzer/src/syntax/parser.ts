import { diagnostic, quoteToken, type Diagnostic } from "../diagnostic.js";
import type {
  BinaryOp, Block, Expr, FieldDeclAst, FieldInit, ItemAst, LocatedItem, ParamAst, Pattern, Stmt, TypeRef, UseName,
} from "./ast.js";
import { newList, trimmed } from "../alloc.js";
import { ArrayTypeNode, FnItemNode, LocatedItemNode, MissingNode, NameAndTypeNode, NamedTypeNode, PtrTypeNode, TupleTypeNode } from "./item-nodes.js";
import { intLiteralParts, lex, lexSignificant, type SignificantTokens, type TokenStream } from "./lexer.js";
import { describeTokenKind, isKeyword, isTrivia, SyntaxKind as K } from "./syntax-kind.js";
import type { SyntaxNode } from "./syntax-tree.js";

/** Result of parsing one file. Parsing never throws. */
export interface ParseResult {
  /** The input text. */
  readonly text: string;
  /** All tokens, trivia included. */
  readonly tokens: TokenStream;
  /** Root `SourceFile` node; its leaves spell `text` exactly. */
  readonly root: SyntaxNode;
  /** Top-level items with their ASTs, in file order. */
  readonly items: readonly LocatedItem[];
  /** Lexical and syntax diagnostics, in text order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Deepest nesting the parser follows (blocks, expressions, types, patterns and operator
 * chains all count). Beyond it the construct is skipped with a diagnostic, so recursive
 * passes over the tree can never overflow the stack.
 */
export const MAX_NESTING = 256;

interface Frame {
  kind: number;
  children: (SyntaxNode | number)[];
}

const BINARY_OPS: readonly [number, number, BinaryOp][] = [
  [K.AmpAmp, 1, "&&"], [K.PipePipe, 1, "||"],
  [K.Amp, 2, "&"], [K.Pipe, 2, "|"], [K.Caret, 2, "^"],
  [K.EqEq, 3, "=="], [K.NotEq, 3, "!="], [K.Lt, 3, "<"], [K.LtEq, 3, "<="], [K.Gt, 3, ">"], [K.GtEq, 3, ">="],
  [K.Plus, 4, "+"], [K.Minus, 4, "-"],
  [K.Star, 5, "*"], [K.Slash, 5, "/"], [K.Percent, 5, "%"],
];
// Token kinds fit in a byte (the lexer stores them in a Uint8Array), so the per-token
// questions of the parser are array loads rather than hash lookups.
/** Precedence of a binary operator token (0: not one). */
const BINARY_PREC = new Uint8Array(256);
/** The operator spelled by a binary operator token. */
const BINARY_OP: (BinaryOp | undefined)[] = new Array(256).fill(undefined);
for (const [kind, prec, op] of BINARY_OPS) {
  BINARY_PREC[kind] = prec;
  BINARY_OP[kind] = op;
}

/** @internal Precedence of a binary operator token kind (1 loosest .. 5 tightest), 0 for other kinds. */
export function binaryPrecedence(kind: number): number {
  return BINARY_PREC[kind] ?? 0;
}

function kindSet(kinds: readonly number[]): { has(kind: number): boolean } {
  const table = new Uint8Array(256);
  for (const k of kinds) table[k] = 1;
  return { has: (kind) => table[kind] === 1 };
}

const ITEM_START = kindSet([K.FnKw, K.StructKw, K.ConstKw, K.UseKw]);
const STMT_START = kindSet([
  K.LBrace, K.IfKw, K.LoopKw, K.WhileKw, K.ForKw, K.BreakKw, K.ContinueKw, K.LetKw, K.ConstKw, K.ReturnKw,
]);
const EXPR_START = kindSet([K.Int, K.Ident, K.TrueKw, K.FalseKw, K.NewKw, K.LParen, K.LBracket, K.Bang, K.Minus]);

// List-element tests shared by every call (no closure per list).
function isIdentKind(kind: number): boolean {
  return kind === K.Ident;
}
function isExprStart(kind: number): boolean {
  return EXPR_START.has(kind);
}

/** Whether a token of `kind` after an operand continues the expression (an operator, a cast or a postfix form). */
function continuesExpression(kind: number): boolean {
  return BINARY_PREC[kind] !== 0 || kind === K.AsKw || kind === K.Dot || kind === K.LParen || kind === K.LBracket;
}

/** Options of {@link parse}. */
export interface ParseOptions {
  /**
   * Build the lossless syntax tree. Without it `root` is an empty `SourceFile` node,
   * `tokens` is empty and parsing allocates far less (the analysis only needs the item
   * ASTs). Defaults to `true`.
   */
  readonly tree?: boolean;
  /**
   * In a parse without a tree, step over each function body whose braces balance before
   * any `fn`/`struct`/`use` keyword or invalid character, without parsing it: its AST is
   * `SKIPPED_BODY` and its syntax errors are not reported (parse the item's own text
   * for them). Bodies that might not end where a full parse would end them are parsed.
   * Defaults to `false`.
   */
  readonly skipBodies?: boolean;
}

/**
 * @internal The body of a function stepped over by a parse with `skipBodies` (compare by
 * identity).
 */
export const SKIPPED_BODY: Block = { k: "block", s: 0, e: 0, stmts: [] };

/** Brace depth beyond which a body is parsed rather than skipped (the parser reports deep nesting). */
const SKIP_MAX_DEPTH = 64;

/** Parses one Cairo-M file into a lossless tree plus item ASTs and diagnostics. Never throws. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== "string") throw new TypeError(`parse: text must be a string, got ${text === null ? "null" : typeof text}`);
  const tree = options?.tree ?? true;
  return new Parser(text, tree, !tree && options?.skipBodies === true, undefined).parseFile();
}

/**
 * @internal A parse without a tree and with `skipBodies`, plus the file's significant
 * tokens (copies, in one buffer), from which {@link parseItemAt} parses a skipped item
 * again without lexing its text a second time. The copies go to `spare` when it is large
 * enough: a buffer of tokens the caller has dropped (no new allocation per re-parse).
 */
export function parseKeepingTokens(text: string, spare?: ArrayBuffer): {
  readonly result: ParseResult;
  readonly tokens: SignificantTokens;
  /** Whether the body of item `i` was stepped over (the ASTs of this parse keep no bodies: `body: null`). */
  readonly bodySkipped: readonly boolean[];
} {
  const parser = new Parser(text, false, true, undefined);
  parser.bodySkipped = [];
  const result = parser.parseFile();
  return { result, tokens: parser.copyTokens(spare), bodySkipped: parser.bodySkipped };
}

/**
 * @internal Parses the item starting at offset `start` of `text` from the file's tokens
 * (as kept by {@link parseKeepingTokens}), offsets and diagnostics relative to the item
 * start. For an item whose body that parse skipped, this gives exactly what parsing the
 * item's own text gives (AST and syntax errors; lexical errors are the file's): the body
 * ends at its matching `}`, and no lookahead inside it reaches past that brace.
 */
export function parseItemAt(text: string, tokens: SignificantTokens, start: number): { readonly ast: ItemAst | undefined; readonly diagnostics: readonly Diagnostic[] } {
  return new Parser(text, false, false, tokens).parseItemAt(start);
}

const NO_NODE: SyntaxNode = { kind: K.Error, start: 0, end: 0, children: [] };
const NO_TOKENS: TokenStream = { kinds: new Uint8Array(0), starts: new Uint32Array(1), count: 0, errors: [] };
const NO_INDEX = new Int32Array(0);
/**
 * The parameters or fields of an item whose list is missing (`fn f {`): shared and never
 * written. Not frozen: a frozen list has another elements kind, so reads of `length` and
 * elements would see two array shapes where they now see one.
 */
const NO_MEMBERS: readonly NameAndTypeNode[] = newList<NameAndTypeNode>();
// The tree parse's significant-token buffers (see the Parser constructor).
let treeSig = new Int32Array(1024);
let treeKinds = new Uint8Array(1024);
let treeStarts = new Uint32Array(1024);
let treeEnds = new Uint32Array(1024);

class Parser {
  /** All tokens, trivia included (tree parse only: the lean parse never sees trivia). */
  private readonly tokens: TokenStream;
  // The significant tokens, which is all the grammar reads: kind, start and end of each;
  // the last is EndOfFile.
  private readonly kinds: Uint8Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  /** Index of the final EndOfFile among the significant tokens. */
  private readonly last: number;
  /** Tree parse: index in `tokens` of each significant token. */
  private readonly sig: Int32Array;
  /** Position among the significant tokens. */
  private p = 0;
  /** Tree parse: first index in `tokens` not yet placed in the tree. */
  private emitted = 0;
  private readonly stack: Frame[] = [];
  private readonly diagnostics: Diagnostic[];
  private lastErrorAt = -1;
  private base = 0;
  private depth = 0;
  private noStruct = false;
  /** Above 0 while reading text already reported as one error (the range of a `for … in`): its syntax errors are not reported. */
  private quiet = 0;
  /** Set when a body ended at an item keyword (see `parseStatements`); read by `parseFile` for the next item. */
  private bodyCut = false;
  /**
   * When set (`parseKeepingTokens`), function ASTs get `body: null` and this records, per
   * item, whether its body was stepped over: the caller keeps no bodies, so none is copied.
   */
  bodySkipped: boolean[] | undefined = undefined;
  /** Starts of the invalid-number tokens (almost always none: no set per parse then). */
  private readonly invalidNumbers: Set<number> | undefined;
  /** Whether the last function parsed had its body stepped over. */
  private lastBodySkipped = false;

  constructor(
    private readonly text: string,
    private readonly buildTree: boolean,
    private readonly skipBodies: boolean,
    lexed: SignificantTokens | undefined,
  ) {
    let errors: readonly Diagnostic[];
    if (lexed) {
      // Tokens lexed before (an item parsed again from its file's tokens): the lexical
      // errors are the file's, so only the invalid numbers matter here (they mark literals).
      errors = lexed.errors;
      this.tokens = NO_TOKENS;
      this.sig = NO_INDEX;
      this.kinds = lexed.kinds;
      this.starts = lexed.starts;
      this.ends = lexed.ends;
      this.last = lexed.count - 1;
    } else if (buildTree) {
      const tokens = lex(text);
      errors = tokens.errors;
      const count = tokens.count;
      // The significant tokens go to buffers shared between tree parses (needed only while
      // parsing; the result keeps the full stream), so a tree parse allocates no more
      // typed arrays than `lex` does.
      if (treeSig.length < count) {
        const size = Math.max(count, treeSig.length * 2);
        treeSig = new Int32Array(size);
        treeKinds = new Uint8Array(size);
        treeStarts = new Uint32Array(size);
        treeEnds = new Uint32Array(size);
      }
      const sig = treeSig;
      const kinds = treeKinds;
      const starts = treeStarts;
      const ends = treeEnds;
      let n = 0;
      for (let i = 0; i < count; i++) {
        const kind = tokens.kinds[i]!;
        if (isTrivia(kind)) continue;
        sig[n] = i;
        kinds[n] = kind;
        starts[n] = tokens.starts[i]!;
        ends[n++] = tokens.starts[i + 1]!;
      }
      this.tokens = tokens;
      this.sig = sig;
      this.kinds = kinds;
      this.starts = starts;
      this.ends = ends;
      this.last = n - 1;
    } else {
      // The lean parse reads the lexer's shared buffers and drops them at the end.
      const t = lexSignificant(text);
      errors = t.errors;
      this.tokens = NO_TOKENS;
      this.sig = NO_INDEX;
      this.kinds = t.kinds;
      this.starts = t.starts;
      this.ends = t.ends;
      this.last = t.count - 1;
    }
    this.diagnostics = errors.length === 0 || lexed ? [] : [...errors];
    let invalid: Set<number> | undefined;
    for (const d of errors) if (d.code === "invalid-number") (invalid ??= new Set()).add(d.range.start);
    this.invalidNumbers = invalid;
  }

  // ---- token cursor -------------------------------------------------------------------

  private cur(): number {
    return this.kinds[this.p]!;
  }
  private nth(k: number): number {
    return this.kinds[Math.min(this.p + k, this.last)]!;
  }
  private at(kind: number): boolean {
    return this.kinds[this.p] === kind;
  }
  private curStart(): number {
    return this.starts[this.p]!;
  }
  private curEnd(): number {
    return this.ends[this.p]!;
  }
  private curText(): string {
    return this.text.slice(this.starts[this.p]!, this.ends[this.p]!);
  }
  /** The value of `text[start, end)` when it is a plain decimal of at most 15 digits, else -1. */
  private plainDecimal(start: number, end: number): number {
    if (end - start > 15) return -1;
    let value = 0;
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      value = value * 10 + (c - 48);
    }
    return value;
  }
  /** End offset of the last significant token consumed. */
  private prevEnd(): number {
    return this.p === 0 ? 0 : this.ends[this.p - 1]!;
  }
  private rel(abs: number): number {
    return abs - this.base;
  }

  // ---- tree building (all no-ops in the lean parse) ----------------------------------

  /** Places the trivia tokens before token index `upTo` (in `tokens`) in the open node. */
  private flushTrivia(upTo: number): void {
    const top = this.stack[this.stack.length - 1]!;
    while (this.emitted < upTo) top.children.push(this.emitted++);
  }
  private bump(): void {
    const p = this.p;
    if (this.kinds[p] === K.EndOfFile) return;
    if (this.buildTree) {
      const tok = this.sig[p]!;
      this.flushTrivia(tok);
      this.stack[this.stack.length - 1]!.children.push(tok);
      this.emitted = tok + 1;
    }
    this.p = p + 1;
  }
  private eat(kind: number): boolean {
    if (this.kinds[this.p] !== kind) return false;
    this.bump();
    return true;
  }
  private start(): void {
    if (!this.buildTree) return;
    this.flushTrivia(this.sig[this.p]!);
    this.stack.push({ kind: 0, children: [] });
  }
  private finish(kind: number): SyntaxNode {
    if (!this.buildTree) return NO_NODE;
    const frame = this.stack.pop()!;
    const starts = this.tokens.starts;
    const node = makeNode(kind, frame.children, starts, starts[this.emitted]!);
    this.stack[this.stack.length - 1]!.children.push(node);
    return node;
  }
  /**
   * Consumes the current token (not the end of the file) as a node of `kind` of its own.
   * The lean parse only advances: the most common nodes (names, literals, named types)
   * then cost no tree-building calls.
   */
  private leaf(kind: number): void {
    if (!this.buildTree) {
      this.p++;
      return;
    }
    this.start();
    this.bump();
    this.finish(kind);
  }
  /** Reopens the last finished node as the first child of a new node (for infix forms). */
  private precede(): void {
    if (!this.buildTree) return;
    const parent = this.stack[this.stack.length - 1]!;
    const last = parent.children.pop()!;
    this.stack.push({ kind: 0, children: [last] });
  }

  // ---- errors -------------------------------------------------------------------------

  private error(message: string, start: number, end: number, code = "syntax-error"): void {
    if (code === "syntax-error" && (start === this.lastErrorAt || this.quiet > 0)) return;
    if (code === "syntax-error") this.lastErrorAt = start;
    this.diagnostics.push(diagnostic(code, "error", message, start, end));
  }
  /** Reports "expected X but found Y" at the current token (silent on invalid characters, already reported). */
  private errorExpected(expected: string): void {
    const kind = this.cur();
    if (kind === K.ErrorToken) {
      this.lastErrorAt = this.curStart();
      return;
    }
    const found =
      kind === K.Ident || kind === K.Int ? `\`${this.curText()}\`` : describeTokenKind(kind);
    this.error(`expected ${expected} but found ${found}`, this.curStart(), this.curEnd());
  }
  private expect(kind: number): boolean {
    if (this.eat(kind)) return true;
    this.errorExpected(describeTokenKind(kind));
    return false;
  }
  /** Wraps the current token in an `Error` node and consumes it. */
  private bumpError(): void {
    this.start();
    this.bump();
    this.finish(K.Error);
  }
  /** Skips a nested region too deep to parse, keeping brackets balanced, without recursion. */
  private skipTooDeep(): void {
    this.error(
      `nesting is too deep (more than ${MAX_NESTING} levels); this part is not analysed`,
      this.curStart(),
      this.curEnd(),
      "syntax-error",
    );
    this.start();
    let balance = 0;
    for (;;) {
      const k = this.cur();
      if (k === K.EndOfFile) break;
      if (k === K.LParen || k === K.LBracket || k === K.LBrace) balance++;
      else if (k === K.RParen || k === K.RBracket || k === K.RBrace) {
        if (balance === 0) break;
        balance--;
      } else if ((k === K.Semi || k === K.Comma) && balance === 0) break;
      this.bump();
    }
    this.finish(K.Error);
  }

  // ---- file and items -----------------------------------------------------------------

  parseFile(): ParseResult {
    this.stack.push({ kind: K.SourceFile, children: [] });
    const items: LocatedItem[] = newList();
    // Whether the last item began inside a body it cut short (`fn f() { use m::g; return g(); }`).
    let insideCutBody = false;
    while (!this.at(K.EndOfFile)) {
      const k = this.cur();
      if (ITEM_START.has(k)) {
        const start = this.curStart();
        this.base = start;
        this.depth = 0;
        this.lastBodySkipped = false;
        insideCutBody = this.bodyCut;
        this.bodyCut = false;
        const ast = this.parseItem(k);
        const end = this.prevEnd();
        items.push(new LocatedItemNode(start, end, this.text.slice(start, end), ast));
        this.bodySkipped?.push(this.lastBodySkipped);
        continue;
      }
      // What follows an item written inside a body, up to a `}` that closes nothing, is the
      // rest of that body: its "expected `}`" already stands for the mistake, so the rest is
      // skipped without a second error.
      if (!insideCutBody || !this.closesBodyBeforeNextItem()) this.errorExpected("an item (`fn`, `struct`, `const` or `use`)");
      insideCutBody = false;
      this.start();
      while (!this.at(K.EndOfFile) && !ITEM_START.has(this.cur())) this.bump();
      this.finish(K.Error);
    }
    // Trailing trivia and the end-of-file token.
    const top = this.stack[0]!;
    if (this.buildTree) while (this.emitted < this.tokens.count) top.children.push(this.emitted++);
    const root = makeNode(K.SourceFile, top.children, this.tokens.starts, this.text.length);
    this.diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    return { text: this.text, tokens: this.tokens, root, items, diagnostics: this.diagnostics };
  }

  /** Whether a `}` that closes nothing comes before the next item keyword (or the end of the file). */
  private closesBodyBeforeNextItem(): boolean {
    let balance = 0;
    for (let q = this.p; q < this.last; q++) {
      const k = this.kinds[q]!;
      if (ITEM_START.has(k)) return false;
      if (k === K.LBrace) balance++;
      else if (k === K.RBrace && --balance < 0) return true;
    }
    return false;
  }

  /** Copies of the significant tokens (the lean parse reads shared buffers), in `spare` when it is large enough. */
  copyTokens(spare: ArrayBuffer | undefined): SignificantTokens {
    const count = this.last + 1;
    // One buffer for the three arrays: one backing-store allocation per file, not three,
    // and none when the caller hands back a large enough buffer it no longer uses.
    const buffer = spare !== undefined && spare.byteLength >= count * 9 ? spare : new ArrayBuffer(count * 9);
    const starts = new Uint32Array(buffer, 0, count);
    const ends = new Uint32Array(buffer, count * 4, count);
    const kinds = new Uint8Array(buffer, count * 8, count);
    starts.set(this.starts.subarray(0, count));
    ends.set(this.ends.subarray(0, count));
    kinds.set(this.kinds.subarray(0, count));
    return {
      kinds,
      starts,
      ends,
      count,
      errors: this.diagnostics.length === 0 ? [] : this.diagnostics.filter(isLexical),
    };
  }

  /** See {@link parseItemAt}. */
  parseItemAt(start: number): { ast: ItemAst | undefined; diagnostics: Diagnostic[] } {
    // The item's first token: binary search over the (sorted) token starts.
    let lo = 0;
    let hi = this.last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    const k = this.kinds[lo]!;
    if (this.starts[lo] !== start || !ITEM_START.has(k)) return { ast: undefined, diagnostics: [] };
    this.p = lo;
    this.base = start;
    const ast = this.parseItem(k);
    // Almost every item has no diagnostics: no map/sort then. (An empty `map` result has
    // another V8 array map than a filled one, and the sort call deoptimized on it.)
    if (this.diagnostics.length === 0) return { ast, diagnostics: [] };
    const diagnostics = this.diagnostics.map((d) => shiftDiagnostic(d, -start));
    diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    return { ast, diagnostics };
  }

  private parseItem(k: number): ItemAst {
    switch (k) {
      case K.FnKw:
        return this.parseFn();
      case K.StructKw:
        return this.parseStruct();
      case K.ConstKw: {
        const c = this.parseConst(K.ConstDef);
        return { k: "const", name: c.name, ns: c.ns, ne: c.ne, ty: c.ty, init: c.init, e: c.e };
      }
      default:
        return this.parseUse();
    }
  }

  /**
   * Whether the cursor is at a keyword written as a name (`let in = 1;`, `fn new()`): a
   * keyword followed by what follows a name being declared. It is reported and then read as
   * that name, so what it declares still exists and its uses do not cascade.
   */
  private atKeywordAsName(): boolean {
    if (!isKeyword(this.cur())) return false;
    const next = this.nth(1);
    if (next !== K.Colon && next !== K.Eq && next !== K.LParen && next !== K.LBrace && next !== K.Comma) return false;
    this.error(`\`${this.curText()}\` is a keyword and cannot be used as a name`, this.curStart(), this.curEnd());
    return true;
  }

  /** Parses `IDENT`, returning name and relative range ("" when missing). */
  private parseName(): { name: string; ns: number; ne: number } {
    const p = this.p;
    if (this.kinds[p] === K.Ident || this.atKeywordAsName()) {
      const start = this.starts[p]!;
      const end = this.ends[p]!;
      this.bump();
      return { name: this.text.slice(start, end), ns: start - this.base, ne: end - this.base };
    }
    this.errorExpected("a name");
    const at = this.rel(this.curStart());
    return { name: "", ns: at, ne: at };
  }

  private parseFn(): ItemAst {
    this.start();
    this.bump(); // fn
    const { name, ns, ne } = this.parseName();
    let params: readonly ParamAst[] = NO_MEMBERS;
    if (this.at(K.LParen)) params = this.parseTypedNames(K.RParen, K.Param, K.ParamList, "a parameter");
    else this.errorExpected("`(`");
    let ret: TypeRef | null = null;
    if (this.at(K.Arrow)) {
      this.start();
      this.bump();
      ret = this.parseType();
      this.finish(K.RetType);
    }
    let body: Block | null = null;
    if (this.at(K.LBrace)) {
      if (this.skipBodies && this.trySkipBody()) {
        body = SKIPPED_BODY;
        this.lastBodySkipped = true;
      } else body = this.parseBlock();
      if (this.bodySkipped) body = null;
    } else if (STMT_START.has(this.cur()) && !this.at(K.ConstKw)) {
      // `fn f() -> felt return x; }`: a forgotten `{`, reported once; the statements up to
      // the `}` are still the body (its uses and checks are not lost).
      this.errorExpected("`{`");
      body = this.parseBlock(false);
      if (this.bodySkipped) body = null;
    } else this.errorExpected("`{`");
    this.finish(K.FnDef);
    return new FnItemNode(name, ns, ne, params, ret, body, this.rel(this.prevEnd()));
  }

  /**
   * Steps over the block at the cursor if a full parse would surely end it at its matching
   * `}`; returns whether it did. That holds when the braces balance before any item
   * keyword, invalid character or the end of the file, and no `{` follows a name: such a
   * `{` may open a struct literal, whose recovery from a broken field list leaves its `{`
   * unmatched (every other construct consumes braces in pairs, even with errors).
   */
  private trySkipBody(): boolean {
    const { kinds, last } = this;
    let depth = 0;
    for (let q = this.p; q < last; q++) {
      const k = kinds[q]!;
      if (k === K.LBrace) {
        if (++depth > SKIP_MAX_DEPTH || (q > this.p && kinds[q - 1] === K.Ident)) return false;
      } else if (k === K.RBrace) {
        if (--depth === 0) {
          this.p = q + 1;
          return true;
        }
      } else if (k === K.FnKw || k === K.StructKw || k === K.UseKw || k === K.ErrorToken) return false;
    }
    return false;
  }

  private parseStruct(): ItemAst {
    this.start();
    this.bump();
    const { name, ns, ne } = this.parseName();
    let fields: readonly FieldDeclAst[] = NO_MEMBERS;
    if (this.at(K.LBrace)) fields = this.parseTypedNames(K.RBrace, K.FieldDecl, K.FieldList, "a field");
    else this.errorExpected("`{`");
    this.finish(K.StructDef);
    return { k: "struct", name, ns, ne, fields, e: this.rel(this.prevEnd()) };
  }

  private parseConst(kind: number): { name: string; ns: number; ne: number; ty: TypeRef | null; init: Expr; s: number; e: number } {
    const s = this.rel(this.curStart());
    this.start();
    this.bump();
    const { name, ns, ne } = this.parseName();
    let ty: TypeRef | null = null;
    if (this.eat(K.Colon)) ty = this.parseType();
    let init: Expr;
    if (this.expect(K.Eq)) init = this.parseExpr();
    else init = this.missingExpr();
    this.expect(K.Semi);
    this.finish(kind);
    return { name, ns, ne, ty, init, s, e: this.rel(this.prevEnd()) };
  }

  private parseUse(): ItemAst {
    this.start();
    this.bump();
    const path: UseName[] = [];
    const items: UseName[] = [];
    let list = false;
    const first = this.parseName();
    if (first.name) path.push({ name: first.name, s: first.ns, e: first.ne });
    while (this.at(K.ColonColon)) {
      this.bump();
      if (this.at(K.LBrace)) {
        list = true;
        this.start();
        this.bump();
        this.parseCommaList(K.RBrace, isIdentKind, () => {
          const n = this.parseName();
          items.push({ name: n.name, s: n.ns, e: n.ne });
        }, "a name");
        this.expect(K.RBrace);
        this.finish(K.UseList);
        break;
      }
      const n = this.parseName();
      if (!n.name) {
        // `use a::*;`, `use a::;`: `a` is the module and no item is named, rather than
        // `a` being an item imported (and then reported unused) from an empty path.
        list = true;
        break;
      }
      path.push({ name: n.name, s: n.ns, e: n.ne });
    }
    if (!list && path.length > 0) items.push(path.pop()!);
    this.expect(K.Semi);
    this.finish(K.UseDecl);
    return { k: "use", path, items, list, e: this.rel(this.prevEnd()) };
  }

  /**
   * Parses `elem (, elem)* ,?` up to (not including) `close`. Stops early at a token that
   * begins a block, an item or a statement, so a broken list does not swallow the file.
   */
  /**
   * A parameter or field list at the cursor's `(` or `{`: `name: Type` elements up to
   * `close`, each an `element` node inside a `list` node. Returns the list trimmed (memos keep it).
   */
  private parseTypedNames(close: number, element: number, list: number, what: string): NameAndTypeNode[] {
    const members: NameAndTypeNode[] = newList();
    this.start();
    this.bump();
    this.parseCommaList(close, isIdentKind, () => {
      this.start();
      const m = this.parseName();
      const ty = this.parseAnnotation();
      this.finish(element);
      members.push(new NameAndTypeNode(m.name, m.ns, m.ne, ty));
    }, what);
    this.expect(close);
    this.finish(list);
    return trimmed(members);
  }

  private parseCommaList(close: number, isStart: (k: number) => boolean, parseElem: () => void, what: string): void {
    while (!this.at(close) && !this.at(K.EndOfFile)) {
      const k = this.cur();
      if (isStart(k)) {
        const before = this.p;
        parseElem();
        if (this.p === before) break;
      } else if (k === K.LBrace || k === K.Semi || ITEM_START.has(k) || STMT_START.has(k) || k === K.RBrace || k === K.RParen || k === K.RBracket) {
        this.errorExpected(what);
        return;
      } else {
        this.errorExpected(what);
        this.bumpError();
        continue;
      }
      if (this.at(close)) return;
      if (!this.eat(K.Comma)) {
        this.errorExpected(`\`,\` or ${describeTokenKind(close)}`);
        if (!isStart(this.cur())) return;
      }
    }
  }

  // ---- types and patterns ---------------------------------------------------------------

  /** `: Type` of a parameter or field; a forgotten `:` before a type is reported once and skipped. */
  private parseAnnotation(): TypeRef {
    if (this.expect(K.Colon)) return this.parseType();
    const k = this.cur();
    if (k === K.Ident || k === K.LBracket || k === K.LParen) return this.parseType();
    return new MissingNode(this.rel(this.curStart()), this.rel(this.curStart()));
  }

  private parseType(): TypeRef {
    if (this.depth >= MAX_NESTING) {
      const s = this.rel(this.curStart());
      this.skipTooDeep();
      return { k: "missing", s, e: this.rel(this.prevEnd()) };
    }
    this.depth++;
    const s = this.rel(this.curStart());
    let ty: TypeRef;
    const k = this.cur();
    if (k === K.Ident) {
      const end = this.ends[this.p]!;
      const name = this.text.slice(this.starts[this.p]!, end);
      this.leaf(K.NamedType);
      ty = new NamedTypeNode(name, s, end - this.base);
    } else if (k === K.LBracket) {
      this.start();
      this.bump();
      const elem = this.parseType();
      let len: number | null = null;
      if (this.expect(K.Semi)) len = this.parseArrayLength();
      this.expect(K.RBracket);
      this.finish(K.ArrayType);
      ty = new ArrayTypeNode(elem, len, s, this.rel(this.prevEnd()));
    } else if (k === K.LParen) {
      this.start();
      this.bump();
      const elems: TypeRef[] = newList();
      let trailingComma = false;
      // Quirk of the reference: `(,)` is the unit type.
      if (this.at(K.Comma) && this.nth(1) === K.RParen) {
        this.bump();
        trailingComma = true;
      }
      while (!this.at(K.RParen) && !this.at(K.EndOfFile)) {
        const before = this.p;
        elems.push(this.parseType());
        trailingComma = false;
        if (this.eat(K.Comma)) trailingComma = true;
        else break;
        if (this.p === before) break;
      }
      this.expect(K.RParen);
      this.finish(K.TupleType);
      const e = this.rel(this.prevEnd());
      ty = elems.length === 1 && !trailingComma ? elems[0]! : new TupleTypeNode(elems, s, e);
    } else {
      this.errorExpected("a type");
      this.start();
      this.finish(K.Error);
      ty = new MissingNode(s, s);
    }
    while (this.at(K.Star)) {
      this.precede();
      this.bump();
      this.finish(K.PointerType);
      ty = new PtrTypeNode(ty, s, this.rel(this.prevEnd()));
    }
    this.depth--;
    return ty;
  }

  /** Parses the length of `[T; N]` or `[e; N]`: an unsuffixed integer literal. */
  private parseArrayLength(): number | null {
    // A literal that an operator, cast or postfix form continues (`[felt; 1 + 2]`) is an
    // expression like any other: parsed whole, so the `]` after it still closes the array.
    if (this.at(K.Int) && !continuesExpression(this.nth(1))) {
      const parts = intLiteralParts(this.curText());
      const s = this.curStart();
      const e = this.curEnd();
      this.start();
      this.bump();
      this.finish(K.Literal);
      if (parts.suffix !== "") {
        this.error("array length must be a plain integer literal (no suffix)", s, e, "array-length-not-literal");
        return null;
      }
      return parts.value;
    }
    if (!EXPR_START.has(this.cur())) {
      this.errorExpected("an integer literal");
      return null;
    }
    const s = this.curStart();
    const saved = this.noStruct;
    this.noStruct = false;
    this.parseExpr();
    this.noStruct = saved;
    this.error("array length must be a plain integer literal", s, this.prevEnd(), "array-length-not-literal");
    return null;
  }

  private parsePattern(): Pattern {
    const s = this.rel(this.curStart());
    if (this.at(K.Ident) || this.atKeywordAsName()) {
      const end = this.ends[this.p]!;
      const name = this.text.slice(this.starts[this.p]!, end);
      this.leaf(K.IdentPat);
      return { k: "ident", name, s, e: end - this.base };
    }
    if (this.at(K.LParen)) {
      if (this.depth >= MAX_NESTING) {
        this.skipTooDeep();
        return { k: "missing", s, e: this.rel(this.prevEnd()) };
      }
      this.depth++;
      this.start();
      this.bump();
      const elems: Pattern[] = [];
      while (!this.at(K.RParen) && !this.at(K.EndOfFile)) {
        const before = this.p;
        elems.push(this.parsePattern());
        if (this.p === before) break;
        if (!this.at(K.Comma)) break;
        const commaAt = this.curStart();
        this.bump();
        if (this.at(K.RParen)) this.error("a tuple pattern cannot end with a comma", commaAt, commaAt + 1);
      }
      this.expect(K.RParen);
      this.finish(K.TuplePat);
      this.depth--;
      const e = this.rel(this.prevEnd());
      if (elems.length < 2) {
        this.error("a tuple pattern needs at least two names", s + this.base, e + this.base);
        // `let (a) = 1;` still binds `a`, to the whole value: not a one-element tuple
        // pattern that would also report the value for not being a tuple.
        return elems.length === 1 ? elems[0]! : { k: "missing", s, e };
      }
      return { k: "tuple", elems, s, e };
    }
    this.errorExpected("a name or a tuple pattern");
    return { k: "missing", s, e: s };
  }

  // ---- statements -----------------------------------------------------------------------

  /** A `{ … }` block at the cursor; with `opened` false, one whose `{` is missing (reported by the caller). */
  private parseBlock(opened = true): Block {
    const s = this.rel(this.curStart());
    this.start();
    if (opened) this.bump(); // {
    const stmts: Stmt[] = [];
    if (this.depth >= MAX_NESTING) {
      this.skipTooDeep();
    } else {
      this.depth++;
      this.parseStatements(stmts);
      this.depth--;
    }
    this.expect(K.RBrace);
    this.finish(K.Block);
    return { k: "block", s, e: this.rel(this.prevEnd()), stmts };
  }

  private parseStatements(out: Stmt[]): void {
    for (;;) {
      const k = this.cur();
      if (k === K.RBrace || k === K.EndOfFile) return;
      // An item keyword inside a body means the body was not closed: give up on it here.
      if (k === K.FnKw || k === K.StructKw || k === K.UseKw) {
        this.bodyCut = true;
        return;
      }
      const before = this.p;
      out.push(this.parseStatement());
      if (this.p === before) this.bumpError();
    }
  }

  private parseStatement(): Stmt {
    if (this.depth >= MAX_NESTING) {
      const s = this.rel(this.curStart());
      this.skipTooDeep();
      this.eat(K.Semi);
      return { k: "error", s, e: this.rel(this.prevEnd()) };
    }
    this.depth++;
    const stmt = this.parseStatementInner();
    this.depth--;
    return stmt;
  }

  private parseStatementInner(): Stmt {
    const s = this.rel(this.curStart());
    switch (this.cur()) {
      case K.LBrace:
        return this.parseBlock();
      case K.LetKw:
        return this.parseLet();
      case K.ConstKw: {
        const c = this.parseConst(K.ConstStmt);
        return { k: "const", s: c.s, e: c.e, name: c.name, ns: c.ns, ne: c.ne, ty: c.ty, init: c.init };
      }
      case K.ReturnKw: {
        this.start();
        this.bump();
        let value: Expr | null = null;
        if (EXPR_START.has(this.cur())) value = this.parseExpr();
        else if (!this.at(K.Semi)) {
          // Something that is not an expression (`return in;`, `return }`): the value is
          // missing rather than absent, so a value-returning function does not also get
          // "must return a value" for what is one syntax error.
          this.errorExpected("an expression or `;`");
          value = this.missingExpr();
        }
        this.expect(K.Semi);
        this.finish(K.ReturnStmt);
        return { k: "return", s, e: this.rel(this.prevEnd()), value };
      }
      case K.BreakKw:
      case K.ContinueKw: {
        const isBreak = this.at(K.BreakKw);
        this.start();
        this.bump();
        this.expect(K.Semi);
        this.finish(isBreak ? K.BreakStmt : K.ContinueStmt);
        return { k: isBreak ? "break" : "continue", s, e: this.rel(this.prevEnd()) };
      }
      case K.IfKw: {
        this.start();
        this.bump();
        const cond = this.parseCondition();
        const then = this.parseBody();
        let otherwise: Stmt | null = null;
        if (this.at(K.ElseKw)) {
          this.start();
          this.bump();
          otherwise = this.parseBody();
          this.finish(K.ElseBranch);
        }
        this.finish(K.IfStmt);
        return { k: "if", s, e: this.rel(this.prevEnd()), cond, then, else: otherwise };
      }
      case K.LoopKw: {
        this.start();
        this.bump();
        const body = this.parseBody();
        this.finish(K.LoopStmt);
        return { k: "loop", s, e: this.rel(this.prevEnd()), body };
      }
      case K.WhileKw: {
        this.start();
        this.bump();
        const cond = this.parseCondition();
        const body = this.parseBody();
        this.finish(K.WhileStmt);
        return { k: "while", s, e: this.rel(this.prevEnd()), cond, body };
      }
      case K.ForKw:
        return this.parseFor();
      default:
        break;
    }
    if (EXPR_START.has(this.cur())) return this.parseExprOrAssign(true);
    // Not a statement: report once and skip to a likely statement boundary. A `{` is one
    // (parsed as a block next): swallowing it would leave its `}` to close the enclosing
    // block early, so recovery would depend on more than the text up to the error.
    this.errorExpected("a statement");
    this.start();
    for (;;) {
      const k = this.cur();
      if (k === K.EndOfFile || k === K.RBrace || STMT_START.has(k) || ITEM_START.has(k)) break;
      this.bump();
      if (k === K.Semi) break;
    }
    this.finish(K.Error);
    return { k: "error", s, e: this.rel(this.prevEnd()) };
  }

  /** The body of `if`/`else`/`loop`/`while`/`for`: any statement, usually a block. */
  private parseBody(): Stmt {
    if (this.at(K.RBrace) || this.at(K.EndOfFile) || ITEM_START.has(this.cur()) && !this.at(K.ConstKw)) {
      this.errorExpected("a statement or block");
      const at = this.rel(this.curStart());
      return { k: "error", s: at, e: at };
    }
    return this.parseStatement();
  }

  private parseCondition(): Expr {
    this.start();
    const saved = this.noStruct;
    this.noStruct = true;
    let cond = this.parseExpr();
    if (this.at(K.Eq)) cond = this.assignmentAsComparison(cond);
    this.noStruct = saved;
    this.finish(K.Condition);
    return cond;
  }

  /**
   * `if x = 1 {`: an assignment where a condition goes (the cursor is at `=`). Reported
   * where the reference's parser stops, then read as the comparison it almost surely
   * meant, so its operands are still checked and used and the body is still the body.
   */
  private assignmentAsComparison(lhs: Expr): Expr {
    const os = this.rel(this.curStart());
    this.error("expected the body but found `=` (to compare, write `==`)", this.curStart(), this.curEnd());
    this.precede();
    this.bump();
    const rhs = this.parseExpr();
    this.finish(K.BinExpr);
    return { k: "binary", s: lhs.s, e: this.rel(this.prevEnd()), op: "==", lhs, rhs, os };
  }

  private parseLet(): Stmt {
    const s = this.rel(this.curStart());
    this.start();
    this.bump();
    if (this.at(K.Ident) && this.curText() === "mut" && (this.nth(1) === K.Ident || this.nth(1) === K.LParen)) this.skipMut();
    const pat = this.parsePattern();
    let ty: TypeRef | null = null;
    if (this.eat(K.Colon)) ty = this.parseType();
    let init: Expr;
    if (this.expect(K.Eq)) init = this.parseExpr();
    else init = this.missingExpr();
    this.expect(K.Semi);
    this.finish(K.LetStmt);
    return { k: "let", s, e: this.rel(this.prevEnd()), pat, ty, init };
  }

  /**
   * `let mut x`: Cairo-M has no `mut`. Reported where the reference's parser stops (at
   * the name after `mut`, where it expected `=`), then `mut` is skipped so the binding
   * is declared as meant and its uses do not cascade.
   */
  private skipMut(): void {
    this.bumpError();
    this.error(
      `expected \`=\` but found ${this.at(K.Ident) ? `\`${this.curText()}\`` : "`(`"} (Cairo-M has no \`mut\`: every \`let\` binding can be reassigned)`,
      this.curStart(),
      this.curEnd(),
    );
  }

  /** `expr ;` or `place = expr ;` (with `semi` false: the step of a `for`, no `;`). */
  private parseExprOrAssign(semi: boolean): Stmt {
    const s = this.rel(this.curStart());
    this.start();
    const lhs = this.parseExpr();
    if (this.eat(K.Eq)) {
      const rhs = this.parseExpr();
      if (semi) this.expect(K.Semi);
      this.finish(K.AssignStmt);
      return { k: "assign", s, e: this.rel(this.prevEnd()), lhs, rhs };
    }
    if (semi) this.expect(K.Semi);
    this.finish(K.ExprStmt);
    return { k: "expr", s, e: this.rel(this.prevEnd()), expr: lhs };
  }

  private parseFor(): Stmt {
    const s = this.rel(this.curStart());
    this.start();
    this.bump();
    let init: Stmt | null = null;
    let cond: Expr;
    let step: Stmt | null = null;
    if (this.at(K.Ident) && this.nth(1) === K.InKw) {
      ({ init, step } = this.parseForIn());
      cond = this.missingExpr();
    } else if (this.expect(K.LParen)) {
      if (this.at(K.LetKw)) init = this.parseLet();
      else if (EXPR_START.has(this.cur())) init = this.parseExprOrAssign(true);
      else this.expect(K.Semi);
      this.start();
      cond = this.parseExpr();
      this.finish(K.Condition);
      this.expect(K.Semi);
      if (EXPR_START.has(this.cur())) step = this.parseExprOrAssign(false);
      else this.errorExpected("an expression");
      this.expect(K.RParen);
    } else cond = this.missingExpr();
    const body = this.parseBody();
    this.finish(K.ForStmt);
    return { k: "for", s, e: this.rel(this.prevEnd()), init, cond, step, body };
  }

  /**
   * `for x in 0..n { … }`, which Cairo-M does not have (§2.4), reported once where the
   * reference's parser stops (at `x`, where it expected `(`). `x` is still bound (to the
   * error type) and the range's expressions are still read (quietly: `..` is no token), so
   * the body and the names the loop mentions are analysed without further errors.
   */
  private parseForIn(): { init: Stmt; step: Stmt } {
    this.error(
      `expected \`(\` but found \`${this.curText()}\` (Cairo-M has no \`for … in\`: write \`for (let i = 0; i != n; i = i + 1)\`)`,
      this.curStart(),
      this.curEnd(),
    );
    const s = this.rel(this.curStart());
    this.start();
    const pat = this.parsePattern();
    this.bump(); // in
    const at = this.rel(this.prevEnd());
    const init: Stmt = { k: "let", s, e: at, pat, ty: null, init: { k: "missing", s: at, e: at } };
    const stmts: Stmt[] = [];
    const saved = this.noStruct;
    this.noStruct = true;
    this.quiet++;
    for (;;) {
      const k = this.cur();
      if (k === K.LBrace || k === K.RBrace || k === K.Semi || k === K.EndOfFile || ITEM_START.has(k)) break;
      const before = this.p;
      if (EXPR_START.has(k)) {
        const expr = this.parseExpr();
        stmts.push({ k: "expr", s: expr.s, e: expr.e, expr });
      }
      if (this.p === before) this.bump();
    }
    this.quiet--;
    this.noStruct = saved;
    this.finish(K.Error);
    const e = this.rel(this.prevEnd());
    return { init, step: { k: "block", s: at, e, stmts } };
  }

  // ---- expressions ----------------------------------------------------------------------

  private missingExpr(): Expr {
    const at = this.rel(this.prevEnd());
    this.start();
    this.finish(K.Error);
    return { k: "missing", s: at, e: at };
  }

  /**
   * An expression whose binary operators bind at least as tightly as `minPrec` (1: any).
   * The operand chain (prefix operators, postfix forms, casts) is written out in
   * `parseUnary` and here rather than one method per level: each operand then costs three
   * calls instead of five, which matters most before the optimizing compiler inlines them.
   */
  private parseExpr(minPrec = 1): Expr {
    if (this.depth >= MAX_NESTING) {
      const s = this.starts[this.p]! - this.base;
      this.skipTooDeep();
      return { k: "missing", s, e: this.rel(this.prevEnd()) };
    }
    const savedDepth = this.depth;
    this.depth++;
    let lhs = this.parseUnary();
    // Casts: `operand as T as U ...`.
    if (this.kinds[this.p] === K.AsKw) lhs = this.parseCasts(lhs);
    for (;;) {
      const opKind = this.kinds[this.p]!;
      const prec = BINARY_PREC[opKind]!;
      if (prec === 0 || prec < minPrec) break;
      // The chain `a + b + c …` grows a left-deep tree, but no nesting: every pass over it
      // walks its left spine with a loop (the checker's `binaryChain`, the formatter, the
      // tree builder), so its length does not count against MAX_NESTING (a generated sum of
      // a few hundred terms is ordinary in arithmetic code).
      const os = this.starts[this.p]! - this.base;
      this.precede();
      this.bump();
      const rhs = this.parseExpr(prec + 1);
      this.finish(K.BinExpr);
      lhs = { k: "binary", s: lhs.s, e: this.ends[this.p - 1]! - this.base, op: BINARY_OP[opKind]!, lhs, rhs, os };
    }
    this.depth = savedDepth;
    return lhs;
  }

  /** The `as T` suffixes after an operand (the cursor is at the first `as`). */
  private parseCasts(operand: Expr): Expr {
    let expr = operand;
    const savedDepth = this.depth;
    while (this.at(K.AsKw)) {
      if (++this.depth >= MAX_NESTING) {
        this.precede();
        this.skipTooDeep();
        this.finish(K.CastExpr);
        expr = { k: "missing", s: expr.s, e: this.rel(this.prevEnd()) };
        break;
      }
      this.precede();
      this.bump();
      let target = "";
      let ts = this.rel(this.curStart());
      let te = ts;
      if (this.at(K.Ident)) {
        target = this.curText();
        ts = this.rel(this.curStart());
        te = this.rel(this.curEnd());
        this.start();
        this.bump();
        this.finish(K.NamedType);
      } else this.errorExpected("a type name");
      this.finish(K.CastExpr);
      expr = { k: "cast", s: expr.s, e: this.rel(this.prevEnd()), expr, target, ts, te };
    }
    this.depth = savedDepth;
    return expr;
  }

  /** A prefix-operator chain, then a primary expression with its postfix forms. */
  private parseUnary(): Expr {
    const first = this.kinds[this.p];
    if (first === K.Bang || first === K.Minus) {
      if (this.depth >= MAX_NESTING) {
        const s = this.rel(this.curStart());
        this.skipTooDeep();
        return { k: "missing", s, e: this.rel(this.prevEnd()) };
      }
      const s = this.rel(this.curStart());
      const op = first === K.Bang ? "!" : "-";
      this.start();
      this.bump();
      this.depth++;
      const expr = this.parseUnary();
      this.depth--;
      this.finish(K.PrefixExpr);
      return { k: "unary", s, e: this.rel(this.prevEnd()), op, expr };
    }
    const expr = this.parsePrimary();
    const k = this.kinds[this.p];
    return k === K.LParen || k === K.Dot || k === K.LBracket ? this.parsePostfix(expr) : expr;
  }

  /** Calls, indexing and field accesses after `operand` (the cursor is at the first). */
  private parsePostfix(operand: Expr): Expr {
    let expr = operand;
    const savedDepth = this.depth;
    for (;;) {
      const k = this.cur();
      if (k !== K.LParen && k !== K.Dot && k !== K.LBracket) break;
      // `0..n`: no field follows a dot that another dot follows (there is no `..` token).
      if (k === K.Dot && this.quiet > 0 && this.nth(1) === K.Dot) break;
      if (++this.depth >= MAX_NESTING) {
        this.precede();
        this.skipTooDeep();
        this.finish(K.Error);
        expr = { k: "missing", s: expr.s, e: this.rel(this.prevEnd()) };
        break;
      }
      const s = expr.s;
      this.precede();
      if (k === K.LParen) {
        const ls = this.rel(this.curStart());
        const args = this.parseDelimitedExprs(K.ArgList, K.RParen);
        this.finish(K.CallExpr);
        expr = { k: "call", s, e: this.rel(this.prevEnd()), callee: expr, args, ls };
      } else if (k === K.LBracket) {
        this.bump();
        const saved = this.noStruct;
        this.noStruct = false;
        const index = this.parseExpr();
        this.noStruct = saved;
        this.expect(K.RBracket);
        this.finish(K.IndexExpr);
        expr = { k: "index", s, e: this.rel(this.prevEnd()), obj: expr, index };
      } else {
        this.bump(); // .
        const ns = this.rel(this.curStart());
        const ne = this.rel(this.curEnd());
        if (this.at(K.Ident)) {
          const name = this.curText();
          this.bump();
          this.finish(K.FieldExpr);
          expr = { k: "field", s, e: this.rel(this.prevEnd()), obj: expr, name, ns, ne };
        } else if (this.at(K.Int)) {
          const parts = intLiteralParts(this.curText());
          if (parts.suffix !== "") {
            this.error("a tuple index cannot have a suffix", this.curStart(), this.curEnd(), "suffixed-tuple-index");
          }
          this.bump();
          this.finish(K.TupleIndexExpr);
          expr = { k: "tindex", s, e: this.rel(this.prevEnd()), obj: expr, index: parts.value, ns, ne };
        } else {
          this.errorExpected("a field name or tuple index");
          this.finish(K.FieldExpr);
          expr = { k: "field", s, e: this.rel(this.prevEnd()), obj: expr, name: "", ns, ne: ns };
        }
      }
    }
    this.depth = savedDepth;
    return expr;
  }

  /** `( e, e, ... )` or `[ ... ]` as a node of `kind`; the opening token is current. */
  private parseDelimitedExprs(kind: number, close: number): Expr[] {
    this.start();
    this.bump();
    const saved = this.noStruct;
    this.noStruct = false;
    const out: Expr[] = [];
    this.parseCommaList(close, isExprStart, () => out.push(this.parseExpr()), "an expression");
    this.noStruct = saved;
    this.expect(close);
    this.finish(kind);
    return out;
  }

  private isStructLiteralAhead(): boolean {
    if (this.nth(1) !== K.LBrace) return false;
    const k2 = this.nth(2);
    if (k2 === K.Ident && this.nth(3) === K.Colon) return true;
    // Outside conditions a name before `{` can only start a struct literal, also when its
    // first field is broken (`P { x 1 }`, or Rust's shorthand `P { x, y }`, which Cairo-M
    // lacks): read as one, it keeps its fields' values and ends at its `}`.
    return !this.noStruct;
  }

  private parsePrimary(): Expr {
    const p = this.p;
    const s = this.starts[p]! - this.base;
    const k = this.kinds[p]!;
    switch (k) {
      case K.Int: {
        const abs = this.starts[p]!;
        const end = this.ends[p]!;
        const plain = this.plainDecimal(abs, end);
        if (plain >= 0) {
          // Most literals are short plain decimals: no token text, no parts object.
          this.leaf(K.Literal);
          return { k: "int", s, e: end - this.base, value: plain, suffix: "", bad: false };
        }
        const tokenText = this.curText();
        const parts = intLiteralParts(tokenText);
        this.start();
        this.bump();
        this.finish(K.Literal);
        let bad = this.invalidNumbers?.has(abs) === true;
        if (!bad && parts.suffix !== "" && parts.suffix !== "felt" && parts.suffix !== "u32") {
          bad = true;
          this.error(
            `${quoteToken(parts.suffix)} is not a valid literal suffix (use \`felt\` or \`u32\`)`,
            abs,
            abs + tokenText.length,
            "unknown-literal-suffix",
          );
        }
        return { k: "int", s, e: this.rel(this.prevEnd()), value: parts.value, suffix: bad ? "" : parts.suffix, bad };
      }
      case K.TrueKw:
      case K.FalseKw:
        this.leaf(K.Literal);
        return { k: "bool", s, e: this.ends[p]! - this.base, value: k === K.TrueKw };
      case K.Ident: {
        if (this.kinds[p + 1] === K.LBrace && this.isStructLiteralAhead()) return this.parseStructLiteral();
        if (this.kinds[p + 1] === K.ColonColon) return this.parsePathExpr();
        const end = this.ends[p]!;
        const name = this.text.slice(this.starts[p]!, end);
        this.leaf(K.NameRef);
        return { k: "name", s, e: end - this.base, name };
      }
      case K.NewKw: {
        this.start();
        this.bump();
        let ty: TypeRef;
        if (this.at(K.Ident) || this.at(K.LParen)) ty = this.parseType();
        else if (this.at(K.LBracket)) {
          // `new [felt; 2][n]`: arrays cannot be allocated (§2.7 Q5). The type is read
          // whole, so the count after it is still the count.
          this.error("expected a type name or tuple type but found `[` (`new` cannot allocate arrays)", this.curStart(), this.curEnd());
          const at = this.rel(this.curStart());
          this.parseType();
          ty = new MissingNode(at, this.rel(this.prevEnd()));
        } else {
          this.errorExpected("a type name or tuple type");
          ty = new MissingNode(this.rel(this.curStart()), this.rel(this.curStart()));
        }
        let count: Expr;
        if (this.expect(K.LBracket)) {
          const saved = this.noStruct;
          this.noStruct = false;
          count = this.parseExpr();
          this.noStruct = saved;
          this.expect(K.RBracket);
        } else count = this.missingExpr();
        this.finish(K.NewExpr);
        return { k: "new", s, e: this.rel(this.prevEnd()), ty, count };
      }
      case K.LBracket:
        return this.parseArrayLiteral(s);
      case K.LParen:
        return this.parseParenOrTuple(s);
      default:
        this.errorExpected("an expression");
        return this.missingExpr();
    }
  }

  /**
   * `P { x }`: Rust's field shorthand, which Cairo-M lacks (§2.5). Reported where the
   * reference's parser stops (after the name, where it expected `:`); the value is the
   * variable of that name, as it would be in Rust, so it is still read and typed.
   */
  private fieldShorthand(f: { name: string; ns: number; ne: number }): Expr {
    this.error(
      `expected \`:\` but found ${describeTokenKind(this.cur())} (write \`${f.name}: ${f.name}\`: there is no field shorthand)`,
      this.curStart(),
      this.curEnd(),
    );
    return { k: "name", s: f.ns, e: f.ne, name: f.name };
  }

  /**
   * `math::add` in an expression: paths exist only in `use` (§3.4). Reported at the first
   * `::`, where the reference's parser stops; the whole path is consumed and stands for a
   * missing expression, so a call of it still checks its arguments and neither the module
   * nor the item is reported undeclared.
   */
  private parsePathExpr(): Expr {
    const s = this.rel(this.curStart());
    this.start();
    this.bump();
    this.error(
      `expected an operator or \`;\` but found \`::\` (paths are written only in \`use\`: import the item and use its name)`,
      this.curStart(),
      this.curEnd(),
    );
    while (this.at(K.ColonColon)) {
      this.bump();
      if (!this.eat(K.Ident)) break;
    }
    this.finish(K.Error);
    return { k: "missing", s, e: this.rel(this.prevEnd()) };
  }

  /** `[a, b]` or `[e; N]` (kept out of parsePrimary: its closures would cost every primary a context). */
  private parseArrayLiteral(s: number): Expr {
    this.start();
    this.bump();
    const saved = this.noStruct;
    this.noStruct = false;
    if (this.at(K.RBracket)) {
      this.bump();
      this.noStruct = saved;
      this.finish(K.ArrayExpr);
      return { k: "array", s, e: this.rel(this.prevEnd()), elems: [] };
    }
    const first = this.parseExpr();
    if (this.eat(K.Semi)) {
      const len = this.parseArrayLength();
      this.expect(K.RBracket);
      this.noStruct = saved;
      this.finish(K.ArrayRepeatExpr);
      return { k: "repeat", s, e: this.rel(this.prevEnd()), elem: first, len };
    }
    const elems = [first];
    if (this.eat(K.Comma)) {
      this.parseCommaList(K.RBracket, isExprStart, () => elems.push(this.parseExpr()), "an expression");
    }
    this.expect(K.RBracket);
    this.noStruct = saved;
    this.finish(K.ArrayExpr);
    return { k: "array", s, e: this.rel(this.prevEnd()), elems };
  }

  /** `()`, `(e)` or `(a, b, ...)`. */
  private parseParenOrTuple(s: number): Expr {
    this.start();
    this.bump();
    const saved = this.noStruct;
    this.noStruct = false;
    if (this.eat(K.RParen)) {
      this.noStruct = saved;
      this.finish(K.TupleExpr);
      return { k: "tuple", s, e: this.rel(this.prevEnd()), elems: [] };
    }
    const first = this.parseExpr();
    if (this.eat(K.Comma)) {
      const elems = [first];
      this.parseCommaList(K.RParen, isExprStart, () => elems.push(this.parseExpr()), "an expression");
      this.expect(K.RParen);
      this.noStruct = saved;
      this.finish(K.TupleExpr);
      return { k: "tuple", s, e: this.rel(this.prevEnd()), elems };
    }
    this.expect(K.RParen);
    this.noStruct = saved;
    this.finish(K.ParenExpr);
    return { k: "paren", s, e: this.rel(this.prevEnd()), inner: first };
  }

  private parseStructLiteral(): Expr {
    const s = this.rel(this.curStart());
    this.start();
    const name = this.curText();
    const ns = s;
    const ne = this.rel(this.curEnd());
    this.start();
    this.bump();
    this.finish(K.NameRef);
    this.start();
    this.bump(); // {
    const saved = this.noStruct;
    this.noStruct = false;
    const fields: FieldInit[] = [];
    this.parseCommaList(K.RBrace, isIdentKind, () => {
      this.start();
      const f = this.parseName();
      let value: Expr;
      if (f.name && (this.at(K.Comma) || this.at(K.RBrace))) value = this.fieldShorthand(f);
      else if (this.expect(K.Colon)) value = this.parseExpr();
      // `P { x 1 }`: a forgotten `:` before a value is reported once and the value read.
      else if (EXPR_START.has(this.cur()) && !(this.at(K.Ident) && this.nth(1) === K.Colon)) value = this.parseExpr();
      else value = this.missingExpr();
      this.finish(K.FieldInit);
      fields.push({ name: f.name, ns: f.ns, ne: f.ne, value });
    }, "a field");
    this.noStruct = saved;
    this.expect(K.RBrace);
    this.finish(K.FieldInitList);
    this.finish(K.StructLit);
    return { k: "struct", s, e: this.rel(this.prevEnd()), name, ns, ne, fields };
  }
}

function isLexical(d: Diagnostic): boolean {
  return d.code === "invalid-number" || d.code === "invalid-character";
}

/** A parser diagnostic moved by `by` (parser diagnostics have a range and nothing else to move). */
function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  return { ...d, range: { start: d.range.start + by, end: d.range.end + by } };
}

function makeNode(kind: number, children: (SyntaxNode | number)[], starts: Uint32Array, fallback: number): SyntaxNode {
  let start = fallback;
  let end = fallback;
  if (children.length > 0) {
    const first = children[0]!;
    const last = children[children.length - 1]!;
    start = typeof first === "number" ? starts[first]! : first.start;
    end = typeof last === "number" ? starts[last + 1]! : last.end;
  }
  return { kind, start, end, children };
}
