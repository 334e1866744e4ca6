/**
 * Excel number formats of the workbook layout. A module of its own so that sheet specs outside
 * layout.ts (合同, in contracts-layout.ts) can use them while layout.ts lists those specs,
 * without an import cycle.
 */
export const MONEY_FMT = '#,##0.00';
export const TEXT_FMT = '@';
export const DATE_FMT = 'yyyy-mm-dd';
