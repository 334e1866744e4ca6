/**
 * Results → generated sheets (科目余额表, 总账, 明细账, 日记账, 资产负债表, 收益及收益分配表, 检查结果).
 * Money goes in as numbers with the '#,##0.00' format; totals are SUM formulas with our own
 * figure as the cached result, so WPS (which does not recalculate on open) shows our number and
 * Excel/LibreOffice recalculating get the same one.
 */
import type { Finding } from '../core/findings';
import { moneyToCell, type Fen } from '../core/money';
import type { TrialBalance } from '../core/ledger/balances';
import type { Cell, ColumnSpec, FormulaCell, GeneratedSheet } from './port';
import type { Voucher } from '../core/ledger/types';
import { encodeVoucherRows } from './codecs/vouchers';
import { columnLetter, generatedBodyFirstRow, MONEY_FMT, SHEETS, TEXT_FMT, VOUCHERS } from './layout';

/** Book identity and period, for the title lines. */
export interface ReportHead {
  village: string;
  township: string;
  /** 'YYYY-MM'. */
  from: string;
  to: string;
}

export const moneyCol = (header: string, key: string, width = 16): ColumnSpec => ({ header, key, width, numFmt: MONEY_FMT });
export const textCol = (header: string, key: string, width = 14): ColumnSpec => ({ header, key, width, numFmt: TEXT_FMT });

/** A money cell: blank for zero where `blankZero`, else the amount in yuan. */
export function moneyCell(fen: Fen, blankZero = false): Cell {
  return blankZero && fen === 0 ? null : moneyToCell(fen);
}

/** '2025-01 至 2025-12', or '2025年度' for a whole year. */
export function periodText(h: Pick<ReportHead, 'from' | 'to'>): string {
  const y = h.from.slice(0, 4);
  if (h.from === `${y}-01` && h.to === `${y}-12`) return `会计期间：${y}年度`;
  return `会计期间：${h.from} 至 ${h.to}`;
}

export function titleLines(report: string, h: ReportHead): string[] {
  return [report, `编制单位：${h.township}${h.village}    ${periodText(h)}`, '单位：元'];
}

/** SUM (or SUMIF) over a body column, with our figure cached. Rows are 0-based body indexes. */
export function sumFormula(title: readonly string[], col: number, firstRow: number, lastRow: number, result: Fen, sumIfLevelCol?: number): FormulaCell {
  const base = generatedBodyFirstRow({ title: [...title] });
  const L = columnLetter(col);
  const r1 = base + firstRow;
  const r2 = base + lastRow;
  const value = moneyToCell(result);
  if (lastRow < firstRow) return { formula: '0', result: value };
  if (sumIfLevelCol === undefined) return { formula: `SUM(${L}${r1}:${L}${r2})`, result: value };
  const K = columnLetter(sumIfLevelCol);
  return { formula: `SUMIF(${K}${r1}:${K}${r2},1,${L}${r1}:${L}${r2})`, result: value };
}

const TB_COLUMNS: readonly ColumnSpec[] = [
  textCol('科目编码', 'code', 12),
  textCol('科目名称', 'name', 22),
  { header: '级次', key: 'level', width: 6, numFmt: '0' },
  moneyCol('期初借方', 'openingDebit'),
  moneyCol('期初贷方', 'openingCredit'),
  moneyCol('本期借方', 'periodDebit'),
  moneyCol('本期贷方', 'periodCredit'),
  moneyCol('期末借方', 'closingDebit'),
  moneyCol('期末贷方', 'closingCredit'),
];
const TB_KEYS = ['openingDebit', 'openingCredit', 'periodDebit', 'periodCredit', 'closingDebit', 'closingCredit'] as const;

/** 科目余额表: one row per account in chart order; 合计 sums first-level rows (SUMIF on 级次 = 1). */
export function renderTrialBalance(tb: TrialBalance, head: ReportHead): GeneratedSheet {
  const title = titleLines('科目余额表', head);
  const rows: Cell[][] = tb.rows.map((r) => [r.code, r.name, r.level, ...TB_KEYS.map((k) => moneyCell(r[k], true))]);
  const last = rows.length - 1;
  rows.push(['合计', null, null, ...TB_KEYS.map((k, i) => sumFormula(title, 3 + i, 0, last, tb.totals[k], 2))]);
  return { name: SHEETS.trialBalance, title, columns: TB_COLUMNS, rows, totalRows: [rows.length - 1], table: 'TrialBalance' };
}

const SEVERITY_ZH: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/** 检查结果: every finding, errors first, with where it points. */
export function renderFindings(findings: readonly Finding[], head: ReportHead): GeneratedSheet {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const title = [
    '检查结果',
    `编制单位：${head.township}${head.village}    ${periodText(head)}`,
    `错误 ${errors} 项，警告 ${findings.length - errors} 项`,
  ];
  return {
    name: SHEETS.findings,
    title,
    columns: [
      textCol('级别', 'severity', 8), textCol('规则', 'rule', 24), textCol('工作表', 'sheet', 12),
      { header: '行', key: 'row', width: 8, numFmt: '0' }, textCol('列', 'column', 10),
      textCol('说明', 'zh', 60), textCol('Description', 'en', 60),
    ],
    rows: sorted.map((f) => [SEVERITY_ZH[f.severity], f.rule, f.sheet ?? null, f.row ?? null, f.column ?? null, f.zh, f.en]),
    table: 'Findings',
  };
}

/** A statement line as data: its number, label, amounts per column, and how it sums earlier lines. */
export interface StatementLine {
  line: number;
  label: string;
  amounts: readonly Fen[];
  formula?: readonly (readonly [line: number, sign: 1 | -1])[];
}

/**
 * Rows of a statement: 项目, 行次, then one money column per amount. A formula line becomes a
 * spreadsheet formula over the rows of the lines it sums (C7+C8-C9 …), cached with our figure.
 */
export function statementRows(title: readonly string[], lines: readonly StatementLine[]): { rows: Cell[][]; totals: number[] } {
  const base = generatedBodyFirstRow({ title: [...title] });
  const rowOf = new Map(lines.map((l, i) => [l.line, base + i]));
  const totals: number[] = [];
  const rows = lines.map((l, i): Cell[] => {
    if (!l.formula) return [l.label, l.line, ...l.amounts.map((a) => moneyCell(a))];
    totals.push(i);
    return [l.label, l.line, ...l.amounts.map((a, k): Cell => {
      const L = columnLetter(2 + k);
      const expr = l.formula!.map(([ln, sign], j) => `${sign < 0 ? '-' : j === 0 ? '' : '+'}${L}${rowOf.get(ln) ?? 0}`).join('');
      return { formula: expr, result: moneyToCell(a) };
    })];
  });
  return { rows, totals };
}

export interface BalanceSheetView {
  rows: readonly { line: number; label: string; begin: Fen; end: Fen }[];
}
export interface IncomeStatementView {
  rows: readonly { line: number; label: string; amount: Fen }[];
}
type Formulas = ReadonlyMap<number, readonly (readonly [number, 1 | -1])[]>;

/** 资产负债表: 项目, 行次, 年初数, 期末数; subtotal and total lines are formulas. */
export function renderBalanceSheet(bs: BalanceSheetView, formulas: Formulas, head: ReportHead): GeneratedSheet {
  const title = [...titleLines('资产负债表', head).slice(0, 2), `${head.to} 末    单位：元`];
  const lines: StatementLine[] = bs.rows.map((r) => withFormula({ line: r.line, label: r.label, amounts: [r.begin, r.end] }, formulas));
  const { rows, totals } = statementRows(title, lines);
  return { name: SHEETS.balanceSheet, title, columns: [textCol('项目', 'label', 30), { header: '行次', key: 'line', width: 6, numFmt: '0' }, moneyCol('年初数', 'begin', 18), moneyCol('期末数', 'end', 18)], rows, totalRows: totals };
}

/** 收益及收益分配表: 项目, 行次, 本年累计数; 经营收益, 收益总额 … are formulas. */
export function renderIncomeStatement(is: IncomeStatementView, formulas: Formulas, head: ReportHead): GeneratedSheet {
  const title = titleLines('收益及收益分配表', head);
  const lines: StatementLine[] = is.rows.map((r) => withFormula({ line: r.line, label: r.label, amounts: [r.amount] }, formulas));
  const { rows, totals } = statementRows(title, lines);
  return { name: SHEETS.incomeStatement, title, columns: [textCol('项目', 'label', 30), { header: '行次', key: 'line', width: 6, numFmt: '0' }, moneyCol('本年累计数', 'amount', 18)], rows, totalRows: totals };
}

function withFormula(l: StatementLine, formulas: Formulas): StatementLine {
  const f = formulas.get(l.line);
  return f ? { ...l, formula: f } : l;
}

/** Line number → formula, from a statement's line table (lines defined as data in src/core/statements). */
export function formulasOf(defs: readonly { line: number; formula?: readonly (readonly [number, 1 | -1])[] }[]): Formulas {
  const m = new Map<number, readonly (readonly [number, 1 | -1])[]>();
  for (const d of defs) if (d.formula) m.set(d.line, d.formula);
  return m;
}

/** 结转凭证: the generated closing vouchers, laid out like 凭证 (same columns) under a title. */
export function renderClosingVouchers(vouchers: readonly Voucher[], head: ReportHead): GeneratedSheet {
  return {
    name: SHEETS.closingVouchers,
    title: titleLines('结转凭证（系统生成，请勿手工修改）', head),
    columns: VOUCHERS.columns,
    rows: encodeVoucherRows(vouchers),
    table: 'ClosingVouchers',
  };
}
