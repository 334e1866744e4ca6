/**
 * The register as a whole: schedules, ledger matching, positions, flags, the PV use check and
 * voucher proposals for a set of contracts, a ledger, a period and an as-of date. Pure.
 */
import type { Fen } from '../money';
import { finding, type Finding } from '../findings';
import type { IsoDate, Voucher, YearMonth } from '../ledger/types';
import type { Contract } from './contract';
import { contractDueItems, itemsFromBooks, type DueItem } from './schedule';
import { checkPassThrough, readContractLedger, type ContractLedger } from './receipts';
import { contractFlags, contractPosition, contractStatus, type ContractPosition, type ContractStatus } from './arrears';
import { checkPvUse, type PvUse } from './pv-use';
import { proposeVouchers } from './proposals';
import { monthEnd, monthStart, yearOf } from '../calendar';

export interface ContractAnalysis {
  contract: Contract;
  status: ContractStatus;
  /** Every due item up to the later of the period end and asOf. */
  items: DueItem[];
  position: ContractPosition;
  /** Due within the period (by due date). */
  periodDue: Fen;
  /** The collective's income part of periodDue (less rent passed through to households). */
  periodIncomeDue: Fen;
  /** Received within the period (by voucher date). */
  periodReceived: Fen;
  /** Deposit movements in the ledger held (deposits taken before the books are in the opening balance, untagged). */
  depositHeld: Fen;
  /** Deposit received within the period. */
  periodDepositReceived: Fen;
  flags: Finding[];
}

export interface RegisterAnalysis {
  contracts: ContractAnalysis[];
  ledger: ContractLedger;
  pvUse: PvUse[];
  proposals: Voucher[];
  findings: Finding[];
}

/** `booksFrom`: the first day of the ledger held (default: none, every due item counts). */
export function analyzeRegister(contracts: readonly Contract[], vouchers: readonly Voucher[], opts: { asOf: IsoDate; from: YearMonth; to: YearMonth; booksFrom?: IsoDate }): RegisterAnalysis {
  const from = monthStart(opts.from);
  const to = monthEnd(opts.to);
  const untilYear = Math.max(yearOf(to), yearOf(opts.asOf));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const unique: Contract[] = [];
  for (const c of contracts) {
    if (seen.has(c.no)) {
      findings.push(finding('contract.duplicate-number', 'error', `合同编号${c.no}重复，后一行未计入`, `contract number ${c.no} is repeated; the later row is left out`, c.row !== undefined ? { sheet: '合同', row: c.row, column: '合同编号' } : {}));
      continue;
    }
    seen.add(c.no);
    unique.push(c);
  }
  const due = new Map<string, DueItem[]>();
  for (const c of unique) {
    const r = contractDueItems(c, untilYear);
    due.set(c.no, opts.booksFrom === undefined ? r.items : itemsFromBooks(c, r.items, opts.booksFrom));
    findings.push(...r.findings);
  }
  const ledger = readContractLedger(unique, vouchers, due);
  const passThrough = checkPassThrough(unique, ledger.receipts, due);
  findings.push(...ledger.findings, ...passThrough.findings);
  const positions = new Map<string, ContractPosition>();
  const rows: ContractAnalysis[] = unique.map((c) => {
    const items = due.get(c.no) ?? [];
    const position = contractPosition(c, items, ledger.receipts, opts.asOf);
    positions.set(c.no, position);
    const flags = contractFlags(c, position, ledger.receipts, items, opts.asOf);
    findings.push(...flags);
    const mine = ledger.receipts.filter((r) => r.contract === c.no);
    return {
      contract: c,
      status: contractStatus(c, opts.asOf),
      items,
      position,
      periodDue: items.filter((i) => i.dueDate >= from && i.dueDate <= to).reduce((a, i) => a + i.amount, 0),
      periodIncomeDue: items.filter((i) => i.dueDate >= from && i.dueDate <= to).reduce((a, i) => a + i.income, 0),
      periodReceived: mine.filter((r) => r.date >= from && r.date <= to).reduce((a, r) => a + r.amount, 0),
      depositHeld: ledger.deposits.filter((d) => d.contract === c.no).reduce((a, d) => a + d.amount, 0),
      periodDepositReceived: ledger.deposits.filter((d) => d.contract === c.no && d.date >= from && d.date <= to).reduce((a, d) => a + d.amount, 0),
      flags,
    };
  });
  const pvUse: PvUse[] = [];
  for (const c of unique) {
    if (c.kind !== 'pv') continue;
    const r = checkPvUse(c, ledger, from, to);
    pvUse.push(r.use);
    findings.push(...r.findings);
  }
  return { contracts: rows, ledger, pvUse, proposals: proposeVouchers(unique, due, positions, ledger, from, to, passThrough.excess), findings };
}
