import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { counterAccounts, dayBook, detailLedger, generalLedger, sideOf } from '../../../src/core/ledger/ledgers';
import type { VoucherLine } from '../../../src/core/ledger/types';
import { closeYear } from '../../../src/core/ledger/close';
import { exampleChart, exampleDistributions, exampleOpening, exampleVouchers, y } from './example-village';

const chart = exampleChart();
const typed = [...exampleVouchers, ...exampleDistributions];
const all = [...typed, ...closeYear({ chart, opening: exampleOpening, vouchers: typed, year: 2025 })];
const book = { chart, opening: exampleOpening, vouchers: all };

describe('总账 general ledger', () => {
  const gl = generalLedger({ ...book, to: '2025-12' });
  it('has a first-level page per account with an amount, in chart order', () => {
    expect(gl.map((a) => a.code)).toEqual(['101', '102', '151', '152', '211', '301', '311', '321', '322', '501', '502', '503', '504', '511', '513', '514']);
  });
  it('carries month totals, year-to-date and the balance with its side', () => {
    const bank = gl.find((a) => a.code === '102')!;
    expect(bank.opening).toBe(y(180_000));
    expect(bank.months).toHaveLength(12);
    expect(bank.months[0]).toMatchObject({ month: '2025-01', debit: y(60_000), credit: 0, balance: y(240_000), side: '借' });
    expect(bank.months[1]).toMatchObject({ month: '2025-02', debit: 0, credit: 0, balance: y(240_000) });
    expect(bank.months[9]).toMatchObject({ month: '2025-10', credit: y(7_000), ytdDebit: y(181_400), ytdCredit: y(10_500) });
    expect(bank.months[11]).toMatchObject({ balance: y(321_700), ytdDebit: y(182_200), ytdCredit: y(40_500) });
    const dep = gl.find((a) => a.code === '152')!;
    expect(dep.months[11]).toMatchObject({ balance: -y(110_000), side: '贷', amount: y(110_000) });
    const income = gl.find((a) => a.code === '501')!;
    expect(income.months[11]).toMatchObject({ debit: y(119_400), credit: 0, balance: 0, side: '平', ytdCredit: y(119_400) });
    // 322 rolls its sub-accounts up.
    expect(gl.find((a) => a.code === '322')!.months[11]!.balance).toBe(-y(99_450));
  });
  it('with no vouchers and no `to`, only the openings', () => {
    const gl = generalLedger({ chart, opening: exampleOpening, vouchers: [] });
    expect(gl.map((a) => [a.code, a.opening, a.months.length])).toEqual([['101', y(2_000), 0], ['102', y(180_000), 0], ['151', y(500_000), 0], ['152', -y(100_000), 0], ['301', -y(500_000), 0], ['311', -y(60_000), 0], ['322', -y(22_000), 0]]);
  });
  it('defaults `to` to the last month with activity', () => {
    expect(generalLedger({ chart, opening: exampleOpening, vouchers: exampleVouchers.slice(0, 2) })[0]!.months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
  });
});

describe('明细账 detail ledger', () => {
  it('lists each leaf with running balances', () => {
    const dl = detailLedger({ ...book, accounts: ['322'] });
    expect(dl.map((a) => a.code)).toEqual(['3220101', '3220102', '32202']);
    const retained = dl.find((a) => a.code === '32202')!;
    expect(retained.opening).toBe(-y(22_000));
    expect(retained.entries.map((e) => [e.summary, e.debit, e.credit, e.side, e.amount])).toEqual([
      ['结转本年收益', 0, y(130_500), '贷', y(152_500)],
      ['结转各项分配', y(53_050), 0, '贷', y(99_450)],
    ]);
    expect(retained.closing).toBe(-y(99_450));
  });
  it('brings earlier months forward into the opening', () => {
    const [bank] = detailLedger({ ...book, accounts: ['102'], from: '2025-07', to: '2025-09' });
    expect(bank!.opening).toBe(y(287_400));
    expect(bank!.entries.map((e) => e.balance)).toEqual([y(337_400), y(361_400), y(357_900)]);
    expect(bank!.closing).toBe(y(357_900));
  });
});

describe('日记账 day books', () => {
  it('cash: every line with its counter-accounts and balance', () => {
    const cash = dayBook({ ...book, account: '101' });
    expect(cash.opening).toBe(y(2_000));
    expect(cash.entries).toEqual([
      { date: '2025-10-12', number: '1', summary: '办公费', debit: 0, credit: y(1_200), balance: y(800), side: '借', amount: y(800), counterAccounts: ['513'] },
    ]);
    expect(cash.closing).toBe(y(800));
  });
  it('bank: counter-accounts and the year', () => {
    const bank = dayBook({ ...book, account: '102', to: '2025-12' });
    expect(bank.entries).toHaveLength(9);
    expect(bank.entries[0]!.counterAccounts).toEqual(['501']);
    expect(bank.entries[6]).toMatchObject({ summary: '办公费', credit: y(7_000), counterAccounts: ['513'] });
    expect(bank.debit - bank.credit).toBe(y(141_700));
    expect(bank.closing).toBe(y(321_700));
  });
  it('sideOf', () => {
    expect([sideOf(1), sideOf(-1), sideOf(0)]).toEqual(['借', '贷', '平']);
  });
});

describe('对方科目 (counterAccounts)', () => {
  /** The rule as first written, with arrays and a Set: other accounts, those on the other side if any, each once in order. */
  const reference = (lines: readonly VoucherLine[], account: string, isDebit: boolean): string[] => {
    const under = (code: string, root: string): boolean => code.startsWith(root) && (code.length - root.length) % 2 === 0;
    const others = lines.filter((o) => !under(o.account, account));
    const opposite = others.filter((o) => (isDebit ? o.credit !== 0 : o.debit !== 0));
    return [...new Set((opposite.length > 0 ? opposite : others).map((o) => o.account))];
  };
  it('a cash receipt credited to two incomes and a fee: the credited accounts, each once', () => {
    // 101 Dr 1,000 | 501 Cr 600 | 50101 Cr 300 | 501 Cr 100 → 对方科目 501, 50101 (101's own sub-accounts never count).
    const lines: VoucherLine[] = [
      { account: '101', debit: 100_000, credit: 0 }, { account: '10101', debit: 0, credit: 0 },
      { account: '501', debit: 0, credit: 60_000 }, { account: '50101', debit: 0, credit: 30_000 }, { account: '501', debit: 0, credit: 10_000 },
    ];
    expect(counterAccounts(lines, '101', true)).toEqual(['501', '50101']);
    // Seen from the credit side (a 101 credit line), no other account is debited: all others, once each.
    expect(counterAccounts(lines, '101', false)).toEqual(['501', '50101']);
  });
  it('agrees with the array-and-Set form on any voucher', () => {
    const line = fc.record({ account: fc.constantFrom('101', '10101', '1010101', '102', '501', '50101', '513'), debit: fc.constantFrom(0, 5, 100), credit: fc.constantFrom(0, 7) });
    fc.assert(fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('101', '102', '10101'), fc.boolean(), (lines, account, isDebit) => {
      expect(counterAccounts(lines, account, isDebit)).toEqual(reference(lines, account, isDebit));
    }), { numRuns: 1000 });
  });
});
