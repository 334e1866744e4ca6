/**
 * buildReports: rebuild every generated report sheet of a village book from its typed-in data
 * and return the report JSON. Reads once, validates, computes, then replaces the generated
 * sheets in one batch; nothing is written when the book has errors.
 */
import { hasErrors, type Finding } from '../core/findings';
import { computeTrialBalance } from '../core/ledger/balances';
import type { Voucher } from '../core/ledger/types';
import { BALANCE_SHEET_LINES, buildBalanceSheet } from '../core/statements/balance-sheet';
import { buildIncomeStatement, INCOME_STATEMENT_LINES, withPriorYear } from '../core/statements/income-statement';
import { chartListSheet } from '../workbook/codecs/chart-list';
import type { GeneratedSheet, RunOptions, WorkbookPort } from '../workbook/port';
import {
  formulasOf, renderBalanceSheet, renderFindings, renderIncomeStatement, renderTrialBalance, type ReportHead,
} from '../workbook/reports';
import { checkCancel, readBook, type Book } from './book';
import { CONTRACT_SPECS, contractReports } from './contract-sheets';
import { resolvePeriod } from './period';
import { PRIOR_YEAR_SPECS, priorYearFigures } from './prior-year';
import { toReportJson, type ReportJson } from './report-json';
import { resultOf, type UseCaseResult } from './result';
import { assessLockedBook } from './assess-book';
import { ledgerSheets } from './ledger-sheets';

export interface BuildReportsOptions extends RunOptions {
  /** 'YYYY-MM', default the first month of the fiscal year. */
  from?: string;
  /** 'YYYY-MM', default the last month of the fiscal year. */
  to?: string;
  /** Last year's workbook: the 上年金额 of the 收益及收益分配表 (else a typed-in 上年数 table, if any). */
  previous?: WorkbookPort;
}

export interface BuildReportsResult extends UseCaseResult {
  /** Undefined when errors stopped the build (then nothing was written). */
  report: ReportJson | undefined;
  /** Names of the sheets written. */
  sheets: string[];
  /** 集体经营性收入 (501 + 502) of the period, in fen. */
  operatingIncome: number;
}

/** Every voucher the ledger reads: typed (凭证) and generated closing ones (结转凭证). */
export function ledgerVouchers(book: Book): Voucher[] {
  return [...book.vouchers, ...book.closing];
}

export async function buildReports(port: WorkbookPort, opts: BuildReportsOptions = {}): Promise<BuildReportsResult> {
  const book = await readBook(port, opts, [...CONTRACT_SPECS, ...PRIOR_YEAR_SPECS]);
  const period = resolvePeriod(book.meta.fiscalYear, opts.from, opts.to);
  const findings: Finding[] = [...period.findings, ...(await assessLockedBook(book))];
  if (hasErrors(period.findings)) return resultOf(findings, { report: undefined, sheets: [], operatingIncome: 0 });
  const { from, to } = period;
  const vouchers = ledgerVouchers(book);
  const input = { chart: book.chart, opening: book.opening, vouchers };
  const tb = computeTrialBalance({ ...input, from, to });
  const bs = buildBalanceSheet({ ...input, to });
  const prior = await priorYearFigures(book, book.extra[CONTRACT_SPECS.length], opts.previous, { from, to }, opts);
  const current = buildIncomeStatement({ ...input, from, to });
  const is = prior.amounts ? withPriorYear(current, prior.amounts) : current;
  const contracts = contractReports(book, { from, to });
  findings.push(...bs.findings, ...is.findings, ...prior.findings, ...contracts.findings);
  checkCancel(opts);
  const meta = { village: book.meta.village, township: book.meta.township, fiscalYear: book.meta.fiscalYear, from, to };
  const report = toReportJson({ meta, trialBalance: tb, balanceSheet: bs, incomeStatement: is });
  if (hasErrors(findings)) return resultOf(findings, { report: undefined, sheets: [], operatingIncome: is.operatingIncome });
  const head: ReportHead = { village: meta.village, township: meta.township, from, to };
  const sheets: GeneratedSheet[] = [
    renderFindings(findings, head),
    renderTrialBalance(tb, head),
    renderBalanceSheet(bs, formulasOf(BALANCE_SHEET_LINES), head),
    renderIncomeStatement(is, formulasOf(INCOME_STATEMENT_LINES), head),
    ...ledgerSheets(book, vouchers, head),
    ...contracts.sheets,
    chartListSheet(book.chart),
  ];
  opts.onProgress?.(3, 4, '写入报表');
  await port.replaceGeneratedSheets(sheets);
  opts.onProgress?.(4, 4, '报表完成');
  return resultOf(findings, { report, sheets: sheets.map((s) => s.name), operatingIncome: is.operatingIncome });
}
