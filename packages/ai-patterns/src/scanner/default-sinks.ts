import type { LanguageId, SinkSpec } from "./types.js";

/** Receivers that usually hold a database handle (last segment of the receiver, any case). */
const DB_RECEIVER =
  /(?:db|database|pool|conn|connection|client|knex|sequelize|mysql|pg|postgres|sqlite|sqlite3|tx|trx|transaction|prisma|manager|queryrunner|datasource|repository|repo|cursor|cur|session|engine|stmt|statement|jdbctemplate|template|pdo|dbh|mysqli|wpdb|^st|^ps|^em)$/i;

const JS: readonly LanguageId[] = ["javascript", "typescript", "tsx"];

function sinks(languages: readonly LanguageId[], methods: string[], extra: Omit<SinkSpec, "languages" | "method"> = {}): SinkSpec[] {
  return methods.map((method) => ({ languages, method, ...extra }));
}

/**
 * The default sink catalogue: common database APIs per language. Generic names (`query`,
 * `execute`, `Exec`) are gated by a database-looking receiver or SQL-looking text.
 */
export const DEFAULT_SINKS: readonly SinkSpec[] = [
  // JavaScript / TypeScript: pg, mysql2, sqlite3/better-sqlite3, knex, sequelize, TypeORM, Prisma, postgres.js.
  ...sinks(JS, ["query", "execute"], { receiver: DB_RECEIVER }),
  ...sinks(JS, ["exec", "run", "all", "get", "each", "prepare"], { receiver: DB_RECEIVER, requireSqlText: true, dialect: "sqlite" }),
  ...sinks(JS, ["raw", "whereRaw", "orWhereRaw", "havingRaw", "orderByRaw", "groupByRaw", "joinRaw", "fromRaw", "selectRaw"], {
    receiver: /(?:knex|db|trx|builder|query|qb)$/i,
  }),
  ...sinks(JS, ["$queryRawUnsafe", "$executeRawUnsafe"], { placeholder: "$n" }),
  // Query builders (TypeORM, knex): a string condition is raw SQL unless it uses named parameters.
  ...sinks(JS, ["where", "andWhere", "orWhere", "having", "andHaving", "orHaving"], { requireSqlText: true }),
  ...sinks(JS, ["literal"], { receiver: /^(?:sequelize|Sequelize)$/ }),
  ...sinks(JS, ["unsafe"], { receiver: /^sql$/ }),
  ...sinks(JS, ["$queryRaw", "$executeRaw", "sql"], { kind: "tagged-template", placeholder: "$n" }),
  // Python: DB-API cursors and connections, SQLAlchemy, Django raw(), pandas.read_sql.
  ...sinks(["python"], ["execute", "executemany", "executescript", "exec_driver_sql"], { receiver: DB_RECEIVER, placeholder: "%s" }),
  ...sinks(["python"], ["raw", "extra"], { receiver: /objects$|manager$/i, placeholder: "%s" }),
  ...sinks(["python"], ["read_sql", "read_sql_query"], { receiver: /^(?:pd|pandas)$/, placeholder: "%s" }),
  // SQLAlchemy's text(): a bare `text(...)` must hold a whole statement (it is a common name).
  ...sinks(["python"], ["text"], { receiver: /^(?:sa|sqlalchemy)$/, placeholder: "%s" }),
  // Java: JDBC, JPA, Spring JdbcTemplate.
  ...sinks(["java"], ["executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch", "prepareStatement", "prepareCall", "createNativeQuery", "createQuery", "nativeQuery"]),
  ...sinks(["java"], ["execute"], { receiver: DB_RECEIVER }),
  ...sinks(["java"], ["query", "queryForObject", "queryForList", "queryForMap", "queryForRowSet", "update", "batchUpdate"], {
    receiver: /jdbc\w*|template$/i,
  }),
  // Go: database/sql, sqlx, gorm.
  ...sinks(["go"], ["Query", "QueryRow", "Exec", "Prepare", "Select", "Get", "MustExec", "Queryx", "QueryRowx"], { receiver: DB_RECEIVER, placeholder: "?" }),
  ...sinks(["go"], ["QueryContext", "QueryRowContext", "ExecContext", "PrepareContext", "SelectContext", "GetContext"], {
    receiver: DB_RECEIVER,
    argument: 1,
  }),
  ...sinks(["go"], ["Raw", "Exec", "Where"], { receiver: /(?:db|gorm|tx)$/i, requireSqlText: true }),
  // PHP: PDO, mysqli, pg_*, Laravel.
  ...sinks(["php"], ["query", "exec", "prepare", "multi_query", "real_query"], { receiver: DB_RECEIVER }),
  ...sinks(["php"], ["mysqli_query", "mysqli_real_query", "mysqli_multi_query", "mysqli_prepare"], { argument: 1, dialect: "mysql" }),
  ...sinks(["php"], ["pg_query", "pg_prepare", "pg_send_query"], { argument: -1, dialect: "postgres", placeholder: "$n" }),
  ...sinks(["php"], ["select", "statement", "unprepared", "insert", "update", "delete", "raw"], { receiver: /^DB$/ }),
  ...sinks(["php"], ["get_results", "get_var", "get_row", "get_col"], { receiver: /wpdb$/i, dialect: "mysql" }),
  ...sinks(["php"], ["whereRaw", "orWhereRaw", "havingRaw", "orderByRaw", "selectRaw", "groupByRaw"]),
  // Ruby: ActiveRecord.
  ...sinks(["ruby"], ["find_by_sql", "count_by_sql", "exec_query", "select_all", "select_one", "select_value", "select_values", "select_rows"]),
  ...sinks(["ruby"], ["execute"], { receiver: DB_RECEIVER }),
  ...sinks(["ruby"], ["sql"], { receiver: /^Arel$/ }),
  // A bare `params[...]` here is a SQL fragment from the request (Brakeman reports it too).
  ...sinks(["ruby"], ["where", "having", "order", "reorder", "group", "joins", "pluck", "from", "select"], {
    requireSqlText: true,
    reportOpaqueUntrusted: true,
  }),
];
