/**
 * The list forms of a disclosure: 收支逐笔公开榜 (cash and bank, one row per voucher, balance
 * brought forward and carried forward), 债权债务公开表 (by counterparty, split by the year the
 * balance arose), 合同公开 (the contract register) and the special disclosures (一事一议,
 * 专项应付款, PV income and its restricted use).
 */
import { addMonths } from '../calendar';
import { accountBalances } from '../ledger/balances';
import type { Voucher } from '../ledger/types';
import type { Fen } from '../money';
import { frame, type DisclosureInput } from './generate';
import { neutralizeText, type ContractDisclosure, type DisclosureColumn, type DisclosureRow, type DisclosureTable, type PvDisclosure } from './model';
import type { DisclosureForm } from './template';

type Form<K extends DisclosureForm['kind']> = Extract<DisclosureForm, { kind: K }>;

const under = (code: string, roots: readonly string[]): boolean => roots.some((r) => code.startsWith(r) && (code.length - r.length) % 2 === 0);

/** Net (debit-positive) balance of `roots` at the end of the month before the period (余额 brought forward). */
function broughtForward(input: DisclosureInput, roots: readonly string[]): Fen {
  const bal = accountBalances({ opening: input.opening, vouchers: input.vouchers, to: addMonths(input.period.from, -1) });
  let t = 0;
  for (const [code, n] of bal) if (under(code, roots)) t += n;
  return t;
}

/** Typed vouchers of the period in date order (stable), closing vouchers left out. */
function periodVouchers(input: DisclosureInput): Voucher[] {
  const { from, to } = input.period;
  return input.vouchers
    .filter((v) => v.generated === undefined && v.date.slice(0, 7) >= from && v.date.slice(0, 7) <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const money = (header: string): DisclosureColumn => ({ header, kind: 'money' });
const text = (header: string): DisclosureColumn => ({ header, kind: 'text' });

/**
 * A running-balance list over `roots`: 上期结转, one row per voucher touching them (debit and credit
 * summed within the voucher), 本期合计 with the balance carried forward. `sign` 1 shows a debit
 * balance positive (cash), -1 a credit balance (funds held: 一事一议, 专项应付款).
 */
function runningList(input: DisclosureInput, roots: readonly string[], sign: 1 | -1): { rows: DisclosureRow[] } {
  let bal = sign * broughtForward(input, roots);
  const rows: DisclosureRow[] = [{ cells: [null, null, '上期结转', null, null, bal || 0] }];
  let inTotal = 0;
  let outTotal = 0;
  for (const v of periodVouchers(input)) {
    let dr = 0;
    let cr = 0;
    for (const l of v.lines) if (under(l.account, roots)) { dr += l.debit; cr += l.credit; }
    if (dr === 0 && cr === 0) continue;
    const inflow = sign === 1 ? dr : cr;
    const outflow = sign === 1 ? cr : dr;
    bal += inflow - outflow;
    inTotal += inflow;
    outTotal += outflow;
    rows.push({ cells: [v.date, v.number, neutralizeText(v.summary), inflow, outflow, bal] });
  }
  rows.push({ cells: [null, null, '本期合计', inTotal, outTotal, bal || 0], total: true });
  return { rows };
}

/** 收支逐笔公开榜: cash and bank (101, 102) voucher by voucher. */
export function cashbookTable(input: DisclosureInput, form: Form<'cashbook'>): DisclosureTable {
  return {
    ...frame(input, form),
    columns: [{ header: '日期', kind: 'date' }, text('凭证号'), { header: '收支内容', kind: 'text', width: 30 }, money('收入'), money('支出'), money('结存')],
    ...runningList(input, form.accounts, 1),
  };
}

/** 一事一议 / 专项资金: funds raised (credit) and used (debit), balance credit-positive. */
export function specialTable(input: DisclosureInput, form: Form<'special'>): DisclosureTable {
  return {
    ...frame(input, form),
    columns: [{ header: '日期', kind: 'date' }, text('凭证号'), text('摘要'), money('筹集（拨入）'), money('使用'), money('结余')],
    ...runningList(input, form.accounts, -1),
  };
}

/** Where opening balances and lines without a 往来单位 go. */
const UNNAMED = '未注明往来单位';

interface Party {
  side: '债权' | '债务';
  account: string;
  name: string;
  balance: Fen;
  /** Movement on the balance's own side this year (debits of a receivable, credits of a payable). */
  grown: Fen;
}

/**
 * 债权债务公开表 as of the period end, one row per account and counterparty (the line's 往来单位;
 * opening balances and untagged lines go to 未注明往来单位). The part of a balance formed this year is at most this year's
 * movement on its side (payments settle the oldest amounts first); the rest is from earlier years.
 */
export function counterpartiesTable(input: DisclosureInput, form: Form<'counterparties'>): DisclosureTable {
  const parties = new Map<string, Party>();
  const sideOf = (code: string): '债权' | '债务' | undefined => (under(code, form.receivables) ? '债权' : under(code, form.payables) ? '债务' : undefined);
  const get = (side: '债权' | '债务', account: string, name: string): Party => {
    const k = `${side}|${account}|${name}`;
    let p = parties.get(k);
    if (!p) parties.set(k, (p = { side, account, name, balance: 0, grown: 0 }));
    return p;
  };
  const nameOf = (code: string): string => input.chart.get(code)?.name ?? code;
  for (const o of input.opening) {
    const side = sideOf(o.account);
    if (side) get(side, o.account, UNNAMED).balance += (side === '债权' ? 1 : -1) * (o.debit - o.credit);
  }
  const to = input.period.to;
  for (const v of input.vouchers) {
    if (v.date.slice(0, 7) > to) continue;
    for (const l of v.lines) {
      const side = sideOf(l.account);
      if (!side) continue;
      const p = get(side, l.account, l.counterparty?.trim() || UNNAMED);
      const s = side === '债权' ? 1 : -1;
      p.balance += s * (l.debit - l.credit);
      p.grown += side === '债权' ? l.debit : l.credit;
    }
  }
  // An account that nets to zero is settled, however its lines were tagged (received from one
  // party, paid on without a tag): it is left out whole.
  const byAccount = new Map<string, Fen>();
  for (const p of parties.values()) byAccount.set(p.account, (byAccount.get(p.account) ?? 0) + p.balance);
  const rows: DisclosureRow[] = [];
  for (const side of ['债权', '债务'] as const) {
    const list = [...parties.values()].filter((p) => p.side === side && p.balance !== 0 && byAccount.get(p.account) !== 0).sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.name.localeCompare(b.name, 'zh')));
    let total = 0;
    let thisYear = 0;
    for (const p of list) {
      const recent = Math.max(0, Math.min(p.balance, p.grown));
      total += p.balance;
      thisYear += recent;
      rows.push({ cells: [side, `${p.account} ${nameOf(p.account)}`, neutralizeText(p.name), p.balance, recent, p.balance - recent] });
    }
    rows.push({ cells: [`${side}合计`, null, null, total, thisYear, total - thisYear], total: true });
  }
  return {
    ...frame(input, form),
    columns: [text('类别'), text('科目'), text('往来单位'), money('期末余额'), money('其中：本年形成'), money('其中：以前年度形成')],
    rows,
  };
}

/** 集体资产资源发包租赁及收益公开表: each contract with the period's amounts due and received and its arrears. */
export function contractsTable(input: DisclosureInput, form: Form<'contracts'>, list: readonly ContractDisclosure[]): DisclosureTable {
  const rows: DisclosureRow[] = list.map((c) => ({ cells: [c.no, c.kind, neutralizeText(c.counterparty), neutralizeText(c.subject), `${c.start} 至 ${c.end}`, c.periodDue, c.periodReceived, c.arrears] }));
  const sum = (f: (c: ContractDisclosure) => Fen): Fen => list.reduce((t, c) => t + f(c), 0);
  rows.push({ cells: ['合计', null, null, null, null, sum((c) => c.periodDue), sum((c) => c.periodReceived), sum((c) => c.arrears)], total: true });
  return {
    ...frame(input, form),
    columns: [text('合同编号'), text('类型'), text('承包（承租）方'), text('标的'), { header: '起止日期', kind: 'text', width: 24 }, money('本期应收'), money('本期实收'), money('累计欠款')],
    rows,
  };
}

/** 光伏收益及使用公开表: income, the station's own costs, net income, the restricted share required and spent. */
export function pvTable(input: DisclosureInput, form: Form<'special'>, list: readonly PvDisclosure[]): DisclosureTable {
  const rows: DisclosureRow[] = list.map((u) => ({ cells: [u.contract, u.income, u.cost, u.net, u.required, u.restricted, u.other] }));
  const sum = (f: (u: PvDisclosure) => Fen): Fen => list.reduce((t, u) => t + f(u), 0);
  rows.push({ cells: ['合计', sum((u) => u.income), sum((u) => u.cost), sum((u) => u.net), sum((u) => u.required), sum((u) => u.restricted), sum((u) => u.other)], total: true });
  return {
    ...frame(input, form),
    columns: [text('合同编号'), money('发电收入'), money('运维等成本'), money('净收益'), money('应用于公益岗位等（限定用途）'), money('已用于公益'), money('其他用途')],
    rows,
  };
}
