/**
 * 凭证建议 — proposed vouchers for contract money, for a person to confirm and enter. They are
 * plain Voucher values numbered 建议-0001 …; nothing here posts them. Each is balanced:
 * Dr 102 银行存款 = Cr income account (501/502 or the contract's sub-account) + Cr 211 for the
 * part passed through to households (代收代付) or held as a deposit (押金).
 * A cooperative dividend earned in a year but due the next is accrued at year end (Dr 112 应收款 /
 * Cr 502, DOMAIN.md §4); its receipt then clears 112 instead of booking income twice. Receipts
 * found on a wrong account, and household rent booked as income, get a correcting entry (调账).
 */
import { D, type Fen } from '../money';
import type { IsoDate, Voucher, VoucherLine } from '../ledger/types';
import { ZH_OF_KIND, type Contract } from './contract';
import type { ContractPosition } from './arrears';
import type { ContractLedger } from './receipts';
import type { DueItem } from './schedule';

const BANK = '102';

const RECEIVABLE = '112';

function receiptVoucher(c: Contract, date: IsoDate, summary: string, income: Fen, liability: Fen, accrued = 0): Voucher {
  const tag = { contract: c.no, counterparty: c.counterparty };
  const lines: VoucherLine[] = [{ account: BANK, debit: income + liability, credit: 0, summary, ...tag }];
  if (accrued > 0) lines.push({ account: RECEIVABLE, debit: 0, credit: accrued, summary, ...tag });
  if (income - accrued > 0) lines.push({ account: c.incomeAccount, debit: 0, credit: income - accrued, summary, ...tag });
  if (liability > 0) lines.push({ account: c.liabilityAccount, debit: 0, credit: liability, summary, ...tag });
  return { date, number: '', summary, lines };
}

/**
 * Proposals for open items due in [from, to] (one per item, for the outstanding part) and for a
 * deposit the ledger has not yet recorded on a contract starting in the range.
 */
export function proposeVouchers(
  contracts: readonly Contract[],
  due: ReadonlyMap<string, readonly DueItem[]>,
  positions: ReadonlyMap<string, ContractPosition>,
  ledger: ContractLedger,
  from: IsoDate,
  to: IsoDate,
  passThroughExcess: readonly { contract: string; year: number; amount: Fen }[] = [],
): Voucher[] {
  const out: Voucher[] = [...reclassProposals(contracts, ledger, passThroughExcess, from, to)];
  const accruedIn = (c: Contract, year: number): Fen =>
    ledger.accruals.filter((a) => a.contract === c.no && a.date.startsWith(String(year))).reduce((t, a) => t + a.amount, 0);
  for (const c of contracts) {
    if (c.kind === 'coop') out.push(...accrualProposals(c, due.get(c.no) ?? [], ledger, accruedIn, from, to));
    const kindZh = ZH_OF_KIND[c.kind];
    if (c.deposit > 0 && c.start >= from && c.start <= to) {
      const held = ledger.deposits.filter((d) => d.contract === c.no).reduce((a, d) => a + d.amount, 0);
      if (held < c.deposit) out.push(receiptVoucher(c, c.start, `收到${c.counterparty}${kindZh}押金（${c.no}）`, 0, c.deposit - held));
    }
    for (const o of positions.get(c.no)?.items ?? []) {
      if (o.item.dueDate < from || o.item.dueDate > to) continue;
      // Split the outstanding part between income and pass-through in the item's own proportion.
      const income = o.item.income === o.item.amount ? o.outstanding : new D(o.outstanding).times(o.item.income).div(o.item.amount).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
      const what = c.kind === 'coop' ? '分红' : c.kind === 'pv' ? (o.item.component === 'subsidy' ? '光伏补贴电费' : '光伏电费') : '租金';
      const period = o.item.month ?? String(o.item.year);
      const accrued = o.item.dueDate > `${o.item.year}-12-31` ? Math.min(income, accruedIn(c, o.item.year)) : 0;
      out.push(receiptVoucher(c, o.item.dueDate, `收到${c.counterparty}${period}${what}（${c.no}）`, income, o.outstanding - income, accrued));
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  out.forEach((v, i) => (v.number = `建议-${String(i + 1).padStart(4, '0')}`));
  return out;
}

/** Year-end accruals of dividends earned in a year whose year end lies in [from, to] but fall due later. */
function accrualProposals(c: Contract, items: readonly DueItem[], ledger: ContractLedger, accruedIn: (c: Contract, y: number) => Fen, from: IsoDate, to: IsoDate): Voucher[] {
  const out: Voucher[] = [];
  for (const item of items) {
    const yearEnd = `${item.year}-12-31`;
    if (item.component !== 'dividend' || yearEnd < from || yearEnd > to || item.dueDate <= yearEnd) continue;
    // Paid ahead by the year end? Receipts settle items oldest first, so only what is left after the earlier items counts.
    const byYearEnd = ledger.receipts.filter((r) => r.contract === c.no && r.date <= yearEnd).reduce((t, r) => t + r.amount, 0);
    const earlier = items.filter((i) => i.dueDate < item.dueDate).reduce((t, i) => t + i.amount, 0);
    const paid = Math.min(item.amount, Math.max(0, byYearEnd - earlier));
    const need = item.income - accruedIn(c, item.year) - paid;
    if (need <= 0) continue;
    const summary = `计提${c.counterparty}${item.year}年分红（${c.no}）`;
    const tag = { contract: c.no, counterparty: c.counterparty, summary };
    out.push({ date: yearEnd, number: '', summary, lines: [{ account: RECEIVABLE, debit: need, credit: 0, ...tag }, { account: c.incomeAccount, debit: 0, credit: need, ...tag }] });
  }
  return out;
}

/**
 * 调账 — correcting entries dated at the period end: a receipt on a wrong account moves to the
 * contract's income account; household rent booked as income (代收代付) moves to the liability.
 */
function reclassProposals(contracts: readonly Contract[], ledger: ContractLedger, excess: readonly { contract: string; year: number; amount: Fen }[], from: IsoDate, to: IsoDate): Voucher[] {
  const byNo = new Map(contracts.map((c) => [c.no, c]));
  const out: Voucher[] = [];
  const move = (c: Contract, dr: string, cr: string, fen: Fen, summary: string): Voucher => {
    const tag = { contract: c.no, counterparty: c.counterparty, summary };
    return { date: to, number: '', summary, lines: [{ account: dr, debit: fen, credit: 0, ...tag }, { account: cr, debit: 0, credit: fen, ...tag }] };
  };
  for (const m of ledger.misbooked) {
    const c = byNo.get(m.contract);
    if (!c || m.amount <= 0 || m.date < from || m.date > to) continue;
    out.push(move(c, m.account, c.incomeAccount, m.amount, `调整${m.date}凭证${m.voucher}的收入科目（${c.no}）`));
  }
  for (const e of excess) {
    const c = byNo.get(e.contract);
    if (!c || `${e.year}-12-31` < from || `${e.year}-01-01` > to) continue;
    out.push(move(c, c.incomeAccount, c.liabilityAccount, e.amount, `${e.year}年代收农户流转费转应付款（${c.no}）`));
  }
  return out;
}
