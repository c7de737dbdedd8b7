-- Errors in MySQL's replication and server administration statements: each has one mistake,
-- reported where the grammar parts with the text, and the next statement parses clean.
START REPLICA FOO;
--            ^^^ error[unexpected-token]: unexpected 'FOO'
START REPLICA IO_THREAD,;
--                      ^ error[expected-token]: expected IO_THREAD or SQL_THREAD, found ';'
START REPLICA UNTIL SOURCE_LOG_POS = 'x';
--                                   ^^^ error[expected-token]: expected log position (a number), found string literal
START REPLICA PASSWORD = 'p' USER = 'u';
--                           ^^^^^^^^^^ error[unexpected-token]: unexpected 'USER'
STOP REPLICA UNTIL SQL_AFTER_MTS_GAPS;
--           ^^^^^^^^^^^^^^^^^^^^^^^^ error[unexpected-token]: unexpected 'UNTIL'
START GROUP_REPLICATION PLUGIN_DIR = 'x';
--                      ^^^^^^^^^^ error[expected-token]: expected USER, PASSWORD or DEFAULT_AUTH, found 'PLUGIN_DIR'
RESET REPLICA SOME;
--            ^^^^ error[unexpected-token]: unexpected 'SOME'
RESET QUERY CACHE;
--    ^^^^^ error[expected-token]: expected REPLICA, SLAVE, MASTER, BINARY LOGS AND GTIDS or PERSIST, found 'QUERY'
RESET BINARY LOGS;
--               ^ error[expected-token]: expected AND, found ';'
ALTER INSTANCE;
--            ^ error[expected-token]: expected ROTATE, RELOAD, ENABLE or DISABLE, found ';'
ALTER INSTANCE ROTATE MASTER KEY;
--                    ^^^^^^ error[expected-token]: expected INNODB or BINLOG, found 'MASTER'
ALTER INSTANCE RELOAD TLS NO ROLLBACK;
--                                   ^ error[expected-token]: expected ON, found ';'
CREATE SERVER s OPTIONS (USER 'r');
--              ^^^^^^^ error[expected-token]: expected FOREIGN, found 'OPTIONS'
CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (USER = 'r');
--                                                       ^ error[expected-token]: expected string literal, found '='
CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (COLOR 'red');
--                                                  ^^^^^ error[expected-token]: expected HOST, DATABASE, USER, PASSWORD, SOCKET, OWNER or PORT, found 'COLOR'
ALTER SERVER s;
--            ^ error[expected-token]: expected OPTIONS, found ';'
ALTER TABLESPACE ts;
--                 ^ error[expected-token]: expected RENAME TO, ADD DATAFILE, DROP DATAFILE or a tablespace option, found ';'
ALTER TABLESPACE ts SET INACTIVE;
--                  ^^^ error[expected-token]: expected RENAME TO, ADD DATAFILE, DROP DATAFILE or a tablespace option, found 'SET'
ALTER UNDO TABLESPACE u RENAME TO v;
--                      ^^^^^^ error[expected-token]: expected SET, found 'RENAME'
DROP TABLESPACE ts ENCRYPTION = 'Y';
--                 ^^^^^^^^^^^^^^^^ error[unexpected-token]: unexpected 'ENCRYPTION'
CLONE LOCAL DIRECTORY = '/x';
--          ^^^^^^^^^ error[expected-token]: expected DATA, found 'DIRECTORY'
CLONE INSTANCE FROM 'u'@'h' IDENTIFIED BY 'p';
--                          ^^^^^^^^^^ error[expected-token]: expected ':' and the donor's port, found 'IDENTIFIED'
CREATE RESOURCE GROUP rg VCPU = 1;
--                       ^^^^ error[expected-token]: expected TYPE, found 'VCPU'
CREATE RESOURCE GROUP rg TYPE = GUEST;
--                              ^^^^^ error[expected-token]: expected SYSTEM or USER, found 'GUEST'
ALTER RESOURCE GROUP rg TYPE = USER;
--                      ^^^^^^^^^^^ error[unexpected-token]: unexpected 'TYPE'
SET RESOURCE GROUP rg FOR a;
--                        ^ error[expected-token]: expected thread id (a number), found 'a'
RESTART NOW;
--      ^^^ error[unexpected-token]: unexpected 'NOW'
IMPORT TABLE '/x.sdi';
--           ^^^^^^^^ error[expected-token]: expected FROM, found string literal
CREATE SPATIAL REFERENCE SYSTEM 4120 NAME 'x';
--                                           ^ error[expected-token]: expected DEFINITION, found ';'
CREATE SPATIAL REFERENCE SYSTEM 4120 NAME 'x' NAME 'y' DEFINITION 'd';
--                                            ^^^^ error[unexpected-token]: NAME is given twice
CREATE OR REPLACE SPATIAL REFERENCE SYSTEM IF NOT EXISTS 1 NAME 'x' DEFINITION 'd';
--                                         ^^ error[unexpected-token]: OR REPLACE and IF NOT EXISTS cannot be combined
DROP SPATIAL REFERENCE SYSTEM x;
--                            ^ error[expected-token]: expected spatial reference system id (a number), found 'x'
