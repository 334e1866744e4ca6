/** 总账, 明细账, 现金日记账, 银行日记账 for buildReports (filled in when core/ledger/ledgers.ts lands). */
import type { Voucher } from '../core/ledger/types';
import type { GeneratedSheet } from '../workbook/port';
import type { ReportHead } from '../workbook/reports';
import type { Book } from './book';

export function ledgerSheets(_book: Book, _vouchers: readonly Voucher[], _head: ReportHead): GeneratedSheet[] {
  return [];
}
