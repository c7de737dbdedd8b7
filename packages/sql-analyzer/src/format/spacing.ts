import type { Dialect } from "../dialect.js";
import { isExtensionPlaceholder } from "../lexer/lexer.js";
import type { SyntaxToken } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { firstSignificantToken } from "./first-token.js";

// Node kinds whose `(` hugs the preceding name: calls, type modifiers, routine signatures.
const HUGGING_PAREN_PARENTS = new Set<SyntaxKind>([SyntaxKind.ArgList, SyntaxKind.TypeArgs, SyntaxKind.ParamList]);
// Node kinds whose `[` hugs what precedes it: subscripts, ARRAY[…], int[].
const HUGGING_BRACKET_PARENTS = new Set<SyntaxKind>([SyntaxKind.SubscriptExpr, SyntaxKind.ArrayExpr, SyntaxKind.ArrayBounds, SyntaxKind.TypeName]);

// Keyword-led forms written like calls: `CAST(x AS t)`, `ROW(1, 2)`.
const KEYWORD_CALL_PARENTS = new Set<SyntaxKind>([SyntaxKind.CastExpr, SyntaxKind.RowExpr]);

// Braces only occur in MySQL's ODBC escapes (`{d '2020-01-01'}`), which hug their contents.
const NO_SPACE_BEFORE = new Set<SyntaxKind>([SyntaxKind.Comma, SyntaxKind.Semicolon, SyntaxKind.RParen, SyntaxKind.RBracket, SyntaxKind.RBrace, SyntaxKind.Dot, SyntaxKind.DoubleColon]);
const NO_SPACE_AFTER = new Set<SyntaxKind>([SyntaxKind.LParen, SyntaxKind.LBracket, SyntaxKind.LBrace, SyntaxKind.Dot, SyntaxKind.DoubleColon]);
const WORDISH = new Set<SyntaxKind>([SyntaxKind.Keyword, SyntaxKind.Ident, SyntaxKind.QuotedIdent, SyntaxKind.Word]);

/**
 * The space to print between two adjacent significant tokens of a statement: `" "` or
 * `""`. `hadSpace` says whether the source had trivia between them; it decides the
 * cases the tree cannot (a `(` after a name outside a call), which keeps the result
 * stable under reformatting.
 */
export function spaceBetween(prev: SyntaxToken, next: SyntaxToken, hadSpace: boolean, dialect: Dialect = "postgres"): string {
  // `id=?` (a placeholder after a comparison) is written together: PostgreSQL's own lexer reads
  // `=?` as one operator, so separating them would change what the server reads.
  if (dialect === "postgres" && !hadSpace && prev.kind === SyntaxKind.Operator && next.kind === SyntaxKind.Param && next.text() === "?") return "";
  const space = preferredSpace(prev, next, hadSpace, dialect);
  // A qualifier's dot hugs the names around it even where digits touch it (`t2.id`, MySQL's
  // `t.5`): only a number takes a dot into itself (`1.`, `.5`), and the lexer reads a name
  // there (wouldMerge looks at characters only).
  if (space === "" && ((next.kind === SyntaxKind.Dot && isName(prev) && !ALL_DIGITS.test(prev.text())) || (prev.kind === SyntaxKind.Dot && isName(next)))) return "";
  if (space === "" && wouldMerge(prev.text(), next.text(), prev.kind === SyntaxKind.QuotedIdent || prev.kind === SyntaxKind.String)) return " ";
  return space;
}

function preferredSpace(prev: SyntaxToken, next: SyntaxToken, hadSpace: boolean, dialect: Dialect): string {
  const pk = prev.kind;
  const nk = next.kind;
  if (NO_SPACE_BEFORE.has(nk) || NO_SPACE_AFTER.has(pk)) return "";
  // A placeholder written in pieces (`:name`, `@name`) stays in one piece.
  if (next.parent.kind === SyntaxKind.ParamExpr && sameNode(prev.parent, next.parent)) return hadSpace ? " " : "";
  if (nk === SyntaxKind.LParen) {
    const parent = next.parent.kind;
    if (HUGGING_PAREN_PARENTS.has(parent) && WORDISH.has(pk)) return "";
    if (pk === SyntaxKind.Keyword && KEYWORD_CALL_PARENTS.has(parent) && sameNode(prev.parent, next.parent)) return "";
    if ((pk === SyntaxKind.Ident || pk === SyntaxKind.QuotedIdent) && parent === SyntaxKind.ColumnAliasList) return "";
    // CREATE EVENT TRIGGER's `EXECUTE FUNCTION f()`: the empty argument list hugs the name.
    if ((pk === SyntaxKind.Ident || pk === SyntaxKind.QuotedIdent) && parent === SyntaxKind.CreateEventTriggerStmt) return "";
    // MySQL reads a built-in function name followed by a space as a plain name, so where
    // the tree does not say "call", keep the author's choice there.
    if (dialect === "mysql" && (WORDISH.has(pk) || pk === SyntaxKind.RParen)) return hadSpace ? " " : "";
    return " ";
  }
  if (nk === SyntaxKind.LBracket) {
    if (HUGGING_BRACKET_PARENTS.has(next.parent.kind)) return "";
    return hadSpace ? " " : "";
  }
  // A MySQL account `'user'@'host'`: the host (lexed with its `@`) stays glued to the user as written.
  if (dialect === "mysql" && nk === SyntaxKind.Param && (pk === SyntaxKind.String || pk === SyntaxKind.QuotedIdent || pk === SyntaxKind.Ident) && next.text().startsWith("@"))
    return hadSpace ? " " : "";
  // Slices `a[1:2]` and similar: keep the source's choice around a colon.
  if (nk === SyntaxKind.Colon || pk === SyntaxKind.Colon) return hadSpace ? " " : "";
  // A sign or a range dash in a MySQL option value that is no expression (`THREAD_PRIORITY =
  // -5`, `VCPU = 0-3`, `MASTER_DELAY = -1`) stays as written.
  if (dialect === "mysql" && ((pk === SyntaxKind.Operator && prev.parent.kind === SyntaxKind.Option && prev.text() === "-") || (nk === SyntaxKind.Operator && next.parent.kind === SyntaxKind.Option && next.text() === "-")))
    return hadSpace ? " " : "";
  // Prefix operators hug their operand: `-x`, `~mask`, `@ x` stays as written.
  if (pk === SyntaxKind.Operator && prev.parent.kind === SyntaxKind.PrefixExpr && isFirstSignificant(prev)) return hadSpace ? " " : "";
  return " ";
}

/** An unquoted name (a word the parser took as a name or a keyword). */
function isName(token: SyntaxToken): boolean {
  const kind = token.kind;
  return kind === SyntaxKind.Ident || kind === SyntaxKind.Keyword || kind === SyntaxKind.Word;
}

// An all-digit name (MySQL's `t.5`) followed by a dot could read as a number.
const ALL_DIGITS = /^[0-9]+$/;

function sameNode(a: SyntaxToken["parent"], b: SyntaxToken["parent"]): boolean {
  return a.green === b.green && a.offset === b.offset;
}

function isFirstSignificant(token: SyntaxToken): boolean {
  return firstSignificantToken(token.parent)?.offset === token.offset;
}

const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const OP_CHAR = /[-+*/<>=~!@#%^&|`?:]/;

/**
 * Whether printing `a` and `b` with nothing between would lex differently. `quotedA`: `a`
 * is a quoted token (a string, a quoted name), whose last character is its closing quote:
 * no operator character, although a backtick is one in PostgreSQL (MySQL's `` `root`@`host` ``
 * is a quoted name and a host), but the same quote right after it would double it.
 */
export function wouldMerge(a: string, b: string, quotedA = false): boolean {
  const x = a[a.length - 1];
  const y = b[0];
  if (x === undefined || y === undefined) return false;
  // An extension script's placeholder (`::@extschema@.t`) lexes as one token after anything.
  if (y === "@" && isExtensionPlaceholder(b)) return false;
  if (WORD_CHAR.test(x) && (WORD_CHAR.test(y) || y === "'" || y === '"' || y === "&" || y === "`")) return true;
  if (quotedA) return y === x;
  if (OP_CHAR.test(x) && OP_CHAR.test(y)) return true;
  if ((x === "." && /[0-9]/.test(y)) || (/[0-9]/.test(x) && y === ".")) return true;
  if (x === "." && y === ".") return true;
  return false;
}
