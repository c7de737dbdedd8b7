#!/usr/bin/env node
/**
 * Long fuzz run on the BUILT package (build first): `npm run fuzz -w @sextant/sql-analyzer`.
 * Options: --inputs N (default 1,000,000), --seed S (default 1), --stall-seconds T (default 60).
 * The inputs are parsed in a worker thread; the main thread watches its progress, so an
 * endless loop is reported with the input that caused it instead of hanging the run.
 * Exits 1 on failures and prints each failing input, so it can become a regression test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { corpusFrom, createRandom, nthInput } from "./generators.mjs";
import { checkInvariants } from "./invariants.mjs";

function loadCorpus() {
  const fixtures = join(import.meta.dirname, "../test/parser/fixtures");
  const texts = [];
  for (const dialect of readdirSync(fixtures))
    for (const name of readdirSync(join(fixtures, dialect))) if (name.endsWith(".sql")) texts.push(readFileSync(join(fixtures, dialect, name), "utf8"));
  return corpusFrom(texts);
}

if (isMainThread) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const inputs = option("--inputs", 1_000_000);
  const seed = option("--seed", 1);
  const stallSeconds = option("--stall-seconds", 60);
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(import.meta.url), { workerData: { inputs, seed, progress } });
  let last = -1;
  let still = 0;
  const timer = setInterval(() => {
    const now = Atomics.load(progress, 0);
    if (now !== last) {
      last = now;
      still = 0;
      return;
    }
    if (++still * 2 < stallSeconds) return;
    // No progress: regenerate the stuck input (generation is deterministic) and report it.
    const rng = createRandom(seed);
    const corpus = loadCorpus();
    let input;
    for (let i = 0; i <= now; i++) input = nthInput(rng, corpus);
    console.error(`input #${now} made no progress for ${stallSeconds} s (endless loop?) (${input.dialect}) ${JSON.stringify(input.text)}`);
    worker.terminate();
    process.exit(1);
  }, 2000);
  worker.on("message", (line) => console.log(line));
  worker.on("error", (error) => {
    console.error(error);
    process.exit(1);
  });
  worker.on("exit", (code) => {
    clearInterval(timer);
    process.exit(code);
  });
} else {
  const api = await import("../dist/index.js");
  const { inputs, seed, progress } = workerData;
  const corpus = loadCorpus();
  const rng = createRandom(seed);
  const started = performance.now();
  let slowest = 0;
  let failures = 0;
  let previousText = "";
  for (let i = 0; i < inputs; i++) {
    Atomics.store(progress, 0, i);
    const { text, dialect } = nthInput(rng, corpus);
    const t = performance.now();
    const problems = checkInvariants(api, text, dialect, i % 25 === 0 ? { previousText } : i % 25 === 1 ? { segments: true } : {});
    slowest = Math.max(slowest, performance.now() - t);
    previousText = text;
    if (problems.length > 0) {
      failures++;
      parentPort.postMessage(`input #${i} (${dialect}) ${JSON.stringify(text)}\n  ${problems.join("\n  ")}`);
      if (failures >= 10) break;
    }
    if ((i + 1) % 100_000 === 0) parentPort.postMessage(`${i + 1} inputs, ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(1)} ms`);
  }
  parentPort.postMessage(`${failures === 0 ? "OK" : "FAILED"}: ${inputs} inputs, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s, slowest input ${slowest.toFixed(1)} ms (wall clock)`);
  process.exitCode = failures === 0 ? 0 : 1;
}
