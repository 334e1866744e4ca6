/**
 * Account balances and the 科目余额表 (trial balance). This is the hot path: one pass over the
 * vouchers, integer fen, one Map entry per account (never per line), month tests by string
 * comparison on the ISO date (no slicing, no Date objects).
 *
 * Sign convention everywhere in the ledger: a "net" amount is debit-positive (debit − credit).
 */
import type { Chart } from '../chart/accounts';
import type { Fen } from '../money';
import type { OpeningBalance, Voucher, YearMonth } from './types';
import { nextMonth } from '../calendar';

/** What every ledger computation reads. */
export interface LedgerInput {
  chart: Chart;
  opening: readonly OpeningBalance[];
  vouchers: readonly Voucher[];
}

export interface TrialBalanceRow {
  code: string;
  name: string;
  level: number;
  openingDebit: Fen;
  openingCredit: Fen;
  periodDebit: Fen;
  periodCredit: Fen;
  closingDebit: Fen;
  closingCredit: Fen;
}

/** The six amount columns, summed over the first-level rows. */
export type TrialBalanceTotals = Omit<TrialBalanceRow, 'code' | 'name' | 'level'>;

export interface TrialBalance {
  from: YearMonth;
  to: YearMonth;
  rows: TrialBalanceRow[];
  totals: TrialBalanceTotals;
}

export { monthOf, nextMonth } from '../calendar';

/**
 * Date-range test without allocation: an ISO date 'YYYY-MM-DD' compares greater than its own
 * month 'YYYY-MM' and less than the next month, so `date >= from && date < nextMonth(to)`
 * selects the months from..to inclusive.
 */
interface Window {
  from: string;
  toNext: string;
}

function windowOf(from: YearMonth | undefined, to: YearMonth | undefined): Window {
  return { from: from ?? '', toNext: to === undefined ? '\uffff' : nextMonth(to) };
}

/** Per-account accumulator; one object per account, never per line. */
interface Acc {
  before: Fen;
  debit: Fen;
  credit: Fen;
}

/**
 * One pass: year opening and activity before `from` go to `before`; activity in from..to to
 * debit/credit; later activity is ignored. Red-ink lines (negative amounts) stay on their side.
 */
function accumulate(
  opening: readonly OpeningBalance[],
  vouchers: readonly Voucher[],
  from: YearMonth | undefined,
  to: YearMonth | undefined,
  excludeGenerated: boolean,
): Map<string, Acc> {
  const w = windowOf(from, to);
  const m = new Map<string, Acc>();
  for (const o of opening) {
    let a = m.get(o.account);
    if (a === undefined) m.set(o.account, (a = { before: 0, debit: 0, credit: 0 }));
    a.before += o.debit - o.credit;
  }
  for (let i = 0; i < vouchers.length; i++) {
    const v = vouchers[i] as Voucher;
    if (excludeGenerated && v.generated !== undefined) continue;
    const d = v.date;
    if (d >= w.toNext) continue;
    const inside = d >= w.from;
    const lines = v.lines;
    for (let j = 0; j < lines.length; j++) {
      const l = lines[j]!;
      let a = m.get(l.account);
      if (a === undefined) m.set(l.account, (a = { before: 0, debit: 0, credit: 0 }));
      if (inside) {
        a.debit += l.debit;
        a.credit += l.credit;
      } else a.before += l.debit - l.credit;
    }
  }
  return m;
}

/**
 * Net (debit-positive) amount per posted account code: the year opening (only when `opening` is
 * given) plus the activity of the months from..to (either bound may be left open; activity
 * before `from` is left out). So `{opening, vouchers, to}` is the balance as of `to`, and
 * `{vouchers, from, to}` is the period's activity. Codes are as posted; use `rollUp` for parents.
 */
export function accountBalances(input: {
  opening?: readonly OpeningBalance[];
  vouchers: readonly Voucher[];
  from?: YearMonth;
  to?: YearMonth;
  /** Leave out generated (closing) vouchers: the year's P&L rather than its closed state. */
  excludeGenerated?: boolean;
}): Map<string, Fen> {
  const acc = accumulate([], input.vouchers, input.from, input.to, input.excludeGenerated ?? false);
  const out = new Map<string, Fen>();
  for (const [k, a] of acc) out.set(k, a.debit - a.credit);
  for (const o of input.opening ?? []) out.set(o.account, (out.get(o.account) ?? 0) + o.debit - o.credit);
  return out;
}

/**
 * Add every account's amount into all its ancestors (per level, deepest first). Unknown codes
 * are kept as they are and reach no parent. Returns a new map holding every account that has
 * an amount, parents included.
 */
export function rollUp(chart: Chart, leaf: ReadonlyMap<string, Fen>): Map<string, Fen> {
  const out = new Map<string, Fen>(leaf);
  const order = chart.order;
  for (let i = order.length - 1; i >= 0; i--) {
    const code = order[i]!;
    const n = out.get(code);
    const p = chart.get(code)?.parent;
    if (n === undefined || p === undefined) continue;
    out.set(p, (out.get(p) ?? 0) + n);
  }
  return out;
}

/**
 * 科目余额表 for the months from..to. Opening = year opening + activity before `from`. Every
 * account with any amount and every first-level account gets a row, in chart order; parents
 * are the sums of their children. Each balance shows in the debit or credit column by its sign,
 * so contra accounts show credit. Totals are over first-level rows. Codes outside the chart get
 * no row ('line.unknown-account' reports them), so with such lines the totals differ.
 */
export function computeTrialBalance(input: LedgerInput & { from: YearMonth; to: YearMonth }): TrialBalance {
  const { chart } = input;
  const acc = accumulate(input.opening, input.vouchers, input.from, input.to, false);
  // Roll up per level, deepest first: chart.order lists every parent before its children.
  const order = chart.order;
  for (let i = order.length - 1; i >= 0; i--) {
    const code = order[i]!;
    const a = acc.get(code);
    const p = chart.get(code)?.parent;
    if (a === undefined || p === undefined) continue;
    let pa = acc.get(p);
    if (pa === undefined) acc.set(p, (pa = { before: 0, debit: 0, credit: 0 }));
    pa.before += a.before;
    pa.debit += a.debit;
    pa.credit += a.credit;
  }
  const rows: TrialBalanceRow[] = [];
  const totals: TrialBalanceTotals = { openingDebit: 0, openingCredit: 0, periodDebit: 0, periodCredit: 0, closingDebit: 0, closingCredit: 0 };
  for (const code of order) {
    const account = chart.get(code)!;
    const a = acc.get(code);
    if (a === undefined && account.level !== 1) continue;
    const before = a?.before ?? 0;
    const debit = a?.debit ?? 0;
    const credit = a?.credit ?? 0;
    const closing = before + debit - credit;
    const row: TrialBalanceRow = {
      code,
      name: account.name,
      level: account.level,
      openingDebit: before > 0 ? before : 0,
      openingCredit: before < 0 ? -before : 0,
      periodDebit: debit,
      periodCredit: credit,
      closingDebit: closing > 0 ? closing : 0,
      closingCredit: closing < 0 ? -closing : 0,
    };
    rows.push(row);
    if (account.level === 1) {
      totals.openingDebit += row.openingDebit;
      totals.openingCredit += row.openingCredit;
      totals.periodDebit += row.periodDebit;
      totals.periodCredit += row.periodCredit;
      totals.closingDebit += row.closingDebit;
      totals.closingCredit += row.closingCredit;
    }
  }
  return { from: input.from, to: input.to, rows, totals };
}
