import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteWriter } from '../../../src/hosts/xlsx/byte-writer';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('ByteWriter', () => {
  it('joins its blocks into the UTF-8 of everything written, whatever the block size', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => ({ s })),
      // Any UTF-16 code units, lone surrogates included: in Node the writer encodes with Buffer's
      // utf8Write, which must give TextEncoder's bytes (U+FFFD for a lone surrogate) exactly.
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => ({ s })),
      fc.uint8Array({ maxLength: 30 }).map((b) => ({ b })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (pieces, blockSize) => {
        const w = new ByteWriter(blockSize);
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
        expect(w.length).toBe(expected.length);
        expect(Buffer.from(w.finish()).equals(expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes text and writes numbers as their shortest round-trip form', () => {
    // '村' is 3 bytes of UTF-8; a 4-byte block forces a new block for each piece.
    const w = new ByteWriter(4).raw('<t>').text('a<b&村').raw('</t>').num(0.1 + 0.2).num(Number.NaN);
    expect(new TextDecoder().decode(w.finish())).toBe('<t>a&lt;b&amp;村</t>0.300000000000000040');
  });
});
