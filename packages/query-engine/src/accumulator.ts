/**
 * A side output channel: queries push values (typically diagnostics) with
 * `ctx.push(accumulator, value)`, and `db.accumulated(query, key, accumulator)` collects
 * everything pushed by that query instance and, transitively, by every query it read.
 * Pushes are stored per memo, so a reused memo still contributes its pushes.
 */
export class Accumulator<T> {
  /** Phantom field that carries the value type. */
  declare readonly valueType?: T;

  /** @internal Created by `Database.accumulator`. */
  constructor(
    /** Name, for debugging. */
    readonly name: string,
    /** Identity of the owning database. */
    readonly owner: object,
  ) {}
}
