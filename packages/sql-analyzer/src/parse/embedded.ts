import type { Diagnostic } from "../diagnostic.js";
import type { Dialect } from "../dialect.js";
import { scanSignificant } from "../lexer/significant-tokens.js";
import { buildGreen } from "../parser/events.js";
import { Parser, type RoutineReturns } from "../parser/parser.js";
import { parsePlpgsqlExpression } from "../parser/select.js";
import { parseStatements } from "../parser/statement.js";
import { readPlpgsqlBlock } from "./plpgsql.js";
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
 * Offsets stay absolute in the host text, so diagnostics point into the host file.
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
): EmbeddedParse {
  const end = start + length;
  if (language === "sql") return { fragments: [parseRange(host, start, end, language, dialect)], diagnostics: NONE };
  const reading = readPlpgsqlBlock(host, start, end, dialect, names, returns);
  const fragments = reading.pieces.map((piece) => parseRange(host, piece.start, piece.end, "plpgsql", dialect, piece.kind === "expression"));
  return { fragments, diagnostics: reading.diagnostics };
}

/**
 * Parses `host[start, end)` as statements, or as one PL/pgSQL expression (`expression`),
 * which takes no INTO: the reader has cut it where its statement goes on.
 */
function parseRange(host: string, start: number, end: number, language: "sql" | "plpgsql", dialect: Dialect, expression = false): ParsedFragment {
  const tokens = scanSignificant(host, dialect, start, end);
  const parser = new Parser(tokens, dialect, 0, tokens.count, 0, tokens.commentCount, 0, start, end);
  parser.plpgsql = language === "plpgsql" && !expression;
  if (expression) {
    parsePlpgsqlExpression(parser);
    parser.recoverUntil(() => false);
    parser.finishTrivia();
  } else parseStatements(parser);
  const children: GreenElement[] = buildGreen(parser.takeEvents());
  let width = 0;
  for (const c of children) width += c.width;
  return { language, start, green: new GreenNode(SyntaxKind.SourceFile, width, children), diagnostics: parser.diagnostics };
}
