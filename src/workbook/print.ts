/**
 * How generated sheets print, the rules both hosts follow (port.ts PrintSetup): A4, fitted to one
 * page wide, portrait up to 7 printed columns else landscape, and the print area ending before a
 * trailing run of `noPrint` columns. `printedTextPoints` checks what fitting to the width does to
 * the text, so a report whose columns are too wide is found in a test, not on paper.
 */
import type { ColumnSpec, GeneratedSheet } from './port';
import { columnWidthChars } from './layout';

/** Portrait up to 7 printed columns, else landscape. */
export function defaultOrientation(printedColumns: number): 'portrait' | 'landscape' {
  return printedColumns > 7 ? 'landscape' : 'portrait';
}

/** Columns printed: all but the trailing run of `noPrint` ones (a print area is one block). */
export function printedColumns(columns: readonly Pick<ColumnSpec, 'noPrint'>[]): number {
  let n = columns.length;
  while (n > 1 && columns[n - 1]?.noPrint === true) n--;
  return n;
}

export function orientationOf(sheet: Pick<GeneratedSheet, 'columns' | 'print'>): 'portrait' | 'landscape' {
  return sheet.print?.orientation ?? defaultOrientation(printedColumns(sheet.columns));
}

/** The width a column gets when it names none: room for its (Chinese) header. In characters (layout.ts's one rule). */
export const columnChars = columnWidthChars;

/** Body text size in Excel (Calibri/等线 11 pt), and points per character of column width. */
export const BODY_POINTS = 11;
export const POINTS_PER_CHAR = 5.7;
/** A4 is 595 × 842 pt; the hosts' margins are 0.5 inch left and right. */
const PRINTABLE_WIDTH = { portrait: 595 - 72, landscape: 842 - 72 } as const;

/** The size the body text prints at once the printed columns are fitted to the page width. */
export function printedTextPoints(sheet: Pick<GeneratedSheet, 'columns' | 'print'>): number {
  const width = sheet.columns.slice(0, printedColumns(sheet.columns)).reduce((t, c) => t + columnChars(c) * POINTS_PER_CHAR, 0);
  return BODY_POINTS * Math.min(1, PRINTABLE_WIDTH[orientationOf(sheet)] / width);
}
