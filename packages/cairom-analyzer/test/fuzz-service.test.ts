import { describe, expect, it } from "vitest";
import { deep, mutated, nthInput, prng, truncated } from "../fuzz/generate.mjs";
import { applyEdits, createCairoMService, formatParsed, InMemoryFileSystem, parse } from "../src/index.js";

describe("whole-service fuzzing (seeded): every request on broken programs", () => {
  it("1,500 random programs: diagnostics in range, no request fails, formatting idempotent", () => {
    const rand = prng(0x5e1f);
    const failures: string[] = [];
    const fs = new InMemoryFileSystem({
      "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
      "/p/src/other.cm": "struct Point { x: felt, y: felt }\nfn add(a: felt, b: felt) -> felt { return a + b; }\n",
    });
    const service = createCairoMService({ fs, onError: (feature, e) => failures.push(`${feature}: ${String(e)}`) });
    for (let i = 0; i < 1500; i++) {
      const r = rand();
      const text = "use other::{Point, add};\n" + (r < 0.33 ? nthInput(rand) : r < 0.66 ? truncated(rand) : mutated(rand));
      service.setFileText("/p/src/main.cm", text);
      let diags;
      try {
        diags = service.getDiagnostics("/p/src/main.cm");
      } catch (e) {
        failures.push(`diagnostics threw ${String(e)} on ${JSON.stringify(text)}`);
        continue;
      }
      for (const d of diags) {
        if (d.range.start < 0 || d.range.end > text.length || d.range.start > d.range.end) failures.push(`range ${JSON.stringify(d)} on ${JSON.stringify(text)}`);
      }
      // Mostly a position in the text; sometimes what a client with a stale or broken
      // position sends (past the end, negative, not an integer, not finite).
      const odd = [-1, text.length + 7, 1e9, Number.POSITIVE_INFINITY, Number.NaN, 0.5];
      const at = rand() < 0.1 ? odd[Math.floor(rand() * odd.length)]! : Math.floor(rand() * (text.length + 1));
      service.getHover("/p/src/main.cm", at);
      service.getCompletions("/p/src/main.cm", at);
      service.getDefinition("/p/src/main.cm", at);
      service.getReferences("/p/src/main.cm", at);
      service.getSignatureHelp("/p/src/main.cm", at);
      service.rename("/p/src/main.cm", at, "renamed");
      service.getCodeActions("/p/src/main.cm", { start: 0, end: text.length });
      if (i % 5 === 0) {
        service.getSemanticTokens("/p/src/main.cm");
        service.getFoldingRanges("/p/src/main.cm");
        service.getInlayHints("/p/src/main.cm");
        service.getDocumentSymbols("/p/src/main.cm");
        const narrow = formatParsed(parse(text), { width: 24 });
        if (narrow !== undefined && formatParsed(parse(narrow), { width: 24 }) !== narrow) {
          failures.push(`narrow format not idempotent on ${JSON.stringify(text)}`);
        }
        const once = service.format("/p/src/main.cm");
        if (once !== undefined) {
          const g = createCairoMService({ fs: new InMemoryFileSystem({ "/x.cm": once }) });
          if (g.format("/x.cm") !== once) failures.push(`format not idempotent on ${JSON.stringify(text)}`);
          if (JSON.stringify(parse(once).items.map((it) => it.ast.k)) !== JSON.stringify(parse(text).items.map((it) => it.ast.k))) {
            failures.push(`format changed the items of ${JSON.stringify(text)}`);
          }
          // Range formatting is a step towards the full format: formatting its result gives
          // the same text, and every comment survives it.
          const from = Math.floor(rand() * (text.length + 1));
          const range = { start: from, end: Math.min(text.length, from + Math.floor(rand() * 60)) };
          const edits = service.formatRange("/p/src/main.cm", range);
          if (edits === undefined) failures.push(`range format refused what format accepted: ${JSON.stringify(text)}`);
          else {
            const ranged = applyEdits(text, edits);
            if (formatParsed(parse(ranged)) !== once) failures.push(`range format at ${JSON.stringify(range)} diverges on ${JSON.stringify(text)}`);
            const comments = (s: string) => (s.match(/\/\/.*$/gm) ?? []).map((c) => c.trimEnd());
            if (JSON.stringify(comments(ranged)) !== JSON.stringify(comments(text))) failures.push(`range format lost a comment in ${JSON.stringify(text)}`);
          }
        }
      }
      if (failures.length > 0) break;
    }
    expect(failures).toEqual([]);
  });

  it("the analysis parse (no tree) gives the same items and diagnostics as the full parse", () => {
    const rand = prng(99);
    const mismatches: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const text = nthInput(rand);
      const full = parse(text);
      const lean = parse(text, { tree: false });
      if (JSON.stringify([lean.items, lean.diagnostics]) !== JSON.stringify([full.items, full.diagnostics])) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("syntax errors of skipped bodies", () => {
  it("the service reports exactly the syntax and lexical errors of a full parse (body errors come from the item analyses)", () => {
    const rand = prng(0x5b0d);
    const parseCodes = new Set(["syntax-error", "invalid-number", "invalid-character", "array-length-not-literal", "suffixed-tuple-index", "unknown-literal-suffix"]);
    const mismatches: string[] = [];
    for (let i = 0; i < 2000 && mismatches.length === 0; i++) {
      const text = nthInput(rand);
      const service = createCairoMService({ fs: new InMemoryFileSystem({ "/s.cm": text }) });
      const key = (d: { code: string; range: { start: number; end: number }; message: string }) => `${d.range.start}-${d.range.end} ${d.code} ${d.message}`;
      const got = service.getDiagnostics("/s.cm").filter((d) => parseCodes.has(d.code)).map(key).sort();
      const want = parse(text).diagnostics.map(key).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${JSON.stringify(text)}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("deep nesting through the whole service", () => {
  it("diagnoses 5,000-level nesting of every shape without overflowing the stack", () => {
    const rand = prng(5);
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const text = deep(rand, 5000);
      const service = createCairoMService({ fs: new InMemoryFileSystem({ "/d.cm": text }), onError: (f, e) => failures.push(`${f}: ${String(e)}`) });
      const codes = service.getDiagnostics("/d.cm").map((d) => d.code);
      if (!codes.includes("syntax-error")) failures.push(`no nesting diagnostic for ${text.slice(0, 40)}`);
      service.getHover("/d.cm", text.length >> 1);
      service.getCompletions("/d.cm", text.length >> 1);
      service.getSemanticTokens("/d.cm");
      service.getFoldingRanges("/d.cm");
      service.getInlayHints("/d.cm");
      service.format("/d.cm");
    }
    expect(failures).toEqual([]);
  });
});

describe("failure isolation", () => {
  it("a request that throws returns its empty answer and is reported; diagnostics become an internal-error diagnostic", () => {
    const errors: string[] = [];
    const fs = new InMemoryFileSystem({ "/a.cm": "fn f() { return; }\n" });
    const service = createCairoMService({ fs, onError: (feature) => errors.push(feature) });
    // Break the file system under the service: every read throws.
    (fs as unknown as { readFile: () => never }).readFile = () => {
      throw new Error("disk on fire");
    };
    expect(service.getHover("/b.cm", 0)).toBeUndefined();
    expect(service.getDiagnostics("/c.cm").map((d) => [d.code, d.message])).toEqual([["internal-error", "analysis of this file failed: disk on fire"]]);
    expect(errors).toEqual(["hover", "diagnostics"]);
  });

  it("an analysis that fails inside the query engine is reported, not shown as a clean file", () => {
    // The diagnostics are collected from the engine's accumulator, which returns what was
    // pushed even when the query threw: without a read of the query itself a failed
    // analysis (a stack overflow, say) looked like a file without problems.
    const errors: string[] = [];
    const fs = new InMemoryFileSystem({ "/a.cm": "fn f() -> u32 { return true; }\n" });
    const service = createCairoMService({ fs, onError: (feature) => errors.push(feature) });
    expect(service.getDiagnostics("/a.cm").map((d) => d.code)).toEqual(["return-type-mismatch"]);
    // Break the per-item analysis under the service, then edit the file so that it runs again.
    const itemAnalysis = service.host.adb.itemAnalysis as unknown as { fn: () => never };
    itemAnalysis.fn = () => {
      throw new RangeError("Maximum call stack size exceeded");
    };
    service.host.adb.fileText.set("/a.cm", "fn f() -> u32 { return false; }\n");
    expect(service.getDiagnostics("/a.cm").map((d) => [d.code, d.message])).toEqual([
      ["internal-error", "analysis of this file failed: Maximum call stack size exceeded"],
    ]);
    expect(errors).toEqual(["diagnostics"]);
  });
});
