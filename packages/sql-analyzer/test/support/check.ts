import { expect } from "vitest";
import { parse, type Dialect } from "../../src/index.js";
import { renderAnnotations, stripAnnotations } from "./annotations.js";

/**
 * The one helper that checks parse diagnostics against a fixture with inline
 * expectations. Parses the fixture without its annotation lines and expects
 * re-annotating the text with the actual diagnostics to give the fixture back.
 */
export function check(fixture: string, dialect: Dialect = "postgres"): void {
  const text = stripAnnotations(fixture);
  const result = parse(text, { dialect });
  expect(result.root.text()).toBe(text);
  expect(renderAnnotations(text, result.diagnostics)).toBe(fixture);
}
