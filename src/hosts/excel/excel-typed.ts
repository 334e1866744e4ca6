/**
 * Writes to the sheets people type into: creating them (initialize), appending imported rows,
 * and the hidden _meta sheet. Typed-in sheets are never rewritten.
 */
import type { ColumnSpec, Scalar, TypedTableSpec, WorkbookMeta } from '../../workbook/port';
import { GENERATED_SHEET_ORDER, META_SHEET } from '../../workbook/layout';
import { META_HEADER, encodeMetaRows } from '../../workbook/codecs/meta';
import { ExcelHostError, columnsByHeader, toExcelInput } from './excel-cells';
import { placeSheetName, validationSheets } from './excel-order';
import { POINTS_PER_CHAR, columnChars, setupPage } from './excel-style';
import { defaultOrientation } from '../../workbook/print';

/** Excel's row count: _meta's key/value columns are cleared whole, as the lock chain grows a few rows a month. */
const SHEET_ROWS = 1_048_576;

/**
 * Queues a fresh (or refreshed) _meta sheet: a key | value header, key/value rows as text, hidden.
 * The new rows are written over the old ones before the rows below are cleared, so a request that
 * stops between two of these commands leaves a readable _meta, old or new, never an empty one.
 */
export function queueMeta(ctx: Excel.RequestContext, existing: Excel.Worksheet | undefined, meta: WorkbookMeta): Excel.Worksheet {
  const sheet = existing ?? ctx.workbook.worksheets.add(META_SHEET);
  const rows = [META_HEADER, ...encodeMetaRows(meta)];
  const range = sheet.getRangeByIndexes(0, 0, rows.length, 2);
  // Text format first, so '2023' and '2025-06' stay text rather than becoming a number or a date.
  range.numberFormat = rows.map(() => ['@', '@']);
  range.values = rows.map((row) => [row[0] ?? '', row[1] ?? ''].map((v) => (v === null ? '' : v)));
  sheet.getRangeByIndexes(rows.length, 0, SHEET_ROWS - rows.length, 2).clear('Contents');
  sheet.visibility = 'Hidden';
  return sheet;
}

/**
 * Queues new typed-in tables in their tab places, plus empty placeholder sheets for list
 * validations that point at a sheet not generated yet (科目表): a rule over a missing sheet is
 * refused. `order` holds the current tab names and is updated.
 */
export function queueTypedTables(ctx: Excel.RequestContext, specs: readonly TypedTableSpec[], order: string[]): Map<string, Excel.Worksheet> {
  const added = new Map<string, Excel.Worksheet>();
  const generated = new Set(GENERATED_SHEET_ORDER);
  const ranges = specs.flatMap((s) => s.columns.flatMap((c) => (c.validation && 'range' in c.validation ? [c.validation.range] : [])));
  for (const name of validationSheets(ranges)) {
    if (order.includes(name)) continue;
    const sheet = ctx.workbook.worksheets.add(name);
    sheet.position = placeSheetName(order, name, generated);
    added.set(name, sheet);
  }
  for (const spec of specs) {
    const sheet = queueTypedTable(ctx, spec);
    sheet.position = placeSheetName(order, spec.sheet, generated);
    added.set(spec.sheet, sheet);
  }
  return added;
}

function validationRule(v: NonNullable<ColumnSpec['validation']>): Excel.DataValidationRule {
  // Excel caps an inline list at 255 characters; long lists (account codes) are a range.
  const source = 'list' in v ? v.list.join(',') : v.range;
  return { list: { inCellDropDown: true, source } };
}

/** Excel's limits on a data-validation input message (the UI refuses longer ones). */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

/**
 * A column's note, as the input message Excel shows when the header cell is selected
 * (DataValidation.prompt, ExcelApi 1.8: https://learn.microsoft.com/javascript/api/excel/excel.datavalidationprompt).
 * A prompt needs no rule: the header cell accepts any value.
 */
function queueHeaderNote(sheet: Excel.Worksheet, col: number, c: ColumnSpec): void {
  if (c.note === undefined || c.note === '') return;
  sheet.getRangeByIndexes(0, col, 1, 1).dataValidation.prompt = {
    showPrompt: true,
    title: c.header.slice(0, PROMPT_TITLE_MAX),
    message: c.note.slice(0, PROMPT_MESSAGE_MAX),
  };
}

/**
 * Header row, one empty formatted body row, the table over both, validation, header notes,
 * widths (as the ExcelJS host), frozen header, and the print setup (A4, one page wide, header on
 * every page; landscape past 7 columns, so 凭证 prints landscape).
 */
function queueTypedTable(ctx: Excel.RequestContext, spec: TypedTableSpec): Excel.Worksheet {
  const n = spec.columns.length;
  const sheet = ctx.workbook.worksheets.add(spec.sheet);
  sheet.getRangeByIndexes(0, 0, 1, n).values = [spec.columns.map((c) => c.header)];
  // Formats go on the body row before the table exists; the table carries them to added rows.
  sheet.getRangeByIndexes(1, 0, 1, n).numberFormat = [spec.columns.map((c) => c.numFmt ?? 'General')];
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, n), true);
  table.name = spec.table;
  table.style = 'TableStyleLight9'; // as the ExcelJS host
  spec.columns.forEach((c, j) => {
    if (c.validation) {
      const dv = table.columns.getItemAt(j).getDataBodyRange().dataValidation;
      dv.rule = validationRule(c.validation);
      dv.ignoreBlanks = true;
      // A warning, not a stop (as the ExcelJS host): the code list is regenerated on each run and may lag behind 科目.
      dv.errorAlert = { showAlert: true, style: 'Warning', title: c.header, message: `不在${c.header}的可选值中 — not in the list of allowed values` };
    }
    queueHeaderNote(sheet, j, c);
    sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = columnChars(c) * POINTS_PER_CHAR;
  });
  sheet.freezePanes.freezeRows(1);
  setupPage(sheet, { orientation: defaultOrientation(n), fitToHeight: 0, repeatRows: 1 });
  return sheet;
}

/**
 * Rows in spec column order → rows in the order of the header as found (matched by label),
 * escaped for the column formats as they are. Throws when a spec column is missing.
 */
export function rowsUnderHeader(
  spec: TypedTableSpec,
  labels: readonly string[],
  actualFormats: readonly unknown[],
  rows: readonly Scalar[][],
): (string | number | boolean)[][] {
  const missing = spec.columns.find((c) => !labels.includes(c.header));
  if (missing) {
    throw new ExcelHostError('column-missing', `表格 ${spec.table} 缺少列“${missing.header}”`, `Table ${spec.table} lacks column "${missing.header}"`);
  }
  const specIndex = new Map(spec.columns.map((c, i) => [c.header, i]));
  const byHeader = columnsByHeader(spec.columns);
  const formats = labels.map((label, j) => {
    const actual = actualFormats[j];
    return typeof actual === 'string' ? actual : byHeader.get(label)?.numFmt;
  });
  return rows.map((row) =>
    labels.map((label, j) => {
      const i = specIndex.get(label);
      return toExcelInput(i === undefined ? null : (row[i] ?? null), formats[j]);
    }),
  );
}
