/**
 * Tree snapshots: every fixture in `fixtures/<dialect>/*.sql` is parsed and its
 * tree (whitespace tokens omitted, comments kept), diagnostics and embedded SQL
 * trees are compared with the `.tree` file next to it.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { greenText, parse, printTree } from "../../src/index.js";
import { loadFixtures } from "../support/fixtures.js";

const fixtures = loadFixtures(join(import.meta.dirname, "fixtures"));

describe("tree snapshots", () => {
  it("has fixtures for every dialect", () => {
    expect(new Set(fixtures.map((f) => f.dialect))).toEqual(new Set(["postgres", "mysql", "sqlite"]));
  });

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const result = parse(fixture.text, { dialect: fixture.dialect });
      expect(result.root.text()).toBe(fixture.text);
      expect(greenText(result.root.green)).toBe(fixture.text);
      let out = printTree(result.root, { whitespace: false });
      out += "\n# diagnostics\n";
      for (const d of result.diagnostics) out += `${d.severity}[${d.code}] ${d.range.start}..${d.range.end}: ${d.message}\n`;
      for (const embedded of result.embedded) {
        out += `\n# embedded ${embedded.language} ${embedded.root.range.start}..${embedded.root.range.end}\n`;
        out += printTree(embedded.root, { whitespace: false });
      }
      await expect(out).toMatchFileSnapshot(fixture.path.replace(/\.sql$/, ".tree"));
    });
  }

  it("fixtures parse without errors (they are the valid-syntax corpus)", () => {
    const problems = fixtures.flatMap((f) =>
      parse(f.text, { dialect: f.dialect }).diagnostics.map((d) => `${f.name} ${d.range.start}: ${d.code} ${d.message}`),
    );
    expect(problems).toEqual([]);
  });
});
