// Restyling (keyword case, line breaks, comments) and syntax-breaking mutations for
// generated statements. Restyling must keep a statement valid; mutations aim to break it
// (the generate script keeps only the mutants the real parser rejects).

import { tokenize } from "./tokenize.mjs";

const COMMENTS = ["/* note */", "/* multi\n   line */", "-- trailing note\n", "/* nested /* inner */ outer */", "--\n"];

/** Re-cases words and re-spaces a valid statement; string, quoted and comment tokens are kept verbatim. */
export function restyle(sql, rnd, options = {}) {
  const tokens = tokenize(sql, options);
  const caseMode = rnd.pick(["keep", "keep", "lower", "lower", "mixed"]);
  const spacing = rnd.pick(["keep", "keep", "newlines", "comments"]);
  const nestedComments = options.nestedComments ?? true;
  const out = [];
  let previousWord = "";
  for (const t of tokens) {
    if (t.kind !== "ws") previousWord = t.kind === "word" ? t.text.toUpperCase() : "";
    if (t.kind === "word") {
      if (caseMode === "lower") out.push(t.text.toLowerCase());
      else if (caseMode === "mixed" && rnd.chance(0.3)) out.push(rnd.chance(0.5) ? t.text.toLowerCase() : t.text[0] + t.text.slice(1).toLowerCase());
      else out.push(t.text);
    } else if (t.kind === "ws") {
      if (spacing === "newlines" && rnd.chance(0.25)) out.push(rnd.pick(["\n", "\n  ", "\n    ", "\t", "\r\n"]));
      // libpg-query (unlike the PostgreSQL server) rejects a comment between the two words of
      // NOT BETWEEN/IN/LIKE, NULLS FIRST/LAST and WITH ORDINALITY/TIME: no comment after those.
      else if (spacing === "comments" && rnd.chance(0.08) && !["NOT", "NULLS", "WITH"].includes(previousWord)) {
        const c = rnd.pick(COMMENTS.filter((x) => nestedComments || !x.includes("inner")));
        out.push(` ${c}${c.endsWith("\n") ? "" : " "}`);
      } else out.push(t.text);
    } else out.push(t.text);
  }
  let text = out.join("");
  if (rnd.chance(0.06)) text = `-- leading comment\n${text}`;
  if (rnd.chance(0.25)) text += ";";
  return text;
}

const INSERTS = [",", ")", "(", "FROM", "SELECT", "WHERE", "=", "AND", "TABLE", "BY", "ON", "(SELECT", "INTO", "VALUES", "AS", "'", "*", ";", "GROUP", "NOT"];

/**
 * One random syntax-breaking mutation; returns `{ sql, mutation }`.
 * Kinds: drop-token, duplicate-token, insert-token, truncate, swap-tokens, unterminated.
 */
export function mutate(sql, rnd, options = {}) {
  const tokens = tokenize(sql, options).filter((t) => t.kind !== "comment");
  const significant = tokens.map((t, i) => (t.kind === "ws" ? -1 : i)).filter((i) => i >= 0);
  const at = () => significant[rnd.int(0, significant.length - 1)];
  const render = (list) => list.map((t) => t.text).join("");
  const mutation = rnd.pick(["drop-token", "drop-token", "duplicate-token", "insert-token", "insert-token", "truncate", "truncate", "swap-tokens", "unterminated"]);
  const copy = tokens.slice();
  switch (mutation) {
    case "drop-token":
      copy.splice(at(), 1);
      break;
    case "duplicate-token": {
      const i = at();
      copy.splice(i, 0, copy[i], { kind: "ws", text: " " });
      break;
    }
    case "insert-token":
      copy.splice(at(), 0, { kind: "word", text: rnd.pick(INSERTS) }, { kind: "ws", text: " " });
      break;
    case "truncate":
      copy.splice(Math.max(1, at()));
      break;
    case "swap-tokens": {
      const k = rnd.int(0, Math.max(0, significant.length - 2));
      const a = significant[k];
      const b = significant[k + 1];
      if (a !== undefined && b !== undefined) [copy[a], copy[b]] = [copy[b], copy[a]];
      break;
    }
    case "unterminated": {
      const opener = rnd.pick(options.backticks ? ["'", '"', "/*", "`", "("] : ["'", '"', "/*", "$$", "("]);
      const i = at();
      copy.splice(i, 0, { kind: "word", text: opener + (opener === "(" ? "" : "open ") });
      break;
    }
  }
  return { sql: render(copy).trim(), mutation };
}
