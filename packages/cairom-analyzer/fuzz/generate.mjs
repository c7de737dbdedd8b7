// Seeded generators of random, truncated and mutated Cairo-M programs, shared by the
// fuzz test (100,000 inputs per run) and fuzz/run.mjs (1,000,000 inputs).

/** A small, fast, seedable PRNG (mulberry32). Returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = [
  "fn", "struct", "const", "use", "let", "if", "else", "loop", "while", "for", "break", "continue",
  "return", "true", "false", "as", "new", "in", "felt", "u32", "bool", "x", "y", "Point", "main",
  "a", "_", "0", "1", "42", "0x1F", "7u32", "3felt", "10u64", "0b102", "99999999999999999999999",
  "+", "-", "*", "/", "%", "!", "=", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "&", "|", "^",
  "->", "(", ")", "{", "}", "[", "]", ",", ";", ":", "::", ".", " ", "\n", "\t", "// c\n", "#", "é",
  "\u{1F600}", "\r\n", "/*", "*/",
];

const SEEDS = [
  "fn add(a: felt, b: felt) -> felt {\n    return a + b;\n}\n",
  "struct Point { x: felt, y: felt, }\nfn make() -> Point { return Point { x: 1, y: 2 }; }\n",
  "use ledger::{Account, open};\nconst N: u32 = 10;\nfn f(p: Point*) { p[0].x = 3; return; }\n",
  "fn g(n: u32) -> (u32, bool) {\n  let (a, b) = (n, true);\n  for (let i = 0; i != 3; i = i + 1) { if a > 2 { break; } else { continue; } }\n  while a != 0 { a = a - 1; }\n  loop { return (a as felt, !b); }\n}\n",
  "fn h() { let arr: [u32; 3] = [1, 2, 3]; let z = [0u32; 4]; let q = new felt[2]; assert(arr[0] == 1); return; }\n",
];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** A random token soup of up to `maxTokens` vocabulary entries. */
export function randomSoup(rand, maxTokens = 40) {
  const n = Math.floor(rand() * maxTokens);
  let out = "";
  for (let i = 0; i < n; i++) out += pick(rand, VOCAB) + (rand() < 0.5 ? " " : "");
  return out;
}

/** A valid seed program cut at a random point. */
export function truncated(rand) {
  const seed = pick(rand, SEEDS);
  return seed.slice(0, Math.floor(rand() * (seed.length + 1)));
}

/** A seed program with a few random deletions, insertions and duplications. */
export function mutated(rand) {
  let s = pick(rand, SEEDS);
  const edits = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (s.length + 1));
    const r = rand();
    if (r < 0.33) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 5));
    else if (r < 0.66) s = s.slice(0, at) + pick(rand, VOCAB) + s.slice(at);
    else {
      const len = Math.floor(rand() * 20);
      s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
    }
  }
  return s;
}

/** Deeply nested input of one of several shapes. */
export function deep(rand, depth = 2000) {
  const shapes = [
    () => "fn f() { return " + "(".repeat(depth) + "1" + ")".repeat(depth) + "; }",
    () => "fn f() " + "{".repeat(depth) + "}".repeat(depth),
    () => "fn f() { let x = " + "-".repeat(depth) + "1; }",
    () => "fn f() { let x = a" + ".b".repeat(depth) + "; }",
    // Operators nested through their right operand (a flat chain `1 + 1 + …` does not nest: see deep-trees.test.ts).
    () => "fn f() { let x = " + "1 + (".repeat(depth) + "1" + ")".repeat(depth) + "; }",
    () => "fn f(x: " + "[".repeat(depth) + "felt" + "; 2]".repeat(depth) + ") {}",
    () => "fn f() { " + "if x ".repeat(depth) + "return; }",
    () => "fn f() { let " + "(".repeat(depth) + "a, b" + ")".repeat(depth) + " = 1; }",
  ];
  return pick(rand, shapes)();
}

/** The i-th input of a seeded campaign: mixes the generators above. */
export function nthInput(rand) {
  const r = rand();
  if (r < 0.4) return randomSoup(rand);
  if (r < 0.65) return truncated(rand);
  return mutated(rand);
}

const NAMES = ["a", "b", "total", "count", "first_value", "second_value", "a_rather_long_variable_name", "x"];
const OPERATORS = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "&", "|", "^"];

/** A random expression of felt-ish names, literals, calls, parentheses and operators. */
function randomExpr(rand, depth) {
  const r = rand();
  if (depth <= 0 || r < 0.3) return rand() < 0.7 ? pick(rand, NAMES) : String(Math.floor(rand() * 100000));
  if (r < 0.4) return `(${randomExpr(rand, depth - 1)})`;
  if (r < 0.5) return `f(${randomExpr(rand, depth - 1)}, ${randomExpr(rand, depth - 1)})`;
  if (r < 0.55) return `-${randomExpr(rand, depth - 1)}`;
  if (r < 0.6) return `${randomExpr(rand, depth - 1)} as felt`;
  const n = 1 + Math.floor(rand() * 6);
  let out = randomExpr(rand, depth - 1);
  for (let i = 0; i < n; i++) {
    // Sometimes a comment inside the chain, on its own line or trailing.
    const gap = rand() < 0.05 ? " // note\n" : " ";
    out += `${gap}${pick(rand, OPERATORS)} ${randomExpr(rand, depth - 1)}`;
  }
  return out;
}

/**
 * A syntactically valid program (types not necessarily right) with long operator chains,
 * nested blocks, comments and odd spacing: input for the formatter campaigns.
 */
export function validProgram(rand) {
  const space = () => (rand() < 0.2 ? "" : rand() < 0.8 ? " " : "\n  ");
  let out = rand() < 0.3 ? "// file comment\n" : "";
  const fns = 1 + Math.floor(rand() * 3);
  for (let f = 0; f < fns; f++) {
    out += `fn f${f}(a: felt,${space()}b: felt)${space()}-> felt {\n`;
    const stmts = 1 + Math.floor(rand() * 5);
    for (let s = 0; s < stmts; s++) {
      const r = rand();
      if (r < 0.35) out += `  let ${pick(rand, NAMES)}${space()}=${space()}${randomExpr(rand, 2)};${rand() < 0.2 ? " // why" : ""}\n`;
      else if (r < 0.55) out += `  if ${randomExpr(rand, 2)} {${space()}return ${randomExpr(rand, 1)};${space()}}\n`;
      else if (r < 0.7) out += `while ${randomExpr(rand, 2)} { a = ${randomExpr(rand, 2)}; }\n`;
      else if (r < 0.85) out += `    ${pick(rand, NAMES)} = f(${randomExpr(rand, 2)}, [${randomExpr(rand, 1)}, ${randomExpr(rand, 1)}]);\n`;
      else out += `  {\n// inner\n let q = ${randomExpr(rand, 3)}; }\n`;
    }
    out += `  return ${randomExpr(rand, 2)};\n}\n${rand() < 0.3 ? "\n\n" : ""}`;
  }
  return out;
}
