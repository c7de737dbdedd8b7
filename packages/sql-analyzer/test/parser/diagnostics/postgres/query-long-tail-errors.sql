-- Query forms PostgreSQL's grammar rejects although they look like their valid neighbours.
SELECT * FROM t FETCH FIRST 3 ROWS WITH TIES;
--                                 ^^^^ error[unexpected-token]: WITH TIES needs an ORDER BY
SELECT f(VARIADIC ARRAY[1, 2], 3);
--                           ^ error[unexpected-token]: a VARIADIC argument must be the last one
SELECT a FROM t ORDER BY a USING OPERATOR(pg_catalog.);
--                                                   ^ error[expected-token]: expected operator, found ')'
SELECT 1;
