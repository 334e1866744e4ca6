/**
 * Classify the accountant's vouchers against 322 收益分配 for the distribution half of the
 * 收益及收益分配表. Per voucher (closing vouchers excluded), the net movement on 322 and its
 * sub-accounts decides:
 * - net debit (a distribution): spread over the voucher's credit lines on other accounts, in
 *   line order, each capped by what is left: Cr 311 → reserve (提取公积公益金); Cr 211 / 113 /
 *   212 → members (向成员分配); other credits, and any rest without a counter line → other.
 * - net credit (money into 322): the part not matched by debits on 321 → otherIn (其他转入).
 * - movements between 322 sub-accounts net to zero and count for nothing.
 * A red-ink voucher (negative amounts) is classified as its mirror image and counted negative,
 * so a reversed distribution disappears from the statement.
 */
import type { Fen } from '../money';
import type { Voucher, VoucherLine, YearMonth } from '../ledger/types';
import { nextMonth } from '../ledger/balances';

export interface Distributions {
  reserve: Fen;
  members: Fen;
  other: Fen;
  otherIn: Fen;
}

const DISTRIBUTION = '322';
const RESULT = '321';
/** Counter-account (first-level) → distribution class. */
export const DISTRIBUTION_CLASSES: Readonly<Record<string, 'reserve' | 'members'>> = { '311': 'reserve', '211': 'members', '113': 'members', '212': 'members' };

const root = (code: string): string => code.slice(0, 3);

/** Hot: runs for every voucher of the year, so no allocation. */
function touches(lines: readonly VoucherLine[]): boolean {
  for (let i = 0; i < lines.length; i++) if (lines[i]!.account.startsWith(DISTRIBUTION)) return true;
  return false;
}

export function classifyDistributions(vouchers: readonly Voucher[], from: YearMonth, to: YearMonth): Distributions {
  const out: Distributions = { reserve: 0, members: 0, other: 0, otherIn: 0 };
  const end = nextMonth(to);
  for (const v of vouchers) {
    if (v.generated !== undefined || v.date < from || v.date >= end) continue;
    addDistribution(v.lines, out);
  }
  return out;
}

/**
 * Adds one voucher's share to `out`; the caller has already checked that it is in the period
 * and not a closing voucher (the income statement does so in its single pass over the year).
 */
export function addDistribution(lines: readonly VoucherLine[], out: Distributions): void {
  if (!touches(lines)) return;
  const red = lines.some((l) => l.debit < 0 || l.credit < 0);
  addVoucher(lines, red ? -1 : 1, out);
}

function addVoucher(lines: readonly VoucherLine[], s: 1 | -1, out: Distributions): void {
  let net = 0;
  for (const l of lines) if (root(l.account) === DISTRIBUTION) net += s * (l.debit - l.credit);
  if (net > 0) {
    let left = net;
    for (const l of lines) {
      const c = s * l.credit;
      if (left === 0 || c <= 0 || root(l.account) === DISTRIBUTION) continue;
      const take = Math.min(c, left);
      out[DISTRIBUTION_CLASSES[root(l.account)] ?? 'other'] += s * take;
      left -= take;
    }
    out.other += s * left;
  } else if (net < 0) {
    let fromResult = 0;
    for (const l of lines) if (root(l.account) === RESULT) fromResult += s * l.debit;
    out.otherIn += s * Math.max(0, -net - Math.max(0, fromResult));
  }
}
