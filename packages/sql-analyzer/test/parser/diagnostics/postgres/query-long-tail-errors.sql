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
-- Session 23: PostgreSQL 18's VACUUM and ANALYZE take `ONLY t` and `t *`, not both.
VACUUM ONLY t, u *;
ANALYZE ONLY t *;
--             ^ error[unexpected-token]: unexpected '*'
-- DEFAULT takes no subscript; COPY's option lists hold a value or more; CALL takes `p(*)`.
SELECT DEFAULT[1];
--            ^ error[unexpected-token]: DEFAULT takes no subscript
COPY t FROM '/x' (FORCE_NOT_NULL (a, , b), FORCE_NULL ());
--                                   ^ error[expected-token]: expected a value: the list holds one or more, separated by commas
--                                                     ^ error[expected-token]: expected a value: the list holds one or more, separated by commas
CALL do_work(*);
-- `ON domain` names a table called domain when IS follows.
COMMENT ON CONSTRAINT c ON domain IS 'x';
-- DEFAULT is a setting's whole value, never one of a list.
SET x TO DEFAULT, 1;
--       ^^^^^^^ error[unexpected-token]: DEFAULT stands alone as a setting's value, not in a list
