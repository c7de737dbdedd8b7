SELECT 1 ^ 2 # 3 \ 4;
--               ^ error[invalid-character]: unexpected character '\'
SELECT "unterminated
--     ^^^^^^^^^^^^^ error[unterminated-quoted-identifier]: unterminated quoted identifier
