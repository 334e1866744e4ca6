import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contractDueItems, yearAmount } from '../../../src/core/income/schedule';
import { contractPosition } from '../../../src/core/income/arrears';
import type { Receipt } from '../../../src/core/income/receipts';
import { contractOf } from './helpers';

const rules = ['03-01', '06-15:50%;10-01:50%', '04-01:30%;07-01:30%;11-30:40%', '每月5', '每月31'];

describe('schedule invariants (properties)', () => {
  it('the items of a full year sum to the formula figure for that year, whatever the payment rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 200000 }), fc.integer({ min: 0, max: 3 }), (rule, mu, cents, dy) => {
        const c = contractOf({ no: 'P', kind: '土地流转', counterparty: '甲', start: '2022-01-01', end: '2029-12-31', paymentDates: rule, areaMu: mu, rentPerMu: (cents / 100).toFixed(2), escalationRate: 0.03, escalationEveryYears: 2 });
        const y = 2023 + dy;
        const sum = contractDueItems(c, 2029).items.filter((i) => i.year === y).reduce((t, i) => t + i.amount, 0);
        return sum === yearAmount(c, y).amount?.gross;
      }),
    );
  });

  it('settling receipts oldest first: due − received = arrears − prepaid, and no item is overpaid', () => {
    const c = contractOf({ no: 'P', kind: '资产租赁', counterparty: '甲', start: '2025-01-01', end: '2025-12-31', paymentDates: '每月5', rentPerM2Month: 1234.56 });
    const items = contractDueItems(c, 2025).items;
    const receipt = fc.record({ day: fc.integer({ min: 0, max: 364 }), fen: fc.integer({ min: -50_000, max: 300_000 }) });
    fc.assert(
      fc.property(fc.array(receipt, { maxLength: 15 }), fc.integer({ min: 0, max: 364 }), (rs, asDay) => {
        const iso = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
        // Red-ink reversals (negative lines) may appear, but never refund more than came in.
        fc.pre(rs.reduce((t, r) => t + r.fen, 0) >= 0);
        const receipts: Receipt[] = rs.map((r) => ({ contract: 'P', date: iso(r.day), voucher: '1', account: '501', amount: r.fen, income: r.fen, matchedBy: 'tag' }));
        const p = contractPosition(c, items, receipts, iso(rs.length > 0 ? Math.max(asDay, ...rs.map((r) => r.day)) : asDay));
        const paidDown = p.items.every((o) => o.outstanding > 0 && o.outstanding <= o.item.amount);
        return p.due - p.received === p.arrears - p.prepaid && paidDown && p.arrears >= 0 && p.prepaid >= 0;
      }),
    );
  });
});

describe('schema', () => {
  it('asks a PV station for a monthly payment day', () => {
    expect(() => contractOf({ no: 'GF', kind: '光伏电站', counterparty: '国网', start: '2025-01-01', end: '2044-12-31', paymentDates: '03-01', capacityKw: 100, hours: 1100, baseTariff: 0.3779, lifeYears: 20 })).toThrow(/paid monthly/);
  });
});

describe('due dates stay inside the contract (property)', () => {
  it('for any term and payment rule, every due date lies within [start, end] and every amount is ≥ 0', () => {
    const day = fc.integer({ min: 0, max: 1825 });
    fc.assert(
      fc.property(fc.constantFrom(...rules), day, day, fc.integer({ min: 1, max: 3000 }), (rule, a, b, mu) => {
        const iso = (d: number) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
        const [s, e] = a <= b ? [iso(a), iso(b)] : [iso(b), iso(a)];
        const c = contractOf({ no: 'P', kind: '资产租赁', counterparty: '甲', start: s, end: e, paymentDates: rule, areaM2: mu, rentPerM2Month: 6.5 });
        return contractDueItems(c, 2028).items.every((i) => i.dueDate >= s && i.dueDate <= e && i.amount >= 0);
      }),
    );
  });

  it('pays a monthly day 31 on the last day of short months, and a one-day lease its one day', () => {
    const c = contractOf({ no: 'P', kind: '资产租赁', counterparty: '甲', start: '2024-01-01', end: '2024-03-31', paymentDates: '每月31', rentPerM2Month: 2900 });
    expect(contractDueItems(c, 2024).items.map((i) => i.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    const oneDay = contractOf({ no: 'P', kind: '资产租赁', counterparty: '甲', start: '2024-02-29', end: '2024-02-29', paymentDates: '每月5', rentPerM2Month: 2900 });
    // 2,900 × 1/29 = 100.00, due on the day itself.
    expect(contractDueItems(oneDay, 2024).items.map((i) => [i.dueDate, i.amount])).toEqual([['2024-02-29', 10_000]]);
  });
});
