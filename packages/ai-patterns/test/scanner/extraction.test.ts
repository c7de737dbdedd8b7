import { afterAll, describe, expect, it } from "vitest";
import { hostRangeOf, type ExtractedSql } from "../../src/scanner/index.js";
import { scanner } from "./support.js";

afterAll(() => scanner().dispose());

/** Every SQL character that is not a placeholder must map to the same character in the host. */
function expectFaithfulMapping(host: string, e: ExtractedSql): void {
  const placeholders = e.runs.filter((r) => r.placeholder);
  for (let i = 0; i < e.sql.length; i++) {
    if (placeholders.some((r) => i >= r.sqlStart && i < r.sqlStart + r.length)) continue;
    const at = e.mapping(i);
    const ch = e.sql[i]!;
    // Escapes map to their backslash; everything else to the very same character.
    if (host[at] === "\\") continue;
    expect(host[at], `sql[${i}] = ${JSON.stringify(ch)} maps to host[${at}]`).toBe(ch);
  }
}

describe("extractSql", () => {
  it("extracts concatenated SQL with a placeholder and maps each part back", async () => {
    const host = `app.get("/", (req, res) => db.query("SELECT * FROM users WHERE id = " + req.params.id + " AND active"));\n`;
    const [e] = await scanner().extractSql({ path: "a.js", text: host });
    expect(e).toBeDefined();
    expect(e!.sql).toBe("SELECT * FROM users WHERE id = ? AND active");
    expect(e!.build).toBe("concatenation");
    expect(e!.sink).toMatchObject({ method: "query", receiver: "db" });
    expect(e!.holes).toHaveLength(1);
    expect(e!.holes[0]).toMatchObject({ text: "req.params.id", taint: "untrusted", how: "concatenation" });
    // The placeholder maps to the spliced expression.
    const q = e!.sql.indexOf("?");
    expect(host.slice(e!.mapping(q), e!.mapping(q) + 13)).toBe("req.params.id");
    expect(e!.mapping(e!.sql.indexOf("users"))).toBe(host.indexOf("users"));
    expect(e!.mapping(e!.sql.indexOf("AND"))).toBe(host.indexOf("AND"));
    expectFaithfulMapping(host, e!);
  });

  it("follows assignments and += across lines, mapping each fragment to its own line", async () => {
    const host = [
      "def report(kind):",
      '    sql = "SELECT id\\n"',
      '    sql += "  FROM reports "',
      "    sql += \"WHERE kind = '\" + kind + \"'\"",
      "    cursor.execute(sql)",
      "",
    ].join("\n");
    const [e] = await scanner().extractSql({ path: "r.py", text: host });
    expect(e!.sql).toBe("SELECT id\n  FROM reports WHERE kind = '?'");
    const lineOf = (offset: number) => host.slice(0, offset).split("\n").length;
    expect(lineOf(e!.mapping(e!.sql.indexOf("SELECT")))).toBe(2);
    expect(lineOf(e!.mapping(e!.sql.indexOf("FROM")))).toBe(3);
    expect(lineOf(e!.mapping(e!.sql.indexOf("WHERE")))).toBe(4);
    // The decoded "\n" maps to its backslash in the host.
    expect(host[e!.mapping(e!.sql.indexOf("\n"))]).toBe("\\");
    expect(e!.mapping(e!.sql.length)).toBeGreaterThan(e!.mapping(e!.sql.length - 1));
    expectFaithfulMapping(host, e!);
  });

  it("uses $n placeholders for PostgreSQL (tagged templates, $1 already in the text)", async () => {
    const host = "await prisma.$queryRaw`SELECT * FROM t WHERE a = ${a} AND b = ${b}`;\n" + 'await pool.query("SELECT * FROM t WHERE a = $1 AND b = " + b, [a]);\n';
    const all = await scanner().extractSql({ path: "p.ts", text: host });
    expect(all.map((e) => [e.sql, e.build, e.dialectHint])).toEqual([
      ["SELECT * FROM t WHERE a = $1 AND b = $2", "tagged-template", "postgres"],
      ["SELECT * FROM t WHERE a = $1 AND b = $2", "concatenation", "postgres"],
    ]);
    for (const e of all) expectFaithfulMapping(host, e);
  });

  it("maps SQL inside non-ASCII host text by UTF-16 offsets", async () => {
    const host = 'const título = "ñ"; // 🎉 emoji\ndb.query("SELECT \'café 🎉\' FROM t WHERE x = " + título);\n';
    const [e] = await scanner().extractSql({ path: "u.js", text: host });
    // The constant variable's text is spliced in as text (it is known), not as a placeholder.
    expect(e!.sql).toBe("SELECT 'café 🎉' FROM t WHERE x = ñ");
    expectFaithfulMapping(host, e!);
    expect(host.slice(e!.mapping(0), e!.mapping(0) + 6)).toBe("SELECT");
  });

  it("extracts constant and parameterized SQL in every language", async () => {
    const cases: [string, string, string][] = [
      ["a.go", 'package m\nfunc f() { db.Exec("DELETE FROM t WHERE id = $1", id) }\n', "DELETE FROM t WHERE id = $1"],
      ["A.java", 'class A { void f() { conn.prepareStatement("SELECT 1 FROM t WHERE a = ?"); } }\n', "SELECT 1 FROM t WHERE a = ?"],
      ["a.php", "<?php\n$pdo->prepare('SELECT * FROM t WHERE a = ?');\n", "SELECT * FROM t WHERE a = ?"],
      ["a.rb", 'User.find_by_sql("SELECT * FROM users")\n', "SELECT * FROM users"],
      ["a.tsx", 'const x = <div onClick={() => db.query("UPDATE t SET a = 1")} />;\n', "UPDATE t SET a = 1"],
    ];
    for (const [path, host, sql] of cases) {
      const all = await scanner().extractSql({ path, text: host });
      expect(all.map((e) => e.sql), path).toEqual([sql]);
      expectFaithfulMapping(host, all[0]!);
    }
  });

  it("decodes Python raw strings, f-strings and % formatting", async () => {
    const host = [
      "def f(n):",
      '    cursor.execute(r"SELECT \'\\d+\' FROM t")',
      '    cursor.execute(f"SELECT {n} FROM t")',
      '    cursor.execute("SELECT %s, %d FROM t" % (n, 3))',
      '    cursor.execute("SELECT {} FROM {t}".format(n, t="x"))',
      "",
    ].join("\n");
    const all = await scanner().extractSql({ path: "f.py", text: host });
    expect(all.map((e) => [e.sql, e.build])).toEqual([
      ["SELECT '\\d+' FROM t", "constant"],
      ["SELECT ? FROM t", "interpolation"],
      ["SELECT ?, ? FROM t", "format"],
      ["SELECT ? FROM x", "format"],
    ]);
  });

  it("maps SQL ranges back with hostRangeOf, across pieces on different lines", async () => {
    const host = 'q = "SELECT name "\nq += "FROM users"\ncursor.execute(q)\n';
    const [e] = await scanner().extractSql({ path: "h.py", text: host });
    expect(e!.sql).toBe("SELECT name FROM users");
    const users = e!.sql.indexOf("users");
    const range = hostRangeOf(e!, { start: users, end: users + 5 });
    expect(host.slice(range.start, range.end)).toBe("users");
    expect(host.slice(0, range.start).split("\n").length).toBe(2);
    expect(hostRangeOf(e!, { start: 3, end: 3 })).toEqual({ start: e!.mapping(3), end: e!.mapping(3) });
  });

  it("reads Go strings.Builder writes back", async () => {
    const host = 'package m\nfunc f() {\n\tvar sb strings.Builder\n\tsb.WriteString("SELECT id ")\n\tsb.WriteString("FROM t")\n\tdb.Query(sb.String())\n}\n';
    const all = await scanner().extractSql({ path: "b.go", text: host });
    expect(all.map((e) => [e.sql, e.build])).toEqual([["SELECT id FROM t", "constant"]]);
  });

  it("extracts nothing from calls that only look like sinks", async () => {
    const cases: [string, string][] = [
      ["gin.go", 'package m\nfunc h(c *gin.Context) {\n\tname := c.Query("name")\n\tc.Param("id")\n}\n'],
      ["ui.py", 'def view():\n    label = text("Select a user from the list")\n    cursor.execute(some_query)\n'],
      ["url.js", 'const q = url.query("page");\nconst v = cache.get("key " + req.params.id);\nrouter.get("/users/:id", handler);\n'],
      ["api.ts", 'await client.query({ query: GET_USERS, variables: { id } });\nawait http.execute("Update your profile");\n'],
    ];
    for (const [path, text] of cases) {
      const result = await scanner().scan({ path, text });
      expect(result.extractions.map((e) => e.sql), path).toEqual([]);
      expect(result.diagnostics, path).toEqual([]);
    }
  });
});
