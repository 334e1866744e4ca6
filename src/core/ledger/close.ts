/**
 * 结转 (year-end close), 红字冲销 (red-ink reversal) and month locks, as pure functions.
 *
 * Closing vouchers are generated, never typed: the app keeps them in a generated sheet and
 * re-runs `closeYear` whole, so the result depends on the non-closing vouchers only (any
 * generated voucher in the input is ignored) and running it twice gives the same vouchers.
 * A posted voucher is never deleted; it is corrected only by a reversal.
 */
import type { Chart } from '../chart/accounts';
import { isProfitAndLoss } from '../chart/chart-2023';
import { finding, type Finding } from '../findings';
import type { Fen } from '../money';
import { accountBalances, monthOf } from './balances';
import type { IsoDate, OpeningBalance, BookSettings, Voucher, VoucherLine, YearMonth } from './types';
import { validateVouchers } from './validate';
import { lockDigest } from './lock-digest';

/** Misuse of the close/lock API (a bug in the caller or an unusable chart), not a data finding. */
export class LedgerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** 321 本年收益 — the current-year result account. */
export const CURRENT_RESULT = '321';
/** 322 收益分配 — income distribution. */
export const DISTRIBUTION = '322';

/** The one leaf under `code` that takes closing postings: `code` itself, or its first leaf. */
function postingLeaf(chart: Chart, code: string): string {
  let c = code;
  for (;;) {
    const kids = chart.children(c);
    if (kids.length === 0) return c;
    c = kids[0]!;
  }
}

/** Every leaf at or under `code`, in chart order. */
export function leavesUnder(chart: Chart, code: string): string[] {
  const out: string[] = [];
  const walk = (c: string): void => {
    const kids = chart.children(c);
    if (kids.length === 0) out.push(c);
    else for (const k of kids) walk(k);
  };
  walk(code);
  return out;
}

/**
 * 未分配收益 — where 321 closes to: the 322 sub-account named 未分配收益 (32202 by the usual
 * numbering), else 322 itself when it has no sub-accounts. A chart whose 322 has sub-accounts
 * but none for 未分配收益 cannot be closed (thrown, since closing would have to guess).
 */
export function retainedAccount(chart: Chart): string {
  if (chart.isLeaf(DISTRIBUTION)) return DISTRIBUTION;
  const named = leavesUnder(chart, DISTRIBUTION).find((c) => chart.get(c)?.name.includes('未分配'));
  if (named !== undefined) return named;
  if (chart.isLeaf('32202')) return '32202';
  throw new LedgerError('close.no-retained-account', '收益分配(322)有明细科目但没有"未分配收益"明细科目，无法结转 / 322 has sub-accounts but none for 未分配收益');
}

/** A line moving net balance `n` (debit-positive) off `account`: credit a debit balance, debit a credit one. */
function clearLine(account: string, n: Fen): VoucherLine {
  return n > 0 ? { account, debit: 0, credit: n } : { account, debit: -n, credit: 0 };
}

/** The opposite of `clearLine`: receive a moved net balance `n` (debit-positive) on `account`. */
function receiveLine(account: string, n: Fen): VoucherLine {
  return n > 0 ? { account, debit: n, credit: 0 } : { account, debit: 0, credit: -n };
}

/**
 * Year-end close. Returns up to three generated vouchers dated `date` (default YEAR-12-31):
 * 结-1 every income and expense account (5xx) into 321 本年收益; 结-2 321 into 322 未分配收益;
 * 结-3 the 各项分配 sub-accounts of 322 (every 322 leaf but 未分配收益) into 未分配收益
 * (2004 rule, research §1.2). Empty steps produce no voucher; numbers stay consecutive.
 */
export function closeYear(input: {
  chart: Chart;
  opening: readonly OpeningBalance[];
  vouchers: readonly Voucher[];
  year: number;
  date?: IsoDate;
}): Voucher[] {
  const { chart, year } = input;
  const date = input.date ?? `${year}-12-31`;
  const inYear = input.vouchers.filter((v) => v.date.startsWith(`${year}-`));
  const bal = accountBalances({ opening: input.opening, vouchers: inYear, excludeGenerated: true });
  const net = (c: string): Fen => bal.get(c) ?? 0;
  const out: Voucher[] = [];
  const push = (summary: string, lines: VoucherLine[]): void => {
    if (lines.length === 0) return;
    out.push({ date, number: `结-${out.length + 1}`, summary, lines, generated: 'close' });
  };

  // 结-1: P&L accounts into 321.
  const resultLeaf = postingLeaf(chart, CURRENT_RESULT);
  const pl: VoucherLine[] = [];
  let moved = 0;
  for (const code of chart.order) {
    const a = chart.get(code)!;
    if (!isProfitAndLoss(a.category) || !chart.isLeaf(code)) continue;
    const n = net(code);
    if (n === 0) continue;
    pl.push(clearLine(code, n));
    moved += n;
  }
  if (pl.length > 0 && moved !== 0) pl.push(receiveLine(resultLeaf, moved));
  push('结转本年损益', pl);

  // 结-2: 321 into 322 未分配收益.
  const retained = retainedAccount(chart);
  const toRetained: VoucherLine[] = [];
  let result = 0;
  for (const c of leavesUnder(chart, CURRENT_RESULT)) {
    const n = net(c) + (c === resultLeaf ? moved : 0);
    if (n === 0) continue;
    toRetained.push(clearLine(c, n));
    result += n;
  }
  if (result !== 0) push('结转本年收益', [...toRetained, receiveLine(retained, result)]);

  // 结-3: 各项分配 into 未分配收益.
  const dist: VoucherLine[] = [];
  let distTotal = 0;
  for (const c of leavesUnder(chart, DISTRIBUTION)) {
    if (c === retained || net(c) === 0) continue;
    dist.push(clearLine(c, net(c)));
    distTotal += net(c);
  }
  if (dist.length > 0 && distTotal !== 0) dist.unshift(receiveLine(retained, distTotal));
  push('结转各项分配', dist);
  return out;
}

/**
 * 红字冲销 — a red-ink reversal: same accounts and sides, amounts negated, so the pair nets to
 * zero on every account while both stay on the books.
 */
export function reverseVoucher(original: Voucher, at: { date: IsoDate; number: string }): Voucher {
  const month = monthOf(original.date);
  const neg = (x: Fen): Fen => (x === 0 ? 0 : -x);
  return {
    date: at.date,
    number: at.number,
    summary: `冲销${month}第${original.number}号凭证：${original.summary}`,
    lines: original.lines.map((l) => {
      const line: VoucherLine = { account: l.account, debit: neg(l.debit), credit: neg(l.credit) };
      if (l.summary !== undefined) line.summary = l.summary;
      if (l.contract !== undefined) line.contract = l.contract;
      if (l.counterparty !== undefined) line.counterparty = l.counterparty;
      return line;
    }),
    reverses: { month, number: original.number },
  };
}

/** Is `month` inside the locked (结账) period? */
export function isLockedMonth(month: YearMonth, lockedThrough?: YearMonth): boolean {
  return lockedThrough !== undefined && month <= lockedThrough;
}

/**
 * May the book be locked through `through`? Not when any voucher of a month up to `through`
 * has an error finding, when `through` is outside the fiscal year, or when it would move the
 * lock backwards (unlocking is an explicit override, not a lock). `digest` is what to store as
 * BookSettings.lockDigest together with lockedThrough = through.
 */
export function checkLock(
  through: YearMonth,
  book: { chart: Chart; settings: BookSettings; vouchers: readonly Voucher[]; sheet?: string },
): { ok: boolean; findings: Finding[]; digest: string } {
  const { settings } = book;
  const findings: Finding[] = [];
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(through) || Number(through.slice(0, 4)) !== settings.fiscalYear) {
    findings.push(finding('lock.outside-year', 'error', `结账月份${through}不在${settings.fiscalYear}会计年度内`, `Lock month ${through} is not in fiscal year ${settings.fiscalYear}`));
  }
  if (settings.lockedThrough !== undefined && through < settings.lockedThrough) {
    findings.push(finding('lock.backwards', 'error', `已结账至${settings.lockedThrough}，不能改为${through}`, `The book is locked through ${settings.lockedThrough}; cannot lock through the earlier ${through}`));
  }
  // Validate as if nothing were locked yet: the point is whether these months are clean.
  const open: BookSettings = { ...settings };
  delete open.lockedThrough;
  const ctx = book.sheet === undefined ? { chart: book.chart, settings: open } : { chart: book.chart, settings: open, sheet: book.sheet };
  const upTo = book.vouchers.filter((v) => monthOf(v.date) <= through);
  const errors = validateVouchers(upTo, ctx).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    findings.push(finding('lock.invalid-vouchers', 'error', `${through}及以前有${errors.length}处凭证错误，不能结账`, `${errors.length} voucher error(s) in or before ${through}; cannot lock`));
    findings.push(...errors);
  }
  return { ok: findings.length === 0, findings, digest: lockDigest(book.vouchers, through) };
}
