/**
 * The 收入来源 use case: every contract of the 合同 register with its status, what fell due and
 * was received this fiscal year, and its arrears as of today. The task pane's panel shows it;
 * any other face calls the same function. "Today" is a clock passed in (`localToday` in the
 * pane), so a morning in Beijing is not yesterday and tests fix the date.
 */
import { localIsoDate } from '../core/calendar';
import type { Finding } from '../core/findings';
import type { IsoDate } from '../core/ledger/types';
import { CONTRACTS } from '../workbook/contracts';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { readBook } from './book';
import { ledgerVouchers } from './build-reports';
import { buildContractReports, type ContractStatusRow } from './contracts';

/** Today's date on the user's wall clock. */
export type Clock = () => IsoDate;

/** The clock of the machine the face runs on, as a local calendar date (never UTC). */
export const localToday: Clock = () => localIsoDate(new Date());

/** One contract as the 收入来源 panel lists it. Money in fen. */
export type ContractStatusLine = Pick<
  ContractStatusRow,
  'no' | 'kind' | 'counterparty' | 'subject' | 'status' | 'periodDue' | 'periodReceived' | 'arrears' | 'arrearsOverYear'
>;

export interface ContractStatusResult {
  findings: Finding[];
  contracts: ContractStatusLine[];
}

/** The date arrears are counted at: today, but never past the fiscal year's end. */
export function asOfDate(today: IsoDate, fiscalYear: number): IsoDate {
  const yearEnd = `${fiscalYear}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

export async function contractStatus(port: WorkbookPort, today: Clock, opts?: RunOptions): Promise<ContractStatusResult> {
  const book = await readBook(port, opts, [CONTRACTS]);
  const year = book.meta.fiscalYear;
  const r = buildContractReports({
    contracts: book.extra[0],
    vouchers: ledgerVouchers(book),
    asOf: asOfDate(today(), year),
    from: `${year}-01`,
    to: `${year}-12`,
    head: { village: book.meta.village, township: book.meta.township },
  });
  const contracts = r.contracts.map((c) => ({
    no: c.no, kind: c.kind, counterparty: c.counterparty, subject: c.subject, status: c.status,
    periodDue: c.periodDue, periodReceived: c.periodReceived, arrears: c.arrears, arrearsOverYear: c.arrearsOverYear,
  }));
  return { findings: [...book.findings, ...r.findings], contracts };
}
