import { describe, expect, it } from 'vitest';
import { contractDueItems, yearAmount, type DueItem } from '../../../src/core/income/schedule';
import { contractOf } from './helpers';

const amounts = (items: DueItem[]) => items.map((i) => [i.dueDate, i.amount]);
const land = { no: 'TD-1', kind: '土地流转', counterparty: '青禾家庭农场' };

describe('land transfer schedules', () => {
  it('steps the cash rent up at y0+n, not at y0+n−1 (100 mu × 800, +5% every 3 years)', () => {
    const c = contractOf({ ...land, start: '2023-01-01', end: '2032-12-31', paymentDates: '03-01', areaMu: 100, rentPerMu: 800, escalationRate: 0.05, escalationEveryYears: 3 });
    expect(amounts(contractDueItems(c, 2029).items)).toEqual([
      ['2023-03-01', 8_000_000], ['2024-03-01', 8_000_000], ['2025-03-01', 8_000_000],
      ['2026-03-01', 8_400_000], ['2027-03-01', 8_400_000], ['2028-03-01', 8_400_000],
      ['2029-03-01', 8_820_000], // 80000 × 1.05²
    ]);
  });
  it('prorates partial years by days, 366 in a leap year, and moves a due date into the term', () => {
    // 50 mu × 600 = 30,000 a year. 2024: 1 Jul–31 Dec = 184 of 366 days → 15,081.967… → 15,081.97, due at the start.
    // 2027: 1 Jan–30 Jun = 181 of 365 days → 14,876.712… → 14,876.71.
    const c = contractOf({ ...land, start: '2024-07-01', end: '2027-06-30', paymentDates: '03-01', areaMu: 50, rentPerMu: 600 });
    expect(amounts(contractDueItems(c, 2030).items)).toEqual([
      ['2024-07-01', 1_508_197], ['2025-03-01', 3_000_000], ['2026-03-01', 3_000_000], ['2027-03-01', 1_487_671],
    ]);
  });
  it('splits a year into instalments by their shares', () => {
    const c = contractOf({ ...land, start: '2025-01-01', end: '2026-12-31', paymentDates: '06-15:60%;10-01:40%', areaMu: 50, rentPerMu: 600 });
    expect(amounts(contractDueItems(c, 2025).items)).toEqual([['2025-06-15', 1_800_000], ['2025-10-01', 1_200_000]]);
  });
  it('prices grain rent at the year of the last re-pricing and reports a missing price', () => {
    // 50 mu × 700 jin: 2024 at 1.18 = 41,300; 2025 still 2024's price; 2026 at 1.25 = 43,750; 2028 has no price.
    const c = contractOf({ ...land, start: '2024-01-01', end: '2028-12-31', paymentDates: '10-01', areaMu: 50, jinPerMu: 700, grainPrice: '2024:1.18;2025:1.20;2026:1.25', repriceEveryYears: 2 });
    const r = contractDueItems(c, 2028);
    expect(amounts(r.items)).toEqual([['2024-10-01', 4_130_000], ['2025-10-01', 4_130_000], ['2026-10-01', 4_375_000], ['2027-10-01', 4_375_000]]);
    expect(r.findings.map((f) => f.rule)).toEqual(['contract.grain-price-missing']);
    const yearly = contractOf({ ...land, start: '2024-01-01', end: '2028-12-31', paymentDates: '10-01', areaMu: 50, jinPerMu: 700, grainPrice: '2024:1.18;2025:1.20' });
    expect(yearAmount(yearly, 2025).amount?.gross).toBe(4_200_000); // 50 × 700 × 1.20
  });
  it('keeps only the service fee as income when the village collects for households', () => {
    // 200 mu × 850 = 170,000 due; fee 200 × 100 = 20,000 is income; 150,000 passes through.
    const c = contractOf({ ...land, start: '2025-01-01', end: '2029-12-31', paymentDates: '03-15', areaMu: 200, rentPerMu: 850, passThrough: '是', serviceFeePerMu: 100 });
    const [item] = contractDueItems(c, 2025).items;
    expect(item).toMatchObject({ dueDate: '2025-03-15', amount: 17_000_000, income: 2_000_000 });
  });
});

describe('cooperative dividends', () => {
  const coop = { no: 'HZ-1', kind: '合作社入股', counterparty: '兴旺果蔬专业合作社', capital: 500000, floorRate: 0.06, shareRate: 0.1, profit: '2024:200000;2025:450000' };
  it("'取大' pays the guaranteed floor or the share, whichever is larger; an unknown year pays the floor", () => {
    const c = contractOf({ ...coop, start: '2024-01-01', end: '2026-12-31', paymentDates: '12-20', dividendMode: '取大' });
    // 2024: max(30,000, 20,000); 2025: max(30,000, 45,000); 2026: no profit yet → 30,000.
    expect(amounts(contractDueItems(c, 2026).items)).toEqual([['2024-12-20', 3_000_000], ['2025-12-20', 4_500_000], ['2026-12-20', 3_000_000]]);
  });
  it("'保底加分红' adds the share of profit above the floor; 次年 moves the due date to the next year", () => {
    const c = contractOf({ ...coop, start: '2024-01-01', end: '2025-12-31', paymentDates: '次年03-31', dividendMode: '保底加分红' });
    // 2024: 30,000 + 10% × (200,000 − 30,000) = 47,000; 2025: 30,000 + 10% × 420,000 = 72,000.
    expect(amounts(contractDueItems(c, 2025).items)).toEqual([['2025-03-31', 4_700_000], ['2026-03-31', 7_200_000]]);
  });
  it('prorates a part year of investment (184 of 366 days in 2024)', () => {
    const c = contractOf({ ...coop, profit: null, start: '2024-07-01', end: '2025-12-31', paymentDates: '12-20' });
    expect(amounts(contractDueItems(c, 2024).items)).toEqual([['2024-12-20', 1_508_197]]); // 30,000 × 184/366
  });
});

describe('photovoltaic schedules', () => {
  const pv = {
    no: 'GF-1', kind: '光伏电站', counterparty: '国网供电公司', start: '2024-01-01', end: '2043-12-31', paymentDates: '每月20',
    capacityKw: 100, hours: 1200, firstYearDegradation: 0.02, annualDegradation: 0.005, baseTariff: 0.3779, subsidyTariff: 0.3721,
    subsidyLagMonths: 3, subsidyBatchMonths: '3;9', subsidyPayRatio: 0.9, lifeYears: 20,
  };
  const c = contractOf(pv);
  it('degrades generation by operating year', () => {
    expect(yearAmount(c, 2024).amount?.kwh?.toFixed(2)).toBe('117600.00'); // 100 × 1200 × 0.98
    expect(yearAmount(c, 2025).amount?.kwh?.toFixed(2)).toBe('117012.00'); // × 0.995
    expect(yearAmount(c, 2033).amount?.kwh?.toFixed(2)).toBe('112412.61'); // × 0.995⁹
    // base = kWh × 0.3779 / 1.13: 39,328.35 (2024), 39,131.71 (2025), 37,593.56 (2033)
    expect([2024, 2025, 2033].map((y) => yearAmount(c, y).amount?.base)).toEqual([3_932_835, 3_913_171, 3_759_356]);
  });
  it('pays the base tariff monthly, month m on the 20th of m+1, spread by days (leap February = 29/366)', () => {
    const base = contractDueItems(c, 2025).items.filter((i) => i.component === 'base');
    const y2024 = base.filter((i) => i.year === 2024);
    expect(y2024).toHaveLength(12);
    expect(y2024.reduce((t, i) => t + i.amount, 0)).toBe(3_932_835);
    // Jan 2024: 3,932,835 fen × 31/366 = 333,108.9 → 333,109; Feb 2024: × 29/366 = 311,618.2 → 311,618.
    expect(y2024.slice(0, 2).map((i) => [i.dueDate, i.amount])).toEqual([['2024-02-20', 333_109], ['2024-03-20', 311_618]]);
    // Feb 2025: 3,913,171 × 28/365 = 300,188.4 → 300,188; December 2025 is paid on 2026-01-20.
    const y2025 = base.filter((i) => i.year === 2025);
    expect(y2025[1]?.amount).toBe(300_188);
    expect(y2025[11]?.dueDate).toBe('2026-01-20');
  });
  it('lags the subsidy and pays it in batches, at the pay ratio', () => {
    // 2025 subsidy: 117,012 × 0.3721 / 1.13 = 38,531.12, × 0.9 = 34,678.01. Jan–Jun (+3 months → Apr–Sep) fall in
    // the September batch; Jul–Dec (→ Oct–Mar) in the March batch of 2026. Split by days: 181 vs 184 of 365.
    const sub = contractDueItems(c, 2025).items.filter((i) => i.component === 'subsidy' && i.year === 2025);
    expect(sub.map((i) => [i.dueDate, i.amount])).toEqual([['2025-09-30', 1_719_651], ['2026-03-31', 1_748_150]]);
    expect(sub.reduce((t, i) => t + i.amount, 0)).toBe(3_467_801);
  });
  it('stops at the end of the station life', () => {
    const long = contractOf({ ...pv, end: '2050-12-31' });
    const years = new Set(contractDueItems(long, 2050).items.map((i) => i.year));
    expect(Math.max(...years)).toBe(2043); // operating year 20
  });
});

describe('lease schedules', () => {
  const lease = { no: 'ZL-1', kind: '资产租赁', counterparty: '宏达服装加工厂', category: '厂房' };
  it('bills monthly with vacancy, prorating partial months (leap February)', () => {
    // 500 m² × 4 × 12 × 0.9 = 21,600 a year, 1,800 a month. Feb 2024 from the 10th: 20 of 29 days → 1,241.38,
    // due at the start; Feb 2025 to the 9th: 9 of 28 days → 578.57.
    const c = contractOf({ ...lease, start: '2024-02-10', end: '2025-02-09', paymentDates: '每月5', areaM2: 500, rentPerM2Month: 4, occupancy: 0.9 });
    const items = contractDueItems(c, 2025).items;
    expect(items).toHaveLength(13);
    expect(amounts(items.slice(0, 2))).toEqual([['2024-02-10', 124_138], ['2024-03-05', 180_000]]);
    expect(amounts(items.slice(-1))).toEqual([['2025-02-05', 57_857]]);
  });
  it('escalates on 1 January of y0+n (800 m² × 3.5, +10% every 2 years)', () => {
    const c = contractOf({ ...lease, start: '2022-01-01', end: '2025-12-31', paymentDates: '每月5', areaM2: 800, rentPerM2Month: 3.5, escalationRate: 0.1, escalationEveryYears: 2 });
    const items = contractDueItems(c, 2025).items;
    expect(items.find((i) => i.month === '2023-12')?.amount).toBe(280_000);
    expect(items.find((i) => i.month === '2024-01')?.amount).toBe(308_000);
  });
  it('takes an annual rent for the whole asset: twelve months sum to it exactly', () => {
    // 85,000 a year = 8,500,000 fen / 12 = 708,333.33: the four leftover fen go to January–April.
    const c = contractOf({ ...lease, category: '烘房', start: '2025-01-01', end: '2025-12-31', paymentDates: '每月10', annualRent: 85000 });
    const items = contractDueItems(c, 2025).items;
    expect(items.map((i) => i.amount)).toEqual([708_334, 708_334, 708_334, 708_334, 708_333, 708_333, 708_333, 708_333, 708_333, 708_333, 708_333, 708_333]);
    expect(items.reduce((t, i) => t + i.amount, 0)).toBe(8_500_000);
    expect(() => contractOf({ ...lease, start: '2025-01-01', end: '2025-12-31', paymentDates: '03-01', annualRent: 85000, rentPerM2Month: 10 })).toThrow(/either a monthly rent/);
  });
  it('takes a blank area as a rent for the whole asset, paid yearly', () => {
    const c = contractOf({ ...lease, category: '冷库', start: '2025-01-01', end: '2026-12-31', paymentDates: '03-01', rentPerM2Month: 7000 });
    expect(amounts(contractDueItems(c, 2025).items)).toEqual([['2025-03-01', 8_400_000]]);
  });
});
