import type { Dialect } from "../dialect.js";
import type { SyntaxNode, SyntaxToken } from "../syntax/red.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { identifierName } from "./identifier.js";

/**
 * A typed view over a CST node. The view holds nothing but the node: every
 * accessor reads the tree, so views are cheap and always agree with the CST.
 * Accessors return `undefined` for parts that are missing (the tree may
 * contain errors).
 */
export class AstNode {
  constructor(
    /** The underlying concrete syntax node. */
    readonly syntax: SyntaxNode,
    /** The dialect the tree was parsed with (for identifier folding). */
    readonly dialect: Dialect = "postgres",
  ) {}
  /** The node kind. */
  get kind(): SyntaxKind {
    return this.syntax.kind;
  }
  /** The exact source text of the node. */
  text(): string {
    return this.syntax.text();
  }
  protected child(kind: SyntaxKind): SyntaxNode | undefined {
    return this.syntax.child(kind);
  }
  protected children(kind: SyntaxKind): SyntaxNode[] {
    return this.syntax.childNodes().filter((n) => n.kind === kind);
  }
  protected hasKeyword(word: string): boolean {
    return this.syntax.childTokens().some((t) => t.kind === SyntaxKind.Keyword && t.text().toLowerCase() === word);
  }
}

/** A dotted name `a.b.c` (table, column, type, function names). */
export class QualifiedName extends AstNode {
  /** The name parts as written (quotes included). */
  partTokens(): SyntaxToken[] {
    return this.syntax.childTokens().filter((t) => t.kind !== SyntaxKind.Dot);
  }
  /** The name parts, unquoted and folded for the dialect. */
  parts(): string[] {
    return this.partTokens().map((t) => identifierName(t.text(), this.dialect));
  }
  /** The last part (the object's own name). */
  name(): string | undefined {
    return this.parts().at(-1);
  }
}

/** Any expression node; `expressionKind` tells which. */
export class Expr extends AstNode {
  /** The names this expression references as columns (`NameRef`s anywhere inside, subqueries excluded). */
  columnRefs(): QualifiedName[] {
    const out: QualifiedName[] = [];
    const stack = [this.syntax];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === SyntaxKind.SubqueryExpr) continue;
      if (node.kind === SyntaxKind.NameRef) {
        const name = node.child(SyntaxKind.QualifiedName);
        if (name) out.push(new QualifiedName(name, this.dialect));
        continue;
      }
      stack.push(...node.childNodes().reverse());
    }
    return out;
  }
}

/** One item of a select list or RETURNING clause. */
export class SelectItem extends AstNode {
  /** The expression (or `*`). */
  expr(): Expr | undefined {
    const node = this.syntax.childNodes().find((n) => n.kind !== SyntaxKind.Alias);
    return node && new Expr(node, this.dialect);
  }
  /** The alias name, if any. */
  alias(): string | undefined {
    const token = this.child(SyntaxKind.Alias)?.childTokens().find((t) => t.kind !== SyntaxKind.Keyword);
    return token && identifierName(token.text(), this.dialect);
  }
}

/** A table in FROM, UPDATE, DELETE, MERGE. */
export class TableRef extends AstNode {
  /** The table's name. */
  name(): QualifiedName | undefined {
    const node = this.child(SyntaxKind.QualifiedName);
    return node && new QualifiedName(node, this.dialect);
  }
  /** The alias name, if any. */
  alias(): string | undefined {
    const token = this.child(SyntaxKind.Alias)?.childTokens().find((t) => t.kind !== SyntaxKind.Keyword && t.kind !== SyntaxKind.LParen);
    return token && identifierName(token.text(), this.dialect);
  }
}

/** `SELECT … FROM … WHERE … GROUP BY … HAVING … WINDOW …` (one query block). */
export class SelectCore extends AstNode {
  /** Whether DISTINCT (or DISTINCT ON) is present. */
  get distinct(): boolean {
    const clause = this.child(SyntaxKind.SelectClause)?.child(SyntaxKind.DistinctClause);
    return clause !== undefined && !clause.text().toLowerCase().startsWith("all");
  }
  /** The select list. */
  selectItems(): SelectItem[] {
    return (this.child(SyntaxKind.SelectClause)?.childNodes() ?? []).filter((n) => n.kind === SyntaxKind.SelectItem).map((n) => new SelectItem(n, this.dialect));
  }
  /** Tables referenced in FROM, joins flattened, in source order (derived tables excluded). */
  fromTables(): TableRef[] {
    const from = this.child(SyntaxKind.FromClause);
    if (!from) return [];
    const out: TableRef[] = [];
    const stack = [from];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === SyntaxKind.TableRef && node.child(SyntaxKind.QualifiedName)) out.push(new TableRef(node, this.dialect));
      if (node.kind === SyntaxKind.DerivedTable || node.kind === SyntaxKind.SubqueryExpr) continue;
      stack.push(...node.childNodes().reverse());
    }
    return out;
  }
  /** The WHERE condition. */
  where(): Expr | undefined {
    return whereOf(this.syntax, this.dialect);
  }
  /** The GROUP BY clause node. */
  groupBy(): SyntaxNode | undefined {
    return this.child(SyntaxKind.GroupByClause);
  }
  /** The HAVING condition. */
  having(): Expr | undefined {
    const node = this.child(SyntaxKind.HavingClause)?.childNodes()[0];
    return node && new Expr(node, this.dialect);
  }
}

function whereOf(node: SyntaxNode, dialect: Dialect): Expr | undefined {
  const expr = node.child(SyntaxKind.WhereClause)?.childNodes()[0];
  return expr && new Expr(expr, dialect);
}

/** Any statement; specific kinds have their own subclasses. */
export class Statement extends AstNode {
  /** The CTEs of a leading WITH clause, by name. */
  ctes(): { name: string; query: SyntaxNode | undefined }[] {
    const withClause = this.child(SyntaxKind.WithClause);
    if (!withClause) return [];
    return withClause
      .childNodes()
      .filter((n) => n.kind === SyntaxKind.Cte)
      .map((cte) => ({
        name: identifierName(cte.childTokens().find((t) => t.kind === SyntaxKind.Ident || t.kind === SyntaxKind.QuotedIdent)?.text() ?? "", this.dialect),
        query: cte.childNodes().find((n) => n.kind !== SyntaxKind.NameList && n.kind !== SyntaxKind.CteSearchClause && n.kind !== SyntaxKind.CteCycleClause),
      }));
  }
}

/** A query (SELECT, VALUES, TABLE, set operations). */
export class SelectStmt extends Statement {
  /** Every query block (`SelectCore`) of the statement's top-level set operation, in order. */
  cores(): SelectCore[] {
    const out: SelectCore[] = [];
    const stack = this.syntax.childNodes().reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === SyntaxKind.SelectCore) out.push(new SelectCore(node, this.dialect));
      else if (node.kind === SyntaxKind.SetOperation || node.kind === SyntaxKind.ParenSelect || node.kind === SyntaxKind.SelectStmt)
        stack.push(...node.childNodes().reverse());
    }
    return out;
  }
  /** Whether the query has an ORDER BY. */
  get ordered(): boolean {
    return this.child(SyntaxKind.OrderByClause) !== undefined;
  }
  /** The LIMIT clause node. */
  limit(): SyntaxNode | undefined {
    return this.child(SyntaxKind.LimitClause) ?? this.child(SyntaxKind.FetchClause);
  }
}

/** INSERT (and MySQL/SQLite REPLACE). */
export class InsertStmt extends Statement {
  /** The target table. */
  table(): QualifiedName | undefined {
    const node = this.child(SyntaxKind.QualifiedName);
    return node && new QualifiedName(node, this.dialect);
  }
  /** The explicit column list, unquoted. */
  columns(): string[] {
    return (this.child(SyntaxKind.InsertColumns)?.childTokens() ?? [])
      .filter((t) => t.kind === SyntaxKind.Ident || t.kind === SyntaxKind.QuotedIdent)
      .map((t) => identifierName(t.text(), this.dialect));
  }
  /** The source query (VALUES or SELECT), if any. */
  query(): SelectStmt | undefined {
    const node = this.child(SyntaxKind.SelectStmt);
    return node && new SelectStmt(node, this.dialect);
  }
  /** Whether it is an upsert (ON CONFLICT or ON DUPLICATE KEY UPDATE). */
  get upsert(): boolean {
    return this.child(SyntaxKind.OnConflictClause) !== undefined || this.child(SyntaxKind.OnDuplicateKeyUpdate) !== undefined;
  }
  /** Whether it has RETURNING. */
  get returning(): boolean {
    return this.child(SyntaxKind.ReturningClause) !== undefined;
  }
}

/** UPDATE or DELETE: a target table and a condition. */
export class UpdateOrDeleteStmt extends Statement {
  /** The target table. */
  table(): TableRef | undefined {
    const node = this.child(SyntaxKind.TableRef) ?? this.syntax.descendants().find((n) => n.kind === SyntaxKind.TableRef);
    return node && new TableRef(node, this.dialect);
  }
  /** The WHERE condition (undefined: the statement touches every row). */
  where(): Expr | undefined {
    return whereOf(this.syntax, this.dialect);
  }
  /** The assigned column names (UPDATE only). */
  assignedColumns(): string[] {
    const set = this.child(SyntaxKind.SetClause);
    if (!set) return [];
    return set.childNodes().flatMap((a) => {
      const name = a.child(SyntaxKind.QualifiedName);
      if (name) return [new QualifiedName(name, this.dialect).name() ?? ""];
      return (a.child(SyntaxKind.NameList)?.childTokens() ?? []).filter((t) => t.kind === SyntaxKind.Ident || t.kind === SyntaxKind.QuotedIdent).map((t) => identifierName(t.text(), this.dialect));
    });
  }
}

/** A column definition in CREATE TABLE / ALTER TABLE ADD COLUMN. */
export class ColumnDef extends AstNode {
  /** The column name, unquoted. */
  name(): string | undefined {
    const token = this.syntax.childTokens()[0];
    return token && identifierName(token.text(), this.dialect);
  }
  /** The type as written (`varchar(100)`), if any. */
  typeText(): string | undefined {
    return this.child(SyntaxKind.TypeName)?.text();
  }
  /** The constraint nodes (NOT NULL, DEFAULT, PRIMARY KEY, REFERENCES, …). */
  constraints(): SyntaxNode[] {
    return this.children(SyntaxKind.ColumnConstraint);
  }
  /** Whether a NOT NULL (or PRIMARY KEY) constraint is present. */
  get notNull(): boolean {
    return this.constraints().some((c) => /^(constraint\s+\S+\s+)?(not\s+null|primary\s+key)/i.test(c.text()));
  }
}

/** CREATE TABLE. */
export class CreateTableStmt extends Statement {
  /** The table's name. */
  name(): QualifiedName | undefined {
    const node = this.child(SyntaxKind.QualifiedName);
    return node && new QualifiedName(node, this.dialect);
  }
  /** Whether IF NOT EXISTS is present. */
  get ifNotExists(): boolean {
    return this.hasKeyword("exists");
  }
  /** The column definitions. */
  columns(): ColumnDef[] {
    return (this.child(SyntaxKind.TableElementList)?.childNodes() ?? []).filter((n) => n.kind === SyntaxKind.ColumnDef).map((n) => new ColumnDef(n, this.dialect));
  }
  /** The table constraint nodes. */
  constraints(): SyntaxNode[] {
    return (this.child(SyntaxKind.TableElementList)?.childNodes() ?? []).filter((n) => n.kind === SyntaxKind.TableConstraint);
  }
}

/** A statement the parser did not model (`unsupported-statement`). */
export class UnsupportedStmt extends Statement {}

const STATEMENT_VIEWS: Partial<Record<SyntaxKind, new (node: SyntaxNode, dialect: Dialect) => Statement>> = {
  [SyntaxKind.SelectStmt]: SelectStmt,
  [SyntaxKind.InsertStmt]: InsertStmt,
  [SyntaxKind.ReplaceStmt]: InsertStmt,
  [SyntaxKind.UpdateStmt]: UpdateOrDeleteStmt,
  [SyntaxKind.DeleteStmt]: UpdateOrDeleteStmt,
  [SyntaxKind.CreateTableStmt]: CreateTableStmt,
  [SyntaxKind.UnsupportedStmt]: UnsupportedStmt,
};

/** The typed view of a statement node (`Statement` for kinds without a dedicated class). */
export function statementView(node: SyntaxNode, dialect: Dialect = "postgres"): Statement {
  const View = STATEMENT_VIEWS[node.kind] ?? Statement;
  return new View(node, dialect);
}

/** The statements of a `SourceFile` root, as typed views (errors between statements skipped). */
export function statements(root: SyntaxNode, dialect: Dialect = "postgres"): Statement[] {
  return root
    .childNodes()
    .filter((n) => n.kind !== SyntaxKind.Error)
    .map((n) => statementView(n, dialect));
}
