/**
 * The integer fast paths of money.ts (allocate with whole-number weights, fenScaler) give exactly
 * what the decimal.js arithmetic they stand in for gives: the reference below is that arithmetic,
 * written out again here so the test does not call the code it checks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { allocate, D, fenScaler } from '../../src/core/money';

/** allocate() as decimal.js works it: floor(total × w / Σw), leftover fen to the largest remainders. */
function allocateByDecimal(total: number, weights: readonly number[]): number[] {
  const ws = weights.map((w) => new D(w));
  const sum = ws.reduce((a, b) => a.plus(b), new D(0));
  const abs = Math.abs(total);
  const exact = ws.map((w) => new D(abs).times(w).div(sum));
  const parts = exact.map((e) => e.floor().toNumber());
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e.minus(e.floor()) })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => (total < 0 ? -p : p) || 0);
}

const scaleByDecimal = (f: number, x: Decimal): number => x.times(f).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();

describe('allocate with whole-number weights', () => {
  it('splits by days as worked by hand', () => {
    // 100,000 fen over January–March 2025 (31, 28, 31 days): 31/90 × 100000 = 34444.4…,
    // 28/90 × 100000 = 31111.1…; floors 34444 + 31111 + 34444 = 99999, the last fen to the
    // largest remainder (0.44…, January first on a tie): 34445, 31111, 34444.
    expect(allocate(100_000, [31, 28, 31])).toEqual([34445, 31111, 34444]);
    expect(allocate(-100_000, [31, 28, 31])).toEqual([-34445, -31111, -34444]);
    // One weight takes the whole; a zero weight takes nothing.
    expect(allocate(12345, [7])).toEqual([12345]);
    expect(allocate(10, [0, 3, 0, 1])).toEqual([0, 8, 0, 2]);
  });

  it('refuses what the decimal path refuses', () => {
    expect(() => allocate(10, [0, 0])).toThrow(RangeError);
    expect(() => allocate(10, [2, -1])).toThrow(RangeError);
    expect(() => allocate(10, [0])).toThrow(RangeError);
  });

  it('equals the decimal arithmetic for any total and whole-number weights', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: -50, max: 50 })),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 14 }).filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          expect(allocate(total, weights)).toEqual(allocateByDecimal(total, weights));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('fenScaler', () => {
  it('rounds half away from zero, as decimal.js ROUND_HALF_UP does', () => {
    // 12,345 × 0.8 = 9,876.0; 12,345 × 0.85 = 10,493.25 → 10,493; 5 × 0.5 = 2.5 → 3; −5 × 0.5 = −2.5 → −3.
    expect(fenScaler(new D('0.8'))(12345)).toBe(9876);
    expect(fenScaler(new D('0.85'))(12345)).toBe(10493);
    expect(fenScaler(new D('0.5'))(5)).toBe(3);
    expect(fenScaler(new D('0.5'))(-5)).toBe(-3);
    expect(fenScaler(new D(1))(777)).toBe(777);
    // More than six decimals: decimal.js itself. 1,000 × 0.1234567 = 123.4567 → 123.
    expect(fenScaler(new D('0.1234567'))(1000)).toBe(123);
  });

  it('equals the decimal arithmetic, sign of zero included', () => {
    const rate = fc.oneof(
      fc.integer({ min: -2_000_000, max: 3_000_000 }).map((k) => new D(k).div(1_000_000)),
      fc.double({ min: -3, max: 3, noNaN: true }).map((x) => new D(x.toFixed(9))),
    );
    fc.assert(
      fc.property(rate, fc.integer({ min: -1e14, max: 1e14 }), (x, f) => {
        expect(Object.is(fenScaler(x)(f), scaleByDecimal(f, x))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
