/**
 * One smoke run through each isomorphic core package: the query engine, the SQL analyzer
 * and the Cairo-M analyzer. The same function runs in Node (imported by the test) and in
 * Chromium (bundled for `platform: "browser"`), and both must return equal results.
 */
import { Database } from "@sextant/query-engine";
import { format, parse } from "@sextant/sql-analyzer";
import { createCairoMService, InMemoryFileSystem } from "@sextant/cairom-analyzer";

/** Plain, JSON-able results of the smoke run. */
export interface CoreSmokeResult {
  engine: { first: number; second: number; executions: string[] };
  sql: { lossless: boolean; errorCodes: string[]; formatted: string };
  cairom: { diagnostics: string[]; hover: string | undefined };
}

export function runCoreSmoke(): CoreSmokeResult {
  // Query engine: an edit that keeps a derived value equal backdates its dependents.
  const db = new Database();
  const executions: string[] = [];
  db.on((e) => { if (e.kind === "will-execute") executions.push(String(e.query)); });
  const text = db.input<string, string>("text");
  const length = db.query<string, number>("length", (ctx, key) => ctx.get(text, key).length);
  const doubled = db.query<string, number>("doubled", (ctx, key) => ctx.get(length, key) * 2);
  text.set("a", "hello");
  const first = db.get(doubled, "a");
  text.set("a", "world");
  const second = db.get(doubled, "a");

  // SQL analyzer: lossless parse with recovery, and the formatter.
  const broken = "select a, from t where (b = 1;\nselect 'unterminated";
  const parsed = parse(broken, { dialect: "postgres" });
  const formatted = format("select a,b from users where id=$1 order by a", { keywordCase: "upper" });

  // Cairo-M analyzer: a two-file project through the in-memory file system.
  const fs = new InMemoryFileSystem({
    "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
    "/p/src/main.cm": "use util::twice;\nfn main() -> felt {\n    let x = twice(21);\n    let unused = 1;\n    return x;\n}\n",
    "/p/src/util.cm": "/// Doubles a value.\nfn twice(v: felt) -> felt { return v + v; }\n",
  });
  const service = createCairoMService({ fs });
  const main = "/p/src/main.cm";
  const source = fs.readFile(main) ?? "";
  const diagnostics = service.getDiagnostics(main).map((d) => `${d.severity}[${d.code}]@${d.range.start}`);
  const hover = service.getHover(main, source.indexOf("twice(21)"))?.markdown;

  return {
    engine: { first, second, executions },
    sql: {
      lossless: parsed.root.text() === broken,
      errorCodes: parsed.diagnostics.map((d) => d.code),
      formatted,
    },
    cairom: { diagnostics, hover },
  };
}
