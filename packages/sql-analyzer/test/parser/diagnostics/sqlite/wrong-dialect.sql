SELECT a::text FROM t;
--      ^^ error[wrong-dialect]: '::' is not SQLite syntax; use CAST(… AS …)
INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2;
--                           ^^ error[wrong-dialect]: ON DUPLICATE KEY UPDATE is not SQLite syntax; use ON CONFLICT (…) DO UPDATE
