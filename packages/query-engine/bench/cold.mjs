// The engine's own cost in a cold analysis: one fresh database, thousands of queries
// executed once each, in the shape of an analyzer's first check of a project (the
// cairom analyzer's query graph, with trivial query bodies so that only the engine's work
// is left): 200 files, 25 items each, string keys "path\0item", a project-wide query
// read by every file's check, and diagnostics collected per file through an accumulator.
//
// Cold means unoptimized code and empty tables, so run it once per process:
//   node bench/cold.mjs [path/to/dist/index.js] [--pushes]
// and repeat in fresh processes (alternating builds for an A/B). Prints one JSON line:
// main-thread CPU ms (Linux; else process CPU), process CPU ms, wall ms.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const distArg = args.find((a) => !a.startsWith("--"));
const dist = distArg ? pathToFileURL(distArg).href : new URL("../dist/index.js", import.meta.url).href;
const withPushes = args.includes("--pushes");
const { Database } = await import(dist);

const FILES = 200;
const ITEMS = 25;
const SEP = "\0";
const mainThreadMs = () => {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  }
};

const paths = Array.from({ length: FILES }, (_, i) => `/project/src/module_${i}.cm`);
const modules = paths.map((path, i) => ({ name: `module_${i}`, path }));

const main0 = mainThreadMs();
const cpu0 = process.cpuUsage();
const t0 = performance.now();

const db = new Database();
const fileText = db.input("fileText");
const fileModule = db.input("fileModule");
const projectModules = db.input("projectModules");
const diagnostics = db.accumulator("diagnostics");
const parse = db.query("parse", (ctx, path) => {
  const text = ctx.get(fileText, path);
  return { length: text.length, items: Array.from({ length: ITEMS }, (_, j) => `item_${j}`) };
});
const itemIndex = db.query("itemIndex", (ctx, path) => ctx.get(parse, path).items);
const modulePathOf = (ctx, project, module) => ctx.get(projectModules, project).find((m) => m.name === module)?.path;
const moduleSymbols = db.query("moduleSymbols", (ctx, key) => {
  const [project, module] = key.split(SEP);
  const path = modulePathOf(ctx, project, module);
  return path === undefined ? 0 : ctx.get(itemIndex, path).length;
});
const importCycles = db.query("importCycles", (ctx, project) => {
  let total = 0;
  for (const m of ctx.get(projectModules, project)) total += ctx.get(itemIndex, m.path).length;
  return total;
});
const itemSource = db.query("itemSource", (ctx, key) => {
  const [path, item] = key.split(SEP);
  return ctx.get(parse, path).items.indexOf(item);
});
const itemAnalysis = db.query("itemAnalysis", (ctx, key) => {
  const path = key.slice(0, key.indexOf(SEP));
  const order = ctx.get(itemSource, key);
  const { project, module } = ctx.get(fileModule, path);
  let symbols = ctx.get(moduleSymbols, project + SEP + module);
  // A call into a neighbouring module.
  const other = modules[(Number(module.slice(7)) + 1 + order) % FILES].name;
  symbols += ctx.get(moduleSymbols, project + SEP + other);
  return { order, symbols };
});
const moduleCheck = db.query("moduleCheck", (ctx, path) => {
  const items = ctx.get(parse, path).items;
  const { project, module } = ctx.get(fileModule, path);
  return items.length + ctx.get(moduleSymbols, project + SEP + module) + ctx.get(importCycles, project);
});
const fileDiagnostics = db.query(
  "fileDiagnostics",
  (ctx, path) => {
    const parsed = ctx.get(parse, path);
    let count = ctx.get(moduleCheck, path);
    ctx.get(fileModule, path);
    for (const item of parsed.items) count += ctx.get(itemAnalysis, path + SEP + item).symbols;
    if (withPushes && parsed.length % 3 === 0) ctx.push(diagnostics, { path, count });
    return count;
  },
  { equals: () => false },
);

projectModules.set("/project", modules);
paths.forEach((path, i) => {
  fileText.set(path, `text of file ${i}`);
  fileModule.set(path, { project: "/project", module: `module_${i}` });
});
let collected = 0;
for (const path of paths) collected += db.accumulated(fileDiagnostics, path, diagnostics).length;

const wall = performance.now() - t0;
const main = mainThreadMs() - main0;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    which: distArg ?? "dist",
    main: Number(main.toFixed(2)),
    cpu: Number(((cpu.user + cpu.system) / 1000).toFixed(2)),
    wall: Number(wall.toFixed(2)),
    memos: db.stats().memos,
    collected,
  }),
);
