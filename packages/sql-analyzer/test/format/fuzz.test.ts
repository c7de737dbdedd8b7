// Fuzzing the formatter with seeded random, truncated and mutated input: it never
// throws, stays idempotent, and keeps every statement it cannot parse exactly as written.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import * as api from "../../src/index.js";
import { format, formatDocument } from "../../src/index.js";
// Plain ESM helpers shared with scripts/fuzz-format.mjs (the 1,000,000-input run).
import { CORPUS_DIALECTS, checkFormatter, fuzzInput, seeded } from "../../scripts/fuzz-inputs.mjs";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const INPUTS_PER_DIALECT = 1000;

describe.each(CORPUS_DIALECTS)("fuzzing the formatter (%s corpus)", (corpus, dialect) => {
  const samples = (JSON.parse(readFileSync(join(packageRoot, "corpus", `${corpus}.json`), "utf8")) as { statements: { sql: string }[] }).statements.map((s) => s.sql);

  test(`${INPUTS_PER_DIALECT} seeded inputs: no throw, idempotent, broken statements untouched`, () => {
    const next = seeded(0x5eed + corpus.length);
    const failures: string[] = [];
    let untouched = 0;
    for (let i = 0; i < INPUTS_PER_DIALECT; i++) {
      const input = fuzzInput(samples, next) as string;
      const result = checkFormatter(api, input, dialect) as { failure?: string; untouched: number };
      if (result.failure !== undefined) failures.push(result.failure);
      untouched += result.untouched;
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The fuzzer must actually produce broken statements, or the check above is empty.
    expect(untouched).toBeGreaterThan(INPUTS_PER_DIALECT / 4);
  });
});

test("deep nesting: 10,000 parentheses are left as written, 150 levels are formatted", () => {
  const deep = "select " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
  expect(format(deep)).toBe(deep);
  const nested = "select " + "(".repeat(150) + "1" + ")".repeat(150) + " from t";
  const out = formatDocument(nested);
  expect(out.statements[0]?.status).toBe("formatted");
  expect(format(out.text)).toBe(out.text);
});
