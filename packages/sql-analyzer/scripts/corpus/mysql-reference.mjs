// MySQL 8's accept/reject verdict on a statement, read off MariaDB's parser (the one Debian ships;
// no MySQL 8 server or parser is at hand) and the documented places where the two grammars part.
// Used by the cross-dialect check of the mysql dialect (test/real-dumps.test.ts), which sends the
// texts `mariadbTexts` returns to a real MariaDB server through PREPARE.
//
// Three parts:
// - which MariaDB error codes mean "the text parsed" (an unknown table, found when the parsed
//   statement is prepared), "it did not" (1064, and an unknown type name, which MySQL's grammar
//   refuses), and "undecided" (a check the parser makes part-way, which stops it before the end:
//   an unknown collation, a duplicate alias, an undeclared variable, …);
// - MySQL 8 forms MariaDB 10.11 lacks, each rewritten to MariaDB's spelling of the same syntax
//   before MariaDB reads the text (LATERAL, TABLE t, VALUES ROW(…), `col->'$.a'`, FOR SHARE, …);
// - MariaDB forms MySQL 8 lacks (RETURNING, sequences, VALUES (…) without ROW, OFFSET … ROWS,
//   CAST(x AS INT), …): a statement holding one is refused whatever MariaDB says.
//
// Each rule works on the corpus tokenizer's tokens (strings, quoted names and comments whole), so
// no rule looks inside a string.

import { tokenize } from "./tokenize.mjs";

/** MariaDB error codes raised after the statement parsed (while PREPARE resolves its names). */
const PARSED_CODES = new Set([
  1046, // no database selected
  1051, // unknown table (DROP)
  1054, // unknown column
  1096, // no tables used
  1109, // unknown table in a field list
  1146, // table doesn't exist
  1241, // operand should contain n columns
  1295, // not supported by PREPARE (it parses the statement first)
  1305, // routine does not exist
  4002, // WITH column list against the select list
  4009, // unknown window name
  4018, // no ORDER BY in a window that needs one
]);

/** MariaDB error codes that MySQL 8's grammar also refuses at that point. */
const SYNTAX_CODES = new Set([
  1064, // syntax error
  4161, // unknown data type: MySQL's types are keywords of its grammar, so an unknown one is a syntax error
]);

/**
 * What a MariaDB PREPARE outcome says of the text: "accept", "reject", or "undecided" when the
 * parser stopped part-way on a check of its own.
 * @param {number} code the MariaDB error code, 0 when PREPARE succeeded
 * @param {string} message its message: CALL's arguments and a multi-table DELETE's tables are
 *   resolved while they are parsed, so their unknown names say nothing of the rest of the text
 */
export function mariadbOutcome(code, message = "") {
  if ((code === 1054 && message.includes("in 'CALL'")) || (code === 1109 && message.includes("MULTI DELETE"))) return "undecided";
  if (code === 0 || PARSED_CODES.has(code)) return "accept";
  if (SYNTAX_CODES.has(code)) return "reject";
  return "undecided";
}

const significant = (tokens) => tokens.filter((t) => t.kind !== "ws" && t.kind !== "comment");
const lower = (t) => (t?.kind === "word" ? t.text.toLowerCase() : undefined);
const isWord = (t, ...words) => t !== undefined && t.kind === "word" && words.includes(t.text.toLowerCase());
const isPunct = (t, text) => t !== undefined && (t.kind === "punct" || t.kind === "op") && t.text === text;
const isName = (t) => t !== undefined && (t.kind === "word" || t.kind === "quoted");

/** Index of the `)` closing the `(` at `open` (the last token if it is never closed). */
function closing(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")") && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Whether a query starts at `i` (a statement's start, after `(`, or after a set operator). */
function atQueryStart(tokens, i) {
  const before = tokens[i - 1];
  if (before === undefined || isPunct(before, "(")) return true;
  if (isWord(before, "union", "except", "intersect")) return true;
  return isWord(before, "all", "distinct") && isWord(tokens[i - 2], "union", "except", "intersect");
}

/** Words that go on a query after a subquery, never its alias. */
const CLAUSE_WORDS = new Set(["from", "where", "join", "on", "using", "group", "order", "having", "limit", "union", "except", "intersect", "window", "and", "or", "in", "not", "is", "when", "then", "else", "end", "for", "into", "set", "values"]);

/** The types MySQL 8's CAST and CONVERT take (`cast_type` in its grammar). */
const MYSQL_CAST_TYPES = new Set([
  "binary", "char", "character", "nchar", "national", "signed", "unsigned", "date", "year", "time", "datetime", "decimal",
  "double", "float", "real", "json", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
  "geometrycollection",
]);

/**
 * MySQL 8 forms MariaDB 10.11 lacks. `rewrite(tokens)` returns the significant tokens with the
 * form in MariaDB's spelling (the same syntax for the parser), or undefined when the form is absent.
 */
export const MYSQL_ONLY_FORMS = [
  {
    name: "LATERAL before a derived table (MySQL 8.0.14)",
    rewrite: (t) => (t.some((x, i) => isWord(x, "lateral") && isPunct(t[i + 1], "(")) ? t.filter((x, i) => !(isWord(x, "lateral") && isPunct(t[i + 1], "("))) : undefined),
  },
  {
    name: "TABLE t as a query (MySQL 8.0.19)",
    rewrite: (t) => {
      const at = t.findIndex((x, i) => isWord(x, "table") && (atQueryStart(t, i) || (isWord(t[i - 1], "as") && isWord(t[0], "create"))) && isName(t[i + 1]));
      if (at < 0) return undefined;
      return [...t.slice(0, at), { kind: "code", text: "SELECT * FROM" }, ...t.slice(at + 1)];
    },
  },
  {
    name: "VALUES ROW(…), ROW(…) (MySQL 8.0.19)",
    rewrite: (t) => {
      let changed = false;
      const out = [];
      for (let i = 0; i < t.length; i++) {
        const rowOfValues = isWord(t[i], "row") && isPunct(t[i + 1], "(") && (isWord(t[i - 1], "values") || (isPunct(t[i - 1], ",") && isPunct(t[i - 2], ")")));
        if (rowOfValues) changed = true;
        else out.push(t[i]);
      }
      return changed ? out : undefined;
    },
  },
  {
    name: "column->'path' and column->>'path' (MySQL's JSON_EXTRACT shorthands)",
    rewrite: (t) => {
      const at = t.findIndex((x, i) => (isPunct(x, "->") || isPunct(x, "->>")) && t[i + 1]?.kind === "string" && isName(t[i - 1]));
      if (at < 0) return undefined;
      let from = at - 1;
      while (isPunct(t[from - 1], ".") && isName(t[from - 2])) from -= 2;
      const column = t.slice(from, at).map((x) => x.text).join("");
      const call = `json_extract(${column}, ${t[at + 1].text})`;
      const text = t[at].text === "->>" ? `json_unquote(${call})` : call;
      // (A "code" token: no name, so a second arrow after it is no column's and stays as written.)
      return [...t.slice(0, from), { kind: "code", text }, ...t.slice(at + 2)];
    },
  },
  {
    name: "LEAD / LAG with a default (a third argument)",
    rewrite: (t) => {
      for (let i = 0; i < t.length; i++) {
        if (!isWord(t[i], "lead", "lag") || !isPunct(t[i + 1], "(")) continue;
        const end = closing(t, i + 1);
        let depth = 0;
        const commas = [];
        for (let j = i + 1; j <= end; j++) {
          if (isPunct(t[j], "(")) depth++;
          else if (isPunct(t[j], ")")) depth--;
          else if (depth === 1 && isPunct(t[j], ",")) commas.push(j);
        }
        if (commas.length === 2) return [...t.slice(0, commas[1]), ...t.slice(end)];
      }
      return undefined;
    },
  },
  {
    name: "CAST(… AS REAL | JSON | YEAR) (MySQL 8.0.17, 8.0.22)",
    rewrite: (t) => {
      const at = t.findIndex((x, i) => isWord(x, "real", "json", "year") && isWord(t[i - 1], "as") && isPunct(t[i + 1], ")"));
      if (at < 0) return undefined;
      const spelling = { real: "double", json: "char", year: "signed" }[lower(t[at])];
      return [...t.slice(0, at), { kind: "word", text: spelling }, ...t.slice(at + 1)];
    },
  },
  {
    name: "FOR SHARE, FOR UPDATE / SHARE OF tables, and several locking clauses (MySQL 8.0.1)",
    rewrite: (t) => {
      const starts = [];
      t.forEach((x, i) => {
        if (isWord(x, "for") && (isWord(t[i + 1], "share") || (isWord(t[i + 1], "update") && (isWord(t[i + 2], "of") || starts.length > 0)))) starts.push(i);
      });
      if (starts.length === 0) return undefined;
      // Each clause: FOR {UPDATE | SHARE} [OF t, …] [NOWAIT | SKIP LOCKED]. The first in MariaDB's
      // spelling, the others dropped (MariaDB takes one).
      // (The first clause keeps its NOWAIT / SKIP LOCKED, which MariaDB takes too.)
      const clauseEnd = (at, first) => {
        let end = at + 2;
        if (isWord(t[end], "of")) {
          end++;
          while (isName(t[end]) && (isPunct(t[end + 1], ",") || isPunct(t[end + 1], "."))) end += 2;
          end++;
        }
        if (first) return end;
        if (isWord(t[end], "nowait")) end++;
        else if (isWord(t[end], "skip") && isWord(t[end + 1], "locked")) end += 2;
        return end;
      };
      const out = [];
      let from = 0;
      starts.forEach((at, k) => {
        out.push(...t.slice(from, at));
        if (k === 0) out.push({ kind: "code", text: isWord(t[at + 1], "share") ? "LOCK IN SHARE MODE" : "FOR UPDATE" });
        from = clauseEnd(at, k === 0);
      });
      return [...out, ...t.slice(from)];
    },
  },
  {
    name: "a row alias after INSERT's VALUES (MySQL 8.0.19: VALUES (…) AS new ON DUPLICATE KEY UPDATE)",
    rewrite: (t) => {
      const at = t.findIndex((x, i) => isWord(x, "as") && isPunct(t[i - 1], ")") && isName(t[i + 1]) && t.slice(0, i).some((y) => isWord(y, "insert")));
      if (at < 0) return undefined;
      let end = at + 2;
      if (isPunct(t[end], "(")) end = closing(t, end) + 1;
      if (!isWord(t[end], "on")) return undefined;
      return [...t.slice(0, at), ...t.slice(end)];
    },
  },
  {
    name: "a derived table's column list, (subquery) AS t (a, b)",
    rewrite: (t) => {
      for (let i = 0; i < t.length; i++) {
        if (!isPunct(t[i], "(") || !isWord(t[i + 1], "select", "with", "values", "table")) continue;
        const end = closing(t, i);
        let alias = end + 1;
        const as = isWord(t[alias], "as");
        if (as) alias++;
        // (Without AS, a clause's keyword may follow the subquery: `(SELECT …) FROM (…)`.)
        if (isName(t[alias]) && (as || !CLAUSE_WORDS.has(lower(t[alias]))) && isPunct(t[alias + 1], "(")) return [...t.slice(0, alias + 1), ...t.slice(closing(t, alias + 1) + 1)];
      }
      return undefined;
    },
  },
  {
    name: "EXPLAIN ANALYZE (MySQL 8.0.18; MariaDB spells it ANALYZE)",
    rewrite: (t) => (isWord(t[0], "explain") && isWord(t[1], "analyze") ? t.slice(1) : undefined),
  },
  {
    name: "a functional key part, ((expression)), in CREATE INDEX (MySQL 8.0.13)",
    rewrite: (t) => {
      const on = t.findIndex((x, i) => isWord(x, "on") && t.slice(0, i).some((y) => isWord(y, "index")) && isWord(t[0], "create"));
      if (on < 0) return undefined;
      let open = on + 2;
      while (isPunct(t[open], ".")) open += 2;
      if (!isPunct(t[open], "(")) return undefined;
      const end = closing(t, open);
      const out = t.slice(0, open + 1);
      let changed = false;
      for (let j = open + 1; j < end; j++) {
        if (isPunct(t[j], "(") && (isPunct(t[j - 1], "(") || isPunct(t[j - 1], ","))) {
          out.push({ kind: "word", text: "k" });
          j = closing(t, j);
          changed = true;
        } else out.push(t[j]);
      }
      return changed ? [...out, ...t.slice(end)] : undefined;
    },
  },
  {
    name: "an alias in a single-table DELETE (MySQL 8.0.16: DELETE FROM t AS x WHERE …)",
    rewrite: (t) => {
      if (!isWord(t[0], "delete")) return undefined;
      let at = t.findIndex((x) => isWord(x, "from"));
      if (at < 0 || !isName(t[at + 1])) return undefined;
      at += 2;
      while (isPunct(t[at], ".") && isName(t[at + 1])) at += 2;
      const as = isWord(t[at], "as");
      const alias = as ? at + 1 : at;
      if (!isName(t[alias]) || (!as && CLAUSE_WORDS.has(lower(t[alias])))) return undefined;
      if (!(alias + 1 === t.length || isWord(t[alias + 1], "where", "order", "limit") || isPunct(t[alias + 1], ";"))) return undefined;
      return [...t.slice(0, at), ...t.slice(alias + 1)];
    },
  },
  {
    name: "NEXTVAL, CURRVAL, SETVAL and LASTVAL as plain function names (MariaDB's sequence functions)",
    rewrite: (t) => {
      const at = t.findIndex((x, i) => isWord(x, "nextval", "currval", "setval", "lastval") && isPunct(t[i + 1], "(") && !isPunct(t[i - 1], "."));
      if (at < 0) return undefined;
      return [...t.slice(0, at), { kind: "word", text: `f_${t[at].text}` }, ...t.slice(at + 1)];
    },
  },
  {
    name: "[NOT] NULL after a generated column's AS (…) [STORED | VIRTUAL]",
    rewrite: (t) => {
      if (!isWord(t[0], "create", "alter")) return undefined;
      for (let i = 0; i < t.length; i++) {
        if (!isWord(t[i], "as") || !isPunct(t[i + 1], "(") || isWord(t[i + 2], "select", "with", "values", "table")) continue;
        let at = closing(t, i + 1) + 1;
        if (isWord(t[at], "stored", "virtual")) at++;
        const nulls = isWord(t[at], "null") ? 1 : isWord(t[at], "not") && isWord(t[at + 1], "null") ? 2 : 0;
        if (nulls > 0) return [...t.slice(0, at), ...t.slice(at + nulls)];
      }
      return undefined;
    },
  },

  {
    // Not a MySQL form: a name both servers look up while they parse (an unknown collation, an
    // undeclared INTO variable), which stops MariaDB's parser before the end. Respelled to a name
    // it knows, so that the rest of the statement is judged; the name itself is no syntax.
    name: "a collation or an INTO variable MariaDB looks up while it parses",
    rewrite: (t) => {
      const at = t.findIndex((x, i) => (isWord(t[i - 1], "collate") && (x.kind === "quoted" || x.kind === "string" || (x.kind === "word" && !isWord(x, "utf8mb4_bin", "binary") && !CLAUSE_WORDS.has(lower(x))))) || (isWord(t[i - 1], "into") && isName(x) && !isPunct(t[i + 1], "(") && !isPunct(t[i + 1], ".") && !isWord(x, "outfile", "dumpfile") && !t.slice(0, i).some((y) => isWord(y, "insert", "replace", "merge"))));
      if (at < 0) return undefined;
      return [...t.slice(0, at), { kind: "code", text: isWord(t[at - 1], "collate") ? "utf8mb4_bin" : `@${t[at].text.replace(/\W/g, "_")}` }, ...t.slice(at + 1)];
    },
  },
  {
    name: "CHECK (…) [NOT] ENFORCED (MySQL 8.0.16)",
    rewrite: (t) => {
      const at = t.findIndex((x, i) => isWord(x, "enforced") && (isPunct(t[i - 1], ")") || (isWord(t[i - 1], "not") && isPunct(t[i - 2], ")"))));
      if (at < 0) return undefined;
      const from = isWord(t[at - 1], "not") ? at - 1 : at;
      return [...t.slice(0, from), ...t.slice(at + 1)];
    },
  },
];

/**
 * MariaDB forms MySQL 8 lacks: `test(tokens)` says whether the significant tokens hold one.
 * Such a statement is refused in MySQL whatever MariaDB says.
 */
export const MARIADB_ONLY_FORMS = [
  { name: "RETURNING", test: (t) => t.some((x) => isWord(x, "returning")) },
  // MySQL 8.0.14 reserved LATERAL; MariaDB takes it as a name.
  { name: "LATERAL as a name (a reserved word of MySQL 8)", test: (t) => t.some((x, i) => isWord(x, "lateral") && !isPunct(t[i + 1], "(")) },
  {
    name: "sequences (CREATE / ALTER / DROP SEQUENCE, NEXT VALUE FOR)",
    test: (t) =>
      t.some((x, i) => isWord(x, "sequence") && t.slice(0, i).every((y) => isWord(y, "create", "alter", "drop", "or", "replace", "temporary"))) ||
      t.some((x, i) => isWord(x, "next", "previous") && isWord(t[i + 1], "value") && isWord(t[i + 2], "for")),
  },
  {
    name: "VALUES (…) as a query, without ROW",
    test: (t) => t.some((x, i) => isWord(x, "values") && atQueryStart(t, i) && isPunct(t[i + 1], "(")),
  },
  {
    name: "OFFSET … ROWS and FETCH FIRST / NEXT",
    test: (t) => t.some((x, i) => (isWord(x, "offset") && isWord(t[i + 2], "row", "rows")) || (isWord(x, "fetch") && isWord(t[i + 1], "first", "next"))),
  },
  {
    name: "CREATE OR REPLACE of anything but a view (or a spatial reference system)",
    test: (t) => isWord(t[0], "create") && isWord(t[1], "or") && isWord(t[2], "replace") && !t.slice(3).some((x) => isWord(x, "view")) && !(isWord(t[3], "spatial") && isWord(t[4], "reference")),
  },
  {
    name: "IF [NOT] EXISTS where MySQL takes none (indexes, views, ALTER TABLE, columns)",
    test: (t) =>
      (isWord(t[0], "create") && t.slice(1, 4).some((x) => isWord(x, "index", "view")) && t.some((x, i) => isWord(x, "if") && isWord(t[i + 1], "not") && i < 6)) ||
      (isWord(t[0], "drop") && isWord(t[1], "index") && isWord(t[2], "if")) ||
      (isWord(t[0], "alter") && isWord(t[1], "table") && isWord(t[2], "if")) ||
      t.some((x, i) => isWord(x, "add", "drop") && (isWord(t[i + 1], "if") || (isWord(t[i + 1], "column", "constraint", "index", "key") && isWord(t[i + 2], "if"))) && isWord(t[0], "alter")),
  },
  {
    name: "CAST / CONVERT to a type that is none of MySQL's cast types (INT, TEXT, …)",
    test: (t) => t.some((x, i) => isWord(x, "cast") && isPunct(t[i + 1], "(") && castType(t, i + 1) !== undefined && !MYSQL_CAST_TYPES.has(castType(t, i + 1))),
  },
  { name: "BEGIN NOT ATOMIC", test: (t) => isWord(t[0], "begin") && isWord(t[1], "not") && isWord(t[2], "atomic") },
  // MySQL 8.0 removed the ODBC form `.t` (the table t of the default database; WL#8662).
  {
    name: "a table named with a leading dot (`.t`)",
    test: (t) => t.some((x, i) => isPunct(x, ".") && isWord(t[i - 1], "from", "into", "join", "table", "update", "exists", "describe", "desc") && (t[i + 1]?.kind === "word" || t[i + 1]?.kind === "quoted")),
  },
  // MySQL 8 revokes a role with `REVOKE role FROM …`; its grammar has no `… OPTION FOR`.
  { name: "REVOKE ADMIN OPTION FOR", test: (t) => isWord(t[0], "revoke") && isWord(t[1], "admin") && isWord(t[2], "option") && isWord(t[3], "for") },
  // MySQL 8 reserves CUBE and keeps ROLLUP a keyword: neither names a function there, as in MariaDB.
  { name: "ROLLUP (…) and CUBE (…) as calls", test: (t) => t.some((x, i) => isWord(x, "rollup", "cube") && isPunct(t[i + 1], "(")) },
];

/** The first word after the top-level AS of the CAST( … ) opened at `open`. */
function castType(tokens, open) {
  const end = closing(tokens, open);
  let depth = 0;
  for (let j = open; j < end; j++) {
    if (isPunct(tokens[j], "(")) depth++;
    else if (isPunct(tokens[j], ")")) depth--;
    else if (depth === 1 && isWord(tokens[j], "as")) return lower(tokens[j + 1]);
  }
  return undefined;
}

/**
 * MySQL 8 statements MariaDB 10.11 has no grammar for at all and that no respelling turns into
 * one of its own: MariaDB cannot judge them, so they stay out of the measure.
 */
export const MYSQL_ONLY_STATEMENTS = [
  { name: "CREATE / ALTER / DROP [UNDO] TABLESPACE", test: (t) => isWord(t[0], "create", "alter", "drop") && (isWord(t[1], "tablespace") || (isWord(t[1], "undo") && isWord(t[2], "tablespace"))) },
];

/**
 * What to ask MariaDB for MySQL 8's verdict on `sql`: the texts that must all parse (the
 * statement with MySQL's own forms respelled; a WITH clause before UPDATE or DELETE, which
 * MariaDB 10.11 lacks, is checked apart from the statement), the MySQL forms respelled, and the
 * MariaDB-only form the statement holds (then MySQL refuses it whatever MariaDB says).
 * @param {string} sql
 * @returns {{ texts: string[], respelled: string[], mariadbOnly: string | undefined, mysqlOnly: string | undefined }}
 */
export function mariadbTexts(sql) {
  const all = tokenize(sql, { backticks: true, hashComments: true });
  // Each token's offset, so a respelled text keeps tokens together that were together.
  let offset = 0;
  for (const token of all) {
    token.start = offset;
    offset += token.text.length;
  }
  let tokens = significant(all);
  // The corpus tokenizer nests block comments as PostgreSQL does; MySQL does not, so text after
  // an inner `*/` is code to MySQL; and one never closed runs to the end. Such a statement is
  // judged as written, never respelled.
  const nestedComment = all.some((t) => t.kind === "comment" && t.text.startsWith("/*") && (t.text.indexOf("/*", 2) >= 0 || !t.text.endsWith("*/") || t.text.length < 4));
  const mysqlOnly = MYSQL_ONLY_STATEMENTS.find((form) => form.test(tokens))?.name;
  const mariadbOnly = MARIADB_ONLY_FORMS.find((form) => form.test(tokens))?.name;
  const respelled = [];
  // A stray `;` before the statement ends an empty statement, which a script runs past; PREPARE
  // takes one statement, so it is dropped.
  if (!nestedComment && isPunct(tokens[0], ";") && tokens.length > 1) {
    while (isPunct(tokens[0], ";")) tokens = tokens.slice(1);
    respelled.push("a stray `;` before the statement (an empty statement)");
  }
  for (const form of nestedComment ? [] : MYSQL_ONLY_FORMS) {
    // A form may occur more than once: respell until it is gone (bounded, as every rewrite shortens or keeps the list).
    for (let round = 0; round < 16; round++) {
      const next = form.rewrite(tokens);
      if (next === undefined) break;
      if (round === 0) respelled.push(form.name);
      tokens = next;
    }
  }
  const texts = [];
  if (!nestedComment && isWord(tokens[0], "with")) {
    // WITH … UPDATE / DELETE (MySQL 8.0): the WITH clause checked before a SELECT, the change alone.
    let depth = 0;
    const at = tokens.findIndex((x) => {
      if (isPunct(x, "(")) depth++;
      else if (isPunct(x, ")")) depth--;
      return depth === 0 && isWord(x, "update", "delete");
    });
    if (at > 0) {
      respelled.push("WITH before UPDATE or DELETE (MySQL 8.0)");
      texts.push(join(tokens.slice(0, at)) + " SELECT 1", join(tokens.slice(at)));
      return { texts, respelled, mariadbOnly, mysqlOnly };
    }
  }
  texts.push(respelled.length === 0 ? sql : join(tokens));
  return { texts, respelled, mariadbOnly, mysqlOnly };
}

/**
 * Significant tokens back to text: two tokens that stood together in the statement stay together
 * (`count(*)`, `@a`, `t.c`, `0x1F` are single names or tokens to MySQL's lexer, and a built-in
 * function's name before a space is no function), any others one space apart.
 */
function join(tokens) {
  let text = "";
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    const together = before !== undefined && before.start !== undefined && t.start !== undefined && before.start + before.text.length === t.start;
    text += (i === 0 || together ? "" : " ") + t.text;
  });
  return text;
}
