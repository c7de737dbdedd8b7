/**
 * Routine bodies written in quotes (`AS '…'`, older scripts' habit), where every quote of the
 * body's code is written twice. The body is read in place, its `''` as the `'` it stands for:
 * the same diagnostics as the dollar-quoted body, with ranges into the host text, and the
 * same verdicts as PostgreSQL (libpg-query's raw parser and PL/pgSQL compiler). Also: string
 * constants continued on the next line, as PostgreSQL's lexer joins them.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, type ParseResult } from "../../src/index.js";
import { described, requoted } from "../support/quoted-bodies.js";
import { createPostgresServerOracle } from "../../scripts/oracles.mjs";
import { createRandom } from "../../fuzz/generators.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
type Oracle = (sql: string) => { ok: boolean; message?: string };
let oracle: Oracle;
beforeAll(async () => {
  oracle = await createPostgresServerOracle();
});

const hasError = (result: ParseResult): boolean => result.diagnostics.some((d) => d.severity === "error");

/** The corpus's routines and DO blocks with a dollar-quoted body. */
function corpusRoutines(): string[] {
  const out: string[] = [];
  for (const file of ["corpus/postgres.json", "corpus/postgres.holdout.json"]) {
    const { statements } = JSON.parse(readFileSync(join(root, file), "utf8")) as { statements: { sql: string }[] };
    for (const { sql } of statements) if (/^\s*(create\b[^$]*\b(function|procedure)|do)\b/i.test(sql) && sql.includes("$")) out.push(sql);
  }
  return out;
}

describe("a '…' routine body with doubled quotes", () => {
  it("is read as the dollar-quoted body is: every corpus routine and DO block, written in quotes", () => {
    let compared = 0;
    let embeddedCompared = 0;
    for (const sql of corpusRoutines()) {
      const quoted = requoted(sql);
      if (quoted === undefined) continue;
      compared++;
      const dollar = parse(sql);
      const inQuotes = parse(quoted);
      expect(inQuotes.root.text()).toBe(quoted);
      expect(described(inQuotes, false), quoted).toEqual(described(dollar, true));
      // The same fragments, each a lossless tree over its range of the host text.
      expect(inQuotes.embedded.length, quoted).toBe(dollar.embedded.length);
      for (let i = 0; i < inQuotes.embedded.length; i++) {
        const fragment = inQuotes.embedded[i]!.root;
        expect(fragment.text()).toBe(quoted.slice(fragment.offset, fragment.offset + fragment.text().length));
        expect(fragment.text().replaceAll("''", "'")).toBe(dollar.embedded[i]!.root.text());
        embeddedCompared++;
      }
      // We agree with PostgreSQL on the quoted form exactly when we do on the dollar-quoted one
      // (the corpus's invalid statements are invalid in both forms).
      expect(oracle(quoted).ok === !hasError(inQuotes), quoted).toBe(oracle(sql).ok === !hasError(dollar));
    }
    expect(compared).toBeGreaterThan(150);
    expect(embeddedCompared).toBeGreaterThan(180);
  });

  it("takes strings, escapes, quoted names and dollar strings inside, with host ranges", () => {
    const sql = [
      "CREATE FUNCTION f(a int) RETURNS text LANGUAGE plpgsql AS '",
      "DECLARE \"it''s\" text := ''x'';",
      "BEGIN",
      "  RAISE NOTICE ''% and a quote: '''' %'', a, \"it''s\";",
      "  PERFORM $q$ it''s $q$, E''a\\''b'', U&''d\\0061t\\+000061'';",
      "  IF a > 1 THEN RETURN ''big''; END IF;",
      "  y := 1;",
      "  RETURN a;",
      "END';",
    ].join("\n");
    const result = parse(sql);
    expect(result.root.text()).toBe(sql);
    // The one error is PostgreSQL's too: `y` is no variable.
    expect(described(result, false)).toEqual(['unknown-variable "y" is not a declared variable @ y']);
    const pieces = result.embedded.map((e) => e.root.text());
    expect(pieces).toContain("''x''");
    expect(pieces).toContain("$q$ it''s $q$, E''a\\''b'', U&''d\\0061t\\+000061''");
    expect(pieces).toContain("''big''");
    expect(oracle(sql).ok).toBe(false);
    expect(oracle(sql.replace("  y := 1;\n", ""))).toEqual({ ok: true });
    expect(hasError(parse(sql.replace("  y := 1;\n", "")))).toBe(false);
  });

  it("reports errors inside the body where they are in the host text", () => {
    const sql = "CREATE FUNCTION g() RETURNS int AS 'select ''a'' || ''b''; select 1 +' LANGUAGE sql;";
    const result = parse(sql);
    expect(result.diagnostics.map((d) => [d.code, sql.slice(d.range.start, d.range.end)])).toEqual([["expected-token", "+"]]);
    const raise = "DO 'BEGIN RAISE NOTICE ''one % and '''' that is all'', 1, 2; END';";
    expect(described(parse(raise), false)).toEqual([
      "unexpected-token too many parameters for RAISE: the format has 1 %, 2 given @ 'one % and '' that is all'",
    ]);
    expect(oracle(raise).ok).toBe(false);
    const state = "DO 'BEGIN RAISE SQLSTATE ''2201'';  END';";
    expect(hasError(parse(state))).toBe(true);
    expect(oracle(state).ok).toBe(false);
    expect(hasError(parse(state.replace("2201", "22012")))).toBe(false);
    expect(oracle(state.replace("2201", "22012")).ok).toBe(true);
  });

  it("DO takes a quoted body too", () => {
    const sql = "DO 'BEGIN RAISE NOTICE ''hi''; x := 1; END';";
    expect(described(parse(sql), false)).toEqual(['unknown-variable "x" is not a declared variable @ x']);
    expect(oracle(sql).ok).toBe(false);
    expect(parse("DO 'BEGIN NULL; END' LANGUAGE plpgsql;").embedded.length).toBe(0);
    expect(parse("DO 'BEGIN RETURN; END' LANGUAGE plpgsql;").diagnostics).toEqual([]);
  });

  it("never throws and stays lossless on truncated and mutated quoted bodies", () => {
    const next = createRandom(20261125);
    const random = { int: (n: number): number => Math.floor(next() * n) };
    const seeds = corpusRoutines()
      .map(requoted)
      .filter((s): s is string => s !== undefined);
    for (let i = 0; i < 3000; i++) {
      const base = seeds[random.int(seeds.length)]!;
      let text = base.slice(0, random.int(base.length + 1));
      // Drop or add quotes, the characters this mode reads differently.
      if (random.int(2) === 0) {
        const at = random.int(text.length + 1);
        text = random.int(2) === 0 ? `${text.slice(0, at)}'${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
      }
      const result = parse(text);
      expect(result.root.text()).toBe(text);
      for (const e of result.embedded) expect(e.root.text()).toBe(text.slice(e.root.offset, e.root.offset + e.root.text().length));
      for (const d of result.diagnostics) expect(d.range.end).toBeLessThanOrEqual(text.length);
    }
  });
});

describe("string constants continued on the next line", () => {
  // PostgreSQL's lexer joins a quoted constant and a `'…'` after blanks with a line break; a
  // comment between them, a dollar-quoted one on either side or a prefix on the second does not.
  const cases: readonly [string, boolean][] = [
    ["select 'a'\n'b'", true],
    ["select e'a'\n'b'", true],
    ["select b'1'\n  \n '0'", true],
    ["select 'a'\ne'b'", false],
    ["select $$a$$\n'b'", false],
    ["select 'a'\n$$b$$", false],
    ["select 'a'\n-- c\n'b'", false],
    ["select 'a' 'b'", false],
    ["create function f() returns int as 'select 1'\n'+ 1' language sql", true],
    ["do language 'plpgsql'\n'begin end'", false],
    ["do 'begin end'\n'' language plpgsql", true],
  ];
  it.each(cases)("%j: accepted %s, as libpg-query has it", (sql, accepted) => {
    expect(oracle(sql).ok).toBe(accepted);
    expect(!hasError(parse(sql))).toBe(accepted);
  });
});
