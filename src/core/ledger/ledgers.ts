/**
 * Books as plain data: 总账 (general ledger), 明细账 (detail ledger) and 日记账 (cash and bank
 * day books). Renderers turn them into sheets; nothing here formats or writes.
 *
 * Balances are kept net (debit-positive) and also given as 借/贷/平 with the absolute amount,
 * the way the printed books show them. All posted vouchers count, closing vouchers included.
 */
import type { Fen } from '../money';
import { monthOf, nextMonth, type LedgerInput } from './balances';
import type { IsoDate, Voucher, VoucherLine, YearMonth } from './types';

/** 借 / 贷 / 平 — the side a balance is on. */
export type BalanceSide = '借' | '贷' | '平';

export function sideOf(net: Fen): BalanceSide {
  return net > 0 ? '借' : net < 0 ? '贷' : '平';
}

export interface GeneralLedgerMonth {
  month: YearMonth;
  /** 本月合计 */
  debit: Fen;
  credit: Fen;
  /** 本年累计 */
  ytdDebit: Fen;
  ytdCredit: Fen;
  /** Net balance at month end, and as printed. */
  balance: Fen;
  side: BalanceSide;
  amount: Fen;
}

export interface GeneralLedgerAccount {
  code: string;
  name: string;
  /** 年初余额, net. */
  opening: Fen;
  months: GeneralLedgerMonth[];
}

export interface LedgerEntry {
  date: IsoDate;
  number: string;
  summary: string;
  debit: Fen;
  credit: Fen;
  /** Running net balance after this line, and as printed. */
  balance: Fen;
  side: BalanceSide;
  amount: Fen;
}

export interface DetailLedgerAccount {
  code: string;
  name: string;
  /** Net balance brought forward to `from` (year opening + earlier months). */
  opening: Fen;
  entries: LedgerEntry[];
  debit: Fen;
  credit: Fen;
  closing: Fen;
}

export interface DayBookEntry extends LedgerEntry {
  /** 对方科目: the other accounts of the voucher (those on the other side when there are any). */
  counterAccounts: string[];
}

export interface DayBook {
  code: string;
  name: string;
  opening: Fen;
  entries: DayBookEntry[];
  debit: Fen;
  credit: Fen;
  closing: Fen;
}

type Range = { from?: YearMonth; to?: YearMonth };

const yearOf = (input: LedgerInput & Range): number => Number((input.from ?? input.to ?? input.vouchers[0]?.date ?? '0').slice(0, 4));

/** Vouchers in date order (stable: same-day vouchers keep their order). */
function byDate(vouchers: readonly Voucher[]): Voucher[] {
  return [...vouchers].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const under = (code: string, root: string): boolean => code.startsWith(root) && (code.length - root.length) % 2 === 0;

/**
 * 总账: one entry per first-level account that has an opening or any activity, with the
 * months from 01 to `to` (default: the last month with activity, at least 01).
 */
export function generalLedger(input: LedgerInput & { to?: YearMonth }): GeneralLedgerAccount[] {
  const { chart } = input;
  const year = yearOf(input);
  let to = input.to ?? `${year}-01`;
  if (input.to === undefined) for (const v of input.vouchers) if (monthOf(v.date) > to) to = monthOf(v.date);
  const months: YearMonth[] = [];
  // No `to` and no vouchers: only the openings, no month rows.
  if (input.to !== undefined || input.vouchers.length > 0) for (let m = `${year}-01`; m <= to; m = nextMonth(m)) months.push(m);
  const index = new Map(months.map((m, i) => [m, i]));
  const acc = new Map<string, { opening: Fen; debit: Fen[]; credit: Fen[] }>();
  const get = (code: string) => {
    const root = chart.root(code);
    let a = acc.get(root);
    if (!a) acc.set(root, (a = { opening: 0, debit: months.map(() => 0), credit: months.map(() => 0) }));
    return a;
  };
  for (const o of input.opening) get(o.account).opening += o.debit - o.credit;
  for (const v of input.vouchers) {
    const i = index.get(monthOf(v.date));
    if (i === undefined) continue;
    for (const l of v.lines) {
      const a = get(l.account);
      a.debit[i]! += l.debit;
      a.credit[i]! += l.credit;
    }
  }
  const out: GeneralLedgerAccount[] = [];
  for (const code of chart.order) {
    const a = acc.get(code);
    if (!a || chart.get(code)!.level !== 1) continue;
    let bal = a.opening;
    let ytdDebit = 0;
    let ytdCredit = 0;
    const rows = months.map((month, i) => {
      const debit = a.debit[i]!;
      const credit = a.credit[i]!;
      ytdDebit += debit;
      ytdCredit += credit;
      bal += debit - credit;
      return { month, debit, credit, ytdDebit, ytdCredit, balance: bal, side: sideOf(bal), amount: Math.abs(bal) };
    });
    out.push({ code, name: chart.get(code)!.name, opening: a.opening, months: rows });
  }
  return out;
}

function entry(v: Voucher, summary: string | undefined, debit: Fen, credit: Fen, balance: Fen): LedgerEntry {
  return { date: v.date, number: v.number, summary: summary ?? v.summary, debit, credit, balance, side: sideOf(balance), amount: Math.abs(balance) };
}

/**
 * 对方科目 of a day-book line: the voucher's accounts outside the book's account, those on the
 * other side (credited when the line is a debit, and the reverse) when there are any, else all
 * of them; each once, in the order they first appear. Two passes over a voucher's few lines
 * without intermediate arrays: it runs once per cash and bank line.
 */
export function counterAccounts(lines: readonly VoucherLine[], account: string, isDebit: boolean): string[] {
  const opposite: string[] = [];
  for (const o of lines) {
    if ((isDebit ? o.credit !== 0 : o.debit !== 0) && !under(o.account, account) && !opposite.includes(o.account)) opposite.push(o.account);
  }
  if (opposite.length > 0) return opposite;
  const others: string[] = [];
  for (const o of lines) if (!under(o.account, account) && !others.includes(o.account)) others.push(o.account);
  return others;
}

/**
 * 明细账: every leaf account (or the leaves at or under `accounts`) with its lines from..to in
 * date order and a running balance. Accounts with no opening and no lines are left out.
 */
export function detailLedger(input: LedgerInput & Range & { accounts?: readonly string[] }): DetailLedgerAccount[] {
  const { chart } = input;
  const from = input.from ?? '';
  const toNext = input.to === undefined ? '\uffff' : nextMonth(input.to);
  const wanted = (code: string): boolean => input.accounts === undefined || input.accounts.some((a) => under(code, a));
  const books = new Map<string, DetailLedgerAccount>();
  const get = (code: string): DetailLedgerAccount => {
    let b = books.get(code);
    if (!b) books.set(code, (b = { code, name: chart.get(code)?.name ?? '', opening: 0, entries: [], debit: 0, credit: 0, closing: 0 }));
    return b;
  };
  for (const o of input.opening) if (wanted(o.account)) get(o.account).opening += o.debit - o.credit;
  for (const v of byDate(input.vouchers)) {
    if (v.date >= toNext) break;
    for (const l of v.lines) {
      if (!wanted(l.account)) continue;
      const b = get(l.account);
      if (v.date < from) {
        b.opening += l.debit - l.credit;
        continue;
      }
      b.debit += l.debit;
      b.credit += l.credit;
      b.entries.push(entry(v, l.summary, l.debit, l.credit, b.opening + b.debit - b.credit));
    }
  }
  const out: DetailLedgerAccount[] = [];
  const place = (b: DetailLedgerAccount): void => {
    b.closing = b.opening + b.debit - b.credit;
    if (b.opening !== 0 || b.entries.length > 0) out.push(b);
  };
  for (const code of chart.order) {
    const b = books.get(code);
    if (b) place(b);
  }
  // Codes outside the chart (already findings elsewhere) still get their page, last.
  for (const [code, b] of books) if (!chart.get(code)) place(b);
  return out;
}

/**
 * 日记账 for `account` (101 库存现金 or 102 银行存款, sub-accounts included): every line that
 * touches it from..to, with the counter-accounts and the running balance.
 */
export function dayBook(input: LedgerInput & Range & { account: string }): DayBook {
  const { chart, account } = input;
  const from = input.from ?? '';
  const toNext = input.to === undefined ? '\uffff' : nextMonth(input.to);
  const book: DayBook = { code: account, name: chart.get(account)?.name ?? '', opening: 0, entries: [], debit: 0, credit: 0, closing: 0 };
  for (const o of input.opening) if (under(o.account, account)) book.opening += o.debit - o.credit;
  for (const v of byDate(input.vouchers)) {
    if (v.date >= toNext) break;
    for (const l of v.lines) {
      if (!under(l.account, account)) continue;
      if (v.date < from) {
        book.opening += l.debit - l.credit;
        continue;
      }
      book.debit += l.debit;
      book.credit += l.credit;
      const e = entry(v, l.summary, l.debit, l.credit, book.opening + book.debit - book.credit) as DayBookEntry;
      e.counterAccounts = counterAccounts(v.lines, account, l.debit !== 0);
      book.entries.push(e);
    }
  }
  book.closing = book.opening + book.debit - book.credit;
  return book;
}
