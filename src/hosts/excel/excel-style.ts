/**
 * The look of generated sheets, the same as the ExcelJS host draws them (src/hosts/xlsx/
 * xlsx-generated.ts): a merged 14-pt title, grey boxed header, thin grey grid, A4 print setup
 * fitted to the page width with the title and header repeated on every page.
 */
import type { GeneratedSheet } from '../../workbook/port';
import { columnLetter } from './excel-cells';
// Port widths are characters (as ExcelJS); Office.js wants points (Excel's 8.43-character default is 48 points).
import { POINTS_PER_CHAR, columnChars } from '../../workbook/print';

export { POINTS_PER_CHAR, columnChars };
const GRID_COLOR = '#999999';
const HEADER_FILL = '#EFEFEF';
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;


export function drawGrid(range: Excel.Range): void {
  for (const edge of EDGES) {
    const border = range.format.borders.getItem(edge);
    border.style = 'Continuous';
    border.color = GRID_COLOR;
  }
}

export function styleTitle(sheet: Excel.Worksheet, width: number): void {
  const first = sheet.getRangeByIndexes(0, 0, 1, width);
  if (width > 1) first.merge(false);
  first.format.set({ font: { bold: true, size: 14 }, horizontalAlignment: 'Center', verticalAlignment: 'Center' });
}

export function styleHeader(header: Excel.Range): void {
  header.format.set({ font: { bold: true }, fill: { color: HEADER_FILL }, horizontalAlignment: 'Center', verticalAlignment: 'Center', wrapText: true });
  drawGrid(header);
}

export function setColumnWidths(sheet: Excel.Worksheet, columns: GeneratedSheet['columns'], row0: number): void {
  columns.forEach((c, j) => {
    sheet.getRangeByIndexes(row0, j, 1, 1).format.columnWidth = columnChars(c) * POINTS_PER_CHAR;
  });
}

/**
 * How a sheet prints: A4, one page wide and `fitToHeight` pages tall (0: as many as it needs),
 * the rows above the body repeated on every page, page numbers in the footer. Page layout is
 * ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout); `zoom` must be
 * set as a whole object, not property by property.
 */
export interface PagePlan {
  orientation: 'portrait' | 'landscape';
  fitToHeight: number;
  /** Rows 1..repeatRows are printed on every page (title lines and header). */
  repeatRows: number;
  /** Printed columns (from A) and rows (from 1); no print area when undefined (typed-in sheets grow). */
  area?: { cols: number; rows: number };
}

export function setupPage(sheet: Excel.Worksheet, plan: PagePlan): void {
  const layout = sheet.pageLayout;
  layout.set({
    paperSize: 'A4',
    orientation: plan.orientation === 'landscape' ? 'Landscape' : 'Portrait',
    centerHorizontally: true,
    zoom: { horizontalFitToPages: 1, verticalFitToPages: plan.fitToHeight },
  });
  layout.setPrintMargins('Inches', { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
  if (plan.repeatRows > 0) layout.setPrintTitleRows(`$1:$${plan.repeatRows}`);
  if (plan.area) layout.setPrintArea(`A1:${columnLetter(Math.max(1, plan.area.cols) - 1)}${Math.max(1, plan.area.rows)}`);
  layout.headersFooters.defaultForAllPages.centerFooter = '第 &P 页，共 &N 页';
}
