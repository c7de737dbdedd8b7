// `routineBodies: "format"`: a LANGUAGE sql routine's dollar-quoted body is formatted too, and
// every body the option cannot format safely is kept as written.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModule, parseSync } from "libpg-query";
import { beforeAll, describe, expect, test } from "vitest";
import { format, formatDocument, parse, SyntaxKind, type FormatOptions } from "../../src/index.js";
import { requoted } from "../support/quoted-bodies.js";

const FORMAT: FormatOptions = { routineBodies: "format" };

/** `input` formats to `expected`, and `expected` formats to itself. */
function check(input: string, expected: string, options: FormatOptions = FORMAT): void {
  expect(format(input, options)).toBe(expected);
  expect(format(expected, options)).toBe(expected);
}

describe("a LANGUAGE sql body", () => {
  test("is formatted one level in between its quotes", () => {
    check(
      "create function f(a int) returns bigint language sql as $$ select count(*) from users u join orders o on o.user_id = u.id where u.id = a and o.total > 100 $$;",
      "CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql AS $$\n  SELECT count(*)\n  FROM users u JOIN orders o ON o.user_id = u.id\n  WHERE u.id = a AND o.total > 100\n$$;\n",
    );
  });

  test("keeps its tag, its comments and its statements' semicolons", () => {
    check(
      "create function f() returns int as $body$\n  select 1;\n  -- the second\n  select 2 as b\n$body$ language 'sql';",
      "CREATE FUNCTION f() RETURNS int AS $body$\n  SELECT 1;\n  -- the second\n  SELECT 2 AS b\n$body$ LANGUAGE 'sql';\n",
    );
  });

  test("that prints on one line stays on its quotes' line, laid out as an option", () => {
    check(
      "create function f(a int) returns int as $$select   a+1$$ language sql immutable strict parallel safe cost 1",
      "CREATE FUNCTION f(a int)\n  RETURNS int\n  AS $$ SELECT a + 1 $$\n  LANGUAGE sql\n  IMMUTABLE\n  STRICT\n  PARALLEL safe\n  COST 1\n",
    );
    check("create function f() returns int as $$ select 1 $$ language sql", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql\n");
    // A line comment keeps its own line (on the quotes' line it would run into the closing
    // tag; found by a fuzz run).
    check(
      "create procedure p(int) language sql as $$ select c--ount(*) from users where id = $1\n$$",
      "CREATE PROCEDURE p(int) LANGUAGE sql AS $$\n  SELECT c --ount(*) from users where id = $1\n$$\n",
    );
    // (The blanks that end a line comment before the closing tag are the comment's own text.)
    check("create procedure p() language sql as $fn$ select-- a * b $fn$", "CREATE PROCEDURE p() LANGUAGE sql AS $fn$\n  SELECT -- a * b \n$fn$\n");
  });

  test("follows the indent, case and comma options", () => {
    check(
      "CREATE FUNCTION f() RETURNS SETOF record LANGUAGE sql AS $$ SELECT aaaaaaaaaa, bbbbbbbbbb, cccccccccc FROM t $$",
      "create function f()\n    returns setof record\n    language sql\n    as $$\n    select\n        aaaaaaaaaa\n        , bbbbbbbbbb\n        , cccccccccc\n    from t\n$$\n",
      { routineBodies: "format", keywordCase: "lower", indent: 4, lineWidth: 40, commaPosition: "leading" },
    );
  });
});

describe("a body is kept as written", () => {
  test("by default", () => {
    const sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ select   1 $$;\n";
    expect(format(sql)).toBe(sql);
    expect(format(sql, { routineBodies: "keep" })).toBe(sql);
  });

  test("in another language", () => {
    check("CREATE FUNCTION f() RETURNS int AS $$ return 1; $$ LANGUAGE plperl;\n", "CREATE FUNCTION f() RETURNS int AS $$ return 1; $$ LANGUAGE plperl;\n");
    check("CREATE FUNCTION f() RETURNS int AS 'return   1;' LANGUAGE plperl;\n", "CREATE FUNCTION f() RETURNS int AS 'return   1;' LANGUAGE plperl;\n");
  });

  test("two strings keep their written relation: one line is two constants, a line break joins them", () => {
    // (`DO LANGUAGE 'plpgsql'` then the code on the next line would be one string: no code at all.)
    for (const routineBodies of ["keep", "format"] as const) {
      check("DO LANGUAGE 'plpgsql' 'begin null; end';\n", routineBodies === "keep" ? "DO LANGUAGE 'plpgsql' 'begin null; end';\n" : "DO LANGUAGE 'plpgsql' '\nBEGIN\n  NULL;\nEND\n';\n", { routineBodies });
    }
    check("SELECT 'a' 'b' FROM t;\n".replace(" 'b'", "\n  'b'"), "SELECT 'a'\n  'b'\nFROM t;\n", {});
    // (Continued, a body is one string of two tokens whose code neither holds: kept as written.)
    check("CREATE FUNCTION f() RETURNS int AS 'select a'\n'b from t' LANGUAGE sql;\n", "CREATE FUNCTION f()\n  RETURNS int\n  AS 'select a'\n  'b from t'\n  LANGUAGE sql;\n");
  });

  test("quoted with '…', formatted the same with its quotes doubled", () => {
    check("CREATE FUNCTION f() RETURNS int AS 'select   1' LANGUAGE sql;\n", "CREATE FUNCTION f() RETURNS int AS ' SELECT 1 ' LANGUAGE sql;\n");
    check(
      "CREATE FUNCTION f() RETURNS text AS 'select ''it''''s'' || x from t where y = ''z''' LANGUAGE sql;\n",
      "CREATE FUNCTION f()\n  RETURNS text\n  AS ' SELECT ''it''''s'' || x FROM t WHERE y = ''z'' '\n  LANGUAGE sql;\n",
    );
  });

  test("when a string or comment in it spans lines, which re-indenting would change", () => {
    const string = "CREATE FUNCTION f() RETURNS text AS $$ select 'a\nb' $$ LANGUAGE sql;\n";
    check(string, string);
    const comment = "CREATE FUNCTION f() RETURNS int AS $$ select 1 /* a\nb */ $$ LANGUAGE sql;\n";
    check(comment, comment);
  });

  test("when the statement has an error (the body is parsed as SQL)", () => {
    const result = formatDocument("CREATE FUNCTION f() RETURNS int AS $$ select from from $$ LANGUAGE sql;", FORMAT);
    expect(result.statements.map((s) => s.status)).toEqual(["syntax-error"]);
  });

  test("an unknown routineBodies value is a RangeError naming the choices", () => {
    expect(() => format("select 1", { routineBodies: "pretty" as never })).toThrow(/routineBodies.*"keep" or "format"/);
  });
});

describe("every LANGUAGE sql routine of the PostgreSQL corpus, with its body formatted", () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
  const statements = (JSON.parse(readFileSync(join(root, "corpus/postgres.json"), "utf8")) as { statements: { sql: string; expect: string }[] }).statements.filter(
    (s) => s.expect === "accept" && /language\s+'?sql\b/i.test(s.sql) && /\$[A-Za-z_]*\$/.test(s.sql),
  );
  beforeAll(async () => {
    await loadModule();
  });

  // PostgreSQL's own reading of each dollar-quoted string as SQL, positions left out (a
  // PL/pgSQL body or a plain string is no SQL: it reads as an error, the same error after).
  const bodyTrees = (sql: string): string[] => {
    const out: string[] = [];
    for (const match of sql.matchAll(/(\$[A-Za-z_]*\$)([\s\S]*?)\1/g)) {
      try {
        out.push(JSON.stringify(parseSync(match[2]!), (key, value) => (/location$|^stmt_len$|list_start$|list_end$/.test(key) ? undefined : value)));
      } catch {
        out.push("not SQL");
      }
    }
    return out;
  };

  test("is a fixed point, verified, and gives PostgreSQL's parser the same body statements", () => {
    expect(statements.length).toBeGreaterThan(20);
    let changed = 0;
    for (const { sql } of statements) {
      const result = formatDocument(sql, FORMAT);
      expect(result.statements.map((s) => s.status)).not.toContain("unverified");
      expect(format(result.text, FORMAT)).toBe(result.text);
      if (result.text !== format(sql)) changed++;
      expect(bodyTrees(result.text)).toEqual(bodyTrees(sql));
    }
    // The option does something on this corpus: most of its SQL bodies are reformatted.
    expect(changed).toBeGreaterThan(statements.length / 2);
  });

  // PostgreSQL's reading of each routine body's code (dollar-quoted or `'…'`, quotes undoubled).
  const codeTrees = (sql: string): string[] =>
    parse(sql)
      .root.descendants()
      .filter((n) => n.kind === SyntaxKind.RoutineBody)
      .map((body) => {
        const text = body.text().trim();
        const tag = /^\$[A-Za-z_]*\$/.exec(text)?.[0];
        const code = tag !== undefined ? text.slice(tag.length, text.length - tag.length) : text.slice(1, -1).replaceAll("''", "'");
        try {
          return JSON.stringify(parseSync(code), (key, value) => (/location$|^stmt_len$|list_start$|list_end$/.test(key) ? undefined : value));
        } catch {
          return "not SQL";
        }
      });

  test("written in quotes (AS '…', quotes doubled): formatted alike, a fixed point, the same code for PostgreSQL", () => {
    let changed = 0;
    for (const { sql } of statements) {
      const quoted = requoted(sql)!;
      const result = formatDocument(quoted, FORMAT);
      expect(result.statements.map((s) => s.status)).not.toContain("unverified");
      expect(format(result.text, FORMAT)).toBe(result.text);
      if (result.text !== format(quoted)) changed++;
      expect(codeTrees(result.text), quoted).toEqual(codeTrees(sql));
    }
    expect(changed).toBeGreaterThan(statements.length / 2);
  });
});
