// Sextant quickstart: an incremental "project check" on an embedded default project.
//
// Three tiny source files are inputs. Derived queries count the words of each file, find
// the file's TODO notes (pushed as diagnostics through an accumulator) and total the
// words of the project. After each edit the engine's event log shows what re-ran, what
// was reused, and where early cutoff (backdating) stopped propagation.
import { Database, Durability } from "@sextant/query-engine";

const files = {
  "main.txt": "fn main calls helper and prints the answer",
  "helper.txt": "fn helper returns forty two TODO document the constant",
  "vendor/lib.txt": "library code that rarely changes",
};

const db = new Database();
const log = [];
db.on((event) => {
  if (event.kind === "will-execute" || event.kind === "did-backdate") log.push(`${event.kind} ${event.query}(${event.key ?? ""})`);
});

const fileList = db.input("fileList");
const sourceText = db.input("sourceText");
const diagnostics = db.accumulator("diagnostics");

// Word count per file; it also reports every TODO as a diagnostic with an offset range.
const fileWords = db.query("fileWords", (ctx, path) => {
  const text = ctx.get(sourceText, path);
  for (const match of text.matchAll(/TODO/g)) {
    ctx.push(diagnostics, { path, code: "todo", severity: "info", message: "TODO left in file", range: { start: match.index, end: match.index + 4 } });
  }
  return text.split(/\s+/).filter(Boolean).length;
});

// Total over the project: re-runs only when some file's word count really changed.
const projectWords = db.query("projectWords", (ctx) => {
  let total = 0;
  for (const path of ctx.get(fileList, "all")) total += ctx.get(fileWords, path);
  return total;
});

fileList.set("all", Object.keys(files), { durability: Durability.Medium });
for (const [path, text] of Object.entries(files)) {
  sourceText.set(path, text, { durability: path.startsWith("vendor/") ? Durability.High : Durability.Low });
}

function check(title) {
  log.length = 0;
  const total = db.get(projectWords, "all");
  const found = db.accumulated(projectWords, "all", diagnostics);
  console.log(`\n== ${title} (revision ${db.revision})`);
  console.log(`project words: ${total}; diagnostics: ${found.map((d) => `${d.path}:${d.range.start} ${d.code}`).join(", ") || "none"}`);
  console.log(`work done: ${log.length ? log.join("; ") : "nothing re-ran"}`);
  return { total, found, executed: [...log] };
}

export const results = [];
results.push(check("cold check"));
results.push(check("no change"));
sourceText.set("main.txt", "fn main calls helper and prints the result");
results.push(check("edit main.txt, same word count (backdated, total reused)"));
sourceText.set("helper.txt", "fn helper returns forty two");
results.push(check("edit helper.txt, TODO removed"));

const stats = db.stats();
console.log(`\n${stats.memos} memos, ~${stats.approxBytes} bytes at revision ${stats.revision}`);
