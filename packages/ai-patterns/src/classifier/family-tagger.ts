import type { AttackFamily } from "../corpus/attack-templates.js";

// Checked in order: the first family whose marker tokens appear wins, from the most
// specific mechanism (out-of-band, delays, errors) to the most generic (tautologies).
const RULES: ReadonlyArray<{ family: AttackFamily; test: (pieces: readonly string[], joined: string) => boolean }> = [
  {
    family: "out-of-band",
    test: (p, j) => /\b(load_file|outfile|dumpfile|xp_dirtree|xp_fileexist|utl_http|dbms_ldap|httpuritype|lo_export)\b/.test(j) || (p.includes("program") && p.includes("copy")),
  },
  { family: "time-blind", test: (_, j) => /\b(sleep|pg_sleep|benchmark|waitfor|randomblob|receive_message)\b/.test(j) },
  { family: "error-based", test: (_, j) => /\b(extractvalue|updatexml|convert|cast|exp|geometrycollection|polygon|multipoint|get_host_name|drithsx)\b/.test(j) || /floor \( rand/.test(j) },
  { family: "union-based", test: (_, j) => /\bunion\b.*\bselect\b/.test(j) || /\border by 0\b/.test(j) },
  { family: "stacked-queries", test: (_, j) => /; (drop|insert|update|delete|exec|execute|shutdown|truncate|alter|create|declare|select)\b/.test(j) },
  { family: "boolean-blind", test: (_, j) => /\b(and|&&) /.test(j) && /\b(substring|substr|mid|ascii|length|count|exists|if)\b|\b0 = 0\b|' = '/.test(j) },
  { family: "tautology", test: (_, j) => /(\bor\b|\|\|) /.test(j) },
  { family: "comment-truncation", test: (p) => p.some((x) => x === "--" || x === "#" || x === "/*") },
];

/**
 * Suggests the attack family from the normalized token pieces. This is a rule-based
 * tagger over the model's tokens, not a learned output: the model decides *whether*,
 * the tagger says *which kind*. Returns undefined when no rule matches.
 */
export function tagFamily(pieces: readonly string[]): AttackFamily | undefined {
  const joined = pieces.join(" ");
  for (const rule of RULES) if (rule.test(pieces, joined)) return rule.family;
  return undefined;
}
