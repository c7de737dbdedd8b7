import { readFloat64BE, readUint16BE } from "./byte-reader.js";

/**
 * The stored form of an entry in L2/L3: a small binary header (timestamps and tags)
 * followed by the serialized value. Byte layout, big-endian:
 *
 *     u8 version (2) · f64 createdAt · f64 freshUntil · f64 staleUntil · u16 tag count ·
 *     per tag: u16 byte length + UTF-8 bytes · the value
 *
 * Binary rather than JSON because every L2/L3 hit decodes it: reading three floats costs a
 * fraction of a `JSON.parse`, and an entry without tags (the common case) decodes no text.
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

const VERSION = 2;
const FIXED_BYTES = 1 + 8 + 8 + 8 + 2;
const MAX_TAGS = 0xffff;
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const NO_TAGS: readonly string[] = Object.freeze([]);

/** Packs metadata and serialized value into one byte string; throws a `RangeError` past 65,535 tags or a tag over 65,535 bytes. */
export function encodeEnvelope(meta: EntryMeta, value: Uint8Array): Uint8Array {
  const tags = meta.tags.map((tag) => encoder.encode(tag));
  if (tags.length > MAX_TAGS) throw new RangeError(`an entry carries at most ${MAX_TAGS} tags (got ${tags.length})`);
  let size = FIXED_BYTES + value.length;
  for (const tag of tags) {
    if (tag.length > 0xffff) throw new RangeError(`a tag is at most 65535 bytes of UTF-8 (got ${tag.length})`);
    size += 2 + tag.length;
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint8(0, VERSION);
  view.setFloat64(1, meta.createdAt);
  view.setFloat64(9, meta.freshUntil);
  view.setFloat64(17, meta.staleUntil);
  view.setUint16(25, tags.length);
  let at = FIXED_BYTES;
  for (const tag of tags) {
    view.setUint16(at, tag.length);
    out.set(tag, at + 2);
    at += 2 + tag.length;
  }
  out.set(value, at);
  return out;
}

/** Unpacks an envelope; throws a `TypeError` on anything malformed. The value is a view into `bytes`. */
export function decodeEnvelope(bytes: Uint8Array): { meta: EntryMeta; value: Uint8Array } {
  if (bytes.length < FIXED_BYTES) throw new TypeError(`envelope too short (${bytes.length} bytes)`);
  const version = bytes[0]!;
  if (version !== VERSION) throw new TypeError(`unknown envelope version ${version}`);
  const createdAt = readFloat64BE(bytes, 1);
  const freshUntil = readFloat64BE(bytes, 9);
  const staleUntil = readFloat64BE(bytes, 17);
  if (!(createdAt <= freshUntil && freshUntil <= staleUntil)) throw new TypeError("envelope timestamps are out of order");
  const count = readUint16BE(bytes, 25);
  let tags = NO_TAGS;
  let at = FIXED_BYTES;
  if (count > 0) {
    const list: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 2 > bytes.length) throw new TypeError("envelope tag list overruns the entry");
      const length = readUint16BE(bytes, at);
      if (at + 2 + length > bytes.length) throw new TypeError("envelope tag overruns the entry");
      list.push(decoder.decode(bytes.subarray(at + 2, at + 2 + length)));
      at += 2 + length;
    }
    tags = list;
  }
  // A view made with the constructor: `subarray` looks up a species constructor first.
  return { meta: { createdAt, freshUntil, staleUntil, tags }, value: new Uint8Array(bytes.buffer, bytes.byteOffset + at, bytes.length - at) };
}
