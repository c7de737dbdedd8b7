/**
 * How often an input is expected to change. Queries remember the lowest durability
 * among everything they read, so a change to a low-durability input (an open file)
 * lets queries that only read high-durability inputs (a library catalog) skip
 * verification entirely.
 */
export const Durability = {
  /** Changes often, e.g. the text of a file being edited. */
  Low: 0,
  /** Changes now and then, e.g. project configuration. */
  Medium: 1,
  /** Almost never changes, e.g. a bundled standard library or a schema catalog. */
  High: 2,
} as const;

/** One of the `Durability` levels (0 = low, 1 = medium, 2 = high). */
export type Durability = (typeof Durability)[keyof typeof Durability];

/** Number of durability levels; arrays indexed by durability have this length. */
export const DURABILITY_LEVELS = 3;

/** Throws a clear error when `value` is not one of the durability levels. */
export function checkDurability(value: number): Durability {
  if (value !== 0 && value !== 1 && value !== 2) {
    throw new RangeError(`Invalid durability ${String(value)}: use Durability.Low, Durability.Medium or Durability.High`);
  }
  return value;
}
