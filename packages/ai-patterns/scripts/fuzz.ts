/**
 * Heavy fuzzing (not a test): classifies N seeded random inputs (default 1,000,000) in
 * batches and checks every result is well-formed. Also runs the fingerprint baseline.
 * Run: npm run fuzz -w @sextant/ai-patterns [-- count]
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Rng } from "../src/corpus/rng.js";
import { createInjectionClassifier } from "../src/classifier/injection-classifier.js";
import { detectByFingerprint } from "../src/baseline/fingerprint-detector.js";

const count = Number(process.argv[2] ?? 1_000_000);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const classifier = await createInjectionClassifier({ modelPath: join(packageDir, "models"), batchSize: 256 });
const rng = new Rng(20261123);
const pieces = ["'", '"', "--", "#", "/*", "*/", "/*!", "[CLS]", "[SEP]", "\u27e6", "\u27e7", "\u27e6stmt:single\u27e7", ";", ")", "or", "0x", "%27", "%", "\u0000", "\uD800", "\uDFFF", "union", "select", " ", "\t", "ＳＥＬ", "😀", "\\"];
const randomInput = () => {
  switch (rng.int(0, 2)) {
    case 0:
      return String.fromCharCode(...Array.from({ length: rng.int(0, 120) }, () => rng.int(0, 0xffff)));
    case 1:
      return String.fromCharCode(...Array.from({ length: rng.int(0, 120) }, () => rng.int(0, 255)));
    default:
      return Array.from({ length: rng.int(0, 60) }, () => rng.pick(pieces)).join("");
  }
};

const started = performance.now();
let flagged = 0;
for (let done = 0; done < count; ) {
  const batch = Array.from({ length: Math.min(4096, count - done) }, randomInput);
  const results = await classifier.classifyBatch(batch);
  results.forEach((r, i) => {
    const input = batch[i]!;
    const ok = (r.label === "benign" || r.label === "injection") && r.score >= 0 && r.score <= 1 &&
      r.reasons.every((x) => x.kind === "note" || (x.range!.start >= 0 && x.range!.end <= input.length && x.range!.start <= x.range!.end));
    if (!ok) throw new Error(`malformed result for ${JSON.stringify(input)}: ${JSON.stringify(r)}`);
    detectByFingerprint(input);
    if (r.label === "injection") flagged++;
  });
  done += batch.length;
  if (done % 100_000 < 4096) console.log(`${done} inputs, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`fuzzed ${count} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s: all results well-formed (${flagged} flagged as injection)`);
await classifier.dispose();
