// The formatter over the parser's own fixture files (every dialect, valid and broken):
// idempotent, same tokens and comments, broken statements verbatim, nothing unverified.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import * as api from "../../src/index.js";
import { formatDocument, type Dialect } from "../../src/index.js";
import { sameDocumentTokens } from "../../scripts/fuzz-inputs.mjs";

const parserTests = join(dirname(fileURLToPath(import.meta.url)), "../parser");

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sqlFiles(path) : name.endsWith(".sql") ? [path] : [];
  });
}

const files = sqlFiles(parserTests);

test("there are parser fixtures to format", () => {
  expect(files.length).toBeGreaterThan(10);
});

test.each(files.map((f) => [relative(parserTests, f), f] as const))("formats %s safely", (_name, file) => {
  const dialect: Dialect = file.includes("/mysql/") ? "mysql" : file.includes("/sqlite/") ? "sqlite" : "postgres";
  const text = readFileSync(file, "utf8");
  const first = formatDocument(text, { dialect });
  expect(first.statements.filter((s) => s.status === "unverified")).toEqual([]);
  for (const s of first.statements) if (s.status !== "formatted") expect(first.text).toContain(text.slice(s.range.start, s.range.end));
  expect(sameDocumentTokens(api, text, first.text, dialect)).toBe(true);
  expect(formatDocument(first.text, { dialect }).text).toBe(first.text);
});
