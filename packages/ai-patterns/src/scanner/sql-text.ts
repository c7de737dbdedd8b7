/** Statements start with one of these words. */
const LEADING_SQL = /^\s*\(?\s*(?:select|insert|update|delete|with|create|drop|alter|truncate|replace|merge|upsert|pragma|explain|call|exec|execute|begin|commit|rollback|set|show|grant|revoke|vacuum|analyze|copy|lock|declare)\b/i;
/** Fragments (`where` clauses, `order` expressions) contain a SQL word or a comparison. */
const SQL_FRAGMENT = /\b(?:select|from|where|and|or|not|order\s+by|group\s+by|values|join|limit|like|ilike|in|is|null|asc|desc|between|exists|count|sum|lower|upper)\b|[=<>]/i;

/** True when text starts like a SQL statement. */
export function startsLikeSql(text: string): boolean {
  return LEADING_SQL.test(text);
}

/** True when text reads like SQL or a SQL fragment (a condition, an ordering). */
export function containsSql(text: string): boolean {
  return LEADING_SQL.test(text) || SQL_FRAGMENT.test(text);
}
