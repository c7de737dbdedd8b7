import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import type { Parser } from "./parser.js";

/**
 * psql's meta-commands (PostgreSQL 18), without the `\d…` describe family (any name
 * starting with `d`) and without their `+` / `S` / `x` modifiers.
 */
const PSQL_COMMANDS = new Set([
  "a", "bind", "bind_named", "c", "connect", "C", "cd", "close", "close_prepared", "conninfo", "copy", "copyright",
  "crosstabview", "e", "edit", "echo", "ef", "elif", "else", "encoding", "endif", "endpipeline", "errverbose", "ev", "f",
  "flush", "flushrequest", "g", "gdesc", "getenv", "getresults", "gexec", "gset", "gx", "h", "help", "H", "html", "i",
  "include", "if", "ir", "include_relative", "l", "list", "lo_export", "lo_import", "lo_list", "lo_unlink", "o", "out",
  "p", "print", "parse", "password", "prompt", "pset", "q", "quit", "qecho", "r", "reset", "restrict", "s",
  "sendpipeline", "set", "setenv", "sf", "sv", "startpipeline", "syncpipeline", "t", "T", "timing", "unrestrict", "unset",
  "w", "write", "warn", "watch", "x", "z", "!", "?", ";",
]);

/**
 * Reports what is wrong with the client-program token at the parser's cursor (the
 * parser then adds it as a top-level token): an unknown psql meta-command, and COPY
 * data that runs to the end of the text without its `\.` line.
 */
export function checkClientToken(p: Parser): void {
  if (p.mysql && p.at(SyntaxKind.ClientCommand) && /^delimiter[ \t]*$/i.test(p.tokenText())) {
    // A `DELIMITER` line without the new delimiter (the splitter made it a command line).
    const [start, end] = p.currentRange();
    p.report(SyntaxCode.ExpectedToken, "DELIMITER needs the new delimiter after it on the same line (e.g. `DELIMITER //`)", start, end);
    return;
  }
  if (!p.postgres) return;
  const text = p.tokenText();
  if (p.at(SyntaxKind.CopyData)) {
    if (!isTerminatedCopyData(text)) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnterminatedCopyData, "the data of this COPY … FROM STDIN runs to the end of the text: psql ends it at a line that holds only `\\.`", start, end, "warning");
    }
    return;
  }
  if (!p.at(SyntaxKind.ClientCommand)) return;
  const name = commandName(text);
  if (isPsqlCommand(name)) return;
  const [start] = p.currentRange();
  const message = name === "" ? "expected a psql meta-command name after `\\`" : `\`\\${name}\` is not a psql meta-command`;
  p.report(SyntaxCode.UnknownClientCommand, message, start, start + 1 + name.length);
}

/** The name of a psql meta-command (`\connect db` → `connect`): what follows the backslash up to a blank or another backslash. */
function commandName(text: string): string {
  let end = 1;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 32 || c === 9 || c === 92) break;
    end++;
  }
  return text.slice(1, end);
}

/** Whether psql has the meta-command `name` (modifiers such as `+` in `\dt+` or `\l+` allowed). */
function isPsqlCommand(name: string): boolean {
  if (PSQL_COMMANDS.has(name)) return true;
  // The describe family (`\d`, `\dt+`, `\dfS+`, `\dx`, …) and the `+` / `S` / `x` variants of the others.
  if (/^d[A-Za-z]*[+Sx]*$/.test(name)) return true;
  const base = name.replace(/[+Sx]+$/, "");
  return base !== name && PSQL_COMMANDS.has(base);
}

/** Whether COPY data ends with its `\.` line (else it runs to the end of the text). */
export function isTerminatedCopyData(text: string): boolean {
  return text.endsWith("\\.") && (text.length === 2 || text.charCodeAt(text.length - 3) === 10 || text.charCodeAt(text.length - 3) === 13);
}
