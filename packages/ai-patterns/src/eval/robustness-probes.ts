import type { Probe } from "./probe.js";

/**
 * Hand-written obfuscation probes (not from any payload list) for the robustness table:
 * each is a known trick to slip past detectors, plus benign look-alikes.
 */
export const ROBUSTNESS_PROBES: readonly Probe[] = [
  { text: "1 or true", label: 1, trick: "unquoted tautology" },
  { text: "0 OR NOT FALSE", label: 1, trick: "unquoted tautology" },
  { text: ")-sleep(9999", label: 1, trick: "arithmetic time delay" },
  { text: "1)-sleep(9999", label: 1, trick: "arithmetic time delay" },
  { text: "'+sleep(10)+'", label: 1, trick: "arithmetic time delay" },
  { text: "SEL/**/ECT password FR/**/OM users", label: 1, trick: "comment-split keywords" },
  { text: "1 UN/**/ION SEL/**/ECT 1,2,3", label: 1, trick: "comment-split keywords" },
  { text: "admin'/**/or/**/1=1#", label: 1, trick: "comments as spaces" },
  { text: "1/*!50000union*/ /*!50000select*/ 1,2", label: 1, trick: "MySQL versioned comments" },
  { text: "%27%20OR%20%271%27%3D%271", label: 1, trick: "URL encoding" },
  { text: "%2527%2520or%25201%253D1--", label: 1, trick: "double URL encoding" },
  { text: "' or username=0x61646d696e--", label: 1, trick: "hex literal" },
  { text: "' or username=char(97,100,109,105,110)--", label: 1, trick: "char() encoding" },
  { text: "＇ ｏｒ １＝１－－", label: 1, trick: "fullwidth unicode" },
  { text: "' AnD sLeEp(5)#", label: 1, trick: "case mixing" },
  { text: "1\tor\n1=1", label: 1, trick: "whitespace tricks" },
  { text: "1+or+1=1", label: 1, trick: "plus as space" },
  { text: "'||(select pg_sleep(10))||'", label: 1, trick: "concatenation" },
  { text: "1;waitfor delay '0:0:5'--", label: 1, trick: "stacked delay" },
  { text: "O'Brien", label: 0, trick: "benign apostrophe" },
  { text: "1 OR 2 apples", label: 0, trick: "benign OR" },
  { text: "12345||12345", label: 0, trick: "benign pipes" },
  { text: "!@#", label: 0, trick: "benign punctuation" },
  { text: "don't -- stop", label: 0, trick: "benign dashes" },
  { text: "SELECT * FROM users WHERE id = $1 OR email = $2", label: 0, trick: "benign SQL with OR" },
  { text: "{\"note\": \"b' or c\"}", label: 0, trick: "benign JSON with quote" },
];
