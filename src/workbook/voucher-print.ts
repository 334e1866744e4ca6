/**
 * 记账凭证 — vouchers laid out for printing and binding into the archive, in the standard form:
 * title, 单位 / 日期 / 凭证号, a 摘要 · 会计科目 · 借方金额 · 贷方金额 table, the 合计 row with the
 * amount in capitals, and 制单 / 审核 / 记账 / 附件张数. Two or three vouchers to an A4 page
 * (portrait, fitted to the width), each block a fixed height so a page cuts into equal slips.
 */
import type { Chart } from '../core/chart/accounts';
import { fenToCapitals } from '../core/money-capitals';
import { moneyToCell } from '../core/money';
import type { Voucher } from '../core/ledger/types';
import { MONEY_FMT, SHEETS, TEXT_FMT } from './layout';
import type { Cell, CellSpan, ColumnSpec, GeneratedSheet } from './port';

/** Body lines a voucher block always has (a voucher with more lines makes its block taller). */
export const VOUCHER_LINES = 5;
/** Rows of a block besides its lines: title, 单位/日期/号, column heads, 合计, signatures, a gap. */
const FRAME_ROWS = 6;

const COLUMNS: readonly ColumnSpec[] = [
  { header: '摘要', key: 'summary', width: 30, numFmt: TEXT_FMT, wrap: true },
  { header: '会计科目', key: 'account', width: 34, numFmt: TEXT_FMT, wrap: true },
  { header: '借方金额', key: 'debit', width: 15, numFmt: MONEY_FMT },
  { header: '贷方金额', key: 'credit', width: 15, numFmt: MONEY_FMT },
];

export interface VoucherPrintHead {
  village: string;
  township: string;
  from: string;
  to: string;
  /** Vouchers to an A4 page: 2 or 3. */
  perPage: 2 | 3;
}

/** '2025-03-15' → '2025年03月15日'. */
function dateZh(iso: string): string {
  return `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`;
}

/** '50101 发包收入／土地发包收入': the code and its names from the first level down. */
export function accountLabel(chart: Chart, code: string): string {
  const names: string[] = [];
  for (let c: string | undefined = code; c !== undefined; c = chart.get(c)?.parent) {
    const a = chart.get(c);
    if (!a) break;
    names.unshift(a.name);
  }
  return names.length === 0 ? code : `${code} ${names.join('／')}`;
}

interface Block {
  rows: Cell[][];
  merges: CellSpan[];
  bold: number[];
}

const sum = (xs: readonly number[]): number => xs.reduce((t, x) => t + x, 0);

/** One body line of a printed voucher. Amounts in fen; 0 is printed blank. */
export interface VoucherSlipLine {
  summary: string;
  account: string;
  debit: number;
  credit: number;
}

/**
 * One voucher as it is printed — the text of every box of the standard form. The 记账凭证 sheet
 * and the task pane's print view both draw from this, so the two cannot disagree.
 */
export interface VoucherSlip {
  title: string;
  unit: string;
  date: string;
  number: string;
  /** The column heads: 摘要, 会计科目, 借方金额, 贷方金额. */
  heads: readonly [string, string, string, string];
  /** The voucher's lines, padded with blank ones to VOUCHER_LINES. */
  lines: (VoucherSlipLine | undefined)[];
  totalDebit: number;
  totalCredit: number;
  /** '合计（大写）：…' — the debit total in capitals. */
  totalText: string;
  signatures: string;
  attachments: string;
}

/** The printed form of one voucher. */
export function voucherSlip(v: Voucher, chart: Chart, unit: string): VoucherSlip {
  const n = Math.max(VOUCHER_LINES, v.lines.length);
  const totalDebit = sum(v.lines.map((l) => l.debit));
  const totalCredit = sum(v.lines.map((l) => l.credit));
  return {
    title: '记 账 凭 证',
    unit: `单位：${unit}`,
    date: dateZh(v.date),
    number: `记字第 ${v.number} 号`,
    heads: ['摘要', '会计科目', '借方金额', '贷方金额'],
    lines: Array.from({ length: n }, (_, i) => {
      const l = v.lines[i];
      return l && { summary: l.summary ?? v.summary, account: accountLabel(chart, l.account), debit: l.debit, credit: l.credit };
    }),
    totalDebit,
    totalCredit,
    // 借贷 of a balanced voucher are equal; the capitals are of the debit side as written.
    totalText: `合计（大写）：${fenToCapitals(totalDebit)}`,
    signatures: `记账：    审核：${v.reviewer ?? ''}    制单：${v.preparer ?? ''}`,
    attachments: `附件 ${v.attachments ?? 0} 张`,
  };
}

const amountCell = (fen: number): Cell => (fen === 0 ? null : moneyToCell(fen));

/** One voucher's block, rows relative to its first row. */
function voucherBlock(v: Voucher, chart: Chart, unit: string): Block {
  const slip = voucherSlip(v, chart, unit);
  const rows: Cell[][] = [
    [slip.title, null, null, null],
    [slip.unit, slip.date, slip.number, null],
    [...slip.heads],
    ...slip.lines.map((l): Cell[] => (l ? [l.summary, l.account, amountCell(l.debit), amountCell(l.credit)] : [null, null, null, null])),
    [slip.totalText, null, moneyToCell(slip.totalDebit), moneyToCell(slip.totalCredit)],
    [slip.signatures, null, slip.attachments, null],
    [null, null, null, null],
  ];
  const total = 3 + slip.lines.length;
  return {
    rows,
    merges: [
      { row: 0, col: 0, rows: 1, cols: 4 },
      { row: 1, col: 2, rows: 1, cols: 2 },
      { row: total, col: 0, rows: 1, cols: 2 },
      { row: total + 1, col: 0, rows: 1, cols: 2 },
      { row: total + 1, col: 2, rows: 1, cols: 2 },
    ],
    bold: [0, 2, total],
  };
}

/** The 单位 a voucher names: township then village. */
export function voucherUnit(head: Pick<VoucherPrintHead, 'township' | 'village'>): string {
  return `${head.township}${head.village}`;
}

/** Rows a voucher's block takes. */
export function voucherBlockRows(v: Pick<Voucher, 'lines'>): number {
  return blockRows(v.lines.length);
}

function blockRows(lineCount: number): number {
  return FRAME_ROWS + Math.max(VOUCHER_LINES, lineCount);
}

/**
 * Which vouchers share an A4 page: up to `perPage` in a row, fewer when a long voucher would
 * overflow the page (the row budget is `perPage` blocks of the standard height). Returns the
 * index of the first voucher of every page after the first. The sheet and the pane's print view
 * both cut pages here.
 */
export function voucherPageStarts(lineCounts: readonly number[], perPage: 2 | 3): number[] {
  const budget = perPage * (FRAME_ROWS + VOUCHER_LINES);
  const starts: number[] = [];
  let onPage = 0;
  let pageRows = 0;
  lineCounts.forEach((lines, i) => {
    const rows = blockRows(lines);
    if (onPage > 0 && (onPage === perPage || pageRows + rows > budget)) {
      starts.push(i);
      onPage = 0;
      pageRows = 0;
    }
    onPage++;
    pageRows += rows;
  });
  return starts;
}

/** The sheet's title line: '记账凭证（2025-01 至 2025-03，共 12 张）'. */
export function voucherPrintTitle(head: Pick<VoucherPrintHead, 'from' | 'to'>, count: number): string {
  const period = head.from === head.to ? head.from : `${head.from} 至 ${head.to}`;
  return `记账凭证（${period}，共 ${count} 张）`;
}

/** The 记账凭证 sheet: one block per voucher, in the order given, a page break where voucherPageStarts cuts. */
export function renderVoucherPrint(vouchers: readonly Voucher[], chart: Chart, head: VoucherPrintHead): GeneratedSheet {
  const unit = voucherUnit(head);
  const rows: Cell[][] = [];
  const merges: CellSpan[] = [];
  const boldRows: number[] = [];
  const rowBreaks: number[] = [];
  const starts = new Set(voucherPageStarts(vouchers.map((v) => v.lines.length), head.perPage));
  vouchers.forEach((v, i) => {
    const b = voucherBlock(v, chart, unit);
    if (starts.has(i)) rowBreaks.push(rows.length);
    const at = rows.length;
    rows.push(...b.rows);
    merges.push(...b.merges.map((m) => ({ ...m, row: m.row + at })));
    boldRows.push(...b.bold.map((r) => r + at));
  });
  return {
    name: SHEETS.voucherPrint,
    title: [voucherPrintTitle(head, vouchers.length)],
    columns: COLUMNS,
    rows,
    merges,
    boldRows,
    print: { orientation: 'portrait', fitToHeight: 0, rowBreaks },
  };
}
