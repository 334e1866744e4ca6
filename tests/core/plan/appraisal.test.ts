import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppraisalError, DEFAULT_DISCOUNT_RATE, irr, npv, paybackYears } from '../../../src/core/plan/appraisal';

function kindOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof AppraisalError ? e.kind : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('npv', () => {
  // 30000/1.1 + 40000/1.21 + 50000/1.331 = 97,896.32 (hand-worked); less 100,000.
  it('discounts year t by (1+r)^t, year 0 undiscounted, to the fen', () => {
    expect(npv([-100000, 30000, 40000, 50000], '0.1').toFixed(2)).toBe('-2103.68');
    expect(npv([-1000, 1100], 0.1).toFixed(2)).toBe('0.00');
    expect(npv([250.5], 0.3).toFixed(2)).toBe('250.50');
  });

  it('defaults to the 8% social discount rate', () => {
    expect(DEFAULT_DISCOUNT_RATE).toBe('0.08');
    // 27,777.78 + 34,293.37 + 39,691.79 − 100,000 = 1,762.94
    expect(npv([-100000, 30000, 40000, 50000]).toFixed(2)).toBe('1762.94');
  });

  it('rejects a rate of -100% or less, and empty or non-numeric flows', () => {
    expect(kindOf(() => npv([-1, 2], -1))).toBe('num');
    expect(kindOf(() => npv([], 0.08))).toBe('value');
    expect(kindOf(() => npv(['abc'], 0.08))).toBe('value');
    expect(kindOf(() => npv([Number.POSITIVE_INFINITY], 0.08))).toBe('value');
  });
});

describe('irr', () => {
  it('finds the rate where NPV is zero, to 1e-10', () => {
    expect(irr([-100, 110]).toNumber()).toBe(0.1);
    expect(irr([-1000, 500, 500, 500]).toNumber()).toBeCloseTo(0.23375192852826, 10);
    expect(irr([-100000, 30000, 40000, 50000]).toNumber()).toBeCloseTo(0.08896339469335, 10);
    expect(irr([-500000, ...Array<number>(10).fill(60000)]).toNumber()).toBeCloseTo(0.03460153799653, 10);
  });

  it('finds negative rates too', () => {
    expect(irr([100, -50]).toNumber()).toBe(-0.5);
    expect(irr([-100, 90]).toNumber()).toBeCloseTo(-0.1, 10);
  });

  it('is #NUM! when the flows never change sign', () => {
    expect(kindOf(() => irr([100, 200]))).toBe('num');
    expect(kindOf(() => irr([-100, -200, 0]))).toBe('num');
    expect(kindOf(() => irr([]))).toBe('value');
  });

  it('NPV at the IRR is zero to the fen (conventional flows)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 20 }),
        (invest, incomes) => {
          fc.pre(incomes.some((x) => x > 0));
          const flows = [-invest, ...incomes];
          const r = irr(flows);
          expect(npv(flows, r).abs().toNumber()).toBeLessThanOrEqual(0.01);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('paybackYears', () => {
  it('interpolates within the year the investment is recovered', () => {
    // cumulative −100,000, −70,000, −30,000, +20,000 → 2 + 30,000/50,000
    expect(paybackYears([-100000, 30000, 40000, 50000]).toNumber()).toBe(2.6);
    expect(paybackYears([-100, 50, 50]).toNumber()).toBe(2);
    // a later dip counts: cumulative 0, −100, −50, +30 → 2 + 50/80
    expect(paybackYears([0, -100, 50, 80]).toNumber()).toBe(2.625);
  });

  it('is zero with nothing to pay back, and #NUM! when never paid back', () => {
    expect(paybackYears([50, 10]).toNumber()).toBe(0);
    expect(kindOf(() => paybackYears([-100, 30, 30]))).toBe('num');
    expect(kindOf(() => paybackYears([]))).toBe('value');
  });
});
