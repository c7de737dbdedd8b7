import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits, createCairoMService, formatParsed, formatParsedRange, InMemoryFileSystem, parse, type TextEdit } from "../../src/index.js";
import { prng, validProgram } from "../../fuzz/generate.mjs";
import { loadDirectory } from "../support/load-fs.js";

const comments = (s: string) => (s.match(/\/\/.*$/gm) ?? []).map((c) => c.trimEnd());

/** Formats `source` at `width` and checks idempotence and comment preservation on the way. */
function formatted(source: string, width = 100): string {
  const once = formatParsed(parse(source), { width });
  expect(once).toBeDefined();
  expect(formatParsed(parse(once!), { width }), "idempotent").toBe(once);
  expect(comments(once!)).toEqual(comments(source));
  return once!;
}

describe("struct literals, tuples and use lists break like the other lists", () => {
  it("one element per line when they hold a comment or pass the width", () => {
    // They never broke: the line after a comment inside one went back to the statement's
    // indentation (`    y: 2 };` under `let p = P { x: 1, // x`), and a long one passed the width.
    const out = formatted(
      `use geo::{a, // the first
b};
struct P { x: felt, y: felt }
fn f(p: (felt, // first
u32)) -> (felt, felt) {
    let q = P { x: 1, // x
    y: 2 };
    let far = P { x: 1000000000 + 2000000000, y: 3000000000 + 4000000000 + 5000000000 + 6000000000 };
    return (q.x, // c
    far.y);
}
`,
    );
    expect(out).toBe(`use geo::{
    a, // the first
    b,
};
struct P {
    x: felt,
    y: felt,
}
fn f(
    p: (
        felt, // first
        u32,
    ),
) -> (felt, felt) {
    let q = P {
        x: 1, // x
        y: 2,
    };
    let far = P {
        x: 1000000000 + 2000000000,
        y: 3000000000 + 4000000000 + 5000000000 + 6000000000,
    };
    return (
        q.x, // c
        far.y,
    );
}
`);
    // Flat, a one-element tuple keeps its comma and the other lists drop a trailing one.
    expect(formatted(`fn f() -> (felt,) { let p = P { x: 1, }; return (p.x,); }\nuse m::{a, b,};\n`)).toBe(
      `fn f() -> (felt,) {\n    let p = P { x: 1 };\n    return (p.x,);\n}\nuse m::{a, b};\n`,
    );
  });
});

describe("the trailing comma of a broken list", () => {
  it("goes after the last element, before the comments that follow it", () => {
    // It was left out when a comment sat between the last element and the closer.
    const out = formatted(`fn g(a: felt, b: felt) { return; }\nfn f() {\n    g(1,\n    2\n    // last\n    );\n    g(1, 2 // two\n    );\n    return;\n}\n`);
    expect(out).toBe(`fn g(a: felt, b: felt) {\n    return;\n}\nfn f() {\n    g(\n        1,\n        2,\n        // last\n    );\n    g(\n        1,\n        2, // two\n    );\n    return;\n}\n`);
    // An empty list with a comment gets no comma.
    expect(formatted(`fn g() { return; }\nfn f() { g( // c\n    ); return; }\n`)).toBe(`fn g() {\n    return;\n}\nfn f() {\n    g( // c\n    );\n    return;\n}\n`);
  });
});

describe("a comment after a block's opening brace", () => {
  it("stays on the brace's line", () => {
    // It was moved to the next line, inside the body (as the examples' `//~` markers were).
    const source = `struct S { // fields\n    a: felt,\n}\nfn f(n: felt) -> felt { // why\n    if n == 0 { // base case\n        return 1;\n    }\n    return n;\n}\nfn g() { // nothing yet\n}\n`;
    expect(formatted(source)).toBe(source);
  });
});

describe("a comment that breaks a construct in two", () => {
  it("makes the line going on with it a continuation, one level deeper", () => {
    // The rest of the construct went back to the statement's indentation (`0];` under
    // `return a[ // c`, `felt {` at column 0 after `fn f() -> // c`).
    const out = formatted(`use m:: // path
a;
fn // name
f(a: [felt; 2]) -> // type
felt {
    let x = // value
    a[ // index
    0];
    for (let i = 0; // init
    i != 3; i = i + 1) {}
    if x == 0 { return 1; } else // else
    { return x // value
    ; }
}
`);
    expect(out).toBe(`use m:: // path
    a;
fn // name
    f(a: [felt; 2]) -> // type
    felt {
    let x = // value
        a[ // index
        0];
    for (let i = 0; // init
        i != 3; i = i + 1) {}
    if x == 0 {
        return 1;
    } else // else
    {
        return x // value
            ;
    }
}
`);
  });
  it("leaves lines that start anyway where they were: statements, list elements, chain operators", () => {
    const source = `fn f(a: felt) -> felt {
    let b = a; // one
    let c = a // two
        + b;
    return g(
        b, // three
        c,
    );
}
`;
    expect(formatted(source)).toBe(source);
  });
});

describe("operator chains wrap within the line width", () => {
  it("breaks before each operator of the loosest level, continuation lines one level deeper", () => {
    const out = formatted(
      `fn f(alpha: felt, beta: felt, gamma: felt) -> felt {
    let total = alpha * 2 + beta * 3 + gamma * 4 + alpha * beta + beta * gamma + gamma * alpha + 12345;
    let short = alpha + beta;
    return total + short;
}
`,
      60,
    );
    expect(out).toBe(`fn f(alpha: felt, beta: felt, gamma: felt) -> felt {
    let total = alpha * 2
        + beta * 3
        + gamma * 4
        + alpha * beta
        + beta * gamma
        + gamma * alpha
        + 12345;
    let short = alpha + beta;
    return total + short;
}
`);
  });

  it("puts the block of a broken condition on its own line; `&&` and `||` break together", () => {
    const out = formatted(
      `fn f(a: felt, b: felt) -> bool {
    while a != 100000 && b != 200000 || a == b && b != 0 { a = a + 1; }
    return a == 1;
}
`,
      40,
    );
    expect(out).toBe(`fn f(a: felt, b: felt) -> bool {
    while a != 100000
        && b != 200000
        || a == b
        && b != 0
    {
        a = a + 1;
    }
    return a == 1;
}
`);
  });

  it("breaks chains inside broken argument lists and keeps comments inside a chain", () => {
    const out = formatted(
      `fn g(x: felt, y: felt) -> felt { return x; }
fn f(first_value: felt, second_value: felt) -> felt {
    let v = first_value + // why
        second_value;
    return g(first_value * second_value + first_value * 3 + second_value * 7, second_value - first_value - 1);
}
`,
      50,
    );
    expect(out).toBe(`fn g(x: felt, y: felt) -> felt {
    return x;
}
fn f(
    first_value: felt,
    second_value: felt,
) -> felt {
    let v = first_value
        + // why
        second_value;
    return g(
        first_value * second_value
            + first_value * 3
            + second_value * 7,
        second_value - first_value - 1,
    );
}
`);
  });

  it("keeps every line of the examples within the width where a break can help, at 60 columns", () => {
    const fs = loadDirectory(join(import.meta.dirname, "../corpus/examples"), "/ex");
    for (const p of fs.paths().filter((x) => x.endsWith(".cm") && !x.includes("e01") && !x.includes("e02"))) {
      const out = formatted(fs.readFile(p)!, 60);
      for (const line of out.split("\n")) {
        // A longer line is a single unbreakable piece: a comment, or an operand without a break point.
        if (line.length > 60 && !line.includes("//")) expect(line.trim().split(/ (?:[-+*/%^|&]|&&|\|\||==|!=|<=?|>=?) /).length, `${p}: ${line}`).toBe(1);
      }
    }
  });
});

/** `«` and `»` in `source` mark the range to format (removed from the text). */
function rangeFormat(source: string): { text: string; edits: TextEdit[]; result: string } {
  const start = source.indexOf("«");
  const end = source.indexOf("»") - 1;
  const text = source.replace("«", "").replace("»", "");
  const edits = formatParsedRange(parse(text), { start, end })!;
  expect(edits).toBeDefined();
  const result = applyEdits(text, edits);
  expect(comments(result)).toEqual(comments(text));
  // Idempotent: formatting the edited region again changes nothing.
  if (edits.length > 0) {
    const delta = edits.reduce((d, e) => d + e.newText.length - (e.range.end - e.range.start), 0);
    const region = { start: edits[0]!.range.start, end: edits[edits.length - 1]!.range.end + delta };
    expect(formatParsedRange(parse(result), region)).toEqual([]);
  }
  return { text, edits, result };
}

describe("range formatting", () => {
  const messy = `fn a(x:felt)->felt{
    let   y=x*2;   // keep me
  let z  =  y+1;
      return z;
}
fn   b( ) {   return  ; }
`;

  it("formats only the statements the range touches", () => {
    const { result } = rangeFormat(messy.replace("let z", "«let z").replace("+1;", "+1;»"));
    expect(result).toBe(`fn a(x:felt)->felt{
    let   y=x*2;   // keep me
    let z = y + 1;
      return z;
}
fn   b( ) {   return  ; }
`);
  });

  it("a cursor formats the statement it is in, with its trailing comment", () => {
    const { result } = rangeFormat(messy.replace("x*2", "x«»*2"));
    expect(result).toBe(`fn a(x:felt)->felt{
    let y = x * 2; // keep me
  let z  =  y+1;
      return z;
}
fn   b( ) {   return  ; }
`);
  });

  it("a range across items formats those items whole, and nothing else", () => {
    const { result } = rangeFormat(messy.replace("return z;", "return «z;").replace("fn   b", "fn  » b"));
    expect(result).toBe(`fn a(x: felt) -> felt {
    let y = x * 2; // keep me
    let z = y + 1;
    return z;
}
fn b() {
    return;
}
`);
  });

  it("statements in a nested block keep their depth", () => {
    const { result } = rangeFormat(`fn f(a: felt) -> felt {
    if a == 1 {
        let b   =   a;
        «return   b;»
    }
    return a;
}
`);
    expect(result).toBe(`fn f(a: felt) -> felt {
    if a == 1 {
        let b   =   a;
        return b;
    }
    return a;
}
`);
  });

  it("refuses files with syntax errors and gives no edits where nothing changes", () => {
    expect(formatParsedRange(parse(`fn f() { let x = ; return; }`), { start: 10, end: 12 })).toBeUndefined();
    const clean = formatParsed(parse(messy))!;
    expect(formatParsedRange(parse(clean), { start: 0, end: clean.length })).toEqual([]);
  });

  it("is offered by the service", () => {
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": messy }) });
    const at = messy.indexOf("let z");
    const edits = s.formatRange("/m.cm", { start: at, end: at })!;
    expect(applyEdits(messy, edits)).toBe(messy.replace("  let z  =  y+1;", "    let z = y + 1;"));
    // A cursor in a signature (outside every block) formats that item.
    expect(applyEdits(messy, s.formatRange("/m.cm", { start: 0, end: 0 })!)).toBe(`fn a(x: felt) -> felt {
    let y = x * 2; // keep me
    let z = y + 1;
    return z;
}
fn   b( ) {   return  ; }
`);
    expect(s.formatRange("/nope.txt", { start: 0, end: 0 })).toBeUndefined();
  });

  it("on the examples, random ranges move towards the full format and never lose a comment", () => {
    const fs = loadDirectory(join(import.meta.dirname, "../corpus/examples"), "/ex");
    const rand = prng(42);
    for (const p of fs.paths().filter((x) => x.endsWith(".cm") && !x.includes("e01") && !x.includes("e02"))) {
      // De-format first (one space between tokens on few lines) so ranges have work to do.
      const src = fs.readFile(p)!.replace(/ {4}/g, "  ").replace(/ = /g, "=");
      const full = formatParsed(parse(src))!;
      const parsed = parse(src);
      for (let k = 0; k < 8; k++) {
        const start = Math.floor(rand() * src.length);
        const range = { start, end: Math.min(src.length, start + Math.floor(rand() * 200)) };
        const edits = formatParsedRange(parsed, range)!;
        const ranged = applyEdits(src, edits);
        expect(formatParsed(parse(ranged)), `${p} ${JSON.stringify(range)}`).toBe(full);
        expect(comments(ranged)).toEqual(comments(src));
        // Text before the first unit and after the last one is untouched.
        if (edits.length > 0) {
          expect(ranged.startsWith(src.slice(0, edits[0]!.range.start))).toBe(true);
          expect(ranged.endsWith(src.slice(edits[edits.length - 1]!.range.end))).toBe(true);
        }
      }
    }
  });
});

describe("formatter fuzzing (seeded)", () => {
  it("1,000 generated programs with long chains and comments: idempotent at width 40, comments kept, ranges converge", () => {
    const rand = prng(0xc4a1);
    const failures: string[] = [];
    for (let i = 0; i < 1000 && failures.length === 0; i++) {
      const src = validProgram(rand);
      const parsed = parse(src);
      const once = formatParsed(parsed, { width: 40 });
      if (once === undefined) {
        failures.push(`refused a valid program: ${JSON.stringify(src)}`);
        continue;
      }
      if (formatParsed(parse(once), { width: 40 }) !== once) failures.push(`not idempotent: ${JSON.stringify(src)}`);
      if (JSON.stringify(comments(once)) !== JSON.stringify(comments(src))) failures.push(`lost a comment: ${JSON.stringify(src)}`);
      const from = Math.floor(rand() * src.length);
      const range = { start: from, end: Math.min(src.length, from + Math.floor(rand() * 80)) };
      const ranged = applyEdits(src, formatParsedRange(parsed, range, { width: 40 })!);
      if (formatParsed(parse(ranged), { width: 40 }) !== once) failures.push(`range ${JSON.stringify(range)} diverges: ${JSON.stringify(src)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("line endings", () => {
  it("keeps a file's CRLF line endings, in whole-file and range formatting", () => {
    // The printer writes `\n`: a CRLF file came back in LF, and a range edit left it with both.
    const text = "fn f() -> felt {\r\n  let x = [1,\r\n  2]; // two\r\n    return x[0];\r\n}\r\nfn g() {  return; }\r\n";
    const s = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": text }) });
    const formatted = s.format("/m.cm")!;
    expect(formatted).toBe("fn f() -> felt {\r\n    let x = [1, 2]; // two\r\n    return x[0];\r\n}\r\nfn g() {\r\n    return;\r\n}\r\n");
    const edits = s.formatRange("/m.cm", { start: text.indexOf("let"), end: text.indexOf("let") })!;
    const ranged = applyEdits(text, edits);
    expect(ranged.replace(/\r\n/g, "")).not.toContain("\n");
    expect(ranged).toContain("    let x = [1, 2]; // two\r\n");
    // LF files stay LF.
    const lf = createCairoMService({ fs: new InMemoryFileSystem({ "/m.cm": text.replace(/\r\n/g, "\n") }) });
    expect(lf.format("/m.cm")).toBe(formatted.replace(/\r\n/g, "\n"));
  });
});
