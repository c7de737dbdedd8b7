import type { SyntaxNode, SyntaxToken } from "../syntax/red.js";
import { SyntaxKind, isStatementKind } from "../syntax/syntax-kind.js";
import { type Doc, type DocIndent, type DocLine, flatWidth, flattenDoc, group, hardline, hugGroup, indent, line, softline } from "./doc.js";
import type { CaseStyle, ResolvedFormatOptions } from "./options.js";
import { firstSignificantToken } from "./first-token.js";
import { spaceBetween } from "./spacing.js";

// Clauses that start a new line when their statement does not fit on one line.
const CLAUSE_BREAK_KINDS = new Set<SyntaxKind>([
  SyntaxKind.SelectClause, SyntaxKind.FromClause, SyntaxKind.WhereClause, SyntaxKind.GroupByClause, SyntaxKind.HavingClause,
  SyntaxKind.WindowClause, SyntaxKind.OrderByClause, SyntaxKind.LimitClause, SyntaxKind.OffsetClause, SyntaxKind.FetchClause,
  SyntaxKind.LockingClause, SyntaxKind.ReturningClause, SyntaxKind.IntoClause, SyntaxKind.ValuesClause, SyntaxKind.SetClause,
  SyntaxKind.OnConflictClause, SyntaxKind.OnDuplicateKeyUpdate, SyntaxKind.MergeWhenClause, SyntaxKind.SelectStmt,
  SyntaxKind.SelectCore, SyntaxKind.ParenSelect, SyntaxKind.UsingClause, SyntaxKind.FrameClause,
]);

// Clauses printed as a keyword head and a body: a list body (`SELECT a, b`) moves to indented
// lines when it does not fit; a one-node body stays on the keyword's line (`WHERE a AND b`).
const HEAD_BODY_KINDS = new Set<SyntaxKind>([
  SyntaxKind.SelectClause, SyntaxKind.FromClause, SyntaxKind.WhereClause, SyntaxKind.GroupByClause, SyntaxKind.HavingClause,
  SyntaxKind.WindowClause, SyntaxKind.OrderByClause, SyntaxKind.ReturningClause, SyntaxKind.SetClause, SyntaxKind.ValuesClause,
  SyntaxKind.UsingClause, SyntaxKind.PartitionByClause, SyntaxKind.OnDuplicateKeyUpdate,
]);

// Actions whose own clauses (`DO UPDATE SET … WHERE …`, MERGE's `UPDATE SET …`, `INSERT (…)
// VALUES …`) start their lines one level in, under the clause that holds them, not at the
// statement's column where they would read as the statement's own.
const NESTED_CLAUSE_PARENTS = new Set<SyntaxKind>([SyntaxKind.ConflictAction, SyntaxKind.MergeAction]);

// Nodes that do not make a group of their own, so their line breaks follow the enclosing
// statement or clause (all clauses of one query break together).
const TRANSPARENT_KINDS = new Set<SyntaxKind>([SyntaxKind.SelectCore, SyntaxKind.SetOperation, SyntaxKind.JoinExpr]);

// Where a keyword after a child node starts a new line: `UNION`, `JOIN`.
const BREAK_BEFORE_KEYWORD_KINDS = new Set<SyntaxKind>([SyntaxKind.SetOperation, SyntaxKind.JoinExpr]);

// (MySQL's XOR breaks as AND and OR do.)
const LOGICAL = new Set(["and", "or", "xor"]);

// JSON path operators read as one term with their operands (`data ->> 'email'`): no break after them.
const GLUED_OPERATORS = new Set(["->", "->>", "#>", "#>>"]);

/**
 * The break after a comparison, arithmetic or concatenation operator (`x IS NOT DISTINCT FROM` /
 * `TIMESTAMP '…'`). A distinct object from `line`, so a check for breaks inside an operand can
 * tell the operand's own breaks from the operator breaks of a chain it continues.
 */
const operatorLine: DocLine = { type: "line", soft: false, hard: false };

/** A binary expression's operator break being laid out (see `operatorBreakKind`). */
interface OperatorBreak {
  /** Operands seen so far. */
  operands: number;
  /** Where the break went (`at` −1: none). */
  target: Doc[];
  at: number;
  /** Whether an operand can break inside itself; then the operator takes no break. */
  operandBreaks: boolean;
  /** Whether the operand after the break is a few columns wide: moving it saves nothing worth a line. */
  shortAfter: boolean;
}

/** An operand at most this wide flat (`1`, `NULL`, `'eu'`, `t.id`) takes no line of its own after an operator. */
const SHORT_OPERAND_WIDTH = 8;

// MySQL's stored-program statements laid out one body statement per line (see `compound`).
const COMPOUND_KINDS = new Set<SyntaxKind>([
  SyntaxKind.BlockStmt, SyntaxKind.IfStmt, SyntaxKind.CaseStmt, SyntaxKind.LoopStmt, SyntaxKind.WhileStmt, SyntaxKind.RepeatStmt,
]);

// Tokens printed right after an inline comment without a space.
const CLOSERS = new Set<SyntaxKind>([SyntaxKind.Comma, SyntaxKind.Semicolon, SyntaxKind.RParen, SyntaxKind.RBracket]);

// A parenthesised part breaks inside its parentheses only when it holds a list or a query;
// `CHECK (a > 0)` or `f()` stay glued to their parentheses.
const BLOCK_KINDS = new Set<SyntaxKind>([SyntaxKind.SelectStmt, SyntaxKind.ParenSelect, SyntaxKind.SelectCore, SyntaxKind.InsertStmt, SyntaxKind.UpdateStmt, SyntaxKind.DeleteStmt, SyntaxKind.ValuesClause, SyntaxKind.WindowSpec]);

/**
 * The keywords that start a clause of a DDL statement laid out one clause a line when it does
 * not fit (the statement's name and target stay on its first line).
 */
const DDL_CLAUSE_KEYWORDS = new Map<SyntaxKind, ReadonlySet<string>>([
  [SyntaxKind.CreateTriggerStmt, new Set(["before", "after", "instead", "referencing", "for", "when", "from"])],
  [SyntaxKind.CreatePolicyStmt, new Set(["as", "for", "to", "using", "with"])],
  // CREATE INDEX's target (`CREATE INDEX name` / `ON t USING m (…)`, a clause that hugs: see
  // `clausesForKeyword`) and its options after the column list (`INCLUDE (…)`, `WITH (…)`,
  // `TABLESPACE t`, `NULLS NOT DISTINCT`; its WHERE is a clause node, `DDL_CLAUSE_NODES`).
  [SyntaxKind.CreateIndexStmt, new Set(["on", "include", "with", "tablespace", "nulls"])],
  // (A CASE branch too: `WHEN <condition>` / `THEN <result>` when the branch does not fit.)
  [SyntaxKind.WhenClause, new Set(["then"])],
  // A foreign key's match type, referential actions and deferral (`NOT DEFERRABLE`,
  // `DEFERRABLE INITIALLY DEFERRED`: see `startsDdlKeywordClause`).
  [SyntaxKind.ReferencesClause, new Set(["match", "on", "not", "deferrable", "initially"])],
  // pg_dump's layout: `CREATE EVENT TRIGGER t ON ddl_command_end` / `WHEN TAG IN (…)` / `EXECUTE FUNCTION f()`.
  [SyntaxKind.CreateEventTriggerStmt, new Set(["when", "execute"])],
]);

/**
 * `DDL_CLAUSE_KEYWORDS` of the statements that `CreateObjectStmt` holds, by object kind:
 * `CREATE CAST (a AS b)` / `WITH FUNCTION f(a)` / `AS IMPLICIT`, `CREATE RULE r AS` / `ON INSERT
 * TO t` / `DO INSTEAD NOTHING`.
 */
const OBJECT_CLAUSE_KEYWORDS = new Map<string, ReadonlySet<string>>([
  ["cast", new Set(["with", "without", "as"])],
  ["rule", new Set(["on", "do"])],
]);

/** Keywords of `DDL_CLAUSE_KEYWORDS` that continue the clause of the keyword before them. */
const DDL_CLAUSE_CONTINUATIONS = new Map<string, string>([
  ["deferrable", "not"],
  ["initially", "deferrable"],
]);

/**
 * Whether the keyword `word` (after the keyword `previous`, if one) starts a DDL clause of a
 * `kind` node (of the object kind `objectKind`, for `CreateObjectStmt`: see `objectKindOf`).
 */
function startsDdlKeywordClause(kind: SyntaxKind, objectKind: string | undefined, word: string, previous: string | undefined): boolean {
  const words = objectKind === undefined ? DDL_CLAUSE_KEYWORDS.get(kind) : OBJECT_CLAUSE_KEYWORDS.get(objectKind);
  if (words?.has(word) !== true) return false;
  return previous === undefined || DDL_CLAUSE_CONTINUATIONS.get(word) !== previous;
}

/**
 * The child nodes that start a DDL clause (see `DDL_CLAUSE_KEYWORDS`): a partition's bounds
 * (`PARTITION OF p` / `FOR VALUES FROM (…) TO (…)`, pg_dump's layout; `ATTACH PARTITION` too).
 */
const DDL_CLAUSE_NODES = new Map<SyntaxKind, ReadonlySet<SyntaxKind>>([
  [SyntaxKind.PartitionOf, new Set([SyntaxKind.PartitionBound])],
  [SyntaxKind.AlterAction, new Set([SyntaxKind.PartitionBound])],
  // A foreign key's target (`FOREIGN KEY (a)` / `REFERENCES p (id) ON DELETE CASCADE`).
  [SyntaxKind.TableConstraint, new Set([SyntaxKind.ReferencesClause])],
  // A partial index's predicate, with the index's other clauses (not at the statement's column).
  [SyntaxKind.CreateIndexStmt, new Set([SyntaxKind.WhereClause])],
  // A domain's default and constraints, a line each as pg_dump writes them.
  [SyntaxKind.CreateDomainStmt, new Set([SyntaxKind.ColumnConstraint])],
  // ALTER FUNCTION / PROCEDURE's options (CREATE's are `routineClause`'s).
  [SyntaxKind.AlterStmt, new Set([SyntaxKind.RoutineOption])],
]);

/**
 * A statement's options written one after another (`CREATE SEQUENCE s AS bigint START 1 CACHE
 * 10`, `CREATE ROLE r WITH LOGIN CONNECTION LIMIT 5`, MySQL's `LOAD DATA … FIELDS … LINES …`,
 * `CREATE USER … IDENTIFIED BY …`): when the statement does not fit, each option takes a line,
 * one level in, as pg_dump lays out a sequence. MySQL's FIELDS and LINES clauses do the same
 * with their own options, one level further in.
 */
const OPTION_CLAUSE_KINDS = new Set<SyntaxKind>([
  SyntaxKind.Option, SyntaxKind.SequenceOption, SyntaxKind.FieldsClause, SyntaxKind.LinesClause,
]);

// The quick tests before `startsDdlClause` and `startsDdlKeywordClause`, so the common nodes
// (expressions, names) pay one set lookup in `node`, whose frame bounds how deep a statement
// can be laid out, and the rest stays out of it.
const DDL_CLAUSE_CHILDREN = new Set<SyntaxKind>([...[...DDL_CLAUSE_NODES.values()].flatMap((kinds) => [...kinds]), ...OPTION_CLAUSE_KINDS, SyntaxKind.AlterAction]);
const DDL_KEYWORD_PARENTS = new Set<SyntaxKind>([...DDL_CLAUSE_KEYWORDS.keys(), SyntaxKind.CreateObjectStmt]);

/**
 * Whether `child`, a direct child of a `parent` node, starts a DDL clause of its own line (see
 * `ddlClauseTail`); `noList`: the parent has no top-level list (a lone ALTER TABLE action, or
 * the action of another ALTER, starts its line as the actions of a list do).
 */
function startsDdlClause(parent: SyntaxKind, child: SyntaxKind, noList: boolean): boolean {
  if (DDL_CLAUSE_NODES.get(parent)?.has(child)) return true;
  if ((parent === SyntaxKind.AlterTableStmt || parent === SyntaxKind.AlterStmt) && child === SyntaxKind.AlterAction) return noList;
  return OPTION_CLAUSE_KINDS.has(child) && (isStatementKind(parent) || parent === SyntaxKind.FieldsClause || parent === SyntaxKind.LinesClause);
}

/** A DDL statement's clauses, laid out a clause a line when it does not fit (see `ddlClauseTail`). */
interface DdlClauses {
  /** The statement's own parts, where its head is. */
  readonly outer: Doc[];
  /** The group's content: the indented clauses, and a line before a BEGIN … END body. */
  readonly clauses: Doc[];
  /** The indented clauses. */
  readonly tail: Doc[];
  /** Where the next part goes: `tail`, or `outer` once a routine's body came. */
  current: Doc[];
  /** A routine's body came: the options after it stay on its last line. */
  bodySeen: boolean;
  /**
   * The clauses hug (see `hugGroup`) and hold one clause only: the next clause opens a group of
   * its own after them (CREATE INDEX's `ON t (…)`, then `INCLUDE (…)`, `WHERE …`).
   */
  readonly single: boolean;
}

/** A routine's parts that `routineClause` lays out. */
const ROUTINE_CLAUSE_KINDS = new Set<SyntaxKind>([SyntaxKind.ReturnsClause, SyntaxKind.RoutineOption, SyntaxKind.RoutineBody]);

/**
 * Opens a DDL statement's clauses in `outer`: a group of their own, so a BEGIN … END body after
 * them (SQLite's, MySQL's) breaks its statement without breaking the header.
 */
function ddlClauseTail(outer: Doc[], hug = false, single = false): DdlClauses {
  const tail: Doc[] = [];
  const clauses: Doc[] = [indent(tail)];
  outer.push(hug ? hugGroup(clauses, tail) : group(clauses));
  return { outer, clauses, tail, current: tail, bodySeen: false, single };
}

/**
 * The clauses `ddl` a new DDL clause goes to: `ddl` itself, or a new group in `outer` when there
 * is none yet or `ddl` holds a single clause. A statement's first clause hugs when `hugs`.
 */
function nextDdlClauses(ddl: DdlClauses | undefined, outer: Doc[], hugs: boolean, single: boolean): DdlClauses {
  if (ddl === undefined) return ddlClauseTail(outer, hugs, single);
  return ddl.single ? ddlClauseTail(ddl.outer) : ddl;
}

/**
 * The clauses a `kind` node's DDL clause node goes to (see `nextDdlClauses`). A lone ALTER TABLE
 * action hugs: `ALTER TABLE t ATTACH PARTITION p` stays together when the action would not fit
 * on a line of its own either, and its own clauses break (`FOR VALUES …`).
 */
function clausesForNode(kind: SyntaxKind, child: SyntaxKind, ddl: DdlClauses | undefined, outer: Doc[]): DdlClauses {
  const loneAction = (kind === SyntaxKind.AlterTableStmt || kind === SyntaxKind.AlterStmt) && child === SyntaxKind.AlterAction;
  return nextDdlClauses(ddl, outer, loneAction, loneAction);
}

/**
 * The clauses a `kind` node's DDL clause keyword goes to (see `nextDdlClauses`). A CASE branch's
 * THEN hugs a result that would not fit on its own line either, and so does an index's `ON t
 * (…)`: its column list breaks instead. (Kept out of `node`, whose frame bounds how deep a
 * statement can be laid out.)
 */
function clausesForKeyword(kind: SyntaxKind, keyword: SyntaxToken, ddl: DdlClauses | undefined, outer: Doc[]): DdlClauses {
  const indexTarget = kind === SyntaxKind.CreateIndexStmt && keyword.text().toLowerCase() === "on";
  return nextDdlClauses(ddl, outer, kind === SyntaxKind.WhenClause || indexTarget, indexTarget);
}

const NO_BODY_TEXTS: ReadonlyMap<number, string> = new Map();

/** Parenthesized lists at most this wide printed flat (and a quarter of the line width) never break inside. */
const SHORT_LIST_WIDTH = 20;

/** Per-comment layout facts taken from the source: on its own line, followed by a line break. */
interface CommentInfo {
  readonly ownLine: boolean;
  readonly newlineAfter: boolean;
}

/** Builds the layout document of one statement (a direct child node of `SourceFile`). */
export class StatementDocBuilder {
  private prev: SyntaxToken | undefined;
  /** Whether the source had trivia between `prev` and the token being placed. */
  private hadSpace = false;
  /** Whether the whitespace since the last token held a line break (which joins two strings). */
  private hadLineBreak = false;
  /** The separator was already emitted by the parent (line breaks at clause starts). */
  private separatorDone = false;
  /**
   * Whether the doc of a binary expression can break other than at its operators (see
   * `settleOperatorBreak`): remembered so a long chain's check does not walk it again per level.
   */
  private readonly operandBreaks = new WeakMap<Doc[], boolean>();
  /** An inline block comment was just printed: the next token is separated by a space unless it closes something. */
  private afterInlineComment = false;
  /** A comment that ends in a line break was just printed (a line comment): the next token starts a line. */
  private afterCommentBreak = false;
  /** That comment started its own line (`/* c *\/ AND b` below code): it already stands where a break would go. */
  private inlineCommentStartedLine = false;
  private readonly comments = new Map<number, CommentInfo>();
  /** The last answer of `nextSignificant`. */
  private lookahead: { children: readonly (SyntaxNode | SyntaxToken)[]; from: number; at: number } | undefined;

  /** How wide a part may be flat and still never break: a list (`numeric(10, 2)`) or an expression (`total >= 0`). */
  private readonly shortWidth: number;

  constructor(
    private readonly options: ResolvedFormatOptions,
    /** New texts of routine bodies by token offset (`routineBodies: "format"`, see `routineBodyTexts`). */
    private readonly bodyTexts: ReadonlyMap<number, string> = NO_BODY_TEXTS,
  ) {
    this.shortWidth = Math.min(SHORT_LIST_WIDTH, Math.floor(options.lineWidth / 4));
  }

  /** The document for `statement`. */
  build(statement: SyntaxNode): Doc {
    this.scanComments(statement);
    return group(this.node(statement));
  }

  private scanComments(statement: SyntaxNode): void {
    const tokens = statement.tokens();
    let newlineSinceSignificant = true;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === SyntaxKind.Whitespace) {
        if (t.text().includes("\n")) newlineSinceSignificant = true;
        continue;
      }
      if (t.kind === SyntaxKind.LineComment || t.kind === SyntaxKind.BlockComment) {
        const next = tokens[i + 1];
        const newlineAfter = t.kind === SyntaxKind.LineComment || next === undefined || (next.kind === SyntaxKind.Whitespace && next.text().includes("\n"));
        this.comments.set(t.offset, { ownLine: newlineSinceSignificant, newlineAfter });
        newlineSinceSignificant = t.kind === SyntaxKind.LineComment;
        continue;
      }
      newlineSinceSignificant = false;
    }
  }

  private node(node: SyntaxNode): Doc {
    const kind = node.kind;
    if (kind === SyntaxKind.CaseExpr) return this.caseExpr(node);
    if (COMPOUND_KINDS.has(kind)) return this.compound(node);
    if (isStatementBlock(node)) return this.statementBlock(node);
    const headBody = HEAD_BODY_KINDS.has(kind);
    const parts: Doc[] = [];
    // A stack of open parenthesis frames among this node's direct children; a frame
    // remembers whether it holds a list or a query (only then may it break inside).
    const frames: Doc[][] = [parts];
    const breakable: boolean[] = [true];
    let body: Doc[] | undefined;
    let lastWasNode = false;
    let lastNodeKind: SyntaxKind | undefined;
    // A clause body that is a single node is not indented as a whole (see below).
    let bodyHugs = false;
    let soleBody = false;
    // Logical chains and joins indent everything after their first operand.
    let tailIndented = false;
    // (A column definition too: its constraints, when they do not fit after the type, take a line each.)
    // A comparison or arithmetic whose operands cannot break either continues on an indented
    // line after its operator when it does not fit (see `operatorBreakKind`).
    const operatorBreak: OperatorBreak | undefined = operatorBreakKind(node) ? { operands: 0, target: parts, at: -1, operandBreaks: false, shortAfter: false } : undefined;
    const indentsTail =
      kind === SyntaxKind.JoinExpr || kind === SyntaxKind.ColumnDef || (kind === SyntaxKind.BinaryExpr && LOGICAL.has(logicalOperator(node) ?? "")) || operatorBreak !== undefined;
    /** A DDL statement laid out a clause a line: where its head is and its clauses' group (see `ddlClauseTail`). */
    let ddl: DdlClauses | undefined;
    const children = node.children();
    const parenPartner = matchParens(children);
    // A list at this node's top level, outside any clause body (`DROP TABLE a, b`, `GRANT … TO
    // a, b`, ALTER TABLE's actions), continues one level in up to its last item: its broken
    // lines would otherwise start at the statement's column, like a new statement.
    const list = headBody || kind === SyntaxKind.WithClause ? undefined : topLevelListOf(node, children, parenPartner);
    let listOuter: Doc[] | undefined;
    /** Where the list's group goes in `listOuter` once its tail is complete (a group's hard flag is read when it is made). */
    let listSlot: Doc[] = [];
    let listTail: Doc[] = [];
    // The keyword of the next clause was written before its node (MySQL's `DELETE t1 FROM t1
    // JOIN …`): the break went before the keyword, so the clause takes none.
    let clauseBreakTaken = false;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (list !== undefined && frames.length === 1) {
        if (i === list.open && listOuter === undefined) {
          listOuter = frames[0]!;
          listSlot = [];
          listTail = [];
          listOuter.push(listSlot);
          frames[0] = listTail;
          const first = list.breakBefore && !child.isToken ? firstSignificantToken(child) : undefined;
          if (first) this.pushSeparator(listTail, line, first);
        } else if (listOuter !== undefined && i > list.last && !(child.isToken && child.isTrivia)) {
          // The list is its own group: a short one stays on its line when the statement breaks.
          listSlot.push(group(indent(listTail)));
          frames[0] = listOuter;
          listOuter = undefined;
          list.open = -1;
        }
      }
      let target = frames[frames.length - 1]!;
      if (child.isToken) {
        // A comment on its own line between a clause's keyword and its body opens the body
        // (indented as the body is: `SELECT` / `-- the columns` / `a, b`), and so does a line
        // comment after the keyword.
        if (headBody && body === undefined && frames.length === 1 && this.prev !== undefined && this.commentOpensBody(children, i, startsClauseBody, true)) {
          body = [];
          frames[0] = body;
          target = body;
        }
        if (this.placeTrivia(child, target)) continue;
        const k = child.kind;
        // Where a clause's keyword head ends and its body begins.
        if (headBody && body === undefined && frames.length === 1 && k !== SyntaxKind.Keyword && this.prev !== undefined && !this.separatorDone) {
          body = [];
          frames[0] = body;
          target = body;
          this.pushSeparator(target, line, child);
        }
        if ((k === SyntaxKind.RParen || k === SyntaxKind.RBracket) && parenPartner.has(i) && frames.length > 1) {
          const inner = frames.pop()!;
          const open = breakable.pop()!;
          target = frames[frames.length - 1]!;
          const closing: Doc[] = [];
          if (open) {
            this.placeToken(child, closing, softline);
            target.push(this.parenthesizedPart(inner, closing));
          } else {
            // Drop the soft break queued after `(`: this part never breaks at its parentheses.
            if (inner[0] === softline) inner.shift();
            this.placeToken(child, closing);
            target.push([...inner, ...closing]);
          }
          lastWasNode = false;
          continue;
        }
        if (k === SyntaxKind.Comma) {
          breakable[breakable.length - 1] = true;
          if (this.options.commaPosition === "leading") {
            this.placeToken(child, target, softline);
            this.pushSeparator(target, " ", undefined);
          } else {
            // A comma after a line comment starts a line; the next item then follows it there
            // (`b -- note` / `, c`) rather than leaving the comma alone on its line.
            const commaStartsLine = this.afterCommentBreak;
            this.placeToken(child, target);
            this.pushSeparator(target, commaStartsLine ? " " : line, undefined);
          }
          lastWasNode = false;
          continue;
        }
        const opensClause = k === SyntaxKind.Keyword && frames.length === 1 && this.prev !== undefined && keywordOfNextClause(children, this.nextSignificant(children, i));
        if (opensClause) clauseBreakTaken = true;
        if (k === SyntaxKind.Keyword && frames.length === 1 && DDL_KEYWORD_PARENTS.has(kind) && this.startsDdlKeyword(node, child)) {
          // A DDL clause (`BEFORE INSERT ON t`, `FOR EACH ROW`, `USING (…)`) starts its own line,
          // one level in, when the statement does not fit on one.
          if (ddl === undefined || ddl.single) {
            ddl = clausesForKeyword(kind, child, ddl, target);
            frames[0] = target = ddl.tail;
            tailIndented = true;
          }
          this.placeToken(child, target, line);
          lastWasNode = false;
          continue;
        }
        const breakBefore =
          opensClause ||
          (BREAK_BEFORE_KEYWORD_KINDS.has(kind) && k === SyntaxKind.Keyword && lastWasNode) ||
          (lastWasNode && lastNodeKind === SyntaxKind.WithClause && frames.length === 1) ||
          (kind === SyntaxKind.BinaryExpr && k === SyntaxKind.Keyword && LOGICAL.has(child.text().toLowerCase())) ||
          // A column's collation goes with its constraints (see `ColumnDef` below).
          (kind === SyntaxKind.ColumnDef && k === SyntaxKind.Keyword && frames.length === 1 && tailIndented && child.text().toLowerCase() === "collate") ||
          // CREATE TABLE's options after its columns start lines at its column, as pg_dump writes them.
          (kind === SyntaxKind.CreateTableStmt && k === SyntaxKind.Keyword && frames.length === 1 && startsTableTail(children, i)) ||
          // MERGE's source starts a line as a clause does (`MERGE INTO t` / `USING s` / `ON …`).
          (kind === SyntaxKind.MergeStmt && k === SyntaxKind.Keyword && frames.length === 1 && child.text().toLowerCase() === "using");
        this.placeToken(child, target, breakBefore ? line : undefined);
        if ((k === SyntaxKind.LParen || k === SyntaxKind.LBracket) && parenPartner.has(i)) {
          const inner: Doc[] = [];
          frames.push(inner);
          // (An aggregate's `FILTER (WHERE …)` breaks inside as a window's `OVER (…)` does.)
          breakable.push(kind === SyntaxKind.FilterClause);
          this.pushSeparator(inner, softline, undefined);
        }
        lastWasNode = false;
        continue;
      }
      // A child node.
      if (headBody && body === undefined && frames.length === 1 && child.kind !== SyntaxKind.DistinctClause && this.prev !== undefined) {
        body = [];
        frames[0] = body;
        target = body;
        const first = firstSignificantToken(child);
        // A body that is one node (`WHERE a AND b`, `FROM (subquery) t`) stays on the keyword's
        // line and breaks inside itself; a list (`SELECT a, b`) moves to its own lines.
        const sole = isSoleSignificant(children, i);
        soleBody = sole;
        if (first) this.pushSeparator(target, sole ? " " : line, first);
      } else if (
        (CLAUSE_BREAK_KINDS.has(child.kind) ||
          (kind === SyntaxKind.MergeStmt && child.kind === SyntaxKind.OnClause) ||
          (kind === SyntaxKind.CreateTableStmt && child.kind === SyntaxKind.PartitionBy)) &&
        this.prev !== undefined &&
        !(kind === SyntaxKind.JoinExpr && child.kind === SyntaxKind.UsingClause) &&
        !(frames.length === 1 && DDL_CLAUSE_CHILDREN.has(child.kind) && startsDdlClause(kind, child.kind, list === undefined))
      ) {
        if (NESTED_CLAUSE_PARENTS.has(kind) && !tailIndented && frames.length === 1) {
          const tail: Doc[] = [];
          target.push(indent(tail));
          frames[0] = tail;
          target = tail;
          tailIndented = true;
        }
        const first = firstSignificantToken(child);
        if (first) this.pushSeparator(target, clauseBreakTaken ? " " : line, first);
      }
      clauseBreakTaken = false;
      if (frames.length === 1 && DDL_CLAUSE_CHILDREN.has(child.kind) && startsDdlClause(kind, child.kind, list === undefined)) {
        ddl = clausesForNode(kind, child.kind, ddl, target);
        frames[0] = target = ddl.tail;
        tailIndented = true;
        const first = firstSignificantToken(child);
        if (first) this.pushSeparator(target, line, first);
      }
      if (kind === SyntaxKind.CreateTriggerStmt && child.kind === SyntaxKind.TriggerBody && frames.length === 1 && ddl !== undefined) {
        target = this.triggerBodyTarget(child, ddl);
        frames[0] = target;
      }
      if ((kind === SyntaxKind.CreateFunctionStmt || kind === SyntaxKind.CreateProcedureStmt) && frames.length === 1 && ROUTINE_CLAUSE_KINDS.has(child.kind) && ddl?.bodySeen !== true) {
        ddl = this.routineClause(child, ddl, target);
        target = ddl.current;
        frames[0] = target;
        tailIndented = true;
      }
      if (kind === SyntaxKind.ColumnDef && child.kind === SyntaxKind.ColumnConstraint && frames.length === 1 && tailIndented) {
        const first = firstSignificantToken(child);
        if (first) this.pushSeparator(target, line, first);
      }
      // (A table's element list breaks one element a line even with one element, and so does a
      // routine's parameter list: `f(` / `a_long_parameter_name int` / `)`.)
      if (
        BLOCK_KINDS.has(child.kind) ||
        CLAUSE_BREAK_KINDS.has(child.kind) ||
        child.kind === SyntaxKind.PartitionByClause ||
        kind === SyntaxKind.TableElementList ||
        kind === SyntaxKind.ParamList
      ) {
        breakable[breakable.length - 1] = true;
      }
      if (kind === SyntaxKind.JoinExpr && child.kind === SyntaxKind.OnClause && frames.length === 1) {
        target.push(this.ownLineWhenLong(child));
        lastWasNode = true;
        lastNodeKind = child.kind;
        continue;
      }
      if (kind === SyntaxKind.TableOptions && child.kind === SyntaxKind.TableOption && frames.length === 1 && this.prev !== undefined && !this.separatorDone) {
        target.push(this.ownLineWhenLong(child));
        lastWasNode = true;
        lastNodeKind = child.kind;
        continue;
      }
      if (operatorBreak !== undefined && frames.length === 1) this.operatorBreakBefore(child, operatorBreak, target);
      const doc = this.node(child);
      if (operatorBreak !== undefined && frames.length === 1) this.noteOperand(operatorBreak, doc);
      if (soleBody) {
        bodyHugs = selfIndenting(child, doc);
        soleBody = false;
      }
      // Inside parentheses a join or set operation gets its own group again.
      const flatten =
        (TRANSPARENT_KINDS.has(child.kind) && frames.length === 1) ||
        (child.kind === SyntaxKind.BinaryExpr && kind === SyntaxKind.BinaryExpr && (sameLogicalOperator(node, child) || (operatorBreak !== undefined && operatorBreak.operands === 1 && sameOperator(node, child))));
      target.push(flatten ? doc : group(doc));
      lastWasNode = true;
      lastNodeKind = child.kind;
      if (indentsTail && !tailIndented && frames.length === 1) {
        // Everything after the first operand or table (comments included) is indented.
        const tail: Doc[] = [];
        target.push(indent(tail));
        frames[0] = tail;
        tailIndented = true;
      }
    }
    // Unbalanced frames (cannot happen in an error-free statement) are flushed in order.
    while (frames.length > 1) {
      const inner = frames.pop()!;
      frames[frames.length - 1]!.push(inner);
    }
    if (listOuter !== undefined) listSlot.push(group(indent(listTail)));
    if (operatorBreak !== undefined) this.settleOperatorBreak(operatorBreak, parts, node);
    if (body !== undefined) return bodyHugs ? [parts, body] : [parts, indent(body)];
    return parts;
  }

  /** Whether `keyword`, a direct child of `node`, starts one of its DDL clauses (see `startsDdlKeywordClause`). */
  private startsDdlKeyword(node: SyntaxNode, keyword: SyntaxToken): boolean {
    const objectKind = node.kind === SyntaxKind.CreateObjectStmt ? objectKindOf(node.children()) : undefined;
    const previous = this.prev?.kind === SyntaxKind.Keyword ? this.prev.text().toLowerCase() : undefined;
    return startsDdlKeywordClause(node.kind, objectKind, keyword.text().toLowerCase(), previous);
  }

  /**
   * Before the operand after a binary operator: the operator's break (see `operatorBreakKind`),
   * unless a comment already decided the line. Counts the operands.
   */
  private operatorBreakBefore(child: SyntaxNode, state: OperatorBreak, target: Doc[]): void {
    if (state.operands++ !== 1 || this.separatorDone || this.afterCommentBreak || this.afterInlineComment) return;
    const first = firstSignificantToken(child);
    if (first === undefined) return;
    state.target = target;
    state.at = target.length;
    this.pushSeparator(target, operatorLine, first);
  }

  /** Records what the operator's break depends on of an operand just laid out (see `settleOperatorBreak`). */
  private noteOperand(state: OperatorBreak, doc: Doc): void {
    if (!state.operandBreaks) state.operandBreaks = this.canBreakInside(doc);
    if (state.operands === 2) state.shortAfter = flatWidth(doc, SHORT_OPERAND_WIDTH) <= SHORT_OPERAND_WIDTH;
  }

  /**
   * Keeps the operator's break only when neither operand can break inside itself: `x =
   * coalesce(` … `)` breaks in its call, not after `=` and again in the call. A kept break
   * and the operand after it are a group of their own, so a chain fills its lines (`a || b ||`
   * / `c || d`) rather than taking a line per operand, and the lines it continues on are two
   * levels in, apart from the list items or `AND` lines one level in around them. A chain
   * whose operators all keep their breaks is atomic for the expression around it.
   */
  private settleOperatorBreak(state: OperatorBreak, parts: Doc[], node: SyntaxNode): void {
    const placed = state.at >= 0 && state.target[state.at] === operatorLine;
    if (!placed) {
      if (state.operandBreaks) this.operandBreaks.set(parts, true);
      return;
    }
    const tailAt = parts.findIndex((part) => typeof part === "object" && !Array.isArray(part) && part.type === "indent");
    // A short expression never breaks (`CHECK (total >= 0)`), as a short list does not, and
    // neither does one whose last operand is short (`CHECK (array_lower(VALUE, 1) =` / `1)`),
    // unless more of its chain follows that operand (`1 + 2 +` / `3 + …`).
    const short = this.shortWidth;
    if (state.operandBreaks || (state.shortAfter && !continuesChain(node)) || flatWidth(parts, short) <= short) {
      state.target[state.at] = " ";
      if (tailAt >= 0) parts[tailAt] = (parts[tailAt] as DocIndent).content;
    } else {
      state.target.push(group(state.target.splice(state.at)));
      if (tailAt >= 0) parts[tailAt] = indent(parts[tailAt]!);
    }
    this.operandBreaks.set(parts, state.operandBreaks);
  }

  /**
   * Whether `doc` has a line break of its own: a possible break other than an operator break of
   * an atomic chain, a hard break or a token of several lines (iterative: docs nest deep).
   */
  private canBreakInside(doc: Doc): boolean {
    const stack: Doc[] = [doc];
    while (stack.length > 0) {
      const d = stack.pop()!;
      if (typeof d === "string") {
        if (d.includes("\n")) return true;
      } else if (Array.isArray(d)) {
        const known = this.operandBreaks.get(d);
        if (known === true) return true;
        if (known === undefined) for (const part of d) stack.push(part);
      } else if (d.type === "group" || d.type === "indent") stack.push(d.content);
      else if (d !== operatorLine) return true;
    }
    return false;
  }

  /**
   * A parenthesized part that may break inside its parentheses. A short one never does (`AS
   * rf(a, b)`, `numeric(10, 2)`, `(1, 48)`): when its line is too long, a longer part before it
   * breaks instead of this one going one item a line. (Helpers like this one keep `node`'s
   * frame small: it recurses once per tree level, ~2,000 deep.)
   */
  private parenthesizedPart(inner: Doc[], closing: Doc[]): Doc {
    const part: Doc[] = [indent(inner), ...closing];
    const short = this.shortWidth;
    return flatWidth(part, short) <= short ? flattenDoc(part) : group(part);
  }

  /**
   * A part that moves to its own line, one level in, when it does not fit after what precedes
   * it, rather than breaking inside itself or what precedes it. A join's ON condition
   * (`JOIN generate_series(1, 48) AS g(n)` / `  ON …`; after a table that broke, a subquery, it
   * stays on the closing line when it fits there: `) s ON TRUE`), and a MySQL table option, so
   * the options fill their lines (`) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4` / `COLLATE = …`).
   */
  private ownLineWhenLong(part: SyntaxNode): Doc {
    const unit: Doc[] = [];
    const first = firstSignificantToken(part);
    if (first) this.pushSeparator(unit, line, first);
    unit.push(group(this.node(part)));
    return indent(group(unit));
  }

  /**
   * Where a trigger's body goes once its header's clauses are laid out a clause a line: a
   * BEGIN … END block follows the header on its line, or starts its own line when the header
   * broke (a line at the end of the clauses' group, at the statement's column); `EXECUTE
   * FUNCTION f()` or a MySQL body statement is the last clause.
   */
  private triggerBodyTarget(body: SyntaxNode, ddl: DdlClauses): Doc[] {
    const first = firstSignificantToken(body);
    if (first?.text().toLowerCase() === "begin") {
      ddl.clauses.push(line);
      return ddl.outer;
    }
    if (first) this.pushSeparator(ddl.tail, line, first);
    return ddl.tail;
  }

  /**
   * A routine's RETURNS, option or body (PostgreSQL's CREATE FUNCTION / PROCEDURE): the RETURNS
   * clause and the options before the body go a line each, one level in, when the header does
   * not fit; the body (`AS $$ … $$`, `RETURN …`, `BEGIN ATOMIC … END`) follows the header's
   * last line, or starts its own line one level in after a header that broke, and the options
   * after it (`$$ LANGUAGE plpgsql`) stay where they are. A one-line body (`AS 'file',
   * 'symbol'`, `AS 'select 1'`, `AS $$ SELECT 1 $$`) is laid out as an option. Returns the
   * state, whose `current` is where the clause's document goes.
   */
  private routineClause(clause: SyntaxNode, ddl: DdlClauses | undefined, target: Doc[]): DdlClauses {
    const first = firstSignificantToken(clause);
    const body = clause.kind === SyntaxKind.RoutineBody || (first?.text().toLowerCase() === "as" && isBlockBody(clause, this.bodyTexts));
    if (body) {
      const state = ddl ?? { outer: target, clauses: [], tail: target, current: target, bodySeen: false, single: false };
      // (The line is the tail's last part, so a broken header puts the body one level in.)
      if (ddl !== undefined && first) this.pushSeparator(ddl.tail, line, first);
      state.current = state.outer;
      state.bodySeen = true;
      return state;
    }
    const state = ddl ?? ddlClauseTail(target);
    if (first) this.pushSeparator(state.tail, line, first);
    return state;
  }

  /** `CASE … WHEN … ELSE … END` with one branch per line when broken. */
  private caseExpr(node: SyntaxNode): Doc {
    const head: Doc[] = [];
    const branches: Doc[] = [];
    const tail: Doc[] = [];
    let current = head;
    const children = node.children();
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.isToken) {
        // A comment on its own line before the first branch goes with the branches.
        if (current === head && this.commentOpensBody(children, i, isCaseBranch)) current = branches;
        if (this.placeTrivia(child, current)) continue;
        if (isEndKeyword(child)) {
          current = tail;
          this.placeToken(child, tail, line);
          continue;
        }
        this.placeToken(child, current);
        continue;
      }
      if (child.kind === SyntaxKind.WhenClause || child.kind === SyntaxKind.ElseClause) {
        current = branches;
        const first = firstSignificantToken(child);
        if (first) this.pushSeparator(branches, line, first);
      }
      current.push(group(this.node(child)));
    }
    return [head, indent(branches), tail];
  }

  /** `BEGIN [ATOMIC] stmt; stmt; END` (trigger and routine bodies): one statement per line. */
  private statementBlock(node: SyntaxNode): Doc {
    const head: Doc[] = [];
    const body: Doc[] = [];
    const tail: Doc[] = [];
    let current = head;
    const children = node.children();
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.isToken) {
        // A comment on its own line before the first statement is the body's.
        if (current === head && this.commentOpensBody(children, i)) current = body;
        if (this.placeTrivia(child, current)) continue;
        if (isEndKeyword(child)) {
          current = tail;
          tail.push(hardline);
        }
        this.placeToken(child, current);
        continue;
      }
      current = body;
      body.push(hardline);
      body.push(group(this.node(child)));
    }
    return [head, indent(body), tail];
  }

  /**
   * MySQL's stored-program statements (labelled BEGIN … END, IF, CASE, loops) and their
   * ELSEIF / ELSE / WHEN branches: the head on one line, each statement of a body on its own
   * indented line, each branch and the END (or UNTIL) after them at the head's indentation.
   */
  private compound(node: SyntaxNode): Doc {
    let current: Doc[] = [];
    const out: Doc[] = [current];
    let body: Doc[] | undefined;
    // After a branch, END starts a line of its own as it does after a body.
    let afterBranch = false;
    const newLine = (): void => {
      if (body !== undefined) out.push(indent(body));
      body = undefined;
      current = [hardline];
      out.push(current);
    };
    const children = node.children();
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.isToken) {
        // A comment on its own line before the first statement of a body is the body's.
        if (body === undefined && this.commentOpensBody(children, i)) body = [];
        if (this.placeTrivia(child, body ?? current)) continue;
        if (body !== undefined && child.kind === SyntaxKind.Semicolon) {
          this.placeToken(child, body);
          continue;
        }
        if ((body !== undefined || afterBranch) && (isEndKeyword(child) || (child.kind === SyntaxKind.Keyword && child.text().toLowerCase() === "until"))) newLine();
        afterBranch = false;
        this.placeToken(child, current);
        continue;
      }
      if (isStatementKind(child.kind)) {
        body ??= [];
        body.push(hardline, group(this.node(child)));
      } else if (child.kind === SyntaxKind.ElseIfClause || child.kind === SyntaxKind.ElseClause || child.kind === SyntaxKind.WhenClause) {
        newLine();
        current.push(this.compound(child));
        afterBranch = true;
      } else current.push(group(this.node(child)));
    }
    if (body !== undefined) out.push(indent(body));
    return out;
  }

  /**
   * Whether `children[index]` is a comment on a line of its own that comes right before
   * what starts a body (by default a statement: the first statement of a block's body), with
   * only trivia between: it is laid out with that body, indented, not at the column of the
   * head (`BEGIN`, `SELECT`, `CASE`).
   */
  private commentOpensBody(
    children: readonly (SyntaxNode | SyntaxToken)[],
    index: number,
    startsBody: (child: SyntaxNode | SyntaxToken) => boolean = isStatementNode,
    trailingLineComment = false,
  ): boolean {
    const token = children[index]!;
    if (token.kind !== SyntaxKind.LineComment && token.kind !== SyntaxKind.BlockComment) return false;
    // With `trailingLineComment`, also a line comment after the head on its line: the body
    // starts on the next line, so it must be indented there (`SELECT -- c` / `  *`).
    const onItsLine = trailingLineComment && token.kind === SyntaxKind.LineComment;
    if (!onItsLine && !(this.comments.get(token.offset)?.ownLine ?? true)) return false;
    const next = children[this.nextSignificant(children, index)];
    return next !== undefined && startsBody(next);
  }

  /**
   * The index of the first child after `index` that is no trivia (`children.length` if none).
   * Remembered for the run of trivia it skipped, so asking at every comment of a long run of
   * comments stays linear.
   */
  private nextSignificant(children: readonly (SyntaxNode | SyntaxToken)[], index: number): number {
    const known = this.lookahead;
    if (known !== undefined && known.children === children && known.from <= index && index < known.at) return known.at;
    let at = index + 1;
    for (; at < children.length; at++) {
      const child = children[at]!;
      if (!child.isToken || !child.isTrivia) break;
    }
    this.lookahead = { children, from: index, at };
    return at;
  }

  /** Emits the separator before `next` (computed from the previous token unless `separator` is given). */
  private pushSeparator(target: Doc[], separator: Doc, next: SyntaxToken | undefined): void {
    const between = next === undefined ? undefined : this.betweenStrings(next);
    if (between !== undefined) target.push(between);
    else if (next !== undefined && this.prev !== undefined) {
      const natural = spaceBetween(this.prev, next, this.hadSpace, this.options.dialect);
      // A clause break never splits what must stay glued (`(` + `SELECT`), unless a comment
      // printed inline already stands between them.
      target.push(natural === "" && !this.afterInlineComment ? "" : separator);
    } else target.push(separator);
    this.separatorDone = true;
  }

  /**
   * What must stand between the string just printed and `next` when that is a string too:
   * PostgreSQL joins `'a'` and `'b'` into one constant across a line break and takes them as
   * two on one line (`DO LANGUAGE 'plpgsql' 'code'`), so the written relation is kept: a line
   * break stays one, a space never becomes one. `undefined` when `next` does not follow a string.
   */
  private betweenStrings(next: SyntaxToken): Doc | undefined {
    if (this.prev?.kind !== SyntaxKind.String || next.kind !== SyntaxKind.String) return undefined;
    return this.hadLineBreak ? hardline : " ";
  }

  private placeToken(token: SyntaxToken, target: Doc[], separator?: Doc): void {
    const between = this.separatorDone ? undefined : this.betweenStrings(token);
    if (between !== undefined) {
      target.push(between);
    } else if (this.afterInlineComment && !this.separatorDone) {
      // A break the layout asks for here (`AND`, `JOIN`, `UNION` in a broken chain) still
      // happens after a comment that trails code; flat, `line` is the space the comment needs
      // anyway, and `softline` only comes before closers (`,` `)`), which take none. After a
      // comment that starts its line, the token stays beside it, as written.
      const space = CLOSERS.has(token.kind) ? "" : " ";
      target.push(this.inlineCommentStartedLine ? space : (separator ?? space));
    } else if (!this.separatorDone && this.prev !== undefined) {
      if (separator !== undefined) {
        const natural = spaceBetween(this.prev, token, this.hadSpace, this.options.dialect);
        target.push(natural === "" && separator === line ? "" : separator);
      } else target.push(spaceBetween(this.prev, token, this.hadSpace, this.options.dialect));
    }
    target.push(this.cased(token));
    this.prev = token;
    this.hadSpace = false;
    this.hadLineBreak = false;
    this.separatorDone = false;
    this.afterInlineComment = false;
    this.afterCommentBreak = false;
  }

  /**
   * Handles a whitespace or comment token the same way wherever a node's children are laid
   * out: whitespace only marks that the source had a space, comments go through `comment`.
   * Returns false (and does nothing) for any other token.
   */
  private placeTrivia(token: SyntaxToken, target: Doc[]): boolean {
    const k = token.kind;
    if (k === SyntaxKind.Whitespace) {
      this.hadSpace = true;
      if (!this.hadLineBreak && /[\r\n]/.test(token.text())) this.hadLineBreak = true;
      return true;
    }
    if (k === SyntaxKind.LineComment || k === SyntaxKind.BlockComment) {
      this.comment(token, target);
      return true;
    }
    return false;
  }

  private comment(token: SyntaxToken, target: Doc[]): void {
    const info = this.comments.get(token.offset) ?? { ownLine: true, newlineAfter: true };
    const text = token.text();
    const isLine = token.kind === SyntaxKind.LineComment;
    if (info.ownLine) {
      target.push(hardline, text);
      if (isLine || info.newlineAfter) {
        target.push(hardline);
        this.afterCommentBreak = true;
      } else this.inlineCommentPrinted(true);
    } else {
      // A comment that followed a token on the same line stays there, even when the
      // formatter had already queued a line break after that token (`a, -- note`), unless
      // it is a block comment with code after it on its line: that one goes with the code
      // (`f(a, /* limit */ 10)` breaks before the comment, not between it and `10`).
      const last = target[target.length - 1];
      const lineQueued = last !== undefined && typeof last === "object" && !Array.isArray(last) && last.type === "line";
      const queued = lineQueued && (isLine || info.newlineAfter) ? target.pop() : undefined;
      target.push(" ", text);
      if (isLine) {
        target.push(hardline);
        this.afterCommentBreak = true;
      } else if (queued !== undefined) target.push(queued);
      // A queued soft break (after `(`) prints nothing on one line: the next token still needs its space.
      if (!isLine && (queued === undefined || queued === softline)) this.inlineCommentPrinted(false);
      else if (queued !== undefined) this.separatorDone = true;
    }
    this.hadSpace = true;
  }

  /**
   * A block comment was printed inline: the next token is separated from it by a space
   * (none before a closer). A separator emitted before the comment (the blank after a
   * leading comma) does not count, or the token would run into the comment. `startedLine`:
   * the comment opened its line.
   */
  private inlineCommentPrinted(startedLine: boolean): void {
    this.afterInlineComment = true;
    this.inlineCommentStartedLine = startedLine;
    this.separatorDone = false;
  }

  private cased(token: SyntaxToken): string {
    const text = token.text();
    if (token.kind === SyntaxKind.Keyword) return applyCase(text, this.options.keywordCase);
    if (token.kind === SyntaxKind.Ident) return applyCase(text, this.options.identifierCase);
    if (token.kind === SyntaxKind.String && this.bodyTexts.size > 0) return this.bodyTexts.get(token.offset) ?? text;
    return text;
  }
}

/**
 * Changes the case of ASCII letters only. The databases fold unquoted names that way
 * (PostgreSQL leaves `é` alone, so `é` and `É` are two names), keywords are ASCII anyway, and
 * a full Unicode mapping can even change the length (`ß` → `SS`).
 */
export function applyCase(text: string, style: CaseStyle): string {
  if (style === "preserve") return text;
  if (!NON_ASCII.test(text)) return style === "upper" ? text.toUpperCase() : text.toLowerCase();
  return style === "upper" ? text.replace(/[a-z]+/g, (m) => m.toUpperCase()) : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

const NON_ASCII = /[^\x00-\x7f]/;

function isStatementNode(child: SyntaxNode | SyntaxToken): boolean {
  return !child.isToken && isStatementKind(child.kind);
}

/** What starts a clause's body after its keyword head: a node (but DISTINCT) or a token that is no keyword. */
function startsClauseBody(child: SyntaxNode | SyntaxToken): boolean {
  return child.isToken ? child.kind !== SyntaxKind.Keyword : child.kind !== SyntaxKind.DistinctClause;
}

function isCaseBranch(child: SyntaxNode | SyntaxToken): boolean {
  return child.kind === SyntaxKind.WhenClause || child.kind === SyntaxKind.ElseClause;
}

/** Whether `token` is the keyword `END` that closes a CASE expression or a BEGIN block. */
function isEndKeyword(token: SyntaxToken): boolean {
  return token.kind === SyntaxKind.Keyword && token.text().toLowerCase() === "end";
}

/** A `BEGIN … END` node whose direct children are statements separated by `;`. */
function isStatementBlock(node: SyntaxNode): boolean {
  const tokens = node.childTokens();
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined || first.kind !== SyntaxKind.Keyword || last.kind !== SyntaxKind.Keyword) return false;
  if (first.text().toLowerCase() !== "begin" || last.text().toLowerCase() !== "end") return false;
  return tokens.some((t) => t.kind === SyntaxKind.Semicolon) && node.childNodes().length > 0;
}

/**
 * Whether a clause body lays out its own continuation lines, so the clause must not indent
 * it again: joins and AND/OR chains indent their tails, and parenthesised parts, CASE and
 * window specifications close at the clause's column (`WHERE EXISTS (` … `)`). Only a line
 * break that no indent of the body's own holds (one forced by a comment or by adjacent
 * string literals, outside parentheses and CASE branches) needs the clause's indent; a
 * comment inside a subquery or a CASE branch changes nothing, or it would shift the whole
 * body by one level.
 */
function selfIndenting(node: SyntaxNode, doc: Doc): boolean {
  if (node.kind === SyntaxKind.JoinExpr) return true;
  if (node.kind === SyntaxKind.BinaryExpr && LOGICAL.has(logicalOperator(node) ?? "")) return true;
  return !breaksOutsideIndent(doc);
}

/**
 * Whether `doc` holds a hard line break, or a token of several lines (a block comment, a
 * string), outside every indent in it (iterative: docs nest as deep as trees). A comment of
 * several lines is printed inline once and on its own line (a hard break) the next time, so
 * both must give the same answer.
 */
function breaksOutsideIndent(doc: Doc): boolean {
  const stack: Doc[] = [doc];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (typeof d === "string") {
      if (d.includes("\n")) return true;
      continue;
    }
    if (Array.isArray(d)) {
      for (const part of d) stack.push(part);
    } else if (d.type === "group") {
      // A group knows whether it holds a hard line; one that does not needs no look inside.
      if (d.hard) stack.push(d.content);
    } else if (d.type === "line" && d.hard) return true;
  }
  return false;
}

/** Whether `children[index]` is the only significant child from `index` on (no tokens, no other nodes). */
function isSoleSignificant(children: readonly (SyntaxNode | SyntaxToken)[], index: number): boolean {
  for (let i = index + 1; i < children.length; i++) {
    const c = children[i]!;
    if (c.isToken ? !c.isTrivia : true) return false;
  }
  return true;
}

/**
 * Indices of direct-child `(` and `[` tokens that have a matching `)` or `]` among the same
 * children (and vice versa): the frames a list inside them may break in (`ARRAY[` … `]` as
 * `f(` … `)`).
 */
function matchParens(children: readonly (SyntaxNode | SyntaxToken)[]): Set<number> {
  const matched = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (!c.isToken) continue;
    if (c.kind === SyntaxKind.LParen || c.kind === SyntaxKind.LBracket) open.push(i);
    else if ((c.kind === SyntaxKind.RParen || c.kind === SyntaxKind.RBracket) && open.length > 0) {
      const opener = children[open[open.length - 1]!]!.kind;
      if ((opener === SyntaxKind.LParen) !== (c.kind === SyntaxKind.RParen)) continue;
      matched.add(open.pop()!);
      matched.add(i);
    }
  }
  return matched;
}

/** Where a top-level list's indented tail opens (a child index, −1 once done) and its last item's index. */
interface TopLevelList {
  open: number;
  readonly last: number;
  /** The tail opens before the first item, with a line break (ALTER TABLE's actions). */
  readonly breakBefore: boolean;
}

/**
 * The list among `children` outside their parentheses, if any: from its first comma (or, for
 * two or more ALTER TABLE actions, from the first action: each goes on a line of its own) to
 * the first significant child after its last comma.
 */
function topLevelList(children: readonly (SyntaxNode | SyntaxToken)[], parenPartner: ReadonlySet<number>): TopLevelList | undefined {
  let depth = 0;
  let firstComma = -1;
  let lastComma = -1;
  let firstAction = -1;
  let actions = 0;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (!c.isToken) {
      if (depth === 0 && c.kind === SyntaxKind.AlterAction && actions++ === 0) firstAction = i;
      continue;
    }
    if (parenPartner.has(i)) depth += c.kind === SyntaxKind.LParen || c.kind === SyntaxKind.LBracket ? 1 : -1;
    else if (depth === 0 && c.kind === SyntaxKind.Comma) {
      if (firstComma < 0) firstComma = i;
      lastComma = i;
    }
  }
  if (firstComma < 0) return undefined;
  let last = lastComma + 1;
  while (last < children.length && children[last]!.isToken && (children[last] as SyntaxToken).isTrivia) last++;
  return actions >= 2 && firstAction < firstComma ? { open: firstAction, last, breakBefore: true } : { open: firstComma, last, breakBefore: false };
}

/**
 * `node`'s top-level list (see `topLevelList`). An operator class's or family's items (`AS
 * OPERATOR 1 <, FUNCTION 1 f(…)`, `ADD …`) start on a line of their own, one item a line, as
 * ALTER TABLE's actions do.
 */
function topLevelListOf(node: SyntaxNode, children: readonly (SyntaxNode | SyntaxToken)[], parenPartner: ReadonlySet<number>): TopLevelList | undefined {
  const list = topLevelList(children, parenPartner);
  if (list === undefined || node.kind !== SyntaxKind.OptionList || !holdsOperatorClassItems(node)) return list;
  const first = children.findIndex((child) => !child.isToken);
  return first >= 0 && first < list.open ? { open: first, last: list.last, breakBefore: true } : list;
}

/** Whether an option list is the item list of CREATE OPERATOR CLASS / FAMILY or ALTER OPERATOR FAMILY … ADD / DROP. */
function holdsOperatorClassItems(list: SyntaxNode): boolean {
  let owner = list.parent;
  if (owner?.kind === SyntaxKind.AlterAction) owner = owner.parent;
  if (owner === undefined || (owner.kind !== SyntaxKind.CreateObjectStmt && owner.kind !== SyntaxKind.AlterStmt)) return false;
  const objectKind = objectKindOf(owner.children());
  return objectKind === "operator class" || objectKind === "operator family";
}

/**
 * Whether `children[index]` is a clause whose keyword stands before it, in its parent (the
 * FROM of MySQL's multi-table DELETE): a clause with a keyword head that starts with no keyword.
 */
function keywordOfNextClause(children: readonly (SyntaxNode | SyntaxToken)[], index: number): boolean {
  const next = children[index];
  if (next === undefined || next.isToken || !HEAD_BODY_KINDS.has(next.kind) || !CLAUSE_BREAK_KINDS.has(next.kind)) return false;
  const first = firstSignificantToken(next);
  return first !== undefined && first.kind !== SyntaxKind.Keyword;
}

/**
 * Whether a routine's `AS …` clause holds a body of several lines (a string or a dollar-quoted
 * one), as printed: `bodyTexts` has the formatted bodies (see `routineBodyTexts`).
 */
function isBlockBody(clause: SyntaxNode, bodyTexts: ReadonlyMap<number, string>): boolean {
  for (const child of clause.childNodes()) {
    if (child.kind !== SyntaxKind.RoutineBody) continue;
    const first = firstSignificantToken(child);
    // (The string itself, not the clause: a broken `'file'` / `, 'symbol'` is no block, and
    // neither is a one-line `$$ SELECT … $$`.)
    return first !== undefined && (bodyTexts.get(first.offset) ?? first.text()).includes("\n");
  }
  return true;
}

/**
 * PostgreSQL's table options after a table's column list (`INHERITS (…)`, `USING heap`, `WITH
 * (…)`, `WITHOUT OIDS`, `ON COMMIT …`, `TABLESPACE t`; PARTITION BY is a node), each of which
 * pg_dump starts on a line of its own after the `)`.
 */
const TABLE_TAIL_KEYWORDS = new Set(["inherits", "using", "with", "without", "on", "tablespace"]);

/** Whether the keyword `children[index]` of a CREATE TABLE starts one of `TABLE_TAIL_KEYWORDS`' options. */
function startsTableTail(children: readonly (SyntaxNode | SyntaxToken)[], index: number): boolean {
  if (!TABLE_TAIL_KEYWORDS.has(children[index]!.text().toLowerCase())) return false;
  for (let i = index - 1; i >= 0; i--) {
    const child = children[i]!;
    if (!child.isToken && child.kind === SyntaxKind.TableElementList) return true;
  }
  return false;
}

/** What a `CreateObjectStmt` creates (`cast`, `rule`, `operator class`), from its `ObjectKind` child. */
function objectKindOf(children: readonly (SyntaxNode | SyntaxToken)[]): string | undefined {
  for (const child of children) {
    if (!child.isToken && child.kind === SyntaxKind.ObjectKind) {
      return child
        .tokens()
        .filter((t) => !t.isTrivia)
        .map((t) => t.text().toLowerCase())
        .join(" ");
    }
  }
  return undefined;
}

function logicalOperator(node: SyntaxNode): string | undefined {
  for (const t of node.childTokens()) if (t.kind === SyntaxKind.Keyword) return t.text().toLowerCase();
  return undefined;
}

/**
 * Whether `node` is a binary comparison, arithmetic or concatenation that may break after its
 * operator: an operator token other than a JSON path one (`a || b`, `x >= y`), `IS [NOT]
 * DISTINCT FROM`, `[NOT] LIKE` / `ILIKE` / `SIMILAR TO`, `[NOT] BETWEEN [SYMMETRIC]` (the break
 * after BETWEEN: `low AND high` stay together).
 */
function operatorBreakKind(node: SyntaxNode): boolean {
  const kind = node.kind;
  if (kind === SyntaxKind.LikeExpr || kind === SyntaxKind.BetweenExpr) return true;
  if (kind !== SyntaxKind.BinaryExpr && kind !== SyntaxKind.IsExpr) return false;
  for (const t of node.childTokens()) {
    if (kind === SyntaxKind.IsExpr) {
      if (t.kind === SyntaxKind.Keyword && t.text().toLowerCase() === "distinct") return true;
    } else if (t.kind === SyntaxKind.Operator) return !GLUED_OPERATORS.has(t.text());
  }
  return false;
}

/** Whether `node` is the left operand of a binary expression with its operator, which lays both out as one chain. */
function continuesChain(node: SyntaxNode): boolean {
  const parent = node.parent;
  return node.kind === SyntaxKind.BinaryExpr && parent !== undefined && parent.kind === SyntaxKind.BinaryExpr && parent.childNodes()[0]?.range.start === node.range.start && sameOperator(parent, node);
}

/** Whether a binary expression and its left operand have the same operator (`a || b || c`). */
function sameOperator(parent: SyntaxNode, child: SyntaxNode): boolean {
  const op = operatorText(parent);
  return op !== undefined && operatorText(child) === op;
}

function operatorText(node: SyntaxNode): string | undefined {
  for (const t of node.childTokens()) if (t.kind === SyntaxKind.Operator) return t.text();
  return undefined;
}

function sameLogicalOperator(parent: SyntaxNode, child: SyntaxNode): boolean {
  const op = logicalOperator(parent);
  return op !== undefined && LOGICAL.has(op) && logicalOperator(child) === op;
}
