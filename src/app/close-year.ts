/**
 * closeYear (年终结转): compute the closing vouchers from the typed vouchers (core closeYear) and
 * write them whole to the generated sheet 结转凭证, which the ledger then reads with 凭证.
 * Running it again (e.g. after the distribution vouchers) recomputes them from scratch.
 * Refused when the book has errors or December is locked.
 */
import { finding, hasErrors, type Finding } from '../core/findings';
import { closeYear as computeClose, LedgerError } from '../core/ledger/close';
import type { Voucher } from '../core/ledger/types';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { renderClosingVouchers } from '../workbook/reports';
import { readBook } from './book';
import { resultOf, type UseCaseResult } from './result';
import { assessLockedBook } from './assess-book';

export interface CloseYearOptions extends RunOptions {
  /** Must be the book's fiscal year; defaults to it. */
  year?: number;
}

export interface CloseYearResult extends UseCaseResult {
  /** The closing vouchers written (empty when !ok). */
  vouchers: Voucher[];
}

export async function closeYear(port: WorkbookPort, opts: CloseYearOptions = {}): Promise<CloseYearResult> {
  const book = await readBook(port, opts);
  const year = opts.year ?? book.meta.fiscalYear;
  // A stale 结转凭证 is exactly what closing again fixes, so it does not block.
  const findings: Finding[] = (await assessLockedBook(book)).filter((f) => f.rule !== 'close.stale');
  const bookErrors = findings.filter((f) => f.severity === 'error').length;
  if (year !== book.meta.fiscalYear) {
    findings.push(finding('close.wrong-year', 'error', `本账套会计年度为${book.meta.fiscalYear}年，不能结转${year}年`, `The book's fiscal year is ${book.meta.fiscalYear}; cannot close ${year}`));
  }
  if (book.meta.lockedThrough !== undefined && book.meta.lockedThrough >= `${year}-12`) {
    findings.push(finding('close.locked', 'error', `已结账至${book.meta.lockedThrough}，不能再做年终结转`, `The book is locked through ${book.meta.lockedThrough}; the year-end close can no longer change`));
  }
  if (hasErrors(findings)) {
    // Only errors of the book need the summary line; a locked book or a wrong year says so itself.
    if (bookErrors > 0) findings.unshift(finding('close.refused', 'error', `账簿有 ${bookErrors} 项错误，未执行年终结转`, `The book has ${bookErrors} errors; the year-end close was not run`));
    return resultOf(findings, { vouchers: [] });
  }
  let vouchers: Voucher[];
  try {
    vouchers = computeClose({ chart: book.chart, opening: book.opening, vouchers: book.vouchers, year });
  } catch (e) {
    if (!(e instanceof LedgerError)) throw e;
    return resultOf([...findings, finding(e.code, 'error', e.message, e.message)], { vouchers: [] });
  }
  const head = { village: book.meta.village, township: book.meta.township, from: `${year}-01`, to: `${year}-12` };
  opts.onProgress?.(3, 4, '写入结转凭证');
  await port.replaceGeneratedSheets([renderClosingVouchers(vouchers, head)]);
  opts.onProgress?.(4, 4, '结转完成');
  return resultOf(findings, { vouchers });
}
