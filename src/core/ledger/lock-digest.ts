/**
 * The old lock fingerprint (FNV), kept only for books locked before the SHA-256 hash chain
 * (lock-chain.ts): validation still compares it, and locking again checks it before upgrading
 * such a book to the chain. Nothing new is fingerprinted this way. Not a security hash.
 */
import { monthOf } from './balances';
import type { Voucher, YearMonth } from './types';

/** FNV-1a, two 32-bit lanes with different seeds, as 16 hex digits. */
function fnv(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Digest of every non-generated voucher dated in a month up to and including `through`. */
export function lockDigest(vouchers: readonly Voucher[], through: YearMonth): string {
  const parts: string[] = [];
  for (const v of vouchers) {
    if (v.generated !== undefined || monthOf(v.date) > through) continue;
    const lines = v.lines.map((l) => `${l.account}:${l.debit}:${l.credit}`).sort().join(',');
    parts.push(`${v.date}|${v.number.trim()}|${v.summary}|${lines}`);
  }
  return fnv(parts.sort().join('\n'));
}

/**
 * Were vouchers of locked months changed after the lock? The one question the rest of the
 * engine asks of the digest (validation, township consolidation), so a stronger fingerprint
 * replaces it here only. False when the book has no lock or no digest to compare with.
 */
export function lockedMonthsEdited(vouchers: readonly Voucher[], lock: { lockedThrough?: YearMonth; lockDigest?: string }): boolean {
  if (lock.lockedThrough === undefined || lock.lockDigest === undefined) return false;
  return lockDigest(vouchers, lock.lockedThrough) !== lock.lockDigest;
}
