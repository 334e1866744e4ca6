/** node:zlib's native deflate, inflate and CRC-32 for the zip layer (Node only; the browser uses fflate). */
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32, type ZipCodec } from './codec';

export const NODE_CODEC: ZipCodec = {
  inflate(raw, size) {
    // maxOutputLength stops a stream that inflates past what it declared before it fills memory;
    // an output chunk of the declared size (+1 to see an overrun) saves joining 16 KB chunks, a
    // second copy of a 40 MB sheet (chunkSize: https://nodejs.org/docs/latest-v20.x/api/zlib.html#class-options).
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, size + 1), chunkSize: Math.max(64, size + 1) });
    if (out.length !== size) throw new Error(`content does not match its declared size (${size} bytes)`);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  deflate(data, level) {
    const out = deflateRawSync(data, { level });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  // zlib.crc32 arrived in Node 20.15; older 20.x fall back to the table version.
  crc32: typeof zlibCrc32 === 'function' ? (d) => zlibCrc32(d) >>> 0 : crc32,
};
