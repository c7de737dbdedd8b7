// The formatter judged by the real engines. PostgreSQL's own parser (libpg-query): every valid
// statement of the PostgreSQL corpus and its hold-out, formatted with two quite different
// option sets, must parse to the same tree as the original — the same statement as PostgreSQL
// sees it, positions aside. SQLite (better-sqlite3): every valid query and DML statement of
// its corpora that prepares against the oracle schema must compile to the same bytecode
// program once formatted (DDL is left out: its program stores the statement's text). Our own
// checks (same tokens, same tree shape) use our parser; these do not.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { loadModule, parseSync } from "libpg-query";
import { format, type FormatOptions } from "../../src/index.js";
import { createSqliteCompiler, createSqliteOracle } from "../../scripts/oracles.mjs";
import { sqliteKeywordStatements } from "../../scripts/corpus/sqlite-keywords.mjs";
import { postgresFormStatements, sqliteFormStatements } from "../../scripts/corpus/expression-forms.mjs";
import { keywordStatements } from "../../scripts/corpus/postgres-keywords.mjs";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const statements = ["postgres", "postgres.holdout"].flatMap((corpus) =>
  (JSON.parse(readFileSync(join(packageRoot, "corpus", `${corpus}.json`), "utf8")) as { statements: { id: string; expect: string; sql: string }[] }).statements.filter(
    (s) => s.expect === "accept",
  ),
);

/** The parse tree as JSON without positions (offsets, lengths and the list bounds derived from them). */
function treeOf(sql: string): string {
  return JSON.stringify(parseSync(sql), (key, value) => (/location$|^stmt_len$|list_start$|list_end$/.test(key) ? undefined : value));
}

/** What is wrong with `formatted` as PostgreSQL reads it against the original `sql`, if anything. */
function treeProblem(id: string, sql: string, formatted: string): string | undefined {
  let after: string;
  try {
    after = treeOf(formatted);
  } catch (error) {
    return `${id}: PostgreSQL rejects the formatted text (${String(error)}): ${JSON.stringify(formatted)}`;
  }
  return after !== treeOf(sql) ? `${id}: another tree after formatting: ${JSON.stringify(formatted)}` : undefined;
}

const OPTION_SETS: [string, FormatOptions][] = [
  ["upper-case keywords", { keywordCase: "upper" }],
  ["lower-case keywords, 4-space indent, 40 columns, leading commas", { keywordCase: "lower", indent: 4, lineWidth: 40, commaPosition: "leading" }],
];

describe("formatted PostgreSQL parses to the same tree in PostgreSQL's parser", () => {
  beforeAll(async () => {
    await loadModule();
  });

  test("the corpus has its valid statements", () => {
    expect(statements.length).toBeGreaterThan(9000);
  });

  for (const [label, options] of OPTION_SETS) {
    test(label, () => {
      const changed: string[] = [];
      let reformatted = 0;
      for (const s of statements) {
        const formatted = format(s.sql, { dialect: "postgres", ...options });
        if (formatted.trim() !== s.sql.trim()) reformatted++;
        const problem = treeProblem(s.id, s.sql, formatted);
        if (problem !== undefined) changed.push(problem);
        if (changed.length >= 10) break;
      }
      expect(changed).toEqual([]);
      // The check means something only if the formatter actually rewrote most statements.
      expect(reformatted).toBeGreaterThan(statements.length / 2);
    });
  }
});

describe("formatted keywords, types and expressions of the sweeps keep PostgreSQL's tree", () => {
  beforeAll(async () => {
    await loadModule();
  });

  test("every statement of the keyword, type and expression sweeps that PostgreSQL takes, formatted both ways", () => {
    const accepted = [...keywordStatements(), ...postgresFormStatements()].filter((s) => {
      try {
        parseSync(s.sql);
        return true;
      } catch {
        return false;
      }
    });
    expect(accepted.length).toBeGreaterThan(10000);
    const changed: string[] = [];
    for (const s of accepted) {
      for (const [, options] of OPTION_SETS) {
        const formatted = format(s.sql, { dialect: "postgres", ...options });
        const problem = treeProblem(s.id, s.sql, formatted);
        if (problem !== undefined) changed.push(problem);
        if (format(formatted, { dialect: "postgres", ...options }) !== formatted) changed.push(`${s.id}: not a fixed point: ${JSON.stringify(formatted)}`);
      }
      if (changed.length >= 10) break;
    }
    expect(changed).toEqual([]);
  });
});

describe("formatted SQLite keywords and expressions of the sweeps stay valid SQLite", () => {
  test("every statement of the SQLite keyword and expression sweeps that SQLite takes, formatted, is taken too and is a fixed point", () => {
    const syntax = createSqliteOracle();
    const accepted = [...sqliteKeywordStatements(), ...sqliteFormStatements()].filter((s) => syntax(s.sql).ok);
    expect(accepted.length).toBeGreaterThan(2500);
    const changed: string[] = [];
    for (const s of accepted) {
      const formatted = format(s.sql, { dialect: "sqlite", keywordCase: "upper" });
      if (!syntax(formatted).ok) changed.push(`${s.id}: SQLite rejects the formatted text: ${JSON.stringify(formatted)}`);
      if (format(formatted, { dialect: "sqlite", keywordCase: "upper" }) !== formatted) changed.push(`${s.id}: not a fixed point: ${JSON.stringify(formatted)}`);
      if (changed.length >= 10) break;
    }
    syntax.close();
    expect(changed).toEqual([]);
  });
});

describe("formatted SQLite compiles to the same program in SQLite", () => {
  test("queries and DML of the SQLite corpora, formatted, give the same EXPLAIN program", () => {
    const program = createSqliteCompiler();
    const entries = ["sqlite", "sqlite.holdout"].flatMap((corpus) =>
      (JSON.parse(readFileSync(join(packageRoot, "corpus", `${corpus}.json`), "utf8")) as { statements: { id: string; expect: string; sql: string }[] }).statements.filter(
        (s) => s.expect === "accept",
      ),
    );
    const changed: string[] = [];
    let compared = 0;
    for (const s of entries) {
      if (!/^(select|with|insert|update|delete|replace|values)\b/i.test(s.sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, ""))) continue;
      let before: string;
      try {
        before = program(s.sql);
      } catch {
        continue; // names the oracle schema does not have
      }
      const formatted = format(s.sql, { dialect: "sqlite", keywordCase: "lower", indent: 4, lineWidth: 40 });
      compared++;
      try {
        if (program(formatted) !== before) changed.push(`${s.id}: another program after formatting: ${JSON.stringify(formatted)}`);
      } catch (error) {
        changed.push(`${s.id}: SQLite rejects the formatted text (${String(error)}): ${JSON.stringify(formatted)}`);
      }
      if (changed.length >= 10) break;
    }
    program.close();
    expect(changed).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });
});
