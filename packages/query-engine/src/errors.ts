/**
 * Thrown by a read when the revision it started from is outdated: an input changed
 * after the snapshot was taken, or another thread announced a pending write through the
 * database's `CancellationFlag`. It is the only error the engine never memoizes; callers
 * catch it in one place and retry later (an LSP adapter maps it to `ContentModified`).
 */
export class Cancelled extends Error {
  /** Why the read was cancelled: `"revision-changed"` or `"pending-write"`. */
  readonly reason: "revision-changed" | "pending-write";

  constructor(reason: "revision-changed" | "pending-write", detail: string) {
    super(`Cancelled: ${detail}`);
    this.name = "Cancelled";
    this.reason = reason;
  }
}

/** One participant of a dependency cycle: the query's name and the key it ran with. */
export interface CycleParticipant {
  /** Name of the query. */
  readonly query: string;
  /** Key the query was called with. */
  readonly key: unknown;
}

/**
 * Thrown when a query (transitively) reads itself and the re-entered query did not opt
 * into fixpoint recovery, or when a fixpoint did not converge within its iteration bound.
 * It is memoized like any other error of the queries it passed through.
 */
export class CycleError extends Error {
  /** The queries of the cycle as `name(key)` strings, from the re-entered query onwards. */
  readonly queries: readonly string[];
  /** The same participants as structured data. */
  readonly participants: readonly CycleParticipant[];

  constructor(participants: readonly CycleParticipant[], detail?: string) {
    const queries = participants.map(describeParticipant);
    super(
      detail === undefined
        ? `Cycle detected: ${[...queries, queries[0] ?? ""].join(" -> ")}`
        : `${detail}: ${queries.join(" -> ")}`,
    );
    this.name = "CycleError";
    this.queries = queries;
    this.participants = participants;
  }
}

/** Formats `name(key)` the way errors and events name a query instance. */
export function describeParticipant(participant: CycleParticipant): string {
  return `${participant.query}(${describeKey(participant.key)})`;
}

/** A short, readable rendering of a key for error messages. */
export function describeKey(key: unknown): string {
  if (typeof key === "string") return JSON.stringify(key);
  if (typeof key === "bigint") return `${key}n`;
  if (key === undefined) return "";
  try {
    const text = JSON.stringify(key);
    return text === undefined ? String(key) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(key);
  }
}

/** Thrown when an input is read for a key that was never set (or was removed). */
export class MissingInputError extends Error {
  /** Name of the input. */
  readonly input: string;
  /** The key that has no value. */
  readonly key: unknown;

  constructor(input: string, key: unknown) {
    super(`Input "${input}" has no value for key ${describeKey(key)}: call ${input}.set(key, value) before reading it`);
    this.name = "MissingInputError";
    this.input = input;
    this.key = key;
  }
}

/** Thrown on API misuse that would corrupt the database, e.g. setting an input inside a query. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
