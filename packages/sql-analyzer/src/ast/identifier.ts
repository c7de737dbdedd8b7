import type { Dialect } from "../dialect.js";

/**
 * The name an identifier token denotes: quotes removed and doubled quotes
 * undone; unquoted names folded the way the dialect folds them (PostgreSQL
 * lower-cases, MySQL and SQLite keep the spelling — they compare
 * case-insensitively instead).
 */
export function identifierName(text: string, dialect: Dialect = "postgres"): string {
  const first = text.charCodeAt(0);
  if (first === 34 /* " */ || first === 96 /* ` */) {
    const quote = text[0]!;
    const inner = text.endsWith(quote) && text.length >= 2 ? text.slice(1, -1) : text.slice(1);
    return inner.split(quote + quote).join(quote);
  }
  if (first === 91 /* [ */) return text.endsWith("]") ? text.slice(1, -1) : text.slice(1);
  if ((first === 85 || first === 117) && text.startsWith("&\"", 1)) return identifierName(text.slice(2), dialect);
  return dialect === "postgres" ? text.toLowerCase() : text;
}
