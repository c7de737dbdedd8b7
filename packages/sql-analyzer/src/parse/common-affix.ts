const CHUNK = 2048;

/**
 * Length of the longest common prefix of `a` and `b`. Compares 2 KiB slices
 * with `===` (a native memory compare) and only walks characters inside the
 * first differing chunk, so an edit in a 600 KB file costs microseconds.
 */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix of `a` and `b`, not reaching into the first `limit` characters of either. */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  const max = Math.min(a.length, b.length) - limit;
  let n = 0;
  while (n + CHUNK <= max && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
