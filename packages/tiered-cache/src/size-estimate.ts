/**
 * A cheap estimate of the memory a live value holds, for the L1 byte budget when no
 * serialized form is at hand. It walks at most `budget` nodes so a huge value costs a
 * bounded amount of time; what it does not visit is not counted.
 */
export function estimateSize(value: unknown, budget = 2_000): number {
  let visited = 0;
  const walk = (v: unknown, depth: number): number => {
    if (++visited > budget || depth > 32) return 0;
    switch (typeof v) {
      case "string": return 16 + v.length * 2;
      case "number": case "boolean": case "undefined": return 8;
      case "bigint": return 16 + v.toString(16).length;
      case "object": {
        if (v === null) return 8;
        if (ArrayBuffer.isView(v)) return 64 + v.byteLength;
        if (v instanceof ArrayBuffer) return 64 + v.byteLength;
        let total = 32;
        if (v instanceof Map) { for (const [k, x] of v) total += walk(k, depth + 1) + walk(x, depth + 1); return total; }
        if (v instanceof Set) { for (const x of v) total += walk(x, depth + 1); return total; }
        if (Array.isArray(v)) { for (const x of v) total += 8 + walk(x, depth + 1); return total; }
        for (const k in v as Record<string, unknown>) total += 16 + k.length * 2 + walk((v as Record<string, unknown>)[k], depth + 1);
        return total;
      }
      default: return 16;
    }
  };
  return walk(value, 0);
}
