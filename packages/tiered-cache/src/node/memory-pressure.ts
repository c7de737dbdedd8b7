/** Options of the memory-pressure watcher. */
export interface MemoryPressureOptions {
  /** Budget for the V8 heap in use, in bytes. Defaults to none. */
  maxHeapBytes?: number;
  /** Budget for the resident set size, in bytes. Defaults to none. */
  maxRssBytes?: number;
  /** How often to check, in ms. Defaults to `1000`. */
  intervalMs?: number;
  /** Fraction of L1 entries shed per check while over budget. Defaults to `0.25`. */
  shedFraction?: number;
  /** Reads memory use (tests inject their own). Defaults to `process.memoryUsage`. */
  read?: () => { heapUsed: number; rss: number };
}

/** Something that can drop its coldest entries: a `TieredCache`. */
export interface Sheddable {
  shed(fraction: number, reason?: string): { count: number; bytes: number };
}

/** A running watcher. */
export interface MemoryPressureWatcher {
  /** Runs one check now; returns how many entries were shed. */
  check(): number;
  /** Stops the timer. */
  stop(): void;
}

/**
 * Watches the process's heap and RSS against budgets; while over one, the cache sheds its
 * coldest L1 entries and reports it (an `evict` event with reason "memory pressure"). This
 * is the "virtual memory manager" idea done simply: memory is the cache's to give back.
 */
export function watchMemoryPressure(cache: Sheddable, options: MemoryPressureOptions): MemoryPressureWatcher {
  const read = options.read ?? (() => process.memoryUsage());
  const fraction = options.shedFraction ?? 0.25;
  const check = (): number => {
    const usage = read();
    const overHeap = options.maxHeapBytes !== undefined && usage.heapUsed > options.maxHeapBytes;
    const overRss = options.maxRssBytes !== undefined && usage.rss > options.maxRssBytes;
    if (!overHeap && !overRss) return 0;
    const what = overHeap ? `heap ${usage.heapUsed} > ${options.maxHeapBytes}` : `rss ${usage.rss} > ${options.maxRssBytes}`;
    return cache.shed(fraction, `memory pressure (${what})`).count;
  };
  const timer = setInterval(check, options.intervalMs ?? 1_000);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
