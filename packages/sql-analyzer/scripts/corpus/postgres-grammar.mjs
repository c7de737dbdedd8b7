// Template grammar for generated PostgreSQL statements. Every generator returns one
// statement (no trailing semicolon) that the real PostgreSQL raw parser should accept;
// the generate script checks that with libpg-query and reports any miss.
// Names are made up; nothing here is taken from a public corpus.

import { words } from "./random.mjs";

const TABLES = ["users", "orders", "order_items", "products", "accounts", "events", "invoices", "sessions", "audit_log", "inventory"];
const QUALIFIED = ["public.users", "app.orders", "billing.invoices", "analytics.events", '"Mixed Case"', '"order"'];
const COLUMNS = ["id", "name", "email", "created_at", "amount", "status", "user_id", "order_id", "price", "qty", "total", "note", "updated_at", "score", "region", "kind"];
const JSON_COLS = ["payload", "data", "meta", "attrs"];
const ARRAY_COLS = ["tags", "scores", "labels"];
const ALIASES = ["t", "u", "o", "p", "a", "e", "x", "y", "s", "sub"];
const TYPES = ["int", "integer", "bigint", "smallint", "text", "varchar(255)", "character varying(40)", "char(3)", "numeric(12, 2)", "decimal", "real", "double precision", "boolean", "bool", "date", "time", "timestamp", "timestamptz", "timestamp with time zone", "timestamp(3) without time zone", "interval", "uuid", "jsonb", "json", "bytea", "inet", "text[]", "int[]", "integer[][]", "bit(8)", "varbit", "money", "tsvector", "serial", "bigserial", "interval day to second"];
const CAST_TYPES = ["int", "bigint", "text", "numeric", "numeric(10, 2)", "date", "timestamptz", "jsonb", "boolean", "float8", "uuid", "text[]", "regclass", "interval", "varchar(20)", "double precision"];
const FUNCS1 = ["lower", "upper", "length", "abs", "trim", "md5", "btrim", "sqrt", "floor", "ceil", "round", "char_length", "to_char", "date_trunc"];
const AGGS = ["count", "sum", "avg", "min", "max", "bool_and", "bool_or", "array_agg", "string_agg", "jsonb_agg", "every", "stddev"];
const ORDERED_SET = ["percentile_cont", "percentile_disc", "mode", "rank", "dense_rank"];
const WINDOW_FUNCS = ["row_number()", "rank()", "dense_rank()", "percent_rank()", "cume_dist()", "ntile(4)", "lag(amount)", "lead(amount, 2, 0)", "first_value(name)", "last_value(name)", "nth_value(price, 2)", "sum(amount)", "count(*)", "avg(price)"];
const CMP = ["=", "<>", "!=", "<", "<=", ">", ">="];
const ARITH = ["+", "-", "*", "/", "%", "^"];
const STRINGS = ["'active'", "'it''s'", "''", "'a%'", "'2024-01-01'", "E'line\\nbreak'", "E'tab\\there'", "U&'d\\0061t\\+000061'", "'{}'", "'{\"a\": 1}'", "B'1010'", "X'1F'", "$$dollar body$$", "$q$it's quoted$q$", "'multi\nline'", "'naïve café'", "N'national'"];
const SCHEMAS = ["app", "billing", "analytics", "staging", "reporting"];
const ROLES = ["app_user", "readonly", "admin", "reporter", "PUBLIC", "CURRENT_USER", '"Ops Team"'];

/** Builds the PostgreSQL generators over one seeded random source. */
export function postgresGrammar(rnd) {
  const r = rnd;
  const table = () => r.pick(r.chance(0.8) ? TABLES : QUALIFIED);
  const col = () => r.pick(COLUMNS);
  const alias = () => r.pick(ALIASES);
  const qcol = () => (r.chance(0.4) ? `${alias()}.${col()}` : r.chance(0.05) ? `"${col()} x"` : col());
  const num = () => r.pick([String(r.int(0, 1000)), `${r.int(0, 99)}.${r.int(0, 99)}`, "1e3", "2.5E-3", ".5", "0", "-1", "1_000_000", "0x1F"]);
  const str = () => r.pick(STRINGS);
  const param = () => `$${r.int(1, 9)}`;
  const castType = () => r.pick(CAST_TYPES);

  function literal() {
    return r.pick([
      num, str, str, () => "NULL", () => "TRUE", () => "FALSE", param,
      () => `INTERVAL '${r.int(1, 30)} days'`, () => "DATE '2024-02-29'", () => "TIMESTAMP '2024-01-01 10:00:00'",
      () => "TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+02'", () => "CURRENT_DATE", () => "CURRENT_TIMESTAMP", () => "LOCALTIME",
      () => `ARRAY[${r.list(1, 4, num)}]`, () => "ARRAY[]::int[]", () => `'${r.int(1, 9)}'::${castType()}`,
    ])();
  }

  function expr(depth = 0) {
    if (depth > 2) return r.chance(0.5) ? qcol() : literal();
    const d = depth + 1;
    return r.pick([
      qcol, qcol, literal, literal,
      () => `${expr(d)} ${r.pick(ARITH)} ${expr(d)}`,
      () => `${expr(d)} || ${expr(d)}`,
      () => `-${qcol()}`,
      () => `(${expr(d)})`,
      () => `${r.pick(FUNCS1)}(${expr(d)})`,
      () => `coalesce(${expr(d)}, ${literal()})`,
      () => `nullif(${qcol()}, ${literal()})`,
      () => `greatest(${expr(d)}, ${expr(d)})`,
      () => `CAST(${expr(d)} AS ${castType()})`,
      () => `${qcol()}::${castType()}`,
      () => `${r.pick(JSON_COLS)}->'${col()}'`,
      () => `${r.pick(JSON_COLS)}->>'${col()}'`,
      () => `${r.pick(JSON_COLS)} #> '{a,b}'`,
      () => `${r.pick(JSON_COLS)} #>> '{a,0}'`,
      () => `${r.pick(JSON_COLS)}->${r.int(0, 3)}`,
      () => `${r.pick(ARRAY_COLS)}[${r.int(1, 3)}]`,
      () => `${r.pick(ARRAY_COLS)}[1:${r.int(2, 4)}]`,
      () => `(${r.pick(ARRAY_COLS)})[1]`,
      () => caseExpr(d),
      () => `EXTRACT(${r.pick(["YEAR", "MONTH", "DAY", "EPOCH", "HOUR"])} FROM ${qcol()})`,
      () => `substring(${qcol()} FROM ${r.int(1, 5)} FOR ${r.int(1, 5)})`,
      () => `position('x' IN ${qcol()})`,
      () => `trim(${r.pick(["BOTH", "LEADING", "TRAILING"])} ' ' FROM ${qcol()})`,
      () => `overlay(${qcol()} PLACING 'ab' FROM 2 FOR 3)`,
      () => `${qcol()} COLLATE "C"`,
      () => `ROW(${r.list(2, 3, () => expr(d))})`,
      () => `(${scalarSubquery()})`,
      () => `now() - INTERVAL '1 hour'`,
      () => `${qcol()} AT TIME ZONE 'UTC'`,
      () => `ARRAY(SELECT ${col()} FROM ${table()})`,
      () => `format('%s-%s', ${qcol()}, ${qcol()})`,
      () => `make_interval(days => ${r.int(1, 9)})`,
    ])();
  }

  function caseExpr(d) {
    if (r.chance(0.5)) {
      return `CASE ${r.list(1, 3, () => `WHEN ${cond(d)} THEN ${expr(d)}`, " ")}${r.maybe(0.6, () => ` ELSE ${expr(d)}`)} END`;
    }
    return `CASE ${qcol()} ${r.list(1, 3, () => `WHEN ${literal()} THEN ${expr(d)}`, " ")}${r.maybe(0.6, () => ` ELSE ${expr(d)}`)} END`;
  }

  function cond(depth = 0) {
    const d = depth + 1;
    if (depth > 2) return `${qcol()} ${r.pick(CMP)} ${literal()}`;
    return r.pick([
      () => `${expr(d)} ${r.pick(CMP)} ${expr(d)}`,
      () => `${expr(d)} ${r.pick(CMP)} ${expr(d)}`,
      () => `${cond(d)} AND ${cond(d)}`,
      () => `${cond(d)} OR ${cond(d)}`,
      () => `NOT (${cond(d)})`,
      () => `(${cond(d)})`,
      () => `${qcol()} IS ${r.pick(["NULL", "NOT NULL", "TRUE", "NOT FALSE", "UNKNOWN"])}`,
      () => `${qcol()} ISNULL`,
      () => `${qcol()} ${r.pick(["", "NOT "])}BETWEEN ${literal()} AND ${literal()}`,
      () => `${qcol()} BETWEEN SYMMETRIC ${num()} AND ${num()}`,
      () => `${qcol()} ${r.pick(["", "NOT "])}IN (${r.list(1, 4, literal)})`,
      () => `${qcol()} IN (SELECT ${col()} FROM ${table()}${r.maybe(0.5, () => ` WHERE ${cond(d + 1)}`)})`,
      () => `${r.pick(["", "NOT "])}EXISTS (SELECT 1 FROM ${table()} ${alias()} WHERE ${cond(d + 1)})`,
      () => `${qcol()} ${r.pick(["LIKE", "ILIKE", "NOT LIKE", "NOT ILIKE"])} ${r.pick(["'a%'", "'%x_'", "$1"])}${r.maybe(0.2, () => " ESCAPE '!'")}`,
      () => `${qcol()} SIMILAR TO '(a|b)%'`,
      () => `${qcol()} ${r.pick(["~", "~*", "!~", "!~*"])} '^[a-z]+$'`,
      () => `${qcol()} IS ${r.pick(["", "NOT "])}DISTINCT FROM ${literal()}`,
      () => `${qcol()} ${r.pick(CMP)} ${r.pick(["ANY", "ALL", "SOME"])} (${r.pick([`ARRAY[${r.list(1, 3, num)}]`, `SELECT ${col()} FROM ${table()}`, "$1"])})`,
      () => `${r.pick(JSON_COLS)} @> '{"a": 1}'::jsonb`,
      () => `${r.pick(JSON_COLS)} ? 'key'`,
      () => `${r.pick(JSON_COLS)} ?| ARRAY['a', 'b']`,
      () => `${r.pick(ARRAY_COLS)} && ARRAY['x']`,
      () => `${r.pick(ARRAY_COLS)} <@ ARRAY['x', 'y']`,
      () => `(${qcol()}, ${qcol()}) ${r.pick(["=", "<", ">="])} (${literal()}, ${literal()})`,
      () => `${qcol()} OVERLAPS ${qcol()}` .replace(/.*/, () => `(${qcol()}, ${qcol()}) OVERLAPS (${qcol()}, ${qcol()})`),
      () => `to_tsvector(${qcol()}) @@ to_tsquery('cat & dog')`,
    ])();
  }

  function scalarSubquery() {
    return `SELECT ${r.pick(["max", "min", "count", "sum"])}(${col()}) FROM ${table()} ${alias()} WHERE ${cond(2)}`;
  }

  function aggregate() {
    return r.pick([
      () => "count(*)",
      () => `count(DISTINCT ${qcol()})`,
      () => `${r.pick(AGGS)}(${qcol()})`,
      () => `${r.pick(AGGS)}(${qcol()}) FILTER (WHERE ${cond(2)})`,
      () => `count(*) FILTER (WHERE ${cond(2)})`,
      () => `string_agg(${qcol()}, ', ' ORDER BY ${qcol()}${r.maybe(0.5, () => " DESC")})`,
      () => `array_agg(DISTINCT ${qcol()} ORDER BY ${qcol()})`,
      () => `${r.pick(["percentile_cont", "percentile_disc"])}(${r.pick(["0.5", "0.9", "ARRAY[0.25, 0.75]"])}) WITHIN GROUP (ORDER BY ${qcol()})`,
      () => `mode() WITHIN GROUP (ORDER BY ${qcol()})`,
      () => `rank(${literal()}) WITHIN GROUP (ORDER BY ${qcol()})`,
      () => `jsonb_object_agg(${qcol()}, ${qcol()})`,
    ])();
  }

  function frame() {
    const bound = () => r.pick(["UNBOUNDED PRECEDING", "CURRENT ROW", `${r.int(1, 5)} PRECEDING`, `${r.int(1, 5)} FOLLOWING`, "UNBOUNDED FOLLOWING"]);
    const unit = r.pick(["ROWS", "RANGE", "GROUPS"]);
    const ext = r.chance(0.7) ? `BETWEEN ${r.pick(["UNBOUNDED PRECEDING", "CURRENT ROW", "2 PRECEDING"])} AND ${r.pick(["CURRENT ROW", "UNBOUNDED FOLLOWING", "3 FOLLOWING"])}` : r.pick(["UNBOUNDED PRECEDING", "CURRENT ROW", "1 PRECEDING"]);
    void bound;
    return `${unit} ${ext}${r.maybe(0.2, () => ` EXCLUDE ${r.pick(["CURRENT ROW", "GROUP", "TIES", "NO OTHERS"])}`)}`;
  }

  function windowSpec(named) {
    const parts = [];
    if (named && r.chance(0.3)) parts.push(named);
    if (r.chance(0.7) && !parts.length) parts.push(`PARTITION BY ${r.list(1, 2, qcol)}`);
    if (r.chance(0.7)) parts.push(`ORDER BY ${orderItems()}`);
    if (r.chance(0.3) && parts.some((p) => p.startsWith("ORDER"))) parts.push(frame());
    return parts.join(" ");
  }

  function windowCall(named) {
    if (named && r.chance(0.3)) return `${r.pick(WINDOW_FUNCS)} OVER ${named}`;
    return `${r.pick(WINDOW_FUNCS)}${r.maybe(0.15, () => ` FILTER (WHERE ${cond(2)})`)} OVER (${windowSpec(named)})`;
  }

  function orderItems() {
    return r.list(1, 3, () => words(r.chance(0.8) ? qcol() : String(r.int(1, 3)), r.pick(["", "", "ASC", "DESC"]), r.pick(["", "", "", "NULLS FIRST", "NULLS LAST"])));
  }

  function target(opts = {}) {
    return r.pick([
      () => "*",
      () => `${alias()}.*`,
      () => qcol(),
      () => `${expr()} AS ${r.pick(["total", "label", "n", "value", '"Display Name"', "x1"])}`,
      () => `${expr()} ${r.pick(["total", "label", "n", "v2"])}`,
      () => expr(),
      () => (opts.agg ? `${aggregate()} AS agg` : qcol()),
      () => (opts.window ? `${windowCall(opts.window)} AS w` : qcol()),
    ])();
  }

  function fromItem(depth = 0, noComma = false) {
    const base = r.pick([
      () => `${table()}${r.maybe(0.7, () => ` ${r.pick(["", "AS "])}${alias()}`)}`,
      () => `${table()} ${alias()}`,
      () => `ONLY ${r.pick(TABLES)}`,
      () => `(${simpleSelect()}) ${r.pick(["AS ", ""])}${alias()}`,
      () => `LATERAL (SELECT ${col()} FROM ${table()} WHERE ${qcol()} = ${qcol()}${r.maybe(0.5, () => " LIMIT 1")}) ${alias()}`,
      () => `generate_series(1, ${r.int(2, 100)}) AS g(n)`,
      () => `unnest(${r.pick(ARRAY_COLS)}) WITH ORDINALITY AS ${alias()}(v, i)`,
      () => `(VALUES ${r.list(1, 3, () => `(${r.int(1, 9)}, 'v${r.int(1, 9)}')`)}) AS v(${"id, label"})`,
      () => `jsonb_to_recordset(${r.pick(JSON_COLS)}) AS j(a int, b text)`,
      () => `ROWS FROM (generate_series(1, 3), generate_series(1, 4)) AS rf(a, b)`,
      () => `${r.pick(TABLES)} TABLESAMPLE ${r.pick(["SYSTEM", "BERNOULLI"])} (10)`,
    ])();
    if (depth > 1 || r.chance(0.45)) return base;
    const right = () => fromItem(depth + 1, true);
    const d = depth + 1;
    return r.pick([
      () => `${base} ${r.pick(["JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "RIGHT JOIN", "RIGHT OUTER JOIN", "FULL JOIN", "FULL OUTER JOIN"])} ${right()} ON ${cond(2)}`,
      () => `${base} ${r.pick(["JOIN", "LEFT JOIN", "FULL JOIN"])} ${r.pick(TABLES)} ${alias()} USING (${r.list(1, 2, col)})`,
      () => `${base} CROSS JOIN ${right()}`,
      () => `${base} NATURAL ${r.pick(["", "LEFT ", "INNER ", "FULL "])}JOIN ${r.pick(TABLES)}`,
      () => {
        const join = r.pick(["JOIN", "LEFT JOIN", "CROSS JOIN"]);
        return `${base} ${join} LATERAL (SELECT * FROM ${table()} ${alias()} WHERE ${cond(2)} LIMIT ${r.int(1, 5)}) ${alias()}${join === "CROSS JOIN" ? "" : " ON true"}`;
      },
      () => (noComma ? base : `${base}, ${fromItem(d)}`),
      () => `(${base} JOIN ${r.pick(TABLES)} ${alias()} ON ${cond(2)})`,
    ])();
  }

  function groupBy() {
    return r.pick([
      () => r.list(1, 3, qcol),
      () => `${r.int(1, 3)}`,
      () => `GROUPING SETS ((${r.list(1, 2, col)}), (${col()}), ())`,
      () => `ROLLUP (${r.list(1, 3, col)})`,
      () => `CUBE (${r.list(1, 3, col)})`,
      () => `${col()}, ROLLUP (${r.list(1, 2, col)})`,
      () => `DISTINCT ${r.list(1, 2, col)}`,
    ])();
  }

  function lockingClause() {
    return `FOR ${r.pick(["UPDATE", "SHARE", "NO KEY UPDATE", "KEY SHARE"])}${r.maybe(0.3, () => ` OF ${alias()}`)}${r.maybe(0.4, () => ` ${r.pick(["NOWAIT", "SKIP LOCKED"])}`)}`;
  }

  function limitClause() {
    return r.pick([
      () => `LIMIT ${r.int(1, 100)}`,
      () => `LIMIT ${r.int(1, 100)} OFFSET ${r.int(0, 100)}`,
      () => `OFFSET ${r.int(1, 50)} ${r.pick(["ROWS", "ROW", ""])}`.trim(),
      () => `FETCH ${r.pick(["FIRST", "NEXT"])} ${r.int(1, 20)} ${r.pick(["ROWS", "ROW"])} ONLY`,
      () => `OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY`,
      () => "LIMIT ALL",
      () => "LIMIT $1 OFFSET $2",
    ])();
  }

  /** A SELECT without set operations, ORDER BY or LIMIT (usable as a set-operation arm). */
  function simpleSelect(opts = {}) {
    const distinct = r.pick(["", "", "", "", "DISTINCT", "ALL", `DISTINCT ON (${r.list(1, 2, qcol)})`]);
    const window = opts.namedWindow;
    const targets = (opts.leadTarget ? `${opts.leadTarget}, ` : "") + r.list(1, 4, () => target({ agg: opts.agg, window }));
    const from = r.chance(0.93) ? `FROM ${fromItem()}` : "";
    const where = r.chance(0.6) ? `WHERE ${cond()}` : "";
    const group = opts.agg || r.chance(0.15) ? `GROUP BY ${groupBy()}` : "";
    const having = group && r.chance(0.4) ? `HAVING ${r.pick(["count(*)", `sum(${col()})`, `max(${col()})`])} ${r.pick(CMP)} ${r.int(0, 10)}` : "";
    const win = window ? `WINDOW ${window} AS (${windowSpec()})` : "";
    return words("SELECT", distinct, targets, from, where, group, having, win);
  }

  function fullSelect(opts = {}) {
    const order = r.chance(0.45) ? `ORDER BY ${orderItems()}` : "";
    const limit = r.chance(0.35) ? (order && r.chance(0.2) ? `FETCH FIRST ${r.int(1, 9)} ROWS WITH TIES` : limitClause()) : "";
    const lock = !opts.noLock && r.chance(0.06) ? lockingClause() : "";
    return words(simpleSelect(opts), order, limit, lock);
  }

  function setOperation() {
    const arm = () => (r.chance(0.25) ? `(${fullSelect({ noLock: true })})` : simpleSelect());
    let sql = arm();
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) sql += ` ${r.pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT", "INTERSECT ALL", "EXCEPT ALL", "UNION DISTINCT"])} ${r.chance(0.15) ? `VALUES (${r.list(1, 1, num)})` : arm()}`;
    return words(sql, r.maybe(0.4, () => "ORDER BY 1"), r.maybe(0.3, () => `LIMIT ${r.int(1, 9)}`));
  }

  function valuesStatement() {
    const width = r.int(1, 4);
    return words(`VALUES ${r.list(1, 5, () => `(${Array.from({ length: width }, () => literal()).join(", ")})`)}`, r.maybe(0.3, () => "ORDER BY 1"), r.maybe(0.2, () => "LIMIT 2"));
  }

  function cteBody() {
    return r.pick([simpleSelect, fullSelect, valuesStatement, setOperation])();
  }

  function withClause(dataModifying = false) {
    const ctes = [];
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      const name = r.pick(["recent", "totals", "ranked", "base", "cte", "active_users", "moved"]) + i;
      const cols = r.maybe(0.3, () => `(${r.list(1, 3, col)})`);
      const mat = r.pick(["", "", "", "MATERIALIZED ", "NOT MATERIALIZED "]);
      const body = dataModifying && i === 0 ? dataModifyingBody() : cteBody();
      ctes.push(`${name}${cols} AS ${mat}(${body})`);
    }
    return `WITH ${ctes.join(", ")}`;
  }

  function dataModifyingBody() {
    return r.pick([
      () => `DELETE FROM ${r.pick(TABLES)} WHERE ${cond(1)} RETURNING *`,
      () => `UPDATE ${r.pick(TABLES)} SET ${col()} = ${expr(1)} WHERE ${cond(1)} RETURNING ${col()}`,
      () => `INSERT INTO ${r.pick(TABLES)} (${col()}) VALUES (${literal()}) RETURNING id`,
    ])();
  }

  const recursive = () => {
    const name = r.pick(["tree", "path", "nums", "ancestors"]);
    const seed = r.pick([`SELECT id, parent_id, 1 AS depth FROM ${r.pick(TABLES)} WHERE parent_id IS NULL`, "SELECT 1 AS n", `VALUES (1, 'root')`]);
    const step = r.pick([
      `SELECT c.id, c.parent_id, ${name}.depth + 1 FROM ${r.pick(TABLES)} c JOIN ${name} ON c.parent_id = ${name}.id`,
      `SELECT n + 1 FROM ${name} WHERE n < ${r.int(5, 100)}`,
      `SELECT id + 1, label || '/x' FROM ${name} WHERE id < 10`,
    ]);
    const search = r.maybe(0.2, () => ` SEARCH ${r.pick(["DEPTH", "BREADTH"])} FIRST BY id SET ord`);
    const cycle = r.maybe(0.15, () => " CYCLE id SET is_cycle USING path_arr");
    return `WITH RECURSIVE ${name}${r.maybe(0.5, () => "(id, parent_id, depth)")} AS (${seed} UNION${r.maybe(0.6, () => " ALL")} ${step})${search}${cycle} SELECT * FROM ${name}${r.maybe(0.4, () => ` ORDER BY ${r.pick(["1", "depth", "id"])}`)}`;
  };

  function returning() {
    return r.maybe(0.35, () => `RETURNING ${r.pick(["*", r.list(1, 3, col), `${col()} AS new_${col()}`, `${expr(1)} AS calc`])}`);
  }

  function insert() {
    const t = r.pick(TABLES);
    const cols = r.maybe(0.8, () => `(${r.list(1, 4, col)})`);
    const width = cols ? cols.split(",").length : r.int(1, 3);
    const source = r.pick([
      () => `VALUES ${r.list(1, 4, () => `(${Array.from({ length: width }, () => (r.chance(0.1) ? "DEFAULT" : literal())).join(", ")})`)}`,
      () => `SELECT ${Array.from({ length: width }, () => qcol()).join(", ")} FROM ${fromItem(1)}${r.maybe(0.5, () => ` WHERE ${cond(1)}`)}`,
      () => (cols ? `VALUES (${Array.from({ length: width }, () => param()).join(", ")})` : "DEFAULT VALUES"),
      () => `OVERRIDING ${r.pick(["SYSTEM", "USER"])} VALUE VALUES (${Array.from({ length: width }, () => literal()).join(", ")})`,
    ])();
    const conflict = r.maybe(0.45, () =>
      r.pick([
        () => "ON CONFLICT DO NOTHING",
        () => `ON CONFLICT (${r.list(1, 2, col)}) DO NOTHING`,
        () => `ON CONFLICT (${col()}) DO UPDATE SET ${r.list(1, 3, () => `${col()} = EXCLUDED.${col()}`)}${r.maybe(0.4, () => ` WHERE ${r.pick(TABLES)}.${col()} ${r.pick(CMP)} EXCLUDED.${col()}`)}`,
        () => `ON CONFLICT ON CONSTRAINT ${t}_pkey DO UPDATE SET (${col()}, ${col()}) = (EXCLUDED.${col()}, now())`,
        () => `ON CONFLICT (${col()}) WHERE ${col()} IS NOT NULL DO NOTHING`,
        () => `ON CONFLICT (lower(${col()})) DO UPDATE SET ${col()} = DEFAULT`,
      ])(),
    );
    return words(r.maybe(0.15, () => withClause()), `INSERT INTO ${t}${r.maybe(0.2, () => " AS ins")}`, cols, source, conflict, returning());
  }

  function update() {
    const t = r.pick([...TABLES, "ONLY users", "public.users"]);
    const set = r.pick([
      () => r.list(1, 3, () => `${col()} = ${r.chance(0.1) ? "DEFAULT" : expr(1)}`),
      () => `(${col()}, ${col()}) = (${literal()}, ${literal()})`,
      () => `(${col()}, ${col()}) = (SELECT ${col()}, ${col()} FROM ${r.pick(TABLES)} WHERE id = 1)`,
      () => `${r.pick(JSON_COLS)} = ${r.pick(JSON_COLS)} || '{"k": true}'::jsonb`,
      () => `${r.pick(ARRAY_COLS)}[1] = 'x'`,
    ])();
    return words(
      r.maybe(0.15, () => withClause()),
      `UPDATE ${t}${r.maybe(0.5, () => ` ${r.pick(["AS ", ""])}${alias()}`)}`,
      `SET ${set}`,
      r.maybe(0.3, () => `FROM ${fromItem(1)}`),
      r.chance(0.85) ? (r.chance(0.05) ? "WHERE CURRENT OF cur" : `WHERE ${cond()}`) : "",
      returning(),
    );
  }

  function del() {
    return words(
      r.maybe(0.15, () => withClause()),
      `DELETE FROM ${r.pick([...TABLES, "ONLY events", "app.orders"])}${r.maybe(0.4, () => ` ${r.pick(["AS ", ""])}${alias()}`)}`,
      r.maybe(0.3, () => `USING ${fromItem(1)}`),
      r.chance(0.85) ? `WHERE ${cond()}` : "",
      returning(),
    );
  }

  function merge() {
    const clauses = [];
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      clauses.push(
        r.pick([
          () => `WHEN MATCHED${r.maybe(0.4, () => ` AND ${cond(2)}`)} THEN UPDATE SET ${r.list(1, 2, () => `${col()} = s.${col()}`)}`,
          () => `WHEN MATCHED THEN DELETE`,
          () => `WHEN NOT MATCHED${r.maybe(0.3, () => " BY TARGET")} THEN INSERT (${"id, name"}) VALUES (s.id, s.name)`,
          () => `WHEN NOT MATCHED THEN INSERT DEFAULT VALUES`,
          () => `WHEN NOT MATCHED BY SOURCE THEN DELETE`,
          () => `WHEN MATCHED THEN DO NOTHING`,
        ])(),
      );
    }
    const source = r.pick([`${r.pick(TABLES)} s`, `(SELECT * FROM ${r.pick(TABLES)} WHERE ${cond(2)}) s`, "staging.users AS s"]);
    return words(r.maybe(0.1, () => withClause()), `MERGE INTO ${r.pick(TABLES)} ${r.pick(["t", "AS t"])} USING ${source} ON t.id = s.id`, clauses.join(" "), r.maybe(0.2, () => "RETURNING merge_action(), t.*"));
  }

  // ---- DDL ---------------------------------------------------------------
  function columnDef() {
    const constraints = r.some(
      [
        "NOT NULL", "NULL", `DEFAULT ${r.pick(["0", "now()", "'x'", "gen_random_uuid()", "CURRENT_TIMESTAMP", "nextval('seq')"])}`, "UNIQUE", "PRIMARY KEY",
        `CHECK (${col()} ${r.pick(CMP)} ${r.int(0, 9)})`, `REFERENCES ${r.pick(TABLES)}${r.maybe(0.6, () => " (id)")}${r.maybe(0.4, () => ` ON DELETE ${r.pick(["CASCADE", "SET NULL", "RESTRICT", "NO ACTION", "SET DEFAULT"])}`)}`,
        `COLLATE "C"`, `GENERATED ALWAYS AS (${col()} * 2) STORED`, `GENERATED ${r.pick(["ALWAYS", "BY DEFAULT"])} AS IDENTITY`,
        `CONSTRAINT ck_${col()} CHECK (${col()} IS NOT NULL)`, "DEFERRABLE INITIALLY DEFERRED",
      ],
      0,
      2,
    );
    const illegal = constraints.includes("DEFERRABLE INITIALLY DEFERRED") && !constraints.some((c) => /UNIQUE|PRIMARY|REFERENCES/.test(c));
    return words(col() + (r.chance(0.3) ? "_" + r.int(1, 9) : ""), r.pick(TYPES), ...(illegal ? [] : constraints));
  }

  function tableConstraint() {
    return words(
      r.maybe(0.5, () => `CONSTRAINT ${r.pick(["pk", "uq", "fk", "ck", "ex"])}_${r.int(1, 99)}`),
      r.pick([
        () => `PRIMARY KEY (${r.list(1, 2, col)})`,
        () => `UNIQUE (${r.list(1, 2, col)})${r.maybe(0.2, () => " INCLUDE (note)")}`,
        () => `UNIQUE NULLS NOT DISTINCT (${col()})`,
        () => `CHECK (${cond(2)})`,
        () => `FOREIGN KEY (${col()}) REFERENCES ${r.pick(TABLES)} (id)${r.maybe(0.3, () => " MATCH FULL")}${r.maybe(0.5, () => ` ON UPDATE ${r.pick(["CASCADE", "NO ACTION"])}`)}${r.maybe(0.5, () => " ON DELETE CASCADE")}`,
        () => `EXCLUDE USING gist (${col()} WITH &&)`,
      ])(),
    );
  }

  function createTable() {
    const name = r.chance(0.8) ? r.pick(TABLES) + (r.chance(0.5) ? `_${r.int(1, 99)}` : "") : `${r.pick(SCHEMAS)}.${r.pick(TABLES)}`;
    const prefix = words("CREATE", r.pick(["", "", "", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL TEMPORARY"]), "TABLE", r.maybe(0.3, () => "IF NOT EXISTS"), name);
    return r.pick([
      () => {
        const items = [];
        const n = r.int(1, 6);
        for (let i = 0; i < n; i++) items.push(columnDef());
        if (r.chance(0.4)) items.push(tableConstraint());
        if (r.chance(0.1)) items.push(`LIKE ${r.pick(TABLES)} INCLUDING ALL`);
        const partition = r.maybe(0.15, () => `PARTITION BY ${r.pick(["RANGE", "LIST", "HASH"])} (${col()})`);
        const tail = r.maybe(0.15, () => r.pick(["WITH (fillfactor = 70)", `INHERITS (${r.pick(TABLES)})`, "TABLESPACE fastspace", "ON COMMIT DROP", "WITHOUT OIDS", "USING heap"]));
        return words(prefix, `(${items.join(", ")})`, partition, tail);
      },
      () => words(prefix, `PARTITION OF ${r.pick(TABLES)}`, r.pick([
        `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `FOR VALUES IN ('eu', 'us')`, `FOR VALUES WITH (MODULUS 4, REMAINDER ${r.int(0, 3)})`, "DEFAULT", "FOR VALUES FROM (MINVALUE) TO (100)",
      ])),
      () => words(prefix, r.maybe(0.4, () => `(${r.list(1, 3, col)})`), "AS", fullSelect(), r.maybe(0.3, () => r.pick(["WITH DATA", "WITH NO DATA"]))),
      () => words(prefix, `OF ${r.pick(["address_t", "point_t"])}`),
    ])();
  }

  function alterTable() {
    const action = () =>
      r.pick([
        () => `ADD COLUMN ${r.maybe(0.3, () => "IF NOT EXISTS ")}${columnDef()}`,
        () => `ADD ${columnDef()}`,
        () => `DROP COLUMN ${r.maybe(0.3, () => "IF EXISTS ")}${col()}${r.maybe(0.3, () => ` ${r.pick(["CASCADE", "RESTRICT"])}`)}`,
        () => `ALTER COLUMN ${col()} ${r.pick(["", "SET DATA "])}TYPE ${r.pick(TYPES)}${r.maybe(0.3, () => ` USING ${col()}::${castType()}`)}`,
        () => `ALTER COLUMN ${col()} SET DEFAULT ${literal()}`,
        () => `ALTER COLUMN ${col()} DROP DEFAULT`,
        () => `ALTER COLUMN ${col()} ${r.pick(["SET", "DROP"])} NOT NULL`,
        () => `ALTER COLUMN ${col()} SET STATISTICS 500`,
        () => `ALTER COLUMN ${col()} ADD GENERATED ALWAYS AS IDENTITY`,
        () => `ADD ${tableConstraint()}`,
        () => `DROP CONSTRAINT ${r.maybe(0.3, () => "IF EXISTS ")}ck_${r.int(1, 9)}`,
        () => `VALIDATE CONSTRAINT fk_${r.int(1, 9)}`,
        () => `OWNER TO ${r.pick(["app_user", "admin"])}`,
        () => `ENABLE ROW LEVEL SECURITY`,
        () => `${r.pick(["ENABLE", "DISABLE"])} TRIGGER ${r.pick(["ALL", "trg_audit"])}`,
        () => `SET (fillfactor = 80)`,
        () => `SET ${r.pick(["LOGGED", "UNLOGGED"])}`,
      ])();
    return r.pick([
      () => words("ALTER TABLE", r.maybe(0.2, () => "IF EXISTS"), r.maybe(0.1, () => "ONLY"), r.pick(TABLES), r.list(1, 3, action)),
      () => `ALTER TABLE ${r.pick(TABLES)} RENAME TO ${r.pick(TABLES)}_old`,
      () => `ALTER TABLE ${r.pick(TABLES)} SET SCHEMA ${r.pick(SCHEMAS)}`,
      () => `ALTER TABLE ${r.pick(TABLES)} RENAME ${r.maybe(0.5, () => "COLUMN ")}${col()} TO ${col()}_new`,
      () => `ALTER TABLE ${r.pick(TABLES)} RENAME CONSTRAINT ck_1 TO ck_2`,
      () => `ALTER TABLE ${r.pick(TABLES)} ATTACH PARTITION ${r.pick(TABLES)}_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
      () => `ALTER TABLE ${r.pick(TABLES)} DETACH PARTITION ${r.pick(TABLES)}_2023${r.maybe(0.3, () => " CONCURRENTLY")}`,
      () => `ALTER TABLE ALL IN TABLESPACE old_space SET TABLESPACE new_space`,
    ])();
  }

  function dropStatement() {
    const kind = r.pick(["TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "SCHEMA", "TYPE", "DOMAIN", "EXTENSION", "FUNCTION", "PROCEDURE", "TRIGGER", "ROLE", "INDEX CONCURRENTLY"]);
    const names = () => {
      if (kind === "TRIGGER") return `trg_${r.int(1, 9)} ON ${r.pick(TABLES)}`;
      if (kind === "FUNCTION" || kind === "PROCEDURE") return r.list(1, 2, () => `${r.pick(["f_total", "app.touch", "calc"])}${r.maybe(0.6, () => `(${r.pick(["", "int", "text, int", "IN a integer"])})`)}`);
      if (kind === "INDEX CONCURRENTLY") return `idx_${r.int(1, 99)}`;
      return r.list(1, 3, () => (kind === "TABLE" ? r.pick(TABLES) : `${kind.split(" ")[0].toLowerCase()}_${r.int(1, 9)}`));
    };
    const behaviour = kind === "INDEX CONCURRENTLY" || kind === "ROLE" ? "" : r.pick(["", "", "CASCADE", "RESTRICT"]);
    return words("DROP", kind, r.maybe(0.5, () => "IF EXISTS"), names(), behaviour);
  }

  function createIndex() {
    return words(
      "CREATE",
      r.maybe(0.3, () => "UNIQUE"),
      "INDEX",
      r.maybe(0.2, () => "CONCURRENTLY"),
      r.chance(0.85) ? words(r.maybe(0.2, () => "IF NOT EXISTS"), `idx_${r.pick(TABLES)}_${r.int(1, 99)}`) : "",
      "ON",
      r.maybe(0.1, () => "ONLY"),
      r.pick(TABLES),
      r.maybe(0.3, () => `USING ${r.pick(["btree", "gin", "gist", "hash", "brin"])}`),
      `(${r.list(1, 3, () => words(r.pick([col(), `lower(${col()})`, `(${col()} || ${col()})`, `${r.pick(JSON_COLS)} jsonb_path_ops`]), r.pick(["", "", "ASC", "DESC"]), r.pick(["", "", "NULLS LAST"])))})`,
      r.maybe(0.15, () => `INCLUDE (${r.list(1, 2, col)})`),
      r.maybe(0.1, () => "NULLS NOT DISTINCT"),
      r.maybe(0.15, () => "WITH (fillfactor = 90)"),
      r.maybe(0.1, () => "TABLESPACE fastspace"),
      r.maybe(0.25, () => `WHERE ${cond(1)}`),
    );
  }

  function createView() {
    return r.pick([
      () => words("CREATE", r.maybe(0.3, () => "OR REPLACE"), r.pick(["", "", "TEMP", "RECURSIVE"]).replace("RECURSIVE", ""), "VIEW", `v_${r.pick(TABLES)}`, r.maybe(0.3, () => `(${r.list(1, 3, col)})`).replace(/^.*$/, (m) => (m ? "" : "")), r.maybe(0.15, () => "WITH (security_barrier = true)"), "AS", r.pick([fullSelect, setOperation, valuesStatement])(), r.maybe(0.15, () => `WITH ${r.pick(["", "CASCADED ", "LOCAL "])}CHECK OPTION`)),
      () => `CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 10`,
      () => words("CREATE MATERIALIZED VIEW", r.maybe(0.3, () => "IF NOT EXISTS"), `mv_${r.pick(TABLES)}`, r.maybe(0.2, () => "USING heap"), "AS", fullSelect({ agg: true, noLock: true }), r.maybe(0.4, () => r.pick(["WITH DATA", "WITH NO DATA"]))),
      () => words("REFRESH MATERIALIZED VIEW", r.maybe(0.3, () => "CONCURRENTLY"), `mv_${r.pick(TABLES)}`, r.maybe(0.3, () => "WITH DATA")),
      () => `ALTER VIEW v_${r.pick(TABLES)} RENAME TO v_${r.pick(TABLES)}_old`,
      () => `ALTER MATERIALIZED VIEW mv_${r.pick(TABLES)} RENAME TO mv_old`,
      () => `ALTER VIEW v_${r.pick(TABLES)} ALTER COLUMN ${col()} SET DEFAULT 0`,
    ])();
  }

  function schemaSequence() {
    return r.pick([
      () => words("CREATE SCHEMA", r.maybe(0.3, () => "IF NOT EXISTS"), r.pick(SCHEMAS), r.maybe(0.3, () => `AUTHORIZATION ${r.pick(["admin", "app_user"])}`)),
      () => `CREATE SCHEMA AUTHORIZATION admin`,
      () => `ALTER SCHEMA ${r.pick(SCHEMAS)} RENAME TO ${r.pick(SCHEMAS)}_v2`,
      () => `ALTER SCHEMA ${r.pick(SCHEMAS)} OWNER TO admin`,
      () => words("CREATE", r.maybe(0.2, () => "TEMP"), "SEQUENCE", r.maybe(0.3, () => "IF NOT EXISTS"), `seq_${r.int(1, 99)}`, r.maybe(0.3, () => "AS bigint"), r.maybe(0.5, () => `INCREMENT BY ${r.int(1, 10)}`), r.maybe(0.4, () => `MINVALUE ${r.int(1, 10)}`), r.maybe(0.3, () => "NO MAXVALUE"), r.maybe(0.5, () => `START WITH ${r.int(1, 1000)}`), r.maybe(0.3, () => `CACHE ${r.int(1, 50)}`), r.maybe(0.3, () => r.pick(["CYCLE", "NO CYCLE"])), r.maybe(0.3, () => `OWNED BY ${r.pick(TABLES)}.id`)),
      () => words("ALTER SEQUENCE", `seq_${r.int(1, 99)}`, r.pick([`RESTART WITH ${r.int(1, 100)}`, "RESTART", `INCREMENT BY ${r.int(2, 5)}`, "OWNED BY NONE", "RENAME TO seq_new", `MAXVALUE ${r.int(100, 9999)}`])),
      () => `SELECT nextval('seq_${r.int(1, 9)}'), currval('seq_${r.int(1, 9)}'), setval('seq_1', 42, false)`,
    ])();
  }

  function typeDomain() {
    return r.pick([
      () => `CREATE TYPE ${r.pick(["mood", "status_t", "app.level"])} AS ENUM (${r.list(0, 5, () => `'${r.pick(["sad", "ok", "happy", "new", "done", "failed"])}${r.int(1, 9)}'`)})`,
      () => `CREATE TYPE ${r.pick(["address_t", "point_t", "money_pair"])} AS (${r.list(1, 4, () => `${col()} ${r.pick(TYPES)}`)})`,
      () => `CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi)`,
      () => `CREATE TYPE shell_t`,
      () => `ALTER TYPE mood ADD VALUE ${r.maybe(0.3, () => "IF NOT EXISTS ")}'${r.pick(["angry", "calm"])}'${r.maybe(0.4, () => ` ${r.pick(["BEFORE", "AFTER"])} 'ok1'`)}`,
      () => `ALTER TYPE mood RENAME VALUE 'sad1' TO 'blue'`,
      () => `ALTER TYPE address_t ADD ATTRIBUTE zip text`,
      () => `ALTER TYPE mood RENAME TO feeling`,
      () => words("CREATE DOMAIN", r.pick(["email_t", "positive_int", "app.code"]), r.maybe(0.3, () => "AS"), r.pick(["text", "int", "varchar(64)", "numeric(10, 2)"]), r.maybe(0.3, () => "DEFAULT 0"), r.maybe(0.3, () => "NOT NULL"), r.maybe(0.6, () => `${r.maybe(0.4, () => "CONSTRAINT dom_ck ")}CHECK (VALUE ${r.pick(["> 0", "~ '^.+@.+$'", "IS NOT NULL"])})`)),
      () => `ALTER DOMAIN positive_int ${r.pick(["SET DEFAULT 1", "DROP DEFAULT", "SET NOT NULL", "ADD CONSTRAINT c2 CHECK (VALUE < 100)", "DROP CONSTRAINT c2", "RENAME TO pos_int"])}`,
    ])();
  }

  const SQL_BODIES = ["SELECT 1", "SELECT $1 + $2", "SELECT count(*) FROM users WHERE id = $1", "UPDATE users SET updated_at = now() WHERE id = p_id", "SELECT a * b", "INSERT INTO audit_log (note) VALUES ('x')"];
  const PLPGSQL_BODIES = [
    "BEGIN\n  RETURN a + b;\nEND;",
    "DECLARE\n  n integer := 0;\nBEGIN\n  SELECT count(*) INTO n FROM users WHERE status = 'active';\n  RETURN n;\nEND;",
    "BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;",
    "BEGIN\n  IF a > b THEN\n    RETURN a;\n  ELSE\n    RETURN b;\n  END IF;\nEND;",
    "BEGIN\n  INSERT INTO audit_log (note) VALUES (TG_OP);\n  RETURN NULL;\nEND;",
    "DECLARE\n  r record;\nBEGIN\n  FOR r IN SELECT id FROM orders LOOP\n    UPDATE orders SET total = total + 1 WHERE id = r.id;\n  END LOOP;\n  RETURN 0;\nEND;",
  ];

  /** NEW is a variable of trigger functions only: elsewhere its assignment is a PERFORM. */
  function withoutTriggerRow(body) {
    return body.replace("NEW.updated_at := now();", "PERFORM now();");
  }

  /**
   * CREATE FUNCTION wants the OUT parameter's type as the result (record for several), a trigger
   * function is not written in SQL, and a PL/pgSQL one takes no arguments: the picked RETURNS is fitted to the signature
   * with no random draw and no other word count, so every other statement stays as it was.
   */
  function fitReturns(returns, args, lang) {
    if (args === "INOUT n numeric") return returns === "RETURNS record" ? "RETURNS numeric" : "RETURNS decimal";
    if (args === "IN x text, OUT y text") return "RETURNS text";
    // (A SQL function cannot return trigger at all.)
    if (returns === "RETURNS trigger" && (/plpgsql/i.test(lang) ? args !== "" : true)) return "RETURNS integer";
    return returns;
  }

  function createFunction() {
    const args = r.pick(["", "a integer, b integer", "p_id bigint", "IN x text, OUT y text", "VARIADIC vals int[]", "a int DEFAULT 0", "text, int", "INOUT n numeric"]);
    const lang = r.pick(["sql", "plpgsql", "SQL", "'plpgsql'"]);
    const isSql = lang.toLowerCase().includes("sql") && !lang.toLowerCase().includes("plpgsql");
    const body = isSql ? r.pick(SQL_BODIES) : r.pick(PLPGSQL_BODIES);
    const quoted = r.chance(0.7) ? `$${r.pick(["", "body", "fn"])}$`.replace(/^\$(\w*)\$$/, (_, t) => `$${t}$`) : null;
    const bodyText = quoted ? `${quoted}${r.chance(0.5) ? "\n" : " "}${body}${r.chance(0.5) ? "\n" : " "}${quoted}` : `'${body.replace(/'/g, "''")}'`;
    const hasOut = /OUT /.test(args);
    const returns = fitReturns(r.pick(hasOut ? ["RETURNS record", "RETURNS text"] : ["RETURNS integer", "RETURNS void", "RETURNS trigger", "RETURNS SETOF users", "RETURNS TABLE (id int, name text)", "RETURNS text", "RETURNS bigint"]), args, lang);
    const attrs = r.some(["IMMUTABLE", "STABLE", "VOLATILE", "STRICT", "SECURITY DEFINER", "PARALLEL SAFE", "LEAKPROOF", "COST 100", "ROWS 10", "SET search_path = public", "CALLED ON NULL INPUT"], 0, 3);
    if (r.chance(0.2)) {
      return words("CREATE", r.maybe(0.4, () => "OR REPLACE"), "PROCEDURE", r.pick(["app.touch", "do_work", "archive"]), `(${args.replace(/OUT y text|INOUT n numeric/, "INOUT n numeric")})`, `LANGUAGE ${lang}`, "AS", withoutTriggerRow(bodyText.replace(/RETURN[^;]*;/g, "NULL;")));
    }
    if (isSql && r.chance(0.2)) {
      return words("CREATE", r.maybe(0.4, () => "OR REPLACE"), "FUNCTION", r.pick(["f_total", "calc"]), `(${r.pick(["a int, b int", "x numeric"])})`, "RETURNS int", "LANGUAGE sql IMMUTABLE", r.pick(["RETURN 42", "BEGIN ATOMIC SELECT 1; END"]));
    }
    // PL/pgSQL checks RETURN against the signature when the function is created: a function that
    // returns a set or void, or returns its OUT parameters, gives RETURN no value. (No random draw
    // here, so every other statement of the corpus stays as it was.)
    const valueless = !isSql && (/SETOF|TABLE|void/.test(returns) || hasOut) ? bodyText.replace(/RETURN [^;]+;/g, "RETURN;") : bodyText;
    const fitted = returns === "RETURNS trigger" ? valueless : withoutTriggerRow(valueless);
    const ordered = r.chance(0.5) ? [returns, ...attrs, `LANGUAGE ${lang}`, "AS", fitted] : [returns, "AS", fitted, `LANGUAGE ${lang}`, ...attrs];
    return words("CREATE", r.maybe(0.4, () => "OR REPLACE"), "FUNCTION", r.pick(["f_total", "app.touch", "calc", '"Weird Name"', "trg_fn"]), `(${args})`, ...ordered);
  }

  function functionMisc() {
    return r.pick([
      () => `CALL ${r.pick(["do_work", "app.touch", "archive"])}(${r.list(0, 3, literal)})`,
      () => `ALTER FUNCTION calc(int) ${r.pick(["RENAME TO calc2", "OWNER TO admin", "SET SCHEMA app", "IMMUTABLE", "SECURITY INVOKER"])}`,
      () => `ALTER PROCEDURE do_work() RENAME TO do_more_work`,
      () => `DO $$\nBEGIN\n  RAISE NOTICE 'hello %', now();\nEND\n$$`,
      () => `DO LANGUAGE plpgsql $do$ BEGIN PERFORM 1; END $do$`,
    ])();
  }

  function trigger() {
    return r.pick([
      () => {
        const events = r.some(["INSERT", "UPDATE", "DELETE", "TRUNCATE"], 1, 3).map((e) => (e === "UPDATE" && r.chance(0.3) ? `UPDATE OF ${col()}` : e)).join(" OR ");
        const when = r.maybe(0.3, () => `WHEN (${r.pick(["NEW.status IS DISTINCT FROM OLD.status", "pg_trigger_depth() = 0", "OLD.* IS DISTINCT FROM NEW.*"])})`);
        const exec = `EXECUTE ${r.pick(["FUNCTION", "PROCEDURE"])} trg_fn(${r.maybe(0.3, () => "'arg'")})`;
        if (r.chance(0.1)) return words("CREATE CONSTRAINT TRIGGER", `trg_${r.int(1, 99)}`, "AFTER", events, "ON", r.pick(TABLES), r.maybe(0.4, () => "DEFERRABLE INITIALLY DEFERRED"), "FOR EACH ROW", when, exec);
        return words("CREATE", r.maybe(0.3, () => "OR REPLACE"), "TRIGGER", `trg_${r.int(1, 99)}`, r.pick(["BEFORE", "AFTER"]), events, "ON", r.pick(TABLES), r.maybe(0.2, () => "REFERENCING NEW TABLE AS newtab"), r.pick(["FOR EACH ROW", "FOR EACH STATEMENT", "FOR ROW", ""]), when, exec);
      },
      () => `CREATE TRIGGER trg_v INSTEAD OF INSERT ON v_users FOR EACH ROW EXECUTE FUNCTION trg_fn()`,
      () => `ALTER TRIGGER trg_1 ON ${r.pick(TABLES)} RENAME TO trg_2`,
      () => `CREATE EVENT TRIGGER ddl_log ON ddl_command_end EXECUTE FUNCTION log_ddl()`,
    ])();
  }

  function extensionComment() {
    return r.pick([
      () => words("CREATE EXTENSION", r.maybe(0.5, () => "IF NOT EXISTS"), r.pick(["pgcrypto", "postgis", '"uuid-ossp"', "pg_trgm", "hstore"]), r.maybe(0.3, () => "WITH SCHEMA public"), r.maybe(0.2, () => "VERSION '1.3'"), r.maybe(0.2, () => "CASCADE")),
      () => `ALTER EXTENSION pg_trgm UPDATE${r.maybe(0.5, () => " TO '1.6'")}`,
      () => `COMMENT ON ${r.pick([`TABLE ${r.pick(TABLES)}`, `COLUMN ${r.pick(TABLES)}.${col()}`, "FUNCTION calc(int)", "SCHEMA app", "INDEX idx_1", "VIEW v_users", "TYPE mood", "EXTENSION pg_trgm", `CONSTRAINT ck_1 ON ${r.pick(TABLES)}`, "TRIGGER trg_1 ON users", "DOMAIN positive_int", "SEQUENCE seq_1", "MATERIALIZED VIEW mv_users"])} IS ${r.pick(["'Explains the thing.'", "NULL", "'It''s quoted'", "E'two\\nlines'"])}`,
    ])();
  }

  function grantRevoke() {
    const privileges = r.pick(["ALL", "ALL PRIVILEGES", r.some(["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"], 1, 3).join(", "), `SELECT (${col()}, ${col()})`, `UPDATE (${col()})`]);
    const target = r.pick([
      () => `${r.pick(["", "TABLE "])}${r.list(1, 2, () => r.pick(TABLES))}`,
      () => `ALL TABLES IN SCHEMA ${r.pick(SCHEMAS)}`,
      () => `SEQUENCE seq_${r.int(1, 9)}`,
    ])();
    return r.pick([
      () => words("GRANT", privileges, "ON", target, "TO", r.list(1, 2, () => r.pick(ROLES)), r.maybe(0.2, () => "WITH GRANT OPTION")),
      () => words("REVOKE", r.maybe(0.2, () => "GRANT OPTION FOR"), privileges, "ON", target, "FROM", r.list(1, 2, () => r.pick(ROLES)), r.maybe(0.3, () => r.pick(["CASCADE", "RESTRICT"]))),
      () => `GRANT ${r.pick(["USAGE", "CREATE", "USAGE, CREATE"])} ON SCHEMA ${r.pick(SCHEMAS)} TO ${r.pick(ROLES)}`,
      () => `GRANT EXECUTE ON FUNCTION calc(int) TO ${r.pick(ROLES)}`,
      () => `GRANT ${r.pick(["CONNECT", "TEMPORARY", "CREATE"])} ON DATABASE appdb TO ${r.pick(ROLES)}`,
      () => `GRANT ${r.pick(["readonly", "reporter"])} TO ${r.pick(["app_user", "admin"])}${r.maybe(0.3, () => " WITH ADMIN OPTION")}`,
      () => `REVOKE ${r.pick(["readonly", "reporter"])} FROM app_user`,
      () => `ALTER DEFAULT PRIVILEGES IN SCHEMA ${r.pick(SCHEMAS)} GRANT SELECT ON TABLES TO readonly`,
      () => `CREATE ROLE ${r.pick(["app_user", "readonly", '"Ops Team"'])}${r.maybe(0.6, () => ` WITH ${r.some(["LOGIN", "NOLOGIN", "CREATEDB", "PASSWORD 'secret'", "CONNECTION LIMIT 5", "INHERIT"], 1, 3).join(" ")}`)}`,
      () => `ALTER ROLE app_user ${r.pick(["SET search_path = app, public", "WITH PASSWORD NULL", "RENAME TO app_user2", "NOSUPERUSER"])}`,
    ])();
  }

  function rename() {
    return r.pick([
      () => `ALTER TABLE ${r.pick(TABLES)} RENAME TO ${r.pick(TABLES)}_archive`,
      () => `ALTER TABLE IF EXISTS ${r.pick(TABLES)} RENAME COLUMN ${col()} TO ${col()}_v2`,
      () => `ALTER INDEX idx_${r.int(1, 99)} RENAME TO idx_new_${r.int(1, 99)}`,
      () => `ALTER SEQUENCE seq_${r.int(1, 9)} RENAME TO seq_renamed`,
      () => `ALTER VIEW v_${r.pick(TABLES)} RENAME TO v_renamed`,
      () => `ALTER SCHEMA ${r.pick(SCHEMAS)} RENAME TO ${r.pick(SCHEMAS)}_old`,
      () => `ALTER TYPE status_t RENAME TO status_type`,
      () => `ALTER FUNCTION calc(integer, integer) RENAME TO calc_sum`,
      () => `ALTER DATABASE appdb RENAME TO appdb_old`,
      () => `ALTER TABLE ${r.pick(TABLES)} RENAME CONSTRAINT ${r.pick(["pk_1", "fk_2"])} TO ${r.pick(["pk_main", "fk_user"])}`,
    ])();
  }

  function tcl() {
    return r.pick([
      () => words(r.pick(["BEGIN", "BEGIN WORK", "BEGIN TRANSACTION", "START TRANSACTION"]), r.maybe(0.3, () => r.pick(["ISOLATION LEVEL SERIALIZABLE", "ISOLATION LEVEL READ COMMITTED", "READ ONLY", "READ WRITE", "ISOLATION LEVEL REPEATABLE READ, READ ONLY", "DEFERRABLE"]))),
      () => r.pick(["COMMIT", "COMMIT WORK", "COMMIT TRANSACTION", "END", "COMMIT AND CHAIN", "ABORT"]),
      () => r.pick(["ROLLBACK", "ROLLBACK WORK", "ROLLBACK TRANSACTION", "ROLLBACK AND NO CHAIN"]),
      () => `SAVEPOINT sp_${r.int(1, 9)}`,
      () => `RELEASE ${r.maybe(0.5, () => "SAVEPOINT ")}sp_${r.int(1, 9)}`,
      () => `ROLLBACK ${r.maybe(0.5, () => "WORK ")}TO ${r.maybe(0.5, () => "SAVEPOINT ")}sp_${r.int(1, 9)}`,
      () => `SET TRANSACTION ISOLATION LEVEL ${r.pick(["SERIALIZABLE", "READ COMMITTED", "REPEATABLE READ", "READ UNCOMMITTED"])}`,
      () => `PREPARE TRANSACTION 'tx_${r.int(1, 99)}'`,
      () => `COMMIT PREPARED 'tx_${r.int(1, 99)}'`,
      () => `SET CONSTRAINTS ALL ${r.pick(["DEFERRED", "IMMEDIATE"])}`,
    ])();
  }

  function utility() {
    return r.pick([
      () => words("SET", r.pick(["", "", "SESSION", "LOCAL"]), r.pick(["search_path", "statement_timeout", "work_mem", "client_encoding", "application_name"]), r.pick(["TO", "="]), r.pick(["'5s'", "DEFAULT", "app, public", "'64MB'", "'UTF8'", "0", "'sextant'"])),
      () => `SET TIME ZONE ${r.pick(["'UTC'", "LOCAL", "'Europe/Paris'", "DEFAULT"])}`,
      () => `SET ROLE ${r.pick(["admin", "NONE"])}`,
      () => `SET SESSION AUTHORIZATION DEFAULT`,
      () => `RESET ${r.pick(["ALL", "search_path", "ROLE"])}`,
      () => `SHOW ${r.pick(["search_path", "ALL", "TIME ZONE", "server_version", "TRANSACTION ISOLATION LEVEL"])}`,
      () => words("EXPLAIN", r.pick(["", "ANALYZE", "VERBOSE", "ANALYZE VERBOSE", "(ANALYZE, BUFFERS)", "(FORMAT JSON)", "(ANALYZE true, COSTS false, TIMING off)", "(SETTINGS)"]), r.pick([fullSelect, insert, update, del])()),
      () => words(r.pick(["ANALYZE", "ANALYSE"]), r.maybe(0.3, () => "VERBOSE"), r.maybe(0.7, () => r.pick(TABLES)), r.maybe(0.3, () => `(${r.list(1, 2, col)})`)).replace(/^(ANALY[SZ]E(?: VERBOSE)?) \(/, "$1 users ("),
      () => words("VACUUM", r.pick(["", "FULL", "FREEZE", "VERBOSE", "ANALYZE", "FULL VERBOSE ANALYZE", "(VERBOSE, ANALYZE)", "(FULL, SKIP_LOCKED)", "(INDEX_CLEANUP off)"]), r.maybe(0.7, () => r.list(1, 2, () => r.pick(TABLES)))),
      () => words("TRUNCATE", r.maybe(0.5, () => "TABLE"), r.maybe(0.1, () => "ONLY"), r.list(1, 3, () => r.pick(TABLES)), r.maybe(0.4, () => r.pick(["RESTART IDENTITY", "CONTINUE IDENTITY"])), r.maybe(0.4, () => r.pick(["CASCADE", "RESTRICT"]))),
      () => words("COPY", r.pick(TABLES), r.maybe(0.4, () => `(${r.list(1, 3, col)})`), r.pick(["FROM", "TO"]), r.pick(["STDIN", "STDOUT", "'/tmp/data.csv'", "PROGRAM 'gzip -dc data.gz'"]), r.maybe(0.6, () => r.pick(["WITH (FORMAT csv, HEADER true)", "(FORMAT binary)", "WITH (FORMAT csv, DELIMITER ';', NULL '')", "CSV HEADER", "DELIMITER ','"]))).replace(/TO (STDIN)/, "TO STDOUT").replace(/FROM (STDOUT)/, "FROM STDIN"),
      () => `COPY (${fullSelect({ noLock: true })}) TO STDOUT WITH (FORMAT csv)`,
      () => `LISTEN events_channel`,
      () => `NOTIFY events_channel${r.maybe(0.5, () => ", 'payload'")}`,
      () => `UNLISTEN *`,
      () => words("LOCK", r.maybe(0.5, () => "TABLE"), r.pick(TABLES), r.maybe(0.6, () => `IN ${r.pick(["ACCESS EXCLUSIVE", "ROW EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE"])} MODE`), r.maybe(0.2, () => "NOWAIT")),
      () => `PREPARE stmt_${r.int(1, 9)}${r.maybe(0.5, () => " (int, text)")} AS ${r.pick([fullSelect, insert])()}`,
      () => `EXECUTE stmt_${r.int(1, 9)}${r.maybe(0.5, () => `(${r.list(1, 2, literal)})`)}`,
      () => `DEALLOCATE ${r.pick(["ALL", "stmt_1", "PREPARE stmt_2"])}`,
      () => `DECLARE cur ${r.maybe(0.3, () => "SCROLL ")}CURSOR ${r.maybe(0.3, () => "WITH HOLD ")}FOR ${simpleSelect()}`,
      () => `FETCH ${r.pick(["NEXT", "10", "ALL", "PRIOR", "FORWARD 5"])} FROM cur`,
      () => `CLOSE ${r.pick(["cur", "ALL"])}`,
      () => `REINDEX ${r.pick(["TABLE", "INDEX"])} ${r.maybe(0.3, () => "CONCURRENTLY ")}${r.pick(TABLES)}`,
      () => `CLUSTER ${r.pick(TABLES)} USING idx_1`,
      () => `CHECKPOINT`,
      () => `DISCARD ${r.pick(["ALL", "PLANS", "TEMP"])}`,
      () => `CREATE DATABASE appdb${r.maybe(0.5, () => " WITH OWNER admin ENCODING 'UTF8'")}`,
      () => `CREATE POLICY own_rows ON ${r.pick(TABLES)} FOR ${r.pick(["SELECT", "ALL", "UPDATE"])} TO app_user USING (user_id = current_setting('app.user')::int)`,
    ])();
  }

  return {
    kinds: {
      "select.basic": () => fullSelect(),
      "select.join": () => words("SELECT", r.list(1, 3, () => target()), "FROM", fromItem(0).includes("JOIN") ? fromItem(0) : `${r.pick(TABLES)} ${alias()} ${r.pick(["JOIN", "LEFT JOIN", "RIGHT OUTER JOIN", "FULL OUTER JOIN", "INNER JOIN"])} ${r.pick(TABLES)} ${alias()} ON ${cond(2)}`, r.maybe(0.5, () => `WHERE ${cond()}`)),
      "select.subquery": () => words("SELECT", r.pick([`(${scalarSubquery()}) AS sq`, qcol()]), "FROM", r.chance(0.5) ? `(${fullSelect({ noLock: true })}) AS d` : r.pick(TABLES), "WHERE", r.pick([`EXISTS (SELECT 1 FROM ${r.pick(TABLES)} WHERE ${cond(2)})`, `${col()} IN (SELECT ${col()} FROM ${r.pick(TABLES)})`, `${col()} > ALL (SELECT ${col()} FROM ${r.pick(TABLES)})`, cond()])),
      "select.set-operation": setOperation,
      "select.cte": () => words(withClause(), fullSelect()),
      "select.cte-recursive": recursive,
      "select.cte-data-modifying": () => words(withClause(true), r.pick([() => "SELECT * FROM " + "recent0", () => fullSelect()])()),
      "select.window": () => {
        const named = r.chance(0.4) ? r.pick(["w", "win", "by_user"]) : undefined;
        return words(simpleSelect({ window: named, namedWindow: named, leadTarget: `${windowCall(named)} AS wf` }), r.maybe(0.4, () => `ORDER BY ${orderItems()}`));
      },
      "select.grouping": () => words(`SELECT ${r.list(1, 2, col)}, ${aggregate()}${r.maybe(0.3, () => `, GROUPING(${col()})`)}`, `FROM ${fromItem(1)}`, r.maybe(0.4, () => `WHERE ${cond()}`), `GROUP BY ${groupBy()}`, r.maybe(0.4, () => `HAVING ${aggregate()} > ${r.int(0, 9)}`)),
      "select.values": valuesStatement,
      "select.distinct-on": () => words(`SELECT DISTINCT ON (${r.list(1, 2, qcol)}) ${r.list(1, 3, () => target())}`, `FROM ${fromItem(1)}`, r.maybe(0.4, () => `WHERE ${cond()}`), `ORDER BY ${orderItems()}`),
      "select.lateral": () => `SELECT ${r.list(1, 3, qcol)} FROM ${r.pick(TABLES)} ${alias()}${r.pick([",", " CROSS JOIN", " LEFT JOIN"])} LATERAL ${r.pick([`(SELECT * FROM ${r.pick(TABLES)} x WHERE x.user_id = ${alias()}.id ORDER BY x.created_at DESC LIMIT ${r.int(1, 5)})`, "jsonb_array_elements(payload)", "generate_series(1, qty)", "unnest(tags)"])} ${alias()}${r.maybe(0, () => "")}`.replace(/(LEFT JOIN LATERAL .*)$/, "$1 ON true"),
      "select.filter": () => `SELECT ${r.list(1, 2, col)}, ${r.pick(AGGS)}(${col()}) FILTER (WHERE ${cond(1)}) AS filtered, count(*) FILTER (WHERE ${cond(2)}) FROM ${r.pick(TABLES)} GROUP BY ${r.list(1, 2, col)}`,
      "select.within-group": () => `SELECT ${r.pick(ORDERED_SET)}(${r.pick(["0.5", "0.25", "1", ""])}) WITHIN GROUP (ORDER BY ${qcol()}${r.maybe(0.4, () => " DESC")}) FROM ${r.pick(TABLES)}${r.maybe(0.5, () => ` GROUP BY ${col()}`)}`.replace(/mode\([^)]+\)/, "mode()"),
      "select.expressions": () => `SELECT ${r.list(2, 6, () => expr())}`,
      "select.locking": () => words(simpleSelect(), r.maybe(0.3, () => `ORDER BY ${orderItems()}`), r.maybe(0.3, () => limitClause()), lockingClause()),
      "select.into": () => `SELECT ${r.list(1, 3, col)} INTO ${r.pick(["", "TEMP ", "UNLOGGED "])}${r.pick(TABLES)}_copy FROM ${r.pick(TABLES)}${r.maybe(0.5, () => ` WHERE ${cond()}`)}`,
      "select.table": () => `TABLE ${r.pick(TABLES)}${r.maybe(0.3, () => " ORDER BY 1")}`,
      insert,
      update,
      delete: del,
      merge,
      "ddl.create-table": createTable,
      "ddl.alter-table": alterTable,
      "ddl.drop": dropStatement,
      "ddl.create-index": createIndex,
      "ddl.view": createView,
      "ddl.schema-sequence": schemaSequence,
      "ddl.type-domain": typeDomain,
      "ddl.function": createFunction,
      "ddl.function-misc": functionMisc,
      "ddl.trigger": trigger,
      "ddl.extension-comment": extensionComment,
      "ddl.grant-revoke": grantRevoke,
      "ddl.rename": rename,
      tcl,
      utility,
    },
  };
}
