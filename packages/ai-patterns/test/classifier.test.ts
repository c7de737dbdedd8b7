/**
 * The shipped model loaded through transformers.js, offline: decisions, reasons with
 * spans into the input, notes, family tags, the optional cache, and the same answer
 * from `pipeline("text-classification")` as from `classify`.
 */
import { env, pipeline } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Classification, ClassificationCache, InjectionClassifier } from "../src/index.js";
import { createNodeClassifier, MODELS_DIRECTORY } from "../src/node/index.js";
import { contextPrefix, createInjectionClassifier } from "../src/index.js";

let classifier: InjectionClassifier;

describe("injection classifier", () => {
  beforeAll(async () => {
    // Any network access during loading fails the test instead of going out.
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("network access attempted"));
    classifier = await createNodeClassifier();
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    expect(env.allowRemoteModels).toBe(false);
  });

  afterAll(async () => {
    await classifier.dispose();
  });

  it("refuses options without a model path with a sentence that says what to pass", async () => {
    const call = createInjectionClassifier as unknown as (options?: unknown) => Promise<unknown>;
    for (const options of [undefined, {}, { modelPath: "" }]) {
      await expect(call(options)).rejects.toThrow(/needs options\.modelPath.*createNodeClassifier\(\)/);
    }
  });

  it("flags injections and passes benign look-alikes", async () => {
    const injections = ["' OR 1=1 --", "1 UNION SELECT username, password FROM users--", "'; DROP TABLE accounts--", "admin'--", "1 AND SLEEP(5)"];
    const benign = ["O'Brien", "1 OR 2 apples", "12345||12345", "!@#", "SELECT id FROM orders WHERE customer_id = $1", "mary.o'neil@example.com"];
    for (const text of injections) expect((await classifier.classify(text)).label, text).toBe("injection");
    for (const text of benign) expect((await classifier.classify(text)).label, text).toBe("benign");
  });

  it("names the spans that drove the decision", async () => {
    const text = "SELECT * FROM users WHERE name = '' OR '1'='1' -- '";
    const result = await classifier.classify(text);
    expect(result.label).toBe("injection");
    const evidence = result.reasons.filter((r) => r.kind === "ngram");
    expect(evidence.length).toBeGreaterThan(0);
    for (const reason of evidence) {
      expect(text.slice(reason.range!.start, reason.range!.end)).toBe(reason.text);
      expect(reason.contribution!).toBeGreaterThan(0);
    }
    // The strongest text evidence is in the injected part, not in the query around it.
    expect(evidence[0]!.range!.start).toBeGreaterThanOrEqual(text.indexOf("''"));
  });

  it("explains how the input reads as SQL (context reasons)", async () => {
    const result = await classifier.classify("1 or true");
    const context = result.reasons.filter((r) => r.kind === "context");
    expect(context.length).toBeGreaterThan(0);
    for (const reason of context) expect(reason.range).toEqual({ start: 0, end: 9 });
    const script = await classifier.classify("START TRANSACTION; DELETE FROM carts WHERE id = 7; COMMIT;");
    expect(script.label).toBe("benign");
  });

  it("explains benign decisions with negative evidence", async () => {
    const result = await classifier.classify("SELECT id, name FROM customers ORDER BY name LIMIT 10");
    expect(result.label).toBe("benign");
    expect(result.reasons.some((r) => r.kind === "ngram" && r.contribution! < 0)).toBe(true);
  });

  it("maps spans through URL decoding back to the raw input", async () => {
    const text = "id=%27%20OR%201%3D1--";
    const result = await classifier.classify(text);
    expect(result.label).toBe("injection");
    expect(result.reasons[0]).toMatchObject({ kind: "note", message: expect.stringContaining("URL-encoded") });
    for (const r of result.reasons.filter((r) => r.kind === "ngram")) expect(text.slice(r.range!.start, r.range!.end)).toBe(r.text);
  });

  it("reads form-encoded '+' as spaces and boolean literals as tautology operands", async () => {
    const plus = await classifier.classify("1+or+1=1");
    expect(plus.label).toBe("injection");
    expect(plus.reasons[0]).toMatchObject({ kind: "note", message: expect.stringContaining("form encoding") });
    expect((await classifier.classify("1 or true")).label).toBe("injection");
    // Benign look-alikes kept benign: a bare word after OR, no expression after OR.
    for (const text of ["salt+and+pepper", "a || b", "1 OR 5 bottles"]) expect((await classifier.classify(text)).label, text).toBe("benign");
  });

  it("scores a script of statements each ended by ';' statement by statement", async () => {
    const text = "DELETE FROM orders WHERE id = 12; DELETE FROM orders WHERE id = 13;";
    const script = await classifier.classify(text);
    expect(script.label).toBe("benign");
    expect(script.reasons.some((r) => r.kind === "note" && /statement by statement/.test(r.message))).toBe(true);
    for (const r of script.reasons.filter((r) => r.kind === "ngram")) expect(text.slice(r.range!.start, r.range!.end)).toBe(r.text);
    // A statement after a value is a stacked query, not a script.
    expect((await classifier.classify("77; DELETE FROM orders WHERE id = 78")).label).toBe("injection");
    expect((await classifier.classify("77; DELETE FROM orders WHERE id = 78;")).label).toBe("injection");
  });

  it("tags the attack family", async () => {
    expect((await classifier.classify("' UNION SELECT NULL,NULL--")).family).toBe("union-based");
    expect((await classifier.classify("1 AND SLEEP(5)")).family).toBe("time-blind");
    expect((await classifier.classify("O'Brien")).family).toBeUndefined();
  });

  it("truncates oversized input with a note", async () => {
    const result = await classifier.classify(`${"a ".repeat(20_000)}' OR 1=1 --`);
    expect(result.reasons[0]!.message).toMatch(/truncated/);
    expect(Number.isFinite(result.score)).toBe(true);
  });

  it("gives the same results in a batch as one by one", async () => {
    const texts = ["' OR 'a'='a", "hello world", "", "1; DELETE FROM t"];
    const batch = await classifier.classifyBatch(texts);
    for (let i = 0; i < texts.length; i++) {
      const single = await classifier.classify(texts[i]!);
      expect(batch[i]!.label).toBe(single.label);
      expect(batch[i]!.score).toBeCloseTo(single.score, 6);
    }
  });

  it("uses a cache passed in, keyed by content", async () => {
    const store = new Map<string, Classification>();
    const cache: ClassificationCache = {
      async getOrSet(key, factory) {
        if (!store.has(key)) store.set(key, await factory());
        return store.get(key)!;
      },
    };
    const cached = await createNodeClassifier({ cache });
    const first = await cached.classify("' OR 1=1 --");
    const second = await cached.classify("' OR 1=1 --");
    await cached.classify("O'Brien");
    expect(second).toBe(first);
    expect([...store.keys()]).toHaveLength(2);
    expect([...store.keys()][0]).toMatch(/^patterns:classify:sql-injection-ngram:[0-9a-f]{16}-/);
    await cached.dispose();
  });

  it("gives the same score through pipeline('text-classification')", async () => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIRECTORY;
    const classify = await pipeline("text-classification", "sql-injection-ngram", { dtype: "fp32" });
    for (const text of ["' OR 1=1 --", "O'Brien", "SELECT 1"]) {
      // Plain transformers.js reads the context markers as a prefix of added tokens.
      const [top] = (await classify(contextPrefix(text) + text)) as Array<{ label: string; score: number }>;
      const ours = await classifier.classify(text);
      expect(top!.label).toBe(ours.label);
      expect(top!.label === "injection" ? top!.score : 1 - top!.score).toBeCloseTo(ours.score, 5);
    }
    await classify.dispose();
  });
});
