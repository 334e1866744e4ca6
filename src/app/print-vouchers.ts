/**
 * printVouchers: rebuild the 记账凭证 sheet with the vouchers (typed and closing) of a month range,
 * laid out for printing two or three to an A4 page. Nothing is written when the book has errors:
 * an archive copy of an unbalanced voucher would be worse than none.
 */
import { finding, hasErrors, type Finding } from '../core/findings';
import { monthKey } from '../core/ledger/numbering';
import type { Voucher } from '../core/ledger/types';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { renderVoucherPrint, voucherSlip, voucherUnit, type VoucherPrintHead, type VoucherSlip } from '../workbook/voucher-print';
import { readBook } from './book';
import { ledgerVouchers } from './build-reports';
import { resolvePeriod } from './period';
import { resultOf, type UseCaseResult } from './result';
import { assessBook } from './assess-book';

export interface PrintVouchersOptions extends RunOptions {
  /** 'YYYY-MM', default the first month of the fiscal year. */
  from?: string;
  /** 'YYYY-MM', default the last month of the fiscal year. */
  to?: string;
  /** Vouchers to an A4 page, 2 or 3 (default 3). */
  perPage?: number;
}

export interface PrintVouchersResult extends UseCaseResult {
  /** Vouchers laid out (0 when nothing was written). */
  printed: number;
  sheet: string | undefined;
}

/** Month, then the number as a number where it is one ('2' before '10'), then as text. */
function byMonthAndNumber(a: Voucher, b: Voucher): number {
  const m = monthKey(a.date) - monthKey(b.date);
  if (m !== 0) return m;
  const na = Number(/\d+$/.exec(a.number)?.[0] ?? NaN);
  const nb = Number(/\d+$/.exec(b.number)?.[0] ?? NaN);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a.number.localeCompare(b.number);
}

/** The vouchers of the range, in print order, or the findings that stop printing. */
async function chosenVouchers(port: WorkbookPort, opts: PrintVouchersOptions) {
  const book = await readBook(port, opts);
  const period = resolvePeriod(book.meta.fiscalYear, opts.from, opts.to);
  const findings: Finding[] = [...period.findings];
  const perPage = opts.perPage ?? 3;
  if (perPage !== 2 && perPage !== 3) {
    findings.push(finding('print.per-page', 'error', `每页凭证数应为 2 或 3，而不是 ${perPage}`, `Vouchers per page must be 2 or 3, not ${perPage}`));
  }
  findings.push(...assessBook(book));
  if (hasErrors(findings) || (perPage !== 2 && perPage !== 3)) return { ok: false as const, findings };
  const lo = monthKey(period.from);
  const hi = monthKey(period.to);
  const vouchers = ledgerVouchers(book).filter((v) => monthKey(v.date) >= lo && monthKey(v.date) <= hi).sort(byMonthAndNumber);
  if (vouchers.length === 0) {
    findings.push(finding('print.no-vouchers', 'error', `${period.from} 至 ${period.to} 没有凭证可打印`, `No vouchers from ${period.from} to ${period.to} to print`));
    return { ok: false as const, findings };
  }
  const head: VoucherPrintHead = { village: book.meta.village, township: book.meta.township, from: period.from, to: period.to, perPage };
  return { ok: true as const, findings, vouchers, head, chart: book.chart };
}

export async function printVouchers(port: WorkbookPort, opts: PrintVouchersOptions = {}): Promise<PrintVouchersResult> {
  const c = await chosenVouchers(port, opts);
  if (!c.ok) return resultOf(c.findings, { printed: 0, sheet: undefined });
  const sheet = renderVoucherPrint(c.vouchers, c.chart, c.head);
  await port.replaceGeneratedSheets([sheet]);
  return resultOf(c.findings, { printed: c.vouchers.length, sheet: sheet.name });
}

export interface VoucherSlipsResult extends UseCaseResult {
  /** The vouchers as printed (empty when refused), and the range and page size they were chosen with. */
  slips: VoucherSlip[];
  head: VoucherPrintHead | undefined;
}

/**
 * The same choice and the same printed form as printVouchers, returned instead of written: the task
 * pane's print view draws these slips, so it prints what the 记账凭证 sheet would hold. Writes nothing.
 */
export async function voucherSlips(port: WorkbookPort, opts: PrintVouchersOptions = {}): Promise<VoucherSlipsResult> {
  const c = await chosenVouchers(port, opts);
  if (!c.ok) return resultOf(c.findings, { slips: [], head: undefined });
  const unit = voucherUnit(c.head);
  return resultOf(c.findings, { slips: c.vouchers.map((v) => voucherSlip(v, c.chart, unit)), head: c.head });
}
