/**
 * 凭证建议 — proposed vouchers for contract money, for a person to confirm and enter. They are
 * plain Voucher values numbered 建议-0001 …; nothing here posts them. Each is balanced:
 * Dr 102 银行存款 = Cr income account (501/502 or the contract's sub-account) + Cr 211 for the
 * part passed through to households (代收代付) or held as a deposit (押金).
 */
import { D, type Fen } from '../money';
import type { IsoDate, Voucher, VoucherLine } from '../ledger/types';
import { ZH_OF_KIND, type Contract } from './contract';
import type { ContractPosition } from './arrears';
import type { ContractLedger } from './receipts';

const BANK = '102';

function receiptVoucher(c: Contract, date: IsoDate, summary: string, income: Fen, liability: Fen): Voucher {
  const tag = { contract: c.no, counterparty: c.counterparty };
  const lines: VoucherLine[] = [{ account: BANK, debit: income + liability, credit: 0, summary, ...tag }];
  if (income > 0) lines.push({ account: c.incomeAccount, debit: 0, credit: income, summary, ...tag });
  if (liability > 0) lines.push({ account: c.liabilityAccount, debit: 0, credit: liability, summary, ...tag });
  return { date, number: '', summary, lines };
}

/**
 * Proposals for open items due in [from, to] (one per item, for the outstanding part) and for a
 * deposit the ledger has not yet recorded on a contract starting in the range.
 */
export function proposeVouchers(contracts: readonly Contract[], positions: ReadonlyMap<string, ContractPosition>, ledger: ContractLedger, from: IsoDate, to: IsoDate): Voucher[] {
  const out: Voucher[] = [];
  for (const c of contracts) {
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
      out.push(receiptVoucher(c, o.item.dueDate, `收到${c.counterparty}${period}${what}（${c.no}）`, income, o.outstanding - income));
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  out.forEach((v, i) => (v.number = `建议-${String(i + 1).padStart(4, '0')}`));
  return out;
}
