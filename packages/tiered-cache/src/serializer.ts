/**
 * Turns values into bytes for the storage tiers (L2, L3) and back. L1 keeps live values
 * and never serializes, so a serializer only costs time on the slower tiers.
 */
export interface Serializer {
  /** Short name, recorded nowhere but useful in logs and errors. */
  readonly name: string;
  /** Encodes a value; throws when the value cannot be represented. */
  serialize(value: unknown): Uint8Array;
  /** Decodes bytes made by `serialize`; throws on bytes it cannot read. */
  deserialize(bytes: Uint8Array): unknown;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Plain JSON in UTF-8: the default. Loses `Uint8Array`, `Date`, `Map`, `Set` and `bigint` fidelity. */
export const jsonSerializer: Serializer = {
  name: "json",
  serialize(value) {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError("value is not JSON-serializable (undefined, a function or a symbol)");
    return encoder.encode(text);
  },
  deserialize(bytes) {
    return JSON.parse(decoder.decode(bytes));
  },
};

const RAW_BYTES = 1;
const TAGGED_JSON = 0;

/**
 * A binary-safe serializer: a top-level `Uint8Array` is stored as raw bytes (no base64
 * blow-up), and inside other values `Uint8Array`, `Date`, `Map`, `Set` and `bigint`
 * survive the round trip through a tagged JSON encoding.
 */
export const binarySerializer: Serializer = {
  name: "binary",
  serialize(value) {
    if (value instanceof Uint8Array) {
      const out = new Uint8Array(value.length + 1);
      out[0] = RAW_BYTES;
      out.set(value, 1);
      return out;
    }
    const text = JSON.stringify(encodeTagged(value));
    if (text === undefined) throw new TypeError("value is not serializable (undefined, a function or a symbol)");
    const body = encoder.encode(text);
    const out = new Uint8Array(body.length + 1);
    out[0] = TAGGED_JSON;
    out.set(body, 1);
    return out;
  },
  deserialize(bytes) {
    if (bytes.length === 0) throw new TypeError("empty input");
    if (bytes[0] === RAW_BYTES) return bytes.slice(1);
    if (bytes[0] !== TAGGED_JSON) throw new TypeError(`unknown binary serializer tag ${bytes[0]}`);
    return decodeTagged(JSON.parse(decoder.decode(bytes.subarray(1))));
  },
};

/** Tag keys are `$`-prefixed; a plain object whose only key looks like a tag is wrapped in `$o`. */
function encodeTagged(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return { $n: value.toString() };
    return value;
  }
  if (value instanceof Uint8Array) return { $b: bytesToBase64(value) };
  if (value instanceof Date) return { $d: value.toISOString() };
  if (value instanceof Map) return { $m: [...value].map(([k, v]) => [encodeTagged(k), encodeTagged(v)]) };
  if (value instanceof Set) return { $s: [...value].map(encodeTagged) };
  if (Array.isArray(value)) return value.map(encodeTagged);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = encodeTagged(v);
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0]!.startsWith("$") ? { $o: out } : out;
}

function decodeTagged(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeTagged);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const tag = keys[0]!;
    const body = record[tag];
    switch (tag) {
      case "$n": return BigInt(String(body));
      case "$b": return base64ToBytes(String(body));
      case "$d": return new Date(String(body));
      case "$m": return new Map((body as [unknown, unknown][]).map(([k, v]) => [decodeTagged(k), decodeTagged(v)]));
      case "$s": return new Set((body as unknown[]).map(decodeTagged));
      case "$o": return decodeObject(body as Record<string, unknown>);
    }
  }
  return decodeObject(record);
}

function decodeObject(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = decodeTagged(v);
  return out;
}

/** Base64 without `Buffer`, so the core stays browser-safe. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Inverse of `bytesToBase64`. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
