/**
 * buildContractReports — the income-source register over already-read tables: decode 合同,
 * reconcile with the ledger, and render 合同台账 / 应收计划 / 欠款明细. Pure (no port), so the
 * report use case, the CLI and the task pane's 收入来源 panel all call the same thing.
 * Proposed vouchers are returned for a person to confirm; nothing here posts them.
 */
import type { Finding } from '../core/findings';
import type { Fen } from '../core/money';
import type { IsoDate, Voucher, YearMonth } from '../core/ledger/types';
import { ZH_OF_KIND, type ContractKindZh } from '../core/income/contract';
import { STATUS_ZH, type ContractStatus } from '../core/income/arrears';
import { analyzeRegister } from '../core/income/register';
import type { PvUse } from '../core/income/pv-use';
import { decodeContracts } from '../workbook/contracts';
import { renderArrears, renderContractLedger, renderReceivablePlan } from '../workbook/contracts-sheets';
import type { GeneratedSheet, TableData } from '../workbook/port';
import type { ReportHead } from '../workbook/reports';

/** One contract as the task pane lists it. Money in fen. */
export interface ContractStatusRow {
  no: string;
  kind: ContractKindZh;
  counterparty: string;
  subject: string;
  start: IsoDate;
  end: IsoDate;
  status: ContractStatus;
  statusZh: string;
  /** Due / received within the period. */
  periodDue: Fen;
  periodReceived: Fen;
  /** Outstanding as of asOf, and the part overdue more than 365 days. */
  arrears: Fen;
  arrearsOverYear: Fen;
  flags: Finding[];
}

export interface ContractReportsInput {
  contracts: TableData | undefined;
  vouchers: Voucher[];
  asOf: IsoDate;
  from: YearMonth;
  to: YearMonth;
  /** First day of the ledger held; earlier due items count as settled except 期初欠款. Default: 1 January of `from`'s year. */
  booksFrom?: IsoDate;
  /** Title lines (village, township); blanks when absent. */
  head?: Pick<ReportHead, 'village' | 'township'>;
}

export interface ContractReports {
  sheets: GeneratedSheet[];
  findings: Finding[];
  contracts: ContractStatusRow[];
  proposals: Voucher[];
  /** PV income and its restricted use over the period, per PV contract (for the 光伏收益 disclosure). */
  pvUse: PvUse[];
}

export function buildContractReports(input: ContractReportsInput): ContractReports {
  const decoded = decodeContracts(input.contracts);
  const a = analyzeRegister(decoded.contracts, input.vouchers, {
    asOf: input.asOf,
    from: input.from,
    to: input.to,
    booksFrom: input.booksFrom ?? `${input.from.slice(0, 4)}-01-01`,
  });
  const head: ReportHead = { village: input.head?.village ?? '', township: input.head?.township ?? '', from: input.from, to: input.to };
  const sheets = input.contracts === undefined
    ? []
    : [renderContractLedger(a, head, input.asOf), renderReceivablePlan(a, head, input.from, input.to), renderArrears(a, head, input.asOf)];
  const contracts: ContractStatusRow[] = a.contracts.map((r) => ({
    no: r.contract.no,
    kind: ZH_OF_KIND[r.contract.kind],
    counterparty: r.contract.counterparty,
    subject: r.contract.subject,
    start: r.contract.start,
    end: r.contract.end,
    status: r.status,
    statusZh: STATUS_ZH[r.status],
    periodDue: r.periodDue,
    periodReceived: r.periodReceived,
    arrears: r.position.arrears,
    arrearsOverYear: r.position.items.filter((i) => i.bucket === 'over365').reduce((t, i) => t + i.outstanding, 0),
    flags: r.flags,
  }));
  return { sheets, findings: [...decoded.findings, ...a.findings], contracts, proposals: a.proposals, pvUse: a.pvUse };
}
