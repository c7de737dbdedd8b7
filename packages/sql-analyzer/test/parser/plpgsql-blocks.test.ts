/**
 * PL/pgSQL blocks read as PostgreSQL's PL/pgSQL compiler reads them when CREATE FUNCTION
 * validates a body: every statement form, the SQL pieces cut out of them (statements and
 * expressions, parsed as fragments with ranges into the host), the errors the compiler
 * reports, and a differential check of every case against libpg-query's PL/pgSQL parser
 * (PostgreSQL's own `pl_gram.y`, compiled to WebAssembly).
 */
import { loadModule, parsePlPgSQLSync } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { SyntaxKind, parse, printTree, type ParseResult } from "../../src/index.js";
import { countPlaceholders } from "../../src/parse/plpgsql.js";
import { conditionNames } from "../../src/parse/plpgsql-conditions.js";

/** A function with two parameters around `body` (returning `returns`: PostgreSQL checks RETURN NEXT against it). */
function routine(body: string, returns = "int"): string {
  return `CREATE FUNCTION f(a int, b text) RETURNS ${returns} LANGUAGE plpgsql AS $body$\n${body}\n$body$;`;
}

/** The embedded pieces as `S:` (statement) / `E:` (expression) and their text. */
function pieces(result: ParseResult): string[] {
  return result.embedded.map((e) => {
    const first = e.root.childNodes()[0];
    return `${first?.kind === SyntaxKind.PlpgsqlExpr ? "E" : "S"}: ${e.root.text()}`;
  });
}

function errors(result: ParseResult): string[] {
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.message} @ ${JSON.stringify(result.text.slice(d.range.start, d.range.end))}`);
}

/** Bodies PostgreSQL accepts, with the SQL pieces PL/pgSQL hands its SQL parser. */
const accepted: Record<string, [string, string[], string?]> = {
  "labels, nested blocks, end labels": [
    "<<outer>> DECLARE x int := 0; BEGIN <<inner>> DECLARE y int; BEGIN y := 1; x := y; EXIT outer WHEN y > 0; END inner; RETURN x; END outer",
    ["E: 0", "E: 1", "E: y", "E: y > 0", "E: x"],
  ],
  "names qualified by the routine's name": ["BEGIN f.a := 1; f.b := 'x'; f.found := true; RETURN a; END", ["E: 1", "E: 'x'", "E: true", "E: a"]],
  "names qualified by a block's or loop's label, and a variable that hides a label": [
    "<<blk>> DECLARE x int; BEGIN <<inn>> DECLARE y int; BEGIN blk.x := 1; inn.y := 2; END; <<l>> FOR i IN 1..3 LOOP l.i := 2; END LOOP; <<in2>> DECLARE blk record; BEGIN blk.q := 1; END; SELECT 1 INTO blk.x; RETURN x; END",
    ["E: 1", "E: 2", "E: 1", "E: 3", "E: 2", "E: 1", "S: SELECT 1 INTO blk.x", "E: x"],
  ],
  "declarations": [
    "DECLARE c CONSTANT int := 10; d numeric(10,2) NOT NULL DEFAULT 0; e text COLLATE \"C\" = 'x'; r record; p ALIAS FOR $1; q ALIAS FOR b; cur CURSOR (k oid) FOR SELECT relname FROM pg_class WHERE oid = k; sc NO SCROLL CURSOR IS SELECT 1; t timestamp with time zone; arr int[]; BEGIN RETURN c; END",
    ["E: 10", "E: 0", "E: 'x'", "S: SELECT relname FROM pg_class WHERE oid = k", "S: SELECT 1", "E: c"],
  ],
  "IF, ELSIF, ELSEIF, ELSE": [
    "BEGIN IF a > (SELECT count(*) FROM pg_class) THEN RETURN 1; ELSIF a < 0 THEN RETURN 2; ELSEIF a IS NULL THEN NULL; ELSE RETURN 3; END IF; RETURN 0; END",
    ["E: a > (SELECT count(*) FROM pg_class)", "E: 1", "E: a < 0", "E: 2", "E: a IS NULL", "E: 3", "E: 0"],
  ],
  "CASE, simple and searched": [
    "BEGIN CASE a WHEN 1, 2 THEN RETURN 1; ELSE RETURN 2; END CASE; CASE WHEN b = 'x' THEN a := 1; END CASE; RETURN a; END",
    ["E: a", "E: 1, 2", "E: 1", "E: 2", "E: b = 'x'", "E: 1", "E: a"],
  ],
  "LOOP, WHILE, EXIT and CONTINUE": [
    "BEGIN <<l>> LOOP a := a + 1; CONTINUE l WHEN a < 3; EXIT WHEN a > 5; WHILE a < 10 LOOP a := a * 2; EXIT; END LOOP; END LOOP l; RETURN a; END",
    ["E: a + 1", "E: a < 3", "E: a > 5", "E: a < 10", "E: a * 2", "E: a"],
  ],
  "FOR over integers: REVERSE, BY, ranges written without spaces": [
    "DECLARE s int := 0; BEGIN FOR i IN 1..10 LOOP s := s + i; END LOOP; FOR i IN REVERSE a .. -1 BY 2 LOOP NULL; END LOOP; FOR i IN a..a+1 LOOP END LOOP; RETURN s; END",
    ["E: 0", "E: 1", "E: 10", "E: s + i", "E: a", "E: -1", "E: 2", "E: a", "E: a+1", "E: s"],
  ],
  "FOR over a query, a dynamic query and a bound cursor; FOREACH": [
    "DECLARE r record; c CURSOR (n int) FOR SELECT n; x int; xs int[] := ARRAY[1]; BEGIN FOR r IN SELECT relname FROM pg_class LOOP NULL; END LOOP; FOR r IN EXECUTE 'SELECT $1' USING a LOOP END LOOP; FOR r IN c(1) LOOP END LOOP; FOREACH x SLICE 1 IN ARRAY xs LOOP END LOOP; RETURN 0; END",
    ["S: SELECT n", "E: ARRAY[1]", "S: SELECT relname FROM pg_class", "E: 'SELECT $1'", "E: a", "E: xs", "E: 0"],
  ],
  "RETURN NEXT and RETURN QUERY (EXECUTE … USING)": [
    "BEGIN RETURN NEXT a; RETURN QUERY SELECT 1; RETURN QUERY EXECUTE format('SELECT %s', a) USING b; RETURN; END",
    ["E: a", "S: SELECT 1", "E: format('SELECT %s', a)", "E: b"],
    "SETOF int",
  ],
  "RAISE in all its forms": [
    "BEGIN RAISE NOTICE 'a % and %%', a; RAISE EXCEPTION 'x % %', a, b USING HINT = 'h', ERRCODE = 'P0001'; RAISE division_by_zero; RAISE SQLSTATE '22012' USING MESSAGE = 'm'; RAISE WARNING USING MESSAGE = b; RAISE 'a'\n 'b %', 1; RAISE NOTICE $$%$$, 2; RAISE; END",
    ["E: a", "E: a", "E: b", "E: 'h'", "E: 'P0001'", "E: 'm'", "E: b", "E: 1", "E: 2"],
  ],
  "ASSERT, PERFORM, EXECUTE INTO … USING, GET DIAGNOSTICS": [
    "DECLARE n int; t text; BEGIN ASSERT a > 0, 'positive'; ASSERT b IS NOT NULL; PERFORM pg_sleep(0); PERFORM 1 FROM pg_class WHERE relname = b; EXECUTE 'SELECT count(*) FROM pg_class' INTO STRICT n USING a, b; EXECUTE 'SELECT 1' USING a INTO n; GET DIAGNOSTICS n = ROW_COUNT, t := PG_CONTEXT; RETURN n; EXCEPTION WHEN division_by_zero OR SQLSTATE '22003' THEN GET STACKED DIAGNOSTICS t = MESSAGE_TEXT; RETURN -1; END",
    ["E: a > 0", "E: 'positive'", "E: b IS NOT NULL", "E: pg_sleep(0)", "E: 1 FROM pg_class WHERE relname = b", "E: 'SELECT count(*) FROM pg_class'", "E: a", "E: b", "E: 'SELECT 1'", "E: a", "E: n", "E: -1"],
  ],
  "cursors: OPEN, FETCH, MOVE, CLOSE": [
    "DECLARE c refcursor; d CURSOR FOR SELECT 1; r record; BEGIN OPEN c SCROLL FOR SELECT relname FROM pg_class; FETCH NEXT FROM c INTO r; MOVE BACKWARD 2 IN c; FETCH c INTO r; CLOSE c; OPEN c FOR EXECUTE 'SELECT 1' USING a; OPEN d; CLOSE d; RETURN 0; END",
    ["S: SELECT 1", "S: SELECT relname FROM pg_class", "E: 'SELECT 1'", "E: a", "E: 0"],
  ],
  "SQL statements, with INTO where PL/pgSQL takes it": [
    "DECLARE v int; s text; BEGIN CREATE TEMP TABLE tt (x int); INSERT INTO tt VALUES (a) RETURNING x INTO v; UPDATE tt SET x = x + 1 WHERE x = v RETURNING x INTO STRICT v; SHOW search_path INTO s; SELECT count(*) INTO v FROM tt; DROP TABLE tt; RETURN v; END",
    ["S: CREATE TEMP TABLE tt (x int)", "S: INSERT INTO tt VALUES (a) RETURNING x INTO v", "S: UPDATE tt SET x = x + 1 WHERE x = v RETURNING x INTO STRICT v", "S: SHOW search_path", "S: SELECT count(*) INTO v FROM tt", "S: DROP TABLE tt", "E: v"],
  ],
  "assignments: fields, subscripts, parameters by number, expressions with FROM": [
    "DECLARE arr int[]; n int; BEGIN arr[1] := 2; arr[n+1] = 3; $1 := a + 1; n := count(*) FROM pg_class WHERE relkind = 'r'; RETURN n; END",
    ["E: 2", "E: 3", "E: a + 1", "E: count(*) FROM pg_class WHERE relkind = 'r'", "E: n"],
  ],
  "names the signature, labels and PL/pgSQL itself declare": [
    "<<blk>> DECLARE v int; BEGIN a := 1; f.b := 'x'; blk.v := 2; $2 := 'y'; FOR i IN 1..2 LOOP i := i + 1; END LOOP; FOUND := true; RETURN 1; EXCEPTION WHEN others THEN b := SQLERRM; RETURN 0; END",
    ["E: 1", "E: 'x'", "E: 2", "E: 'y'", "E: 1", "E: 2", "E: i + 1", "E: true", "E: 1", "E: SQLERRM", "E: 0"],
  ],
  "RETURNS TABLE columns and a bound cursor's loop variable": [
    "DECLARE c CURSOR FOR SELECT 1 AS n; BEGIN FOR r IN c LOOP total := r.n; RETURN NEXT; END LOOP; RETURN; END",
    ["S: SELECT 1 AS n", "E: r.n"],
    "TABLE (total int)",
  ],
  "compiler options; a ; after the last END": ["#variable_conflict use_column\n#print_strict_params on\nBEGIN RETURN 1; END;", ["E: 1"]],
};

/** Bodies PostgreSQL rejects, with our message and the text it points at. */
const rejected: Record<string, [string, string]> = {
  "IF without END IF": ["BEGIN IF a > 0 THEN RETURN 1; END; END", "expected IF after END, found ';' @ \";\""],
  "IF without THEN": ["BEGIN IF a > 0 RETURN 1; END IF; END", "expected THEN, found ';' @ \";\""],
  "WHILE without LOOP": ["BEGIN WHILE a > 0 a := a - 1; END LOOP; END", "expected LOOP, found ';' @ \";\""],
  "END LOOP missing": ["BEGIN LOOP EXIT; END; END", "expected LOOP after END, found ';' @ \";\""],
  "a missing ;": ["BEGIN RETURN 1 END", "expected ';', found the end of the routine body @ \"END\""],
  "an empty condition": ["BEGIN IF THEN RETURN 1; END IF; END", "expected an expression before 'THEN' @ \"THEN\""],
  "an empty default": ["DECLARE x int := ; BEGIN RETURN 1; END", "expected an expression before ';' @ \";\""],
  "FOR without an upper bound": ["BEGIN FOR i IN 1.. LOOP END LOOP; END", "expected the loop's upper bound, found 'LOOP' @ \"LOOP\""],
  "FOR … REVERSE over a query": ["DECLARE r record; BEGIN FOR r IN REVERSE SELECT 1 LOOP END LOOP; END", "expected '..' in the integer range, found 'SELECT' @ \"SELECT\""],
  // (RETURN is no reserved word: PostgreSQL reads a variable named return, of type 1.)
  "DECLARE without BEGIN": ["DECLARE x int; RETURN 1; END", "expected a data type, found number 1 @ \"1\""],
  "statements after the last END": ["BEGIN RETURN 1; END; SELECT 1;", "unexpected 'SELECT' after the routine's last END @ \"SELECT\""],
  "a reserved word starts a statement": ["BEGIN THEN RETURN 1; END", "unexpected THEN at the start of a PL/pgSQL statement @ \"THEN\""],
  "RAISE with too few arguments": ["BEGIN RAISE NOTICE 'a % b %', a; RETURN 1; END", "too few parameters for RAISE: the format has 2 %, 1 given @ \"'a % b %'\""],
  "RAISE with too many arguments": ["BEGIN RAISE NOTICE 'a', a; RETURN 1; END", "too many parameters for RAISE: the format has 0 %, 1 given @ \"'a'\""],
  "an unknown compiler option": ["#opt dump\nBEGIN RETURN 1; END", "unknown compiler option #opt @ \"opt\""],
  "FETCH without INTO": ["DECLARE c refcursor; BEGIN FETCH c; RETURN 1; END", "expected INTO, found ';' @ \";\""],
  "EXIT outside a loop": ["BEGIN EXIT; RETURN 1; END", "EXIT outside a loop needs the label of a block around it @ \"EXIT\""],
  "CONTINUE outside a loop": ["BEGIN CONTINUE; RETURN 1; END", "CONTINUE can only be used inside a loop @ \"CONTINUE\""],
  "EXIT to a label no one has": ["BEGIN LOOP EXIT nowhere; END LOOP; RETURN 1; END", "no block or loop around this statement has the label \"nowhere\" @ \"nowhere\""],
  "CONTINUE to a block's label": ["<<blk>> BEGIN LOOP CONTINUE blk; END LOOP; RETURN 1; END", "CONTINUE cannot name the block label \"blk\": only a loop's @ \"blk\""],
  "an end label that differs": ["<<a1>> BEGIN RETURN 1; END a2", "end label \"a2\" differs from the label \"a1\" the block or loop starts with @ \"a2\""],
  "an end label on an unlabeled loop": ["BEGIN LOOP EXIT; END LOOP l; RETURN 1; END", "end label \"l\" given for a block or loop without a label @ \"l\""],
  "a label after DECLARE": ["DECLARE x int; <<l>> BEGIN RETURN 1; END", "a block's label goes before DECLARE, not after it @ \"<<\""],
  "unbalanced parentheses": ["BEGIN RETURN (1; END", "expected ')', found ';' @ \";\""],
  "an exception handler without a condition": ["BEGIN RETURN 1; EXCEPTION WHEN THEN RETURN 2; END", "expected a condition name, found 'THEN' @ \"THEN\""],
  "an assignment to an undeclared variable": ["DECLARE x int; BEGIN y := 1; RETURN x; END", "\"y\" is not a declared variable @ \"y\""],
  "SELECT INTO an undeclared variable": ["DECLARE x int; BEGIN SELECT 1 INTO STRICT x, z; RETURN x; END", "\"z\" is not a declared variable @ \"z\""],
  "a loop over rows into an undeclared variable": ["BEGIN FOR r IN SELECT 1 LOOP END LOOP; RETURN 1; END", "\"r\" is not a declared variable @ \"r\""],
  "EXECUTE INTO an undeclared variable": ["BEGIN EXECUTE 'SELECT 1' INTO z; RETURN 1; END", "\"z\" is not a declared variable @ \"z\""],
  "GET DIAGNOSTICS into an undeclared variable": ["BEGIN GET DIAGNOSTICS n = ROW_COUNT; RETURN 1; END", "\"n\" is not a declared variable @ \"n\""],
  "FOREACH over an undeclared variable": ["BEGIN FOREACH z IN ARRAY ARRAY[1] LOOP END LOOP; RETURN 1; END", "\"z\" is not a declared variable @ \"z\""],
  "OPEN of an undeclared cursor": ["BEGIN OPEN c FOR SELECT 1; RETURN 1; END", "\"c\" is not a declared variable @ \"c\""],
  "a variable used outside the block that declares it": ["BEGIN DECLARE x int; BEGIN x := 1; END; x := 2; RETURN 1; END", "\"x\" is not a declared variable @ \"x\""],
  "two variables in one declaration": ["DECLARE d1, d2 int; BEGIN RETURN 1; END", "expected a data type, found ',' @ \",\""],
  "a declaration without a type": ["DECLARE x := 1; BEGIN RETURN 1; END", "expected a data type, found ':=' @ \":=\""],
  "NEW outside a trigger function": ["BEGIN NEW.a := 1; RETURN 1; END", "\"new\" is not a declared variable @ \"NEW\""],
  "a misspelt exception condition": ["BEGIN RETURN 1; EXCEPTION WHEN unique_violaton THEN RETURN 0; END", "unknown exception condition \"unique_violaton\" @ \"unique_violaton\""],
  "RAISE of an unknown condition": ["BEGIN RAISE no_such_thing; RETURN 1; END", "unknown exception condition \"no_such_thing\" @ \"no_such_thing\""],
  "RAISE OTHERS": ["BEGIN RAISE others; RETURN 1; END", "unknown exception condition \"others\" @ \"others\""],
  "a SQLSTATE code that is not one": ["BEGIN RETURN 1; EXCEPTION WHEN SQLSTATE '2201x' THEN RETURN 0; END", "a SQLSTATE code is five digits or capital letters @ \"'2201x'\""],
  "an unknown GET DIAGNOSTICS item": ["DECLARE n int; BEGIN GET DIAGNOSTICS n = ROWCOUNT; RETURN n; END", "unknown GET DIAGNOSTICS item ROWCOUNT @ \"ROWCOUNT\""],
  "an error's item in GET CURRENT DIAGNOSTICS": ["DECLARE t text; BEGIN GET DIAGNOSTICS t = MESSAGE_TEXT; RETURN 1; END", "MESSAGE_TEXT is an item of GET STACKED DIAGNOSTICS, not of GET CURRENT DIAGNOSTICS @ \"MESSAGE_TEXT\""],
  "ROW_COUNT in GET STACKED DIAGNOSTICS": ["DECLARE n int; BEGIN RETURN 1; EXCEPTION WHEN others THEN GET STACKED DIAGNOSTICS n = ROW_COUNT; RETURN n; END", "ROW_COUNT is an item of GET CURRENT DIAGNOSTICS, not of GET STACKED DIAGNOSTICS @ \"ROW_COUNT\""],
  "ELSE twice": ["BEGIN IF a > 0 THEN NULL; ELSE NULL; ELSE NULL; END IF; RETURN 1; END", "expected END IF, found 'ELSE' @ \"ELSE\""],
  "a label-qualified name its block does not declare": ["<<blk>> DECLARE y int; BEGIN DECLARE z int; BEGIN blk.z := 1; END; RETURN 1; END", "\"blk.z\" is not a declared variable: the block or loop labelled \"blk\" declares no \"z\" @ \"blk\""],
  "SELECT INTO a label-qualified name its block does not declare": ["<<blk>> BEGIN SELECT 1 INTO blk.y; RETURN 1; END", "\"blk.y\" is not a declared variable: the block or loop labelled \"blk\" declares no \"y\" @ \"blk\""],
  "an assignment to a label": ["<<blk>> BEGIN blk := 1; RETURN 1; END", "\"blk\" is not a declared variable @ \"blk\""],
  "a name qualified by the routine's that is no parameter": ["BEGIN f.c := 1; RETURN 1; END", "\"f.c\" is not a declared variable: the routine \"f\" has no parameter \"c\" @ \"f\""],
  "an assignment to the routine's name": ["BEGIN f := 1; RETURN 1; END", "\"f\" is not a declared variable @ \"f\""],
};

describe("PL/pgSQL blocks", () => {
  beforeAll(async () => {
    await loadModule();
  });

  for (const [name, [body, expected, returns]] of Object.entries(accepted)) {
    it(`accepts ${name}`, () => {
      const text = routine(body, returns);
      const result = parse(text, { dialect: "postgres" });
      expect(errors(result)).toEqual([]);
      expect(pieces(result)).toEqual(expected);
      for (const e of result.embedded) expect(e.root.text()).toBe(text.slice(e.root.range.start, e.root.range.end));
      // PostgreSQL's PL/pgSQL compiler takes it too.
      expect(() => parsePlPgSQLSync(text)).not.toThrow();
    });
  }

  for (const [name, [body, expected]] of Object.entries(rejected)) {
    it(`rejects ${name}`, () => {
      const text = routine(body);
      const result = parse(text, { dialect: "postgres" });
      expect(errors(result)).toEqual([expected]);
      expect(result.root.text()).toBe(text);
      // … and so does PostgreSQL's.
      expect(() => parsePlPgSQLSync(text)).toThrow();
    });
  }

  it("reports an error in a SQL piece with its range in the host text", () => {
    const text = routine("BEGIN IF a > THEN RETURN 1; END IF; UPDATE t SET WHERE; RETURN 0; END");
    const result = parse(text, { dialect: "postgres" });
    const found = result.diagnostics.map((d) => text.slice(d.range.start, d.range.end));
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(result.diagnostics.every((d) => d.range.start > text.indexOf("$body$"))).toBe(true);
    expect(() => parsePlPgSQLSync(text)).toThrow();
  });

  it("takes an empty assignment and PERFORM, as PostgreSQL does", () => {
    const text = routine("BEGIN a := ; PERFORM ; RETURN a; END");
    const result = parse(text, { dialect: "postgres" });
    expect(errors(result)).toEqual([]);
    expect(pieces(result)).toEqual(["E: a"]);
    expect(() => parsePlPgSQLSync(text)).not.toThrow();
  });

  it("keeps the pieces before the first structural error", () => {
    const result = parse(routine("BEGIN a := 1; IF a THEN RETURN 2; END; END"), { dialect: "postgres" });
    expect(pieces(result)).toEqual(["E: 1", "E: a", "E: 2"]);
    expect(errors(result)).toHaveLength(1);
  });

  it("reads DO blocks and quoted bodies' absence of structure the same way", () => {
    expect(errors(parse("DO $$ BEGIN PERFORM 1; END $$;", { dialect: "postgres" }))).toEqual([]);
    expect(errors(parse("DO $$ BEGIN PERFORM 1; $$;", { dialect: "postgres" }))).toEqual(["expected END, found the end of the routine body @ \";\""]);
  });

  // RETURN against what the routine returns: [head, statement, our error or "" when accepted,
  // and "libpg-query accepts" where its PL/pgSQL compiler takes what PostgreSQL refuses].
  const returns: [string, string, string, string?][] = [
    // (PostgreSQL: "missing expression"; real-dumps.test.ts checks it against a server.)
    ["FUNCTION f() RETURNS int", "RETURN;", "expected the value RETURN returns, found ';'", "libpg-query accepts"],
    ["FUNCTION f() RETURNS trigger", "RETURN;", "expected the value RETURN returns, found ';'", "libpg-query accepts"],
    ["FUNCTION f() RETURNS void", "RETURN;", ""],
    ["FUNCTION f() RETURNS void", "RETURN 1;", "RETURN takes no value in a function that returns void (or a DO block)"],
    ["FUNCTION f() RETURNS event_trigger", "RETURN 1;", "RETURN takes no value in a function that returns void (or a DO block)"],
    ["FUNCTION f() RETURNS SETOF int", "RETURN 1;", "RETURN takes no value in a function that returns a set: RETURN NEXT and RETURN QUERY add its rows"],
    ["FUNCTION f() RETURNS SETOF int", "RETURN NEXT 1;", ""],
    ["FUNCTION f() RETURNS SETOF int", "RETURN NEXT;", "expected the row RETURN NEXT adds, found ';'"],
    ["FUNCTION f(OUT a int) RETURNS SETOF int", "RETURN NEXT;", ""],
    ["FUNCTION f(OUT a int) RETURNS SETOF int", "RETURN NEXT 1;", "RETURN NEXT takes no value in a function with OUT parameters: it adds their values as a row"],
    ["FUNCTION f() RETURNS TABLE (a int)", "RETURN NEXT 1;", "RETURN NEXT takes no value in a function with OUT parameters: it adds their values as a row"],
    ["FUNCTION f() RETURNS TABLE (a int)", "RETURN QUERY SELECT 1;", ""],
    ["FUNCTION f(a int, OUT b int)", "RETURN 1;", "RETURN takes no value in a function with OUT parameters: it returns their values"],
    ["FUNCTION f(INOUT a int) RETURNS int", "RETURN 1;", "RETURN takes no value in a function with OUT parameters: it returns their values"],
    ["FUNCTION f() RETURNS int", "RETURN QUERY SELECT 1;", "RETURN QUERY needs a function that returns a set (RETURNS SETOF … or TABLE)"],
    ["FUNCTION f() RETURNS int", "RETURN NEXT 1;", "RETURN NEXT needs a function that returns a set (RETURNS SETOF … or TABLE)"],
    ["PROCEDURE p()", "RETURN;", ""],
    ["PROCEDURE p()", "RETURN 1;", "RETURN takes no value in a procedure"],
    ["FUNCTION f() RETURNS trigger", "RETURN NULL;", ""],
  ];
  for (const [head, statement, message, reference] of returns) {
    it(`${message ? "rejects" : "accepts"} ${statement} in ${head}`, () => {
      const text = `CREATE ${head} LANGUAGE plpgsql AS $b$ BEGIN ${statement} END $b$;`;
      const result = parse(text, { dialect: "postgres" });
      expect(errors(result).map((e) => e.replace(/ @ .*/, ""))).toEqual(message ? [message] : []);
      if (message && reference === undefined) expect(() => parsePlPgSQLSync(text)).toThrow();
      else expect(() => parsePlPgSQLSync(text)).not.toThrow();
    });
  }

  it("declares NEW, OLD and TG_ in trigger functions, TG_EVENT and TG_TAG in event-trigger ones", () => {
    const trigger = "CREATE FUNCTION t() RETURNS trigger LANGUAGE plpgsql AS $b$ BEGIN NEW.a := TG_OP; OLD.b := TG_ARGV[0]; RETURN NEW; END $b$;";
    const event = "CREATE FUNCTION e() RETURNS event_trigger LANGUAGE plpgsql AS $b$ DECLARE t text; BEGIN t := TG_TAG || TG_EVENT; END $b$;";
    const eventNew = "CREATE FUNCTION e() RETURNS event_trigger LANGUAGE plpgsql AS $b$ BEGIN NEW.a := 1; END $b$;";
    for (const text of [trigger, event]) {
      expect(errors(parse(text, { dialect: "postgres" }))).toEqual([]);
      expect(() => parsePlPgSQLSync(text)).not.toThrow();
    }
    expect(errors(parse(eventNew, { dialect: "postgres" }))).toEqual(["\"new\" is not a declared variable @ \"NEW\""]);
    // pgAgent's scripts write the type quoted: RETURNS "trigger".
    const quoted = "CREATE FUNCTION t() RETURNS \"trigger\" AS 'BEGIN SELECT INTO NEW.a 1; RETURN NEW; END' LANGUAGE plpgsql;";
    expect(errors(parse(quoted, { dialect: "postgres" }))).toEqual([]);
    expect(() => parsePlPgSQLSync(quoted)).not.toThrow();
    expect(() => parsePlPgSQLSync(eventNew)).toThrow();
  });

  it("checks RETURN in a DO block as in a function returning void", () => {
    expect(errors(parse("DO $$ BEGIN RETURN 1; END $$;", { dialect: "postgres" }))).toEqual(["RETURN takes no value in a function that returns void (or a DO block) @ \"1\""]);
    expect(errors(parse("DO $$ BEGIN RETURN; END $$;", { dialect: "postgres" }))).toEqual([]);
  });

  it("builds a fragment's tree when it is read, however many parses came between", () => {
    const body = (n: number) => routine(`DECLARE x int; BEGIN x := ${n} + a; IF x > ${n} THEN RETURN x; END IF; UPDATE t SET c = x WHERE id = ${n}; RETURN 0; END`);
    const first = parse(body(1), { dialect: "postgres" });
    for (let n = 2; n < 200; n++) parse(body(n), { dialect: "postgres" }).diagnostics;
    const fresh = parse(body(1), { dialect: "postgres" });
    expect(first.embedded.map((e) => printTree(e.root))).toEqual(fresh.embedded.map((e) => printTree(e.root)));
    expect(first.embedded.map((e) => e.root.text())).toEqual(["1 + a", "x > 1", "x", "UPDATE t SET c = x WHERE id = 1", "0"]);
  });

  it("knows every condition name PostgreSQL's PL/pgSQL compiler knows, and only those", () => {
    const names = conditionNames();
    expect(names.length).toBeGreaterThan(240);
    const refused = names.filter((name) => {
      try {
        parsePlPgSQLSync(routine(`BEGIN RETURN 1; EXCEPTION WHEN ${name} THEN RETURN 0; END`));
        return false;
      } catch {
        return true;
      }
    });
    // snapshot_too_old: PostgreSQL 15 and 16 have it, libpg-query's PostgreSQL 18 no longer.
    expect(refused).toEqual(["snapshot_too_old"]);
    for (const text of [routine("BEGIN RAISE DIVISION_BY_ZERO; RETURN 1; EXCEPTION WHEN others OR \"unique_violation\" OR SQLSTATE $$P0001$$ THEN RETURN 0; END")]) {
      expect(errors(parse(text, { dialect: "postgres" }))).toEqual([]);
      expect(() => parsePlPgSQLSync(text)).not.toThrow();
    }
  });

  it("counts RAISE placeholders as PostgreSQL does", () => {
    expect(countPlaceholders("'a % b %% c %'")).toBe(2);
    expect(countPlaceholders("E'%'")).toBe(1);
    expect(countPlaceholders("$x$%%%$x$")).toBe(1);
    expect(countPlaceholders("U&'%'")).toBe(-1);
  });
});
