import type { Diagnostic } from "../diagnostic.js";

/**
 * The ranges of a parse's error diagnostics, for "does any error touch this range" in
 * O(log n). Asking each statement of a garbage file (a binary file opened as SQL has tens
 * of thousands of statements and errors) by a scan over all errors was quadratic: 1 MB of
 * NUL-ridden text took minutes to format.
 */
export class ErrorRanges {
  /** Error starts in ascending order. */
  private readonly starts: number[] = [];
  /** `maxEnds[i]`: the largest end among the errors `0..i` of that order. */
  private readonly maxEnds: number[] = [];

  /** `which` picks the diagnostics; defaults to those of severity `error`. */
  constructor(diagnostics: readonly Diagnostic[], which: (d: Diagnostic) => boolean = (d) => d.severity === "error") {
    const ranges = diagnostics.filter(which).map((d) => d.range);
    ranges.sort((a, b) => a.start - b.start);
    let maxEnd = -1;
    for (const range of ranges) {
      maxEnd = Math.max(maxEnd, range.end);
      this.starts.push(range.start);
      this.maxEnds.push(maxEnd);
    }
  }

  /** Whether an error range and `[start, end]` share a point (ends included). */
  touch(start: number, end: number): boolean {
    // The errors that start at or before `end` are a prefix; one of them reaches `start` iff the prefix's largest end does.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1]! >= start;
  }
}
