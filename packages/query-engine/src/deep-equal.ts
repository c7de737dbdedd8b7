/**
 * Structural equality, the default early-cutoff test: primitives by `Object.is`, arrays,
 * plain objects (own enumerable string keys), `Map`, `Set`, `Date`, `RegExp` and typed
 * arrays by content; other class instances only by identity unless both share the same
 * prototype, in which case their own fields are compared. It walks iteratively with an
 * explicit stack, so deep trees cannot overflow the call stack, and remembers pairs it
 * has already assumed equal, so cyclic structures (parent pointers) terminate.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const left: object[] = [a];
  const right: object[] = [b];
  let seen: Map<object, object[]> | undefined;
  while (left.length > 0) {
    const x = left.pop()!;
    const y = right.pop()!;
    if (x === y) continue;
    const proto: unknown = Object.getPrototypeOf(x);
    if (proto !== Object.getPrototypeOf(y)) return false;
    seen ??= new Map();
    const pairs = seen.get(x);
    if (pairs !== undefined) {
      if (pairs.includes(y)) continue;
      pairs.push(y);
    } else {
      seen.set(x, [y]);
    }
    if (Array.isArray(x)) {
      const ya = y as unknown[];
      if (x.length !== ya.length) return false;
      for (let i = 0; i < x.length; i++) if (!pushPair(x[i], ya[i], left, right)) return false;
      continue;
    }
    if (x instanceof Date) {
      if (x.getTime() !== (y as Date).getTime()) return false;
      continue;
    }
    if (x instanceof RegExp) {
      if (String(x) !== String(y)) return false;
      continue;
    }
    if (ArrayBuffer.isView(x)) {
      const xb = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
      const yv = y as ArrayBufferView;
      const yb = new Uint8Array(yv.buffer, yv.byteOffset, yv.byteLength);
      if (xb.length !== yb.length) return false;
      for (let i = 0; i < xb.length; i++) if (xb[i] !== yb[i]) return false;
      continue;
    }
    if (x instanceof Map) {
      const ym = y as Map<unknown, unknown>;
      if (x.size !== ym.size) return false;
      for (const [k, v] of x) {
        if (!ym.has(k)) return false;
        if (!pushPair(v, ym.get(k), left, right)) return false;
      }
      continue;
    }
    if (x instanceof Set) {
      const ys = y as Set<unknown>;
      if (x.size !== ys.size) return false;
      // Sets compare by membership; members that are objects must be the same objects.
      for (const v of x) if (!ys.has(v)) return false;
      continue;
    }
    const xr = x as Record<string, unknown>;
    const yr = y as Record<string, unknown>;
    const keys = Object.keys(xr);
    if (keys.length !== Object.keys(yr).length) return false;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(yr, key)) return false;
      if (!pushPair(xr[key], yr[key], left, right)) return false;
    }
  }
  return true;
}

/** Compares primitives at once; queues object pairs. Returns false on a mismatch. */
function pushPair(x: unknown, y: unknown, left: object[], right: object[]): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  left.push(x);
  right.push(y);
  return true;
}
