/**
 * 乡镇汇总 — township consolidation of many villages' facts: which villages are included and
 * which are left out (and why), the sums of every statement line, income by source, classes
 * with rankings, the problem list and the statistical table. Pure: the app reads the books.
 *
 * Never hides a bad village: a workbook that cannot be read, of another year or township, one
 * of two workbooks of the same village, or one whose checks give errors (an unbalanced
 * statement, locked months edited …) is left out of the totals and listed with its reason;
 * every total says how many villages it covers. Warnings (空壳/薄弱, an unclosed year, overdue
 * receivables) keep the village in.
 */
import type { Finding, Severity } from '../findings';
import { checkKeptHead } from '../ledger/lock-chain';
import { formatFen, type Fen } from '../money';
import { BALANCE_SHEET_LINES } from '../statements/balance-sheet';
import { INCOME_STATEMENT_LINES, type IncomeStatementKey } from '../statements/income-statement';
import { VILLAGE_CLASSES, type VillageClassCode } from './classify';
import type { VillageFacts } from './facts';
import { emptySources, SOURCE_KEYS, type SourceAmounts } from './sources';
import { statisticalReport, STAT_2008, type StatEdition, type StatRow, type StatVillage } from './statistics';

/** An input that could not be read as a village book, with the reason. */
export interface UnreadableInput {
  file: string;
  zh: string;
  en: string;
}

export type VillageOutcome = { ok: true; facts: VillageFacts } | ({ ok: false } & UnreadableInput);

/** One row of 问题清单. */
export interface Problem {
  file: string;
  /** Village name, or '' when the file could not be read. */
  village: string;
  sheet: string;
  /** 'B12', '第12行', or '' for the whole sheet or book. */
  cell: string;
  rule: string;
  severity: Severity;
  zh: string;
  en: string;
  /** The village is left out of the totals. */
  excluded: boolean;
}

export interface ConsolidateOptions {
  /** Expected township; default the most common one among the readable books. */
  township?: string;
  /** Expected fiscal year; default the most common one among the readable books. */
  year?: number;
  /** Contract arrears at the year end above this (fen) are a problem. Default 10,000 yuan. */
  overdueAboveFen?: Fen;
  edition?: StatEdition;
  /** Error findings listed per village before "… N more" (default 20). */
  findingsPerVillage?: number;
  /**
   * Chain heads the township kept from an earlier consolidation (village → head). A village whose
   * kept head is no longer in its lock chain had its chain rewritten: it is left out like a locked
   * month edited after the lock.
   */
  keptHeads?: ReadonlyMap<string, string>;
}

export const DEFAULT_OVERDUE_ABOVE_FEN: Fen = 1_000_000;

export interface Totals {
  balanceSheet: Record<number, { begin: Fen; end: Fen }>;
  incomeStatement: Record<number, Fen>;
  sources: SourceAmounts;
  operatingIncome: Fen;
  /** How many villages these totals cover. */
  covers: number;
}

export interface RankedVillage {
  rank: number;
  village: string;
  file: string;
  operatingIncome: Fen;
  classCode: VillageClassCode;
  /** 结账至 and the chain head, so the township workbook keeps them for the next check (--kept-heads). */
  lockedThrough?: string;
  lockHash?: string;
}

export interface Consolidation {
  township: string;
  year: number;
  /** Inputs found (readable or not). */
  found: number;
  included: VillageFacts[];
  /** Left out, with the reasons; `facts` when the book could be read. */
  excluded: { file: string; village: string; zh: string[]; en: string[]; facts?: VillageFacts }[];
  totals: Totals;
  problems: Problem[];
  ranking: RankedVillage[];
  classCounts: Record<VillageClassCode, number>;
  statistics: StatRow[];
  statisticsEdition: { name: string; source: string };
}

const FIRST_LETTERS = /^[A-Z]{1,3}$/;

/** Where a finding points, as a cell text: 'B12' when the column is a letter, else '第12行 借方金额'. */
export function cellText(f: Pick<Finding, 'row' | 'column'>): string {
  if (f.row !== undefined && f.column !== undefined && FIRST_LETTERS.test(f.column)) return `${f.column}${f.row}`;
  return [f.row !== undefined ? `第${f.row}行` : '', f.column ?? ''].filter((s) => s !== '').join(' ');
}

function mode<T>(xs: readonly T[]): T | undefined {
  const n = new Map<T, number>();
  let best: T | undefined;
  for (const x of xs) {
    const c = (n.get(x) ?? 0) + 1;
    n.set(x, c);
    if (best === undefined || c > (n.get(best) ?? 0)) best = x;
  }
  return best;
}

/** Σ of every line over the villages: the one place totals are made. */
export function sumVillages(villages: readonly VillageFacts[]): Totals {
  const t: Totals = { balanceSheet: {}, incomeStatement: {}, sources: emptySources(), operatingIncome: 0, covers: villages.length };
  // Every line is there even when no village is, so a total of nothing reads 0, not missing.
  for (const d of BALANCE_SHEET_LINES) t.balanceSheet[d.line] = { begin: 0, end: 0 };
  for (const d of INCOME_STATEMENT_LINES) t.incomeStatement[d.line] = 0;
  for (const v of villages) {
    for (const [line, a] of Object.entries(v.balanceSheet)) {
      const cur = (t.balanceSheet[Number(line)] ??= { begin: 0, end: 0 });
      cur.begin += a.begin;
      cur.end += a.end;
    }
    for (const [line, a] of Object.entries(v.incomeStatement)) t.incomeStatement[Number(line)] = (t.incomeStatement[Number(line)] ?? 0) + a;
    for (const k of SOURCE_KEYS) t.sources[k] += v.sources[k];
    t.operatingIncome += v.operatingIncome;
  }
  return t;
}

/** A village's income statement by key, for the statistical table. */
export function statementByKey(v: VillageFacts): Record<IncomeStatementKey, Fen> {
  const out = {} as Record<IncomeStatementKey, Fen>;
  for (const d of INCOME_STATEMENT_LINES) out[d.key] = v.incomeStatement[d.line] ?? 0;
  return out;
}

export function statVillage(v: VillageFacts): StatVillage {
  return { statement: statementByKey(v), landIncome: v.sources.land, cadrePay: v.cadrePay };
}

interface Ctx {
  problems: Problem[];
  add(v: { file: string; village: string }, p: Omit<Problem, 'file' | 'village' | 'excluded'>, excluded: boolean): void;
}

/** Problems of a readable village that leave it out (the returned reasons) or flag it. */
function checkVillage(v: VillageFacts, want: { township: string; year: number; keptHeads?: ReadonlyMap<string, string> | undefined }, ctx: Ctx, opts: Required<Pick<ConsolidateOptions, 'findingsPerVillage'>>): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const out = (p: Omit<Problem, 'file' | 'village' | 'excluded'>): void => {
    zh.push(p.zh);
    en.push(p.en);
    ctx.add(v, p, true);
  };
  if (v.fiscalYear !== want.year) {
    out({ sheet: '设置', cell: '', rule: 'township.wrong-year', severity: 'error', zh: `会计年度为${v.fiscalYear}年，不是汇总年度${want.year}年`, en: `Fiscal year ${v.fiscalYear}, not the consolidation year ${want.year}` });
  }
  if (v.township !== want.township) {
    out({ sheet: '设置', cell: '', rule: 'township.wrong-township', severity: 'error', zh: `乡镇为"${v.township}"，不是"${want.township}"`, en: `Township "${v.township}", not "${want.township}"` });
  }
  if (v.lockEdited) {
    out({ sheet: '凭证', cell: '', rule: 'township.lock-edited', severity: 'error', zh: `已结账月份（至${v.lockedThrough ?? ''}）的凭证、期初余额或结转凭证在结账后被改动`, en: `Vouchers, opening balances or closing vouchers of locked months (through ${v.lockedThrough ?? ''}) were edited after the lock` });
  }
  const kept = want.keptHeads?.get(v.village);
  if (kept !== undefined) {
    for (const f of checkKeptHead(v.lockHashes ?? [], kept)) out({ sheet: '_meta', cell: '', rule: 'township.chain-rewritten', severity: 'error', zh: f.zh, en: f.en });
  }
  const errors = v.findings.filter((f) => f.severity === 'error' && !(v.lockEdited && f.rule === 'voucher.locked-period' && f.row === undefined));
  const unbalanced = errors.filter((f) => f.rule === 'bs.unbalanced');
  for (const f of unbalanced) out({ sheet: f.sheet ?? '资产负债表', cell: cellText(f), rule: 'township.unbalanced', severity: 'error', zh: f.zh, en: f.en });
  const other = errors.filter((f) => f.rule !== 'bs.unbalanced');
  if (other.length > 0) {
    zh.push(`村账检查有${other.length}项错误`);
    en.push(`${other.length} errors in the village checks`);
    for (const f of other.slice(0, opts.findingsPerVillage)) {
      ctx.add(v, { sheet: f.sheet ?? '', cell: cellText(f), rule: 'township.village-error', severity: 'error', zh: `${f.zh}（${f.rule}）`, en: `${f.en} (${f.rule})` }, true);
    }
    if (other.length > opts.findingsPerVillage) {
      const more = other.length - opts.findingsPerVillage;
      ctx.add(v, { sheet: '检查结果', cell: '', rule: 'township.village-error', severity: 'error', zh: `另有${more}项错误（见该村检查结果）`, en: `${more} more errors (see the village's findings)` }, true);
    }
  }
  return { zh, en };
}

/** Warnings of an included village: class, unclosed year, overdue receivables. */
function flagVillage(v: VillageFacts, ctx: Ctx, overdueAbove: Fen): void {
  const cls = VILLAGE_CLASSES[v.classCode];
  if (v.classCode === 'shell' || v.classCode === 'weak') {
    ctx.add(v, { sheet: '收益及收益分配表', cell: '', rule: `township.${v.classCode}`, severity: 'warning', zh: `${cls.zh}：集体经营性收入${formatFen(v.operatingIncome)}元`, en: `${cls.en}: collective operating income ${formatFen(v.operatingIncome)}` }, false);
  }
  if (!v.closed) {
    ctx.add(v, { sheet: '结转凭证', cell: '', rule: 'township.unclosed', severity: 'warning', zh: `${v.fiscalYear}年度尚未年终结转`, en: `The year ${v.fiscalYear} is not closed` }, false);
  }
  // A disclosure that does not match its template or the books is the village's to correct; its books still count.
  for (const f of v.disclosureFindings ?? []) {
    ctx.add(v, { sheet: f.sheet ?? '', cell: cellText(f), rule: 'township.disclosure', severity: 'warning', zh: `财务公开：${f.zh}（${f.rule}）`, en: `Disclosure: ${f.en} (${f.rule})` }, false);
  }
  const arrears = v.contracts.reduce((t, c) => t + c.arrears, 0);
  if (arrears > overdueAbove) {
    const worst = [...v.contracts].sort((a, b) => b.arrears - a.arrears).filter((c) => c.arrears > 0).map((c) => c.no).slice(0, 5).join('、');
    ctx.add(v, { sheet: '欠款明细', cell: '', rule: 'township.overdue', severity: 'warning', zh: `合同欠款${formatFen(arrears)}元，超过${formatFen(overdueAbove)}元（${worst}）`, en: `Contract arrears ${formatFen(arrears)} above ${formatFen(overdueAbove)} (${worst})` }, false);
  }
}

/** Consolidate the outcomes of reading each input (in input order). */
export function consolidate(outcomes: readonly VillageOutcome[], opts: ConsolidateOptions = {}): Consolidation {
  const readable = outcomes.filter((o): o is { ok: true; facts: VillageFacts } => o.ok).map((o) => o.facts);
  const year = opts.year ?? mode(readable.map((v) => v.fiscalYear)) ?? 0;
  const township = opts.township ?? mode(readable.map((v) => v.township)) ?? '';
  const problems: Problem[] = [];
  const ctx: Ctx = { problems, add: (v, p, excluded) => problems.push({ file: v.file, village: v.village, excluded, ...p }) };
  const excluded: Consolidation['excluded'] = [];
  for (const o of outcomes) {
    if (o.ok) continue;
    ctx.add({ file: o.file, village: '' }, { sheet: '', cell: '', rule: 'township.unreadable', severity: 'error', zh: `无法读取：${o.zh}`, en: `Cannot be read: ${o.en}` }, true);
    excluded.push({ file: o.file, village: '', zh: [o.zh], en: [o.en] });
  }
  const per = { findingsPerVillage: opts.findingsPerVillage ?? 20 };
  const reasons = new Map(readable.map((v) => [v, checkVillage(v, { township, year, keptHeads: opts.keptHeads }, ctx, per)]));
  // Two workbooks of one village (of this year and township): neither can be trusted over the other.
  const byName = new Map<string, VillageFacts[]>();
  for (const v of readable) if (v.fiscalYear === year && v.township === township) byName.set(v.village.trim(), [...(byName.get(v.village.trim()) ?? []), v]);
  for (const copies of byName.values()) {
    if (copies.length < 2) continue;
    const files = copies.map((c) => c.file).join('、');
    for (const v of copies) {
      const r = reasons.get(v)!;
      const zh = `同一村有${copies.length}个工作簿（${files}），均未纳入汇总`;
      const en = `${copies.length} workbooks of the same village (${files}); none is included`;
      r.zh.push(zh);
      r.en.push(en);
      ctx.add(v, { sheet: '', cell: '', rule: 'township.duplicate', severity: 'error', zh, en }, true);
    }
  }
  const included: VillageFacts[] = [];
  for (const v of readable) {
    const r = reasons.get(v)!;
    if (r.zh.length > 0) excluded.push({ file: v.file, village: v.village, zh: r.zh, en: r.en, facts: v });
    else {
      included.push(v);
      flagVillage(v, ctx, opts.overdueAboveFen ?? DEFAULT_OVERDUE_ABOVE_FEN);
    }
  }
  const ranking = [...included]
    .sort((a, b) => b.operatingIncome - a.operatingIncome || a.village.localeCompare(b.village, 'zh'))
    .map((v, i): RankedVillage => ({
      rank: i + 1, village: v.village, file: v.file, operatingIncome: v.operatingIncome, classCode: v.classCode,
      ...(v.lockedThrough !== undefined && { lockedThrough: v.lockedThrough }),
      ...(v.lockHash !== undefined && { lockHash: v.lockHash }),
    }));
  const classCounts: Record<VillageClassCode, number> = { shell: 0, weak: 0, average: 0, rich: 0 };
  for (const v of included) classCounts[v.classCode] += 1;
  const edition = opts.edition ?? STAT_2008;
  const statistics = statisticalReport(included.map(statVillage), edition);
  for (const s of statistics.filter((x) => !x.ok)) {
    ctx.add({ file: '', village: '' }, { sheet: '统计报表', cell: '', rule: 'township.statistics', severity: 'error', zh: `统计报表第${s.code}行不符合平衡关系 ${s.rule ?? ''}`, en: `Statistical line ${s.code} breaks the rule ${s.rule ?? ''}` }, false);
  }
  return {
    township, year, found: outcomes.length, included, excluded, totals: sumVillages(included), problems, ranking, classCounts, statistics,
    statisticsEdition: { name: edition.name, source: edition.source },
  };
}
