// A deliberately simple SQL tokenizer for the corpus scripts only (restyling and
// mutating generated statements). It is NOT the analyzer's lexer: it only needs to
// keep strings, quoted names, dollar bodies and comments in one piece.

const OP_CHARS = "+-*/<>=~!@#%^&|`?:";

/** Splits SQL into tokens `{ kind, text }`; kinds: ws, comment, string, quoted, word, number, param, op, punct. */
export function tokenize(sql, { backticks = false, hashComments = false } = {}) {
  const out = [];
  let i = 0;
  const n = sql.length;
  const push = (kind, start) => out.push({ kind, text: sql.slice(start, i) });
  while (i < n) {
    const c = sql[i];
    const start = i;
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(sql[i])) i++;
      push("ws", start);
    } else if ((c === "-" && sql[i + 1] === "-") || (hashComments && c === "#")) {
      while (i < n && sql[i] !== "\n") i++;
      push("comment", start);
    } else if (c === "/" && sql[i + 1] === "*") {
      let depth = 0;
      while (i < n) {
        if (sql[i] === "/" && sql[i + 1] === "*") { depth++; i += 2; }
        else if (sql[i] === "*" && sql[i + 1] === "/") { depth--; i += 2; if (depth === 0) break; }
        else i++;
      }
      push("comment", start);
    } else if (c === "'" || ((c === "E" || c === "e") && sql[i + 1] === "'")) {
      const backslash = c !== "'";
      i += c === "'" ? 1 : 2;
      while (i < n) {
        if (backslash && sql[i] === "\\") { i += 2; continue; }
        if (sql[i] === "'") { if (sql[i + 1] === "'") { i += 2; continue; } i++; break; }
        i++;
      }
      push("string", start);
    } else if (c === '"' || (backticks && c === "`")) {
      i++;
      while (i < n) { if (sql[i] === c) { if (sql[i + 1] === c) { i += 2; continue; } i++; break; } i++; }
      push("quoted", start);
    } else if (c === "$" && /[0-9]/.test(sql[i + 1] ?? "")) {
      i++;
      while (i < n && /[0-9]/.test(sql[i])) i++;
      push("param", start);
    } else if (c === "$") {
      const m = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
      if (m) {
        const tag = m[0];
        const end = sql.indexOf(tag, i + tag.length);
        i = end < 0 ? n : end + tag.length;
        push("string", start);
      } else { i++; push("op", start); }
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      while (i < n && /[0-9.eE]/.test(sql[i])) {
        if ((sql[i] === "e" || sql[i] === "E") && /[+-]/.test(sql[i + 1] ?? "")) i++;
        i++;
      }
      push("number", start);
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      while (i < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[i])) i++;
      // Prefixed strings such as U&'..', B'..', X'..' stay one token.
      if (sql[i] === "'" && /^(U&|[BbXxNn])$/.test(sql.slice(start, i))) {
        i++;
        while (i < n) { if (sql[i] === "'") { if (sql[i + 1] === "'") { i += 2; continue; } i++; break; } i++; }
        push("string", start);
      } else if (sql.slice(start, i) === "U" && sql[i] === "&") {
        i++;
        push("word", start);
      } else push("word", start);
    } else if (OP_CHARS.includes(c)) {
      while (i < n && OP_CHARS.includes(sql[i]) && !(sql[i] === "-" && sql[i + 1] === "-")) i++;
      push("op", start);
    } else {
      i++;
      push("punct", start);
    }
  }
  return out;
}
