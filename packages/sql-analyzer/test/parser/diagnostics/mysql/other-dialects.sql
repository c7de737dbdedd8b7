-- Other dialects' statements and clauses in a MySQL file (session 22): each is reported at its
-- first word, and the shared grammar still reads the statement.
COMMENT ON TABLE t IS 'x';
^^^^^^^ error[wrong-dialect]: COMMENT is not MySQL syntax; MySQL sets a comment with a COMMENT clause of CREATE or ALTER
MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE;
^^^^^ error[wrong-dialect]: MERGE is not MySQL syntax; use INSERT … ON DUPLICATE KEY UPDATE
CREATE SEQUENCE s;
--     ^^^^^^^^ error[wrong-dialect]: CREATE SEQUENCE is not MySQL syntax; MySQL numbers rows with an AUTO_INCREMENT column
CREATE TEMP TABLE t (a int);
--     ^^^^ error[wrong-dialect]: TEMP here is not MySQL syntax; MySQL writes TEMPORARY
CREATE OR REPLACE TABLE t (a int);
--     ^^ error[wrong-dialect]: CREATE OR REPLACE is not MySQL syntax; MySQL replaces views only: drop the object first (DROP … IF EXISTS)
CREATE TABLE t OF address_t;
--             ^^ error[wrong-dialect]: OF as a table option is not MySQL syntax; MySQL has no such table option
CREATE TABLE t (a tsvector, b text[], c timestamp(3) with time zone);
--                ^^^^^^^^ error[wrong-dialect]: tsvector as a type is not MySQL syntax; MySQL has no such type
--                                ^ error[wrong-dialect]: an array type is not MySQL syntax; MySQL keeps a list in a JSON column
--                                                   ^^^^ error[wrong-dialect]: WITH TIME ZONE is not MySQL syntax; MySQL's TIMESTAMP is stored in UTC and shown in the session's zone; DATETIME keeps no zone
CREATE TABLE t (a int) WITH (fillfactor = 70);
--                     ^^^^ error[wrong-dialect]: WITH (storage parameters) is not MySQL syntax; MySQL's tables take table options (ENGINE = …, ROW_FORMAT = …)
DROP INDEX i;
--          ^ error[wrong-dialect]: DROP INDEX without ON table is not MySQL syntax; MySQL writes DROP INDEX name ON table
DROP FUNCTION f(int);
--             ^ error[wrong-dialect]: an argument list after the name is not MySQL syntax; MySQL names the routine alone
ALTER TABLE t ALTER COLUMN a TYPE bigint;
--                           ^^^^ error[wrong-dialect]: ALTER COLUMN … TYPE is not MySQL syntax; MySQL changes a column's type or NOT NULL with MODIFY [COLUMN] c definition
ALTER TABLE t OWNER TO admin;
--            ^^^^^ error[wrong-dialect]: ALTER TABLE … OWNER is not MySQL syntax; MySQL's ALTER TABLE has no such action
CREATE INDEX i ON t USING gin (a);
--                  ^^^^^ error[wrong-dialect]: USING method is not MySQL syntax; MySQL's CREATE INDEX takes a name, [USING method], ON table (key parts) and index options
CREATE INDEX i ON t (lower(name));
--                   ^^^^^ error[wrong-dialect]: an expression as a key part is not MySQL syntax; MySQL indexes a column, a column's prefix `c(10)`, or an expression in its own parentheses: ((lower(c)))
GRANT SELECT ON ALL TABLES IN SCHEMA s TO r;
--              ^^^ error[wrong-dialect]: ON ALL … IN SCHEMA is not MySQL syntax; MySQL grants on one object: [TABLE | FUNCTION | PROCEDURE] *.*, db.*, db.name or name
SELECT * FROM t ORDER BY a NULLS LAST;
--                         ^^^^^ error[wrong-dialect]: NULLS LAST is not MySQL syntax; MySQL sorts nulls first ascending, last descending: order by `x IS NULL` first to change that
SELECT * FROM generate_series(1, 3) AS g(n);
--            ^^^^^^^^^^^^^^^ error[wrong-dialect]: a function call in FROM is not MySQL syntax; MySQL's only table function is JSON_TABLE
SELECT * FROM t WHERE a ISNULL;
--                      ^^^^^^ error[wrong-dialect]: ISNULL is not MySQL syntax; write IS NULL
SELECT CAST(a AS int), doc->1 FROM t;
--               ^^^ error[wrong-dialect]: CAST to INT is not MySQL syntax; MySQL casts to SIGNED, UNSIGNED, DECIMAL, DOUBLE, CHAR, BINARY, DATE, DATETIME, TIME, YEAR or JSON
--                        ^^ error[wrong-dialect]: `->` here is not MySQL syntax; MySQL writes column->'$.path' (a column, then a JSON path string), or JSON_EXTRACT(value, path)
SELECT * FROM t LIMIT (SELECT 1);
--                    ^^^^^^^^^^ error[wrong-dialect]: an expression in LIMIT is not MySQL syntax; MySQL's LIMIT takes an integer, a `?` placeholder or a routine's variable
VALUES (1, 2);
--     ^ error[wrong-dialect]: a VALUES row without ROW is not MySQL syntax; MySQL's VALUES query writes VALUES ROW(…), ROW(…)
INSERT INTO t DEFAULT VALUES RETURNING *;
--            ^^^^^^^ error[wrong-dialect]: DEFAULT VALUES is not MySQL syntax; MySQL writes VALUES ()
--                           ^^^^^^^^^ error[wrong-dialect]: RETURNING is not MySQL syntax; MySQL returns no rows from a change: read them with a SELECT
UPDATE t SET (a, b) = (1, 2) FROM u;
--           ^ error[wrong-dialect]: SET (a, b) = … is not MySQL syntax; MySQL assigns one column at a time: SET a = …, b = …
--                           ^^^^ error[wrong-dialect]: UPDATE … FROM is not MySQL syntax; MySQL joins the tables in UPDATE itself: UPDATE t JOIN u ON … SET …
SELECT * FROM t full join u ON t.a = u.a;
--              ^^^^ warning[wrong-dialect]: MySQL reads FULL here as the table's alias and joins inner: it has no full outer join (UNION a LEFT JOIN and a RIGHT JOIN)
SELECT * FROM t x FULL JOIN u ON true;
--                ^^^^ error[wrong-dialect]: FULL JOIN is not MySQL syntax; MySQL has no full outer join: UNION a LEFT JOIN and a RIGHT JOIN
SHOW search_path;
--   ^^^^^^^^^^^ error[wrong-dialect]: SHOW search_path is not MySQL syntax; MySQL's SHOW lists its objects and settings (a setting: SHOW VARIABLES LIKE 'name', or SELECT @@name)
CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT 1; END;
--                                   ^^^^^ error[wrong-dialect]: a trigger without FOR EACH ROW is not MySQL syntax; MySQL's triggers are {BEFORE | AFTER} {INSERT | UPDATE | DELETE} ON table FOR EACH ROW, then the body
-- MySQL's own forms stay clean.
VALUES ROW(1, 2);
TABLE t;
SELECT doc->'$.a', CAST(b AS SIGNED) FROM t FOR SHARE;
CREATE INDEX i ON t ((lower(name)), b(10) DESC);
SELECT * FROM (SELECT 1) AS d (a) LIMIT 10;
