#!/usr/bin/env node
// The SQL examples of PostgreSQL's HTML manual (postgresql-doc-<version>, fetch-debian.sh):
// statements cut from the <pre class="programlisting"> blocks (lines from one that starts with an
// SQL command word to one that ends with `;`), each judged by libpg-query. Prints the false
// errors (libpg-query takes the statement, we fault it) and the false accepts (placeholders and
// psql syntax aside).
//
//   node scripts/real-world/probe-pgdoc.mjs <…/usr/share/doc/postgresql-doc-15/html>
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModule, parseSync } from "libpg-query";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const dir = process.argv[2];
if (!dir) throw new Error("usage: probe-pgdoc.mjs <html dir>");
await loadModule();
const api = await import(join(root, "dist/index.js"));

const COMMAND = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|GRANT|REVOKE|COMMENT|VALUES|TABLE|EXPLAIN|COPY|SET|SHOW|BEGIN|COMMIT|ROLLBACK|MERGE|TRUNCATE|VACUUM|ANALYZE|REINDEX|CLUSTER|LOCK|PREPARE|EXECUTE|DECLARE|FETCH|MOVE|CLOSE|LISTEN|NOTIFY|DO|CALL|REFRESH|SECURITY|IMPORT|REASSIGN|DISCARD|SAVEPOINT|RELEASE|START|END|ABORT|CHECKPOINT|LOAD|RESET|DEALLOCATE)\b/i;
const unescape = (html) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&");

const statements = new Set();
for (const file of readdirSync(dir).filter((f) => f.endsWith(".html"))) {
  for (const block of readFileSync(join(dir, file), "utf8").matchAll(/<pre class="programlisting">([\s\S]*?)<\/pre>/g)) {
    let statement = "";
    for (const line of unescape(block[1]).split("\n")) {
      if (statement === "" && !COMMAND.test(line)) continue;
      statement += (statement ? "\n" : "") + line;
      if (/;\s*$/.test(line)) {
        statements.add(statement.trim());
        statement = "";
      }
    }
  }
}

let taken = 0;
const falseErrors = [];
const falseAccepts = [];
for (const sql of statements) {
  let postgres = true;
  try {
    parseSync(sql);
  } catch {
    postgres = false;
  }
  if (postgres) taken++;
  const fault = api.parse(sql, { dialect: "postgres" }).diagnostics.find((d) => d.severity === "error" || d.code === "unsupported-statement");
  if (postgres && fault) falseErrors.push(`${fault.message} — ${JSON.stringify(sql.slice(Math.max(0, fault.range.start - 60), fault.range.end + 20))}`);
  if (!postgres && !fault && !/\?|\$\d|:\w|@\w+@|\\/.test(sql)) falseAccepts.push(JSON.stringify(sql.slice(0, 160)));
}
for (const line of falseErrors) console.log(`FALSE ERROR ${line}`);
for (const line of falseAccepts) console.log(`false accept ${line}`);
console.log(JSON.stringify({ statements: statements.size, libpgQueryTakes: taken, falseErrors: falseErrors.length, falseAccepts: falseAccepts.length }));
