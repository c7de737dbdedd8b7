CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1;
--                                 ^^^^^^^^^^^^^^^^ error[unterminated-dollar-quote]: unterminated dollar-quoted string
SELECT 2;
