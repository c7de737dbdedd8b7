/**
 * Runs the README example (between the example markers) against the source and checks
 * every `// → …` comment against what the line before it printed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";

describe("README example", () => {
  it("runs and prints what its comments say", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    const match = /<!-- example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readme);
    expect(match).not.toBeNull();
    const code = match![1]!;
    const expected = code.split("\n").flatMap((l) => /\/\/ → (.*)$/.exec(l)?.[1] ?? []);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const body = code.replace(/^import \{([^}]*)\} from "@sextant\/cairom-analyzer";$/m, "const {$1} = lib;");
    const printed: string[] = [];
    const fakeConsole = { log: (...args: unknown[]) => printed.push(args.map(String).join(" ")) };
    new Function("lib", "console", body)(lib, fakeConsole);
    expect(printed).toEqual(expected);
  });
});
