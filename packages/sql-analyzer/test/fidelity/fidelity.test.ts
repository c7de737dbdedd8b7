// Differential test: our parser's accept/reject verdicts against the real PostgreSQL
// parser (libpg-query) and SQLite (better-sqlite3) over the generated corpora.
// The agreement must not fall below the committed ratchet (agreement.json); run with
// SEXTANT_UPDATE_FIDELITY=1 to rewrite the ratchet and the disagreement lists after an
// improvement.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse, SyntaxKind, type Dialect } from "../../src/index.js";
// Plain ESM script shared with the corpus generator and the bench.
import { createPostgresServerOracle, createSqliteOracle } from "../../scripts/oracles.mjs";
import { KEYWORD_TEMPLATES, POSTGRES_KEYWORDS, keywordStatements } from "../../scripts/corpus/postgres-keywords.mjs";
import { SQLITE_KEYWORD_TEMPLATES, SQLITE_KEYWORDS, sqliteKeywordStatements } from "../../scripts/corpus/sqlite-keywords.mjs";
import { postgresFormStatements, sqliteFormStatements } from "../../scripts/corpus/expression-forms.mjs";
import { postgresMutantStatements, sqliteMutantStatements } from "../../scripts/corpus/mutants.mjs";
import { postgresCrossDialectStatements, sqliteCrossDialectStatements } from "../../scripts/corpus/cross-dialect.mjs";
import { type CorpusEntry, measureAgreement, renderDisagreements, type Verdict } from "./agreement.js";

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, "../..");
const update = process.env.SEXTANT_UPDATE_FIDELITY === "1";

/** Agreement floors in percent, per corpus file name (without `.json`); `mysql.cross-dialect` is test/real-dumps.test.ts's. */
type Ratchet = Record<string, number>;

function loadCorpus(name: string): CorpusEntry[] {
  return (JSON.parse(readFileSync(join(packageRoot, "corpus", `${name}.json`), "utf8")) as { statements: CorpusEntry[] }).statements;
}

/**
 * Accepted = no error diagnostic, no unsupported statement and nothing of the client
 * program's (see ARCHITECTURE.md). The references are the server's parsers: text with a
 * psql meta-command, COPY data, a custom delimiter or (in PostgreSQL) a `:variable` that
 * psql or an application's driver replaces is not server SQL, though it is a clean script for us.
 */
function ours(dialect: Dialect): (sql: string) => Verdict {
  return (sql) => {
    const { diagnostics, root } = parse(sql, { dialect });
    const bad = diagnostics.find((d) => d.severity === "error" || d.code === "unsupported-statement");
    if (bad) return { ok: false, message: `${bad.code}: ${bad.message}` };
    // psql's `:variable` and an extension script's `@extschema@` are put in before a server reads the text.
    const client = root.tokens().find((t) => CLIENT_TOKENS.has(t.kind) || (dialect === "postgres" && t.kind === SyntaxKind.Param && (t.text().startsWith(":") || t.text().startsWith("@"))));
    return client ? { ok: false, message: `client syntax: ${client.text()}` } : { ok: true };
  };
}

const CLIENT_TOKENS = new Set<SyntaxKind>([SyntaxKind.ClientCommand, SyntaxKind.Delimiter, SyntaxKind.CopyData]);

const ratchetPath = join(here, "agreement.json");
const ratchet = JSON.parse(readFileSync(ratchetPath, "utf8")) as Ratchet;
const measured: Ratchet = {};

type Oracle = ((sql: string) => Verdict) & { close?: () => void };
let postgresOracle: Oracle;
let sqliteOracle: Oracle;

/** Remembers verdicts, so the label check and the agreement measure ask the reference once. */
function memo(check: Oracle): Oracle {
  const seen = new Map<string, Verdict>();
  const wrapped: Oracle = (sql) => {
    let verdict = seen.get(sql);
    if (verdict === undefined) seen.set(sql, (verdict = check(sql)));
    return verdict;
  };
  if (check.close) wrapped.close = check.close;
  return wrapped;
}

beforeAll(async () => {
  postgresOracle = memo((await createPostgresServerOracle()) as Oracle);
  sqliteOracle = memo(createSqliteOracle() as Oracle);
});

afterAll(() => {
  sqliteOracle?.close?.();
  if (update && Object.keys(measured).length === CORPORA.length) writeFileSync(ratchetPath, JSON.stringify({ ...ratchet, ...measured }, null, 2) + "\n");
});

// The raw parser, and for PL/pgSQL routines the PL/pgSQL compiler CREATE FUNCTION runs too.
const PG = "libpg-query (PostgreSQL 18 parser and PL/pgSQL compiler)";
const SQLITE = "SQLite 3 (better-sqlite3 prepare)";
// The hold-out files come from other seeds of the same grammars; nobody tunes against their
// disagreement lists first, so they show whether fixes generalise.
const CORPORA = [
  { dialect: "postgres" as const, corpus: "postgres", reference: PG, oracle: () => postgresOracle },
  { dialect: "sqlite" as const, corpus: "sqlite", reference: SQLITE, oracle: () => sqliteOracle },
  { dialect: "postgres" as const, corpus: "postgres.holdout", reference: PG, oracle: () => postgresOracle },
  { dialect: "sqlite" as const, corpus: "sqlite.holdout", reference: SQLITE, oracle: () => sqliteOracle },
  // Generated when the test runs, and judged by the reference then: every keyword of the dialect
  // in every position a name or a label can take (scripts/corpus/*-keywords.mjs).
  { dialect: "postgres" as const, corpus: "postgres.keywords", reference: PG, oracle: () => postgresOracle, generated: { statements: keywordStatements, size: POSTGRES_KEYWORDS.length * KEYWORD_TEMPLATES.length } },
  { dialect: "sqlite" as const, corpus: "sqlite.keywords", reference: SQLITE, oracle: () => sqliteOracle, generated: { statements: sqliteKeywordStatements, size: SQLITE_KEYWORDS.length * SQLITE_KEYWORD_TEMPLATES.length } },
  // Type spellings and expression forms in several positions each (scripts/corpus/expression-forms.mjs).
  { dialect: "postgres" as const, corpus: "postgres.forms", reference: PG, oracle: () => postgresOracle, generated: { statements: postgresFormStatements, size: postgresFormStatements().length } },
  { dialect: "sqlite" as const, corpus: "sqlite.forms", reference: SQLITE, oracle: () => sqliteOracle, generated: { statements: sqliteFormStatements, size: sqliteFormStatements().length } },
  // Seeded token-level mutants of the valid corpus statements (scripts/corpus/mutants.mjs).
  { dialect: "postgres" as const, corpus: "postgres.mutants", reference: PG, oracle: () => postgresOracle, generated: { statements: postgresMutantStatements, size: postgresMutantStatements().length, minAcceptedShare: 0.1 } },
  // (SQLite's: those its parser decides, see sqliteMutantStatements.)
  { dialect: "sqlite" as const, corpus: "sqlite.mutants", reference: SQLITE, oracle: () => sqliteOracle, generated: { statements: sqliteMutantStatements, size: sqliteMutantStatements().length, minAcceptedShare: 0.03 } },
  // The other dialects' corpora checked as this dialect (scripts/corpus/cross-dialect.mjs): their
  // syntax must get a diagnostic where this dialect's parser refuses it. Most of it is refused.
  { dialect: "sqlite" as const, corpus: "sqlite.cross-dialect", reference: SQLITE, oracle: () => sqliteOracle, generated: { statements: sqliteCrossDialectStatements, size: sqliteCrossDialectStatements().length, minAcceptedShare: 0.01 } },
  { dialect: "postgres" as const, corpus: "postgres.cross-dialect", reference: PG, oracle: () => postgresOracle, generated: { statements: postgresCrossDialectStatements, size: postgresCrossDialectStatements().length, minAcceptedShare: 0.2 } },
];

describe.each(CORPORA)("$corpus fidelity against $reference", ({ dialect, corpus, reference, oracle, generated }) => {
  let entries: CorpusEntry[] = generated ? [] : loadCorpus(corpus);
  if (generated)
    beforeAll(() => {
      entries = (generated.statements() as Omit<CorpusEntry, "expect">[]).map((e) => ({ ...e, expect: oracle()(e.sql).ok ? "accept" : "reject" }));
    });

  if (generated)
    test("the sweep holds every filler in every position, and the reference takes some and refuses some", () => {
      expect(entries.length).toBe(generated.size);
      const accepted = entries.filter((e) => e.expect === "accept").length;
      // Sweeps write mostly valid statements; most mutants are broken, as they are meant to be.
      expect(accepted).toBeGreaterThan(entries.length * (("minAcceptedShare" in generated ? generated.minAcceptedShare : undefined) ?? 0.5));
      expect(accepted).toBeLessThan(entries.length);
    });
  else
    test("the corpus labels still match the reference parser", () => {
      // If this fails, the reference changed (new libpg-query/SQLite): regenerate the corpus.
      const mismatched = entries.filter((e) => oracle()(e.sql).ok !== (e.expect === "accept")).map((e) => e.id);
      expect(mismatched).toEqual([]);
    });

  test("accept/reject agreement does not fall below the ratchet", () => {
    const result = measureAgreement(entries, oracle(), ours(dialect));
    measured[corpus] = result.percent;
    const file = join(here, `disagreements.${corpus}.md`);
    if (update) writeFileSync(file, renderDisagreements(corpus, reference, result));
    console.log(`${corpus}: agreement ${result.percent.toFixed(2)} % (${result.agreed}/${result.total}); false rejects ${result.falseRejects}, false accepts ${result.falseAccepts}`);
    expect(result.total).toBe(entries.length);
    expect(result.percent).toBeGreaterThanOrEqual(ratchet[corpus] ?? 100);
  });
});

test("the agreement measure itself counts both kinds of disagreement", () => {
  const entries: CorpusEntry[] = [
    { id: "a", kind: "k", expect: "accept", sql: "good" },
    { id: "b", kind: "k", expect: "reject", sql: "bad" },
    { id: "c", kind: "k", expect: "accept", sql: "good too" },
  ];
  const reference = (sql: string): Verdict => ({ ok: sql.startsWith("good") });
  // Ours accepts "good" (agrees), accepts "bad" (false accept), rejects "good too" (false reject).
  const result = measureAgreement(entries, reference, (sql) => ({ ok: sql !== "good too", message: "nope" }));
  expect(result).toMatchObject({ total: 3, agreed: 1, falseRejects: 1, falseAccepts: 1, percent: 33.33 });
  expect(renderDisagreements("x", "ref", result)).toContain("FIXME: ref rejects this");
});
