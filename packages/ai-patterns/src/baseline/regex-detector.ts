// The kind of detector people write in an afternoon: a few regexes over the raw text.
const PATTERNS: readonly RegExp[] = [
  /'\s*(or|and)\s+['"\d]/i,
  /\bor\s+\d+\s*=\s*\d+/i,
  /\bunion\b[\s\S]*\bselect\b/i,
  /;\s*(drop|delete|insert|update|exec|shutdown)\b/i,
  /\b(sleep|benchmark|pg_sleep)\s*\(/i,
  /\bwaitfor\s+delay\b/i,
  /'\s*(--|#|\/\*)/,
  /\b(extractvalue|updatexml|load_file|xp_cmdshell|information_schema)\b/i,
];

/**
 * A plain regular-expression detector, the simplest peer for the benchmark and the
 * evaluation. True when any pattern matches.
 */
export function detectByRegex(input: string): boolean {
  const text = String(input);
  return PATTERNS.some((pattern) => pattern.test(text));
}
