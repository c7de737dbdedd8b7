import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCairoMService, explainRule, InMemoryFileSystem, RULE_DOCS } from "../src/index.js";

describe("rule documentation", () => {
  it("documents every code that the README lists, with the fixed headings", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Diagnostic codes"), readme.indexOf("## API"));
    const listed = [...section.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]!).filter((c) => c !== "cairom-toml");
    expect(listed.length).toBeGreaterThan(50);
    for (const code of listed) expect(RULE_DOCS.has(code), code).toBe(true);
    expect(explainRule("missing-return")).toContain("## What it does");
    expect(explainRule("missing-return")).toContain("## Fix safety\nAdd `return;`");
    expect(explainRule("no-such-code")).toBeUndefined();
  });

  it("each documented example of a code triggers that code (when it is a complete program fragment)", () => {
    // Wrap statement examples into a function body; item examples stand alone.
    let checked = 0;
    const failures: string[] = [];
    for (const doc of RULE_DOCS.values()) {
      // Codes that need a multi-module project are covered by the fixture tests.
      if (doc.category === "project" || doc.code === "import-cycle" || doc.code === "unresolved-import" || doc.example === "") continue;
      const isItem = /^(fn|struct|const|use) /.test(doc.example) && !doc.example.includes("\nLIMIT");
      const prelude =
        "struct Point { x: felt, y: felt }\nconst TABLE: [u32; 3] = [1, 2, 3];\nfn total(v: [u32; 3]) -> u32 { return v[0]; }\nfn area(w: u32, h: u32) -> u32 { return w * h; }\nfn open() { return; }\n";
      const body = isItem
        ? doc.example
        : `fn sample(x: felt, pair: (felt, u32), p: Point, i_u32: u32, count_u32: u32, data: [felt; 3]) {\n${doc.example}\nreturn;\n}`;
      const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": prelude + body + "\n" }) });
      const codes = s.getDiagnostics("/m.cm").map((d) => d.code);
      if (!codes.includes(doc.code)) failures.push(`${doc.code}: got ${codes.join(",")} for\n${body}`);
      checked++;
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(45);
  });
});
