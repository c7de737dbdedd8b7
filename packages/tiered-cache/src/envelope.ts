/**
 * The stored form of an entry in L2/L3: a small JSON header (timestamps and tags) followed
 * by the serialized value. Byte layout: u32 header length (big-endian), header, value.
 */
export interface EntryMeta {
  /** When the value was produced (ms since epoch); used for tag invalidation and resets. */
  readonly createdAt: number;
  /** Fresh until this instant (ms since epoch). */
  readonly freshUntil: number;
  /** Servable as stale (grace) until this instant; equals `freshUntil` without grace. */
  readonly staleUntil: number;
  /** Tags the entry carries. */
  readonly tags: readonly string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Packs metadata and serialized value into one byte string. */
export function encodeEnvelope(meta: EntryMeta, value: Uint8Array): Uint8Array {
  const header = encoder.encode(JSON.stringify({ c: meta.createdAt, f: meta.freshUntil, s: meta.staleUntil, t: meta.tags }));
  const out = new Uint8Array(4 + header.length + value.length);
  new DataView(out.buffer).setUint32(0, header.length);
  out.set(header, 4);
  out.set(value, 4 + header.length);
  return out;
}

/** Unpacks an envelope; throws a `TypeError` on anything malformed. */
export function decodeEnvelope(bytes: Uint8Array): { meta: EntryMeta; value: Uint8Array } {
  if (bytes.length < 4) throw new TypeError("envelope too short");
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (4 + headerLength > bytes.length) throw new TypeError("envelope header overruns the entry");
  const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength))) as Record<string, unknown>;
  const { c, f, s, t } = header;
  if (typeof c !== "number" || typeof f !== "number" || typeof s !== "number" || !Array.isArray(t) || !t.every((x) => typeof x === "string")) {
    throw new TypeError("envelope header has the wrong shape");
  }
  return { meta: { createdAt: c, freshUntil: f, staleUntil: s, tags: t as string[] }, value: bytes.subarray(4 + headerLength) };
}
