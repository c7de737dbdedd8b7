/**
 * PL/pgSQL's `INTO [STRICT] target, …`: PL/pgSQL's own reader takes the first INTO out of a
 * statement wherever it stands, so inside a PL/pgSQL body a SELECT takes it before the select
 * list and between any two of its clauses (once per statement); plain SQL keeps PostgreSQL's
 * one place (`SELECT … INTO table FROM …`, which creates a table).
 */
import { describe, expect, it } from "vitest";
import { SyntaxKind, parse, type ParseResult } from "../../src/index.js";

/** The INTO targets the statements below use, declared (PL/pgSQL requires it). */
const DECLARED = ["v_total", "rec", "r", "v_schema", "v_head", "v_code", "v_kind", "v_parts", "v_a", "v_b", "q", "v_last", "v_owner", "v_n", "v_sum", "v_id", "x", "y", "n"];

/** The statement wrapped as the only SQL statement of a PL/pgSQL (trigger) function body. */
function inBody(statement: string): string {
  return `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nDECLARE ${DECLARED.map((name) => `${name} record;`).join(" ")}\nBEGIN\n  ${statement};\n  RETURN 1;\nEND $$;`;
}

function messages(result: ParseResult): string[] {
  return result.diagnostics.map((d) => `${d.severity}[${d.code}] ${d.message}`);
}

/** Every placement PL/pgSQL takes (the statements are what PL/pgSQL reads, checked by hand against its reader). */
const placements: Record<string, string> = {
  "before the select list": "SELECT INTO v_total count(*) FROM orders WHERE paid",
  "before the list, STRICT and qualified targets": "SELECT INTO STRICT NEW.total, rec.n sum(amount), count(*) FROM orders o WHERE o.owner = NEW.id",
  "before the list, no FROM": "SELECT INTO v_schema current_schema()::text",
  "before the list, schema-qualified call": "SELECT INTO v_head pg_catalog.left(v_name, 1)",
  "before the list, after DISTINCT": "SELECT DISTINCT INTO v_code upper(code) FROM regions",
  "before the list, after DISTINCT ON": "SELECT DISTINCT ON (kind) INTO v_kind kind FROM items ORDER BY kind",
  "before the list, derived table": "SELECT INTO v_parts array_agg(p) FROM (SELECT nullif(s, '') AS p FROM unnest(v_arr) AS s) AS parts",
  "after the select list": "SELECT a, b INTO v_a, v_b FROM t",
  "after FROM": "SELECT * FROM queue INTO q WHERE name = p_name",
  "after WHERE, before FOR UPDATE": "SELECT last_id FROM seqs WHERE name = p_name INTO v_last FOR UPDATE",
  "after FROM, with FOR UPDATE at the end": "SELECT * FROM queue INTO q WHERE name = p_name AND rotation IS NOT NULL FOR UPDATE",
  "after GROUP BY": "SELECT owner, count(*) FROM orders GROUP BY owner INTO v_owner, v_n HAVING count(*) > 1",
  "after HAVING": "SELECT owner FROM orders GROUP BY owner HAVING count(*) > 1 INTO v_owner",
  "after WINDOW": "SELECT sum(a) OVER w FROM t WINDOW w AS (ORDER BY b) INTO v_sum LIMIT 1",
  "after ORDER BY": "SELECT id FROM events ORDER BY at DESC INTO v_last LIMIT 1",
  "after LIMIT": "SELECT id FROM events ORDER BY id LIMIT 1 INTO v_id OFFSET 2",
  "after OFFSET": "SELECT id FROM events ORDER BY id OFFSET 2 INTO v_id",
  "after FOR UPDATE": "SELECT id FROM jobs WHERE ready FOR UPDATE SKIP LOCKED INTO v_id",
  "in the first branch of a set operation": "SELECT a FROM t INTO v_a UNION SELECT b FROM u",
  "after a set operation": "SELECT a FROM t UNION ALL SELECT b FROM u INTO v_a",
  "before the list, with a CTE": "WITH c AS (SELECT 1 AS n) SELECT INTO v_n n FROM c",
};

describe("PL/pgSQL INTO placements", () => {
  for (const [name, statement] of Object.entries(placements)) {
    it(`${name}: ${statement}`, () => {
      const text = inBody(statement);
      const result = parse(text, { dialect: "postgres" });
      expect(messages(result)).toEqual([]);
      expect(result.root.text()).toBe(text);
      // The statement, then `RETURN 1`'s expression.
      expect(result.embedded.map((e) => e.root.text())).toEqual([statement, "1"]);
      const root = result.embedded[0]!.root;
      expect(root.text()).toBe(text.slice(root.range.start, root.range.end));
      expect(root.text()).toBe(statement);
      const into = root.descendants().filter((n) => n.kind === SyntaxKind.IntoClause);
      expect(into).toHaveLength(1);
      expect(into[0]!.text().toUpperCase()).toMatch(/^INTO /);
    });
  }

  it("keeps the leading INTO inside the SelectClause, before the first item", () => {
    const result = parse(inBody("SELECT INTO STRICT x, r.f a FROM t"), { dialect: "postgres" });
    const clause = result.embedded[0]!.root.descendants().find((n) => n.kind === SyntaxKind.SelectClause)!;
    expect(clause.childNodes().map((n) => n.kind)).toEqual([SyntaxKind.IntoClause, SyntaxKind.SelectItem]);
    expect(clause.childNodes()[0]!.text()).toBe("INTO STRICT x, r.f");
  });

  it("makes a clause-level INTO a sibling of the clauses it stands between", () => {
    const result = parse(inBody("SELECT a FROM t INTO x WHERE b ORDER BY a INTO y"), { dialect: "postgres" });
    const core = result.embedded[0]!.root.descendants().find((n) => n.kind === SyntaxKind.SelectCore)!;
    expect(core.childNodes().map((n) => n.kind)).toEqual([SyntaxKind.SelectClause, SyntaxKind.FromClause, SyntaxKind.IntoClause, SyntaxKind.WhereClause]);
  });

  it("works in a DO block too", () => {
    const text = "DO $$ DECLARE n int; BEGIN SELECT count(*) FROM t INTO n WHERE a > 0; SELECT INTO n max(a) FROM t; END $$;";
    const result = parse(text, { dialect: "postgres" });
    expect(messages(result)).toEqual([]);
    expect(result.embedded).toHaveLength(2);
  });
});

describe("one INTO per statement", () => {
  const twice = [
    "SELECT a FROM t INTO x INTO y",
    "SELECT INTO x a FROM t INTO y",
    "SELECT a INTO x FROM t WHERE b INTO y",
    "SELECT a FROM t ORDER BY a INTO x LIMIT 1 INTO y",
    "SELECT * FROM (SELECT a FROM t INTO x) s INTO y",
  ];
  for (const statement of twice) {
    it(statement, () => {
      const text = inBody(statement);
      const result = parse(text, { dialect: "postgres" });
      expect(messages(result)).toEqual(["error[unexpected-token] INTO specified more than once"]);
      // The error is on the second INTO.
      const second = text.lastIndexOf("INTO");
      expect(result.diagnostics[0]!.range).toEqual({ start: second, end: second + 4 });
      expect(result.root.text()).toBe(text);
    });
  }
});

describe("outside PL/pgSQL nothing changes", () => {
  // PostgreSQL takes `INTO table` only right after the select list (and rejects these).
  const rejected = [
    "SELECT a FROM t INTO x WHERE b = 1",
    "SELECT INTO x a FROM t",
    "SELECT a FROM t ORDER BY a INTO x",
    "SELECT a FROM t WHERE b INTO x FOR UPDATE",
  ];
  for (const text of rejected) {
    it(`rejects top-level ${text}`, () => {
      const result = parse(text, { dialect: "postgres" });
      expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
      expect(result.root.text()).toBe(text);
    });
  }

  it("still reads the INTO of SELECT … INTO as a table", () => {
    const text = "SELECT a INTO TEMP t2 FROM t WHERE b = 1";
    const result = parse(text, { dialect: "postgres" });
    expect(messages(result)).toEqual([]);
    const into = result.root.descendants().find((n) => n.kind === SyntaxKind.IntoClause)!;
    expect(into.text()).toBe("INTO TEMP t2");
  });

  it("leaves a LANGUAGE sql body as plain SQL", () => {
    const text = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT a FROM t INTO x WHERE b $$;";
    expect(parse(text, { dialect: "postgres" }).diagnostics.some((d) => d.severity === "error")).toBe(true);
  });
});
