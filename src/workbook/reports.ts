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
/** Text that wraps within its width rather than widening the printed page. */
export const wrapCol = (header: string, key: string, width: number): ColumnSpec => ({ ...textCol(header, key, width), wrap: true });

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
      // Printed portrait at a legible size: the English text stays on screen only.
      textCol('级别', 'severity', 8), wrapCol('规则', 'rule', 20), textCol('工作表', 'sheet', 10),
      { header: '行', key: 'row', width: 6, numFmt: '0' }, textCol('列', 'column', 8),
      wrapCol('说明', 'zh', 44), { ...wrapCol('Description', 'en', 60), noPrint: true },
    ],
    rows: sorted.map((f) => [SEVERITY_ZH[f.severity], f.rule, f.sheet ?? null, f.row ?? null, f.column ?? null, f.zh, f.en]),
    table: 'Findings',
  };
}

/** A statement line as data: its number, label, amounts per column (null: not known), and how it sums earlier lines. */
export interface StatementLine {
  line: number;
  label: string;
  amounts: readonly (Fen | null)[];
  formula?: readonly (readonly [line: number, sign: 1 | -1])[];
}

/** One block of a statement: its lines, one per row from the first body row (null: a blank row), and the column of its label. */
export interface StatementBlock {
  lines: readonly (StatementLine | null)[];
  /** 0-based column of the block's 项目; 行次 follows, then the amount columns. */
  col: number;
}

/**
 * Rows of a statement laid out in blocks side by side (one block: 项目, 行次, amounts; the
 * two-sided balance sheet: assets ‖ liabilities and equity). A formula line becomes a spreadsheet
 * formula over the cells of the lines it sums in its own block (C7+C8-C9 …), cached with our figure.
 * A row is a total row (bold) when every line on it is a formula line: bold marks whole rows.
 */
export function statementRows(title: readonly string[], blocks: readonly StatementBlock[]): { rows: Cell[][]; totals: number[] } {
  const base = generatedBodyFirstRow({ title: [...title] });
  const width = Math.max(...blocks.map((b) => b.col + 2 + (b.lines.find((l) => l !== null)?.amounts.length ?? 0)));
  const height = Math.max(...blocks.map((b) => b.lines.length));
  const rows: Cell[][] = Array.from({ length: height }, () => new Array<Cell>(width).fill(null));
  const kinds: ('total' | 'plain' | undefined)[] = new Array(height).fill(undefined);
  for (const b of blocks) {
    const rowOf = new Map<number, number>();
    b.lines.forEach((l, i) => l && rowOf.set(l.line, base + i));
    b.lines.forEach((l, i) => {
      if (!l) return;
      const row = rows[i]!;
      row[b.col] = l.label;
      row[b.col + 1] = l.line;
      kinds[i] = l.formula && kinds[i] !== 'plain' ? 'total' : 'plain';
      l.amounts.forEach((a, k) => {
        const c = b.col + 2 + k;
        if (a === null) return;
        if (!l.formula) {
          row[c] = moneyCell(a);
          return;
        }
        const L = columnLetter(c);
        const expr = l.formula.map(([ln, sign], j) => `${sign < 0 ? '-' : j === 0 ? '' : '+'}${L}${rowOf.get(ln) ?? 0}`).join('');
        row[c] = { formula: expr, result: moneyToCell(a) };
      });
    });
  }
  return { rows, totals: kinds.flatMap((k, i) => (k === 'total' ? [i] : [])) };
}

export interface BalanceSheetView {
  rows: readonly { line: number; label: string; begin: Fen; end: Fen }[];
}
export interface IncomeStatementView {
  rows: readonly { line: number; label: string; amount: Fen; priorAmount?: Fen }[];
}
type Formulas = ReadonlyMap<number, readonly (readonly [number, 1 | -1])[]>;

/** The first 行次 on the right-hand side (负债和所有者权益) of the two-sided balance sheet. */
const FIRST_CLAIM_LINE = 35;
const lineCol = (header: string, key: string): ColumnSpec => ({ header, key, width: 6, numFmt: '0' });

/**
 * 资产负债表 in the two-sided form accountants file: 资产 | 行次 | 年初数 | 期末数 ‖ 负债和所有者权益 |
 * 行次 | 年初数 | 期末数, on one A4 page (landscape, fit to one page tall). Subtotals are formulas.
 */
export function renderBalanceSheet(bs: BalanceSheetView, formulas: Formulas, head: ReportHead): GeneratedSheet {
  const title = [...titleLines('资产负债表', head).slice(0, 2), `${head.to} 末    单位：元`];
  const lines: StatementLine[] = bs.rows.map((r) => withFormula({ line: r.line, label: r.label, amounts: [r.begin, r.end] }, formulas));
  const assets = lines.filter((l) => l.line < FIRST_CLAIM_LINE);
  const claims = lines.filter((l) => l.line >= FIRST_CLAIM_LINE);
  // As on the paper form, 负债和所有者权益总计 sits on the same last row as 资产总计.
  const pad = new Array<null>(Math.max(0, assets.length - claims.length)).fill(null);
  const { rows, totals } = statementRows(title, [
    { lines: assets, col: 0 },
    { lines: [...claims.slice(0, -1), ...pad, ...claims.slice(-1)], col: 4 },
  ]);
  const columns: ColumnSpec[] = [
    textCol('资产', 'assetLabel', 26), lineCol('行次', 'assetLine'), moneyCol('年初数', 'assetBegin', 16), moneyCol('期末数', 'assetEnd', 16),
    textCol('负债和所有者权益', 'claimLabel', 26), lineCol('行次', 'claimLine'), moneyCol('年初数', 'claimBegin', 16), moneyCol('期末数', 'claimEnd', 16),
  ];
  return { name: SHEETS.balanceSheet, title, columns, rows, totalRows: totals, print: { orientation: 'landscape', fitToHeight: 1 } };
}

/** '收益及收益分配表', or for part of a year '收益及收益分配表（2025年1—6月）'. */
export function incomeStatementTitle(h: Pick<ReportHead, 'from' | 'to'>): string {
  const y = h.from.slice(0, 4);
  if (h.from === `${y}-01` && h.to === `${y}-12`) return '收益及收益分配表';
  const m = (ym: string): string => `${Number(ym.slice(5, 7))}月`;
  const span = h.from === h.to ? m(h.from) : h.to.slice(0, 4) === y ? `${m(h.from)}—${m(h.to)}` : `${m(h.from)}—${h.to.slice(0, 4)}年${m(h.to)}`;
  return `收益及收益分配表（${y}年${span.replace(/月—/, '—')}）`;
}

/** 收益及收益分配表: 项目, 行次, 本年金额, 上年金额 (blank when the prior year is not known); subtotals are formulas. */
export function renderIncomeStatement(is: IncomeStatementView, formulas: Formulas, head: ReportHead): GeneratedSheet {
  const title = titleLines(incomeStatementTitle(head), head);
  const lines: StatementLine[] = is.rows.map((r) => withFormula({ line: r.line, label: r.label, amounts: [r.amount, r.priorAmount ?? null] }, formulas));
  const { rows, totals } = statementRows(title, [{ lines, col: 0 }]);
  return {
    name: SHEETS.incomeStatement, title,
    columns: [textCol('项目', 'label', 30), lineCol('行次', 'line'), moneyCol('本年金额', 'amount', 18), moneyCol('上年金额', 'priorAmount', 18)],
    rows, totalRows: totals,
  };
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
/** 凭证's columns without the typing notes; printed landscape at 9 pt or more, 冲销凭证 (always empty here) left off paper. */
const CLOSING_COLUMNS: readonly ColumnSpec[] = VOUCHERS.columns.map(({ note: _note, ...c }) =>
  c.key === 'reverses' ? { ...c, noPrint: true } : c.key === 'summary' ? { ...c, wrap: true } : c,
);

export function renderClosingVouchers(vouchers: readonly Voucher[], head: ReportHead): GeneratedSheet {
  return {
    name: SHEETS.closingVouchers,
    title: titleLines('结转凭证（系统生成，请勿手工修改）', head),
    columns: CLOSING_COLUMNS,
    rows: encodeVoucherRows(vouchers),
    table: 'ClosingVouchers',
  };
}
