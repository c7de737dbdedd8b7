/** Rough per-object overhead in bytes of a JavaScript engine (header plus hidden class pointer). */
const OBJECT_OVERHEAD = 32;
/** Rough size of one property or array element slot. */
const SLOT_BYTES = 8;

/**
 * A rough estimate of the heap bytes reachable from `value`, for stats only. It walks
 * iteratively, counts each object once and stops after `maxObjects` objects, so it is
 * bounded on huge or cyclic values. Engines differ, so treat the result as an order of
 * magnitude.
 */
export function approximateSize(value: unknown, maxObjects = 100_000): number {
  let bytes = 0;
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    switch (typeof item) {
      case "string":
        bytes += 16 + 2 * item.length;
        continue;
      case "number":
        bytes += 8;
        continue;
      case "bigint":
        bytes += 16;
        continue;
      case "boolean":
      case "undefined":
      case "symbol":
        bytes += 4;
        continue;
      case "function":
        bytes += OBJECT_OVERHEAD;
        continue;
      default:
        break;
    }
    if (item === null) {
      bytes += 4;
      continue;
    }
    const object = item as object;
    if (seen.has(object)) continue;
    if (seen.size >= maxObjects) break;
    seen.add(object);
    bytes += OBJECT_OVERHEAD;
    if (ArrayBuffer.isView(object)) {
      bytes += object.byteLength;
    } else if (Array.isArray(object)) {
      bytes += SLOT_BYTES * object.length;
      for (const element of object) pending.push(element);
    } else if (object instanceof Map) {
      bytes += 2 * SLOT_BYTES * object.size;
      for (const [k, v] of object) pending.push(k, v);
    } else if (object instanceof Set) {
      bytes += SLOT_BYTES * object.size;
      for (const v of object) pending.push(v);
    } else {
      for (const key of Object.keys(object)) {
        bytes += SLOT_BYTES;
        pending.push((object as Record<string, unknown>)[key]);
      }
    }
  }
  return bytes;
}
