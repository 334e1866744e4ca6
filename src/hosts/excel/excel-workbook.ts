/**
 * WorkbookPort over Office.js: the live Excel workbook. Every method is one `Excel.run` with a
 * fixed number of context.sync() calls whatever the row count (see each *In function), because
 * each sync is a round trip to Excel (and over the network in Excel on the web).
 *
 * @example
 * const book = createExcelWorkbook();            // in the add-in
 * const [vouchers] = await book.readTables([VOUCHERS]);
 */
import type { Scalar, TypedTableSpec, WorkbookPort } from '../../workbook/port';
import { DEFAULT_PAYLOAD_BUDGET, defaultRun, type ExcelRun, type ExcelWorkbookOptions } from './excel-batch';
import { columnIndex } from './excel-cells';
import { replaceGeneratedIn } from './excel-generated';
import { readMetaIn, readTablesIn, sheetNamesIn } from './excel-read';
import { appendRowsIn, initializeIn, writeMetaIn } from './excel-typed';

export type { ExcelRun, ExcelWorkbookOptions } from './excel-batch';
export { ExcelHostError } from './excel-cells';

export function createExcelWorkbook(run: ExcelRun = defaultRun, options: ExcelWorkbookOptions = {}): WorkbookPort {
  const budget = options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET;
  return {
    readMeta: () => run((ctx) => readMetaIn(ctx)),
    sheetNames: () => run((ctx) => sheetNamesIn(ctx)),
    readTables: (specs) => run((ctx) => readTablesIn(ctx, specs)),
    initialize: (meta, tables) => run((ctx) => initializeIn(ctx, meta, tables)),
    appendRows: (spec: TypedTableSpec, rows: readonly Scalar[][]) => run((ctx) => appendRowsIn(ctx, spec, rows, budget)),
    replaceGeneratedSheets: (sheets) => run((ctx) => replaceGeneratedIn(ctx, sheets, budget)),
    writeMeta: (meta) => run((ctx) => writeMetaIn(ctx, meta)),
  };
}

/**
 * Shows a finding's cell: activates the sheet and selects the cell. 1 sync.
 * @param row 1-based worksheet row
 * @param column worksheet letters ('C') or 1-based column number; anything else selects column A
 */
export async function selectCell(sheet: string, row: number, column: string | number, run: ExcelRun = defaultRun): Promise<void> {
  const col0 = typeof column === 'number' ? Math.max(0, column - 1) : (columnIndex(column) ?? 0);
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getCell(Math.max(0, row - 1), col0).select();
    await ctx.sync();
  });
}
