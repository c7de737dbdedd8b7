// The README's formatter example is run here, so the documentation cannot drift:
// every `format(…);` line followed by `// → "…"` in the "## Formatter" section is checked.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { format } from "../../src/index.js";

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../README.md"), "utf8");

test("the README formatter examples print what the README says", () => {
  const section = readme.slice(readme.indexOf("## Formatter"));
  const examples = [...section.matchAll(/^(format\(.*\));\n\/\/ → (".*")$/gm)];
  expect(examples.length).toBeGreaterThanOrEqual(2);
  for (const [, call, expected] of examples) {
    const run = new Function("format", `return ${call};`) as (f: typeof format) => string;
    expect(run(format)).toBe(JSON.parse(expected!));
  }
});
