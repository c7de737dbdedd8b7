import { CONTEXT_TOKENS } from "../../src/context/sql-context.js";
import { SQL_VOCABULARY_WORDS } from "../../src/tokenizer/vocabulary.js";

/**
 * Coarse token classes for "shape" features (in the spirit of libinjection's
 * fingerprints): a tautology is `quote logic number operator number` whatever the
 * values, so n-grams of classes carry over to templates training never saw.
 */
export const TOKEN_CLASSES = ["word", "start", "end", "quote", "value", "logic", "operator", "comment", "semicolon", "punctuation", "statement", "function"] as const;

/** Number of classes. */
export const CLASS_COUNT = TOKEN_CLASSES.length;

const of = (name: (typeof TOKEN_CLASSES)[number]) => TOKEN_CLASSES.indexOf(name);
const QUOTES = new Set(["'", '"', "`"]);
const VALUES = new Set(["0", "0x", "$0", "true", "false", "null", "unknown"]);
const LOGIC = new Set(["and", "or", "xor", "not", "&&", "||"]);
const OPERATORS = new Set(["=", "<", ">", "<>", "!=", "<=", ">=", "<=>", "==", "like", "ilike", "rlike", "regexp", "glob", "is", "in", "between", "+", "-", "*", "/", "%", "^", "~", "|", "&", "!"]);
const COMMENTS = new Set(["--", "#", "/*", "*/", "/**/", "/*!"]);
const PUNCTUATION = new Set(["(", ")", ",", "."]);
const STATEMENTS = new Set([
  "select", "insert", "update", "delete", "drop", "create", "alter", "exec", "execute", "union", "from", "where", "into",
  "values", "set", "table", "order", "by", "group", "having", "limit", "offset", "declare", "waitfor", "delay", "truncate",
  "shutdown", "copy", "load", "all", "distinct", "join", "on", "as", "case", "when", "then", "else", "end", "with",
  "begin", "commit", "rollback", "returning", "if", "exists",
]);
const SQL_WORDS = new Set(SQL_VOCABULARY_WORDS);
const CONTEXT = new Set(CONTEXT_TOKENS);

/** The class of each vocabulary id (index = id). */
export function tokenClassTable(vocabulary: readonly string[]): Int32Array {
  return Int32Array.from(vocabulary, (token) => {
    // Context markers sit between [CLS] and the text: to shapes they are more "start".
    if (token === "[CLS]" || CONTEXT.has(token)) return of("start");
    if (token === "[SEP]") return of("end");
    if (QUOTES.has(token)) return of("quote");
    if (VALUES.has(token)) return of("value");
    if (LOGIC.has(token)) return of("logic");
    if (OPERATORS.has(token)) return of("operator");
    if (COMMENTS.has(token)) return of("comment");
    if (token === ";") return of("semicolon");
    if (PUNCTUATION.has(token)) return of("punctuation");
    if (STATEMENTS.has(token)) return of("statement");
    if (SQL_WORDS.has(token)) return of("function");
    return of("word");
  });
}
