/**
 * Every input returns a well-formed result: seeded random bytes, random UTF-16 with
 * lone surrogates, huge strings, truncated payloads and non-string values at runtime.
 * (The million-input run is `npm run fuzz`, not a test.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../src/corpus/rng.js";
import { buildCorpus } from "../src/corpus/build-corpus.js";
import type { Classification, InjectionClassifier } from "../src/index.js";
import { createNodeClassifier } from "../src/node/index.js";
import { detectByFingerprint } from "../src/baseline/fingerprint-detector.js";

let classifier: InjectionClassifier;

function checkResult(input: string, result: Classification): void {
  expect(["benign", "injection"]).toContain(result.label);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(Array.isArray(result.reasons)).toBe(true);
  for (const reason of result.reasons) {
    if (reason.kind !== "ngram") continue;
    expect(reason.range!.start).toBeGreaterThanOrEqual(0);
    expect(reason.range!.end).toBeLessThanOrEqual(input.length);
    expect(reason.range!.start).toBeLessThanOrEqual(reason.range!.end);
  }
}

function randomInput(rng: Rng): string {
  switch (rng.int(0, 3)) {
    case 0: // random bytes read as Latin-1
      return String.fromCharCode(...Array.from({ length: rng.int(0, 200) }, () => rng.int(0, 255)));
    case 1: // random UTF-16 code units, lone surrogates included
      return String.fromCharCode(...Array.from({ length: rng.int(0, 200) }, () => rng.int(0, 0xffff)));
    case 2: // random percent escapes, valid or not
      return Array.from({ length: rng.int(0, 60) }, () => `%${rng.pick([..."0123456789abcdefXZ%"])}${rng.pick([..."0123456789ABCDEF%"])}`).join("");
    default: // structured junk
      return Array.from({ length: rng.int(0, 80) }, () => rng.pick(["'", "--", "/*", "*/", "/*!", "[CLS]", "0x", "\u0000", "\uD800", "\uDFFF", "union", " ", "%", "\\", "ＳＥＬＥＣＴ"])).join("");
  }
}

describe("fuzzing the classifier", () => {
  beforeAll(async () => {
    classifier = await createNodeClassifier();
  });
  afterAll(async () => {
    await classifier.dispose();
  });

  it("returns a result for 2,000 seeded random inputs", async () => {
    const rng = new Rng(99);
    const inputs = Array.from({ length: 2000 }, () => randomInput(rng));
    const results = await classifier.classifyBatch(inputs);
    results.forEach((result, i) => checkResult(inputs[i]!, result));
  });

  it("returns a result for truncated corpus payloads", async () => {
    const rng = new Rng(7);
    const inputs = buildCorpus({ split: "test", attacks: 300, seed: 5 }).map((s) => s.text.slice(0, rng.int(0, s.text.length)));
    const results = await classifier.classifyBatch(inputs);
    results.forEach((result, i) => checkResult(inputs[i]!, result));
    for (const input of inputs) expect(typeof detectByFingerprint(input).injection).toBe("boolean");
  });

  it("handles huge strings and the empty string", async () => {
    const huge = "x'".repeat(600_000);
    checkResult(huge, await classifier.classify(huge));
    const surrogates = "\uD800".repeat(50_000);
    const result = await classifier.classify(surrogates);
    checkResult(surrogates, result);
    expect(result.reasons.map((r) => r.message).join(" ")).toMatch(/lone surrogates/);
    checkResult("", await classifier.classify(""));
  });

  it("does not throw on non-string values at runtime", async () => {
    for (const value of [undefined, null, 42, { toString: () => "' or 1=1--" }]) {
      const result = await classifier.classify(value as unknown as string);
      expect(["benign", "injection"]).toContain(result.label);
    }
  });
});
