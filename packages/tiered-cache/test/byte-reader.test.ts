import { describe, expect, it } from "vitest";
import { readFloat64BE, readUint16BE, readUint32BE } from "../src/byte-reader.js";

describe("byte reader", () => {
  it("reads what a big-endian DataView reads, at any offset (seeded random bytes)", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) & 0xff;
    const bytes = new Uint8Array(4096).map(() => next());
    const view = new DataView(bytes.buffer);
    for (let at = 0; at + 8 <= bytes.length; at += 3) {
      expect(readUint16BE(bytes, at)).toBe(view.getUint16(at));
      expect(readUint32BE(bytes, at)).toBe(view.getUint32(at));
      expect(Object.is(readFloat64BE(bytes, at), view.getFloat64(at)) || (Number.isNaN(readFloat64BE(bytes, at)) && Number.isNaN(view.getFloat64(at)))).toBe(true);
    }
    const inner = new Uint8Array(bytes.buffer, 5, 64);
    expect(readUint32BE(inner, 0)).toBe(view.getUint32(5));
    for (const value of [0, -0, 1.5, Date.now(), Number.MAX_VALUE, -Infinity]) {
      const out = new DataView(new ArrayBuffer(8));
      out.setFloat64(0, value);
      expect(Object.is(readFloat64BE(new Uint8Array(out.buffer), 0), value)).toBe(true);
    }
  });
});
