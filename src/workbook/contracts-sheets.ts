/**
 * The register's generated sheets: 合同台账 (register with status), 应收计划 (amounts due by
 * month), 欠款明细 (arrears, aged). Money is written as numbers with '#,##0.00'; totals are SUM
 * formulas cached with our own figure, so WPS shows the number without recalculating.
 */
import { moneyToCell, type Fen } from '../core/money';
import type { YearMonth } from '../core/ledger/types';
import { ZH_OF_KIND } from '../core/income/contract';
import { AGE_BUCKETS, STATUS_ZH } from '../core/income/arrears';
import { monthOf, monthRange } from '../core/calendar';
import type { RegisterAnalysis } from '../core/income/register';
import type { DueItem } from '../core/income/schedule';
import { columnLetter, DATE_FMT, generatedBodyFirstRow, SHEETS } from './layout';
import type { Cell, ColumnSpec, GeneratedSheet } from './port';
import { moneyCell, moneyCol, sumFormula, textCol, titleLines, wrapCol, type ReportHead } from './reports';

/** Sums a list of fen and returns a 合计 row: label cells then SUM formulas for `moneyCols`. */
function totalRow(title: readonly string[], width: number, moneyCols: readonly number[], bodyRows: number, totals: readonly Fen[]): Cell[] {
  const row: Cell[] = new Array<Cell>(width).fill(null);
  row[0] = '合计';
  moneyCols.forEach((col, i) => (row[col] = sumFormula(title, col, 0, bodyRows - 1, totals[i] ?? 0)));
  return row;
}

/**
 * Printed, the register must stay legible at fit-to-width (9 pt or more on landscape A4, about
 * 165 characters of column width): long text wraps, and the deposit columns, wanted on screen
 * more than on paper, come last and are left out of the print area.
 */
const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  textCol('合同编号', 'no', 11), textCol('类型', 'kind', 8), wrapCol('对方单位', 'counterparty', 14), wrapCol('标的', 'subject', 14),
  { header: '开始日期', key: 'start', width: 11, numFmt: DATE_FMT }, { header: '结束日期', key: 'end', width: 11, numFmt: DATE_FMT },
  textCol('状态', 'status', 8), moneyCol('本期应收', 'periodDue', 13), moneyCol('其中集体收入', 'periodIncomeDue', 13), moneyCol('本期实收', 'periodReceived', 13), moneyCol('累计欠款', 'arrears', 13),
  wrapCol('提示', 'flags', 26),
  { ...moneyCol('押金', 'deposit', 13), noPrint: true }, { ...moneyCol('本期收押金', 'depositReceived', 13), noPrint: true }, { ...moneyCol('预收', 'prepaid', 13), noPrint: true },
];

/**
 * 合同台账 — one row per contract: status as of the date, period due (gross cash view) and the
 * collective's income part of it (net view: rent passed through to households left out),
 * received, arrears, the contract's deposit and the deposit received in the books, flags.
 */
export function renderContractLedger(a: RegisterAnalysis, head: ReportHead, asOf: string): GeneratedSheet {
  const title = [...titleLines('合同台账', head), `截至 ${asOf}`];
  const rows: Cell[][] = a.contracts.map((r) => [
    r.contract.no, ZH_OF_KIND[r.contract.kind], r.contract.counterparty, r.contract.subject, r.contract.start, r.contract.end,
    STATUS_ZH[r.status], moneyCell(r.periodDue), moneyCell(r.periodIncomeDue), moneyCell(r.periodReceived), moneyCell(r.position.arrears),
    r.flags.map((f) => f.zh).join('；') || null, moneyCell(r.contract.deposit, true), moneyCell(r.periodDepositReceived, true), moneyCell(r.position.prepaid),
  ]);
  const sum = (f: (r: RegisterAnalysis['contracts'][number]) => Fen): Fen => a.contracts.reduce((t, r) => t + f(r), 0);
  const n = rows.length;
  rows.push(totalRow(title, LEDGER_COLUMNS.length, [7, 8, 9, 10, 12, 13, 14], n, [
    sum((r) => r.periodDue), sum((r) => r.periodIncomeDue), sum((r) => r.periodReceived), sum((r) => r.position.arrears), sum((r) => r.contract.deposit), sum((r) => r.periodDepositReceived), sum((r) => r.position.prepaid),
  ]));
  return { name: SHEETS.contractLedger, title, columns: LEDGER_COLUMNS, rows, totalRows: [n], table: 'ContractLedger' };
}

/** 应收计划 — amounts falling due per contract per month of [from, to], by due date. */
export function renderReceivablePlan(a: RegisterAnalysis, head: ReportHead, from: YearMonth, to: YearMonth): GeneratedSheet {
  const months = monthRange(from, to);
  const title = titleLines('应收计划', head);
  const columns: ColumnSpec[] = [
    textCol('合同编号', 'no', 11), textCol('类型', 'kind', 8), wrapCol('对方单位', 'counterparty', 13),
    ...months.map((m) => moneyCol(m, `m${m}`, 10)), moneyCol('合计', 'total', 13),
  ];
  const base = generatedBodyFirstRow({ title });
  const firstM = columnLetter(3);
  const lastM = columnLetter(2 + months.length);
  const colTotals = new Array<Fen>(months.length + 1).fill(0);
  const rows: Cell[][] = a.contracts.map((r, i) => {
    const byMonth = months.map((m) => r.items.filter((it: DueItem) => monthOf(it.dueDate) === m).reduce((t, it) => t + it.amount, 0));
    const total = byMonth.reduce((t, x) => t + x, 0);
    byMonth.forEach((x, k) => (colTotals[k] = (colTotals[k] ?? 0) + x));
    colTotals[months.length] = (colTotals[months.length] ?? 0) + total;
    return [
      r.contract.no, ZH_OF_KIND[r.contract.kind], r.contract.counterparty, ...byMonth.map((x) => moneyCell(x, true)),
      { formula: `SUM(${firstM}${base + i}:${lastM}${base + i})`, result: moneyToCell(total) },
    ];
  });
  const n = rows.length;
  rows.push(totalRow(title, columns.length, months.map((_, k) => 3 + k).concat(3 + months.length), n, colTotals));
  return { name: SHEETS.receivablePlan, title, columns, rows, totalRows: [n], table: 'ReceivablePlan' };
}

const COMPONENT_ZH: Readonly<Record<DueItem['component'], string>> = { rent: '租金', dividend: '分红', base: '电费', subsidy: '补贴电费', opening: '期初欠款' };

/** 欠款明细 — every open item due by the date, aged into 0–90 / 91–180 / 181–365 / >365 days. */
export function renderArrears(a: RegisterAnalysis, head: ReportHead, asOf: string): GeneratedSheet {
  const title = [...titleLines('欠款明细', head), `截至 ${asOf}`];
  const columns: ColumnSpec[] = [
    textCol('合同编号', 'no', 11), textCol('类型', 'kind', 8), wrapCol('对方单位', 'counterparty', 14), wrapCol('款项', 'item', 12),
    { header: '应收日期', key: 'dueDate', width: 11, numFmt: DATE_FMT }, moneyCol('应收金额', 'amount', 13), moneyCol('已收', 'paid', 13), moneyCol('欠款', 'outstanding', 13),
    { header: '逾期天数', key: 'days', width: 7, numFmt: '0' }, ...AGE_BUCKETS.map((b) => moneyCol(b.zh, b.key, 12)), moneyCol('滞纳金', 'penalty', 11),
  ];
  const rows: Cell[][] = [];
  const totals = new Array<Fen>(4 + AGE_BUCKETS.length).fill(0);
  for (const r of a.contracts) {
    for (const o of r.position.items) {
      const what = `${o.item.month ?? o.item.year}${COMPONENT_ZH[o.item.component]}`;
      const buckets = AGE_BUCKETS.map((b) => (b.key === o.bucket ? o.outstanding : 0));
      [o.item.amount, o.paid, o.outstanding, ...buckets, o.penalty].forEach((x, k) => (totals[k] = (totals[k] ?? 0) + x));
      rows.push([
        r.contract.no, ZH_OF_KIND[r.contract.kind], r.contract.counterparty, what, o.item.dueDate,
        moneyCell(o.item.amount), moneyCell(o.paid), moneyCell(o.outstanding), o.daysOverdue, ...buckets.map((x) => moneyCell(x, true)), moneyCell(o.penalty, true),
      ]);
    }
  }
  const n = rows.length;
  const moneyCols = [5, 6, 7, ...AGE_BUCKETS.map((_, k) => 9 + k), 9 + AGE_BUCKETS.length];
  rows.push(totalRow(title, columns.length, moneyCols, n, totals));
  return { name: SHEETS.arrears, title, columns, rows, totalRows: [n], table: 'Arrears' };
}
