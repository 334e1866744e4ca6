/**
 * The compression primitives the zip layer uses. fflate (pure JavaScript) works everywhere and is
 * the default; in Node, file.ts hands in node:zlib's native ones (node-codec.ts), several times
 * faster on the 40 MB sheet parts of a 100,000-line book. Both produce standard raw deflate.
 */
import { Deflate, deflateSync, inflateSync } from 'fflate';

/** A part deflated as it was written: the compressed bytes, and the CRC-32 and size of what went in. */
export interface DeflatedPart {
  data: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Deflates a part handed over block by block, so a 50 MB generated sheet never exists whole in
 * memory: each block is compressed as soon as it fills and its memory is used again for the next.
 * On a machine where first touching fresh memory is slow (this project's VM: ~5 ms per MB in
 * page faults) that, not the compression, was most of writing a big sheet. `push` consumes the
 * block before returning; the caller may overwrite it afterwards.
 */
export interface PartDeflater {
  push(block: Uint8Array): void;
  end(): DeflatedPart;
}

export interface ZipCodec {
  /** Inflates raw deflate data that declares `size` bytes; more or fewer is an error (a lying zip). */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array, level: number): Uint8Array;
  /** CRC-32 of `data`, continuing from `prev` (the CRC of what came before; 0 to start). */
  crc32(data: Uint8Array, prev?: number): number;
  deflater(level: number): PartDeflater;
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

export function crc32(data: Uint8Array, prev = 0): number {
  let c = ~prev;
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
  deflate: (data, level) => deflateSync(data, { level: clampLevel(level) }),
  crc32,
  deflater(level) {
    const out: Uint8Array[] = [];
    // fflate's Deflate copies each pushed chunk into its own window before returning (fflate 0.8).
    const d = new Deflate({ level: clampLevel(level) }, (chunk) => out.push(chunk));
    let crc = 0;
    let size = 0;
    return {
      push(block) {
        crc = crc32(block, crc);
        size += block.length;
        d.push(block, false);
      },
      end() {
        d.push(new Uint8Array(0), true);
        return { data: concatBytes(out), crc, size };
      },
    };
  },
};

const clampLevel = (level: number): 6 => Math.max(0, Math.min(9, level)) as 6;

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
