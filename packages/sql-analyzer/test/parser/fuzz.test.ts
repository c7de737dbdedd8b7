/**
 * Fuzzing in the test run: 100,000 seeded inputs (random characters, token soup,
 * truncated and mutated fixture statements) in all three dialects. For each:
 * no throw, bounded time, lossless tree, well-formed diagnostics, consistent
 * widths; every 25th also checks incremental reparse against a fresh parse, and
 * every 25th (another one) that each segment parses alone as it does in the text.
 * `npm run fuzz -w @sextant/sql-analyzer` runs the same checks on millions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { corpusFrom, createRandom, nthInput } from "../../fuzz/generators.mjs";
import { checkInvariants } from "../../fuzz/invariants.mjs";
import { loadFixtures } from "../support/fixtures.js";

const corpus = corpusFrom(loadFixtures(join(import.meta.dirname, "fixtures")).map((f) => f.text));
const SEEDS = [1, 2, 3, 4];
const PER_SEED = 25_000;

describe("fuzz", () => {
  it("has a corpus to mutate", () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${PER_SEED} inputs keep every invariant`, () => {
      const rng = createRandom(seed);
      const failures: string[] = [];
      let previousText = "";
      for (let i = 0; i < PER_SEED && failures.length < 5; i++) {
        const { text, dialect } = nthInput(rng, corpus);
        const problems = checkInvariants(api, text, dialect, i % 25 === 0 ? { previousText } : i % 25 === 1 ? { segments: true } : {});
        if (problems.length > 0) failures.push(`${JSON.stringify(text)} (${dialect}): ${problems.join("; ")}`);
        previousText = text;
      }
      expect(failures).toEqual([]);
    });
  }

  it("regressions found by long fuzz runs keep every invariant", () => {
    // #591945 of `fuzz/run.mjs --seed 11`: a `;` inside type arguments looped forever.
    const inputs: [string, api.Dialect][] = [
      ["CREATE TABLE t (z AS (;x * 2) STORED, UNIQUE (name) ONC ONFLICT REPLACE) WITHOUT ROWID, STRICT;", "postgres"],
      ["CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (START ;", "postgres"],
      ["SELECT * FROM t USE INDEX (a ;", "mysql"],
      // #214554 of `fuzz/run.mjs --seed 21`: a comment after a client command in a DELIMITER
      // region was placed before the command (trivia placed by the statement's limited range).
      ["interval set \\G set pragma ( limit 1 --c\n copy t from stdin;\n delimiter //\n table \\connect db\n attach /* c */ rows \n.mode csv\n delimiter ;\n window", "mysql"],
      ["\\echo a\nSELECT 1 /* x */ \\g\n/* y */ SELECT 2", "postgres"],
      // Seed 68 (session 10): an ALTER TABLE word that looks like a MySQL option (`OPTIONS =`) but no action takes looped forever.
      ["ALTER FOREIGN TABLE Bf OPTIONS= (ADD schema_name' remote', DROP table_name);", "mysql"],
    ];
    for (const [text, dialect] of inputs) expect(checkInvariants(api, text, dialect)).toEqual([]);
  });

  it("a ';' inserted at every token boundary of every fixture statement is survived", () => {
    // A `;` inside a statement ends its segment: every grammar loop must stop there.
    const failures: string[] = [];
    for (const statement of corpus) {
      for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
        const stream = api.tokenize(statement, dialect);
        for (let i = 1; i < stream.count; i++) {
          const at = stream.starts[i]!;
          const text = statement.slice(0, at) + ";" + statement.slice(at);
          const problems = checkInvariants(api, text, dialect, { maxMillis: 500 });
          if (problems.length > 0) failures.push(`${JSON.stringify(text)}: ${problems.join("; ")}`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it("the generators are deterministic for a seed", () => {
    const a = createRandom(7);
    const b = createRandom(7);
    for (let i = 0; i < 50; i++) expect(nthInput(a, corpus)).toEqual(nthInput(b, corpus));
  });

  it("the invariant checker catches a lossy parse (it can fail)", () => {
    const broken = { ...api, parse: (text: string) => api.parse(text.slice(1)) };
    expect(checkInvariants(broken, "select 1", "postgres").length).toBeGreaterThan(0);
    expect(readFileSync(join(import.meta.dirname, "../../fuzz/run.mjs"), "utf8")).toContain("checkInvariants");
  });
});
