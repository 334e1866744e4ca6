/**
 * Appending to a typed-in sheet that has lost its Excel table (a user converted it to a range,
 * or made the sheet by hand): rows go below the used range, under the header found in its first
 * row, as the ExcelJS host does. Rare, so it may cost 3 syncs plus one per ~4 MB.
 */
import type { Scalar, TypedTableSpec } from '../../workbook/port';
import { PayloadBatcher } from './excel-batch';
import { chunkRowsByPayload, estimateRowsBytes } from './excel-cells';
import { rowsUnderHeader } from './excel-typed';

export async function appendToSheetIn(ctx: Excel.RequestContext, spec: TypedTableSpec, rows: readonly Scalar[][], budget: number): Promise<void> {
  if (rows.length === 0) return;
  const sheet = ctx.workbook.worksheets.getItem(spec.sheet);
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  await ctx.sync();

  let labels: string[];
  let at: { row0: number; col0: number };
  if (used.isNullObject) {
    // An empty sheet: the spec's header goes in row 1.
    labels = spec.columns.map((c) => c.header);
    sheet.getRangeByIndexes(0, 0, 1, labels.length).values = [labels];
    at = { row0: 1, col0: 0 };
  } else {
    const header = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, 1, used.columnCount).load('values');
    await ctx.sync();
    labels = (header.values[0] ?? []).map((v: unknown) => String(v ?? ''));
    at = { row0: used.rowIndex + used.rowCount, col0: used.columnIndex };
  }
  const formats = labels.map((label) => spec.columns.find((c) => c.header === label)?.numFmt ?? 'General');
  const values = rowsUnderHeader(spec, labels, formats, rows);

  const batcher = new PayloadBatcher(ctx, budget);
  let row0 = at.row0;
  for (const chunk of chunkRowsByPayload(values, budget / 2)) {
    const fmt = chunk.map(() => formats);
    await batcher.reserve(estimateRowsBytes(chunk) + estimateRowsBytes(fmt));
    const block = sheet.getRangeByIndexes(row0, at.col0, chunk.length, labels.length);
    // No table to carry formats down: set them first, so codes stay text and dates dates.
    block.numberFormat = fmt;
    block.values = chunk;
    row0 += chunk.length;
  }
  await batcher.flush();
}
