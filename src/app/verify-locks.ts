/**
 * verifyLocks: read-only check of a book's locked months against its SHA-256 lock chain. Names every
 * voucher changed, removed or inserted in a locked month, and gives the chain's head (the last
 * month's hash) for the township to keep and compare next time: whoever can edit the file can
 * also rewrite the chain, so only a head kept elsewhere notices that.
 */
import { checkKeptHead, type Sha256Batch } from '../core/ledger/lock-chain';
import type { RunOptions, WorkbookPort } from '../workbook/port';
import { readBook } from './book';
import { checkLockEvidence } from './lock-check';
import { resultOf, type UseCaseResult } from './result';
import { webSha256 } from './sha256';

export interface VerifyLocksResult extends UseCaseResult {
  lockedThrough: string | undefined;
  /** Last recorded month's hash, or undefined when the book has no chain. */
  head: string | undefined;
  /** Each recorded month, its voucher count at lock time, and whether it still matches. */
  months: { month: string; vouchers: number; intact: boolean }[];
}

export interface VerifyLocksOptions extends RunOptions {
  /** A chain head kept from an earlier check: it must still be one of the chain's month hashes. */
  keptHead?: string;
}

export async function verifyLocks(port: WorkbookPort, run?: VerifyLocksOptions, sha: Sha256Batch = webSha256): Promise<VerifyLocksResult> {
  const book = await readBook(port, run);
  const evidence = await checkLockEvidence(book, sha);
  if (run?.keptHead !== undefined) evidence.findings.push(...checkKeptHead((book.meta.lockChain ?? []).map((m) => m.hash), run.keptHead));
  const intact = new Set(evidence.intactMonths);
  const months = (book.meta.lockChain ?? []).map((m) => ({ month: m.month, vouchers: m.vouchers.length, intact: intact.has(m.month) }));
  return resultOf(evidence.findings, { lockedThrough: book.meta.lockedThrough, head: evidence.head, months });
}
