/** The kinds of events the engine reports to listeners. */
export type EngineEventKind =
  /** A query is about to run its function. */
  | "will-execute"
  /** A memo from an earlier revision was verified and reused without running. */
  | "did-reuse"
  /** A query re-ran and produced a value equal to the old one, so dependents keep theirs. */
  | "did-backdate"
  /** An input was set or removed (a new revision started). */
  | "did-set-input"
  /** A read threw `Cancelled`. */
  | "cancelled"
  /** A cycle was detected (with or without fixpoint recovery). */
  | "cycle"
  /** A fixpoint query re-ran because its result differed from the provisional value. */
  | "fixpoint-iteration"
  /** An LRU capacity dropped a memo's value (its dependency edges are kept). */
  | "did-evict"
  /** A sweep dropped a memo. */
  | "did-sweep";

/** One event: what happened, to which query instance, at which revision. */
export interface EngineEvent {
  /** What happened. */
  readonly kind: EngineEventKind;
  /** Name of the query or input (empty for database-wide events). */
  readonly query: string;
  /** Key of the query instance (undefined for database-wide events). */
  readonly key: unknown;
  /** The database revision when it happened. */
  readonly revision: number;
}

/** Receives engine events. Listeners must not set inputs. */
export type EngineListener = (event: EngineEvent) => void;
