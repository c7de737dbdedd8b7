/** Helpers shared by run.mjs and ab.mjs. */

/**
 * Runs per second of this process's CPU time (user + system, all threads: garbage
 * collection included), calling `fn` for about `ms` of wall time. The machine is shared:
 * wall time would also count the time other jobs held the cores, CPU time counts only the
 * work done.
 */
export function cpuRate(fn, ms) {
  let runs = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - start < ms) {
    fn();
    runs++;
  }
  const used = process.cpuUsage(cpu);
  return (runs * 1e6) / (used.user + used.system);
}

/** Whether `fn` accepts `sql` (returns instead of throwing): how a peer parser's verdict is read. */
export function accepts(fn, sql) {
  try {
    fn(sql);
    return true;
  } catch {
    return false;
  }
}
