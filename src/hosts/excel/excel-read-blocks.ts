/**
 * The fallback read for tables too big for one response (Excel on the web answers at most
 * 5 MB): sizes first, then the values in row blocks, several blocks per request up to a cell
 * budget. Syncs: 2 + about cells / cellsPerRequest; a village book never comes here.
 */
import type { TableData, TypedTableSpec } from '../../workbook/port';
import { buildTableData, probeTables } from './excel-read';

/** ~40 bytes a cell (a Chinese summary escaped) keeps a response near 4 MB. */
export const DEFAULT_CELLS_PER_REQUEST = 100_000;

interface Sized {
  spec: TypedTableSpec;
  sheet: Excel.Worksheet;
  /** The table's header row, or the sheet's used range (its first row is the header). */
  header: Excel.Range;
  /** The table's body; undefined when `header` is a used range holding header and body. */
  body: Excel.Range | undefined;
}

interface Block {
  range: Excel.Range;
  owner: number;
  isHeader: boolean;
}

export async function readTablesInBlocks(
  ctx: Excel.RequestContext,
  specs: readonly TypedTableSpec[],
  cellsPerRequest = DEFAULT_CELLS_PER_REQUEST,
): Promise<(TableData | undefined)[]> {
  const probes = await probeTables(ctx, specs);
  const sized = probes.map(({ spec, sheet, table }): Sized | undefined => {
    if (!table.isNullObject) {
      return {
        spec,
        sheet: table.worksheet.load('name'),
        header: table.getHeaderRowRange().load('values,rowIndex,columnIndex'),
        body: table.getDataBodyRange().load('rowIndex,columnIndex,rowCount,columnCount'),
      };
    }
    if (!sheet.isNullObject) {
      return { spec, sheet, header: sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'), body: undefined };
    }
    return undefined;
  });
  await ctx.sync();

  const bodies: unknown[][][] = sized.map(() => []);
  const headers: unknown[][] = sized.map(() => []);
  let pending: Block[] = [];
  let queued = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await ctx.sync();
    for (const b of pending) {
      if (b.isHeader) headers[b.owner] = b.range.values[0] ?? [];
      else bodies[b.owner]?.push(...b.range.values);
    }
    pending = [];
    queued = 0;
  };
  for (const [owner, s] of sized.entries()) {
    if (!s || (s.body === undefined && s.header.isNullObject)) continue;
    const area = s.body ?? s.header;
    const cols = Math.max(1, area.columnCount);
    const first = s.body === undefined ? 1 : 0;
    if (first === 1) pending.push({ range: s.sheet.getRangeByIndexes(area.rowIndex, area.columnIndex, 1, cols).load('values'), owner, isHeader: true });
    const step = Math.max(1, Math.floor(cellsPerRequest / cols));
    for (let r = first; r < area.rowCount; r += step) {
      const rows = Math.min(step, area.rowCount - r);
      if (queued > 0 && queued + rows * cols > cellsPerRequest) await flush();
      pending.push({ range: s.sheet.getRangeByIndexes(area.rowIndex + r, area.columnIndex, rows, cols).load('values'), owner, isHeader: false });
      queued += rows * cols;
    }
  }
  await flush();

  return sized.map((s, i) => {
    if (!s) return undefined;
    if (s.body === undefined && s.header.isNullObject) {
      return { sheet: s.sheet.name, table: s.spec.table, header: [], rows: [], firstRow: 2, columnLetters: [] };
    }
    const header = s.body === undefined ? (headers[i] ?? []) : (s.header.values[0] ?? []);
    return buildTableData(s.spec, s.sheet.name, header, bodies[i] ?? [], s.header.rowIndex, s.header.columnIndex);
  });
}
