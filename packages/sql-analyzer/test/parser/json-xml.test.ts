/**
 * PostgreSQL's SQL/JSON and SQL/XML functions (JSON_OBJECT, JSON_TABLE, XMLELEMENT, …):
 * their own argument grammars parse without false errors, malformed calls get an error
 * at the right token, and the same names stay ordinary functions and columns elsewhere
 * (quoted, qualified, without `(`, and in MySQL / SQLite).
 */
import { describe, expect, it } from "vitest";
import { SyntaxKind, parse, type Dialect, type SyntaxNode } from "../../src/index.js";

function errors(text: string, dialect: Dialect = "postgres") {
  return parse(text, { dialect }).diagnostics.filter((d) => d.severity === "error");
}

function kinds(root: SyntaxNode): SyntaxKind[] {
  return root.descendants().map((n) => n.kind);
}

/** Statements PostgreSQL 18's parser accepts (checked against libpg-query when written). */
const valid = [
  "SELECT JSON_OBJECT('a' VALUE 1), JSON_ARRAY(1, 2), JSON_ARRAYAGG(a), JSON_OBJECTAGG(k VALUE v) FROM t",
  "SELECT JSON_OBJECT(), JSON_OBJECT(RETURNING jsonb), JSON_OBJECT('a': 1, 'b' VALUE 2)",
  "SELECT JSON_OBJECT('a' VALUE '{}' FORMAT JSON ENCODING UTF8 ABSENT ON NULL WITH UNIQUE KEYS RETURNING bytea FORMAT JSON)",
  "SELECT JSON_OBJECT('a' || 'b' : 1), JSON_OBJECT((1 + 2) VALUE 3), JSON_OBJECT(f(x) VALUE 1), JSON_OBJECT(a[1] VALUE 1) FROM t",
  "SELECT JSON_OBJECT('{a,b}', '{1,2}'), JSON_OBJECT(x => 1)",
  "SELECT JSON_ARRAY(), JSON_ARRAY(RETURNING jsonb), JSON_ARRAY(1, NULL ABSENT ON NULL RETURNING jsonb), JSON_ARRAY('[1]' FORMAT JSON, 2)",
  "SELECT JSON_ARRAY(SELECT a FROM t ORDER BY a RETURNING jsonb), JSON_ARRAY(VALUES (1), (2)), JSON_ARRAY(SELECT 1 FORMAT JSON)",
  "SELECT JSON_ARRAY((SELECT 1) UNION (SELECT 2)), JSON_ARRAY((SELECT 1) ORDER BY 1 LIMIT 1), JSON_ARRAY((SELECT 1), 2)",
  "SELECT JSON_ARRAYAGG(a ORDER BY a DESC NULL ON NULL RETURNING jsonb) FILTER (WHERE a > 0) OVER (PARTITION BY b) FROM t",
  "SELECT JSON_OBJECTAGG(k : v ABSENT ON NULL WITHOUT UNIQUE RETURNING jsonb) OVER w FROM t WINDOW w AS ()",
  "SELECT JSON('{}'), JSON('{}' FORMAT JSON WITH UNIQUE KEYS), JSON_SCALAR(1), JSON_SERIALIZE(j FORMAT JSON RETURNING bytea) FROM t",
  "SELECT JSON_EXISTS(j, '$.a' PASSING 1 AS x, 'y' AS \"Y\" UNKNOWN ON ERROR) FROM t",
  "SELECT JSON_VALUE(j, '$.a' RETURNING numeric(10, 2) DEFAULT 0 ON EMPTY ERROR ON ERROR), JSON_VALUE(j, '$.' || k) FROM t",
  "SELECT JSON_QUERY(j FORMAT JSON, '$.a' RETURNING jsonb WITH CONDITIONAL ARRAY WRAPPER KEEP QUOTES ON SCALAR STRING EMPTY OBJECT ON ERROR) FROM t",
  "SELECT JSON_QUERY(j, '$' WITHOUT WRAPPER OMIT QUOTES EMPTY ARRAY ON EMPTY NULL ON ERROR) FROM t",
  "SELECT * FROM JSON_TABLE('[1,2]'::jsonb, '$[*]' COLUMNS (v int PATH '$')) AS jt",
  "SELECT * FROM JSON_TABLE(j, '$' AS root PASSING 1 AS x COLUMNS (n FOR ORDINALITY, e bool EXISTS PATH '$.e' ERROR ON ERROR, " +
    "v text FORMAT JSON PATH '$.v' WITH WRAPPER OMIT QUOTES NULL ON EMPTY, NESTED PATH '$.a[*]' AS a COLUMNS (b int, NESTED '$.c' COLUMNS (c int))) " +
    "EMPTY ARRAY ON ERROR) jt (n, e, v, b, c)",
  "SELECT * FROM t CROSS JOIN LATERAL JSON_TABLE(t.j, '$' COLUMNS (nested int, path text, \"exists\" int)) jt",
  "SELECT * FROM JSON_TABLE(j, '$'\n'[*]' COLUMNS (a int)) jt",
  "SELECT a IS JSON WITH UNIQUE KEYS, a IS NOT JSON OBJECT WITHOUT UNIQUE, a IS JSON ARRAY FROM t WHERE b IS JSON WITH UNIQUE AND c IS JSON",
  "SELECT XMLELEMENT(NAME foo), XMLELEMENT(NAME \"Foo-Bar\", XMLATTRIBUTES(1 AS a, b), 'text', 1 + 2), XMLELEMENT(NAME select, 'x') FROM t",
  "SELECT XMLFOREST(a, b AS \"B\", 1 + 2 AS c), XMLCONCAT(a, b) FROM t",
  "SELECT XMLPARSE(DOCUMENT '<a/>'), XMLPARSE(CONTENT 'x' PRESERVE WHITESPACE), XMLPI(NAME php, 'echo 1;')",
  "SELECT XMLROOT(x, VERSION '1.0', STANDALONE YES), XMLROOT(x, VERSION NO VALUE, STANDALONE NO VALUE) FROM t",
  "SELECT XMLSERIALIZE(CONTENT x AS varchar(10) NO INDENT), XMLSERIALIZE(DOCUMENT x AS text INDENT) FROM t",
  "SELECT XMLEXISTS('//a' PASSING x), XMLEXISTS('//a' PASSING BY VALUE x BY REF), XMLEXISTS(('//a') PASSING (x)) FROM t",
  "SELECT * FROM XMLTABLE(XMLNAMESPACES('http://x' AS x, DEFAULT 'http://y'), '/r' PASSING BY REF d " +
    "COLUMNS n FOR ORDINALITY, a int PATH '@a' || 'b' DEFAULT 1 + 2 NOT NULL, b text NULL) AS xt (n, a, b)",
  "SELECT 1 WHERE POSITION('a' IN JSON_VALUE(j, '$' DEFAULT 'x' ON EMPTY)) > 0",
  // The same words as ordinary names.
  "SELECT json_value, json_table, xmlelement, json FROM t",
  "SELECT public.json_value(a, b, c), \"xmlelement\"(1), \"json_object\"(1, 2, 3)",
  "SELECT * FROM public.json_table(1, 2) AS x, \"xmltable\"(3) AS y",
  // A row path in parentheses, plain aliases, and a subscript of a parenthesized call.
  "SELECT * FROM JSON_TABLE(j, (('$')) COLUMNS (a int)) AS jt (a)",
  "SELECT * FROM JSON_TABLE(j, U&'$' UESCAPE '!' COLUMNS (a int)) jt, JSON_TABLE(j, E'$' COLUMNS (b int)) jt2",
  "SELECT * FROM LATERAL XMLTABLE('/r' PASSING d COLUMNS a int) AS xt (a)",
  "SELECT (JSON_ARRAY(1, 2))[0], (XMLCONCAT(a, b))[1], JSON_ARRAY(1)::jsonb FROM t",
  "SELECT * FROM public.json_table(1) WITH ORDINALITY AS x (a int), \"xmltable\"(2) WITH ORDINALITY",
];

/** Statements PostgreSQL rejects, with the text of the token our error should start at. */
const invalid: [sql: string, at: string][] = [
  ["SELECT JSON_OBJECT('a' VALUE)", ")"],
  ["SELECT JSON_OBJECT('a' VALUE 1,)", ")"],
  ["SELECT JSON_OBJECT('a' VALUE 1, 'b', 2)", ", 2"],
  ["SELECT JSON_OBJECT(1 + 2 VALUE 3)", "VALUE"],
  ["SELECT JSON_OBJECT('a' VALUE 1 WITH UNIQUE KEYS ABSENT ON NULL)", "ABSENT"],
  ["SELECT JSON_OBJECT('a' VALUE 1 FORMAT XML)", "XML"],
  ["SELECT JSON_ARRAY(1 WITH UNIQUE KEYS)", "WITH"],
  ["SELECT JSON_ARRAYAGG(a, b) FROM t", ", b"],
  ["SELECT JSON_OBJECTAGG(k, v) FROM t", ", v"],
  ["SELECT JSON_ARRAYAGG(a) WITHIN GROUP (ORDER BY a) FROM t", "WITHIN"],
  ["SELECT json_object(k VALUE v) FILTER (WHERE true) FROM t", "FILTER"],
  ["SELECT JSON_SCALAR(1, 2)", ", 2"],
  ["SELECT JSON_VALUE(j) FROM t", ")"],
  ["SELECT JSON_VALUE(j, '$.a' WITH WRAPPER) FROM t", "WITH"],
  ["SELECT JSON_EXISTS(j, '$.a' ERROR ON EMPTY) FROM t", "EMPTY"],
  ["SELECT JSON_QUERY(j, '$.a' WITHOUT CONDITIONAL WRAPPER) FROM t", "CONDITIONAL"],
  ["SELECT JSON_QUERY(j, '$.a' ERROR ON ERROR NULL ON EMPTY) FROM t", "NULL ON EMPTY"],
  ["SELECT * FROM JSON_TABLE('[]', '$' COLUMNS ())", ")"],
  ["SELECT * FROM JSON_TABLE('[]', '$')", ")"],
  ["SELECT * FROM JSON_TABLE('[]', '$' COLUMNS (a))", ")"],
  ["SELECT * FROM JSON_TABLE('[]', '$' COLUMNS (a int PATH x))", "x))"],
  ["SELECT * FROM JSON_TABLE(j, '$' || 'a' COLUMNS (a int)) jt", "'$' ||"],
  ["SELECT JSON_TABLE('[]', '$' COLUMNS (a int))", "JSON_TABLE"],
  ["SELECT a IS JSON UNIQUE KEYS FROM t", "KEYS"],
  ["SELECT XMLELEMENT(foo)", "foo"],
  ["SELECT XMLELEMENT(NAME foo,)", ")"],
  ["SELECT XMLELEMENT(NAME foo, 'x', XMLATTRIBUTES(1 AS a))", "XMLATTRIBUTES"],
  ["SELECT XMLFOREST() FROM t", ")"],
  ["SELECT XMLCONCAT()", ")"],
  ["SELECT XMLPARSE('<a/>')", "'<a/>'"],
  ["SELECT XMLROOT(x, STANDALONE YES) FROM t", "STANDALONE"],
  ["SELECT XMLSERIALIZE(CONTENT x) FROM t", ")"],
  ["SELECT XMLEXISTS('//a' PASSING x::xml) FROM t", "::"],
  ["SELECT * FROM XMLTABLE('/r' PASSING d COLUMNS (a int)) xt", "(a int)"],
  ["SELECT * FROM XMLTABLE('/r' PASSING d COLUMNS a int PATH 'a' PATH 'b') xt", "PATH 'b'"],
  ["SELECT * FROM XMLTABLE(XMLNAMESPACES('x'), '/r' PASSING d COLUMNS a int) xt", ")"],
  // JSON_TABLE and XMLTABLE take a plain alias: no WITH ORDINALITY, no column types.
  ["SELECT * FROM JSON_TABLE('[]', '$' COLUMNS (a int)) WITH ORDINALITY AS jt", "WITH"],
  ["SELECT * FROM XMLTABLE('/r' PASSING d COLUMNS a int) WITH ORDINALITY xt", "WITH"],
  ["SELECT * FROM LATERAL JSON_TABLE('[]', '$' COLUMNS (a int)) WITH ORDINALITY jt", "WITH"],
  ["SELECT * FROM JSON_TABLE('[]', '$' COLUMNS (a int)) AS jt (a text)", "text"],
  ["SELECT * FROM XMLTABLE('/r' PASSING d COLUMNS a int) AS xt (a text)", "text"],
  ["SELECT * FROM XMLTABLE('/r' PASSING d COLUMNS a int) AS (a text)", "(a text)"],
  // The row path is a string constant, however parenthesized.
  ["SELECT * FROM JSON_TABLE(j, ('$' || 'a') COLUMNS (a int)) jt", "('$' ||"],
  ["SELECT * FROM JSON_TABLE(j, (1) COLUMNS (a int)) jt", "(1)"],
  ["SELECT * FROM JSON_TABLE(j, ('$')[1] COLUMNS (a int)) jt", "('$')"],
  ["SELECT * FROM JSON_TABLE(j, B'1' COLUMNS (a int)) jt", "B'1'"],
  // A call of these functions takes no subscript without parentheses around it.
  ["SELECT JSON_ARRAY(1, 2)[0]", "[0]"],
  ["SELECT JSON_ARRAYAGG(a) OVER ()[1] FROM t", "[1]"],
  ["SELECT XMLCONCAT(a, b)[1] FROM t", "[1]"],
];

describe("SQL/JSON and SQL/XML functions (PostgreSQL)", () => {
  it.each(valid)("parses %s", (sql) => {
    const result = parse(sql, { dialect: "postgres" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.root.text()).toBe(sql);
  });

  it.each(invalid)("reports %s", (sql, at) => {
    const found = errors(sql);
    expect(found.length).toBeGreaterThan(0);
    // The first error is at the offending token (one of the places where its text occurs).
    const offsets = [];
    for (let i = sql.indexOf(at); i >= 0; i = sql.indexOf(at, i + 1)) offsets.push(i);
    expect(offsets).toContain(found[0]!.range.start);
  });

  it("keeps every token of a malformed call and goes on with the next statement", () => {
    const sql = "SELECT JSON_TABLE('[]', '$' COLUMNS (a int PATH x, NESTED COLUMNS (b)) ; SELECT JSON_OBJECT('a' VALUE 1)";
    const result = parse(sql, { dialect: "postgres" });
    expect(result.root.text()).toBe(sql);
    const second = sql.indexOf("; SELECT") + 1;
    expect(result.diagnostics.filter((d) => d.range.start >= second)).toEqual([]);
  });

  it("gives key/value members, clauses and JSON_TABLE columns nodes of their own", () => {
    const object = parse("SELECT JSON_OBJECT('a' VALUE 1, 'b': 2 ABSENT ON NULL RETURNING jsonb)").root;
    expect(kinds(object).filter((k) => k === SyntaxKind.NamedArg)).toHaveLength(2);
    expect(kinds(object).filter((k) => k === SyntaxKind.Option)).toHaveLength(2);
    expect(kinds(object)).toContain(SyntaxKind.TypeName);

    const table = parse("SELECT * FROM JSON_TABLE(j, '$' COLUMNS (a int, NESTED '$.b' COLUMNS (b int, c FOR ORDINALITY))) jt").root;
    const functionTable = table.descendants().find((n) => n.kind === SyntaxKind.FunctionTable)!;
    expect(functionTable.childNodes().map((n) => n.kind)).toEqual([SyntaxKind.QualifiedName, SyntaxKind.ArgList, SyntaxKind.Alias]);
    expect(kinds(table).filter((k) => k === SyntaxKind.ColumnDef)).toHaveLength(4);
    expect(kinds(table).filter((k) => k === SyntaxKind.TableElementList)).toHaveLength(2);

    const xml = parse("SELECT XMLELEMENT(NAME a, XMLATTRIBUTES(1 AS x), 'c')").root;
    const calls = xml.descendants().filter((n) => n.kind === SyntaxKind.FunctionCall);
    expect(calls.map((c) => c.childNodes()[0]!.text())).toEqual(["XMLELEMENT", "XMLATTRIBUTES"]);
  });

  it("treats the names as ordinary functions in MySQL and SQLite", () => {
    expect(errors("SELECT JSON_OBJECT('a', 1)", "mysql")).toEqual([]);
    expect(errors("SELECT JSON_OBJECT('a', 1), JSON_ARRAYAGG(a), JSON_OBJECTAGG(k, v) FROM t", "mysql")).toEqual([]);
    expect(errors("SELECT json_object('a', 1), json_array(1, 2), json('{}')", "sqlite")).toEqual([]);
    // No JSON_OBJECT member syntax there: the arguments are plain expressions.
    const mysql = parse("SELECT JSON_OBJECT('a', 1)", { dialect: "mysql" }).root;
    expect(kinds(mysql)).not.toContain(SyntaxKind.NamedArg);
    expect(errors("SELECT JSON_OBJECT('a' VALUE 1)", "mysql").length).toBeGreaterThan(0);
  });
});
