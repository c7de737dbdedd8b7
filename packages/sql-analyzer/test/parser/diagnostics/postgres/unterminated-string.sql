SELECT 1;
SELECT 'abc;
--     ^^^^^ error[unterminated-string]: unterminated string literal
SELECT 2;
