/**
 * Forms that real SQL uses and that our parser used to report as syntax errors, found by parsing
 * the SQL of Debian packages: ~70 PostgreSQL extension packages (pgTAP, PostGIS, pgRouting,
 * orafce, pg_partman, q3c, pgmp, …) and the schemas of application packages in all three
 * dialects. Each verdict is the real parser's (libpg-query, SQLite, MariaDB), and each form is
 * also in the corpus (scripts/corpus/*-long-tail.sql). Here: what the tree says about them.
 */
import { describe, expect, it } from "vitest";
import { nodesOf } from "../support/nodes.js";
import { SyntaxKind, format, parse, type SyntaxNode } from "../../src/index.js";

function parsed(sql: string) {
  const result = parse(sql, { dialect: "postgres" });
  expect(result.root.text()).toBe(sql);
  return result;
}


describe("LANGUAGE given as a string", () => {
  it("DO LANGUAGE 'plpgsql' parses the block's SQL as PL/pgSQL, before or after the body", () => {
    for (const sql of ["DO LANGUAGE 'plpgsql' $$ BEGIN DELETE FROM t WHERE a = 1; END $$;", "DO $$ BEGIN DELETE FROM t WHERE a = 1; END $$ LANGUAGE 'plpgsql';"]) {
      const result = parsed(sql);
      expect(result.diagnostics).toEqual([]);
      expect(result.embedded.map((e) => e.root.text().trim())).toEqual(["DELETE FROM t WHERE a = 1"]);
    }
  });

  it("a DO block in another language is not read as SQL; a second LANGUAGE is an error, and the first stands", () => {
    expect(parsed("DO $$ print 1; $$ LANGUAGE 'plperl';").embedded).toEqual([]);
    // PostgreSQL refuses it ("conflicting or redundant options"), which real-dumps.test.ts checks.
    const twice = parsed("DO LANGUAGE plpgsql $$ BEGIN DELETE FROM t; END $$ LANGUAGE sql;");
    expect(twice.diagnostics.map((d) => d.message)).toEqual(["DO takes one LANGUAGE: a second one is a conflicting option"]);
    expect(twice.embedded.map((e) => e.language)).toEqual(["plpgsql"]);
  });

  it("CREATE FUNCTION … LANGUAGE 'sql' parses its body as SQL", () => {
    const result = parsed("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 FROM $$ LANGUAGE 'sql';");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["expected-token"]);
  });
});

describe("extension-script placeholders", () => {
  it("@extschema@, @extschema:name@ and @extowner@ stand where names go, as CREATE EXTENSION puts them in", () => {
    const sql =
      "CREATE FUNCTION @extschema@.area(s @extschema@.shape) RETURNS float8 LANGUAGE sql SET search_path = @extschema@, pg_temp AS $$ SELECT $1 OPERATOR(@extschema@.&&) $1 $$;\n" +
      "SELECT @extschema@.area(s)::@extschema:geo@.measure FROM shapes s WHERE srid=@extschema@.srid(s);\nALTER LANGUAGE plpgsql OWNER TO @extowner@;";
    const result = parsed(sql);
    expect(result.diagnostics).toEqual([]);
    expect(result.root.tokens().filter((t) => t.kind === SyntaxKind.Param).map((t) => t.text())).toEqual([
      "@extschema@", "@extschema@", "@extschema@", "@extschema@", "@extschema:geo@", "@extschema@", "@extowner@",
    ]);
    expect(format(sql, { dialect: "postgres" })).toContain("::@extschema:geo@.measure");
  });

  it("elsewhere `@` stays PostgreSQL's operator", () => {
    const result = parsed("SELECT @ -5, a @> b, @extschema, @extschema:@;");
    expect(result.root.tokens().filter((t) => t.kind === SyntaxKind.Param)).toEqual([]);
  });
});

describe("numbers with trailing junk (PostgreSQL 15 and later)", () => {
  it("a number with name characters stuck to it is one token and an error, not a number and an alias", () => {
    const result = parsed("SELECT 123abc, 1_000, 0x1fg, 1e1_0, 1__2 FROM t;");
    expect(result.diagnostics.map((d) => `${d.code} ${result.root.text().slice(d.range.start, d.range.end)}`)).toEqual([
      "invalid-number 123abc",
      "invalid-number 0x1fg",
      "invalid-number 1__2",
    ]);
    // MySQL reads the same run as a name (`2fa_enabled`), SQLite as a number and an alias.
    expect(parse("SELECT 123abc FROM t;", { dialect: "mysql" }).diagnostics).toEqual([]);
  });
});

describe("forms from PostgreSQL's documentation", () => {
  it("fields and elements as assignment and INSERT targets, SET TRANSACTION SNAPSHOT", () => {
    for (const sql of [
      "UPDATE sal_emp SET pay_by_quarter[1:2] = '{1,2}', schedule[:1][2:] = '{}', body['a']['b'] = '1' WHERE true;",
      "UPDATE docs SET (meta[1], pos.x) = (1, 2);",
      "INSERT INTO tictactoe (game, board[1:3][1:3], c.r) VALUES (1, '{}', 2);",
      "SET TRANSACTION SNAPSHOT '00000003-0000001B-1';",
    ])
      expect(parsed(sql).diagnostics, sql).toEqual([]);
    // A plain name in an INSERT column list stays an identifier token (the tree shape consumers read).
    const insert = parsed("INSERT INTO t (a, b.c) VALUES (1, 2);");
    expect(nodesOf(insert.root, SyntaxKind.QualifiedName)).toEqual(["t", "b.c"]);
  });
});

describe("functions named by type-or-function-name keywords", () => {
  it("`is(…)`, `join(…)` and their kin are calls, in expressions and in FROM", () => {
    const result = parsed("SELECT is(a, b, 'same'), isnt(a, c), verbose(1) FROM join(1) AS j, natural(2);");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.FunctionCall)).toEqual(["is(a, b, 'same')", "isnt(a, c)", "verbose(1)"]);
    expect(nodesOf(result.root, SyntaxKind.FunctionTable)).toEqual(["join(1) AS j", "natural(2)"]);
  });

  it("they name routines in CREATE, DROP, COMMENT ON and ALTER EXTENSION … ADD FUNCTION", () => {
    for (const sql of [
      "CREATE FUNCTION is(anyelement, anyelement) RETURNS text LANGUAGE sql AS 'select 1';",
      "DROP FUNCTION IF EXISTS is(anyelement, anyelement), overlaps(shape, shape);",
      "COMMENT ON FUNCTION join(text[], text) IS 'joins';",
      "ALTER EXTENSION testing ADD FUNCTION is(anyelement, anyelement, text);",
    ])
      expect(parsed(sql).diagnostics, sql).toEqual([]);
  });

  it("they stay reserved where no call can be meant", () => {
    for (const sql of ["CREATE TABLE is (a int);", "SELECT * FROM t WHERE a is(1);", "SELECT is;", "SELECT * FROM join;"])
      expect(parsed(sql).diagnostics.length, sql).toBeGreaterThan(0);
  });
});

describe("argument and option forms", () => {
  it("a table function in FROM takes named arguments, with := as with =>", () => {
    const result = parsed("SELECT * FROM pair_info(p_child, p_parent := v_name, p_other => 1);");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.NamedArg)).toEqual(["p_parent := v_name", "p_other => 1"]);
  });

  it("SETOF types in a routine signature", () => {
    const result = parsed("COMMENT ON FUNCTION tile_count(setof tile, integer, tiles setof tile) IS 'counts';");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.TypeName)).toEqual(["setof tile", "integer", "setof tile"]);
  });

  it("types of several words as option values (CREATE OPERATOR, CREATE AGGREGATE)", () => {
    const result = parsed("CREATE OPERATOR ~=~ (LEFTARG = double precision, RIGHTARG = character varying, PROCEDURE = near_eq);");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.TypeName)).toEqual(["double precision", "character varying"]);
    expect(parsed("CREATE AGGREGATE latest (BASETYPE = timestamp with time zone, SFUNC = later_of, STYPE = time without time zone);").diagnostics).toEqual([]);
  });

  it("an operator ending in ? is one token unless it is a comparison (`id=?` keeps its placeholder)", () => {
    const op = parsed("CREATE OPERATOR >>? (LEFTARG = big, RIGHTARG = int8, PROCEDURE = divisible_by);");
    expect(op.diagnostics).toEqual([]);
    expect(op.root.tokens().filter((t) => t.kind === SyntaxKind.Operator).map((t) => t.text())).toContain(">>?");
    const placeholder = parsed("SELECT * FROM t WHERE id=? AND n<=?;");
    expect(placeholder.diagnostics).toEqual([]);
    expect(placeholder.root.tokens().filter((t) => t.kind === SyntaxKind.Operator || t.kind === SyntaxKind.Param).map((t) => t.text())).toEqual(["*", "=", "?", "<=", "?"]);
  });
});

/**
 * Forms the SQL schemas of Debian application packages use (Zabbix, MediaWiki, PowerDNS,
 * LedgerSMB, Roundcube, Gammu, Request Tracker, …), in all three dialects; each verdict checked
 * against the real parser (libpg-query, SQLite, MariaDB) and in the corpus.
 */
describe("forms from application schemas", () => {
  const parsedIn = (sql: string, dialect: "postgres" | "mysql" | "sqlite") => {
    const result = parse(sql, { dialect });
    expect(result.root.text()).toBe(sql);
    return result;
  };

  it("SQLite: any words it does not reserve continue a type name (`BIGINT UNSIGNED`)", () => {
    const result = parsedIn("CREATE TABLE f (owner BIGINT UNSIGNED NOT NULL, b int auto_increment, c int generated always as (1));", "sqlite");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.TypeName)).toEqual(["BIGINT UNSIGNED", "int auto_increment", "int"]);
    expect(parsedIn("CREATE TABLE f (a varchar(255) binary NOT NULL);", "sqlite").diagnostics.length).toBeGreaterThan(0);
  });

  it("PostgreSQL: CREATE TABLE … AS takes its options without a column list", () => {
    expect(parsedIn("CREATE TEMPORARY TABLE report ON COMMIT DROP AS SELECT 1;", "postgres").diagnostics).toEqual([]);
    expect(parsedIn("CREATE TABLE report USING heap WITH (fillfactor = 70) TABLESPACE fast AS SELECT 1;", "postgres").diagnostics).toEqual([]);
    expect(parsedIn("CREATE TABLE report WITH (fillfactor = 70);", "postgres").diagnostics.map((d) => d.message)).toEqual(["expected '(' or AS, found 'WITH'"]);
  });

  it("PostgreSQL: a column may be named exclude; EXCLUDE starts a constraint only before ( or USING", () => {
    const result = parsedIn("CREATE TABLE actions (exclude integer DEFAULT '0' NOT NULL, EXCLUDE USING gist (exclude WITH =));", "postgres");
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.ColumnDef)).toEqual(["exclude integer DEFAULT '0' NOT NULL"]);
    expect(nodesOf(result.root, SyntaxKind.TableConstraint)).toEqual(["EXCLUDE USING gist (exclude WITH =)"]);
  });

  it("PostgreSQL: parentheses in FROM hold a join, not a lone table (MySQL and SQLite take both)", () => {
    expect(parsedIn("SELECT * FROM (orders o JOIN lines l USING (id)) AS ol, ((a CROSS JOIN b));", "postgres").diagnostics).toEqual([]);
    expect(parsedIn("SELECT * FROM (orders);", "postgres").diagnostics.map((d) => d.code)).toEqual(["unexpected-token"]);
    expect(parsedIn("SELECT * FROM (orders);", "sqlite").diagnostics).toEqual([]);
    expect(parsedIn("SELECT * FROM (orders);", "mysql").diagnostics).toEqual([]);
  });

  it("psql: a variable names a table in FROM as it does elsewhere (`FROM :schema.t`)", () => {
    const result = parsedIn("UPDATE :s.acc SET kind = 'AP' WHERE id IN (SELECT id FROM :s.ap);", "postgres");
    expect(result.diagnostics).toEqual([]);
  });

  it("MySQL: strings as character set and collation names, PRIMARY KEY with an index name, RENAME without TO", () => {
    for (const sql of [
      "CREATE TABLE d (account VARCHAR(40) CHARACTER SET 'utf8' DEFAULT NULL, note TEXT CHARSET 'latin1' COLLATE 'latin1_bin');",
      "CREATE TABLE inbox (id INT, PRIMARY KEY `pk_inbox` (id));",
      "ALTER TABLE inbox RENAME outbox, CHANGE id msg_id INT NOT NULL;",
      "CREATE DATABASE mail DEFAULT CHARACTER SET = 'utf8' COLLATE = 'utf8_bin';",
      "SELECT CONVERT(subject USING 'utf8') FROM inbox;",
    ])
      expect(parsedIn(sql, "mysql").diagnostics, sql).toEqual([]);
    // Without COLUMN a MySQL RENAME names the table: `RENAME a TO b` is an error there.
    expect(parsedIn("ALTER TABLE inbox RENAME a TO b;", "mysql").diagnostics.length).toBeGreaterThan(0);
  });
});

/**
 * MySQL 8 forms from the statements of MariaDB's own test suite (mariadb-test-data: 65,203
 * distinct statements), judged by MariaDB's parser; MariaDB-only syntax (SET STATEMENT … FOR,
 * sequences, system versioning, …) and syntax MySQL 8 removed stay errors in the mysql dialect.
 */
describe("MySQL forms from MariaDB's test suite", () => {
  const mysql = (sql: string) => {
    const result = parse(sql, { dialect: "mysql" });
    expect(result.root.text()).toBe(sql);
    return result.diagnostics.map((d) => `${d.code}: ${d.message}`);
  };

  it("keywords as SET values, DROP TABLES, options-only CREATE TABLE, a table made from a parenthesized query", () => {
    for (const sql of [
      "SET GLOBAL general_log = ON, @@session.autocommit = OFF;",
      "SET NAMES utf8mb4, character_set_connection = binary;",
      "DROP TEMPORARY TABLES IF EXISTS t1, t2;",
      "CREATE TABLE t2 ENGINE=MERGE UNION=(t1, t3) INSERT_METHOD=LAST;",
      "CREATE TABLE t2 ENGINE=MEMORY SELECT * FROM t1;",
      "CREATE TABLE t2 (a INT) REPLACE SELECT 1 AS a;",
      "CREATE TABLE t2 (SELECT a FROM t1);",
      "CREATE TABLE t (c INT) DATA DIRECTORY='/var/db' INDEX DIRECTORY = '/var/ix';",
      "ALTER TABLE t1;",
    ])
      expect(mysql(sql), sql).toEqual([]);
  });

  it("introducers before hex and bit literals, CHARACTER VARYING, DEFAULT(col), INTERVAL(n, …)", () => {
    for (const sql of [
      "SELECT _utf8mb4 0xC3A9, _binary 0b101, CONVERT(_ucs2 0x0061 USING utf8mb4);",
      "CREATE TABLE t (name CHARACTER VARYING(64), code NATIONAL VARCHAR(3));",
      "SELECT DEFAULT(a) FROM t1;",
      "SELECT INTERVAL(5, 1, 10) AS bucket, d + INTERVAL 1 DAY FROM t;",
    ])
      expect(mysql(sql), sql).toEqual([]);
    expect(mysql("SELECT d + INTERVAL 1 FROM t;").length).toBe(1);
  });

  it("COMMIT / ROLLBACK [NO] RELEASE, ALTER PROCEDURE characteristics, LOAD DATA clauses in any order, MATCH without parentheses, select options in any order", () => {
    for (const sql of [
      "ROLLBACK AND NO CHAIN NO RELEASE;",
      "ROLLBACK RELEASE;",
      "ALTER PROCEDURE p1 COMMENT 'nightly' LANGUAGE SQL READS SQL DATA SQL SECURITY INVOKER;",
      "LOAD DATA INFILE 'x' INTO TABLE t FIELDS ESCAPED BY '!' TERMINATED BY ',' LINES TERMINATED BY '\\n' STARTING BY '>';",
      "SELECT * FROM t WHERE MATCH title, body AGAINST ('x' IN BOOLEAN MODE);",
      "SELECT STRAIGHT_JOIN DISTINCT SQL_NO_CACHE a FROM t1, t2;",
    ])
      expect(mysql(sql), sql).toEqual([]);
    // `t.*` takes no alias in MySQL (nor in SQLite); PostgreSQL gives it one.
    expect(mysql("SELECT t.* AS everything FROM t;").length).toBeGreaterThan(0);
    expect(parse("SELECT t.* AS everything FROM t;", { dialect: "postgres" }).diagnostics).toEqual([]);
    // Names may start with digits in MySQL (not be all digits): `2fa_enabled`, `1a20`; numbers stay numbers.
    const digitLed = parse("SELECT 2fa_enabled, 1a20, 0x1fg, 12, 0x1F, 1e5, 1e+5 FROM 1st_quarter;", { dialect: "mysql" });
    expect(digitLed.diagnostics).toEqual([]);
    expect(digitLed.root.tokens().filter((t) => t.kind === SyntaxKind.Number).map((t) => t.text())).toEqual(["12", "0x1F", "1e5", "1e+5"]);
    // ALTER takes no [NOT] DETERMINISTIC (only CREATE does).
    expect(mysql("ALTER PROCEDURE p1 DETERMINISTIC;").length).toBeGreaterThan(0);
  });
});

describe("MySQL's ODBC escapes", () => {
  const mysql = (sql: string) => parse(sql, { dialect: "mysql" });

  it("`{name expr}` is an expression and `{OJ …}` a table reference, each one node", () => {
    const sql =
      "SELECT {d '2020-01-01'}, { ts '2020-01-01 10:00:00' } + 1, {fn length(s)}, {`t` '10:00'} FROM {oj a LEFT JOIN b ON a.id = b.id} JOIN c ON c.id = a.id, {OJ d} WHERE {fn ucase(s)} = 'A';";
    const result = mysql(sql);
    expect(result.root.text()).toBe(sql);
    expect(result.diagnostics).toEqual([]);
    expect(nodesOf(result.root, SyntaxKind.OdbcEscape)).toEqual([
      "{d '2020-01-01'}",
      "{ ts '2020-01-01 10:00:00' }",
      "{fn length(s)}",
      "{`t` '10:00'}",
      "{oj a LEFT JOIN b ON a.id = b.id}",
      "{OJ d}",
      "{fn ucase(s)}",
    ]);
    // The escaped join is a table reference that the outer join takes as its left side.
    expect(nodesOf(result.root, SyntaxKind.JoinExpr)[0]).toBe("{oj a LEFT JOIN b ON a.id = b.id} JOIN c ON c.id = a.id");
  });

  it("what MySQL rejects stays an error: a reserved word as the name, another name than OJ in FROM, a missing brace; other dialects have no escapes", () => {
    for (const sql of ["SELECT {select 1};", "SELECT * FROM {foo t};", "SELECT {d '2020-01-01';", "SELECT {d};"]) expect(mysql(sql).diagnostics.length, sql).toBeGreaterThan(0);
    expect(parse("SELECT {d '2020-01-01'};", { dialect: "postgres" }).diagnostics.length).toBeGreaterThan(0);
    expect(parse("SELECT {d '2020-01-01'};", { dialect: "sqlite" }).diagnostics.length).toBeGreaterThan(0);
  });

  it("the formatter keeps the braces against their contents and the name's case", () => {
    const out = format("select {D  '2020-01-01'} , { fn  ucase(s) } from { OJ a left join b on a.id=b.id };", { dialect: "mysql" });
    expect(out).toBe("SELECT {D '2020-01-01'}, {fn ucase(s)} FROM {OJ a LEFT JOIN b ON a.id = b.id};\n");
  });
});
