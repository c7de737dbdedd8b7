import { quoteToken } from "../diagnostic.js";

/**
 * A small TOML reader, enough for `cairom.toml`: comments, `key = value` pairs with
 * strings, integers, floats, booleans and single-line arrays, and `[table]` headers.
 * It never throws; problems come back as located errors.
 */

/** A value with the range of its text. */
export interface TomlEntry {
  /** The parsed value (string, number, boolean or array of those). */
  readonly value: unknown;
  /** Range of the value text. */
  readonly start: number;
  /** End of the value text. */
  readonly end: number;
  /** Range of the key. */
  readonly keyStart: number;
  /** End of the key. */
  readonly keyEnd: number;
}

/** The result of reading a TOML document. */
export interface TomlDocument {
  /** Top-level keys (before any `[table]`), in order. */
  readonly root: ReadonlyMap<string, TomlEntry>;
  /** Syntax problems. */
  readonly errors: readonly { message: string; start: number; end: number }[];
  /** Top-level keys written with a value that could not be read (reported in `errors`, absent from `root`). */
  readonly unreadable: ReadonlySet<string>;
}

/** Reads `text` as TOML (the subset described above). */
export function readToml(text: string): TomlDocument {
  const root = new Map<string, TomlEntry>();
  const errors: { message: string; start: number; end: number }[] = [];
  const unreadable = new Set<string>();
  let inTable = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    const line = stripComment(raw);
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    const at = lineStart + indent;
    if (trimmed === "") {
      // Blank or comment-only line.
    } else if (trimmed.startsWith("[")) {
      if (!/^\[\[?\s*[A-Za-z0-9_.\-"' ]+\s*\]\]?$/.test(trimmed)) {
        errors.push({ message: "malformed table header", start: at, end: at + trimmed.length });
      }
      inTable = true;
    } else {
      const m = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*(.*)$/.exec(trimmed);
      if (!m) {
        errors.push({ message: "expected `key = value`", start: at, end: at + trimmed.length });
      } else {
        const key = m[1]!.startsWith('"') ? m[1]!.slice(1, -1) : m[1]!;
        const valueText = m[2]!.trimEnd();
        const valueStart = at + trimmed.length - m[2]!.length;
        const parsed = parseValue(valueText);
        if (typeof parsed === "object" && parsed !== null && "error" in parsed) {
          errors.push({ message: String(parsed.error), start: Math.min(valueStart, text.length), end: Math.min(text.length, valueStart + Math.max(1, valueText.length)) });
          if (!inTable) unreadable.add(key);
        } else if (!inTable) {
          if (root.has(key)) {
            errors.push({ message: `duplicate key \`${key}\``, start: at, end: at + m[1]!.length });
          } else {
            root.set(key, {
              value: parsed,
              start: valueStart,
              end: valueStart + valueText.length,
              keyStart: at,
              keyEnd: at + m[1]!.length,
            });
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { root, errors, unreadable };
}

function stripComment(line: string): string {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#") return line.slice(0, i);
  }
  return line;
}

/** Deepest array nesting read; deeper is an error (the reader recurses per level). */
const MAX_ARRAY_DEPTH = 32;

function parseValue(text: string, depth = 0): unknown {
  if (text === "") return { error: "missing value" };
  if (text.startsWith('"""') || text.startsWith("'''")) return { error: "multi-line strings are not supported here" };
  if (text.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"$/.exec(text);
    if (!m) return { error: "unterminated or malformed string" };
    return m[1]!.replace(/\\(["\\nt])/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
  }
  if (text.startsWith("'")) {
    const m = /^'([^']*)'$/.exec(text);
    if (!m) return { error: "unterminated literal string" };
    return m[1]!;
  }
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^[+-]?\d[\d_]*$/.test(text)) return Number(text.replace(/_/g, ""));
  if (/^[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text.replace(/_/g, ""));
  if (text.startsWith("[")) {
    if (!text.endsWith("]")) return { error: "arrays must be written on one line here" };
    if (depth >= MAX_ARRAY_DEPTH) return { error: `arrays nested more than ${MAX_ARRAY_DEPTH} deep are not supported` };
    const inner = text.slice(1, -1).trim();
    if (inner === "") return [];
    const parts = inner.split(",").map((p) => p.trim()).filter((p) => p !== "");
    const values = parts.map((part) => parseValue(part, depth + 1));
    const bad = values.find((v) => typeof v === "object" && v !== null && "error" in v);
    return bad ?? values;
  }
  if (text.startsWith("{")) return { inline: true };
  return { error: `unrecognised value ${quoteToken(text)}` };
}
