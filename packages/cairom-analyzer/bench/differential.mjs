// Differential check of two builds: the same inputs through both must give the same ASTs (tree
// and lean parse), the same lossless trees, the same parse diagnostics and, for every fourth
// input, the same service diagnostics. Used before timing a change that should not change
// results (a speed change): any difference is a bug in the change.
//
//   node bench/differential.mjs <new>/dist/index.js <old>/dist/index.js [inputs, default 20000]
//
// Inputs: a generated 40-file project, every `.cm` file under test/, then seeded mutations of
// those (inserted fragments, deleted runs, truncations) up to the count.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateProject } from "./generate-project.mjs";

const [newBuild, oldBuild, countArg] = process.argv.slice(2);
if (!newBuild || !oldBuild) {
  console.error("usage: node bench/differential.mjs <new>/dist/index.js <old>/dist/index.js [inputs]");
  process.exit(2);
}
const [A, B] = await Promise.all([newBuild, oldBuild].map((b) => import(pathToFileURL(resolve(b)).href)));
const count = Number(countArg ?? 20000);

const texts = [];
for (const [path, text] of generateProject("/bench", 40, 300).files) if (path.endsWith(".cm")) texts.push(text);
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith(".cm")) texts.push(readFileSync(path, "utf8"));
  }
};
walk(fileURLToPath(new URL("../test", import.meta.url)));

// Seeded mutations (a linear congruential generator: the same inputs on every run).
let seed = 12345;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const fragments = ["{", "}", "(", ")", ";", "let x = ", "fn f() ", " as u32", "[1; 3]", "a.b", "1u32", "x == y", ",", "\n", "struct S { a: felt }", "return", "*", "new felt[3]", "(1, 2)", "!", "0x1f", "'", "loop { break; }", "continue;", "if c { return 1; } else { return 2; }"];
const originals = texts.length;
while (texts.length < count) {
  let text = texts[random(originals)];
  const edits = 1 + random(4);
  for (let i = 0; i < edits; i++) {
    const at = random(text.length + 1);
    const kind = random(3);
    if (kind === 0) text = text.slice(0, at) + fragments[random(fragments.length)] + text.slice(at);
    else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + random(20));
    else text = text.slice(0, at);
  }
  texts.push(text);
}

const json = (x) => JSON.stringify(x);
let differences = 0;
for (let i = 0; i < texts.length; i++) {
  const text = texts[i];
  const treeA = A.parse(text);
  const treeB = B.parse(text);
  const leanA = A.parse(text, { tree: false });
  const leanB = B.parse(text, { tree: false });
  const sameParse =
    json(treeA.items) === json(treeB.items) &&
    json(treeA.diagnostics) === json(treeB.diagnostics) &&
    A.printTree(treeA.root, treeA.tokens, text) === B.printTree(treeB.root, treeB.tokens, text) &&
    json(leanA.items) === json(leanB.items) &&
    json(leanA.diagnostics) === json(leanB.diagnostics);
  let sameDiagnostics = true;
  if (i % 4 === 0) {
    const serviceA = A.createCairoMService({ fs: new A.InMemoryFileSystem({ "/m.cm": text }) });
    const serviceB = B.createCairoMService({ fs: new B.InMemoryFileSystem({ "/m.cm": text }) });
    sameDiagnostics = json(serviceA.getDiagnostics("/m.cm")) === json(serviceB.getDiagnostics("/m.cm"));
  }
  if (!sameParse || !sameDiagnostics) {
    if (differences++ < 5) console.log(`difference at input ${i} (parse ${sameParse ? "same" : "differs"}, diagnostics ${sameDiagnostics ? "same" : "differ"}): ${json(text.slice(0, 200))}`);
  }
}
console.log(`${texts.length} inputs, ${differences} differences`);
process.exitCode = differences === 0 ? 0 : 1;
