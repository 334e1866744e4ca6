import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../src/core/chart/accounts';
import { closeYear, reverseVoucher } from '../../../src/core/ledger/close';
import { BALANCE_SHEET_LINES, buildBalanceSheet } from '../../../src/core/statements/balance-sheet';
import { buildIncomeStatement, INCOME_STATEMENT_LINES } from '../../../src/core/statements/income-statement';
import { classifyDistributions, unclassifiedFindings } from '../../../src/core/statements/distribution';
import { evaluateLines } from '../../../src/core/statements/lines';
import type { OpeningBalance, Voucher, VoucherLine } from '../../../src/core/ledger/types';
import { cr, dr, exampleChart, exampleOpening, exampleVouchers, y } from '../ledger/example-village';

const chart = exampleChart();
const v = (number: string, lines: VoucherLine[], date = '2025-12-31'): Voucher => ({ date, number, summary: '分配', lines });
const year = { from: '2025-01', to: '2025-12' };

describe('distribution classification (收益分配)', () => {
  it('classifies by the 322 sub-account debited, whatever is credited (hand-worked)', () => {
    const d = classifyDistributions([
      v('1', [dr('3220101', 100), cr('311', 100)]), // 提取公积公益金 100
      v('2', [dr('3220102', 300), cr('211', 100), cr('11301', 120), cr('212', 80)]), // 向成员分配 300, whatever the credits
      v('3', [dr('3220102', 50), cr('102', 50)]), // cash paid out to members straight from the bank: 向成员分配 50
      v('4', [dr('3220103', 70), cr('101', 70)]), // 其他分配 70
      v('5', [dr('3220102', 25), cr('3220101', 25)]), // reclassified: reserve − 25, members + 25
      v('6', [dr('212', 40), cr('102', 40)]), // paying wages touches no 322: not a distribution
    ], '2025-01', '2025-12');
    // reserve 100 − 25 = 75; members 300 + 50 + 25 = 375; other 70.
    expect(d).toEqual({ reserve: y(75), members: y(375), other: y(70), otherIn: 0, unclassified: [] });
  });
  it('a distribution debiting 32201 (or 322) without a sub-account is a finding and shows under 其他分配', () => {
    const d = classifyDistributions([
      v('7', [{ ...dr('32201', 60), source: { sheet: '凭证', row: 12 } }, cr('211', 60)]),
      v('8', [dr('32202', 90), cr('321', 90)]), // a loss closed into 未分配收益 by hand: not a distribution
    ], '2025-01', '2025-12');
    expect(d.other).toBe(y(60));
    expect(d.unclassified).toEqual([{ date: '2025-12-31', number: '7', account: '32201', amount: y(60), source: { sheet: '凭证', row: 12 } }]);
    const f = unclassifiedFindings(d);
    expect(f.map((x) => [x.rule, x.severity, x.sheet, x.row, x.column])).toEqual([['distribution.no-subaccount', 'error', '凭证', 12, '科目编码']]);
    expect(f[0]?.zh).toMatch(/^2025-12-31 第7号凭证借记32201/);
  });
  it('moves inside 322 and the closing vouchers count for nothing; credits from elsewhere are 其他转入', () => {
    const d = classifyDistributions([
      v('1', [dr('32202', 500), cr('3220101', 500)]),
      v('2', [dr('321', 900), cr('32202', 900)]),
      v('3', [dr('311', 400), cr('32202', 400)]),
      { ...v('结-1', [dr('3220101', 7), cr('311', 7)]), generated: 'close' },
    ], '2025-01', '2025-12');
    expect(d).toEqual({ reserve: 0, members: 0, other: 0, otherIn: y(400), unclassified: [] });
  });
  it('a reversed distribution disappears; months outside the range are left out', () => {
    const orig = v('1', [dr('3220101', 100), cr('311', 100)], '2025-11-30');
    const d = classifyDistributions([orig, reverseVoucher(orig, { date: '2025-12-05', number: '1' }), v('9', [dr('3220102', 5), cr('211', 5)], '2026-01-02')], '2025-01', '2025-12');
    expect(d).toEqual({ reserve: 0, members: 0, other: 0, otherIn: 0, unclassified: [] });
    expect(classifyDistributions([orig], '2025-01', '2025-11').reserve).toBe(y(100));
    expect(classifyDistributions([orig], '2025-12', '2025-12').reserve).toBe(0);
  });
});

describe('资产负债表 lines', () => {
  it('113 内部往来 splits by the side of each sub-account', () => {
    const { chart: c } = buildChart([{ code: '11301', name: '张三' }, { code: '11302', name: '李四' }]);
    const opening: OpeningBalance[] = [
      { account: '11301', debit: y(300), credit: 0 },
      { account: '11302', debit: 0, credit: y(120) },
      { account: '301', debit: 0, credit: y(180) },
    ];
    const bs = buildBalanceSheet({ chart: c, opening, vouchers: [], to: '2025-01' });
    const row = (k: string) => bs.rows.find((r) => r.key === k)!;
    expect(row('receivables').begin).toBe(y(300));
    expect(row('payables').begin).toBe(y(120));
    expect(row('totalAssets').begin).toBe(y(300));
    expect(row('totalLiabilitiesAndEquity').begin).toBe(y(300));
    expect(bs.findings).toEqual([]);
  });
  it('folds the unclosed P&L into 未分配收益 during the year', () => {
    const bs = buildBalanceSheet({ chart, opening: exampleOpening, vouchers: exampleVouchers, to: '2025-06' });
    const row = (k: string) => bs.rows.find((r) => r.key === k)!;
    expect(row('retained').end).toBe(y(22_000 + 60_000 + 35_400 + 12_000));
    expect(row('totalAssets').end).toBe(y(582_000 + 107_400));
    expect(bs.findings).toEqual([]);
  });
  it('bs.unbalanced on an unbalanced opening, for the column that is off', () => {
    const bs = buildBalanceSheet({ chart, opening: [...exampleOpening, { account: '101', debit: y(1), credit: 0 }], vouchers: [], to: '2025-01' });
    expect(bs.findings.map((f) => [f.rule, f.en.includes('beginning')])).toEqual([['bs.unbalanced', true], ['bs.unbalanced', false]]);
  });
  it('line numbers are unique and increasing; every 2023 first-level account feeds some line', () => {
    for (const table of [BALANCE_SHEET_LINES, INCOME_STATEMENT_LINES]) {
      const lines = table.map((d) => d.line);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
      expect(new Set(lines).size).toBe(lines.length);
    }
    const fed = new Set(BALANCE_SHEET_LINES.flatMap((d) => ('feeds' in d ? d.feeds.map((f) => f.account) : [])));
    expect(chart.order.filter((c) => c.length === 3 && !fed.has(c))).toEqual([]);
  });
  it('a formula referring forward is a bug and throws', () => {
    expect(() => evaluateLines([{ line: 1, key: 'a', label: 'a', formula: [[2, 1]] }], new Map())).toThrow(RangeError);
  });
});

describe('收益及收益分配表 identities', () => {
  it('is.subtotal when the closed 322 differs from 年末未分配收益 (a prior year left unclosed in 321)', () => {
    const opening: OpeningBalance[] = [...exampleOpening.filter((o) => o.account !== '32202'), { account: '32202', debit: 0, credit: y(17_000) }, { account: '321', debit: 0, credit: y(5_000) }];
    const all = [...exampleVouchers, ...closeYear({ chart, opening, vouchers: exampleVouchers, year: 2025 })];
    const is = buildIncomeStatement({ chart, opening, vouchers: all, ...year });
    expect(is.findings.map((f) => f.rule)).toEqual(['is.subtotal']);
    expect(is.findings[0]!.zh).toContain('年末未分配收益');
    // The same book before the close has nothing to compare yet.
    expect(buildIncomeStatement({ chart, opening, vouchers: exampleVouchers, ...year }).findings).toEqual([]);
  });
  it('a part-year statement covers only its months', () => {
    const is = buildIncomeStatement({ chart, opening: exampleOpening, vouchers: exampleVouchers, from: '2025-01', to: '2025-06' });
    const a = Object.fromEntries(is.rows.map((r) => [r.key, r.amount]));
    expect([a.operatingRevenue, a.investmentIncome, a.operatingResult, a.netResult, a.retainedClosing]).toEqual([y(95_400), y(12_000), y(107_400), y(107_400), y(129_400)]);
    expect(is.operatingIncome).toBe(y(107_400));
  });
  it('an investment loss shows as a negative 投资收益', () => {
    const loss = [v('1', [dr('502', 300), cr('102', 300)], '2025-02-01')];
    const is = buildIncomeStatement({ chart, opening: exampleOpening, vouchers: loss, ...year });
    expect(is.rows.find((r) => r.key === 'investmentIncome')!.amount).toBe(-y(300));
    expect(is.rows.find((r) => r.key === 'netResult')!.amount).toBe(-y(300));
  });
});

describe('收益及收益分配表 distributions by sub-account (worked example + a cash payout)', () => {
  it('a cash payout to members (Dr 3220102 / Cr 102) is 向成员分配, not 其他分配', () => {
    // DOMAIN §8 with one more voucher: 5,000.00 paid to members in cash from the bank.
    const payout = v('5', [dr('3220102', 5_000), cr('102', 5_000)]);
    const typed = [...exampleVouchers, v('3', [dr('3220101', 13_050), cr('311', 13_050)]), v('4', [dr('3220102', 40_000), cr('211', 40_000)]), payout];
    const is = buildIncomeStatement({ chart, opening: exampleOpening, vouchers: [...typed, ...closeYear({ chart, opening: exampleOpening, vouchers: typed, year: 2025 })], ...year });
    const amount = (k: string) => is.rows.find((r) => r.key === k)!.amount;
    expect(amount('distributable')).toBe(y(152_500)); // 130,500 净收益 + 22,000 年初未分配收益
    expect(amount('toReserve')).toBe(y(13_050));
    expect(amount('toMembers')).toBe(y(45_000)); // 40,000 credited to 211 + 5,000 paid in cash
    expect(amount('otherDistributions')).toBe(0);
    expect(amount('retainedClosing')).toBe(y(94_450)); // 152,500 − 13,050 − 45,000
    expect(is.findings).toEqual([]);
  });
});
