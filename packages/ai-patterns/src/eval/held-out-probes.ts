import type { Probe } from "./probe.js";

/**
 * A second set of hand-written probes, written in the robustness round BEFORE any
 * change was tuned, and never used to choose one: the same tricks as the three probes
 * that round set out to fix (`1 or true`, `1+or+1=1`, `SEL/**\/ECT … FR/**\/OM …`) and the
 * stacked-script false positive, in other words, plus benign look-alikes of each fix
 * (form-encoded prose with `or`/`and`, code with comments between words, scripts of
 * repeated statements). They show whether a fix generalises beyond the strings it was
 * made for; the evaluation prints them as a table of their own.
 */
export const HELD_OUT_PROBES: readonly Probe[] = [
  // Boolean literals as the truthy (or falsy) operand.
  { text: "5 OR TRUE", label: 1, trick: "boolean literal after OR" },
  { text: "1) or true--", label: 1, trick: "boolean literal after OR" },
  { text: "x' or true or '", label: 1, trick: "boolean literal after OR (quoted)" },
  { text: "abc\" OR TRUE #", label: 1, trick: "boolean literal after OR (double quote)" },
  { text: "1 AnD fAlSe", label: 1, trick: "boolean literal after AND (blind)" },
  { text: "-1 or not false", label: 1, trick: "boolean literal after OR" },
  { text: "1%20OR%20TRUE", label: 1, trick: "boolean literal, URL-encoded" },
  // `+` for spaces.
  { text: "1+and+1=2", label: 1, trick: "plus as space (blind)" },
  { text: "-1+union+select+null,null--", label: 1, trick: "plus as space (UNION)" },
  { text: "'+or+'a'='a", label: 1, trick: "plus as space (quoted)" },
  { text: "1+or+true", label: 1, trick: "plus as space + boolean literal" },
  { text: "9;+drop+table+users--", label: 1, trick: "plus as space (stacked)" },
  // Keywords split by comments.
  { text: "UNI/**/ON ALL SEL/**/ECT name, pass FROM users", label: 1, trick: "comment-split keywords" },
  { text: "1 AND SLE/**/EP(5)", label: 1, trick: "comment-split function" },
  { text: "' UN/**/ION SEL/**/ECT null--", label: 1, trick: "comment-split keywords (quoted)" },
  { text: "DR/**/OP TABLE accounts", label: 1, trick: "comment-split statement" },
  { text: "UPD/*x*/ATE users SET role='admin'", label: 1, trick: "comment-split statement (non-empty comment)" },
  { text: "1;DEL/**/ETE FROM users", label: 1, trick: "comment-split stacked statement" },
  // Stacked statements after a value must stay attacks.
  { text: "77; DELETE FROM t WHERE id = 78", label: 1, trick: "stacked query after a value" },
  { text: "5; UPDATE users SET is_admin = 1;", label: 1, trick: "stacked query after a value, ended by ;" },
  { text: "1'; DELETE FROM orders WHERE id = 78;--", label: 1, trick: "stacked query after a quote" },
  // Benign look-alikes.
  { text: "DELETE FROM orders WHERE id = 12; DELETE FROM orders WHERE id = 13;", label: 0, trick: "benign script: repeated DELETE" },
  { text: "UPDATE stock SET qty = 4 WHERE sku = 'A1'; UPDATE stock SET qty = 9 WHERE sku = 'B2';", label: 0, trick: "benign script: repeated UPDATE" },
  { text: "INSERT INTO tags (name) VALUES ('x'); INSERT INTO tags (name) VALUES ('y');", label: 0, trick: "benign script: repeated INSERT" },
  { text: "DELETE FROM sessions WHERE user_id = 5; DELETE FROM users WHERE id = 5", label: 0, trick: "benign script, last ; missing" },
  { text: "salt+and+pepper", label: 0, trick: "form-encoded prose with and" },
  { text: "rock+or+roll", label: 0, trick: "form-encoded prose with or" },
  { text: "cheap+flights+or+trains+to+rome", label: 0, trick: "form-encoded search" },
  { text: "c++ or java", label: 0, trick: "benign pluses and or" },
  { text: "to be or not to be", label: 0, trick: "prose with or not" },
  { text: "Is it true or false?", label: 0, trick: "prose with boolean words" },
  { text: "true", label: 0, trick: "a boolean value" },
  { text: "1 OR 5 bottles", label: 0, trick: "benign OR" },
  { text: "a || b", label: 0, trick: "code with ||" },
  { text: "const n = a/*first*/ + b;", label: 0, trick: "code with an inline comment" },
  { text: "width/*px*/: 100", label: 0, trick: "CSS-like comment between words" },
  { text: "SELECT id FROM t /* fetch */ WHERE x = 1", label: 0, trick: "benign SQL with a comment" },
  { text: "2+2=4", label: 0, trick: "arithmetic with pluses" },
];
