import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contractDueItems, yearAmount, yearDue } from '../../../src/core/income/schedule';
import * as cun from '../../../src/functions/functions';
import { contractOf } from './helpers';

const sumOf = (items: { amount: number }[]) => items.reduce((t, i) => t + i.amount, 0);
const land = { no: 'TD-9', kind: '土地流转', counterparty: '青禾家庭农场' };

describe('a land contract from 2024-09-01 paid monthly', () => {
  // 100 mu × 802.10 = 80,210.00 a year; 2024 covers 1 Sep–31 Dec = 122 of 366 days = four whole months.
  const c = contractOf({ ...land, start: '2024-09-01', end: '2034-08-31', paymentDates: '每月15', areaMu: 100, rentPerMu: 802.1, escalationRate: 0.05, escalationEveryYears: 2 });

  it('sums its four months of 2024 to the prorated rent, 26,736.67 (80,210.00 × 122/366)', () => {
    const y2024 = contractDueItems(c, 2024).items;
    // 80,210.00 × 122/366 = 26,736.666… → 26,736.67 = 2,673,667 fen; four equal months of 668,416.75 fen:
    // the three leftover fen go to the first three covered months, none to January–August.
    expect(y2024.map((i) => [i.month, i.amount])).toEqual([['2024-09', 668_417], ['2024-10', 668_417], ['2024-11', 668_417], ['2024-12', 668_416]]);
    expect(sumOf(y2024)).toBe(2_673_667);
    expect(yearDue(c, 2024)).toBe(2_673_667);
  });

  it('steps on 2026-09-01 (contract years): 2026 is 8 months at the old rate and 4 at the new one', () => {
    // 80,210 × 8/12 + 84,220.50 × 4/12 = 53,473.333… + 28,073.50 = 81,546.833… → 81,546.83.
    expect(yearAmount(c, 2026).amount?.gross).toBe(8_154_683);
    const y2026 = contractDueItems(c, 2026).items.filter((i) => i.year === 2026);
    expect(sumOf(y2026)).toBe(8_154_683);
    // Weights 1 × 8 and 1.05 × 4 (sum 12.2): a weight-1 month is 8,154,683 / 12.2 = 668,416.64 fen, a 1.05 month
    // 701,837.47; floors sum to 8,154,676, and the 7 leftover fen go to the largest remainders (.64): January–July.
    expect(y2026.map((i) => i.amount)).toEqual([...new Array<number>(7).fill(668_417), 668_416, ...new Array<number>(4).fill(701_837)]);
    // 2025 is wholly contract year 1–2 at the first rate.
    expect(yearAmount(c, 2025).amount?.gross).toBe(8_021_000);
  });

  it('steps on 1 January when the contract says 自然年度', () => {
    const cal = contractOf({ ...land, start: '2024-09-01', end: '2034-08-31', paymentDates: '每月15', areaMu: 100, rentPerMu: 802.1, escalationRate: 0.05, escalationEveryYears: 2, escalationYears: '自然年度' });
    // Calendar years from 2024: 2026 is y0 + 2, wholly at 80,210 × 1.05 = 84,220.50.
    expect(yearAmount(cal, 2026).amount?.gross).toBe(8_422_050);
    expect(yearAmount(cal, 2025).amount?.gross).toBe(8_021_000);
  });

  it('agrees with CUN.LANDRENT given the start month, and with CUN.LEASEINCOME for a lease', () => {
    expect(cun.landRent(100, 802.1, 2024, 2026, 0.05, 2, 9)).toBe(81546.83);
    expect(cun.landRent(100, 802.1, 2024, 2026, 0.05, 2)).toBe(84220.5); // calendar years without the month
    for (const y of [2025, 2026, 2027, 2028, 2030]) {
      expect(sumOf(contractDueItems(c, y).items.filter((i) => i.year === y)) / 100).toBe(cun.landRent(100, 802.1, 2024, y, 0.05, 2, 9));
    }
    // A lease from 2023-04: 300 m² × 10 a month, +10% every 3 years; 2026 has Jan–Mar at 36,000 and Apr–Dec at 39,600:
    // 3 × 3,000 + 9 × 3,300 = 38,700.00.
    const lease = contractOf({ no: 'ZL-9', kind: '资产租赁', counterparty: '甲', category: '厂房', start: '2023-04-01', end: '2029-03-31', paymentDates: '每月5', areaM2: 300, rentPerM2Month: 10, escalationRate: 0.1, escalationEveryYears: 3 });
    expect(cun.leaseIncome(300, 10, 2023, 2026, 1, 0.1, 3, 12, 4)).toBe(38700);
    expect(sumOf(contractDueItems(lease, 2026).items.filter((i) => i.year === 2026)) / 100).toBe(38700);
  });
});

describe('every schedule sums to the amount it splits (property)', () => {
  const rules = ['03-01', '06-15:50%;10-01:50%', '04-01:30%;07-01:30%;11-30:40%', '每月5', '每月31', '次年03-31'];
  const day = fc.integer({ min: 0, max: 365 * 6 });
  const iso = (d: number) => new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10);
  const contract = fc.record({
    kind: fc.constantFrom('land', 'lease', 'coop', 'grain'),
    rule: fc.constantFrom(...rules),
    a: day,
    b: day,
    fen: fc.integer({ min: 1, max: 9_999_999 }),
    rate: fc.constantFrom(null, 0.03, 0.05, 0.1),
    every: fc.integer({ min: 1, max: 4 }),
    calendar: fc.boolean(),
  });

  it('for any start and end date, kind, escalation and payment rule: Σ items of a year = yearDue; a full year = the formula figure', () => {
    fc.assert(
      fc.property(contract, ({ kind, rule, a, b, fen, rate, every, calendar }) => {
        const [start, end] = a <= b ? [iso(a), iso(b)] : [iso(b), iso(a)];
        const money = (fen / 100).toFixed(2);
        const esc = rate === null ? {} : { escalationRate: rate, escalationEveryYears: every, escalationYears: calendar ? '自然年度' : '合同年度' };
        const common = { no: 'P', counterparty: '甲', start, end, paymentDates: rule };
        const values =
          kind === 'land' ? { ...common, kind: '土地流转', areaMu: 1, rentPerMu: money, ...esc }
          : kind === 'grain' ? { ...common, kind: '土地流转', areaMu: 1, jinPerMu: 100, grainPrice: money }
          : kind === 'lease' ? { ...common, kind: '资产租赁', annualRent: money, ...esc }
          : { ...common, kind: '合作社入股', capital: money, floorRate: 0.06, shareRate: 0 };
        const c = contractOf(values);
        const items = contractDueItems(c, 2030).items;
        for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
          const due = yearDue(c, y) ?? 0;
          if (sumOf(items.filter((i) => i.year === y)) !== due) return false;
          const full = start <= `${y}-01-01` && end >= `${y}-12-31`;
          if (full && due !== yearAmount(c, y).amount?.gross) return false;
          if (items.some((i) => i.month !== undefined && (i.month < start.slice(0, 7) || i.month > end.slice(0, 7)))) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
