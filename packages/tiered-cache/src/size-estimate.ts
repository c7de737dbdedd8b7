/** Nodes `estimateSize` may still visit in the current call (a property, so it is not a reassigned module binding). */
const walk = { left: 0 };

/**
 * A cheap estimate of the memory a live value holds, for the L1 byte budget when no
 * serialized form is at hand. It walks at most `budget` nodes so a huge value costs a
 * bounded amount of time; what it does not visit is not counted. (The walk is a module
 * function with its budget in a shared object, not a closure made per call: an L1 set pays
 * for this, and a closure was an allocation per set.)
 */
export function estimateSize(value: unknown, budget = 2_000): number {
  const outer = walk.left;
  walk.left = budget;
  try {
    return sizeOf(value, 0);
  } finally {
    // A getter may have called back into the cache: leave an outer walk its own budget.
    walk.left = outer;
  }
}

function sizeOf(v: unknown, depth: number): number {
  if (--walk.left < 0 || depth > 32) return 0;
  switch (typeof v) {
    case "string": return 16 + v.length * 2;
    case "number": case "boolean": case "undefined": return 8;
    case "bigint": return 16 + v.toString(16).length;
    case "object": {
      if (v === null) return 8;
      if (ArrayBuffer.isView(v)) return 64 + v.byteLength;
      if (v instanceof ArrayBuffer) return 64 + v.byteLength;
      let total = 32;
      if (v instanceof Map) { for (const [k, x] of v) total += sizeOf(k, depth + 1) + sizeOf(x, depth + 1); return total; }
      if (v instanceof Set) { for (const x of v) total += sizeOf(x, depth + 1); return total; }
      if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) total += 8 + sizeOf(v[i], depth + 1); return total; }
      for (const k in v as Record<string, unknown>) total += 16 + k.length * 2 + sizeOf((v as Record<string, unknown>)[k], depth + 1);
      return total;
    }
    default: return 16;
  }
}
