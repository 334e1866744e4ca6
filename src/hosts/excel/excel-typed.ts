/**
 * Writes to the sheets people type into: creating them (initialize), appending imported rows,
 * and the hidden _meta sheet. Typed-in sheets are never rewritten.
 */
import type { ColumnSpec, Scalar, TypedTableSpec, WorkbookMeta } from '../../workbook/port';
import { GENERATED_SHEET_ORDER, META_SHEET } from '../../workbook/layout';
import { META_HEADER, encodeMetaRows } from '../../workbook/codecs/meta';
import { PayloadBatcher } from './excel-batch';
import { ExcelHostError, chunkRowsByPayload, columnsByHeader, estimateRowsBytes, toExcelInput } from './excel-cells';
import { placeSheetName, validationSheets } from './excel-order';
import { POINTS_PER_CHAR, columnChars, setupPage } from './excel-style';
import { defaultOrientation } from '../../workbook/print';

/** Excel's row count: _meta's key/value columns are cleared whole, as the lock chain grows a few rows a month. */
const SHEET_ROWS = 1_048_576;

/** Queues a fresh (or refreshed) _meta sheet: a key | value header, key/value rows as text, hidden. */
export function queueMeta(ctx: Excel.RequestContext, existing: Excel.Worksheet | undefined, meta: WorkbookMeta): void {
  const sheet = existing ?? ctx.workbook.worksheets.add(META_SHEET);
  sheet.getRangeByIndexes(0, 0, SHEET_ROWS, 2).clear('Contents');
  const rows = [META_HEADER, ...encodeMetaRows(meta)];
  const range = sheet.getRangeByIndexes(0, 0, rows.length, 2);
  // Text format first, so '2023' and '2025-06' stay text rather than becoming a number or a date.
  range.numberFormat = rows.map(() => ['@', '@']);
  range.values = rows.map((row) => [row[0] ?? '', row[1] ?? ''].map((v) => (v === null ? '' : v)));
  sheet.visibility = 'Hidden';
}

/** Writes meta: 2 syncs (does the sheet exist; write). */
export async function writeMetaIn(ctx: Excel.RequestContext, meta: WorkbookMeta): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(META_SHEET).load('name');
  await ctx.sync();
  queueMeta(ctx, sheet.isNullObject ? undefined : sheet, meta);
  await ctx.sync();
}

/**
 * Creates meta and each typed-in table that does not exist yet: 2 syncs. An existing table, or
 * a sheet of that name without it, is left as it is: initializing never rewrites a user's
 * sheet (as the ExcelJS host).
 */
export async function initializeIn(ctx: Excel.RequestContext, meta: WorkbookMeta, specs: readonly TypedTableSpec[]): Promise<void> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  const probes = specs.map((spec) => ({ spec, table: ctx.workbook.tables.getItemOrNullObject(spec.table).load('name') }));
  await ctx.sync();
  const order = sheets.items.map((s) => s.name);
  const toCreate = probes.filter((p) => p.table.isNullObject && !order.includes(p.spec.sheet)).map((p) => p.spec);
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  queueTypedTables(ctx, toCreate, order);
  const metaSheet = sheets.items.find((s) => s.name === META_SHEET);
  queueMeta(ctx, metaSheet, meta);
  await ctx.sync();
}

/**
 * Queues new typed-in tables in their tab places, plus empty placeholder sheets for list
 * validations that point at a sheet not generated yet (科目表): a rule over a missing sheet is
 * refused. `order` holds the current tab names and is updated.
 */
export function queueTypedTables(ctx: Excel.RequestContext, specs: readonly TypedTableSpec[], order: string[]): void {
  const generated = new Set(GENERATED_SHEET_ORDER);
  const ranges = specs.flatMap((s) => s.columns.flatMap((c) => (c.validation && 'range' in c.validation ? [c.validation.range] : [])));
  for (const name of validationSheets(ranges)) {
    if (order.includes(name)) continue;
    const sheet = ctx.workbook.worksheets.add(name);
    sheet.position = placeSheetName(order, name, generated);
  }
  for (const spec of specs) {
    const sheet = queueTypedTable(ctx, spec);
    sheet.position = placeSheetName(order, spec.sheet, generated);
  }
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
 * Creates one typed-in table (and its validation sheets) when an import targets a book without
 * it. 2 syncs. False, with nothing written, when a sheet of that name exists without the table.
 */
export async function createTypedTableIn(ctx: Excel.RequestContext, spec: TypedTableSpec): Promise<boolean> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const order = sheets.items.map((s) => s.name);
  if (order.includes(spec.sheet)) return false;
  queueTypedTables(ctx, [spec], order);
  await ctx.sync();
  return true;
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

function isItemNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ItemNotFound';
}

/**
 * Appends rows (in spec column order) to the table, matching columns by header label so a user
 * may have reordered them. Syncs: 1 to read the header, then 1 per ~4 MB of rows (1 for any
 * village-sized import). The empty row a new table is created with is removed.
 */
export async function appendRowsIn(ctx: Excel.RequestContext, spec: TypedTableSpec, rows: readonly Scalar[][], budget: number): Promise<void> {
  if (rows.length === 0) return;
  const table = ctx.workbook.tables.getItem(spec.table);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('rowCount');
  const firstRow = body.getRow(0).load('values,numberFormat');
  try {
    await ctx.sync();
  } catch (e) {
    if (!isItemNotFound(e)) throw e;
    throw new ExcelHostError('table-missing', `找不到表格 ${spec.table}（工作表“${spec.sheet}”）`, `Table ${spec.table} (sheet "${spec.sheet}") not found`);
  }
  const labels = (header.values[0] ?? []).map((v: unknown) => String(v ?? ''));
  // New rows take the formats of the table's columns as they are now (a user may have changed
  // or moved them), so text is escaped against those, not against the spec.
  const values = rowsUnderHeader(spec, labels, firstRow.numberFormat[0] ?? [], rows);
  const placeholder = body.rowCount === 1 && (firstRow.values[0] ?? []).every((v: unknown) => v === '' || v === null);

  const batcher = new PayloadBatcher(ctx, budget);
  for (const chunk of chunkRowsByPayload(values, budget)) {
    await batcher.reserve(estimateRowsBytes(chunk));
    // No alwaysInsert: its documented default (true) is what we want, and passing it at all needs
    // ExcelApi 1.15, which perpetual Excel 2021 (1.14) lacks.
    table.rows.add(undefined, chunk);
  }
  // Removed after the adds: a table may not be left with no body row in between.
  if (placeholder) table.rows.getItemAt(0).delete();
  await batcher.flush();
}
