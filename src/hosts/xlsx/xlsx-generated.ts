/**
 * Generated sheets, rebuilt whole: title lines, a header row, the body (formulas with cached
 * results), bold total rows, column widths, A4 print setup, and sheet protection without a
 * password (a guard against accidental edits, not security).
 */
import type ExcelJS from 'exceljs';
import type { GeneratedSheet } from '../../workbook/port';
import { columnLetter, generatedHeaderRow } from '../../workbook/layout';
import { fromCell } from './xlsx-cells';

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

/** Fills a fresh worksheet with the generated content. */
export async function writeGeneratedSheet(ws: ExcelJS.Worksheet, g: GeneratedSheet): Promise<void> {
  const width = Math.max(1, g.columns.length);
  const headerRow = generatedHeaderRow(g);
  g.title.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) {
      cell.font = { bold: true, size: 14 };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      if (width > 1) ws.mergeCells(1, 1, 1, width);
    }
  });
  g.columns.forEach((c, j) => {
    const col = ws.getColumn(j + 1);
    col.width = c.width ?? Math.max(10, c.header.length * 2 + 4);
  });
  const body = g.rows.map((r) => g.columns.map((c, j) => fromCell(r[j] ?? null, c.numFmt)));
  if (g.table) {
    // An Excel table over header + body (at least one body row: Excel tables need one).
    ws.addTable({
      name: g.table,
      displayName: g.table,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: 'TableStyleLight1', showRowStripes: false },
      columns: g.columns.map((c) => ({ name: c.header, filterButton: false })),
      rows: body.length > 0 ? body : [g.columns.map(() => null)],
    });
  } else {
    g.columns.forEach((c, j) => {
      ws.getCell(headerRow, j + 1).value = c.header;
    });
    body.forEach((r, i) => {
      const row = ws.getRow(headerRow + 1 + i);
      r.forEach((v, j) => {
        row.getCell(j + 1).value = v;
      });
    });
  }
  g.columns.forEach((_c, j) => {
    const h = ws.getCell(headerRow, j + 1);
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.border = BOX;
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  const totals = new Set(g.totalRows ?? []);
  for (let i = 0; i < g.rows.length; i++) {
    const row = ws.getRow(headerRow + 1 + i);
    g.columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.border = BOX;
      if (totals.has(i)) cell.font = { bold: true };
    });
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: width > 7 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `1:${headerRow}`,
    printArea: `A1:${columnLetter(width - 1)}${headerRow + Math.max(1, g.rows.length)}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  await ws.protect('', {
    selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true,
  });
}
