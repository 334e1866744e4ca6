/**
 * 村级事实 — what consolidation needs of one village, computed from its book in one go and then
 * the book is let go: statements' lines, 集体经营性收入 by source, class, contract arrears,
 * whether the year is closed and the months locked, and whether locked months were edited.
 * Plain data only (no Map, no Chart), so a worker thread can hand it back by structured clone.
 */
import type { Chart } from '../chart/accounts';
import type { Finding } from '../findings';
import type { ContractKind } from '../income/contract';
import { lockedMonthsEdited } from '../ledger/lock-digest';
import type { OpeningBalance, Voucher } from '../ledger/types';
import type { Fen } from '../money';
import { buildBalanceSheet } from '../statements/balance-sheet';
import { buildIncomeStatement } from '../statements/income-statement';
import { classifyVillage, DEFAULT_VILLAGE_THRESHOLDS, type VillageClassCode, type VillageThresholds } from './classify';
import { operatingIncomeBySource, type SourceAmounts } from './sources';

/** One contract's receivable position at the year end. */
export interface ContractArrears {
  no: string;
  kind: ContractKind;
  /** Due on or before the year end and not received, in fen. */
  arrears: Fen;
}

export interface VillageBookData {
  /** The input's label (file name) as the user gave it. */
  file: string;
  village: string;
  township: string;
  fiscalYear: number;
  lockedThrough?: string;
  lockDigest?: string;
  chart: Chart;
  opening: readonly OpeningBalance[];
  /** Typed vouchers (凭证). */
  vouchers: readonly Voucher[];
  /** Generated closing vouchers (结转凭证). */
  closing: readonly Voucher[];
  /** Every finding the village checks gave (decoding, ledger, contracts). */
  findings: readonly Finding[];
  contracts: readonly ContractArrears[];
}

export interface VillageFacts {
  file: string;
  village: string;
  township: string;
  fiscalYear: number;
  /** Balance sheet by 行次: 年初数 and 期末数 at the year end. */
  balanceSheet: Record<number, { begin: Fen; end: Fen }>;
  /** 收益及收益分配表 by 行次 for the whole year. */
  incomeStatement: Record<number, Fen>;
  /** 集体经营性收入 (501 + 502). */
  operatingIncome: Fen;
  sources: SourceAmounts;
  classCode: VillageClassCode;
  /** 干部报酬: 管理费用 sub-accounts named 报酬 (statistical line 6). */
  cadrePay: Fen;
  contracts: ContractArrears[];
  /** A 结转 (year-end close) is in the book. */
  closed: boolean;
  lockedThrough?: string;
  /** The fingerprint stored with the last lock, for the dataset (who locked what): the SHA-256 chain head, or the old FNV fingerprint. */
  lockHash?: string;
  /** Every month hash of the SHA-256 chain, so a head the township kept earlier can be looked up. */
  lockHashes?: string[];
  lockEdited: boolean;
  /** The village's own findings plus those of its statements. */
  findings: Finding[];
  /** Findings of the village's 财务公开 sheets against the template and its books (listed, never excluding the village). */
  disclosureFindings?: Finding[];
}

/** Σ activity on 513 sub-accounts whose name says 报酬 (cadre pay), closing vouchers excluded. */
function cadrePayOf(chart: Chart, vouchers: readonly Voucher[], year: number): Fen {
  let t = 0;
  for (const v of vouchers) {
    if (v.generated !== undefined || !v.date.startsWith(`${year}-`)) continue;
    for (const l of v.lines) if (l.account.startsWith('513') && (chart.get(l.account)?.name ?? '').includes('报酬')) t += l.debit - l.credit;
  }
  return t;
}

/** The facts of one village for its fiscal year (January to December). */
export function villageFacts(book: VillageBookData, thresholds: VillageThresholds = DEFAULT_VILLAGE_THRESHOLDS): VillageFacts {
  const year = book.fiscalYear;
  const from = `${year}-01`;
  const to = `${year}-12`;
  const vouchers = [...book.vouchers, ...book.closing];
  const input = { chart: book.chart, opening: book.opening, vouchers };
  const bs = buildBalanceSheet({ ...input, to });
  const is = buildIncomeStatement({ ...input, from, to });
  const contractKinds = new Map(book.contracts.map((c) => [c.no, c.kind]));
  const sources = operatingIncomeBySource({ chart: book.chart, vouchers: book.vouchers, from, to, contractKinds });
  const balanceSheet: Record<number, { begin: Fen; end: Fen }> = {};
  for (const r of bs.rows) balanceSheet[r.line] = { begin: r.begin, end: r.end };
  const incomeStatement: Record<number, Fen> = {};
  for (const r of is.rows) incomeStatement[r.line] = r.amount;
  const facts: VillageFacts = {
    file: book.file,
    village: book.village,
    township: book.township,
    fiscalYear: year,
    balanceSheet,
    incomeStatement,
    operatingIncome: is.operatingIncome,
    sources,
    classCode: classifyVillage(is.operatingIncome, thresholds).code,
    cadrePay: cadrePayOf(book.chart, book.vouchers, year),
    contracts: [...book.contracts],
    closed: book.closing.some((v) => v.date.startsWith(`${year}-`)),
    lockEdited: lockedMonthsEdited(book.vouchers, book),
    findings: [...book.findings, ...bs.findings, ...is.findings],
  };
  if (book.lockedThrough !== undefined) facts.lockedThrough = book.lockedThrough;
  if (book.lockDigest !== undefined) facts.lockHash = book.lockDigest;
  return facts;
}
