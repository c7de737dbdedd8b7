/**
 * Keeps the dependency graph of DESIGN.md true in code: every import in a package's
 * `src/` must be a declared dependency, no package may depend on a package above it,
 * no analyzer imports another analyzer, and the isomorphic packages import no Node
 * built-in (they must run unchanged in a browser).
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const packagesDir = join(root, "packages");

/** Which @sextant packages each package may depend on (arrows point down only). */
const ALLOWED: Record<string, readonly string[]> = {
  "query-engine": [],
  "tiered-cache": [],
  "sql-analyzer": ["query-engine"],
  "cairom-analyzer": ["query-engine"],
  "ai-patterns": ["tiered-cache"],
  "lsp-adapter": ["query-engine", "sql-analyzer", "cairom-analyzer", "ai-patterns", "tiered-cache"],
  cli: ["query-engine", "sql-analyzer", "cairom-analyzer", "ai-patterns", "tiered-cache", "lsp-adapter"],
};

/** Packages whose whole `src/` must run in a browser. */
const ISOMORPHIC = new Set(["query-engine", "sql-analyzer", "cairom-analyzer"]);
/** Packages whose `src/` outside `src/node/` must run in a browser. */
const ISOMORPHIC_CORE = new Set(["tiered-cache", "ai-patterns", "lsp-adapter"]);

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function listSourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSourceFiles(path);
    return /\.(m|c)?tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

const packages = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, "package.json")));

describe("layering", () => {
  it("finds the packages", () => {
    expect(packages).toContain("query-engine");
  });

  it("knows every package", () => {
    for (const name of packages) expect(Object.keys(ALLOWED), `add ${name} to ALLOWED`).toContain(name);
  });

  it("parses the import forms it checks", () => {
    const sample = `import a from "x";\nimport { b } from '@s/y/z';\nexport * from "./w.js";\nimport "side";\nconst m = await import("dyn");`;
    expect(importsOf(sample)).toEqual(expect.arrayContaining(["x", "@s/y/z", "./w.js", "side", "dyn"]));
  });

  for (const name of packages) {
    describe(name, () => {
      const dir = join(packagesDir, name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const runtimeDeps = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
        ...Object.keys(manifest.optionalDependencies ?? {}),
      ]);
      const files = listSourceFiles(join(dir, "src"));

      it("declares only allowed @sextant dependencies", () => {
        const sextantDeps = [...runtimeDeps].filter((d) => d.startsWith("@sextant/")).map((d) => d.slice(9));
        for (const dep of sextantDeps) expect(ALLOWED[name], `${name} may not depend on @sextant/${dep}`).toContain(dep);
      });

      it("has TypeScript project references that mirror its @sextant dependencies", () => {
        // tsconfig.json is JSONC-free here by convention, so plain JSON.parse is enough.
        const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8"));
        const referenced = (tsconfig.references ?? []).map((r: { path: string }) => r.path.replace(/^\.\.\//, "")).sort();
        const declared = [...runtimeDeps].filter((d) => d.startsWith("@sextant/")).map((d) => d.slice(9)).sort();
        expect(referenced).toEqual(declared);
      });

      it("is referenced from the root tsconfig.json", () => {
        const rootConfig = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8"));
        expect(rootConfig.references.map((r: { path: string }) => r.path)).toContain(`packages/${name}`);
      });

      it("imports only declared dependencies and no forbidden package", () => {
        const problems: string[] = [];
        for (const file of files) {
          if (/\.test\.tsx?$/.test(file)) continue;
          const text = readFileSync(file, "utf8");
          for (const spec of importsOf(text)) {
            if (spec.startsWith(".") || nodeBuiltins.has(spec)) continue;
            const dep = packageName(spec);
            const where = relative(root, file);
            if (dep.startsWith("@sextant/") && !ALLOWED[name]?.includes(dep.slice(9))) {
              problems.push(`${where}: imports ${dep}, which ${name} may not use (see DESIGN.md)`);
            } else if (dep !== manifest.name && !runtimeDeps.has(dep)) {
              problems.push(`${where}: imports ${dep}, which is not in ${name}'s dependencies`);
            }
          }
        }
        expect(problems).toEqual([]);
      });

      if (ISOMORPHIC.has(name) || ISOMORPHIC_CORE.has(name)) {
        it("imports no Node built-in where it must run in a browser", () => {
          const problems: string[] = [];
          for (const file of files) {
            const rel = relative(join(dir, "src"), file);
            if (ISOMORPHIC_CORE.has(name) && rel.startsWith("node")) continue;
            if (/\.test\.tsx?$/.test(file)) continue;
            for (const spec of importsOf(readFileSync(file, "utf8"))) {
              if (nodeBuiltins.has(spec)) problems.push(`${relative(root, file)}: imports ${spec}`);
            }
          }
          expect(problems).toEqual([]);
        });
      }
    });
  }
});
