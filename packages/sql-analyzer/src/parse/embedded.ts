import type { Diagnostic } from "../diagnostic.js";
import type { Dialect } from "../dialect.js";
import { scanSignificant, type SignificantTokens } from "../lexer/significant-tokens.js";
import { buildGreen, type EventLog } from "../parser/events.js";
import { Parser, type RoutineReturns } from "../parser/parser.js";
import { parsePlpgsqlExpression } from "../parser/select.js";
import { parseStatements } from "../parser/statement.js";
import { readPlpgsqlBlock, type PlpgsqlReading } from "./plpgsql.js";
import { GreenNode, type GreenElement } from "../syntax/green.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/** A parsed embedded fragment with absolute offsets into the host text. */
export interface ParsedFragment {
  readonly language: "sql" | "plpgsql";
  readonly start: number;
  readonly green: GreenNode;
  readonly diagnostics: readonly Diagnostic[];
}

/** What `parseEmbedded` gives for one routine body. */
export interface EmbeddedParse {
  readonly fragments: ParsedFragment[];
  /** Errors in a PL/pgSQL block's own structure (the fragments carry their SQL's). */
  readonly diagnostics: readonly Diagnostic[];
}

const NONE: readonly Diagnostic[] = Object.freeze([]);

/**
 * Parses SQL embedded in a routine body at `host[start, start + length)`.
 * `sql` bodies are parsed whole. A `plpgsql` block is read as PostgreSQL's PL/pgSQL
 * compiler reads it (`readPlpgsqlBlock`): its structure is checked, and each SQL
 * statement and expression inside it is parsed as its own fragment.
 * Offsets stay absolute in the host text, so diagnostics point into the host file: a `'…'`
 * body is read in place, its doubled quotes as the quotes they stand for.
 */
export function parseEmbedded(
  host: string,
  start: number,
  length: number,
  language: "sql" | "plpgsql",
  dialect: Dialect,
  /** PL/pgSQL: the names the routine's signature declares (see `readPlpgsqlBlock`). */
  names?: readonly string[],
  /** PL/pgSQL: what the routine returns (see `readPlpgsqlBlock`). */
  returns?: RoutineReturns,
  /** PL/pgSQL: the routine's name (see `readPlpgsqlBlock`). */
  routine?: string,
  /** The body is the inside of a `'…'` string, its quotes written twice (see `Lexer.doubledQuotes`). */
  doubledQuotes = false,
): EmbeddedParse {
  const end = start + length;
  if (language === "sql") {
    const tokens = scanSignificant(host, dialect, start, end, undefined, doubledQuotes);
    return { fragments: [parseTokens(tokens, 0, tokens.count, 0, tokens.commentCount, start, end, "sql", dialect, false)], diagnostics: NONE };
  }
  // One token buffer serves every body in turn (taken while in use: nothing here nests).
  const spare = spareBodyTokens;
  spareBodyTokens = undefined;
  const reading = readPlpgsqlBlock(host, start, end, dialect, names, returns, spare, undefined, routine, doubledQuotes);
  const fragments = parsePieces(reading, host, dialect);
  // The fragments keep event logs, not tokens: the buffer is free again.
  spareBodyTokens = reading.tokens;
  return { fragments, diagnostics: reading.diagnostics };
}

/** Parses each SQL piece of a PL/pgSQL block (see `readPlpgsqlBlock`) as its own fragment, in order. */
export function parsePieces(reading: PlpgsqlReading, host: string, dialect: Dialect): ParsedFragment[] {
  const { tokens } = reading;
  const fragments: ParsedFragment[] = [];
  for (const piece of reading.pieces) {
    const expression = piece.kind === "expression";
    if (piece.from < 0) {
      // The piece starts inside a token: it is scanned on its own.
      const own = scanSignificant(host, dialect, piece.start, piece.end, undefined, tokens.doubledQuotes);
      fragments.push(parseTokens(own, 0, own.count, 0, own.commentCount, piece.start, piece.end, "plpgsql", dialect, expression));
    } else {
      // The body's tokens serve each piece: no scan and no token buffer per piece.
      const commentFrom = firstCommentAt(tokens, piece.start);
      const commentTo = firstCommentAt(tokens, piece.end);
      fragments.push(parseTokens(tokens, piece.from, piece.to, commentFrom, commentTo, piece.start, piece.end, "plpgsql", dialect, expression));
    }
  }
  return fragments;
}

/** The token buffer PL/pgSQL bodies are scanned into, when no body is being read. */
let spareBodyTokens: SignificantTokens | undefined;

/** The index of the first comment of `tokens` that starts at or after `offset` (binary search). */
function firstCommentAt(tokens: SignificantTokens, offset: number): number {
  let lo = 0;
  let hi = tokens.commentCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.commentStarts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Parses the significant tokens `[from, to)` (the text `[start, end)`) as statements, or as one
 * PL/pgSQL expression (`expression`), which takes no INTO: the reader has cut it where its
 * statement goes on. The fragment's tree is built when it is first read.
 */
function parseTokens(
  tokens: SignificantTokens,
  from: number,
  to: number,
  commentFrom: number,
  commentTo: number,
  start: number,
  end: number,
  language: "sql" | "plpgsql",
  dialect: Dialect,
  expression: boolean,
): ParsedFragment {
  const parser = new Parser(tokens, dialect, from, to, commentFrom, commentTo, 0, start, end);
  parser.plpgsql = language === "plpgsql" && !expression;
  if (expression) {
    parsePlpgsqlExpression(parser);
    parser.recoverUntil(() => false);
    parser.finishTrivia();
  } else parseStatements(parser);
  return new LazyFragment(language, start, parser.takeEvents(), parser.diagnostics);
}

/**
 * A fragment whose tree is built from its parse's event log when first read: most parses only
 * want diagnostics, and a PL/pgSQL body has a fragment per statement and expression.
 */
class LazyFragment implements ParsedFragment {
  private log: EventLog | undefined;
  private built: GreenNode | undefined;

  constructor(
    readonly language: "sql" | "plpgsql",
    readonly start: number,
    log: EventLog,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    this.log = log;
  }

  get green(): GreenNode {
    if (this.built === undefined) {
      const children: GreenElement[] = buildGreen(this.log!);
      let width = 0;
      for (const c of children) width += c.width;
      this.built = new GreenNode(SyntaxKind.SourceFile, width, children);
      this.log = undefined;
    }
    return this.built;
  }
}
