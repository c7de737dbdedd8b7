-- SQLite rejects these: a trigger body's statements each end with ';', and a string after a
-- name is an alias, which a value inside a row cannot have.
CREATE TRIGGER t1 BEFORE INSERT ON users BEGIN SELECT 1 END;
--                                                      ^^^ error[expected-token]: expected ';', found 'END'
SELECT (datetime 'now', '-1 day');
--               ^^^^^ error[expected-token]: expected ')', found string literal
--                              ^ error[unmatched-paren]: unmatched ')'
SELECT datetime 'now';
