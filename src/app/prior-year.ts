/**
 * 上年金额 of the 收益及收益分配表: from last year's workbook when one is given (the same months
 * of the prior year, computed by the same engine), else from a typed-in 上年数 table, else none.
 */
import { finding, type Finding } from '../core/findings';
import type { Fen } from '../core/money';
import { buildIncomeStatement, INCOME_STATEMENT_LINES, priorYearFromLines } from '../core/statements/income-statement';
import { decodePriorYear } from '../workbook/codecs/prior-year';
import { PRIOR_YEAR } from '../workbook/layout';
import type { RunOptions, TableData, WorkbookPort } from '../workbook/port';
import { readBook, type Book } from './book';

export interface PriorYear {
  /** Line key → prior-year amount; undefined when no prior-year figures are known. */
  amounts?: Map<string, Fen>;
  findings: Finding[];
}

const minusYear = (ym: string): string => `${Number(ym.slice(0, 4)) - 1}${ym.slice(4)}`;

/** The typed-in 上年数 table as an extra spec for readBook (after the contracts' tables). */
export const PRIOR_YEAR_SPECS = [PRIOR_YEAR] as const;

export async function priorYearFigures(book: Book, typed: TableData | undefined, previous: WorkbookPort | undefined, period: { from: string; to: string }, run?: RunOptions): Promise<PriorYear> {
  if (previous) {
    const last = await readBook(previous, run);
    const year = book.meta.fiscalYear - 1;
    if (last.meta.fiscalYear !== year) {
      return { findings: [finding('prior-year.wrong-year', 'error', `上年账簿的会计年度是${last.meta.fiscalYear}年，应为${year}年`, `the previous workbook is for ${last.meta.fiscalYear}; expected ${year}`)] };
    }
    const is = buildIncomeStatement({ chart: last.chart, opening: last.opening, vouchers: [...last.vouchers, ...last.closing], from: minusYear(period.from), to: minusYear(period.to) });
    return { amounts: new Map(is.rows.map((r) => [r.key, r.amount])), findings: last.findings };
  }
  if (!typed) return { findings: [] };
  const decoded = decodePriorYear(typed, new Set(INCOME_STATEMENT_LINES.map((d) => d.line)));
  if (decoded.amounts.size === 0) return { findings: decoded.findings };
  const r = priorYearFromLines(decoded.amounts, PRIOR_YEAR.sheet);
  return { amounts: r.amounts, findings: [...decoded.findings, ...r.findings] };
}
