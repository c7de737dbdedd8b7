import type { GeneratorContext } from "./generator-context.js";

/** The two benign groups: real-looking SQL, and user text that merely looks risky. */
export type BenignGroup = "benign-sql" | "benign-text";

/** One way of writing benign input. */
export interface BenignTemplate {
  /** `group/name`, unique. */
  readonly id: string;
  /** The group. */
  readonly group: BenignGroup;
  /** True when only the test split uses this template. */
  readonly heldOut: boolean;
  /** Writes one sample. */
  make(g: GeneratorContext): string;
}

const value = (g: GeneratorContext) =>
  g.pick([`${g.int()}`, g.sqlString(g.word()), g.sqlString(g.person()), `${g.int(1, 99)}.${g.int(0, 99)}`, g.kw("null"), g.kw("true"), g.sqlString(`${g.first()}@${g.domain()}`)]);
const param = (g: GeneratorContext, i: number) => g.pick([`$${i}`, "?", `:${g.column()}`, value(g)]);
const comparison = (g: GeneratorContext, i = 1) =>
  g.pick([
    `${g.column()} = ${param(g, i)}`,
    `${g.column()} > ${g.int()}`,
    `${g.column()} ${g.kw("is")} ${g.kw("null")}`,
    `${g.column()} ${g.kw("like")} '${g.pick(["%", ""])}${g.word()}%'`,
    `${g.column()} ${g.kw("in")} (${value(g)}, ${value(g)})`,
    `${g.column()} ${g.kw("between")} ${g.int(0, 50)} ${g.kw("and")} ${g.int(51, 999)}`,
    `${g.column()} <> ${value(g)}`,
  ]);
const where = (g: GeneratorContext) => {
  const parts = [comparison(g, 1)];
  for (let i = 2; i <= g.int(1, 3); i++) parts.push(`${g.pick([g.kw("and"), g.kw("and"), g.kw("or")])} ${comparison(g, i)}`);
  return `${g.kw("where")} ${parts.join(" ")}`;
};
const orderLimit = (g: GeneratorContext) =>
  `${g.chance(0.5) ? ` ${g.kw("order")} ${g.kw("by")} ${g.column()}${g.pick(["", " " + g.kw("desc"), " " + g.kw("asc")])}` : ""}${g.chance(0.4) ? ` ${g.kw("limit")} ${g.int(1, 100)}${g.chance(0.3) ? ` ${g.kw("offset")} ${g.int(0, 500)}` : ""}` : ""}`;
const selectList = (g: GeneratorContext) => g.pick(["*", g.columns(g.int(1, 4)), `${g.kw("count")}(*)`, `${g.column()} ${g.kw("as")} ${g.column()}_x`]);
const simpleSelect = (g: GeneratorContext) => `${g.kw("select")} ${selectList(g)} ${g.kw("from")} ${g.table()} ${where(g)}${orderLimit(g)}`;

const assignment = (g: GeneratorContext) => {
  const column = g.column();
  return g.pick([`${column} = ${value(g)}`, `${column} = ${column} + ${g.int(1, 99)}`, `${column} = ${column} - ${g.int(1, 99)}`, `${column} = ${column} * ${g.int(2, 5)}`, `${column} = now()`, `${column} = ${g.kw("null")}`]);
};
/** One data statement of any kind, for scripts. */
const dmlStatement = (g: GeneratorContext) =>
  g.pick([
    `${g.kw("update")} ${g.table()} ${g.kw("set")} ${assignment(g)}${g.chance(0.3) ? `, ${assignment(g)}` : ""} ${where(g)}`,
    `${g.kw("insert")} ${g.kw("into")} ${g.table()} (${g.column()}, ${g.column()}) ${g.kw("values")} (${value(g)}, ${value(g)})`,
    `${g.kw("insert")} ${g.kw("into")} ${g.table()} (${g.column()}) ${g.kw("values")} (${value(g)})`,
    `${g.kw("insert")} ${g.kw("into")} ${g.table()} (${g.column()}) ${g.kw("select")} ${g.column()} ${g.kw("from")} ${g.table()} ${where(g)}`,
    `${g.kw("delete")} ${g.kw("from")} ${g.table()} ${where(g)}`,
    simpleSelect(g),
  ]);

function sql(name: string, heldOut: boolean, make: (g: GeneratorContext) => string): BenignTemplate {
  return { id: `benign-sql/${name}`, group: "benign-sql", heldOut, make };
}
function text(name: string, heldOut: boolean, make: (g: GeneratorContext) => string): BenignTemplate {
  return { id: `benign-text/${name}`, group: "benign-text", heldOut, make };
}

const SQL_TEMPLATES: BenignTemplate[] = [
  sql("select-where", false, (g) => `${simpleSelect(g)}${g.pick(["", ";"])}`),
  sql("select-join", false, (g) => {
    const [a, b] = [g.table(), g.table()];
    return `${g.kw("select")} a.${g.column()}, b.${g.column()} ${g.kw("from")} ${a} a ${g.pick(["JOIN", "LEFT JOIN", "INNER JOIN", "join"])} ${b} b ${g.kw("on")} b.${g.column()} = a.id ${where(g)}${orderLimit(g)}`;
  }),
  sql("select-aggregate", false, (g) => `${g.kw("select")} ${g.column()}, ${g.pick(["COUNT(*)", "SUM(amount)", "AVG(price)", "MAX(created_at)"])} ${g.kw("from")} ${g.table()} ${g.kw("group")} ${g.kw("by")} ${g.column()} ${g.kw("having")} ${g.kw("count")}(*) > ${g.int(1, 20)}`),
  sql("select-subquery", false, (g) => `${g.kw("select")} * ${g.kw("from")} ${g.table()} ${g.kw("where")} ${g.column()} ${g.pick(["IN", "NOT IN"])} (${g.kw("select")} ${g.column()} ${g.kw("from")} ${g.table()} ${where(g)})`),
  sql("union-report", false, (g) => `${g.kw("select")} ${g.column()} ${g.kw("from")} ${g.table()} ${g.kw("union")} ${g.pick(["", g.kw("all") + " "])}${g.kw("select")} ${g.column()} ${g.kw("from")} ${g.table()}${g.pick(["", ` ${g.kw("order")} ${g.kw("by")} 1`])}`),
  sql("query-builder-true", false, (g) => `${g.kw("select")} ${selectList(g)} ${g.kw("from")} ${g.table()} ${g.kw("where")} 1=1 ${g.kw("and")} ${comparison(g)}${orderLimit(g)}`),
  sql("insert-values", false, (g) => `${g.kw("insert")} ${g.kw("into")} ${g.table()} (${g.column()}, ${g.column()}) ${g.kw("values")} (${value(g)}, ${value(g)})${g.pick(["", ` ${g.kw("returning")} id`, ` ON CONFLICT DO NOTHING`])}`),
  sql("update-set", false, (g) => `${g.kw("update")} ${g.table()} ${g.kw("set")} ${g.column()} = ${value(g)}, ${g.column()} = ${g.column()} + 1 ${where(g)}`),
  sql("delete-where", false, (g) => `${g.kw("delete")} ${g.kw("from")} ${g.table()} ${where(g)}`),
  sql("ddl", false, (g) =>
    g.pick([
      `CREATE TABLE ${g.pick(["", "IF NOT EXISTS "])}${g.table()} (id ${g.pick(["INTEGER PRIMARY KEY", "SERIAL PRIMARY KEY", "BIGINT AUTO_INCREMENT PRIMARY KEY"])}, ${g.column()} ${g.pick(["TEXT", "VARCHAR(255)", "INT"])} NOT NULL, ${g.column()} ${g.pick(["TIMESTAMP", "BOOLEAN DEFAULT false", "NUMERIC(10,2)"])})`,
      `CREATE INDEX idx_${g.column()} ON ${g.table()} (${g.column()})`,
      `ALTER TABLE ${g.table()} ADD COLUMN ${g.column()}_v2 ${g.pick(["TEXT", "INTEGER", "JSONB"])}`,
      `DROP TABLE IF EXISTS ${g.table()}_tmp`,
    ])),
  sql("commented", false, (g) => g.pick([`-- ${g.noun()} report\n${simpleSelect(g)}`, `${g.kw("select")} /* ${g.noun()} */ ${selectList(g)} ${g.kw("from")} ${g.table()} ${where(g)}`, `${simpleSelect(g)} -- ${g.adjective()} ${g.noun()}`])),
  sql("mysql-flavour", false, (g) =>
    g.pick([
      `SELECT \`${g.column()}\` FROM \`${g.table()}\` WHERE \`${g.column()}\` = ${value(g)} LIMIT ${g.int(0, 50)}, ${g.int(1, 50)}`,
      `INSERT INTO ${g.table()} (${g.column()}) VALUES (${value(g)}) ON DUPLICATE KEY UPDATE ${g.column()} = VALUES(${g.column()})`,
      `SELECT IFNULL(${g.column()}, 0) FROM ${g.table()} WHERE created_at > DATE_SUB(NOW(), INTERVAL ${g.int(1, 30)} DAY)`,
    ])),
  sql("postgres-flavour", false, (g) =>
    g.pick([
      `SELECT ${g.column()}::text FROM ${g.table()} WHERE ${g.column()} ILIKE '%${g.word()}%'`,
      `SELECT data->>'${g.column()}' FROM ${g.table()} WHERE data @> '{"${g.column()}": ${g.int()}}'`,
      `UPDATE ${g.table()} SET ${g.column()} = now() WHERE id = $1 RETURNING *`,
      `SELECT * FROM generate_series(1, ${g.int(2, 100)}) AS s(i)`,
    ])),
  sql("sqlite-flavour", false, (g) =>
    g.pick([
      `PRAGMA table_info(${g.table()})`,
      `INSERT OR REPLACE INTO ${g.table()} (id, ${g.column()}) VALUES (${g.int()}, ${value(g)})`,
      `SELECT strftime('%Y-%m', ${g.column()}) AS month, count(*) FROM ${g.table()} GROUP BY month`,
      `SELECT * FROM ${g.table()} WHERE ${g.column()} > datetime('now', '-${g.int(1, 9)} days')`,
    ])),
  sql("or-conditions", false, (g) => `${g.kw("select")} ${selectList(g)} ${g.kw("from")} ${g.table()} ${g.kw("where")} ${g.column()} = ${value(g)} ${g.kw("or")} ${g.column()} = ${value(g)}${orderLimit(g)}`),
  sql("escaped-literals", false, (g) => `${g.kw("select")} * ${g.kw("from")} ${g.table()} ${g.kw("where")} ${g.column()} = ${g.sqlString(g.pick([`${g.person()}`, `it's -- not a comment`, `a/*b*/c`, `50% off; really`, `x' or 'y`]))}`),
  sql("migration-script", false, (g) =>
    `${g.pick(["", "-- migrate\n"])}CREATE TABLE ${g.table()}_${g.int(1, 9)} (id INTEGER PRIMARY KEY, ${g.column()} TEXT); CREATE INDEX ix_${g.column()} ON ${g.table()} (${g.column()}); ${g.pick([`INSERT INTO ${g.table()} (${g.column()}) VALUES (${value(g)});`, `ALTER TABLE ${g.table()} DROP COLUMN ${g.column()}_old;`, `DROP TABLE IF EXISTS ${g.table()}_bak;`])}`),
  sql("admin-introspection", false, (g) =>
    g.pick([
      `SELECT schemaname, tablename FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
      `SHOW TABLES`,
      `SELECT version()`,
      `SELECT current_user, current_database()`,
      `SELECT COUNT(*) FROM ${g.table()}`,
      `SELECT @@version`,
      `SELECT sqlite_version()`,
    ])),
  // Added in the accuracy round (see README): scripts and catalog queries of the three
  // dialects, written unlike the held-out transaction and catalog templates.
  sql("transaction-block", false, (g) => {
    const open = g.pick(["START TRANSACTION;", "BEGIN TRANSACTION;", "BEGIN WORK;", "SET autocommit = 0;"]);
    const body = Array.from({ length: g.int(1, 3) }, () =>
      g.pick([
        `${g.kw("delete")} ${g.kw("from")} ${g.table()} ${where(g)};`,
        `SAVEPOINT sp_${g.int(1, 9)};`,
        `${g.kw("select")} ${g.columns(g.int(1, 3))} ${g.kw("from")} ${g.table()} ${where(g)} FOR UPDATE;`,
        `LOCK TABLE ${g.table()} IN ${g.pick(["SHARE", "EXCLUSIVE"])} MODE;`,
        `SET LOCAL statement_timeout = ${g.int(1, 60)}000;`,
        `${g.kw("update")} ${g.table()} ${g.kw("set")} ${g.column()} = ${value(g)} ${where(g)};`,
      ]),
    ).join(" ");
    return `${open} ${body} ${g.pick(["COMMIT;", "ROLLBACK;", "END;", "COMMIT WORK;", `ROLLBACK TO SAVEPOINT sp_${g.int(1, 9)}; COMMIT;`])}`;
  }),
  sql("catalog-views", false, (g) =>
    g.pick([
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '${g.table()}'`,
      `SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' ORDER BY reltuples DESC LIMIT ${g.int(5, 50)}`,
      `SHOW COLUMNS FROM ${g.table()}`,
      `SHOW INDEX FROM ${g.table()}`,
      `PRAGMA index_list(${g.table()})`,
      `PRAGMA foreign_key_list('${g.table()}')`,
      `SELECT routine_name FROM information_schema.routines WHERE routine_type = '${g.pick(["FUNCTION", "PROCEDURE"])}'`,
      `SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name = '${g.table()}'`,
      `SELECT schema_name FROM information_schema.schemata ORDER BY schema_name`,
      `SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = '${g.table()}'`,
    ])),
  // Added in the generalisation round (see README): statement scripts of every kind, so
  // that a sequence of complete statements — whatever statements they are — is not
  // evidence of a stacked query. Written from what applications and people send, not
  // from the held-out transaction template (no bare `BEGIN;`).
  sql("dml-script", false, (g) => {
    const body = Array.from({ length: g.int(2, 4) }, () => `${dmlStatement(g)};`).join(g.pick([" ", "\n"]));
    const wrapped = g.chance(0.4);
    const text = wrapped ? `${g.pick(["START TRANSACTION;", "BEGIN TRANSACTION;", "BEGIN WORK;", "BEGIN IMMEDIATE;", "SET autocommit = 0;"])} ${body} ${g.pick(["COMMIT;", "ROLLBACK;", "END;", "COMMIT WORK;"])}` : body;
    // People also leave the last ';' out.
    return !wrapped && g.chance(0.2) ? text.replace(/;$/, "") : text;
  }),
  sql("seed-data", false, (g) => {
    const table = g.table();
    const [a, b] = [g.column(), g.column()];
    const rows = () => Array.from({ length: g.int(1, 3) }, () => `(${value(g)}, ${value(g)})`).join(", ");
    const inserts = Array.from({ length: g.int(1, 3) }, () => `${g.kw("insert")} ${g.kw("into")} ${table} (${a}, ${b}) ${g.kw("values")} ${rows()};`).join("\n");
    return `${g.pick(["", `-- ${g.noun()} fixtures\n`, `${g.kw("delete")} ${g.kw("from")} ${table};\n`, `TRUNCATE ${table};\n`])}${inserts}${g.pick(["", `\n${g.kw("select")} ${g.kw("count")}(*) ${g.kw("from")} ${table};`])}`;
  }),
  sql("session-setup", false, (g) =>
    `${g.pick([`SET search_path TO ${g.pick(["app", "public", "reporting"])}, public;`, `USE ${g.pick(["shop", "crm", "analytics"])};`, "SET NAMES utf8mb4;", "PRAGMA foreign_keys = ON;", "SET TIME ZONE 'UTC';", `SET statement_timeout = ${g.int(1, 30)}000;`])} ${dmlStatement(g)};`),
  // Held out: shapes training never saw.
  sql("cte", true, (g) => `WITH recent AS (${simpleSelect(g)}) ${g.kw("select")} ${g.column()}, ${g.kw("count")}(*) ${g.kw("from")} recent ${g.kw("group")} ${g.kw("by")} ${g.column()}`),
  sql("window-function", true, (g) => `${g.kw("select")} ${g.column()}, ${g.pick(["ROW_NUMBER()", "RANK()", "SUM(amount)"])} OVER (PARTITION BY ${g.column()} ORDER BY ${g.column()} DESC) AS rn ${g.kw("from")} ${g.table()}`),
  sql("transaction-script", true, (g) => `BEGIN; ${g.kw("update")} ${g.table()} ${g.kw("set")} ${g.column()} = ${g.column()} - ${g.int(1, 99)} ${g.kw("where")} id = ${g.int()}; ${g.kw("insert")} ${g.kw("into")} ${g.table()} (${g.column()}) ${g.kw("values")} (${value(g)}); COMMIT;`),
  sql("case-expression", true, (g) => `${g.kw("select")} ${g.column()}, CASE WHEN ${g.column()} > ${g.int()} THEN '${g.adjective()}' ELSE '${g.adjective()}' END AS bucket ${g.kw("from")} ${g.table()} ${where(g)}`),
  sql("catalog-introspection", true, (g) =>
    g.pick([
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${g.pick(["public", "app"])}'`,
      `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${g.table()}'`,
    ])),
  sql("exists-check", true, (g) => `${g.kw("select")} ${g.kw("exists")}(${g.kw("select")} 1 ${g.kw("from")} ${g.table()} ${g.kw("where")} ${comparison(g)}) ${g.kw("as")} found`),
];

const sentence = (g: GeneratorContext) =>
  g.pick([
    `Please ${g.pick(["select", "update", "drop", "order", "insert"])} the ${g.adjective()} ${g.noun()} ${g.pick(["and", "or"])} send it to ${g.capital(g.first())}.`,
    `I'd like ${g.int(1, 9)} or ${g.int(2, 12)} ${g.noun()}s, where can I find them?`,
    `${g.capital(g.first())} said: "don't ${g.pick(["delete", "drop", "union", "select"])} the ${g.noun()} from the ${g.pick(["table", "list", "union"])}!"`,
    `It's ${g.int(1, 12)} o'clock and I need to sleep for ${g.int(1, 9)} hours -- really.`,
    `Can you update my order #${g.int(100, 99999)}? The ${g.noun()} is ${g.adjective()} and not what I wanted.`,
    `We're ${g.pick(["union", "table", "select", "where"])} members since ${g.int(1990, 2024)}; ${g.pick(["thanks", "cheers"])}!`,
  ]);

const TEXT_TEMPLATES: BenignTemplate[] = [
  text("person-name", false, (g) => g.pick([g.person(), `${g.person()} Jr.`, `${g.capital(g.first())}-${g.capital(g.first())} ${g.capital(g.last())}`, g.last()])),
  text("email", false, (g) => `${g.pick([g.first(), `${g.first()}.${g.last()}`, `${g.first()}+${g.noun()}`, `${g.first()}_${g.int(1, 99)}`])}@${g.domain()}`),
  text("product-search", false, (g) =>
    g.pick([
      `${g.int(1, 5)} OR ${g.int(2, 9)} ${g.noun()}s`,
      `${g.adjective()} ${g.noun()} ${g.pick(["select", "union", "drop-in", "table", "order by price", "where to buy"])}`,
      `${g.noun()} ${g.int(1, 99)}" ${g.adjective()}`,
      `${g.noun()} & ${g.noun()} -${g.int(5, 50)}%`,
      `"${g.adjective()} ${g.noun()}" -${g.noun()}`,
    ])),
  text("prose", false, (g) => `${sentence(g)}${g.chance(0.4) ? " " + sentence(g) : ""}`),
  text("json", false, (g) =>
    JSON.stringify(
      g.pick([
        { id: g.int(), name: g.person(), tags: [g.noun(), g.adjective()] },
        { query: `${g.adjective()} ${g.noun()}`, page: g.int(1, 9), filter: { [g.column()]: g.pick(["a", null, true, g.int()]) } },
        { [g.column()]: `${g.word()}'s`, ok: g.chance(0.5), note: `${g.int(1, 9)} or ${g.int(1, 9)}` },
      ]),
      null,
      g.chance(0.3) ? 2 : undefined,
    )),
  text("code-snippet", false, (g) =>
    g.pick([
      `if (${g.column()} == ${g.int()} || ${g.column()} != '${g.word()}') { return ${g.column()}--; }`,
      `for i in range(${g.int(1, 20)}): print(i, '${g.word()}')  # ${g.noun()}`,
      `const ${g.column()} = await db.query("SELECT * FROM ${g.table()} WHERE id = $1", [id]);`,
      `x = a || b && !c; // ${g.noun()}`,
      `cursor.execute("UPDATE ${g.table()} SET ${g.column()} = %s WHERE id = %s", (${g.column()}, id))`,
      `#include <stdio.h>\nint main() { printf("%d\\n", ${g.int()}); return 0; }`,
    ])),
  text("punctuation", false, (g) => {
    const n = `${g.int(1, 99999)}`;
    return g.pick(["!@#", `${n}||${n}`, "--", ";-)", ":-(", ">_<", "***", "/* */", `#${g.int(1, 99)}`, "'''", "\"\"\"", "?!?!", "&&", "=)", "-- signature", `${n}--${n}`, "(((", "~!@#$%^&*()_+", "=/=", "''", "--- end ---"]);
  }),
  text("password", false, (g) => {
    const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+'\";:,.<>/?";
    return Array.from({ length: g.int(8, 20) }, () => g.pick([...chars])).join("");
  }),
  text("url-or-path", false, (g) =>
    g.pick([
      `https://${g.domain()}/${g.noun()}?id=${g.int()}&sort=${g.column()}#${g.noun()}`,
      `C:\\Users\\${g.first()}\\${g.noun()}.txt`,
      `/var/log/${g.noun()}/${g.int()}.log`,
      `https://${g.domain()}/search?q=${g.adjective()}+${g.noun()}&page=${g.int(1, 9)}`,
    ])),
  text("number-date-phone", false, (g) => g.pick([`${g.int(1990, 2030)}-0${g.int(1, 9)}-${g.int(10, 28)}`, `+1 (555) 0${g.int(10, 99)}-${g.int(1000, 9999)}`, `${g.int()}.${g.int(0, 99)}`, `-${g.int()}`, `${g.int(1, 23)}:${g.int(10, 59)}`, `${g.int(1000, 99999)}`, `1e${g.int(1, 20)}`])),
  text("formula-or-condition", false, (g) =>
    g.pick([
      `=IF(A${g.int(1, 99)}>${g.int()}, B${g.int(1, 99)}, "${g.noun()}")`,
      `if ${g.column()} > ${g.int()} and ${g.column()} < ${g.int()} then ${g.noun()}`,
      `price < ${g.int()} or rating >= ${g.int(1, 5)}`,
      `${g.int(1, 9)} + ${g.int(1, 9)} = ${g.int(2, 18)}`,
      `while (i < n && !done) i++;`,
    ])),
  // Held out: kinds of text training never saw.
  text("markdown-chat", true, (g) => g.pick([`**${g.noun()}** and _${g.adjective()}_ -- see #${g.int(1, 999)}`, `> ${g.capital(g.first())} wrote: or maybe not ;)`, `- [ ] ${g.pick(["drop", "select", "update"])} ${g.noun()} table\n- [x] done`, `@${g.first()} thanks!! :) 1 or 2 more?`])),
  text("log-line", true, (g) => `${g.int(2020, 2026)}-0${g.int(1, 9)}-${g.int(10, 28)} ${g.int(10, 23)}:${g.int(10, 59)}:${g.int(10, 59)} ${g.pick(["INFO", "WARN", "ERROR"])} user=${g.first()} action=${g.pick(["login", "select", "delete", "update"])} status=${g.int(200, 503)} -- ${g.adjective()}`),
  text("csv-row", true, (g) => `${g.int()},"${g.person()}",${g.first()}@${g.domain()},${g.int(1, 99)}.${g.int(0, 99)},"${g.noun()}; ${g.noun()}"`),
  text("address", true, (g) => `${g.int(1, 999)} ${g.capital(g.last())} St., Apt #${g.int(1, 40)}, ${g.capital(g.noun())}ville`),
  text("math-expression", true, (g) => g.pick([`(${g.int(1, 9)} + ${g.int(1, 9)}) * ${g.int(1, 9)} = ${g.int(10, 99)}`, `x >= ${g.int()} and y <= ${g.int()}`, `${g.int(1, 9)}/${g.int(1, 9)} - ${g.int(1, 9)}%`, `a = b || c`])),
];

/** Every benign template; the held-out ones appear only in the test split. */
export const BENIGN_TEMPLATES: readonly BenignTemplate[] = [...SQL_TEMPLATES, ...TEXT_TEMPLATES];
