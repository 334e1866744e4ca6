/**
 * validateWorkbook: every finding on the book, read-only. The same assessment gates the use
 * cases that write (buildReports, closeYear): codec findings, the chart, validateVouchers,
 * validateOpening, a stale 结转凭证, and the contracts when the 合同 sheet exists.
 */
import { finding, type Finding } from '../core/findings';
import { closeYear as computeClose, LedgerError } from '../core/ledger/close';
import { validateOpening, validateVouchers } from '../core/ledger/validate';
import type { Voucher } from '../core/ledger/types';
import { OPENING, VOUCHERS } from '../workbook/layout';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { readBook, type Book } from './book';
import { CONTRACT_SPECS, contractReports } from './contract-sheets';
import { voucherIdentity } from './import-vouchers';
import { resultOf, type UseCaseResult } from './result';
import type { Sha256Batch } from '../core/ledger/lock-chain';
import { checkLockEvidence } from './lock-check';
import { webSha256 } from './sha256';
import { checkDisclosures } from './check-disclosures';
import type { DisclosureTemplate } from '../core/disclosure/template';
import { nationalTemplate } from '../core/disclosure/templates';

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

export interface ValidateResult extends UseCaseResult {
  counts: { vouchers: number; lines: number; errors: number; warnings: number };
}

export interface ValidateOptions extends RunOptions {
  /** Disclosure template to check 财务公开 sheets against (default: the national baseline). */
  template?: DisclosureTemplate;
  /** Also check that every disclosure due by this date exists (the CLI passes today when --template is given). */
  asOf?: string;
}

/** The findings on the typed-in sheets of a book read with CONTRACT_SPECS: the ledger, the lock evidence and the contracts of its year. */
export async function typedSheetFindings(book: Book, sha: Sha256Batch = webSha256): Promise<Finding[]> {
  const year = book.meta.fiscalYear;
  return [...(await assessLockedBook(book, sha)), ...contractReports(book, { from: `${year}-01`, to: `${year}-12` }).findings];
}

export async function validateWorkbook(port: WorkbookPort, run?: ValidateOptions, sha: Sha256Batch = webSha256): Promise<ValidateResult> {
  const book = await readBook(port, run, CONTRACT_SPECS);
  const findings = await typedSheetFindings(book, sha);
  const template = run?.template ?? nationalTemplate();
  findings.push(...(await checkDisclosures(port, book, run?.asOf === undefined ? { template } : { template, asOf: run.asOf })));
  run?.onProgress?.(4, 4, '检查完成');
  const errors = findings.filter((f) => f.severity === 'error').length;
  const lines = book.vouchers.reduce((n, v) => n + v.lines.length, 0);
  return resultOf(findings, { counts: { vouchers: book.vouchers.length, lines, errors, warnings: findings.length - errors } });
}
