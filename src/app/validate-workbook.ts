/**
 * validateWorkbook: every finding on the book, read-only: the assessment the use cases that
 * write share (assess-book.ts), the contracts, and the disclosure sheets against a template.
 */
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { readBook } from './book';
import { CONTRACT_SPECS } from './contract-sheets';
import { resultOf, type UseCaseResult } from './result';
import type { Sha256Batch } from '../core/ledger/lock-chain';
import { webSha256 } from './sha256';
import { checkDisclosures } from './check-disclosures';
import type { DisclosureTemplate } from '../core/disclosure/template';
import { nationalTemplate } from '../core/disclosure/templates';
import { typedSheetFindings } from './assess-book';

export interface ValidateResult extends UseCaseResult {
  counts: { vouchers: number; lines: number; errors: number; warnings: number };
}

export interface ValidateOptions extends RunOptions {
  /** Disclosure template to check 财务公开 sheets against (default: the national baseline). */
  template?: DisclosureTemplate;
  /** Also check that every disclosure due by this date exists (the CLI passes today when --template is given). */
  asOf?: string;
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
