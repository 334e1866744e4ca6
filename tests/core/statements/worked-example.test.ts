import { describe, expect, it } from 'vitest';
import { closeYear } from '../../../src/core/ledger/close';
import { accountBalances, computeTrialBalance, rollUp } from '../../../src/core/ledger/balances';
import { validateOpening, validateVouchers } from '../../../src/core/ledger/validate';
import { buildBalanceSheet } from '../../../src/core/statements/balance-sheet';
import { buildIncomeStatement, operatingIncome } from '../../../src/core/statements/income-statement';
import type { Voucher } from '../../../src/core/ledger/types';
import { cr, dr, exampleChart, exampleDistributions, exampleOpening, exampleSettings, exampleVouchers, y } from '../ledger/example-village';

const chart = exampleChart();
const opening = exampleOpening;
const book = { chart, opening };

/** The whole year as the app runs it: typed vouchers, then close re-run over the non-closing ones. */
function closeBook(typed: Voucher[]): Voucher[] {
  return [...typed, ...closeYear({ ...book, vouchers: typed, year: 2025 })];
}

describe('DOMAIN.md §8 worked example (示例村 2025)', () => {
  const firstClose = closeYear({ ...book, vouchers: exampleVouchers, year: 2025 });
  const typed = [...exampleVouchers, ...exampleDistributions];
  const all = closeBook(typed);
  const closing = all.filter((v) => v.generated === 'close');

  it('the input is clean', () => {
    expect(validateOpening(opening, chart)).toEqual([]);
    expect(validateVouchers(typed, { chart, settings: exampleSettings })).toEqual([]);
    expect(validateVouchers(all, { chart, settings: exampleSettings })).toEqual([]);
  });

  it('first close: P&L into 321, 321 into 32202 未分配收益, nothing to distribute yet', () => {
    expect(firstClose).toEqual([
      {
        date: '2025-12-31', number: '结-1', summary: '结转本年损益', generated: 'close',
        lines: [dr('501', 119_400), dr('502', 12_000), dr('503', 50_000), dr('504', 800), cr('511', 3_500), cr('513', 18_200), cr('514', 30_000), cr('321', 130_500)],
      },
      { date: '2025-12-31', number: '结-2', summary: '结转本年收益', generated: 'close', lines: [dr('321', 130_500), cr('32202', 130_500)] },
    ]);
  });

  it('re-close after the distributions adds 结-3 and is idempotent', () => {
    expect(closing.slice(0, 2)).toEqual(firstClose);
    expect(closing[2]).toEqual({
      date: '2025-12-31', number: '结-3', summary: '结转各项分配', generated: 'close',
      lines: [dr('32202', 53_050), cr('3220101', 13_050), cr('3220102', 40_000)],
    });
    expect(closing).toHaveLength(3);
    // Closing vouchers in the input are ignored, so closing the closed book gives the same vouchers.
    expect(closeYear({ ...book, vouchers: all, year: 2025 })).toEqual(closing);
  });

  it('closing balances as DOMAIN §8 lists them', () => {
    const bal = rollUp(chart, accountBalances({ opening, vouchers: all, to: '2025-12' }));
    const net = (c: string) => bal.get(c) ?? 0;
    expect(net('101')).toBe(y(800));
    expect(net('102')).toBe(y(321_700));
    expect(net('151')).toBe(y(500_000));
    expect(net('152')).toBe(-y(110_000));
    expect(net('211')).toBe(-y(40_000));
    expect(net('301')).toBe(-y(500_000));
    expect(net('311')).toBe(-y(73_050));
    expect(net('32202')).toBe(-y(99_450));
    expect(net('322')).toBe(-y(99_450));
    expect(net('32201')).toBe(0);
    expect(net('321')).toBe(0);
    for (const c of ['501', '502', '503', '504', '511', '512', '513', '514', '515', '521']) expect(net(c)).toBe(0);
  });

  it('收益及收益分配表', () => {
    const is = buildIncomeStatement({ ...book, vouchers: all, from: '2025-01', to: '2025-12' });
    const a = Object.fromEntries(is.rows.map((r) => [r.key, r.amount]));
    expect(a).toEqual({
      operatingRevenue: y(119_400), investmentIncome: y(12_000), operatingExpenses: y(3_500), taxesAndSurcharges: 0, adminExpenses: y(18_200),
      operatingResult: y(109_700), subsidyIncome: y(50_000), otherIncome: y(800), publicWelfareExpenses: y(30_000), otherExpenses: 0,
      totalResult: y(130_500), incomeTax: 0, netResult: y(130_500), retainedOpening: y(22_000), otherTransfersIn: 0,
      distributable: y(152_500), toReserve: y(13_050), toMembers: y(40_000), otherDistributions: 0, retainedClosing: y(99_450),
    });
    expect(is.rows.map((r) => r.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(is.rows.find((r) => r.key === 'netResult')?.label).toContain('净收益');
    expect(is.findings).toEqual([]);
    expect(is.operatingIncome).toBe(y(131_400));
    expect(operatingIncome({ vouchers: all, from: '2025-01', to: '2025-12' })).toBe(y(131_400));
    // The statement reads the same before the close.
    const before = buildIncomeStatement({ ...book, vouchers: typed, from: '2025-01', to: '2025-12' });
    expect(before.rows).toEqual(is.rows);
  });

  it('资产负债表 balances at 582,000.00 and 712,500.00', () => {
    for (const vouchers of [all, typed]) {
      const bs = buildBalanceSheet({ ...book, vouchers, to: '2025-12' });
      const row = (k: string) => bs.rows.find((r) => r.key === k)!;
      expect(row('totalAssets')).toMatchObject({ begin: y(582_000), end: y(712_500) });
      expect(row('totalLiabilitiesAndEquity')).toMatchObject({ begin: y(582_000), end: y(712_500) });
      expect(row('cash')).toMatchObject({ begin: y(182_000), end: y(322_500) });
      expect(row('depreciation')).toMatchObject({ begin: y(100_000), end: y(110_000) });
      expect(row('fixedAssetsNet')).toMatchObject({ begin: y(400_000), end: y(390_000) });
      expect(row('payables')).toMatchObject({ begin: 0, end: y(40_000) });
      expect(row('reserve')).toMatchObject({ begin: y(60_000), end: y(73_050) });
      expect(row('retained')).toMatchObject({ begin: y(22_000), end: y(99_450) });
      expect(bs.findings).toEqual([]);
    }
  });

  it('trial balance of the closed year', () => {
    const tb = computeTrialBalance({ ...book, vouchers: all, from: '2025-01', to: '2025-12' });
    expect(tb.totals.openingDebit).toBe(y(682_000));
    expect(tb.totals.openingCredit).toBe(y(682_000));
    expect(tb.totals.closingDebit).toBe(y(822_500));
    expect(tb.totals.closingCredit).toBe(y(822_500));
    expect(tb.totals.periodDebit).toBe(tb.totals.periodCredit);
    const r322 = tb.rows.find((r) => r.code === '322')!;
    expect(r322).toMatchObject({ openingCredit: y(22_000), closingCredit: y(99_450), periodDebit: y(53_050 + 53_050), periodCredit: y(130_500 + 53_050) });
    expect(tb.rows.find((r) => r.code === '152')).toMatchObject({ openingCredit: y(100_000), closingCredit: y(110_000), openingDebit: 0 });
  });
});
