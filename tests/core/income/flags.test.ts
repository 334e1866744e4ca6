import { describe, expect, it } from 'vitest';
import { analyzeRegister } from '../../../src/core/income/register';
import { contractOf, voucher } from './helpers';

const rules = (a: ReturnType<typeof analyzeRegister>) => a.findings.map((f) => f.rule);
const year = { asOf: '2025-12-31', from: '2025-01', to: '2025-12' };

describe('register flags', () => {
  it('flags a contract ending within 90 days, and one expired but still receiving', () => {
    const soon = contractOf({ no: 'ZL-1', kind: '资产租赁', counterparty: '甲', start: '2025-01-01', end: '2026-03-31', paymentDates: '03-01', rentPerM2Month: 1000 });
    const later = contractOf({ no: 'ZL-2', kind: '资产租赁', counterparty: '乙', start: '2025-01-01', end: '2026-04-01', paymentDates: '03-01', rentPerM2Month: 1000 });
    const gone = contractOf({ no: 'ZL-3', kind: '资产租赁', counterparty: '丙', start: '2024-01-01', end: '2025-06-30', paymentDates: '03-01', rentPerM2Month: 1000 });
    const ledger = [voucher('2025-02-28', '102', '501', 600_000, { contract: 'ZL-3' }), voucher('2025-09-01', '102', '501', 600_000, { contract: 'ZL-3' })];
    const a = analyzeRegister([soon, later, gone], ledger, { ...year, booksFrom: '2025-01-01' });
    expect(a.contracts.map((c) => c.status)).toEqual(['expiring', 'active', 'expired']);
    expect(a.findings.filter((f) => f.rule === 'contract.expiring').map((f) => f.zh)).toEqual(['合同ZL-1将于2026-03-31到期（90天内），请及时续签或收回']);
    // ZL-3 owed 6,000 for Jan–Jun 2025 (due 03-01); 12,000 came in, 6,000 of it after the end.
    expect(rules(a)).toContain('contract.expired-receiving');
    // Amounts in messages are grouped by thousands, as people read them.
    expect(a.findings.find((f) => f.rule === 'contract.expired-receiving')?.zh).toMatch(/收款\d{1,3}(,\d{3})*\.\d\d元/);
    expect(a.findings.find((f) => f.rule === 'contract.expired-receiving')?.zh).toContain(',');
  });

  it('does not flag money after the end that only settles arrears', () => {
    const gone = contractOf({ no: 'ZL-3', kind: '资产租赁', counterparty: '丙', start: '2025-01-01', end: '2025-06-30', paymentDates: '03-01', rentPerM2Month: 1000 });
    // Due for 1 Jan–30 Jun: 12,000 × 181/365 = 5,950.68, paid late in full; a fen more would be flagged.
    const a = analyzeRegister([gone], [voucher('2025-09-01', '102', '501', 595_068, { contract: 'ZL-3' })], year);
    expect(rules(a)).not.toContain('contract.expired-receiving');
    expect(rules(analyzeRegister([gone], [voucher('2025-09-01', '102', '501', 595_069, { contract: 'ZL-3' })], year))).toContain('contract.expired-receiving');
  });

  it('flags rent under the township reference price', () => {
    const cheap = contractOf({ no: 'TD-1', kind: '土地流转', counterparty: '甲', start: '2025-01-01', end: '2029-12-31', paymentDates: '03-01', areaMu: 50, jinPerMu: 700, grainPrice: 1.2, referencePrice: 900 });
    const fair = contractOf({ no: 'TD-2', kind: '土地流转', counterparty: '乙', start: '2025-01-01', end: '2029-12-31', paymentDates: '03-01', areaMu: 50, rentPerMu: 900, referencePrice: 900 });
    const a = analyzeRegister([cheap, fair], [], year);
    expect(a.findings.filter((f) => f.rule === 'contract.under-priced').map((f) => f.zh)).toEqual(['合同TD-1每亩租金840.00元，低于乡镇参考价900.00元']);
  });

  it('flags contract income booked to the wrong account', () => {
    const coop = contractOf({ no: 'HZ-1', kind: '合作社入股', counterparty: '合作社', start: '2025-01-01', end: '2027-12-31', paymentDates: '12-20', capital: 100000, floorRate: 0.06, shareRate: 0 });
    const rent = contractOf({ no: 'TD-1', kind: '土地流转', counterparty: '甲', start: '2025-01-01', end: '2027-12-31', paymentDates: '03-01', areaMu: 10, rentPerMu: 800 });
    const ledger = [
      voucher('2025-12-20', '102', '50101', 600_000, { contract: 'HZ-1' }), // dividend as operating income
      voucher('2025-03-01', '102', '504', 800_000, { contract: 'TD-1' }), // rent as other income
    ];
    const a = analyzeRegister([coop, rent], ledger, year);
    expect(a.findings.filter((f) => f.rule === 'contract.wrong-account').map((f) => f.en)).toEqual([
      'contract HZ-1: receipt booked to 50101; it belongs in 502 投资收益 (deposits and rent passed to households in 211)',
      'contract TD-1: receipt booked to 504; it belongs in 501 经营收入 (deposits and rent passed to households in 211)',
    ]);
    // And proposes the correcting entries (调账) at the period end.
    const fixes = a.proposals.filter((v) => v.summary.startsWith('调整'));
    expect(fixes.map((v) => [v.date, v.lines.map((l) => [l.account, l.debit, l.credit])])).toEqual([
      ['2025-12-31', [['50101', 600_000, 0], ['502', 0, 600_000]]],
      ['2025-12-31', [['504', 800_000, 0], ['501', 0, 800_000]]],
    ]);
  });

  it('flags household rent booked as income on a pass-through contract', () => {
    const c = contractOf({ no: 'TD-3', kind: '土地流转', counterparty: '王建国', start: '2025-01-01', end: '2029-12-31', paymentDates: '03-15', areaMu: 200, rentPerMu: 850, passThrough: '是', serviceFeePerMu: 100, liabilityAccount: '21103' });
    const wrong = analyzeRegister([c], [voucher('2025-03-15', '102', '50101', 17_000_000, { contract: 'TD-3' })], year);
    expect(rules(wrong)).toContain('contract.pass-through-as-income');
    // 170,000 booked as income, 20,000 of it is the fee: move 150,000 to the households' payable.
    const fix = wrong.proposals.find((v) => v.summary.includes('转应付款'))!;
    expect(fix.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([['501', 15_000_000, 0], ['21103', 0, 15_000_000]]);
    const right = analyzeRegister([c], [{
      date: '2025-03-15', number: '1', summary: '代收流转费', lines: [
        { account: '102', debit: 17_000_000, credit: 0 },
        { account: '50101', debit: 0, credit: 2_000_000, contract: 'TD-3' },
        { account: '21103', debit: 0, credit: 15_000_000, contract: 'TD-3' },
      ],
    }], year);
    expect(rules(right)).not.toContain('contract.pass-through-as-income');
    expect(right.contracts[0]!.position.arrears).toBe(0);
  });

  it('checks that at least 80% of net PV income goes to restricted uses', () => {
    const pv = contractOf({ no: 'GF-1', kind: '光伏电站', counterparty: '国网', start: '2020-01-01', end: '2039-12-31', paymentDates: '每月20', capacityKw: 100, hours: 1200, baseTariff: 0.3779, lifeYears: 20 });
    const ledger = [
      voucher('2025-03-20', '102', '50102', 5_000_000, { contract: 'GF-1' }),
      voucher('2025-06-10', '51101', '102', 1_000_000, { contract: 'GF-1' }), // O&M 10,000
      voucher('2025-07-26', '51404', '102', 2_000_000, { contract: 'GF-1' }), // 公益岗位 20,000
      voucher('2025-08-01', '51301', '102', 300_000, { contract: 'GF-1' }), // office costs: not allowed
    ];
    const a = analyzeRegister([pv], ledger, year);
    // net = 50,000 − 10,000 = 40,000; 80% = 32,000 required; 20,000 spent.
    expect(a.pvUse[0]).toEqual({ contract: 'GF-1', income: 5_000_000, cost: 1_000_000, net: 4_000_000, required: 3_200_000, restricted: 2_000_000, other: 300_000 });
    expect(rules(a)).toEqual(expect.arrayContaining(['pv.restricted-shortfall', 'pv.disallowed-use']));
    const enough = analyzeRegister([pv], [...ledger.slice(0, 3), voucher('2025-10-01', '51401', '102', 1_200_000, { contract: 'GF-1' })], year);
    expect(rules(enough).filter((r) => r.startsWith('pv.'))).toEqual([]);
  });
});

describe('voucher proposals', () => {
  it('proposes balanced, tagged, unposted vouchers for open items and unrecorded deposits', () => {
    const c = contractOf({ no: 'TD-3', kind: '土地流转', counterparty: '王建国', start: '2025-01-01', end: '2029-12-31', paymentDates: '03-15', areaMu: 200, rentPerMu: 850, passThrough: '是', serviceFeePerMu: 100, liabilityAccount: '21103', incomeAccount: '50101', deposit: 20000 });
    const coop = contractOf({ no: 'HZ-1', kind: '合作社入股', counterparty: '合作社', start: '2025-01-01', end: '2027-12-31', paymentDates: '12-20', capital: 100000, floorRate: 0.06, shareRate: 0 });
    const ledger = [voucher('2025-04-01', '102', '21103', 7_000_000, { contract: 'TD-3' })]; // 70,000 of 170,000
    const a = analyzeRegister([c, coop], ledger, year);
    expect(ledger).toHaveLength(1);
    expect(a.proposals.map((v) => [v.number, v.date, v.lines.map((l) => [l.account, l.debit, l.credit])])).toEqual([
      ['建议-0001', '2025-01-01', [['102', 2_000_000, 0], ['21103', 0, 2_000_000]]],
      // 100,000 outstanding, split 20/170 income: 11,764.71 to 50101, 88,235.29 to 21103.
      ['建议-0002', '2025-03-15', [['102', 10_000_000, 0], ['50101', 0, 1_176_471], ['21103', 0, 8_823_529]]],
      ['建议-0003', '2025-12-20', [['102', 600_000, 0], ['502', 0, 600_000]]],
    ]);
    for (const v of a.proposals) {
      expect(v.lines.reduce((t, l) => t + l.debit - l.credit, 0)).toBe(0);
      expect(v.lines.every((l) => l.contract !== undefined)).toBe(true);
    }
  });
});

describe('year-end accrual of cooperative dividends', () => {
  const coop = contractOf({ no: 'HZ-3', kind: '合作社入股', counterparty: '菌香合作社', start: '2024-01-01', end: '2027-12-31', paymentDates: '次年03-31', capital: 200000, floorRate: 0.05, shareRate: 0.3, dividendMode: '保底加分红', profit: '2024:60000;2025:60000' });
  // Each year: 10,000 + 30% × (60,000 − 10,000) = 25,000, due on 31 March of the next year.
  it('proposes Dr 112 / Cr 502 at the year end when the dividend is due next year', () => {
    const a = analyzeRegister([coop], [], year);
    const accrual = a.proposals.find((v) => v.date === '2025-12-31')!;
    expect(accrual.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([['112', 2_500_000, 0], ['502', 0, 2_500_000]]);
  });
  it('once accrued, receiving the dividend clears 112 instead of booking income again', () => {
    const booked = [{
      date: '2024-12-31', number: '9', summary: '计提分红', lines: [
        { account: '112', debit: 2_500_000, credit: 0 },
        { account: '502', debit: 0, credit: 2_500_000, contract: 'HZ-3' },
      ],
    }];
    const a = analyzeRegister([coop], booked, year);
    expect(a.contracts[0]!.position.received).toBe(0); // an accrual is not money
    const receipt = a.proposals.find((v) => v.date === '2025-03-31')!;
    expect(receipt.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([['102', 2_500_000, 0], ['112', 0, 2_500_000]]);
    expect(a.ledger.accruals).toEqual([{ contract: 'HZ-3', date: '2024-12-31', amount: 2_500_000 }]);
  });
});
