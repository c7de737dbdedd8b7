// The formatter over every statement of the generated corpora: idempotent, keeps every
// comment, keeps the tree (node kinds modulo trivia), and leaves statements with
// syntax errors exactly as written.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import * as api from "../../src/index.js";
import { formatDocument, parse, type Dialect } from "../../src/index.js";
// Plain ESM helper shared with the fuzz script.
import { sameDocumentTokens } from "../../scripts/fuzz-inputs.mjs";
import { commentTexts, treeShape } from "./tree-shape.js";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface Entry {
  id: string;
  kind: string;
  expect: "accept" | "reject";
  sql: string;
}

function load(name: string): Entry[] {
  return (JSON.parse(readFileSync(join(packageRoot, "corpus", `${name}.json`), "utf8")) as { statements: Entry[] }).statements;
}

// Chunks of the corpora, so no single test runs long on a loaded machine.
const CHUNK = 1500;
const CHUNKS = (
  [
    ["postgres", "postgres"],
    ["sqlite", "sqlite"],
    ["mysql", "mysql"],
  ] as const
).flatMap(([corpus, dialect]) => {
  const all = load(corpus);
  const out: { corpus: string; dialect: Dialect; from: number; entries: Entry[] }[] = [];
  for (let from = 0; from < all.length; from += CHUNK) out.push({ corpus, dialect, from, entries: all.slice(from, from + CHUNK) });
  return out;
});

test("the chunks cover every corpus statement", () => {
  expect(CHUNKS.reduce((n, c) => n + c.entries.length, 0)).toBe(load("postgres").length + load("sqlite").length + load("mysql").length);
});

describe.each(CHUNKS)("formatting the $corpus corpus from entry $from", ({ dialect, entries }) => {
  test("is idempotent, keeps comments and the tree, and skips statements with errors", () => {
    const notIdempotent: string[] = [];
    const shapeChanged: string[] = [];
    const commentsChanged: string[] = [];
    const errorTouched: string[] = [];
    const unverified: string[] = [];
    const tokensChanged: string[] = [];
    let formatted = 0;
    for (const entry of entries) {
      const before = parse(entry.sql, { dialect });
      const first = formatDocument(entry.sql, { dialect, parsed: before });
      const statuses = first.statements.map((st) => st.status);
      if (statuses.includes("unverified")) unverified.push(entry.id);
      for (const st of first.statements) {
        // A statement left as written appears verbatim in the output.
        if (st.status !== "formatted" && !first.text.includes(entry.sql.slice(st.range.start, st.range.end))) errorTouched.push(entry.id);
      }
      formatted += statuses.filter((st) => st === "formatted").length;
      if (!sameDocumentTokens(api, entry.sql, first.text, dialect)) tokensChanged.push(entry.id);
      const after = parse(first.text, { dialect });
      const second = formatDocument(first.text, { dialect, parsed: after });
      if (second.text !== first.text) notIdempotent.push(entry.id);
      if (!statuses.includes("formatted")) continue;
      if (treeShape(before.root) !== treeShape(after.root)) shapeChanged.push(entry.id);
      if (commentTexts(before.root).join("\u0000") !== commentTexts(after.root).join("\u0000")) commentsChanged.push(entry.id);
    }
    expect({ notIdempotent, shapeChanged, commentsChanged, errorTouched, unverified, tokensChanged }).toEqual({
      tokensChanged: [],
      notIdempotent: [],
      shapeChanged: [],
      commentsChanged: [],
      errorTouched: [],
      unverified: [],
    });
    // Most of the corpus must actually be formatted, or the checks above prove little.
    expect(formatted).toBeGreaterThanOrEqual(Math.floor(entries.filter((e) => e.expect === "accept").length * 0.8));
  });
});
