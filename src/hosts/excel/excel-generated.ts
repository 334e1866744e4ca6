/**
 * Rebuilding generated sheets (科目余额表, 资产负债表 …) whole. Syncs: 1 to list the existing
 * sheets, then 1 for the whole rebuild unless the cell data passes the ~4 MB request budget.
 */
import type { GeneratedSheet } from '../../workbook/port';
import { PayloadBatcher } from './excel-batch';
import { chunkRowsByPayload, estimateRowsBytes, toExcelInput, toFormulaInput } from './excel-cells';
import { POINTS_PER_CHAR } from './excel-typed';

/** Generated sheets are read-only to people (they are rebuilt anyway) but may be formatted and selected. */
export const GENERATED_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
  selectionMode: 'Normal',
};

export async function replaceGeneratedIn(ctx: Excel.RequestContext, sheets: readonly GeneratedSheet[], budget: number): Promise<void> {
  if (sheets.length === 0) return;
  const existing = ctx.workbook.worksheets.load('items/name,items/position');
  await ctx.sync();
  const byName = new Map(existing.items.map((s) => [s.name, s]));
  const suspend = (): void => ctx.workbook.application.suspendApiCalculationUntilNextSync();
  suspend();
  const batcher = new PayloadBatcher(ctx, budget, suspend);
  for (const [i, gen] of sheets.entries()) {
    await queueGeneratedSheet(ctx, batcher, gen, byName.get(gen.name), i);
  }
  await batcher.flush();
}

/**
 * The new sheet is built under a temporary name and swapped in, so the workbook never has to
 * delete its last sheet and the old one keeps its tab position.
 */
async function queueGeneratedSheet(
  ctx: Excel.RequestContext,
  batcher: PayloadBatcher,
  gen: GeneratedSheet,
  old: Excel.Worksheet | undefined,
  index: number,
): Promise<void> {
  const n = Math.max(1, gen.columns.length);
  const sheet = ctx.workbook.worksheets.add(old ? `~${index}~${gen.name}`.slice(0, 31) : gen.name);
  const titleRows = gen.title.length;
  const headerRow = titleRows;
  const bodyRow = titleRows + 1;
  const formats = gen.columns.map((c) => c.numFmt ?? 'General');

  if (titleRows > 0) {
    const title = sheet.getRangeByIndexes(0, 0, titleRows, 1);
    title.values = gen.title.map((t) => [toExcelInput(t, undefined)]);
    title.format.font.bold = true;
  }
  const header = sheet.getRangeByIndexes(headerRow, 0, 1, n);
  header.values = [gen.columns.map((c) => toExcelInput(c.header, '@'))];
  header.format.font.bold = true;

  // Body in row blocks under the request budget; formats before values so '@' columns keep text.
  const body = gen.rows.map((row) => gen.columns.map((c, j) => toFormulaInput(row[j] ?? null, c.numFmt)));
  let at = bodyRow;
  for (const chunk of chunkRowsByPayload(body, batcher.budget / 2)) {
    const fmt = chunk.map(() => formats);
    await batcher.reserve(estimateRowsBytes(chunk) + estimateRowsBytes(fmt));
    const block = sheet.getRangeByIndexes(at, 0, chunk.length, n);
    block.numberFormat = fmt;
    block.formulas = chunk;
    at += chunk.length;
  }
  for (const r of gen.totalRows ?? []) {
    if (r >= 0 && r < gen.rows.length) sheet.getRangeByIndexes(bodyRow + r, 0, 1, n).format.font.bold = true;
  }
  gen.columns.forEach((c, j) => {
    if (c.width !== undefined) sheet.getRangeByIndexes(headerRow, j, 1, 1).format.columnWidth = c.width * POINTS_PER_CHAR;
  });
  sheet.freezePanes.freezeRows(headerRow + 1);

  if (old) {
    old.delete();
    sheet.name = gen.name;
    sheet.position = old.position;
  }
  if (gen.table !== undefined) {
    // A table needs a body row; an empty report gets one blank row.
    const table = sheet.tables.add(sheet.getRangeByIndexes(headerRow, 0, 1 + Math.max(1, gen.rows.length), n), true);
    table.name = gen.table;
  }
  sheet.protection.protect(GENERATED_PROTECTION);
}
