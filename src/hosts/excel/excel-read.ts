/**
 * Reads of the Excel host. Each costs a fixed number of syncs whatever the row count:
 * one to learn which sheets and tables exist (Office.js cannot chain calls on a null object),
 * one to load every needed range as 2-D values.
 */
import type { Scalar, SheetGrid, TableData, TypedTableSpec, WorkbookMeta } from '../../workbook/port';
import { META_SHEET } from '../../workbook/layout';
import { decodeMetaRows } from '../../workbook/codecs/meta';
import { columnLetter, columnsByHeader, dropTrailingEmptyRows, fromExcelValue } from './excel-cells';

type Read =
  | { kind: 'table'; spec: TypedTableSpec; header: Excel.Range; body: Excel.Range; sheet: Excel.Worksheet }
  | { kind: 'sheet'; spec: TypedTableSpec; used: Excel.Range; sheetName: string };

export interface TableProbe {
  spec: TypedTableSpec;
  sheet: Excel.Worksheet;
  table: Excel.Table;
}

/** Which of the specs' sheets and tables exist. 1 sync. */
export async function probeTables(ctx: Excel.RequestContext, specs: readonly TypedTableSpec[]): Promise<TableProbe[]> {
  const probes = specs.map((spec) => ({
    spec,
    sheet: ctx.workbook.worksheets.getItemOrNullObject(spec.sheet).load('name'),
    table: ctx.workbook.tables.getItemOrNullObject(spec.table).load('name'),
  }));
  await ctx.sync();
  return probes;
}

/**
 * Reads tables by table name, wherever the user moved them; a sheet without its table is read
 * from its used range (first row = header). A missing sheet reads as undefined. 2 syncs.
 * Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded); the caller
 * then reads in row blocks (excel-read-blocks.ts).
 */
export async function readTablesIn(ctx: Excel.RequestContext, specs: readonly TypedTableSpec[]): Promise<(TableData | undefined)[]> {
  if (specs.length === 0) return [];
  const probes = await probeTables(ctx, specs);

  const reads = probes.map(({ spec, sheet, table }): Read | undefined => {
    if (!table.isNullObject) {
      return {
        kind: 'table',
        spec,
        header: table.getHeaderRowRange().load('values,rowIndex,columnIndex'),
        body: table.getDataBodyRange().load('values'),
        sheet: table.worksheet.load('name'),
      };
    }
    if (!sheet.isNullObject) {
      return { kind: 'sheet', spec, used: sheet.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex'), sheetName: sheet.name };
    }
    return undefined;
  });
  if (reads.some((r) => r !== undefined)) await ctx.sync();
  return reads.map((r) => (r === undefined ? undefined : toTableData(r)));
}

function toTableData(read: Read): TableData {
  if (read.kind === 'table') {
    const headerValues = read.header.values[0] ?? [];
    return buildTableData(read.spec, read.sheet.name, headerValues, read.body.values, read.header.rowIndex, read.header.columnIndex);
  }
  if (read.used.isNullObject) {
    return { sheet: read.sheetName, table: read.spec.table, header: [], rows: [], firstRow: 2, columnLetters: [] };
  }
  const [headerValues = [], ...body] = read.used.values;
  return buildTableData(read.spec, read.sheetName, headerValues, body, read.used.rowIndex, read.used.columnIndex);
}

export function buildTableData(
  spec: TypedTableSpec,
  sheet: string,
  headerValues: readonly unknown[],
  body: readonly (readonly unknown[])[],
  headerRow0: number,
  column0: number,
): TableData {
  const header = headerValues.map((v) => (v === null || v === undefined ? '' : String(v)));
  const byHeader = columnsByHeader(spec.columns);
  const formats = header.map((label) => byHeader.get(label)?.numFmt);
  const rows = dropTrailingEmptyRows(body.map((row) => header.map((_, j) => fromExcelValue(row[j], formats[j]))));
  return {
    sheet,
    table: spec.table,
    header,
    rows,
    firstRow: headerRow0 + 2,
    columnLetters: header.map((_, j) => columnLetter(column0 + j)),
  };
}

/**
 * The hidden _meta sheet's key/value rows → meta. Undefined when there is no such sheet or it
 * does not parse (as the ExcelJS host: a book that is not ours). 1–2 syncs.
 */
export async function readMetaIn(ctx: Excel.RequestContext): Promise<WorkbookMeta | undefined> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(META_SHEET).load('name');
  await ctx.sync();
  if (sheet.isNullObject) return undefined;
  // The used range, not a fixed block: the lock hash chain adds rows every month it locks.
  const used = sheet.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex');
  await ctx.sync();
  if (used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0) return undefined;
  const rows: Scalar[][] = used.values.map((row: unknown[]) => row.slice(0, 2).map((v) => fromExcelValue(v, '@')));
  return decodeMetaRows(rows).meta;
}

/** All worksheet names in tab order (hidden ones too, e.g. _meta). 1 sync. */
export async function sheetNamesIn(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * Any sheet as a grid from A1 (previews, hand-typed sheets). 2 syncs: whether the sheet exists,
 * then its used range's values and number formats (a serial under a date format reads as ISO).
 * getUsedRangeOrNullObject(valuesOnly) is ExcelApi 1.4
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)).
 */
export async function readSheetIn(ctx: Excel.RequestContext, name: string): Promise<SheetGrid | undefined> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(name).load('name');
  await ctx.sync();
  if (sheet.isNullObject) return undefined;
  const used = sheet.getUsedRangeOrNullObject(true).load('values,numberFormat,rowIndex,columnIndex');
  await ctx.sync();
  if (used.isNullObject) return { name: sheet.name, rows: [] };
  const rows: Scalar[][] = [];
  for (let r = 0; r < used.rowIndex; r++) rows.push([]);
  used.values.forEach((row: unknown[], i: number) => {
    const formats = (used.numberFormat[i] ?? []) as unknown[];
    const out: Scalar[] = new Array<Scalar>(used.columnIndex).fill(null);
    row.forEach((v, j) => out.push(fromExcelValue(v, typeof formats[j] === 'string' ? (formats[j] as string) : undefined)));
    rows.push(out);
  });
  return { name: sheet.name, rows };
}
