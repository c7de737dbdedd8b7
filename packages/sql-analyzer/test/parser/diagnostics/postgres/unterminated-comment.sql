SELECT 1; /* never closed
--        ^^^^^^^^^^^^^^^ error[unterminated-block-comment]: unterminated block comment
SELECT 2;
