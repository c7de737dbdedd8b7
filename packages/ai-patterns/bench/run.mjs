// Classifier speed against the rule-based baseline and a plain regex detector, in one
// process, on the same 4,000 held-out corpus texts. Imports the BUILT package (dist/):
//   npx turbo run build --filter=@sextant/ai-patterns && npm run bench -w @sextant/ai-patterns
// Prints a markdown table. Wall-clock numbers depend on the machine's load; the CPU-time
// column (process.cpuUsage, all threads) is what each detector costs and survives a busy
// machine much better, so the ratios use it.
import { buildCorpus, detectByFingerprint, detectByRegex } from "../dist/index.js";
import { createNodeClassifier } from "../dist/node/index.js";

const texts = buildCorpus({ split: "test", attacks: 2000, seed: 42 }).map((s) => s.text);
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

async function measureSingle(name, run) {
  for (const text of texts.slice(0, 200)) await run(text); // warm-up
  const times = [];
  const cpu = process.cpuUsage();
  for (const text of texts) {
    const t0 = performance.now();
    await run(text);
    times.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / texts.length;
  return { name, p50: percentile(times, 50), p99: percentile(times, 99), cpuMs };
}

async function measureBatched(name, runBatch) {
  await runBatch(texts.slice(0, 256)); // warm-up
  const cpu = process.cpuUsage();
  const started = performance.now();
  await runBatch(texts);
  const total = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { name, perQuery: total / texts.length, cpuMs: (used.user + used.system) / 1000 / texts.length };
}

const classifier = await createNodeClassifier();
const single = [
  await measureSingle("model, one query per call", (t) => classifier.classify(t)),
  await measureSingle("fingerprint baseline", (t) => detectByFingerprint(t)),
  await measureSingle("regex detector", (t) => detectByRegex(t)),
];
const batched = [];
for (const size of [16, 64, 256]) {
  const sized = await createNodeClassifier({ batchSize: size });
  batched.push(await measureBatched(`model, batches of ${size}`, (batch) => sized.classifyBatch(batch)));
  await sized.dispose();
}
await classifier.dispose();

const regexCpu = single[2].cpuMs;
const rate = (cpuMs) => Math.round(1000 / cpuMs).toLocaleString("en");
console.log(`${texts.length} held-out corpus texts (mean ${(texts.reduce((n, t) => n + t.length, 0) / texts.length).toFixed(0)} chars), Node ${process.version}, load average ${(await import("node:os")).loadavg()[0].toFixed(1)}\n`);
console.log("| detector | wall p50 (ms) | wall p99 (ms) | CPU ms per query | queries per CPU-second | CPU cost vs regex |");
console.log("|---|---|---|---|---|---|");
for (const r of single) console.log(`| ${r.name} | ${r.p50.toFixed(4)} | ${r.p99.toFixed(4)} | ${r.cpuMs.toFixed(4)} | ${rate(r.cpuMs)} | ${(r.cpuMs / regexCpu).toFixed(0)}× |`);
for (const r of batched) console.log(`| ${r.name} | ${r.perQuery.toFixed(4)} per query (wall) | – | ${r.cpuMs.toFixed(4)} | ${rate(r.cpuMs)} | ${(r.cpuMs / regexCpu).toFixed(0)}× |`);
