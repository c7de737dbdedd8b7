DESCRIBE t;
^^^^^^^^^^ info[unsupported-statement]: this statement is not supported by the parser yet
FLUSH PRIVILEGES;
^^^^^^^^^^^^^^^^ info[unsupported-statement]: this statement is not supported by the parser yet
ALTER FUNCTION f(int) IMMUTABLE WHATEVER;
--                              ^^^^^^^^ info[unsupported-statement]: this form of the statement is not supported by the parser yet
SELECT 1;
