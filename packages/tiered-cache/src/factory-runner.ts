import { FactoryTimeoutError } from "./errors.js";

/** What a factory receives. */
export interface FactoryContext<T> {
  /** Aborted when the hard timeout fires; pass it on to fetch and friends. */
  readonly signal: AbortSignal;
  /** The stale value, when one is within grace. */
  readonly stale: T | undefined;
}

/** Computes a value for `getOrSet`. */
export type Factory<T> = (context: FactoryContext<T>) => T | Promise<T>;

/** How a factory run ended. */
export type FactoryOutcome<T> =
  | { kind: "value"; value: T }
  | { kind: "soft-timeout"; pending: Promise<T> }
  | { kind: "error"; error: unknown };

/**
 * Runs a factory under soft and hard timeouts. The soft timeout only matters when a stale
 * value can be served instead (the run goes on in the background and its result is still
 * stored); the hard timeout aborts the run and ends with `FactoryTimeoutError`.
 */
export function runFactory<T>(
  key: string,
  factory: Factory<T>,
  stale: { value: T } | undefined,
  softTimeout: number | undefined,
  hardTimeout: number | undefined,
): Promise<FactoryOutcome<T>> {
  const controller = new AbortController();
  const run = new Promise<T>((resolve, reject) => {
    try {
      Promise.resolve(factory({ signal: controller.signal, stale: stale?.value })).then(resolve, reject);
    } catch (error) {
      reject(error);
    }
  });
  if (softTimeout === undefined && hardTimeout === undefined) {
    return run.then((value) => ({ kind: "value", value }), (error: unknown) => ({ kind: "error", error }));
  }
  return new Promise<FactoryOutcome<T>>((resolve) => {
    const timers: ReturnType<typeof setTimeout>[] = [];
    let settled = false;
    const finish = (outcome: FactoryOutcome<T>) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      resolve(outcome);
    };
    run.then((value) => finish({ kind: "value", value }), (error: unknown) => finish({ kind: "error", error }));
    if (softTimeout !== undefined && stale !== undefined) {
      timers.push(setTimeout(() => finish({ kind: "soft-timeout", pending: run }), softTimeout));
    }
    if (hardTimeout !== undefined) {
      timers.push(setTimeout(() => {
        controller.abort(new FactoryTimeoutError(key, hardTimeout));
        finish({ kind: "error", error: new FactoryTimeoutError(key, hardTimeout) });
      }, hardTimeout));
    }
  });
}
