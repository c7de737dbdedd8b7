// The line width: a group prints flat only when it fits together with the text that follows
// it on its line (up to the next line break the printer takes), so no line runs past the
// width where a line break could have kept it within. Before, only the group's own content
// was measured, and `) AS alias,` or a trailing keyword could push its line over.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { format, formatDocument, parse, resolveFormatOptions, type Dialect, type FormatOptions } from "../../src/index.js";
import { StatementDocBuilder } from "../../src/format/build-doc.js";
import { type Doc, group, hardline, hugGroup, indent, line, softline } from "../../src/format/doc.js";
import { printDoc } from "../../src/format/printer.js";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** `input` formats to `expected`, `expected` formats to itself, and no line is wider than `lineWidth`. */
function check(input: string, expected: string, options: FormatOptions & { lineWidth: number }): void {
  expect(format(input, options)).toBe(expected);
  expect(format(expected, options)).toBe(expected);
  for (const l of expected.split("\n")) expect(l.length, l).toBeLessThanOrEqual(options.lineWidth);
}

describe("the text after a group on its line counts when the group decides to print flat", () => {
  test("a call followed by its alias and the list's comma breaks inside its parentheses", () => {
    // Was `  coalesce(first_name, last_name) AS display_name,`: 50 columns.
    check(
      "select coalesce(first_name, last_name) as display_name, id from users",
      "SELECT\n  coalesce(\n    first_name,\n    last_name\n  ) AS display_name,\n  id\nFROM users\n",
      { lineWidth: 40 },
    );
  });

  test("a subquery followed by its alias and the join condition", () => {
    // Was `  JOIN (SELECT id FROM t2 WHERE x > 1) s ON s.id = t1.id`: 56 columns. The condition
    // takes its own line before the subquery breaks.
    check(
      "select a from t1 join (select id from t2 where x > 1) s on s.id = t1.id",
      "SELECT a\nFROM t1\n  JOIN (SELECT id FROM t2 WHERE x > 1) s\n    ON s.id = t1.id\n",
      { lineWidth: 40 },
    );
    // When the subquery itself does not fit, it breaks, and the condition follows its `)`.
    check(
      "select a from t1 join (select id, name, email from t2 where x > 1 and y < 2) s on s.id = t1.id",
      "SELECT a\nFROM t1\n  JOIN (\n    SELECT id, name, email\n    FROM t2\n    WHERE x > 1 AND y < 2\n  ) s ON s.id = t1.id\n",
      { lineWidth: 40 },
    );
  });

  test("a joined function table keeps its arguments on its line: the condition moves instead", () => {
    // Was `  FULL JOIN generate_series(` / `    1,` / `    48` / `  ) AS g(n) ON …` once the
    // printer measured the text after a group: the only break point on the line was inside the call.
    check(
      "select 1 from a full join generate_series(1, 48) as g(n) on to_tsvector(s.user_id) @@ to_tsquery('cat & dog')",
      "SELECT 1\nFROM a\n  FULL JOIN generate_series(1, 48) AS g(n)\n    ON to_tsvector(s.user_id) @@ to_tsquery('cat & dog')\n",
      { lineWidth: 80 },
    );
  });

  test("a window followed by its alias", () => {
    // Was `SELECT sum(amount) OVER (PARTITION BY user_id ORDER BY day) AS running_total`: 76 columns.
    check(
      "select sum(amount) over (partition by user_id order by day) as running_total from t",
      "SELECT sum(amount) OVER (\n  PARTITION BY user_id\n  ORDER BY day\n) AS running_total\nFROM t\n",
      { lineWidth: 60 },
    );
  });

  test("a view's query followed by WITH CHECK OPTION breaks into its clauses", () => {
    // Was one line of 84 columns (the query alone took 60).
    check(
      "create or replace view paid_orders as select id, user_id, amount from orders where status = 'paid' with local check option",
      "CREATE OR REPLACE VIEW paid_orders AS\nSELECT id, user_id, amount\nFROM orders\nWHERE status = 'paid' WITH LOCAL CHECK OPTION\n",
      { lineWidth: 80 },
    );
  });

  test("a group that fits with what follows still prints flat, at exactly the width too", () => {
    check("select coalesce(a, b) as c, id from t", "SELECT coalesce(a, b) AS c, id FROM t\n", { lineWidth: 40 });
    // 40 columns: `  coalesce(first_n, last_nm) AS display,`.
    check(
      "select coalesce(first_n, last_nm) as display, id from users",
      "SELECT\n  coalesce(first_n, last_nm) AS display,\n  id\nFROM users\n",
      { lineWidth: 40 },
    );
  });

  test("the `;` after a statement counts on its last line", () => {
    // `formatDocument` writes the `;` right after the statement: the layout leaves it room, so
    // a last line of exactly the width breaks (it was 81 columns with the `;`).
    const out = format("select a from t window w as (partition by dept rows between unbounded preceding and current row);");
    expect(out).toBe("SELECT a\nFROM t\nWINDOW w AS (\n  PARTITION BY dept\n  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW\n);\n");
    // Without a `;` the same statement fits in its 80 columns.
    expect(format("select a from t window w as (partition by dept rows between unbounded preceding and current row)").split("\n")[2]!.length).toBe(80);
    // After a line comment, the `;` goes on a line of its own, and the statement keeps its layout.
    expect(format("select a -- c\n;")).toBe("SELECT a -- c\n;\n");
  });
});

describe("where a long line breaks: the builder's break points", () => {
  test("a short list never breaks one item a line: the longer part before it breaks", () => {
    // Was `AS rf(` / `    a,` / `    b` / `  )`: the alias list was the line's last group.
    check(
      "select 1 from order_items o cross join rows from (generate_series(1, 3), generate_series(1, 4)) as rf(a, b)",
      "SELECT 1\nFROM order_items o\n  CROSS JOIN ROWS FROM (\n    generate_series(1, 3),\n    generate_series(1, 4)\n  ) AS rf(a, b)\n",
      { lineWidth: 80 },
    );
  });

  test("a column definition that does not fit puts each constraint on its own line", () => {
    check(
      "create table t (a int, amount_with_a_long_name numeric(12, 2) not null default 0 check (amount_with_a_long_name >= 0))",
      "CREATE TABLE t (\n  a int,\n  amount_with_a_long_name numeric(12, 2)\n    NOT NULL\n    DEFAULT 0\n    CHECK (amount_with_a_long_name >= 0)\n)\n",
      { lineWidth: 80 },
    );
    check("create table t (a int not null default 0)", "CREATE TABLE t (a int NOT NULL DEFAULT 0)\n", { lineWidth: 80 });
  });

  test("a trigger or policy that does not fit puts each clause on its own line", () => {
    check(
      "create trigger orders_audit_trigger after insert or update or delete on public.orders for each row execute function audit.log_change()",
      "CREATE TRIGGER orders_audit_trigger\n  AFTER INSERT OR UPDATE OR DELETE ON public.orders\n  FOR EACH ROW\n  EXECUTE FUNCTION audit.log_change()\n",
      { lineWidth: 80 },
    );
    check("create trigger t after insert on x execute function f()", "CREATE TRIGGER t AFTER INSERT ON x EXECUTE FUNCTION f()\n", { lineWidth: 80 });
    check(
      "create policy tenant_isolation on accounts as restrictive for all to app_user using (tenant_id = 1) with check (owner = current_user)",
      "CREATE POLICY tenant_isolation ON accounts\n  AS RESTRICTIVE\n  FOR ALL\n  TO app_user\n  USING (tenant_id = 1)\n  WITH CHECK (owner = CURRENT_USER)\n",
      { lineWidth: 80 },
    );
  });

  test("a trigger's BEGIN … END body stays after a header that fits, and starts a line after one that broke", () => {
    check(
      "create trigger t after insert on x begin update y set a = 1; end",
      "CREATE TRIGGER t AFTER INSERT ON x BEGIN\n  UPDATE y SET a = 1;\nEND\n",
      { lineWidth: 80, dialect: "sqlite" },
    );
    check(
      "create trigger orders_after_insert_trigger after insert on orders for each row when new.qty > 0 begin insert into audit(x) values (new.id); end",
      "CREATE TRIGGER orders_after_insert_trigger\n  AFTER INSERT ON orders\n  FOR EACH ROW\n  WHEN new.qty > 0\nBEGIN\n  INSERT INTO audit (x) VALUES (new.id);\nEND\n",
      { lineWidth: 80, dialect: "sqlite" },
    );
    check(
      "create trigger orders_before_insert_trigger before insert on orders for each row set new.created_at = now()",
      "CREATE TRIGGER orders_before_insert_trigger\n  BEFORE INSERT ON orders\n  FOR EACH ROW\n  SET new.created_at = now()\n",
      { lineWidth: 80, dialect: "mysql" },
    );
  });

  test("a routine whose header does not fit puts RETURNS and each option before the body on its own line", () => {
    check(
      "create or replace function audit.log_change_for_every_table() returns trigger language plpgsql security definer as $$\nbegin\n  return new;\nend;\n$$",
      "CREATE OR REPLACE FUNCTION audit.log_change_for_every_table()\n  RETURNS trigger\n  LANGUAGE plpgsql\n  SECURITY DEFINER\n  AS $$\nbegin\n  return new;\nend;\n$$\n",
      { lineWidth: 80 },
    );
    // A header that fits keeps the body on its line; options after the body stay after it.
    check(
      "create function add(a integer, b integer) returns integer language plpgsql as $$\nbegin\n  return a + b;\nend;\n$$",
      "CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE plpgsql AS $$\nbegin\n  return a + b;\nend;\n$$\n",
      { lineWidth: 80 },
    );
    check(
      "create or replace function audit.log_change_for_every_table_name() returns trigger as $$\nbegin\n  return new;\nend;\n$$ language plpgsql security definer",
      "CREATE OR REPLACE FUNCTION audit.log_change_for_every_table_name()\n  RETURNS trigger\n  AS $$\nbegin\n  return new;\nend;\n$$ LANGUAGE plpgsql SECURITY DEFINER\n",
      { lineWidth: 80 },
    );
    check(
      "create function a_rather_long_function_name(a int) returns int language sql immutable parallel safe return a + 1",
      "CREATE FUNCTION a_rather_long_function_name(a int)\n  RETURNS int\n  LANGUAGE sql\n  IMMUTABLE\n  PARALLEL safe\n  RETURN a + 1\n",
      { lineWidth: 80 },
    );
  });

  test("a table of one column breaks inside its parentheses when it does not fit", () => {
    check(
      "create table measurements (reading_taken_at_this_moment timestamp with time zone not null)",
      "CREATE TABLE measurements (\n  reading_taken_at_this_moment timestamp WITH TIME ZONE NOT NULL\n)\n",
      { lineWidth: 80 },
    );
  });
});

describe("printDoc's fit check", () => {
  const print = (doc: Doc, width: number): string => printDoc(doc, width, "  ");
  const list = (...items: string[]): Doc => group(["(", indent([softline, items.flatMap((item, i) => (i === 0 ? [item] : [",", line, item]))]), softline, ")"]);

  test("counts the text after the group up to the next break the enclosing group takes", () => {
    // `f(aaa, bbb) AS long_alias` is 26 columns: at 20 the list breaks, though it fits alone.
    const doc = group(["SELECT", indent([line, "f", list("aaa", "bbb"), " AS long_alias", ",", line, "x"])]);
    expect(print(doc, 20)).toBe("SELECT\n  f(\n    aaa,\n    bbb\n  ) AS long_alias,\n  x");
    expect(print(doc, 30)).toBe("SELECT\n  f(aaa, bbb) AS long_alias,\n  x");
  });

  test("stops at that break: what comes on the next line does not count", () => {
    const doc = group(["SELECT", indent([line, "f", list("a", "b"), ",", line, "a_name_far_longer_than_the_width"])]);
    expect(print(doc, 20)).toBe("SELECT\n  f(a, b),\n  a_name_far_longer_than_the_width");
  });

  test("a hard line after the group ends the measure too", () => {
    expect(print(["f", list("a", "b"), hardline, "a_name_far_longer_than_the_width"], 10)).toBe("f(a, b)\na_name_far_longer_than_the_width");
  });

  test("a group still to come counts as breaking at its first line: it is checked when reached", () => {
    // `f(a, b) g(` fits in 12; `g`'s list then does not, and breaks.
    const doc = ["f", list("a", "b"), " g", list("ccc", "ddd")];
    expect(print(doc, 12)).toBe("f(a, b) g(\n  ccc,\n  ddd\n)");
    // The text before that first line counts, though.
    expect(print(["f", list("a", "b"), group([" AS long_alias", line, "x"])], 12)).toBe("f(\n  a,\n  b\n) AS long_alias\nx");
  });

  test("a multi-line token after the group counts up to its first line break", () => {
    expect(print(["f", list("a", "b"), " /* c\nd */"], 12)).toBe("f(a, b) /* c\nd */");
    expect(print(["f", list("a", "b"), " /* long\nd */"], 12)).toBe("f(\n  a,\n  b\n) /* long\nd */");
  });

  test("spaces count as the printer writes them: none doubled, none at a line's end", () => {
    // `ab c` is 4 columns however many separators stand between, and the line after it breaks.
    const doc = group(["ab", line, " ", line, "c", line]);
    expect(print([doc, hardline, "x"], 4)).toBe("ab c\nx");
    expect(print(group([group(["ab", line, "c"]), line, "d"]), 4)).toBe("ab c\nd");
  });

  test("a hugging group breaks when its tail then fits, else hugs when its first line fits", () => {
    const branch = (result: Doc): Doc => {
      const tail: Doc[] = [line, "THEN ", result];
      return group(["WHEN cond", hugGroup([indent(tail)], tail)]);
    };
    // Flat when it fits; its break when `THEN …` then fits on its own line.
    expect(print(branch("x"), 20)).toBe("WHEN cond THEN x");
    expect(print(branch("a_longer_result"), 20)).toBe("WHEN cond\n  THEN a_longer_result");
    // Too long for a line of its own: the list inside breaks instead, at the group's level.
    expect(print(branch(["f", list("aaaaaaaa", "bbbbbbbb")]), 20)).toBe("WHEN cond THEN f(\n  aaaaaaaa,\n  bbbbbbbb\n)");
    // Unless the hugging line itself is over the width.
    expect(print(["WHEN a_long_condition", hugGroup([indent([line, "THEN f", list("aaaaaaaa", "bbbbbbbb")])], [line, "THEN f", list("aaaaaaaa", "bbbbbbbb")])], 20)).toBe(
      "WHEN a_long_condition\n  THEN f(\n    aaaaaaaa,\n    bbbbbbbb\n  )",
    );
  });

  test("a hard line or a multi-line token inside the group's own content never prints flat", () => {
    expect(print(group(["a", line, "/* x\ny */"]), 80)).toBe("a\n/* x\ny */");
    expect(print(group(["a", line, "b", hardline, "c"]), 80)).toBe("a\nb\nc");
  });
});

// Every formatted statement of the corpora and the fixtures, at the default width and at a
// narrow one: a line wider than the width must be one no line break can shorten. The
// statement's document is printed a second time with every group unwrapped, so that every
// possible break is taken; the formatted text must be those pieces joined (by a space or
// nothing, per possible break), and a line over the width must be one piece on its own: text
// with no possible break in it (a long token, string or comment, or a run of tokens the
// builder gives no break point, such as `a = 1` or `CREATE TABLE t PARTITION OF p FOR VALUES`).
// A `;` right after a statement is laid out with it and measured on its last line.

/** `doc` with every group replaced by its content: printed, it takes every possible line break. */
function everyBreakTaken(doc: Doc): Doc {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) return doc.map(everyBreakTaken);
  if (doc.type === "group") return everyBreakTaken(doc.content);
  if (doc.type === "indent") return indent(everyBreakTaken(doc.content));
  return doc;
}

interface WidthReport {
  /** Statements formatted. */
  statements: number;
  /** Lines over the width, all with no possible break in them. */
  unbreakable: number;
  /** Lines over the width that a possible line break would have shortened (must stay empty). */
  breakable: string[];
  /** Statements whose formatted text is not made of the pieces with every break taken (must stay empty). */
  misaligned: string[];
}

function widthReport(sources: readonly { id: string; sql: string }[], dialect: Dialect, lineWidth: number): WidthReport {
  const options = { dialect, lineWidth, lineEnding: "lf" } as const;
  const resolved = resolveFormatOptions(options);
  const report: WidthReport = { statements: 0, unbreakable: 0, breakable: [], misaligned: [] };
  for (const { id, sql } of sources) {
    const parsed = parse(sql, { dialect });
    const nodes = parsed.root.childNodes();
    for (const statement of formatDocument(sql, { ...options, parsed }).statements) {
      if (statement.status !== "formatted") continue;
      const node = nodes.find((n) => n.range.start === statement.range.start && n.range.end === statement.range.end)!;
      const statementDoc = new StatementDocBuilder(resolved).build(node);
      // A `;` right after the statement is laid out with it (see `printStatement`).
      const withSemicolon = /^\s*;/.test(sql.slice(statement.range.end)) ? printDoc([statementDoc, ";"], lineWidth, resolved.indentUnit) : "";
      const semicolon = /[^\s];$/.test(withSemicolon);
      const doc: Doc = semicolon ? [statementDoc, ";"] : statementDoc;
      const text = semicolon ? `${statement.text};` : statement.text;
      // The document analysed is the one the formatter printed.
      expect(printDoc(doc, lineWidth, resolved.indentUnit)).toBe(text);
      report.statements++;
      const pieces = printDoc(everyBreakTaken(doc), lineWidth, resolved.indentUnit).split("\n").map((l) => l.trimStart());
      let p = 0;
      for (const outputLine of text.split("\n")) {
        const lineText = outputLine.trimStart();
        let joined = pieces[p++];
        let count = 1;
        while (joined !== undefined && joined.length < lineText.length && p < pieces.length) {
          joined += (lineText[joined.length] === " " ? " " : "") + pieces[p++];
          count++;
        }
        if (joined !== lineText) {
          report.misaligned.push(`${id}: ${JSON.stringify(outputLine)}`);
          break;
        }
        if (outputLine.length <= lineWidth) continue;
        if (count === 1) report.unbreakable++;
        else report.breakable.push(`${id}: ${JSON.stringify(outputLine)}`);
      }
      if (p !== pieces.length && report.misaligned.at(-1)?.startsWith(`${id}:`) !== true) report.misaligned.push(`${id}: ${pieces.length - p} pieces left`);
    }
  }
  return report;
}

function loadCorpus(name: string): { id: string; sql: string }[] {
  return (JSON.parse(readFileSync(join(packageRoot, "corpus", `${name}.json`), "utf8")) as { statements: { id: string; sql: string }[] }).statements;
}

const CORPORA = [
  ["postgres", "postgres"],
  ["sqlite", "sqlite"],
  ["mysql", "mysql"],
] as const;

describe.each(CORPORA)("every line over the width in the %s corpus has no possible line break", (corpus, dialect) => {
  const entries = loadCorpus(corpus);
  test.each([80, 40])("at width %i", (width) => {
    const report = widthReport(entries, dialect, width);
    expect({ breakable: report.breakable, misaligned: report.misaligned }).toEqual({ breakable: [], misaligned: [] });
    // The check has material: most statements are formatted, and at 40 columns many lines
    // have no break point that could shorten them (expressions stay whole).
    expect(report.statements).toBeGreaterThan(entries.length * 0.8);
    if (width === 40) expect(report.unbreakable).toBeGreaterThan(100);
  });
});

test("every line over the width in the fixtures has no possible line break", () => {
  const fixtures = join(packageRoot, "test/format/fixtures");
  for (const [name, dialect] of [["select.sql", "postgres"], ["dml.sql", "postgres"], ["ddl.sql", "postgres"], ["comments.sql", "postgres"], ["mysql.sql", "mysql"], ["sqlite.sql", "sqlite"]] as const) {
    const sql = readFileSync(join(fixtures, name), "utf8");
    for (const width of [80, 40]) {
      const report = widthReport([{ id: name, sql }], dialect, width);
      expect({ name, width, breakable: report.breakable, misaligned: report.misaligned }).toEqual({ name, width, breakable: [], misaligned: [] });
    }
  }
});
