import { afterAll, describe, expect, it } from "vitest";
import { createTieredCache } from "@sextant/tiered-cache";
import { createNodeScanner } from "../../src/node/scanner-node.js";
import { createScanner, DEFAULT_SINKS, type ScanCache, type SinkSpec } from "../../src/scanner/index.js";
import { scanner } from "./support.js";

afterAll(() => scanner().dispose());

describe("bad input", () => {
  it("refuses oversize input with a clear diagnostic", async () => {
    const small = createNodeScanner({ maxFileLength: 1000 });
    const result = await small.scan({ path: "big.js", text: `db.query("SELECT 1");\n`.repeat(100) });
    expect(result.extractions).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: "input-too-large", severity: "warning", source: "patterns", message: expect.stringContaining("limit of 1000") }),
    ]);
    await small.dispose();
  });

  it("skips minified bundles unless asked, and scans them when asked", async () => {
    const line = Array.from({ length: 1000 }, (_, i) => `function f${i}(a){return a+${i}}`).join(";");
    const text = `${line};db.query("SELECT * FROM t WHERE a = "+req.query.a);\n`;
    const skipped = await scanner().scan({ path: "bundle.min.js", text });
    expect(skipped.diagnostics.map((d) => [d.code, d.severity])).toEqual([["minified-input", "info"]]);
    const all = createNodeScanner({ skipMinified: false });
    expect((await all.scan({ path: "bundle.min.js", text })).diagnostics.map((d) => [d.code, d.severity])).toEqual([["sql-injection", "error"]]);
    await all.dispose();
  });

  it("refuses binary data", async () => {
    const binary = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
    const result = await scanner().scan({ path: "x.py", text: binary });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["binary-input"]);
  });

  it("returns nothing for files it does not handle", async () => {
    expect(await scanner().scan({ path: "README.md", text: "db.query('x' + y)" })).toEqual({ language: null, diagnostics: [], extractions: [] });
    expect(await scanner().scan({ text: "db.query('x' + y)" })).toMatchObject({ language: null });
  });

  it("says so when asked for a language it has no grammar for, instead of finding nothing", async () => {
    const result = await scanner().scan({ path: "a.cob", language: "cobol" as never, text: "db.query('x' + y)" });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "scan-failed", message: expect.stringContaining('"cobol" is not a language the scanner reads (javascript') })]);
  });

  it("turns a non-string text and a failing grammar loader into scan-failed diagnostics", async () => {
    const result = await scanner().scan({ path: "a.js", text: 42 as unknown as string });
    expect(result.diagnostics[0]).toMatchObject({ code: "scan-failed", message: expect.stringContaining("must be a string") });
    const broken = createScanner({ loadGrammar: () => Promise.reject(new Error("grammar missing: tree-sitter-go.wasm")) });
    const failed = await broken.scan({ path: "a.go", text: 'package m\nfunc f() { db.Query("SELECT " + x) }' });
    expect(failed.diagnostics).toEqual([expect.objectContaining({ code: "scan-failed", message: expect.stringContaining("tree-sitter-go.wasm") })]);
    await broken.dispose();
  });

  it("still finds sinks in code with syntax errors", async () => {
    const text = `function f(req) {\n  db.query("SELECT * FROM t WHERE a = " + req.query.a);\n  if (( {\n}\n`;
    const result = await scanner().scan({ path: "broken.js", text });
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["sql-injection", "error"]]);
  });

  it("stays bounded on deeply nested and self-referential building", async () => {
    const deep = `db.query("SELECT " + ${"(".repeat(3000)}x${")".repeat(3000)});`;
    const loop = `let q = "SELECT 1";\nfor (;;) { q = q + q + a; }\ndb.query(q);\n`;
    const chain = Array.from({ length: 500 }, (_, i) => `const v${i + 1} = v${i} + "x";`).join("\n");
    for (const text of [deep, loop, `const v0 = req.body.a;\n${chain}\ndb.query("SELECT " + v500);\n`]) {
      const result = await scanner().scan({ path: "deep.js", text });
      // Each still yields one finding: when the budget runs out the value is unknown, not safe.
      expect(result.diagnostics.map((d) => d.code)).toEqual(["sql-injection"]);
    }
  });
});

describe("configuration", () => {
  it("accepts extra sinks and can drop the defaults", async () => {
    const custom: SinkSpec = { languages: ["javascript"], method: "runSql", receiver: /^repo$/ };
    const text = `repo.runSql("DELETE FROM t WHERE id = " + req.params.id);\ndb.query("SELECT " + req.params.x);\n`;
    const extended = createNodeScanner({ sinks: [...DEFAULT_SINKS, custom] });
    expect((await extended.scan({ path: "a.js", text })).diagnostics).toHaveLength(2);
    const only = createNodeScanner({ sinks: [custom] });
    const result = await only.scan({ path: "a.js", text });
    expect(result.extractions.map((e) => e.sink.method)).toEqual(["runSql"]);
    await extended.dispose();
    await only.dispose();
  });

  it("can switch sensitive-literal reporting off", async () => {
    const text = `db.query("SELECT * FROM t WHERE email = 'ann@example.org'");\n`;
    const on = await scanner().scan({ path: "a.js", text });
    expect(on.diagnostics.map((d) => d.code)).toEqual(["sensitive-literal"]);
    const quiet = createNodeScanner({ sensitiveLiterals: false });
    expect((await quiet.scan({ path: "a.js", text })).diagnostics).toEqual([]);
    await quiet.dispose();
  });
});

describe("cache", () => {
  /** A structural cache like the tiered cache's getOrSet, recording what it was asked. */
  function recordingCache() {
    const store = new Map<string, unknown>();
    const calls: { key: string; computed: boolean }[] = [];
    const cache: ScanCache = {
      async getOrSet<T>(key: string, factory: () => Promise<T>): Promise<T> {
        if (store.has(key)) {
          calls.push({ key, computed: false });
          return store.get(key) as T;
        }
        const value = await factory();
        // Round-trip through JSON as a persistent tier would.
        store.set(key, JSON.parse(JSON.stringify(value)));
        calls.push({ key, computed: true });
        return store.get(key) as T;
      },
    };
    return { cache, calls };
  }

  it("keys by content hash, reuses results, and rebuilds the mapping from stored runs", async () => {
    const { cache, calls } = recordingCache();
    const cached = createNodeScanner({ cache });
    const text = `db.query("SELECT * FROM t WHERE id = " + req.params.id);\n`;
    const first = await cached.scan({ path: "a.js", text });
    const second = await cached.scan({ path: "b.js", text });
    const other = await cached.scan({ path: "a.js", text: text.replace("id", "uid") });
    expect(calls.map((c) => c.computed)).toEqual([true, false, true]);
    expect(calls[0]!.key).toBe(calls[1]!.key);
    expect(calls[0]!.key).not.toBe(calls[2]!.key);
    expect(second.diagnostics).toEqual(first.diagnostics);
    const [a] = first.extractions;
    const [b] = second.extractions;
    for (let i = 0; i <= a!.sql.length; i++) expect(b!.mapping(i)).toBe(a!.mapping(i));
    expect(other.extractions[0]!.sql).toContain("uid");
    await cached.dispose();
  });

  it("works with the real tiered cache (JSON serializer, memory tier)", async () => {
    const tiered = createTieredCache();
    const keys: string[] = [];
    const cached = createNodeScanner({
      cache: { getOrSet: (key, factory) => (keys.push(key), tiered.getOrSet(key, () => factory())) },
    });
    const text = `cursor.execute("SELECT * FROM t WHERE id = %s" % request.args["id"])\n`;
    const first = await cached.scan({ path: "a.py", text });
    const second = await cached.scan({ path: "a.py", text });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^sextant-patterns-scan\/1\/python\//);
    expect(await tiered.has(keys[0]!)).toBe(true);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.diagnostics.map((d) => d.severity)).toEqual(["error"]);
    expect(second.extractions[0]!.mapping(0)).toBe(text.indexOf("SELECT"));
    await cached.dispose();
    await tiered.close();
  });
});
