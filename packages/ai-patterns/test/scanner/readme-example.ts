import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createScanner } from "@sextant/ai-patterns";

// The core does no I/O (it also runs in browsers): say where the grammar .wasm files are.
const require = createRequire(import.meta.url);
const scanner = createScanner({
  loadGrammar: async (_language, fileName) =>
    new Uint8Array(await readFile(require.resolve(`@vscode/tree-sitter-wasm/wasm/${fileName}`))),
});

const text = `app.get("/users/:id", async (req, res) => {
  let sql = "SELECT * FROM users WHERE id = " + req.params.id;
  sql += " AND email <> 'ops@example.com'";
  res.json(await db.query(sql));
});
`;
const { diagnostics, extractions } = await scanner.scan({ path: "routes.js", text });
const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
for (const d of diagnostics) console.log(`${lineOf(d.range.start)}: ${d.severity}[${d.code}] ${d.message}`);
for (const e of extractions) {
  console.log(`${e.build}: ${e.sql}`);
  // Offsets in the SQL map back to the host file, e.g. for the SQL analyzer's findings.
  console.log(`"AND" is on line ${lineOf(e.mapping(e.sql.indexOf("AND")))}`);
}
await scanner.dispose();
