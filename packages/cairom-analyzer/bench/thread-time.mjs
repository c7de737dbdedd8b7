import { readFileSync } from "node:fs";

/**
 * CPU time of the main thread alone, in ms (Linux /proc, 10 ms ticks; NaN elsewhere).
 * `process.cpuUsage()` also counts V8's helper threads (concurrent optimizing compiles,
 * parallel and concurrent GC), which a language server overlaps with its own work.
 */
export function mainThreadMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
