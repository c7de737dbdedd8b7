import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Runs the quickstart exactly as the first README command does (node on the built package).
describe("quickstart example", () => {
  const output = execFileSync(process.execPath, [join(import.meta.dirname, "..", "index.js")], { encoding: "utf8" });

  it("computes the project on the cold check", () => {
    expect(output).toContain("== cold check");
    expect(output).toMatch(/project words: 22; diagnostics: helper\.txt:\d+ todo/);
  });

  it("re-runs nothing when nothing changed", () => {
    expect(output).toMatch(/== no change[^\n]*\n[^\n]*\nwork done: nothing re-ran/);
  });

  it("stops at the backdated word count after an edit that keeps it", () => {
    const section = output.split("== edit main.txt")[1]!.split("==")[0]!;
    expect(section).toContain("will-execute fileWords(main.txt)");
    expect(section).toContain("did-backdate fileWords(main.txt)");
    expect(section).not.toContain("will-execute projectWords");
  });

  it("drops the diagnostic once the TODO is gone", () => {
    const section = output.split("== edit helper.txt")[1]!;
    expect(section).toContain("diagnostics: none");
    expect(section).toContain("will-execute projectWords");
  });
});
