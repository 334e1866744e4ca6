/**
 * The look of generated sheets, the same as the ExcelJS host draws them (src/hosts/xlsx/
 * xlsx-generated.ts): a merged 14-pt title, grey boxed header, thin grey grid, A4 print setup
 * fitted to the page width with the title and header repeated on every page.
 */
import type { GeneratedSheet } from '../../workbook/port';
import { columnWidthChars } from '../../workbook/layout';
import { columnLetter } from './excel-cells';

/** Port widths are characters (as ExcelJS); Office.js wants points. Excel's 8.43-character default is 48 points. */
export const POINTS_PER_CHAR = 5.7;
const GRID_COLOR = '#999999';
const HEADER_FILL = '#EFEFEF';
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** The width of a column without one: layout.ts's rule, the same in both hosts. */
export const columnChars = columnWidthChars;

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

/** A4, landscape past 7 columns, one page wide, title and header rows on every page, page numbers. */
export function setupPage(sheet: Excel.Worksheet, width: number, headerRow0: number, bodyRows: number): void {
  const layout = sheet.pageLayout;
  layout.set({ paperSize: 'A4', orientation: width > 7 ? 'Landscape' : 'Portrait', centerHorizontally: true, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  layout.setPrintMargins('Inches', { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
  layout.setPrintTitleRows(`$1:$${headerRow0 + 1}`);
  layout.setPrintArea(`A1:${columnLetter(width - 1)}${headerRow0 + 1 + Math.max(1, bodyRows)}`);
  layout.headersFooters.defaultForAllPages.centerFooter = '第 &P 页，共 &N 页';
}
