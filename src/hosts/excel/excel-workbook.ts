/**
 * WorkbookPort over Office.js: the live Excel workbook. Every method is one `Excel.run` with a
 * fixed number of context.sync() calls whatever the row count (see each *In function), because
 * each sync is a round trip to Excel (and over the network in Excel on the web). Every write,
 * single or a use case's whole list (`commit`), goes through excel-commit.ts: read-only probes,
 * then one request that writes.
 *
 * @example
 * const book = createExcelWorkbook();            // in the add-in
 * const [vouchers] = await book.readTables([VOUCHERS]);
 */
import type { BookWrite, TableData, TypedTableSpec, WorkbookPort } from '../../workbook/port';
import { DEFAULT_PAYLOAD_BUDGET, defaultRun, type ExcelRun, type ExcelWorkbookOptions } from './excel-batch';
import { ExcelHostError, columnIndex } from './excel-cells';
import { commitIn } from './excel-commit';
import { readMetaIn, readSheetIn, readTablesIn, sheetNamesIn } from './excel-read';
import { readTablesInBlocks } from './excel-read-blocks';

export type { ExcelRun, ExcelWorkbookOptions } from './excel-batch';
export { ExcelHostError };

export function createExcelWorkbook(run: ExcelRun = defaultRun, options: ExcelWorkbookOptions = {}): WorkbookPort {
  const budget = options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET;
  return {
    readMeta: () => run((ctx) => readMetaIn(ctx)),
    sheetNames: () => run((ctx) => sheetNamesIn(ctx)),
    readTables: (specs) => readTables(run, specs),
    readSheet: (name) => run((ctx) => readSheetIn(ctx, name)),
    initialize: (meta, tables) => commit([{ kind: 'initialize', meta, tables }]),
    appendRows: (spec, rows) => commit(rows.length === 0 ? [] : [{ kind: 'append', spec, rows }]),
    replaceGeneratedSheets: (sheets) => commit(sheets.length === 0 ? [] : [{ kind: 'replace', sheets }]),
    writeMeta: (meta) => commit([{ kind: 'meta', meta }]),
    commit,
  };
  async function commit(writes: readonly BookWrite[]): Promise<void> {
    if (writes.length > 0) await run((ctx) => commitIn(ctx, writes, budget));
  }
}

/** One bulk read (2 syncs); row blocks only when Excel on the web refuses the response as too big. */
async function readTables(run: ExcelRun, specs: readonly TypedTableSpec[]): Promise<(TableData | undefined)[]> {
  try {
    return await run((ctx) => readTablesIn(ctx, specs));
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code !== 'ResponsePayloadSizeLimitExceeded') throw e;
    return run((ctx) => readTablesInBlocks(ctx, specs));
  }
}

/** Rows above a finding searched for its header label (title lines + header of any generated sheet). */
const HEADER_SEARCH_ROWS = 10;
const HEADER_SEARCH_COLUMNS = 64;

/**
 * Shows a finding's cell: activates the sheet and selects the cell. 1 sync for a column given
 * as letters ('C') or a 1-based number; 2 for a header label ('借方金额'), which is looked up in
 * the rows above; column A when the label is not found.
 * @param row 1-based worksheet row
 */
export async function selectCell(sheet: string, row: number, column: string | number, run: ExcelRun = defaultRun): Promise<void> {
  const row0 = Math.max(0, row - 1);
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    let col0 = typeof column === 'number' ? Math.max(0, column - 1) : columnIndex(column);
    if (col0 === undefined) {
      const above = ws.getRangeByIndexes(0, 0, Math.max(1, Math.min(row0, HEADER_SEARCH_ROWS)), HEADER_SEARCH_COLUMNS).load('values');
      await ctx.sync();
      col0 = findHeaderColumn(above.values, String(column)) ?? 0;
    }
    ws.activate();
    ws.getCell(row0, col0).select();
    await ctx.sync();
  });
}

/** Column of `label` in the lowest of `rows` that has it (the header sits right above the body). */
function findHeaderColumn(rows: readonly (readonly unknown[])[], label: string): number | undefined {
  for (let r = rows.length - 1; r >= 0; r--) {
    const j = (rows[r] ?? []).findIndex((v) => String(v).trim() === label.trim());
    if (j >= 0) return j;
  }
  return undefined;
}
