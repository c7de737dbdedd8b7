// The comparison point for the scanner bench: a plain line-by-line regex scanner of the
// kind many linters ship. It flags a line when a database-looking call receives string
// building (concatenation, interpolation, formatting). It cannot follow variables or
// tell parameterized calls from spliced ones beyond the same line.

const SINK = /\b(?:query|execute|exec|executeQuery|executeUpdate|prepareStatement|raw|\$queryRawUnsafe|Query|Exec|QueryRow|find_by_sql|where|mysqli_query)\s*\(/;
const BUILDING = /(?:["'`]\s*(?:\+|\.)\s*[\w$]|[\w)\]]\s*(?:\+|\.)\s*["'`]|\$\{|#\{|\bf["']|%\s*\(?[\w$]|\.format\(|sprintf\(|Sprintf\()/;

/** Returns the 1-based line numbers the regex scanner flags in `text`. */
export function regexScan(text) {
  const flagged = [];
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const current = end < 0 ? text.slice(start) : text.slice(start, end);
    if (SINK.test(current) && BUILDING.test(current)) flagged.push(line);
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return flagged;
}
