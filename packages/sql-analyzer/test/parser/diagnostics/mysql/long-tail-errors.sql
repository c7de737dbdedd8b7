-- Errors in MySQL's long tail: each statement has one mistake, reported where the grammar parts
-- with the text, and the next statement parses clean.
ALTER TABLE t ADD PARTITION (PARTITION p2 VALUES GREATER THAN (20));
--                                               ^^^^^^^ error[expected-token]: expected LESS THAN or IN, found 'GREATER'
ALTER TABLE t COALESCE PARTITION p1;
--                               ^^ error[expected-token]: expected number of partitions, found 'p1'
ALTER TABLE t EXCHANGE PARTITION p0 WITH t2;
--                                       ^^ error[expected-token]: expected TABLE, found 't2'
ALTER TABLE t ALTER INDEX i HIDDEN;
--                          ^^^^^^ error[expected-token]: expected VISIBLE or INVISIBLE, found 'HIDDEN'
ALTER USER 'u'@'localhost' IDENTIFIED 'new';
--                                    ^^^^^ error[expected-token]: expected BY, found string literal
RENAME USER 'a'@'h' 'b'@'h';
--                  ^^^ error[expected-token]: expected TO, found string literal
SET PASSWORD FOR 'u'@'h' 'x';
--                       ^^^ error[expected-token]: expected '=', found string literal
INSERT INTO t PARTITION p0 VALUES (1);
--                      ^^ error[expected-token]: expected '(', found 'p0'
SELECT * FROM JSON_TABLE('[1,2]', '$[*]' COLUMNS (v INT)) AS jt;
--                                                     ^ error[expected-token]: expected PATH, found ')'
SELECT * FROM JSON_TABLE('[1,2]', '$[*]' COLUMNS (v INT PATH '$'));
--                                                                ^ error[expected-token]: expected alias (MySQL requires one for JSON_TABLE), found ';'
SELECT a FROM t WHERE a MEMBER OF '[1,2]';
--                                ^^^^^^^ error[expected-token]: expected '(', found string literal
SELECT a FROM t GROUP BY a DESC;
--                         ^^^^ error[unexpected-token]: ASC and DESC after GROUP BY were removed in MySQL 8.0.13; sort with ORDER BY
SELECT * INTO OUTFILE '/tmp/x' FIELDS LINES TERMINATED BY '\n' FROM t;
--                                    ^^^^^ error[expected-token]: expected TERMINATED BY, ENCLOSED BY or ESCAPED BY, found 'LINES'
LOCK TABLES t LOW_PRIORITY READ;
--                         ^^^^ error[expected-token]: expected WRITE, found 'READ'
ANALYZE TABLE t UPDATE HISTOGRAM ON a WITH BUCKETS;
--                                         ^^^^^^^ error[expected-token]: expected number of buckets, found 'BUCKETS'
LOAD DATA INFILE 'x.csv' INTO t;
--                            ^ error[expected-token]: expected TABLE, found 't'
CREATE EVENT e ON SCHEDULE EVERY 1 FORTNIGHT DO SELECT 1;
--                                 ^^^^^^^^^ error[expected-token]: expected interval unit (DAY, HOUR, …), found 'FORTNIGHT'
ALTER EVENT e;
--           ^ error[expected-token]: expected ON SCHEDULE, ON COMPLETION, RENAME TO, ENABLE, DISABLE, COMMENT or DO, found ';'
HANDLER t READ i SIDEWAYS;
--               ^^^^^^^^ error[expected-token]: expected FIRST, NEXT, PREV, LAST or a comparison, found 'SIDEWAYS'
XA FINISH 'x';
-- ^^^^^^ error[expected-token]: expected START, END, PREPARE, COMMIT, ROLLBACK or RECOVER, found 'FINISH'
INSTALL PLUGIN p 'p.so';
--               ^^^^^^ error[expected-token]: expected SONAME, found string literal
CACHE INDEX t hot;
--            ^^^ error[expected-token]: expected IN, found 'hot'
PURGE BINARY LOGS AFTER '2024-01-01';
--                ^^^^^ error[expected-token]: expected TO or BEFORE, found 'AFTER'
CREATE PROCEDURE p () BEGIN DECLARE x INT DEFAULT 0 SET x = 1; END;
--                                                  ^^^ error[expected-token]: expected ';', found 'SET'
CREATE PROCEDURE p () BEGIN WHILE x < 10 SET x = x + 1; END WHILE; END;
--                                       ^^^ error[expected-token]: expected DO, found 'SET'
CREATE PROCEDURE p () BEGIN lbl: LOOP LEAVE other; END LOOP lbl; END;
--                                          ^^^^^ error[unexpected-token]: no enclosing block or loop is labelled other
CREATE PROCEDURE p () BEGIN lbl: LOOP SELECT 1; END LOOP lbx; END;
--                                                       ^^^ error[unexpected-token]: end label lbx does not match the begin label
CREATE PROCEDURE p () BEGIN IF x > 0 THEN SET x = 1; END; END;
--                                                      ^ error[expected-token]: expected IF, found ';'
--                                                        ^^^ error[wrong-dialect]: END as a statement is not MySQL syntax; MySQL ends a transaction with COMMIT
CREATE PROCEDURE p () BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE = 'x'; END;
--                                                      ^^^^^^^ error[expected-token]: expected condition information item (MESSAGE_TEXT, MYSQL_ERRNO, …), found 'MESSAGE'
CREATE PROCEDURE p () BEGIN SELECT 1 END;
--                                   ^^^ error[expected-token]: expected ';', found 'END'
ALTER VIEW v SELECT 1;
--           ^^^^^^ error[expected-token]: expected AS, found 'SELECT'
ALTER DATABASE d;
--              ^ error[expected-token]: expected CHARACTER SET, COLLATE, ENCRYPTION or READ ONLY, found ';'
SELECT 1;
SELECT a, * FROM t;
--        ^ error[unexpected-token]: in MySQL a bare `*` must be the first item of the select list: qualify it (`t.*`) or move it first
SELECT *, a, t.* FROM t WHERE d > NOW() - INTERVAL 1 DAY AND DATE_ADD(d, INTERVAL 2 HOUR) < INTERVAL 1 DAY + d;
SELECT INTERVAL 1 DAY, INTERVAL(5, 1, 10);
--     ^^^^^^^^^^^^^^ error[unexpected-token]: in MySQL an INTERVAL stands only in date arithmetic (`d + INTERVAL 1 DAY`, DATE_ADD(d, INTERVAL 1 DAY))
CREATE TABLE t (a INT CHARACTER SET utf8mb4, b VARCHAR(10) CHARACTER SET utf8mb4, c ENUM('x') CHARSET latin1);
--                    ^^^^^^^^^^^^^^^^^^^^^ error[unexpected-token]: in MySQL only character types (CHAR, VARCHAR, TEXT, ENUM, SET) take a CHARACTER SET
-- Session 22: MySQL's aggregates need their argument; `x AS type` is CAST's and WEIGHT_STRING's.
SELECT count(), sum() FROM t;
--           ^ error[expected-token]: expected expression, found ')'
--                  ^ error[expected-token]: expected expression, found ')'
SELECT concat(a AS CHAR), weight_string(a AS CHAR(3)) FROM t;
--              ^^ error[unexpected-token]: in MySQL `x AS type` stands in CAST(…) and WEIGHT_STRING(…) only: write CAST(x AS type)
-- A reserved word right before `.` and a name is a name to MySQL's lexer: no diagnostic.
SELECT key.id, order.total FROM t AS `key` JOIN u AS `order` ON key.a = order.b;
-- Session 23: MySQL's keywords name no function (MySQL's lexer makes each a token of its own);
-- quoted or qualified, the name calls a function.
SELECT unicode(a), repair(1), `repair`(1), db.repair(1), insert('abc', 1, 2, 'x') FROM t;
--     ^^^^^^^ error[unexpected-token]: UNICODE is a MySQL keyword and names no function: quote it (`unicode`(…)) to call a function of that name
--                 ^^^^^^ error[unexpected-token]: REPAIR is a MySQL keyword and names no function: quote it (`repair`(…)) to call a function of that name
-- A column has at most three parts: db.table.column.
SELECT d.t.a, d.t.a.b FROM d.t;
--                 ^ error[unexpected-token]: MySQL names a column with at most three parts (`db.table.column`)
-- Without ON, GRANT and REVOKE take roles, and a reserved word names no role.
GRANT SELECT TO bob;
--    ^^^^^^ error[unexpected-token]: SELECT is a privilege, granted ON an object; without ON, MySQL's GRANT grants roles
GRANT admins, reload TO bob;
REVOKE ALL PRIVILEGES, GRANT OPTION FROM bob;
REVOKE ALL FROM bob;
--     ^^^ error[unexpected-token]: ALL is a privilege, granted ON an object; without ON, MySQL's REVOKE revokes roles
REVOKE GRANT OPTION FOR SELECT ON t FROM bob;
--     ^^^^^ error[wrong-dialect]: REVOKE … OPTION FOR is not MySQL syntax; MySQL revokes the grant option as a privilege: REVOKE GRANT OPTION ON … FROM …
-- Session 23: SHOW, each form by its own grammar.
SHOW FULL TABLES FROM d LIKE 't%';
SHOW EXTENDED INDEX FROM t IN d WHERE Key_name = 'PRIMARY';
SHOW CREATE DATABASE IF NOT EXISTS d;
SHOW GRANTS FOR 'u'@'%' USING r;
SHOW PROFILE CPU, BLOCK IO FOR QUERY 2 LIMIT 5;
SHOW BINLOG EVENTS IN 'log.000001' FROM 4 LIMIT 1, 10;
SHOW COUNT(*) WARNINGS;
SHOW INDEX orders;
--         ^^^^^^ error[expected-token]: expected FROM or IN, found 'orders'
SHOW COLUMNS FROM t t;
--                  ^ error[unexpected-token]: unexpected 't'
SHOW TABLES LIKE pattern;
--               ^^^^^^^ error[expected-token]: expected pattern string, found 'pattern'
SHOW CREATE TABLE;
--               ^ error[expected-token]: expected table name, found ';'
-- Table, database and maintenance options.
CREATE TABLE t2 (a INT) ENGINE = RANGE UNION = (t1 t3) INSERT_METHOD = BUCKETS;
--                               ^^^^^ error[unexpected-token]: expected option value, found 'RANGE' (a reserved word: quote it)
--                                                 ^^ error[unexpected-token]: unexpected 't3'
--                                                                     ^^^^^^^ error[unexpected-token]: expected NO, FIRST or LAST, found 'BUCKETS'
ALTER TABLE t RESTART = 1000;
--            ^^^^^^^ error[wrong-dialect]: RESTART as a table option is not MySQL syntax; MySQL has no such table option
CREATE DATABASE d DEFAULT CHARACTER BY SET utf8mb4;
--                                  ^^ error[expected-token]: expected SET, found 'BY'
CHECK TABLE t FOR UPGRADE QUICK;
OPTIMIZE TABLE t t;
--               ^ error[unexpected-token]: unexpected 't'
-- Calls, literals and types.
SELECT f(DISTINCT a), COUNT(DISTINCT a), SUM(ALL a), X'4D' X'4D', N'a' 'b' FROM t WHERE MATCH () AGAINST ('w');
--       ^^^^^^^^ error[unexpected-token]: unexpected DISTINCT: MySQL takes it in COUNT, SUM, AVG, MIN, MAX and GROUP_CONCAT only
--                                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[unexpected-token]: unexpected string literal
CREATE TABLE t (a VARCHAR, b LONG VARCHAR, c VARBINARY(3));
--                       ^ error[expected-token]: expected a length, `(n)`: MySQL's variable-length types need one, found ','
INSERT LOW_PRIORITY LOW_PRIORITY INTO t VALUES (1);
--                  ^^^^^^^^^^^^ error[expected-token]: expected table name, found 'LOW_PRIORITY'
REPLACE IGNORE INTO t VALUES (1);
--      ^^^^^^ error[expected-token]: expected table name, found 'IGNORE'
UPDATE IGNORE IGNORE t SET a = 1;
--            ^^^^^^ error[expected-token]: expected table name, found 'IGNORE'
SELECT 1 FROM dual JOIN t;
--            ^^^^ error[unexpected-token]: DUAL stands alone after FROM (`SELECT 1 FROM DUAL`): it is no table
-- Names: reserved words (ROWS, HOUR_MINUTE, …), character set introducers, system variables.
SELECT rows, hour_minute FROM t;
--     ^^^^ error[expected-token]: expected expression, found 'rows'
--           ^^^^^^^^^^^ error[expected-token]: expected expression, found 'hour_minute'
INSERT INTO t SET _utf8mb4 = 1;
--                ^^^^^^^^ error[expected-token]: expected column name, found '_utf8mb4'
SELECT _utf8mb4'x', _binary X'41', @@`order`, @@session.sql_mode, @@order;
--                                                                ^^^^^^^ error[unexpected-token]: ORDER is a reserved word: quote the variable's name (`order`)
SET NAMES desc;
--        ^^^^ error[unexpected-token]: `desc` is a keyword MySQL does not take as a character set's name: write it in backticks (`desc`)
-- Statement modifiers, accounts, privileges and index options.
CREATE ALGORITHM = MASTER_LOG_POS SQL SECURITY INVOKER VIEW v AS SELECT 1;
--                 ^^^^^^^^^^^^^^ error[expected-token]: expected UNDEFINED, MERGE or TEMPTABLE
ALTER USER change PASSWORD EXPIRE;
--         ^^^^^^ error[unexpected-token]: `change` is a keyword MySQL does not take as an account name: write it in backticks (`change`)
SET GLOBAL TRANSACTION;
--                    ^ error[expected-token]: expected a transaction mode (ISOLATION LEVEL …, READ WRITE, READ ONLY), found ';'
GRANT CREATE TEMPORARY TABLES, LOCK TABLES, SHOW VIEW NOT ON db.* TO u;
--                                                    ^^^ error[expected-token]: expected TO, found 'NOT'
--                                                        ^^^^^^^^^^^^ error[unexpected-token]: unexpected 'ON'
CREATE TABLE t (a INT, KEY KEY i (a), INDEX j (a) USING HASH COMMENT 'x', FULLTEXT KEY k (a) COMMENT);
--                         ^^^ error[expected-token]: expected '(', found 'KEY'
--                                                                                                  ^ error[expected-token]: expected the comment's string, found ')'
-- Functions named with keywords take their grammar's number of arguments.
SELECT REPLACE(a, 'x', 'y'), IF(a, 1, 2), LEFT(a, 2), USER(), DEFAULT(a), WEEK(d, 1), COALESCE(a, b, c) FROM t;
SELECT REPLACE(a), IF(a, 1), USER(1), DEFAULT(), TIMESTAMP(a, b, c) FROM t;
--              ^ error[unexpected-token]: REPLACE(…) takes 3 arguments in MySQL
--                        ^ error[unexpected-token]: IF(…) takes 3 arguments in MySQL
--                                 ^ error[unexpected-token]: USER(…) takes no argument in MySQL
--                                            ^ error[unexpected-token]: DEFAULT(…) takes 1 argument in MySQL
--                                                                ^ error[unexpected-token]: TIMESTAMP(…) takes 1 to 2 arguments in MySQL
-- After `t.` a word is a name, a reserved one too, unless a space comes between.
SELECT t.from, t. from FROM t;
--              ^^^^^^^^^^^^^ error[unexpected-token]: unexpected '.'
-- CAST's SIGNED / UNSIGNED take no more sign words; a column type takes several.
SELECT CAST(a AS UNSIGNED UNSIGNED), CAST(a AS SIGNED INTEGER) FROM t;
--                        ^^^^^^^^ error[expected-token]: expected ')', found 'UNSIGNED'
CREATE TABLE t (a INT UNSIGNED ZEROFILL, b INT(1) USING BTREE, UNIQUE KEY u USING REBUILD (a)) CHARSET = 1000;
--                                                ^^^^^^^^^^^ error[unexpected-token]: unexpected 'USING'
--                                                                                ^^^^^^^ error[expected-token]: expected BTREE or HASH, found 'REBUILD'
--                                                                                                       ^^^^ error[unexpected-token]: expected a character set's name, found 1000
CREATE PROCEDURE p (IN INT, OUT n INT) BEGIN END;
--                     ^^^ error[expected-token]: expected parameter name, found 'INT'
-- MySQL's outer joins need ON or USING; index hints name indexes (only USE takes none).
SELECT 1 FROM a LEFT JOIN b;
--                         ^ error[expected-token]: expected ON or USING, found ';'
SELECT 1 FROM a JOIN b, c NATURAL LEFT JOIN d;
SELECT 1 FROM t USE INDEX (), u FORCE INDEX (), v IGNORE KEY FOR ORDER BY (PRIMARY, i,);
--                                           ^ error[expected-token]: expected index name, found ')'
--                                                                                    ^ error[expected-token]: expected index name, found ')'
-- No IN, BETWEEN, LIKE or REGEXP after an IS test; a JSON path is one string; `_foo` is no introducer.
SELECT a IS NULL = 1, a IS NULL REGEXP 'x', b IS TRUE NOT LIKE 'y' FROM t;
--                              ^^^^^^ error[unexpected-token]: REGEXP cannot follow an IS test in MySQL: add parentheses
--                                                    ^^^ error[unexpected-token]: NOT LIKE cannot follow an IS test in MySQL: add parentheses
SELECT doc->>'$.a' '$.b' AS n FROM t;
--                       ^^^^^^^^^^^ error[unexpected-token]: unexpected 'AS'
SELECT _foo 'x', _utf8mb4 'y' FROM t;
-- FLUSH's options, ROW_FORMAT's and the string-valued table options' values, type arguments.
FLUSH LOCAL PRIVILEGES, BINARY LOGS, TABLES t1 WITH READ LOCK;
FLUSH THREAD_PRIORITY;
--    ^^^^^^^^^^^^^^^ error[expected-token]: expected a flush option (PRIVILEGES, TABLES, LOGS, BINARY LOGS, STATUS, …), found 'THREAD_PRIORITY'
CREATE TABLE t (a DECIMAL(10x, 2), b INT UNSIGNED, c SIGNED) ROW_FORMAT = NONE COMMENT = DEFAULT TYPE = InnoDB;
--                        ^^^ error[expected-token]: expected a number, found '10x'
--                                                   ^^^^^^ error[unexpected-token]: SIGNED alone is no column type in MySQL: write INT SIGNED (or another integer type)
--                                                                        ^^^^ error[unexpected-token]: expected DEFAULT, DYNAMIC, FIXED, COMPRESSED, REDUNDANT or COMPACT, found 'NONE'
--                                                                                       ^^^^^^^ error[unexpected-token]: expected a string, found 'DEFAULT'
--                                                                                               ^^^^ error[wrong-dialect]: TYPE as a table option is not MySQL syntax; MySQL has no such table option
-- Privileges after ON are MySQL's; DELETE's LIMIT is a row count; a system variable is no reserved word.
GRANT SELECT, ASC ON d.* TO u;
--            ^^^ error[unexpected-token]: ASC is no MySQL privilege
DELETE FROM t LIMIT NOT NULL;
--                  ^^^^^^^^ error[wrong-dialect]: an expression in LIMIT is not MySQL syntax; MySQL's LIMIT takes an integer, a `?` placeholder or a routine's variable
SET @@session.sql_notes = OFF, @@join.x = 1;
--                             ^^^^^^^^ error[unexpected-token]: JOIN is a reserved word: quote the variable's name (`join`)
SELECT PASSWORD();
--              ^ error[unexpected-token]: PASSWORD(…) takes 1 argument in MySQL
