import { crc32 } from "node:zlib";
import { readFloat64BE, readUint32BE } from "../byte-reader.js";

/**
 * Layout of one L2 file: magic `STC2` (u32), CRC-32 (u32) over everything after it,
 * createdAt (f64), expiresAt (f64), payload length (u32), then the payload. All numbers
 * big-endian. The checksum is verified on every read, so a torn or corrupted file —
 * payload or timestamps — is never returned as a value.
 *
 * Why CRC-32 and not a cryptographic hash: the checksum guards against accidental damage
 * (a torn write, a flipped bit, a truncated file), which CRC-32 catches — every burst of
 * up to 32 bits with certainty, any other damage with probability 1 − 2⁻³² — at a fifth of
 * the cost of SHA-256 on small entries. Against someone who can write the cache directory,
 * an unkeyed SHA-256 would not help either (they would write a matching digest); that is
 * what the AES-GCM encryption option is for.
 */
export const HEADER_BYTES = 4 + 4 + 8 + 8 + 4;
const MAGIC = 0x53544332; // "STC2"
/** Files of the first layout (SHA-256 checksum) are read as unusable and replaced. */
const OLD_MAGIC = 0x53544331; // "STC1"
const CHECKED_FROM = 8;

/** Frames a payload for writing. */
export function frameEntry(payload: Uint8Array, createdAt: number, expiresAt: number): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + payload.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC);
  view.setFloat64(8, createdAt);
  view.setFloat64(16, expiresAt);
  view.setUint32(24, payload.length);
  out.set(payload, HEADER_BYTES);
  view.setUint32(4, crc32(out.subarray(CHECKED_FROM)));
  return out;
}

/** A verified entry, or the reason it is unusable. */
export type ParsedEntry =
  | { ok: true; createdAt: number; expiresAt: number; payload: Uint8Array }
  | { ok: false; reason: string };

/**
 * Parses and verifies a whole file. The payload is a view into `bytes` (no copy): a caller
 * that reuses its read buffer must copy it.
 */
export function parseEntry(bytes: Uint8Array): ParsedEntry {
  if (bytes.length < HEADER_BYTES) return { ok: false, reason: `truncated header (${bytes.length} bytes)` };
  const magic = readUint32BE(bytes, 0);
  if (magic !== MAGIC) return { ok: false, reason: magic === OLD_MAGIC ? "older file format" : "bad magic" };
  const length = readUint32BE(bytes, 24);
  if (bytes.length !== HEADER_BYTES + length) return { ok: false, reason: `length mismatch (header says ${length}, file has ${bytes.length - HEADER_BYTES})` };
  // Views made with the constructor, not subarray() (which looks up a species constructor first).
  const checked = new Uint8Array(bytes.buffer, bytes.byteOffset + CHECKED_FROM, bytes.length - CHECKED_FROM);
  if (crc32(checked) !== readUint32BE(bytes, 4)) return { ok: false, reason: "checksum mismatch" };
  return {
    ok: true,
    createdAt: readFloat64BE(bytes, 8),
    expiresAt: readFloat64BE(bytes, 16),
    payload: new Uint8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, length),
  };
}

/**
 * The whole file's size according to the header in the first `count` bytes of `buffer`, or
 * `undefined` while too little of it is there or it is not a header of this layout. Reads
 * the bytes directly: it runs after every synchronous read, where a view object per call showed.
 */
export function framedSize(buffer: Uint8Array, count: number): number | undefined {
  if (count < HEADER_BYTES) return undefined;
  return readUint32BE(buffer, 0) === MAGIC ? HEADER_BYTES + readUint32BE(buffer, 24) : undefined;
}

/** How many bytes from the start of a file `peekCreatedAt` needs. */
export const CREATED_AT_PREFIX_BYTES = 16;

/** Creation time from the start of a file alone (for `delete(olderThan)`), or `undefined` when unreadable. */
export function peekCreatedAt(bytes: Uint8Array): number | undefined {
  if (bytes.length < CREATED_AT_PREFIX_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0) === MAGIC ? view.getFloat64(8) : undefined;
}
