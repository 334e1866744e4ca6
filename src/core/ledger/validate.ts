/**
 * Voucher and opening-balance checks. Every problem is one Finding (rule id, zh, en) pointing
 * at the line's workbook cell when the line carries a `source`.
 *
 * Rules: voucher.unbalanced, line.unknown-account, line.not-leaf, line.both-sides, line.zero,
 * line.negative, voucher.bad-reversal, voucher.outside-year, voucher.locked-period,
 * voucher.no-summary, voucher.duplicate-number, voucher.number-gap (warning);
 * opening.unbalanced, opening.unknown-account, opening.not-leaf, opening.both-sides,
 * opening.pl-balance (warning: an income/expense account opens the year with a balance).
 *
 * Red ink: a negative amount is allowed only in a voucher whose `reverses` names an existing
 * voucher that it mirrors exactly (same accounts and sides, every amount negated); anything
 * else with a negative amount is 'line.negative', and a `reverses` that mirrors nothing is
 * 'voucher.bad-reversal'.
 *
 * Duplicate numbers: the workbook has one row per line, and the codec (workbook/codecs/
 * vouchers.ts) groups all rows of one (month, 凭证号) into a single voucher, warning
 * 'voucher.mixed-dates' when their dates differ. So within one decoded sheet a reused number
 * shows as mixed dates; 'voucher.duplicate-number' is the same (month, number) met in more
 * than one Voucher object: vouchers from several sheets or files, an import colliding with
 * `existing`, or vouchers built in code. It is reported on every voucher after the first.
 */
import type { Chart } from '../chart/accounts';
import { isProfitAndLoss } from '../chart/chart-2023';
import { finding, type Finding } from '../findings';
import { formatFen, type Fen } from '../money';
import { monthOf } from './balances';
import type { BookSettings, OpeningBalance, Voucher, VoucherLine } from './types';
import { lockedMonthsEdited } from './lock-digest';
import { VoucherIndex } from './numbering';

export interface ValidateContext {
  chart: Chart;
  settings: BookSettings;
  /** Sheet name used when a line has no `source` (default 凭证). */
  sheet?: string;
  /**
   * Vouchers already on the books when `vouchers` are new ones being added (import, append).
   * Given: new vouchers in a locked month are 'voucher.locked-period', and duplicates and
   * reversal targets are looked up among both. Not given: `vouchers` is the whole book, and the
   * lock is checked against `settings.lockDigest` (a changed locked month is one finding).
   */
  existing?: readonly Voucher[];
}

/** Workbook column headers of the 凭证 sheet, for finding locations. */
export const VOUCHER_COLUMNS = { date: '日期', number: '凭证号', summary: '摘要', account: '科目编码', debit: '借方金额', credit: '贷方金额' } as const;

type At = { sheet?: string; row?: number; column?: string };

function lineAt(l: VoucherLine | undefined, sheet: string, column: string): At {
  return l?.source ? { sheet: l.source.sheet, row: l.source.row, column } : { sheet, column };
}

const label = (v: Voucher): string => `${v.date} ${v.number}`;

/** Does `rev` mirror `orig` line for line (multiset of accounts and sides, amounts negated)? */
function mirrors(rev: Voucher, orig: Voucher): boolean {
  if (rev.lines.length !== orig.lines.length) return false;
  const sig = (l: VoucherLine, s: number): string => `${l.account}|${s * l.debit || 0}|${s * l.credit || 0}`;
  const a = orig.lines.map((l) => sig(l, -1)).sort();
  const b = rev.lines.map((l) => sig(l, 1)).sort();
  return a.every((x, i) => x === b[i]);
}

/** Leaf status per code, looked up once per account rather than once per line. */
const UNKNOWN = 0;
const NOT_LEAF = 1;
const LEAF = 2;

function hasText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) return true;
  return false;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function isIsoDateIn(date: string, year: string): boolean {
  if (date.length !== 10 || !date.startsWith(year) || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return false;
  return isDigit(date.charCodeAt(5)) && isDigit(date.charCodeAt(6)) && isDigit(date.charCodeAt(8)) && isDigit(date.charCodeAt(9));
}

/** Check vouchers against the chart and the book settings; one finding per problem. */
export function validateVouchers(vouchers: readonly Voucher[], ctx: ValidateContext): Finding[] {
  const { chart, settings } = ctx;
  const sheet = ctx.sheet ?? '凭证';
  const out: Finding[] = [];
  // Existing vouchers are taken first, so a new voucher reusing their number is the duplicate.
  const index = new VoucherIndex();
  for (const v of ctx.existing ?? []) index.add(v);
  const fresh = vouchers.map((v) => index.add(v));
  const year = String(settings.fiscalYear);
  const status = new Map<string, number>();
  const statusOf = (code: string): number => {
    let st = status.get(code);
    if (st === undefined) status.set(code, (st = chart.get(code) === undefined ? UNKNOWN : chart.isLeaf(code) ? LEAF : NOT_LEAF));
    return st;
  };
  const lockedThrough = ctx.existing !== undefined ? settings.lockedThrough : undefined;

  for (let i = 0; i < vouchers.length; i++) {
    const v = vouchers[i]!;
    const first = v.lines[0];
    if (!fresh[i]) {
      out.push(finding('voucher.duplicate-number', 'error', `${monthOf(v.date)}月凭证号${v.number}重复（${label(v)}）`, `Voucher number ${v.number} is used twice in ${monthOf(v.date)} (${label(v)})`, lineAt(first, sheet, VOUCHER_COLUMNS.number)));
    }
    if (!isIsoDateIn(v.date, year)) {
      out.push(finding('voucher.outside-year', 'error', `凭证${label(v)}的日期不在${year}会计年度内`, `Voucher ${label(v)} is dated outside fiscal year ${year}`, lineAt(first, sheet, VOUCHER_COLUMNS.date)));
    }
    if (lockedThrough !== undefined && monthOf(v.date) <= lockedThrough) {
      const month = monthOf(v.date);
      out.push(finding('voucher.locked-period', 'error', `${month}已结账，不能再录入凭证${label(v)}；请在未结账月份用红字冲销更正`, `${month} is locked; voucher ${label(v)} cannot be added there. Correct by a reversal in an open month`, lineAt(first, sheet, VOUCHER_COLUMNS.date)));
    }
    if (!hasText(v.summary)) {
      out.push(finding('voucher.no-summary', 'error', `凭证${label(v)}缺少摘要`, `Voucher ${label(v)} has no summary`, lineAt(first, sheet, VOUCHER_COLUMNS.summary)));
    }
    let goodReversal = false;
    if (v.reverses) {
      const target = index.get(v.reverses.month, v.reverses.number);
      goodReversal = target !== undefined && target !== v && mirrors(v, target);
      if (!goodReversal) {
        out.push(finding('voucher.bad-reversal', 'error', `凭证${label(v)}冲销的${v.reverses.month}第${v.reverses.number}号凭证${target ? '与之金额科目不对应' : '不存在'}`, `Voucher ${label(v)} reverses ${v.reverses.month} no. ${v.reverses.number}, which ${target ? 'it does not mirror' : 'does not exist'}`, lineAt(first, sheet, VOUCHER_COLUMNS.number)));
      }
    }
    let dr = 0;
    let cr = 0;
    const lines = v.lines;
    for (let j = 0; j < lines.length; j++) {
      const l = lines[j]!;
      dr += l.debit;
      cr += l.credit;
      const st = statusOf(l.account);
      // The common case (a leaf, one positive side) costs only these tests.
      if (st === LEAF && ((l.debit > 0 && l.credit === 0) || (l.credit > 0 && l.debit === 0))) continue;
      checkLine(l, v, st, goodReversal, chart, sheet, out);
    }
    if (dr !== cr) {
      out.push(finding('voucher.unbalanced', 'error', `凭证${label(v)}借贷不平：借方${formatFen(dr)}，贷方${formatFen(cr)}`, `Voucher ${label(v)} does not balance: debits ${formatFen(dr)}, credits ${formatFen(cr)}`, lineAt(first, sheet, VOUCHER_COLUMNS.debit)));
    }
  }
  out.push(...index.gaps(sheet));
  if (ctx.existing === undefined && settings.lockedThrough !== undefined) {
    if (lockedMonthsEdited(vouchers, settings)) {
      out.push(finding('voucher.locked-period', 'error', `已结账月份（至${settings.lockedThrough}）的凭证被修改；已结账凭证只能用红字冲销更正`, `Vouchers in locked months (through ${settings.lockedThrough}) were changed; correct locked vouchers only by reversal`, { sheet }));
    }
  }
  return out;
}

function checkLine(l: VoucherLine, v: Voucher, st: number, redInk: boolean, chart: Chart, sheet: string, out: Finding[]): void {
  const where = `凭证${label(v)}`;
  const whereEn = `voucher ${label(v)}`;
  if (st === UNKNOWN) {
    out.push(finding('line.unknown-account', 'error', `${where}的科目编码${l.account}不在科目表中`, `Account ${l.account} in ${whereEn} is not in the chart`, lineAt(l, sheet, VOUCHER_COLUMNS.account)));
  } else if (st === NOT_LEAF) {
    out.push(finding('line.not-leaf', 'error', `${where}记入了非末级科目${l.account} ${chart.get(l.account)?.name ?? ''}；只有末级科目可以记账`, `${whereEn} posts to ${l.account}, which has sub-accounts; only leaf accounts take postings`, lineAt(l, sheet, VOUCHER_COLUMNS.account)));
  }
  if (l.debit !== 0 && l.credit !== 0) {
    out.push(finding('line.both-sides', 'error', `${where}的同一行既有借方又有贷方金额`, `A line of ${whereEn} has both a debit and a credit`, lineAt(l, sheet, VOUCHER_COLUMNS.credit)));
  } else if (l.debit === 0 && l.credit === 0) {
    out.push(finding('line.zero', 'error', `${where}有一行金额为零`, `A line of ${whereEn} has no amount`, lineAt(l, sheet, VOUCHER_COLUMNS.debit)));
  }
  if ((l.debit < 0 || l.credit < 0) && !redInk) {
    const col = l.debit < 0 ? VOUCHER_COLUMNS.debit : VOUCHER_COLUMNS.credit;
    out.push(finding('line.negative', 'error', `${where}有负数金额；负数只用于红字冲销凭证`, `${whereEn} has a negative amount; negative amounts are only for red-ink reversals`, lineAt(l, sheet, col)));
  }
}

/** Check the 期初余额 table: known leaf accounts, one side per row, debits = credits. */
export function validateOpening(opening: readonly OpeningBalance[], chart: Chart, sheet = '期初余额'): Finding[] {
  const out: Finding[] = [];
  let dr: Fen = 0;
  let cr: Fen = 0;
  for (const o of opening) {
    dr += o.debit;
    cr += o.credit;
    const at = (column: string): At => (o.source ? { sheet: o.source.sheet, row: o.source.row, column } : { sheet, column });
    const acc = chart.get(o.account);
    if (acc === undefined) {
      out.push(finding('opening.unknown-account', 'error', `期初余额的科目编码${o.account}不在科目表中`, `Opening balance account ${o.account} is not in the chart`, at(VOUCHER_COLUMNS.account)));
    } else if (!chart.isLeaf(o.account)) {
      out.push(finding('opening.not-leaf', 'error', `期初余额记入了非末级科目${o.account} ${acc.name}，应录入其明细科目`, `Opening balance on ${o.account}, which has sub-accounts; enter it on the leaf accounts`, at(VOUCHER_COLUMNS.account)));
    }
    if (acc !== undefined && isProfitAndLoss(acc.category) && o.debit !== o.credit) {
      out.push(finding('opening.pl-balance', 'warning', `损益类科目${o.account} ${acc.name}有年初余额；上年应已结转，年初余额不计入本年收益`, `Income/expense account ${o.account} has an opening balance; the prior year should have been closed, and it does not count as this year's result`, at(VOUCHER_COLUMNS.account)));
    }
    if (o.debit !== 0 && o.credit !== 0) {
      out.push(finding('opening.both-sides', 'error', `期初余额科目${o.account}同时有借方和贷方余额`, `Opening balance of ${o.account} has both a debit and a credit`, at(VOUCHER_COLUMNS.credit)));
    }
  }
  if (dr !== cr) {
    out.push(finding('opening.unbalanced', 'error', `期初余额借贷不平：借方${formatFen(dr)}，贷方${formatFen(cr)}，差额${formatFen(dr - cr)}`, `Opening balances do not balance: debits ${formatFen(dr)}, credits ${formatFen(cr)}, difference ${formatFen(dr - cr)}`, { sheet }));
  }
  return out;
}
