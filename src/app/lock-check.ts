/**
 * The lock evidence of a book read through the port: the SHA-256 chain (core/ledger/lock-chain.ts)
 * checked against the vouchers now on the book, or, for a book locked before the chain existed,
 * a warning that it carries only the old fingerprint and should be locked again to upgrade (the
 * old fingerprint itself is still compared by validateVouchers).
 */
import { finding, type Finding } from '../core/findings';
import { verifyChain, type Sha256Batch } from '../core/ledger/lock-chain';
import { META_SHEET, OPENING, SHEETS, VOUCHERS } from '../workbook/layout';
import type { Book } from './book';

export interface LockEvidence {
  findings: Finding[];
  /** The chain's last hash (what the township keeps), when the book has a chain. */
  head: string | undefined;
  /** Months verified intact against the chain. */
  intactMonths: string[];
}

/** The sheets lock findings name, from the workbook layout. */
export const CHAIN_SHEETS = { vouchers: VOUCHERS.sheet, opening: OPENING.sheet, closing: SHEETS.closingVouchers };

export async function checkLockEvidence(book: Pick<Book, 'meta' | 'vouchers' | 'opening' | 'closing'>, sha: Sha256Batch): Promise<LockEvidence> {
  const { meta } = book;
  if (meta.lockChain !== undefined) {
    return verifyChain(meta.lockChain, book.vouchers, meta.lockedThrough, sha, { opening: book.opening, closing: book.closing, sheets: CHAIN_SHEETS });
  }
  if (meta.lockedThrough === undefined) return { findings: [], head: undefined, intactMonths: [] };
  const old = meta.lockDigest !== undefined;
  return {
    findings: [finding('lock.old-fingerprint', 'warning',
      old ? `本账套用旧版指纹结账（至${meta.lockedThrough}），请重新结账至${meta.lockedThrough}以升级为 SHA-256 哈希链` : `本账套已结账至${meta.lockedThrough}但没有结账记录，请重新结账以生成哈希链`,
      old ? `This book was locked (through ${meta.lockedThrough}) with the old fingerprint; lock through ${meta.lockedThrough} again to upgrade to the SHA-256 hash chain` : `This book is locked through ${meta.lockedThrough} without a lock record; lock again to create the hash chain`,
      { sheet: META_SHEET })],
    head: undefined,
    intactMonths: [],
  };
}
