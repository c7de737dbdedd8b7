import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createServiceCore } from "../../src/service.js";
import { lineOf, loadDirectory } from "../support/load-fs.js";

// The shared example programs (copied from ../shared/cairo-m/examples): valid ones must
// check clean; each error file names its diagnostics with `//~ severity[code]` markers.
const fs = loadDirectory(join(import.meta.dirname, "examples"), "/ex");
const service = createServiceCore({ fs });
const cmFiles = fs.paths().filter((p) => p.endsWith(".cm"));

function expectedMarkers(text: string): string[] {
  const out = new Set<string>();
  text.split("\n").forEach((line, i) => {
    if (i < 3 || !line.includes("//~")) return;
    for (const m of line.matchAll(/\/\/~ (error|warning)\[([a-z-]+)\]/g)) out.add(`${i + 1}:${m[1]}[${m[2]}]`);
  });
  return [...out].sort();
}

function actual(path: string): string[] {
  const text = fs.readFile(path)!;
  const keys = service.getDiagnostics(path).map((d) => `${lineOf(text, d.range.start)}:${d.severity}[${d.code}]`);
  return [...new Set(keys)].sort();
}

describe("shared examples corpus", () => {
  for (const path of cmFiles.filter((p) => p.includes("/valid/"))) {
    it(`${path} checks clean`, () => {
      expect(service.getDiagnostics(path)).toEqual([]);
    });
  }
  for (const path of cmFiles.filter((p) => p.includes("/errors/"))) {
    it(`${path} gives exactly its marked diagnostics`, () => {
      expect(actual(path)).toEqual(expectedMarkers(fs.readFile(path)!));
    });
  }
  it("e11 reports the nested array twice (annotation and literal); e10 the unknown literal field once", () => {
    const e11 = service.getDiagnostics("/ex/errors/e11_arrays.cm").filter((d) => d.code === "nested-array");
    expect(e11).toHaveLength(2);
    const e10 = service.getDiagnostics("/ex/errors/e10_structs_tuples.cm").filter((d) => d.code === "unknown-field");
    expect(e10).toHaveLength(2); // one in the literal (line 20), one in the access (line 24)
  });
  it("rendered diagnostics of the whole corpus match the reviewed snapshot", async () => {
    const lines: string[] = [];
    for (const path of cmFiles) {
      const text = fs.readFile(path)!;
      for (const d of service.getDiagnostics(path)) {
        const line = lineOf(text, d.range.start);
        const col = d.range.start - (text.lastIndexOf("\n", d.range.start - 1) + 1) + 1;
        const fixes = (d.fixes ?? []).map((f) => ` [fix: ${f.title}]`).join("");
        lines.push(`${path.slice(4)}:${line}:${col} ${d.severity}[${d.code}] ${d.message}${fixes}`);
      }
    }
    await expect(lines.join("\n") + "\n").toMatchFileSnapshot("examples.diagnostics.txt");
  });

  it("the project manifests are valid", () => {
    expect(service.getDiagnostics("/ex/valid/16_project_bank/cairom.toml")).toEqual([]);
    expect(service.getProject("/ex/valid/16_project_bank/src/util/checks.cm").modules.map((m) => m.name)).toEqual([
      "ledger",
      "main",
      "util::checks",
    ]);
  });
});
