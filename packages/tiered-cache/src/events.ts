/** Every event a cache emits, with its payload. Listeners are for logging and tests. */
export interface CacheEventMap {
  /** A tier failed or recovered, L2 disabled itself, memory pressure shed entries, … */
  warning: { tier?: string; message: string; error?: unknown };
  /** Informational notices: a tier reconnected, local tiers were reset after missed invalidations. */
  info: { tier?: string; message: string };
  /** A corrupt or torn stored entry was found, counted as a miss and removed. */
  corrupt: { tier: string; namespace: string; key: string; reason: string };
  /** A stale value was served (factory failed or timed out, or a tier was down). */
  stale: { namespace: string; key: string; reason: "factory-error" | "soft-timeout" | "hard-timeout" };
  /** The factory ran for a key. */
  factory: { namespace: string; key: string; durationMs: number; ok: boolean };
  /** Entries were evicted from a tier (size budget, memory pressure). */
  evict: { tier: string; count: number; bytes: number; reason: string };
  /** An invalidation arrived from another process over the bus. */
  remote: { type: string; namespace?: string; keys?: readonly string[]; tags?: readonly string[] };
}

/** Name of a cache event. */
export type CacheEventName = keyof CacheEventMap;

/** A listener for one event. */
export type CacheEventListener<E extends CacheEventName> = (payload: CacheEventMap[E]) => void;

/**
 * A tiny typed event emitter. It is isomorphic on purpose (no `node:events`), and a
 * throwing listener is isolated so logging can never take the cache down.
 */
export class CacheEvents {
  readonly #listeners = new Map<CacheEventName, Set<(payload: never) => void>>();

  /** Adds a listener and returns a function that removes it. */
  on<E extends CacheEventName>(event: E, listener: CacheEventListener<E>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Whether anyone listens to `event` (lets hot paths skip building payloads). */
  has(event: CacheEventName): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  /** Calls every listener of `event`; a listener that throws is ignored. */
  emit<E extends CacheEventName>(event: E, payload: CacheEventMap[E]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of set) {
      try {
        (listener as CacheEventListener<E>)(payload);
      } catch {
        // A faulty logger must not break a cache operation.
      }
    }
  }
}
