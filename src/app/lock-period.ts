/**
 * lockPeriod (结账): lock every month up to and including `through`, by writing
 * meta.lockedThrough and meta.lockDigest. Refused when any voucher of those months has an error (core checkLock).
 */
import { finding } from '../core/findings';
import { checkLock } from '../core/ledger/close';
import { lockDigest } from '../core/ledger/lock-digest';
import { VOUCHERS } from '../workbook/layout';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { readBook } from './book';
import { resultOf, type UseCaseResult } from './result';

export interface LockPeriodOptions extends RunOptions {
  /** 'YYYY-MM': the last month to lock. */
  through: string;
}

export interface LockPeriodResult extends UseCaseResult {
  lockedThrough: string | undefined;
}

export async function lockPeriod(port: WorkbookPort, opts: LockPeriodOptions): Promise<LockPeriodResult> {
  const book = await readBook(port, opts);
  const check = checkLock(opts.through, { chart: book.chart, settings: book.settings, vouchers: book.vouchers, sheet: VOUCHERS.sheet });
  const findings = [...book.findings.filter((f) => f.severity === 'error'), ...check.findings];
  if (findings.length > 0) {
    findings.unshift(finding('lock.refused', 'error', `不能结账至${opts.through}`, `Cannot lock through ${opts.through}`));
    return resultOf(findings, { lockedThrough: book.meta.lockedThrough });
  }
  // The digest lets whole-book validation notice a row typed or changed in a locked month later.
  await port.writeMeta({ ...book.meta, lockedThrough: opts.through, lockDigest: lockDigest(book.vouchers, opts.through) });
  return resultOf([], { lockedThrough: opts.through });
}
