/**
 * Project appraisal for village plans (DOMAIN.md §5): net present value, internal rate of return
 * and static payback over yearly cash flows. Flows are yuan, flow 0 is year 0 (the investment,
 * not discounted), flow t is the net cash of year t. Everything is decimal.js; only NPV is money
 * and is rounded to the fen (ROUND_HALF_UP).
 */
import type Decimal from 'decimal.js';
import { D, roundFen, type Money } from '../money';
import { ArgumentError } from '../errors';

/** 社会折现率 — the national social discount rate, the default for NPV. */
export const DEFAULT_DISCOUNT_RATE = '0.08';
/** The lower rate used for long-benefit public projects. */
export const PUBLIC_PROJECT_DISCOUNT_RATE = '0.06';

/** IRR is found to within this width of its bracket (the result is exact to about 1e-12). */
const IRR_TOLERANCE = new D('1e-12');
/** Candidate rates scanned for a sign change of NPV, nearest to zero first on each side. */
const IRR_GRID_UP = ['0', '0.05', '0.1', '0.2', '0.3', '0.5', '0.75', '1', '1.5', '2', '3', '5', '10', '100', '1000'];
const IRR_GRID_DOWN = ['0', '-0.05', '-0.1', '-0.2', '-0.3', '-0.5', '-0.7', '-0.9', '-0.99', '-0.999999'];

/** Misuse of an appraisal function: 'value' = missing or not a number, 'num' = no answer exists. */
export class AppraisalError extends ArgumentError {}

function toDecimal(v: Decimal.Value, zhName: string, name: string): Decimal {
  let x: Decimal;
  try {
    x = new D(v);
  } catch {
    throw new AppraisalError(`${zhName}不是数字`, `${name} is not a number`, 'value');
  }
  if (!x.isFinite()) throw new AppraisalError(`${zhName}不是有限数`, `${name} is not a finite number`, 'value');
  return x;
}

function toFlows(flows: readonly Decimal.Value[]): Decimal[] {
  if (flows.length === 0) throw new AppraisalError('缺少现金流', 'no cash flows', 'value');
  return flows.map((f, t) => toDecimal(f, `第${t}年现金流`, `flow ${t}`));
}

function toRate(rate: Decimal.Value): Decimal {
  const r = toDecimal(rate, '折现率', 'rate');
  if (r.lte(-1)) throw new AppraisalError('折现率必须大于 -100%', 'rate must be greater than -1', 'num');
  return r;
}

/**
 * Σ CF_t / (1+r)^t to 40 significant digits. The discount factor is carried from year to year
 * (one multiplication a year instead of a power): plans appraise thousands of flows per run, and
 * the rounding this adds (about 1e-38 per year) is far below a fen.
 */
function presentValue(flows: readonly Decimal[], r: Decimal): Decimal {
  const step = new D(1).div(new D(1).plus(r));
  let factor = new D(1);
  let total = new D(0);
  for (const cf of flows) {
    if (!cf.isZero()) total = total.plus(cf.times(factor));
    factor = factor.times(step);
  }
  return total;
}

/**
 * 净现值 — NPV at `rate` (default 8%), year 0 undiscounted, rounded to the fen.
 * (Excel's own NPV discounts its first value by one period; this one does not.)
 * @example npv([-100000, 30000, 40000, 50000], '0.1').toFixed(2) // '-2103.68'
 */
export function npv(flows: readonly Decimal.Value[], rate: Decimal.Value = DEFAULT_DISCOUNT_RATE): Money {
  const cfs = toFlows(flows);
  const r = toRate(rate);
  return fenIfCertain(cfs.map((c) => c.toNumber()), r) ?? roundFen(presentValue(cfs, r));
}

/**
 * NPV at r in floating point, with a bound on its distance from presentValue's result: the usual
 * first-order bound with a margin of 8 — converting each flow and r (u each; 1/(1+r) loses
 * u·|r|/|1+r| more near −100%), 2u per discount step compounding over t years, u per product and
 * (n−1)u for the running sum, u = 2^-53 — plus presentValue's own 40-digit rounding (1e-38 a step).
 */
function floatPresentValue(xs: readonly number[], rf: number): { total: number; bound: number } {
  const step = 1 / (1 + rf);
  const cond = 1 + Math.abs(rf) / Math.abs(1 + rf);
  let total = 0;
  let weighted = 0;
  let d = 1;
  for (let t = 0; t < xs.length; t++) {
    const term = (xs[t] ?? 0) * d;
    total += term;
    weighted += Math.abs(term) * (xs.length + 5 * t + 4 + t * cond);
    d *= step;
  }
  return { total, bound: weighted * (8 * Number.EPSILON + 1e-35) };
}

/**
 * npv()'s answer from floating point when it is certain: the float NPV is farther from every
 * half-fen boundary (and, for a result of 0.00, from zero, whose sign decimal.js keeps) than its
 * error bound, so presentValue rounded half up would give the same fen. Undefined otherwise.
 */
function fenIfCertain(xs: readonly number[], r: Decimal): Money | undefined {
  const { total, bound } = floatPresentValue(xs, r.toNumber());
  const cents = Math.abs(total) * 100;
  const err = bound * 100 + cents * 2 * Number.EPSILON;
  if (!Number.isFinite(cents) || !Number.isFinite(err) || cents > Number.MAX_SAFE_INTEGER) return undefined;
  const whole = Math.floor(cents);
  if (Math.abs(cents - whole - 0.5) <= err) return undefined;
  const k = whole + (cents - whole > 0.5 ? 1 : 0);
  if (k === 0 && Math.abs(total) <= bound) return undefined;
  const fen = new D(k).div(100);
  return total < 0 ? fen.neg() : fen;
}

/**
 * 内部收益率 — the rate at which NPV is zero, by bisection on decimals to 1e-12. Needs both a
 * negative and a positive flow. With several roots (non-conventional flows) the one nearest
 * zero, searching upwards first, is returned.
 * @example irr([-100, 110]).toNumber() // 0.1
 */
export function irr(flows: readonly Decimal.Value[]): Decimal {
  const cfs = toFlows(flows);
  if (!cfs.some((c) => c.isNeg() && !c.isZero()) || !cfs.some((c) => c.isPos() && !c.isZero())) {
    throw new AppraisalError('现金流须有正有负，才有内部收益率', 'IRR needs both a negative and a positive flow', 'num');
  }
  const xs = cfs.map((c) => c.toNumber());
  for (const grid of [IRR_GRID_UP, IRR_GRID_DOWN]) {
    let lo = new D(grid[0] ?? '0');
    let sLo = npvSign(cfs, xs, lo);
    if (sLo === 0) return lo;
    for (const g of grid.slice(1)) {
      const hi = new D(g);
      const sHi = npvSign(cfs, xs, hi);
      if (sHi === 0) return hi;
      if (sHi !== sLo) return bisect(cfs, xs, ...narrow(cfs, xs, lo, sLo, hi));
      lo = hi;
      sLo = sHi;
    }
  }
  throw new AppraisalError('找不到内部收益率（在 -100% 到 100000% 之间无解）', 'no IRR between -100% and 100000%', 'num');
}

/**
 * The sign of presentValue(cfs, r) — what the exact decimal search decides on — found in
 * floating point when the float sum is farther from zero than its error bound
 * (floatPresentValue), and by presentValue itself only when it is not. So the search takes the
 * same steps as it would with presentValue everywhere and returns the same rate, in a few decimal
 * evaluations instead of twenty.
 */
function npvSign(cfs: readonly Decimal[], xs: readonly number[], r: Decimal): -1 | 0 | 1 {
  const { total, bound } = floatPresentValue(xs, r.toNumber());
  if (Number.isFinite(total) && Number.isFinite(bound) && Math.abs(total) > bound) return total < 0 ? -1 : 1;
  const exact = presentValue(cfs, r);
  return exact.isZero() ? 0 : exact.isNeg() ? -1 : 1;
}

/**
 * Shrinks a sign-change bracket cheaply before the exact bisection: the same bisection in
 * floating point down to 1e-10, then the narrowed bracket is kept only if NPV still changes sign
 * across it (else the original bracket is bisected). Same root, a few steps instead of forty —
 * plans search IRRs for every project and scenario. `sLo` is the (non-zero) sign at lo.
 */
function narrow(cfs: readonly Decimal[], xs: readonly number[], lo: Decimal, sLo: number, hi: Decimal): [Decimal, number, Decimal] {
  const f = (r: number): number => floatPresentValue(xs, r).total;
  const neg = sLo < 0;
  let a = lo.toNumber();
  let b = hi.toNumber();
  for (let i = 0; i < 200 && b - a > 1e-10; i++) {
    const m = (a + b) / 2;
    if (f(m) < 0 === neg) a = m;
    else b = m;
  }
  const A = D.max(lo, new D(a).minus('1e-10'));
  const B = D.min(hi, new D(b).plus('1e-10'));
  const sA = npvSign(cfs, xs, A);
  const sB = npvSign(cfs, xs, B);
  if (sA !== 0 && sA < 0 === neg && (sB === 0 || sB < 0 !== neg)) return [A, sA, B];
  return [lo, sLo, hi];
}

/** Half a fen: NPV at the returned rate must round to 0.00. */
const HALF_FEN = new D('0.005');
/** Enough halvings to exhaust 40 significant digits; a guard, not a tolerance. */
const MAX_HALVINGS = 400;

/**
 * Bisection between a and b, where NPV changes sign; sa = the sign of NPV(a). Stops when the
 * bracket is under IRR_TOLERANCE *and* NPV there is under half a fen: near −100% NPV moves by
 * billions per unit of rate, so a rate good to 1e-12 alone can still leave an NPV of several fen.
 * The result is shortened to 12 places only when that keeps NPV under half a fen.
 */
function bisect(cfs: readonly Decimal[], xs: readonly number[], a: Decimal, sa: number, b: Decimal): Decimal {
  let lo = a;
  let hi = b;
  // The sign at lo never changes: lo only moves to points of the same sign.
  const sLo = sa;
  for (let i = 0; i < MAX_HALVINGS; i++) {
    const mid = lo.plus(hi).div(2);
    let sMid: number;
    if (hi.minus(lo).abs().lte(IRR_TOLERANCE)) {
      // Narrow enough: the stopping test needs NPV itself, in decimals.
      const fMid = presentValue(cfs, mid);
      if (fMid.isZero()) return mid;
      if (fMid.abs().lt(HALF_FEN)) {
        const short = mid.toDecimalPlaces(12, D.ROUND_HALF_UP);
        return presentValue(cfs, short).abs().lt(HALF_FEN) ? short : mid;
      }
      sMid = fMid.isNeg() ? -1 : 1;
    } else {
      sMid = npvSign(cfs, xs, mid);
      if (sMid === 0) return mid;
    }
    if (sMid === sLo) lo = mid;
    else hi = mid;
  }
  return lo.plus(hi).div(2);
}

/**
 * 静态投资回收期 — static payback in years, interpolated within the year it is reached: after the
 * last year whose cumulative flow is negative (k), payback = k + (−cumulative_k) / flow_(k+1).
 * Zero when the cumulative flow is never negative; an error when it is still negative at the end.
 * @example paybackYears([-100000, 30000, 40000, 50000]).toNumber() // 2.6
 */
export function paybackYears(flows: readonly Decimal.Value[]): Decimal {
  const cfs = toFlows(flows);
  const cumulative: Decimal[] = [];
  let run = new D(0);
  for (const cf of cfs) {
    run = run.plus(cf);
    cumulative.push(run);
  }
  let lastNegative = -1;
  cumulative.forEach((c, t) => {
    if (c.isNeg() && !c.isZero()) lastNegative = t;
  });
  if (lastNegative === -1) return new D(0);
  const next = cfs[lastNegative + 1];
  const owed = cumulative[lastNegative];
  if (next === undefined || owed === undefined) {
    throw new AppraisalError('计算期内未收回投资', 'the investment is not paid back within the flows given', 'num');
  }
  return new D(lastNegative).plus(owed.neg().div(next));
}
