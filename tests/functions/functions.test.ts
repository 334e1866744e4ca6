import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, installCustomFunctionsStub, messageOf } from './excel-stub';

type Fns = typeof import('../../src/functions/functions');
let f: Fns;

beforeAll(async () => {
  installCustomFunctionsStub();
  f = await import('../../src/functions/functions');
});

/** Excel hands an omitted optional argument over as null. */
const NULL = null as unknown as undefined;
/** What Excel would pass for a wrongly typed cell, for the defensive checks. */
const TEXT = 'abc' as unknown as number;

describe('income-source functions (DOMAIN §4, hand-worked)', () => {
  it('LANDRENT escalates every n years', () => {
    // 100 mu × 800 × 1.05^floor(3/3)
    expect(f.landRent(100, 800, 2024, 2027, 0.05, 3)).toBe(84000);
    expect(f.landRent(100, 800, 2024, 2026, 0.05, 3)).toBe(80000);
    expect(f.landRent(100, 800, 2024, 2030, 0.05, 3)).toBe(88200);
    // optional arguments omitted (null): 12.5 × 633.33 = 7,916.625 → 7,916.63 half up
    expect(f.landRent(12.5, 633.33, 2024, 2024, NULL, NULL)).toBe(7916.63);
  });

  it('LANDRENT rejects bad arguments with #NUM! or #VALUE!', () => {
    expect(errorOf(() => f.landRent(100, 800, 2027, 2024, NULL, NULL))).toBe('#NUM!');
    expect(errorOf(() => f.landRent(-1, 800, 2024, 2024, NULL, NULL))).toBe('#NUM!');
    expect(errorOf(() => f.landRent(100, 800, 2024, 2024.5, NULL, NULL))).toBe('#NUM!');
    expect(errorOf(() => f.landRent(TEXT, 800, 2024, 2024, NULL, NULL))).toBe('#VALUE!');
    expect(errorOf(() => f.landRent(NULL as unknown as number, 800, 2024, 2024))).toBe('#VALUE!');
    expect(messageOf(() => f.landRent(TEXT, 800, 2024, 2024))).toMatch(/^参数不是数字：面积（亩）/);
  });

  it('GRAINRENT = area × jin per mu × price', () => {
    expect(f.grainRent(50, 500, 1.18)).toBe(29500);
    expect(f.grainRent(3.3, 500, 1.23)).toBe(2029.5);
    expect(errorOf(() => f.grainRent(50, 500, -1))).toBe('#NUM!');
  });

  it('PVYIELD applies first-year and annual degradation and curtailment', () => {
    expect(f.pvYield(100, 1200, 1, 0.02, NULL, NULL)).toBe(117600);
    expect(f.pvYield(100, 1200, 2, 0.02, 0.005, NULL)).toBe(117012);
    // 100 × 1200 × 0.98 × 0.95 = 111,720; × 0.995² = 110,605.593 → 110,605.59
    expect(f.pvYield(100, 1200, 3, 0.02, 0.005, 0.05)).toBe(110605.59);
    expect(errorOf(() => f.pvYield(100, 1200, 0))).toBe('#NUM!');
    expect(errorOf(() => f.pvYield(100, 9000, 1))).toBe('#NUM!');
  });

  it('PVINCOME takes VAT out (13% by default)', () => {
    // 118,000 × 0.3779 = 44,592.20; / 1.13 = 39,462.1238… → 39,462.12
    expect(f.pvIncome(118000, 0.3779, NULL)).toBe(39462.12);
    expect(f.pvIncome(118000, 0.3779, 0)).toBe(44592.2);
    expect(errorOf(() => f.pvIncome(1000, 0.4, 1.5))).toBe('#NUM!');
  });

  it('COOPDIVIDEND: guaranteed floor, max or plus', () => {
    expect(f.coopDividend(500000, 0.06, 0.1, 200000, NULL)).toBe(30000);
    // 30,000 + 10% × (200,000 − 30,000)
    expect(f.coopDividend(500000, 0.06, 0.1, 200000, 'plus')).toBe(47000);
    expect(f.coopDividend(500000, 0.06, 0.2, 400000, 'MAX')).toBe(80000);
    expect(f.coopDividend(500000, 0.06, 0.1, -50000, 'plus')).toBe(30000);
    expect(errorOf(() => f.coopDividend(500000, 0.06, 0.1, 200000, 'half'))).toBe('#VALUE!');
    expect(errorOf(() => f.coopDividend(500000, 1.5, 0.1, 200000))).toBe('#NUM!');
  });

  it('LEASEINCOME = area × rent × months × occupancy × escalation', () => {
    expect(f.leaseIncome(500, 4, 2024, 2025, 0.9, NULL, NULL, NULL)).toBe(21600);
    // 500 × 4 × 6 months × 1.1^floor(3/3)
    expect(f.leaseIncome(500, 4, 2024, 2027, NULL, 0.1, 3, 6)).toBe(13200);
    expect(errorOf(() => f.leaseIncome(500, 4, 2024, 2025, NULL, NULL, NULL, 13))).toBe('#NUM!');
    expect(errorOf(() => f.leaseIncome(500, 4, 2024, 2025, 1.2))).toBe('#NUM!');
  });
});

describe('plan appraisal functions', () => {
  it('NPV discounts from year 0 and reads ranges in row order', () => {
    expect(f.npv(0.1, [[-100000], [30000], [40000], [50000]])).toBe(-2103.68);
    expect(f.npv(0.08, [[-100000, 30000, 40000, 50000]])).toBe(1762.94);
    // trailing blanks are not years; a blank year inside is 0: −1000 + 0 + 1210 / 1.21
    expect(f.npv(0.1, [[-100000], [30000], [40000], [50000], [null], ['']])).toBe(-2103.68);
    expect(f.npv(0.1, [[-1000, null, 1210]])).toBe(0);
  });

  it('NPV errors', () => {
    expect(errorOf(() => f.npv(-1, [[-1, 2]]))).toBe('#NUM!');
    expect(errorOf(() => f.npv(0.1, [['abc']]))).toBe('#VALUE!');
    expect(errorOf(() => f.npv(0.1, [[null]]))).toBe('#VALUE!');
    expect(errorOf(() => f.npv(TEXT, [[-1, 2]]))).toBe('#VALUE!');
  });

  it('IRR and PAYBACK', () => {
    expect(f.irr([[-100], [110]])).toBe(0.1);
    expect(f.irr([[-1000, 500, 500, 500]])).toBeCloseTo(0.23375192852826, 10);
    expect(errorOf(() => f.irr([[100], [200]]))).toBe('#NUM!');
    expect(f.payback([[-100000, 30000, 40000, 50000]])).toBe(2.6);
    expect(errorOf(() => f.payback([[-100, 30, 30]]))).toBe('#NUM!');
    expect(errorOf(() => f.payback([[-100, true, 30]]))).toBe('#VALUE!');
  });
});

describe('classification', () => {
  it('CLASSIFY uses the DOMAIN §3 defaults when thresholds are omitted', () => {
    expect(f.classify(131400, NULL)).toBe('一般村');
    expect(f.classify(0)).toBe('空壳村');
    expect(f.classify(49999.99)).toBe('薄弱村');
    expect(f.classify(200000)).toBe('富裕村');
  });

  it('CLASSIFY takes two threshold cells', () => {
    expect(f.classify(150000, [[100000, 150000]])).toBe('富裕村');
    expect(f.classify(150000, [[100000], [null], [300000]] as unknown as number[][])).toBe('一般村');
    expect(errorOf(() => f.classify(1, [[200000, 100000]]))).toBe('#NUM!');
    expect(errorOf(() => f.classify(1, [[1]]))).toBe('#VALUE!');
    expect(errorOf(() => f.classify(100.123))).toBe('#VALUE!');
  });
});
