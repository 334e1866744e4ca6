/** Display formatting for the pane; amounts go through the one money module. */
import { formatFen, type Fen } from '../core/money';
import type { Scalar } from '../workbook/port';

/** 123450 fen → "1,234.50". */
export function formatAmount(fen: Fen): string {
  return formatFen(fen);
}

/** Plain text of a cell for the sheet preview (dates are already ISO strings). */
export function formatPlainCell(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
