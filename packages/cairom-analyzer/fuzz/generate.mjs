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
    () => "fn f() { let x = 1" + " + 1".repeat(depth) + "; }",
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
