/**
 * Kinds of tokens and syntax-tree nodes. Numeric so the token stream can live in typed
 * arrays; `syntaxKindName` turns one into the stable name used by tree snapshots.
 */
export const SyntaxKind = {
  // Trivia and special tokens.
  Whitespace: 0,
  Comment: 1,
  /** A character outside the lexical grammar (one token per character). */
  ErrorToken: 2,
  EndOfFile: 3,
  Ident: 4,
  Int: 5,
  // Keywords.
  FnKw: 10,
  StructKw: 11,
  ConstKw: 12,
  UseKw: 13,
  LetKw: 14,
  IfKw: 15,
  ElseKw: 16,
  LoopKw: 17,
  WhileKw: 18,
  ForKw: 19,
  BreakKw: 20,
  ContinueKw: 21,
  ReturnKw: 22,
  TrueKw: 23,
  FalseKw: 24,
  AsKw: 25,
  NewKw: 26,
  InKw: 27,
  // Punctuation.
  Plus: 30,
  Minus: 31,
  Star: 32,
  Slash: 33,
  Percent: 34,
  Bang: 35,
  Eq: 36,
  EqEq: 37,
  NotEq: 38,
  Lt: 39,
  LtEq: 40,
  Gt: 41,
  GtEq: 42,
  AmpAmp: 43,
  PipePipe: 44,
  Amp: 45,
  Pipe: 46,
  Caret: 47,
  Arrow: 48,
  LParen: 49,
  RParen: 50,
  LBrace: 51,
  RBrace: 52,
  LBracket: 53,
  RBracket: 54,
  Comma: 55,
  Semi: 56,
  Colon: 57,
  ColonColon: 58,
  Dot: 59,
  // Nodes.
  SourceFile: 100,
  FnDef: 101,
  ParamList: 102,
  Param: 103,
  RetType: 104,
  StructDef: 105,
  FieldList: 106,
  FieldDecl: 107,
  ConstDef: 108,
  UseDecl: 109,
  UseList: 110,
  NamedType: 111,
  ArrayType: 112,
  TupleType: 113,
  PointerType: 114,
  Block: 115,
  LetStmt: 116,
  ConstStmt: 117,
  ReturnStmt: 118,
  IfStmt: 119,
  ElseBranch: 120,
  LoopStmt: 121,
  WhileStmt: 122,
  ForStmt: 123,
  BreakStmt: 124,
  ContinueStmt: 125,
  AssignStmt: 126,
  ExprStmt: 127,
  IdentPat: 128,
  TuplePat: 129,
  Literal: 130,
  NameRef: 131,
  ParenExpr: 132,
  TupleExpr: 133,
  ArrayExpr: 134,
  ArrayRepeatExpr: 135,
  StructLit: 136,
  FieldInitList: 137,
  FieldInit: 138,
  NewExpr: 139,
  CallExpr: 140,
  ArgList: 141,
  FieldExpr: 142,
  TupleIndexExpr: 143,
  IndexExpr: 144,
  CastExpr: 145,
  PrefixExpr: 146,
  BinExpr: 147,
  ForInit: 148,
  ForStep: 149,
  Condition: 150,
  /** Tokens skipped during error recovery, or a construct too deeply nested to parse. */
  Error: 151,
} as const;

/** A token or node kind (one of the values of {@link SyntaxKind}). */
export type SyntaxKind = (typeof SyntaxKind)[keyof typeof SyntaxKind];

const names: string[] = [];
for (const [name, value] of Object.entries(SyntaxKind)) names[value] = name;

/** The stable name of a kind, as printed in tree snapshots (e.g. `FnDef`, `Ident`). */
export function syntaxKindName(kind: number): string {
  return names[kind] ?? `Unknown${kind}`;
}

/** Keyword spellings mapped to their kinds (the 18 reserved words of the language). */
export const KEYWORDS: ReadonlyMap<string, SyntaxKind> = new Map<string, SyntaxKind>([
  ["fn", SyntaxKind.FnKw],
  ["struct", SyntaxKind.StructKw],
  ["const", SyntaxKind.ConstKw],
  ["use", SyntaxKind.UseKw],
  ["let", SyntaxKind.LetKw],
  ["if", SyntaxKind.IfKw],
  ["else", SyntaxKind.ElseKw],
  ["loop", SyntaxKind.LoopKw],
  ["while", SyntaxKind.WhileKw],
  ["for", SyntaxKind.ForKw],
  ["break", SyntaxKind.BreakKw],
  ["continue", SyntaxKind.ContinueKw],
  ["return", SyntaxKind.ReturnKw],
  ["true", SyntaxKind.TrueKw],
  ["false", SyntaxKind.FalseKw],
  ["as", SyntaxKind.AsKw],
  ["new", SyntaxKind.NewKw],
  ["in", SyntaxKind.InKw],
]);

/** True for whitespace and comments, which the parser skips but the tree keeps. */
export function isTrivia(kind: number): boolean {
  return kind === SyntaxKind.Whitespace || kind === SyntaxKind.Comment;
}

/** True for the keyword kinds. */
export function isKeyword(kind: number): boolean {
  return kind >= SyntaxKind.FnKw && kind <= SyntaxKind.InKw;
}

/** How a token kind is spelled in messages (`;`, `fn`, identifier, end of input). */
export function describeTokenKind(kind: number): string {
  switch (kind) {
    case SyntaxKind.Ident:
      return "identifier";
    case SyntaxKind.Int:
      return "integer literal";
    case SyntaxKind.EndOfFile:
      return "end of input";
    case SyntaxKind.ErrorToken:
      return "invalid character";
    default: {
      for (const [text, k] of KEYWORDS) if (k === kind) return `\`${text}\``;
      const p = PUNCT_TEXT.get(kind);
      return p ? `\`${p}\`` : syntaxKindName(kind);
    }
  }
}

/** Punctuation spellings by kind (used in messages and by the formatter). */
export const PUNCT_TEXT: ReadonlyMap<number, string> = new Map<number, string>([
  [SyntaxKind.Plus, "+"],
  [SyntaxKind.Minus, "-"],
  [SyntaxKind.Star, "*"],
  [SyntaxKind.Slash, "/"],
  [SyntaxKind.Percent, "%"],
  [SyntaxKind.Bang, "!"],
  [SyntaxKind.Eq, "="],
  [SyntaxKind.EqEq, "=="],
  [SyntaxKind.NotEq, "!="],
  [SyntaxKind.Lt, "<"],
  [SyntaxKind.LtEq, "<="],
  [SyntaxKind.Gt, ">"],
  [SyntaxKind.GtEq, ">="],
  [SyntaxKind.AmpAmp, "&&"],
  [SyntaxKind.PipePipe, "||"],
  [SyntaxKind.Amp, "&"],
  [SyntaxKind.Pipe, "|"],
  [SyntaxKind.Caret, "^"],
  [SyntaxKind.Arrow, "->"],
  [SyntaxKind.LParen, "("],
  [SyntaxKind.RParen, ")"],
  [SyntaxKind.LBrace, "{"],
  [SyntaxKind.RBrace, "}"],
  [SyntaxKind.LBracket, "["],
  [SyntaxKind.RBracket, "]"],
  [SyntaxKind.Comma, ","],
  [SyntaxKind.Semi, ";"],
  [SyntaxKind.Colon, ":"],
  [SyntaxKind.ColonColon, "::"],
  [SyntaxKind.Dot, "."],
]);
