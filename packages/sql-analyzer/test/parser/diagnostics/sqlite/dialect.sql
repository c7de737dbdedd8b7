INSERT OR BOGUS INTO t VALUES (1);
--        ^^^^^ error[unexpected-token]: expected ROLLBACK, ABORT, REPLACE, FAIL or IGNORE
PRAGMA x = ;
--         ^ error[expected-token]: expected pragma value, found ';'
CREATE TABLE t (a) WITHOUT ROWS;
--                         ^^^^ error[expected-token]: expected ROWID, found 'ROWS'
