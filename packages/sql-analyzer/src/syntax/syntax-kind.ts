/**
 * Every kind of token and node in the concrete syntax tree.
 *
 * Numeric so that the lexer can store kinds in a typed array; `syntaxKindName`
 * gives the stable name used by the tree printer and snapshots. New kinds are
 * only ever appended inside their group, so names (not numbers) are the stable
 * contract: never persist the numbers.
 */
export enum SyntaxKind {
  // ---- tokens: trivia ----
  Whitespace,
  LineComment,
  BlockComment,
  // ---- tokens: significant ----
  /** A bare word before the parser decides: becomes `Keyword` or `Ident` in the tree. */
  Word,
  Keyword,
  Ident,
  QuotedIdent,
  String,
  Number,
  /** A placeholder or variable token: `$1`, `?`, `?3`, `:name` (SQLite/MySQL), `@name` (MySQL/SQLite), `$name` (SQLite). */
  Param,
  /** A MySQL system variable `@@name`. */
  Variable,
  Operator,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Semicolon,
  Dot,
  Colon,
  DoubleColon,
  /** A character no dialect allows here. */
  Unknown,
  /**
   * A command of the client program that runs the script, not SQL: a psql
   * meta-command (`\connect db`, to the end of its line), a mysql client command
   * (`DELIMITER //`, `\G`) or an sqlite3 dot-command (`.mode csv`). A top-level
   * token; `\g`-like ones end the statement before them.
   */
  ClientCommand,
  /** The statement terminator set by MySQL's `DELIMITER` command (`//`, `$$`, …). A top-level token. */
  Delimiter,
  /** The inline data of a psql `COPY … FROM STDIN;`, through its `\.` line. A top-level token. */
  CopyData,
  // (The three client kinds come right before `Eof`: the splitter tests `kind >= ClientCommand` for all four.)
  /** End of input; never stored in a tree. */
  Eof,

  // ---- nodes ----
  SourceFile,
  Error,
  UnsupportedStmt,

  // statements
  SelectStmt,
  InsertStmt,
  UpdateStmt,
  DeleteStmt,
  MergeStmt,
  CreateTableStmt,
  AlterTableStmt,
  AlterStmt,
  DropStmt,
  CreateIndexStmt,
  CreateViewStmt,
  CreateMaterializedViewStmt,
  RefreshMaterializedViewStmt,
  CreateSchemaStmt,
  CreateSequenceStmt,
  AlterSequenceStmt,
  CreateTypeStmt,
  CreateDomainStmt,
  CreateFunctionStmt,
  CreateProcedureStmt,
  CreateTriggerStmt,
  CreateExtensionStmt,
  CommentStmt,
  GrantStmt,
  RevokeStmt,
  RenameStmt,
  TransactionStmt,
  SetStmt,
  ShowStmt,
  ResetStmt,
  ExplainStmt,
  AnalyzeStmt,
  VacuumStmt,
  TruncateStmt,
  CopyStmt,
  PragmaStmt,
  AttachStmt,
  DetachStmt,
  CallStmt,
  DoStmt,
  UseStmt,
  ReplaceStmt,
  PrepareStmt,
  ExecuteStmt,
  DeallocateStmt,
  DeclareCursorStmt,
  FetchStmt,
  CloseStmt,
  ListenStmt,
  NotifyStmt,
  UnlistenStmt,
  CheckpointStmt,
  ClusterStmt,
  ReindexStmt,
  DiscardStmt,
  LockStmt,
  CreateDatabaseStmt,
  CreatePolicyStmt,
  CreateEventTriggerStmt,
  CreateRoleStmt,
  AlterRoleStmt,
  AlterDefaultPrivilegesStmt,
  /** `CREATE <kind> …` for the object kinds without a statement kind of their own (server, cast, rule, …). */
  CreateObjectStmt,
  SecurityLabelStmt,
  ImportForeignSchemaStmt,
  ReassignOwnedStmt,
  AlterSystemStmt,
  LoadStmt,
  KillStmt,
  FlushStmt,
  /** MySQL `LOAD DATA … INFILE` / `LOAD XML … INFILE`. */
  LoadDataStmt,
  /** MySQL `CREATE EVENT`. */
  CreateEventStmt,
  /** MySQL `ALTER EVENT`. */
  AlterEventStmt,
  /** MySQL `HANDLER t OPEN | READ | CLOSE`. */
  HandlerStmt,
  /** MySQL `XA START | END | PREPARE | COMMIT | ROLLBACK | RECOVER`. */
  XaStmt,
  /** MySQL `INSTALL` / `UNINSTALL` `PLUGIN` | `COMPONENT`. */
  PluginStmt,
  /** MySQL `CACHE INDEX … IN cache` and `LOAD INDEX INTO CACHE …` (key caches). */
  CacheIndexStmt,
  /** MySQL `PURGE BINARY LOGS`. */
  PurgeLogsStmt,
  /** MySQL `SHUTDOWN`. */
  ShutdownStmt,
  /** MySQL `HELP 'topic'`. */
  HelpStmt,
  /** MySQL `BINLOG 'event'`. */
  BinlogStmt,
  /** MySQL `CHANGE REPLICATION SOURCE | FILTER …`, `CHANGE MASTER TO …`. */
  ChangeReplicationStmt,
  /** MySQL `CREATE TABLESPACE`. */
  CreateTablespaceStmt,
  /** MySQL `START | STOP {REPLICA | SLAVE | GROUP_REPLICATION} …`. */
  ReplicaControlStmt,
  /** MySQL `ALTER INSTANCE action` (key rotation, TLS and keyring reloads, the redo log). */
  AlterInstanceStmt,
  /** MySQL `CLONE LOCAL DATA DIRECTORY …` / `CLONE INSTANCE FROM …`. */
  CloneStmt,
  /** MySQL `RESTART`. */
  RestartStmt,
  /** MySQL `IMPORT TABLE FROM 'file.sdi', …`. */
  ImportTableStmt,
  // MySQL stored-program statements (inside routine, trigger and event bodies)
  /** `[label:] BEGIN … END [label]` */
  BlockStmt,
  /** `DECLARE var, … type [DEFAULT expr]` / `DECLARE name CONDITION FOR …` */
  DeclareStmt,
  /** `DECLARE {CONTINUE | EXIT | UNDO} HANDLER FOR condition, … statement` */
  DeclareHandlerStmt,
  /** `IF … THEN … [ELSEIF …] [ELSE …] END IF` */
  IfStmt,
  /** `CASE [value] WHEN … THEN … [ELSE …] END CASE` */
  CaseStmt,
  /** `[label:] LOOP … END LOOP [label]` */
  LoopStmt,
  /** `[label:] WHILE cond DO … END WHILE [label]` */
  WhileStmt,
  /** `[label:] REPEAT … UNTIL cond END REPEAT [label]` */
  RepeatStmt,
  /** `LEAVE label` */
  LeaveStmt,
  /** `ITERATE label` */
  IterateStmt,
  /** `RETURN expr` (inside a block) */
  ReturnStmt,
  /** `OPEN cursor` */
  OpenStmt,
  /** `SIGNAL …` / `RESIGNAL …` */
  SignalStmt,
  /** `GET [CURRENT | STACKED] DIAGNOSTICS …` */
  GetDiagnosticsStmt,
  // (the statement group ends here: see `isStatementKind`)

  // query structure
  WithClause,
  Cte,
  CteSearchClause,
  CteCycleClause,
  SetOperation,
  SelectCore,
  ParenSelect,
  ValuesClause,
  ValuesRow,
  TableCommand,
  SelectClause,
  DistinctClause,
  SelectItem,
  Alias,
  ColumnAliasList,
  IntoClause,
  FromClause,
  TableRef,
  DerivedTable,
  FunctionTable,
  JoinExpr,
  OnClause,
  UsingClause,
  TablesampleClause,
  WhereClause,
  GroupByClause,
  GroupingSet,
  HavingClause,
  WindowClause,
  WindowDef,
  WindowSpec,
  PartitionByClause,
  FrameClause,
  FrameBound,
  OrderByClause,
  OrderItem,
  LimitClause,
  OffsetClause,
  FetchClause,
  LockingClause,
  ReturningClause,

  // expressions
  Literal,
  ParamExpr,
  NameRef,
  QualifiedName,
  StarExpr,
  BinaryExpr,
  PrefixExpr,
  IsExpr,
  BetweenExpr,
  InExpr,
  LikeExpr,
  CastExpr,
  CollateExpr,
  AtTimeZoneExpr,
  FunctionCall,
  ArgList,
  NamedArg,
  FilterClause,
  WithinGroupClause,
  OverClause,
  CaseExpr,
  WhenClause,
  ElseClause,
  SubqueryExpr,
  ExistsExpr,
  QuantifiedExpr,
  ArrayExpr,
  RowExpr,
  ParenExpr,
  SubscriptExpr,
  FieldAccess,
  TypedLiteral,
  IntervalExpr,
  DefaultExpr,
  ExprList,
  TypeName,
  TypeArgs,
  ArrayBounds,

  // DML pieces
  InsertColumns,
  DefaultValues,
  OnConflictClause,
  ConflictTarget,
  ConflictAction,
  OnDuplicateKeyUpdate,
  SetClause,
  Assignment,
  MergeWhenClause,
  MergeAction,

  // DDL pieces
  TableElementList,
  ColumnDef,
  ColumnConstraint,
  TableConstraint,
  ReferencesClause,
  LikeClause,
  TableOptions,
  TableOption,
  PartitionBy,
  PartitionOf,
  PartitionBound,
  AlterAction,
  IndexElem,
  IndexElemList,
  NameList,
  OptionList,
  Option,
  ParamList,
  RoutineParam,
  ReturnsClause,
  RoutineOption,
  RoutineBody,
  SequenceOption,
  EnumValues,
  CompositeTypeBody,
  TriggerEvent,
  TriggerBody,
  PrivilegeList,
  Privilege,
  GrantTarget,
  RoleList,
  ObjectKind,
  CopyTarget,
  TransactionMode,
  RenamePair,
  /** A statement label: `name:` before a block or loop, `name` after its END. */
  Label,
  /** `ELSEIF cond THEN statements` of an IF statement. */
  ElseIfClause,
  /** A handler's or SIGNAL's condition: `SQLSTATE [VALUE] 'x'`, an error code, `NOT FOUND`, a name, … */
  ConditionValue,
  /** MySQL `{FIELDS | COLUMNS} [TERMINATED BY …] [[OPTIONALLY] ENCLOSED BY …] [ESCAPED BY …]` */
  FieldsClause,
  /** MySQL `LINES [STARTING BY …] [TERMINATED BY …]` */
  LinesClause,
  /** MySQL `ON SCHEDULE {AT ts | EVERY n unit [STARTS ts] [ENDS ts]}` of an event. */
  EventSchedule,
  /** A MySQL partition definition: `PARTITION p [VALUES …] [options] [(subpartitions)]`. */
  PartitionDef,
  /** A MySQL account with what a statement says of it: `'u'@'h' IDENTIFIED BY 'pw'`. */
  AccountSpec,
  /** A MySQL XA transaction id: `'gtrid' [, 'bqual' [, formatID]]`. */
  Xid,
  /**
   * A MySQL ODBC escape: `{d '2020-01-01'}`, `{fn length(s)}` (a name and an expression, the
   * expression's value) or, as a table reference, `{oj a LEFT JOIN b ON …}`.
   */
  OdbcEscape,
  /**
   * A PL/pgSQL expression (`IF a > 0 THEN`, `x := y FROM t WHERE …`, `PERFORM f(1)`): what
   * PostgreSQL parses after an implicit SELECT — a select list with a query's clauses, no SELECT.
   * The root's child in an expression fragment of `ParseResult.embedded`.
   */
  PlpgsqlExpr,
}

/** The stable, human-readable name of a kind, as printed in tree snapshots. */
export function syntaxKindName(kind: SyntaxKind): string {
  return SyntaxKind[kind] ?? `Kind${kind}`;
}

/** Whether a token kind is trivia (whitespace or a comment), which the parser skips. */
export function isTrivia(kind: SyntaxKind): boolean {
  return kind <= SyntaxKind.BlockComment;
}

/**
 * Whether a node kind is a statement: `UnsupportedStmt` and the statement group of this
 * enum, which runs from `SelectStmt` to `GetDiagnosticsStmt` (new statement kinds go at
 * its end).
 */
export function isStatementKind(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.UnsupportedStmt || (kind >= SyntaxKind.SelectStmt && kind <= SyntaxKind.GetDiagnosticsStmt);
}

/** Whether a kind is a token kind (as opposed to a node kind). */
export function isTokenKind(kind: SyntaxKind): boolean {
  return kind <= SyntaxKind.Eof;
}
