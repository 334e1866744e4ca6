/**
 * irr() decides the signs of NPV in floating point when a bound on the rounding error makes the
 * sign certain, and in decimals otherwise: it must return exactly the rate the all-decimal search
 * returns; npv() likewise rounds a float sum to the fen only when no half-fen boundary is within
 * the bound. The references below are the all-decimal computations (grid, float narrowing,
 * decimal bisection), written out again so the test does not call the code it checks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { D, roundFen } from '../../../src/core/money';
import { irr, npv } from '../../../src/core/plan/appraisal';

const UP = ['0', '0.05', '0.1', '0.2', '0.3', '0.5', '0.75', '1', '1.5', '2', '3', '5', '10', '100', '1000'];
const DOWN = ['0', '-0.05', '-0.1', '-0.2', '-0.3', '-0.5', '-0.7', '-0.9', '-0.99', '-0.999999'];
const HALF_FEN = new D('0.005');

function pv(flows: readonly Decimal[], r: Decimal): Decimal {
  const step = new D(1).div(new D(1).plus(r));
  let factor = new D(1);
  let total = new D(0);
  for (const cf of flows) {
    if (!cf.isZero()) total = total.plus(cf.times(factor));
    factor = factor.times(step);
  }
  return total;
}

function narrowRef(cfs: readonly Decimal[], lo: Decimal, fLo: Decimal, hi: Decimal): [Decimal, Decimal, Decimal] {
  const xs = cfs.map((c) => c.toNumber());
  const f = (r: number): number => {
    const step = 1 / (1 + r);
    let t = 0;
    let d = 1;
    for (const x of xs) {
      t += x * d;
      d *= step;
    }
    return t;
  };
  const neg = fLo.isNeg();
  let a = lo.toNumber();
  let b = hi.toNumber();
  for (let i = 0; i < 200 && b - a > 1e-10; i++) {
    const m = (a + b) / 2;
    if (f(m) < 0 === neg) a = m;
    else b = m;
  }
  const A = D.max(lo, new D(a).minus('1e-10'));
  const B = D.min(hi, new D(b).plus('1e-10'));
  const fA = pv(cfs, A);
  const fB = pv(cfs, B);
  if (!fA.isZero() && fA.isNeg() === neg && (fB.isZero() || fB.isNeg() !== neg)) return [A, fA, B];
  return [lo, fLo, hi];
}

function bisectRef(cfs: readonly Decimal[], a: Decimal, fa: Decimal, b: Decimal): Decimal {
  let lo = a;
  let hi = b;
  let fLo = fa;
  for (let i = 0; i < 400; i++) {
    const mid = lo.plus(hi).div(2);
    const fMid = pv(cfs, mid);
    if (fMid.isZero()) return mid;
    if (hi.minus(lo).abs().lte('1e-12') && fMid.abs().lt(HALF_FEN)) {
      const short = mid.toDecimalPlaces(12, D.ROUND_HALF_UP);
      return pv(cfs, short).abs().lt(HALF_FEN) ? short : mid;
    }
    if (fMid.isNeg() === fLo.isNeg()) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
  }
  return lo.plus(hi).div(2);
}

/** The all-decimal search; undefined where irr() throws. */
function irrRef(flows: readonly number[]): string | undefined {
  const cfs = flows.map((f) => new D(f));
  if (!cfs.some((c) => c.isNeg() && !c.isZero()) || !cfs.some((c) => c.isPos() && !c.isZero())) return undefined;
  for (const grid of [UP, DOWN]) {
    let lo = new D(grid[0] ?? '0');
    let fLo = pv(cfs, lo);
    if (fLo.isZero()) return lo.toString();
    for (const g of grid.slice(1)) {
      const hi = new D(g);
      const fHi = pv(cfs, hi);
      if (fHi.isZero()) return hi.toString();
      if (fHi.isNeg() !== fLo.isNeg()) return bisectRef(cfs, ...narrowRef(cfs, lo, fLo, hi)).toString();
      lo = hi;
      fLo = fHi;
    }
  }
  return undefined;
}

function irrNow(flows: readonly number[]): string | undefined {
  try {
    return irr(flows).toString();
  } catch {
    return undefined;
  }
}

describe('irr search', () => {
  it('finds hand-worked roots exactly', () => {
    // −100 + 110/(1+r) = 0 → r = 10%; −100 + 121/(1+r)² = 0 → r = 10%; flows that are zero at r = 0 return 0.
    expect(irrNow([-100, 110])).toBe('0.1');
    expect(irrNow([-100, 0, 121])).toBe('0.1');
    expect(irrNow([-100, 50, 50])).toBe('0');
    expect(irrRef([-100, 110])).toBe('0.1');
  });

  it('returns exactly the rate the all-decimal search returns', () => {
    // A project: an investment, then years of yuan flows (two decimals), some negative, some zero.
    const yuan = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((f) => f / 100);
    const flows = fc.tuple(fc.integer({ min: 1, max: 50_000_000_00 }).map((f) => -f / 100), fc.array(fc.oneof(yuan, fc.constant(0)), { minLength: 1, maxLength: 35 }))
      .map(([i, rest]) => [i, ...rest]);
    fc.assert(fc.property(flows, (f) => {
      expect(irrNow(f)).toBe(irrRef(f));
    }), { numRuns: 300 });
  });

  it('agrees on conventional project flows near the usual rates', () => {
    const project = fc.record({
      investment: fc.integer({ min: 10_000, max: 5_000_000 }),
      yearly: fc.integer({ min: 1_000, max: 800_000 }),
      years: fc.integer({ min: 3, max: 30 }),
    }).map(({ investment, yearly, years }) => [-investment, ...Array.from({ length: years }, (_, k) => yearly + k * 7.31)]);
    fc.assert(fc.property(project, (f) => {
      expect(irrNow(f)).toBe(irrRef(f));
    }), { numRuns: 200 });
  });
});

describe('npv', () => {
  /** The decimal NPV rounded half up, with the sign of a zero kept (decimal.js keeps it). */
  const npvRef = (flows: readonly number[], rate: string): string => {
    const x = roundFen(pv(flows.map((f) => new D(f)), new D(rate)));
    return `${x.isNeg() ? '-' : '+'}${x.abs().toString()}`;
  };
  const npvNow = (flows: readonly number[], rate: string): string => {
    const x = npv(flows, rate);
    return `${x.isNeg() ? '-' : '+'}${x.abs().toString()}`;
  };

  it('rounds exactly as the decimal sum does, half-fen cases included', () => {
    // 0.005 exactly at r = 0 rounds up to 0.01; −0.005 to −0.01; 100.125 + 0 to 100.13.
    expect(npvNow([0.005], '0')).toBe(npvRef([0.005], '0'));
    expect(npvNow([0.005], '0')).toBe('+0.01');
    expect(npvNow([-0.005], '0.08')).toBe('-0.01');
    expect(npvNow([100, 0.13], '0.04')).toBe(npvRef([100, 0.13], '0.04'));
  });

  it('equals the decimal NPV rounded to the fen for any flows and rate', () => {
    const yuan = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((f) => f / 100);
    const rate = fc.oneof(fc.constantFrom('0', '0.06', '0.08', '-0.999999', '1000'), fc.integer({ min: -990_000, max: 2_000_000 }).map((k) => new D(k).div(1_000_000).toString()));
    fc.assert(fc.property(fc.array(yuan, { minLength: 1, maxLength: 40 }), rate, (f, r) => {
      expect(npvNow(f, r)).toBe(npvRef(f, r));
    }), { numRuns: 1500 });
    // Flows that discount to a half fen: ±0.005 over (1+r)^0 with cancelling pairs.
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom('0', '0.08'), (k, r) => {
      const f = [k / 100 + 0.005, -k / 100];
      expect(npvNow(f, r)).toBe(npvRef(f, r));
    }), { numRuns: 300 });
  });
});
