SELECT a::int FROM t WHERE b ILIKE 'x%';
--      ^^ error[wrong-dialect]: '::' is not MySQL syntax; use CAST(… AS …)
--                           ^^^^^ error[wrong-dialect]: ILIKE is not MySQL syntax; use LOWER(a) LIKE LOWER(b)
INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING;
--                           ^^ error[wrong-dialect]: ON CONFLICT is not MySQL syntax; use ON DUPLICATE KEY UPDATE
DELIMITER $$
BEGIN NOT ATOMIC
^^^^^^^^^^^^^^^^ error[wrong-dialect]: BEGIN NOT ATOMIC is MariaDB syntax, not MySQL's: MySQL runs compound statements only inside stored programs
  DECLARE x INT DEFAULT 1;
  IF x > 0 THEN SELECT x; END IF;
END$$
DELIMITER ;
