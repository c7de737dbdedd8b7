// Routine bodies rewritten from dollar quotes to quotes, and diagnostics described so that the
// two forms compare equal (test/parser/quoted-bodies.test.ts, test/real-dumps.test.ts).
import { parse, type ParseResult } from "../../src/index.js";

/**
 * `sql` with each dollar-quoted string written in quotes instead (its quotes doubled); undefined
 * when it has none. A line break between a string and the body becomes a space: a quoted body on
 * the line after a quoted LANGUAGE would continue that string (a different statement).
 */
export function requoted(sql: string): string | undefined {
  let out = "";
  let changed = false;
  let afterString = false;
  let gap = "";
  for (const token of parse(sql).root.tokens()) {
    const text = token.text();
    if (/^\s+$/.test(text)) {
      gap += text;
      continue;
    }
    const tag = /^\$[^$]*\$/.exec(text)?.[0];
    const body = tag !== undefined && text.length >= 2 * tag.length && text.endsWith(tag);
    out += afterString && body && /[\r\n]/.test(gap) ? " " : gap;
    gap = "";
    if (!text.startsWith("--") && !text.startsWith("/*")) afterString = text.startsWith("'");
    if (body) {
      out += `'${text.slice(tag.length, text.length - tag.length).replaceAll("'", "''")}'`;
      changed = true;
    } else out += text;
  }
  return changed ? out + gap : undefined;
}

/**
 * Each diagnostic as code, message and the text it points at, with doubled quotes read as
 * single ones; `dollar`: the text is the dollar-quoted form's, its bodies shown as the quoted
 * form writes them.
 */
export function described(result: ParseResult, dollar: boolean): string[] {
  const plain = (s: string): string => (dollar ? (requoted(s) ?? s) : s).replaceAll("''", "'");
  return result.diagnostics.map((d) => `${d.code} ${plain(d.message)} @ ${plain(result.text.slice(d.range.start, d.range.end))}`);
}

