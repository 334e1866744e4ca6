/** fast-check properties of the ledger invariants over random balanced books. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildChart } from '../../../src/core/chart/accounts';
import { accountBalances, computeTrialBalance, nextMonth, rollUp } from '../../../src/core/ledger/balances';
import { closeYear, reverseVoucher } from '../../../src/core/ledger/close';
import { buildBalanceSheet } from '../../../src/core/statements/balance-sheet';
import { buildIncomeStatement } from '../../../src/core/statements/income-statement';
import type { OpeningBalance, Voucher } from '../../../src/core/ledger/types';

const { chart } = buildChart([
  { code: '10201', name: '工商银行' }, { code: '10202', name: '农商银行' },
  { code: '11301', name: '张三' }, { code: '11302', name: '李四' },
  { code: '50101', name: '土地发包' }, { code: '50102', name: '光伏' }, { code: '5010201', name: '电费' }, { code: '5010202', name: '补贴' },
  { code: '51301', name: '办公费' },
  { code: '32201', name: '各项分配' }, { code: '3220101', name: '提取公积公益金' }, { code: '3220102', name: '向成员分配' }, { code: '32202', name: '未分配收益' },
]);
const leaves = chart.order.filter((c) => chart.isLeaf(c));
const leaf = fc.constantFrom(...leaves);
const amount = fc.integer({ min: 1, max: 10_000_000_000 });
const pair = fc.record({ d: leaf, c: leaf, amount });

const voucher = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  pairs: fc.array(pair, { minLength: 1, maxLength: 3 }),
});

function toVouchers(raw: { month: number; day: number; pairs: { d: string; c: string; amount: number }[] }[]): Voucher[] {
  return raw.map((r, i) => ({
    date: `2025-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
    number: String(i + 1),
    summary: '随机',
    lines: r.pairs.flatMap((p) => [{ account: p.d, debit: p.amount, credit: 0 }, { account: p.c, debit: 0, credit: p.amount }]),
  }));
}

/** A balanced opening: net per account of random pairs, each on its side. */
function toOpening(pairs: { d: string; c: string; amount: number }[]): OpeningBalance[] {
  const net = new Map<string, number>();
  for (const p of pairs) {
    net.set(p.d, (net.get(p.d) ?? 0) + p.amount);
    net.set(p.c, (net.get(p.c) ?? 0) - p.amount);
  }
  return [...net].filter(([, n]) => n !== 0).map(([account, n]) => ({ account, debit: Math.max(n, 0), credit: Math.max(-n, 0) }));
}

const book = fc.record({ opening: fc.array(pair, { maxLength: 8 }), vouchers: fc.array(voucher, { maxLength: 25 }) }).map((b) => ({ opening: toOpening(b.opening), vouchers: toVouchers(b.vouchers) }));
const month = fc.integer({ min: 1, max: 12 }).map((m) => `2025-${String(m).padStart(2, '0')}`);

describe('ledger properties', () => {
  it('trial balance: debits = credits in all three column pairs; parents = Σ children', () => {
    fc.assert(
      fc.property(book, month, month, (b, m1, m2) => {
        const [from, to] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const tb = computeTrialBalance({ chart, ...b, from, to });
        expect(tb.totals.openingDebit).toBe(tb.totals.openingCredit);
        expect(tb.totals.periodDebit).toBe(tb.totals.periodCredit);
        expect(tb.totals.closingDebit).toBe(tb.totals.closingCredit);
        const rows = new Map(tb.rows.map((r) => [r.code, r]));
        for (const r of tb.rows) {
          const kids = chart.children(r.code).map((k) => rows.get(k)).filter((k) => k !== undefined);
          if (kids.length === 0) continue;
          const sum = (f: (x: typeof r) => number) => kids.reduce((t, k) => t + f(k), 0);
          expect(r.openingDebit - r.openingCredit).toBe(sum((k) => k.openingDebit - k.openingCredit));
          expect(r.periodDebit).toBe(sum((k) => k.periodDebit));
          expect(r.periodCredit).toBe(sum((k) => k.periodCredit));
          expect(r.closingDebit - r.closingCredit).toBe(sum((k) => k.closingDebit - k.closingCredit));
        }
        // Every first-level account has a row; the opening of `from` is the closing of the month before.
        expect(tb.rows.filter((r) => r.level === 1)).toHaveLength(42);
        if (from > '2025-01') {
          const prev = computeTrialBalance({ chart, ...b, from: '2025-01', to: `2025-${String(Number(from.slice(5)) - 1).padStart(2, '0')}` });
          const prevRows = new Map(prev.rows.map((r) => [r.code, r]));
          for (const r of tb.rows) {
            const p = prevRows.get(r.code);
            expect([r.openingDebit, r.openingCredit]).toEqual([p?.closingDebit ?? 0, p?.closingCredit ?? 0]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('after closeYear: every 5xx is zero, 321 is zero, the balance sheet balances, the retained line matches 322', () => {
    fc.assert(
      fc.property(book, (b) => {
        const closing = closeYear({ chart, ...b, year: 2025 });
        const all = [...b.vouchers, ...closing];
        for (const v of closing) expect(v.lines.reduce((t, l) => t + l.debit - l.credit, 0)).toBe(0);
        const bal = rollUp(chart, accountBalances({ opening: b.opening, vouchers: all }));
        for (const code of chart.order) {
          const cat = chart.get(code)!.category;
          if (cat === 'income' || cat === 'expense' || code === '321' || code.startsWith('32201')) expect(bal.get(code) ?? 0).toBe(0);
        }
        const bs = buildBalanceSheet({ chart, ...b, vouchers: all, to: '2025-12' });
        expect(bs.findings).toEqual([]);
        const row = (k: string) => bs.rows.find((r) => r.key === k)!;
        expect(row('totalAssets').end).toBe(row('totalLiabilitiesAndEquity').end);
        expect(row('totalAssets').begin).toBe(row('totalLiabilitiesAndEquity').begin);
        expect(row('retained').end).toBe(-(bal.get('322') ?? 0) || 0);
        // Re-closing the closed book changes nothing.
        expect(closeYear({ chart, ...b, vouchers: all, year: 2025 })).toEqual(closing);
      }),
      { numRuns: 150 },
    );
  });

  it('after closeYear, 年末未分配收益 is the closing 322 whatever the distributions (no direct 321 postings)', () => {
    const no321 = fc.constantFrom(...leaves.filter((c) => c !== '321'));
    const pair321 = fc.record({ d: no321, c: no321, amount });
    const v321 = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), pairs: fc.array(pair321, { minLength: 1, maxLength: 3 }) });
    // A new year opens with no P&L balances (the prior year was closed; see opening.pl-balance).
    const balanceSheetLeaf = fc.constantFrom(...leaves.filter((c) => c !== '321' && !['income', 'expense'].includes(chart.get(c)!.category)));
    const openPair = fc.record({ d: balanceSheetLeaf, c: balanceSheetLeaf, amount });
    const book321 = fc.record({ opening: fc.array(openPair, { maxLength: 8 }), vouchers: fc.array(v321, { maxLength: 25 }) }).map((b) => ({ opening: toOpening(b.opening), vouchers: toVouchers(b.vouchers) }));
    fc.assert(
      fc.property(book321, (b) => {
        const all = [...b.vouchers, ...closeYear({ chart, ...b, year: 2025 })];
        const is = buildIncomeStatement({ chart, ...b, vouchers: all, from: '2025-01', to: '2025-12' });
        // Random debits to 32202 are distributions of no class: findings, but the statement still ties to 322.
        expect(is.findings.filter((f) => f.rule !== 'distribution.no-subaccount')).toEqual([]);
        const end = rollUp(chart, accountBalances({ opening: b.opening, vouchers: all }));
        expect(is.rows.find((r) => r.key === 'retainedClosing')!.amount).toBe(-(end.get('322') ?? 0) || 0);
      }),
      { numRuns: 150 },
    );
  });

  it('the balance sheet balances in every month, before any close', () => {
    fc.assert(
      fc.property(book, month, (b, to) => {
        const bs = buildBalanceSheet({ chart, ...b, to });
        expect(bs.findings).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('income statement: 净收益 is the P&L of every income and expense account', () => {
    fc.assert(
      fc.property(book, (b) => {
        const is = buildIncomeStatement({ chart, ...b, from: '2025-01', to: '2025-12' });
        const subtotal = is.findings.filter((f) => f.rule === 'is.subtotal');
        expect(subtotal).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('a reversal and its original net to zero on every account', () => {
    fc.assert(
      fc.property(book, (b) => {
        const reversals = b.vouchers.map((v, i) => reverseVoucher(v, { date: '2025-12-31', number: String(1000 + i) }));
        const net = accountBalances({ vouchers: [...b.vouchers, ...reversals] });
        for (const n of net.values()) expect(n).toBe(0);
        for (const [i, r] of reversals.entries()) expect(r.reverses).toEqual({ month: b.vouchers[i]!.date.slice(0, 7), number: b.vouchers[i]!.number });
      }),
      { numRuns: 100 },
    );
  });

  it('nextMonth', () => {
    expect([nextMonth('2025-01'), nextMonth('2025-09'), nextMonth('2025-12')]).toEqual(['2025-02', '2025-10', '2026-01']);
  });
});
