/** ExcelJS cell values ↔ port Scalars. Dates cross as ISO 'YYYY-MM-DD' text (UTC, as ExcelJS reads them). */
import type ExcelJS from 'exceljs';
import type { Cell, Scalar } from '../../workbook/port';
import { isFormulaCell } from '../../workbook/port';
import { DATE_FMT } from '../../workbook/layout';
import { dateToIso } from '../../workbook/codecs/cells';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A read cell as a Scalar: formulas give their cached result, rich text its plain text, errors their code. */
export function toScalar(v: ExcelJS.CellValue | undefined): Scalar {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateToIso(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return toScalar((v as { result?: ExcelJS.CellValue }).result);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('hyperlink' in v) return String((v as { text?: unknown }).text ?? '');
    if ('error' in v) return String(v.error);
  }
  return null;
}

/** A Scalar to write: ISO text in a date-formatted column becomes a real date (UTC midnight). */
export function fromScalar(v: Scalar, numFmt: string | undefined): ExcelJS.CellValue {
  if (typeof v === 'string' && numFmt === DATE_FMT && ISO_DATE.test(v)) {
    return new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10))));
  }
  return v;
}

/** A generated cell: formulas carry their computed result as the cached value (WPS does not recalculate). */
export function fromCell(c: Cell, numFmt: string | undefined): ExcelJS.CellValue {
  if (isFormulaCell(c)) {
    const result = fromScalar(c.result, numFmt);
    return (result === null ? { formula: c.formula } : { formula: c.formula, result }) as ExcelJS.CellFormulaValue;
  }
  return fromScalar(c, numFmt);
}
