-- Each statement has one problem; parsing recovers and the next statement is clean.
SELECT (1 + 2;
--           ^ error[expected-token]: expected ')', found ';'
SELECT 1);
--      ^ error[unmatched-paren]: unmatched ')'
SELECT a, FROM t;
--        ^^^^ error[expected-token]: expected expression, found 'FROM'
SELECT * FROM t WHERE;
--                   ^ error[expected-token]: expected expression, found ';'
SELECT * FROM t WHERE a = 1 ORDER BY;
--                                  ^ error[expected-token]: expected expression, found ';'
INSERT INTO t (a, b VALUES (1, 2);
--                  ^^^^^^ error[expected-token]: expected ')', found 'VALUES'
UPDATE t SET WHERE id = 1;
--           ^^^^^ error[expected-token]: expected column name, found 'WHERE'
DELETE t WHERE id = 1;
--     ^ error[expected-token]: expected FROM, found 't'
CREATE TABLE t (id int,, name text);
--                     ^ error[expected-token]: expected column name, found ','
SELECT 1 SELECT 2;
--       ^^^^^^ error[missing-semicolon]: expected ';' before the next statement
SELECT * FROM a JOIN b;
--                    ^ error[expected-token]: expected ON or USING, found ';'
SELECT 1 < 2 < 3;
--           ^ error[unexpected-token]: comparison operators cannot be chained
SELECT CASE WHEN a THEN 1;
--                       ^ error[expected-token]: expected END, found ';'
SELECT f(1, 2;
--           ^ error[expected-token]: expected ')', found ';'
SELECT 1;
