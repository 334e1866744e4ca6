/**
 * Disclosure tables → generated sheets (财务公开榜2025Q3 …): title and 公开期间 above the table,
 * the amounts as '#,##0.00' numbers (item forms' totals as formulas over their rows, our figure
 * cached), then the 大写 lines, the signature line and 张榜日期, each merged across the page.
 * Printing: A4, landscape when the table is wide, as many pages tall as needed, header repeated.
 */
import type { DisclosureColumn, DisclosureTable } from '../core/disclosure/model';
import { moneyToCell } from '../core/money';
import { toChineseCapitals } from '../core/money-capitals';
import { MONEY_FMT, TEXT_FMT } from './layout';
import type { Cell, ColumnSpec, GeneratedSheet } from './port';
import { statementRows, type StatementLine } from './reports';

const WIDTH: Record<DisclosureColumn['kind'], number> = { text: 16, line: 6, money: 16, date: 11 };

function columnSpec(c: DisclosureColumn, i: number, first: DisclosureColumn | undefined): ColumnSpec {
  const spec: ColumnSpec = { header: c.header, key: `c${i}`, width: c.width ?? WIDTH[c.kind], numFmt: c.kind === 'money' ? MONEY_FMT : c.kind === 'line' ? '0' : TEXT_FMT };
  // The first text column of an item form holds the labels: wide enough to read, wrapped when longer.
  if (c.kind === 'text' && c === first) spec.width = 26;
  if (c.kind === 'text' && c.header !== '项目') spec.wrap = true;
  return spec;
}

/** The lines under the table: 大写 totals, signatures, 张榜日期 (the validator looks for this label). */
export function footerLines(t: Pick<DisclosureTable, 'capitals' | 'signatures' | 'posted'>): string[] {
  const lines = t.capitals.map((c) => `${c.label}（大写）：${toChineseCapitals(c.fen)}`);
  lines.push(t.signatures.map((s) => `${s}：`).join('            '));
  lines.push(`张榜日期：${t.posted ?? ''}`);
  return lines;
}

export function renderDisclosure(t: DisclosureTable): GeneratedSheet {
  const title = [t.title, t.subtitle];
  const columns = t.columns.map((c, i) => columnSpec(c, i, t.columns[0]));
  const form = t.form;
  let body: Cell[][];
  let totalRows: number[];
  if (form.kind === 'flows' || form.kind === 'statement') {
    const formulaOf = new Map(form.items.map((i) => [i.line, i.formula]));
    const lines = t.rows.map((r) => {
      const amounts = r.heading ? [] : r.cells.slice(2).map((c) => (typeof c === 'number' ? c : 0));
      const f = formulaOf.get(r.line ?? 0);
      const line: StatementLine = { line: r.line ?? 0, label: String(r.cells[0] ?? ''), amounts };
      if (f) line.formula = f;
      return line;
    });
    const s = statementRows(title, [{ lines, col: 0 }]);
    body = s.rows;
    totalRows = s.totals;
  } else {
    body = t.rows.map((r) => r.cells.map((c, i): Cell => (t.columns[i]?.kind === 'money' && typeof c === 'number' ? moneyToCell(c) : c)));
    totalRows = t.rows.flatMap((r, i) => (r.total ? [i] : []));
  }
  const boldRows = t.rows.flatMap((r, i) => (r.heading ? [i] : []));
  const footerAt = body.length + 1;
  const footer = footerLines(t);
  const rows: Cell[][] = [...body, [], ...footer.map((line): Cell[] => [line])];
  const sheet: GeneratedSheet = {
    name: t.sheet,
    title,
    columns,
    rows,
    totalRows,
    boldRows,
    merges: footer.map((_, k) => ({ row: footerAt + k, col: 0, rows: 1, cols: columns.length })),
    print: { orientation: columns.length > 6 ? 'landscape' : 'portrait', fitToHeight: 0 },
  };
  return sheet;
}
