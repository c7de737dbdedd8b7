import { lexSql, type Lexeme } from "./sql-lexer.js";

/**
 * Context features, libinjection's idea made learnable: an input is read the way a SQL
 * lexer would read it in the places a value is spliced into — as a whole query, in a
 * numeric position, inside '…' and inside "…" — and each reading is summed up as one
 * marker token (e.g. "inside '…' it breaks out and continues with a logic operator").
 * The model sees these markers next to the text's own tokens, so it can tell a complete
 * statement script from a value fragment that escapes its literal, which a bag of n-grams
 * cannot.
 */

/** Opening and closing characters of a marker token; user text never contains them (see prepareInput). */
export const MARKER_OPEN = "\u27e6";
/** Closing character of a marker token. */
export const MARKER_CLOSE = "\u27e7";

/** What follows the point where a value stops being a value. */
const NEXT_KINDS = ["none", "end", "comment", "semicolon", "close", "logic", "keyword", "function", "operator", "word", "value", "quote", "other"] as const;
/** How the rest of the text reads once the caller's closing quote is added. */
const REST_STATES = ["none", "clean", "dirty", "unbalanced", "commented"] as const;
/** Whole-text readings. */
const STATEMENT_STATES = ["single", "script", "script-open", "broken-quote", "broken-paren", "broken-semicolon", "broken-comment", "fragment"] as const;

/** Whether the operand after a break-out's logic operator is a boolean literal (`1 or true`) or another constant (`1 or 1=1`). */
const OPERAND_KINDS = ["none", "boolean", "constant"] as const;
/** Whether a comment was glued inside a SQL keyword (`SEL/**\/ECT`). */
const SPLIT_STATES = ["none", "keyword"] as const;

type NextKind = (typeof NEXT_KINDS)[number];
type OperandKind = (typeof OPERAND_KINDS)[number];
type RestState = (typeof REST_STATES)[number];
type StatementState = (typeof STATEMENT_STATES)[number];

const marker = (name: string) => `${MARKER_OPEN}${name}${MARKER_CLOSE}`;

/** Every marker token, in a fixed order (they are appended to the vocabulary in this order). */
export const CONTEXT_TOKENS: readonly string[] = [
  ...STATEMENT_STATES.map((s) => marker(`stmt:${s}`)),
  ...NEXT_KINDS.map((k) => marker(`num:${k}`)),
  ...REST_STATES.map((s) => marker(`num-rest:${s}`)),
  ...["literal", ...NEXT_KINDS].map((k) => marker(`sq:${k}`)),
  ...REST_STATES.map((s) => marker(`sq-rest:${s}`)),
  ...["literal", ...NEXT_KINDS].map((k) => marker(`dq:${k}`)),
  ...REST_STATES.map((s) => marker(`dq-rest:${s}`)),
  // Added in the robustness round.
  ...OPERAND_KINDS.map((k) => marker(`operand:${k}`)),
  ...SPLIT_STATES.map((s) => marker(`split:${s}`)),
];

/** One context marker: its token and what it means in words (for `reasons`). */
export interface ContextMarker {
  /** The marker token (in the vocabulary). */
  readonly token: string;
  /** A sentence saying what the marker found. */
  readonly description: string;
}

const STATEMENT_KEYWORDS = new Set(
  ("select insert update delete with create alter drop begin commit rollback start pragma show explain set grant revoke " +
    "truncate savepoint release values call exec execute declare copy vacuum analyze use describe replace merge lock unlock " +
    "reindex attach detach comment do end abort checkpoint listen notify prepare deallocate reset refresh table").split(" "),
);
const LOGIC_WORDS = new Set(["and", "or", "xor", "not"]);
const LOGIC_OPERATORS = new Set(["&&", "||", "!"]);
const VALUE_WORDS = new Set(["true", "false", "null", "unknown"]);
const KEYWORDS = new Set(
  ("union select from where into order by group having limit offset like ilike rlike regexp glob in is between exists " +
    "case when then else end as on join waitfor delay procedure analyse outfile dumpfile all distinct collate escape " +
    "insert update delete drop create alter exec execute declare shutdown truncate set values returning if").split(" "),
);

const WHOLE_STATEMENTS = new Set(["single", "script", "script-open"].map((s) => marker(`stmt:${s}`)));

/** Number of markers {@link analyseContext} returns for every text. */
export const CONTEXT_MARKER_COUNT = 9;

// Words a glued comment may split: statement and clause keywords, logic words, and the
// functions payloads call (delays, string building, error tricks).
const SPLITTABLE_WORDS = new Set([
  ...STATEMENT_KEYWORDS,
  ...KEYWORDS,
  ...LOGIC_WORDS,
  ..."sleep pg_sleep benchmark waitfor concat group_concat char chr ascii substring substr extractvalue updatexml version database information_schema load_file null".split(" "),
]);

/** Reads every context of `text` and returns one marker per context, in a fixed order. */
export function analyseContext(text: string): ContextMarker[] {
  const { text: normalized, splitKeywords } = normalizeForContext(text);
  const split = splitKeywords.length > 0
    ? { token: marker("split:keyword"), description: `a comment is glued inside the SQL keyword${splitKeywords.length > 1 ? "s" : ""} ${splitKeywords.map((w) => JSON.stringify(w)).join(", ")} (a filter evasion); read as the whole word` }
    : { token: marker("split:none"), description: "no comment is glued inside a SQL keyword" };
  const lexemes = lexSql(normalized);
  const statement = statementMarker(lexemes);
  // A complete statement is a query, not a value: reading it as one would only add noise
  // that the model has to outweigh, so its value readings are "none".
  if (WHOLE_STATEMENTS.has(statement.token)) {
    const none = (name: string, context: string) => ({ token: marker(`${name}:none`), description: `${context}: not read, the input is a whole statement` });
    return [statement, none("num", "in a numeric position"), none("num-rest", "in a numeric position"), none("sq", "inside '…'"), none("sq-rest", "inside '…'"), none("dq", 'inside "…"'), none("dq-rest", 'inside "…"'), none("operand", "after a logic operator"), split];
  }
  const numeric = numericMarker(lexemes);
  const single = quoteMarkers(normalized, "'", "sq");
  const double = quoteMarkers(normalized, '"', "dq");
  // The operand after the first reading that breaks out into a logic operator: `1 or true`
  // and `1 or 1=1` are both a constant there, which is what makes them tautologies.
  const operand = numeric.operand ?? single.operand ?? double.operand;
  const operandMarker = operand
    ? { token: marker(`operand:${operand.kind}`), description: `${operand.context}, the operand after the logic operator is ${describeOperand(operand.kind)}` }
    : { token: marker("operand:none"), description: "no reading breaks out into a logic operator" };
  return [statement, numeric.marker, ...restMarkers("num", numericRest(lexemes)), ...single.markers, ...double.markers, operandMarker, split];
}

/** The markers as one string, to prepend to the text for plain transformers.js use. */
export function contextPrefix(text: string): string {
  return analyseContext(text)
    .map((m) => m.token)
    .join("");
}

/**
 * NFKC + lowercase like the tokenizer; and form decoding: when the text has no space at
 * all, `+` stands for one (application/x-www-form-urlencoded), as a web server reads it.
 */
function normalizeForContext(text: string): { text: string; splitKeywords: string[] } {
  let out = text.normalize("NFKC").toLowerCase();
  if (!out.includes(" ") && out.includes("+")) out = out.replace(/\+/g, " ");
  // A block comment glued between two halves of a keyword (`sel/**/ect`) is an evasion:
  // SQL would read two words, but filters that look for the keyword miss it and some
  // back-ends (and filters that strip comments) join it. Read as the whole word; a
  // comment between two whole words (`union/**/select`) stays whitespace.
  const splitKeywords: string[] = [];
  if (out.includes("/*")) {
    out = out.replace(SPLIT_KEYWORD, (match, left: string, right: string) => {
      if (!SPLITTABLE_WORDS.has(left + right)) return match;
      splitKeywords.push(left + right);
      return left + right;
    });
  }
  return { text: out, splitKeywords };
}

// Letters, a block comment that is not MySQL's executable `/*!`, letters.
const SPLIT_KEYWORD = /([\p{L}_]+)\/\*(?!!)(?:[^*]|\*(?!\/))*\*\/([\p{L}_]+)/gu;

const significant = (lexemes: readonly Lexeme[]) => lexemes.filter((l) => l.kind !== "block-comment" || !isInlineComment(l));
// A closed block comment between tokens is whitespace to SQL; one that never closes truncates.
const isInlineComment = (l: Lexeme) => l.kind === "block-comment" && l.text.endsWith("*/") && l.text.length >= 4;

function kindOf(lexemes: readonly Lexeme[], index: number): NextKind {
  const l = lexemes[index];
  if (!l) return "end";
  switch (l.kind) {
    case "line-comment":
    case "block-comment":
      return "comment";
    case "semicolon":
      return "semicolon";
    case "close":
      return "close";
    case "string":
    case "number":
      return "value";
    case "quoted":
    case "unterminated":
      return "quote";
    case "operator":
      return LOGIC_OPERATORS.has(l.text) ? "logic" : "operator";
    case "word":
      if (LOGIC_WORDS.has(l.text)) return "logic";
      if (VALUE_WORDS.has(l.text)) return "value";
      if (KEYWORDS.has(l.text)) return "keyword";
      if (lexemes[index + 1]?.kind === "open") return "function";
      return "word";
    default:
      return "other";
  }
}

const isOperand = (l: Lexeme | undefined) => !!l && (l.kind === "number" || l.kind === "string" || l.kind === "quoted" || (l.kind === "word" && !LOGIC_WORDS.has(l.text) && !KEYWORDS.has(l.text)));

/**
 * How a run of lexemes reads as SQL: `unbalanced` (a literal never closes), `commented`
 * (it ends in a comment that would swallow what the application appends), `dirty` (two
 * plain operands in a row, or a `)` with no `(`: not an expression), else `clean`.
 */
function restState(lexemes: readonly Lexeme[], allowUnopenedClose: boolean): RestState {
  const last = lexemes[lexemes.length - 1];
  if (lexemes.some((l) => l.kind === "unterminated")) return "unbalanced";
  if (last && (last.kind === "line-comment" || (last.kind === "block-comment" && !isInlineComment(last)))) return "commented";
  let depth = 0;
  for (let i = 0; i < lexemes.length; i++) {
    const l = lexemes[i]!;
    if (l.kind === "open") depth++;
    if (l.kind === "close" && --depth < 0 && !allowUnopenedClose) return "dirty";
    const next = lexemes[i + 1];
    if (isOperand(l) && isOperand(next) && !(l.kind === "word" && next!.kind === "word" && lexemes[i + 2]?.kind === "open")) return "dirty";
  }
  return "clean";
}

function statementMarker(all: readonly Lexeme[]): ContextMarker {
  const lexemes = significant(all);
  const first = lexemes.find((l) => l.kind !== "line-comment" && l.kind !== "block-comment");
  let state: StatementState;
  if (!first || first.kind !== "word" || !STATEMENT_KEYWORDS.has(first.text)) state = "fragment";
  else if (lexemes.some((l) => l.kind === "unterminated")) state = "broken-quote";
  else {
    let depth = 0;
    let statements = 1;
    let broken: StatementState | undefined;
    lexemes.forEach((l, i) => {
      if (l.kind === "open") depth++;
      if (l.kind === "close" && --depth < 0) broken ??= "broken-paren";
      if (l.kind === "semicolon") {
        const next = lexemes.slice(i + 1).find((m) => m.kind !== "semicolon");
        if (!next) return;
        if (next.kind === "word" && STATEMENT_KEYWORDS.has(next.text)) statements++;
        else if (next.kind !== "line-comment" || lexemes.indexOf(next) !== lexemes.length - 1 || /[a-z]{2}/.test(next.text)) broken ??= "broken-semicolon";
        else broken ??= "broken-comment";
      }
    });
    if (depth !== 0) broken ??= "broken-paren";
    const last = lexemes[lexemes.length - 1]!;
    // A trailing comment with words in it is a remark; an empty one cuts the query short.
    const truncating = (last.kind === "line-comment" && !/[a-z]{2}/.test(last.text)) || (last.kind === "block-comment" && !isInlineComment(last));
    if (truncating) broken ??= "broken-comment";
    // A script whose every statement ends in ';' is how people write scripts; a last
    // statement left open is also what a stacked query spliced into a query looks like.
    const lastCode = [...lexemes].reverse().find((l) => l.kind !== "line-comment" && l.kind !== "block-comment");
    state = broken ?? (statements === 1 ? "single" : lastCode?.kind === "semicolon" ? "script" : "script-open");
  }
  const descriptions: Record<StatementState, string> = {
    single: "read as a whole, the input is one well-formed SQL statement",
    script: "read as a whole, the input is a well-formed script of several SQL statements, each ended by ';'",
    "script-open": "read as a whole, the input is a script of several SQL statements whose last one is not ended by ';'",
    "broken-quote": "the input starts like a SQL statement but a quote never closes",
    "broken-paren": "the input starts like a SQL statement but its parentheses do not balance",
    "broken-semicolon": "the input starts like a SQL statement but a ';' is followed by something that is not a statement",
    "broken-comment": "the input starts like a SQL statement but ends in an empty comment that cuts it short",
    fragment: "the input is not a SQL statement (a value or a fragment)",
  };
  return { token: marker(`stmt:${state}`), description: descriptions[state] };
}

/** A reading's verdict plus, when it breaks out into a logic operator, the operand after it. */
interface Reading<M> {
  readonly marker: M;
  readonly operand?: { readonly kind: OperandKind; readonly context: string };
}

/** In a numeric position: skip one leading operand (or `-n`), then say what comes next. */
function numericMarker(all: readonly Lexeme[]): Reading<ContextMarker> {
  const lexemes = significant(all);
  const start = numericStart(lexemes);
  const next = kindOf(lexemes, start);
  const where = start > 0 ? `after the value ${JSON.stringify(lexemes.slice(0, start).map((l) => l.text).join(" "))}` : "at its start";
  const result = { token: marker(`num:${next}`), description: `in a numeric position, the input continues ${where} with ${describeKind(next)}` };
  const logic = logicAfter(lexemes, start);
  return logic >= 0 ? { marker: result, operand: { kind: operandKind(lexemes, logic + 1), context: "in a numeric position" } } : { marker: result };
}

/** Index of the logic operator that follows `start` (after any `)` it closes: `1) or …`), or -1. */
function logicAfter(lexemes: readonly Lexeme[], start: number): number {
  let i = start;
  while (lexemes[i]?.kind === "close") i++;
  return kindOf(lexemes, i) === "logic" ? i : -1;
}

const CONSTANT_WORDS = new Set(["not", "is", "null", "true", "false", "unknown", "like", "in", "between", "regexp", "rlike", "glob", "div", "mod"]);
const ENDS_OPERAND = new Set(["and", "or", "xor", "&&", "||"]);

/**
 * Whether the operand that starts at `start` (right after a logic operator), up to the
 * next logic operator, comment, `;` or unopened `)`, is a constant: true or false
 * whatever the row — a boolean literal (`true`, `not false`) or another constant (`1=1`,
 * `'a'='a'`, `5 is not null`). A bare word
 * (`a || b`, `rock or roll`), a column test, a call or no expression at all (`2 apples`)
 * is not. Grouped CV chose this one distinction over finer kinds (see README).
 */
function operandKind(lexemes: readonly Lexeme[], start: number): OperandKind {
  const operand: Lexeme[] = [];
  let depth = 0;
  for (let i = start; i < lexemes.length; i++) {
    const l = lexemes[i]!;
    if (l.kind === "line-comment" || l.kind === "block-comment" || l.kind === "semicolon" || l.kind === "unterminated") break;
    if ((l.kind === "word" || l.kind === "operator") && ENDS_OPERAND.has(l.text) && depth === 0) break;
    if (l.kind === "open") depth++;
    if (l.kind === "close" && --depth < 0) break;
    operand.push(l);
  }
  const isValue = (l: Lexeme) => l.kind === "number" || l.kind === "string" || l.kind === "quoted" || (l.kind === "word" && VALUE_WORDS.has(l.text));
  const isPart = (l: Lexeme) => isValue(l) || l.kind === "operator" || l.kind === "open" || l.kind === "close" || l.kind === "comma" || (l.kind === "word" && CONSTANT_WORDS.has(l.text));
  // Two values in a row (`1 2`) is no expression.
  const wellFormed = operand.every((l, i) => i === 0 || !(isValue(l) && isValue(operand[i - 1]!)));
  if (operand.length === 0 || !wellFormed || !operand.every(isPart)) return "none";
  // `true`, `not false`: SQL's own truth values, which no prose or arithmetic ends with.
  const isBoolean = (l: Lexeme) => l.kind === "word" && (l.text === "true" || l.text === "false" || l.text === "not");
  return operand.every(isBoolean) && operand.some((l) => l.text !== "not") ? "boolean" : "constant";
}

function describeOperand(kind: OperandKind): string {
  const words: Record<OperandKind, string> = {
    none: "not a constant",
    boolean: "a boolean literal (`true`, `not false`), true or false whatever the row",
    constant: "a constant, true or false whatever the row (`1=1`, `'a'='a'`, `5 is not null`)",
  };
  return words[kind];
}

function numericStart(lexemes: readonly Lexeme[]): number {
  let i = 0;
  if (lexemes[0]?.kind === "operator" && (lexemes[0].text === "-" || lexemes[0].text === "+") && lexemes[1]?.kind === "number") i = 1;
  return isOperand(lexemes[i]) ? i + 1 : 0;
}

function numericRest(all: readonly Lexeme[]): { state: RestState; context: string } {
  return { state: restState(significant(all), true), context: "in a numeric position" };
}

function restMarkers(prefix: string, rest: { state: RestState; context: string }): ContextMarker[] {
  const says: Record<RestState, string> = {
    none: "was not read",
    clean: "reads as a well-formed SQL expression",
    dirty: "is not a well-formed SQL expression",
    unbalanced: "leaves a quote open",
    commented: "ends in a comment that swallows the rest of the query",
  };
  return [{ token: marker(`${prefix}-rest:${rest.state}`), description: `${rest.context}, the rest of the input ${says[rest.state]}` }];
}

/**
 * Inside a `quote`-delimited literal: where does the literal end (the first unescaped
 * quote), what follows it, and how does the rest read once the application's own
 * closing quote is appended.
 */
function quoteMarkers(text: string, quote: "'" | '"', prefix: "sq" | "dq"): { markers: ContextMarker[]; operand?: Reading<unknown>["operand"] } {
  const context = `inside ${quote}…${quote}`;
  let i = 0;
  let breakAt = -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && quote === "'") i += 2;
    else if (c === quote) {
      if (text[i + 1] === quote) i += 2;
      else {
        breakAt = i;
        break;
      }
    } else i++;
  }
  if (breakAt < 0) {
    return {
      markers: [
        { token: marker(`${prefix}:literal`), description: `${context}, the input stays a literal` },
        { token: marker(`${prefix}-rest:clean`), description: `${context}, nothing escapes the literal` },
      ],
    };
  }
  const rest = significant(lexSql(`${text.slice(breakAt + 1)}${quote}`));
  // The appended quote is the application's; a lone one at the end is no lexeme to report.
  const next = rest.length === 1 && rest[0]!.kind === "unterminated" ? "end" : kindOf(rest, 0);
  const markers = [
    { token: marker(`${prefix}:${next}`), description: `${context}, the input closes the literal and continues with ${describeKind(next)}` },
    ...restMarkers(`${prefix}`, { state: restState(rest, true), context }),
  ];
  const logic = logicAfter(rest, 0);
  return logic >= 0 ? { markers, operand: { kind: operandKind(rest, logic + 1), context } } : { markers };
}

function describeKind(kind: NextKind): string {
  const words: Record<NextKind, string> = {
    none: "nothing (not read)",
    end: "nothing",
    comment: "a comment",
    semicolon: "';' (a new statement)",
    close: "')' (closing a parenthesis it did not open)",
    logic: "a logic operator",
    keyword: "a SQL keyword",
    function: "a function call",
    operator: "an operator",
    word: "a plain word",
    value: "a value",
    quote: "a quote",
    other: "punctuation",
  };
  return words[kind];
}
