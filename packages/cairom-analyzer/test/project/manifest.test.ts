import { describe, expect, it } from "vitest";
import { createCairoMService, InMemoryFileSystem, validateManifest } from "../../src/index.js";

describe("cairom.toml validation", () => {
  it("accepts a valid manifest and defaults the version", () => {
    const r = validateManifest('name = "bank"\nentry_point = "main.cm" # comment\n[dependencies]\nx = 1\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.manifest).toEqual({ name: "bank", version: "0.1.0", entryPoint: "main.cm" });
  });

  it("gives one clear error per field, located at the value", () => {
    const text = 'name = 3\nversion = true\nentry_point = "main.txt"\n';
    const r = validateManifest(text);
    expect(r.manifest).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.message, text.slice(d.range.start, d.range.end)])).toEqual([
      ["invalid-manifest", 'cairom.toml: field `name` must be a string, e.g. `name = "my_project"`', "3"],
      ["invalid-manifest", 'cairom.toml: field `version` must be a string, e.g. `version = "0.1.0"`', "true"],
      ["invalid-manifest", 'cairom.toml: field `entry_point` must name a `.cm` file, e.g. `entry_point = "main.cm"`', '"main.txt"'],
    ]);
  });

  it("reports missing required fields and TOML syntax errors", () => {
    // `name` is written, with a value that cannot be read: that is its one error (it is
    // not also "missing"); `entry_point` is not written at all.
    const r = validateManifest('version = "1"\nthis is not toml\nname = "unterminated\n');
    expect(r.manifest).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "cairom.toml: expected `key = value`",
      "cairom.toml: unterminated or malformed string",
      'cairom.toml: missing required field `entry_point` (a string, e.g. `entry_point = "main.cm"`)',
    ]);
  });

  it("reports arrays nested too deep and quotes long values shortened, instead of overflowing", () => {
    const deep = `name = "p"\nentry_point = "main.cm"\narr = ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`;
    expect(validateManifest(deep).diagnostics.map((d) => d.message)).toEqual(["cairom.toml: arrays nested more than 32 deep are not supported"]);
    expect(validateManifest(`name = "p"\nentry_point = "main.cm"\narr = [[[1]]]\n`).diagnostics).toEqual([]);
    const long = validateManifest(`name = "p"\nentry_point = "main.cm"\nx = ${"z".repeat(1000)}\n`);
    expect(long.diagnostics.map((d) => d.message)).toEqual([`cairom.toml: unrecognised value \`${"z".repeat(32)}…${"z".repeat(8)}\` (1000 characters)`]);
  });

  it("never throws on random bytes (seeded)", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = 'ab=" \n[]#\'1.,{}_\\';
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let j = Math.floor(rand() * 40); j > 0; j--) s += alphabet[Math.floor(rand() * alphabet.length)];
      const r = validateManifest(s);
      for (const d of r.diagnostics) if (d.range.end > s.length || d.range.start > d.range.end) bad.push(s);
    }
    expect(bad).toEqual([]);
  });
});

describe("project discovery", () => {
  const fs = new InMemoryFileSystem({
    "/w/app/cairom.toml": 'name = "app"\nentry_point = "main.cm"\n',
    "/w/app/src/main.cm": "use util::math::add;\nfn main() -> felt { return add(1, 2); }\n",
    "/w/app/src/util/math.cm": "fn add(a: felt, b: felt) -> felt { return a + b; }\n",
    "/w/bad/cairom.toml": 'name = "bad"\nentry_point = "missing.cm"\n',
    "/w/bad/src/a.cm": "fn a() { return; }\n",
    "/w/loose/script.cm": "use other::x;\nfn main() { return; }\n",
  });
  const service = createCairoMService({ fs });

  it("finds cairom.toml upward and names modules by path", () => {
    const p = service.getProject("/w/app/src/util/math.cm");
    expect(p.kind).toBe("crate");
    expect(p.name).toBe("app");
    expect(p.modules.map((m) => m.name)).toEqual(["main", "util::math"]);
    expect(service.getDiagnostics("/w/app/src/main.cm")).toEqual([]);
  });

  it("reports a missing entry point against cairom.toml", () => {
    const d = service.getDiagnostics("/w/bad/cairom.toml");
    expect(d.map((x) => x.message)).toEqual(["cairom.toml: entry_point `missing.cm` does not exist (looked for /w/bad/src/missing.cm)"]);
    expect(service.getDiagnostics("/w/bad/src/a.cm")).toEqual([]);
  });

  it("treats files outside any crate as standalone modules named after the stem", () => {
    const p = service.getProject("/w/loose/script.cm");
    expect(p.kind).toBe("standalone");
    expect(p.modules).toEqual([{ name: "script", path: "/w/loose/script.cm" }]);
    expect(service.getDiagnostics("/w/loose/script.cm").map((d) => d.code)).toEqual(["unresolved-module", "unused-variable"]);
  });

  it("picks up a file created in an editor buffer and one created on disk", () => {
    service.setFileText("/w/app/src/extra.cm", "use main::main;\nfn e() -> felt { return main(); }\n");
    expect(service.getProject("/w/app/src/main.cm").modules.map((m) => m.name)).toEqual(["extra", "main", "util::math"]);
    expect(service.getDiagnostics("/w/app/src/extra.cm")).toEqual([]);
    fs.writeFile("/w/app/src/more.cm", "use util::math::nope;\n");
    service.filesChanged(["/w/app/src/more.cm"]);
    expect(service.getDiagnostics("/w/app/src/more.cm").map((d) => d.code).sort()).toEqual(["unresolved-import", "unused-variable"]);
  });
});

describe("paths", () => {
  it("normalizes separators, dot segments and trailing slashes", async () => {
    const { normalizePath } = await import("../../src/index.js");
    expect(normalizePath("/a/b/c.cm")).toBe("/a/b/c.cm");
    expect(normalizePath("/a//b/./c/../d.cm")).toBe("/a/b/d.cm");
    expect(normalizePath("/a/b/")).toBe("/a/b");
    expect(normalizePath("/a/.hidden/x.cm")).toBe("/a/.hidden/x.cm");
    expect(normalizePath("/../x")).toBe("/x");
    expect(normalizePath("/")).toBe("/");
  });
});

describe("standalone files in a src/ directory (reference behaviour)", () => {
  it("load their src/ siblings as modules", () => {
    const fs = new InMemoryFileSystem({
      "/loose/src/main.cm": "use util::helper::twice;\nfn main() -> felt { return twice(2); }\n",
      "/loose/src/util/helper.cm": "fn twice(a: felt) -> felt { return a + a; }\n",
      "/elsewhere/alone.cm": "use util::helper::twice;\n",
    });
    const s = createCairoMService({ fs });
    const p = s.getProject("/loose/src/main.cm");
    expect(p.kind).toBe("standalone");
    expect(p.modules.map((m) => m.name)).toEqual(["main", "util::helper"]);
    expect(s.getDiagnostics("/loose/src/main.cm")).toEqual([]);
    expect(s.getDiagnostics("/elsewhere/alone.cm").map((d) => d.code).sort()).toEqual(["unresolved-module", "unused-variable"]);
  });
});

describe("batch checks and deleted files", () => {
  it("checks a whole project, and a module deleted on disk becomes an unresolved module", () => {
    const fs = new InMemoryFileSystem({
      "/q/cairom.toml": 'name = "q"\nentry_point = "main.cm"\n',
      "/q/src/main.cm": "use lib::one;\nfn main() -> felt { return one(); }\n",
      "/q/src/lib.cm": "fn one() -> felt { return 1; }\n",
    });
    const s = createCairoMService({ fs });
    expect(s.checkProject("/q/src/main.cm").map((f) => [f.path, f.diagnostics.length])).toEqual([
      ["/q/cairom.toml", 0],
      ["/q/src/lib.cm", 0],
      ["/q/src/main.cm", 0],
    ]);
    fs.deleteFile("/q/src/lib.cm");
    s.filesChanged(["/q/src/lib.cm"]);
    expect(s.checkProject("/q/src/main.cm").map((f) => [f.path, f.diagnostics.map((d) => d.code)])).toEqual([
      ["/q/cairom.toml", []],
      ["/q/src/main.cm", ["unresolved-module"]],
    ]);
  });
});
