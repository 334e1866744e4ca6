/**
 * The bridge to the income-source contracts (合同 sheet, src/app/contracts.ts): which tables to
 * read with the book, their findings, and the generated contract sheets. Kept apart so the
 * ledger use cases do not change when the contract layout does.
 */
import type { Finding } from '../core/findings';
import type { GeneratedSheet, TypedTableSpec } from '../workbook/port';
import type { Book } from './book';

/** Extra tables readBook reads for the contracts (none until the 合同 layout lands). */
export const CONTRACT_SPECS: readonly TypedTableSpec[] = [];

export function contractFindings(_book: Book): Finding[] {
  return [];
}

export function contractSheets(_book: Book, _period: { from: string; to: string }): GeneratedSheet[] {
  return [];
}
