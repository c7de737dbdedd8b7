import type { Accumulator } from "./accumulator.js";
import type { Readable } from "./context.js";
import type { Database } from "./database.js";
import type { Key } from "./key.js";
import type { Query } from "./query.js";

/**
 * A read-only view of the database pinned at one revision. Its reads compute and reuse
 * memos like `db.get`, but throw `Cancelled` as soon as an input changed after the
 * snapshot was taken (or another thread announced a write), so long-running work over a
 * snapshot never mixes two revisions.
 */
export class Snapshot {
  /** @internal Created by `Database.snapshot`. */
  constructor(
    private readonly db: Database,
    /** The revision this snapshot is pinned at. */
    readonly revision: number,
  ) {}

  /** True while the database is still at this snapshot's revision. */
  get isCurrent(): boolean {
    return this.db.revision === this.revision;
  }

  /** Reads an input or query; throws `Cancelled` once the revision moved on or a write is pending. */
  get<K extends Key, V>(source: Readable<K, V>, key: K): V {
    this.db.checkSnapshot(this.revision);
    return this.db.get(source, key);
  }

  /** `Database.accumulated` at this snapshot's revision; throws `Cancelled` once it moved on. */
  accumulated<K extends Key, V, T>(query: Query<K, V>, key: K, accumulator: Accumulator<T>): T[] {
    this.db.checkSnapshot(this.revision);
    return this.db.accumulated(query, key, accumulator);
  }
}
