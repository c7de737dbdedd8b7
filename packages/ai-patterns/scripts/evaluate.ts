/**
 * Evaluates the shipped model (loaded through transformers.js, exactly as users load it)
 * against the rule-based baseline and a regex detector on the held-out test split, and
 * prints markdown. `--write-readme` also replaces the evaluation section of README.md.
 * Run: npm run eval -w @sextant/ai-patterns
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCorpus, type Sample } from "../src/corpus/build-corpus.js";
import { detectByFingerprint } from "../src/baseline/fingerprint-detector.js";
import { detectByRegex } from "../src/baseline/regex-detector.js";
import { calibration, emptyConfusion, percentile, rates, record, thresholdForRecall, type Confusion } from "../src/eval/metrics.js";
import { ROBUSTNESS_PROBES } from "../src/eval/robustness-probes.js";
import { HELD_OUT_PROBES } from "../src/eval/held-out-probes.js";
import type { Probe } from "../src/eval/probe.js";
import { createInjectionClassifier } from "../src/classifier/injection-classifier.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const writeReadme = process.argv.includes("--write-readme");
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const f3 = (x: number) => x.toFixed(4);

const test = buildCorpus({ split: "test" });
// Bundled into .cache/, so the model path is given explicitly.
const classifier = await createInjectionClassifier({ modelPath: join(packageDir, "models") });
const texts = test.map((s) => s.text);
const started = performance.now();
const results = await classifier.classifyBatch(texts);
const batchedMs = (performance.now() - started) / texts.length;
const scores = results.map((r) => r.score);
const labels = test.map((s) => s.label);
const fingerprint = test.map((s) => detectByFingerprint(s.text).injection);
const regex = test.map((s) => detectByRegex(s.text));

type Detector = { name: string; predict: (i: number) => boolean };
const detectors: Detector[] = [
  { name: `model (threshold ${classifier.threshold}, chosen on training templates)`, predict: (i) => results[i]!.label === "injection" },
  { name: "fingerprint baseline", predict: (i) => fingerprint[i]! },
  { name: "regex detector", predict: (i) => regex[i]! },
];
const confusionOf = (predict: (i: number) => boolean, filter: (s: Sample) => boolean = () => true): Confusion => {
  const c = emptyConfusion();
  test.forEach((s, i) => filter(s) && record(c, s.label, predict(i)));
  return c;
};

const out: string[] = [];
const line = (text = "") => out.push(text);
const groupCount = (g: string) => test.filter((s) => s.group === g).length;
line(`Test split: ${test.length} samples — ${groupCount("attack")} injections (held-out templates, or any template under a held-out evasion), ${groupCount("benign-sql")} benign SQL and ${groupCount("benign-text")} benign texts (held-out templates only); filler names from pools training never saw.`);
line();
line("**Overall**");
line();
line("| detector | precision | recall | F1 | FPR (all benign) | FPR benign SQL | FPR benign text |");
line("|---|---|---|---|---|---|---|");
for (const d of detectors) {
  const all = rates(confusionOf(d.predict));
  const sqlFpr = rates(confusionOf(d.predict, (s) => s.group !== "benign-text")).fpr;
  const textFpr = rates(confusionOf(d.predict, (s) => s.group !== "benign-sql")).fpr;
  line(`| ${d.name} | ${f3(all.precision)} | ${f3(all.recall)} | ${f3(all.f1)} | ${pct(all.fpr)} | ${pct(sqlFpr)} | ${pct(textFpr)} |`);
}
line();
// The contrast the issue asks for: on templates training saw (fresh seed and fillers),
// every detector that learned looks perfect.
const seen = buildCorpus({ split: "validation", seed: 77 });
const seenResults = await classifier.classifyBatch(seen.map((s) => s.text));
const seenModel = emptyConfusion();
const seenBaseline = emptyConfusion();
seen.forEach((s, i) => {
  record(seenModel, s.label, seenResults[i]!.label === "injection");
  record(seenBaseline, s.label, detectByFingerprint(s.text).injection);
});
const seenRates = rates(seenModel);
line(`For contrast, on ${seen.length} samples from templates training saw (fresh seed): model F1 ${f3(seenRates.f1)}, FPR ${pct(seenRates.fpr)}; fingerprint baseline F1 ${f3(rates(seenBaseline).f1)}.`);
line();
for (const target of [0.99, 0.995]) {
  const threshold = thresholdForRecall(scores, labels, target);
  const at = (i: number) => scores[i]! >= threshold;
  const sqlFpr = rates(confusionOf(at, (s) => s.group !== "benign-text")).fpr;
  const textFpr = rates(confusionOf(at, (s) => s.group !== "benign-sql")).fpr;
  line(`At a fixed detection rate of ${pct(target)} (threshold ${threshold.toPrecision(3)}): FPR on benign SQL ${pct(sqlFpr)}, on benign text ${pct(textFpr)}.`);
  line();
}

line("**Per family** (attack families: TP/FN and recall; benign templates: TN/FP and FPR)");
line();
line("| family / template | n | model | fingerprint | regex |");
line("|---|---|---|---|---|");
const cell = (c: Confusion) => (c.tp + c.fn > 0 ? `${c.tp}/${c.fn} (${pct(rates(c).recall)})` : `${c.tn}/${c.fp} (FPR ${pct(rates(c).fpr)})`);
const rows: Array<[string, (s: Sample) => boolean]> = [];
for (const family of [...new Set(test.filter((s) => s.label === 1).map((s) => s.family))].sort()) rows.push([family, (s) => s.family === family]);
for (const evasion of [...new Set(test.map((s) => s.evasion).filter((e): e is string => !!e))].sort()) rows.push([evasion, (s) => s.evasion === evasion]);
rows.push(["form: embedded in a query", (s) => s.label === 1 && s.form === "query"]);
for (const template of [...new Set(test.filter((s) => s.label === 0).map((s) => s.template))].sort()) rows.push([template, (s) => s.template === template]);
for (const [name, filter] of rows) {
  const n = test.filter(filter).length;
  line(`| ${name} | ${n} | ${detectors.map((d) => cell(confusionOf(d.predict, filter))).join(" | ")} |`);
}
line();

async function probeTable(title: string, probes: readonly Probe[]) {
  line(title);
  line();
  line("| input | trick | label | model score | model | fingerprint | regex |");
  line("|---|---|---|---|---|---|---|");
  const probeResults = await classifier.classifyBatch(probes.map((p) => p.text));
  let modelRight = 0;
  let fingerprintRight = 0;
  let regexRight = 0;
  probes.forEach((probe, i) => {
    const model = probeResults[i]!.label === "injection";
    const fp = detectByFingerprint(probe.text).injection;
    const rx = detectByRegex(probe.text);
    const mark = (flag: boolean) => (flag === (probe.label === 1) ? "✓" : "✗");
    modelRight += Number(model === (probe.label === 1));
    fingerprintRight += Number(fp === (probe.label === 1));
    regexRight += Number(rx === (probe.label === 1));
    line(`| \`${probe.text.replace(/\|/g, "\\|").replace(/\t/g, "\\t").replace(/\n/g, "\\n")}\` | ${probe.trick} | ${probe.label ? "injection" : "benign"} | ${probeResults[i]!.score.toFixed(3)} | ${mark(model)} | ${mark(fp)} | ${mark(rx)} |`);
  });
  line(`| **correct** | | | | **${modelRight}/${probes.length}** | ${fingerprintRight}/${probes.length} | ${regexRight}/${probes.length} |`);
  line();
}
await probeTable("**Robustness probes** (hand-written; ✓ = correct decision)", ROBUSTNESS_PROBES);
// Written before the robustness round tuned anything and never used to choose a change:
// whether the fixes for the named probes carry over to the same tricks in other words.
await probeTable("**Held-out robustness probes** (hand-written before the robustness round's changes, never used to choose one)", HELD_OUT_PROBES);

const { ece, table } = calibration(scores, labels);
line(`**Calibration**: expected calibration error ${ece.toFixed(4)} (10 bins).`);
line();
line("| score bin | n | mean score | injection rate |");
line("|---|---|---|---|");
for (const bin of table) if (bin.count) line(`| ${bin.low.toFixed(1)}–${bin.high.toFixed(1)} | ${bin.count} | ${bin.meanScore.toFixed(3)} | ${bin.positiveRate.toFixed(3)} |`);
line();

const flagged = test.map((s, i) => ({ s, r: results[i]! })).filter(({ s, r }) => s.label === 1 && r.label === "injection");
const tagged = flagged.filter(({ s, r }) => r.family === s.family).length;
line(`**Family tagger** (rules over tokens, on detected injections): right family for ${tagged}/${flagged.length} (${pct(tagged / Math.max(1, flagged.length))}).`);
line();

const single: number[] = [];
for (const text of texts.slice(0, 500)) {
  const t0 = performance.now();
  await classifier.classify(text);
  single.push(performance.now() - t0);
}
line(`**Latency** (Node ${process.version}, onnxruntime-node via transformers.js, this machine): one query at a time p50 ${percentile(single, 50).toFixed(3)} ms, p99 ${percentile(single, 99).toFixed(3)} ms; batched (64 per call) ${batchedMs.toFixed(3)} ms per query. See bench/ for the full comparison.`);
await classifier.dispose();

const markdown = out.join("\n");
console.log(markdown);
if (writeReadme) {
  const readmePath = join(packageDir, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const begin = "<!-- eval:begin -->";
  const end = "<!-- eval:end -->";
  if (!readme.includes(begin) || !readme.includes(end)) throw new Error(`README.md lacks the ${begin} … ${end} markers`);
  writeFileSync(readmePath, `${readme.slice(0, readme.indexOf(begin) + begin.length)}\n${markdown}\n${readme.slice(readme.indexOf(end))}`);
  console.error("README.md updated");
}
