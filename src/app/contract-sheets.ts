/**
 * The bridge from the book use cases to the income-source contracts (合同 sheet): read 合同 with
 * the book, and when it exists, run buildContractReports for its findings and the generated
 * sheets 合同台账 / 应收计划 / 欠款明细. A book without a 合同 sheet gets neither.
 */
import type { Finding } from '../core/findings';
import { CONTRACTS } from '../workbook/contracts';
import type { GeneratedSheet, TypedTableSpec } from '../workbook/port';
import type { Book } from './book';
import { buildContractReports } from './contracts';
import { monthEnd } from '../core/calendar';

/** Extra tables readBook reads for the contracts; book.extra[0] is 合同. */
export const CONTRACT_SPECS: readonly TypedTableSpec[] = [CONTRACTS];

/**
 * Contract findings and sheets for the months from..to. Arrears are as of the end of `to`
 * (reports describe a closed period, so no clock is involved and reruns give the same sheets).
 */
export function contractReports(book: Book, period: { from: string; to: string }): { findings: Finding[]; sheets: GeneratedSheet[] } {
  const table = book.extra[0];
  if (table === undefined) return { findings: [], sheets: [] };
  const r = buildContractReports({
    contracts: table,
    vouchers: book.vouchers,
    asOf: monthEnd(period.to),
    from: period.from,
    to: period.to,
    head: { village: book.meta.village, township: book.meta.township },
  });
  return { findings: r.findings, sheets: r.sheets };
}
