import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, cellNumberText, exactFenOfNumber, fenFromCell, fenToString, formatFen, parseFen, roundFen, moneyToFen } from '../../src/core/money';

describe('money', () => {
  it('parses user text exactly into fen', () => {
    expect(parseFen('1,234.5')).toEqual({ ok: true, fen: 123450 });
    expect(parseFen('¥60000')).toEqual({ ok: true, fen: 6000000 });
    expect(parseFen('-0.05')).toEqual({ ok: true, fen: -5 });
    expect(parseFen('12.300')).toEqual({ ok: true, fen: 1230 });
    expect(parseFen('12.345')).toEqual({ ok: false, issue: 'too-many-decimals' });
    expect(parseFen('abc')).toEqual({ ok: false, issue: 'not-a-number' });
    expect(parseFen('  ')).toEqual({ ok: false, issue: 'empty' });
  });
  it('reads spreadsheet numbers to 15 significant digits, as Excel shows them', () => {
    // =0.1+0.2 is 0.30000000000000004 in binary; Excel shows and stores 0.3.
    expect(fenFromCell(0.1 + 0.2)).toEqual({ ok: true, fen: 30 });
    // =100*1.13 is 112.99999999999999; to 15 digits 113.000000000000 → 11300 fen.
    expect(fenFromCell(100 * 1.13)).toEqual({ ok: true, fen: 11300 });
    expect(cellNumberText(100 * 1.13)).toBe('113');
    expect(cellNumberText(-(0.1 + 0.2))).toBe('-0.3');
    expect(cellNumberText(1e-7)).toBe('0.0000001');
    expect(cellNumberText(123456789012345.6)).toBe('123456789012346');
    expect(fenFromCell(35400)).toEqual({ ok: true, fen: 3540000 });
    expect(fenFromCell(8200.1)).toEqual({ ok: true, fen: 820010 });
    expect(fenFromCell(12.345)).toEqual({ ok: false, issue: 'too-many-decimals' });
  });
  describe('exactFenOfNumber: the arithmetic fast path gives the text path\'s fen or stands aside', () => {
    /** The rule as written before the fast path: 15 significant digits as text, then parseFen. */
    const viaText = (n: number) => (Number.isFinite(n) ? parseFen(cellNumberText(n)) : { ok: false, issue: 'not-a-number' });
    const agrees = (n: number): void => {
      const f = exactFenOfNumber(n);
      if (f === f) expect(viaText(n)).toEqual({ ok: true, fen: f });
      expect(fenFromCell(n)).toEqual(viaText(n));
    };
    it('answers for whole fen, stands aside for noise, a third decimal and 10^13 yuan', () => {
      expect(exactFenOfNumber(8200.1)).toBe(820010); // 8200.1 × 100 = 820010, and 820010 / 100 is 8200.1 again
      expect(exactFenOfNumber(0.29)).toBe(29); // 0.29 × 100 = 28.999999999999996 in binary
      expect(exactFenOfNumber(-0.05)).toBe(-5);
      expect(Object.is(exactFenOfNumber(-0), 0)).toBe(true);
      expect(exactFenOfNumber(0.1 + 0.2)).toBeNaN(); // 0.30000000000000004: the text path reads 0.3
      expect(exactFenOfNumber(12.345)).toBeNaN();
      expect(exactFenOfNumber(1.005)).toBeNaN(); // 1.005 × 100 = 100.49999999999999 → 100, and 1 ≠ 1.005
      expect(exactFenOfNumber(1e13)).toBeNaN();
      expect(exactFenOfNumber(9999999999999.99)).toBe(999999999999999);
      expect(exactFenOfNumber(Number.NaN)).toBeNaN();
      expect(exactFenOfNumber(Number.POSITIVE_INFINITY)).toBeNaN();
      for (const n of [8200.1, 0.29, -0.05, -0, 0.1 + 0.2, 12.345, 1.005, 1e13, 9999999999999.99, 123456789012345.6, 1e-7, Number.NaN]) agrees(n);
    });
    it('agrees with the text path on any double, and on any fen amount read back as a cell number', () => {
      fc.assert(fc.property(fc.double(), agrees), { numRuns: 3000 });
      fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (fen) => agrees(fen / 100)), { numRuns: 3000 });
      // amounts with binary noise, as formulas leave them (=120*35.5 → 4259.999999999999)
      fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: -4, max: 4 }), (fen, ulps) => {
        let n = fen / 100;
        for (let i = 0; i < Math.abs(ulps); i++) n = ulps > 0 ? nextUp(n) : -nextUp(-n);
        agrees(n);
      }), { numRuns: 3000 });
    });
  });
  it('rounds half up to the fen and formats', () => {
    expect(roundFen('0.005').toFixed(2)).toBe('0.01');
    expect(roundFen('-0.005').toFixed(2)).toBe('-0.01');
    expect(roundFen('2.344999').toFixed(2)).toBe('2.34');
    expect(formatFen(123450)).toBe('1,234.50');
    expect(formatFen(-100000000)).toBe('-1,000,000.00');
    expect(fenToString(5)).toBe('0.05');
    expect(fenToString(-5)).toBe('-0.05');
    expect(moneyToFen('10.10')).toBe(1010);
  });
  it('formula-like float arithmetic on fen amounts reads back as the exact fen result', () => {
    // Amounts up to 10^11 yuan (13 digits of fen): a sum of same-signed amounts, or quantity ×
    // price, is off by a few ulps relative to the result, far below its 15th significant digit.
    // (A difference of two nearly equal large amounts is not: its noise is relative to the
    // operands, and Excel shows that noise too.)
    const fen = fc.integer({ min: 0, max: 1e13 });
    fc.assert(
      fc.property(fen, fen, fen, fc.boolean(), (a, b, c, neg) => {
        const s = neg ? -1 : 1;
        expect(fenFromCell((s * a) / 100 + (s * b) / 100 + (s * c) / 100)).toEqual({ ok: true, fen: s * (a + b + c) || 0 });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 0, max: 10000 }), (price, qty) => {
        expect(fenFromCell(qty * (price / 100))).toEqual({ ok: true, fen: qty * price || 0 });
      }),
    );
    // A genuine third decimal (up to 10^11 yuan, so 14 digits) is never rounded away.
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 1, max: 9 }), (a, d) => {
        const mil = a * 10 + (a < 0 ? -d : d);
        expect(fenFromCell(mil / 1000)).toEqual({ ok: false, issue: 'too-many-decimals' });
      }),
    );
  });
  it('allocate always sums back to the total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        const parts = allocate(total, ws);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });
  it('fenToString and parseFen round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -1e14, max: 1e14 }), (fen) => {
      expect(parseFen(fenToString(fen))).toEqual({ ok: true, fen });
    }));
  });
});

/** The next double above n (n finite), for numbers a few ulps off a fen amount. */
function nextUp(n: number): number {
  if (n === 0) return Number.MIN_VALUE;
  const b = new Float64Array([n]);
  const i = new BigInt64Array(b.buffer);
  i[0] = (i[0] as bigint) + (n > 0 ? 1n : -1n);
  return b[0] as number;
}
