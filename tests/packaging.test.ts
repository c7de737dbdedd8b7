/**
 * Checks every package as it would be published: `publint` for the manifest and
 * `@arethetypeswrong/cli` for the types each export condition resolves to.
 * `npm test` builds first, so a missing `dist/` is a failure here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const packagesDir = join(root, "packages");
const packages = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, "package.json")));

describe("packaging", () => {
  for (const name of packages) {
    const dir = join(packagesDir, name);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (manifest.private) continue;

    it(`${name} is built`, () => {
      expect(existsSync(join(dir, "dist")), `${name}/dist is missing: run npm run build`).toBe(true);
    });

    it(`${name} passes publint`, async () => {
      const { messages } = await publint({ pkgDir: dir, level: "warning", strict: true });
      expect(messages.map((m) => `${m.code} ${JSON.stringify(m.args)} at ${m.path.join(".")}`)).toEqual([]);
    });

    it(`${name} has correct types for every entry (attw)`, () => {
      const bin = join(root, "node_modules", ".bin", "attw");
      let output: string;
      try {
        output = execFileSync(bin, ["--pack", dir, "--profile", "esm-only", "--format", "json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      } catch (error) {
        output = (error as { stdout?: string }).stdout ?? String(error);
      }
      const report = JSON.parse(output.slice(output.indexOf("{")));
      const problems = (report.analysis?.problems ?? []).filter(
        // esm-only: resolution under node10/node16-cjs is out of scope by design.
        (p: { resolutionKind?: string }) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs",
      );
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
