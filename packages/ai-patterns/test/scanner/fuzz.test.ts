/**
 * Seeded fuzzing of the scanner: random bytes, truncations and token-level mutations of
 * the fixtures in every language. The scanner must always resolve to a result whose
 * ranges lie inside the text and whose mappings stay in bounds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Rng } from "../../src/corpus/rng.js";
import type { ScanResult, SourceFile } from "../../src/scanner/index.js";
import { scanner } from "./support.js";

afterAll(() => scanner().dispose());

/** The package's seeded generator (mulberry32, as every other seeded test uses) as a plain function. */
function prng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const dir = join(import.meta.dirname, "fixtures");
const fixtures = readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
const PIECES = ['"', "'", "`", "${", "#{", "}", "(", ")", "+", " + x", "\\", "\n", "%s", "f\"", "req.params.id", "$_GET['a']", "db.query(", "cursor.execute(", "\uD800", "🎉", "\u0000"];

function mutate(text: string, r: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(r() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * (out.length + 1));
    const kind = r();
    if (kind < 0.4) out = out.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)]! + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 40));
    else out = out.slice(0, at) + out.slice(Math.floor(r() * out.length)).slice(0, 200) + out.slice(at);
  }
  return out;
}

function check(file: SourceFile, result: ScanResult): void {
  const length = file.text.length;
  for (const d of result.diagnostics) {
    expect(d.range.start).toBeGreaterThanOrEqual(0);
    expect(d.range.end).toBeLessThanOrEqual(length);
    expect(d.range.start).toBeLessThanOrEqual(d.range.end);
    expect(d.source).toBe("patterns");
    // scan-failed would mean an internal exception was caught: a bug, even if not a crash.
    expect(d.code, d.message).not.toBe("scan-failed");
  }
  for (const e of result.extractions) {
    for (const at of [0, e.sql.length >> 1, e.sql.length]) {
      const host = e.mapping(at);
      expect(host).toBeGreaterThanOrEqual(0);
      expect(host).toBeLessThanOrEqual(length);
    }
  }
}

describe("fuzzing (seeded)", () => {
  it("survives mutated and truncated sources in every language", async () => {
    const r = prng(20261123);
    let scanned = 0;
    for (let round = 0; round < 40; round++) {
      for (const fixture of fixtures) {
        const cut = fixture.text.slice(0, Math.floor(r() * fixture.text.length));
        for (const text of [mutate(fixture.text, r), cut]) {
          const file = { path: fixture.name, text };
          check(file, await scanner().scan(file));
          scanned++;
        }
      }
    }
    expect(scanned).toBe(40 * fixtures.length * 2);
  });

  it("survives random text and random bytes under every language", async () => {
    const r = prng(7);
    const paths = ["a.js", "a.ts", "a.tsx", "a.py", "A.java", "a.go", "a.php", "a.rb"];
    for (let i = 0; i < 400; i++) {
      const length = Math.floor(r() * 400);
      let text = "";
      const alphabet = r() < 0.5 ? 0x80 : 0xffff;
      for (let k = 0; k < length; k++) text += String.fromCharCode(Math.floor(r() * alphabet));
      // Salt with sink names so the prefilter lets the parser run.
      text = `db.query(${text}) cursor.execute(${text.slice(0, 50)}`;
      const file = { path: paths[i % paths.length]!, text };
      check(file, await scanner().scan(file));
    }
  });

  it("survives mutations of large files, where only parts are parsed", async () => {
    const r = prng(99);
    let selective = 0;
    for (let round = 0; round < 12; round++) {
      for (const fixture of fixtures) {
        // Repeating a fixture makes it large enough for selective parsing.
        const text = mutate(fixture.text.repeat(4), r);
        const file = { path: fixture.name, text };
        const result = await scanner().scan(file);
        check(file, result);
        if (text.length >= 4096) selective++;
      }
    }
    expect(selective).toBeGreaterThan(50);
  });
});
