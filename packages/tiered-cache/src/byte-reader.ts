/**
 * Big-endian number reads straight from a byte array. The hot read paths (an L2 hit decodes
 * a file header and an envelope) used a `DataView` per call, and constructing one costs
 * about 190 ns here — more than everything it was used for. Callers check bounds first.
 */
const floatView = new DataView(new ArrayBuffer(8));
const floatBytes = new Uint8Array(floatView.buffer);

/** The unsigned 16-bit big-endian number at `at`. */
export function readUint16BE(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

/** The unsigned 32-bit big-endian number at `at`. */
export function readUint32BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/** The big-endian IEEE-754 double at `at` (copied through one shared 8-byte view). */
export function readFloat64BE(bytes: Uint8Array, at: number): number {
  for (let i = 0; i < 8; i++) floatBytes[i] = bytes[at + i]!;
  return floatView.getFloat64(0);
}
