import { createHash } from "node:crypto";

/**
 * Layout of one L2 file: magic `STC1`, createdAt (f64), expiresAt (f64), payload length
 * (u32), SHA-256 (32 bytes) over the 24 header bytes before it and the payload, then the
 * payload. The checksum is verified on every read, so a torn or corrupted file — payload or
 * timestamps — can never be returned as a value.
 */
export const HEADER_BYTES = 4 + 8 + 8 + 4 + 32;
const MAGIC = 0x53544331; // "STC1"

/** Frames a payload for writing. */
export function frameEntry(payload: Uint8Array, createdAt: number, expiresAt: number): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + payload.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC);
  view.setFloat64(4, createdAt);
  view.setFloat64(12, expiresAt);
  view.setUint32(20, payload.length);
  out.set(createHash("sha256").update(out.subarray(0, 24)).update(payload).digest(), 24);
  out.set(payload, HEADER_BYTES);
  return out;
}

/** A verified entry, or the reason it is unusable. */
export type ParsedEntry =
  | { ok: true; createdAt: number; expiresAt: number; payload: Uint8Array }
  | { ok: false; reason: string };

/** Parses and verifies a whole file. */
export function parseEntry(bytes: Uint8Array): ParsedEntry {
  if (bytes.length < HEADER_BYTES) return { ok: false, reason: `truncated header (${bytes.length} bytes)` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== MAGIC) return { ok: false, reason: "bad magic" };
  const length = view.getUint32(20);
  if (bytes.length !== HEADER_BYTES + length) return { ok: false, reason: `length mismatch (header says ${length}, file has ${bytes.length - HEADER_BYTES})` };
  const payload = bytes.subarray(HEADER_BYTES);
  const digest = createHash("sha256").update(bytes.subarray(0, 24)).update(payload).digest();
  for (let i = 0; i < 32; i++) if (digest[i] !== bytes[24 + i]) return { ok: false, reason: "checksum mismatch" };
  return { ok: true, createdAt: view.getFloat64(4), expiresAt: view.getFloat64(12), payload };
}

/** Creation time from a header alone (for `delete(olderThan)`), or `undefined` when unreadable. */
export function peekCreatedAt(bytes: Uint8Array): number | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0) === MAGIC ? view.getFloat64(4) : undefined;
}
