/**
 * Classify the accountant's vouchers against 322 收益分配 for the distribution half of the
 * 收益及收益分配表, by the 322 sub-account DEBITED — the chart `init` creates says what each
 * distribution is, whatever account is credited (a cash payout to members, Dr 3220102 / Cr 102,
 * is 向成员分配; a credit to 212 is not a distribution by itself):
 * - 3220101 提取公积公益金 → reserve; 3220102 向成员分配 → members; 3220103 其他分配 → other
 *   (their own sub-accounts count with them). A class line counts debit − credit, so a
 *   reclassification between the three, or a blue-ink correction, moves the figure.
 * - A voucher that moves 各项分配 into 未分配收益 (class lines and other 322 lines in opposite
 *   directions, e.g. a hand-typed Dr 32202 / Cr 3220101) is internal to 322 and counts for nothing.
 * - A net debit on 322 outside the three (32201 itself, 32202, 322 with no sub-accounts), not
 *   matched by a credit to 321 (a loss closed by hand), is a distribution of unknown class: it
 *   shows under 其他分配 and is a finding naming the line, so the statement is never silently wrong.
 * - A net credit on 322 outside the three, not matched by a debit to 321 → otherIn (其他转入).
 * A red-ink voucher (negative amounts) is classified as its mirror image and counted negative,
 * so a reversed distribution disappears from the statement.
 */
import type { Fen } from '../money';
import { finding, type Finding } from '../findings';
import type { Voucher, VoucherLine, YearMonth } from '../ledger/types';
import { nextMonth } from '../ledger/balances';

export interface Distributions {
  reserve: Fen;
  members: Fen;
  other: Fen;
  otherIn: Fen;
  /** Distribution debits on 322 that name no class (counted in `other`), one per voucher line. */
  unclassified: { date: string; number: string; account: string; amount: Fen; source?: { sheet: string; row: number } }[];
}

export type DistributionClass = 'reserve' | 'members' | 'other';

const DISTRIBUTION = '322';
const RESULT = '321';
/**
 * The 322 sub-accounts `init` creates (src/app/init-village.ts), one per line of the statement.
 * Source: the 2004 system's 32201 各项分配 detail (提取公积公益金, 应付福利费, 向成员分配, 其他) as
 * carried into the 2023 chart by 财会〔2023〕20号's transition, minus 应付福利费 (no 2023 account).
 * Inferred, not from the 2023 form: recheck against the official 收益及收益分配表 when found.
 */
export const DISTRIBUTION_CLASSES: Readonly<Record<string, DistributionClass>> = { '3220101': 'reserve', '3220102': 'members', '3220103': 'other' };

export function emptyDistributions(): Distributions {
  return { reserve: 0, members: 0, other: 0, otherIn: 0, unclassified: [] };
}

/** The class of a 322 line by its code (a sub-account of a class counts with it), or undefined. */
function classOf(code: string): DistributionClass | undefined {
  if (code.length < 7) return undefined;
  return DISTRIBUTION_CLASSES[code.slice(0, 7)];
}

/** Hot: runs for every voucher of the year, so no allocation. */
function touches(lines: readonly VoucherLine[]): boolean {
  for (let i = 0; i < lines.length; i++) if (lines[i]!.account.startsWith(DISTRIBUTION)) return true;
  return false;
}

export function classifyDistributions(vouchers: readonly Voucher[], from: YearMonth, to: YearMonth): Distributions {
  const out = emptyDistributions();
  const end = nextMonth(to);
  for (const v of vouchers) {
    if (v.generated !== undefined || v.date < from || v.date >= end) continue;
    addDistribution(v, out);
  }
  return out;
}

/**
 * Adds one voucher's share to `out`; the caller has already checked that it is in the period
 * and not a closing voucher (the income statement does so in its single pass over the year).
 */
export function addDistribution(v: Voucher, out: Distributions): void {
  if (!touches(v.lines)) return;
  const red = v.lines.some((l) => l.debit < 0 || l.credit < 0);
  addVoucher(v, red ? -1 : 1, out);
}

function addVoucher(v: Voucher, s: 1 | -1, out: Distributions): void {
  const byClass = { reserve: 0, members: 0, other: 0 };
  let classNet = 0;
  let rest = 0;
  let result = 0;
  for (const l of v.lines) {
    const net = s * (l.debit - l.credit);
    if (l.account.startsWith(RESULT)) result += net;
    if (!l.account.startsWith(DISTRIBUTION)) continue;
    const k = classOf(l.account);
    if (k) {
      byClass[k] += net;
      classNet += net;
    } else rest += net;
  }
  // 各项分配 closed into 未分配收益 by hand: internal to 322, only what is left over counts.
  const internal = classNet !== 0 && rest !== 0 && Math.sign(classNet) !== Math.sign(rest);
  if (internal) rest += classNet;
  else for (const k of ['reserve', 'members', 'other'] as const) out[k] += s * byClass[k];
  if (rest > 0) {
    const unknown = Math.max(0, rest + Math.min(0, result));
    if (unknown > 0) addUnclassified(v, s, unknown, out);
  } else if (rest < 0) {
    out.otherIn += s * Math.max(0, -rest - Math.max(0, result));
  }
}

function addUnclassified(v: Voucher, s: 1 | -1, amount: Fen, out: Distributions): void {
  out.other += s * amount;
  const line = v.lines.find((l) => l.account.startsWith(DISTRIBUTION) && classOf(l.account) === undefined && s * l.debit > 0);
  out.unclassified.push({ date: v.date, number: v.number, account: line?.account ?? DISTRIBUTION, amount: s * amount, ...(line?.source && { source: line.source }) });
}

/** One finding per distribution debited to 322 without a class sub-account (3220101/3220102/3220103). */
export function unclassifiedFindings(d: Distributions): Finding[] {
  return d.unclassified.map((u) =>
    finding(
      'distribution.no-subaccount',
      'error',
      `${u.date} 第${u.number}号凭证借记${u.account}收益分配而未用明细科目（3220101提取公积公益金、3220102向成员分配、3220103其他分配），收益分配表暂列入其他分配`,
      `voucher ${u.number} of ${u.date} debits ${u.account} without a distribution sub-account (3220101 reserve, 3220102 members, 3220103 other); the statement shows it under other distributions for now`,
      { sheet: u.source?.sheet ?? '凭证', ...(u.source && { row: u.source.row }), column: '科目编码' },
    ),
  );
}
