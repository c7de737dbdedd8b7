-- SQLite rejects these: a trigger body's statements each end with ';' (without one, END after
-- `SELECT 1` is its alias, and the body's END is missing), and a string after a name is an
-- alias, which a value inside a row cannot have.
CREATE TRIGGER t1 BEFORE INSERT ON users BEGIN SELECT 1 END;
--                                                         ^ error[expected-token]: expected END, found end of statement
SELECT (datetime 'now', '-1 day');
--               ^^^^^ error[expected-token]: expected ')', found string literal
--                              ^ error[unmatched-paren]: unmatched ')'
SELECT datetime 'now';
