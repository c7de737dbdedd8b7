SELECT `id` FROM t LIMIT 10, 20;
--     ^^^^ error[wrong-dialect]: backtick-quoted identifiers are not PostgreSQL syntax; use double quotes
--                         ^ error[wrong-dialect]: LIMIT offset, count is not PostgreSQL syntax; use LIMIT count OFFSET offset
SELECT a FROM t WHERE name REGEXP '^x';
--                         ^^^^^^ error[wrong-dialect]: REGEXP is not PostgreSQL syntax; use the ~ operator
INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2;
--                           ^^ error[wrong-dialect]: ON DUPLICATE KEY UPDATE is not PostgreSQL syntax; use ON CONFLICT (…) DO UPDATE
