import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  IncomeArgumentError,
  coopDividend,
  grainRent,
  landRent,
  leaseIncome,
  pvIncome,
  pvYield,
} from '../../../src/core/income/formulas';

function errorOf(f: () => unknown): IncomeArgumentError {
  try {
    f();
  } catch (e) {
    if (e instanceof IncomeArgumentError) return e;
    throw e;
  }
  throw new Error('expected IncomeArgumentError');
}

describe('landRent', () => {
  const base = { areaMu: 100, rentPerMu: 800, startYear: 2023, escalationRate: '0.05', escalationEveryYears: 3 };
  it('steps up only at the escalation boundary y0+n, not at y0+n−1', () => {
    expect(landRent({ ...base, year: 2023 }).toFixed(2)).toBe('80000.00');
    expect(landRent({ ...base, year: 2025 }).toFixed(2)).toBe('80000.00'); // y0+n−1
    expect(landRent({ ...base, year: 2026 }).toFixed(2)).toBe('84000.00'); // y0+n: ×1.05
    expect(landRent({ ...base, year: 2028 }).toFixed(2)).toBe('84000.00');
    expect(landRent({ ...base, year: 2029 }).toFixed(2)).toBe('88200.00'); // ×1.05²
  });
  it('rounds once at the end, half up', () => {
    // 12.345 mu × 650.5 × 1.03^1 = 8271.335175 → 8271.34 ; 3.333 × 100.15 = 333.79995 → 333.80
    expect(landRent({ areaMu: '12.345', rentPerMu: '650.5', startYear: 2020, year: 2021, escalationRate: '0.03', escalationEveryYears: 1 }).toFixed(2)).toBe('8271.34');
    expect(landRent({ areaMu: '3.333', rentPerMu: '100.15', startYear: 2020, year: 2020 }).toFixed(2)).toBe('333.80');
  });
  it('rejects a year before the start, negative areas and fractional intervals', () => {
    expect(errorOf(() => landRent({ ...base, year: 2022 })).kind).toBe('num');
    expect(errorOf(() => landRent({ ...base, areaMu: -1, year: 2024 })).kind).toBe('num');
    expect(errorOf(() => landRent({ ...base, areaMu: 'abc', year: 2024 })).kind).toBe('value');
    expect(errorOf(() => landRent({ ...base, escalationEveryYears: 1.5, year: 2024 })).zh).toContain('整数');
  });
  it('never decreases with a non-negative escalation rate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 20 }), (dy, n, pct) => {
        const a = { areaMu: 37, rentPerMu: 615, startYear: 2020, escalationRate: pct / 100, escalationEveryYears: n };
        return landRent({ ...a, year: 2020 + dy + 1 }).gte(landRent({ ...a, year: 2020 + dy }));
      }),
    );
  });
});

describe('grainRent', () => {
  it('prices jin per mu at the given price', () => {
    // 50 mu × 500 jin × 1.18 = 29,500.00 ; 33.3 × 400 × 1.19 = 15,850.80
    expect(grainRent({ areaMu: 50, jinPerMu: 500, pricePerJin: '1.18' }).toFixed(2)).toBe('29500.00');
    expect(grainRent({ areaMu: '33.3', jinPerMu: 400, pricePerJin: '1.19' }).toFixed(2)).toBe('15850.80');
  });
  it('rejects a negative price', () => {
    expect(errorOf(() => grainRent({ areaMu: 1, jinPerMu: 1, pricePerJin: -1 })).kind).toBe('num');
  });
});

describe('pvYield and pvIncome', () => {
  const pv = { capacityKw: 100, hours: 1200, firstYearDegradation: '0.02', annualDegradation: '0.005' };
  it('degrades by year: kWh(1) = kW×H×(1−d1), kWh(n) = kWh(1)×(1−da)^(n−1)', () => {
    expect(pvYield({ ...pv, year: 1 }).toFixed(2)).toBe('117600.00');
    expect(pvYield({ ...pv, year: 2 }).toFixed(2)).toBe('117012.00');
    // 117600 × 0.995² = 116426.94
    expect(pvYield({ ...pv, year: 3 }).toFixed(2)).toBe('116426.94');
    // 117600 × 0.995^9 = 112412.6144... → 112412.61 (0.995^9 = 0.955889578...)
    expect(pvYield({ ...pv, year: 10 }).toFixed(2)).toBe('112412.61');
  });
  it('applies curtailment', () => {
    // 200 × 1100 × 0.97 × 0.95 = 202,730.00
    expect(pvYield({ capacityKw: 200, hours: 1100, year: 1, firstYearDegradation: '0.03', curtailment: '0.05' }).toFixed(2)).toBe('202730.00');
  });
  it('takes VAT out of the tariff', () => {
    // 118000 × 0.3779 = 44592.2 ; / 1.13 = 39462.1239 → 39462.12
    expect(pvIncome({ kwh: 118000, tariff: '0.3779' }).toFixed(2)).toBe('39462.12');
    expect(pvIncome({ kwh: 10000, tariff: '0.5', vatRate: 0 }).toFixed(2)).toBe('5000.00');
  });
  it('rejects year 0 and hours beyond a year', () => {
    expect(errorOf(() => pvYield({ ...pv, year: 0 })).kind).toBe('num');
    expect(errorOf(() => pvYield({ ...pv, hours: 9000, year: 1 })).kind).toBe('num');
  });
});

describe('coopDividend', () => {
  const c = { capital: 500000, floorRate: '0.06', shareRate: '0.1' };
  it("'max' takes the larger of the guaranteed floor and the profit share", () => {
    expect(coopDividend({ ...c, profit: 200000 }).toFixed(2)).toBe('30000.00'); // 30000 vs 20000
    expect(coopDividend({ ...c, profit: 450000 }).toFixed(2)).toBe('45000.00'); // 30000 vs 45000
    expect(coopDividend({ ...c, profit: -10000 }).toFixed(2)).toBe('30000.00'); // loss year: floor stands
  });
  it("'plus' pays the floor plus a share of the profit above it", () => {
    expect(coopDividend({ ...c, profit: 200000, mode: 'plus' }).toFixed(2)).toBe('47000.00'); // 30000 + 17000
    expect(coopDividend({ ...c, profit: 20000, mode: 'plus' }).toFixed(2)).toBe('30000.00');
  });
  it('rejects a floor rate above 100%', () => {
    expect(errorOf(() => coopDividend({ ...c, floorRate: 2, profit: 0 })).kind).toBe('num');
  });
});

describe('leaseIncome', () => {
  it('multiplies area, monthly rent, months, occupancy and escalation', () => {
    expect(leaseIncome({ areaM2: 500, rentPerM2Month: 4, startYear: 2024, year: 2025, occupancy: '0.9' }).toFixed(2)).toBe('21600.00');
    const l = { areaM2: 800, rentPerM2Month: '3.5', startYear: 2022, escalationRate: '0.1', escalationEveryYears: 2 };
    expect(leaseIncome({ ...l, year: 2023 }).toFixed(2)).toBe('33600.00'); // y0+n−1
    expect(leaseIncome({ ...l, year: 2024 }).toFixed(2)).toBe('36960.00'); // y0+n: ×1.1
    expect(leaseIncome({ ...l, year: 2024, months: 5 }).toFixed(2)).toBe('15400.00');
  });
  it('rejects occupancy above 1 and 13 months', () => {
    expect(errorOf(() => leaseIncome({ areaM2: 1, rentPerM2Month: 1, startYear: 2024, year: 2024, occupancy: '1.2' })).kind).toBe('num');
    expect(errorOf(() => leaseIncome({ areaM2: 1, rentPerM2Month: 1, startYear: 2024, year: 2024, months: 13 })).kind).toBe('num');
  });
});
