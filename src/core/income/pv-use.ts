/**
 * 光伏收益使用 — the use-of-income rule for PV stations built with poverty-alleviation money: at
 * least `restrictedShare` (default 80%) of the net PV income goes to 公益岗位 wages, small public
 * works and awards; no even cash split.
 *
 * How spending is identified: expense lines tagged with the PV contract number. Lines on 514
 * 公益支出 (and its sub-accounts, e.g. 51404 公益岗位工资) are restricted-use spending; lines on 511
 * 经营支出 are the station's own costs (O&M), which come off the income to give the net; tagged
 * lines on any other expense account (513 管理费用, 515 其他支出 …) are a use the rule does not allow.
 */
import { D, formatFen, type Fen } from '../money';
import { finding, type Finding } from '../findings';
import type { IsoDate } from '../ledger/types';
import type { PvContract } from './contract';
import type { ContractLedger } from './receipts';

export interface PvUse {
  contract: string;
  income: Fen;
  cost: Fen;
  net: Fen;
  required: Fen;
  restricted: Fen;
  other: Fen;
}

/** The PV use check over [from, to]: income received (booked to 501) and tagged spending. */
export function checkPvUse(c: PvContract, ledger: ContractLedger, from: IsoDate, to: IsoDate): { use: PvUse; findings: Finding[] } {
  const inRange = (d: IsoDate): boolean => d >= from && d <= to;
  const income = ledger.receipts.filter((r) => r.contract === c.no && inRange(r.date)).reduce((a, r) => a + r.income, 0);
  const mine = ledger.spending.filter((s) => s.contract === c.no && inRange(s.date));
  const cost = mine.filter((s) => s.account.startsWith('511')).reduce((a, s) => a + s.amount, 0);
  const restricted = mine.filter((s) => s.account.startsWith('514')).reduce((a, s) => a + s.amount, 0);
  const other = mine.filter((s) => !s.account.startsWith('511') && !s.account.startsWith('514')).reduce((a, s) => a + s.amount, 0);
  const net = income - cost;
  const required = net > 0 ? new D(net).times(c.restrictedShare).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber() : 0;
  const use: PvUse = { contract: c.no, income, cost, net, required, restricted, other };
  const findings: Finding[] = [];
  const at = c.row !== undefined ? { sheet: '合同', row: c.row } : {};
  const pct = c.restrictedShare.times(100).toFixed(0);
  if (restricted < required) {
    findings.push(finding('pv.restricted-shortfall', 'warning', `光伏电站${c.no}：${from}至${to}净收益${formatFen(net)}元，应有${pct}%（${formatFen(required)}元）用于公益岗位、小型公益事业和奖励补助，已用${formatFen(restricted)}元`, `PV ${c.no}: net income ${formatFen(net)} from ${from} to ${to}; ${pct}% (${formatFen(required)}) is restricted to public-welfare posts, small public works and awards; spent ${formatFen(restricted)}`, at));
  }
  if (other > 0) {
    findings.push(finding('pv.disallowed-use', 'warning', `光伏电站${c.no}的收益有${formatFen(other)}元用于公益支出以外的科目`, `PV ${c.no}: ${formatFen(other)} of its income was spent outside public-welfare accounts`, at));
  }
  return { use, findings };
}
