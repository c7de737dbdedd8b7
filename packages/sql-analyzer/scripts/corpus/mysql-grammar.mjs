// Template grammar for generated MySQL statements. There is no real MySQL parser in
// this repository, so these are valid by construction only (used for parse and format
// tests, not for an agreement figure).

import { words } from "./random.mjs";

const TABLES = ["users", "orders", "`order items`", "products", "shop.customers", "`select`"];
const COLUMNS = ["id", "name", "email", "created_at", "amount", "status", "user_id", "price", "`key`", "`desc`", "qty"];
const CMP = ["=", "<>", "!=", "<", "<=", ">", ">=", "<=>"];
const STRINGS = ["'active'", "'it''s'", "'it\\'s'", "\"double\"", "''", "'a%'", "_utf8mb4'x'", "X'4D'", "0x4D", "b'101'"];

/** Builds the MySQL generators over one seeded random source. */
export function mysqlGrammar(rnd) {
  const r = rnd;
  const col = () => r.pick(COLUMNS);
  const table = () => r.pick(TABLES);
  const literal = () => r.pick([() => String(r.int(0, 999)), () => r.pick(STRINGS), () => "NULL", () => "TRUE", () => "?", () => "@var", () => "CURRENT_TIMESTAMP", () => "NOW()", () => `NOW() + INTERVAL ${r.int(1, 9)} DAY`])(); // MySQL takes INTERVAL only in date arithmetic

  /**
   * A column's type and one attribute. MySQL gives a CHARACTER SET to character types only,
   * and CURRENT_TIMESTAMP defaults to temporal types only: another type gets NOT NULL instead
   * (the same random draws either way).
   */
  function columnTypeAndAttribute() {
    const type = r.pick(["VARCHAR(255)", "TEXT", "DECIMAL(10,2)", "DATETIME", "TIMESTAMP", "JSON", "TINYINT(1)", "ENUM('a','b')", "SET('x','y')", "MEDIUMTEXT", "DOUBLE UNSIGNED"]);
    let attribute = r.pick(["", "NOT NULL", "NULL", "DEFAULT NULL", "DEFAULT CURRENT_TIMESTAMP", "CHARACTER SET utf8mb4", "COMMENT 'a comment'"]);
    const character = /^(VARCHAR|TEXT|ENUM|SET|MEDIUMTEXT)/.test(type);
    const temporal = type === "DATETIME" || type === "TIMESTAMP";
    if ((attribute === "CHARACTER SET utf8mb4" && !character) || (attribute === "DEFAULT CURRENT_TIMESTAMP" && !temporal)) attribute = "NOT NULL";
    return [type, attribute];
  }

  /** A select list; MySQL takes a bare `*` only first, so a later one is qualified. */
  function selectItems() {
    let n = 0;
    return r.list(1, 4, () => {
      const item = r.pick(["*", col(), `${expr()} AS ${r.pick(["total", "`label`", "n"])}`, "COUNT(*)"]);
      return item === "*" && n++ > 0 ? "t2.*" : (n++, item);
    });
  }

  function expr(depth = 0) {
    if (depth > 2) return r.chance(0.5) ? col() : literal();
    const d = depth + 1;
    return r.pick([
      col, literal,
      () => `${expr(d)} ${r.pick(["+", "-", "*", "/", "DIV", "MOD", "%", "&", "|", "^"])} ${expr(d)}`,
      () => `CONCAT(${expr(d)}, ${expr(d)})`,
      () => `IFNULL(${col()}, ${literal()})`,
      () => `IF(${cond(d)}, ${literal()}, ${literal()})`,
      () => `CAST(${col()} AS ${r.pick(["CHAR", "SIGNED", "UNSIGNED", "DECIMAL(10, 2)", "DATE", "JSON"])})`,
      () => `${col()}->'$.a'`,
      () => `${col()}->>'$.name'`,
      () => `DATE_ADD(${col()}, INTERVAL 1 DAY)`,
      () => `CASE WHEN ${cond(d)} THEN ${literal()} ELSE ${literal()} END`,
      () => `GROUP_CONCAT(${col()} ORDER BY ${col()} SEPARATOR ', ')`,
      () => `COUNT(DISTINCT ${col()})`,
    ])();
  }

  function cond(depth = 0) {
    const d = depth + 1;
    if (depth > 2) return `${col()} ${r.pick(CMP)} ${literal()}`;
    return r.pick([
      () => `${expr(d)} ${r.pick(CMP)} ${expr(d)}`,
      () => `${cond(d)} ${r.pick(["AND", "OR", "&&", "||", "XOR"])} ${cond(d)}`,
      () => `NOT ${cond(d)}`,
      () => `${col()} IS ${r.pick(["NULL", "NOT NULL"])}`,
      () => `${col()} ${r.pick(["LIKE", "NOT LIKE", "REGEXP", "RLIKE"])} 'a%'`,
      () => `${col()} IN (${r.list(1, 3, literal)})`,
      () => `${col()} BETWEEN 1 AND 10`,
      () => `EXISTS (SELECT 1 FROM ${table()} WHERE ${cond(d + 1)})`,
      () => `MATCH (${col()}) AGAINST ('word' IN BOOLEAN MODE)`,
    ])();
  }

  /** A SELECT; `arm` leaves out ORDER BY, LIMIT and locking (a UNION arm may not have them unparenthesised). */
  function select(arm = false) {
    const tail = (clause) => (arm ? "" : clause);
    return words(
      "SELECT", r.pick(["", "", "DISTINCT", "SQL_CALC_FOUND_ROWS", "STRAIGHT_JOIN", "HIGH_PRIORITY"]), selectItems(),
      // Index hints belong right after their table, before any join.
      "FROM", table(), r.maybe(0.2, () => `${r.pick(["USE", "FORCE", "IGNORE"])} INDEX (idx_${r.int(1, 9)})`),
      r.maybe(0.3, () => {
        const join = r.pick(["JOIN", "LEFT JOIN", "STRAIGHT_JOIN", "INNER JOIN", "RIGHT JOIN", "CROSS JOIN"]);
        return `${join} ${table()} t2${join === "CROSS JOIN" ? "" : ` ON ${cond(2)}`}`;
      }),
      r.maybe(0.6, () => `WHERE ${cond()}`),
      r.maybe(0.2, () => `GROUP BY ${col()}${r.maybe(0.3, () => " WITH ROLLUP")}`),
      tail(r.maybe(0.3, () => `ORDER BY ${col()} ${r.pick(["ASC", "DESC"])}`)),
      tail(r.maybe(0.4, () => r.pick([`LIMIT ${r.int(1, 99)}`, `LIMIT ${r.int(0, 99)}, ${r.int(1, 99)}`, `LIMIT ${r.int(1, 9)} OFFSET ${r.int(1, 9)}`]))),
      tail(r.maybe(0.05, () => r.pick(["FOR UPDATE", "LOCK IN SHARE MODE", "FOR SHARE SKIP LOCKED"]))),
    );
  }

  function createTable() {
    const colsDef = [`id ${r.pick(["INT", "BIGINT UNSIGNED", "INT(11)"])} NOT NULL AUTO_INCREMENT`];
    for (let i = 0, n = r.int(1, 4); i < n; i++) {
      colsDef.push(words((i ? `${r.pick(["name", "email", "status", "amount", "created_at", "payload", "flags"])}_${i}` : r.pick(["name", "email", "`status`", "amount", "created_at", "payload", "flags"])), ...columnTypeAndAttribute(), r.maybe(0.1, () => "ON UPDATE CURRENT_TIMESTAMP")));
    }
    colsDef.push("PRIMARY KEY (id)");
    if (r.chance(0.4)) colsDef.push(r.pick(["UNIQUE KEY uk_email (email_1)", "KEY idx_created (created_at_1)", "INDEX (name)", "FULLTEXT KEY ft (name)", "CONSTRAINT fk_u FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE"]));
    return words("CREATE", r.maybe(0.2, () => "TEMPORARY"), "TABLE", r.maybe(0.3, () => "IF NOT EXISTS"), r.pick(["`users`", "orders_archive", "shop.items"]), `(\n  ${colsDef.join(",\n  ")}\n)`, r.maybe(0.7, () => r.some(["ENGINE=InnoDB", "DEFAULT CHARSET=utf8mb4", "COLLATE=utf8mb4_unicode_ci", "AUTO_INCREMENT=100", "COMMENT='tbl'", "ROW_FORMAT=DYNAMIC"], 1, 3).join(" ")));
  }

  return {
    kinds: {
      "select.basic": select,
      "select.union": () => `${select(true)} UNION ${r.pick(["", "ALL "])}${select(true)}`,
      insert: () => words(r.pick(["INSERT", "INSERT IGNORE", "INSERT LOW_PRIORITY", "REPLACE"]), r.pick(["INTO ", ""]) + table(), `(${"id, name"})`, r.pick(["VALUES", "VALUE"]), r.list(1, 3, () => `(${literal()}, ${literal()})`), r.maybe(0.4, () => `ON DUPLICATE KEY UPDATE name = VALUES(name)${r.maybe(0.5, () => ", amount = amount + 1")}`)).replace(/^REPLACE (.*) ON DUPLICATE KEY UPDATE .*$/, "REPLACE $1"),
      "insert.set": () => `INSERT INTO ${table()} SET ${r.list(1, 3, () => `${col()} = ${literal()}`)}`,
      update: () => words(`UPDATE ${r.pick(["", "LOW_PRIORITY ", "IGNORE "])}${table()}`, r.maybe(0.2, () => `JOIN ${table()} t2 ON ${cond(2)}`), `SET ${r.list(1, 3, () => `${col()} = ${expr(1)}`)}`, r.maybe(0.8, () => `WHERE ${cond()}`), r.maybe(0.2, () => `ORDER BY ${col()} LIMIT ${r.int(1, 9)}`)),
      delete: () => words(`DELETE ${r.pick(["", "QUICK ", "IGNORE "])}FROM ${table()}`, r.maybe(0.8, () => `WHERE ${cond()}`), r.maybe(0.2, () => `LIMIT ${r.int(1, 99)}`)),
      "ddl.create-table": createTable,
      "ddl.alter-table": () => `ALTER TABLE ${table()} ${r.pick(["ADD COLUMN note TEXT AFTER name", "DROP COLUMN note", "MODIFY COLUMN name VARCHAR(100) NOT NULL", "CHANGE COLUMN name full_name VARCHAR(200)", "ADD INDEX idx_n (name)", "RENAME TO users_old", "ENGINE=MyISAM", "AUTO_INCREMENT = 1000", "ADD FULLTEXT INDEX ft (name)"])}`,
      "ddl.other": () => r.pick([`CREATE INDEX idx_${r.int(1, 9)} ON ${table()} (${col()}(10))`, `DROP TABLE IF EXISTS ${table()}`, `CREATE OR REPLACE VIEW v AS ${select()}`, `TRUNCATE TABLE ${table()}`, `RENAME TABLE users TO users_old, orders TO orders_old`, `CREATE DATABASE IF NOT EXISTS shop DEFAULT CHARACTER SET utf8mb4`]),
      utility: () => r.pick(["SHOW TABLES", "SHOW DATABASES", "SHOW CREATE TABLE users", "SHOW COLUMNS FROM users", "SHOW INDEX FROM orders", "USE shop", "SET NAMES utf8mb4", "SET @x = 1", "SET SESSION sql_mode = 'STRICT_TRANS_TABLES'", "START TRANSACTION", "COMMIT", "ROLLBACK", "LOCK TABLES users WRITE", "UNLOCK TABLES", "EXPLAIN SELECT * FROM users", "DESCRIBE users", "OPTIMIZE TABLE users", "SELECT @@version"]),
    },
  };
}
