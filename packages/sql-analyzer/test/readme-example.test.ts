/**
 * Runs the README's "Example" block (imports rewritten to the source) and
 * checks that every `console.log(…)` prints what the `// →` line under it says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import * as api from "../src/index.js";

const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");

for (const heading of ["## Example", "## Client scripts"]) it(`the README's ${heading.slice(3)} block runs and prints what the README says`, () => {
  const section = readme.slice(readme.indexOf(heading));
  const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
  const expected = [...code.matchAll(/^\s*\/\/ → (.*)$/gm)].map((m) => JSON.parse(m[1]!));
  expect(expected.length).toBeGreaterThanOrEqual(3);
  // Strip type-only syntax (none is used) and turn the import into a destructuring of the API.
  const body = code.replace(/^import \{([^}]*)\} from "@sextant\/sql-analyzer";$/m, "const {$1} = api;");
  const printed: unknown[] = [];
  const run = new Function("api", "console", body) as (a: typeof api, c: { log: (v: unknown) => void }) => void;
  run(api, { log: (v) => printed.push(v) });
  expect(printed).toEqual(expected);
});
