import { isTerminatedCopyData } from "../parser/client-commands.js";
import { SyntaxCode, type TextEdit, type TextRange } from "../diagnostic.js";
import { parse, type ParseResult } from "../parse/parse.js";
import type { SyntaxElement, SyntaxNode } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { StatementDocBuilder } from "./build-doc.js";
import type { Doc } from "./doc.js";
import { type FormatOptions, type ResolvedFormatOptions, resolveFormatOptions } from "./options.js";
import { lineBreakAfter } from "./line-break.js";
import { printDoc } from "./printer.js";
import { ErrorRanges } from "./error-ranges.js";
import { type StatementContext, sameTokens } from "./verify.js";
import { routineBodyTexts } from "./routine-body.js";
import { deeperThan } from "./body-text.js";
import type { Dialect } from "../dialect.js";

/**
 * What happened to one statement:
 * - `formatted`: printed by the formatter (possibly identical to the input);
 * - `syntax-error`: it has an error diagnostic, so it was left exactly as written;
 * - `unsupported`: the parser does not understand it yet, so it was left as written;
 * - `unverified`: the formatted text did not have the same tokens and comments as the
 *   input (a formatter bug), so the input was kept;
 * - `too-deep`: its syntax tree is nested deeper than {@link MAX_FORMAT_DEPTH} levels (a
 *   chain of thousands of `OR`s or `UNION`s nests one level per operator), so it was left as
 *   written rather than risk running out of stack.
 */
export type StatementFormatStatus = "formatted" | "syntax-error" | "unsupported" | "unverified" | "too-deep";

/**
 * The deepest syntax tree the formatter formats; a deeper statement is left as written
 * (`too-deep`). The formatter builds and prints its layout recursively, with a few stack
 * frames per tree level: called at the top of Node's default stack it overflowed at ~2,700
 * levels (`OR` chains) to ~3,700 (other chains), so this leaves room for callers with deep
 * stacks of their own; an overflow that still happens is caught and reported the same way.
 */
export const MAX_FORMAT_DEPTH = 2000;

/** One statement of a {@link FormatResult}. */
export interface FormattedStatement {
  /** Range of the statement in the input (leading and trailing whitespace excluded). */
  readonly range: TextRange;
  readonly status: StatementFormatStatus;
  /** The statement's new text (the input text unless `status` is `formatted`). */
  readonly text: string;
}

/** Result of {@link formatDocument}. */
export interface FormatResult {
  /** The formatted document. */
  readonly text: string;
  /** Per-statement outcome, in document order. */
  readonly statements: readonly FormattedStatement[];
}

/**
 * Formats a whole SQL document. Never throws on any text (options outside their choices
 * are a `RangeError`, as an unknown dialect is). Statements with syntax errors are left
 * untouched; every comment is kept; `format(format(x)) === format(x)`.
 *
 * @example
 * format("select a,b from t where x=1", { keywordCase: "upper" });
 * // "SELECT a, b FROM t WHERE x = 1\n"
 */
export function format(text: string, options: FormatOptions = {}): string {
  return formatDocument(text, options).text;
}

/** Like {@link format}, and reports what happened to each statement. */
export function formatDocument(text: string, options: FormatOptions = {}): FormatResult {
  const resolved = resolveFormatOptions(options);
  const parsed = parseOf(text, options, resolved);
  const statements: FormattedStatement[] = [];
  const out: string[] = [];
  /** Appends `separator` and `text`; see `lineBreakAfter` for a line comment that ends in a lone CR. */
  const emit = (separator: string, text: string): void => {
    out.push(separator.charCodeAt(0) === 10 ? lineBreakAfter(out[out.length - 1], "\n") + separator.slice(1) : separator, text);
  };
  let newlines = 0;
  /** Whether whitespace came since the last item printed (a client token printed right after one stays glued: see below). */
  let gap = false;
  let empty = true;
  const eol = lineBreakOf(parsed, resolved.lineEnding);
  const separator = (): string => (empty ? "" : newlines === 0 ? " " : newlines === 1 ? eol : eol + eol);
  const segments = segmentChildren(parsed);
  const errors = new ErrorRanges(parsed.diagnostics);
  const unsupported = new ErrorRanges(parsed.diagnostics, (d) => d.code === SyntaxCode.UnsupportedStatement);
  let lastBad = false;
  /** The last item printed runs to the end of its line (a line comment, a client command, COPY data): a `;` must not follow on it. */
  let lastLineComment = false;
  /** The last item printed is COPY data without its `\.` line (it runs to the end of the text). */
  let lastOpenData = false;
  /** The last item printed opens a MySQL executable comment (`/*!40101`) on the statement's line. */
  let lastOpensCode = false;
  /** Where the segment left as written that was printed last ends, while nothing has been printed after it; else −1. */
  let keptEnd = -1;
  for (let s = 0; s < segments.length; s++) {
    const { items, bad, hasError } = segments[s]!;
    lastBad = bad;
    if (bad) {
      // Left exactly as written, from its first non-blank character to its end: the
      // statement splitting of the rest of the file cannot change because of it.
      let first = 0;
      while (first < items.length && items[first]!.isToken && items[first]!.kind === SyntaxKind.Whitespace) {
        newlines += countNewlines(items[first++]!.text());
        gap = true;
      }
      if (first === items.length) continue;
      // A segment cut before a client command (not at a `;`) ends in the blanks before
      // it: those are separators, printed as such (else each run would add one more).
      let last = items.length - 1;
      let trailing = 0;
      if (s < segments.length - 1) {
        while (last > first && items[last]!.isToken && items[last]!.kind === SyntaxKind.Whitespace) trailing += countNewlines(items[last--]!.text());
      }
      const start = items[first]!.offset;
      const end = items[last]!.offset + items[last]!.text().length;
      for (const item of items) {
        if (!item.isToken) statements.push({ range: item.range, status: statusOfBad(item, errors, unsupported, hasError), text: item.text() });
      }
      // A comment that ends the line of what came before (`select 1; -- why`) stays there
      // even when the statement after it, whose segment it opens, is kept as written.
      const commentTrails = newlines === 0 && !empty && !lastLineComment && keptEnd < 0 && opensWithTrailingComments(items, first);
      emit(commentTrails ? " " : keptSeparator(text, keptEnd, start, empty, newlines, eol, resolved.dialect), text.slice(start, end));
      keptEnd = end;
      lastLineComment = items[last]!.isToken && runsToLineEnd(items[last]!.kind);
      empty = false;
      newlines = trailing;
      gap = last < items.length - 1;
      continue;
    }
    for (let i = 0; i < items.length; i++) {
      const child = items[i]!;
      if (child.isToken) {
        const k = child.kind;
        if (k === SyntaxKind.Whitespace) {
          newlines += countNewlines(child.text());
          gap = true;
          continue;
        }
        if (k === SyntaxKind.Semicolon) {
          // After a line comment the `;` must go on the next line, or it would join the comment.
          emit(lastLineComment ? eol : "", ";");
          keptEnd = -1;
          lastLineComment = false;
          empty = false;
          newlines = 0;
          gap = false;
          continue;
        }
        // Comments and client commands between statements, and (defensively) any stray token,
        // keep their place. A client token written right after what precedes it stays so: a
        // blank could change how it reads (`--\s` is no MySQL comment, `-- \s` is; an sqlite3
        // dot-command right after `;` starts its segment, one after a blank is a `.`).
        const glued = !gap && isClientToken(k);
        emit(lastLineComment ? (newlines >= 2 ? eol + eol : eol) : glued ? "" : separator(), child.text());
        keptEnd = -1;
        lastLineComment = runsToLineEnd(k);
        lastOpenData = k === SyntaxKind.CopyData && !isTerminatedCopyData(child.text());
        lastOpensCode = k === SyntaxKind.BlockComment && opensExecutableComment(child.text(), resolved.dialect);
        empty = false;
        newlines = 0;
        gap = false;
        continue;
      }
      const statement = formatStatement(child, parsed, resolved, eol, semicolonFollows(items, i));
      statements.push(statement);
      // `/*!40101 SET NAMES utf8 */;` stays on one line, as dumps write it: the marker is the statement's.
      emit(empty ? "" : lastOpensCode && newlines === 0 ? " " : newlines >= 2 ? eol + eol : eol, statement.text);
      lastOpensCode = false;
      keptEnd = -1;
      lastLineComment = false;
      empty = false;
      newlines = 0;
      gap = false;
    }
  }
  // A final newline, unless the file ends in a statement left as written (which may end
  // inside an unterminated comment or string, where a newline would change it).
  // Nor after COPY data that runs to the end without its `\.` line: a newline would be data;
  // nor inside a block comment that runs to the end (SQLite takes one: a warning, so the file
  // is formatted), where it would be comment text.
  const openComment = parsed.diagnostics.some((d) => d.code === SyntaxCode.UnterminatedBlockComment && d.range.end === text.length);
  if (!empty && !lastBad && !lastOpenData && !openComment) emit(eol, "");
  return { text: out.join(""), statements };
}

/**
 * Formats only the statements that intersect `range` (an empty range selects the
 * statement it touches) and returns the edits to apply to `text`, in document order.
 * The text between statements is not changed.
 */
export function formatRange(text: string, range: TextRange, options: FormatOptions = {}): TextEdit[] {
  // A range outside the text is clamped by the overlap test below (editors send such); one
  // that is no range at all is a programming error.
  if (typeof range !== "object" || range === null || typeof range.start !== "number" || typeof range.end !== "number" || Number.isNaN(range.start) || Number.isNaN(range.end)) {
    throw new TypeError(`formatRange: range must be { start, end } with numbers, got ${range === null ? "null" : typeof range === "object" ? JSON.stringify(range) : typeof range}`);
  }
  const resolved = resolveFormatOptions(options);
  const parsed = parseOf(text, options, resolved);
  const edits: TextEdit[] = [];
  for (const { items, bad } of segmentChildren(parsed)) {
    if (bad) continue;
    for (let i = 0; i < items.length; i++) {
      const child = items[i]!;
      if (child.isToken) continue;
      const span = child.range;
      const intersects = range.start === range.end ? span.start <= range.start && range.start <= span.end : span.start < range.end && range.start < span.end;
      if (!intersects) continue;
      const statement = formatStatement(child, parsed, resolved, lineBreakOf(parsed, resolved.lineEnding), semicolonFollows(items, i));
      if (statement.text !== child.text()) edits.push({ range: statement.range, newText: statement.text });
    }
  }
  return edits;
}

/** Whether a comment token is the opening marker of a MySQL executable comment (`/*!`, `/*!50100`), not a whole comment. */
function opensExecutableComment(text: string, dialect: Dialect): boolean {
  return dialect === "mysql" && text.startsWith("/*!") && !text.endsWith("*/");
}

/**
 * What goes before a segment left as written that starts at `start`. After another one
 * (`keptEnd` ≥ 0, nothing printed between) the text between them is kept too: the parser
 * cut one broken statement in two there (`create trigger … begin select 1; end`), and
 * neither half may change. An sqlite segment that starts with `.` after something on its
 * line (a blank or a `;` included) stays apart from it, or it would become a dot-command
 * (those start a line or, parsed alone, a segment). Else a line break, or a blank line
 * where the source had one.
 */
function keptSeparator(text: string, keptEnd: number, start: number, empty: boolean, newlines: number, eol: string, dialect: Dialect): string {
  if (keptEnd >= 0) return text.slice(keptEnd, start);
  if (newlines === 0 && start > 0 && dialect === "sqlite" && text.charCodeAt(start) === 46) return " ";
  if (empty) return "";
  return newlines >= 2 ? eol + eol : eol;
}

/**
 * Whether the segment items from `first` on open with comments only, up to a line break:
 * printed after what precedes them on its line, they move no code onto that line.
 */
function opensWithTrailingComments(items: readonly SyntaxElement[], first: number): boolean {
  for (let i = first; i < items.length; i++) {
    const item = items[i]!;
    if (!item.isToken) return false;
    const k = item.kind;
    // A line comment runs to the line's end; `first` is no whitespace, so a line break after it ends a run of comments.
    if (k === SyntaxKind.LineComment) return true;
    if (k === SyntaxKind.Whitespace) {
      if (item.text().includes("\n")) return true;
      continue;
    }
    if (k !== SyntaxKind.BlockComment) return false;
  }
  return false;
}

/** Whether a token is a client program's (a command, a custom delimiter, COPY data). */
function isClientToken(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.ClientCommand || kind === SyntaxKind.Delimiter || kind === SyntaxKind.CopyData;
}

/** Whether a top-level token runs to the end of its line, so nothing may follow it there. */
function runsToLineEnd(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.LineComment || kind === SyntaxKind.ClientCommand || kind === SyntaxKind.CopyData;
}

interface SegmentItems {
  readonly items: SyntaxElement[];
  /** The segment has an error (or an unsupported statement): it is left as written. */
  readonly bad: boolean;
  /** The segment has a diagnostic of severity `error`. */
  readonly hasError: boolean;
}

/** The root's children grouped by the parser's statement segments (cut at top-level `;`). */
function segmentChildren(parsed: ParseResult): SegmentItems[] {
  const children = parsed.root.children();
  const badSegments = new Set<number>();
  const errorSegments = new Set<number>();
  const segs = parsed.segments;
  let si = 0;
  for (const d of parsed.diagnostics) {
    if (d.severity !== "error" && d.code !== SyntaxCode.UnsupportedStatement) continue;
    while (si < segs.length - 1 && d.range.start >= segs[si]!.end) si++;
    badSegments.add(si);
    if (d.severity === "error") errorSegments.add(si);
  }
  const result: SegmentItems[] = [];
  let ci = 0;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const items: SyntaxElement[] = [];
    while (ci < children.length && (children[ci]!.offset < seg.end || i === segs.length - 1)) items.push(children[ci++]!);
    const bad = badSegments.has(i) || items.some((c) => !c.isToken && (c.kind === SyntaxKind.Error || c.kind === SyntaxKind.UnsupportedStmt));
    result.push({ items, bad, hasError: errorSegments.has(i) });
  }
  // Children after the last segment (none expected) are kept as their own bad segment.
  if (ci < children.length) result.push({ items: children.slice(ci), bad: true, hasError: false });
  return result;
}

/**
 * Why a statement of a segment left as written was left so: an error in it, an unsupported
 * form in it, or else the segment's error elsewhere (the parser may end a statement early and
 * report the error on what follows it, as in `create view … having … window … having x`,
 * which was reported `unsupported`).
 */
function statusOfBad(node: SyntaxNode, errors: ErrorRanges, unsupported: ErrorRanges, segmentHasError: boolean): StatementFormatStatus {
  if (node.kind === SyntaxKind.UnsupportedStmt) return "unsupported";
  const { start, end } = node.range;
  if (errors.touch(start, end) || node.kind === SyntaxKind.Error) return "syntax-error";
  return segmentHasError && !unsupported.touch(start, end) ? "syntax-error" : "unsupported";
}

/**
 * Whether the item after `items[index]`, blanks aside, is a `;`: `formatDocument` writes it
 * right after the statement's last token, so the statement's last line must leave it room.
 */
function semicolonFollows(items: readonly SyntaxElement[], index: number): boolean {
  for (let i = index + 1; i < items.length; i++) {
    const item = items[i]!;
    if (item.isToken && item.kind === SyntaxKind.Whitespace) continue;
    return item.isToken && item.kind === SyntaxKind.Semicolon;
  }
  return false;
}

/**
 * Prints a statement's document. With `semicolon`, the document is laid out with the `;` after
 * it, so a last line that reaches the width breaks as any other line would, and the `;` is
 * then cut off again (`formatDocument` writes its own); when it could not be laid out right
 * after the last token (it would follow a break), the statement is laid out alone.
 */
function printStatement(doc: Doc, options: ResolvedFormatOptions, eol: string, semicolon: boolean): string {
  if (semicolon) {
    const withSemicolon = printDoc([doc, ";"], options.lineWidth, options.indentUnit, eol);
    const last = withSemicolon.length - 2;
    if (last >= 0 && withSemicolon.charCodeAt(last + 1) === 59 && !isBlankCode(withSemicolon.charCodeAt(last))) return withSemicolon.slice(0, -1);
  }
  return printDoc(doc, options.lineWidth, options.indentUnit, eol);
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function formatStatement(node: SyntaxNode, parsed: ParseResult, options: ResolvedFormatOptions, eol: string, semicolon: boolean): FormattedStatement {
  const range = node.range;
  const original = node.text();
  const keep = (status: StatementFormatStatus): FormattedStatement => ({ range, status, text: original });
  if (node.kind === SyntaxKind.UnsupportedStmt) return keep("unsupported");
  // Error diagnostics were already assigned to segments (a segment with one is never formatted);
  // matching them to nodes again would also catch errors that only touch this statement's edge.
  if (node.kind === SyntaxKind.Error) return keep("syntax-error");
  if (deeperThan(node.green, MAX_FORMAT_DEPTH)) return keep("too-deep");
  let printed: string;
  let bodies: Map<number, string> | undefined;
  try {
    // (Inside the try: a body is formatted by a nested `formatDocument`, deeper in the stack.)
    if (options.routineBodies === "format") bodies = routineBodyTexts(node, options, eol, (sql, lineWidth) => formatBody(sql, options, lineWidth));
    const doc = new StatementDocBuilder(options, bodies).build(node);
    printed = printStatement(doc, options, eol, semicolon);
  } catch (error) {
    // Only a stack overflow is expected here (a caller already deep in its own stack);
    // anything else, another RangeError included, is a formatter bug and must surface. No
    // regular expression: V8 compiles one on first use, and compiling it this close to the
    // stack's end aborts the process ("RegExpCompiler Allocation failed").
    if (error instanceof RangeError && error.message.includes("call stack")) return keep("too-deep");
    throw error;
  }
  const fold = options.keywordCase !== "preserve" || options.identifierCase !== "preserve";
  if (!sameTokens(node, printed, options.dialect, fold, lexingContext(node, parsed, options.dialect), bodies !== undefined && bodies.size > 0)) return keep("unverified");
  return { range, status: "formatted", text: printed };
}

/** A routine body's statements formatted with the document's options at `lineWidth` (see `routineBodyTexts`). */
function formatBody(sql: string, options: ResolvedFormatOptions, lineWidth: number): string | undefined {
  const result = formatDocument(sql, {
    dialect: options.dialect,
    keywordCase: options.keywordCase,
    identifierCase: options.identifierCase,
    indent: options.indentUnit === "\t" ? "tab" : options.indentUnit.length,
    lineWidth,
    commaPosition: options.commaPosition,
    lineEnding: "lf",
    routineBodies: options.routineBodies,
  });
  return result.statements.every((s) => s.status === "formatted") ? result.text : undefined;
}

/**
 * The segment around `node` when its printed form must be lexed in place (see
 * `StatementContext`): only for MySQL statements whose segment holds an executable comment
 * (`/*!`), whose markers may stand outside the statement node, so lexing the statement alone
 * would read its content differently. `undefined` otherwise (lexed alone, the usual case).
 */
function lexingContext(node: SyntaxNode, parsed: ParseResult, dialect: Dialect): StatementContext | undefined {
  if (dialect !== "mysql") return undefined;
  const segments = parsed.segments;
  const { start, end } = node.range;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= start) lo = mid;
    else hi = mid - 1;
  }
  let last = lo;
  while (last + 1 < segments.length && segments[last]!.end < end) last++;
  const from = segments[lo]!.start;
  const to = segments[last]!.end;
  // The first marker at or after `from`, from the document's list (a search of the text from
  // each statement on would scan the rest of the file per statement: quadratic).
  const markers = executableMarkers(parsed);
  let a = 0;
  let b = markers.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (markers[mid]! < from) a = mid + 1;
    else b = mid;
  }
  return a < markers.length && markers[a]! < to ? { text: parsed.text, start: from, end: to } : undefined;
}

/** Where `/*!` occurs in a parsed document's text, in order (found once per document). */
function executableMarkers(parsed: ParseResult): readonly number[] {
  let markers = markersByParse.get(parsed);
  if (markers === undefined) {
    const found: number[] = [];
    const text = parsed.text;
    for (let i = text.indexOf("/*!"); i >= 0; i = text.indexOf("/*!", i + 3)) found.push(i);
    markers = found;
    markersByParse.set(parsed, markers);
  }
  return markers;
}

const markersByParse = new WeakMap<ParseResult, readonly number[]>();

/**
 * The line break to write. `"auto"` gives CRLF only when every line break between tokens
 * is CRLF (and there is one): the output then has only CRLF breaks between tokens, while
 * any LF there survives formatting, so the choice is the same when formatting again.
 */
function lineBreakOf(parsed: ParseResult, lineEnding: "lf" | "crlf" | "auto"): string {
  if (lineEnding === "crlf") return "\r\n";
  if (lineEnding === "lf") return "\n";
  let sawCrlf = false;
  for (const token of parsed.root.tokens()) {
    if (token.kind !== SyntaxKind.Whitespace) continue;
    const text = token.text();
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
      if (at === 0 || text.charCodeAt(at - 1) !== 13) return "\n";
      sawCrlf = true;
    }
  }
  return sawCrlf ? "\r\n" : "\n";
}

function parseOf(text: string, options: FormatOptions, resolved: ResolvedFormatOptions): ParseResult {
  const given = options?.parsed; // `?.`: a JavaScript caller's null means no options
  if (given !== undefined && given.text === text && given.dialect === resolved.dialect) return given;
  return parse(text, { dialect: resolved.dialect });
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
