import { afterAll, describe, expect, it } from "vitest";
import type { ScanDiagnostic, ScanFix } from "../../src/scanner/index.js";
import { scanner } from "./support.js";

afterAll(() => scanner().dispose());

function applyFix(text: string, fix: ScanFix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  return out;
}

async function injection(path: string, text: string): Promise<ScanDiagnostic[]> {
  return (await scanner().scan({ path, text })).diagnostics.filter((d) => d.code === "sql-injection");
}

describe("parameterize fixes", () => {
  const cases: [string, string, string][] = [
    [
      "a.js",
      `db.query("SELECT * FROM users WHERE id = " + req.params.id);`,
      `db.query("SELECT * FROM users WHERE id = ?", [req.params.id]);`,
    ],
    [
      "b.js",
      "pool.query(`SELECT * FROM t WHERE name = '${req.query.name}' AND kind = ${req.query.kind}`);",
      `pool.query("SELECT * FROM t WHERE name = ? AND kind = ?", [req.query.name, req.query.kind]);`,
    ],
    [
      "c.ts",
      "prisma.$queryRawUnsafe(`SELECT * FROM t WHERE id = ${req.params.id}`);",
      `prisma.$queryRawUnsafe("SELECT * FROM t WHERE id = $1", req.params.id);`,
    ],
    [
      "d.js",
      `sequelize.query("SELECT * FROM t WHERE id = " + req.body.id);`,
      `sequelize.query("SELECT * FROM t WHERE id = ?", { replacements: [req.body.id] });`,
    ],
    [
      "e.py",
      `cursor.execute(f"SELECT * FROM t WHERE name = '{request.args['n']}'")`,
      `cursor.execute("SELECT * FROM t WHERE name = %s", (request.args['n'],))`,
    ],
    [
      "f.py",
      `cursor.execute("SELECT * FROM t WHERE a = %s AND b = %s" % (request.args["a"], request.args["b"]))`,
      `cursor.execute("SELECT * FROM t WHERE a = %s AND b = %s", (request.args["a"], request.args["b"]))`,
    ],
    [
      "g.rb",
      `User.where("name = '#{params[:name]}'")`,
      `User.where("name = ?", params[:name])`,
    ],
    [
      "h.rb",
      `User.find_by_sql("SELECT * FROM users WHERE id = " + params[:id])`,
      `User.find_by_sql(["SELECT * FROM users WHERE id = ?", params[:id]])`,
    ],
    [
      "i.go",
      `package m\nfunc f() { db.Query("SELECT * FROM t WHERE id = " + r.FormValue("id")) }`,
      `package m\nfunc f() { db.Query("SELECT * FROM t WHERE id = ?", r.FormValue("id")) }`,
    ],
  ];

  for (const [path, before, after] of cases) {
    it(`rewrites ${path} to bound parameters, and the result scans clean`, async () => {
      const found = await injection(path, before);
      expect(found).toHaveLength(1);
      const fix = found[0]!.fixes?.[0];
      expect(fix?.safety).toBe("unsafe");
      const fixed = applyFix(before, fix!);
      expect(fixed).toBe(after);
      expect(await injection(path, fixed)).toEqual([]);
    });
  }

  it("offers no fix when the shape is unclear", async () => {
    const unclear: [string, string][] = [
      // SQL built across statements: the edit would have to touch several places.
      ["a.js", `let q = "SELECT * FROM t WHERE a = " + req.query.a;\ndb.query(q);`],
      // A LIKE pattern: the quote wraps more than the value.
      ["b.js", `db.query("SELECT * FROM t WHERE a LIKE '%" + req.query.a + "%'");`],
      // Already has a parameter list.
      ["c.js", `db.query("SELECT * FROM t WHERE a = $1 AND b = " + req.query.b, [1]);`],
      // A wrapper's parameter list is unknown.
      ["w.js", `function run(sql) { return db.query(sql); }\nrun("SELECT * FROM t WHERE a = " + req.query.a);`],
      // JDBC needs a PreparedStatement, which is more than an argument rewrite.
      ["A.java", `class A { void f() { st.executeQuery("SELECT * FROM t WHERE a = " + request.getParameter("a")); } }`],
    ];
    for (const [path, text] of unclear) {
      const found = await injection(path, text);
      expect(found, path).toHaveLength(1);
      expect(found[0]!.fixes, path).toBeUndefined();
    }
  });

  it("points from a wrapper call to the sink inside the wrapper", async () => {
    const text = `def run(q):\n    cursor.execute(q)\n\nrun("DELETE FROM t WHERE id = " + sys.argv[1])\n`;
    const [d] = await injection("w.py", text);
    expect(d!.message).toContain("passed to `run`");
    const inner = d!.related!.find((r) => r.message.includes("passes its parameter `q`"));
    expect(text.slice(inner!.range.start, inner!.range.end)).toBe("cursor.execute(q)");
  });
});
