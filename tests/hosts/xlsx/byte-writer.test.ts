import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteWriter } from '../../../src/hosts/xlsx/byte-writer';

/** A writer whose sink keeps copies of the blocks it is handed (the writer reuses its block). */
function collecting(blockSize: number): { w: ByteWriter; joined: () => Buffer } {
  const blocks: Buffer[] = [];
  const w = new ByteWriter({ push: (b) => blocks.push(Buffer.from(b)) }, blockSize);
  return { w, joined: () => (w.flush(), Buffer.concat(blocks)) };
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('ByteWriter', () => {
  it('hands its sink the UTF-8 of everything written, in order, whatever the block size', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => ({ s })),
      // Any UTF-16 code units, lone surrogates included: in Node the writer encodes with Buffer's
      // utf8Write, which must give TextEncoder's bytes (U+FFFD for a lone surrogate) exactly.
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => ({ s })),
      fc.uint8Array({ maxLength: 30 }).map((b) => ({ b })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (pieces, blockSize) => {
        const { w, joined } = collecting(blockSize);
        const parts: Uint8Array[] = [];
        for (const p of pieces) {
          if ('s' in p) {
            w.raw(p.s);
            parts.push(utf8(p.s));
          } else {
            w.bytes(p.b);
            parts.push(p.b);
          }
        }
        const expected = Buffer.concat(parts);
        const out = joined();
        expect(out.length).toBe(expected.length);
        expect(out.equals(expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
