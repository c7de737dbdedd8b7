import { describe, expect, it } from "vitest";
import { createAnalysisDatabase } from "../../src/index.js";

// Bodies with syntax errors the file parse steps over (balanced braces), a constant, a
// struct and a body it parses (unclosed, so it ends at the next `fn`).
const TEXT = `const K: felt = 3;
struct P { x: felt }
fn a(p: P) -> felt { let y = p.x + ; return y; }
fn b() -> felt { let q = 99999999999999999999999; return (q * K; }
fn c() -> u32 { return 1u32 + }
fn d() -> felt { let z = 1;
fn e() -> felt { return 2; }
`;

function load() {
  const adb = createAnalysisDatabase();
  adb.fileText.set("/a.cm", TEXT);
  adb.fileModule.set("/a.cm", { project: "/a.cm", module: "a" });
  adb.projectModules.set("/a.cm", [{ name: "a", path: "/a.cm" }]);
  return adb;
}

function fileDiagnostics(adb: ReturnType<typeof load>) {
  return JSON.stringify(adb.db.accumulated(adb.fileDiagnostics, "/a.cm", adb.diagnostics));
}

describe("file tokens kept for the analyses of skipped bodies", () => {
  it("are kept after the file parse and dropped once the file's diagnostics are computed", () => {
    const adb = load();
    const parsed = adb.db.get(adb.parsed, "/a.cm");
    expect(parsed.bodySkipped.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(parsed.kept.tokens).toBeDefined();
    const diagnostics = fileDiagnostics(adb);
    expect(parsed.kept.tokens).toBeUndefined();
    expect(JSON.parse(diagnostics).length).toBeGreaterThan(3);
  });

  it("give the same diagnostics as analyses that parse each item's text (tokens dropped first)", () => {
    const withTokens = load();
    const expected = fileDiagnostics(withTokens);
    const withoutTokens = load();
    const parsed = withoutTokens.db.get(withoutTokens.parsed, "/a.cm");
    parsed.kept.tokens = undefined;
    expect(fileDiagnostics(withoutTokens)).toBe(expected);
  });

  it("are dropped by dropKeptTokens (what the service's sweep calls), and the analyses still agree", () => {
    const withTokens = load();
    const expected = fileDiagnostics(withTokens);
    const adb = load();
    const parsed = adb.db.get(adb.parsed, "/a.cm");
    expect(adb.dropKeptTokens()).toBe(1);
    expect(parsed.kept.tokens).toBeUndefined();
    expect(adb.dropKeptTokens()).toBe(0);
    expect(fileDiagnostics(adb)).toBe(expected);
  });

  it("a re-parse after an edit copies its tokens into the buffer of the dropped ones, and the diagnostics match a fresh database", () => {
    const adb = load();
    const buffer = adb.db.get(adb.parsed, "/a.cm").kept.tokens!.starts.buffer;
    fileDiagnostics(adb);
    // Same token count (so the buffer fits), one more diagnostic (an undeclared name).
    const edited = TEXT.replace("return y;", "return w;");
    adb.fileText.set("/a.cm", edited);
    const reparsed = adb.db.get(adb.parsed, "/a.cm");
    expect(reparsed.kept.tokens!.starts.buffer).toBe(buffer);
    const fresh = load();
    fresh.fileText.set("/a.cm", edited);
    expect(fileDiagnostics(adb)).toBe(fileDiagnostics(fresh));
    expect(JSON.parse(fileDiagnostics(fresh)).length).toBeGreaterThan(JSON.parse(fileDiagnostics(load())).length);
  });
});
