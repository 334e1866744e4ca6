import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../src/core/chart/accounts';
import { closeYear, isLockedMonth, LedgerError, retainedAccount, reverseVoucher } from '../../../src/core/ledger/close';
import type { OpeningBalance, Voucher } from '../../../src/core/ledger/types';
import { cr, dr, exampleChart, exampleOpening, exampleVouchers, y } from './example-village';

const opening: OpeningBalance[] = [{ account: '102', debit: y(1_000), credit: 0 }, { account: '301', debit: 0, credit: y(1_000) }];
const loss: Voucher[] = [
  { date: '2025-03-01', number: '1', summary: '收入', lines: [dr('102', 200), cr('501', 200)] },
  { date: '2025-04-01', number: '1', summary: '支出', lines: [dr('515', 700), cr('102', 700)] },
];

describe('closeYear', () => {
  it('closes a loss the other way, into plain 322 when it has no sub-accounts', () => {
    const { chart } = buildChart();
    expect(retainedAccount(chart)).toBe('322');
    expect(closeYear({ chart, opening, vouchers: loss, year: 2025, date: '2025-12-30' })).toEqual([
      { date: '2025-12-30', number: '结-1', summary: '结转本年损益', generated: 'close', lines: [dr('501', 200), cr('515', 700), dr('321', 500)] },
      { date: '2025-12-30', number: '结-2', summary: '结转本年收益', generated: 'close', lines: [cr('321', 500), dr('322', 500)] },
    ]);
  });
  it('closes P&L sub-accounts leaf by leaf and carries a 321 opening (an unclosed prior year) along', () => {
    const { chart } = buildChart([{ code: '50101', name: '发包' }, { code: '50102', name: '租赁' }]);
    const vs: Voucher[] = [{ date: '2025-05-01', number: '1', summary: '收入', lines: [dr('102', 300), cr('50101', 100), cr('50102', 200)] }];
    const open321: OpeningBalance[] = [...opening, { account: '321', debit: 0, credit: y(50) }, { account: '101', debit: y(50), credit: 0 }];
    const out = closeYear({ chart, opening: open321, vouchers: vs, year: 2025 });
    expect(out.map((v) => v.lines)).toEqual([
      [dr('50101', 100), dr('50102', 200), cr('321', 300)],
      [dr('321', 350), cr('322', 350)],
    ]);
  });
  it('uses only the given year and nothing when there is nothing to close', () => {
    const chart = exampleChart();
    const other = exampleVouchers.map((v) => ({ ...v, date: v.date.replace('2025', '2024') }));
    expect(closeYear({ chart, opening: exampleOpening, vouchers: other, year: 2025 })).toEqual([]);
  });
  it('refuses a 322 with sub-accounts but none for 未分配收益', () => {
    const { chart } = buildChart([{ code: '32201', name: '各项分配' }]);
    expect(() => closeYear({ chart, opening, vouchers: loss, year: 2025 })).toThrow(LedgerError);
  });
  it('finds 未分配收益 by name when it is not 32202', () => {
    const { chart } = buildChart([{ code: '32201', name: '未分配收益' }, { code: '32202', name: '各项分配' }]);
    expect(retainedAccount(chart)).toBe('32201');
  });
});

describe('reverseVoucher (红字冲销)', () => {
  it('negates every amount on the same side and names the original', () => {
    const orig = exampleVouchers[6]!;
    expect(reverseVoucher(orig, { date: '2025-11-02', number: '7' })).toEqual({
      date: '2025-11-02', number: '7', summary: '冲销2025-10第1号凭证：办公费',
      lines: [{ account: '513', debit: -y(8_200), credit: 0 }, { account: '101', debit: 0, credit: -y(1_200) }, { account: '102', debit: 0, credit: -y(7_000) }],
      reverses: { month: '2025-10', number: '1' },
    });
  });
});

describe('isLockedMonth', () => {
  it('locks up to and including lockedThrough', () => {
    expect([isLockedMonth('2025-03', '2025-03'), isLockedMonth('2025-04', '2025-03'), isLockedMonth('2025-01'), isLockedMonth('2024-12', '2025-03')]).toEqual([true, false, false, true]);
  });
});
