/**
 * The assessment of a book that has been read, shared by validateWorkbook and the use cases that
 * write (buildReports, closeYear …): codec findings, the chart, validateVouchers, validateOpening,
 * a stale 结转凭证, the lock evidence and the contracts. Apart from validate-workbook.ts, which
 * also checks the disclosure sheets, so that a use case gated by it does not load the disclosure
 * code (nor form an import cycle with disclose.ts).
 */
import { finding, type Finding } from '../core/findings';
import { closeYear as computeClose, LedgerError } from '../core/ledger/close';
import { validateOpening, validateVouchers } from '../core/ledger/validate';
import type { Voucher } from '../core/ledger/types';
import { OPENING, VOUCHERS } from '../workbook/layout';
import type { Book } from './book';
import { contractReports } from './contract-sheets';
import { voucherIdentity } from './import-vouchers';
import type { Sha256Batch } from '../core/ledger/lock-chain';
import { checkLockEvidence } from './lock-check';
import { webSha256 } from './sha256';

/** All ledger findings of a book that has been read (no I/O); contracts are checked by the callers that want them. */
export function assessBook(book: Book): Finding[] {
  const out: Finding[] = [...book.findings];
  out.push(...validateVouchers(book.vouchers, { chart: book.chart, settings: book.settings, sheet: VOUCHERS.sheet }));
  out.push(...validateOpening(book.opening, book.chart, OPENING.sheet));
  out.push(...checkClosing(book));
  return out;
}

/** assessBook plus the lock evidence: a voucher changed, removed or inserted in a locked month (the hash chain). */
export async function assessLockedBook(book: Book, sha: Sha256Batch = webSha256): Promise<Finding[]> {
  return [...assessBook(book), ...(await checkLockEvidence(book, sha)).findings];
}

/** 结转凭证 must be what closing the current vouchers would give; else it is stale (close again). */
function checkClosing(book: Book): Finding[] {
  if (book.closing.length === 0) return [];
  let expected: Voucher[];
  try {
    expected = computeClose({ chart: book.chart, opening: book.opening, vouchers: book.vouchers, year: book.meta.fiscalYear });
  } catch (e) {
    if (e instanceof LedgerError) return [finding(e.code, 'error', e.message, e.message, { sheet: '结转凭证' })];
    throw e;
  }
  const key = (vs: readonly Voucher[]): string => vs.map(voucherIdentity).sort().join('\n');
  if (key(expected) === key(book.closing)) return [];
  return [finding('close.stale', 'warning', '凭证在结转后有变动，结转凭证已过期，请重新执行年终结转', 'Vouchers changed after the year-end close; the closing vouchers are stale — run close again', { sheet: '结转凭证' })];
}

/** The findings on the typed-in sheets of a book read with CONTRACT_SPECS: the ledger, the lock evidence and the contracts of its year. */
export async function typedSheetFindings(book: Book, sha: Sha256Batch = webSha256): Promise<Finding[]> {
  const year = book.meta.fiscalYear;
  return [...(await assessLockedBook(book, sha)), ...contractReports(book, { from: `${year}-01`, to: `${year}-12` }).findings];
}
