// One shape of bench/run.mjs at a time, for profilers (`node --cpu-prof`, callgrind):
//   node bench/focus.mjs <reverify|fanout|chain|diamonds> [iterations] [query-engine|preact|alien]
// Builds the graph, runs the shape `iterations` times and prints the median ms.
import { createEngines, sink } from "./shapes.mjs";
// QE_DIST points at another build (e.g. a copy of an older dist/) to compare two versions.
const { Database } = await import(process.env.QE_DIST ?? "../dist/index.js");

const [shape = "reverify", iterationsText = "50", lib = "query-engine"] = process.argv.slice(2);
const iterations = Number(iterationsText);

/** The same sizes as the table in run.mjs. */
const shapes = {
  reverify: (engine) => engine.bigGraph(100, 1000, 100).reverify,
  fanout: (engine) => engine.fanOut(10_000),
  chain: (engine) => engine.chain(1_000),
  diamonds: (engine) => engine.diamonds(1_000),
};
const libraries = { "query-engine": "query-engine", preact: "@preact/signals-core", alien: "alien-signals" };

const engine = createEngines(Database)[libraries[lib]];
const build = shapes[shape];
if (!engine || !build) {
  console.error(`unknown shape or library: ${shape} ${lib}`);
  process.exit(2);
}
const run = build(engine);
const times = [];
const cpuTimes = [];
for (let i = 0; i < iterations; i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]?.toFixed(3);
console.log(`${lib} ${shape}: median ${median(times)} ms wall, ${median(cpuTimes)} ms CPU over ${iterations}`);
if (sink === 42) console.log("");
