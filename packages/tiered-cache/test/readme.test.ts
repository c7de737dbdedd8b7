import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { redisUrl } from "./support/redis.js";

// Runs the README's example exactly as printed, against the built package (npm test builds first).
const packageDir = join(import.meta.dirname, "..");
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const example = /## Example\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";

function run(env: Record<string, string>): string[] {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", example], {
    cwd: packageDir, encoding: "utf8", env: { ...process.env, ...env }, timeout: 30_000,
  });
  return out.trim().split("\n");
}

describe("README example", () => {
  it("is found", () => expect(example).toContain("createNodeCache"));

  it("runs with L1 + disk and prints what its comments say", () => {
    expect(run({ REDIS_URL: "" })).toEqual([
      "users,orders 1",
      "2",
      'sextant_cache_hits_total{tier="l1",namespace="schema"} 1',
    ]);
  });

  it.skipIf(!redisUrl)("runs with Redis, the bus and the lock too", () => {
    expect(run({ REDIS_URL: redisUrl })).toEqual([
      "users,orders 1",
      "2",
      'sextant_cache_hits_total{tier="l1",namespace="schema"} 1',
    ]);
  });
});
