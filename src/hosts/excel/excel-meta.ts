/**
 * The hidden `_meta` sheet as key/value rows: column A the stable key, column B the value.
 * Rows, not a table, so a person who unhides the sheet can read it and old books stay readable
 * when keys are added.
 */
import { z } from 'zod';
import type { Scalar, WorkbookMeta } from '../../workbook/port';
import { ExcelHostError } from './excel-cells';

export const META_SHEET = '_meta';
/** Rows read and cleared on the meta sheet; more than the keys so future keys fit. */
export const META_ROWS = 20;

const metaSchema = z.object({
  layoutVersion: z.coerce.number().int().positive(),
  chartSystem: z.literal('2023'),
  village: z.string(),
  township: z.string(),
  fiscalYear: z.coerce.number().int().min(1949).max(2999),
  kind: z.enum(['village', 'township']),
  lockedThrough: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
});

/** Meta → key/value rows for A1:B{n}; absent optional keys are not written. */
export function metaToRows(meta: WorkbookMeta): [string, string | number][] {
  const rows: [string, string | number][] = [
    ['layoutVersion', meta.layoutVersion],
    ['chartSystem', meta.chartSystem],
    ['village', meta.village],
    ['township', meta.township],
    ['fiscalYear', meta.fiscalYear],
    ['kind', meta.kind],
  ];
  if (meta.lockedThrough !== undefined) rows.push(['lockedThrough', meta.lockedThrough]);
  return rows;
}

/** Key/value rows as read → meta. An empty sheet is no meta; a malformed one throws (the book is not ours or is damaged). */
export function rowsToMeta(rows: readonly (readonly Scalar[])[]): WorkbookMeta | undefined {
  const record: Record<string, string> = {};
  for (const [key, value] of rows) {
    if (typeof key === 'string' && key !== '' && value !== null && value !== undefined && value !== '') {
      record[key] = String(value);
    }
  }
  if (Object.keys(record).length === 0) return undefined;
  const parsed = metaSchema.safeParse(record);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ExcelHostError('meta-invalid', `_meta 工作表内容无效：${where}`, `The _meta sheet is invalid: ${where}`);
  }
  const { lockedThrough, ...rest } = parsed.data;
  return lockedThrough === undefined ? rest : { ...rest, lockedThrough };
}
