/**
 * The README's scanner example is test/scanner/readme-example.ts verbatim, and it runs
 * and prints what the README shows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const packageDir = join(import.meta.dirname, "..", "..");
const readme = () => readFileSync(join(packageDir, "README.md"), "utf8");

describe("README scanner example", () => {
  it("is the tested file, verbatim", () => {
    const example = readFileSync(join(import.meta.dirname, "readme-example.ts"), "utf8");
    expect(readme()).toContain("```ts\n" + example + "```");
  });

  it("runs and prints what the README shows", async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    try {
      await import("./readme-example.js");
    } finally {
      log.mockRestore();
    }
    expect(lines).toEqual([
      "3: info[sensitive-literal] This SQL literal looks like an e-mail address; keep secrets and personal data out of source code and bind them as parameters.",
      "4: error[sql-injection] SQL injection: untrusted input `req.params.id` is concatenated into the SQL passed to `db.query`; pass it as a bound parameter.",
      "concatenation: SELECT * FROM users WHERE id = ? AND email <> 'ops@example.com'",
      '"AND" is on line 3',
    ]);
    for (const line of lines) expect(readme()).toContain(line);
  });
});
