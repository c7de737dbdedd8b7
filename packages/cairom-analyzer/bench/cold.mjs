// The first check in a fresh process, as a user running a check on a project sees it: a new
// Node process imports a build, creates a service over the generated 200-file project and asks
// for the diagnostics of every file. Timing starts at `createCairoMService`, after the import
// and the project generation.
//
//   node bench/cold.mjs [--runs N] <build>/dist/index.js                    one build: N fresh runs
//   node bench/cold.mjs [--runs N] <new>/dist/index.js <old>/dist/index.js   two builds, alternated
//
// With two builds the runs alternate (new, old, new, old, …) so both see the same machine: on a
// shared VM the speed of a fresh process changes by up to 2× from one minute to the next, and
// only differences within a pair are worth comparing. Reported per build: median wall time
// (and lines/s), main-thread CPU (Linux: /proc, 10 ms ticks) and process CPU (all threads:
// background compiles and GC helpers included); with two builds also the median of the paired
// differences (new − old) and how many pairs the new build won.
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { generateProject } from "./generate-project.mjs";
import { mainThreadMs } from "./thread-time.mjs";

const FILES = 200;
const LINES_PER_FILE = 500;

/** One measured first check; prints its figures as JSON for the parent. */
async function child(build) {
  const mod = await import(pathToFileURL(resolve(build)).href);
  const { files, lines } = generateProject("/bench", FILES, LINES_PER_FILE);
  const fs = new mod.InMemoryFileSystem(Object.fromEntries(files));
  const paths = [...files.keys()].filter((p) => p.endsWith(".cm"));
  const main0 = mainThreadMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const service = mod.createCairoMService({ fs });
  let diagnostics = 0;
  for (const path of paths) diagnostics += service.getDiagnostics(path).length;
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const result = { wall, main: mainThreadMs() - main0, cpu: (cpu.user + cpu.system) / 1000, lines, diagnostics };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function median(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (v, digits = 1) => (Number.isNaN(v) ? "n/a" : v.toFixed(digits));

function runOnce(build) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", build], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop());
}

function parent(argv) {
  let runs = 15;
  const builds = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else builds.push(argv[i]);
  }
  if (builds.length < 1 || builds.length > 2 || !(runs > 0)) {
    console.error("usage: node bench/cold.mjs [--runs N] <build>/dist/index.js [<other build>/dist/index.js]");
    process.exit(2);
  }
  const results = builds.map(() => []);
  for (let r = 0; r < runs; r++) {
    builds.forEach((build, b) => results[b].push(runOnce(build)));
  }
  const lines = results[0][0].lines;
  console.log(`First check in a fresh process: ${FILES} files, ${lines} lines, ${runs} run(s) per build${builds.length === 2 ? ", alternated" : ""}; Node ${process.version}`);
  builds.forEach((build, b) => {
    const rows = results[b];
    const wall = median(rows.map((x) => x.wall));
    console.log(
      `${b === 0 ? "A" : "B"} ${build}: median wall ${fmt(wall)} ms (${Math.round((lines / wall) * 1000).toLocaleString("en-US")} lines/s), main thread ${fmt(median(rows.map((x) => x.main)), 0)} ms, process CPU ${fmt(median(rows.map((x) => x.cpu)), 0)} ms; diagnostics ${rows[0].diagnostics}`,
    );
  });
  if (builds.length === 2) {
    for (const key of ["wall", "main", "cpu"]) {
      const diffs = results[0].map((a, i) => a[key] - results[1][i][key]);
      const won = diffs.filter((d) => d < 0).length;
      console.log(`A − B ${key}: median of paired differences ${fmt(median(diffs))} ms; A faster in ${won}/${diffs.length}`);
    }
  }
}

if (process.argv[2] === "--child") await child(process.argv[3]);
else parent(process.argv.slice(2));
