// Statements checked as MySQL: our verdicts against MySQL 8's, read off a real MariaDB server's
// parser and the differences scripts/corpus/mysql-reference.mjs lists — the PostgreSQL and SQLite
// corpora, and mutants of the MySQL corpus. The server is test/real-dumps.test.ts's; this module
// only builds the PREPARE script and reads back what the mysql client printed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, SyntaxKind } from "../../src/index.js";
import { mariadbOutcome, mariadbTexts } from "../../scripts/corpus/mysql-reference.mjs";
import { mysqlCrossDialectStatements } from "../../scripts/corpus/cross-dialect.mjs";
import { mysqlMutantStatements } from "../../scripts/corpus/mutants.mjs";
import type { CorpusEntry, Verdict } from "./agreement.js";

/** What the mysql client printed for one PREPARE: the error code (0 for none) and message. */
export interface PrepareOutcome {
  readonly code: number;
  readonly message: string;
}

/**
 * PREPAREs each text on the server (one client run per 3,000 texts, `--force` so that an error
 * does not stop the script) and returns each one's error, read from the client's error lines.
 * @param runScript runs a mysql client script on the server and returns what it wrote to stderr
 */
export function prepareAll(texts: readonly string[], runScript: (script: string) => string): PrepareOutcome[] {
  const quote = (sql: string) => sql.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\0/g, "\\0");
  const outcomes: PrepareOutcome[] = texts.map(() => ({ code: 0, message: "" }));
  const chunk = 3000;
  for (let from = 0; from < texts.length; from += chunk) {
    const part = texts.slice(from, from + chunk);
    // Line 1 selects the database; text i is on line i + 2.
    const script = "CREATE DATABASE IF NOT EXISTS cross_dialect; USE cross_dialect;\n" + part.map((sql) => `SET @q = '${quote(sql)}'; PREPARE s FROM @q;`).join("\n") + "\n";
    const stderr = runScript(script);
    for (const match of stderr.matchAll(/ERROR (\d+) \(\w+\) at line (\d+): ([\s\S]*?)(?=\nERROR \d+ \(|\n?$)/g)) {
      const index = from + Number(match[2]) - 2;
      if (index >= from && index < from + part.length) outcomes[index] = { code: Number(match[1]), message: match[3]!.split("\n")[0]! };
    }
  }
  return outcomes;
}

/** The judged statements: each with MySQL 8's verdict, and the reason for it when it refuses. */
export interface JudgedCorpus {
  readonly entries: CorpusEntry[];
  readonly reference: (sql: string) => Verdict;
  /** Statements left out because MariaDB's parser stopped part-way on a check of its own. */
  readonly undecided: number;
  /** Statements whose verdict needed a MySQL form respelled for MariaDB, per form. */
  readonly respelled: ReadonlyMap<string, number>;
  /** Statements refused for a MariaDB form MySQL lacks, per form. */
  readonly mariadbOnly: ReadonlyMap<string, number>;
}

/** Judges the cross-dialect statements with the server behind `runScript`. */
export function judgeMysqlCrossDialect(runScript: (script: string) => string): JudgedCorpus {
  return judgeAsMysql(mysqlCrossDialectStatements() as { id: string; kind: string; sql: string }[], runScript);
}

/**
 * Mutants of the MySQL corpus's valid statements, judged: only those of a statement MySQL 8's
 * verdict accepts as written. A statement the reference refuses or cannot decide as written is
 * MySQL 8 syntax MariaDB lacks (and no respelling covers), so its mutants' verdicts would say
 * nothing about the mutation.
 */
export function judgeMysqlMutants(runScript: (script: string) => string): JudgedCorpus & { originals: number } {
  const corpus = JSON.parse(readFileSync(join(import.meta.dirname, "../../corpus/mysql.json"), "utf8")) as { statements: CorpusEntry[] };
  const originals = judgeAsMysql(corpus.statements.filter((s) => s.expect === "accept"), runScript);
  const taken = new Set(originals.entries.filter((e) => e.expect === "accept").map((e) => e.id));
  const mutants = (mysqlMutantStatements() as { id: string; kind: string; sql: string }[]).filter((m) => taken.has(m.id.slice(0, m.id.indexOf("~"))));
  return { ...judgeAsMysql(mutants, runScript), originals: taken.size };
}

/** Judges `statements` with MySQL 8's verdicts, read off the server behind `runScript`. */
function judgeAsMysql(statements: readonly { id: string; kind: string; sql: string }[], runScript: (script: string) => string): JudgedCorpus {
  const plans = statements.map((s) => mariadbTexts(s.sql));
  const outcomes = prepareAll(plans.flatMap((plan) => plan.texts), runScript);
  const verdicts = new Map<string, Verdict>();
  const entries: CorpusEntry[] = [];
  const respelled = new Map<string, number>();
  const mariadbOnly = new Map<string, number>();
  let undecided = 0;
  let next = 0;
  statements.forEach((statement, i) => {
    const plan = plans[i]!;
    const own = plan.texts.map(() => outcomes[next++]!);
    const kinds = own.map((o) => mariadbOutcome(o.code, o.message));
    let verdict: Verdict;
    if (plan.mysqlOnly !== undefined) {
      undecided++;
      return;
    }
    if (plan.mariadbOnly !== undefined) verdict = { ok: false, message: `MySQL 8 lacks MariaDB's ${plan.mariadbOnly}` };
    else if (kinds.includes("reject")) verdict = { ok: false, message: own[kinds.indexOf("reject")]!.message };
    else if (kinds.includes("undecided")) {
      undecided++;
      return;
    } else verdict = { ok: true };
    if (plan.mariadbOnly !== undefined) mariadbOnly.set(plan.mariadbOnly, (mariadbOnly.get(plan.mariadbOnly) ?? 0) + 1);
    for (const form of plan.respelled) respelled.set(form, (respelled.get(form) ?? 0) + 1);
    verdicts.set(statement.sql, verdict);
    entries.push({ ...statement, expect: verdict.ok ? "accept" : "reject" });
  });
  return { entries, reference: (sql) => verdicts.get(sql)!, undecided, respelled, mariadbOnly };
}

const CLIENT_TOKENS = new Set<SyntaxKind>([SyntaxKind.ClientCommand, SyntaxKind.Delimiter, SyntaxKind.CopyData]);

/** Our verdict in the mysql dialect: no error, no unsupported statement and nothing of a client program's. */
export function oursAsMysql(sql: string): Verdict {
  const { diagnostics, root } = parse(sql, { dialect: "mysql" });
  const bad = diagnostics.find((d) => d.severity === "error" || d.code === "unsupported-statement");
  if (bad) return { ok: false, message: `${bad.code}: ${bad.message}` };
  const client = root.tokens().find((t) => CLIENT_TOKENS.has(t.kind));
  return client ? { ok: false, message: `client syntax: ${client.text()}` } : { ok: true };
}
