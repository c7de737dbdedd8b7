import { SyntaxCode, type Diagnostic } from "../diagnostic.js";
import type { Dialect } from "../dialect.js";
import { FLAG_UNTERMINATED } from "../lexer/lexer.js";
import { scanSignificant, type SignificantTokens } from "../lexer/significant-tokens.js";
import { describeToken, type RoutineReturns } from "../parser/parser.js";
import { isConditionName } from "./plpgsql-conditions.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/**
 * A piece of SQL inside a PL/pgSQL block, as PostgreSQL hands it to its SQL parser:
 * - `statement`: a SQL statement (`SELECT … INTO x`, `UPDATE …`, `CALL …`) or a query
 *   (`FOR r IN query LOOP`, `RETURN QUERY …`, `OPEN c FOR …`, a cursor's query);
 * - `expression`: a PL/pgSQL expression — a select list with a query's clauses and no
 *   SELECT (`IF a > 0 THEN`, `x := y FROM t WHERE …`, `PERFORM f(1)`, `RETURN n`).
 * Offsets are absolute in the host text.
 */
export interface PlpgsqlPiece {
  readonly kind: "statement" | "expression";
  readonly start: number;
  readonly end: number;
  /**
   * The piece's significant tokens in `PlpgsqlReading.tokens`, `[from, to)`; `from` is -1 when
   * the piece starts inside a token (`1..10`'s upper bound, inside the token `.10`).
   */
  readonly from: number;
  readonly to: number;
}

/**
 * Where a body's lines go, as its structure says (`readPlpgsqlBlock` fills one when given):
 * what the formatter lays a PL/pgSQL body out by.
 */
export interface PlpgsqlLayout {
  /**
   * Pairs (token index, depth), in token order: a line starts at that significant token,
   * nested that deep (a block's statements one level in from its BEGIN, a branch's from its IF).
   */
  readonly lines: number[];
  /** Token indexes of words that name something (variables, labels, cursors, conditions): never keywords. */
  readonly names: Set<number>;
  /** Pairs [from, to) of token ranges written as names are (a declaration's data type, cursor arguments). */
  readonly nameRanges: number[];
}

/** An empty layout to fill. */
export function newPlpgsqlLayout(): PlpgsqlLayout {
  return { lines: [], names: new Set(), nameRanges: [] };
}

/** What `readPlpgsqlBlock` found: the SQL pieces in text order and the block's syntax errors. */
export interface PlpgsqlReading {
  readonly pieces: PlpgsqlPiece[];
  readonly diagnostics: Diagnostic[];
  /** The body's significant tokens and comments, which the pieces' parses read too. */
  readonly tokens: SignificantTokens;
}

/**
 * Reads the PL/pgSQL block at `host[start, end)` (a routine's or a DO block's body) the way
 * PostgreSQL's PL/pgSQL compiler does when it validates a routine: its control structure —
 * labels, DECLARE, BEGIN … EXCEPTION … END, IF, CASE, the loops, EXIT / CONTINUE, RETURN,
 * RAISE, ASSERT, PERFORM, EXECUTE, GET DIAGNOSTICS, the cursor statements, assignments — and
 * where each SQL statement and expression inside it starts and ends (read up to the word or
 * symbol that ends it, outside parentheses, as PostgreSQL's reader cuts them).
 *
 * PostgreSQL stops at a body's first syntax error, and so does this reader: the first error
 * in the block's structure is reported and the pieces before it are still returned. With the
 * signature's `names`, the first name of each assignment, INTO, loop and cursor target must be
 * declared (in a block around it, by the signature, or as a label or one of PL/pgSQL's own
 * variables), as PostgreSQL requires. What is not checked: data types in declarations (taken as
 * written), cursor arguments, anything that needs the catalog or the return type.
 */
export function readPlpgsqlBlock(
  host: string,
  start: number,
  end: number,
  dialect: Dialect,
  /**
   * The names the routine's signature declares (parameters, RETURNS TABLE columns).
   * Given, targets are checked: an assignment, INTO, loop or cursor target must be declared.
   */
  names?: readonly string[],
  /** What the routine returns: given, RETURN, RETURN NEXT and RETURN QUERY are checked against it. */
  returns?: RoutineReturns,
  /** A token buffer to scan the body into (reused from one body to the next by `parseEmbedded`). */
  into?: SignificantTokens,
  /** Filled with where the body's lines start (the formatter's); the reading is the same. */
  layout?: PlpgsqlLayout,
  /** The routine's name: it labels the scope of the signature's `names` (`f.a := …`). */
  routine?: string,
  /** The body is the inside of a `'…'` string, its quotes written twice (see `Lexer.doubledQuotes`). */
  doubledQuotes = false,
): PlpgsqlReading {
  const tokens = scanSignificant(host, dialect, start, end, into, doubledQuotes);
  const reader = new BlockReader(tokens, end, names, returns, layout, routine);
  try {
    reader.readBody();
  } catch (stop) {
    if (stop !== STOP) throw stop;
  }
  return { pieces: reader.pieces, diagnostics: reader.diagnostics, tokens };
}

/** Thrown to end the reading at the first error (the error is recorded first). */
const STOP: unique symbol = Symbol("stop");

/** PL/pgSQL's reserved words: never a variable, a label or the start of a SQL statement. */
const RESERVED = new Set(["all", "begin", "by", "case", "declare", "else", "end", "execute", "for", "foreach", "from", "if", "in", "into", "loop", "not", "null", "or", "strict", "then", "to", "using", "when", "while"]);

/** Variables PL/pgSQL declares in every routine: FOUND; SQLSTATE and SQLERRM (in a handler). */
const IMPLICIT_VARIABLES = ["found", "sqlstate", "sqlerrm"];
/** …in a trigger function. */
const TRIGGER_VARIABLES = ["new", "old", "tg_name", "tg_when", "tg_level", "tg_op", "tg_relid", "tg_relname", "tg_table_name", "tg_table_schema", "tg_nargs", "tg_argv"];
/** …in an event-trigger function. */
const EVENT_TRIGGER_VARIABLES = ["tg_event", "tg_tag"];

/** GET [CURRENT] DIAGNOSTICS's items (PG_ROUTINE_OID from PostgreSQL 16); PG_CONTEXT is in both lists' places. */
const CURRENT_DIAGNOSTICS = new Set(["row_count", "pg_context", "pg_routine_oid"]);
/** GET STACKED DIAGNOSTICS's items (in an exception handler: the error's). */
const STACKED_DIAGNOSTICS = new Set(["returned_sqlstate", "column_name", "constraint_name", "pg_datatype_name", "message_text", "table_name", "schema_name", "pg_exception_detail", "pg_exception_hint", "pg_exception_context"]);

/** RAISE's levels. */
const RAISE_LEVELS = new Set(["debug", "log", "info", "notice", "warning", "exception"]);

/** Statements whose PL/pgSQL INTO the SQL parser reads itself (queries, and DML with RETURNING). */
const SQL_INTO_STATEMENTS = new Set(["select", "with", "insert", "update", "delete", "merge", "values", "table", "import"]);

/** Words that end a list of statements (what follows it is the enclosing construct's). */
const LIST_ENDS = new Set(["end", "else", "elsif", "elseif", "when", "exception"]);

/** Reads one block; `pieces` and `diagnostics` fill as it goes. */
class BlockReader {
  readonly pieces: PlpgsqlPiece[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Index of the current significant token. */
  private i = 0;
  private readonly count: number;
  private readonly text: string;
  /** Names declared as bound cursors (`c CURSOR FOR …`): `FOR r IN c LOOP` loops over one. */
  private readonly cursors = new Set<string>();
  /** The blocks and loops around the current statement, innermost last: what EXIT and CONTINUE may name. */
  private readonly enclosing: { readonly label: string | undefined; readonly loop: boolean }[] = [];
  /** A `<<label>>` read before the block or loop statement that takes it. */
  private pendingLabel: string | undefined = undefined;
  /** The names declared around the current statement, one set per block or loop; none: no check. */
  private readonly scopes: Set<string>[] | undefined;
  /** The label of each of `scopes` (the routine's own scope: the routine's name). */
  private readonly scopeLabels: (string | undefined)[];
  /** How deep the current line is nested (kept for `layout`). */
  private depth = 0;

  constructor(
    private readonly tokens: SignificantTokens,
    /** Offset after the body. */
    private readonly end: number,
    names: readonly string[] | undefined,
    /** What the routine returns (RETURN's checks); absent: not checked. */
    private readonly returns: RoutineReturns | undefined,
    /** Filled with the body's lines, when given. */
    private readonly layout: PlpgsqlLayout | undefined,
    routine: string | undefined,
  ) {
    this.scopeLabels = [routine];
    this.count = tokens.count;
    this.text = tokens.text;
    // What the routine returns tells a trigger function; when it is not known, all are taken.
    const trigger = returns === undefined ? [...TRIGGER_VARIABLES, ...EVENT_TRIGGER_VARIABLES] : returns.trigger === "trigger" ? TRIGGER_VARIABLES : returns.trigger === "event_trigger" ? EVENT_TRIGGER_VARIABLES : [];
    this.scopes = names === undefined ? undefined : [new Set([...IMPLICIT_VARIABLES, ...trigger, ...names])];
  }

  /** Opens a scope for a block or loop with its label (`variable`: a loop's own); with no check, nothing. */
  private openScope(label: string | undefined, variable?: string): void {
    if (!this.scopes) return;
    const scope = new Set<string>();
    if (variable !== undefined) scope.add(variable);
    this.scopes.push(scope);
    this.scopeLabels.push(label);
  }
  private closeScope(): void {
    if (!this.scopes) return;
    this.scopes.pop();
    this.scopeLabels.pop();
  }
  /** Declares `name` in the innermost scope. */
  private declare(name: string): void {
    this.scopes?.[this.scopes.length - 1]!.add(name);
  }
  // ------------------------------------------------------------------ layout

  /** A line starts at token `i`, `depth` deep (once per token: the first call stands). */
  private line(i = this.i, depth = this.depth): void {
    const lines = this.layout?.lines;
    if (lines === undefined || (lines.length > 0 && lines[lines.length - 2]! >= i)) return;
    lines.push(i, depth);
  }
  /** Token `i` names something: it is written as a name, never as a keyword. */
  private name(i: number): void {
    this.layout?.names.add(i);
  }
  /** Tokens `[from, to)` are written as names are (a data type, cursor arguments). */
  private nameRange(from: number, to: number): void {
    this.layout?.nameRanges.push(from, to);
  }

  /**
   * Fails unless the name at token `i` (a target's first name) is declared; a `$n` always is.
   * `blk.x` names the variable `x` of the block or loop labelled `blk`, as PostgreSQL looks it
   * up: from the innermost scope out, a variable called `blk` (a record: `x` is its field) before
   * the label of the same scope.
   */
  private checkDeclared(i: number): void {
    this.name(i);
    if (!this.scopes || !this.isName(i)) return;
    const name = this.identifier(i);
    const field = this.kindAt(i + 1) === SyntaxKind.Dot && (this.kindAt(i + 2) === SyntaxKind.Word || this.kindAt(i + 2) === SyntaxKind.QuotedIdent) ? this.identifier(i + 2) : undefined;
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      if (this.scopes[k]!.has(name)) return;
      if (field !== undefined && this.scopeLabels[k] === name) {
        if (this.scopes[k]!.has(field)) return;
        const owner = k === 0 ? `the routine "${name}" has no parameter` : `the block or loop labelled "${name}" declares no`;
        this.fail(SyntaxCode.UnknownVariable, `"${name}.${field}" is not a declared variable: ${owner} "${field}"`, i);
      }
    }
    this.fail(SyntaxCode.UnknownVariable, `"${name}" is not a declared variable`, i);
  }

  // ------------------------------------------------------------------ cursor

  private kindAt(i: number): SyntaxKind {
    return i < this.count ? (this.tokens.kinds[i]! as SyntaxKind) : SyntaxKind.Eof;
  }
  /** The lower-cased word (or operator text) of token `i`. */
  private wordAt(i: number): string | undefined {
    return i < this.count ? this.tokens.words[i] : undefined;
  }
  private atWord(w: string, i = this.i): boolean {
    return this.kindAt(i) === SyntaxKind.Word && this.tokens.words[i] === w;
  }
  private atOp(op: string, i = this.i): boolean {
    return this.kindAt(i) === SyntaxKind.Operator && this.tokens.words[i] === op;
  }
  private get atEnd(): boolean {
    return this.i >= this.count;
  }
  private startOf(i: number): number {
    return i < this.count ? this.tokens.starts[i]! : this.end;
  }
  private endOf(i: number): number {
    return i < this.count ? this.tokens.ends[i]! : this.end;
  }
  /** Whether token `i` is a name: a word that is not reserved, or a quoted name. */
  private isName(i: number): boolean {
    const kind = this.kindAt(i);
    return (kind === SyntaxKind.Word && !RESERVED.has(this.tokens.words[i]!)) || kind === SyntaxKind.QuotedIdent;
  }
  /** Whether string token `i` continues the one before it: only blanks between them, a line break among them. */
  private continuesString(i: number): boolean {
    let lineBreak = false;
    for (let k = this.endOf(i - 1); k < this.startOf(i); k++) {
      const c = this.text.charCodeAt(k);
      if (c === 10 || c === 13) lineBreak = true;
      else if (c !== 32 && c !== 9 && c !== 12 && c !== 11) return false;
    }
    return lineBreak;
  }
  /** Whether tokens `i`, `i + 1` are `..` (PostgreSQL's range dots: `1..10` scans as `1`, `.`, `.10`). */
  private isDotDot(i: number): boolean {
    return this.kindAt(i) === SyntaxKind.Dot && this.text.charCodeAt(this.endOf(i)) === 46;
  }

  // ------------------------------------------------------------------ errors

  /** Records an error at token `i` and ends the reading. */
  private fail(code: string, message: string, i = this.i): never {
    // At the body's end the error is shown on its last token, as the SQL parser shows it.
    const at = i < this.count ? i : this.count - 1;
    const start = at >= 0 ? this.startOf(at) : this.end;
    const end = at >= 0 ? this.endOf(at) : this.end;
    this.diagnostics.push({ code, severity: "error", message, range: { start, end }, source: "sql" });
    throw STOP;
  }
  /** `expected <what>, found <token>` at the current token, ending the reading. */
  private expected(what: string): never {
    this.checkLexical(this.i);
    const found = this.atEnd ? "the end of the routine body" : describeToken(this.kindAt(this.i), this.text.slice(this.startOf(this.i), this.endOf(this.i)));
    return this.fail(SyntaxCode.ExpectedToken, `expected ${what}, found ${found}`);
  }
  /** Consumes the word `w` or fails. */
  private expectWord(w: string, what = w.toUpperCase()): void {
    if (!this.atWord(w)) this.expected(what);
    this.i++;
  }
  /** Consumes a `;` or fails. */
  private expectSemicolon(): void {
    if (this.kindAt(this.i) !== SyntaxKind.Semicolon) this.expected("';'");
    this.i++;
  }
  /** An unterminated string, quoted name or comment runs to the body's end: that is the error to report. */
  private checkLexical(i: number): void {
    if (i < this.count && (this.tokens.flags[i]! & FLAG_UNTERMINATED) !== 0) {
      this.fail(SyntaxCode.UnexpectedToken, `unterminated ${describeToken(this.kindAt(i), this.text.slice(this.startOf(i), this.endOf(i)))}`, i);
    }
  }

  // ------------------------------------------------------------------ pieces

  /**
   * Finds the end of the SQL construct starting at the current token: the first token at
   * parenthesis depth 0 for which `stop` holds. Fails if none does before the body's end
   * (`missing <what>`), or if the construct is empty and `allowEmpty` is not set.
   */
  private scanTo(stop: (i: number) => boolean, what: string, allowEmpty = false): number {
    let depth = 0;
    let j = this.i;
    for (; j < this.count; j++) {
      const kind = this.kindAt(j);
      if (depth === 0 && stop(j)) break;
      if (kind === SyntaxKind.LParen || kind === SyntaxKind.LBracket) depth++;
      else if (kind === SyntaxKind.RParen || kind === SyntaxKind.RBracket) {
        if (depth > 0) depth--;
      } else if (kind === SyntaxKind.Semicolon) {
        // A `;` ends the statement for PostgreSQL wherever it stands: before the construct's end
        // word (`IF a RETURN 1;`: no THEN) or inside parentheses (they are unbalanced).
        this.i = j;
        this.expected(depth > 0 ? "')'" : what);
      }
      this.checkLexical(j);
    }
    if (j >= this.count) {
      this.i = j;
      this.expected(what);
    }
    if (j === this.i && !allowEmpty) this.fail(SyntaxCode.ExpectedToken, `expected an expression before ${describeToken(this.kindAt(j), this.text.slice(this.startOf(j), this.endOf(j)))}`, j);
    return j;
  }

  /** Records tokens `[this.i, to)` as a piece and moves past them. */
  private piece(kind: PlpgsqlPiece["kind"], to: number): void {
    if (to > this.i) this.pieces.push({ kind, start: this.startOf(this.i), end: this.endOf(to - 1), from: this.i, to });
    this.i = to;
  }

  /** An expression up to the first token for which `stop` holds (`what` names that token for the error). */
  private expression(stop: (i: number) => boolean, what: string, allowEmpty = false): void {
    this.piece("expression", this.scanTo(stop, what, allowEmpty));
  }
  /**
   * An expression up to `;`, which is consumed. PostgreSQL takes an empty one after `:=` and
   * PERFORM (the SQL it builds, `SELECT` alone, parses), nowhere else.
   */
  private expressionToSemicolon(allowEmpty = false): void {
    this.expression(this.atSemicolon, "';'", allowEmpty);
    this.i++;
  }
  /** A SQL statement or query up to the first token for which `stop` holds. */
  private statement(stop: (i: number) => boolean, what: string): void {
    this.piece("statement", this.scanTo(stop, what));
  }
  private readonly atSemicolon = (j: number): boolean => this.kindAt(j) === SyntaxKind.Semicolon;
  private readonly atLoop = (j: number): boolean => this.atWord("loop", j);

  // ------------------------------------------------------------------ blocks

  /** The whole body: compiler options, the block, an optional `;`, then nothing. */
  readBody(): void {
    // `#variable_conflict use_column`, `#print_strict_params on`, `#option dump`: one line each.
    while (this.atOp("#") && this.kindAt(this.i + 1) === SyntaxKind.Word) {
      this.line();
      this.nameRange(this.i, this.i + 3);
      const option = this.wordAt(this.i + 1);
      this.i += 2;
      if (option === "option" || option === "variable_conflict" || option === "print_strict_params") {
        if (this.kindAt(this.i) !== SyntaxKind.Word) this.expected(`a value for #${option}`);
        this.i++;
      } else this.fail(SyntaxCode.UnexpectedToken, `unknown compiler option #${option}`, this.i - 1);
    }
    if (this.atEnd) this.expected("BEGIN");
    this.line();
    this.readBlock();
    if (this.kindAt(this.i) === SyntaxKind.Semicolon) this.i++;
    if (!this.atEnd) this.fail(SyntaxCode.UnexpectedToken, `unexpected ${describeToken(this.kindAt(this.i), this.text.slice(this.startOf(this.i), this.endOf(this.i)))} after the routine's last END`);
  }

  /** `[<<label>>] [DECLARE …] BEGIN … [EXCEPTION …] END [label]` (the `;` after it is the caller's). */
  private readBlock(): void {
    const label = this.pendingLabel ?? this.readLabel();
    this.pendingLabel = undefined;
    this.openScope(label);
    if (this.atWord("declare")) {
      this.line();
      this.i++;
      this.depth++;
      this.readDeclarations();
      this.depth--;
    }
    this.line();
    this.expectWord("begin");
    this.enclosing.push({ label, loop: false });
    this.depth++;
    this.readStatements();
    this.depth--;
    if (this.atWord("exception")) {
      this.line();
      this.i++;
      if (!this.atWord("when")) this.expected("WHEN");
      this.depth++;
      while (this.atWord("when")) {
        this.line();
        this.i++;
        this.readConditions();
        this.expectWord("then");
        this.depth++;
        this.readStatements();
        this.depth--;
      }
      this.depth--;
    }
    this.line();
    this.expectWord("end", "END");
    this.readEndLabel(label);
    this.enclosing.pop();
    this.closeScope();
  }

  /** `<<label>>`, if there is one: its name. */
  private readLabel(): string | undefined {
    if (!this.atOp("<<")) return undefined;
    this.i++;
    if (!this.isName(this.i)) this.expected("a label name");
    const label = this.identifier(this.i);
    this.name(this.i);
    this.i++;
    if (!this.atOp(">>")) this.expected("'>>'");
    this.i++;
    // What the label is on starts a line of its own.
    this.line();
    return label;
  }

  /** The label after a block's or a loop's END, which must be the one it started with. */
  private readEndLabel(label: string | undefined): void {
    if (!this.isName(this.i)) return;
    const name = this.identifier(this.i);
    if (label === undefined) this.fail(SyntaxCode.UnexpectedToken, `end label "${name}" given for a block or loop without a label`);
    if (name !== label) this.fail(SyntaxCode.UnexpectedToken, `end label "${name}" differs from the label "${label}" the block or loop starts with`);
    this.name(this.i);
    this.i++;
  }

  /** An exception handler's conditions: `name [OR name …]`, `SQLSTATE '22012'`. */
  private readConditions(): void {
    do {
      if (this.atWord("sqlstate") && this.kindAt(this.i + 1) === SyntaxKind.String) {
        this.i++;
        this.readSqlstate();
      } else if (this.isName(this.i)) this.readConditionName(true);
      else this.expected("a condition name");
    } while (this.atWord("or") && ++this.i);
  }

  /** A condition name PostgreSQL knows (`unique_violation`; OTHERS in a handler only). */
  private readConditionName(handler: boolean): void {
    const name = this.identifier(this.i);
    if (!(handler && name === "others") && !isConditionName(name)) this.fail(SyntaxCode.UnexpectedToken, `unknown exception condition "${name}"`);
    // (OTHERS is written as a keyword.)
    if (name !== "others") this.name(this.i);
    this.i++;
  }

  /** A SQLSTATE code: five digits or capital letters (`'22012'`, `'P0001'`). */
  private readSqlstate(): void {
    const code = stringContent(this.literalText(this.i));
    if (code !== undefined && !/^[0-9A-Z]{5}$/.test(code)) this.fail(SyntaxCode.UnexpectedToken, "a SQLSTATE code is five digits or capital letters");
    this.i++;
  }

  /** DECLARE's declarations, up to BEGIN. */
  private readDeclarations(): void {
    while (!this.atWord("begin")) {
      if (this.atEnd) this.expected("BEGIN");
      if (this.atWord("declare")) {
        this.line(this.i, this.depth - 1);
        this.i++;
        continue;
      }
      if (this.atOp("<<")) this.fail(SyntaxCode.UnexpectedToken, "a block's label goes before DECLARE, not after it");
      this.line();
      this.readDeclaration();
    }
  }

  /** One declaration, its `;` included. */
  private readDeclaration(): void {
    if (!this.isName(this.i)) this.expected("a variable name or BEGIN");
    const name = this.identifier(this.i);
    this.declare(name);
    this.name(this.i);
    this.i++;
    if (this.atWord("alias") && this.atWord("for", this.i + 1)) {
      // name ALIAS FOR $1 | name
      this.i += 2;
      if (this.kindAt(this.i) !== SyntaxKind.Param && !this.isName(this.i)) this.expected("a parameter after ALIAS FOR");
      this.name(this.i);
      this.i++;
      this.expectSemicolon();
      return;
    }
    if (this.atWord("no") && this.atWord("scroll", this.i + 1)) this.i++;
    if (this.atWord("scroll") && this.atWord("cursor", this.i + 1)) this.i++;
    if (this.atWord("cursor")) {
      // name [[NO] SCROLL] CURSOR [(arg type, …)] FOR | IS query;
      this.i++;
      this.cursors.add(name);
      if (this.kindAt(this.i) === SyntaxKind.LParen) this.skipArguments();
      if (!this.atWord("for") && !this.atWord("is")) this.expected("FOR or IS");
      this.i++;
      this.statement(this.atSemicolon, "';'");
      this.i++;
      return;
    }
    if (this.atWord("constant")) this.i++;
    // The data type runs to the first of `:=`, `=`, DEFAULT, NOT NULL, COLLATE and `;`.
    const typeEnd = this.scanTo((j) => this.atDeclarationTail(j), "';'", true);
    // A type starts with a name (`int`, `"my type"`, `t%ROWTYPE`); one variable per declaration.
    if (typeEnd === this.i || !this.isTypeStart(this.i)) this.expected("a data type");
    for (let j = this.i, depth = 0; j < typeEnd; j++) {
      const kind = this.kindAt(j);
      if (kind === SyntaxKind.LParen || kind === SyntaxKind.LBracket) depth++;
      else if (kind === SyntaxKind.RParen || kind === SyntaxKind.RBracket) depth--;
      else if (kind === SyntaxKind.Comma && depth === 0) this.fail(SyntaxCode.UnexpectedToken, "unexpected ',' in a declaration: PL/pgSQL declares one variable per declaration", j);
    }
    if (this.wordAt(typeEnd - 1) === "refcursor") this.cursors.delete(name);
    this.nameRange(this.i, typeEnd);
    this.i = typeEnd;
    if (this.atWord("collate")) {
      this.i++;
      if (!this.isName(this.i)) this.expected("a collation name");
      const from = this.i;
      this.i++;
      while (this.kindAt(this.i) === SyntaxKind.Dot && this.isName(this.i + 1)) this.i += 2;
      this.nameRange(from, this.i);
    }
    if (this.atWord("not")) {
      this.i++;
      this.expectWord("null", "NULL");
    }
    if (this.atOp(":=") || this.atOp("=") || this.atWord("default")) {
      this.i++;
      this.expressionToSemicolon();
      return;
    }
    this.expectSemicolon();
  }

  /**
   * Whether token `j` can start a data type: a word, a quoted name, or a name to be substituted
   * (an extension script's `@extschema@`, a psql `:variable`).
   */
  private isTypeStart(j: number): boolean {
    const kind = this.kindAt(j);
    if (kind === SyntaxKind.Param) {
      const first = this.text.charCodeAt(this.startOf(j));
      return first === 64 || first === 58;
    }
    return kind === SyntaxKind.Word || kind === SyntaxKind.QuotedIdent;
  }

  private atDeclarationTail(j: number): boolean {
    const kind = this.kindAt(j);
    if (kind === SyntaxKind.Semicolon) return true;
    if (kind === SyntaxKind.Operator) return this.tokens.words[j] === ":=" || this.tokens.words[j] === "=";
    if (kind !== SyntaxKind.Word) return false;
    const w = this.tokens.words[j];
    return w === "default" || w === "collate" || (w === "not" && this.atWord("null", j + 1));
  }

  /** The name token `i` stands for (a quoted name as written, a word lower-cased). */
  private identifier(i: number): string {
    return this.kindAt(i) === SyntaxKind.Word ? this.tokens.words[i]! : this.literalText(i).slice(1, -1);
  }

  /** Token `i`'s text as the body's code has it (see `SignificantTokens.literal`). */
  private literalText(i: number): string {
    return i < this.count ? this.tokens.literal(i) : "";
  }

  /** Skips a cursor's arguments, `( … )` at the current token, written as names are. */
  private skipArguments(): void {
    const from = this.i;
    this.skipParenthesized();
    this.nameRange(from, this.i);
  }

  /** Skips a balanced `( … )` at the current token. */
  private skipParenthesized(): void {
    let depth = 0;
    do {
      const kind = this.kindAt(this.i);
      if (kind === SyntaxKind.Eof) this.expected("')'");
      if (kind === SyntaxKind.Semicolon) this.expected("')'");
      this.checkLexical(this.i);
      if (kind === SyntaxKind.LParen) depth++;
      else if (kind === SyntaxKind.RParen) depth--;
      this.i++;
    } while (depth > 0);
  }

  // ------------------------------------------------------------------ statements

  /** Statements up to the word that ends the list (END, ELSE, ELSIF, WHEN, EXCEPTION) or the body's end. */
  private readStatements(): void {
    while (!this.atEnd && !(this.kindAt(this.i) === SyntaxKind.Word && LIST_ENDS.has(this.tokens.words[this.i]!))) {
      this.line();
      this.readStatement();
    }
  }

  /** One statement, its `;` included. */
  private readStatement(): void {
    const kind = this.kindAt(this.i);
    if (kind === SyntaxKind.Operator && this.tokens.words[this.i] === "<<") {
      this.pendingLabel = this.readLabel();
      if (!(this.atWord("begin") || this.atWord("declare") || this.atWord("loop") || this.atWord("while") || this.atWord("for") || this.atWord("foreach"))) this.expected("a block or a loop after the label");
      this.readStatement();
      return;
    }
    if (kind !== SyntaxKind.Word) {
      // `"x" := …`, `$1 := …` (a parameter by number)
      if ((kind === SyntaxKind.QuotedIdent || kind === SyntaxKind.Param) && this.atAssignment()) return this.readAssignment();
      this.checkLexical(this.i);
      return this.fail(SyntaxCode.UnexpectedToken, `unexpected ${describeToken(kind, this.text.slice(this.startOf(this.i), this.endOf(this.i)))} at the start of a PL/pgSQL statement`);
    }
    // A declared variable beats PL/pgSQL's unreserved words (`message := …`): an assignment first.
    if (!RESERVED.has(this.tokens.words[this.i]!) && this.atAssignment()) return this.readAssignment();
    switch (this.tokens.words[this.i]) {
      case "begin":
      case "declare":
        this.readBlock();
        return this.expectSemicolon();
      case "if":
        return this.readIf();
      case "case":
        return this.readCase();
      case "loop":
        this.i++;
        return this.readLoopBody();
      case "while":
        this.i++;
        this.expression(this.atLoop, "LOOP");
        this.i++;
        return this.readLoopBody();
      case "for":
        return this.readFor();
      case "foreach":
        return this.readForeach();
      case "exit":
      case "continue":
        this.readExitTarget();
        if (this.atWord("when")) {
          this.i++;
          return this.expressionToSemicolon();
        }
        return this.expectSemicolon();
      case "return":
        return this.readReturn();
      case "raise":
        return this.readRaise();
      case "assert":
        this.i++;
        this.expression((j) => this.kindAt(j) === SyntaxKind.Semicolon || this.kindAt(j) === SyntaxKind.Comma, "';'");
        if (this.kindAt(this.i) === SyntaxKind.Comma) {
          this.i++;
          return this.expressionToSemicolon();
        }
        return this.expectSemicolon();
      case "perform":
        this.i++;
        return this.expressionToSemicolon(true);
      case "execute":
        return this.readExecute();
      case "get":
        return this.readGetDiagnostics();
      case "open":
        return this.readOpen();
      case "fetch":
      case "move":
        return this.readFetch();
      case "close":
        this.i++;
        if (!this.isName(this.i)) this.expected("a cursor variable");
        this.checkDeclared(this.i);
        this.i++;
        return this.expectSemicolon();
      case "null":
        this.i++;
        return this.expectSemicolon();
      case "commit":
      case "rollback":
        // COMMIT / ROLLBACK [AND [NO] CHAIN]
        this.i++;
        if (this.atWord("and")) {
          this.i++;
          if (this.atWord("no")) this.i++;
          this.expectWord("chain");
        }
        return this.expectSemicolon();
      default:
        if (RESERVED.has(this.tokens.words[this.i]!)) {
          return this.fail(SyntaxCode.UnexpectedToken, `unexpected ${this.tokens.words[this.i]!.toUpperCase()} at the start of a PL/pgSQL statement`);
        }
        // Any other word starts a SQL statement (SELECT, INSERT, CREATE, CALL, …): to the `;`.
        return this.readSqlStatement();
    }
  }

  /**
   * A SQL statement up to its `;`. PL/pgSQL takes an `INTO target` out of any statement that
   * returns rows; the SQL parser knows it in queries and after RETURNING, and this takes it off
   * the end of the others (`SHOW search_path INTO v;`, `EXPLAIN … INTO v;`).
   */
  private readSqlStatement(): void {
    const semicolon = this.scanTo(this.atSemicolon, "';'");
    const into = this.plpgsqlInto(semicolon);
    if (into >= 0) {
      let k = into + 1;
      if (this.atWord("strict", k) && k + 1 < semicolon) k++;
      let targets = true;
      for (;;) {
        if (!this.isName(k)) {
          targets = false;
          break;
        }
        this.checkDeclared(k);
        k++;
        while (this.kindAt(k) === SyntaxKind.Dot && k + 1 < semicolon) k += 2;
        if (this.kindAt(k) !== SyntaxKind.Comma) break;
        k++;
      }
      if (targets && k === semicolon && !SQL_INTO_STATEMENTS.has(this.tokens.words[this.i]!)) {
        this.piece("statement", into);
        this.i = semicolon + 1;
        return;
      }
    }
    this.piece("statement", semicolon);
    this.expectSemicolon();
  }

  /**
   * The PL/pgSQL INTO of the statement from the current token to `semicolon`, as PostgreSQL's
   * reader finds it: the first INTO at any depth, except INSERT INTO and MERGE INTO, and none in
   * IMPORT FOREIGN SCHEMA; -1 without one.
   */
  private plpgsqlInto(semicolon: number): number {
    if (this.atWord("import")) return -1;
    for (let j = this.i + 1; j < semicolon; j++) {
      if (this.atWord("into", j) && !this.atWord("insert", j - 1) && !this.atWord("merge", j - 1)) return j;
    }
    return -1;
  }

  /** Whether the current token starts an assignment target (`x`, `r.f`, `a[i]`, `r.a[1].b`) followed by `:=` or `=`. */
  private atAssignment(): boolean {
    let j = this.i + 1;
    for (;;) {
      const kind = this.kindAt(j);
      if (kind === SyntaxKind.Dot && (this.isName(j + 1) || this.kindAt(j + 1) === SyntaxKind.Word)) j += 2;
      else if (kind === SyntaxKind.LBracket) {
        let depth = 0;
        do {
          const k = this.kindAt(j);
          if (k === SyntaxKind.Eof || k === SyntaxKind.Semicolon) return false;
          if (k === SyntaxKind.LBracket) depth++;
          else if (k === SyntaxKind.RBracket) depth--;
          j++;
        } while (depth > 0);
      } else return kind === SyntaxKind.Operator && (this.tokens.words[j] === ":=" || this.tokens.words[j] === "=");
    }
  }

  /** `target := expression;` (or `=`). */
  private readAssignment(): void {
    this.checkDeclared(this.i);
    const from = this.i;
    while (!(this.atOp(":=") || this.atOp("="))) this.i++;
    this.nameRange(from, this.i);
    this.i++;
    this.expressionToSemicolon(true);
  }

  /** `IF c THEN … [ELSIF c THEN …] [ELSE …] END IF;` */
  private readIf(): void {
    this.readBranch();
    while (this.atWord("elsif") || this.atWord("elseif")) {
      this.line();
      this.readBranch();
    }
    this.readElse();
    this.readEnd("if");
  }

  /** `CASE [x] WHEN v [, v …] THEN … [ELSE …] END CASE;` */
  private readCase(): void {
    this.i++;
    if (!this.atWord("when")) this.expression((j) => this.atWord("when", j), "WHEN");
    if (!this.atWord("when")) this.expected("WHEN");
    // The WHEN branches one level in, their statements two.
    this.depth++;
    do {
      this.line();
      this.readBranch();
    } while (this.atWord("when"));
    this.readElse();
    this.depth--;
    this.readEnd("case");
  }

  /** At IF, ELSIF or WHEN: the word, a condition up to THEN, and the branch's statements. */
  private readBranch(): void {
    this.i++;
    this.expression((j) => this.atWord("then", j), "THEN");
    this.i++;
    this.depth++;
    this.readStatements();
    this.depth--;
  }

  /** `[ELSE …]` of IF and CASE. */
  private readElse(): void {
    if (this.atWord("else")) {
      this.line();
      this.i++;
      this.depth++;
      this.readStatements();
      this.depth--;
    }
  }

  /** `END IF;` / `END CASE;` */
  private readEnd(construct: "if" | "case"): void {
    this.line();
    this.expectWord("end", `END ${construct.toUpperCase()}`);
    this.expectWord(construct, `${construct.toUpperCase()} after END`);
    this.expectSemicolon();
  }

  /** A loop's statements after LOOP: `… END LOOP [label];` */
  private readLoopBody(loopVariable?: string): void {
    const label = this.pendingLabel;
    this.pendingLabel = undefined;
    this.enclosing.push({ label, loop: true });
    this.openScope(label, loopVariable);
    this.depth++;
    this.readStatements();
    this.depth--;
    this.line();
    this.expectWord("end", "END LOOP");
    this.expectWord("loop", "LOOP after END");
    this.readEndLabel(label);
    this.closeScope();
    this.enclosing.pop();
    this.expectSemicolon();
  }

  /**
   * EXIT / CONTINUE and the label after it, checked as PostgreSQL checks them: a label must be
   * one of an enclosing block or loop (CONTINUE's a loop's); without one, a loop must enclose it.
   */
  private readExitTarget(): void {
    const exit = this.atWord("exit");
    const at = this.i;
    this.i++;
    if (this.isName(this.i) && !this.atWord("when")) {
      const name = this.identifier(this.i);
      let target: { label: string | undefined; loop: boolean } | undefined;
      for (let k = this.enclosing.length - 1; k >= 0 && !target; k--) if (this.enclosing[k]!.label === name) target = this.enclosing[k];
      if (!target) this.fail(SyntaxCode.UnexpectedToken, `no block or loop around this statement has the label "${name}"`);
      if (!exit && !target.loop) this.fail(SyntaxCode.UnexpectedToken, `CONTINUE cannot name the block label "${name}": only a loop's`);
      this.name(this.i);
      this.i++;
    } else if (!this.enclosing.some((e) => e.loop)) {
      this.fail(SyntaxCode.UnexpectedToken, exit ? "EXIT outside a loop needs the label of a block around it" : "CONTINUE can only be used inside a loop", at);
    }
  }

  /** The FOR loops: over integers, a query, a dynamic query or a bound cursor. */
  private readFor(): void {
    this.i++;
    // FOR target [, target …] IN: an integer loop and a cursor loop declare a one-name target;
    // a loop over a query's rows assigns to declared ones.
    const targets: number[] = [];
    do {
      if (!this.isName(this.i)) this.expected("a loop variable");
      targets.push(this.i);
      const from = this.i;
      this.i++;
      while (this.kindAt(this.i) === SyntaxKind.Dot && this.kindAt(this.i + 1) !== SyntaxKind.Eof) this.i += 2;
      this.nameRange(from, this.i);
    } while (this.kindAt(this.i) === SyntaxKind.Comma && ++this.i);
    const declared = targets.length === 1 ? this.identifier(targets[0]!) : undefined;
    const checkTargets = (): void => {
      for (const t of targets) this.checkDeclared(t);
    };
    this.expectWord("in");
    if (this.atWord("execute")) {
      checkTargets();
      this.i++;
      this.expression((j) => this.atWord("using", j) || this.atWord("loop", j), "LOOP");
      if (this.atWord("using")) {
        this.i++;
        this.expressionList((j) => this.atWord("loop", j), "LOOP");
      }
      this.i++;
      return this.readLoopBody();
    }
    const reverse = this.atWord("reverse");
    if (reverse) this.i++;
    // A cursor loop names a bound cursor: `FOR r IN c LOOP`, `FOR r IN c(1, 'x') LOOP`.
    if (!reverse && this.kindAt(this.i) === SyntaxKind.Word && this.cursors.has(this.tokens.words[this.i]!) && (this.atWord("loop", this.i + 1) || this.kindAt(this.i + 1) === SyntaxKind.LParen)) {
      this.name(this.i);
      this.i++;
      if (this.kindAt(this.i) === SyntaxKind.LParen) this.skipArguments();
      this.expectWord("loop");
      return this.readLoopBody(declared);
    }
    const loopAt = this.scanTo(this.atLoop, "LOOP");
    let dots = -1;
    let depth = 0;
    for (let j = this.i; j < loopAt; j++) {
      const kind = this.kindAt(j);
      if (kind === SyntaxKind.LParen || kind === SyntaxKind.LBracket) depth++;
      else if (kind === SyntaxKind.RParen || kind === SyntaxKind.RBracket) depth--;
      else if (depth === 0 && this.isDotDot(j)) {
        dots = j;
        break;
      }
    }
    if (dots < 0) {
      if (reverse) this.expected("'..' in the integer range");
      checkTargets();
      this.piece("statement", loopAt);
    } else {
      this.piece("expression", dots);
      this.readUpperBound(dots, loopAt);
    }
    this.i = loopAt + 1;
    this.readLoopBody(dots < 0 ? undefined : declared);
  }

  /**
   * The upper bound of `FOR i IN a..b [BY s] LOOP`, and the step. The bound starts right after
   * the second dot, which may sit inside the next token (`1..10` scans as `1`, `.`, `.10`).
   */
  private readUpperBound(dots: number, loopAt: number): void {
    let by = -1;
    let depth = 0;
    let j = dots + 1;
    let boundStart: number;
    if (this.kindAt(j) === SyntaxKind.Dot) {
      // `a..b`, `1 .. 10`: the second dot is a token of its own.
      j++;
      boundStart = this.startOf(j);
    } else boundStart = this.endOf(dots) + 1; // `1..10`: the bound is the rest of `.10`
    const firstBoundToken = j;
    for (; j < loopAt; j++) {
      const kind = this.kindAt(j);
      if (kind === SyntaxKind.LParen || kind === SyntaxKind.LBracket) depth++;
      else if (kind === SyntaxKind.RParen || kind === SyntaxKind.RBracket) depth--;
      else if (depth === 0 && this.atWord("by", j)) {
        by = j;
        break;
      }
    }
    const boundEnd = by >= 0 ? by : loopAt;
    const boundTextEnd = boundEnd > firstBoundToken ? this.endOf(boundEnd - 1) : boundStart;
    if (boundTextEnd <= boundStart || this.text.slice(boundStart, boundTextEnd).trim() === "") {
      this.i = boundEnd;
      this.expected("the loop's upper bound");
    }
    const startsAToken = firstBoundToken < boundEnd && this.startOf(firstBoundToken) === boundStart;
    this.pieces.push({ kind: "expression", start: boundStart, end: boundTextEnd, from: startsAToken ? firstBoundToken : -1, to: boundEnd });
    if (by >= 0) {
      this.i = by + 1;
      this.expression(this.atLoop, "LOOP");
    }
  }

  /** `FOREACH x [SLICE n] IN ARRAY expr LOOP … END LOOP;` */
  private readForeach(): void {
    this.i++;
    do {
      if (!this.isName(this.i)) this.expected("a loop variable");
      this.checkDeclared(this.i);
      this.i++;
    } while (this.kindAt(this.i) === SyntaxKind.Comma && ++this.i);
    if (this.atWord("slice")) {
      this.i++;
      if (this.kindAt(this.i) !== SyntaxKind.Number) this.expected("a number after SLICE");
      this.i++;
    }
    this.expectWord("in");
    this.expectWord("array", "ARRAY");
    this.expression(this.atLoop, "LOOP");
    this.i++;
    this.readLoopBody();
  }

  /** `RETURN [expr];`, `RETURN NEXT [expr];`, `RETURN QUERY query;`, `RETURN QUERY EXECUTE …;` */
  private readReturn(): void {
    this.i++;
    const returns = this.returns;
    if (this.atWord("query")) {
      if (returns && !returns.set) this.fail(SyntaxCode.UnexpectedToken, "RETURN QUERY needs a function that returns a set (RETURNS SETOF … or TABLE)");
      this.i++;
      if (this.atWord("execute")) return this.readDynamicTail(false);
      this.statement(this.atSemicolon, "';'");
      return this.expectSemicolon();
    }
    const next = this.atWord("next");
    if (next) {
      if (returns && !returns.set) this.fail(SyntaxCode.UnexpectedToken, "RETURN NEXT needs a function that returns a set (RETURNS SETOF … or TABLE)");
      this.i++;
    }
    if (this.kindAt(this.i) === SyntaxKind.Semicolon) {
      // RETURN NEXT adds a row: its value, or the OUT parameters' values.
      if (next && returns && !returns.outParameters) this.expected("the row RETURN NEXT adds");
      // A function that returns a value (a trigger function too) returns it with every RETURN.
      if (!next && returns && !returns.procedure && !returns.set && !returns.void && !returns.outParameters) this.expected("the value RETURN returns");
      this.i++;
      return;
    }
    if (returns) {
      const refusal = next
        ? returns.outParameters
          ? "RETURN NEXT takes no value in a function with OUT parameters: it adds their values as a row"
          : undefined
        : returns.procedure
          ? "RETURN takes no value in a procedure"
          : returns.set
            ? "RETURN takes no value in a function that returns a set: RETURN NEXT and RETURN QUERY add its rows"
            : returns.outParameters
              ? "RETURN takes no value in a function with OUT parameters: it returns their values"
              : returns.void
                ? "RETURN takes no value in a function that returns void (or a DO block)"
                : undefined;
      if (refusal) this.fail(SyntaxCode.UnexpectedToken, refusal);
    }
    this.expressionToSemicolon();
  }

  /**
   * `RAISE;`, `RAISE [level] 'format' [, expr …] [USING option = expr, …];`, `RAISE [level]
   * condition | SQLSTATE 'code' [USING …];`, `RAISE [level] USING …;`. As PostgreSQL does, the
   * format's `%` placeholders must match the expressions after it.
   */
  private readRaise(): void {
    this.i++;
    if (this.kindAt(this.i) === SyntaxKind.Semicolon) {
      this.i++;
      return;
    }
    if (this.kindAt(this.i) === SyntaxKind.Word && RAISE_LEVELS.has(this.tokens.words[this.i]!)) this.i++;
    const kind = this.kindAt(this.i);
    if (kind === SyntaxKind.String) {
      // The format; string constants separated by a line break are one (`'a'` / `'b'`).
      let format = "";
      const formatAt = this.i;
      do {
        this.checkLexical(this.i);
        const literal = countPlaceholders(this.literalText(this.i));
        format = literal < 0 || format === "?" ? "?" : format + "%".repeat(literal);
        this.i++;
      } while (this.kindAt(this.i) === SyntaxKind.String && this.continuesString(this.i));
      let parameters = 0;
      while (this.kindAt(this.i) === SyntaxKind.Comma) {
        this.i++;
        this.expression((j) => this.kindAt(j) === SyntaxKind.Semicolon || this.kindAt(j) === SyntaxKind.Comma || this.atWord("using", j), "';'");
        parameters++;
      }
      const placeholders = format === "?" ? -1 : format.length;
      if (placeholders >= 0 && placeholders !== parameters) {
        this.fail(SyntaxCode.UnexpectedToken, `too ${placeholders > parameters ? "few" : "many"} parameters for RAISE: the format has ${placeholders} %, ${parameters} given`, formatAt);
      }
    } else if (this.atWord("sqlstate")) {
      this.i++;
      if (this.kindAt(this.i) !== SyntaxKind.String) this.expected("a SQLSTATE code");
      this.readSqlstate();
    } else if (this.kindAt(this.i) === SyntaxKind.Word && !this.atWord("using")) {
      if (!this.isName(this.i)) this.expected("a condition name, a format string or USING");
      this.readConditionName(false);
    } else if (!this.atWord("using")) this.expected("a format string, a condition name or USING");
    if (this.atWord("using")) {
      this.i++;
      do {
        if (this.kindAt(this.i) !== SyntaxKind.Word) this.expected("a RAISE option (MESSAGE, DETAIL, HINT, ERRCODE, …)");
        this.i++;
        if (!this.atOp("=") && !this.atOp(":=")) this.expected("'=' after the option");
        this.i++;
        this.expression((j) => this.kindAt(j) === SyntaxKind.Semicolon || this.kindAt(j) === SyntaxKind.Comma, "';'");
      } while (this.kindAt(this.i) === SyntaxKind.Comma && ++this.i);
    }
    this.expectSemicolon();
  }

  /** `EXECUTE expr [INTO [STRICT] target, …] [USING expr, …];` */
  private readExecute(): void {
    this.readDynamicTail(true);
  }

  /** At EXECUTE: the command string, then INTO (when `into` is allowed) and USING in either order, then `;`. */
  private readDynamicTail(into: boolean): void {
    this.i++;
    const stop = (j: number): boolean => this.kindAt(j) === SyntaxKind.Semicolon || (into && this.atWord("into", j)) || this.atWord("using", j);
    this.expression(stop, "';'");
    let sawInto = false;
    let sawUsing = false;
    for (;;) {
      if (into && !sawInto && this.atWord("into")) {
        sawInto = true;
        this.i++;
        if (this.atWord("strict")) this.i++;
        this.readTargets();
      } else if (!sawUsing && this.atWord("using")) {
        sawUsing = true;
        this.i++;
        this.expressionList(stop, "';'");
      } else break;
    }
    this.expectSemicolon();
  }

  /** Expressions separated by commas, up to the first token for which `stop` holds. */
  private expressionList(stop: (i: number) => boolean, what: string): void {
    do this.expression((j) => stop(j) || this.kindAt(j) === SyntaxKind.Comma, what);
    while (this.kindAt(this.i) === SyntaxKind.Comma && ++this.i);
  }

  /** INTO's targets: `x`, `r.f`, `a, b`. */
  private readTargets(): void {
    do {
      if (!this.isName(this.i)) this.expected("a variable");
      const from = this.i;
      this.checkDeclared(this.i);
      this.i++;
      while (this.kindAt(this.i) === SyntaxKind.Dot && this.kindAt(this.i + 1) !== SyntaxKind.Eof) this.i += 2;
      this.nameRange(from, this.i);
    } while (this.kindAt(this.i) === SyntaxKind.Comma && ++this.i);
  }

  /** `GET [CURRENT | STACKED] DIAGNOSTICS target {= | :=} item [, …];` */
  private readGetDiagnostics(): void {
    this.i++;
    const stacked = this.atWord("stacked");
    if (this.atWord("current") || stacked) this.i++;
    this.expectWord("diagnostics");
    do {
      if (!this.isName(this.i)) this.expected("a variable");
      this.checkDeclared(this.i);
      this.i++;
      while (this.kindAt(this.i) === SyntaxKind.Dot && this.kindAt(this.i + 1) !== SyntaxKind.Eof) this.i += 2;
      if (!this.atOp("=") && !this.atOp(":=")) this.expected("'=' or ':='");
      this.i++;
      if (this.kindAt(this.i) !== SyntaxKind.Word) this.expected("a diagnostics item (ROW_COUNT, PG_CONTEXT, …)");
      const item = this.tokens.words[this.i]!;
      const stackedItem = STACKED_DIAGNOSTICS.has(item);
      if (!stackedItem && !CURRENT_DIAGNOSTICS.has(item)) this.fail(SyntaxCode.UnexpectedToken, `unknown GET DIAGNOSTICS item ${item.toUpperCase()}`);
      if (item !== "pg_context" && stackedItem !== stacked) this.fail(SyntaxCode.UnexpectedToken, `${item.toUpperCase()} is an item of GET ${stacked ? "CURRENT" : "STACKED"} DIAGNOSTICS, not of GET ${stacked ? "STACKED" : "CURRENT"} DIAGNOSTICS`);
      this.i++;
    } while (this.kindAt(this.i) === SyntaxKind.Comma && ++this.i);
    this.expectSemicolon();
  }

  /** `OPEN c [[NO] SCROLL] FOR query | FOR EXECUTE …;` or `OPEN c [(args)];` */
  private readOpen(): void {
    this.i++;
    if (!this.isName(this.i)) this.expected("a cursor variable");
    this.checkDeclared(this.i);
    this.i++;
    if (this.atWord("no")) this.i++;
    if (this.atWord("scroll")) this.i++;
    if (this.atWord("for")) {
      this.i++;
      if (this.atWord("execute")) return this.readDynamicTail(false);
      this.statement(this.atSemicolon, "';'");
      return this.expectSemicolon();
    }
    if (this.kindAt(this.i) === SyntaxKind.LParen) this.skipArguments();
    this.expectSemicolon();
  }

  /** `FETCH [direction] [FROM | IN] c INTO target;`, `MOVE [direction] [FROM | IN] c;` */
  private readFetch(): void {
    const fetch = this.atWord("fetch");
    this.i++;
    // The direction (NEXT, PRIOR, FIRST, LAST, ABSOLUTE n, RELATIVE n, FORWARD [n | ALL], …) then the cursor.
    const end = this.scanTo((j) => this.kindAt(j) === SyntaxKind.Semicolon || this.atWord("into", j), "';'", true);
    if (end === this.i) this.expected("a cursor variable");
    this.i = end;
    if (this.atWord("into")) {
      if (!fetch) this.fail(SyntaxCode.UnexpectedToken, "MOVE takes no INTO");
      this.i++;
      this.readTargets();
    } else if (fetch) this.expected("INTO");
    this.expectSemicolon();
  }
}

/** The content of a `'…'` or `$tag$…$tag$` string literal; undefined for the other forms. */
function stringContent(literal: string): string | undefined {
  if (literal.charCodeAt(0) === 39) return literal.slice(1, -1).replaceAll("''", "'");
  if (literal.charCodeAt(0) === 36) {
    const tagEnd = literal.indexOf("$", 1);
    return tagEnd > 0 ? literal.slice(tagEnd + 1, literal.length - (tagEnd + 1)) : undefined;
  }
  return undefined;
}

/**
 * The number of `%` placeholders in a RAISE format string literal (`%%` is a literal
 * percent sign): a `'…'`, `E'…'` or `$tag$…$tag$` string; -1 for the other forms (`U&'…'`),
 * whose content this does not decode.
 */
export function countPlaceholders(literal: string): number {
  let from: number;
  let to: number;
  const first = literal.charCodeAt(0);
  if (first === 39) {
    from = 1;
    to = literal.length - 1;
  } else if ((first === 69 || first === 101) && literal.charCodeAt(1) === 39) {
    from = 2;
    to = literal.length - 1;
  } else if (first === 36) {
    const tagEnd = literal.indexOf("$", 1);
    if (tagEnd < 0) return -1;
    from = tagEnd + 1;
    to = literal.length - (tagEnd + 1);
  } else return -1;
  let count = 0;
  for (let k = from; k < to; k++) {
    if (literal.charCodeAt(k) !== 37) continue;
    if (literal.charCodeAt(k + 1) === 37 && k + 1 < to) k++;
    else count++;
  }
  return count;
}
