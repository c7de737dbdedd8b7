CREATE AGGREGATE myagg (int) (SFUNC = f, STYPE = int);
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[unsupported-statement]: this statement is not supported by the parser yet
SECURITY LABEL ON TABLE t IS 'x';
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[unsupported-statement]: this statement is not supported by the parser yet
ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 100;
--            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[unsupported-statement]: this form of the statement is not supported by the parser yet
SELECT 1;
