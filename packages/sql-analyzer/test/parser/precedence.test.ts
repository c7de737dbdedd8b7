// Our expression trees against PostgreSQL's own parser (libpg-query): in every WHERE clause
// and select item of the valid PostgreSQL corpus statements, the operators (arithmetic,
// comparison, string, JSON and the other symbolic ones, AND, OR, NOT, [NOT] LIKE / ILIKE,
// [NOT] BETWEEN [SYMMETRIC], [NOT] IN (list), IS [NOT] NULL) must group exactly as
// in PostgreSQL's tree — precedence and associativity — with every other kind of node an
// opaque leaf on both sides. The accept/reject fidelity test cannot see this.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { loadModule, parseSync } from "libpg-query";
import { parse, SyntaxKind, type SyntaxNode } from "../../src/index.js";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const statements = ["postgres", "postgres.holdout"].flatMap((corpus) =>
  (JSON.parse(readFileSync(join(packageRoot, "corpus", `${corpus}.json`), "utf8")) as { statements: { id: string; expect: string; sql: string }[] }).statements.filter(
    (s) => s.expect === "accept",
  ),
);

type PgNode = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** PostgreSQL's expression as an S-expression of its operators (`_` for anything else). */
function theirs(node: PgNode | undefined): string {
  if (!node || typeof node !== "object") return "_";
  const a = node.A_Expr;
  if (a && a.kind === "AEXPR_OP") {
    const names = a.name as PgNode[];
    const op = names[names.length - 1]!.String.sval as string; // OPERATOR(pg_catalog.+) is `+`
    return a.lexpr ? `(${op} ${theirs(a.lexpr)} ${theirs(a.rexpr)})` : `(${op} ${theirs(a.rexpr)})`;
  }
  const LIKE: Record<string, string> = { "~~": "like", "!~~": "not like", "~~*": "ilike", "!~~*": "not ilike" };
  if (a && (a.kind === "AEXPR_LIKE" || a.kind === "AEXPR_ILIKE")) return `(${LIKE[a.name[0].String.sval as string]} ${theirs(a.lexpr)} ${theirs(a.rexpr)})`;
  if (a && a.kind.startsWith("AEXPR_") && a.kind.includes("BETWEEN")) {
    const [low, high] = a.rexpr.List.items as PgNode[];
    return `(${a.kind.slice(6).toLowerCase()} ${theirs(a.lexpr)} ${theirs(low)} ${theirs(high)})`;
  }
  if (a && a.kind === "AEXPR_IN") return `(${a.name[0].String.sval === "=" ? "in" : "not in"} ${theirs(a.lexpr)} ${(a.rexpr.List.items as PgNode[]).map(theirs).join(" ")})`;
  const n = node.NullTest;
  if (n) return `(${n.nulltesttype === "IS_NULL" ? "is null" : "is not null"} ${theirs(n.arg)})`;
  const b = node.BoolExpr;
  if (b) return notOfLeaf(`(${{ AND_EXPR: "and", OR_EXPR: "or", NOT_EXPR: "not" }[b.boolop as string]} ${(b.args as PgNode[]).map(theirs).join(" ")})`);
  return "_";
}

/** `(not _)` is `_` on both sides: PostgreSQL writes `x IS NOT JSON` as NOT over a test, we as one test node. */
function notOfLeaf(sexp: string): string {
  return sexp === "(not _)" ? "_" : sexp;
}

/** The significant tokens directly under a node. */
function ownTokens(node: SyntaxNode): string[] {
  return node
    .childTokens()
    .filter((t) => !t.isTrivia)
    .map((t) => t.text().toLowerCase());
}

/** The same S-expression from our tree: parentheses dropped and AND / OR chains flattened, as PostgreSQL does. */
function ours(node: SyntaxNode | undefined): string {
  if (!node) return "_";
  const kids = node.childNodes();
  const tokens = ownTokens(node);
  if (node.kind === SyntaxKind.ParenExpr && kids.length === 1) return ours(kids[0]);
  // `a OPERATOR(schema.op) b`: the operator is the last token of the name in the parentheses.
  if (node.kind === SyntaxKind.BinaryExpr && kids.length === 3 && tokens[0] === "operator") {
    const name = ownTokens(kids[1]!);
    return `(${name[name.length - 1]} ${ours(kids[0])} ${ours(kids[2])})`;
  }
  if (node.kind === SyntaxKind.BinaryExpr && kids.length === 2 && tokens.length === 1) {
    const op = tokens[0]!;
    if (op === "and" || op === "or") {
      const parts: string[] = [];
      const flatten = (n: SyntaxNode): void => {
        const inner = n.kind === SyntaxKind.ParenExpr && n.childNodes().length === 1 ? n.childNodes()[0]! : n;
        if (inner.kind === SyntaxKind.BinaryExpr && inner.childNodes().length === 2 && ownTokens(inner).join() === op) inner.childNodes().forEach(flatten);
        else parts.push(ours(n));
      };
      flatten(node);
      return `(${op} ${parts.join(" ")})`;
    }
    if (/^[a-z]/.test(op) || kids[1]!.kind === SyntaxKind.QuantifiedExpr) return "_"; // LIKE, x = ANY (…), … are other nodes in PostgreSQL
    return `(${op === "!=" ? "<>" : op} ${ours(kids[0])} ${ours(kids[1])})`;
  }
  if (node.kind === SyntaxKind.LikeExpr && !tokens.includes("similar") && kids[1]?.kind !== SyntaxKind.QuantifiedExpr) {
    // With ESCAPE, PostgreSQL's pattern is a call: opaque.
    return `(${tokens.filter((t) => t !== "escape").join(" ")} ${ours(kids[0])} ${kids.length === 3 ? "_" : ours(kids[1])})`;
  }
  if (node.kind === SyntaxKind.BetweenExpr && kids.length === 3) {
    const kind = `${tokens.includes("not") ? "not_" : ""}between${tokens.includes("symmetric") ? "_sym" : ""}`;
    return `(${kind} ${ours(kids[0])} ${ours(kids[1])} ${ours(kids[2])})`;
  }
  if (node.kind === SyntaxKind.InExpr && kids.length === 2 && kids[1]!.kind === SyntaxKind.ExprList) {
    return `(${tokens.includes("not") ? "not in" : "in"} ${ours(kids[0])} ${kids[1]!.childNodes().map(ours).join(" ")})`;
  }
  if (node.kind === SyntaxKind.IsExpr && kids.length === 1) {
    const test = { "is null": "is null", "is not null": "is not null", isnull: "is null", notnull: "is not null" }[tokens.join(" ")];
    if (test) return `(${test} ${ours(kids[0])})`;
  }
  if (node.kind === SyntaxKind.PrefixExpr && kids.length === 1 && tokens.length === 1) {
    const op = tokens[0]!;
    // PostgreSQL folds `-1`, and `- - 1`, into a constant.
    if (op === "-" && (kids[0]!.kind === SyntaxKind.Literal || (kids[0]!.kind === SyntaxKind.PrefixExpr && ours(kids[0]) === "_"))) return "_";
    if (op === "not") return notOfLeaf(`(not ${ours(kids[0])})`);
    if (/^[a-z]/.test(op)) return "_";
    return `(${op} ${ours(kids[0])})`;
  }
  return "_";
}

describe("operators group as in PostgreSQL's parser", () => {
  beforeAll(async () => {
    await loadModule();
  });

  test("in every WHERE clause and select item of the valid PostgreSQL corpus", () => {
    const differences: string[] = [];
    let compared = 0;
    for (const s of statements) {
      const select = (parseSync(s.sql) as { stmts: { stmt: PgNode }[] }).stmts[0]?.stmt?.SelectStmt as PgNode | undefined;
      if (!select) continue;
      const statement = parse(s.sql, { dialect: "postgres" }).root.childNodes()[0];
      const core = statement?.kind === SyntaxKind.SelectStmt ? statement.childNodes().find((n) => n.kind === SyntaxKind.SelectCore) : undefined;
      if (!core) continue;
      const pairs: [PgNode | undefined, SyntaxNode | undefined][] = [];
      const where = core.childNodes().find((n) => n.kind === SyntaxKind.WhereClause);
      if (select.whereClause && where) pairs.push([select.whereClause, where.childNodes()[0]]);
      const items = core.childNodes().find((n) => n.kind === SyntaxKind.SelectClause)?.childNodes().filter((n) => n.kind === SyntaxKind.SelectItem) ?? [];
      const targets = (select.targetList ?? []) as PgNode[];
      if (targets.length === items.length) targets.forEach((t, i) => pairs.push([t.ResTarget?.val, items[i]!.childNodes()[0]]));
      for (const [pg, node] of pairs) {
        const a = theirs(pg);
        const b = ours(node);
        if (a === "_" && b === "_") continue;
        compared++;
        if (a !== b && differences.length < 10) differences.push(`${s.id}: PostgreSQL ${a}, ours ${b} — ${JSON.stringify(node?.text())}`);
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(600);
  });
});
