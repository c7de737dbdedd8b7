import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeScanner } from "../../src/node/scanner-node.js";
import { selectParseRanges } from "../../src/scanner/region-selector.js";
import { scanner } from "./support.js";

afterAll(() => scanner().dispose());

const filler = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join("");
const jsFiller = (n: number) => filler(n, (i) => `function helper${i}(xs) {\n  return xs.map((x) => x * ${i}).filter(Boolean);\n}\n\n`);
const pyFiller = (n: number) => filler(n, (i) => `def helper_${i}(xs):\n    return [x * ${i} for x in xs if x]\n\n\n`);

describe("selective parsing", () => {
  it("leaves out top-level functions without a sink name, and keeps everything else", () => {
    const text = `const TABLE = "users";\n${jsFiller(60)}function find(req) {\n  return db.query("SELECT * FROM " + TABLE);\n}\n`;
    const hit = text.indexOf("query(");
    const ranges = selectParseRanges(text, "javascript", [hit]);
    expect(ranges).not.toBeNull();
    const kept = ranges!.map((r) => text.slice(r.startIndex, r.endIndex)).join("");
    expect(kept).toContain('const TABLE = "users";');
    expect(kept).toContain('return db.query("SELECT * FROM " + TABLE);');
    expect(kept).not.toContain("helper1(");
    // A helper that kept code calls is kept too (its SQL is followed into it).
    const withHelper = `${jsFiller(40)}function where(v) {\n  return "SELECT * FROM t WHERE a = " + v;\n}\n${jsFiller(40)}db.query(where(req.query.a));\n`;
    const keptWithHelper = selectParseRanges(withHelper, "javascript", [withHelper.indexOf("query(")])!.map((r) => withHelper.slice(r.startIndex, r.endIndex)).join("");
    expect(keptWithHelper).toContain("function where(v)");
    expect(keptWithHelper).not.toContain("helper1(");
    // Small files are parsed whole.
    expect(selectParseRanges("function f() {}\n", "javascript", [])).toBeNull();
  });

  it("inside a class with a sink, leaves out the other methods but keeps fields and closers", async () => {
    const helpers = (make: (i: number) => string) => Array.from({ length: 100 }, (_, i) => make(i)).join("");
    const cases: [string, string, string][] = [
      [
        "Repo.java",
        "package app;\nimport java.sql.*;\n\npublic class Repo {\n    private static final String TABLE = \"users\";\n\n" +
          "    @Override\n    public String toString() {\n        return \"repo\";\n    }\n\n" +
          helpers((i) => `    public int helper${i}(int[] xs) {\n        int s = 0;\n        for (int x : xs) { s += x * ${i}; }\n        return s;\n    }\n\n`) +
          "    public ResultSet find(Connection conn, HttpServletRequest request) throws SQLException {\n" +
          '        return conn.createStatement().executeQuery("SELECT * FROM " + TABLE + " WHERE id = " + request.getParameter("id"));\n' +
          "    }\n}\n",
        "executeQuery",
      ],
      [
        "store.py",
        'TABLE = "users"\n\n\nclass Store:\n    limit = 10\n\n    @property\n    def name(self):\n        return "store"\n\n' +
          helpers((i) => `    def helper_${i}(self, xs):\n        return [x * ${i} for x in xs]\n\n`) +
          '    def find(self):\n        self.cursor.execute("SELECT * FROM " + TABLE + " WHERE id = " + request.args["id"])\n',
        "execute",
      ],
      [
        "users_controller.rb",
        'class UsersController < ApplicationController\n  TABLE = "users"\n\n' +
          helpers((i) => `  def helper_${i}(xs)\n    xs.map { |x| x * ${i} }\n  end\n\n`) +
          '  def show\n    User.find_by_sql("SELECT * FROM " + TABLE + " WHERE id = #{params[:id]}")\n  end\nend\n',
        "find_by_sql",
      ],
    ];
    for (const [path, text, sink] of cases) {
      const language = path.endsWith(".java") ? "java" : path.endsWith(".py") ? "python" : "ruby";
      const ranges = selectParseRanges(text, language, [text.indexOf(sink)]);
      expect(ranges, path).not.toBeNull();
      const kept = ranges!.map((r) => text.slice(r.startIndex, r.endIndex)).join("");
      expect(kept, path).not.toContain("helper");
      expect(kept, path).toContain("TABLE = ");
      const result = await scanner().scan({ path, text });
      expect(result.diagnostics.map((d) => [d.code, d.severity]), path).toEqual([["sql-injection", "error"]]);
      expect(result.extractions.map((e) => e.sql), path).toEqual(["SELECT * FROM users WHERE id = ?"]);
    }
  });

  it("gives the same findings as whole-file parsing on a large file", async () => {
    const fixture = readFileSync(join(import.meta.dirname, "fixtures/express-routes.js"), "utf8");
    const small = await scanner().scan({ path: "a.js", text: fixture });
    // Appended functions leave the fixture's offsets unchanged.
    const large = await scanner().scan({ path: "a.js", text: fixture + jsFiller(200) });
    expect(selectParseRanges(fixture + jsFiller(200), "javascript", [fixture.indexOf("db.query")])).not.toBeNull();
    expect(large.diagnostics).toEqual(small.diagnostics);
    expect(large.extractions.map((e) => e.sql)).toEqual(small.extractions.map((e) => e.sql));
  });

  it("falls back to a whole parse when a guessed boundary lands inside a multi-line string", async () => {
    const tail = [
      "def report(kind):",
      '    sql = """',
      "SELECT *",
      "FROM reports",
      '"""',
      "    sql += \" WHERE kind = '\" + kind + \"'\"",
      "    cursor.execute(sql)",
      "",
    ].join("\n");
    const text = pyFiller(80) + tail;
    // The column-0 SQL lines look like unit starts, so the call's unit is cut off from the def.
    const ranges = selectParseRanges(text, "python", [text.indexOf("execute")]);
    expect(ranges).not.toBeNull();
    const result = await scanner().scan({ path: "r.py", text });
    expect(result.extractions.map((e) => e.sql)).toEqual(["\nSELECT *\nFROM reports\n WHERE kind = '?'"]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["sql-injection", "warning"]]);
  });

  it("stops a partial parse at its first error, resets the parser, and parses the whole file", async () => {
    // The column-0 lines of the triple-quoted string look like top-level statements, so
    // `report` is left out and the partial parse meets `SELECT 1` as Python: an error.
    const head = 'def report():\n    sql = """\nSELECT 1\n"""\n    return sql\n\n';
    const views = Array.from({ length: 400 }, (_, i) => `def view_${i}(request):\n    cursor.execute("SELECT ${i} FROM t WHERE a = %s", (request.args["a"],))\n\n`).join("");
    const tail = 'def bad():\n    cursor.execute("SELECT * FROM t WHERE b = " + request.args["b"])\n';
    const text = head + views + tail;
    expect(selectParseRanges(text, "python", [text.indexOf("execute")])).not.toBeNull();
    const result = await scanner().scan({ path: "v.py", text });
    expect(result.extractions).toHaveLength(401);
    expect(result.diagnostics.map((d) => [d.severity, text.slice(d.range.start, d.range.end)])).toEqual([
      ["error", '"SELECT * FROM t WHERE b = " + request.args["b"]'],
    ]);
    // Without a reset, the next parse would resume the cancelled one.
    const other = `def f(request):\n    cursor.execute(f"SELECT {request.args['x']}")\n`;
    const fresh = createNodeScanner();
    const expected = await fresh.scan({ path: "o.py", text: other });
    await fresh.dispose();
    const again = await scanner().scan({ path: "o.py", text: other });
    const data = (r: typeof expected) => ({ ...r, extractions: r.extractions.map(({ mapping: _, ...e }) => e) });
    expect(data(again)).toEqual(data(expected));
    expect(expected.diagnostics).toHaveLength(1);
  });
});
