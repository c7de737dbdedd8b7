/**
 * `npm run docs` builds the API reference of every package with typedoc. Each package names
 * its entry point in its own `typedoc.json` (without one, typedoc's "packages" mode finds no
 * entry point in the `exports` map, which points at `dist/`, and the reference silently comes
 * out as the READMEs alone). This test converts the whole project without writing output and
 * fails on any typedoc warning: a missing entry point, a public signature that names a type the
 * package does not export, a doc link to something not documented.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const packagesDir = join(root, "packages");

describe("API reference (typedoc)", () => {
  it("every package with a src/index.ts names it as its typedoc entry point", () => {
    const packages = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, "src", "index.ts")));
    expect(packages.length).toBeGreaterThan(0);
    for (const name of packages) {
      const configPath = join(packagesDir, name, "typedoc.json");
      expect(existsSync(configPath), `${name}/typedoc.json`).toBe(true);
      const config = JSON.parse(readFileSync(configPath, "utf8")) as { entryPoints?: string[] };
      expect(config.entryPoints, name).toEqual(["src/index.ts"]);
    }
  });

  it("converts every package without a warning", () => {
    // The CLI script (typedoc's `exports` map does not expose its bin; npm workspaces hoist it).
    const typedoc = join(root, "node_modules", "typedoc", "bin", "typedoc");
    let output = "";
    let failed = false;
    try {
      output = execFileSync(process.execPath, [typedoc, "--emit", "none", "--treatWarningsAsErrors"], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      failed = true;
      const e = error as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    }
    expect(failed ? output : "", "typedoc reported problems").toBe("");
    // The conversion covered the packages (one "Converting project" line each).
    expect(output.match(/Converting project/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
  }, 180_000);
});
