import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mismatches, scanner } from "./support.js";

const dir = join(import.meta.dirname, "fixtures");
const files = readdirSync(dir).sort();

describe("labelled fixtures (inline expectations)", () => {
  afterAll(() => scanner().dispose());

  it("covers every language", () => {
    const extensions = new Set(files.map((f) => f.slice(f.lastIndexOf(".") + 1)));
    expect([...extensions].sort()).toEqual(["go", "java", "js", "php", "py", "rb", "ts", "tsx"]);
  });

  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(dir, file), "utf8");
      const result = await scanner().scan({ path: file, text });
      expect(result.language).not.toBeNull();
      expect(mismatches(text, result.diagnostics)).toEqual([]);
      // A fixture without sinks would pass vacuously.
      expect(result.extractions.length).toBeGreaterThanOrEqual(2);
    });
  }
});
