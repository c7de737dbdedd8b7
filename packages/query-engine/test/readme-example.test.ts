/**
 * Runs the example of README.md (between the `example:start` and `example:end` markers)
 * against the engine source and checks every `// → …` comment against what the line
 * printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { build, transform } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "qe-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extractExample(): string {
  const match = /<!-- example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readme);
  if (!match) throw new Error("README.md has no example between <!-- example:start --> and <!-- example:end -->");
  return match[1]!;
}

describe("README example", () => {
  it("runs and prints what its comments say", async () => {
    const example = extractExample();
    const expected = example
      .split("\n")
      .map((line) => /\/\/ → (.*)$/.exec(line)?.[1])
      .filter((text): text is string => text !== undefined);
    expect(expected.length).toBeGreaterThanOrEqual(5);

    await build({
      entryPoints: [join(import.meta.dirname, "..", "src", "index.ts")],
      bundle: true,
      format: "esm",
      platform: "neutral",
      outfile: join(dir, "engine.mjs"),
      logLevel: "silent",
    });
    const engineUrl = pathToFileURL(join(dir, "engine.mjs")).href;
    const { code } = await transform(example.replace('"@sextant/query-engine"', JSON.stringify(engineUrl)), {
      loader: "ts",
      format: "esm",
    });
    writeFileSync(join(dir, "example.mjs"), code);

    const printed: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => printed.push(format(...args));
    try {
      await import(pathToFileURL(join(dir, "example.mjs")).href);
    } finally {
      console.log = original;
    }
    expect(printed).toEqual(expected);
  });
});
