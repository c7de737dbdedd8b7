SELECT `unterminated FROM t;
--     ^^^^^^^^^^^^^^^^^^^^^ error[unterminated-quoted-identifier]: unterminated quoted identifier
