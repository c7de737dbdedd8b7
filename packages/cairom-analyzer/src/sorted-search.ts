/**
 * Binary searches over ascending number lists: the per-item and per-node questions about a
 * file's errors or line breaks ("is there one in this range?") that were scans, and
 * quadratic on garbage files with tens of thousands of items and errors on one line.
 */

/** Index of the first element of ascending `sorted` that is greater than `value` (`sorted.length` if none). */
export function firstAbove(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether ascending `sorted` has an element in `[from, to)`. */
export function hasElementIn(sorted: readonly number[], from: number, to: number): boolean {
  const i = firstAbove(sorted, from - 1);
  return i < sorted.length && sorted[i]! < to;
}
