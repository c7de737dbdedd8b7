import type { Dialect } from "../dialect.js";
import type { SyntaxNode, SyntaxToken } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { bodyQuotes, significantTokens } from "./body-text.js";
import { firstSignificantToken } from "./first-token.js";
import type { ResolvedFormatOptions } from "./options.js";
import { formatPlpgsqlBody } from "./plpgsql-body.js";

/** Formats SQL text as the formatter does; `undefined` when any statement of it is not formatted. */
export type BodyFormatter = (sql: string, lineWidth: number) => string | undefined;

/**
 * The new texts of a routine's or DO block's body (`routineBodies: "format"`), dollar-quoted or
 * in quotes (`'…'`, whose code has its quotes doubled again once formatted). A `LANGUAGE sql`
 * body has its statements formatted, one level in on lines of their own between the quotes, or
 * on the quotes' line when they print on one without a line comment (`$$ SELECT 1 $$`); a
 * PL/pgSQL body is laid out by its blocks (`formatPlpgsqlBody`). Keyed by the body token's
 * offset; empty when the statement has no such body, or its body is left as written: another
 * language, a body that does not format (an error in it), or a SQL body holding a string,
 * quoted name or comment over several lines, whose text re-indenting would change.
 */
export function routineBodyTexts(statement: SyntaxNode, options: ResolvedFormatOptions, eol: string, formatSql: BodyFormatter): Map<number, string> {
  const texts = new Map<number, string>();
  if (options.dialect !== "postgres") return texts;
  const isDo = statement.kind === SyntaxKind.DoStmt;
  if (!isDo && statement.kind !== SyntaxKind.CreateFunctionStmt && statement.kind !== SyntaxKind.CreateProcedureStmt) return texts;
  // (A DO block's language is PL/pgSQL unless it names another.)
  const language = routineLanguage(statement) ?? (isDo ? "plpgsql" : undefined);
  if (language !== "sql" && language !== "plpgsql") return texts;
  const clauses = isDo ? [statement] : statement.childNodes().filter((clause) => clause.kind === SyntaxKind.RoutineOption);
  for (const clause of clauses) {
    for (const body of clause.childNodes()) {
      if (body.kind !== SyntaxKind.RoutineBody) continue;
      const token = firstSignificantToken(body);
      if (token === undefined || token.kind !== SyntaxKind.String) continue;
      // (A body continued on the next line, `'select a'` then `'b'`, is one string of two
      // tokens: its code is not either token's, so it is kept as written.)
      if (body.tokens().some((t) => !t.isTrivia && t.offset !== token.offset)) continue;
      const text =
        language === "sql"
          ? formattedBody(token.text(), options.dialect, options.indentUnit, options.lineWidth, eol, formatSql)
          : formattedPlpgsqlBody(token.text(), options, eol);
      if (text !== undefined) texts.set(token.offset, text);
      // (A DO block runs its first body; any other is an error the parser reports.)
      if (isDo) break;
    }
  }
  return texts;
}

/** The language a routine or DO block names (`LANGUAGE sql`, `LANGUAGE 'sql'`), lower-cased and unquoted. */
function routineLanguage(statement: SyntaxNode): string | undefined {
  if (statement.kind === SyntaxKind.DoStmt) {
    const tokens = statement.tokens().filter((t) => !t.isTrivia);
    for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i]!.kind === SyntaxKind.Keyword && tokens[i]!.text().toLowerCase() === "language") return unquoted(tokens[i + 1]!).toLowerCase();
    return undefined;
  }
  for (const clause of statement.childNodes()) {
    if (clause.kind !== SyntaxKind.RoutineOption) continue;
    const tokens = clause.tokens().filter((t) => !t.isTrivia);
    if (tokens.length === 2 && tokens[0]!.text().toLowerCase() === "language") return unquoted(tokens[1]!).toLowerCase();
  }
  return undefined;
}

/** A PL/pgSQL body laid out (see `formatPlpgsqlBody`): its lines between the quotes, which stand on lines of their own. */
function formattedPlpgsqlBody(text: string, options: ResolvedFormatOptions, eol: string): string | undefined {
  const quotes = bodyQuotes(text);
  if (quotes === undefined) return undefined;
  const inner = formatPlpgsqlBody(quotes.code, options, eol);
  return inner === undefined ? undefined : `${quotes.open}${eol}${quotes.escape(inner)}${eol}${quotes.close}`;
}

function unquoted(token: SyntaxToken): string {
  const text = token.text();
  return /^(['"]).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

function formattedBody(text: string, dialect: Dialect, indentUnit: string, lineWidth: number, eol: string, formatSql: BodyFormatter): string | undefined {
  const quotes = bodyQuotes(text);
  if (quotes === undefined) return undefined;
  const inner = quotes.code;
  if (inner.trim() === "" || hasMultiLineToken(inner, dialect)) return undefined;
  const formatted = formatSql(inner, Math.max(20, lineWidth - indentUnit.length));
  if (formatted === undefined) return undefined;
  // (Only the line breaks at the end: a last line comment's trailing blanks are its own text.)
  const lines = formatted.replace(/[\r\n]+$/, "").split("\n");
  const { open, close } = quotes;
  // (A line comment would run into the closing quote on the quotes' line: `$$ SELECT 1 -- c $$`.)
  if (lines.length === 1 && !hasLineComment(lines[0]!, dialect)) return `${open} ${quotes.escape(lines[0]!)} ${close}`;
  return `${open}${eol}${quotes.escape(lines.map((l) => (l === "" ? l : indentUnit + l)).join(eol))}${eol}${close}`;
}

function hasLineComment(sql: string, dialect: Dialect): boolean {
  return significantTokens(sql, dialect).some((t) => t.kind === SyntaxKind.LineComment);
}

/** Whether `sql` holds a token other than a line comment that spans lines. */
function hasMultiLineToken(sql: string, dialect: Dialect): boolean {
  return significantTokens(sql, dialect).some((t) => t.kind !== SyntaxKind.LineComment && /[\r\n]/.test(t.text));
}
