SELECT 1 ^ 2 # 3 \ 4;
--               ^ error[unknown-client-command]: expected a psql meta-command name after `\`
SELECT "unterminated
--     ^^^^^^^^^^^^^ error[unterminated-quoted-identifier]: unterminated quoted identifier
