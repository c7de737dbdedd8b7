/**
 * Long chains: an `else if` chain, a call chain and a cast chain nest one level per link (the
 * parser's nesting limit stops them); an operator chain is left-deep in the tree but nests
 * nothing (every pass walks its left spine with a loop), so any length parses and checks.
 * Every service request answers without an internal error, and the tree printer indents a
 * bounded amount.
 */
import { describe, expect, it } from "vitest";
import { InMemoryFileSystem, MAX_PRINT_INDENT, createCairoMService, parse, printTree } from "../../src/index.js";
import { MAX_NESTING } from "../../src/syntax/parser.js";

const fn = (body: string): string => `fn g(x: felt) -> felt { return x; }\nfn f(a: felt) -> felt {\n${body}\n}\n`;
const chainsOf = (n: number): Record<string, string> => ({
  "else-if chain": fn(`${Array(n).fill("if a == 1 { return 1; } else").join(" ")} { return 2; }`),
  "operator chain": fn(`return ${Array(n).fill("a").join(" + ")};`),
  "logical chain": fn(`let b = ${Array(n).fill("a == 1").join(" || ")};\nreturn a;`),
  "call chain": fn(`return g${"(1)".repeat(n)};`),
  "cast chain": fn(`return a${" as felt".repeat(n)};`),
});
// Below the nesting limit (formatted), and far above it (one syntax error; not formatted).
const LENGTHS = [MAX_NESTING - 16, 5000];

describe("very deep trees", () => {
  for (const [name, n, text] of LENGTHS.flatMap((n) => Object.entries(chainsOf(n)).map(([k, t]) => [k, n, t] as const))) {
    it(`${name} of ${n}: every request answers, none fails internally`, () => {
      const failures: string[] = [];
      const service = createCairoMService({
        fs: new InMemoryFileSystem({ "/p/a.cm": text }),
        onError: (request, error) => failures.push(`${request}: ${String(error)}`),
      });
      const path = "/p/a.cm";
      const middle = text.length >> 1;
      const diagnostics = service.getDiagnostics(path);
      expect(diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
      service.getHover(path, middle);
      service.getCompletions(path, middle);
      service.getDefinition(path, middle);
      service.getSemanticTokens(path);
      service.getFoldingRanges(path);
      service.getInlayHints(path, { start: 0, end: text.length });
      service.getDocumentSymbols(path);
      const formatted = service.format(path);
      expect(failures).toEqual([]);
      // The formatter refuses a file with syntax errors (the nesting limit is one) and
      // formats any other, to text that formats to itself.
      const flat = name === "operator chain" || name === "logical chain";
      const tooDeep = n > MAX_NESTING && !flat;
      expect(diagnostics.some((d) => d.code === "syntax-error" && d.message.includes("nesting is too deep"))).toBe(tooDeep);
      // A flat chain checks like any expression: these are clean at any length.
      if (flat) expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      if (tooDeep) expect(formatted).toBeUndefined();
      else {
        expect(formatted).toBeTypeOf("string");
        const again = createCairoMService({ fs: new InMemoryFileSystem({ "/p/b.cm": formatted! }) });
        expect(again.format("/p/b.cm")).toBe(formatted);
      }
    });
  }

  it("printTree indents at most MAX_PRINT_INDENT levels and labels deeper lines with their depth", () => {
    const text = chainsOf(5000)["else-if chain"]!;
    const r = parse(text);
    const lines = printTree(r.root, r.tokens, text).trimEnd().split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(2 * MAX_PRINT_INDENT + 120);
    const deepest = Math.max(...lines.map((l) => Number(/^ *\[(\d+)\] /.exec(l)?.[1] ?? 0)));
    // The parser's nesting limit stops the chain's tree at a few hundred levels.
    expect(deepest).toBeGreaterThan(MAX_PRINT_INDENT);
    expect(lines[0]).toBe(`SourceFile@0..${text.length}`);
  });
});

describe("long operator chains are checked like short ones", () => {
  // The checker walks a chain's left spine with a loop (binaryChain): the same checks,
  // diagnostics and recorded types as the recursion it replaced, at any length.
  const chain = (n: number) =>
    `fn f(a: felt, b: u32) -> u32 {\n    let x = ${[...Array(n).fill("a"), "b", ...Array(n).fill("a"), "true"].join(" + ")};\n    let y = ${[...Array(n).fill("b < 3"), "a"].join(" && ")};\n    return x;\n}\n`;
  const messages = (n: number) => {
    const text = chain(n);
    const service = createCairoMService({ fs: new InMemoryFileSystem({ "/p/a.cm": text }) });
    const diagnostics = service.getDiagnostics("/p/a.cm").map((d) => `${d.code}: ${d.message} @ ${text.slice(d.range.start, d.range.end).slice(0, 12)}`);
    const hover = service.getHover("/p/a.cm", text.indexOf("return x") + 7);
    return { diagnostics, hover: JSON.stringify(hover).replace(/\d+/g, "#") };
  };

  it("an unannotated constant's type is inferred through a long chain (past 32 terms it became the error type)", () => {
    const constants = (n: number) => {
      const text = `const X = ${Array(n).fill("1").join(" + ")};\nconst Y = ${Array(n).fill("X").join(" + ")} == 1;\nfn f() -> u32 { return X; }\nfn g() -> u32 { return Y; }\n`;
      return createCairoMService({ fs: new InMemoryFileSystem({ "/p/a.cm": text }) }).getDiagnostics("/p/a.cm").map((d) => d.message);
    };
    const short = constants(3);
    expect(short).toEqual(["function `f` returns `u32`, found `felt`", "function `g` returns `u32`, found `bool`"]);
    expect(constants(40)).toEqual(short);
    expect(constants(3000)).toEqual(short);
  });

  it("an unannotated constant's type is inferred through nested parentheses (past 32 it became the error type)", () => {
    const nested = (n: number) => {
      const text = `const X = ${"(".repeat(n)}1${")".repeat(n)};\nconst T = ${"(".repeat(n)}(1, true)${")".repeat(n)};\nfn f() -> u32 { return X; }\nfn g() -> u32 { return T.1; }\n`;
      return createCairoMService({ fs: new InMemoryFileSystem({ "/p/a.cm": text }) }).getDiagnostics("/p/a.cm").map((d) => d.message);
    };
    const short = nested(1);
    expect(short).toEqual(["function `f` returns `u32`, found `felt`", "function `g` returns `u32`, found `bool`"]);
    expect(nested(40)).toEqual(short);
    expect(nested(MAX_NESTING - 16)).toEqual(short);
  });

  it("a chain of 3,000 terms gives what a chain of 3 gives", () => {
    const short = messages(3);
    expect(short.diagnostics.length).toBeGreaterThanOrEqual(3);
    expect(messages(3000)).toEqual(short);
  });
});
