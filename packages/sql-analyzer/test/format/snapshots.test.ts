// Human-reviewable snapshots: every fixtures/*.sql is formatted into
// fixtures/*.formatted.sql (update with `npx vitest run -u`). Each snapshot must be a
// fixed point of the formatter.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { format, formatDocument, type FormatOptions } from "../../src/index.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

// Options per fixture; the rest use the defaults.
const OPTIONS: Record<string, FormatOptions> = {
  "options.sql": { keywordCase: "lower", identifierCase: "lower", indent: "tab", lineWidth: 40, commaPosition: "leading" },
  "mysql.sql": { dialect: "mysql" },
  "sqlite.sql": { dialect: "sqlite" },
};

const inputs = readdirSync(fixtures).filter((f) => f.endsWith(".sql") && !f.endsWith(".formatted.sql"));

describe.each(inputs)("fixture %s", (name) => {
  const input = readFileSync(join(fixtures, name), "utf8");
  const options = OPTIONS[name] ?? {};

  test("matches the reviewed snapshot", async () => {
    await expect(format(input, options)).toMatchFileSnapshot(join(fixtures, name.replace(/\.sql$/, ".formatted.sql")));
  });

  test("is a fixed point", () => {
    const once = format(input, options);
    expect(format(once, options)).toBe(once);
  });

  test("formats every statement without errors, and none unverified", () => {
    const statuses = formatDocument(input, options).statements.map((s) => s.status);
    expect(statuses).not.toContain("unverified");
    if (name !== "errors.sql") expect(statuses.every((s) => s === "formatted")).toBe(true);
  });
});

test("the errors fixture keeps its broken statements exactly as written", () => {
  const input = readFileSync(join(fixtures, "errors.sql"), "utf8");
  const result = formatDocument(input);
  const broken = result.statements.filter((s) => s.status === "syntax-error");
  expect(broken.length).toBeGreaterThanOrEqual(3);
  for (const s of broken) expect(result.text).toContain(input.slice(s.range.start, s.range.end));
  expect(result.text).toContain("SELECT fine, still_formatted FROM t;");
});
