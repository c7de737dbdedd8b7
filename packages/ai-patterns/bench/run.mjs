// Classifier speed against the rule-based baseline and a plain regex detector, in one
// process, on the same 4,000 held-out corpus texts. Imports the BUILT package (dist/):
//   npx turbo run build --filter=@sextant/ai-patterns && npm run bench -w @sextant/ai-patterns
// Prints a markdown table. Numbers are wall-clock on whatever machine runs it.
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
  const started = performance.now();
  for (const text of texts) {
    const t0 = performance.now();
    await run(text);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  return { name, p50: percentile(times, 50), p99: percentile(times, 99), perSecond: (texts.length / total) * 1000 };
}

async function measureBatched(name, runBatch) {
  await runBatch(texts.slice(0, 256)); // warm-up
  const started = performance.now();
  await runBatch(texts);
  const total = performance.now() - started;
  return { name, perQuery: total / texts.length, perSecond: (texts.length / total) * 1000 };
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

const regexRate = single[2].perSecond;
console.log(`${texts.length} held-out corpus texts (mean ${(texts.reduce((n, t) => n + t.length, 0) / texts.length).toFixed(0)} chars), Node ${process.version}\n`);
console.log("| detector | p50 (ms) | p99 (ms) | queries/s | vs regex |");
console.log("|---|---|---|---|---|");
for (const r of single) console.log(`| ${r.name} | ${r.p50.toFixed(4)} | ${r.p99.toFixed(4)} | ${Math.round(r.perSecond).toLocaleString("en")} | ${(r.perSecond / regexRate).toFixed(3)}× |`);
for (const r of batched) console.log(`| ${r.name} | ${r.perQuery.toFixed(4)} per query | – | ${Math.round(r.perSecond).toLocaleString("en")} | ${(r.perSecond / regexRate).toFixed(3)}× |`);
