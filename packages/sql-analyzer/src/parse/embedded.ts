import type { Diagnostic } from "../diagnostic.js";
import type { Dialect } from "../dialect.js";
import { scanTokens } from "../lexer/lexer.js";
import { scanSignificant } from "../lexer/significant-tokens.js";
import { buildGreen } from "../parser/events.js";
import { Parser } from "../parser/parser.js";
import { parseStatements } from "../parser/statement.js";
import { GreenNode, type GreenElement } from "../syntax/green.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";

/** A parsed embedded fragment with absolute offsets into the host text. */
export interface ParsedFragment {
  readonly language: "sql" | "plpgsql";
  readonly start: number;
  readonly green: GreenNode;
  readonly diagnostics: readonly Diagnostic[];
}

const SQL_STARTS = new Set(["select", "insert", "update", "delete", "with", "merge"]);
const STATEMENT_LEADS = new Set(["then", "else", "loop", "begin", "query", "in", "declare", "elsif", "elseif"]);

/**
 * Parses SQL embedded in a routine body at `host[start, start + length)`.
 * `sql` bodies are parsed whole; for `plpgsql` the SQL statements inside the
 * block (`SELECT … INTO`, `INSERT/UPDATE/DELETE`, `RETURN QUERY …`,
 * `FOR r IN SELECT … LOOP`) are found and each parsed as its own fragment.
 * Offsets stay absolute in the host text, so diagnostics point into the host file.
 */
export function parseEmbedded(host: string, start: number, length: number, language: "sql" | "plpgsql", dialect: Dialect): ParsedFragment[] {
  const end = start + length;
  if (language === "sql") return [parseRange(host, start, end, language, dialect)];
  const out: ParsedFragment[] = [];
  const stream = scanTokens(host, dialect, start, end, false);
  const { kinds, words, starts, count } = stream;
  let prevWord: string | undefined;
  let atPieceStart = true;
  let depth = 0;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i]! as SyntaxKind;
    if (kind <= SyntaxKind.BlockComment) continue;
    if (kind === SyntaxKind.LParen) depth++;
    else if (kind === SyntaxKind.RParen) depth = Math.max(0, depth - 1);
    if (kind === SyntaxKind.Semicolon) {
      atPieceStart = true;
      prevWord = undefined;
      depth = 0;
      continue;
    }
    const word = kind === SyntaxKind.Word ? words[i] : undefined;
    if (depth === 0 && word !== undefined && SQL_STARTS.has(word) && (atPieceStart || (prevWord !== undefined && STATEMENT_LEADS.has(prevWord)))) {
      // The statement runs to `;`, or to LOOP (FOR … IN query LOOP), or to a
      // PL/pgSQL `INTO target` after RETURNING.
      let j = i;
      let d = 0;
      let sawReturning = false;
      let stop = end;
      let last = i;
      for (; j < count; j++) {
        const k = kinds[j]! as SyntaxKind;
        if (k <= SyntaxKind.BlockComment) continue;
        if (k === SyntaxKind.LParen) d++;
        else if (k === SyntaxKind.RParen) d--;
        const w = k === SyntaxKind.Word ? words[j] : undefined;
        if (d <= 0 && (k === SyntaxKind.Semicolon || (w === "loop" && prevWord === "in") || (w === "into" && sawReturning))) {
          stop = starts[last + 1]!;
          break;
        }
        // Only the statement's own RETURNING (not one inside a CTE) can be followed by PL/pgSQL's INTO.
        if (w === "returning" && d <= 0) sawReturning = true;
        last = j;
      }
      if (j >= count) stop = starts[last + 1]!;
      out.push(parseRange(host, starts[i]!, stop, "plpgsql", dialect));
      // Continue scanning after the statement.
      i = j - 1;
      atPieceStart = false;
      prevWord = undefined;
      continue;
    }
    if (word !== undefined) prevWord = word;
    else prevWord = undefined;
    atPieceStart = false;
  }
  return out;
}

function parseRange(host: string, start: number, end: number, language: "sql" | "plpgsql", dialect: Dialect): ParsedFragment {
  const tokens = scanSignificant(host, dialect, start, end);
  const parser = new Parser(tokens, dialect, 0, tokens.count, 0, tokens.commentCount, 0, start, end);
  parser.plpgsql = language === "plpgsql";
  if (parser.depth === 0) parseStatements(parser);
  const children: GreenElement[] = buildGreen(parser.takeEvents());
  let width = 0;
  for (const c of children) width += c.width;
  return { language, start, green: new GreenNode(SyntaxKind.SourceFile, width, children), diagnostics: parser.diagnostics };
}
