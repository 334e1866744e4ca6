/** 总账, 明细账, 现金日记账, 银行日记账 for buildReports, over typed and closing vouchers alike. */
import { dayBook, detailLedger, generalLedger } from '../core/ledger/ledgers';
import type { Voucher } from '../core/ledger/types';
import type { GeneratedSheet } from '../workbook/port';
import type { ReportHead } from '../workbook/reports';
import { DAY_BOOKS, renderDayBook, renderDetailLedger, renderGeneralLedger } from '../workbook/reports-ledgers';
import type { Book } from './book';

export function ledgerSheets(book: Book, vouchers: readonly Voucher[], head: ReportHead): GeneratedSheet[] {
  const input = { chart: book.chart, opening: book.opening, vouchers };
  const range = { from: head.from, to: head.to };
  return [
    renderGeneralLedger(generalLedger({ ...input, to: head.to }), head),
    renderDetailLedger(detailLedger({ ...input, ...range }), head),
    ...DAY_BOOKS.map((d) => renderDayBook(dayBook({ ...input, ...range, account: d.account }), d.sheet, head)),
  ];
}
