CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT FROM WHERE $$;
--                                                             ^^^^^ error[expected-token]: expected table name, found 'WHERE'
CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE t SET = 1;
--             ^ error[expected-token]: expected column name, found '='
END $$;
