#!/usr/bin/env node
// The SQL statements of MariaDB's test suite (mysqltest `.test` files, from the
// mariadb-test-data package: fetch-debian.sh), parsed in the mysql dialect and judged by a
// running MariaDB server (PREPARE; error 1064 is a syntax error). Reports the statements we
// fault and MariaDB takes (false-error candidates: MariaDB-only syntax stays an error in the
// MySQL 8 dialect, the rest are ours to fix), grouped by message; with --format, formats every
// clean statement with two option sets and checks fixed points, tokens, and that MariaDB still
// takes each rewritten statement it took before.
//
//   node scripts/real-world/probe-mysqltest.mjs <…/mysql-test/main> --mariadb <socket> [--format]
//
// A throwaway server: mariadb-install-db --no-defaults --datadir=D --auth-root-authentication-method=normal,
// then mariadbd --no-defaults --datadir=D --socket=S --skip-networking (as root: --user=root).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sameDocumentTokens } from "../fuzz-inputs.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const suite = args[0];
const socket = args.includes("--mariadb") ? args[args.indexOf("--mariadb") + 1] : undefined;
if (!suite || !socket) throw new Error("usage: probe-mysqltest.mjs <suite dir> --mariadb <socket> [--format]");
const api = await import(join(root, "dist/index.js"));

// mysqltest's own commands: a statement that starts with one is not SQL.
const COMMANDS = new Set(
  `let eval echo source if while connect connection disconnect send reap sleep real_sleep perl end exit die skip inc dec
  query_vertical query_horizontal query error system exec remove_file write_file append_file cat_file copy_file move_file
  mkdir rmdir list_files file_exists change_user character_set ping send_eval result_format shutdown_server send_shutdown
  sync_slave_with_master sync_with_master save_master_pos wait_for_slave_to_stop wait_for_slave_to_start replace_result
  replace_column replace_regex sorted_result vertical_results horizontal_results chmod remove_files_wildcard
  copy_files_wildcard diff_files assert lowercase_result start_timer end_timer expr output dirty_close exec_in_background`.split(/\s+/),
);

/** The SQL statements of one .test file (commands, blocks and statements with $variables left out). */
function statementsOf(text) {
  const out = [];
  let delimiter = ";";
  let buffer = "";
  let skipUntil;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const trimmed = line.trim();
    if (skipUntil !== undefined) {
      if (trimmed === skipUntil) skipUntil = undefined;
      continue;
    }
    if (buffer === "") {
      if (trimmed === "" || trimmed.startsWith("#") || trimmed === "{" || trimmed.startsWith("}")) continue;
      if (trimmed.startsWith("--")) {
        const [command, argument] = trimmed.slice(2).trim().split(/\s+/);
        if (command?.toLowerCase() === "delimiter") delimiter = argument ?? ";";
        if (/^(write_file|append_file|perl)$/i.test(command ?? "")) skipUntil = "EOF";
        continue;
      }
      const first = trimmed.split(/[\s(;]/)[0].toLowerCase();
      if (first === "delimiter") {
        delimiter = trimmed.split(/\s+/)[1] ?? ";";
        continue;
      }
      if (first === "perl" || first === "write_file" || first === "append_file") {
        skipUntil = "EOF";
        continue;
      }
      if ((first === "if" || first === "while") && /\)\s*\{?\s*$/.test(trimmed)) continue;
    }
    buffer += (buffer ? "\n" : "") + line;
    if (buffer.trimEnd().endsWith(delimiter)) {
      const statement = buffer.trimEnd().slice(0, -delimiter.length).trim();
      buffer = "";
      const first = statement.split(/[\s(;]/)[0].toLowerCase();
      if (statement && !COMMANDS.has(first) && !/\$\w/.test(statement) && !first.startsWith("--") && !/^(enable|disable)_/.test(first)) out.push(statement);
    }
  }
  return out;
}

/** The indexes of the statements MariaDB's parser rejects (PREPARE, error 1064). */
function mariadbRejects(statements) {
  const quote = (s) => s.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  const script = "CREATE DATABASE IF NOT EXISTS probe; USE probe;\n" + statements.map((s) => `SET @q = '${quote(s)}'; PREPARE s FROM @q;`).join("\n") + "\n";
  const run = spawnSync("mariadb", ["--no-defaults", "-S", socket, "-u", "root", "--force", "--binary-mode"], { input: script, encoding: "latin1", maxBuffer: 1 << 29 });
  const rejected = new Set();
  for (const match of run.stderr.matchAll(/ERROR 1064 \(\w+\) at line (\d+)/g)) rejected.add(Number(match[1]) - 2);
  return rejected;
}

const statements = [...new Set(readdirSync(suite).filter((f) => f.endsWith(".test")).sort().flatMap((f) => statementsOf(readFileSync(join(suite, f), "latin1"))))];
const faulted = [];
const clean = [];
for (const sql of statements) {
  const error = api.parse(sql, { dialect: "mysql" }).diagnostics.find((d) => d.severity === "error" || d.code === "unsupported-statement");
  if (error) faulted.push({ sql, message: error.message });
  else clean.push(sql);
}
const rejected = mariadbRejects(faulted.map((f) => f.sql));
const candidates = faulted.filter((_, i) => !rejected.has(i));
const groups = new Map();
for (const c of candidates) (groups.get(c.message) ?? groups.set(c.message, []).get(c.message)).push(c.sql);
for (const [message, list] of [...groups].sort((a, b) => b[1].length - a[1].length).slice(0, 60)) console.log(`${list.length}× ${message} — ${JSON.stringify(list[0].slice(0, 120))}`);
console.log(JSON.stringify({ statements: statements.length, faulted: faulted.length, mariadbTakes: candidates.length }));

if (args.includes("--format")) {
  for (const options of [{ keywordCase: "upper" }, { keywordCase: "lower", indent: 4, lineWidth: 40, commaPosition: "leading" }]) {
    const rewritten = [];
    let problems = 0;
    for (const sql of clean) {
      const formatted = api.format(sql, { dialect: "mysql", ...options });
      if (api.format(formatted, { dialect: "mysql", ...options }) !== formatted || !sameDocumentTokens(api, sql, formatted, "mysql")) problems++;
      if (formatted.trim() !== sql.trim()) rewritten.push([sql, formatted]);
    }
    const before = mariadbRejects(rewritten.map(([sql]) => sql));
    const after = mariadbRejects(rewritten.map(([, formatted]) => formatted));
    const broken = rewritten.filter((_, i) => !before.has(i) && after.has(i));
    for (const [sql, formatted] of broken.slice(0, 10)) console.log(`FORMAT broke: ${JSON.stringify(sql.slice(0, 100))} → ${JSON.stringify(formatted.slice(0, 100))}`);
    console.log(JSON.stringify({ options, clean: clean.length, rewritten: rewritten.length, notFixedPointOrTokens: problems, mariadbRejectsAfterFormatting: broken.length }));
  }
}
