/**
 * What the ledger says each contract received, and whether it was booked to the right account.
 *
 * A line belongs to a contract when it carries the contract number (VoucherLine.contract), or,
 * failing that, when it is an untagged credit on an income or payable account whose counterparty
 * is the contract's and whose amount equals one of the contract's due amounts (an info finding
 * asks the accountant to tag it).
 *
 * Classification of a contract's lines (amounts are credit − debit, so red-ink reversals net):
 * - receipt: a credit on 501/502/504/211/112 (or sub-accounts) in a voucher that debits cash
 *   (101/102): money came in. A voucher without cash (Dr 112 应收款 / Cr 502) is an accrual, and the
 *   later Dr 102 / Cr 112 is the receipt, so nothing is counted twice.
 * - deposit: a line on the liability account whose summary names 押金/保证金/保障金 — a
 *   liability movement, never income and never rent.
 * - accrual: a tagged income credit in a voucher that debits 112 应收款 and no cash — income
 *   recognised before the money (the later receipt is then Dr 102 / Cr 112).
 * - spending: debits on expense accounts (511 经营支出, 514 公益支出, …), used by the PV use check.
 *
 * Booking rules (DOMAIN.md §4): land, lease and PV income → 501 经营收入; cooperative returns →
 * 502 投资收益; deposits and rent passed through to households → 211 应付款. Anything else on a
 * contract's receipt is 'contract.wrong-account'.
 */
import { finding, type Finding } from '../findings';
import { formatFen, type Fen } from '../money';
import type { IsoDate, Voucher, VoucherLine } from '../ledger/types';
import type { Contract } from './contract';
import { CHART_2023 } from '../chart/chart-2023';
import type { DueItem } from './schedule';

export interface Receipt {
  contract: string;
  date: IsoDate;
  voucher: string;
  account: string;
  /** Gross amount received toward what is due (income + pass-through). */
  amount: Fen;
  /** Part of `amount` booked as income (501/502/504). */
  income: Fen;
  matchedBy: 'tag' | 'counterparty';
}

export interface ContractLedger {
  receipts: Receipt[];
  /** Deposit lines (credit − debit): the balance held. */
  deposits: { contract: string; date: IsoDate; amount: Fen }[];
  /** 应收款 accruals: tagged income credits in vouchers that debit 112 and no cash (Dr 112 / Cr 502 at year end). */
  accruals: { contract: string; date: IsoDate; amount: Fen }[];
  /** Receipts credited to an account the booking rules do not allow (with the net amount). */
  misbooked: { contract: string; date: IsoDate; voucher: string; account: string; amount: Fen }[];
  /** Expense lines tagged with a contract (debit − credit), by account. */
  spending: { contract: string; date: IsoDate; account: string; amount: Fen }[];
  findings: Finding[];
}

const CASH = ['101', '102'];
const RECEIPT_ACCOUNTS = ['501', '502', '503', '504', '211', '112'];
/** Income accounts (收入类) of the chart: 501 … 504. */
const INCOME = CHART_2023.filter((a) => a.category === 'income').map((a) => a.code);
const DEPOSIT_RE = /押金|保证金|保障金/;

const under = (code: string, roots: readonly string[]): boolean => roots.some((r) => code.startsWith(r));

/** The first-level accounts a contract's receipts may be credited to. */
export function allowedReceiptRoots(c: Contract): readonly string[] {
  return [c.kind === 'coop' ? '502' : '501', '211', '112'];
}

function at(l: VoucherLine): { sheet?: string; row?: number } {
  return l.source ? { sheet: l.source.sheet, row: l.source.row } : {};
}

/** Reads the ledger for every contract; `due` (by contract) serves the counterparty fallback. */
export function readContractLedger(contracts: readonly Contract[], vouchers: readonly Voucher[], due: ReadonlyMap<string, readonly DueItem[]>): ContractLedger {
  const byNo = new Map(contracts.map((c) => [c.no, c]));
  const byCounterparty = new Map<string, Contract[]>();
  for (const c of contracts) byCounterparty.set(c.counterparty, [...(byCounterparty.get(c.counterparty) ?? []), c]);
  const out: ContractLedger = { receipts: [], deposits: [], accruals: [], misbooked: [], spending: [], findings: [] };
  for (const v of vouchers) {
    const cashIn = v.lines.some((l) => under(l.account, CASH) && l.debit - l.credit > 0);
    const accrues = v.lines.some((l) => l.account.startsWith('112') && l.debit - l.credit > 0);
    for (const l of v.lines) {
      if (under(l.account, CASH)) continue;
      const net = l.credit - l.debit;
      let c = l.contract !== undefined && l.contract !== '' ? byNo.get(l.contract) : undefined;
      let matchedBy: Receipt['matchedBy'] = 'tag';
      if (l.contract && !c) {
        out.findings.push(finding('contract.unknown-tag', 'warning', `凭证${v.number}（${v.date}）的合同编号"${l.contract}"在合同表中不存在`, `voucher ${v.number} (${v.date}) names contract "${l.contract}", which is not in the register`, { ...at(l), column: '合同编号' }));
        continue;
      }
      if (!c) {
        c = matchByCounterparty(l, net, cashIn, byCounterparty, due);
        if (!c) continue;
        matchedBy = 'counterparty';
        out.findings.push(finding('contract.matched-untagged', 'info', `凭证${v.number}（${v.date}）按对方单位和金额匹配到合同${c.no}，请填写合同编号`, `voucher ${v.number} (${v.date}) matched contract ${c.no} by counterparty and amount; please tag it`, { ...at(l), column: '合同编号' }));
      }
      const summary = l.summary ?? v.summary;
      if (under(l.account, [c.liabilityAccount.slice(0, 3)]) && DEPOSIT_RE.test(summary)) {
        out.deposits.push({ contract: c.no, date: v.date, amount: net });
        continue;
      }
      if (/^5[12]/.test(l.account)) {
        out.spending.push({ contract: c.no, date: v.date, account: l.account, amount: -net });
        continue;
      }
      if (!cashIn && accrues && under(l.account, INCOME) && net !== 0) {
        out.accruals.push({ contract: c.no, date: v.date, amount: net });
        continue;
      }
      if (!cashIn || net === 0) continue;
      if (!under(l.account, allowedReceiptRoots(c)) || (l.account.startsWith('211') && !(c.kind === 'land' && c.passThrough))) {
        const expected = c.kind === 'coop' ? '502 投资收益' : '501 经营收入';
        out.misbooked.push({ contract: c.no, date: v.date, voucher: v.number, account: l.account, amount: net });
        out.findings.push(finding('contract.wrong-account', 'warning', `合同${c.no}的收款记入了${l.account}，应记入${expected}（押金、代收农户租金记211 应付款）`, `contract ${c.no}: receipt booked to ${l.account}; it belongs in ${expected} (deposits and rent passed to households in 211)`, { ...at(l), column: '科目编码' }));
      }
      if (!under(l.account, RECEIPT_ACCOUNTS)) continue;
      out.receipts.push({ contract: c.no, date: v.date, voucher: v.number, account: l.account, amount: net, income: under(l.account, INCOME) ? net : 0, matchedBy });
    }
  }
  return out;
}

function matchByCounterparty(l: VoucherLine, net: Fen, cashIn: boolean, byCp: ReadonlyMap<string, Contract[]>, due: ReadonlyMap<string, readonly DueItem[]>): Contract | undefined {
  if (!cashIn || net <= 0 || !l.counterparty || !under(l.account, RECEIPT_ACCOUNTS)) return undefined;
  const candidates = (byCp.get(l.counterparty.trim()) ?? []).filter((c) => (due.get(c.no) ?? []).some((d) => d.amount === net));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Pass-through land contracts: income booked (501) beyond the service fee due for the year is
 * rent that belongs to households ('contract.pass-through-as-income').
 */
export function checkPassThrough(
  contracts: readonly Contract[],
  receipts: readonly Receipt[],
  due: ReadonlyMap<string, readonly DueItem[]>,
): { findings: Finding[]; excess: { contract: string; year: number; amount: Fen }[] } {
  const out: Finding[] = [];
  const excess: { contract: string; year: number; amount: Fen }[] = [];
  for (const c of contracts) {
    if (c.kind !== 'land' || !c.passThrough) continue;
    const years = new Set(receipts.filter((r) => r.contract === c.no).map((r) => Number(r.date.slice(0, 4))));
    for (const y of years) {
      const income = receipts.filter((r) => r.contract === c.no && r.date.startsWith(String(y))).reduce((a, r) => a + r.income, 0);
      const fee = (due.get(c.no) ?? []).filter((d) => d.year === y).reduce((a, d) => a + d.income, 0);
      if (income > fee) {
        excess.push({ contract: c.no, year: y, amount: income - fee });
        out.push(finding('contract.pass-through-as-income', 'warning', `合同${c.no}（代收代付）${y}年记入收入${formatFen(income)}元，超过服务费${formatFen(fee)}元；代农户收取的租金应记211 应付款`, `contract ${c.no} (pass-through): ${y} income ${formatFen(income)} exceeds the service fee ${formatFen(fee)}; households' rent belongs in 211`, c.row !== undefined ? { sheet: '合同', row: c.row } : {}));
      }
    }
  }
  return { findings: out, excess };
}
