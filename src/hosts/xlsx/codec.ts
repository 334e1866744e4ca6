/**
 * The compression primitives the zip layer uses. fflate (pure JavaScript) works everywhere and is
 * the default; in Node, file.ts hands in node:zlib's native ones (node-codec.ts), several times
 * faster on the 40 MB sheet parts of a 100,000-line book. Both produce standard raw deflate.
 */
import { deflateSync, inflateSync } from 'fflate';

export interface ZipCodec {
  /** Inflates raw deflate data that declares `size` bytes; more or fewer is an error (a lying zip). */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export const FFLATE_CODEC: ZipCodec = {
  inflate(raw, size) {
    // One spare byte: a stream that fills it inflates to more than it declared.
    const out = inflateSync(raw, { out: new Uint8Array(size + 1) });
    if (out.length !== size) throw new Error(`content does not match its declared size (${size} bytes)`);
    return out;
  },
  deflate: (data, level) => deflateSync(data, { level: Math.max(0, Math.min(9, level)) as 6 }),
  crc32,
};
