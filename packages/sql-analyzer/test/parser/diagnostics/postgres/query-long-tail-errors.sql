-- Query forms PostgreSQL's grammar rejects although they look like their valid neighbours.
SELECT * FROM t FETCH FIRST 3 ROWS WITH TIES;
--                                 ^^^^ error[unexpected-token]: WITH TIES needs an ORDER BY
SELECT f(VARIADIC ARRAY[1, 2], 3);
--                           ^ error[unexpected-token]: a VARIADIC argument must be the last one
SELECT a FROM t ORDER BY a USING OPERATOR(pg_catalog.);
--                                                   ^ error[expected-token]: expected operator, found ')'
SELECT * FROM t TABLESAMPLE system ();
--                                  ^ error[expected-token]: expected expression, found ')'
CREATE TABLE p1 PARTITION OF t FOR VALUES IN ();
--                                            ^ error[expected-token]: expected expression, found ')'
SELECT make_interval(days, => 1);
--                         ^^ error[expected-token]: expected expression, found '=>'
CREATE EXTENSION IF NOT EXISTS WITH SCHEMA public;
--                             ^^^^ error[expected-token]: expected extension name, found 'WITH'
CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 END;
--                                                                    ^ error[expected-token]: expected END, found end of statement
SELECT 1;
-- Session 23: `@` before a qualified name or a call is PostgreSQL's prefix operator (absolute
-- value), not a placeholder `@name`.
SELECT @t.x + 1, @f(1), @"a".b, @name FROM t;
