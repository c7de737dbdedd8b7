// Benchmarks @sextant/query-engine (built dist/) against alien-signals and
// @preact/signals-core on the same graph shapes, in one process, and prints a markdown
// table. Build first: npm run build -w @sextant/query-engine && npm run bench -w @sextant/query-engine
//
// The libraries differ in model: signals push "dirty" marks to dependents when a source
// changes; the query engine is pull-based (salsa): after a change it verifies memos when
// they are read, walking their recorded dependencies. The shapes below measure the same
// observable work: change a source, then read the results.
import { createEngines, sink } from "./shapes.mjs";
// QE_DIST=/path/to/index.js benchmarks another build of the engine (e.g. an older dist/).
const { Database } = await import(process.env.QE_DIST ?? "../dist/index.js");

const QUICK = process.argv.includes("--quick");
const ROUNDS = QUICK ? 9 : 31;
const WARMUP_MS = QUICK ? 100 : 400;

/**
 * Runs each library's `fn` in interleaved rounds (so load from other processes hits all
 * libraries alike) after a warm-up that lets the JIT optimize, and returns the median
 * milliseconds per call for each library: wall-clock time, and the CPU time of this
 * process (which leaves out the time it waited for a core on a loaded machine).
 */
function timeInterleaved(fns) {
  const names = Object.keys(fns);
  for (const name of names) {
    const until = performance.now() + WARMUP_MS;
    do fns[name](); while (performance.now() < until);
  }
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      fns[name]();
      wall[name].push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return {
    wall: Object.fromEntries(names.map((n) => [n, median(wall[n])])),
    cpu: Object.fromEntries(names.map((n) => [n, median(cpu[n])])),
  };
}

const engines = createEngines(Database);

// ---------------------------------------------------------------- run

const HIT_READS = 1_000_000;
const LAYERS = 100;
const WIDTH = 1_000;
const INPUTS = 100;

const rows = [];
/** Measures one shape: `setup(engine)` returns the function to time, per library. */
function row(shape, unit, setup, scale = (ms) => ms) {
  const fns = {};
  for (const [name, engine] of Object.entries(engines)) fns[name] = setup(engine, name);
  const medians = timeInterleaved(fns);
  const results = {};
  const cpuResults = {};
  for (const name of Object.keys(medians.wall)) {
    results[name] = scale(medians.wall[name]);
    cpuResults[name] = scale(medians.cpu[name]);
  }
  rows.push({ shape, unit, results, cpuResults });
}

const perRead = (reads) => (ms) => (ms * 1e6) / reads;
row("memo hit: 1M reads of one clean memo", "ns/read", (e) => e.memoHit(HIT_READS), perRead(HIT_READS));
row("memo hit: 1M reads over 1,000 clean memos", "ns/read", (e) => e.memoHitMany(HIT_READS, 1_000), perRead(HIT_READS));
row("deep chain (1,000): set + read end", "ms", (e) => e.chain(1_000));
row("wide fan-out (10,000): set + read all", "ms", (e) => e.fanOut(10_000));
row("diamonds (1,000): set all + read all", "ms", (e) => e.diamonds(1_000));
const graphs = {};
for (const [name, engine] of Object.entries(engines)) graphs[name] = engine.bigGraph(LAYERS, WIDTH, INPUTS);
row("100k-memo graph: 1 input change cut off at layer 0, read top", "ms", (_e, name) => graphs[name].reverify);
row("100k-memo graph: change to an unread input, read top", "ms", (_e, name) => graphs[name].unrelated);
row("100k-memo graph: no-change re-read of top layer", "ms", (_e, name) => graphs[name].reread);

const names = Object.keys(engines);
const format = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
/** One markdown table of the `pick`ed medians (wall-clock or CPU time). */
function table(pick) {
  const lines = [
    `| shape | unit | ${names.join(" | ")} | query-engine / alien-signals | query-engine / preact |`,
    `|---|---|${names.map(() => "---:").join("|")}|---:|---:|`,
  ];
  for (const row of rows) {
    const results = pick(row);
    const qe = results["query-engine"];
    lines.push(
      `| ${row.shape} | ${row.unit} | ${names.map((n) => format(results[n])).join(" | ")} | ${(qe / results["alien-signals"]).toFixed(2)}× | ${(qe / results["@preact/signals-core"]).toFixed(2)}× |`,
    );
  }
  return lines.join("\n");
}
console.log(`query-engine memos in the big graph: ${graphs["query-engine"].memos}`);
console.log(
  `node ${process.version}, ${QUICK ? "quick" : "full"} run: median of ${ROUNDS} interleaved rounds after ${WARMUP_MS} ms warm-up; lower is better\n`,
);
console.log(`Wall-clock time:\n\n${table((row) => row.results)}\n`);
console.log(`CPU time of this process (leaves out waiting for a core on a loaded machine):\n\n${table((row) => row.cpuResults)}`);
if (sink === 42) console.log("");
