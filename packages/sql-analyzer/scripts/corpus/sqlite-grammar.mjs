// Template grammar for generated SQLite statements (checked against better-sqlite3 by
// the generate script). Names are made up; nothing is taken from a public corpus.

import { words } from "./random.mjs";

const TABLES = ["users", "orders", "items", "notes", "tags", "events"];
const COLUMNS = ["id", "name", "email", "created_at", "amount", "status", "user_id", "price", "qty", "body", "score", "kind"];
const ALIASES = ["t", "u", "o", "i", "n", "x"];
const TYPES = ["INTEGER", "TEXT", "REAL", "BLOB", "NUMERIC", "ANY", "INT", "VARCHAR(20)", "DECIMAL(10, 2)", "BOOLEAN", "DATETIME", "", "UNSIGNED BIG INT", "DOUBLE PRECISION"];
const STRICT_TYPES = ["INTEGER", "TEXT", "REAL", "BLOB", "ANY", "INT"];
const CMP = ["=", "==", "<>", "!=", "<", "<=", ">", ">="];
const STRINGS = ["'active'", "'it''s'", "''", "'a%'", "'2024-01-01'", "'now'", "X'0A1B'", "'multi\nline'", "'naïve'"];

/** Builds the SQLite generators over one seeded random source. */
export function sqliteGrammar(rnd) {
  const r = rnd;
  const table = () => (r.chance(0.9) ? r.pick(TABLES) : r.pick(["main.users", '"users"', "[orders]", "`items`", "temp.scratch"]));
  const col = () => r.pick(COLUMNS);
  const alias = () => r.pick(ALIASES);
  const qcol = () => (r.chance(0.35) ? `${alias()}.${col()}` : col());
  const param = () => r.pick(["?", "?1", "?2", ":name", "@id", "$value", ":user_id"]);
  const num = () => r.pick([String(r.int(0, 999)), `${r.int(0, 9)}.${r.int(0, 99)}`, "1e3", "0x1F", ".5", "-1"]);

  const literal = () => r.pick([num, () => r.pick(STRINGS), () => "NULL", () => "TRUE", () => "FALSE", param, () => "CURRENT_TIMESTAMP", () => "CURRENT_DATE"])();

  function expr(depth = 0) {
    if (depth > 2) return r.chance(0.5) ? qcol() : literal();
    const d = depth + 1;
    return r.pick([
      qcol, qcol, literal, literal,
      () => `${expr(d)} ${r.pick(["+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>"])} ${expr(d)}`,
      () => `-${qcol()}`,
      () => `~${qcol()}`,
      () => `(${expr(d)})`,
      () => `${r.pick(["lower", "upper", "length", "abs", "trim", "hex", "quote", "typeof", "unicode", "round"])}(${expr(d)})`,
      () => `coalesce(${expr(d)}, ${literal()})`,
      () => `ifnull(${qcol()}, 0)`,
      () => `iif(${cond(d)}, ${literal()}, ${literal()})`,
      () => `substr(${qcol()}, ${r.int(1, 4)}, ${r.int(1, 4)})`,
      () => `CAST(${expr(d)} AS ${r.pick(["INTEGER", "TEXT", "REAL", "BLOB", "NUMERIC"])})`,
      () => `CASE ${r.list(1, 3, () => `WHEN ${cond(d)} THEN ${expr(d)}`, " ")}${r.maybe(0.5, () => ` ELSE ${literal()}`)} END`,
      () => `CASE ${qcol()} WHEN ${literal()} THEN ${literal()} ELSE ${literal()} END`,
      () => `${qcol()} COLLATE ${r.pick(["NOCASE", "BINARY", "RTRIM"])}`,
      () => `json_extract(${qcol()}, '$.a')`,
      () => `${qcol()} -> '$.a'`,
      () => `${qcol()} ->> 'name'`,
      () => `datetime('now', '-1 day')`,
      () => `strftime('%Y', ${qcol()})`,
      () => `(SELECT max(${col()}) FROM ${table()})`,
      () => `printf('%d-%s', ${qcol()}, ${qcol()})`,
      () => `random()`,
    ])();
  }

  function cond(depth = 0) {
    const d = depth + 1;
    if (depth > 2) return `${qcol()} ${r.pick(CMP)} ${literal()}`;
    return r.pick([
      () => `${expr(d)} ${r.pick(CMP)} ${expr(d)}`,
      () => `${cond(d)} AND ${cond(d)}`,
      () => `${cond(d)} OR ${cond(d)}`,
      () => `NOT ${cond(d)}`,
      () => `(${cond(d)})`,
      () => `${qcol()} IS ${r.pick(["NULL", "NOT NULL", "TRUE", "FALSE"])}`,
      () => `${qcol()} ${r.pick(["ISNULL", "NOTNULL", "NOT NULL"])}`,
      () => `${qcol()} IS ${r.pick(["", "NOT "])}${literal()}`,
      () => `${qcol()} IS ${r.pick(["", "NOT "])}DISTINCT FROM ${literal()}`,
      () => `${qcol()} ${r.pick(["", "NOT "])}BETWEEN ${num()} AND ${num()}`,
      () => `${qcol()} ${r.pick(["", "NOT "])}IN (${r.list(1, 4, literal)})`,
      () => `${qcol()} IN (SELECT ${col()} FROM ${table()})`,
      () => `${qcol()} IN ${r.pick(TABLES)}`,
      () => `${qcol()} ${r.pick(["LIKE", "NOT LIKE", "GLOB", "NOT GLOB"])} ${r.pick(["'a%'", "'*x?'", "?"])}${r.maybe(0.2, () => " ESCAPE '\\'")}`.replace(/GLOB (.*) ESCAPE.*$/, "GLOB $1"),
      () => `${r.pick(["", "NOT "])}EXISTS (SELECT 1 FROM ${table()} WHERE ${cond(d + 1)})`,
      () => `(${qcol()}, ${qcol()}) = (${literal()}, ${literal()})`,
    ])();
  }

  function orderItems() {
    return r.list(1, 3, () => words(qcol(), r.pick(["", "ASC", "DESC"]), r.pick(["", "", "NULLS FIRST", "NULLS LAST"])));
  }

  function windowCall() {
    return `${r.pick(["row_number()", "rank()", "dense_rank()", "ntile(3)", "lag(amount)", "lead(amount, 1, 0)", "first_value(name)", "sum(amount)", "count(*)", "avg(price)"])}${r.maybe(0.15, () => ` FILTER (WHERE ${cond(2)})`)} OVER (${words(r.maybe(0.6, () => `PARTITION BY ${qcol()}`), r.maybe(0.7, () => `ORDER BY ${orderItems()}`), r.maybe(0.3, () => r.pick(["ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "RANGE UNBOUNDED PRECEDING", "GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES", "ROWS 2 PRECEDING"])))})`;
  }

  function target() {
    return r.pick([
      () => "*",
      () => `${alias()}.*`,
      qcol,
      () => `${expr()} AS ${r.pick(["total", "label", "n", '"Display"'])}`,
      () => expr(),
      () => `${r.pick(["count", "sum", "avg", "min", "max", "group_concat", "total"])}(${r.pick(["*", qcol(), `DISTINCT ${qcol()}`])})`.replace(/(sum|avg|min|max|total|group_concat)\(\*\)/, "$1(amount)"),
      () => `${windowCall()} AS w`,
    ])();
  }

  function fromItem(depth = 0) {
    const base = r.pick([
      () => `${table()}${r.maybe(0.7, () => ` ${r.pick(["", "AS "])}${alias()}`)}`,
      () => `${r.pick(TABLES)} ${alias()} INDEXED BY idx_${r.pick(TABLES)}`,
      () => `${r.pick(TABLES)} NOT INDEXED`,
      () => `(${simpleSelect()}) ${alias()}`,
      () => `json_each(${r.pick(["'[1,2]'", "body"])})`,
      () => `generate_series(1, 10)`,
      () => `(VALUES (1, 'a'), (2, 'b')) v`,
    ])();
    if (depth > 1 || r.chance(0.5)) return base;
    return r.pick([
      () => `${base} ${r.pick(["JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "RIGHT JOIN", "FULL OUTER JOIN", "CROSS JOIN"])} ${fromItem(2)} ON ${cond(2)}`,
      () => `${base} JOIN ${r.pick(TABLES)} ${alias()} USING (${col()})`,
      () => `${base} NATURAL JOIN ${r.pick(TABLES)}`,
      () => `${base}, ${fromItem(depth + 1)}`,
    ])();
  }

  function simpleSelect() {
    const group = r.chance(0.2) ? `GROUP BY ${r.list(1, 2, qcol)}` : "";
    return words(
      "SELECT", r.pick(["", "", "", "DISTINCT", "ALL"]), r.list(1, 4, target),
      r.chance(0.9) ? `FROM ${fromItem()}` : "",
      r.maybe(0.6, () => `WHERE ${cond()}`),
      group, group ? r.maybe(0.4, () => `HAVING count(*) > ${r.int(0, 9)}`) : "",
      r.maybe(0.05, () => "WINDOW win AS (PARTITION BY status)"),
    );
  }

  function fullSelect() {
    return words(simpleSelect(), r.maybe(0.4, () => `ORDER BY ${orderItems()}`), r.maybe(0.35, () => r.pick([`LIMIT ${r.int(1, 99)}`, `LIMIT ${r.int(1, 99)} OFFSET ${r.int(0, 9)}`, `LIMIT ${r.int(0, 9)}, ${r.int(1, 99)}`, "LIMIT ?"])));
  }

  function compound() {
    let sql = simpleSelect();
    let endsWithValues = false;
    for (let i = 0, n = r.int(1, 3); i < n; i++) {
      endsWithValues = r.chance(0.2);
      sql += ` ${r.pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT"])} ${endsWithValues ? "VALUES (1)" : simpleSelect()}`;
    }
    // SQLite rejects ORDER BY / LIMIT right after a VALUES arm.
    if (endsWithValues) return sql;
    return words(sql, r.maybe(0.3, () => "ORDER BY 1"), r.maybe(0.3, () => "LIMIT 5"));
  }

  function withClause() {
    return `WITH ${r.list(1, 2, (i) => `c${i}${r.maybe(0.3, () => "(a)")} AS ${r.pick(["", "", "MATERIALIZED ", "NOT MATERIALIZED "])}(${r.pick([simpleSelect, compound, () => "VALUES (1), (2)"])()})`)}`;
  }

  function returning() {
    return r.maybe(0.25, () => `RETURNING ${r.pick(["*", r.list(1, 2, col), `${col()} AS c`])}`);
  }

  function insert() {
    const cols = r.maybe(0.8, () => `(${r.list(1, 3, col)})`);
    const width = cols ? cols.split(",").length : r.int(1, 3);
    const source = r.pick([
      () => `VALUES ${r.list(1, 3, () => `(${Array.from({ length: width }, literal).join(", ")})`)}`,
      () => `SELECT ${Array.from({ length: width }, qcol).join(", ")} FROM ${fromItem(1)}${r.maybe(0.5, () => ` WHERE ${cond(1)}`)}`,
      () => "DEFAULT VALUES",
    ])();
    const verb = r.pick(["INSERT", "INSERT", "INSERT OR REPLACE", "INSERT OR IGNORE", "INSERT OR ABORT", "INSERT OR ROLLBACK", "INSERT OR FAIL", "REPLACE"]);
    const upsertAllowed = verb === "INSERT" && source !== "DEFAULT VALUES";
    const upsert = upsertAllowed
      ? r.maybe(0.4, () => r.pick([
        "ON CONFLICT DO NOTHING",
        `ON CONFLICT (${col()}) DO NOTHING`,
        `ON CONFLICT (${col()}) DO UPDATE SET ${col()} = excluded.${col()}${r.maybe(0.3, () => ` WHERE ${cond(2)}`)}`,
        `ON CONFLICT (${col()}) WHERE ${col()} IS NOT NULL DO UPDATE SET (${col()}, ${col()}) = (1, 2)`,
      ]))
      : "";
    // SQLite needs a WHERE (or ON) before ON CONFLICT after INSERT ... SELECT to avoid the join ambiguity.
    const fixedSource = upsert && source.startsWith("SELECT") && !source.includes("WHERE") ? `${source} WHERE true` : source;
    return words(r.maybe(0.1, withClause), verb, "INTO", table(), r.maybe(0.15, () => `AS ${alias()}`), cols, fixedSource, upsert, returning());
  }

  function update() {
    return words(
      r.maybe(0.1, withClause),
      r.pick(["UPDATE", "UPDATE", "UPDATE OR REPLACE", "UPDATE OR IGNORE"]),
      table(), r.maybe(0.2, () => `AS ${alias()}`),
      "SET", r.pick([() => r.list(1, 3, () => `${col()} = ${expr(1)}`), () => `(${col()}, ${col()}) = (${literal()}, ${literal()})`])(),
      r.maybe(0.2, () => `FROM ${fromItem(1)}`),
      r.maybe(0.85, () => `WHERE ${cond()}`),
      returning(),
    );
  }

  function columnDef(strict) {
    const constraints = r.some(["NOT NULL", "UNIQUE", `DEFAULT ${r.pick(["0", "'x'", "(datetime('now'))", "CURRENT_TIMESTAMP", "-1", "NULL"])}`, `CHECK (${col()} ${r.pick(CMP)} 0)`, `REFERENCES ${r.pick(TABLES)}(id)${r.maybe(0.5, () => ` ON DELETE ${r.pick(["CASCADE", "SET NULL", "RESTRICT", "NO ACTION"])}`)}`, "COLLATE NOCASE", `GENERATED ALWAYS AS (${col()} * 2) ${r.pick(["STORED", "VIRTUAL", ""])}`.trim(), `AS (${col()} + 1)`, "PRIMARY KEY", "NOT NULL ON CONFLICT IGNORE", "UNIQUE ON CONFLICT REPLACE", "CONSTRAINT nn NOT NULL"], 0, 2);
    return words(`${col()}${r.chance(0.3) ? "_" + r.int(1, 9) : ""}`, strict ? r.pick(STRICT_TYPES) : r.pick(TYPES), ...constraints);
  }

  function createTable() {
    const strict = r.chance(0.15);
    const withoutRowid = r.chance(0.15);
    const items = [r.chance(0.5) ? `id INTEGER PRIMARY KEY${r.maybe(0.4, () => " AUTOINCREMENT")}` : columnDef(strict)];
    for (let i = 0, n = r.int(0, 4); i < n; i++) items.push(columnDef(strict));
    if (r.chance(0.3)) items.push(r.pick([`PRIMARY KEY (${col()}, ${col()})`, `UNIQUE (${col()})${r.maybe(0.3, () => " ON CONFLICT ROLLBACK")}`, `CHECK (${cond(2)})`, `FOREIGN KEY (${col()}) REFERENCES ${r.pick(TABLES)}(id) DEFERRABLE INITIALLY DEFERRED`, `CONSTRAINT pk PRIMARY KEY (id)`]));
    const options = [withoutRowid ? "WITHOUT ROWID" : "", strict ? "STRICT" : ""].filter(Boolean).join(", ");
    return r.pick([
      () => words("CREATE", r.pick(["", "", "TEMP", "TEMPORARY"]), "TABLE", r.maybe(0.4, () => "IF NOT EXISTS"), `${r.pick(TABLES)}_${r.int(1, 99)}`, `(${items.join(", ")})`, options),
      () => words("CREATE TABLE", r.maybe(0.4, () => "IF NOT EXISTS"), `${r.pick(TABLES)}_copy`, "AS", fullSelect()),
      () => `CREATE VIRTUAL TABLE docs USING ${r.pick(["fts5(title, body)", "rtree(id, minx, maxx)", "fts4(content)"])}`,
    ])();
  }

  function ddl() {
    return r.pick([
      createTable, createTable,
      () => `ALTER TABLE ${r.pick(TABLES)} ${r.pick([`RENAME TO ${r.pick(TABLES)}_old`, `RENAME COLUMN ${col()} TO ${col()}_new`, `RENAME ${col()} TO ${col()}_2`, `ADD COLUMN ${columnDef(false)}`.replace(/PRIMARY KEY|UNIQUE(?: ON CONFLICT REPLACE)?/g, ""), `ADD ${col()}_x TEXT`, `DROP COLUMN ${col()}`, `DROP ${col()}`])}`,
      () => words("CREATE", r.maybe(0.3, () => "UNIQUE"), "INDEX", r.maybe(0.3, () => "IF NOT EXISTS"), `idx_${r.int(1, 99)}`, "ON", r.pick(TABLES), `(${r.list(1, 3, () => words(r.pick([col(), `lower(${col()})`]), r.pick(["", "COLLATE NOCASE"]), r.pick(["", "ASC", "DESC"])))})`, r.maybe(0.3, () => `WHERE ${cond(2)}`)),
      () => words("CREATE", r.pick(["", "TEMP"]), "VIEW", r.maybe(0.3, () => "IF NOT EXISTS"), `v_${r.int(1, 99)}`, r.maybe(0.3, () => "(a, b)"), "AS", r.pick([fullSelect, compound])()),
      () => words("CREATE", r.pick(["", "TEMP"]), "TRIGGER", r.maybe(0.3, () => "IF NOT EXISTS"), `trg_${r.int(1, 99)}`, r.pick(["BEFORE", "AFTER", "", "INSTEAD OF"]), r.pick(["INSERT", "DELETE", "UPDATE", `UPDATE OF ${col()}, ${col()}`]), "ON", r.pick(TABLES), r.maybe(0.5, () => "FOR EACH ROW"), r.maybe(0.3, () => `WHEN ${r.pick(["NEW.amount > 0", "OLD.status <> NEW.status", "1"])}`), `BEGIN ${r.list(1, 3, () => r.pick([`UPDATE ${r.pick(TABLES)} SET ${col()} = NEW.${col()} WHERE id = OLD.id;`, `INSERT INTO events (kind) VALUES ('changed');`, `DELETE FROM notes WHERE user_id = OLD.id;`, `SELECT RAISE(ABORT, 'nope') WHERE NEW.qty < 0;`, `SELECT RAISE(IGNORE);`]), " ")} END`),
      () => words("DROP", r.pick(["TABLE", "INDEX", "VIEW", "TRIGGER"]), r.maybe(0.5, () => "IF EXISTS"), r.pick(["users", "main.orders", "idx_1", "v_1", "trg_1"])),
    ])();
  }

  function other() {
    return r.pick([
      () => `PRAGMA ${r.pick(["foreign_keys", "journal_mode", "user_version", "main.cache_size", "table_info(users)", "index_list('orders')", "integrity_check", "synchronous"])}${r.maybe(0.4, () => ` = ${r.pick(["ON", "OFF", "WAL", "1", "-2000", "NORMAL", "'delete'"])}`)}`.replace(/(\)|integrity_check) = .*$/, "$1"),
      () => `ATTACH ${r.pick(["DATABASE ", ""])}${r.pick(["'other.db'", "':memory:'", "?"])} AS ${r.pick(["other", "aux", "archive"])}`,
      () => `DETACH ${r.pick(["DATABASE ", ""])}${r.pick(["other", "aux"])}`,
      () => `BEGIN${r.maybe(0.5, () => ` ${r.pick(["DEFERRED", "IMMEDIATE", "EXCLUSIVE"])}`)}${r.maybe(0.4, () => " TRANSACTION")}`,
      () => r.pick(["COMMIT", "END", "COMMIT TRANSACTION", "END TRANSACTION", "ROLLBACK", "ROLLBACK TRANSACTION"]),
      () => `SAVEPOINT sp${r.int(1, 9)}`,
      () => `RELEASE ${r.maybe(0.5, () => "SAVEPOINT ")}sp${r.int(1, 9)}`,
      () => `ROLLBACK ${r.maybe(0.5, () => "TRANSACTION ")}TO ${r.maybe(0.5, () => "SAVEPOINT ")}sp${r.int(1, 9)}`,
      () => r.pick(["VACUUM", "VACUUM main", "VACUUM INTO 'backup.db'", "ANALYZE", "ANALYZE users", "REINDEX", "REINDEX users", "REINDEX NOCASE"]),
      () => `EXPLAIN ${r.maybe(0.5, () => "QUERY PLAN ")}${fullSelect()}`,
    ])();
  }

  return {
    kinds: {
      "select.basic": fullSelect,
      "select.join": () => words("SELECT", r.list(1, 3, target), "FROM", `${r.pick(TABLES)} ${alias()} ${r.pick(["JOIN", "LEFT JOIN", "INNER JOIN", "CROSS JOIN", "RIGHT JOIN", "FULL JOIN"])} ${r.pick(TABLES)} ${alias()} ON ${cond(2)}`, r.maybe(0.5, () => `WHERE ${cond()}`)),
      "select.compound": compound,
      "select.cte": () => words(withClause(), fullSelect()),
      "select.cte-recursive": () => `WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt WHERE x < ${r.int(2, 100)}${r.maybe(0.3, () => " LIMIT 1000")}) SELECT ${r.pick(["x", "count(*)", "sum(x)"])} FROM cnt`,
      "select.window": () => words(`SELECT ${windowCall()} AS w, ${qcol()}`, `FROM ${r.pick(TABLES)} ${alias()}`, r.maybe(0.4, () => `ORDER BY ${orderItems()}`)),
      "select.values": () => `VALUES ${r.list(1, 4, () => `(${r.int(1, 9)}, ${literal()})`)}`,
      "select.expressions": () => `SELECT ${r.list(1, 5, () => expr())}`,
      insert,
      update,
      delete: () => words(r.maybe(0.1, withClause), "DELETE FROM", table(), r.maybe(0.85, () => `WHERE ${cond()}`), returning()),
      ddl,
      other,
    },
  };
}
