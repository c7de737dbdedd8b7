import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/parser.js";
import { printTree } from "../../src/syntax/tree-printer.js";

const dir = join(import.meta.dirname, "fixtures");

describe("parser tree snapshots (fixtures/*.cm -> fixtures/*.rast)", () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".cm"))) {
    it(name, async () => {
      const text = readFileSync(join(dir, name), "utf8");
      const r = parse(text);
      const diags = r.diagnostics.map((d) => `${d.severity}[${d.code}]@${d.range.start}..${d.range.end}: ${d.message}`);
      const out = printTree(r.root, r.tokens, text) + "\n--- diagnostics\n" + diags.join("\n") + "\n";
      await expect(out).toMatchFileSnapshot(join(dir, name.replace(/\.cm$/, ".rast")));
    });
  }
});
