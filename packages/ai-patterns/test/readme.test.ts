/**
 * The README's example is test/fixtures/readme-example.ts verbatim, and it runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const packageDir = join(import.meta.dirname, "..");

describe("README example", () => {
  it("is the tested fixture, verbatim", () => {
    const readme = readFileSync(join(packageDir, "README.md"), "utf8");
    const example = readFileSync(join(packageDir, "test", "fixtures", "readme-example.ts"), "utf8");
    expect(readme).toContain("```ts\n" + example + "```");
  });

  it("runs and prints what the README says", async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    await import("./fixtures/readme-example.js");
    log.mockRestore();
    expect(lines[0]).toMatch(/^injection 1\.000 tautology "1' OR '1'='1' -- "$/);
    expect(lines[2]).toMatch(/^benign 0\.0\d\d - "O'Brien"$/);
    expect(lines[4]).toMatch(/^benign 0\.0\d\d - "SELECT id FROM users WHERE email = \$1"$/);
    const readme = readFileSync(join(packageDir, "README.md"), "utf8");
    for (const line of lines) expect(readme).toContain(line);
  });
});
