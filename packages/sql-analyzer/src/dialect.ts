/** The SQL dialects the parser understands. */
export type Dialect = "postgres" | "mysql" | "sqlite";

/** Every supported dialect, in a stable order. */
export const DIALECTS: readonly Dialect[] = ["postgres", "mysql", "sqlite"];

/** Whether a string names a supported dialect (for validating configuration). */
export function isDialect(value: unknown): value is Dialect {
  return value === "postgres" || value === "mysql" || value === "sqlite";
}
