import type { EngineEvent } from "@sextant/query-engine";
import { describe, expect, it } from "vitest";
import { createCairoMService, InMemoryFileSystem, itemQueryKey } from "../../src/index.js";

const MAIN = `use math::{add, twice};
fn first(x: felt) -> felt {
    return add(x, 1);
}
fn second(y: felt) -> felt {
    let z = y * 2;
    return twice(z);
}
fn third() -> felt { return 3; }
`;
const MATH = `fn add(a: felt, b: felt) -> felt { return a + b; }
fn twice(a: felt) -> felt { return a + a; }
`;

function setup() {
  const fs = new InMemoryFileSystem({
    "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
    "/p/src/main.cm": MAIN,
    "/p/src/math.cm": MATH,
  });
  const log: EngineEvent[] = [];
  const service = createCairoMService({ fs, onEvent: (e) => log.push(e) });
  service.getDiagnostics("/p/src/main.cm");
  service.getDiagnostics("/p/src/math.cm");
  log.length = 0;
  const executed = (query: string) => log.filter((e) => e.kind === "will-execute" && e.query === query).map((e) => e.key);
  return { service, log, executed };
}

describe("incrementality, asserted from the query log", () => {
  it("an edit inside one function body re-checks that function only", () => {
    const { service, log, executed } = setup();
    service.setFileText("/p/src/main.cm", MAIN.replace("let z = y * 2;", "let z = y * 3 + 1;"));
    const d = service.getDiagnostics("/p/src/main.cm");
    expect(d).toEqual([]);
    expect(executed("itemAnalysis")).toEqual([itemQueryKey("/p/src/main.cm", "fn:second#0")]);
    expect(executed("parse")).toEqual(["/p/src/main.cm"]);
    // The item index re-ran and came out equal: dependents keep their memos.
    expect(log.some((e) => e.kind === "did-backdate" && e.query === "itemIndex")).toBe(true);
    expect(executed("moduleSymbols")).toEqual([]);
  });

  it("an edit that shifts later functions does not re-check them", () => {
    const { service, executed } = setup();
    service.setFileText("/p/src/main.cm", MAIN.replace("return add(x, 1);", "return add(x, 1000000);"));
    service.getDiagnostics("/p/src/main.cm");
    expect(executed("itemAnalysis")).toEqual([itemQueryKey("/p/src/main.cm", "fn:first#0")]);
  });

  it("a body edit in another module re-checks nothing in this one", () => {
    const { service, executed } = setup();
    service.setFileText("/p/src/math.cm", MATH.replace("return a + a;", "return a * 2;"));
    service.getDiagnostics("/p/src/main.cm");
    service.getDiagnostics("/p/src/math.cm");
    expect(executed("itemAnalysis")).toEqual([itemQueryKey("/p/src/math.cm", "fn:twice#0")]);
  });

  it("a signature change re-checks the importing module's functions", () => {
    const { service, executed } = setup();
    service.setFileText("/p/src/math.cm", MATH.replace("fn twice(a: felt) -> felt", "fn twice(a: u32) -> u32"));
    const d = service.getDiagnostics("/p/src/main.cm");
    expect(d.map((x) => x.code)).toEqual(["return-type-mismatch", "argument-type-mismatch"]);
    expect(executed("itemAnalysis")).toContainEqual(itemQueryKey("/p/src/main.cm", "fn:second#0"));
  });

  it("diagnostics are accumulated per file and shift with edits above them", () => {
    const { service } = setup();
    const broken = MAIN.replace("return 3;", "return nope;");
    service.setFileText("/p/src/main.cm", broken);
    const [d] = service.getDiagnostics("/p/src/main.cm");
    expect(broken.slice(d!.range.start, d!.range.end)).toBe("nope");
    const shifted = "// a new first line\n" + broken;
    service.setFileText("/p/src/main.cm", shifted);
    const [e] = service.getDiagnostics("/p/src/main.cm");
    expect(shifted.slice(e!.range.start, e!.range.end)).toBe("nope");
  });
});

describe("sweeping", () => {
  it("drops memos not used since a revision; answers stay the same", () => {
    const { service } = setup();
    const before = service.getDiagnostics("/p/src/main.cm");
    const revision = service.revision;
    service.setFileText("/p/src/main.cm", MAIN.replace("return 3;", "return 4;"));
    service.getDiagnostics("/p/src/main.cm");
    expect(service.revision).toBeGreaterThan(revision);
    const dropped = service.sweep();
    expect(dropped).toBeGreaterThan(0);
    expect(service.getDiagnostics("/p/src/main.cm")).toEqual(before);
    expect(service.getDiagnostics("/p/src/math.cm")).toEqual([]);
  });
});

describe("references and rename read the per-file reference index", () => {
  const OTHER = `fn unrelated(n: felt) -> felt {\n    let m = n + 1;\n    return m;\n}\nfn alone() -> felt { return 7; }\n`;
  function project() {
    const fs = new InMemoryFileSystem({
      "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
      "/p/src/main.cm": MAIN,
      "/p/src/math.cm": MATH,
      "/p/src/other.cm": OTHER,
    });
    const log: EngineEvent[] = [];
    const service = createCairoMService({ fs, onEvent: (e) => log.push(e) });
    for (const f of ["main", "math", "other"]) service.getDiagnostics(`/p/src/${f}.cm`);
    log.length = 0;
    const executed = (query: string) => log.filter((e) => e.kind === "will-execute" && e.query === query).map((e) => e.key);
    return { service, log, executed };
  }

  it("analyses only the items that mention the name (no item of a file without it)", () => {
    const { service, executed } = project();
    const at = MATH.indexOf("twice");
    const refs = service.getReferences("/p/src/math.cm", at);
    expect(refs.map((r) => `${r.path}:${(r.path.endsWith("math.cm") ? MATH : MAIN).slice(r.range.start, r.range.end)}`)).toEqual([
      "/p/src/math.cm:twice",
      "/p/src/main.cm:twice",
      "/p/src/main.cm:twice",
    ]);
    // `twice` is written in `second` (main.cm) and, as its own name, in `twice` (math.cm): only
    // those two functions get the IDE analysis; `first`, `third`, `add` and all of other.cm do not.
    expect(executed("itemTypes").sort()).toEqual([itemQueryKey("/p/src/main.cm", "fn:second#0"), itemQueryKey("/p/src/math.cm", "fn:twice#0")].sort());
    expect(executed("referenceIndex").sort()).toEqual(["/p/src/main.cm", "/p/src/math.cm", "/p/src/other.cm"]);
  });

  it("rename checks conflicts and edits through the same index; a body edit that keeps the names backdates it", () => {
    const { service, log, executed } = project();
    const result = service.rename("/p/src/math.cm", MATH.indexOf("add"), "plus");
    expect(result.ok).toBe(true);
    expect(executed("itemTypes").sort()).toEqual([itemQueryKey("/p/src/main.cm", "fn:first#0"), itemQueryKey("/p/src/math.cm", "fn:add#0")].sort());
    log.length = 0;
    // Same names, new literal: the index of other.cm re-runs, comes out equal, and nothing after it re-runs.
    service.setFileText("/p/src/other.cm", OTHER.replace("n + 1", "n + 2"));
    expect(service.rename("/p/src/math.cm", MATH.indexOf("add"), "plus")).toEqual(result);
    expect(log.some((e) => e.kind === "did-backdate" && e.query === "referenceIndex" && e.key === "/p/src/other.cm")).toBe(true);
    expect(executed("itemTypes")).toEqual([]);
    // A conflict found through the index: a local named like the new name where the item is used.
    const refused = service.rename("/p/src/math.cm", MATH.indexOf("twice"), "z");
    expect(refused).toEqual({ ok: false, error: "a local `z` in `second` would shadow the renamed item" });
  });
});
