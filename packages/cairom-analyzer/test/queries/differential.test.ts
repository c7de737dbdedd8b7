import { describe, expect, it } from "vitest";
import { prng } from "../../fuzz/generate.mjs";
import { createCairoMService, InMemoryFileSystem } from "../../src/index.js";

const FILES: Record<string, string> = {
  "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
  "/p/src/main.cm": `use shapes::{Point, area, ORIGIN};
use util::math::twice;
fn main() -> felt {
    let p: Point = Point { x: 1, y: 2 };
    let a = area(p);
    return twice(a) + ORIGIN;
}
fn other(n: u32) -> u32 {
    let i: u32 = 0;
    while i < n { i = i + 1; }
    return i;
}
`,
  "/p/src/shapes.cm": `struct Point { x: felt, y: felt }
const ORIGIN: felt = 0;
fn area(p: Point) -> felt { return p.x * p.y; }
`,
  "/p/src/util/math.cm": `fn twice(a: felt) -> felt { return a + a; }
fn unused_helper(b: u32) -> u32 { return b; }
`,
};

const SNIPPETS = [
  "x", "y", "1", "u32", "felt", "Point", "area", "twice", "ORIGIN", ";", "{", "}", "(", ")", " + ", " = ",
  "let q = 3;", "return 0;", "fn extra() { return; }", "use shapes::area;", "const K: u32 = 1;", "p.", ".0", ",", "\n",
];

/** Every file's diagnostics from an incremental service equal those of a fresh one after each random edit. */
describe("incremental = from scratch (seeded random edits)", () => {
  it("200 edits across three modules", () => {
    const rand = prng(31337);
    const fs = new InMemoryFileSystem(FILES);
    const incremental = createCairoMService({ fs });
    const paths = Object.keys(FILES).filter((p) => p.endsWith(".cm"));
    const texts = new Map(paths.map((p) => [p, FILES[p]!]));
    let stepsWithDiagnostics = 0;
    for (let step = 0; step < 200; step++) {
      const path = paths[Math.floor(rand() * paths.length)]!;
      let text = texts.get(path)!;
      const at = Math.floor(rand() * (text.length + 1));
      if (rand() < 0.5) text = text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)]! + text.slice(at);
      else text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 6)));
      // Every 25 edits, go back to the original text of that file (edits then undo).
      if (step % 25 === 24) text = FILES[path]!;
      texts.set(path, text);
      incremental.setFileText(path, text);
      const fresh = createCairoMService({ fs: new InMemoryFileSystem({ ...FILES, ...Object.fromEntries(texts) }) });
      let any = false;
      for (const p of paths) {
        const d = incremental.getDiagnostics(p);
        if (d.length > 0) any = true;
        expect(d, `step ${step}, ${p}`).toEqual(fresh.getDiagnostics(p));
      }
      if (any) stepsWithDiagnostics++;
      // IDE answers from memoized state equal those of the fresh service.
      const offset = Math.floor(rand() * (text.length + 1));
      expect(incremental.getHover(path, offset), `hover, step ${step}`).toEqual(fresh.getHover(path, offset));
      expect(incremental.getDefinition(path, offset), `definition, step ${step}`).toEqual(fresh.getDefinition(path, offset));
      expect(incremental.getCompletions(path, offset), `completion, step ${step}`).toEqual(fresh.getCompletions(path, offset));
      expect(incremental.getInlayHints(path), `inlay hints, step ${step}`).toEqual(fresh.getInlayHints(path));
    }
    expect(stepsWithDiagnostics).toBeGreaterThan(60);
  });
});
