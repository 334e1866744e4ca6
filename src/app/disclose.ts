/**
 * buildDisclosure: generate the disclosure sheets (财务公开) of one period from the books and
 * write them as generated sheets. Reads once, checks the book, computes every form the template
 * has due for the period, then replaces those sheets in one batch; nothing is written when the
 * book or the period has errors.
 */
import { generateDisclosures, type DisclosureInput } from '../core/disclosure/generate';
import type { ContractDisclosure, DisclosureTable } from '../core/disclosure/model';
import { parsePeriodCode, type DisclosurePeriod } from '../core/disclosure/period';
import type { DisclosureTemplate } from '../core/disclosure/template';
import { finding, hasErrors, type Finding } from '../core/findings';
import { monthEnd } from '../core/calendar';
import { renderDisclosure } from '../workbook/disclosure-sheets';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { checkCancel, readBook, type Book } from './book';
import { ledgerVouchers } from './build-reports';
import { CONTRACT_SPECS } from './contract-sheets';
import { buildContractReports } from './contracts';
import { resultOf, type UseCaseResult } from './result';
import { assessBook } from './assess-book';

export interface DiscloseOptions extends RunOptions {
  /** '2025Q3' | '2025-07' | '2025H1' | '2025'. */
  period: string;
  template: DisclosureTemplate;
  /** 张榜日期 to print on the sheets (ISO date), when already known. */
  posted?: string;
}

export interface DiscloseResult extends UseCaseResult {
  tables: DisclosureTable[];
  /** Names of the sheets written (none when errors stopped the run). */
  sheets: string[];
}

/** The period a user asked for, within the book's fiscal year, or a finding saying why not. */
export function resolveDisclosurePeriod(code: string, fiscalYear: number): { period?: DisclosurePeriod; findings: Finding[] } {
  const p = parsePeriodCode(code);
  if (p === undefined) {
    return { findings: [finding('disclosure.bad-period', 'error', `公开期间"${code}"无效：应为 2025Q3、2025-07、2025H1 或 2025`, `Invalid disclosure period "${code}": give 2025Q3, 2025-07, 2025H1 or 2025`)] };
  }
  if (p.year !== fiscalYear) {
    return { findings: [finding('disclosure.bad-period', 'error', `公开期间${code}不在本账套的${fiscalYear}年度内`, `The period ${code} is outside this book's fiscal year ${fiscalYear}`)] };
  }
  return { period: p, findings: [] };
}

/** The generation input for one period of a book that has been read (no I/O): ledger, contracts, PV use. */
export function disclosureInput(book: Book, period: DisclosurePeriod, template: DisclosureTemplate, posted?: string): { input: DisclosureInput; findings: Finding[] } {
  const table = book.extra[0];
  const input: DisclosureInput = {
    template, period, village: book.meta.village, township: book.meta.township,
    chart: book.chart, opening: book.opening, vouchers: ledgerVouchers(book),
  };
  if (posted !== undefined) input.posted = posted;
  if (table === undefined) return { input, findings: [] };
  const reg = buildContractReports({ contracts: table, vouchers: book.vouchers, asOf: monthEnd(period.to), from: period.from, to: period.to });
  input.contracts = reg.contracts.map((c): ContractDisclosure => ({
    no: c.no, kind: c.kind, counterparty: c.counterparty, subject: c.subject, start: c.start, end: c.end,
    periodDue: c.periodDue, periodReceived: c.periodReceived, arrears: c.arrears,
  }));
  input.pv = reg.pvUse;
  return { input, findings: reg.findings };
}

export async function buildDisclosure(port: WorkbookPort, opts: DiscloseOptions): Promise<DiscloseResult> {
  const book = await readBook(port, opts, CONTRACT_SPECS);
  const resolved = resolveDisclosurePeriod(opts.period, book.meta.fiscalYear);
  const findings: Finding[] = [...resolved.findings, ...assessBook(book)];
  if (resolved.period === undefined || hasErrors(findings)) return resultOf(findings, { tables: [], sheets: [] });
  const { input, findings: contractFindings } = disclosureInput(book, resolved.period, opts.template, opts.posted);
  findings.push(...contractFindings);
  const set = generateDisclosures(input);
  findings.push(...set.findings);
  checkCancel(opts);
  if (hasErrors(findings)) return resultOf(findings, { tables: set.tables, sheets: [] });
  opts.onProgress?.(3, 4, '写入公开表');
  const sheets = set.tables.map(renderDisclosure);
  await port.replaceGeneratedSheets(sheets);
  opts.onProgress?.(4, 4, '公开表完成');
  return resultOf(findings, { tables: set.tables, sheets: sheets.map((s) => s.name) });
}
