/**
 * 收益及收益分配表 — income and distribution statement (DOMAIN.md §2, research §2.3–2.4).
 * The official 2023 行次 were not available; lines are numbered 1–20 in form order, and each
 * line resting on inference says so (`inferred`, with its source).
 *
 * P&L lines are the period's activity (from..to) EXCLUDING generated closing vouchers, so the
 * statement reads the same before and after 结转. Income lines are credit-positive (a net debit
 * on 投资收益 shows as a negative amount), expense lines debit-positive.
 *
 * Distribution lines come from the accountant's vouchers against 322 收益分配, classified by the
 * 322 sub-account debited (see distribution.ts): 3220101 → 提取公积公益金; 3220102 → 向成员分配;
 * 3220103 → 其他分配; a debit to 322 that names none of them is a finding.
 * 其他转入 = credits to 322 from accounts other than 321 (closing and 322-internal transfers
 * are not income of the distribution). 年初未分配收益 = the year opening of 322 (credit-positive).
 */
import type { Chart } from '../chart/accounts';
import { isProfitAndLoss } from '../chart/chart-2023';
import { finding, type Finding } from '../findings';
import { formatFen, type Fen } from '../money';
import { accountBalances, nextMonth } from '../ledger/balances';
import type { OpeningBalance, Voucher, YearMonth } from '../ledger/types';
import { addDistribution, emptyDistributions, unclassifiedFindings, type Distributions } from './distribution';
import { evaluateLines, feedAmount, type Feed, type LineDef } from './lines';
import { operatingIncomeOf } from './operating-income';

const income = (account: string): Feed => ({ account, sign: -1 });
const expense = (account: string): Feed => ({ account, sign: 1 });

/** Why the 行次 are 1–20: the official 2023 form was not found (research §2.4); the 2004 行次 (§2.3) are unverified. */
const INFERRED_NUMBERS = '行次 1–20 in form order: the official 2023 form was not found (research/domain-accounting.md §2.4)';
/** The distribution half: the 2004 form's lines (research §2.3) without 提取应付福利费, 外来投资分利 and 农户分配 merged into 向成员分配 (§2.4 [I]). */
const DISTRIBUTION_LINES = '2004 distribution lines less 提取应付福利费 (no 2023 account); 外来投资分利 and 农户分配 as 向成员分配 — research §2.3–2.4 [I]';

export const INCOME_STATEMENT_LINES = [
  { line: 1, key: 'operatingRevenue', label: '一、经营收入', feeds: [income('501')], inferred: INFERRED_NUMBERS },
  { line: 2, key: 'investmentIncome', label: '加：投资收益', feeds: [income('502')], inferred: '2023 placement above 经营收益: 财会〔2023〕14号 account list (502 投资收益 among operating income) and DOMAIN.md §2; the 2004 form had it there too (research §2.3)' },
  { line: 3, key: 'operatingExpenses', label: '减：经营支出', feeds: [expense('511')] },
  { line: 4, key: 'taxesAndSurcharges', label: '税金及附加', feeds: [expense('512')], inferred: 'new 2023 account 512; placed with the operating costs as in the 2021 cooperative form (research §2.4 [I])' },
  { line: 5, key: 'adminExpenses', label: '管理费用', feeds: [expense('513')] },
  { line: 6, key: 'operatingResult', label: '二、经营收益', formula: [[1, 1], [2, 1], [3, -1], [4, -1], [5, -1]] },
  { line: 7, key: 'subsidyIncome', label: '加：补助收入', feeds: [income('503')] },
  { line: 8, key: 'otherIncome', label: '其他收入', feeds: [income('504')] },
  { line: 9, key: 'publicWelfareExpenses', label: '减：公益支出', feeds: [expense('514')], inferred: 'new 2023 account 514 below 经营收益: research §2.4 [I]' },
  { line: 10, key: 'otherExpenses', label: '其他支出', feeds: [expense('515')] },
  { line: 11, key: 'totalResult', label: '三、收益总额', formula: [[6, 1], [7, 1], [8, 1], [9, -1], [10, -1]] },
  { line: 12, key: 'incomeTax', label: '减：所得税费用', feeds: [expense('521')], inferred: 'new 2023 account 521; 净收益 = 收益总额 − 所得税费用 per DOMAIN.md §2 (research §2.4 [I])' },
  { line: 13, key: 'netResult', label: '四、净收益', formula: [[11, 1], [12, -1]] },
  { line: 14, key: 'retainedOpening', label: '加：年初未分配收益', value: 'retainedOpening' },
  { line: 15, key: 'otherTransfersIn', label: '其他转入', value: 'otherIn', inferred: 'kept from the 2004 form (research §2.3, 编制说明 in cjtkj.md)' },
  { line: 16, key: 'distributable', label: '五、可分配收益', formula: [[13, 1], [14, 1], [15, 1]] },
  { line: 17, key: 'toReserve', label: '减：提取公积公益金', value: 'reserve', inferred: DISTRIBUTION_LINES },
  { line: 18, key: 'toMembers', label: '向成员分配', value: 'members', inferred: DISTRIBUTION_LINES },
  { line: 19, key: 'otherDistributions', label: '其他分配', value: 'other', inferred: DISTRIBUTION_LINES },
  { line: 20, key: 'retainedClosing', label: '六、年末未分配收益', formula: [[16, 1], [17, -1], [18, -1], [19, -1]] },
] as const satisfies readonly LineDef[];

export type IncomeStatementKey = (typeof INCOME_STATEMENT_LINES)[number]['key'];

export interface IncomeStatementRow {
  line: number;
  key: IncomeStatementKey;
  label: string;
  amount: Fen;
  /** 上年金额 — the prior year's figure, when known (withPriorYear). */
  priorAmount?: Fen;
}

export interface IncomeStatement {
  from: YearMonth;
  to: YearMonth;
  rows: IncomeStatementRow[];
  /** 集体经营性收入 = 经营收入 + 投资收益 (DOMAIN §3). */
  operatingIncome: Fen;
  findings: Finding[];
}

type In = { chart: Chart; opening: readonly OpeningBalance[]; vouchers: readonly Voucher[]; from: YearMonth; to: YearMonth };

const isPL = (chart: Chart, code: string): boolean => isProfitAndLoss(chart.get(code)?.category);

/**
 * The period's activity per posted account (what accountBalances gives with excludeGenerated)
 * and the distributions (what classifyDistributions gives), from one pass over the vouchers
 * instead of two: on a million lines the second pass cost as much as the first. One mutable
 * box per account, so a line costs one Map lookup rather than a get and a set.
 */
function periodActivity(vouchers: readonly Voucher[], from: YearMonth, to: YearMonth): { activity: Map<string, Fen>; dist: Distributions; closed: boolean } {
  const dist: Distributions = emptyDistributions();
  const boxes = new Map<string, { n: Fen }>();
  const end = nextMonth(to);
  const toEnd = `${to}-32`;
  // Is the period closed (a 结转 voucher within it)? Seen on the way, not by another pass.
  let closed = false;
  for (let i = 0; i < vouchers.length; i++) {
    const v = vouchers[i]!;
    if (v.generated !== undefined) {
      if (v.generated === 'close' && v.date >= from && v.date < toEnd) closed = true;
      continue;
    }
    if (v.date < from || v.date >= end) continue;
    const lines = v.lines;
    for (let j = 0; j < lines.length; j++) {
      const l = lines[j]!;
      const b = boxes.get(l.account);
      if (b === undefined) boxes.set(l.account, { n: l.debit - l.credit });
      else b.n += l.debit - l.credit;
    }
    addDistribution(v, dist);
  }
  const activity = new Map<string, Fen>();
  for (const [code, b] of boxes) activity.set(code, b.n);
  return { activity, dist, closed };
}

/** Build the 收益及收益分配表 for the months from..to (normally the whole fiscal year). */
export function buildIncomeStatement(input: In): IncomeStatement {
  const { chart } = input;
  const { activity, dist, closed: closeInPeriod } = periodActivity(input.vouchers, input.from, input.to);
  const opening = accountBalances({ opening: input.opening, vouchers: [] });
  const values = {
    retainedOpening: feedAmount({ account: '322', sign: -1 }, opening),
    otherIn: dist.otherIn,
    reserve: dist.reserve,
    members: dist.members,
    other: dist.other,
  };
  const amounts = evaluateLines(INCOME_STATEMENT_LINES, activity, values);
  const whole = isWholeYear(input.from, input.to);
  // A part of a year ends in 期末, not 年末, 未分配收益.
  const label = (d: (typeof INCOME_STATEMENT_LINES)[number]): string => (whole || d.key !== 'retainedClosing' ? d.label : '六、期末未分配收益');
  const rows = INCOME_STATEMENT_LINES.map((d) => ({ line: d.line, key: d.key, label: label(d), amount: amounts.get(d.line) ?? 0 }));
  const get = (key: IncomeStatementKey): Fen => rows.find((r) => r.key === key)?.amount ?? 0;
  const findings: Finding[] = unclassifiedFindings(dist);
  const check = (what: string, stated: Fen, ledger: Fen): void => {
    if (stated === ledger) return;
    findings.push(finding('is.subtotal', 'error', `收益及收益分配表"${what}"为${formatFen(stated)}，账面为${formatFen(ledger)}`, `Income statement "${what}" is ${formatFen(stated)} but the ledger gives ${formatFen(ledger)}`, { sheet: '收益及收益分配表' }));
  };
  // 净收益 against every income and expense account: catches P&L accounts outside the lines.
  let pl = 0;
  for (const [code, n] of activity) if (isPL(chart, code)) pl -= n;
  check('净收益', get('netResult'), pl);
  // After the year-end close, a whole-year 年末未分配收益 must be 322's closing balance.
  const closed = input.from.endsWith('-01') && closeInPeriod;
  if (closed) {
    const end = accountBalances({ opening: input.opening, vouchers: input.vouchers, to: input.to });
    check('年末未分配收益', get('retainedClosing'), feedAmount({ account: '322', sign: -1 }, end));
  }
  return { from: input.from, to: input.to, rows, operatingIncome: operatingIncomeOf((a) => feedAmount(income(a), activity)), findings };
}

/** 集体经营性收入 (collective operating income) for from..to, closing vouchers excluded. */
export function operatingIncome(input: { vouchers: readonly Voucher[]; from: YearMonth; to: YearMonth }): Fen {
  const activity = accountBalances({ vouchers: input.vouchers, from: input.from, to: input.to, excludeGenerated: true });
  return operatingIncomeOf((a) => feedAmount(income(a), activity));
}

/** January to December of one year. */
export function isWholeYear(from: YearMonth, to: YearMonth): boolean {
  return from.endsWith('-01') && to === `${from.slice(0, 4)}-12`;
}

/**
 * The prior year's figure of every line from the lines typed in (上年数 by 行次): a line not typed
 * is 0, or, for a formula line, its formula over the earlier lines; a typed formula line that
 * disagrees with its formula is a finding (the typed figure is kept: it is what was filed).
 */
export function priorYearFromLines(typed: ReadonlyMap<number, Fen>, sheet: string): { amounts: Map<IncomeStatementKey, Fen>; findings: Finding[] } {
  const byLine = new Map<number, Fen>();
  const amounts = new Map<IncomeStatementKey, Fen>();
  const findings: Finding[] = [];
  for (const d of INCOME_STATEMENT_LINES) {
    const f = 'formula' in d ? d.formula.reduce((t, [ln, sign]) => t + sign * (byLine.get(ln) ?? 0), 0) : 0;
    const given = typed.get(d.line);
    if (given !== undefined && 'formula' in d && given !== f) {
      findings.push(finding('prior-year.subtotal', 'warning', `上年数第${d.line}行"${d.label}"为${formatFen(given)}，按公式应为${formatFen(f)}`, `prior-year line ${d.line} "${d.label}" is ${formatFen(given)}; its formula gives ${formatFen(f)}`, { sheet }));
    }
    const v = given ?? f;
    byLine.set(d.line, v);
    amounts.set(d.key, v);
  }
  return { amounts, findings };
}

/** The statement with 上年金额 beside 本年金额. */
export function withPriorYear(is: IncomeStatement, prior: ReadonlyMap<string, Fen>): IncomeStatement {
  return { ...is, rows: is.rows.map((r) => ({ ...r, priorAmount: prior.get(r.key) ?? 0 })) };
}
