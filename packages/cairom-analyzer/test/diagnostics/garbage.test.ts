/**
 * Garbage and oversized input: a binary file opened as Cairo-M (tens of thousands of items
 * and syntax errors), and literals megabytes long. Each item is matched with the file's
 * syntax errors by binary search (a scan per item was quadratic: 80,000 broken items took
 * 12 s), huge literals are judged by their digit count (BigInt of a 4 MB decimal string
 * took seconds), messages quote long tokens shortened, and folding finds line breaks by
 * binary search (an `indexOf` per node scanned to the end of a file without line breaks).
 */
import { describe, expect, it } from "vitest";
import { InMemoryFileSystem, createCairoMService, lex, parse, validateManifest } from "../../src/index.js";

function diagnosticsOf(text: string) {
  const service = createCairoMService({ fs: new InMemoryFileSystem({ "/p/a.cm": text }) });
  return service.getDiagnostics("/p/a.cm");
}

describe("syntax errors and the functions they cut short", () => {
  it("only the function holding the error loses its missing-return warning", () => {
    const text = [
      "fn first() -> felt { let a = 1; }",
      "fn second() -> felt { let b = 2 * ; }",
      "fn third() -> felt { let c = 3; }",
      "fn fourth() -> felt { let d = 4; }",
    ].join("\n");
    const codes = diagnosticsOf(text).map((d) => `${d.code}@${text.slice(0, d.range.start).split("\n").length}`);
    expect(codes.filter((c) => c.startsWith("missing-return"))).toEqual(["missing-return@1", "missing-return@3", "missing-return@4"]);
    expect(codes).toContain("syntax-error@2");
  });
});

describe("garbage files", () => {
  it("20,000 items with a NUL character each: one invalid-character error per item, no internal error", () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `fn f${i}() { \0 }`).join("\n");
    const diagnostics = diagnosticsOf(text);
    expect(diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "invalid-character").length).toBe(20_000);
  });
});

describe("folding a file without line breaks", () => {
  it("20,000 items on one line fold nothing; the same bodies over two lines each fold", () => {
    const oneLine = Array.from({ length: 20_000 }, (_, i) => `fn f${i}() { \0 }`).join(" ");
    const service = createCairoMService({ fs: new InMemoryFileSystem({ "/p/a.cm": oneLine, "/p/b.cm": oneLine.replaceAll("{ ", "{\n") }) });
    expect(service.getFoldingRanges("/p/a.cm")).toEqual([]);
    const folds = service.getFoldingRanges("/p/b.cm");
    expect(folds.length).toBe(20_000);
    expect(folds.every((f) => f.kind === undefined)).toBe(true);
  });
});

describe("oversized literals", () => {
  it("a literal of a million digits is too large, and the message quotes it shortened", () => {
    const digits = "9".repeat(1_000_000);
    const diagnostics = diagnosticsOf(`fn main() -> felt { return ${digits}; }`);
    const invalid = diagnostics.filter((d) => d.code === "invalid-number");
    expect(invalid.length).toBe(1);
    expect(invalid[0]!.message).toBe(`\`${"9".repeat(32)}…${"9".repeat(8)}\` (1000000 characters) is too large (integer literals must fit in 64 bits)`);
  });

  it("the 64-bit boundary is exact in every base, leading zeros aside", () => {
    const invalidNumbers = (literal: string) => diagnosticsOf(`fn main() -> u32 { let _x = ${literal}; return 0; }`).filter((d) => d.code === "invalid-number").length;
    expect(invalidNumbers("18446744073709551615")).toBe(0);
    expect(invalidNumbers("18446744073709551616")).toBe(1);
    expect(invalidNumbers(`${"0".repeat(40)}18446744073709551615`)).toBe(0);
    expect(invalidNumbers(`0x${"f".repeat(16)}`)).toBe(0);
    expect(invalidNumbers(`0x1${"0".repeat(16)}`)).toBe(1);
    expect(invalidNumbers(`0b1${"0".repeat(63)}`)).toBe(0);
    expect(invalidNumbers(`0b1${"0".repeat(64)}`)).toBe(1);
    expect(invalidNumbers(`0o1${"7".repeat(21)}`)).toBe(0);
    expect(invalidNumbers(`0o2${"0".repeat(21)}`)).toBe(1);
  });

  it("a long bad suffix is quoted shortened", () => {
    const diagnostics = diagnosticsOf(`fn main() -> felt { return 5${"q".repeat(100)}; }`);
    const suffix = diagnostics.find((d) => d.code === "unknown-literal-suffix");
    expect(suffix?.message).toBe(`\`${"q".repeat(32)}…${"q".repeat(8)}\` (100 characters) is not a valid literal suffix (use \`felt\` or \`u32\`)`);
  });
});

describe("characters that cannot be seen", () => {
  it("are named in the invalid-character message", () => {
    const messages = (text: string) => parse(text).diagnostics.map((d) => d.message);
    expect(messages("\ufefffn main() {}")).toEqual(["unexpected character U+FEFF (a byte-order mark; save the file as UTF-8 without BOM)"]);
    expect(messages("fn\u00a0main() {}")).toEqual(["unexpected character U+00A0 (a no-break space; type an ordinary space)"]);
    expect(messages("fn main() {\u200b}")).toEqual(["unexpected character U+200B (an invisible space or mark)"]);
    expect(messages("fn main() {}\u0007")).toEqual(["unexpected character U+0007"]);
  });
});

describe("bad arguments from JavaScript", () => {
  it("parse of a non-string says so", () => {
    expect(() => parse(undefined as unknown as string)).toThrow("parse: text must be a string, got undefined");
    expect(() => parse(null as unknown as string)).toThrow("parse: text must be a string, got null");
  });

  it("lex, validateManifest and the in-memory file system say what is wrong with a non-string text", () => {
    expect(() => lex(undefined as unknown as string)).toThrow("lex: text must be a string, got undefined");
    expect(() => validateManifest(42 as unknown as string)).toThrow("validateManifest: text must be a string, got number");
    expect(() => new InMemoryFileSystem({ "/a.cm": null as unknown as string })).toThrow("writeFile: the text of /a.cm must be a string, got null");
    // A JavaScript caller's null means no files.
    expect(new InMemoryFileSystem(null as unknown as Record<string, string>).readFile("/a.cm")).toBeUndefined();
  });

  it("edits with a non-string path or text are refused with a sentence; requests report it", () => {
    const failures: string[] = [];
    const service = createCairoMService({ onError: (request, error) => failures.push(`${request}: ${(error as Error).message}`) });
    const anyService = service as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => anyService.setFileText!(null, "fn main() {}")).toThrow("a path must be a string, got null");
    expect(() => anyService.setFileText!("/p/a.cm", null)).toThrow("setFileText: the text of /p/a.cm must be a string, got null");
    expect(() => anyService.closeFile!(42)).toThrow("a path must be a string, got number");
    expect(() => anyService.filesChanged!(null)).toThrow("filesChanged: expected a list of paths");
    expect(anyService.getHover!(null, 0)).toBeUndefined();
    expect(failures).toEqual(["hover: a path must be a string, got null"]);
    // The refused edits left nothing behind: the file then checks as in a fresh service.
    const text = "fn main() -> felt { return 1; }";
    service.setFileText("/p/a.cm", text);
    const fresh = createCairoMService({ fs: new InMemoryFileSystem({ "/p/a.cm": text }) });
    expect(service.getDiagnostics("/p/a.cm")).toEqual(fresh.getDiagnostics("/p/a.cm"));
    expect(failures.length).toBe(1);
  });

  it("format options: numbers clamped, non-numbers reported, null is no options", () => {
    const failures: string[] = [];
    const service = createCairoMService({
      fs: new InMemoryFileSystem({ "/p/a.cm": "fn main() -> felt { return 1 + 2; }\n" }),
      onError: (request, error) => failures.push(`${request}: ${(error as Error).message}`),
    });
    const format = service.format as unknown as (path: string, options: unknown) => string | undefined;
    expect(format("/p/a.cm", { indent: -3 })).toBe("fn main() -> felt {\nreturn 1 + 2;\n}\n");
    expect(format("/p/a.cm", { indent: 1e9 })).toBe(`fn main() -> felt {\n${" ".repeat(16)}return 1 + 2;\n}\n`);
    expect(format("/p/a.cm", null)).toBe("fn main() -> felt {\n    return 1 + 2;\n}\n");
    expect(failures).toEqual([]);
    expect(format("/p/a.cm", { indent: "tab" })).toBeUndefined();
    expect(format("/p/a.cm", { width: "wide" })).toBeUndefined();
    expect(failures).toEqual([
      'format: the format option indent must be a number of spaces, got "tab"',
      'format: the format option width must be a number, got "wide"',
    ]);
  });

  it("null service options mean no options", () => {
    const service = createCairoMService(null as unknown as undefined);
    service.setFileText("/p/a.cm", "fn main() -> felt { return 1 }");
    expect(service.getDiagnostics("/p/a.cm").map((d) => d.code)).toEqual(["syntax-error"]);
  });
});
