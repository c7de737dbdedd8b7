import type { Dialect } from "../dialect.js";
import { tokenize } from "../lexer/lexer.js";
import type { SignificantTokens } from "../lexer/significant-tokens.js";
import { parsePieces, type ParsedFragment } from "../parse/embedded.js";
import { newPlpgsqlLayout, readPlpgsqlBlock, type PlpgsqlLayout, type PlpgsqlPiece } from "../parse/plpgsql.js";
import { SyntaxNode } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { deeperThan, sameSignificantTokens } from "./body-text.js";
import { applyCase, StatementDocBuilder } from "./build-doc.js";
import type { ResolvedFormatOptions } from "./options.js";
import { printDoc } from "./printer.js";
import { wouldMerge } from "./spacing.js";

/**
 * The words PL/pgSQL itself reads outside the SQL it hands on (its reserved and unreserved
 * keywords, RAISE's levels and options, GET DIAGNOSTICS's items, FETCH's directions, OTHERS):
 * outside a name's place these are printed in the keyword case.
 */
const PLPGSQL_KEYWORDS = new Set([
  ...["all", "begin", "by", "case", "declare", "else", "end", "execute", "for", "foreach", "from", "if", "in", "into", "loop", "not", "null", "or", "strict", "then", "to", "using", "when", "while"],
  ...["absolute", "alias", "and", "array", "assert", "backward", "call", "chain", "close", "collate", "column", "commit", "constant", "constraint", "continue", "current", "cursor", "datatype", "debug"],
  ...["default", "detail", "diagnostics", "elseif", "elsif", "errcode", "error", "exception", "exit", "fetch", "first", "forward", "get", "hint", "info", "is", "last", "log", "message", "move", "next", "no"],
  ...["notice", "open", "others", "perform", "prior", "query", "raise", "relative", "return", "reverse", "rollback", "rowtype", "schema", "scroll", "slice", "sqlstate", "stacked", "table", "type", "warning"],
  ...["row_count", "pg_context", "pg_routine_oid", "returned_sqlstate", "column_name", "constraint_name", "pg_datatype_name", "message_text", "table_name", "schema_name"],
  ...["pg_exception_detail", "pg_exception_hint", "pg_exception_context"],
]);

/**
 * A PostgreSQL PL/pgSQL body (the text between a routine's or a DO block's dollar quotes) laid
 * out by its structure: DECLARE, BEGIN, EXCEPTION and END at the block's depth, each
 * declaration and statement on a line of its own one level in, IF / CASE / loop bodies one more
 * level in; its SQL statements and expressions formatted by the SQL formatter, PL/pgSQL's own
 * words in the keyword case and the names it declares in the identifier case. Comments are kept
 * where they stand (after a statement, on lines of their own, or inside a statement, a line
 * comment there continuing the statement on the next line), and one blank line where the body
 * had one or more. Returns the new body text (lines joined with `eol`, no line break at its
 * ends), or `undefined` when the body is kept as written: it has a syntax error, its SQL is too
 * deep to format, or the result would not read back as the same tokens.
 */
export function formatPlpgsqlBody(body: string, options: ResolvedFormatOptions, eol: string): string | undefined {
  const dialect = options.dialect;
  const layout = newPlpgsqlLayout();
  const reading = readPlpgsqlBlock(body, 0, body.length, dialect, undefined, undefined, undefined, layout);
  if (reading.diagnostics.length > 0 || reading.tokens.count === 0 || layout.lines[0] !== 0) return undefined;
  const fragments = parsePieces(reading, body, dialect);
  for (const fragment of fragments) if (fragment.diagnostics.some((d) => d.severity === "error")) return undefined;
  const printer = new BodyPrinter(body, reading.tokens, reading.pieces, fragments, layout, options, eol);
  const text = printer.print();
  if (text === undefined || !sameSignificantTokens(body, text, dialect, true)) return undefined;
  return text;
}

/** A printed item of a line: a token outside the SQL pieces, or a whole piece. */
interface Item {
  readonly text: string;
  /** The token's kind, or `undefined` for a piece. */
  readonly kind: SyntaxKind | undefined;
  /** Offsets of the item in the body as written (for the blanks between items). */
  readonly start: number;
  readonly end: number;
}

/** Lays out one body (see `formatPlpgsqlBody`). */
class BodyPrinter {
  /** Per significant token: the piece that starts at it (`from`), or that starts inside it (`1..10`'s bound). */
  private readonly pieceAt = new Map<number, number>();
  /** Per significant token: 1 when it is written as a name (see `PlpgsqlLayout`). */
  private readonly nameTokens: Uint8Array;
  /** Per comment: the token it stands before, or -1 when it is inside a piece (that piece prints it). */
  private readonly commentOwner: Int32Array;
  private readonly out: string[] = [];
  /** Where the last item placed ends in the body as written. */
  private lastEnd = 0;
  /** The depth of the last line placed. */
  private lastDepth = 0;
  /** The first comment not placed yet (comments are placed in text order). */
  private next = 0;

  constructor(
    private readonly body: string,
    private readonly tokens: SignificantTokens,
    private readonly pieces: readonly PlpgsqlPiece[],
    private readonly fragments: readonly ParsedFragment[],
    private readonly layout: PlpgsqlLayout,
    private readonly options: ResolvedFormatOptions,
    private readonly eol: string,
  ) {
    const count = tokens.count;
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]!;
      this.pieceAt.set(piece.from >= 0 ? piece.from : this.tokenContaining(piece.start), k);
    }
    this.nameTokens = new Uint8Array(count);
    for (const i of layout.names) this.nameTokens[i] = 1;
    for (let r = 0; r < layout.nameRanges.length; r += 2) this.nameTokens.fill(1, layout.nameRanges[r], layout.nameRanges[r + 1]);
    this.commentOwner = new Int32Array(tokens.commentCount);
    // (Comments, tokens and pieces are each in text order: one pass over the three.)
    let t = 0;
    let p = 0;
    for (let c = 0; c < tokens.commentCount; c++) {
      const start = tokens.commentStarts[c]!;
      while (t < count && tokens.starts[t]! < start) t++;
      while (p < pieces.length && pieces[p]!.end <= start) p++;
      this.commentOwner[c] = p < pieces.length && pieces[p]!.start < start ? -1 : t;
    }
  }

  /** The body's new text, or `undefined` when it is kept (a piece too deep to lay out). */
  print(): string | undefined {
    const { lines } = this.layout;
    for (let l = 0; l < lines.length; l += 2) {
      const from = lines[l]!;
      const depth = lines[l + 1]!;
      const to = l + 2 < lines.length ? lines[l + 2]! : this.tokens.count;
      this.placeComments(from, depth);
      if (this.out.length > 0 && countLineBreaks(this.body, this.lastEnd, this.tokens.starts[from]!) >= 2) this.out.push("");
      const line = this.printLine(from, to, depth);
      if (line === undefined) return undefined;
      this.out.push(line);
      this.lastEnd = this.tokens.ends[to - 1]!;
      this.lastDepth = depth;
    }
    this.placeComments(this.tokens.count, 0);
    return this.out.join(this.eol);
  }

  /**
   * The comments that stand before token `owner`: after the last line when on its line, else on
   * lines of their own, as deep as the deeper of the lines around them (a comment after a
   * block's last statement stays with the statements, not with the END below it).
   */
  private placeComments(owner: number, depth: number): void {
    const { tokens, body } = this;
    for (; this.next < tokens.commentCount; this.next++) {
      const c = this.next;
      if (this.commentOwner[c] === -1) continue;
      if (this.commentOwner[c]! > owner) break;
      // (Only the comments before a line's first token are placed here; `inlineComments` the others.)
      const start = tokens.commentStarts[c]!;
      const text = body.slice(start, tokens.commentEnds[c]!);
      const breaks = countLineBreaks(body, this.lastEnd, start);
      if (this.out.length > 0 && breaks === 0) this.out[this.out.length - 1] += ` ${text}`;
      else {
        if (this.out.length > 0 && breaks >= 2) this.out.push("");
        this.out.push(this.indentOf(Math.max(depth, this.lastDepth)) + text);
      }
      this.lastEnd = tokens.commentEnds[c]!;
    }
  }

  /** Tokens `[from, to)` on one line, `depth` levels in. */
  private printLine(from: number, to: number, depth: number): string | undefined {
    const { tokens, body } = this;
    const indent = this.indentOf(depth);
    let line = indent;
    let previous: Item | undefined;
    /** A line comment was just printed inside the line: what follows goes on the next line. */
    let broken = false;
    for (let j = from; j < to; ) {
      if (j > from) {
        const comments = this.inlineComments(j);
        if (comments.length > 0) {
          for (const comment of comments) {
            line += `${broken ? "" : " "}${comment.text}`;
            broken = comment.kind === SyntaxKind.LineComment;
            if (broken) line += this.eol + indent + this.options.indentUnit;
          }
          if (!broken) line += " ";
          // (The item after a comment follows it as placed: no other blank.)
          previous = undefined;
        }
      }
      const p = this.pieceAt.get(j);
      let item: Item;
      if (p !== undefined) {
        const piece = this.pieces[p]!;
        // A piece may start inside a token (`1..10`: the bound is `10` of the token `.10`).
        const prefix = body.slice(tokens.starts[j]!, Math.max(tokens.starts[j]!, piece.start));
        const column = lastLineWidth(line) + (previous === undefined ? 0 : 1) + prefix.length;
        // A query after PL/pgSQL's words (`FOR r IN SELECT …`, `RETURN QUERY SELECT …`) continues one
        // level in, so its clauses stand apart from the statement's; an expression's own layout
        // already indents what continues it (`f(\n  a\n)`, `a ||\n    b`).
        const hanging = (j !== from || broken) && piece.kind === "statement";
        const printed = this.printPiece(p, column, hanging ? indent + this.options.indentUnit : indent);
        if (printed === undefined) return undefined;
        item = { text: prefix + printed, kind: undefined, start: tokens.starts[j]!, end: piece.end };
        j = piece.to;
      } else {
        const kind = tokens.kinds[j]! as SyntaxKind;
        const text = body.slice(tokens.starts[j]!, tokens.ends[j]!);
        item = { text: kind === SyntaxKind.Word ? this.cased(j, text) : text, kind, start: tokens.starts[j]!, end: tokens.ends[j]! };
        j++;
      }
      // A word after SQL laid out over several lines (`LOOP`, `THEN`, `USING`) starts a line of
      // its own at the statement's depth, so the block's body does not run on from the SQL.
      if (previous !== undefined && previous.kind === undefined && item.kind === SyntaxKind.Word && previous.text.includes("\n")) line += this.eol + indent;
      // Two strings are one only across a line break (`RAISE NOTICE 'a'` / `'b'`): it stays.
      else if (previous?.kind === SyntaxKind.String && item.kind === SyntaxKind.String) line += this.eol + indent + this.options.indentUnit;
      else if (previous !== undefined) line += this.spaceBetween(previous, item);
      line += item.text;
      previous = item;
    }
    return line;
  }

  /**
   * The comments that stand before token `j` inside a line (between a statement's PL/pgSQL words
   * and its SQL: `IF a > 0 -- why\n THEN`), in order; they are printed where they stand.
   */
  private inlineComments(j: number): { readonly text: string; readonly kind: SyntaxKind }[] {
    const { tokens } = this;
    const found: { text: string; kind: SyntaxKind }[] = [];
    for (; this.next < tokens.commentCount; this.next++) {
      const c = this.next;
      const owner = this.commentOwner[c]!;
      if (owner === -1) continue;
      if (owner > j) break;
      found.push({ text: this.body.slice(tokens.commentStarts[c]!, tokens.commentEnds[c]!), kind: tokens.commentKinds[c]! as SyntaxKind });
    }
    return found;
  }

  /** A word outside the SQL pieces: a keyword unless it stands where a name does. */
  private cased(i: number, text: string): string {
    const { keywordCase, identifierCase } = this.options;
    if (this.nameTokens[i] === 1) {
      // `%TYPE` / `%ROWTYPE` after a name are keywords.
      const afterPercent = i > 0 && this.tokens.kinds[i - 1] === SyntaxKind.Operator && this.tokens.words[i - 1] === "%";
      return applyCase(text, afterPercent ? keywordCase : identifierCase);
    }
    return applyCase(text, PLPGSQL_KEYWORDS.has(this.tokens.words[i]!) ? keywordCase : identifierCase);
  }

  /** The blanks between two items of a line. */
  private spaceBetween(a: Item, b: Item): string {
    const written = this.body.slice(a.end, b.start).length > 0 ? " " : "";
    // Around a dot as written: `1..10` is PL/pgSQL's range only while its dots stay together.
    if (a.kind === SyntaxKind.Dot || b.kind === SyntaxKind.Dot) return written;
    let space: string;
    if (b.kind === SyntaxKind.Semicolon || b.kind === SyntaxKind.Comma) space = "";
    else if (a.kind === SyntaxKind.Comma) space = " ";
    else if (a.text === "<<" || b.text === ">>" || a.text === "#") space = "";
    else if (a.text === "%" || b.text === "%") space = "";
    else if (a.kind === SyntaxKind.LParen || a.kind === SyntaxKind.LBracket) space = written;
    else if (b.kind === SyntaxKind.RParen || b.kind === SyntaxKind.RBracket || b.kind === SyntaxKind.LParen || b.kind === SyntaxKind.LBracket) space = written;
    else space = " ";
    if (space === "" && wouldMerge(a.text, b.text, a.kind === SyntaxKind.String || a.kind === SyntaxKind.QuotedIdent)) space = " ";
    return space;
  }

  /** Piece `p` formatted, starting at `column`, its further lines starting with `indent`. */
  private printPiece(p: number, column: number, indent: string): string | undefined {
    const fragment = this.fragments[p]!;
    const root = SyntaxNode.root(fragment.green, this.body, fragment.start);
    let node: SyntaxNode | undefined;
    for (const child of root.children()) {
      if (child.isToken) {
        if (child.kind !== SyntaxKind.Whitespace) return undefined;
      } else if (node !== undefined || child.kind === SyntaxKind.Error || child.kind === SyntaxKind.UnsupportedStmt) return undefined;
      else node = child;
    }
    if (node === undefined || deeperThan(node.green, MAX_PIECE_DEPTH)) return undefined;
    const width = Math.max(MIN_PIECE_WIDTH, this.options.lineWidth - column);
    const printed = printDoc(new StatementDocBuilder(this.options).build(node), width, this.options.indentUnit, this.eol);
    return indentLines(printed, indent, this.options.dialect);
  }

  private indentOf(depth: number): string {
    return this.options.indentUnit.repeat(depth);
  }

  /** The significant token whose text holds `offset`. */
  private tokenContaining(offset: number): number {
    // The first token that ends after `offset` (binary search: a body may hold many `1..n` loops).
    let lo = 0;
    let hi = this.tokens.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tokens.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Narrowest width a piece is laid out in, however far right it starts. */
const MIN_PIECE_WIDTH = 40;
/** Deepest piece tree laid out (the formatter's own limit is far above any real body's). */
const MAX_PIECE_DEPTH = 500;

/** Line breaks in `text[from, to)` (a CRLF counts once). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) count++;
  }
  return count;
}

/** The width of the last line of `text`. */
function lastLineWidth(text: string): number {
  return text.length - (text.lastIndexOf("\n") + 1);
}

/** `text` with `indent` after each line break between its tokens (none inside a string or comment, none on an empty line). */
function indentLines(text: string, indent: string, dialect: Dialect): string {
  if (!text.includes("\n") || indent === "") return text;
  const stream = tokenize(text, dialect);
  let out = "";
  for (let i = 0; i < stream.count; i++) {
    const start = stream.starts[i]!;
    const end = i + 1 < stream.count ? stream.starts[i + 1]! : text.length;
    const piece = text.slice(start, end);
    out += stream.kinds[i] === SyntaxKind.Whitespace ? piece.replace(/\n(?![\r\n])/g, `\n${indent}`) : piece;
  }
  return out;
}
