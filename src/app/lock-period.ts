/**
 * lockPeriod (结账): lock every month up to and including `through`, by writing meta.lockedThrough
 * and extending the SHA-256 hash chain (core/ledger/lock-chain.ts) over the newly locked months.
 * Refused when any voucher of those months has an error (core checkLock), and when the months
 * already locked no longer match their record: a new lock must not bless an earlier edit.
 * Locking again through the same month upgrades a book that carries only the old fingerprint.
 */
import { finding, hasErrors } from '../core/findings';
import { checkLock } from '../core/ledger/close';
import { extendChain, type Sha256Batch } from '../core/ledger/lock-chain';
import { lockDigest } from '../core/ledger/lock-digest';
import { VOUCHERS } from '../workbook/layout';
import type { RunOptions, WorkbookMeta, WorkbookPort } from '../workbook/port';
import { readBook } from './book';
import { checkLockEvidence } from './lock-check';
import { resultOf, type UseCaseResult } from './result';
import { webSha256 } from './sha256';

export interface LockPeriodOptions extends RunOptions {
  /** 'YYYY-MM': the last month to lock. */
  through: string;
  /** SHA-256 for the chain; Web Crypto unless given (the CLI passes node:crypto). */
  sha256?: Sha256Batch;
}

export interface LockPeriodResult extends UseCaseResult {
  lockedThrough: string | undefined;
  /** The chain's last month hash after the lock: what the township keeps to notice a rewritten chain. */
  head: string | undefined;
}

export async function lockPeriod(port: WorkbookPort, opts: LockPeriodOptions): Promise<LockPeriodResult> {
  const sha = opts.sha256 ?? webSha256;
  const book = await readBook(port, opts);
  const check = checkLock(opts.through, { chart: book.chart, settings: book.settings, vouchers: book.vouchers, sheet: VOUCHERS.sheet });
  const evidence = await checkLockEvidence(book, sha);
  const findings = [...book.findings.filter((f) => f.severity === 'error'), ...check.findings, ...evidence.findings.filter((f) => f.severity === 'error')];
  const { meta } = book;
  // An old fingerprint that no longer matches means a locked month was edited: upgrading would hide it.
  if (meta.lockChain === undefined && meta.lockDigest !== undefined && meta.lockedThrough !== undefined && lockDigest(book.vouchers, meta.lockedThrough) !== meta.lockDigest) {
    findings.push(finding('lock.voucher-changed', 'error', `已结账月份（至${meta.lockedThrough}）的凭证在结账后被修改`, `Vouchers in locked months (through ${meta.lockedThrough}) were changed after the lock`, { sheet: VOUCHERS.sheet }));
  }
  if (hasErrors(findings)) {
    findings.unshift(finding('lock.refused', 'error', `不能结账至${opts.through}`, `Cannot lock through ${opts.through}`));
    return resultOf(findings, { lockedThrough: meta.lockedThrough, head: evidence.head });
  }
  // The record also covers the opening balances (once) and the generated closing vouchers, since the
  // locked months' balances and statements rest on them as much as on the typed vouchers.
  const chain = await extendChain(meta.lockChain ?? [], book.vouchers, { firstMonth: `${meta.fiscalYear}-01`, through: opts.through, opening: book.opening, closing: book.closing }, sha);
  const next: WorkbookMeta = { ...meta, lockedThrough: opts.through, lockChain: chain };
  delete next.lockDigest;
  await port.writeMeta(next);
  return resultOf([], { lockedThrough: opts.through, head: chain[chain.length - 1]?.hash });
}
