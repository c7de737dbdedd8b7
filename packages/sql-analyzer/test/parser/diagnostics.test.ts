/**
 * Inline-expectation fixtures for parse diagnostics: every `diagnostics/<dialect>/*.sql`
 * carries its expected diagnostics as `--   ^^^ error[code]: message` lines.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../support/check.js";
import { loadFixtures } from "../support/fixtures.js";

const fixtures = loadFixtures(join(import.meta.dirname, "diagnostics"));

describe("parse diagnostics (inline expectations)", () => {
  it("finds fixtures", () => {
    expect(fixtures.length).toBeGreaterThan(8);
  });
  for (const fixture of fixtures) it(fixture.name, () => check(fixture.text, fixture.dialect));
});

describe("check() itself", () => {
  it("fails when an expectation is missing", () => {
    expect(() => check("SELECT (1;\n")).toThrow();
  });
  it("fails when an expectation is wrong", () => {
    expect(() => check("SELECT (1;\n--       ^ error[expected-token]: nope\n")).toThrow();
  });
  it("accepts an exact expectation, including one at column 0", () => {
    check("SELECT (1;\n--       ^ error[expected-token]: expected ')', found ';'\n");
    check(")\n^ error[unmatched-paren]: unmatched ')'");
  });
});
