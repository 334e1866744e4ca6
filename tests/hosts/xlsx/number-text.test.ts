import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberText } from '../../../src/hosts/xlsx/sheet-write';

describe('numberText: the shortest round-trip text of a cell number', () => {
  it('writes worked examples as String(n) does', () => {
    // 1234.5 is 123450 fen: whole 1234, cents 50 → ".5"; 0.07 is 7 fen → ".07"; -0.1 + -0.2 is not a whole number of fen.
    expect(numberText(1234.5)).toBe('1234.5');
    expect(numberText(0.07)).toBe('0.07');
    expect(numberText(-112.99)).toBe('-112.99');
    expect(numberText(-0.1 - 0.2)).toBe('-0.30000000000000004');
    expect(numberText(45678)).toBe('45678');
    expect(numberText(-0)).toBe('0');
    expect(numberText(Number.NaN)).toBe('0');
    expect(numberText(Number.POSITIVE_INFINITY)).toBe('0');
    expect(numberText(1e21)).toBe('1e+21');
  });

  it('equals String(n) for every whole number of fen up to a trillion yuan, either sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14), max: 10 ** 14 }), (fen) => {
        expect(numberText(fen / 100)).toBe(String(fen / 100));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals String(n) for any finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(numberText(n)).toBe(String(n));
      }),
      { numRuns: 20_000 },
    );
  });
});
