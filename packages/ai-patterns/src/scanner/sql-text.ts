/** Statements start with one of these words. */
const LEADING_SQL = /^\s*\(?\s*(?:select|insert|update|delete|with|create|drop|alter|truncate|replace|merge|upsert|pragma|explain|call|exec|execute|begin|commit|rollback|set|show|grant|revoke|vacuum|analyze|copy|lock|declare|savepoint|release)\b/i;
/** Fragments (`where` clauses, `order` expressions) contain a SQL word or a comparison. */
const SQL_FRAGMENT = /\b(?:select|from|where|and|or|not|order\s+by|group\s+by|values|join|limit|like|ilike|in|is|null|asc|desc|between|exists|count|sum|lower|upper)\b|[=<>]/i;

/**
 * A complete statement shape, stricter than `startsLikeSql`: what a string must look like
 * to be taken as SQL when nothing else (a database receiver) says so. "Select a user"
 * starts like SQL; "SELECT id FROM users" is a statement.
 */
const STATEMENT =
  /^\s*\(?\s*(?:select\s+(?:(?:distinct|all|top\s+\d+)\s+)?(?:[\w"`.*[\]]+(?:\s+as\s+[\w"`]+)?\s*(?:,|\bfrom\b)|\w+\s*\(|\d|\*|@@|'|\$\d|\?)|insert\s+(?:or\s+\w+\s+|ignore\s+)?into\b|update\s+[\w".`[\]]+\s+set\b|delete\s+from\b|(?:create|drop|alter)\s+(?:(?:or\s+replace|temp(?:orary)?|unique|virtual|if\s+(?:not\s+)?exists)\s+)*(?:table|index|view|trigger|schema|database|sequence|function|procedure|type|extension)\b|with\s+(?:recursive\s+)?\w+(?:\s*\([^)]*\))?\s+as\s*\(|truncate\b|pragma\b|explain\b|(?:begin|commit|rollback|start\s+transaction)\s*(?:;|$|transaction\b|work\b)|vacuum\b|replace\s+into\b|merge\s+into\b|call\s+\w+\s*\(|set\s+(?:session\s+|local\s+)?\w+\s*(?:=|to\b)|show\s+(?:tables|databases|schemas|columns|fields|index|indexes|keys|create|variables|status|processlist|grants|full|engines|warnings|errors|triggers|search_path|transaction|timezone|all)\b|grant\b|revoke\b)/i;

/** True when text is shaped like a whole SQL statement (see `STATEMENT`). */
export function looksLikeStatement(text: string): boolean {
  return STATEMENT.test(text);
}

/** True when text reads like SQL or a SQL fragment (a condition, an ordering). */
export function containsSql(text: string): boolean {
  return LEADING_SQL.test(text) || SQL_FRAGMENT.test(text);
}
