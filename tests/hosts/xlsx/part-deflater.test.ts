import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { ByteWriter } from '../../../src/hosts/xlsx/byte-writer';
import { FFLATE_CODEC, crc32 } from '../../../src/hosts/xlsx/codec';
import { NODE_CODEC } from '../../../src/hosts/xlsx/node-codec';
import { OpcPackage } from '../../../src/hosts/xlsx/package';
import { DEFAULT_LIMITS } from '../../../src/hosts/xlsx/limits';

const CODECS = [['fflate', FFLATE_CODEC], ['node:zlib', NODE_CODEC]] as const;

describe('streaming a part through a deflater', () => {
  it.each(CODECS)('%s: the pieces inflate (by zlib, an independent reader) to exactly what was written, with its CRC-32 and size', (_name, codec) => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('<row r="1"><c r="A1" s="3"><v>12.5</v></c></row>'.repeat(40)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 1, max: 2048 }), fc.integer({ min: 1, max: 9 }), (pieces, blockSize, level) => {
        const d = codec.deflater(level);
        const w = new ByteWriter(d, blockSize);
        for (const p of pieces) w.raw(p);
        w.flush();
        const part = d.end();
        const expected = Buffer.from(pieces.join(''), 'utf8');
        expect(part.size).toBe(expected.length);
        expect(part.crc).toBe(zlibCrc32(expected) >>> 0);
        expect(Buffer.from(inflateRawSync(part.data)).equals(expected)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('continues a CRC-32 across pieces as over the whole (the table version and zlib alike)', () => {
    // CRC-32 of "123456789" is 0xCBF43926 (the standard check value).
    const all = new TextEncoder().encode('123456789');
    expect(crc32(all)).toBe(0xcbf43926);
    expect(crc32(all.subarray(4), crc32(all.subarray(0, 4)))).toBe(0xcbf43926);
    expect(NODE_CODEC.crc32(all.subarray(4), NODE_CODEC.crc32(all.subarray(0, 4)))).toBe(0xcbf43926);
  });

  it('a streamed part reads back, sizes right, and nothing changes until commit', () => {
    const pkg = new OpcPackage(undefined, DEFAULT_LIMITS, NODE_CODEC);
    const s = pkg.streamPart('xl/worksheets/sheet1.xml', 1);
    s.writer.raw('<worksheet>').raw('村'.repeat(1000)).raw('</worksheet>');
    expect(pkg.has('xl/worksheets/sheet1.xml')).toBe(false);
    s.commit();
    // 11 + 3 × 1000 (村 is 3 bytes of UTF-8) + 12 = 3023 bytes.
    expect(pkg.sizeOf('xl/worksheets/sheet1.xml')).toBe(3023);
    expect(pkg.readText('xl/worksheets/sheet1.xml')).toBe(`<worksheet>${'村'.repeat(1000)}</worksheet>`);
  });
});
