/**
 * Clocks for the cache. `coarseNow` is the hot-path clock: it reads `Date.now()` at most
 * once per millisecond (a timer clears the cached reading), because a clock read costs
 * about as much as an L1 lookup. `strictNow` never returns the same value twice in a
 * process, so "created after an invalidation" is well defined even within one millisecond.
 */
let cached = 0;

function clearCached(): void {
  cached = 0;
}

/** Milliseconds since the epoch, accurate to about one millisecond. */
export function coarseNow(): number {
  if (cached === 0) {
    cached = Date.now();
    const timer = setTimeout(clearCached, 1) as unknown as { unref?: () => void };
    // In Node the timer must not keep the process alive; browsers have no unref.
    timer.unref?.();
  }
  return cached;
}

let last = 0;

/** Strictly increasing milliseconds since the epoch (fractional steps break ties). */
export function strictNow(): number {
  const now = Date.now();
  last = now > last ? now : last + 0.001;
  return last;
}
