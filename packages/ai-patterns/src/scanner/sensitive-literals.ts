/** A secret or personal datum found in text. */
export interface SensitiveMatch {
  /** Offset in the scanned text. */
  start: number;
  /** Offset just past the match. */
  end: number;
  /** What it looks like. */
  kind: "api-key" | "private-key" | "card-number" | "email" | "high-entropy";
  /** Short description for the message (never the secret itself). */
  label: string;
}

const KEY_PATTERNS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /\b[sprk]k_(?:live|test)_[A-Za-z0-9]{10,}\b/g, label: "a Stripe API key" },
  { pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, label: "an AWS access key id" },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, label: "a GitHub token" },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g, label: "a GitHub token" },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, label: "a Slack token" },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, label: "a Google API key" },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g, label: "a GitLab token" },
  { pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g, label: "an API secret key" },
  { pattern: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, label: "a JSON Web Token" },
];
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g;
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])/g;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const QUOTED = /'((?:[^']|'')*)'/g;
const TOKEN = /[A-Za-z0-9+/=_-]{20,}/g;

/** True when a digit string passes the Luhn checksum used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Finds literals that look like secrets or personal data in SQL text: API keys with known
 * prefixes, private keys, card numbers that pass the Luhn check, e-mail addresses, and
 * long high-entropy tokens inside quoted SQL strings.
 */
export function findSensitiveLiterals(sql: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  for (const { pattern, label } of KEY_PATTERNS) {
    for (const m of sql.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, kind: "api-key", label });
  }
  for (const m of sql.matchAll(PRIVATE_KEY)) found.push({ start: m.index, end: m.index + m[0].length, kind: "private-key", label: "a private key" });
  for (const m of sql.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, "");
    if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits) || !luhnValid(digits)) continue;
    if (!taken(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, kind: "card-number", label: "a payment card number" });
  }
  for (const m of sql.matchAll(EMAIL)) {
    if (!taken(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, kind: "email", label: "an e-mail address" });
  }
  for (const quoted of sql.matchAll(QUOTED)) {
    const body = quoted[1] ?? "";
    const bodyStart = quoted.index + 1;
    for (const m of body.matchAll(TOKEN)) {
      const token = m[0];
      const start = bodyStart + m.index;
      if (taken(start, start + token.length)) continue;
      if (!/[A-Za-z]/.test(token) || !/\d/.test(token) || shannonEntropy(token) < 4.2) continue;
      found.push({ start, end: start + token.length, kind: "high-entropy", label: "a high-entropy secret" });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
