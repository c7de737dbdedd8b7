// The SQL formatter: configurable, comment-preserving, idempotent, and safe (output
// that does not re-lex to the same tokens and comments is discarded per statement).
export { format, formatDocument, formatRange, MAX_FORMAT_DEPTH } from "./format.js";
export type { FormatResult, FormattedStatement, StatementFormatStatus } from "./format.js";
export { resolveFormatOptions } from "./options.js";
export type { CaseStyle, FormatOptions, ResolvedFormatOptions } from "./options.js";
