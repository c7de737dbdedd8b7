/**
 * Structural keys of inputs and queries: primitives, tuples (arrays) of keys, plain
 * objects of keys and interned ids (which are numbers). Two keys that are structurally
 * equal address the same memo.
 */
export type Key =
  | string
  | number
  | boolean
  | bigint
  | null
  | undefined
  | readonly Key[]
  | { readonly [field: string]: Key };

/** True for keys that a `Map` can hold directly (no canonical string needed). */
export function isPrimitiveKey(key: unknown): boolean {
  const type = typeof key;
  return type === "string" || type === "number" || type === "boolean" || type === "bigint" || key == null;
}

/**
 * A canonical string for a compound key: equal structures give equal strings, object
 * fields are sorted so field order does not matter, and strings are JSON-quoted so a
 * tuple never collides with a string that happens to look like one.
 */
export function canonicalKey(key: unknown): string {
  const out: string[] = [];
  writeCanonical(key, out, 0);
  return out.join("");
}

const MAX_KEY_DEPTH = 64;

function writeCanonical(key: unknown, out: string[], depth: number): void {
  if (depth > MAX_KEY_DEPTH) throw new TypeError("Query key is nested too deeply (more than 64 levels)");
  switch (typeof key) {
    case "string":
      out.push(JSON.stringify(key));
      return;
    case "number":
      out.push(Object.is(key, -0) ? "-0" : String(key));
      return;
    case "boolean":
      out.push(key ? "t" : "f");
      return;
    case "bigint":
      out.push(`${key}n`);
      return;
    case "undefined":
      out.push("u");
      return;
    case "object": {
      if (key === null) {
        out.push("n");
        return;
      }
      if (Array.isArray(key)) {
        out.push("[");
        for (let i = 0; i < key.length; i++) {
          if (i > 0) out.push(",");
          writeCanonical(key[i], out, depth + 1);
        }
        out.push("]");
        return;
      }
      const proto: unknown = Object.getPrototypeOf(key);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError("Query keys must be primitives, arrays or plain objects (intern other values first)");
      }
      const record = key as Record<string, unknown>;
      const fields = Object.keys(record).sort();
      out.push("{");
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i]!;
        if (i > 0) out.push(",");
        out.push(JSON.stringify(field), ":");
        writeCanonical(record[field], out, depth + 1);
      }
      out.push("}");
      return;
    }
    default:
      throw new TypeError(`Query keys cannot be of type ${typeof key}`);
  }
}
