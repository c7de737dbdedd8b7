// `routineBodies: "format"` on PL/pgSQL: a routine's or a DO block's dollar-quoted body laid out
// by its block structure, its SQL formatted, and every body it cannot lay out kept as written.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModule, parsePlPgSQLSync } from "libpg-query";
import { beforeAll, describe, expect, test } from "vitest";
import { format, formatDocument, parse, SyntaxKind, tokenize, type FormatOptions } from "../../src/index.js";
import { requoted } from "../support/quoted-bodies.js";
import { createRandom } from "../../fuzz/generators.mjs";

const FORMAT: FormatOptions = { routineBodies: "format" };

/** `input` formats to `expected`, and `expected` formats to itself. */
function check(input: string, expected: string, options: FormatOptions = FORMAT): void {
  expect(format(input, options)).toBe(expected);
  expect(format(expected, options)).toBe(expected);
}

/** A PL/pgSQL function `f` over `body`, as the tests write it. */
const fn = (body: string, returns = "int"): string => `create function f(a int) returns ${returns} language plpgsql as $$${body}$$;`;
/** The same function as the formatter prints it, its body `lines`. */
const printed = (lines: string[], returns = "int"): string => `CREATE FUNCTION f(a int) RETURNS ${returns} LANGUAGE plpgsql AS $$\n${lines.join("\n")}\n$$;\n`;

describe("a PL/pgSQL body", () => {
  test("is laid out by its blocks: a declaration or statement a line, each branch one level in", () => {
    check(
      fn(
        " declare x int; r record; begin if x>1 then x:=2; elsif x<0 then x := 3; else null; end if; select 1 into x from t where id=a; for r in select * from t loop raise notice '% row', r.id; end loop; for i in 1..10 loop exit when i>5; end loop; return x; exception when unique_violation or others then return -1; end ",
      ),
      printed([
        "DECLARE",
        "  x int;",
        "  r record;",
        "BEGIN",
        "  IF x > 1 THEN",
        "    x := 2;",
        "  ELSIF x < 0 THEN",
        "    x := 3;",
        "  ELSE",
        "    NULL;",
        "  END IF;",
        "  SELECT 1 INTO x FROM t WHERE id = a;",
        "  FOR r IN SELECT * FROM t LOOP",
        "    RAISE NOTICE '% row', r.id;",
        "  END LOOP;",
        "  FOR i IN 1..10 LOOP",
        "    EXIT WHEN i > 5;",
        "  END LOOP;",
        "  RETURN x;",
        "EXCEPTION",
        "  WHEN unique_violation OR OTHERS THEN",
        "    RETURN -1;",
        "END",
      ]),
    );
  });

  test("CASE, WHILE, FOREACH, labelled blocks and loops, compiler options", () => {
    check(
      fn(
        "#variable_conflict use_column\n<<outer>> declare n int := 0; xs int[] := '{1,2}'; v int; begin case n when 1, 2 then n := 3; else n := 4; end case; while n < 10 loop n := n + 1; end loop; <<inner>> foreach v in array xs loop continue inner when v = 1; end loop inner; <<b>> begin exit b; end b; return n; end outer",
      ),
      printed([
        "#variable_conflict use_column",
        "<<outer>>",
        "DECLARE",
        "  n int := 0;",
        "  xs int[] := '{1,2}';",
        "  v int;",
        "BEGIN",
        "  CASE n",
        "    WHEN 1, 2 THEN",
        "      n := 3;",
        "    ELSE",
        "      n := 4;",
        "  END CASE;",
        "  WHILE n < 10 LOOP",
        "    n := n + 1;",
        "  END LOOP;",
        "  <<inner>>",
        "  FOREACH v IN ARRAY xs LOOP",
        "    CONTINUE inner WHEN v = 1;",
        "  END LOOP inner;",
        "  <<b>>",
        "  BEGIN",
        "    EXIT b;",
        "  END b;",
        "  RETURN n;",
        "END outer",
      ]),
    );
  });

  test("EXECUTE, GET DIAGNOSTICS, cursors, RETURN QUERY, RAISE USING, ASSERT, PERFORM", () => {
    check(
      fn(
        " declare c cursor(k int) for select * from t where id=k; n int; r record; begin execute format('select %L', a) into n using a; get diagnostics n = row_count; open c(1); fetch next from c into r; close c; return query select id from t; raise exception using message = 'no', errcode = '22012'; assert n > 0, 'empty'; perform pg_sleep(0); end ",
        "setof int",
      ),
      printed(
        [
          "DECLARE",
          "  c CURSOR(k int) FOR SELECT * FROM t WHERE id = k;",
          "  n int;",
          "  r record;",
          "BEGIN",
          "  EXECUTE format('select %L', a) INTO n USING a;",
          "  GET DIAGNOSTICS n = ROW_COUNT;",
          "  OPEN c(1);",
          "  FETCH NEXT FROM c INTO r;",
          "  CLOSE c;",
          "  RETURN QUERY SELECT id FROM t;",
          "  RAISE EXCEPTION USING MESSAGE = 'no', ERRCODE = '22012';",
          "  ASSERT n > 0, 'empty';",
          "  PERFORM pg_sleep(0);",
          "END",
        ],
        "SETOF int",
      ),
    );
  });

  test("a SQL statement too long for its line is laid out as the formatter lays it out, at its depth", () => {
    check(
      fn(" begin if a > 0 then update accounts set balance = balance - a, updated_at = now() where id = a and balance >= a; end if; return a; end "),
      // (The header does not fit in 50 columns either: a clause a line, as for any routine.)
      [
        "CREATE FUNCTION f(a int)",
        "  RETURNS int",
        "  LANGUAGE plpgsql",
        "  AS $$",
        "BEGIN",
        "  IF a > 0 THEN",
        "    UPDATE accounts",
        "    SET balance = balance - a, updated_at = now()",
        "    WHERE id = a AND balance >= a;",
        "  END IF;",
        "  RETURN a;",
        "END",
        "$$;",
        "",
      ].join("\n"),
      { ...FORMAT, lineWidth: 50 },
    );
  });

  test("keeps its comments where they stand, and one blank line where it had some", () => {
    check(
      fn(
        "\n-- header\ndeclare x int; /* counter */\nbegin\n\n\n  x := 1; -- one\n  -- before the IF\n  if x > 0 -- why\n  then null; end if;\n  -- after the last statement\nend;\n",
      ),
      printed([
        "-- header",
        "DECLARE",
        "  x int; /* counter */",
        "BEGIN",
        "",
        "  x := 1; -- one",
        "  -- before the IF",
        "  IF x > 0 -- why",
        "    THEN",
        "    NULL;",
        "  END IF;",
        "  -- after the last statement",
        "END;",
      ]),
    );
  });

  test("names keep the identifier case, PL/pgSQL's words take the keyword case", () => {
    const body = " DECLARE Message text; Total numeric; BEGIN Message := 'x'; RAISE NOTICE '%', Message; RETURN Total; END ";
    check(fn(body, "numeric"), printed(["DECLARE", "  Message text;", "  Total numeric;", "BEGIN", "  Message := 'x';", "  RAISE NOTICE '%', Message;", "  RETURN Total;", "END"], "numeric"));
    expect(format(fn(body, "numeric"), { ...FORMAT, keywordCase: "lower", identifierCase: "lower" })).toBe(
      "create function f(a int) returns numeric language plpgsql as $$\ndeclare\n  message text;\n  total numeric;\nbegin\n  message := 'x';\n  raise notice '%', message;\n  return total;\nend\n$$;\n",
    );
  });

  test("a DO block, its tag and an indent of four", () => {
    check(
      "do $body$ begin perform 1; end $body$;",
      "DO $body$\nBEGIN\n    PERFORM 1;\nEND\n$body$;\n",
      { ...FORMAT, indent: 4 },
    );
    check("DO LANGUAGE plpgsql $$ BEGIN NULL; END $$;", "DO LANGUAGE plpgsql $$\nBEGIN\n  NULL;\nEND\n$$;\n");
  });

  test("an integer range keeps its dots together however it was written", () => {
    check(fn(" begin for i in 1..a loop null; end loop; for j in reverse a .. 1 by 2 loop null; end loop; end ", "void"), printed(["BEGIN", "  FOR i IN 1..a LOOP", "    NULL;", "  END LOOP;", "  FOR j IN REVERSE a .. 1 BY 2 LOOP", "    NULL;", "  END LOOP;", "END"], "void"));
  });

  test("a string continued on the next line stays continued there (a space between them is an error)", () => {
    check(
      fn(" begin raise exception 'could not lock, '\n 'a snapshot is running'; a := 'x'\n'y'; return a; end "),
      printed(["BEGIN", "  RAISE EXCEPTION 'could not lock, '", "    'a snapshot is running';", "  a := 'x'", "  'y';", "  RETURN a;", "END"]),
    );
  });

  test("with CRLF line breaks in a CRLF document", () => {
    const crlf = "create function f() returns int language plpgsql as $$\r\nbegin\r\n  -- c\r\n  return 1;\r\nend\r\n$$;\r\n";
    check(crlf, "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\r\nBEGIN\r\n  -- c\r\n  RETURN 1;\r\nEND\r\n$$;\r\n");
  });
});

test("the README's PL/pgSQL example is what the formatter prints", () => {
  const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../README.md"), "utf8");
  const example = /```sql\n-- format\(<the text below written on one line, in lower case>[^\n]*\n([\s\S]*?)```/.exec(readme)![1]!;
  // The same text on one line and in lower case (its string aside), which the formatter lays out again.
  const oneLine = example.replace(/\s+/g, " ").replace(/'[^']*'|[A-Z]+/g, (m) => (m.startsWith("'") ? m : m.toLowerCase()));
  expect(oneLine).not.toContain("\n");
  check(oneLine, example);
});

describe("a PL/pgSQL body is kept as written", () => {
  test("by default", () => {
    const sql = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ begin return 1; end $$;\n";
    expect(format(sql)).toBe(sql);
  });

  test("when it has an error: the statement is left as written", () => {
    const result = formatDocument(fn(" begin if a then return 1; end "), FORMAT);
    expect(result.statements.map((s) => s.status)).toEqual(["syntax-error"]);
  });

  test("in '…' quotes, laid out the same with its quotes doubled", () => {
    check(
      "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS 'begin raise notice ''a % '''' b'', 1; return $q$it''s$q$; end';\n",
      "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS '\nBEGIN\n  RAISE NOTICE ''a % '''' b'', 1;\n  RETURN $q$it''s$q$;\nEND\n';\n",
    );
    check("DO 'begin null; end';\n", "DO '\nBEGIN\n  NULL;\nEND\n';\n");
    // (`E'…'` would need its backslashes escaped too: kept as written.)
    check("DO E'begin null; end';\n", "DO E'begin null; end';\n");
  });

  test("in a language the formatter does not read", () => {
    check("CREATE FUNCTION f() RETURNS int LANGUAGE plperl AS $$ return 1; $$;\n", "CREATE FUNCTION f() RETURNS int LANGUAGE plperl AS $$ return 1; $$;\n");
    check("DO LANGUAGE plpython3u $$ x = 1 $$;\n", "DO LANGUAGE plpython3u $$ x = 1 $$;\n");
  });
});

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const corpus = (JSON.parse(readFileSync(join(root, "corpus/postgres.json"), "utf8")) as { statements: { sql: string; expect: string }[] }).statements;
/** The corpus's PL/pgSQL routines and DO blocks with dollar-quoted bodies. */
/** Whether `sql` is a DO block (after any leading comments). */
const isDo = (sql: string): boolean => /^\s*(--[^\n]*\n\s*)*do\b/i.test(sql);
const routines = corpus.filter((s) => s.expect === "accept" && /\$[A-Za-z_]*\$/.test(s.sql) && (/language\s+'?plpgsql/i.test(s.sql) || isDo(s.sql))).map((s) => s.sql);

/**
 * PostgreSQL's own PL/pgSQL compiler's reading of the routine (libpg-query), with line numbers
 * left out and each SQL text and type name as its tokens (words folded): what layout may not
 * change. "refused" when it refuses the routine. A DO block is read as a function with its body.
 */
function plpgsqlTree(sql: string): string {
  /** The text of the DO block's body string (dollar-quoted or `'…'`). */
  const bodyOf = (text: string): string => {
    const found = parse(text).root.descendants().find((n) => n.kind === SyntaxKind.RoutineBody);
    return found!.text().trim();
  };
  if (isDo(sql)) {
    const body = bodyOf(sql);
    sql = `CREATE FUNCTION do_block() RETURNS void LANGUAGE plpgsql AS ${body}`;
  }
  const tokens = (text: string): string => {
    const stream = tokenize(text, "postgres");
    const out: string[] = [];
    for (let i = 0; i < stream.count; i++) {
      const t = text.slice(stream.starts[i]!, i + 1 < stream.count ? stream.starts[i + 1]! : text.length);
      if (t.trim() !== "") out.push(/^[A-Za-z_]/.test(t) ? t.toLowerCase() : t);
    }
    return out.join(" ");
  };
  let tree: unknown;
  try {
    tree = parsePlPgSQLSync(sql);
  } catch {
    return "refused";
  }
  return JSON.stringify(tree, (key, value: unknown) => (key === "lineno" ? undefined : (key === "query" || key === "typname") && typeof value === "string" ? tokens(value) : value));
}

describe("every PL/pgSQL routine and DO block of the PostgreSQL corpus, its body laid out", () => {
  beforeAll(async () => {
    await loadModule();
  });

  test("is a fixed point, verified, and PostgreSQL's PL/pgSQL compiler reads the same block", () => {
    expect(routines.length).toBeGreaterThan(60);
    let changed = 0;
    let quotedChanged = 0;
    let compared = 0;
    for (const sql of routines) {
      const result = formatDocument(sql, FORMAT);
      expect(result.statements.map((s) => s.status)).not.toContain("unverified");
      expect(format(result.text, FORMAT)).toBe(result.text);
      if (result.text !== format(sql)) changed++;
      const tree = plpgsqlTree(sql);
      expect(plpgsqlTree(result.text), sql).toBe(tree);
      if (tree !== "refused") compared++;
      // Written in quotes (`AS '…'`, its quotes doubled), the body is laid out alike.
      const quoted = requoted(sql)!;
      const inQuotes = formatDocument(quoted, FORMAT);
      expect(inQuotes.statements.map((s) => s.status)).not.toContain("unverified");
      expect(format(inQuotes.text, FORMAT)).toBe(inQuotes.text);
      expect(plpgsqlTree(inQuotes.text), quoted).toBe(tree);
      if (inQuotes.text !== format(quoted)) quotedChanged++;
    }
    expect(quotedChanged).toBe(changed);
    // (The others need the catalog: a trigger function's arguments, OUT parameters' types.)
    expect(compared).toBeGreaterThan(60);
    // The option does something on this corpus: most of its bodies are laid out anew.
    expect(changed).toBeGreaterThan(routines.length / 3);
  });

  test("and with comments and line breaks put in at random (2,000 seeded inputs)", () => {
    const rng = createRandom(0x91a7);
    const fillers = [" /* c */ ", "\n-- note\n", "\n\n", " ", "\n", " -- x\n\t", "/* a\nb */"];
    let formatted = 0;
    for (let n = 0; n < 2000; n++) {
      const sql = routines[Math.floor(rng() * routines.length)]!;
      const open = /\$[A-Za-z_]*\$/.exec(sql)!;
      const close = sql.indexOf(open[0], open.index + open[0].length);
      const body = sql.slice(open.index + open[0].length, close);
      // Only blanks are replaced, so the tokens stay the same ones.
      const noisy = body.replace(/\s+/g, (blank) => (rng() < 0.3 ? fillers[Math.floor(rng() * fillers.length)]! : blank));
      const input = sql.slice(0, open.index + open[0].length) + noisy + sql.slice(close);
      const result = formatDocument(input, FORMAT);
      expect(result.statements.map((s) => s.status), input).not.toContain("unverified");
      expect(format(result.text, FORMAT), input).toBe(result.text);
      if (result.statements.every((s) => s.status === "formatted")) formatted++;
      if (n % 4 === 0) expect(plpgsqlTree(result.text), input).toBe(plpgsqlTree(input));
    }
    // (A comment put inside a string-free statement keeps it valid: nearly all still format.)
    expect(formatted).toBeGreaterThan(1500);
  });
});
