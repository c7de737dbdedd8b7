/**
 * @sextant/sql-analyzer — an error-tolerant, lossless SQL parser for
 * PostgreSQL, MySQL and SQLite, with an incremental service on the query engine.
 */
export { parse } from "./parse/parse.js";
export type { ParseOptions, ParseResult, EmbeddedSql, ParsedSegment } from "./parse/parse.js";
export type { SegmentParse, EmbeddedFragment } from "./parse/segment.js";
export { SyntaxKind, syntaxKindName, isTrivia, isTokenKind } from "./syntax/syntax-kind.js";
export { SyntaxNode, SyntaxToken } from "./syntax/red.js";
export type { SyntaxElement } from "./syntax/red.js";
export { GreenNode, GreenToken, greenText, greenNode } from "./syntax/green.js";
export type { GreenElement } from "./syntax/green.js";
export { printTree, MAX_PRINT_INDENT } from "./syntax/print-tree.js";
export type { PrintTreeOptions } from "./syntax/print-tree.js";
export { tokenize, Lexer, FLAG_UNTERMINATED } from "./lexer/lexer.js";
export type { TokenStream } from "./lexer/lexer.js";
export { reservedWords } from "./lexer/keywords.js";
export { DIALECTS, isDialect } from "./dialect.js";
export type { Dialect } from "./dialect.js";
export { SyntaxCode } from "./diagnostic.js";
export type { Diagnostic, DiagnosticFix, RelatedInformation, Severity, TextEdit, TextRange } from "./diagnostic.js";
export { MAX_NESTING_DEPTH } from "./parser/parser.js";
export { createSqlService } from "./service/sql-service.js";
export type { SqlService, SqlServiceOptions, SetFileOptions, SqlQueries } from "./service/sql-service.js";
export { parseSegmentText } from "./parse/segment.js";

// Formatter (src/format/): configurable, comment-preserving, idempotent.
export * from "./format/index.js";
export {
  AstNode,
  ColumnDef,
  CreateTableStmt,
  Expr,
  InsertStmt,
  QualifiedName,
  SelectCore,
  SelectItem,
  SelectStmt,
  Statement,
  TableRef,
  UnsupportedStmt,
  UpdateOrDeleteStmt,
  statementView,
  statements,
} from "./ast/nodes.js";
export { identifierName } from "./ast/identifier.js";
