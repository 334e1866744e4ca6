/**
 * Office-free helpers of the Excel host: cell value conversion both ways, column letters,
 * request-payload estimates and row chunking. Kept apart from the Excel.run code so they are
 * tested without any mock.
 */
import { isFormulaCell, type Cell, type ColumnSpec, type Scalar } from '../../workbook/port';
import { columnLetter } from '../../workbook/layout';
import { isIsoDateAt, isoToSerial as serialOfIso, serialToIso } from '../../workbook/codecs/cells';

export { serialToIso };

/** Misuse or an unusable workbook shape in the Excel host (a bug channel, not a data finding). */
export class ExcelHostError extends Error {
  constructor(
    readonly code: 'table-missing' | 'column-missing' | 'not-generated' | 'duplicate-header' | 'merge-in-table',
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} — ${en}`);
    this.name = 'ExcelHostError';
  }
}

/** 0-based column index → worksheet letters (0 → 'A', 26 → 'AA'); one definition, in the layout. */
export { columnLetter };

/** Worksheet letters → 0-based index ('A' → 0); undefined when not letters. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A number format that shows a date (yyyy-mm-dd, m/d/yy …), so serial numbers mean days. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === '@') return false;
  // Strip quoted text and escapes so '"年"' does not count; a date format has a y or a d code.
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').toLowerCase();
  return /[yd]/.test(bare);
}

/**
 * 'YYYY-MM-DD' → Excel serial day number; undefined when the text is not a real calendar date.
 * The arithmetic (and its inverse, serialToIso) is the codecs' one; this only adds the check.
 */
export function isoToSerial(text: string): number | undefined {
  return isIsoDateAt(text, 0, text.length) ? serialOfIso(text) : undefined;
}

/** A value as Excel returns it → port Scalar: '' is an empty cell; numbers in date columns become ISO dates. */
export function fromExcelValue(v: unknown, numFmt: string | undefined): Scalar {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return isDateFormat(numFmt) ? serialToIso(v) : v;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Text Excel would turn into a number, a date or a formula if typed (and so if assigned to `values`). */
const REINTERPRETED = /^[=+\-@]|^(true|false)$|^\s*[+-]?(\d[\d,]*)?\.?\d+(e[+-]?\d+)?%?\s*$|^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/i;

/**
 * Port Scalar → what we assign to `values`/`formulas`. Assignment is parsed like typing, so text
 * that looks like a number, date or formula gets the apostrophe prefix that keeps it text (the
 * apostrophe is not part of the stored value). Columns formatted '@' already keep text as typed.
 * ISO dates in date columns become serial numbers so no locale parses them.
 */
export function toExcelInput(v: Scalar, numFmt: string | undefined): string | number | boolean {
  if (v === null) return '';
  if (typeof v !== 'string') return v;
  if (isDateFormat(numFmt)) {
    const serial = isoToSerial(v);
    if (serial !== undefined) return serial;
  }
  if (numFmt !== '@' && REINTERPRETED.test(v)) return `'${v}`;
  return v;
}

/** A generated-sheet cell → an entry of a `formulas` array (formula cells get their '='). */
export function toFormulaInput(c: Cell, numFmt: string | undefined): string | number | boolean {
  return isFormulaCell(c) ? `=${c.formula}` : toExcelInput(c, numFmt);
}

/**
 * Upper estimate of the bytes one cell adds to a request: JSON text with non-ASCII escaped as
 * \uXXXX (6 bytes, the worst case for Chinese), plus the separator.
 */
export function estimateCellBytes(v: string | number | boolean | null): number {
  if (v === null) return 5;
  if (typeof v !== 'string') return String(v).length + 1;
  let n = 3;
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    n += code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c ? 6 : 1;
  }
  return n;
}

export function estimateRowsBytes(rows: readonly (readonly (string | number | boolean | null)[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 2;
    for (const v of row) n += estimateCellBytes(v);
  }
  return n;
}

/**
 * Splits rows into consecutive blocks whose estimated payload stays under `budgetBytes`
 * (a single row larger than the budget still forms its own block).
 */
export function chunkRowsByPayload<T extends string | number | boolean | null>(
  rows: readonly (readonly T[])[],
  budgetBytes: number,
): T[][][] {
  const chunks: T[][][] = [];
  let current: T[][] = [];
  let used = 2;
  for (const row of rows) {
    const bytes = estimateRowsBytes([row]) - 2; // the row alone, without the outer brackets
    if (current.length > 0 && used + bytes > budgetBytes) {
      chunks.push(current);
      current = [];
      used = 2;
    }
    current.push([...row]);
    used += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Header label → its spec column (labels are what users see; keys are what code uses). */
export function columnsByHeader(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  return new Map(columns.map((c) => [c.header, c]));
}

/** Trailing rows with no value at all are dropped (Excel tables keep one empty body row). */
export function dropTrailingEmptyRows(rows: Scalar[][]): Scalar[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((v) => v === null)) end--;
  return rows.slice(0, end);
}
