/**
 * A rule-based baseline in the spirit of libinjection (own code and rules): lex the
 * input into token classes, fold it into a short fingerprint, and look the fingerprint
 * up among known-bad shapes. The input is tried as it is and as if it started inside a
 * single- or double-quoted string, because that is where user input usually lands.
 * It is the yardstick the learned model must beat, not part of the classifier.
 */

/** The baseline's answer. */
export interface FingerprintVerdict {
  /** True when a fingerprint matched a known-bad shape. */
  readonly injection: boolean;
  /** The fingerprint that matched (or the as-is fingerprint when none did). */
  readonly fingerprint: string;
  /** Which context matched: `none`, `single-quote` or `double-quote`. */
  readonly context: "none" | "single-quote" | "double-quote";
}

const LOGIC = new Set(["and", "or", "xor", "not", "&&", "||"]);
const UNION = new Set(["union", "intersect", "except", "minus"]);
const STATEMENT = new Set(["select", "insert", "update", "delete", "drop", "create", "alter", "exec", "execute", "shutdown", "declare", "waitfor", "truncate", "copy", "load"]);
const KEYWORDS = new Set([
  "from", "where", "into", "values", "set", "order", "by", "group", "having", "limit", "offset", "table", "like", "rlike",
  "regexp", "in", "is", "null", "between", "exists", "as", "case", "when", "then", "else", "end", "join", "on", "all",
  "distinct", "delay", "procedure", "outfile", "dumpfile", "to", "program", "if", "asc", "desc",
]);
const LITERALS = new Set(["true", "false"]);
const DANGEROUS_FUNCTIONS = /^(sleep|pg_sleep|benchmark|randomblob|extractvalue|updatexml|load_file|xp_cmdshell|xp_dirtree|utl_http|utl_inaddr|dbms_pipe|dbms_ldap|char|chr|concat|version|user|database|ascii|substring|substr|mid|length|exp|floor|rand|convert|cast)$/;

/** Lexes into one class character per token; `start` is the quote the input begins inside of, if any. */
function lex(text: string, start: "'" | '"' | undefined): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  const readString = (quote: string) => {
    while (i < n) {
      if (text[i] === "\\") i += 2;
      else if (text[i] === quote && text[i + 1] === quote) i += 2;
      else if (text[i] === quote) {
        i++;
        return;
      } else i++;
    }
  };
  if (start) {
    readString(start);
    out.push("s");
  }
  while (i < n && out.length < 12) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"' || c === "`") {
      i++;
      readString(c);
      out.push(c === "`" ? "b" : "s");
    } else if (text.startsWith("--", i) || c === "#") {
      out.push("c");
      break;
    } else if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      // MySQL runs /*! ... */ as code, so its content is lexed instead of skipped.
      if (text[i + 2] === "!") {
        i += 3;
        while (i < n && /[0-9]/.test(text[i]!)) i++;
        continue;
      }
      if (close < 0) {
        out.push("c");
        break;
      }
      i = close + 2;
    } else if (text.startsWith("*/", i)) {
      i += 2;
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const match = /^(0x[0-9a-f]+|[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?)/i.exec(text.slice(i, i + 64))!;
      i += Math.max(1, match[0].length);
      out.push("n");
    } else if (/[a-z_$@]/i.test(c)) {
      const match = /^@{0,2}[a-z0-9_$.]*/i.exec(text.slice(i, i + 128))!;
      const word = match[0].toLowerCase();
      i += Math.max(1, match[0].length);
      let j = i;
      while (j < n && /\s/.test(text[j]!)) j++;
      if (word.startsWith("@")) out.push("v");
      else if (LOGIC.has(word)) out.push("&");
      else if (UNION.has(word)) out.push("U");
      else if (STATEMENT.has(word)) out.push("E");
      else if (LITERALS.has(word)) out.push("n");
      else if (text[j] === "(" && DANGEROUS_FUNCTIONS.test(word.split(".").pop() ?? "")) out.push("f");
      else if (KEYWORDS.has(word)) out.push("k");
      else if (text[j] === "(") out.push("f");
      else out.push("b");
    } else if (text.startsWith("&&", i) || text.startsWith("||", i)) {
      i += 2;
      out.push("&");
    } else if ("(),;".includes(c)) {
      i++;
      out.push(c);
    } else if ("=<>!+-*/%^|&~".includes(c)) {
      while (i < n && "=<>!+-*/%^|&~".includes(text[i]!) && !text.startsWith("--", i) && !text.startsWith("/*", i)) i++;
      out.push("o");
    } else {
      i++;
      out.push("?");
    }
  }
  // Fold runs of values: 's' 's' and 'n' 'n' say nothing more than one.
  const folded: string[] = [];
  for (const t of out) if (!((t === "s" || t === "n") && folded[folded.length - 1] === t)) folded.push(t);
  return folded.slice(0, 6);
}

// Known-bad shapes, written from how each attack family is built.
const BAD_SHAPES: readonly RegExp[] = [
  /^[sn]\)*&[sn(]/, // ' or 1=1, 1) and (…
  /^[sn]\)*&[sn]o[sn]/, // ' or 'a'='a
  /^[sn]\)*&f\(/, // ' and sleep(…
  /^[sn]\)*&b\(?o/, // ' or x=x
  /^[sn]\)*U/, // ' union …
  /U[Ek(]/, // union select / union all
  /^[sn]\)*;[Ekf]/, // '; drop …
  /^[sn]\)*c/, // admin'--
  /^[sn]\)*o[sfn(]/, // ')-sleep(, '||pg_sleep(
  /^[sn]\)*k[n(bk]/, // 1 order by 5, ' into outfile
  /^f\(/, // sleep(5)
  /^E.*\bf\(/, // select … sleep(
  /^[sn]\)*&&/, // or not …
  /^[sn]\)*&v/, // ' or @@version
];

/**
 * Classifies by fingerprint. Fast and transparent, but blind to anything its rules
 * do not spell out, and it flags benign text whose shape matches (`1 OR 2 apples`).
 */
export function detectByFingerprint(input: string): FingerprintVerdict {
  const text = String(input).slice(0, 4096);
  let asIs = "";
  for (const [context, start] of [["none", undefined], ["single-quote", "'"], ["double-quote", '"']] as const) {
    // A quote context only makes sense if the input contains that quote (it must break out).
    if (start && !text.includes(start)) continue;
    const fingerprint = lex(text, start).join("");
    if (context === "none") asIs = fingerprint;
    if (BAD_SHAPES.some((shape) => shape.test(fingerprint))) return { injection: true, fingerprint, context };
  }
  return { injection: false, fingerprint: asIs, context: "none" };
}
