-- Errors in the long tail of PostgreSQL's DDL: each statement has one mistake, reported where the
-- grammar parts with the text, and the next statement parses clean.
DROP CAST (int, text);
--            ^ error[expected-token]: expected AS, found ','
--              ^^^^ error[expected-token]: expected '(', found 'text'
DROP OPERATOR +;
--             ^ error[expected-token]: expected '(' and the operator's argument types, found ';'
DROP OPERATOR CLASS c;
--                   ^ error[expected-token]: expected USING, found ';'
DROP USER MAPPING FOR r;
--                     ^ error[expected-token]: expected SERVER, found ';'
COMMENT ON CAST int AS text IS 'x';
--              ^^^ error[expected-token]: expected '(', found 'int'
SECURITY LABEL ON TABLE t;
--                       ^ error[expected-token]: expected IS, found ';'
CREATE RULE r AS ON TRUNCATE TO t DO NOTHING;
--                  ^^^^^^^^ error[expected-token]: expected SELECT, INSERT, UPDATE or DELETE, found 'TRUNCATE'
CREATE RULE r AS ON INSERT TO t;
--                             ^ error[expected-token]: expected DO, found ';'
CREATE CAST (a AS b);
--                  ^ error[expected-token]: expected WITH, found ';'
CREATE TABLESPACE ts;
--                  ^ error[expected-token]: expected LOCATION, found ';'
CREATE ACCESS METHOD m TYPE VIEW HANDLER h;
--                          ^^^^ error[expected-token]: expected TABLE or INDEX, found 'VIEW'
CREATE AGGREGATE a (int);
--                      ^ error[expected-token]: expected '(', found ';'
ALTER TABLE t REPLICA IDENTITY;
--                            ^ error[expected-token]: expected DEFAULT, FULL, NOTHING or USING INDEX, found ';'
ALTER INDEX IF EXISTS i ATTACH PARTITION j;
--                      ^^^^^^ error[unexpected-token]: ALTER INDEX IF EXISTS cannot attach a partition (drop IF EXISTS)
IMPORT FOREIGN SCHEMA s FROM SERVER srv;
--                                     ^ error[expected-token]: expected INTO, found ';'
REASSIGN OWNED BY r;
--                 ^ error[expected-token]: expected TO, found ';'
LOAD x;
--   ^ error[expected-token]: expected library file name (a string literal), found 'x'
SELECT 1;
