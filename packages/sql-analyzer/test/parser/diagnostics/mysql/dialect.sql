INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE;
--                                              ^ error[expected-token]: expected column name, found ';'
SELECT * FROM t LIMIT 1,;
--                      ^ error[expected-token]: expected expression, found ';'
SELECT 1 # comment
;
